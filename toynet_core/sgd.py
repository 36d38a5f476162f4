"""Per-sample SGD, vectorised across independent runs.

One engine serves both a single training run (R = 1) and a seed sweep (R = many): runs sit
on the leading axis and advance in lock step, one sample each per step. Sums are written as
explicit multiply-and-sum over the last axis so a run's arithmetic does not depend on R.
"""

import numpy as np


def sgd_steps(W1, W2, xs, ys, lr):
    """Apply per-sample SGD steps in place.

    W1 (R, 3, 3) and W2 (R, 4) are updated in place. xs (T, R, 3) holds the augmented input
    x̃ of the sample each run sees at each step, ys (T, R) its label. lr is a float.
    """
    for t in range(xs.shape[0]):
        xt = xs[t]
        h = (W1 * xt[:, None, :]).sum(-1)  # (R, 3): W1 x̃
        a = np.maximum(h, 0.0)
        z2 = (W2[:, :3] * a).sum(-1) + W2[:, 3]  # the last entry of x2 is the constant 1
        y_hat = 1.0 / (1.0 + np.exp(-np.clip(z2, -500.0, 500.0)))
        delta = 2.0 * (y_hat - ys[t]) * y_hat * (1.0 - y_hat)  # dL/dz2
        back = delta[:, None] * W2[:, :3] * (h > 0)  # dL/dz1, ReLU'(0) = 0
        W2[:, :3] -= lr * (delta[:, None] * a)
        W2[:, 3] -= lr * delta
        W1 -= lr * (back[:, :, None] * xt[:, None, :])
