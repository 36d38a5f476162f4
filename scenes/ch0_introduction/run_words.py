"""What the opening says about the run it shows, built from facts computed on that run.

Any run can be rendered (./render.sh --seed 11 --lr 0.5 ...), so no sentence assumes that the
run learned, or that its boundary bends: each one is chosen by the facts below.
"""

from dataclasses import dataclass

import numpy as np

from toynet_core import forward
from toynet_core.boundary import boundary_shape
from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.sweep import LEARNED_ACCURACY

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six")


@dataclass(frozen=True)
class RunFacts:
    steps: int  # SGD steps of the last snapshot
    accuracy: float  # share of the samples on their own side at the end
    lines: int  # separate boundary lines in the drawn plane
    bent: int  # how many of them visibly bend
    corners_right: tuple  # per XOR corner, whether the final net puts it on its own side

    @property
    def learned(self):
        """The sweep's definition: accuracy at least 95 % and all four corners right."""
        return self.accuracy >= LEARNED_ACCURACY and all(self.corners_right)


def run_facts(run):
    W1, W2 = run.W1[-1], run.W2[-1]
    shape = boundary_shape(W1, W2, tuple(run.grid_extent))
    f = forward(W1, W2, run.X, run.y)
    accuracy = float(np.mean((f.y_hat > 0.5) == (run.y == 1)))
    corners = (forward(W1, W2, XOR_CENTRES).y_hat > 0.5) == (XOR_LABELS == 1)
    return RunFacts(int(run.steps[-1]), accuracy, shape.lines, shape.bent,
                    tuple(bool(c) for c in corners))


def percent(fraction):
    return f"{100 * fraction:.1f}%"


def count(n):
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def boundary_words(facts):
    """The shape of the final boundary: 'two straight lines', 'one line that bends', ..."""
    n, bent = facts.lines, facts.bent
    if n == 0:
        return "nowhere: the network gives the whole plane one colour"
    if n == 1:
        return "one line that bends" if bent else "one straight line"
    if bent == 0:
        return f"{count(n)} straight lines"
    if bent == n:
        return f"{count(n)} lines, each of them bent"
    return f"{count(n)} lines, {count(bent)} of them bent"


def result_sentence(facts):
    return (f"After {facts.steps:,} steps its boundary is {boundary_words(facts)}, and "
            f"{percent(facts.accuracy)} of the points lie in the region of their own colour.")


def corner_name(centre):
    return "(" + ", ".join(f"{v:g}" for v in centre) + ")"


def verdict_sentence(facts):
    wrong = [corner_name(c) for c, ok in zip(XOR_CENTRES, facts.corners_right) if not ok]
    if facts.learned:
        return "All four corners land on their own colour: this run has learned XOR."
    if wrong:
        if len(wrong) == 1:
            return f"Corner {wrong[0]} still lands on the wrong colour: this run has not learned XOR."
        names = ", ".join(wrong[:-1]) + " and " + wrong[-1]
        return f"Corners {names} still land on the wrong colour: this run has not learned XOR."
    return (f"All four corners land on their own colour, yet {percent(1 - facts.accuracy)} of "
            "the points do not: this run has not fully learned XOR.")
