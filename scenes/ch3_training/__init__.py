"""Chapter 3: training, forward and backward propagation, the run unfolding, and failure."""

SCENES = []
