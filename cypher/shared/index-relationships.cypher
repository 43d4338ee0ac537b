// Every relationship of one type between one label pair for the in-memory index, as two aligned
// lists of the keys of its ends (keys are never null, so the lists stay aligned). A dialect whose
// keys are small integers may send them in pairs instead (see cypher/embedded).
// Returns: from (list of keys), to (list of keys).
MATCH (a:__FROM__)-[:__TYPE__]->(b:__TO__)
RETURN collect(__KEY_A__) AS from, collect(__KEY_B__) AS to
