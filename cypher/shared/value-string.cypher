// The value expression for a string property of row r.
r.__PROPERTY__
