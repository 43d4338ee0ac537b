// Case-insensitive substring search in one local label's name, within one municipality.
// Params: $text (lower case), $municipalityId, $limit. Returns: every property as a column.
MATCH (n:__LABEL__)
WHERE n.municipalityId = $municipalityId AND toLower(n.__NAME__) CONTAINS $text
RETURN __COLUMNS__
ORDER BY size(n.__NAME__), n.__NAME__
LIMIT $limit
