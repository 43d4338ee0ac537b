// Deletes relationships of one type between the given ends.
// Params: $rows: list of {from, to} ids. Returns: count deleted.
UNWIND $rows AS r
MATCH (a:__FROM__ {id: r.from})-[x:__TYPE__]->(b:__TO__ {id: r.to})
DELETE x
RETURN count(*) AS count
