// Writes every node of one label to a CSV file (no header) in the order of __COLUMNS__. Kùzu's
// own writer is several times faster than returning the rows to Node, which matters for the
// index build at start-up (PERFORMANCE.md goal: 2 s for the national landscape).
// __FILE__ is the store's own temporary file; there are no params.
COPY (MATCH (n:__LABEL__) RETURN __COLUMNS__) TO '__FILE__' (HEADER = false)
