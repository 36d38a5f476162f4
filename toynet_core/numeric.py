"""Derivatives by central finite differences: the independent check of every analytic
Jacobian the video shows."""

import numpy as np

FD_STEP = 1e-5  # central differences: error ~ h^2, round-off ~ 1e-16 / h


def central_jacobian(f, x, h=FD_STEP):
    """Jacobian of f at x by central differences, shape (m, n): row i = output i."""
    x = np.asarray(x, dtype=float)
    m = np.atleast_1d(f(x)).size
    jac = np.empty((m, x.size))
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        jac[:, j] = (np.atleast_1d(f(x + step)) - np.atleast_1d(f(x - step))) / (2 * h)
    return jac
