"""The post's map f: R^2 -> R^2 applied to a grid of lines, in plain numpy."""

import numpy as np


def f_plane(p):
    """f(x) = (cos x1 + sin x2, sqrt(x1^2 + x2^2)) for points p of shape (..., 2)."""
    p = np.asarray(p, float)
    x1, x2 = p[..., 0], p[..., 1]
    return np.stack([np.cos(x1) + np.sin(x2), np.sqrt(x1**2 + x2**2)], axis=-1)


def grid_lines(extent=3.0, step=1.0, samples=121):
    """Lines x1 = c and x2 = c of the square [-extent, extent]^2, each as (samples, 2) points.

    samples is odd so that t = 0 is a sample and the kink of f at the origin stays sharp.
    """
    t = np.linspace(-extent, extent, samples)
    values = np.arange(-extent, extent + step / 2, step)
    vertical = [np.stack([np.full_like(t, c), t], axis=1) for c in values]
    horizontal = [np.stack([t, np.full_like(t, c)], axis=1) for c in values]
    return vertical, horizontal


def circle(radius, samples=97):
    a = np.linspace(0, 2 * np.pi, samples)
    return np.stack([radius * np.cos(a), radius * np.sin(a)], axis=1)
