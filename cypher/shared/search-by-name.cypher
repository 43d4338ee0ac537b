// Case-insensitive substring search in one label's name property.
// Params: $text (lower case), $limit. Returns: every property as a column.
MATCH (n:__LABEL__)
WHERE toLower(n.__NAME__) CONTAINS $text
RETURN __COLUMNS__
ORDER BY size(n.__NAME__), n.__NAME__
LIMIT $limit
