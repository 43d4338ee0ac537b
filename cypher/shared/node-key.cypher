// The key of node __NODE__ in readGraph: what the relationship lists name their ends by. The id
// is a key in every store.
__NODE__.id
