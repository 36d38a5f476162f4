"""A Dot that shows the Cairo camera cheaply that it is one unbroken path.

On every frame the camera splits each drawn path into subpaths, with a search that compares
the anchors of neighbouring curves within a tolerance (VMobject.get_subpath_split_indices_
from_points). For a dot, whose curves always meet exactly, one exact comparison gives the same
answer at a fraction of the cost: a point cloud draws in about 30 % less time (200 dots
in a 3-D view at 854×480: 45 ms a frame as Dots, 32 ms as CloudDots).
"""

import numpy as np
from manim import Dot


class CloudDot(Dot):
    """A Dot drawn as one path when each of its curves ends exactly where the next begins (as a
    dot's always do); any other points (a Transform into some other shape) get the camera's
    usual search."""

    def get_subpath_split_indices_from_points(self, points, n_dims=3):
        step = self.n_points_per_cubic_curve
        n = len(points)
        if n >= step and n % step == 0 and np.array_equal(points[step - 1:-1:step, :n_dims],
                                                          points[step::step, :n_dims]):
            return np.array([[0, n]])
        return super().get_subpath_split_indices_from_points(points, n_dims)
