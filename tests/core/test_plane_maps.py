"""toynet_core.plane_maps: the worked example, grid lines and clipping, checked against
formulas written out here and against finite differences."""

import math

import numpy as np
import pytest

from toynet_core import plane_maps as pm
from toynet_core.numeric import central_jacobian


@pytest.mark.parametrize("x1, x2", [(1.0, 2.0), (-2.5, 0.3), (0.0, -1.0), (3.0, 3.0)])
def test_example_map_is_the_formula(x1, x2):
    expected = [math.cos(x1) + math.sin(x2), math.sqrt(x1 * x1 + x2 * x2)]
    assert np.allclose(pm.example_map([x1, x2]), expected)


def test_example_map_works_on_arrays_of_points():
    pts = np.array([[[1.0, 2.0], [0.0, 0.0]], [[-1.0, 0.5], [2.0, -2.0]]])
    out = pm.example_map(pts)
    assert out.shape == pts.shape
    assert np.allclose(out[1, 1], pm.example_map(pts[1, 1]))


@pytest.mark.parametrize("p", [(1.0, 2.0), (-2.0, 0.5), (0.3, -1.7)])
def test_example_jacobian_matches_finite_differences(p):
    assert np.allclose(pm.example_jacobian(p), central_jacobian(pm.example_map, p), atol=1e-8)


def test_the_top_right_partial_is_cos_x2_not_cos_x1():
    J = pm.example_jacobian((1.0, 2.0))
    assert np.isclose(J[0, 1], math.cos(2.0)) and not np.isclose(J[0, 1], math.cos(1.0))


def test_example_jacobian_refuses_the_origin():
    with pytest.raises(ValueError, match="origin"):
        pm.example_jacobian((0.0, 0.0))


def test_linear_and_affine_maps():
    M, b = np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([0.5, -2.0])
    pts = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 3.0]])
    assert np.allclose(pm.linear_map(M)(pts), [[1, 1], [-1, 1], [-1, 5]])
    assert np.allclose(pm.affine_map(M, b)(pts), [[1.5, -1], [-0.5, -1], [-0.5, 3]])
    assert np.allclose(pm.affine_map(M, b)(np.zeros(2)), b)  # the origin moves to b


def test_values_in_includes_both_ends():
    assert np.allclose(pm.values_in(-3, 3, 1), np.arange(-3, 4))
    assert np.allclose(pm.values_in(-0.2, 1.1, 0.5), [0.0, 0.5, 1.0])
    assert np.allclose(pm.values_in(0.1, 1.0, 0.5, offset=0.25), [0.25, 0.75])


def test_grid_lines_run_along_their_direction():
    lines = pm.rectangle_grid((-2, 2, 1), (-1, 3, 2), samples=11)
    along_x1 = [g for g in lines if g.runs_along == pm.X1]
    along_x2 = [g for g in lines if g.runs_along == pm.X2]
    assert [g.value for g in along_x1] == [-1.0, 1.0, 3.0]
    assert [g.value for g in along_x2] == [-2.0, -1.0, 0.0, 1.0, 2.0]
    for g in along_x1:
        assert g.points.shape == (11, 2)
        assert np.allclose(g.points[:, 1], g.value)
        assert np.isclose(g.points[0, 0], -2) and np.isclose(g.points[-1, 0], 2)
    for g in along_x2:
        assert np.allclose(g.points[:, 0], g.value)
        assert np.isclose(g.points[0, 1], -1) and np.isclose(g.points[-1, 1], 3)


BOX = (-1.0, 1.0, -1.0, 1.0)


def test_a_polyline_inside_is_kept_whole():
    pts = np.array([[-0.5, 0.0], [0.0, 0.5], [0.5, 0.0]])
    (piece,) = pm.clip_polyline(pts, BOX)
    assert np.allclose(piece, pts)


def test_a_polyline_outside_disappears():
    assert pm.clip_polyline(np.array([[2.0, 2.0], [3.0, 2.0], [3.0, 5.0]]), BOX) == []


def test_a_crossing_segment_is_cut_at_the_border():
    (piece,) = pm.clip_polyline(np.array([[-3.0, 0.0], [3.0, 0.0]]), BOX)
    assert np.allclose(piece, [[-1.0, 0.0], [1.0, 0.0]])
    (corner,) = pm.clip_polyline(np.array([[-0.5, 2.0], [2.0, -0.5]]), BOX)  # both ends outside
    assert np.allclose(corner, [[0.5, 1.0], [1.0, 0.5]])


def test_a_polyline_that_leaves_and_returns_gives_two_pieces():
    pts = np.array([[0.0, 0.0], [0.0, 2.0], [0.5, 2.0], [0.5, 0.0]])
    pieces = pm.clip_polyline(pts, BOX)
    assert len(pieces) == 2
    assert np.allclose(pieces[0], [[0.0, 0.0], [0.0, 1.0]])
    assert np.allclose(pieces[1], [[0.5, 1.0], [0.5, 0.0]])


def test_clipped_pieces_lie_on_the_curve_and_in_the_box():
    t = np.linspace(0, 2 * np.pi, 200)
    circle = np.stack([1.2 * np.cos(t), 1.2 * np.sin(t)], axis=1)
    pieces = pm.clip_polyline(circle, BOX)
    assert len(pieces) == 4  # a circle of radius 1.2 keeps four arcs, one at each corner
    for piece in pieces:
        assert np.all(np.abs(piece) <= 1 + 1e-12)
        r = np.hypot(piece[:, 0], piece[:, 1])
        assert np.all(r <= 1.2 + 1e-12) and np.all(r >= 1.199)  # chords of a fine polyline


def test_a_line_that_only_touches_a_corner_draws_nothing():
    assert pm.clip_polyline(np.array([[0.0, 2.0], [2.0, 0.0]]), BOX) == []
