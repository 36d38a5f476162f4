"""The XOR scenes show the truth, computed: labels, the best a line can do, the run's data."""

import numpy as np

from scenes.ch2_network.xor_problem import (
    NoisyDataset, XorProblem, best_line_accuracy, xor_labels,
)
from scenes.run_data import load_scene_run
from tests.scenes.harness import run_scene
from toynet_core.data import XOR_CENTRES


def test_xor_labels_and_the_best_line():
    assert xor_labels(XOR_CENTRES).tolist() == [0, 1, 1, 0]
    # A linear check that can fail: AND is separable, so a line gets all four right.
    and_labels = (XOR_CENTRES.sum(axis=1) == 2).astype(int)
    assert best_line_accuracy(XOR_CENTRES, and_labels) == 1.0
    assert best_line_accuracy(XOR_CENTRES, xor_labels(XOR_CENTRES)) == 0.75


def test_table_and_verdict_show_the_computed_values(media_dir):
    scene = run_scene(XorProblem, media_dir)
    shown = [[e.get_tex_string() for e in scene.table.get_entries_without_labels()[r * 3:(r + 1) * 3]]
             for r in range(4)]
    expected = [[str(int(a)), str(int(b)), str(int(a) ^ int(b))] for a, b in XOR_CENTRES]
    assert shown == expected
    assert "3 of 4" in scene.verdict.original_text


def test_dataset_dots_are_the_runs_points(media_dir):
    scene = run_scene(NoisyDataset, media_dir)
    run = load_scene_run()
    drawn = np.array([scene.axes.p2c(d.get_center()) for d in scene.dots])
    np.testing.assert_allclose(drawn, run.X, atol=1e-6)
    colours = [d.get_color().to_hex().lower() for d in scene.dots]
    assert len(set(c for c, label in zip(colours, run.y) if label == 0)) == 1
    assert colours[list(run.y).index(0)] != colours[list(run.y).index(1)]
    assert f"{run.n_samples} in all" in scene.recipe[2].original_text
