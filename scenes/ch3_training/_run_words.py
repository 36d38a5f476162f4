"""The sentences TrainingRun says about a run, built from facts computed on the run, so that
they hold for whatever run the video is rendered for.

Each function takes a run and returns plain text; none of them types in a claim about what a
particular run does. tests/scenes/test_run_words.py checks the words against NumPy
recomputations on three runs.
"""

import numpy as np

from toynet_core.sweep import LEARNED_ACCURACY

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


def swept_share(run, a, b):
    """Share of the input grid whose predicted class changes at least once from snapshot a to
    snapshot b."""
    classes = run.grid_yhat[a:b + 1] > 0.5
    return float((classes != classes[0]).any(axis=0).mean())


def blue_share(run, k):
    """Share of the input grid where the net says class 1 (ŷ > 1/2) at snapshot k."""
    return float((run.grid_yhat[k] > 0.5).mean())


def start_words_of_run(run):
    return (f"The whole run, from the untrained start: the decision map over the input plane, "
            f"blue where ŷ is above one half; at first {blue_share(run, 0):.0%} of it is blue.")


def sgd_words(run):
    return ("Training is stochastic gradient descent, SGD: each step nudges all the weights "
            "to fit one data point, the ringed one.")


def epoch_words(run):
    return (f"The points come in a shuffled order; one epoch is one pass over all "
            f"{run.n_samples} of them, so {run.n_samples} steps.")


def first_epoch_words(run, a, b):
    """The rest of the first epoch; the sweep is measured over the whole epoch, a to b."""
    share = swept_share(run, a, b)
    how = (f"the boundary swings across {share:.0%} of the plane" if share >= SWEPT else
           "the boundary barely moves")
    return (f"The rest of the first epoch, to step {run.steps[b]}: each point pulls the "
            f"weights its own way, and over the epoch {how}.")


def middle_words(run, a, b):
    epochs = f"By epoch {run.epochs[b]:.0f}"
    acc_a, acc_b = run.accuracy[a], run.accuracy[b]
    wrong = int(round((1 - acc_b) * run.n_samples))
    if acc_b - acc_a >= STEADY:
        change = f"accuracy has climbed from {pct(acc_a)} to {pct(acc_b)}"
    elif acc_a - acc_b >= STEADY:
        change = f"accuracy has fallen from {pct(acc_a)} to {pct(acc_b)}"
    else:
        change = f"accuracy is still {pct(acc_b)}"
    if acc_b >= LEARNED_ACCURACY:
        where = ("the plane in hidden space has slipped between the two classes" if wrong == 0
                 else f"the plane in hidden space has slipped between the two classes, "
                      f"all but {count(wrong, 'point')}")
    else:
        where = f"{count(wrong, 'point')} still sit on the wrong side of the plane"
    return f"{epochs}, {change}: {where}."


def late_words(run, a, b):
    acc = run.accuracy[a:b + 1]
    acc_a, acc_b = run.accuracy[a], run.accuracy[b]
    loss_a, loss_b = run.mean_loss[a], run.mean_loss[b]
    la, lb = losses(loss_a, loss_b)
    loss = f"the mean loss {'falls' if loss_b < loss_a else 'rises'} from {la} to {lb}"
    if acc.max() - acc.min() < STEADY and loss_b < loss_a:
        return (f"After that, training only sharpens what it has found: accuracy stays at "
                f"{pct(acc_b)} while {loss}.")
    if acc_b - acc_a >= STEADY and loss_b < loss_a:
        return f"After that, accuracy still climbs, from {pct(acc_a)} to {pct(acc_b)}, and {loss}."
    if acc_b < acc_a or loss_b > loss_a:
        return (f"After that, training does not settle: accuracy swings between "
                f"{pct(acc.min())} and {pct(acc.max())} and ends at {pct(acc_b)}, "
                f"{'below' if acc_b < acc_a else 'not above'} its {pct(acc_a)} at epoch "
                f"{run.epochs[a]:.0f}, and {loss}.")
    return (f"After that, accuracy moves between {pct(acc.min())} and {pct(acc.max())} and "
            f"ends at {pct(acc_b)}, and {loss}.")


def final_words(run, k):
    wrong = int(round((1 - run.accuracy[k]) * run.n_samples))
    head = f"After {run.steps[k]:,} steps, {pct(run.accuracy[k])} of the points sit on the right side"
    if wrong == 0:
        return f"{head}: every one of them."
    ringed = "the one point still on the wrong side is ringed" if wrong == 1 else \
        f"the {count(wrong, 'point')} still on the wrong side are ringed"
    return f"{head}; {ringed}."
