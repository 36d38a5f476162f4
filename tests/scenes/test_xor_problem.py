"""The XOR scenes show the truth, computed: labels, every count a line gets, the sweep that
never passes 3 of 4, the fold that makes one cut work, and the run's data."""

import numpy as np
import pytest

from scenes.ch2_network.xor_problem import (
    AND_CUT,
    FIRST_LINE,
    FOLDED_CUT,
    NUDGED,
    ON_ORANGES,
    NoisyDataset,
    XorProblem,
    as_line,
    best_line_accuracy,
    count_right,
    sweep_counts,
    sweep_path,
    xor_labels,
)
from scenes.pacing import narration
from scenes.run_data import load_scene_run
from tests.scenes.harness import run_scene
from tests.scenes.words import scene_words
from toynet_core import load_run
from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.straight_cut import right_count, sides


def test_xor_labels_and_the_best_line():
    assert xor_labels(XOR_CENTRES).tolist() == [0, 1, 1, 0]
    # A check that can fail: AND is separable, so a line gets all four right.
    and_labels = (XOR_CENTRES.sum(axis=1) == 2).astype(int)
    assert best_line_accuracy(XOR_CENTRES, and_labels) == 1.0
    assert best_line_accuracy(XOR_CENTRES, xor_labels(XOR_CENTRES)) == 0.75


def test_the_sweep_never_passes_three_of_four_and_reaches_it():
    labels = xor_labels(XOR_CENTRES)
    ts, counts = sweep_counts(XOR_CENTRES, labels)
    assert counts.max() == 3 == round(best_line_accuracy(XOR_CENTRES, labels) * 4)
    assert (counts == 3).sum() > len(ts) // 4  # it gets there again and again
    # the path starts where the nudged line is and the counts are those of its lines
    assert np.allclose(sweep_path(0.0), NUDGED)
    for t in ts[::37]:
        assert count_right(XOR_CENTRES, labels, sweep_path(t)) == right_count(
            XOR_CENTRES, labels, *as_line(*sweep_path(t)))


def test_the_line_through_two_points_gives_them_no_answer():
    on = sides(XOR_CENTRES, *as_line(*ON_ORANGES)) == 0
    assert on.tolist() == [True, False, False, True]
    labels = xor_labels(XOR_CENTRES)
    assert count_right(XOR_CENTRES, labels, ON_ORANGES) == 1
    assert count_right(XOR_CENTRES, labels, NUDGED) == 3


def test_words_and_pictures_carry_the_computed_counts(media_dir):
    scene = run_scene(XorProblem, media_dir)
    labels = scene.labels
    shown = [[e.get_tex_string() for e in scene.table.get_entries_without_labels()[r * 3:(r + 1) * 3]]
             for r in range(4)]
    assert shown == [[str(int(a)), str(int(b)), str(int(a) ^ int(b))] for a, b in XOR_CENTRES]
    words = [n.subcaption for n in narration(scene)]
    for line in (FIRST_LINE, ON_ORANGES, NUDGED):
        assert any(f"{count_right(XOR_CENTRES, labels, line)} of 4" in w for w in words)
    assert scene.verdict.original_text == "best any line:\n3 of 4"
    assert any("never 4" in w for w in words)
    # the drawn trace is the sweep's counts, read back through the chart's axes
    _, counts = scene.sweep_counts
    drawn = scene.traced
    levels = np.round(drawn[:, 1], 6)
    assert levels.max() == 3 and np.isin(levels, counts).all()
    assert scene.swept_to == count_right(XOR_CENTRES, labels, sweep_path(1.0))
    # after the fold, the dots sit where the fold puts them and one cut gets all four
    drawn_dots = np.array([scene.axes.p2c(d.get_center()) for d in scene.dots])
    assert np.allclose(drawn_dots, scene.folded, atol=1e-9)
    # AND is separable: its cut gets all four, and the words say the computed count
    assert scene.and_right == 4 == right_count(XOR_CENTRES, [0, 0, 0, 1], *as_line(*AND_CUT))
    assert any("a straight cut gets all 4 points right" in w for w in words)
    assert scene.folded_right == 4 and scene.count.get_value() == 4
    # the AND cut swings while the words say many cuts work, and every line it passes gets all four
    assert scene.wobble_counts and set(scene.wobble_counts) == {4}
    assert any("every one it passes gets all 4 right" in w for w in words)
    assert len(scene.icons) == 3
    # no method is named that the video never uses again
    assert not any(name in w for w in words for name in ("perceptron", "support vector"))
    # the pressed corner's landing is named at the arrow's tip, and the words say where it came from
    assert any(f"({XOR_CENTRES[scene.mover][0]:g}, {XOR_CENTRES[scene.mover][1]:g}) lands at its tip" in w
               for w in words)
    # the fold presses the half beyond the crease flat onto it: the moved corner is on the
    # crease (x1 + x2 = 1), the other three did not move, and one cut gets all four right
    moved = np.flatnonzero(~np.all(np.isclose(scene.folded, XOR_CENTRES), axis=1))
    assert moved.tolist() == [scene.mover]
    assert np.isclose(scene.folded[scene.mover].sum(), 1.0)
    assert right_count(scene.folded, labels, *as_line(*FOLDED_CUT)) == 4
    assert any(f"{scene.folded_right} of 4 right" in w for w in words[-1:])
    assert all(len(w) <= 120 for w in words)
    assert scene.count.drawn_as(4) and not scene.count.drawn_as(3)
    assert scene.count_words.original_text == "of 4 right"
    assert not any("turn" in w.lower() and "shift" in w.lower() for w in words[:-1] if words.count(w) > 1)
    assert sum("turn" in w.lower() for w in words) == 1  # "turn it, shift it" is said once


def test_dataset_dots_are_the_runs_points(media_dir):
    scene = run_scene(NoisyDataset, media_dir)
    run = load_scene_run()
    drawn = np.array([scene.axes.p2c(d.get_center()) for d in scene.dots])
    np.testing.assert_allclose(drawn, run.X, atol=1e-6)
    colours = [d.get_color().to_hex().lower() for d in scene.dots]
    assert len({c for c, label in zip(colours, run.y) if label == 0}) == 1
    assert colours[list(run.y).index(0)] != colours[list(run.y).index(1)]
    assert f"{run.n_samples} in all" in scene.tally[0].original_text
    assert scene.tally[1].original_text.startswith(f"{int((run.y == 0).sum())} orange")
    # the recipe's letters sit apart on the magnified callout, none on another
    letters = [scene.names[0], scene.names[1], scene.eps, scene.s_ring[1]]
    for i, a in enumerate(letters):
        for b in letters[i + 1:]:
            apart = (abs(a.get_x() - b.get_x()) > (a.width + b.width) / 2
                     or abs(a.get_y() - b.get_y()) > (a.height + b.height) / 2)
            assert apart, (a, b)
    frame = scene.callout.frame
    assert all(frame.get_left()[0] < m.get_x() < frame.get_right()[0] for m in letters)


@pytest.mark.parametrize("which", ["default", "failed", "poor"])
def test_dataset_words_are_true_of_each_run(which, three_runs, media_dir):
    """s (the noise's standard deviation: σ is the sigmoid), the counts and the share within 2s, recomputed here from the run's stored points."""
    run = load_run(three_runs[which])
    words = scene_words(NoisyDataset, three_runs[which], media_dir)
    sigma = run.config.noise
    # the data code lays the samples out centre by centre, per_cluster of each
    centre = np.repeat(XOR_CENTRES, run.config.per_cluster, axis=0)
    assert (np.repeat(XOR_LABELS, run.config.per_cluster) == run.y).all()
    inside = int((np.hypot(*(run.X - centre).T) <= 2 * sigma).sum())
    assert 0.5 * len(run.X) < inside < len(run.X)  # "most", and not all
    assert words.find("Most land close").startswith(f"Most land close: {inside} of the {len(run.X)} copies")
    assert f"deviation s, is {sigma:g}" in words.find("The steps follow a bell curve")
    n0, n1 = int((run.y == 0).sum()), int((run.y == 1).sum())
    tally = words.find(f"{len(run.X) // 4} copies per centre")
    assert f"{len(run.X)} in all: {n0} orange with y = 0, {n1} blue with y = 1" in tally
    assert f"s = {sigma:g}" in words.text()  # the bell curve's label
    assert "σ" not in words.text()  # σ is the sigmoid's alone
    share = f"({100 * inside / len(run.X):.0f} %)"
    assert share in words.text() and f"{100 * (1 - np.exp(-2)):.1f} %" in words.text()
