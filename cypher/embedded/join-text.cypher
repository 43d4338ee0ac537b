// Kùzu's concat takes any number of texts and copies each once; `+` would copy the growing text
// once per part.
concat(__PARTS__)
