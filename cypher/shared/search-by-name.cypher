// Case-insensitive substring search in one label's name property.
// Params: $text (lower case), $limit. Returns: node.
MATCH (n:__LABEL__)
WHERE toLower(n.__NAME__) CONTAINS $text
RETURN n AS node
ORDER BY size(n.__NAME__), n.__NAME__
LIMIT $limit
