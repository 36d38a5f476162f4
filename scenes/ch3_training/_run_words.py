"""The sentences TrainingRun and WhenTrainingFails say about a run, built from facts computed
on the run, so that they hold for whatever run the video is rendered for.

Each function takes runs (or configs) and returns plain text; none of them types in a claim
about what a particular run does. tests/scenes/test_run_words.py checks the words of both
scenes against NumPy recomputations on three runs.
"""

import numpy as np

from toynet_core.sweep import LEARNED_ACCURACY, classify

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
STEADY = 0.01  # accuracy that moves less than this (one point in a hundred) "stays"
SWEPT = 0.1  # share of the plane that must change class for the boundary to "swing"


def count(n, noun, plural=None):
    """'one point', 'two points', '38 points', 'no points'."""
    n = int(n)
    word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else f"{n:,}"
    return f"{word} {noun if n == 1 else plural or noun + 's'}"


def pct(fraction):
    return f"{100 * float(fraction):.1f}%"


def losses(a, b):
    """Two losses with the fewest significant digits (at least 2) that tell them apart."""
    for digits in range(2, 6):
        ta, tb = f"{float(a):.{digits}g}", f"{float(b):.{digits}g}"
        if ta != tb:
            break
    return ta, tb


def join(items):
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# -- TrainingRun -------------------------------------------------------------------------------
def first_snapshot_after(run, step):
    later = np.flatnonzero(run.steps >= step)
    return int(later[0]) if len(later) else run.n_snapshots - 1


def phases(run):
    """Snapshot indices (k0, k1, k2, k3): the start, the end of the first epoch, the end of
    the tenth, the last snapshot."""
    n = run.n_samples
    return 0, first_snapshot_after(run, n), first_snapshot_after(run, 10 * n), run.n_snapshots - 1


def swept_cells(run, a, b):
    """Mask of the input grid (row 0 at the lowest x2) whose predicted class changes at least
    once from snapshot a to snapshot b."""
    classes = run.grid_yhat[a:b + 1] > 0.5
    return (classes != classes[0]).any(axis=0)


def swept_share(run, a, b):
    """Share of the input grid whose predicted class changes at least once from snapshot a to
    snapshot b."""
    return float(swept_cells(run, a, b).mean())


def blue_share(run, k):
    """Share of the input grid where the net says class 1 (ŷ > 1/2) at snapshot k."""
    return float((run.grid_yhat[k] > 0.5).mean())


def start_words_of_run(run):
    return ("The whole run, from the untrained start. The crosshair reads ŷ, the net's prediction "
            "there; the plane is coloured by it.")


def colour_words(run):
    return (f"Blue where ŷ is above one half, orange where it is below; at first "
            f"{blue_share(run, 0):.0%} of it is blue.")


def accuracy_words(run):
    """Accuracy is defined as it first appears, top right."""
    return f"Top right, accuracy: the share of the {run.n_samples} points that lie on their own colour."


def sgd_words(run):
    """SGD and the epoch were defined before this scene (TrainingPremise): called back here."""
    return "Each step of SGD nudges the weights to fit one data point, the ringed one."


def epoch_words(run):
    return (f"The points come in a shuffled order; an epoch, one pass over all {run.n_samples} "
            f"of them, is {run.n_samples} steps.")


def first_epoch_words(run, a, b):
    """The rest of the first epoch, in two sentences; the sweep is measured over the whole
    epoch, a to b."""
    share = swept_share(run, a, b)
    how = (f"the boundary swings across {share:.0%} of the plane" if share >= SWEPT else
           "the boundary barely moves")
    return (f"The rest of the first epoch, to step {run.steps[b]}: each point pulls the "
            f"weights its own way.", f"Over the whole epoch, {how}; the cells it crossed "
            f"are hatched.")


def swept_label(run, a, b):
    """The hatching's key: what it marks (cells whose class changed at some moment from a to
    b, even if they changed back), with the share the words give."""
    return f"crossed by the boundary\nin the first epoch: {swept_share(run, a, b):.0%}"


def blue_label(run, k):
    """The blue share the opening words give, as it is shown on screen."""
    return f"blue at step {run.steps[k]}: {blue_share(run, k):.0%}"


def accuracy_label(run, k):
    """The accuracy the middle words start from, as it is shown on screen."""
    return f"accuracy at epoch {run.epochs[k]:.0f}: {pct(run.accuracy[k])}"


def log_scale_words(run):
    """Why the loss curve's step axis is a log scale: the half-way mark of the axis
    (log10(step + 1), as drawn) falls at the square root of the run's length."""
    half = int(round(np.sqrt(run.steps[-1] + 1.0)))
    return (f"Below, the mean loss against steps, both on log scales: the first {half:,} steps get about "
            f"as much room as all the rest.")


def middle_words(run, a, b):
    """Epochs 1 to 10, in two sentences: the accuracy, then where the points sit."""
    # said while the replay runs through these epochs: what happens over them, not where
    # they end, which the counter has not reached yet when the sentence starts
    epochs = f"From epoch {run.epochs[a]:.0f} to epoch {run.epochs[b]:.0f}"
    acc_a, acc_b = run.accuracy[a], run.accuracy[b]
    wrong = int(round((1 - acc_b) * run.n_samples))
    if acc_b - acc_a >= STEADY:
        change = f"accuracy climbs from {pct(acc_a)} to {pct(acc_b)}"
    elif acc_a - acc_b >= STEADY:
        change = f"accuracy falls from {pct(acc_a)} to {pct(acc_b)}"
    else:
        change = f"accuracy stays near {pct(acc_b)}"
    if acc_b >= LEARNED_ACCURACY:  # how many are still wrong is said once, at the end
        where = ("The plane in hidden space has slipped between the two classes" if wrong == 0
                 else "The plane in hidden space has slipped between the two classes, nearly cleanly")
    else:
        where = f"{count(wrong, 'point').capitalize()} still sit on the wrong side of the plane in hidden space"
    return f"{epochs}, {change}.", f"{where}."


def late_words(run, a, b):
    """After epoch 10, in one or two sentences (a tuple)."""
    acc = run.accuracy[a:b + 1]
    acc_a, acc_b = run.accuracy[a], run.accuracy[b]
    loss_a, loss_b = run.mean_loss[a], run.mean_loss[b]
    la, lb = losses(loss_a, loss_b)
    loss = f"the mean loss {'falls' if loss_b < loss_a else 'rises'} from {la} to {lb}"
    if acc.max() - acc.min() < STEADY and loss_b < loss_a:
        return (f"After that, training only sharpens what it has found: accuracy stays at "
                f"{pct(acc_b)} while {loss}.",)
    if acc_b - acc_a >= STEADY and loss_b < loss_a:
        return (f"After that, accuracy still climbs, from {pct(acc_a)} to {pct(acc_b)}, and {loss}.",)
    if acc_b < acc_a or loss_b > loss_a:
        # where it ends is said once, in final_words
        return (f"After that, training does not settle: accuracy swings between "
                f"{pct(acc.min())} and {pct(acc.max())}.",
                f"It ends {'below' if acc_b < acc_a else 'not above'} its "
                f"{pct(acc_a)} at epoch {run.epochs[a]:.0f}, and {loss}.")
    return (f"After that, accuracy moves between {pct(acc.min())} and {pct(acc.max())}.",
            f"From epoch {run.epochs[a]:.0f} to the end, {loss}.")


def final_words(run, k):
    wrong = int(round((1 - run.accuracy[k]) * run.n_samples))
    head = f"After {run.steps[k]:,} steps, {pct(run.accuracy[k])} of the points sit on the right side"
    if wrong == 0:
        return f"{head}: every one of them."
    ringed = "the one point still on the wrong side is ringed" if wrong == 1 else \
        f"the {count(wrong, 'point')} still on the wrong side are ringed"
    return f"{head}; {ringed}."


# -- WhenTrainingFails -------------------------------------------------------------------------
# Settings a user can change that are not the start; each with how a sentence names it.
# "noise level", not "noise": with different seeds the runs draw different noise, at one level.
SETTINGS = (("lr", "learning rate"), ("noise", "noise level"), ("steps", "number of steps"),
            ("per_cluster", "number of points"))


def start_label(config):
    """The start of a run, short enough for a label. No σ here: in this video σ is the
    sigmoid; the spread is a standard deviation, said as such."""
    if config.init == "he":
        return f"He start, bias {config.init_bias:g}"
    return f"plain start, std. dev. {config.init_scale:g}"


def start_state(run):
    """How many hidden units start switched off on every data point, in words."""
    off = int(run.dead_units(0).sum())
    if off == 0:
        return "all three hidden units start on for some points"
    return f"{count(off, 'hidden unit')} {'starts' if off == 1 else 'start'} switched off on every data point"


def he_inputs(run):
    """The inputs of each layer: its n, not counting the appended 1."""
    return [int(W.shape[-1] - 1) for W in (run.W1[0], run.W2[0])]


def he_spreads(run):
    """The He start's standard deviation of each layer's weights, √(2/n) with n its inputs
    (toynet_core.seeding.init_weights). The scene gives the two numbers, not the formula: why
    He chose it plays no part here, where what matters is that the biases are set."""
    return [float(np.sqrt(2.0 / n)) for n in he_inputs(run)]


def spread_text(value, layer):
    """A spread as the words and the formula under the panel give it: 1, 0.82."""
    return f"{value:.2g}" if layer == 0 else f"{value:.2f}"


def he_words(run, side):
    """The He start's weights, said before its label is shown: the name is defined, then
    only what the start draws (the numbers, as the lines under the panel give them)."""
    first, second = (spread_text(v, i) for i, v in enumerate(he_spreads(run)))
    return (f"The {side} run uses the He start, after Kaiming He: weights drawn with mean 0, "
            f"standard deviation {first} in W⁽¹⁾, {second} in W⁽²⁾.")


def he_bias_words(run):
    """The set biases, said as their grey dots land (grey: a set start value, as in
    TrainingPremise)."""
    hidden, out = run.config.init_bias, run.W2[0][0, 3]
    return (f"Its biases are set, not drawn: {hidden:g} in each hidden unit, {out:g} at the "
            f"output, the grey dots.")


def he_bias_reason_words(run):
    """What the start's bias does, conditioned on its sign and on the units' state at step 0."""
    b = run.config.init_bias
    off = int(run.dead_units(0).sum())
    if b > 0:
        head = "So every unit's z⁽¹⁾ is positive at (0, 0), one of the four centres"
        return f"{head}: {start_state(run)}." if off == 0 else f"{head}; still, {start_state(run)}."
    return f"With that bias, {start_state(run)}."


def plain_words(run, side):
    return (f"The {side} run starts plain: every weight and bias drawn with mean 0 and "
            f"standard deviation {run.config.init_scale:g}.")


def plain_state_words(run):
    """The plain start's biases are drawn too: how many hidden units got a negative one (at
    (0, 0) its z(1) is that bias), and how many start switched off on every data point (said
    as each unit's crease is drawn at step 0)."""
    negative = int((np.asarray(run.W1[0])[:, 2] < 0).sum())
    return f"The draw gave {count(negative, 'hidden unit')} a negative bias, and {start_state(run)}."


def same_start_words(run, side):
    return f"The {side} run starts the same way, and {start_state(run)}."


def same_start(a, b):
    if a.init != b.init:
        return False
    return a.init_bias == b.init_bias if a.init == "he" else a.init_scale == b.init_scale


def run_label(config, other):
    """'seed 0', with every setting that differs from the other run's."""
    parts = [f"seed {config.seed}"]
    for key, _ in SETTINGS:
        if getattr(config, key) != getattr(other, key):
            parts.append(f"{key.replace('_', ' ')} {getattr(config, key):g}")
    return ", ".join(parts)


def differences_words(a, b):
    """What the two runs' configs share and how they differ: (shared, differ) sentences, or
    one sentence and None when both panels show the same run."""
    same = [name for key, name in SETTINGS if getattr(a, key) == getattr(b, key)]
    differ = [f"{name} ({getattr(a, key):g} against {getattr(b, key):g})"
              for key, name in SETTINGS if getattr(a, key) != getattr(b, key)]
    if a.seed != b.seed:
        differ.insert(0, "random seed")
    if not same_start(a, b):
        differ.insert(0, "start")
    if not differ:
        return "Both panels show the same run: this video was rendered for the failed run itself.", None
    head = "Two runs of the same network"
    if same:
        head += f", with the same {join(same)}"
    said = f"They differ in their {join(differ)}."
    seed = " (the number that fixes all their random draws)"
    if a.seed != b.seed and len(said) + len(seed) <= 120:  # what a seed is, where there is room
        said = said.replace("random seed", "random seed" + seed, 1)
    return f"{head}.", said


def alive_at_end(run):
    """How many hidden units are alive (positive on some data point) at the run's end."""
    return 3 - int(run.dead_units(-1).sum())


def outcome_words(good, bad):
    """How the two runs ended: whether each learned XOR, and why the failed one is stuck.
    Two sentences: what the replay shows, then why the right one is stuck."""
    learned = classify(good.W1[-1], good.W2[-1], good.X, good.y)[3]
    first = ("the left one learns XOR" if learned else
             f"the left one ends at {pct(good.accuracy[-1])} without learning XOR")
    alive = alive_at_end(bad)
    acc = pct(bad.accuracy[-1])
    replay = f"Both runs, replayed from start to end: {first}; the right one stops at {acc}."
    if alive == 0:
        why = "The right one ends with no unit switched on, so ŷ is the same everywhere."
    elif alive == 1:
        why = ("The right one ends with one unit switched on: its boundary is a single straight line, "
               "and no line splits XOR.")
    else:
        why = f"The right one ends with {count(alive, 'unit')} switched on."
    return replay, why


def dead_words(dead):
    """'Two of its units are dead: ...' with the grammar of the count."""
    n = int(np.sum(dead))
    if n == 0:
        return "None of its units is dead: each is positive on some data point."
    if n == 1:
        return ("One of its units is dead: every data point lies on the dark side of its "
                "crease, so it outputs zero on all of them.")
    which = "Two of its units are" if n == 2 else "All three of its units are"
    return (f"{which} dead: every data point lies on the dark side of their creases, so they "
            f"output zero on all of them.")


def frozen_words(bad, dead):
    """Why a dead unit stays dead, said over the replay of the whole run: two sentences."""
    n = int(np.sum(dead))
    if n == 0:
        return ("Every unit is positive on some point, so every unit gets a gradient.",
                "Replayed from the first step: all of them move.")
    moved = max(float(np.abs(bad.W1[:, u] - bad.W1[0, u]).max()) for u in np.flatnonzero(dead))
    units = "unit" if n == 1 else "units"
    head = ("A dead unit outputs zero on every point, as ReLU is flat there, its slope 0: no "
            "gradient reaches its weights.")
    if moved == 0.0:
        return head, f"To the last step, the dead {units} never move: their weights stay as they started."
    return head, f"To the last step, the dead {units} stay still from the moment they died."


def sweep_words(sweep, first, blew_up=False):
    """Two sentences: what the grid is, said as it appears; the share that learns, said as
    the runs land. `blew_up`: some run of the sweeps shown blew up, so its key entry is
    explained (and not otherwise: a key entry no run has would name a case that is not there)."""
    rate = pct(sweep.success_rate)
    n = len(sweep.seeds)
    if first:
        why = " (blew up: its weights grew until the numbers overflowed)" if blew_up else ""
        return (f"Is this bad luck? Here are {n} seeds of the plain start: each square is one run.",
                f"Each lands coloured by how it ended{why}: {rate} learn XOR.")
    return (f"The same {n} seeds with the He start.", f"This time {rate} learn XOR.")


def conclusion_words(plain, default):
    """Two sentences: what dead units cost each start (the He start differs in its spread and
    in its biases, so both are named), then how the rest of the He runs fail, if any do."""
    cp, cd = plain.failure_counts(), default.failure_counts()
    failed = len(plain.seeds) - int(plain.learned.sum())
    dead = cp["dead unit"]
    # a run counts as a dead-unit failure when it fails and ends with a dead unit
    # (toynet_core.sweep.classify): said as that, not as the cause
    first = (f"{dead} of the plain start's {failed} failures end with a dead unit" if failed else
             "The plain start does not fail here")
    he = f"the He start, with its biases at {default.config.init_bias:g},"
    if cd["dead unit"] == 0:
        second = f"{he} has none"
    else:
        second = f"{he} has {count(cd['dead unit'], 'dead-unit failure')}"
    stuck, diverged = cd["stuck, all units alive"], cd["diverged"]
    rest = []
    if stuck:
        rest.append(f"{count(stuck, 'He run')} {'gets' if stuck == 1 else 'get'} stuck with all "
                    f"units alive, without learning XOR")
    if diverged:
        rest.append(f"{count(diverged, 'He run')} {'blows' if diverged == 1 else 'blow'} up, its weights "
                    f"no longer finite numbers")
    third = f"Still, {join(rest)}." if rest else None
    return f"{first}; {second}.", third


def other_failures_header(default):
    """The header over the sweeps while the words speak of the He runs that failed another
    way than a dead unit (conclusion_words' third sentence): their counts."""
    cd = default.failure_counts()
    parts = []
    if cd["stuck, all units alive"]:
        parts.append(f"{cd['stuck, all units alive']} stuck with all units alive")
    if cd["diverged"]:
        parts.append(f"{cd['diverged']} blew up")
    return f"He start, other failures: {join(parts)}" if parts else None
