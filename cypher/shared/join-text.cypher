// Texts __PARTS__ (a comma-separated list of string expressions) joined into one.
reduce(text = '', part IN [__PARTS__] | text + part)
