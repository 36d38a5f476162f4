"""Chapter 3 number scenes: what they display is read back and checked against the run file,
a plain-numpy forward pass written here, toynet_core, and central finite differences."""

import dataclasses

import numpy as np
import pytest
from manim import DecimalNumber

from scenes.ch3_training._example import EXAMPLE_STEP, example
from scenes.widgets.matrices import matrix_values
from scenes.run_data import load_scene_run
from tests.scenes.harness import run_scene

TOL = 1e-9
FD_STEP = 1e-6


# -- independent references -------------------------------------------------------------
def np_forward(W1, W2, x, y):
    xt = np.array([x[0], x[1], 1.0])
    z1 = np.append(W1 @ xt, 1.0)
    x2 = np.maximum(z1, 0.0)
    z2 = float(W2.reshape(4) @ x2)
    yhat = 1.0 / (1.0 + np.exp(-z2))
    return dict(xt=xt, z1=z1, x2=x2, z2=z2, yhat=yhat, loss=(y - yhat) ** 2)


def fd_grads(W1, W2, x, y, h=FD_STEP):
    """Central differences of the loss in every weight."""
    def loss(a, b):
        return np_forward(a, b, x, y)["loss"]

    g1, g2 = np.zeros((3, 3)), np.zeros((1, 4))
    for idx in np.ndindex(3, 3):
        d = np.zeros((3, 3))
        d[idx] = h
        g1[idx] = (loss(W1 + d, W2) - loss(W1 - d, W2)) / (2 * h)
    for idx in np.ndindex(1, 4):
        d = np.zeros((1, 4))
        d[idx] = h
        g2[idx] = (loss(W1, W2 + d) - loss(W1, W2 - d)) / (2 * h)
    return g1, g2


def in_scene(scene, mob):
    family = {id(m) for top in scene.mobjects for m in top.get_family()}
    return id(mob) in family


@pytest.fixture(scope="module")
def run():
    return load_scene_run()


@pytest.fixture(scope="module")
def ex(run):
    return example(run)


@pytest.fixture(scope="module")
def ref(ex):
    return np_forward(ex.W1, ex.W2, ex.x, ex.y)


@pytest.fixture(scope="module")
def fd(ex):
    return fd_grads(ex.W1, ex.W2, ex.x, ex.y)


def _scene(name, media_dir):
    import importlib
    module, cls = {
        "forward": ("scenes.ch3_training.forward", "ForwardPass"),
        "w2": ("scenes.ch3_training.backward_w2", "BackpropW2"),
        "w1": ("scenes.ch3_training.backward_w1", "BackpropW1"),
        "update": ("scenes.ch3_training.update", "UpdateStep"),
    }[name]
    return run_scene(getattr(importlib.import_module(module), cls), media_dir)


# -- the example point ------------------------------------------------------------------
def test_example_is_deterministic_and_follows_its_rule(run, ex):
    again = example(run)
    assert (again.k, again.i, again.y) == (ex.k, ex.i, ex.y)
    assert np.array_equal(again.x, ex.x) and np.array_equal(again.W1, ex.W1)
    # first snapshot at or after EXAMPLE_STEP, with that snapshot's weights and sample
    assert run.steps[ex.k] >= EXAMPLE_STEP and (ex.k == 0 or run.steps[ex.k - 1] < EXAMPLE_STEP)
    assert np.array_equal(ex.W1, run.W1[ex.k]) and np.array_equal(ex.W2, run.W2[ex.k])
    assert np.array_equal(ex.x, run.X[ex.i]) and ex.y == run.y[ex.i]
    # an inactive and an active unit, and the largest loss among such samples
    pre = run.hidden_pre[ex.k]
    mixed = (pre <= 0).any(axis=1) & (pre > 0).any(axis=1)
    assert mixed[ex.i]
    losses = np.array([np_forward(ex.W1, ex.W2, x, y)["loss"] for x, y in zip(run.X, run.y)])
    assert losses[ex.i] == pytest.approx(losses[mixed].max())


def test_example_falls_back_when_every_unit_is_on(run):
    # Zero input weights and positive biases: every unit is on for every sample.
    W1 = np.tile(np.array([[0.0, 0.0, 1.0]]), (3, 1))
    W2 = np.array([[1.0, -2.0, 0.5, 0.3]])
    fake = dataclasses.replace(run, W1=np.broadcast_to(W1, run.W1.shape).copy(),
                               W2=np.broadcast_to(W2, run.W2.shape).copy())
    chosen = example(fake)
    losses = np.array([np_forward(W1, W2, x, y)["loss"] for x, y in zip(run.X, run.y)])
    assert losses[chosen.i] == pytest.approx(losses.max())


# -- forward ----------------------------------------------------------------------------
def test_forward_pass_shows_the_points_real_values(media_dir, run, ex, ref):
    s = _scene("forward", media_dir)
    assert np.allclose(matrix_values(s.xt_col).ravel(), ref["xt"], atol=TOL)
    assert np.allclose(matrix_values(s.z1_col).ravel(), ref["z1"], atol=TOL)
    assert np.allclose(matrix_values(s.x2_col).ravel(), ref["x2"], atol=TOL)
    assert s.z2_value.get_value() == pytest.approx(ref["z2"], abs=TOL)
    assert s.yhat_value.get_value() == pytest.approx(ref["yhat"], abs=TOL)
    assert s.loss_value.get_value() == pytest.approx(ref["loss"], abs=TOL)
    # the run file agrees: its stored hidden layer and loss for this snapshot and sample
    assert np.allclose(matrix_values(s.z1_col).ravel()[:3], run.hidden_pre[ex.k, ex.i], atol=1e-9)
    assert s.loss_value.get_value() == pytest.approx(run.loss[ex.k, ex.i], abs=1e-9)
    # the diagram shows the same snapshot's weights, and the values beside the nodes match
    W1, W2 = s.diagram.shown_weights()
    assert np.allclose(W1, ex.W1) and np.allclose(W2, ex.W2)
    assert [v.get_value() for v in s.input_values] == pytest.approx(list(ex.x))
    shown_hidden = [next(m for m in g if isinstance(m, DecimalNumber)).get_value() for g in s.hidden_values]
    assert shown_hidden == pytest.approx(list(ref["x2"][:3]))
    assert in_scene(s, s.loss_value)


# -- backward, last layer ---------------------------------------------------------------
def test_backprop_w2_factors_and_gradient(media_dir, ex, ref, fd):
    s = _scene("w2", media_dir)
    assert s.f1.get_value() == pytest.approx(2 * (ref["yhat"] - ex.y), abs=TOL)
    assert s.f2.get_value() == pytest.approx(ref["yhat"] * (1 - ref["yhat"]), abs=TOL)
    assert np.allclose(matrix_values(s.f3).ravel(), ref["x2"], atol=TOL)
    shown = matrix_values(s.grad)
    assert np.allclose(shown, fd[1], atol=1e-7)
    # and it really is the product of the three factors shown
    assert np.allclose(shown, s.f1.get_value() * s.f2.get_value() * matrix_values(s.f3), atol=TOL)
    assert in_scene(s, s.grad)


# -- backward, first layer --------------------------------------------------------------
def test_backprop_w1_jacobians_and_gradient(media_dir, ex, ref, fd):
    s = _scene("w1", media_dir)
    delta = 2 * (ref["yhat"] - ex.y) * ref["yhat"] * (1 - ref["yhat"])
    assert s.delta_value.get_value() == pytest.approx(delta, abs=TOL)
    # the sample carried back is on screen from the first product: its x̃, y and ŷ
    xt, y, yhat = s.tag.values
    assert np.allclose(xt, ref["xt"]) and y == ex.y and yhat == pytest.approx(ref["yhat"])
    # each ReLU factor (×0, ×1) is nearer its own node than any other
    nodes = [*s.diagram.hidden_nodes]
    for k, factor in enumerate(s.slopes):
        gaps = [np.linalg.norm(factor.get_center() - n.get_center()) for n in nodes]
        assert int(np.argmin(gaps)) == k
    relu = matrix_values(s.relu)
    assert np.array_equal(relu, np.diag((ref["z1"] > 0).astype(float)))
    assert (np.diag(relu) == 0).any(), "the example should show a zero on the diagonal"
    assert np.array_equal(matrix_values(s.stack), np.vstack([np.eye(3), np.zeros((1, 3))]))
    X = matrix_values(s.X)
    for i in range(3):
        assert np.allclose(X[i, 3 * i:3 * i + 3], ref["xt"], atol=TOL)
        assert np.count_nonzero(np.delete(X[i], range(3 * i, 3 * i + 3))) == 0
    # each partial product shown is the previous one times the matrix shown
    rows = {k: matrix_values(v) for k, v in s.shown_rows.items()}
    assert np.allclose(rows["at_x2"], delta * ex.W2, atol=TOL)
    assert np.allclose(rows["at_z1"], rows["at_x2"] @ relu, atol=TOL)
    assert np.allclose(rows["at_q"], rows["at_z1"] @ matrix_values(s.stack), atol=TOL)
    assert np.allclose(rows["at_w1"], rows["at_q"] @ X, atol=TOL)
    # the folded 3x3 gradient matches finite differences, and the off unit's row is zero
    grad = matrix_values(s.grad)
    assert np.allclose(grad, fd[0], atol=1e-7)
    assert np.allclose(grad.ravel(), rows["at_w1"].ravel(), atol=TOL)
    off = np.flatnonzero(ref["z1"][:3] <= 0)
    assert np.all(grad[off] == 0)
    assert all(in_scene(s, e) for e in s.grad.get_entries())
    # before X: one unit's three weights, each its share of ∂L/∂q times the input on its edge,
    # on the lines under the diagram and on the edges themselves (the unit with the largest slope)
    u = s.unit
    assert abs(rows["at_q"][0, u]) == pytest.approx(np.abs(rows["at_q"]).max(), abs=TOL)
    for j, (share, x, product) in enumerate(s.share_rows):
        assert share.get_value() == pytest.approx(rows["at_q"][0, u], abs=TOL)
        assert x.get_value() == pytest.approx(ref["xt"][j], abs=TOL)
        assert product.get_value() == pytest.approx(fd[0][u, j], abs=1e-7)
        assert s.edge_slopes[j][1].get_value() == pytest.approx(fd[0][u, j], abs=1e-7)
        # the edge's slope sits on the edge from input j to unit u
        edge = s.diagram.w1_edges[u][j]
        centre = s.edge_slopes[j][1].get_center()
        a, b = edge.get_start(), edge.get_end()
        t = np.dot(centre - a, b - a) / np.dot(b - a, b - a)
        assert 0 < t < 1 and np.linalg.norm(a + t * (b - a) - centre) < 1e-6
    # the folded gradient's picture: each weight's slope on its own edge, read back from the
    # labels; no two labels overlap (as drawn, pads included)
    on = np.flatnonzero(ref["z1"][:3] > 0)
    assert len(s.picture_slopes) == 3 * len(on)
    boxes, fractions = [], {}
    for label in s.picture_slopes:
        i, j = label.row, label.column
        assert i in on and label[1].get_value() == pytest.approx(fd[0][i, j], abs=1e-7)
        edge = s.picture.w1_edges[i][j]
        a, b, centre = edge.get_start(), edge.get_end(), label.get_center()
        t = np.dot(centre - a, b - a) / np.dot(b - a, b - a)
        assert 0 < t < 1 and np.linalg.norm(a + t * (b - a) - centre) < 1e-6
        fractions.setdefault(i, []).append(t)
        lo, hi = label.get_corner(np.array([-1, -1, 0])), label.get_corner(np.array([1, 1, 0]))
        boxes.append((lo, hi))
    for m, (lo1, hi1) in enumerate(boxes):
        for lo2, hi2 in boxes[m + 1:]:
            apart = (hi1[0] <= lo2[0] or hi2[0] <= lo1[0] or hi1[1] <= lo2[1] or hi2[1] <= lo1[1])
            assert apart, "two edge labels overlap"
    # by one rule: a unit's three labels at one fraction of the way along its edges
    for ts in fractions.values():
        assert max(ts) - min(ts) < 1e-6


# -- the update -------------------------------------------------------------------------
def test_update_step_weights_and_losses(media_dir, run, ex, fd):
    s = _scene("update", media_dir)
    alpha = run.config.lr
    assert s.alpha_value.get_value() == pytest.approx(alpha)
    assert np.allclose(matrix_values(s.w2_old), ex.W2, atol=TOL)
    assert np.allclose(matrix_values(s.w2_new), ex.W2 - alpha * fd[1], atol=1e-7)
    assert np.allclose(matrix_values(s.w1_old), ex.W1, atol=TOL)
    assert np.allclose(matrix_values(s.w1_new), ex.W1 - alpha * fd[0], atol=1e-7)
    assert np.allclose(matrix_values(s.w1_step), -alpha * fd[0], atol=1e-7)
    before = np_forward(ex.W1, ex.W2, ex.x, ex.y)
    after = np_forward(ex.W1 - alpha * fd[0], ex.W2 - alpha * fd[1], ex.x, ex.y)
    assert s.loss_before.get_value() == pytest.approx(before["loss"], abs=1e-6)
    assert s.loss_after.get_value() == pytest.approx(after["loss"], abs=1e-6)
    assert s.yhat_after.get_value() == pytest.approx(after["yhat"], abs=1e-6)
    assert s.yhat_before.get_value() == pytest.approx(before["yhat"], abs=1e-6)
    # the forward pass shown again: z(1) and z(2) through the old weights and the new
    assert np.allclose(matrix_values(s.z1_before).ravel(), before["z1"], atol=TOL)
    assert np.allclose(matrix_values(s.z1_after).ravel(), after["z1"], atol=1e-7)
    assert s.z2_after.get_value() == pytest.approx(after["z2"], abs=1e-7)
    assert s.went_down == (after["loss"] < before["loss"])
    assert ("downby" in s.verdict.text.replace(" ", "")) == s.went_down
    assert in_scene(s, s.loss_after) and in_scene(s, s.verdict)


def test_update_step_zooms_in_on_the_move_of_y_hat(media_dir, run, ex, fd):
    s = _scene("update", media_dir)
    alpha = run.config.lr
    y0 = np_forward(ex.W1, ex.W2, ex.x, ex.y)["yhat"]
    y1 = np_forward(ex.W1 - alpha * fd[0], ex.W2 - alpha * fd[1], ex.x, ex.y)["yhat"]
    zl, fl = s.zoom_line, s.full_line
    assert zl.p2n(s.zoom_before.get_center()) == pytest.approx(y0, abs=1e-6)
    assert zl.p2n(s.zoom_after.get_center()) == pytest.approx(y1, abs=1e-6)
    assert fl.p2n(s.yhat_dot.get_center()) == pytest.approx(y1, abs=1e-6)
    lo, hi = zl.x_range[:2]
    assert 0 <= lo < min(y0, y1) and max(y0, y1) < hi <= 1
    # the zoom makes the move large: at least 1.5 scene units (about 90 px at 480p), and at
    # least five times what the full scale shows
    on_zoom = abs(s.zoom_after.get_x() - s.zoom_before.get_x())
    on_full = abs(fl.n2p(y1)[0] - fl.n2p(y0)[0])
    assert on_zoom >= 1.5 and on_zoom >= 5 * on_full


# -- counting numbers --------------------------------------------------------------------
def test_a_counted_number_shows_its_true_value_early_in_its_beat():
    """A viewer who pauses while the words speak of a counted number must read its true value:
    the count is over by COUNT_BY of the beat, and a window ending later is refused."""
    from scenes.ch3_training._numbers_common import COUNT_BY, count_to

    number = DecimalNumber(-1.39, num_decimal_places=2)
    anim = count_to(number, 0.1)
    anim.begin()
    anim.interpolate(0.05)
    assert number.get_fill_opacity() == 0  # hidden until it starts counting
    anim.interpolate(COUNT_BY)
    assert number.get_value() == pytest.approx(-1.39)
    anim.interpolate(0.6)
    assert number.get_value() == pytest.approx(-1.39)
    for start, end in [(0.3, None), (0.45, 0.9), (0.2, 0.5)]:
        with pytest.raises(ValueError):
            count_to(DecimalNumber(1.0), start, end)


def test_no_scene_squeezes_a_count_into_a_later_window():
    """count_to places its own window; wrapping it in during() would move it past COUNT_BY."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2] / "scenes"
    wrapped = [f"{path.name}:{n}" for path in root.rglob("*.py")
               for n, text in enumerate(path.read_text().splitlines(), 1)
               if re.search(r"during\(\s*count_to\(", text)]
    assert not wrapped, wrapped
