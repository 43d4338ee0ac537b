// Creates relationships of one type in an empty store, one batch at a time.
// Params: $rows: list of {from, to} ids.
UNWIND $rows AS r
MATCH (a:__FROM__ {id: r.from})
MATCH (b:__TO__ {id: r.to})
CREATE (a)-[:__TYPE__]->(b)
