// Kùzu reads a CSV file written by the store straight into an empty node table: measured
// ~750k rows/s, where parameter batches manage a few thousand (PERFORMANCE.md pitfall 2).
// __FILE__ is the store's own temporary file; there are no params.
COPY __LABEL__ FROM '__FILE__' (HEADER = true, PARALLEL = false)
