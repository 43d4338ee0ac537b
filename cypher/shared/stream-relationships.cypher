// Every relationship of one type between one label pair, as two aligned id lists: one row of
// two lists converts about twice as fast as a row per relationship (ids are never null, so the
// lists stay aligned). Returns: from (list of ids), to (list of ids).
MATCH (a:__FROM__)-[:__TYPE__]->(b:__TO__)
RETURN collect(a.id) AS from, collect(b.id) AS to
