"""The shapes the video draws, as plain NumPy: where the input sheet lands in hidden space,
where ReLU creases it, how it folds, and where a plane cuts the hidden box.

Scenes draw what these functions return; tests check them against the model itself.
Conventions as in `model`: x̃ = [x1, x2, 1], h = W1 x̃ (the hidden values before ReLU).
"""

import math

import numpy as np

from .model import augment


# -- extents: what the axes and the input sheet cover ------------------------------------------
def hidden_extent(run, margin=0.08):
    """((lo, hi), (lo, hi), (lo, hi)) covering a run's hidden points, before and after ReLU,
    in every snapshot.

    Padded by `margin` of each span and rounded outward to whole numbers, and always
    containing 0, so axes drawn over it (and their origin) stay put whatever snapshot is shown.
    """
    return extent_of(np.concatenate([np.asarray(run.hidden_pre).reshape(-1, 3),
                                     np.asarray(run.hidden_post).reshape(-1, 3)]), margin)


def extent_of(points, margin=0.08):
    """((lo, hi), ...) per coordinate covering `points` (N, d) and the origin, padded by
    `margin` of each span and rounded outward to whole numbers."""
    values = np.asarray(points, dtype=float)
    lo = np.minimum(values.min(axis=0), 0.0)
    hi = np.maximum(values.max(axis=0), 0.0)
    pad = margin * np.maximum(hi - lo, 1.0)
    return tuple((float(math.floor(a - p)), float(math.ceil(b + p)))
                 for a, b, p in zip(lo, hi, pad))


def sheet_extent(X, pad=0.15):
    """(x0, x1, y0, y1): the inputs' bounding box, padded and rounded out to quarter units."""
    X = np.asarray(X, dtype=float)
    lo = np.floor((X.min(axis=0) - pad) * 4) / 4
    hi = np.ceil((X.max(axis=0) + pad) * 4) / 4
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def square(extent):
    """The corners (4, 2) of the input rectangle (x0, x1, y0, y1), counter-clockwise."""
    x0, x1, y0, y1 = extent
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)


# -- the lift: the input sheet in hidden space --------------------------------------------------
def lifted_plane(W1):
    """(normal, offset) of the plane {W1 x̃ : x̃3 = 1} in hidden space: parallel to the span of
    W1's first two columns, through its third column (not through the origin unless that
    column lies in the span)."""
    W1 = np.asarray(W1, dtype=float)
    normal = np.cross(W1[:, 0], W1[:, 1])
    return normal, -float(normal @ W1[:, 2])


def lifted_plane_foot(W1):
    """The point of the lifted plane nearest the origin; its length is the plane's distance
    from the origin (0 when the plane passes through it)."""
    normal, offset = lifted_plane(W1)
    return -offset * normal / float(normal @ normal)


def lifted_plane_distance(W1):
    """Distance from the origin to the plane {W1 x̃ : x̃3 = 1}."""
    return float(np.linalg.norm(lifted_plane_foot(W1)))


def image_of_inputs(W1, P):
    """W1 x̃ for input points P (N, 2): where the lift sends them (before ReLU)."""
    return augment(P) @ np.asarray(W1, dtype=float).T


# -- planes in the hidden box ---------------------------------------------------------------------
_EDGES = [(a, b) for a in range(8) for b in range(a + 1, 8) if bin(a ^ b).count("1") == 1]


def box_plane_section(normal, offset, extent):
    """Vertices (K, 3), in order around the polygon, of the plane normal·h + offset = 0
    cut by the box `extent`; an empty (0, 3) array if the plane misses the box."""
    n = np.asarray(normal, dtype=float)
    corners = np.array([[extent[k][(i >> k) & 1] for k in range(3)] for i in range(8)], float)
    values = corners @ n + offset
    points = []
    for a, b in _EDGES:
        va, vb = values[a], values[b]
        if va == 0:
            points.append(corners[a])
        if (va < 0) != (vb < 0) and vb != 0:
            t = va / (va - vb)
            points.append(corners[a] + t * (corners[b] - corners[a]))
    if len(points) < 3:
        return np.zeros((0, 3))
    points = np.unique(np.round(np.array(points), 12), axis=0)
    centre = points.mean(axis=0)
    # Order by angle in the plane, around the centre.
    u = points[0] - centre
    u /= np.linalg.norm(u)
    v = np.cross(n / np.linalg.norm(n), u)
    angles = np.arctan2((points - centre) @ v, (points - centre) @ u)
    return points[np.argsort(angles)]


def signed_distances(W2, coords):
    """Signed distance of each hidden point (after ReLU) to the plane W2·[h; 1] = 0
    (positive: the class-1 side, where z2 > 0)."""
    w = np.asarray(W2, dtype=float).reshape(-1)
    return (np.asarray(coords, dtype=float) @ w[:3] + w[3]) / np.linalg.norm(w[:3])


# -- ReLU folding: the input sheet cut along the lines where a hidden unit is zero -------------
def fold(H, t):
    """ReLU as a clamp that can be played: negative coordinates shrink by (1 − t).

    t is a scalar or one value per coordinate (3,); t = 1 gives ReLU(H) exactly.
    """
    H = np.asarray(H, dtype=float)
    return np.where(H < 0, (1 - np.asarray(t, dtype=float)) * H, H)


def folded_by(H):
    """(N, 3) bool: which points each unit's ReLU moves (its value is negative there)."""
    return np.asarray(H, dtype=float) < 0


def _clip(poly, a, sign):
    """The part of a convex polygon (K, 2) where sign * a·[x, y, 1] >= 0 (Sutherland–Hodgman)."""
    out = []
    if len(poly) == 0:
        return np.zeros((0, 2))
    values = sign * (augment(poly) @ a)
    for k in range(len(poly)):
        p, q, vp, vq = poly[k], poly[(k + 1) % len(poly)], values[k], values[(k + 1) % len(poly)]
        if vp >= 0:
            out.append(p)
        if (vp >= 0) != (vq >= 0):
            out.append(p + vp / (vp - vq) * (q - p))
    return np.array(out).reshape(-1, 2)


def _area(poly):
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def crease_regions(W1, extent):
    """The input rectangle cut by the three lines W1[i]·x̃ = 0: a list of (polygon (K, 2),
    active (3,) bool). On each piece the pattern of active units is fixed, so ReLU (and every
    stage of `fold`) maps it affinely: its image is the polygon through its folded corners."""
    W1 = np.asarray(W1, dtype=float)
    pieces = [square(extent)]
    for a in W1:
        pieces = [part for poly in pieces for part in (_clip(poly, a, 1), _clip(poly, a, -1))
                  if _area(part) > 1e-9]
    return [(poly, augment(poly.mean(axis=0))[0] @ W1.T > 0) for poly in pieces]


def crease_segments(W1, extent):
    """For each hidden unit i, the segment (2, 2) of the line W1[i]·x̃ = 0 inside the
    rectangle, or None if the unit does not change sign there."""
    segments = []
    corners = square(extent)
    for a in np.asarray(W1, dtype=float):
        values = augment(corners) @ a
        points = []
        for k in range(4):
            p, q, vp, vq = corners[k], corners[(k + 1) % 4], values[k], values[(k + 1) % 4]
            if (vp < 0) != (vq < 0):
                points.append(p + vp / (vp - vq) * (q - p))
        segments.append(np.array(points[:2]) if len(points) >= 2 else None)
    return segments


def split_at_creases(W1, start, end):
    """Points along the input segment start→end, with a corner wherever it crosses a crease,
    so that its folded image (a polyline through the folded corners) is exact."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    ts = [0.0, 1.0]
    for a in np.asarray(W1, dtype=float):
        va, vb = augment(start)[0] @ a, augment(end)[0] @ a
        if (va < 0) != (vb < 0):
            ts.append(va / (va - vb))
    ts = np.unique(ts)
    return start + ts[:, None] * (end - start)
