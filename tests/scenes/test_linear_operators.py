"""LinearOperators draws T(x1, x2) = (x1 - x2, x1 + x2) and g(x) = T(x) + b truthfully: the
grid, every arrow and every number are read back and compared with T written out here."""

import numpy as np
import pytest

from scenes.run_data import DEFAULT_RUN, load_reference_run
from scenes.widgets.matrices import matrix_values
from tests.scenes.harness import run_scene
from toynet_core import load_run
from toynet_core.data import XOR_CENTRES


def T(p):
    p = np.asarray(p, float)
    return np.stack([p[..., 0] - p[..., 1], p[..., 0] + p[..., 1]], axis=-1)


@pytest.fixture(scope="module")
def scene(media_dir):
    from scenes.ch1_math.linear_operators import LinearOperators

    return run_scene(LinearOperators, media_dir)


def tip(s, key):
    return np.array(s.axes.p2c(s.arrows[key].get_end()))


def test_arrows_before_and_after_T(scene):
    from scenes.ch1_math.linear_operators import SCALE, U, V

    s = scene
    assert np.allclose(s.before["u"], U) and np.allclose(s.before["v"], V)
    assert np.allclose(s.before["u+v"], U + V) and np.allclose(s.before["1.5u"], SCALE * U)
    assert np.allclose(tip(s, "u"), T(U)) and np.allclose(tip(s, "v"), T(V))
    assert np.allclose(tip(s, "u+v"), T(U + V)) and np.allclose(tip(s, "1.5u"), T(SCALE * U))
    # the walk: T(v) drawn from the tip of T(u) ends on the tip of T(u + v)
    walk = s.arrows["v_walk"]
    assert np.allclose(s.axes.p2c(walk.get_start()), T(U), atol=1e-6)
    assert np.allclose(s.axes.p2c(walk.get_end()), T(U + V), atol=1e-6)
    # the ticks every half T(u): the third is the tip of T(1.5u)
    assert np.allclose(s.scale_ticks[2], tip(s, "1.5u"))


def test_two_landings_fix_phi_and_are_its_matrix_columns(scene):
    from scenes.ch1_math.linear_operators import U

    s = scene
    e1, e2 = T([1, 0]), T([0, 1])
    assert np.allclose(tip(s, "φ(e1)"), e1) and np.allclose(tip(s, "φ(e2)"), e2)
    # the dashed walk: 1.5 of the first landing, then 0.5 of the second, ends on φ(u)'s tip
    ends = [np.array(s.axes.p2c(p)) for leg in s.walk_legs for p in (leg.get_start(), leg.get_end())]
    assert np.allclose(ends, [[0, 0], U[0] * e1, U[0] * e1, U[0] * e1 + U[1] * e2], atol=1e-6)
    assert np.allclose(ends[-1], T(U), atol=1e-6)
    # the matrix on screen has the landings as its columns
    assert np.allclose(matrix_values(s.matrix_of_phi), np.column_stack([e1, e2]))


def test_equations_show_the_computed_values(scene):
    from scenes.ch1_math.linear_operators import SCALE, U, V

    s = scene
    for mob, want in [(s.sum_lhs, T(U + V)), (s.sum_rhs, T(U) + T(V)),
                      (s.scale_lhs, T(SCALE * U)), (s.scale_rhs, SCALE * T(U))]:
        assert np.allclose(matrix_values(mob).ravel(), want)


def test_the_grid_is_moved_by_T_then_by_the_shift(scene):
    from scenes.ch1_math.linear_operators import SHIFT, WINDOW

    s = scene
    x0, x1, y0, y1 = WINDOW
    for line, now, pieces in zip(s.grid.lines, s.grid.current, s.grid.drawn_pieces()):
        assert np.allclose(now, T(line.points) + SHIFT)
        for piece in pieces:
            assert piece[:, 0].min() >= x0 - 1e-9 and piece[:, 0].max() <= x1 + 1e-9
            assert piece[:, 1].min() >= y0 - 1e-9 and piece[:, 1].max() <= y1 + 1e-9
    assert sum(len(p) for p in s.grid.drawn_pieces()) >= 10
    # the origin went to b, and nowhere under T alone
    assert np.allclose(s.origin_image, SHIFT) and np.allclose(T(np.zeros(2)), 0)
    assert np.allclose(matrix_values(s.b_column).ravel(), SHIFT)


def test_sums_fail_for_the_affine_map_by_b(scene):
    from scenes.ch1_math.linear_operators import SHIFT, U, V

    s = scene
    A = lambda p: T(p) + SHIFT  # noqa: E731
    pts = s.affine_points
    assert np.allclose(pts["g(u+v)"], A(U + V)) and np.allclose(pts["walk"], A(U) + A(V))
    gap = np.array([s.axes.p2c(s.gap.get_start()), s.axes.p2c(s.gap.get_end())])
    direction = gap[1] - gap[0]
    assert np.allclose(direction / np.linalg.norm(direction), SHIFT / np.linalg.norm(SHIFT), atol=1e-6)
    assert np.allclose(pts["walk"] - pts["g(u+v)"], SHIFT)


def test_school_line_on_equal_scales(scene):
    from scenes.ch1_math.linear_operators import OFFSET, SLOPE

    s = scene
    ax = s.line_axes
    unit_x = np.linalg.norm(ax.c2p(1, 0) - ax.c2p(0, 0))
    unit_y = np.linalg.norm(ax.c2p(0, 1) - ax.c2p(0, 0))
    assert np.isclose(unit_x, unit_y)  # f(0) = 1 reads as 1, not 0.5
    ends = np.array([ax.p2c(s.line.get_start()), ax.p2c(s.line.get_end())])
    assert np.allclose(ends[:, 1], SLOPE * ends[:, 0] + OFFSET)
    assert s.f0 == OFFSET != 0


def test_bridge_is_the_runs_first_layer(scene):
    s = scene
    run = load_reference_run()
    W1 = run.W1[-1]
    i, j = s.bridge_pair
    layer = lambda p: (np.hstack([p, np.ones((len(p), 1))]) @ W1.T)[:, [i, j]]  # noqa: E731
    corners = np.array([s.net_axes.p2c(d.get_center()) for d in s.net_corners])
    assert np.allclose(corners, layer(XOR_CENTRES), atol=1e-6)
    assert np.allclose(s.net_axes.p2c(s.net_origin.get_center()), W1[[i, j], 2], atol=1e-6)
    assert np.allclose(matrix_values(s.bias_column).ravel(), W1[[i, j], 2])
    for line, coords in zip(s.net_grid, s.net_grid.drawn_coords()):
        assert np.allclose(coords, layer(line.source), atol=1e-9)


def test_marks_along_the_images_of_the_axes_are_evenly_spaced(scene):
    s = scene
    for marks, e in zip(s.axis_marks, np.eye(2)):
        assert len(marks) >= 3
        steps = np.diff(marks, axis=0)
        assert np.allclose(steps, T(e))  # one mark per unit step along the axis, all alike
        assert np.any(np.all(np.isclose(marks, 0), axis=1))  # the origin is one of them


def test_the_gap_under_the_school_line_is_the_offset(scene):
    from scenes.ch1_math.linear_operators import OFFSET

    s = scene
    assert len(s.gaps) > 0 and np.allclose(s.gaps, OFFSET)
    bottom, top = (np.array(s.line_axes.p2c(p)) for p in (s.riders[2].get_start(), s.riders[2].get_end()))
    assert np.allclose(bottom, [0, 0], atol=1e-6) and np.allclose(top, [0, OFFSET], atol=1e-6)


# --- the bridge speaks of the reference run, whatever run the video is rendered for ----------
RUNS = ("default", "failed", "poor")


@pytest.fixture(scope="module", params=RUNS)
def bridge_words(request, three_runs, media_dir):
    from scenes.ch1_math.linear_operators import LinearOperators
    from tests.scenes.words import scene_words

    path = three_runs[request.param]
    # the scene is built with TOYNET_RUN set to each run; its words must be the reference run's
    return load_run(DEFAULT_RUN), scene_words(LinearOperators, path, media_dir)


def test_the_bias_in_the_words_is_the_runs(bridge_words):
    run, words = bridge_words
    i, j = words.scene.bridge_pair
    b = run.W1[-1][[i, j], 2]
    said = words.find("And they move the origin to")
    # written with a true minus sign, not a hyphen
    shown = [f"{v:.2f}".replace("-", "\u2212") for v in b]
    assert f"({shown[0]}, {shown[1]})" in said
    assert "-" not in said.split("origin to")[1]


def boxes_overlap(a, b):
    (al, ab), (ar, at) = a.get_corner([-1, -1, 0])[:2], a.get_corner([1, 1, 0])[:2]
    (bl, bb), (br, bt) = b.get_corner([-1, -1, 0])[:2], b.get_corner([1, 1, 0])[:2]
    return al < br and bl < ar and ab < bt and bb < at


def test_labels_after_phi_are_pink_backed_and_clear_of_the_tick_numbers(media_dir):
    from manim import ManimColor

    from scenes import style
    from scenes.ch1_math.linear_operators import T_MATRIX, LinearOperators
    from toynet_core.plane_maps import linear_map

    class UpToPhi(LinearOperators):
        def construct(self):
            self.T = linear_map(T_MATRIX)
            self.show_rule()
            self.walk_the_sum()
            self.stretch_u()
            self.apply_T()

    s = run_scene(UpToPhi, media_dir)
    labels = [a.label for a in s.arrows.values() if a.label is not None]
    assert len(labels) == 4
    for label in labels:
        back, text = label
        assert back.get_fill_opacity() == 1.0  # grid lines stop at its edge
        assert ManimColor(text.get_color()) == ManimColor(style.Z_COLOR)  # the colour of its arrow
        for tick in s.ticks_over_grid:
            assert not boxes_overlap(label, tick)
    # the tick numbers are drawn over the grid, on opaque backings
    order = s.mobjects
    assert order.index(s.ticks_over_grid) > order.index(s.grid)
    assert all(t[0].get_fill_opacity() == 1.0 for t in s.ticks_over_grid)


def test_school_line_leaves_the_tick_numbers_clear(scene):
    s = scene
    ax = s.line_axes
    numbers = [*ax.x_axis.numbers, *ax.y_axis.numbers]
    for line in (s.line, s.linear_part):
        a, b = line.get_start(), line.get_end()
        samples = [a + t * (b - a) for t in np.linspace(0, 1, 200)]
        for n in numbers:
            lo, hi = n.get_corner([-1, -1, 0]), n.get_corner([1, 1, 0])
            assert not any(lo[0] < p[0] < hi[0] and lo[1] < p[1] < hi[1] for p in samples), n.get_value()
