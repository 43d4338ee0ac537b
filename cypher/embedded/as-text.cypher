// Kùzu has no toString function.
CAST(__VALUE__ AS STRING)
