"""Linear-algebra facts the chapter-1 scenes display, computed here with numpy (no manim)."""

import numpy as np

# The post's example matrix, an input given by the post.
A_POST = np.arange(1, 13).reshape(3, 4)


def rank(M):
    return int(np.linalg.matrix_rank(M))


def null_basis(M, tol=1e-10):
    """Orthonormal basis of the null space of M, as columns (from the SVD)."""
    _, s, vt = np.linalg.svd(np.asarray(M, float))
    r = int((s > tol * max(s.max(), 1.0)).sum())
    return vt[r:].T


def left_null_basis(M, tol=1e-10):
    """Orthonormal basis of the vectors orthogonal to M's column space (from the SVD)."""
    u, s, _ = np.linalg.svd(np.asarray(M, float))
    r = int((s > tol * max(s.max(), 1.0)).sum())
    return u[:, r:]


def column_basis(M, tol=1e-10):
    """Orthonormal basis of M's column space (the image), as columns."""
    u, s, _ = np.linalg.svd(np.asarray(M, float))
    r = int((s > tol * max(s.max(), 1.0)).sum())
    return u[:, :r]


def integer_direction(v, max_multiplier=24, tol=1e-9):
    """v rescaled to small integers if that is exact (within tol), else None.

    The smallest non-zero entry is scaled to 1 first; then multipliers 1..max_multiplier
    are tried, so (0.41, -0.82, 0.41) becomes (1, -2, 1) but an irrational ratio stays None.
    """
    v = np.asarray(v, float)
    nonzero = np.abs(v) > tol
    if not nonzero.any():
        return None
    base = v / np.abs(v[nonzero]).min()
    for k in range(1, max_multiplier + 1):
        scaled = base * k
        if np.allclose(scaled, np.round(scaled), atol=tol * k * 10):
            out = np.round(scaled).astype(int)
            first = out[np.flatnonzero(out)[0]]
            return out if first > 0 else -out
    return None


def simple_null_vector(M):
    """A non-zero integer vector n with M n = 0 exactly, built from the SVD null space.

    Within the null space we pick the direction whose last entry is 0 (a 1-D slice when the
    null space is 2-D), which for the post's A gives small integers; the result is checked
    with exact integer arithmetic, so a rounding that is not exact is refused.
    """
    N = null_basis(M)
    if N.shape[1] == 0:
        return None
    if N.shape[1] >= 2:
        c = np.array([N[-1, 1], -N[-1, 0]])  # combination with last entry 0
        v = N[:, :2] @ c
    else:
        v = N[:, 0]
    n = integer_direction(v)
    if n is None or np.any(np.asarray(M, int) @ n != 0):
        return None
    return n


def edge_on_angles(normal, theta_hint):
    """Camera (phi, theta) whose viewing direction lies in the plane with this normal.

    manim's camera sits at direction (sin phi cos theta, sin phi sin theta, cos phi); the
    plane is seen edge-on when that direction is orthogonal to the normal. For a theta near
    theta_hint we solve for phi in (0, pi).
    """
    a, b, c = np.asarray(normal, float)
    thetas = theta_hint + np.linspace(-np.pi / 2, np.pi / 2, 721)
    best = None
    for th in thetas:
        h = a * np.cos(th) + b * np.sin(th)
        phi = np.arctan2(-c, h) % np.pi  # sin(phi) h + cos(phi) c = 0
        if 55 * np.pi / 180 <= phi <= 80 * np.pi / 180:
            cost = abs(th - theta_hint)
            if best is None or cost < best[0]:
                best = (cost, phi, th)
    if best is None:
        raise ValueError("no edge-on view near the requested theta")
    return best[1], best[2]
