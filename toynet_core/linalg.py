"""Linear-algebra facts the toolkit chapter shows, as plain NumPy: the example matrix A, its
rank, the directions it loses and misses, inputs whose outputs cover its image, and the camera
angles that look along a plane.

Scenes draw what these functions return; tests/core/test_linalg.py checks them with exact
integer arithmetic or against NumPy's own decompositions.
"""

import numpy as np

# The example 3×4 matrix (the post's A): four numbers in, three out.
A_POST = np.arange(1, 13).reshape(3, 4)


def rank(M):
    return int(np.linalg.matrix_rank(M))


def _svd_rank(s, tol):
    return int((s > tol * max(s.max(), 1.0)).sum())


def null_basis(M, tol=1e-10):
    """Orthonormal basis of the null space of M (the inputs M sends to 0), as columns."""
    _, s, vt = np.linalg.svd(np.asarray(M, float))
    return vt[_svd_rank(s, tol):].T


def left_null_basis(M, tol=1e-10):
    """Orthonormal basis of the vectors at right angles to M's column space, as columns."""
    u, s, _ = np.linalg.svd(np.asarray(M, float))
    return u[:, _svd_rank(s, tol):]


def column_basis(M, tol=1e-10):
    """Orthonormal basis of M's column space (every output M x lies in it), as columns."""
    u, s, _ = np.linalg.svd(np.asarray(M, float))
    return u[:, :_svd_rank(s, tol)]


def stretch_ratio(M):
    """How many times as much M stretches the direction it stretches most as the one it
    stretches least: its largest singular value over its smallest (inf if it flattens one). A
    square's image under M is about that many times as long as it is wide."""
    s = np.linalg.svd(np.asarray(M, float), compute_uv=False)
    return float(s[0] / s[-1]) if s[-1] > 1e-12 else float("inf")


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
    null space is 2-D), which for A gives small integers; the result is checked with exact
    integer arithmetic, so a rounding that is not exact is refused.
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


def missed_direction(M):
    """The smallest integer vector at right angles to every column of M (M's outputs never
    reach it), or None when M's columns fill the whole output space."""
    L = left_null_basis(M)
    if L.shape[1] == 0:
        return None
    m = integer_direction(L[:, 0])
    if m is None or np.any(m @ np.asarray(M, int) != 0):
        return None
    return m


def spread_inputs(M, count, reach, seed):
    """`count` random inputs whose outputs M x spread evenly over M's image, out to about
    `reach` from the origin, with a random part in the null space that M discards.

    M stretches some directions far more than others (A: about 20 times), so plain uniform
    inputs would give a thin sliver of outputs; weighting each input direction by one over
    its singular value spreads the outputs over the whole image.
    """
    rng = np.random.default_rng(seed)
    M = np.asarray(M, float)
    _, s, vt = np.linalg.svd(M)
    r = _svd_rank(s, 1e-10)
    coords = rng.uniform(-1, 1, size=(count, r)) * reach / np.sqrt(r)
    lost = rng.normal(size=(count, M.shape[1] - r))
    return (coords / s[:r]) @ vt[:r] + lost @ vt[r:]


def inputs_for(M, outputs):
    """Inputs x with M x = y for each row y of `outputs` (y must lie in M's image): the
    smallest such x, from the pseudo-inverse."""
    return np.asarray(outputs, float) @ np.linalg.pinv(np.asarray(M, float)).T


def circle_in_image(M, radius, count, turns=1.0, phase=0.0):
    """`count` points on a circle of `radius` around 0 inside M's image (assumed a plane),
    going round `turns` times: a path an output can trace while staying in the image."""
    u, v = column_basis(M)[:, :2].T
    t = phase + np.linspace(0.0, 2 * np.pi * turns, count)
    return radius * (np.outer(np.cos(t), u) + np.outer(np.sin(t), v))


def covering_patch(points, normal, margin):
    """Corners (4, 3) of a rectangle in the plane through 0 with this normal, covering the
    origin and `points` (projected onto the plane) with `margin` to spare. Its long side
    follows the points' mean direction, so a fan of vectors gets a patch shaped like it."""
    n = np.asarray(normal, float) / np.linalg.norm(normal)
    P = np.asarray(points, float)
    P = P - np.outer(P @ n, n)
    u = P.mean(axis=0)
    u = u / np.linalg.norm(u)
    v = np.cross(n, u)
    cu, cv = np.append(P @ u, 0.0), np.append(P @ v, 0.0)
    lo_u, hi_u = cu.min() - margin, cu.max() + margin
    lo_v, hi_v = cv.min() - margin, cv.max() + margin
    return np.array([a * u + b * v for a, b in ((lo_u, lo_v), (hi_u, lo_v), (hi_u, hi_v), (lo_u, hi_v))])


def fan_label_points(vectors, gap):
    """Where to label a fan of vectors whose tips lie on one line (A's columns do: each is the
    one before plus (1, 1, 1)): `gap` beyond each tip, at right angles to that line and away
    from the origin, so every label sits clear of the other arrows."""
    V = np.asarray(vectors, float)
    d = V[-1] - V[0]
    d = d / np.linalg.norm(d)
    out = V[0] - (V[0] @ d) * d  # from the origin to the line of the tips, at right angles
    return V + gap * out / np.linalg.norm(out)


def right_angle_mark(normal, along, size):
    """The three corners of a small square at the origin between the unit direction of
    `along` and the unit normal: the mark that says the two meet at a right angle.
    `along` is first made exactly perpendicular to the normal."""
    n = np.asarray(normal, float) / np.linalg.norm(normal)
    a = np.asarray(along, float)
    a = a - (a @ n) * n
    a = a / np.linalg.norm(a)
    return np.array([size * a, size * (a + n), size * n])


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


def plane_patch(normal, offset, centre, half):
    """Corners (4, 3) of a square of side 2·half in the plane normal·y + offset = 0, centred on
    the foot of `centre` on that plane."""
    n = np.asarray(normal, float)
    scale = np.linalg.norm(n)
    n, offset = n / scale, offset / scale
    c = np.asarray(centre, float)
    foot = c - (c @ n + offset) * n
    u = np.cross(n, [0.0, 0.0, 1.0]) if abs(n[2]) < 0.9 else np.cross(n, [1.0, 0.0, 0.0])
    u = u / np.linalg.norm(u)
    v = np.cross(n, u)
    return np.array([foot + half * (a * u + b * v) for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1))])
