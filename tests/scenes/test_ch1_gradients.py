"""The gradient scenes of chapter 1 show values that agree with independent computations.

Each scene is built once (module fixtures); the numbers are read back from the mobjects on
screen and compared with derivatives written out here and with finite differences done here.
"""

import numpy as np
import pytest

from scenes.widgets.matrices import matrix_values as shown
from tests.scenes.harness import run_scene


def fd_jacobian(f, x, h=1e-6):
    x = np.asarray(x, float)
    cols = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        cols.append((np.atleast_1d(f(x + e)) - np.atleast_1d(f(x - e))) / (2 * h))
    return np.stack(cols, axis=1)


def tol(places):
    return 0.5 * 10.0 ** -places + 1e-9


# --- ChainRule ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chain_scene(media_dir):
    from scenes.ch1_math.chain_rule import ChainRule

    return run_scene(ChainRule, media_dir)


def test_chain_rule_one_variable(chain_scene):
    s = chain_scene
    x = s.x_1d
    slope = np.cos(x**2) * 2 * x  # d/dx sin(x^2), by hand
    assert s.df_1d.get_value() == pytest.approx(np.cos(x**2), abs=1e-9)
    assert s.dg_1d.get_value() == pytest.approx(2 * x, abs=1e-9)
    assert s.prod_1d.get_value() == pytest.approx(slope, abs=1e-9)
    # "measured": the drawn nudge's growth, a centred difference of sin(x^2) with the same step.
    from scenes.ch1_math.chain_rule import NUDGE

    lo, hi = x - NUDGE / 2, x + NUDGE / 2
    measured = (np.sin(hi**2) - np.sin(lo**2)) / NUDGE
    assert s.fd_1d.get_value() == pytest.approx(measured, abs=1e-9)
    assert round(measured, 2) == round(slope, 2)  # the screen shows the same two decimals


def test_chain_rule_nudge_is_carried_through_both_maps(chain_scene):
    from scenes.ch1_math.chain_rule import NUDGE

    s = chain_scene
    x = s.x_1d

    def span(key):
        seg = s.segments[key]
        ends = sorted(s.lines[key].p2n(p) for p in (seg.get_start(), seg.get_end()))
        return np.array(ends)

    lo, hi = x - NUDGE / 2, x + NUDGE / 2
    assert np.allclose(span("x"), [lo, hi], atol=1e-9)
    assert np.allclose(span("u"), [lo**2, hi**2], atol=1e-9)
    assert np.allclose(span("h"), [np.sin(lo**2), np.sin(hi**2)], atol=1e-9)
    # The dots sit at x, g(x), f(g(x)) on their lines, all drawn on one scale.
    units = {k: np.linalg.norm(line.n2p(1) - line.n2p(0)) for k, line in s.lines.items()}
    assert len({round(u, 9) for u in units.values()}) == 1
    for dot, key, value in zip(s.dots_1d, ("x", "u", "h"), (x, x**2, np.sin(x**2))):
        assert s.lines[key].p2n(dot.get_center()) == pytest.approx(value, abs=1e-9)
    # The stretch factors written beside the bands are the ratios of the drawn lengths.
    length = {k: np.diff(span(k))[0] for k in ("x", "u", "h")}
    assert length["u"] / length["x"] == pytest.approx(s.dg_1d.get_value(), rel=1e-9)  # exact for x^2
    assert length["h"] / length["u"] == pytest.approx(s.df_1d.get_value(), abs=0.01)


def test_chain_rule_jacobian_product(chain_scene):
    s = chain_scene
    x = s.point
    jf, jg, prod, fd = (shown(m) for m in (s.jf_matrix, s.jg_matrix, s.product_matrix, s.fd_matrix))
    # the measured row is on screen, not only in the scene: its entries are opaque at the end
    assert all(e.get_fill_opacity() > 0.5 for e in s.fd_matrix.get_entries())
    # Sizes chain: (1x2)(2x2) = 1x2.
    assert jf.shape == (1, 2) and jg.shape == (2, 2) and prod.shape == (1, 2) and fd.shape == (1, 2)
    u = np.array([x[0] ** 2 - x[1], x[0] * x[1]])
    assert np.allclose(jg, [[2 * x[0], -1], [x[1], x[0]]], atol=1e-9)
    assert np.allclose(jf, [[np.cos(u[0]), 2 * u[1]]], atol=1e-9)
    assert np.allclose(prod, jf @ jg, atol=1e-9)

    def composed(v):
        return np.sin(v[0] ** 2 - v[1]) + (v[0] * v[1]) ** 2

    numeric = fd_jacobian(composed, x)
    assert np.allclose(prod, numeric, atol=1e-6)
    assert np.allclose(fd, numeric, atol=1e-6)


def test_chain_rule_circle_of_nudges_maps_to_ellipse_and_line(chain_scene):
    from scenes.ch1_math.chain_rule import RADIUS

    s = chain_scene
    x = s.point
    u0 = np.array([x[0] ** 2 - x[1], x[0] * x[1]])
    h0 = np.sin(u0[0]) + u0[1] ** 2
    jg = np.array([[2 * x[0], -1], [x[1], x[0]]])
    jh = np.array([np.cos(u0[0]), 2 * u0[1]]) @ jg

    def drawn(axes, curve):  # the corners of the drawn polyline, in the panel's coordinates
        return np.array([axes.p2c(p)[:2] for p in curve.get_anchors()])

    circle = drawn(s.x_axes, s.circle) - x
    assert np.allclose(np.linalg.norm(circle, axis=1), RADIUS, atol=1e-9)
    ellipse = drawn(s.u_axes, s.ellipse) - u0
    assert np.allclose(np.linalg.norm(np.linalg.solve(jg, ellipse.T), axis=0), RADIUS, atol=1e-9)
    # The nudges of h cover h0 ± RADIUS |∂h/∂x|: the ellipse squeezed onto the line.
    ends = sorted(s.h_line.p2n(p) for p in (s.h_segment.get_start(), s.h_segment.get_end()))
    assert np.allclose(ends, [h0 - RADIUS * np.linalg.norm(jh), h0 + RADIUS * np.linalg.norm(jh)], atol=1e-3)
    # The last nudge shown points along x1: its images are the first columns.
    x_arrow, u_arrow, h_arrow = s.nudge_arrows
    assert np.allclose(np.array(s.x_axes.p2c(x_arrow.get_end())[:2]) - x, [RADIUS, 0], atol=1e-9)
    assert np.allclose(np.array(s.u_axes.p2c(u_arrow.get_end())[:2]) - u0, RADIUS * jg[:, 0], atol=1e-9)
    step = s.h_line.p2n(h_arrow.get_end()) - s.h_line.p2n(h_arrow.get_start())
    assert step == pytest.approx(RADIUS * jh[0], abs=1e-9)


def test_chain_rule_bridge_shows_the_layer_jacobians_of_the_network(chain_scene):
    from scenes.run_data import load_reference_run
    from toynet_core import forward

    s = chain_scene
    run = load_reference_run()
    W1, W2 = run.W1[-1], run.W2[-1].reshape(1, 4)
    x, y = run.X[0], float(run.y[0])
    fwd = forward(W1, W2, x[None, :], np.array([y]))
    sizes = [fwd.x_tilde.shape[1], fwd.z1.shape[1], fwd.x2.shape[1], 1, 1, 1]  # x̃ z1 x2 z2 ŷ L
    expected = [(sizes[i + 1], sizes[i]) for i in range(5)]
    # one J under each step of the chain, whose size the stacks on either side show
    assert [m.get_tex_string() for m in s.jacobian_sizes] == ["J"] * len(expected)
    assert [jac.shape for _, jac in s.layer_jacobians] == expected
    assert s.stack_sizes == sizes  # one dot per entry of each quantity
    # only the ends are named, in the words the narration says
    assert [n.text for n in s.node_names] == ["input", "loss"]
    # the constant 1 the network appends ends x̃, z⁽¹⁾ and x⁽²⁾: three hollow dots
    assert np.allclose([fwd.x_tilde[0, -1], fwd.z1[0, -1], fwd.x2[0, -1]], 1.0)
    assert len(s.constant_dots) == 3 and all(d.get_fill_opacity() == 0 for d in s.constant_dots)
    # The layers' Jacobians, by hand, and their product: the slope of L in x̃.
    z1, yhat = fwd.z1[0], fwd.y_hat[0]
    by_hand = [np.vstack([W1, np.zeros((1, 3))]), np.diag((z1 > 0).astype(float)), W2,
               np.array([[yhat * (1 - yhat)]]), np.array([[-2 * (y - yhat)]])]
    for (_, jac), hand in zip(s.layer_jacobians, by_hand):
        assert np.allclose(jac, hand, atol=1e-6)
    product = by_hand[4] @ by_hand[3] @ by_hand[2] @ by_hand[1] @ by_hand[0]
    numeric = fd_jacobian(lambda v: forward(W1, W2, v[None, :], np.array([y])).loss, x)
    assert np.allclose(product[:, :2], numeric, atol=1e-6)


# --- SteepestDescent ------------------------------------------------------------------


@pytest.fixture(scope="module")
def descent_scene(media_dir):
    from scenes.ch1_math.descent import SteepestDescent

    return run_scene(SteepestDescent, media_dir)


COEFFS = (0.3, 0.4, 0.9)  # the bowl the scene says it draws: f = 0.3 x1² + 0.4 x1 x2 + 0.9 x2²


def bowl(x, coeffs=COEFFS):
    a, b, c = coeffs
    x = np.asarray(x, float)
    return a * x[..., 0] ** 2 + b * x[..., 0] * x[..., 1] + c * x[..., 1] ** 2


def bowl_gradient(x, coeffs=COEFFS):
    a, b, c = coeffs
    return np.array([2 * a * x[0] + b * x[1], b * x[0] + 2 * c * x[1]])


def on_axes(scene, mob):
    return np.array(scene.axes.p2c(mob.get_center()))


def curve_coords(scene, curve):
    """The drawn points of a (possibly clipped) ring, mapped back through the map's axes."""
    points = np.concatenate([m.get_anchors() for m in curve.family_members_with_points()])
    return np.array([scene.axes.p2c(p)[:2] for p in points])


def test_descent_formula_names_the_bowl_drawn(descent_scene):
    from scenes.ch1_math.descent import BOWL

    assert (BOWL.a, BOWL.b, BOWL.c) == COEFFS
    assert "0.3" in descent_scene.formula.get_tex_string() and "0.9" in descent_scene.formula.get_tex_string()


def test_descent_rings_lie_on_their_heights(descent_scene):
    s = descent_scene
    assert len(s.rings) >= 8
    for ring in s.rings:
        coords = curve_coords(s, ring)
        assert np.allclose(bowl(coords), ring.level, rtol=1e-9), ring.level
    for ring, point in ((s.start_ring, s.long_step[0]), (s.landing_ring, s.long_step[1])):
        assert np.allclose(bowl(curve_coords(s, ring)), bowl(point), rtol=1e-9)


def test_descent_map_is_brighter_where_f_is_higher(descent_scene):
    s = descent_scene
    pixels = s.map.pixel_array[..., :3].astype(float).sum(axis=2)
    h, w = pixels.shape
    # Image rows run top to bottom: (row, col) -> x1 = -3 + 6 col / w, x2 = 2 - 4 row / h.
    rows, cols = np.mgrid[0:h, 0:w]
    heights = bowl(np.stack([-3 + 6 * (cols + 0.5) / w, 2 - 4 * (rows + 0.5) / h], axis=-1))
    low, high = pixels[heights < 0.5].mean(), pixels[heights > 6].mean()
    assert high > low + 150  # real contrast between the bottom and the rim


def test_descent_gradient_row_and_column_are_the_slopes(descent_scene):
    from scenes.widgets.matrices import matrix_values

    s = descent_scene
    g = bowl_gradient(s.point)
    numeric = fd_jacobian(bowl, s.point)
    assert np.allclose(matrix_values(s.row_values), numeric, atol=1e-6)  # a 1x2 row
    assert matrix_values(s.row_values).shape == (1, 2)
    assert np.allclose(matrix_values(s.grad_column), g.reshape(2, 1), atol=1e-9)
    assert np.allclose(on_axes(s, s.point_dot)[:2], s.point)


def test_descent_arrows_point_down_the_gradient_across_the_rings(descent_scene):
    s = descent_scene
    x0, x1, y0, y1 = -3, 3, -2, 2
    # After the flip, each arrow points along -grad f at its dot, and stays on the map.
    for arrow, origin in zip(s.arrows, s.arrow_origins):
        start = np.array(s.axes.p2c(arrow.get_start()))[:2]
        end = np.array(s.axes.p2c(arrow.get_end()))[:2]
        assert np.allclose(start, origin, atol=1e-3)
        assert x0 < end[0] < x1 and y0 < end[1] < y1
        direction = (end - start) / np.linalg.norm(end - start)
        g = bowl_gradient(origin)
        assert direction @ (-g / np.linalg.norm(g)) > 0.999
    # The ring through the worked point is crossed at a right angle.
    coords = curve_coords(s, s.point_ring)
    i = np.argmin(np.linalg.norm(coords - s.point, axis=1))
    assert np.linalg.norm(coords[i] - s.point) < 0.05
    tangent = coords[i + 2] - coords[i - 2]
    g = bowl_gradient(s.point)
    assert abs(tangent @ g) / (np.linalg.norm(tangent) * np.linalg.norm(g)) < 0.05


def test_descent_short_step_along_the_gradient_climbs(descent_scene):
    s = descent_scene
    start, end = s.up_step
    step = end - start
    g = bowl_gradient(start)
    assert step @ g / (np.linalg.norm(step) * np.linalg.norm(g)) > 0.999
    assert bowl(end) > bowl(start)
    assert s.up_before.get_value() == pytest.approx(bowl(start), abs=1e-9)
    assert s.up_after.get_value() == pytest.approx(bowl(end), abs=1e-9)
    assert f"{bowl(start):.2f}" in s.up_caption and f"{bowl(end):.2f}" in s.up_caption


def test_descent_path_is_gradient_descent_and_goes_down(descent_scene):
    s = descent_scene
    points = np.array([on_axes(s, d)[:2] for d in s.path_dots])
    assert len(points) >= 5
    for p, q in zip(points[:-1], points[1:]):
        expected = p - s.alpha * bowl_gradient(p)
        assert np.allclose(q, expected, atol=1e-6)
        assert bowl(q) < bowl(p)
    # The chart plots f at the drawn points, step by step.
    chart = np.array([s.chart_axes.p2c(d.get_center())[:2] for d in s.f_chart_dots])
    assert np.allclose(chart[:, 0], np.arange(len(points)), atol=1e-6)
    assert np.allclose(chart[:, 1], bowl(points), atol=1e-6)


def test_descent_long_step_goes_up(descent_scene):
    s = descent_scene
    start, end = (on_axes(s, d)[:2] for d in s.long_dots)
    assert np.linalg.norm(bowl_gradient(start)) > 0.1
    # It is a descent step, just too long: same direction as -grad, yet f rises.
    step = end - start
    g = bowl_gradient(start)
    assert step @ -g / (np.linalg.norm(step) * np.linalg.norm(g)) > 0.999
    assert bowl(end) > bowl(start)
    assert s.before.get_value() == pytest.approx(bowl(start), abs=tol(3))
    assert s.after.get_value() == pytest.approx(bowl(end), abs=tol(3))
    # Too long: above 2 / (largest curvature of the bowl), where descent stops settling.
    hessian = np.array([[2 * COEFFS[0], COEFFS[1]], [COEFFS[1], 2 * COEFFS[2]]])
    assert np.linalg.norm(step) / np.linalg.norm(g) > 2 / np.linalg.eigvalsh(hessian).max() > s.alpha
    # The chart beside it shows this step, not the walk before: f at the two drawn points, rising.
    chart = np.array([s.chart_axes.p2c(d.get_center())[:2] for d in s.long_chart[1]])
    assert np.allclose(chart, [[0, bowl(start)], [1, bowl(end)]], atol=1e-6)


def test_descent_bridge_draws_the_runs_loss(descent_scene):
    from scenes.run_data import load_reference_run

    s = descent_scene
    run = load_reference_run()
    assert s.n_weights == run.W1[-1].size + run.W2[-1].size == 13
    line = s.loss_curve["line_graph"]
    vertices = np.vstack([line.get_start_anchors(), line.get_end()])
    drawn = np.array([s.loss_axes.p2c(p)[:2] for p in vertices])
    assert np.allclose(drawn[:, 0], run.steps, atol=1e-6 * run.steps[-1])
    assert np.allclose(drawn[:, 1], run.mean_loss, atol=1e-6)



def test_descent_chart_joins_the_iterates_with_straight_segments(descent_scene):
    from scenes.widgets.grid import anchors

    s = descent_scene
    # f is known at the iterates only: the trace's corners are (k, f(x_k)) and nothing else
    corners = np.array([s.chart_axes.p2c(p)[:2] for p in anchors(s.chart_trace)])
    corners = corners[np.r_[True, np.any(np.abs(np.diff(corners, axis=0)) > 1e-9, axis=1)]]
    points = np.array([on_axes(s, d)[:2] for d in s.path_dots])
    assert np.allclose(corners, np.stack([np.arange(len(points)), bowl(points)], axis=1), atol=1e-6)
    # straight between them: every curve of the path is a line (its handles on its chord)
    pts = s.chart_trace.points.reshape(-1, 4, 3)
    for a, h1, h2, b in pts:
        chord = b - a
        for h in (h1, h2):
            assert abs(chord[0] * (h - a)[1] - chord[1] * (h - a)[0]) < 1e-6 * max(1.0, np.linalg.norm(chord) ** 2)


def test_descent_bridge_plot_is_large_and_its_words_say_coordinates(descent_scene):
    s = descent_scene
    # the bowl has left: the loss's plot spans more than half the frame's width
    assert s.loss_axes.width > 0.6 * 14.2
    assert s.loss_axes.get_bottom()[1] > -4 + 0.12 * 8  # clear of the subtitle band
    words = s.analogy.get_tex_string()
    assert f"{s.n_weights} weights instead of 2 coordinates" in words


# --- CommonGradients ------------------------------------------------------------------


@pytest.fixture(scope="module")
def common_scene(media_dir):
    from scenes.ch1_math.common_gradients import CommonGradients

    return run_scene(CommonGradients, media_dir)


def shown_column(col):
    return np.array([e.get_value() for e in col.get_entries()])


def wires_are_the_nonzero_slopes(example):
    """The wires drawn from input j to output i are exactly the non-zero entries of the
    Jacobian shown beside them."""
    nonzero = {(int(i), int(j)) for i, j in zip(*np.nonzero(shown(example["jacobian"])))}
    return set(example["wiring"].wires) == nonzero


def test_common_linear_and_dot(common_scene):
    from scenes.ch1_math.common_gradients import M, W_DOT as C

    ex = common_scene.examples
    x = ex["linear"]["x"]
    numeric = fd_jacobian(lambda v: M @ v, x)
    assert np.allclose(shown(ex["linear"]["jacobian"]), M, atol=1e-9)
    assert np.allclose(shown(ex["linear"]["jacobian"]), numeric, atol=1e-6)
    wiring = ex["linear"]["wiring"]
    assert np.allclose(shown_column(wiring.inputs), x) and np.allclose(shown_column(wiring.outputs), M @ x)
    assert set(wiring.wires) == {(i, j) for i in range(2) for j in range(3)}  # every input reaches every output
    assert wires_are_the_nonzero_slopes(ex["linear"]) and wires_are_the_nonzero_slopes(ex["dot"])
    # c . x has a 1 x n row as its Jacobian: c transposed.
    row = shown(ex["dot"]["jacobian"])
    assert row.shape == (1, C.size)
    numeric = fd_jacobian(lambda v: np.atleast_1d(C @ v), ex["dot"]["x"])
    assert np.allclose(row, numeric, atol=1e-6) and np.allclose(row, C[None, :], atol=1e-9)
    assert set(ex["dot"]["wiring"].wires) == {(0, j) for j in range(3)}
    assert np.allclose(shown_column(ex["dot"]["wiring"].outputs), [C @ ex["dot"]["x"]])


def test_common_elementwise_is_diagonal(common_scene):
    ex = common_scene.examples["sigmoid"]
    x = ex["x"]

    def sigma(v):
        return 1 / (1 + np.exp(-v))

    numeric = fd_jacobian(sigma, x)
    values = shown(ex["jacobian"])
    assert values.shape == (x.size, x.size)
    assert np.allclose(np.diag(values), sigma(x) * (1 - sigma(x)), atol=1e-6)  # σ′ = σ(1 − σ)
    assert np.all(values - np.diag(np.diag(values)) == 0.0)  # exactly zero off the diagonal
    assert np.allclose(values, numeric, atol=1e-6)
    # One wire per input, to its own output: the wires drawn are the Jacobian's non-zeros.
    assert set(ex["wiring"].wires) == {(i, i) for i in range(x.size)}
    assert wires_are_the_nonzero_slopes(ex)
    assert np.allclose(shown_column(ex["wiring"].outputs), sigma(x))
    # the worked check: the middle input, σ there, and σ(1 − σ), the middle diagonal entry
    x2, s, slope = common_scene.sigmoid_check
    assert x2 == x[1] and np.isclose(s, sigma(x2)) and np.isclose(slope, values[1, 1], atol=1e-6)
    assert f"{slope:.2f}" in common_scene.sigmoid_check_line[-1].tex_string


def test_common_wiggles_light_one_input_at_a_time(common_scene):
    done = [(w["inputs"], w["wiring"]) for w in common_scene.wiggles]
    ex = common_scene.examples
    assert [inputs for inputs, _ in done] == [[1], [0, 2], [0, 1, 2], [1], [0, 2], [0, 1, 2]]
    assert [wiring for _, wiring in done] == ([ex["linear"]["wiring"]] * 2 + [ex["dot"]["wiring"]]
                                              + [ex["sigmoid"]["wiring"]] * 2 + [common_scene.relu_wiring])
    # The outputs framed as moving are exactly those a wiggle of that input changes.
    for (inputs, wiring), framed in zip(done, common_scene.moved_frames):
        for j, outputs in zip(inputs, framed):
            nudged = wiring.x.copy()
            nudged[j] += 0.1
            changed = np.abs(np.atleast_1d(wiring.fn(nudged)) - np.atleast_1d(wiring.fn(wiring.x))) > 1e-12
            assert outputs == list(np.flatnonzero(changed)), (inputs, j)
    assert common_scene.moved_frames[3] == [[1]]  # σ: wiggling x2 moves only its own output
    assert common_scene.moved_frames[5][1] == []  # ReLU: the unit that is off passes nothing
    # After each wiggle the inputs and outputs are back at rest.
    for _, wiring in done:
        assert np.allclose(shown_column(wiring.inputs), wiring.x)
        assert np.allclose(shown_column(wiring.outputs), np.atleast_1d(wiring.fn(wiring.x)))


def test_common_bridge_is_relus_diagonal_at_a_sample_of_the_run(common_scene):
    from scenes.run_data import load_reference_run
    from toynet_core import forward

    s = common_scene
    run = load_reference_run()
    sample = s.relu_sample
    fwd = forward(run.W1[-1], run.W2[-1], run.X[sample][None, :])
    z1 = fwd.z1[0]
    assert np.allclose(shown_column(s.relu_wiring.inputs), z1, atol=1e-9)
    assert np.allclose(shown_column(s.relu_wiring.outputs), np.maximum(z1, 0), atol=1e-9)
    assert (z1[:3] < 0).sum() == 1  # one unit off, so a 0 sits on the diagonal
    jac = shown(s.relu_jacobian)
    assert np.array_equal(jac, np.diag((z1 > 0).astype(float)))
    # Lit wires are the units that pass a slope; the off unit's wire is not lit.
    from scenes import style

    for (i, _), wire in s.relu_wiring.wires.items():
        assert (wire.get_stroke_color() == style.GRAD_COLOR) == bool(z1[i] > 0)


def test_descent_bridge_says_what_the_runs_mean_loss_did(descent_scene):
    """Per-sample SGD: each step is downhill on one point's loss; the words say only what the
    mean loss did on average, read from the run."""
    from scenes.run_data import load_reference_run

    run = load_reference_run()
    fell = run.mean_loss[-1] < run.mean_loss[0]
    assert descent_scene.loss_trend == ("falls" if fell else "does not fall")
