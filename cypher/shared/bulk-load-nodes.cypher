// Creates nodes of one label in an empty store, one batch at a time.
// Params: $rows: list of records with every property of the label.
UNWIND $rows AS r
CREATE (n:__LABEL__)
SET n.id = r.id, __ASSIGNMENTS__
