// Reads nodes of one label by id.
// Params: $ids: list of ids. Returns: node.
MATCH (n:__LABEL__)
WHERE n.id IN $ids
RETURN n AS node
