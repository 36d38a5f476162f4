"""The dataset: the four XOR points, each blurred into a cluster by 2-D Gaussian noise."""

import numpy as np

# The XOR truth table: inputs (i1, i2) and the label i1 XOR i2.
XOR_CENTRES = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_LABELS = np.array([0, 1, 1, 0])


def make_dataset(rng, noise, per_cluster):
    """Points (N, 2) and labels (N,) with N = 4 * per_cluster, grouped cluster by cluster.

    Every point is its cluster's XOR centre plus isotropic Gaussian noise of std `noise`,
    and carries that centre's label.
    """
    offsets = rng.normal(0.0, noise, size=(4, per_cluster, 2))
    X = (XOR_CENTRES[:, None, :] + offsets).reshape(-1, 2)
    y = np.repeat(XOR_LABELS, per_cluster)
    return X, y
