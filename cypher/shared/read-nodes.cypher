// Reads nodes of one label by id.
// Params: $ids: list of ids. Returns: every property as a column.
MATCH (n:__LABEL__)
WHERE n.id IN $ids
RETURN __COLUMNS__
