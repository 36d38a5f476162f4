"""toynet_core.linalg: the example matrix's lost and missed directions, checked exactly."""

import numpy as np
import pytest

from toynet_core import linalg as la

A = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])  # the example, written out


def test_null_vector_is_sent_to_zero_exactly():
    n = la.simple_null_vector(A)
    assert n.dtype.kind == "i" and np.any(n != 0)
    assert np.array_equal(A @ n, np.zeros(3, dtype=int))


def test_a_full_rank_matrix_has_no_null_vector_and_misses_nothing():
    M = np.array([[2, 1], [1, 3]])
    assert la.simple_null_vector(M) is None
    assert la.missed_direction(M) is None


def test_missed_direction_is_at_right_angles_to_every_column():
    m = la.missed_direction(A)
    assert np.array_equal(m @ A, np.zeros(4, dtype=int)) and m @ m > 0
    # ... so no input reaches it: the best least-squares output misses it by all of |m|.
    best, *_ = np.linalg.lstsq(A.astype(float), m.astype(float), rcond=None)
    assert np.isclose(np.linalg.norm(A @ best - m), np.linalg.norm(m))


def test_bases_split_the_spaces():
    C, L, N = la.column_basis(A), la.left_null_basis(A), la.null_basis(A)
    assert C.shape == (3, 2) and L.shape == (3, 1) and N.shape == (4, 2)  # rank 2, nullity 2
    assert np.allclose(np.hstack([C, L]).T @ np.hstack([C, L]), np.eye(3))
    assert np.allclose(A @ N, 0) and np.allclose(L.T @ A, 0)
    # every column of A is a mix of the column basis
    assert np.allclose(C @ (C.T @ A), A)


def test_integer_direction_refuses_irrational_ratios():
    assert np.array_equal(la.integer_direction([0.41, -0.82, 0.41]), [1, -2, 1])
    assert la.integer_direction([1.0, np.sqrt(2)]) is None


def test_spread_inputs_fill_the_image_and_use_all_four_dimensions():
    X = la.spread_inputs(A, 200, reach=20.0, seed=3)
    Y = X @ A.T
    assert np.linalg.matrix_rank(X) == 4
    C = la.column_basis(A)
    coords = Y @ C
    assert np.allclose(C @ coords.T, Y.T)  # every output on the plane
    # spread over both directions of the plane, not a sliver
    spread = np.std(coords, axis=0)
    assert spread.min() > 0.5 * spread.max()
    assert np.abs(coords).max() <= 20.0 + 1e-9


def test_inputs_for_reach_the_circle_they_were_asked_for():
    Y = la.circle_in_image(A, radius=6.0, count=40, turns=1.5)
    X = la.inputs_for(A, Y)
    assert np.allclose(X @ A.T, Y)
    assert np.allclose(np.linalg.norm(Y, axis=1), 6.0)
    assert np.allclose(Y @ la.left_null_basis(A), 0)


def test_right_angle_mark_has_perpendicular_legs():
    n = np.array([1.0, -2.0, 1.0])
    corner = la.right_angle_mark(n, A[:, 0], size=0.5)
    leg_a, leg_n = corner[0], corner[2]
    assert np.isclose(leg_a @ leg_n, 0) and np.isclose(np.linalg.norm(leg_a), 0.5)
    assert np.allclose(corner[1], leg_a + leg_n)
    assert np.allclose(np.cross(leg_n, n), 0)


@pytest.mark.parametrize("hint", [-50, -10, 30])
def test_edge_on_view_looks_along_the_plane(hint):
    n = la.left_null_basis(A)[:, 0]
    phi, theta = la.edge_on_angles(n, theta_hint=np.radians(hint))
    view = np.array([np.sin(phi) * np.cos(theta), np.sin(phi) * np.sin(theta), np.cos(phi)])
    assert abs(view @ n) < 1e-9
    assert np.radians(55) <= phi <= np.radians(80)


def test_covering_patch_lies_in_the_plane_and_covers_the_columns():
    m = la.missed_direction(A).astype(float)
    corners = la.covering_patch(A.T, m, margin=1.0)
    assert np.allclose(corners @ m, 0)
    # a rectangle: opposite sides equal, neighbouring sides at right angles
    sides = np.roll(corners, -1, axis=0) - corners
    assert np.allclose(sides[0], -sides[2]) and np.isclose(sides[0] @ sides[1], 0)
    # every column and the origin inside it (coordinates along its two sides within [0, 1])
    e1, e2 = sides[0], sides[1]
    for p in [*A.T.astype(float), np.zeros(3)]:
        a, b = np.linalg.lstsq(np.column_stack([e1, e2]), p - corners[0], rcond=None)[0]
        assert 0 < a < 1 and 0 < b < 1


def test_fan_labels_sit_beyond_the_tips_at_right_angles_to_their_line():
    cols = A.T.astype(float)
    labels = la.fan_label_points(cols, gap=2.0)
    shift = labels - cols
    tip_line = cols[1] - cols[0]
    assert np.allclose(shift, shift[0]) and np.allclose(np.linalg.norm(shift, axis=1), 2.0)
    assert np.isclose(shift[0] @ tip_line, 0)
    assert np.all(np.linalg.norm(labels, axis=1) > np.linalg.norm(cols, axis=1))  # away from 0
    m = la.missed_direction(A)
    assert np.allclose(labels @ m, 0)  # still in the columns' plane


def test_plane_patch_is_a_square_in_the_plane_around_the_point():
    from toynet_core.linalg import plane_patch

    normal, offset, centre = np.array([-1.0, 1.0, 2.0]), -0.5, np.array([0.5, 0.5, 0.25])
    corners = plane_patch(normal, offset, centre, half=1.5)
    assert np.allclose(corners @ normal + offset, 0)
    sides = np.diff(np.vstack([corners, corners[:1]]), axis=0)
    assert np.allclose(np.linalg.norm(sides, axis=1), 3.0)
    assert np.allclose([sides[i] @ sides[i + 1] for i in range(3)], 0)
    foot = corners.mean(axis=0)
    assert np.allclose(np.cross(centre - foot, normal), 0)  # the square's centre is the point's foot


def test_stretch_ratio_is_how_long_a_squares_image_is_for_its_width():
    # a rotation times diag(6, 2): a unit square's image is 6 by 2, whatever the turn
    turn = np.array([[0.6, -0.8], [0.8, 0.6]])
    assert la.stretch_ratio(turn @ np.diag([6.0, 2.0])) == pytest.approx(3.0)
    # three outputs from two inputs (W⁽¹⁾'s first two columns): the same, in 3-D
    assert la.stretch_ratio(np.array([[6.0, 0], [0, 2.0], [0, 0]])) == pytest.approx(3.0)
    assert la.stretch_ratio(np.array([[1.0, 2.0], [2.0, 4.0]])) == float("inf")  # a line
