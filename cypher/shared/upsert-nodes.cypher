// Creates or updates nodes of one label by id.
// Params: $rows: list of records with every property of the label. Returns: count.
// __ASSIGNMENTS__ is `n.p = <value>` for each property, from the model and value-*.cypher.
UNWIND $rows AS r
MERGE (n:__LABEL__ {id: r.id})
SET __ASSIGNMENTS__
RETURN count(n) AS count
