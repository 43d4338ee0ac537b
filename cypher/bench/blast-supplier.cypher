// Benchmark baseline (embedded store): usages covered by one supplier's contracts and their
// dependents up to three relations away, as one statement. A dependent uses a hit usage:
// (dependent)<-[:FROM_USAGE]-(:Relation)-[:TO_USAGE]->(hit). Params: $id. Returns: counts.
MATCH (:Organization {id: $id})<-[:SUPPLIED_BY]-(:Contract)-[:COVERS]->(u:Usage)
WITH DISTINCT u
OPTIONAL MATCH (u)<-[:TO_USAGE]-(:Relation)-[:FROM_USAGE]->(d1:Usage)
WITH u, d1
OPTIONAL MATCH (d1)<-[:TO_USAGE]-(:Relation)-[:FROM_USAGE]->(d2:Usage)
WITH u, d1, d2
OPTIONAL MATCH (d2)<-[:TO_USAGE]-(:Relation)-[:FROM_USAGE]->(d3:Usage)
RETURN count(DISTINCT u) AS hit, count(DISTINCT d1) + count(DISTINCT d2) + count(DISTINCT d3) AS dependents
