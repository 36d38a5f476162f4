"""CloudDot gives the camera the same subpaths as the search it skips, and hands over to that
search once its points are no longer a dot's."""

import numpy as np
from manim import Dot, Square, VMobject

from scenes.widgets.cloud_dot import CloudDot


def searched(mob, n_dims):
    """The subpaths VMobject's own search finds in mob's points."""
    return VMobject.get_subpath_split_indices_from_points(mob, mob.points, n_dims=n_dims)


def test_a_dot_anywhere_is_the_one_loop_the_search_finds():
    dot = CloudDot([0.3, -1.2, 0.5], radius=0.05)
    dot.shift([2.0, 1.0, -0.5]).scale(3.0).rotate(0.7)
    for n_dims in (2, 3):
        found = dot.get_subpath_split_indices_from_points(dot.points, n_dims=n_dims)
        np.testing.assert_array_equal(found, searched(dot, n_dims))
        np.testing.assert_array_equal(found, [[0, len(Dot().points)]])


def test_a_dot_turned_into_two_paths_is_searched_again():
    dot = CloudDot(radius=0.05)
    two = VMobject()
    two.points = np.concatenate([Square().points, Square().shift([3, 0, 0]).points])
    dot.become(two)
    found = dot.get_subpath_split_indices_from_points(dot.points, n_dims=2)
    assert len(found) == 2
    np.testing.assert_array_equal(found, searched(dot, 2))
