// The value expression for a date property of row r (ISO `YYYY-MM-DD` or null).
date(r.__PROPERTY__)
