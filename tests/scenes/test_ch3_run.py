"""Chapter 3, run half: what GradientFlow, TrainingRun and WhenTrainingFails draw is read back
and compared with values recomputed here from the run, the sweeps and the model."""

import math

import numpy as np
import pytest

from scenes.ch3_training._example import example
from scenes.run_data import FAILED_RUN, SWEEPS, run_path
from scenes.ch3_training._run_common import class_rgb
from tests.scenes.harness import run_scene
from toynet_core import forward, load_run, load_sweep
from toynet_core.sweep import FAILURES


@pytest.fixture(scope="module")
def run():
    return load_run(run_path())


def loss_of(W1, W2, x, y):
    return float(forward(W1, W2, np.reshape(x, (1, 2)), [y]).loss[0])


def central_grad(W1, W2, x, y, h=1e-6):
    """∂L/∂W1 and ∂L/∂W2 by central differences, one entry at a time."""
    grads = []
    for which in (0, 1):
        W = (W1, W2)[which]
        G = np.zeros_like(W)
        for idx in np.ndindex(W.shape):
            plus, minus = [np.array(W1, float), np.array(W2, float)], [np.array(W1, float), np.array(W2, float)]
            plus[which][idx] += h
            minus[which][idx] -= h
            G[idx] = (loss_of(*plus, x, y) - loss_of(*minus, x, y)) / (2 * h)
        grads.append(G)
    return grads


# ---------------------------------------------------------------- GradientFlow

@pytest.fixture(scope="module")
def flow_scene(media_dir):
    from scenes.ch3_training.gradient_flow import GradientFlow

    return run_scene(GradientFlow, media_dir)


def shown_matrix(mat):
    return np.array([[float(e.get_value()) for e in row] for row in mat.get_rows()])


def test_gradient_matrices_match_finite_differences(flow_scene, run):
    ex = example(run)
    gW1, gW2 = central_grad(ex.W1, ex.W2, ex.x, ex.y)
    np.testing.assert_allclose(shown_matrix(flow_scene.w1_mat), gW1, atol=6e-4)
    np.testing.assert_allclose(shown_matrix(flow_scene.w2_mat), gW2, atol=6e-4)
    assert np.abs(gW1).max() > 1e-2  # the example must carry a real gradient


def test_node_gradients_match_finite_differences(flow_scene, run):
    ex = example(run)
    gW1, gW2 = central_grad(ex.W1, ex.W2, ex.x, ex.y)
    # z2 has W2's last entry times 1 added, z1_j has W1[j, 2] times 1: their gradients are
    # the gradients at the nodes.
    assert flow_scene.out_label.value.get_value() == pytest.approx(gW2[0, 3], abs=6e-4)
    for j in range(3):
        assert flow_scene.unit_labels[j].get_value() == pytest.approx(gW1[j, 2], abs=6e-4)


def test_flow_edges_carry_the_gradient(flow_scene, run):
    ex = example(run)
    gW1, gW2 = central_grad(ex.W1, ex.W2, ex.x, ex.y)
    flows = [f.gradient for f in flow_scene.w1_flow]
    np.testing.assert_allclose(np.reshape(flows, (3, 3)), gW1, atol=1e-6)
    np.testing.assert_allclose([f.gradient for f in flow_scene.w2_flow], gW2[0], atol=1e-6)
    # Wider edge for a larger gradient (the fixed scale is clamped, so compare below it).
    widths = np.array([f.get_stroke_width() for f in flow_scene.w1_flow]).reshape(3, 3)
    a, b = np.unravel_index(np.argmax(np.abs(gW1)), (3, 3)), np.unravel_index(np.argmin(np.abs(gW1)), (3, 3))
    assert widths[a] > widths[b]


def test_forward_values_and_zero_rows(flow_scene, run):
    ex = example(run)
    f = forward(ex.W1, ex.W2, ex.x[None], [ex.y])
    assert flow_scene.outputs[0].value.get_value() == pytest.approx(f.y_hat[0], abs=6e-4)
    assert flow_scene.outputs[1].value.get_value() == pytest.approx(f.loss[0], abs=6e-4)
    off = [j for j in range(3) if f.z1[0, j] <= 0]
    assert off, "the example point is chosen to have a switched-off unit"
    assert len(flow_scene.boxes) == len(off)
    for j in off:
        assert np.all(shown_matrix(flow_scene.w1_mat)[j] == 0)


# ---------------------------------------------------------------- TrainingRun

@pytest.fixture(scope="module")
def run_scene_obj(media_dir):
    from scenes.ch3_training.unfolding import TrainingRun

    return run_scene(TrainingRun, media_dir)


@pytest.fixture
def moved_scene(run_scene_obj, run):
    """The shared TrainingRun scene, put back on its last snapshot after the test moves it."""
    yield run_scene_obj
    run_scene_obj.show_snapshot(run.n_snapshots - 1)


def test_scene_ends_on_last_snapshot(run_scene_obj, run):
    assert run_scene_obj.counter.step.get_value() == run.steps[-1]
    np.testing.assert_allclose(run_scene_obj.diagram.shown_weights()[0], run.W1[-1])


@pytest.mark.parametrize("t", [0.0, 0.4, 3.99, 9.0, 17.5, 30.2, 1e9])
def test_every_view_shows_snapshot_floor_t(moved_scene, run, t):
    scene = moved_scene
    k = min(int(math.floor(t)), run.n_snapshots - 1)
    with scene.following_tracker():  # the path the scene's advances take
        scene.tracker.set_value(t)
        scene.update_mobjects(0)
    W1, W2 = run.W1[k], run.W2[k]
    f = forward(W1, W2, run.X, run.y)

    # heatmap: the stored grid in class colours, top row first; every cell blue where
    # ŷ > 1/2 and orange elsewhere, however unsure (no blend a viewer could misread)
    pixels = scene.panel.image.pixel_array[:, :, :3]
    np.testing.assert_array_equal(pixels, class_rgb(run.grid_yhat[k])[::-1])
    flat = pixels[::-1].reshape(-1, 3).astype(int)
    blue = flat[:, 2] > flat[:, 0]
    assert np.array_equal(blue, run.grid_yhat[k].reshape(-1) > 0.5)

    # boundary: every drawn point maps back to where the net says ŷ ≈ 1/2
    axes = scene.panel.axes
    pts = np.array([axes.p2c(p)[:2] for p in scene.panel.boundary.points])
    if len(pts):
        yhat = forward(W1, W2, pts).y_hat
        assert np.abs(yhat - 0.5).max() < 0.1

    # hidden points: dots mapped back through the axes are ReLU(W1 x̃) of each sample
    np.testing.assert_allclose(scene.hidden.shown_coords(), f.x2[:, :3], atol=1e-6)
    normal = scene.hidden.plane.normal
    np.testing.assert_allclose(np.abs(normal @ W2[0, :3]), np.linalg.norm(W2[0, :3]), rtol=1e-9)

    # diagram, counter, cursor
    sW1, sW2 = scene.diagram.shown_weights()
    np.testing.assert_allclose(sW1, W1)
    np.testing.assert_allclose(sW2, W2)
    assert scene.counter.step.get_value() == run.steps[k]
    assert scene.counter.epoch.get_value() == pytest.approx(run.steps[k] / len(run.y), abs=0.05)
    acc = 100 * np.mean((f.y_hat > 0.5) == (run.y == 1))
    assert scene.counter.accuracy.get_value() == pytest.approx(acc, abs=0.05)
    step, loss = scene.loss.cursor_value()
    assert step == pytest.approx(run.steps[k], rel=1e-6, abs=1e-6)
    assert loss == pytest.approx(f.loss.mean(), rel=1e-6)


def test_loss_axis_is_a_log_scale(run_scene_obj, run):
    """The curve's points map back to log10 of the run's mean loss (recomputed), so equal
    ratios of loss get equal heights; every tick sits at the height of its value."""
    loss = run_scene_obj.loss
    losses = [float(forward(run.W1[k], run.W2[k], run.X, run.y).loss.mean()) for k in (0, run.n_snapshots - 1)]
    for k, value in zip((0, run.n_snapshots - 1), losses):
        x, y = loss.axes.p2c(loss.curve_points(k + 1)[-1])[:2]
        assert y + loss.lo == pytest.approx(np.log10(value), abs=1e-6)
    # the axis ends at a power of ten below the lowest mean loss, clear of the curve's tail
    lowest = min(float(forward(run.W1[k], run.W2[k], run.X, run.y).loss.mean()) for k in range(run.n_snapshots))
    assert loss.lo == int(loss.lo) and 10 ** loss.lo < lowest
    floor = loss.axes.c2p(0, 0)[1]
    assert min(p[1] for p in loss.curve_points()) > floor + 0.05
    for value, tick in zip(loss.tick_values, loss.y_ticks):
        assert float(tick.tex_string) == pytest.approx(value)
        assert tick.get_y() == pytest.approx(loss.axes.c2p(0, np.log10(value) - loss.lo)[1], abs=1e-6)


def test_accuracy_strip_spans_the_late_range(run_scene_obj, run):
    """The strip after epoch 10 prints the lowest and highest accuracy of that stretch, as
    recomputed, and the late words' "between A and B" are those two numbers."""
    from scenes.ch3_training._run_words import phases

    _, _, k2, k3 = phases(run)
    acc = [100 * np.mean((forward(run.W1[k], run.W2[k], run.X, run.y).y_hat > 0.5) == (run.y == 1))
           for k in range(k2, k3 + 1)]
    strip = run_scene_obj.strip
    assert strip.extremes[0].get_value() == pytest.approx(min(acc), abs=0.05)
    assert strip.extremes[1].get_value() == pytest.approx(max(acc), abs=0.05)
    assert strip.extremes[0].get_y() < strip.extremes[1].get_y() or min(acc) == max(acc)


def test_accuracy_strip_ends_are_labelled_with_their_epochs(run_scene_obj, run):
    """The strip's x ends carry the epochs of its first and last snapshots (steps over the
    number of points), each under its end of the axis."""
    from scenes.ch3_training._run_words import phases

    _, _, k2, k3 = phases(run)
    strip = run_scene_obj.strip
    for label, k, end in zip(strip.x_ends, (k2, k3), (strip.axes.x_axis.get_start(), strip.axes.x_axis.get_end())):
        assert float(label.tex_string) == pytest.approx(round(run.steps[k] / len(run.y)))
        assert label.get_x() == pytest.approx(end[0], abs=1e-6) and label.get_top()[1] < end[1]


def test_each_key_sits_by_its_panel(run_scene_obj):
    """The dots' key is a block beside the input plane, not on the caption row; the hidden
    space's key (the plane ŷ = ½) is clear of its panel; the hidden panel is larger than the
    input plane is tall."""
    scene = run_scene_obj
    image, dots = scene.panel.image, scene.dots_home
    assert 0 < dots.get_left()[0] - image.get_right()[0] < 0.5
    assert dots.get_bottom()[1] >= image.get_bottom()[1] - 1e-6
    assert dots.get_bottom()[1] > scene.captions[0].get_top()[1]
    assert not scene.hidden.reaches_into(scene.hidden_key, 0.05)
    assert scene.hidden.height > image.height


def test_hidden_space_is_seen_edge_on_to_the_last_plane(run_scene_obj, run):
    """The view of hidden space sees the last plane (and epoch 10's) nearly edge-on: its normal
    lies nearly in the screen, so the two classes sit on either side of a line."""
    from scenes.ch3_training._run_views import EDGE_ON
    from scenes.ch3_training._run_words import phases

    axes = run_scene_obj.hidden.axes
    o = np.asarray(axes.c2p(0, 0, 0))
    R = np.array([np.asarray(axes.c2p(*e)) - o for e in np.eye(3)]).T  # screen = R @ hidden
    for k in phases(run)[2:]:
        n = np.asarray(run.W2[k], dtype=float).reshape(-1)[:3]
        shown = R @ n
        assert abs(shown[2]) / np.linalg.norm(shown) <= EDGE_ON + 0.02


# ---------------------------------------------------------------- WhenTrainingFails

@pytest.fixture(scope="module")
def fail_scene(media_dir):
    from scenes.ch3_training.failure import WhenTrainingFails

    return run_scene(WhenTrainingFails, media_dir)


def test_compared_runs_accuracy_and_loss(fail_scene, run):
    bad = load_run(FAILED_RUN)
    for stats, r in zip(fail_scene.stats, (run, bad)):
        f = forward(r.W1[-1], r.W2[-1], r.X, r.y)
        acc = 100 * np.mean((f.y_hat > 0.5) == (r.y == 1))
        assert stats.acc.get_value() == pytest.approx(acc, abs=0.05)
        assert stats.loss.get_value() == pytest.approx(f.loss.mean(), abs=5e-4)


def test_dead_units_shown(fail_scene):
    bad = load_run(FAILED_RUN)
    f = forward(bad.W1[-1], bad.W2[-1], bad.X, bad.y)
    dead = (f.z1[:, :3] <= 0).all(axis=0)
    assert dead.any()
    for u, panel in enumerate(fail_scene.unit_panels):
        assert ("dead" in panel.head.text) == dead[u]
        assert panel.top_z.value.get_value() == pytest.approx(f.z1[:, u].max(), abs=6e-3)
        moved = np.abs(bad.W1[-1][u] - bad.W1[0][u]).max()
        assert panel.change.value.get_value() == pytest.approx(moved, abs=6e-3)
        if dead[u]:
            assert moved == 0.0  # no gradient ever reached it
        # the crease is drawn where the unit's z is 0, and only if that line crosses the plane
        W, (x0, x1, y0, y1) = bad.W1[-1][u], bad.grid_extent
        corners = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]]) @ W
        crosses = corners.min() < 0 < corners.max()
        assert (panel.crease.get_stroke_opacity() > 0) == crosses
        if crosses:
            for end in (panel.crease.get_start(), panel.crease.get_end()):
                x1, x2 = panel.axes.p2c(end)[:2]
                assert W @ [x1, x2, 1.0] == pytest.approx(0, abs=1e-6)


def test_sweep_rates_counts_and_squares(fail_scene):
    for view in fail_scene.sweep_views:
        sweep = load_sweep(SWEEPS[view.which])
        assert view.rate.get_value() == pytest.approx(100 * sweep.learned.mean(), abs=0.05)
        counts = np.bincount(sweep.failure, minlength=len(FAILURES))
        assert [n.get_value() for n in view.counts.numbers] == counts.tolist()
        from scenes.ch3_training._run_sweep import cell_outcomes

        shown = cell_outcomes(view.grid.pixel_array, len(sweep.seeds))
        np.testing.assert_array_equal(shown, sweep.failure)


# ---------------------------------------------------------------- WhenTrainingFails, its units

def test_dead_units_zero_side_is_shaded_where_their_sum_is_not_positive(fail_scene):
    bad = load_run(FAILED_RUN)
    for panel in fail_scene.unit_panels:
        u, axes = panel.unit, panel.axes
        opacity = max((p.get_fill_opacity() for p in panel.zero_side), default=0)
        assert (opacity > 0) == bool(bad.dead_units(-1)[u])
        for piece in panel.zero_side:  # every corner of a shaded piece is on the zero side
            for point in piece.get_vertices():
                x1, x2 = axes.p2c(point)[:2]
                assert bad.W1[-1][u] @ [x1, x2, 1.0] <= 1e-9


def test_weight_strips_show_each_runs_start(fail_scene, run):
    """The dots of a start's strip are that run's weights at step 0, at their value on the
    line: the drawn ones, and the He start's set biases apart (its output's too)."""
    bad = load_run(FAILED_RUN)
    starts = {s.line.get_center()[0] < 0: s for s in fail_scene.strips}  # left run's on the left
    for r, strip in ((run, starts.get(True)), (bad, starts.get(False))):
        if strip is None:
            continue
        W1, W2 = r.W1[0], r.W2[0]
        if r.config.init == "he":
            drawn = np.concatenate([W1[:, :2].ravel(), W2[0, :3]])
            # the hidden units' set biases, then the output's
            np.testing.assert_allclose([d.value for d in strip.set_biases], [*W1[:, 2], W2[0, 3]])
            # grey, a set start value (TrainingPremise's convention), stacked over the drawn dots
            from scenes import style
            assert all(d.get_color() == style.MUTED for d in strip.set_biases)
            assert min(b.get_y() for b in strip.set_biases) > max(d.get_y() for d in strip.drawn) + 0.05
        else:
            drawn = np.concatenate([W1.ravel(), W2[0]])
        np.testing.assert_allclose([d.value for d in strip.drawn], drawn)
        for d in [*strip.drawn, *strip.set_biases]:  # landed, over its value on the line
            assert d.get_fill_opacity() == pytest.approx(1.0)
            x = strip.line.p2n(d.get_center())
            assert x == pytest.approx(d.value, abs=1e-6)  # none clamped to the line's end
        assert strip.reach >= np.abs(drawn).max()
    assert len({s.reach for s in fail_scene.strips}) == 1  # one scale for both starts


def test_the_header_counts_what_the_last_words_speak_of(fail_scene):
    """While the last words speak of the He runs that failed another way than a dead unit, the
    header counts those runs (read from the sweep), not the dead units."""
    default = load_sweep(SWEEPS["default"])
    counts = np.bincount(default.failure, minlength=len(FAILURES))
    stuck, diverged = counts[FAILURES.index("stuck, all units alive")], counts[FAILURES.index("diverged")]
    header = getattr(fail_scene, "other_header", None)
    if not (stuck or diverged):
        assert header is None
        return
    text = header.text.replace(" ", "")
    assert text.startswith("Hestart,otherfailures")
    assert (f"{stuck}stuckwithallunitsalive" in text) == bool(stuck)
    assert (f"{diverged}blewup" in text) == bool(diverged)
