"""toynet_core.boundary.boundary_paths and score_pieces: the boundary's pieces, the regions
they run through and the creases where they turn, checked against the forward pass."""

from pathlib import Path

import numpy as np
import pytest

from toynet_core import forward, load_run
from toynet_core.boundary import BEND_DEGREES, boundary_lines, boundary_paths, score_pieces

ASSETS = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture(scope="module", params=["default_run.npz", "failed_run.npz"])
def run(request):
    return load_run(ASSETS / request.param)


def test_paths_are_the_boundary_lines_with_their_regions(run):
    W1, W2, ext = run.W1[-1], run.W2[-1], tuple(run.grid_extent)
    paths = boundary_paths(W1, W2, ext)
    assert len(paths) == len(boundary_lines(W1, W2, ext))
    for path in paths:
        assert np.allclose(forward(W1, W2, path.points).z2, 0, atol=1e-9)
        mids = (path.points[:-1] + path.points[1:]) / 2
        active = forward(W1, W2, mids).z1[:, :3] > 0
        assert [tuple(a) for a in active] == list(path.patterns)
        for (point, unit, turn), k in zip(path.crossings, range(1, len(path.points) - 1)):
            a, b = path.points[k] - path.points[k - 1], path.points[k + 1] - path.points[k]
            cos = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
            assert turn == pytest.approx(np.degrees(np.arccos(np.clip(cos, -1, 1))), abs=1e-6)
            if unit is not None:  # the point is on that unit's crease
                assert abs(np.append(point, 1) @ W1[unit]) < 1e-9
        assert all(turn > BEND_DEGREES for _, _, turn in path.bends)


def test_default_run_boundary_is_two_straight_lines_crossing_no_crease():
    run = load_run(ASSETS / "default_run.npz")
    paths = boundary_paths(run.W1[-1], run.W2[-1], tuple(run.grid_extent))
    assert len(paths) == 2 and all(not p.crossings for p in paths)


def test_a_hand_made_net_bends_where_its_boundary_crosses_a_crease():
    # z2 = −ReLU(x1) + ReLU(x1 + x2 − 1) − 1/2 (unit 3 always off): the crease of unit 1,
    # x1 = 0, splits the plane into pieces where z2 has different slopes
    W1 = np.array([[1.0, 0, 0], [1.0, 1.0, -1.0], [0, 0, -1.0]])
    W2 = np.array([[-1.0, 1.0, 0.0, -0.5]])
    paths = boundary_paths(W1, W2, (-2.0, 2.0, -2.0, 2.0))
    assert len(paths) == 1
    (point, unit, turn), = paths[0].crossings
    assert unit == 0 and abs(point[0]) < 1e-9 and turn > 10


def test_score_pieces_lift_to_the_score(run):
    W1, W2, ext = run.W1[-1], run.W2[-1], tuple(run.grid_extent)
    pieces = score_pieces(W1, W2, ext)
    area = 0.0
    for poly, heights, active, positive in pieces:
        f = forward(W1, W2, poly)
        assert np.allclose(f.z2, heights, atol=1e-9)
        assert (heights >= -1e-9).all() if positive else (heights <= 1e-9).all()
        centre = poly.mean(axis=0, keepdims=True)
        assert tuple(forward(W1, W2, centre).z1[0, :3] > 0) == tuple(active)
        x, y = poly[:, 0], poly[:, 1]
        area += 0.5 * abs(x @ np.roll(y, -1) - y @ np.roll(x, -1))
    x0, x1, y0, y1 = ext
    assert area == pytest.approx((x1 - x0) * (y1 - y0))  # the pieces tile the rectangle
