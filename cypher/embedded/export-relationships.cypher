// Writes every relationship of one type between one label pair to a CSV file of (from, to) ids,
// no header; see export-nodes.cypher for why. __FILE__ is the store's own temporary file.
COPY (MATCH (a:__FROM__)-[:__TYPE__]->(b:__TO__) RETURN a.id, b.id) TO '__FILE__' (HEADER = false)
