// Kùzu numbers the rows of each node table: the offset is a small integer, which costs far less
// to send than an id and finds its node through an array instead of a map.
offset(id(__NODE__))
