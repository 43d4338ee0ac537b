// Creates relationships of one type between existing nodes, unless they exist already.
// Params: $rows: list of {from, to} ids. Returns: count of rows whose ends exist.
// The ids are taken out of the row struct first and each end is matched on its own: Kùzu 0.11
// plans `MATCH (a {id: r.from}) MATCH (b {id: r.to})` as a cross product of both tables (~370
// rows/s on the national store, PERFORMANCE.md pitfall 2); this shape joins on the id (~30k rows/s).
UNWIND $rows AS r
WITH r.from AS fromId, r.to AS toId
MATCH (a:__FROM__)
WHERE a.id = fromId
WITH a, toId
MATCH (b:__TO__)
WHERE b.id = toId
MERGE (a)-[:__TYPE__]->(b)
RETURN count(*) AS count
