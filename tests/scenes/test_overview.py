"""The opening shows the run: its points, its final weights and its learnt boundary."""

import numpy as np

from scenes.ch0_introduction.overview import Overview
from scenes.run_data import load_scene_run
from scenes.widgets.heatmap import probability_rgb
from tests.scenes.harness import run_scene


def test_overview_draws_the_run(media_dir):
    scene = run_scene(Overview, media_dir)
    run = load_scene_run()
    drawn = np.array([scene.axes.p2c(d.get_center()) for d in scene.dots])
    np.testing.assert_allclose(drawn, run.X, atol=1e-6)
    W1, W2 = scene.diagram.shown_weights()
    np.testing.assert_allclose(W1, run.W1[-1])
    np.testing.assert_allclose(W2, run.W2[-1])
    pixels = scene.heat.get_pixel_array()[:, :, :3]
    np.testing.assert_array_equal(pixels, probability_rgb(run.grid_yhat[-1])[::-1])
    captions = " ".join(c.content for c in scene.renderer.file_writer.subcaptions)
    accuracy = np.mean((run.loss[-1] < 0.25))  # (y − ŷ)² < 1/4 exactly when the class is right
    assert f"{accuracy:.1%}" in captions
    assert f"{run.steps[-1]:,}" in captions
