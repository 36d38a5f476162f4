"""toynet_core.geometry: every shape the scenes draw, checked against the model itself."""

from pathlib import Path

import numpy as np
import pytest

from toynet_core import forward, load_run
from toynet_core import geometry as g
from toynet_core.model import augment, relu

ASSETS = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture(scope="module", params=["default_run.npz", "failed_run.npz"])
def run(request):
    """A run that learns and one whose units die: the geometry must hold for both."""
    return load_run(ASSETS / request.param)


def _shoelace(poly):
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def test_hidden_extent_covers_every_snapshot_and_the_origin(run):
    ext = np.array(g.hidden_extent(run))
    for stored in (run.hidden_pre, run.hidden_post):
        flat = stored.reshape(-1, 3)
        assert np.all(flat.min(axis=0) > ext[:, 0]) and np.all(flat.max(axis=0) < ext[:, 1])
    assert np.all(ext[:, 0] <= 0) and np.all(ext[:, 1] >= 0)
    assert np.array_equal(ext, np.round(ext))  # whole numbers, so ticks land on the ends


def test_sheet_extent_holds_every_input_on_quarter_units(run):
    x0, x1, y0, y1 = g.sheet_extent(run.X)
    assert x0 < run.X[:, 0].min() and run.X[:, 0].max() < x1
    assert y0 < run.X[:, 1].min() and run.X[:, 1].max() < y1
    assert all(float(4 * v).is_integer() for v in (x0, x1, y0, y1))


def test_lifted_plane_holds_every_hidden_point_and_misses_the_origin_in_general(run):
    W1 = run.W1[-1]
    normal, offset = g.lifted_plane(W1)
    H = forward(W1, run.W2[-1], run.X).z1[:, :3]
    assert np.allclose(H @ normal + offset, 0, atol=1e-9 * max(1.0, np.abs(H).max()))
    # the plane is parallel to W1's first two columns and passes through its third
    assert np.allclose([normal @ W1[:, 0], normal @ W1[:, 1]], 0, atol=1e-12)
    assert np.isclose(normal @ W1[:, 2] + offset, 0)
    # its distance from the origin is |offset| / |normal|: zero only if W1 is singular
    assert np.isclose(abs(offset) / np.linalg.norm(normal),
                      abs(np.linalg.det(W1)) / np.linalg.norm(normal))


def test_box_section_of_a_known_plane():
    square = g.box_plane_section([0, 0, 1], -0.5, ((0, 1), (0, 1), (0, 1)))
    assert square.shape == (4, 3)
    assert np.allclose(square[:, 2], 0.5)
    assert sorted(map(tuple, square[:, :2].round(9))) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    # a diagonal plane through the cube's centre cuts a regular hexagon
    hexagon = g.box_plane_section([1, 1, 1], -1.5, ((0, 1), (0, 1), (0, 1)))
    assert hexagon.shape == (6, 3) and np.allclose(hexagon.sum(axis=1), 1.5)
    sides = np.linalg.norm(hexagon - np.roll(hexagon, 1, axis=0), axis=1)
    assert np.allclose(sides, sides[0])  # in order around the polygon, not criss-crossed
    assert g.box_plane_section([1, 0, 0], -5, ((0, 1), (0, 1), (0, 1))).shape == (0, 3)


def test_signed_distances_are_positive_exactly_where_the_net_says_class_1(run):
    W1, W2 = run.W1[-1], run.W2[-1]
    f = forward(W1, W2, run.X)
    d = g.signed_distances(W2, f.x2[:, :3])
    assert np.array_equal(d > 0, f.z2 > 0)
    assert np.allclose(d * np.linalg.norm(W2[0, :3]), f.z2)


def test_fold_plays_relu(run):
    H = run.hidden_pre[-1]
    assert np.array_equal(g.fold(H, 0.0), H)
    assert np.array_equal(g.fold(H, 1.0), relu(H))
    half = g.fold(H, [1.0, 0.5, 0.0])  # one stage per unit
    assert np.array_equal(half[:, 0], relu(H[:, 0])) and np.array_equal(half[:, 2], H[:, 2])
    assert np.allclose(half[:, 1], np.where(H[:, 1] < 0, 0.5 * H[:, 1], H[:, 1]))


def test_crease_pieces_tile_the_square_with_one_pattern_each(run):
    W1 = run.W1[-1]
    ext = (-1.0, 2.0, -1.0, 2.0)
    pieces = g.crease_regions(W1, ext)
    assert np.isclose(sum(_shoelace(p) for p, _ in pieces), 9.0)
    for poly, active in pieces:
        z = augment(poly) @ W1.T
        assert np.all(z[:, active] >= -1e-9) and np.all(z[:, ~active] <= 1e-9)
    for i, seg in enumerate(g.crease_segments(W1, ext)):
        corners = augment(g.square(ext)) @ W1[i]
        if seg is None:  # the unit keeps one sign over the whole square
            assert np.all(corners >= 0) or np.all(corners <= 0)
        else:
            assert np.allclose(augment(seg) @ W1[i], 0, atol=1e-9)
            assert np.all(seg >= -1 - 1e-9) and np.all(seg <= 2 + 1e-9)


def test_split_at_creases_puts_a_corner_on_every_crossed_crease(run):
    W1 = run.W1[-1]
    start, end = np.array([-1.0, -1.0]), np.array([2.0, 2.0])
    points = g.split_at_creases(W1, start, end)
    assert np.allclose(points[0], start) and np.allclose(points[-1], end)
    signs_start, signs_end = augment(start)[0] @ W1.T, augment(end)[0] @ W1.T
    crossed = int(np.sum((signs_start < 0) != (signs_end < 0)))
    assert len(points) == 2 + crossed
    # between two corners the ReLU image is affine: its midpoint is the mean of the ends
    for a, b in zip(points[:-1], points[1:]):
        mid = relu(augment((a + b) / 2) @ W1.T)
        assert np.allclose(mid, (relu(augment(a) @ W1.T) + relu(augment(b) @ W1.T)) / 2)


def test_lifted_plane_foot_is_the_nearest_point_of_the_plane(run):
    W1 = run.W1[-1]
    normal, offset = g.lifted_plane(W1)
    foot = g.lifted_plane_foot(W1)
    assert np.isclose(foot @ normal + offset, 0)  # on the plane
    assert np.allclose(np.cross(foot, normal), 0, atol=1e-12)  # along the normal
    # no point of the plane is nearer: W1 x̃ for many inputs, found independently
    P = np.random.default_rng(0).uniform(-5, 5, (2000, 2))
    lifted = np.column_stack([P, np.ones(len(P))]) @ W1.T
    assert np.linalg.norm(lifted, axis=1).min() >= g.lifted_plane_distance(W1) - 1e-9
    assert np.isclose(g.lifted_plane_distance(W1), np.linalg.norm(foot))


def test_image_of_inputs_is_the_first_layer(run):
    W1 = run.W1[-1]
    assert np.allclose(g.image_of_inputs(W1, run.X), forward(W1, run.W2[-1], run.X).z1[:, :3])


def test_folded_by_marks_the_points_relu_moves(run):
    H = run.hidden_pre[-1]
    moved = g.folded_by(H)
    assert np.array_equal(moved, relu(H) != H)


def test_extent_of_covers_points_and_origin():
    ext = np.array(g.extent_of(np.array([[1.2, 3.0, -2.5], [2.0, 4.1, -1.0]])))
    assert np.all(ext[:, 0] <= [0, 0, -2.5]) and np.all(ext[:, 1] >= [2.0, 4.1, 0])
    assert np.array_equal(ext, np.round(ext))
