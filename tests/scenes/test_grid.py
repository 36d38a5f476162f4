"""scenes.widgets.grid: the drawn grid is where the map sends it, read back from the lines."""

import math

import numpy as np
import pytest
from manim import ApplyMatrix, ApplyPointwiseFunction, Axes, Dot, NumberPlane, linear

from scenes import style
from scenes.widgets.grid import PlaneGrid, WindowedGrid, anchors, carry, deform
from toynet_core.plane_maps import X1, X2


def f(p):
    """The worked example, written out here: (cos x1 + sin x2, √(x1² + x2²))."""
    return np.stack([np.cos(p[..., 0]) + np.sin(p[..., 1]), np.sqrt(p[..., 0] ** 2 + p[..., 1] ** 2)],
                    axis=-1)


def finish(animation):
    animation.begin()
    animation.interpolate(1.0)
    animation.finish()


@pytest.fixture
def axes():
    # unequal scales and an offset, so that coordinates and scene points differ
    return Axes(x_range=[-3, 3, 1], y_range=[-2, 5, 1], x_length=4.5, y_length=6.3).shift([1.2, -0.4, 0])


def test_lines_start_where_they_were_built_and_are_coloured_by_direction(axes):
    grid = PlaneGrid(axes, x1_range=(-3, 3, 1), x2_range=(-2, 2, 0.5), samples=21)
    along_x1, along_x2 = grid.lines_along(X1), grid.lines_along(X2)
    assert len(along_x1) == 9 and len(along_x2) == 7
    for line, drawn in zip(grid, grid.drawn_coords()):
        assert np.allclose(drawn, line.source, atol=1e-9)
        fixed = drawn[:, 1] if line.runs_along == X1 else drawn[:, 0]
        assert np.allclose(fixed, line.value)
    assert all(m.get_stroke_color() == style.X1_DIRECTION for m in along_x1)
    assert all(m.get_stroke_color() == style.X2_DIRECTION for m in along_x2)
    axis, other = grid.line_at(X2, 0.0), grid.line_at(X2, 1.0)
    assert axis.get_stroke_width() > other.get_stroke_width()


def test_deform_sends_every_point_to_its_image(axes):
    grid = PlaneGrid(axes, samples=41)
    finish(grid.deform(f))
    for line, drawn in zip(grid, grid.drawn_coords()):
        assert np.allclose(drawn, f(line.source), atol=1e-9)
    # the two lines x1 = -2 and x1 = 2 land on one curve: f(-x1, x2) = f(x1, x2)
    assert np.allclose(grid.drawn_coords()[grid.submobjects.index(grid.line_at(X2, -2.0))],
                       grid.drawn_coords()[grid.submobjects.index(grid.line_at(X2, 2.0))])


def test_deform_moves_points_as_apply_pointwise_function_does(axes):
    ours, theirs = PlaneGrid(axes, samples=31), PlaneGrid(axes, samples=31)

    def in_scene(point):  # f acting on scene points, through the axes
        x1, x2 = axes.p2c(point)
        y = f(np.array([x1, x2]))
        return axes.c2p(*y)

    for alpha in (0.3, 0.7, 1.0):
        a = ours.copy()
        b = theirs.copy()
        mine, manims = deform(a, axes, f, rate_func=linear), ApplyPointwiseFunction(in_scene, b, rate_func=linear)
        for anim in (mine, manims):
            anim.begin()
            anim.interpolate(alpha)
        assert np.allclose(a.get_all_points(), b.get_all_points(), atol=1e-6)


def test_deform_by_matrix_is_apply_matrix_on_a_unit_plane():
    plane = NumberPlane()  # unit scale, origin at the scene's origin: coordinates = scene points
    M = np.array([[1.0, -1.0], [1.0, 1.0]])
    ours, theirs = PlaneGrid(plane, samples=5), PlaneGrid(plane, samples=5)
    finish(ours.deform_by_matrix(M))
    finish(ApplyMatrix(M, theirs))
    assert np.allclose(ours.get_all_points(), theirs.get_all_points(), atol=1e-9)
    for line, drawn in zip(ours, ours.drawn_coords()):
        assert np.allclose(drawn, line.source @ M.T, atol=1e-9)


def test_a_dot_is_carried_to_the_image_of_its_centre(axes):
    dot = Dot(axes.c2p(1.0, 2.0))
    width = dot.width
    finish(carry(dot, axes, f))
    assert np.allclose(axes.p2c(dot.get_center()), [math.cos(1) + math.sin(2), math.sqrt(5)], atol=1e-9)
    assert np.isclose(dot.width, width)


def test_apply_map_moves_the_grid_at_once(axes):
    grid = PlaneGrid(axes, samples=11).apply_map(lambda p: 2 * p + 1)
    for line, drawn in zip(grid, grid.drawn_coords()):
        assert np.allclose(drawn, 2 * line.source + 1)
    assert len(anchors(grid[0])) == 11


def test_a_windowed_grid_draws_only_inside_its_window_where_the_map_sends_it(axes):
    window = (-2.0, 2.5, -1.5, 3.0)
    grid = WindowedGrid(axes, window, x1_range=(-6, 6, 1), x2_range=(-6, 6, 1))
    M, b = np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([-1.0, 0.5])
    finish(grid.morph(lambda p: p @ M.T + b))
    for line, now, pieces in zip(grid.lines, grid.current, grid.drawn_pieces()):
        assert np.allclose(now, line.points @ M.T + b)
        start, end = now[0], now[-1]
        # drawn exactly when some point of the image line is inside the window
        t = np.linspace(0, 1, 4001)[:, None]
        dense = start + t * (end - start)
        inside = ((dense[:, 0] > window[0]) & (dense[:, 0] < window[1])
                  & (dense[:, 1] > window[2]) & (dense[:, 1] < window[3]))
        assert bool(pieces) == bool(inside.any())
        for piece in pieces:
            assert np.all(piece[:, 0] >= window[0] - 1e-9) and np.all(piece[:, 0] <= window[1] + 1e-9)
            assert np.all(piece[:, 1] >= window[2] - 1e-9) and np.all(piece[:, 1] <= window[3] + 1e-9)
            # every drawn point lies on the image of the line (a straight line for an affine map)
            d = end - start
            cross = (piece[:, 0] - start[0]) * d[1] - (piece[:, 1] - start[1]) * d[0]
            assert np.allclose(cross, 0, atol=1e-9 * np.dot(d, d))


def test_a_windowed_grid_morph_halfway_is_halfway(axes):
    grid = WindowedGrid(axes, (-3, 3, -2, 5), x1_range=(-2, 2, 1), x2_range=(-1, 1, 1))
    animation = grid.morph(lambda p: 2 * p, rate_func=linear)
    animation.begin()
    animation.interpolate(0.5)
    for line, now in zip(grid.lines, grid.current):
        assert np.allclose(now, 1.5 * line.points)
