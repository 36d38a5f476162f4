"""What TrainingRun and WhenTrainingFails say about a run is true of the run.

Each scene's words (subcaptions and on-screen text) are collected for three runs (the
`three_runs` fixture: the default run, the committed failed run and a poorly trained one),
and every run-dependent statement is checked against a NumPy recomputation from the run's
stored weights, never against the numbers the scene itself read.

A new scene joins by collecting its words with `scene_words(SceneClass, path, media_dir)` in
a fixture parametrized over `RUNS`, as below.
"""

import re

import numpy as np
import pytest

from scenes.run_data import load_sweep_result
from tests.scenes.words import scene_words
from toynet_core import forward, load_run
from toynet_core.data import XOR_CENTRES, XOR_LABELS

RUNS = ("default", "failed", "poor")


def pct(fraction):
    return f"{100 * fraction:.1f}%"


def accuracy(run, k):
    f = forward(run.W1[k], run.W2[k], run.X, run.y)
    return float(np.mean((f.y_hat > 0.5) == (run.y == 1)))


def mean_loss(run, k):
    return float(forward(run.W1[k], run.W2[k], run.X, run.y).loss.mean())


def learned_xor(run):
    """Accuracy >= 95 % and the four XOR centres right: the sweep's definition."""
    centres = (forward(run.W1[-1], run.W2[-1], XOR_CENTRES).y_hat > 0.5).astype(int)
    return accuracy(run, -1) >= 0.95 and centres.tolist() == XOR_LABELS.tolist()


def dead(run, k):
    z1 = forward(run.W1[k], run.W2[k], run.X, run.y).z1[:, :3]
    return (z1 <= 0).all(axis=0)


def first_at(run, step):
    return int(np.flatnonzero(run.steps >= step)[0])


def phase(words, start):
    """The subcaption that starts with `start` and the one after it: a phase of the run is
    said in two beats."""
    i = words.subcaptions.index(words.find(start))
    return " ".join(words.subcaptions[i:i + 2])


def numbers_in(text):
    return [float(x.replace(",", "")) for x in re.findall(r"-?\d[\d,]*\.?\d*", text)]


# ---------------------------------------------------------------- TrainingRun

@pytest.fixture(scope="module", params=RUNS)
def training(request, three_runs, media_dir):
    from scenes.ch3_training.unfolding import TrainingRun

    path = three_runs[request.param]
    return request.param, load_run(path), scene_words(TrainingRun, path, media_dir)


def test_sgd_and_epoch_are_defined_before_the_loss_axis_uses_them(training):
    _, run, words = training
    sgd, epoch = words.find("Each step of SGD"), words.find("The points come")
    assert words.subcaptions.index(epoch) == words.subcaptions.index(sgd) + 1
    assert "an epoch, one pass" in epoch  # both defined in TrainingPremise, recalled here
    assert f"one pass over all {len(run.y)} of them" in epoch
    assert words.first_beat_showing("epoch") == epoch  # the counter's label, uncovered then
    # the step axis's name, in two lines past the axis's end
    later = words.subcaptions.index(words.first_beat_showing("SGD steps\n(log scale)"))
    assert later > words.subcaptions.index(epoch)
    before = words.subcaptions[:words.subcaptions.index(sgd)]
    assert not any("SGD" in c or "epoch" in c for c in before)


def test_opening_words_give_the_blue_share_of_the_start(training):
    _, run, words = training
    gx1, gx2 = np.meshgrid(run.grid_x1, run.grid_x2)
    grid = np.column_stack([gx1.ravel(), gx2.ravel()])
    blue = (forward(run.W1[0], run.W2[0], grid).y_hat > 0.5).mean()
    assert f"at first {blue:.0%} of it is blue" in words.find("Blue where ŷ is above one half")


def test_the_probe_reads_the_nets_prediction_where_it_is(training):
    _, run, words = training
    probe = words.scene.probe
    for t in (0.0, 0.3, 0.7, 1.0):
        probe.show_at(t)
        x = probe.axes.p2c(probe.mark.get_center())[:2]
        yhat = forward(run.W1[0], run.W2[0], np.array([x])).y_hat[0]
        assert probe.value.get_value() == pytest.approx(yhat, abs=1e-6)
    # it ends on the start's blue side when the map has one (so it crosses one half), at the
    # grid point deepest inside it: no blue cell is farther from the orange cells and the edge
    yhat = np.asarray(run.grid_yhat[0])
    blue = yhat > 0.5
    if blue.any() and not blue.all():
        assert probe.value.get_value() > 0.5
        i, j = np.indices(blue.shape)
        rows, cols = blue.shape

        def depth(a, b):  # in cells, to the nearest orange cell or just past the edge
            other = np.hypot(i[~blue] - a, j[~blue] - b).min()
            return min(other, a + 1, b + 1, rows - a, cols - b)

        end = probe.axes.p2c(probe.mark.get_center())[:2]
        a, b = np.argmin(np.abs(run.grid_x2 - end[1])), np.argmin(np.abs(run.grid_x1 - end[0]))
        assert blue[a, b]
        assert depth(a, b) == pytest.approx(max(depth(p, q) for p, q in zip(*np.nonzero(blue))))


def test_the_ringed_points_are_the_points_of_the_steps(training):
    _, run, words = training
    marker = words.scene.marker
    for k in (1, 5, 17, 40):
        marker.show_snapshot(k)
        x1, x2 = marker.axes.p2c(marker.ring.get_center())[:2]
        # run.order[t] is the sample of step t, from the weights at step t to step t + 1
        np.testing.assert_allclose([x1, x2], run.X[run.order[run.steps[k] - 1]], atol=1e-9)


def test_first_epoch_words(training):
    _, run, words = training
    k1 = first_at(run, len(run.y))
    text = phase(words, "The rest of the first epoch")
    assert f"to step {run.steps[k1]}:" in text
    # share of the input grid whose class changes, from ŷ recomputed on the grid
    gx1, gx2 = np.meshgrid(run.grid_x1, run.grid_x2)
    grid = np.column_stack([gx1.ravel(), gx2.ravel()])
    classes = np.array([forward(run.W1[k], run.W2[k], grid).y_hat > 0.5 for k in range(k1 + 1)])
    share = (classes != classes[0]).any(axis=0).mean()
    # the shaded cells are the cells whose class changed: read back from the veil's pixels
    from scenes.ch3_training.unfolding import HATCH
    alpha = words.scene.swept.pixel_array[::-1, :, 3] > 0  # HATCH pixels a cell; a line in each
    veil = alpha.reshape(alpha.shape[0] // HATCH, HATCH, -1, HATCH).any(axis=(1, 3))
    np.testing.assert_array_equal(veil, (classes != classes[0]).any(axis=0).reshape(veil.shape))
    if share >= 0.1:
        assert f"swings across {share:.0%} of the plane" in text
    else:
        assert "barely moves" in text


def test_the_sweep_is_said_once_the_replay_has_reached_the_epochs_end(training):
    """The share crossed in the first epoch is said and keyed only once the counter shows the
    snapshot it is measured to (the end of the first epoch)."""
    _, run, words = training
    k1 = first_at(run, len(run.y))
    captions = [c for c, _ in words.beats]
    sweep = [c for c in captions if c.startswith("Over the whole epoch")]
    if not sweep:  # the run's first epoch was over before the phases began
        return
    i = captions.index(sweep[0])
    rest, shown = words.beats[i - 1]
    assert rest.startswith("The rest of the first epoch")
    counter = words.scene.counter
    assert counter.step._get_num_string(run.steps[k1]) in shown  # the counter at the epoch's end
    assert counter.epoch._get_num_string(run.epochs[k1]) in shown
    key = next(t for t in words.on_screen if t.startswith("crossed by the boundary"))
    assert words.first_beat_showing(key) == sweep[0]
    gx1, gx2 = np.meshgrid(run.grid_x1, run.grid_x2)
    grid = np.column_stack([gx1.ravel(), gx2.ravel()])
    classes = np.array([forward(run.W1[k], run.W2[k], grid).y_hat > 0.5 for k in range(k1 + 1)])
    assert key.endswith(f"{(classes != classes[0]).any(axis=0).mean():.0%}")


def test_words_of_epochs_one_to_ten(training):
    _, run, words = training
    k1, k2 = first_at(run, len(run.y)), first_at(run, 10 * len(run.y))
    a1, a2 = accuracy(run, k1), accuracy(run, k2)
    text = phase(words, "From epoch 1 to epoch 10,")  # over the epochs the replay shows
    if a2 - a1 >= 0.01:
        assert f"climbs from {pct(a1)} to {pct(a2)}" in text
    elif a1 - a2 >= 0.01:
        assert f"falls from {pct(a1)} to {pct(a2)}" in text
    else:
        assert f"stays near {pct(a2)}" in text
    wrong = int(round((1 - a2) * len(run.y)))
    slipped = "slipped between the two classes" in text
    assert slipped == (a2 >= 0.95)
    assert "all but" not in text  # the points still wrong are counted once, at the end
    if not slipped:
        assert f"{wrong} points still sit on the wrong side".lower() in text.lower()


def test_only_sharpens_is_said_only_when_true(training):
    name, run, words = training
    k2, k3 = first_at(run, 10 * len(run.y)), run.n_snapshots - 1
    acc = [accuracy(run, k) for k in range(k2, k3 + 1)]
    l2, l3 = mean_loss(run, k2), mean_loss(run, k3)
    text = phase(words, "After that")
    sharpens = max(acc) - min(acc) < 0.01 and l3 < l2
    assert ("only sharpens what it has found" in text) == sharpens
    assert ("falls" if l3 < l2 else "rises") in text
    if acc[-1] < acc[0]:
        assert f"ends below its {pct(acc[0])}" in text
    if name == "poor":  # the run the claim used to be false for
        assert not sharpens and "does not settle" in text


def test_one_half_is_written_one_way(training):
    """On screen, one half is always the fraction ½, never "1/2"."""
    _, _, words = training
    assert not [t for t in words.on_screen if "1/2" in t.replace(" ", "")]


def test_the_loss_at_epoch_ten_is_marked_as_it_is_said(training):
    """The loss the late words start from is marked on the curve, at epoch 10's snapshot, with
    the number they give, from the beat that says it on."""
    _, run, words = training
    k2, k3 = first_at(run, 10 * len(run.y)), run.n_snapshots - 1
    if k2 >= k3:  # a run that ends by epoch 10 has no late words
        return
    loss, mark = words.scene.loss, words.scene.loss_mark
    step, value = loss.axes.p2c(mark.dot.get_center())[:2]
    assert 10 ** step - 1 == pytest.approx(run.steps[k2], rel=1e-6)
    assert 10 ** (value + loss.lo) == pytest.approx(mean_loss(run, k2), rel=1e-6)
    number = mark.number.tex_string
    assert float(number) == pytest.approx(mean_loss(run, k2), rel=0.05)
    said = words.first_beat_showing(number)
    assert f"from {number} to" in said
    assert mark.label.get_bottom()[1] > loss.axes.c2p(0, 0)[1]  # above the step axis


def test_final_words_and_rings_match_the_wrong_points(training):
    _, run, words = training
    f = forward(run.W1[-1], run.W2[-1], run.X, run.y)
    wrong = np.flatnonzero((f.y_hat > 0.5) != (run.y == 1))
    text = words.find(f"After {run.steps[-1]:,} steps")
    assert f"{pct(accuracy(run, -1))} of the points sit on the right side" in text
    scene = words.scene
    assert len(scene.rings) == len(wrong)
    axes = scene.panel.axes
    ringed = sorted(tuple(np.round(axes.p2c(r.get_center())[:2], 6)) for r in scene.rings)
    assert ringed == sorted(tuple(np.round(run.X[i], 6)) for i in wrong)
    if len(wrong) == 1:
        assert "the one point still on the wrong side is ringed" in text


# ---------------------------------------------------------------- WhenTrainingFails

@pytest.fixture(scope="module", params=RUNS)
def failing(request, three_runs, media_dir):
    from scenes.ch3_training.failure import WhenTrainingFails

    path = three_runs[request.param]
    words = scene_words(WhenTrainingFails, path, media_dir)
    return request.param, load_run(path), load_run(three_runs["failed"]), words


SETTINGS = {"lr": "learning rate", "noise": "noise level", "steps": "number of steps",
            "per_cluster": "number of points"}


def test_says_what_the_two_runs_share_and_what_differs(failing):
    name, good, bad, words = failing
    shared = words.subcaptions[0]
    assert "trained the same way" not in words.text()
    if name == "failed":
        assert "same run" in shared
        return
    differ = words.subcaptions[1]
    assert differ.startswith("They differ in their")
    a, b = good.config, bad.config
    same = [SETTINGS[k] for k in SETTINGS if getattr(a, k) == getattr(b, k)]
    for setting in SETTINGS.values():
        assert (setting in shared) == (setting in same), setting
    for key in SETTINGS:
        if getattr(a, key) != getattr(b, key):
            assert f"{SETTINGS[key]} ({getattr(a, key):g} against {getattr(b, key):g})" in differ
    assert ("start" in differ) == ((a.init, a.init_bias, a.init_scale)
                                   != (b.init, b.init_bias, b.init_scale))
    assert ("random seed" in differ) == (a.seed != b.seed)


def test_each_start_is_explained_before_or_as_its_label_appears(failing):
    """The label of a start ("He start, bias 0.75", "plain start, std. dev. 0.5") is first on
    screen in a beat whose words, or an earlier beat's, say what it means: the He start's
    spreads as numbers (no formula given without its reason) and its set biases, whose reason
    follows; and σ (the sigmoid) never names a spread."""
    _, good, bad, words = failing
    captions = words.subcaptions
    for run in (good, bad):
        c = run.config
        label = (f"He start, bias {c.init_bias:g}" if c.init == "he" else
                 f"plain start, std. dev. {c.init_scale:g}")
        shown_at = captions.index(words.first_beat_showing(label))
        said = " ".join(captions[:shown_at + 1])
        if c.init == "he":
            assert "the He start, after Kaiming He" in said
            # the spreads it draws with, √(2/n) for n inputs, as numbers: the first layer's
            # inputs, then its hidden units; the sample's spread is the config's
            n1, n2 = run.X.shape[1], run.W1[0].shape[0]
            assert (f"weights drawn with mean 0, standard deviation {np.sqrt(2 / n1):.2g} in W⁽¹⁾, "
                    f"{np.sqrt(2 / n2):.2f} in W⁽²⁾.") in said
            # no formula without its reason, and no reason the scene never shows or uses
            assert "√" not in words.text() and "n the layer's inputs" not in said
            assert "fading" not in said and "swelling" not in said and "keep their size" not in said
            assert (f"Its biases are set, not drawn: {c.init_bias:g} in each hidden unit, "
                    f"{run.W2[0][0, 3]:g} at the output" in captions[shown_at]
                    or "starts the same way" in captions[shown_at])
            assert (run.W1[0][:, 2] == c.init_bias).all()
        else:
            assert f"mean 0 and standard deviation {c.init_scale:g}." in said
            # its drawn biases, and the units they leave off, said next (unless a same start
            # said the units' state already)
            said_next = " ".join(captions[:shown_at + 2])
            negative = int((run.W1[0][:, 2] < 0).sum())
            said_neg = ["no hidden units", "one hidden unit", "two hidden units", "three hidden units"][negative]
            assert (f"The draw gave {said_neg} a negative bias" in said_next
                    or "starts the same way" in captions[shown_at])
        if c.init == "he" or "The draw gave" in " ".join(captions[:shown_at + 2]):
            # the bias is there to keep every unit on (drawn, it may not): say whether it does
            off = int(dead(run, 0).sum())
            state = ("all three hidden units start on for some points" if off == 0 else
                     f"{['one', 'two', 'three'][off - 1]} hidden unit{'s' if off > 1 else ''} "
                     f"start{'s' if off == 1 else ''} switched off on every data point")
            said_next = " ".join(captions[:shown_at + 2])
            assert state in said_next
            if c.init == "he" and c.init_bias > 0 and "positive at (0, 0)" in said_next:
                # the sum at (0, 0) is the set bias
                assert forward(run.W1[0], run.W2[0], np.zeros((1, 2))).z1[0, :3].min() > 0
    assert "σ" not in words.text()
    assert "the post" not in words.text()


def test_outcome_words(failing):
    _, good, bad, words = failing
    replay, why = words.find("Both runs, replayed"), words.find("The right one ends")
    assert ("the left one learns XOR" in replay) == learned_xor(good)
    if not learned_xor(good):
        assert f"the left one ends at {pct(accuracy(good, -1))} without learning XOR" in replay
    assert f"the right one stops at {pct(accuracy(bad, -1))}" in replay
    alive = 3 - int(dead(bad, -1).sum())
    assert ("one unit switched on: its boundary is a single straight line" in why) == (alive == 1)
    stats = words.scene.stats
    for s, run in zip(stats, (good, bad)):  # the replay ends on each run's last snapshot
        assert s.acc.get_value() == pytest.approx(100 * accuracy(run, -1), abs=0.05)
        assert s.loss.get_value() == pytest.approx(mean_loss(run, -1), abs=5e-4)


def test_dead_units_words_are_counted_and_grammatical(failing):
    _, _, bad, words = failing
    n = int(dead(bad, -1).sum())
    expected = {0: "None of its units is dead", 1: "One of its units is dead",
                2: "Two of its units are dead", 3: "All three of its units are dead"}[n]
    assert expected in words.text()
    # never: at no snapshot of the run do a dead unit's weights differ from step 0's
    never = all(np.abs(bad.W1[:, u] - bad.W1[0, u]).max() == 0 for u in np.flatnonzero(dead(bad, -1)))
    assert ("never move" in words.text()) == (n > 0 and never)


def test_every_cue_of_the_failure_is_short_enough_to_read(failing):
    for caption in failing[-1].subcaptions:
        assert len(caption) <= 120, caption


def test_every_cue_of_the_run_is_short_enough_to_read(training):
    for caption in training[-1].subcaptions:
        assert len(caption) <= 120, caption


def test_the_sweeps_key_names_only_outcomes_some_run_had(failing):
    """A key entry, a count line or a definition for an outcome no run of either sweep ended
    in would name a case that is not there."""
    from toynet_core.sweep import FAILURES
    from scenes.ch3_training._run_sweep import OUTCOME_NAMES

    *_, words = failing
    plain, default = load_sweep_result("plain"), load_sweep_result("default")
    had = set(plain.failure.tolist()) | set(default.failure.tolist())
    key = words.scene.key
    named = [m.text for m in key.get_family() if isinstance(getattr(m, "text", None), str)]
    assert sorted(OUTCOME_NAMES[i] for i in had) == sorted(
        n for n in OUTCOME_NAMES if any(n.replace(" ", "") in t.replace(" ", "") for t in named))
    blew_up = FAILURES.index("diverged") in had
    assert ("blew up: its weights grew" in words.text()) == blew_up


def test_sweep_numbers_are_the_sweeps(failing):
    *_, words = failing
    plain, default = load_sweep_result("plain"), load_sweep_result("default")
    text = words.text()
    for sweep in (plain, default):
        assert f"{pct(sweep.learned.mean())} learn XOR" in text
    dead_plain = int((plain.failure == 1).sum())
    failed = int((~plain.learned).sum())
    assert f"{dead_plain} of the plain start's {failed} failures end with a dead unit" in text
    if int((default.failure == 1).sum()) == 0:
        assert f"the He start, with its biases at {default.config.init_bias:g}, has none" in text
    stuck = int((default.failure == 2).sum())
    said = f"{stuck:,}" if stuck >= 10 else "no one two three four five six seven eight nine".split()[stuck]
    assert (f"{said} He runs get stuck with all units alive" in text) == (stuck > 1)


UNGRAMMATICAL = (r"unit \d+ and \d+", r"row \d+ and \d+, a ", r"units? \d+ and \d+ keeps")


@pytest.mark.parametrize("scene_name", ["UpdateStep", "BackpropW1", "BackpropW2", "GradientFlow"])
def test_switched_off_units_are_named_grammatically(scene_name, three_runs, media_dir):
    """The failed run's example point has two units off: the chapter's words must say so in
    the plural."""
    from scenes import registry

    words = scene_words(registry.find(scene_name).load(), three_runs["failed"], media_dir)
    for pattern in UNGRAMMATICAL:
        assert not re.search(pattern, words.text()), (pattern, words.text())


# ---------------------------------------------------------------- UpdateStep

def np_step(W1, W2, x, y, lr):
    """One SGD step on (x, y) with the gradients written out here: (z1 before, z1 after,
    ŷ before, ŷ after)."""
    def fwd(A, B):
        z1 = np.append(A @ [x[0], x[1], 1.0], 1.0)
        h = np.maximum(z1, 0.0)
        yhat = 1.0 / (1.0 + np.exp(-(B.reshape(4) @ h)))
        return z1, h, yhat

    z1, h, yhat = fwd(W1, W2)
    delta = 2.0 * (yhat - y) * yhat * (1.0 - yhat)
    g2 = delta * h
    g1 = np.outer(delta * W2.reshape(4)[:3] * (z1[:3] > 0), [x[0], x[1], 1.0])
    z1b, _, yhat_b = fwd(W1 - lr * g1, W2 - lr * g2.reshape(1, 4))
    return z1, z1b, yhat, yhat_b


@pytest.fixture(scope="module", params=RUNS)
def updating(request, three_runs, media_dir):
    from scenes.ch3_training._example import example
    from scenes.ch3_training.update import UpdateStep

    path = three_runs[request.param]
    run = load_run(path)
    ex = example(run)
    return run, np_step(ex.W1, ex.W2, ex.x, ex.y, run.config.lr), ex.y, scene_words(UpdateStep, path, media_dir)


def test_update_names_the_units_that_were_off(updating):
    _, (z0, _, _, _), _, words = updating
    off = [str(k + 1) for k in range(3) if z0[k] <= 0]
    text = words.text()
    if not off:
        assert "Every hidden unit was on for this point" in text
    elif len(off) == 1:
        assert f"Unit {off[0]} was off for this point, so its row of the step is zero" in text
    else:
        assert f"Units {' and '.join(off)} were off for this point, so their rows of the step are zero" in text


def test_update_says_which_units_change_state(updating):
    _, (z0, z1, _, _), _, words = updating
    text = words.text()
    went_off = [k + 1 for k in range(3) if z0[k] > 0 >= z1[k]]
    went_on = [k + 1 for k in range(3) if z0[k] <= 0 < z1[k]]
    barely = [k + 1 for k in range(3) if 0 < z1[k] < 0.1 * z0[k]]
    changed = "the step changed which units this point uses" in text
    assert changed == bool(went_off or went_on)
    for k in went_off:
        assert re.search(rf"Units? [\d, and]*{k}[\d, and]* (was|were) on before the step", text)
    if not (went_off or went_on):
        if barely:
            assert f"Unit {barely[0]} stays on, but only just" in text or "stay on, but only just" in text
            if len(barely) == 1:  # the two values as shown, each right to its last digit
                k = barely[0] - 1
                m = re.search(r"fell from (-?[\d.]+) to (-?[\d.]+),", text)
                for shown, true in zip(m.groups(), (z0[k], z1[k])):
                    assert abs(float(shown) - true) <= 0.5 * 10.0 ** -len(shown.split(".")[1]) + 1e-12
        else:
            assert "Every hidden unit keeps its state" in text


def test_update_says_a_hair_only_where_the_screen_can_show_it(updating):
    """A unit left only just on: "a hair above zero" only when the new z⁽¹⁾ is larger than
    the error of working it out by hand from the rounded numbers on screen (the new weights
    to 3 decimals, x̃ to 2); otherwise the words say it is within that rounding."""
    _, (_, z1, _, _), _, words = updating
    text = words.text()
    m = re.search(r"Unit (\d) stays on, but only just", text)
    if not m:
        return
    k = int(m.group(1)) - 1
    scene = words.scene
    x, w = scene.before.x_tilde[0], scene.new_W1[k]
    from scenes.widgets.matrices import places_for

    reach = 0.5e-3 * np.abs(x).sum() + sum(0.5 * 10.0 ** -places_for(x[j]) * abs(w[j]) for j in (0, 1))
    assert ("less than the rounding on screen" in text) == bool(z1[k] < reach)
    assert ("a hair above zero" in text) == bool(z1[k] >= reach)


def test_update_prediction_words_follow_the_move(updating):
    _, (_, _, y0, y1), y, words = updating
    toward = abs(y1 - y) < abs(y0 - y)
    text = words.text()
    assert ("went toward the label" in text) == toward
    assert f"moves from {y0:.2f} to {y1:.2f}" in text
    assert ("hard to see" in text) == (abs(y1 - y0) < 0.05)


def test_update_cues_are_short_enough_to_read(updating):
    for caption in updating[-1].subcaptions:
        assert len(caption) <= 120, caption


def test_the_log_scale_is_said_as_drawn(training):
    """The step axis's half-way mark is where the words put it: the first `half` steps take
    half the drawn axis."""
    _, run, words = training
    text = words.find("Below, the mean loss against steps, both on log scales")
    half = int(numbers_in(text.split("the first ")[1])[0])
    axes = words.scene.loss.axes
    share = (axes.c2p(np.log10(half + 1.0), 0)[0] - axes.c2p(0, 0)[0]) / axes.x_axis.get_length()
    assert share == pytest.approx(0.5, abs=0.01)
