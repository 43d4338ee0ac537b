// Benchmark baseline (embedded store): usages covered by every contract whose term ends in a
// date window, nationally, and their dependents up to three relations away, as one statement.
// Params: $from, $to (ISO dates). Returns: counts.
MATCH (c:Contract)
WHERE c.validTo >= date($from) AND c.validTo <= date($to)
MATCH (c)-[:COVERS]->(u:Usage)
WITH DISTINCT u
OPTIONAL MATCH (u)<-[:TO_USAGE]-(:Relation)-[:FROM_USAGE]->(d1:Usage)
WITH u, d1
OPTIONAL MATCH (d1)<-[:TO_USAGE]-(:Relation)-[:FROM_USAGE]->(d2:Usage)
WITH u, d1, d2
OPTIONAL MATCH (d2)<-[:TO_USAGE]-(:Relation)-[:FROM_USAGE]->(d3:Usage)
RETURN count(DISTINCT u) AS hit, count(DISTINCT d1) + count(DISTINCT d2) + count(DISTINCT d3) AS dependents
