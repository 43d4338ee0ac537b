// The value expression for an integer property of row r.
toInteger(r.__PROPERTY__)
