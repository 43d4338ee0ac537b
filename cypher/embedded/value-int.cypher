// Kùzu has no toInteger function, and types a parameter column that is null in every row of a
// batch as STRING, so the value needs an explicit cast.
CAST(r.__PROPERTY__ AS INT64)
