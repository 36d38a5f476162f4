"""toynet_core.boundary: the exact decision boundary, checked against the model and against
the ŷ grid the trainer stored, and its shape on networks whose boundary is known by hand."""

from pathlib import Path

import numpy as np
import pytest

from toynet_core import forward, load_run
from toynet_core.boundary import BEND_DEGREES, boundary_lines, boundary_segments, boundary_shape, turns

ASSETS = Path(__file__).resolve().parents[2] / "assets"
BOX = (-1.0, 1.0, -1.0, 1.0)


@pytest.fixture(scope="module", params=["default_run.npz", "failed_run.npz"])
def run(request):
    return load_run(ASSETS / request.param)


def test_every_boundary_point_has_score_zero(run):
    for k in (0, run.n_snapshots // 2, -1):
        segments = boundary_segments(run.W1[k], run.W2[k], tuple(run.grid_extent))
        points = np.concatenate([segments.reshape(-1, 2), segments.mean(axis=1)])
        if len(points):
            z2 = forward(run.W1[k], run.W2[k], points).z2
            np.testing.assert_allclose(z2, 0.0, atol=1e-9)


def test_boundary_is_where_the_stored_grid_changes_class(run):
    """Every grid edge whose two ends the network classifies apart is crossed by a segment
    near it, and every segment lies near such an edge: nothing missing, nothing extra."""
    gx, gy = run.grid_x1, run.grid_x2
    cell = float(np.hypot(gx[1] - gx[0], gy[1] - gy[0]))
    for k in (run.n_snapshots // 2, -1):
        blue = run.grid_yhat[k] > 0.5
        changes = []
        for i in range(len(gy)):
            for j in range(len(gx)):
                if j + 1 < len(gx) and blue[i, j] != blue[i, j + 1]:
                    changes.append(((gx[j] + gx[j + 1]) / 2, gy[i]))
                if i + 1 < len(gy) and blue[i, j] != blue[i + 1, j]:
                    changes.append((gx[j], (gy[i] + gy[i + 1]) / 2))
        changes = np.array(changes)
        segments = boundary_segments(run.W1[k], run.W2[k], tuple(run.grid_extent))
        assert len(changes) and len(segments)
        assert _distance_to_segments(changes, segments).max() < cell  # nothing missing
        samples = np.concatenate([a + np.linspace(0, 1, 200)[:, None] * (b - a) for a, b in segments])
        back = np.min(np.linalg.norm(samples[:, None] - changes[None], axis=2), axis=1)
        assert back.max() < cell  # and the boundary runs nowhere else


def _distance_to_segments(points, segments):
    """Distance from each point (P, 2) to the nearest of the segments (M, 2, 2)."""
    a, b = segments[None, :, 0], segments[None, :, 1]
    p = points[:, None]
    t = np.clip(np.sum((p - a) * (b - a), axis=2) / np.sum((b - a) ** 2, axis=2), 0, 1)
    return np.min(np.linalg.norm(p - (a + t[..., None] * (b - a)), axis=2), axis=1)


def _net(units, w2):
    """W1 rows (a, b, c) meaning a x1 + b x2 + c, and W2 (w1, w2, w3, bias)."""
    return np.array(units, dtype=float), np.array([w2], dtype=float)


def test_one_unit_gives_one_straight_line():
    # z2 = ReLU(x1 + x2) - 0.5: the line x1 + x2 = 0.5
    W1, W2 = _net([[1, 1, 0], [0, 0, -1], [0, 0, -1]], [1, 0, 0, -0.5])
    (line,) = boundary_lines(W1, W2, BOX)
    assert np.allclose(line.sum(axis=1), 0.5)
    assert boundary_shape(W1, W2, BOX).lines == 1 and boundary_shape(W1, W2, BOX).bent == 0


def test_two_units_bend_one_line_twice():
    # z2 = ReLU(x1) + ReLU(x2) - 0.5: x2 = 0.5 for x1 <= 0, x1 + x2 = 0.5 on the square, x1 = 0.5
    W1, W2 = _net([[1, 0, 0], [0, 1, 0], [0, 0, -1]], [1, 1, 0, -0.5])
    (line,) = boundary_lines(W1, W2, BOX)
    corners = sorted(map(tuple, np.round(line[1:-1], 9)))
    assert corners == [(0.0, 0.5), (0.5, 0.0)]
    assert np.allclose(turns(line), 45.0)
    shape = boundary_shape(W1, W2, BOX)
    assert (shape.lines, shape.bent, shape.straight) == (1, 1, 0)


def test_a_v_shaped_score_gives_two_straight_lines():
    # z2 = ReLU(x1) + ReLU(-x1) - 0.5 = |x1| - 0.5: the lines x1 = -0.5 and x1 = 0.5
    W1, W2 = _net([[1, 0, 0], [-1, 0, 0], [0, 0, -1]], [1, 1, 0, -0.5])
    lines = boundary_lines(W1, W2, BOX)
    assert sorted(round(float(line[:, 0].mean()), 9) for line in lines) == [-0.5, 0.5]
    shape = boundary_shape(W1, W2, BOX)
    assert (shape.lines, shape.bent, shape.straight) == (2, 0, 2)


def test_no_boundary_when_one_class_covers_the_box():
    W1, W2 = _net([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [0, 0, 0, 2.0])  # z2 = 2 everywhere
    assert boundary_lines(W1, W2, BOX) == []
    assert boundary_shape(W1, W2, BOX).lines == 0


def test_a_turn_below_the_threshold_is_not_a_bend():
    small = np.radians(BEND_DEGREES / 2)
    line = np.array([[0, 0], [1, 0], [1 + np.cos(small), np.sin(small)]])
    assert np.isclose(turns(line)[0], BEND_DEGREES / 2)
    square_corner = np.array([[0, 0], [1, 0], [1, 1]])
    assert np.isclose(turns(square_corner)[0], 90.0)
