// Every node of one label. Returns: node.
MATCH (n:__LABEL__)
RETURN n AS node
