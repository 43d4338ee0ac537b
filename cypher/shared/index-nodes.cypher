// Every node of one label for the in-memory index, packed as one text per node (see
// server/store/packed-nodes.ts): lists convert far faster than rows, and one text per node far
// faster than a value per property. __PACKED__ and __FLOATS__ come from the model.
// Params: $separator. Returns: keys (list of node keys), rows (list of packed texts, aligned
// with keys), floats (list of float lists aligned with keys, or null when the label has none).
MATCH (n:__LABEL__)
RETURN collect(__KEY_N__) AS keys, collect(__PACKED__) AS rows, __FLOATS__ AS floats
