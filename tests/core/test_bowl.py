"""toynet_core.bowl: the descent scene's landscape, checked against finite differences and the
definitions of a level set and of gradient descent."""

import numpy as np
import pytest

from toynet_core.bowl import Bowl, clip_closed_curve
from toynet_core.numeric import central_jacobian

BOWL = Bowl(0.3, 0.4, 0.9)


def test_gradient_is_the_transposed_jacobian_of_the_value():
    rng = np.random.default_rng(3)
    for x in rng.uniform(-3, 3, size=(5, 2)):
        numeric = central_jacobian(BOWL.value, x)  # a 1×2 row
        assert np.allclose(BOWL.gradient(x), numeric[0], atol=1e-8)


def test_descent_path_takes_steps_against_the_gradient():
    path = BOWL.descent_path([-2.6, 1.6], 0.8, 5)
    assert path.shape == (6, 2)
    for p, q in zip(path[:-1], path[1:]):
        g = np.array([2 * 0.3 * p[0] + 0.4 * p[1], 0.4 * p[0] + 2 * 0.9 * p[1]])
        assert np.allclose(q, p - 0.8 * g)


def test_stable_step_separates_walks_that_settle_from_walks_that_run_away():
    limit = BOWL.stable_step()
    start = np.array([-1.0, 1.4])
    settles = BOWL.descent_path(start, 0.95 * limit, 200)[-1]
    runs = BOWL.descent_path(start, 1.05 * limit, 200)[-1]
    assert np.linalg.norm(settles) < 1e-3
    assert np.linalg.norm(runs) > 10 * np.linalg.norm(start)


@pytest.mark.parametrize("level", [0.1, 1.0, 4.5])
def test_level_curve_lies_on_its_level_and_goes_round_the_bottom(level):
    points = BOWL.level_curve(level, n=90)
    assert points.shape == (90, 2)
    assert np.allclose(BOWL.value(points), level)
    angles = np.unwrap(np.arctan2(points[:, 1], points[:, 0]))
    assert angles[-1] - angles[0] == pytest.approx(2 * np.pi * 89 / 90, abs=0.1)  # once round, counter-clockwise


def test_level_curve_refuses_the_bottom_and_below():
    with pytest.raises(ValueError, match="above the bottom"):
        BOWL.level_curve(0.0)


def test_a_saddle_is_refused():
    with pytest.raises(ValueError, match="not a bowl"):
        Bowl(0.3, 2.0, 0.9)


def test_clipping_keeps_exactly_the_points_inside_the_window():
    circle = np.stack([np.cos(np.linspace(0, 2 * np.pi, 200, endpoint=False)),
                       np.sin(np.linspace(0, 2 * np.pi, 200, endpoint=False))], axis=1) * 2
    window = (-3.0, 1.0, -3.0, 3.0)  # cuts off the circle's right cap
    pieces = clip_closed_curve(circle, window)
    assert len(pieces) == 1  # the cap is gone; the rest is one arc, even across the array's start
    kept = pieces[0]
    inside = circle[circle[:, 0] <= 1.0]
    assert len(kept) == len(inside)
    assert {tuple(p) for p in kept} == {tuple(p) for p in inside}
    # Consecutive points of the arc are neighbours on the circle (no jump across the gap).
    assert np.max(np.linalg.norm(np.diff(kept, axis=0), axis=1)) < 0.1


def test_clipping_a_curve_inside_closes_it_and_one_outside_vanishes():
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=float)
    whole = clip_closed_curve(square, (-1, 2, -1, 2))
    assert len(whole) == 1 and np.array_equal(whole[0][0], whole[0][-1]) and len(whole[0]) == 5
    assert clip_closed_curve(square + 5, (-1, 2, -1, 2)) == []


def test_clipping_a_band_gives_two_pieces():
    circle = np.stack([np.cos(np.linspace(0, 2 * np.pi, 400, endpoint=False)),
                       np.sin(np.linspace(0, 2 * np.pi, 400, endpoint=False))], axis=1) * 2
    pieces = clip_closed_curve(circle, (-3.0, 3.0, -1.0, 1.0))  # left and right arcs survive
    assert len(pieces) == 2
    assert sorted(np.sign(p[:, 0].mean()) for p in pieces) == [-1.0, 1.0]
