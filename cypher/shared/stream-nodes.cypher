// Every node of one label. Returns: every property as a column.
MATCH (n:__LABEL__)
RETURN __COLUMNS__
