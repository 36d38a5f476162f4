"""The motion widgets: a tracer follows its path and fades in and out; a wave swells each dot
once, in the given order, and leaves every dot at its size."""

import numpy as np
from manim import Dot, Line, VGroup

from scenes.widgets.tracer import along, ranks, through, wave


class _Scene:  # what tracer() needs of a scene: a renderer with a camera
    class renderer:
        camera = object()


def test_through_walks_a_polyline_at_a_steady_pace():
    path = through([[0, 0, 0], [3, 0, 0], [3, 1, 0]])  # lengths 3 and 1
    assert np.allclose(path(0), [0, 0, 0]) and np.allclose(path(1), [3, 1, 0])
    assert np.allclose(path(0.5), [2, 0, 0])
    assert np.allclose(path(0.875), [3, 0.5, 0])


def test_along_follows_a_path_that_moves():
    line = Line([0, 0, 0], [2, 0, 0])
    at = along(line)
    assert np.allclose(at(0.5), [1, 0, 0])
    line.shift([0, 1, 0])
    assert np.allclose(at(0.5), [1, 1, 0])


def test_tracer_runs_the_path_and_fades_at_its_ends():
    from scenes.widgets.tracer import tracer

    dot, run = tracer(_Scene(), through([[0, 0, 0], [4, 0, 0]]))
    run.begin()
    run.interpolate(0.5)
    assert np.allclose(dot.get_center(), [2, 0, 0]) and dot.get_fill_opacity() == 1
    run.interpolate(1.0)
    assert np.allclose(dot.get_center(), [4, 0, 0]) and dot.get_fill_opacity() == 0


def test_wave_swells_dots_in_order_and_restores_them():
    cloud = VGroup(*[Dot([x, 0, 0], radius=0.1) for x in range(5)])
    order = list(ranks([4, 3, 2, 1, 0]))  # the last dot first
    order[2] = None  # left alone
    anim = wave(cloud, order)
    anim.begin()
    widths = []
    for alpha in np.linspace(0, 1, 41):
        anim.interpolate(alpha)
        widths.append([d.width for d in cloud])
    widths = np.array(widths)
    assert np.allclose(widths[:, 2], 0.2)  # never touched
    peaks = widths.argmax(axis=0)
    assert peaks[4] < peaks[3] < peaks[1] < peaks[0]  # swept in the given order
    assert widths.max() > 0.3
    assert np.allclose(widths[-1], 0.2)  # all back to size


def test_drift_turns_the_camera_at_a_steady_rate():
    from manim import ThreeDCamera

    from scenes.widgets.drift import drift

    class Scene:
        class renderer:
            camera = ThreeDCamera()

    camera = Scene.renderer.camera
    camera.set_theta(0.0)
    (builder,) = drift(Scene(), theta=1.0)
    turn = builder.build()
    assert turn.rate_func(0.3) == 0.3  # linear: no slow start or end
    turn.begin()
    for alpha in (0.25, 0.5, 0.75):
        turn.interpolate(alpha)
        assert np.isclose(camera.get_theta(), alpha)
