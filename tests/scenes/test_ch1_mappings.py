"""InjectiveSurjective: every map, vector, plane and number it draws, read back from the
mobjects and checked against an independent computation."""

import numpy as np
import pytest

from scenes.widgets.matrices import matrix_values
from tests.scenes.harness import run_scene

A = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])  # the example, written out


@pytest.fixture(scope="module")
def s(media_dir):
    from scenes.ch1_math.mappings import InjectiveSurjective

    return run_scene(InjectiveSurjective, media_dir)


def closest(point, dots):
    return int(np.argmin([np.linalg.norm(d.get_center() - point) for d in dots]))


def drawn_map(cell):
    """Which output each input is joined to, read from the arrows' two ends (an arrow run
    backwards starts at the output)."""
    backwards = getattr(cell, "reversed", False)
    pairs = []
    for a in cell.arrows:
        start, end = (a.get_end(), a.get_start()) if backwards else (a.get_start(), a.get_end())
        pairs.append((closest(start, cell.inputs), closest(end, cell.outputs)))
    assert sorted(i for i, _ in pairs) == list(range(len(cell.inputs)))  # one arrow per input
    return [j for _, j in sorted(pairs)]


def test_each_map_sits_under_the_headers_that_are_true_of_it(s):
    headers = {h.text.replace(" ", ""): h for h in s.headers.values()}  # Text keeps no spaces
    rows = [h for name, h in headers.items() if "one-to-one" in name]
    cols = [h for name, h in headers.items() if "onto" in name and "one-to-one" not in name]
    kinds = set()
    for cell in s.diagrams:
        n, m = cell.sizes
        images = drawn_map(cell)
        one = len(set(images)) == n
        onto = set(images) == set(range(m))
        kinds.add((one, onto))
        row = min(rows, key=lambda h: abs(h.get_center()[1] - cell.get_center()[1]))
        col = min(cols, key=lambda h: abs(h.get_center()[0] - cell.get_center()[0]))
        assert row.text.replace(" ", "").startswith("not") != one
        assert col.text.replace(" ", "").startswith("not") != onto
    assert len(kinds) == 4  # all four cases are shown


def test_rings_mark_the_shared_and_the_missed_outputs(s):
    for cell in s.diagrams[1:]:  # the three maps that fail a test
        images, m = drawn_map(cell), cell.sizes[1]
        counts = np.bincount(images, minlength=m)
        shared = {closest(r.get_center(), cell.outputs) for r in cell.shared_rings}
        missed = {closest(r.get_center(), cell.outputs) for r in cell.missed_rings}
        assert shared == set(np.flatnonzero(counts > 1)) and missed == set(np.flatnonzero(counts == 0))


def test_the_map_that_passes_both_is_run_backwards(s):
    cell = s.cells[True, True]
    assert cell.reversed
    for i, (arrow, j) in enumerate(zip(cell.arrows, cell.images)):
        # each arrow now starts at output j and points at input i
        assert closest(arrow.get_end(), cell.inputs) == i
        assert closest(arrow.get_start(), cell.outputs) == j


def test_A_sends_n_to_zero_so_x_and_x_plus_n_share_an_output(s):
    assert np.array_equal(matrix_values(s.A_mob), A)
    n = matrix_values(s.n_mob).ravel()
    assert np.any(n != 0) and np.array_equal(A @ n, np.zeros(3))
    assert np.array_equal(matrix_values(s.An_mob).ravel(), np.zeros(3))
    x, xn, Ax = (matrix_values(m).ravel() for m in (s.x_col, s.xn_col, s.Ax_col))
    assert np.array_equal(xn - x, n) and np.any(x != xn)
    assert np.array_equal(A @ x, Ax) and np.array_equal(A @ xn, Ax)


def test_the_drawing_of_R4_keeps_every_distance(s):
    """0, n, x and x + n are drawn at their coordinates in the plane of R⁴ through them: all
    six distances between them, divided by the drawing's scale, are the true ones."""
    x, n = s.x.astype(float), s.n.astype(float)
    true = {"0": np.zeros(4), "n": n, "x": x, "x+n": x + n}
    drawn = {"0": s.zero_in, "n": s.n_dot, "x": s.x_dot, "x+n": s.mover}  # the input, slid to x + n
    names = list(true)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            d_true = np.linalg.norm(true[a] - true[b])
            d_drawn = np.linalg.norm(drawn[a].get_center() - drawn[b].get_center()) / s.in_scale
            assert np.isclose(d_drawn, d_true), (a, b)
    # the moving input's arrow pointed at A x all the way
    target = s.Ax_dot.get_center()
    frames = s.arrow_while_sliding
    assert len(frames) >= 2 and len({tuple(np.round(start, 6)) for start, _ in frames}) >= 2
    for start, end in frames:
        along, to_target = end - start, target - start
        assert abs(np.cross(along, to_target)[2]) < 1e-6 * np.linalg.norm(to_target) ** 2
        assert np.linalg.norm(to_target) > np.linalg.norm(along) > 0
    # in R³, 0 and A x are |A x| apart on the drawing's scale
    gap = np.linalg.norm(s.Ax_dot.get_center() - s.zero_out.get_center()) / s.out_scale
    assert np.isclose(gap, np.linalg.norm(A @ x))


def test_columns_plane_and_the_missed_vector_m(s):
    ax = s.axes
    ends = np.array([ax.p2c(line.get_end()) for line in s.columns])
    assert np.allclose(ends, A.T)  # the four columns, one line each
    m = np.array(ax.p2c(s.m_line.get_end())) - np.array(ax.p2c(s.m_line.get_start()))
    assert np.allclose(m @ A, 0, atol=1e-9)  # at right angles to every column ...
    assert np.linalg.norm(m) > 1  # ... and drawn long enough to see
    corners = np.array([ax.p2c(p) for p in s.plane.get_anchors()])
    assert np.allclose(corners @ m, 0, atol=1e-6)  # the plane is the columns' plane
    assert np.linalg.matrix_rank(corners, tol=1e-6) == 2  # a patch, not a sliver
    mark = np.array([ax.p2c(p) for p in s.right_angle.get_anchors()])
    legs = mark[0] - mark[1], mark[2] - mark[1]
    assert abs(legs[0] @ legs[1]) < 1e-9 and np.allclose(np.cross(legs[0], m), 0, atol=1e-9)
    # The tracer and its trail: outputs A x of the loop's inputs, all in the plane.
    trail = np.array([ax.p2c(p) for p in s.trail.get_anchors()])
    expected = s.loop_inputs @ A.T
    assert len(trail) >= len(expected)
    assert np.allclose(np.unique(np.round(trail, 9), axis=0), np.unique(np.round(expected, 9), axis=0))
    assert np.allclose(trail @ m, 0, atol=1e-6)
    # No input reaches m: the best least-squares output misses it by all of |m|.
    best, *_ = np.linalg.lstsq(A.astype(float), m, rcond=None)
    assert np.isclose(np.linalg.norm(A @ best - m), np.linalg.norm(m))


def test_relu_bridge_keeps_the_scenes_colours_inputs_yellow_outputs_pink(s):
    from scenes.style import X_COLOR, Z_COLOR

    assert all(d.get_color() == X_COLOR for d in s.relu_dots[0])
    assert all(d.get_color() == Z_COLOR for d in s.relu_dots[1])


def test_relu_bridge_sends_every_negative_input_to_zero(s):
    top, bottom = s.relu_lines
    z = np.array([top.p2n(p.get_start()) for p in s.relu_paths])
    y = np.array([bottom.p2n(p.get_end()) for p in s.relu_paths])
    assert np.allclose(y, np.where(z > 0, z, 0.0), atol=1e-6)
    assert (z < 0).sum() >= 2 and np.allclose(y[z < 0], 0, atol=1e-6)  # many inputs, one output
    landed = np.array([bottom.p2n(d.get_center()) for d in s.relu_dots[1]])
    assert np.allclose(np.sort(landed), np.sort(y), atol=1e-6)
