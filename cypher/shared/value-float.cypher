// The value expression for a floating-point property of row r.
toFloat(r.__PROPERTY__)
