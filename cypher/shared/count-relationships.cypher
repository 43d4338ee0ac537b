// Number of relationships of one type. Returns: count.
MATCH ()-[r:__TYPE__]->()
RETURN count(r) AS count
