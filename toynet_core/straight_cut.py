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
