// Every relationship of one type between one label pair. Returns: from, to (ids).
MATCH (a:__FROM__)-[:__TYPE__]->(b:__TO__)
RETURN a.id AS from, b.id AS to
