"""toynet_core.straight_cut: a straight cut's errors, and why no cut gets XOR right."""

import numpy as np
import pytest

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


from toynet_core.straight_cut import (
    best_sides,
    clip_polygon,
    fold,
    half_plane,
    right_count,
    sides,
    sweep_line,
)


def test_a_point_on_the_line_gets_no_answer_and_is_never_right():
    # x1 - x2 = 0 runs through the two orange corners
    assert sides(XOR_CENTRES, (1, -1), 0).tolist() == [0, -1, 1, 0]
    assert right_count(XOR_CENTRES, XOR_LABELS, (1, -1), 0) == 1
    # nudged off them, both oranges take the same side and are right
    assert right_count(XOR_CENTRES, XOR_LABELS, (1, -1), 0.2) == 3
    # the old rule (side n·x + c > 0 or not) would have counted them as right
    assert (~wrong_side(XOR_CENTRES, XOR_LABELS, (1, -1), 0)).sum() == 3


def test_best_sides_names_the_side_that_stands_for_blue():
    points = np.array([[0, 0], [2, 0]])
    assert best_sides(points, [0, 1], (1, 0), -1) == (2, 1)
    assert best_sides(points, [1, 0], (1, 0), -1) == (2, -1)


def test_half_planes_split_the_box_along_the_line():
    extent = (-0.5, 1.5, -0.5, 1.5)
    for normal, offset in [((1, 0), -0.5), ((1, 1), -1.0), ((0.3, -1), 0.2)]:
        a, b = half_plane(normal, offset, extent, 1), half_plane(normal, offset, extent, -1)

        def area(p):
            x, y = p[:, 0], p[:, 1]
            return 0.5 * abs(x @ np.roll(y, -1) - y @ np.roll(x, -1))

        assert area(a) + area(b) == pytest.approx(4.0)
        assert (a @ np.asarray(normal, float) + offset >= -1e-12).all()
        assert (b @ np.asarray(normal, float) + offset <= 1e-12).all()
    assert len(half_plane((1, 0), -5, extent, 1)) == 0  # x1 = 5 leaves the box no right side


def test_the_sweep_turns_through_every_direction_and_never_passes_three():
    ts = np.linspace(0, 1, 2001)
    lines = [sweep_line(t) for t in ts]
    angles = np.array([np.arctan2(n[1], n[0]) for n, _ in lines]) % np.pi
    assert np.ptp(np.unwrap(angles * 2) / 2) == pytest.approx(np.pi, abs=1e-2)
    counts = np.array([right_count(XOR_CENTRES, XOR_LABELS, n, c) for n, c in lines])
    assert counts.max() == 3 and (counts == 3).mean() > 0.3
    # AND is separable: the same sweep finds lines that get all four right
    and_labels = (XOR_CENTRES.sum(axis=1) == 2).astype(int)
    assert max(right_count(XOR_CENTRES, and_labels, n, c) for n, c in lines) == 4


def test_folding_along_the_blue_diagonal_makes_xor_separable():
    crease = (np.array([1.0, 1.0]), -1.0)  # x1 + x2 = 1, through the two blue corners
    folded = fold(XOR_CENTRES, *crease)
    assert np.allclose(folded, [[0, 0], [0, 1], [1, 0], [0, 0]])
    assert np.allclose(fold(XOR_CENTRES, *crease, amount=0.5)[3], [0.5, 0.5])  # on the crease
    assert right_count(folded, XOR_LABELS, (1, 1), -0.5) == 4


def test_clip_polygon_keeps_the_chosen_side():
    square = [(0, 0), (1, 0), (1, 1), (0, 1)]
    lower = clip_polygon(square, (1, 1), -1, -1)  # x1 + x2 <= 1: the lower-left triangle
    assert sorted(map(tuple, np.round(lower, 9))) == [(0, 0), (0, 1), (1, 0)]
    assert len(clip_polygon(square, (1, 0), -5, 1)) == 0


def test_flatten_presses_one_side_onto_the_crease_along_a_direction():
    from toynet_core.straight_cut import flatten

    normal, offset = np.array([1.0, 1.0]), -1.0  # x1 + x2 = 1
    along = np.array([0.4, -1.4])
    points = np.array([[1.0, 1.0], [0.0, 0.0], [0.0, 1.0], [2.0, 0.5]])
    flat = flatten(points, normal, offset, along)
    assert np.allclose(flat[0], [1.4, -0.4])  # the corner slides along `along` onto the line
    assert np.allclose(flat[1:3], points[1:3])  # the other side and the line itself stay
    assert np.allclose(flat @ normal + offset, np.minimum(points @ normal + offset, 0))
    moved = flat - points
    assert np.allclose(moved[3, 0] * along[1], moved[3, 1] * along[0])  # only along `along`
    half = flatten(points, normal, offset, along, 0.5)
    assert np.allclose(half @ normal + offset, np.where(points @ normal + offset > 0,
                                                       0.5 * (points @ normal + offset),
                                                       points @ normal + offset))
    # as a ReLU: u = (1.4, 0.4)·x is constant along `along` and h = -(n·x + c) is clipped at 0
    u = np.array([1.4, 0.4])
    assert np.isclose(u @ along, 0)
    assert np.allclose(flat @ u, points @ u)
    assert np.allclose(-(flat @ normal + offset), np.maximum(-(points @ normal + offset), 0))
    with pytest.raises(ValueError):
        flatten(points, normal, offset, np.array([1.0, -1.0]))
