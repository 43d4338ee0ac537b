// Creates relationships of one type between existing nodes, unless they exist already.
// Params: $rows: list of {from, to} ids. Returns: count of rows whose ends exist.
UNWIND $rows AS r
MATCH (a:__FROM__ {id: r.from})
MATCH (b:__TO__ {id: r.to})
MERGE (a)-[:__TYPE__]->(b)
RETURN count(*) AS count
