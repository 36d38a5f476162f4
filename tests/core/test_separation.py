"""toynet_core.separation: straight cuts through labelled points, and the hidden units that
show one; checked on points made here and against the model's own forward pass."""

from pathlib import Path

import numpy as np
import pytest

from toynet_core import forward, load_run
from toynet_core.separation import best_unit_pair, cut_accuracy, hidden_images, straight_cut

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def test_a_cut_between_two_separable_clouds():
    rng = np.random.default_rng(0)
    P = np.vstack([rng.normal([0, 0], 0.3, (40, 2)), rng.normal([3, 2], 0.3, (40, 2))])
    y = np.repeat([0, 1], 40)
    w, c = straight_cut(P, y)
    assert cut_accuracy(P, y, w, c) == 1.0
    assert np.asarray([3, 2]) @ w + c > 0 > np.asarray([0, 0]) @ w + c  # class 1 on the + side


def test_cut_accuracy_counts_the_wrong_side():
    P = np.array([[0.0, 0.0], [2.0, 0.0], [0.5, 0.0], [3.0, 0.0]])
    y = np.array([0, 1, 1, 0])
    assert cut_accuracy(P, y, w=np.array([1.0, 0.0]), c=-1.0) == 0.5  # the line x1 = 1


@pytest.mark.parametrize("name", ["default_run.npz", "failed_run.npz"])
def test_hidden_images_are_the_networks_hidden_values(name):
    run = load_run(ASSETS / name)
    W1, W2 = run.W1[-1], run.W2[-1]
    shown = hidden_images(W1, run.X, (0, 2))
    x2 = forward(W1, W2, run.X).x2
    assert np.allclose(shown, x2[:, [0, 2]])


def test_best_pair_of_the_default_run_cuts_almost_everything():
    run = load_run(ASSETS / "default_run.npz")
    pair, w, c, acc = best_unit_pair(run.W1[-1], run.X, run.y)
    assert acc == cut_accuracy(hidden_images(run.W1[-1], run.X, pair), run.y, w, c)
    assert acc >= 0.95
    for other in [(0, 1), (0, 2), (1, 2)]:  # no other pair does better with its own cut
        P = hidden_images(run.W1[-1], run.X, other)
        assert cut_accuracy(P, run.y, *straight_cut(P, run.y)) <= acc


def test_straight_cut_in_space_separates_points_a_plane_can_split():
    P = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
    y = np.array([0, 0, 1, 1])
    w, c = straight_cut(P, y)
    assert w.shape == (3,)
    assert np.array_equal(P @ w + c > 0, y == 1)
