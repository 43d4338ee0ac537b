// Benchmark baseline (embedded store): the 2-hop neighbourhood of one system as one statement,
// not passing through the hub labels. Params: $id. Returns: nodes.
MATCH (s:System {id: $id})-[]-(a)
WHERE NOT label(a) IN ['Organization', 'Task', 'DataType', 'ArchitectureComponent']
WITH DISTINCT a
MATCH (a)-[]-(b)
RETURN count(DISTINCT b) AS nodes
