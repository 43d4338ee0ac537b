// The value expression for a boolean property of row r.
toBoolean(r.__PROPERTY__)
