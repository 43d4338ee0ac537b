// Adds one to the store's change counter, creating it on the first write. Returns: changes.
MERGE (m:StoreMeta {id: 'changes'})
ON CREATE SET m.changes = 1
ON MATCH SET m.changes = m.changes + 1
RETURN m.changes AS changes
