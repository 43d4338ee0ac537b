// Deletes nodes of one label by id, with their relationships.
// Params: $ids: list of ids. Returns: count of nodes deleted.
MATCH (n:__LABEL__)
WHERE n.id IN $ids
DETACH DELETE n
RETURN count(*) AS count
