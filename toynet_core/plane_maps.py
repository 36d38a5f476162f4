"""Maps of the plane that the toolkit chapter draws, in plain NumPy.

* the worked example f(x) = (cos x1 + sin x2, √(x1² + x2²)) and its Jacobian, by hand;
* the lines of a grid, sampled for drawing, each with the direction it runs along;
* a polyline clipped to a window, which is what a magnified view shows of a curve.

Points are arrays whose last axis holds (x1, x2).
"""

from dataclasses import dataclass

import numpy as np


# -- the worked example ---------------------------------------------------------------------
def example_map(p):
    """f(x) = (cos x1 + sin x2, √(x1² + x2²)) for points p of shape (..., 2)."""
    p = np.asarray(p, dtype=float)
    x1, x2 = p[..., 0], p[..., 1]
    return np.stack([np.cos(x1) + np.sin(x2), np.hypot(x1, x2)], axis=-1)


def example_jacobian(p):
    """The Jacobian of example_map at one point, row i = output i, column j = input j.

    √(x1² + x2²) is the distance to the origin: it has no derivative there, so the origin is
    refused."""
    x1, x2 = np.asarray(p, dtype=float)
    r = np.hypot(x1, x2)
    if r == 0:
        raise ValueError("f has no Jacobian at the origin: √(x1² + x2²) has a corner there")
    return np.array([[-np.sin(x1), np.cos(x2)], [x1 / r, x2 / r]])


def linear_map(M):
    """x ↦ M x as a map of points (..., 2)."""
    M = np.asarray(M, dtype=float)
    return lambda p: np.asarray(p, dtype=float) @ M.T


def affine_map(M, b):
    """x ↦ M x + b as a map of points (..., 2)."""
    M, b = np.asarray(M, dtype=float), np.asarray(b, dtype=float)
    return lambda p: np.asarray(p, dtype=float) @ M.T + b


# -- grid lines ---------------------------------------------------------------------------------
X1, X2 = 0, 1  # the direction a line runs along: x1 varies on it (x2 fixed), or x2 does


@dataclass(frozen=True)
class GridLine:
    runs_along: int  # X1 or X2
    value: float  # the fixed coordinate: x2 for a line along x1, x1 for a line along x2
    points: np.ndarray  # (samples, 2), in order along the line


def values_in(lo, hi, step, offset=0.0):
    """offset + k·step for every integer k with the value in [lo, hi] (ends included)."""
    first = np.ceil((lo - offset) / step - 1e-9)
    last = np.floor((hi - offset) / step + 1e-9)
    return offset + step * np.arange(first, last + 1)


def grid_lines(x1_values, x2_values, x1_span, x2_span, samples=61):
    """Lines along x1 at each x2 in x2_values (spanning x1_span), then lines along x2 at each
    x1 in x1_values (spanning x2_span), each sampled at `samples` points."""
    t1 = np.linspace(*x1_span, samples)
    t2 = np.linspace(*x2_span, samples)
    along_x1 = [GridLine(X1, float(c), np.stack([t1, np.full_like(t1, c)], axis=1)) for c in x2_values]
    along_x2 = [GridLine(X2, float(c), np.stack([np.full_like(t2, c), t2], axis=1)) for c in x1_values]
    return along_x1 + along_x2


def rectangle_grid(x1_range, x2_range, samples=61):
    """The grid of a rectangle: x1_range and x2_range are (lo, hi, step); lines at lo,
    lo + step, ... up to hi."""
    (a0, a1, da), (b0, b1, db) = x1_range, x2_range
    return grid_lines(values_in(a0, a1, da, offset=a0), values_in(b0, b1, db, offset=b0),
                      (a0, a1), (b0, b1), samples)


# -- clipping -----------------------------------------------------------------------------------
def clip_polyline(points, box):
    """The parts of a polyline inside box = (x_min, x_max, y_min, y_max), as a list of (k, 2)
    polylines; a segment that crosses the border is cut exactly at it (Liang–Barsky)."""
    pts = np.asarray(points, dtype=float)
    if len(pts) < 2:
        return []
    a, d = pts[:-1], np.diff(pts, axis=0)
    x_min, x_max, y_min, y_max = box
    p = np.stack([-d[:, 0], d[:, 0], -d[:, 1], d[:, 1]], axis=1)
    q = np.stack([a[:, 0] - x_min, x_max - a[:, 0], a[:, 1] - y_min, y_max - a[:, 1]], axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = q / p
    enter = np.where(p < 0, t, -np.inf).max(axis=1).clip(min=0.0)
    leave = np.where(p > 0, t, np.inf).min(axis=1).clip(max=1.0)
    parallel_outside = ((p == 0) & (q < 0)).any(axis=1)
    visible = (enter < leave) & ~parallel_outside  # a line that only touches the box draws nothing
    pieces, current, previous, joined = [], None, -2, False
    for i in np.flatnonzero(visible):
        start, end = a[i] + enter[i] * d[i], a[i] + leave[i] * d[i]
        if enter[i] == 0 and previous == i - 1 and joined:
            current.append(end)
        else:
            if current is not None:
                pieces.append(np.array(current))
            current = [start, end]
        previous, joined = i, leave[i] == 1
    if current is not None:
        pieces.append(np.array(current))
    return pieces
