"""The opening draws the run, and what it says about the run is true of any run.

The drawn things are read back and compared with the run's stored arrays and with the model;
the words are collected for three runs (the default, the committed failed run and a poorly
trained one) and checked against facts recomputed here by other means: the boundary's shape
from a fine pixel grid of the score, not from toynet_core.boundary.
"""

import re

import numpy as np
import pytest
from manim import tempconfig
from scipy import ndimage

from scenes.ch0_introduction.overview import Overview
from scenes.run_data import load_scene_run
from scenes.widgets.heatmap import probability_rgb
from tests.scenes.harness import LOW_RES, TEX_CACHE, run_scene
from tests.scenes.words import scene_run
from toynet_core import forward, load_run
from toynet_core.data import XOR_CENTRES, XOR_LABELS


@pytest.fixture(scope="module")
def scene(media_dir):
    return run_scene(Overview, media_dir)


def test_overview_draws_the_run(scene):
    run = load_scene_run()
    drawn = np.array([scene.axes.p2c(d.get_center()) for d in scene.dots])
    np.testing.assert_allclose(drawn, run.X, atol=1e-6)
    corners = np.array([scene.axes.p2c(d.get_center()) for d in scene.corners])
    np.testing.assert_allclose(corners, XOR_CENTRES, atol=1e-6)
    W1, W2 = scene.diagram.shown_weights()
    np.testing.assert_allclose(W1, run.W1[-1])
    np.testing.assert_allclose(W2, run.W2[-1])
    pixels = scene.heat.get_pixel_array()[:, :, :3]
    np.testing.assert_array_equal(pixels, probability_rgb(run.grid_yhat[-1])[::-1])


def test_the_drawn_boundary_is_where_the_final_net_is_undecided(scene):
    run = load_scene_run()
    points = np.array([scene.axes.p2c(p)[:2] for p in scene.boundary.points])
    assert len(points) > 2
    z2 = forward(run.W1[-1], run.W2[-1], points).z2
    np.testing.assert_allclose(z2, 0.0, atol=1e-6)


def test_the_counters_end_on_the_runs_last_step_and_accuracy(scene):
    run = load_scene_run()
    f = forward(run.W1[-1], run.W2[-1], run.X, run.y)
    assert scene.step_number.get_value() == run.steps[-1]
    assert np.isclose(scene.accuracy_number.get_value(), 100 * np.mean((f.y_hat > 0.5) == (run.y == 1)))


def test_the_trial_cut_leaves_a_corner_on_the_wrong_side(scene):
    """Read the cut's last position off the screen; whichever side is called blue, at least
    one corner is on the other one, and the scene ringed exactly the better choice's errors."""
    a, b = (np.array(scene.axes.p2c(p)[:2]) for p in (scene.cut.get_start(), scene.cut.get_end()))
    d, c = b - a, XOR_CENTRES - a
    side = np.sign(d[0] * c[:, 1] - d[1] * c[:, 0])  # which side of the line a→b each corner is on
    errors = [(side > 0) != (XOR_LABELS == 1), (side < 0) != (XOR_LABELS == 1)]
    best = min(errors, key=lambda e: e.sum())
    assert best.sum() >= 1
    assert scene.swept.sum() == best.sum()


def test_the_corners_ring_white_when_right_and_red_when_wrong(scene):
    from scenes.style import EMPHASIS, ERROR

    run = load_scene_run()
    right = (forward(run.W1[-1], run.W2[-1], XOR_CENTRES).y_hat > 0.5) == (XOR_LABELS == 1)
    for ring, ok in zip(scene.verdict_rings, right):
        assert ring.get_stroke_color() == (EMPHASIS if ok else ERROR)


def test_the_road_map_sends_each_chapter_its_tools(scene):
    from scenes.ch0_introduction.overview import NEEDS

    for landed, chapter in ((scene.network_tools, "network"), (scene.training_tools, "training")):
        assert [chip[1].text for chip in landed] == [t.replace(" ", "") for t in NEEDS[chapter]]
        card = scene.cards[1 if chapter == "network" else 2][0]
        for chip in landed:
            assert card.get_left()[0] < chip.get_left()[0] and chip.get_right()[0] < card.get_right()[0]
            assert card.get_bottom()[1] < chip.get_bottom()[1]


# -- the words, for three runs -----------------------------------------------------------------
def captions_for(path, media_dir):
    """Build the opening for the run at `path` without drawing a frame; its subtitles."""

    class Listening(Overview):
        def setup(self):
            super().setup()
            self.renderer.camera.capture_mobjects = lambda *args, **kwargs: None

    options = {"media_dir": str(media_dir), "format": None, "write_to_movie": False,
               "disable_caching": True, "tex_dir": str(TEX_CACHE), **LOW_RES}
    with scene_run(path), tempconfig(options):
        scene = Listening(skip_animations=True)
        scene.render()
    return " ".join(c.content for c in scene.renderer.file_writer.subcaptions)


def pixel_boundary_shape(run, size=500, straight_tolerance=0.03):
    """(lines, bent) of the final boundary, from the sign of z2 on a fine pixel grid: the
    boundary pixels in connected pieces, each piece straight if a line fits it within the
    tolerance (input units)."""
    x0, x1, y0, y1 = run.grid_extent
    gx, gy = np.linspace(x0, x1, size), np.linspace(y0, y1, size)
    X = np.stack(np.meshgrid(gx, gy), axis=-1).reshape(-1, 2)
    blue = (forward(run.W1[-1], run.W2[-1], X).z2 > 0).reshape(size, size)
    edge = np.zeros_like(blue)
    edge[:, 1:] |= blue[:, 1:] != blue[:, :-1]
    edge[1:, :] |= blue[1:, :] != blue[:-1, :]
    labels, n = ndimage.label(edge, structure=np.ones((3, 3)))
    bent = 0
    for k in range(1, n + 1):
        rows, cols = np.nonzero(labels == k)
        pts = np.column_stack([gx[cols], gy[rows]])
        centred = pts - pts.mean(axis=0)
        normal = np.linalg.svd(centred, full_matrices=False)[2][-1]
        bent += np.abs(centred @ normal).max() > straight_tolerance
    return n, bent


@pytest.mark.parametrize("which", ["default", "failed", "poor"])
def test_what_the_opening_says_is_true_of_the_run(which, three_runs, media_dir):
    run = load_run(three_runs[which])
    words = captions_for(three_runs[which], media_dir)
    f = forward(run.W1[-1], run.W2[-1], run.X, run.y)
    accuracy = float(np.mean((f.y_hat > 0.5) == (run.y == 1)))
    corners = (forward(run.W1[-1], run.W2[-1], XOR_CENTRES).y_hat > 0.5) == (XOR_LABELS == 1)
    learned = accuracy >= 0.95 and corners.all()

    assert f"{run.steps[-1]:,} steps" in words
    assert f"{100 * accuracy:.1f}%" in words
    assert f"{len(run.X)} noisy copies" in words
    assert f"its {run.W1[-1].size + run.W2[-1].size} weights" in words

    lines, bent = pixel_boundary_shape(run)
    number = ("no", "one", "two", "three", "four")[lines]
    assert re.search(rf"boundary is {number}\b", words), words
    says_bent = re.search(r"\bbend|\bbent|\bcurve", words) is not None
    assert says_bent == (bent > 0), (which, bent, words)

    if learned:
        assert "this run has learned XOR" in words
    else:
        assert "has not" in words and "has learned XOR" not in words
        for centre, ok in zip(XOR_CENTRES, corners):
            name = "(" + ", ".join(f"{v:g}" for v in centre) + ")"
            assert (name in words) == (not ok)


def test_the_trial_cut_rests_only_where_every_corner_is_plainly_on_one_side(scene):
    from scenes.ch0_introduction.overview import corner_clearance

    assert len(scene.cut_stops) >= 3
    for t in scene.cut_stops:
        assert corner_clearance(t) >= 0.2  # a fifth of the square's side, at least
    # the cut ends resting on its last stop
    assert scene.cut_time == pytest.approx(scene.cut_stops[-1])


def test_the_input_names_fly_to_their_nodes_without_crossing(scene):
    from manim.utils.paths import path_along_arc

    from scenes.ch0_introduction.overview import _crosses

    (starts, ends), arcs = scene.name_flights, scene.name_arcs
    alpha = np.linspace(0, 1, 201)
    paths = [np.array([path_along_arc(arc)(np.array([a]), np.array([b]), x)[0][:2] for x in alpha])
             for arc, a, b in zip(arcs, starts, ends)]
    assert not _crosses(*paths)


def test_the_result_is_stated_after_the_counters_stop(scene):
    from scenes.pacing import narration

    run = load_scene_run()
    said = narration(scene)
    result = next(i for i, n in enumerate(said) if f"{run.steps[-1]:,} steps" in n.subcaption)
    assert scene.counters_done_at <= said[result].start + 1e-6


def test_the_road_map_lays_out_without_overlaps(scene):
    def box(m):
        return np.array([m.get_corner(DOWN_LEFT)[:2], m.get_corner(UP_RIGHT)[:2]])

    def apart(m, n, gap=0.0):
        (l1, r1), (l2, r2) = box(m), box(n)
        return r1[0] + gap <= l2[0] or r2[0] + gap <= l1[0] or r1[1] + gap <= l2[1] or r2[1] + gap <= l1[1]

    chips = [*scene.toolbox, *scene.network_tools, *scene.training_tools]
    for i, a in enumerate(chips):
        for b in chips[i + 1:]:
            assert apart(a, b)
        for picture in scene.thumbnails.values():
            assert apart(a, picture)
    # on its way, the plane passes under the network's picture
    start, low, goal, passing = scene.plane_path
    assert low[1] + passing / 2 < scene.thumbnails["network"].get_bottom()[1]
    assert low[1] - passing / 2 > -4 + 0.12 * 8  # above the subtitle band


DOWN_LEFT = np.array([-1.0, -1.0, 0.0])
UP_RIGHT = np.array([1.0, 1.0, 0.0])
