"""Chapter 3's opening and its backward pass: what they say and draw is true of the run.

TrainingPremise's words are collected for three runs (default, committed failed, poorly
trained) and checked against NumPy recomputations from the run file; the gradient scenes'
marks (the largest slope, the edge widths, the dimmed edge) against finite differences."""

import re

import numpy as np
import pytest

from scenes.ch3_training._example import example
from scenes.ch3_training.premise import TrainingPremise
from scenes.run_data import load_scene_run
from tests.scenes.harness import run_scene
from tests.scenes.test_ch3_numbers import fd_grads, np_forward
from tests.scenes.words import scene_words
from toynet_core import load_run
from scenes.widgets.matrices import matrix_values

RUNS = ("default", "failed", "poor")


def mean_loss(W1, W2, X, y):
    return float(np.mean([np_forward(W1, W2, x, t)["loss"] for x, t in zip(X, y)]))


@pytest.fixture(scope="module", params=RUNS)
def premise(request, three_runs, media_dir):
    path = three_runs[request.param]
    return load_run(path), scene_words(TrainingPremise, path, media_dir)


def test_premise_states_the_runs_start_and_end_loss(premise):
    run, words = premise
    caption = words.find("In this run the mean loss went from")
    start, end, steps = re.search(r"from (\d+\.\d\d) at the start to (\d+\.\d\d) after ([\d,]+) steps",
                                  caption).groups()
    assert float(start) == pytest.approx(mean_loss(run.W1[0], run.W2[0], run.X, run.y), abs=0.006)
    assert float(end) == pytest.approx(mean_loss(run.W1[-1], run.W2[-1], run.X, run.y), abs=0.006)
    assert int(steps.replace(",", "")) == int(run.steps[-1])
    shown = words.scene.start_value.get_value()
    assert shown == pytest.approx(mean_loss(run.W1[0], run.W2[0], run.X, run.y), abs=1e-9)


def test_premise_says_which_start_weights_are_random(premise):
    run, words = premise
    caption = words.subcaptions[0]
    W1, W2 = run.W1[0], run.W2[0]
    # A fixed-bias start leaves the three first-layer biases equal and the last bias zero.
    fixed = bool(np.all(W1[:, 2] == W1[0, 2]) and W2[0, 3] == 0.0)
    assert ("9 drawn from a bell curve" in caption) == fixed
    assert ("all 13 drawn" in caption) == (not fixed)
    # z⁽¹⁾ at (0, 0) is the bias: a positive one switches every unit on there, said in a cue
    # of its own, right after the start
    on = fixed and bool(np.all(W1[:, 2] > 0))
    if fixed:  # the set biases, read from the weights, and what the first layer's does
        assert f"4 biases set, {W1[0, 2]:g} in the first layer" in caption and f"{W2[0, 3]:g} at the output" in caption
    said = " ".join(words.subcaptions[:2])
    assert ("every unit starts on at (0, 0)" in said) == on
    if on:
        assert f"a unit's sum is just its bias, {W1[0, 2]:g}" in words.subcaptions[1]
    assert words.subcaptions[2 if on else 1].startswith("Random, so no two units start alike")
    assert np.allclose(matrix_values(words.scene.w1), W1) and np.allclose(matrix_values(words.scene.w2), W2)


def test_premise_counts_epochs(premise):
    run, words = premise
    n, steps = len(run.y), int(run.order.shape[0])
    caption = words.find("Our small net")
    assert f"{n} steps visit every point once" in caption and f"the run takes {steps:,}" in caption


def test_premise_says_the_loss_jitters_only_if_it_does(premise):
    """One point per step: the words say the mean loss jitters only if it rises somewhere
    between the run's snapshots, and no batch is spoken of (the run takes none)."""
    run, words = premise
    caption = words.find("Our small net")
    rises = bool((np.diff(np.asarray(run.mean_loss, float)) > 0).any())
    assert ("jitters" in caption) == rises
    assert not any("batch" in c for c in words.subcaptions)


# -- the backward pass ------------------------------------------------------------------
@pytest.fixture(scope="module")
def ex():
    return example(load_scene_run())


def test_forward_dims_the_switched_off_units_edge(media_dir, ex):
    from scenes.ch3_training.forward import ForwardPass

    s = run_scene(ForwardPass, media_dir)
    z1 = np_forward(ex.W1, ex.W2, ex.x, ex.y)["z1"][:3]
    for k in range(3):
        dimmed = s.diagram.w2_edges[k].get_stroke_opacity() < 0.5
        assert dimmed == (z1[k] <= 0)


def test_backprop_w2_marks_the_largest_slope(media_dir, ex):
    from scenes.ch3_training.backward_w2 import BackpropW2

    s = run_scene(BackpropW2, media_dir)
    g2 = fd_grads(ex.W1, ex.W2, ex.x, ex.y)[1][0]
    assert s.largest == int(np.argmax(np.abs(g2)))
    assert np.allclose(matrix_values(s.grad)[0], g2, atol=1e-7)


def test_gradient_edges_separate_sizes(media_dir, ex):
    """Edge width is proportional to |gradient| (never clamped): unequal sizes, unequal widths."""
    from scenes.ch3_training.gradient_flow import GradientFlow

    s = run_scene(GradientFlow, media_dir)
    g1, g2 = fd_grads(ex.W1, ex.W2, ex.x, ex.y)
    flows = list(s.w2_flow) + list(s.w1_flow)
    sizes = np.abs(np.concatenate([g2.ravel(), g1.ravel()]))
    widths = np.array([f.get_stroke_width() for f in flows])
    # widths are an increasing affine function of the sizes
    slope, intercept = np.polyfit(sizes, widths, 1)
    assert slope > 0 and np.allclose(widths, slope * sizes + intercept, atol=1e-3)
    # and the last layer's two largest slopes are drawn visibly apart (the old clamped scale
    # drew both at full width)
    w2_widths = np.sort([f.get_stroke_width() for f in s.w2_flow])
    assert w2_widths[-1] - w2_widths[-2] >= 2.0


@pytest.fixture(scope="module", params=RUNS)
def flow_words(request, three_runs, media_dir):
    from scenes.ch3_training.gradient_flow import GradientFlow

    path = three_runs[request.param]
    return load_run(path), scene_words(GradientFlow, path, media_dir)


def test_gradient_flow_nudge_is_the_runs(flow_words):
    """The nudged weight is the last layer's largest slope, and the losses said are real."""
    from scenes.ch3_training.gradient_flow import NUDGE

    run, words = flow_words
    ex = example(run)
    g2 = fd_grads(ex.W1, ex.W2, ex.x, ex.y)[1][0]
    k = int(np.argmax(np.abs(g2)))
    assert words.scene.k == k
    caption = words.find("Raising this weight by")
    step, verb, before, after = re.search(r"by ([\d.]+) (lowers|raises) the loss from (\d+\.\d\d) to (\d+\.\d\d)",
                                          caption).groups()
    assert float(step) == NUDGE
    W2 = np.array(ex.W2, dtype=float)
    W2[0, k] += NUDGE
    base = np_forward(ex.W1, ex.W2, ex.x, ex.y)["loss"]
    up = np_forward(ex.W1, W2, ex.x, ex.y)["loss"]
    assert float(before) == pytest.approx(base, abs=0.006) and float(after) == pytest.approx(up, abs=0.006)
    assert (verb == "lowers") == (up < base)
    rate, slope = map(float, re.search(r"about (-?\d+\.\d\d) per unit; its exact slope is (-?\d+\.\d\d)",
                                       caption).groups())
    assert rate == pytest.approx((up - base) / NUDGE, abs=0.006)
    assert slope == pytest.approx(g2[k], abs=0.006)  # the finite-difference oracle's slope
    # and the slope has the sign the nudge shows: raising a weight with a negative slope lowers the loss
    assert (g2[k] < 0) == (up < base)
    assert len(caption) <= 120


# ---------------------------------------------------------------- ForwardPass

@pytest.fixture(scope="module", params=RUNS)
def forward_words(request, three_runs, media_dir):
    from scenes.ch3_training.forward import ForwardPass

    path = three_runs[request.param]
    return load_run(path), scene_words(ForwardPass, path, media_dir)


def test_forward_pass_reads_the_prediction_as_the_chance_of_the_label(forward_words):
    run, words = forward_words
    ex = example(run)
    y_hat = float(np_forward(ex.W1, ex.W2, ex.x, ex.y)["yhat"])
    own = y_hat if ex.y == 1 else 1 - y_hat
    caption = words.find("The label is")
    assert caption.startswith(f"The label is {ex.y}, {('orange', 'blue')[ex.y]}")
    assert ("the right side of one half" in caption) == (own > 0.5)
    assert ("the wrong side of one half" in caption) == (own <= 0.5)
    said = re.search(r"(over a|under a|a) (\d+)% chance", caption)
    if said.group(1) == "over a":
        assert own > 0.99 and said.group(2) == "99"
    elif said.group(1) == "under a":
        assert own < 0.01 and said.group(2) == "1"
    else:
        assert int(said.group(2)) == round(100 * own)


def test_forward_pass_names_the_switched_off_units(forward_words):
    run, words = forward_words
    ex = example(run)
    off = np.flatnonzero(np_forward(ex.W1, ex.W2, ex.x, ex.y)["z1"][:3] <= 0) + 1
    text = "\n".join(words.subcaptions)
    if len(off) == 0:
        assert "every hidden unit is active" in text
    else:
        noun = "unit" if len(off) == 1 else "units"
        assert f"Hidden {noun} {' and '.join(map(str, off))} fell below zero" in text


def test_forward_writes_approx_only_when_the_shown_numbers_do_not_add_up(ex):
    """ForwardPass writes '=' after a product only if multiplying the numbers as shown (to
    their shown decimals) gives the results as shown; else '≈'."""
    from scenes.ch3_training.forward import equals_sign
    from scenes.widgets.matrices import places_for

    def shown(v):
        return round(float(v), places_for(v))

    f = np_forward(ex.W1, ex.W2, ex.x, ex.y)
    xt = np.array([ex.x[0], ex.x[1], 1.0])
    product = np.vectorize(shown)(ex.W1) @ np.vectorize(shown)(xt)
    adds_up = all(shown(p) == shown(z) for p, z in zip(product, f["z1"][:3]))
    assert equals_sign(ex.W1, xt, f["z1"][:3]) == ("=" if adds_up else r"\approx")
    assert equals_sign(np.eye(2), [0.25, 0.5], [0.25, 0.5]) == "="
    assert equals_sign([[1.004, 1.004]], [1.0, 1.0], [2.008]) == r"\approx"
