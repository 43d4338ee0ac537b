// The store's change counter (no row before the first write). Returns: changes.
MATCH (m:StoreMeta {id: 'changes'})
RETURN m.changes AS changes
