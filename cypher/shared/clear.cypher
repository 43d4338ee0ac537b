// Deletes every node and relationship of one label; the schema stays.
MATCH (n:__LABEL__)
DETACH DELETE n
