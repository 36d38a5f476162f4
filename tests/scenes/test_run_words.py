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


def numbers_in(text):
    return [float(x.replace(",", "")) for x in re.findall(r"-?\d[\d,]*\.?\d*", text)]


UNGRAMMATICAL = (r"unit \d+ and \d+", r"row \d+ and \d+, a ", r"units? \d+ and \d+ keeps")


@pytest.mark.parametrize("scene_name", ["UpdateStep", "BackpropW1", "BackpropW2", "GradientFlow"])
def test_switched_off_units_are_named_grammatically(scene_name, three_runs, media_dir):
    """The failed run's example point has two units off: the chapter's words must say so in
    the plural."""
    from scenes import registry

    words = scene_words(registry.find(scene_name).load(), three_runs["failed"], media_dir)
    for pattern in UNGRAMMATICAL:
        assert not re.search(pattern, words.text()), (pattern, words.text())
