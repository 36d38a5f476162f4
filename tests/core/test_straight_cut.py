"""toynet_core.straight_cut: a straight cut's errors, and why no cut gets XOR right."""

import numpy as np

from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.straight_cut import cut_in_box, wrong_side


def test_a_cut_between_separable_points_gets_none_wrong():
    points = np.array([[0, 0], [0, 1], [2, 0], [2, 1]])
    labels = np.array([0, 0, 1, 1])
    assert not wrong_side(points, labels, (1, 0), -1).any()  # the line x1 = 1
    assert not wrong_side(points, labels, (-1, 0), 1).any()  # the same line, sides swapped


def test_the_better_assignment_of_sides_is_taken():
    points = np.array([[0, 0], [1, 0], [2, 0]])
    labels = np.array([1, 0, 0])
    # x1 = 0.5: class 1 on the left gets all right; class 1 on the right would get all wrong
    assert wrong_side(points, labels, (1, 0), -0.5).tolist() == [False, False, False]


def test_xor_is_not_separable_because_its_diagonals_cross():
    """Two point sets can be cut apart by a line only if their convex hulls are disjoint.
    XOR's hulls are its two diagonals, and they cross at (1/2, 1/2)."""
    orange = XOR_CENTRES[XOR_LABELS == 0]
    blue = XOR_CENTRES[XOR_LABELS == 1]
    # solve orange[0] + s (orange[1] - orange[0]) = blue[0] + t (blue[1] - blue[0])
    A = np.column_stack([orange[1] - orange[0], blue[0] - blue[1]])
    s, t = np.linalg.solve(A, blue[0] - orange[0])
    assert 0 <= s <= 1 and 0 <= t <= 1
    # so every cut, in any direction and at any offset, gets at least one corner wrong
    rng = np.random.default_rng(0)
    for angle, offset in zip(rng.uniform(0, 2 * np.pi, 2000), rng.uniform(-2, 2, 2000)):
        normal = (np.cos(angle), np.sin(angle))
        assert wrong_side(XOR_CENTRES, XOR_LABELS, normal, offset).sum() >= 1


def test_cut_in_box_ends_on_the_box_and_on_the_line():
    segment = cut_in_box((1.0, 1.0), -1.0, (-1, 2, -1, 2))  # x1 + x2 = 1
    assert np.allclose(segment.sum(axis=1), 1.0)
    assert sorted(map(tuple, np.round(segment, 9))) == [(-1.0, 2.0), (2.0, -1.0)]
    assert cut_in_box((1.0, 0.0), -5.0, (-1, 2, -1, 2)) is None  # x1 = 5 misses the box
