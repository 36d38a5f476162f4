"""One straight cut of the plane as a classifier: which points it puts on the wrong side.

A line n·x + c = 0 splits the plane in two; a cut classifies by side. Either side may stand
for class 1, so a cut counts the errors of the better of the two assignments.
"""

import numpy as np

from .geometry import crease_segments


def wrong_side(points, labels, normal, offset):
    """Boolean mask of the points the cut n·x + c = 0 gets wrong, with its sides given to the
    classes so that the fewest points are wrong (on a tie, class 1 on the side n points to)."""
    points = np.asarray(points, dtype=float)
    labels = np.asarray(labels).astype(int)
    positive = points @ np.asarray(normal, dtype=float) + float(offset) > 0
    wrong_if_positive_is_1 = positive != (labels == 1)
    if wrong_if_positive_is_1.sum() <= (~wrong_if_positive_is_1).sum():
        return wrong_if_positive_is_1
    return ~wrong_if_positive_is_1


def cut_in_box(normal, offset, extent):
    """The segment (2, 2) of the line n·x + c = 0 inside the rectangle `extent`, or None."""
    n = np.asarray(normal, dtype=float)
    return crease_segments(np.array([[n[0], n[1], float(offset)]]), extent)[0]


# -- counting a cut's right answers, with the points on the line ----------------------------------
def sides(points, normal, offset, tol=1e-9):
    """+1 or -1 for the side of the line n·x + c = 0 each point is on, 0 for a point on it."""
    n = np.asarray(normal, dtype=float)
    value = (np.asarray(points, dtype=float) @ n + float(offset)) / np.linalg.norm(n)
    return np.where(np.abs(value) <= tol, 0, np.sign(value)).astype(int)


def best_sides(points, labels, normal, offset, tol=1e-9):
    """(right, blue_side): how many points the cut gets right when its sides are given to the
    classes the better way, and the side (+1 or -1) that then stands for class 1.

    A point on the line is on neither side: the cut gives it no answer, so it is never right.
    On a tie class 1 goes to the side n points to."""
    s = sides(points, normal, offset, tol)
    labels = np.asarray(labels).astype(int)
    wanted = np.where(labels == 1, 1, -1)
    right_if_plus = int((s == wanted).sum())
    right_if_minus = int((s == -wanted).sum())
    return (right_if_plus, 1) if right_if_plus >= right_if_minus else (right_if_minus, -1)


def right_count(points, labels, normal, offset, tol=1e-9):
    """How many points the cut gets right (see best_sides; points on the line are not)."""
    return best_sides(points, labels, normal, offset, tol)[0]


def clip_polygon(polygon, normal, offset, side=1):
    """The part (k, 2) of a convex polygon (counter-clockwise corners) where
    side · (n·x + c) >= 0; empty (0, 2) if none is left."""
    polygon = [np.asarray(p, dtype=float) for p in polygon]
    n = side * np.asarray(normal, dtype=float)
    c = side * float(offset)
    out = []
    for k, p in enumerate(polygon):  # one Sutherland-Hodgman pass against one half-plane
        q = polygon[(k + 1) % len(polygon)]
        vp, vq = p @ n + c, q @ n + c
        if vp >= 0:
            out.append(p)
        if (vp < 0) != (vq < 0):
            out.append(p + vp / (vp - vq) * (q - p))
    # a corner on the line is found twice, as a corner and as a crossing: keep it once
    kept = [p for k, p in enumerate(out) if not np.allclose(p, out[k - 1], atol=1e-12)] if len(out) > 1 else out
    return np.array(kept).reshape(-1, 2)


def half_plane(normal, offset, extent, side=1):
    """The polygon (k, 2) of the rectangle `extent` = (x0, x1, y0, y1) where
    side · (n·x + c) >= 0, counter-clockwise; empty (0, 2) if the line leaves it none."""
    x0, x1, y0, y1 = extent
    return clip_polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], normal, offset, side)


SWEEP_START = np.radians(20)


def sweep_line(t, centre=(0.5, 0.5), start_angle=SWEEP_START, slide=0.75, slides=3.5):
    """(normal, offset) of a line at time t in [0, 1] that turns half a circle about `centre`
    (so it takes every direction a line can have) while sliding back and forth across it by
    up to `slide`, `slides` times."""
    angle = start_angle + np.pi * t
    normal = np.array([np.cos(angle), np.sin(angle)])
    shift = slide * np.sin(2 * np.pi * slides * t)
    return normal, -float(normal @ np.asarray(centre, dtype=float)) - shift


def fold(points, normal, offset, amount=1.0):
    """The points of the side n·x + c > 0 folded over the line by `amount` in [0, 1], seen from
    above: their distance to the line shrinks through 0 (half-way) to its mirror image (1).
    Points on the other side stay."""
    points = np.asarray(points, dtype=float)
    n = np.asarray(normal, dtype=float)
    n = n / np.linalg.norm(n)
    d = points @ n + float(offset) / np.linalg.norm(normal)
    moved = np.where(d > 0, d * (1 - np.cos(np.pi * amount)), 0.0)
    return points - moved[..., None] * n


def flatten(points, normal, offset, along, amount=1.0):
    """The points of the side n·x + c > 0 slid along the direction `along` toward the line, by
    `amount` in [0, 1] of the way: at 1 that half-plane lies pressed flat on the crease, and the
    other side stays. This is what one hidden unit's ReLU does, seen in the input plane: in
    coordinates (u, h), with h = -(n·x + c) the unit's sum and u a second unit that does not
    change along `along` (and stays positive), ReLU sets every negative h to 0 and keeps u.
    `along` must not run parallel to the line."""
    points = np.asarray(points, dtype=float)
    n = np.asarray(normal, dtype=float)
    a = np.asarray(along, dtype=float)
    rate = float(n @ a)
    if abs(rate) < 1e-12:
        raise ValueError("the direction runs along the crease: nothing reaches it")
    d = points @ n + float(offset)
    step = np.where(d > 0, d / rate, 0.0) * float(amount)
    return points - step[..., None] * a
