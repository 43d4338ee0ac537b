// Kùzu's keys are row offsets (small integers), so each relationship's two keys travel as one
// number, from × 2^26 + to: half the values to convert. Exact while tables hold fewer than 2^26
// (67 million) rows; the national landscape's largest holds 63 thousand.
// Returns: pairs (list of from × 67108864 + to).
MATCH (a:__FROM__)-[:__TYPE__]->(b:__TO__)
RETURN collect(offset(id(a)) * 67108864 + offset(id(b))) AS pairs
