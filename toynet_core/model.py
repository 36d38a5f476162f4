"""The post's network, and the conventions every other module follows.

Conventions (the single place they are written down):

* An input is a point x = (x1, x2) of the plane. The network appends a constant 1:
  x̃ = [x1, x2, 1], so the bias of the first layer lives in the last column of W1.
* W1 has shape (3, 3): row i holds the weights of hidden unit i, column j multiplies x̃_j.
* z1 = [W1 x̃; 1] has 4 entries; the last one is the constant 1 that carries the second bias.
* x2 = ReLU(z1). Its last entry is ReLU(1) = 1, so it stays the constant 1.
* z2 = W2 x2 with W2 of shape (1, 4); ŷ = σ(z2); the loss of one sample is L = (y − ŷ)².
* ReLU'(0) = 0: a unit exactly at its kink passes no gradient.
* Batched arrays put samples on the first axis: X is (N, 2), z1 is (N, 4), ŷ is (N,).
"""

from dataclasses import dataclass

import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_prime(z):
    """ReLU'(z), with ReLU'(0) = 0 by convention."""
    return (z > 0).astype(float)


def sigmoid(z):
    # Written so that large |z| neither overflows exp nor loses the small tail.
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def sigmoid_prime(z):
    s = sigmoid(z)
    return s * (1.0 - s)


def augment(X):
    """x̃ = [x1, x2, 1] for every row of X (N, 2) -> (N, 3)."""
    X = np.atleast_2d(np.asarray(X, dtype=float))
    return np.hstack([X, np.ones((X.shape[0], 1))])


@dataclass(frozen=True)
class Forward:
    """Every named intermediate of the forward pass, batched over N samples."""

    x_tilde: np.ndarray  # (N, 3)  [x1, x2, 1]
    z1: np.ndarray  # (N, 4)  [W1 x̃; 1]
    x2: np.ndarray  # (N, 4)  ReLU(z1), last entry 1
    z2: np.ndarray  # (N,)    W2 x2
    y_hat: np.ndarray  # (N,)    σ(z2)
    loss: np.ndarray | None  # (N,)    (y − ŷ)², when labels were given


def check_weights(W1, W2):
    W1 = np.asarray(W1, dtype=float)
    W2 = np.asarray(W2, dtype=float)
    if W1.shape != (3, 3):
        raise ValueError(f"W1 must have shape (3, 3), got {W1.shape}")
    if W2.shape not in ((1, 4), (4,)):
        raise ValueError(f"W2 must have shape (1, 4), got {W2.shape}")
    return W1, W2.reshape(1, 4)


def forward(W1, W2, X, y=None):
    """The forward pass for every row of X (N, 2); labels y (N,) add the per-sample loss."""
    W1, W2 = check_weights(W1, W2)
    x_tilde = augment(X)
    hidden = x_tilde @ W1.T
    z1 = np.hstack([hidden, np.ones((hidden.shape[0], 1))])
    x2 = relu(z1)
    z2 = x2 @ W2[0]
    y_hat = sigmoid(z2)
    loss = None if y is None else (np.asarray(y, dtype=float) - y_hat) ** 2
    return Forward(x_tilde, z1, x2, z2, y_hat, loss)


def predict(W1, W2, X):
    """Class 0 or 1 for every row of X: ŷ above one half means class 1."""
    return (forward(W1, W2, X).y_hat > 0.5).astype(int)
