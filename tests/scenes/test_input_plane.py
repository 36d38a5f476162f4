"""The input plane widget's boundary: marching squares, all cells at once, give exactly the
segments of the plain cell-by-cell algorithm, and boundary_curve draws them through the axes."""

import numpy as np
import pytest

from scenes.widgets.input_plane import boundary_curve, input_axes, level_set_segments


def cell_by_cell(grid, gx1, gx2, level=0.5):
    """The reference: one cell at a time, crossings in edge order, a saddle as two segments."""
    g = np.asarray(grid, dtype=float) - level
    segments = []
    for i in range(g.shape[0] - 1):
        for j in range(g.shape[1] - 1):
            corners = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)]
            crossings = []
            for a, b in zip(corners, corners[1:] + corners[:1]):
                if (g[a] < 0) != (g[b] < 0):
                    t = g[a] / (g[a] - g[b])
                    pa, pb = np.array([gx1[a[1]], gx2[a[0]]]), np.array([gx1[b[1]], gx2[b[0]]])
                    crossings.append(pa + t * (pb - pa))
            if len(crossings) == 2:
                segments.append(crossings)
            elif len(crossings) == 4:
                segments += [crossings[:2], crossings[2:]]
    return np.array(segments).reshape(-1, 2, 2)


GRIDS = {
    "random": np.random.default_rng(0).random((9, 12)),
    "saddles": np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]),
    "flat": np.full((5, 5), 0.7),
    "diagonal": np.add.outer(np.linspace(0, 1, 16), np.linspace(0, 1, 20)) / 2,
}


@pytest.mark.parametrize("name", GRIDS)
def test_segments_match_the_cell_by_cell_algorithm(name):
    grid = GRIDS[name]
    gx1, gx2 = np.linspace(-1, 2, grid.shape[1]), np.linspace(-1, 2, grid.shape[0])
    fast, slow = level_set_segments(grid, gx1, gx2), cell_by_cell(grid, gx1, gx2)
    assert fast.shape == slow.shape
    np.testing.assert_allclose(fast, slow, atol=1e-12)


def test_curve_draws_each_segment_as_a_straight_piece_through_the_axes():
    grid = GRIDS["random"]
    gx1, gx2 = np.linspace(-1, 2, grid.shape[1]), np.linspace(-1, 2, grid.shape[0])
    axes = input_axes(side=4.0, numbers=False)
    curve = boundary_curve(axes, grid, gx1, gx2)
    pieces = curve.points.reshape(-1, 4, 3)
    segments = level_set_segments(grid, gx1, gx2)
    assert len(pieces) == len(segments) > 0
    for piece, (a, b) in zip(pieces, segments):
        np.testing.assert_allclose(piece[0], axes.c2p(*a), atol=1e-9)
        np.testing.assert_allclose(piece[3], axes.c2p(*b), atol=1e-9)
        np.testing.assert_allclose(piece[1], piece[0] + (piece[3] - piece[0]) / 3, atol=1e-9)
