// One node of one label by its key (a row readGraph could not unpack).
// Params: $key. Returns: every property as a column.
MATCH (n:__LABEL__)
WHERE __KEY_N__ = $key
RETURN __COLUMNS__
