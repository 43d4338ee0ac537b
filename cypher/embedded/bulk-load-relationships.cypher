// Kùzu reads a CSV of (from, to) ids into a rel table; a table joining several label pairs
// needs the pair named. __FILE__ is the store's own temporary file; there are no params.
COPY __TYPE__ FROM '__FILE__' (HEADER = true, from = '__FROM__', to = '__TO__')
