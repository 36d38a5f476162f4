"""DotCloud draws the same dots as a VGroup of Dots, one path per class, and moves them all."""

import numpy as np
from manim import Dot

from scenes.style import class_color
from scenes.widgets.dot_cloud import DotCloud


def test_one_path_per_class_with_one_dot_per_sample():
    rng = np.random.default_rng(1)
    centres = np.column_stack([rng.normal(size=(30, 2)), np.zeros(30)])
    labels = rng.integers(0, 2, 30)
    cloud = DotCloud(centres, labels, radius=0.05)
    assert len(cloud.submobjects) == 2
    for path, label in zip(cloud.submobjects, (0, 1)):
        assert path.get_fill_color() == class_color(label)
        assert len(path.get_subpaths()) == (labels == label).sum()
    np.testing.assert_allclose(cloud.centres(), centres, atol=1e-9)
    # each dot has a Dot's outline of that radius
    i = int(np.flatnonzero(labels == 1)[0])
    k = int(np.flatnonzero(np.flatnonzero(labels == 1) == i)[0])
    outline = cloud.submobjects[1].points.reshape((labels == 1).sum(), -1, 3)[k]
    reference = Dot(centres[i], radius=0.05).points
    np.testing.assert_allclose(np.sort(outline, axis=0), np.sort(reference, axis=0), atol=1e-9)


def test_set_centres_moves_every_dot():
    centres = np.array([[0.0, 0, 0], [1, 1, 0], [2, 0, 0]])
    cloud = DotCloud(centres, [0, 1, 0])
    moved = centres[::-1] + [0.5, -0.25, 0]
    cloud.set_centres(moved)
    np.testing.assert_allclose(cloud.centres(), moved, atol=1e-9)
