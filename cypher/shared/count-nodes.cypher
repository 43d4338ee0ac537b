// Number of nodes of one label. Returns: count.
MATCH (n:__LABEL__)
RETURN count(n) AS count
