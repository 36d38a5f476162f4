"""Chapter 1: the mathematics toolkit (vectors, functions, matrices, gradients)."""

SCENES = []
