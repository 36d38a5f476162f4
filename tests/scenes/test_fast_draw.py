"""scenes.fast_draw: the camera draws what manim's own drawing draws, pixel for pixel."""

import numpy as np
import pytest
from manim import (DEGREES, Circle, Dot3D, MathTex, Polygon, Scene, Surface, Text, ThreeDAxes,
                   ThreeDScene, Transform, VGroup, VMobject, tempconfig)

from scenes import fast_draw
from tests.scenes.harness import TEX_CACHE
from tests.scenes.test_fast_copy import frames_of


@pytest.fixture
def ours():
    fast_draw.install()
    yield
    fast_draw.install()  # as every scene has it (scenes.pacing installs it)


def test_the_scenes_draw_with_it():
    from manim import Camera

    from scenes import pacing  # noqa: F401  (every scene paces its beats with it; it installs it)

    assert Camera.set_cairo_context_path is fast_draw.set_cairo_context_path
    assert VMobject.get_subpath_split_indices_from_points is fast_draw.split_indices


def paths():
    """Paths of every kind the split search meets: closed shapes, glyphs with holes, a path
    with a gap, a dot's exact joins, a gap smaller than the tolerance, NaN and infinities."""
    rng = np.random.default_rng(0)
    with tempconfig({"tex_dir": str(TEX_CACHE)}):
        glyphs = [*MathTex(r"\sigma(\hat y) \approx 0.8").family_members_with_points(),
                  *Text("toy BOA 8%").family_members_with_points()]
    gap = VMobject()
    gap.set_points_as_corners([[0, 0, 0], [1, 0, 0], [1, 1, 0]])
    gap.add_line_to(np.array([2.0, 1.0, 0.0]))
    gap.start_new_path(np.array([3.0, 3.0, 0.0]))
    gap.add_line_to(np.array([4.0, 3.0, 0.0]))
    shapes = [Circle(), Polygon([0, 0, 0], [1, 0, 0], [0, 1, 0]), gap, *glyphs]
    for mob in shapes:
        yield mob, mob.points
    yield gap, gap.points + 1e-9 * rng.standard_normal(gap.points.shape)  # gaps inside the tolerance
    for bad in (np.nan, np.inf, -np.inf):
        broken = Circle().points.copy()
        broken[rng.integers(len(broken))] = bad
        yield Circle(), broken
    yield gap, gap.points[:6]  # fewer points than a whole number of curves


def test_paths_split_where_manims_search_splits_them():
    for mob, points in paths():
        for n_dims in (2, 3):
            ours = fast_draw.split_indices(mob, points, n_dims)
            manims = fast_draw.MANIMS_SPLIT(mob, points, n_dims)
            assert ours.dtype == manims.dtype and np.array_equal(ours, manims), (type(mob).__name__, n_dims)


def test_the_projection_is_manims(ours):
    rng = np.random.default_rng(1)
    with tempconfig({"pixel_width": 160, "pixel_height": 90}):
        camera = ThreeDScene().renderer.camera
    points = 4 * rng.standard_normal((200, 3))
    points[0] = [0, 0, 30]  # behind the camera's focus: the factor's special case
    for exponential in (False, True):
        camera.exponential_projection = exponential
        for phi, theta, gamma, zoom in ((70, -30, 0, 1.0), (10, 200, 15, 1.7), (70, -30, 0, 0.6)):
            camera.set_phi(phi * DEGREES), camera.set_theta(theta * DEGREES), camera.set_gamma(gamma * DEGREES)
            camera.set_zoom(zoom)
            camera.reset_rotation_matrix()  # as the camera does before each frame
            assert np.array_equal(fast_draw.project_points(camera, points),
                                  fast_draw.MANIMS_PROJECT(camera, points))


class Flat(Scene):
    """Glyphs, a closed shape and a path with a gap, moving."""

    def construct(self):
        a = VGroup(MathTex(r"\hat y = \sigma(z)"), Text("ReLU 80%", font_size=30))
        a.arrange(np.array([0.0, -1.0, 0.0])).shift(np.array([-2.0, 0.0, 0.0]))
        b = Circle(radius=0.8).set_fill("#83C167", 0.5).shift(np.array([2.0, 0.0, 0.0]))
        self.add(a, b)
        self.play(Transform(b, Polygon([0, 0, 0], [2, 0, 0], [0, 2, 0]).set_fill("#FC6255", 0.4)),
                  a.animate.shift(np.array([0.0, 1.0, 0.0])), run_time=1)


class Solid(ThreeDScene):
    """Shaded faces, flat dots and axes under a turning camera."""

    def construct(self):
        self.set_camera_orientation(phi=70 * DEGREES, theta=-40 * DEGREES, zoom=0.8)
        surface = Surface(lambda u, v: np.array([u, v, 0.3 * u * v]), u_range=[-2, 2], v_range=[-2, 2],
                          resolution=(6, 6), fill_opacity=0.7)
        dots = VGroup(*(Dot3D(np.array([x, -x, 0.5]), radius=0.08) for x in (-1.5, 0.0, 1.5)))
        self.add(ThreeDAxes(x_range=[-3, 3], y_range=[-3, 3], z_range=[-2, 2]), surface, dots)
        self.move_camera(phi=50 * DEGREES, theta=20 * DEGREES, run_time=1)


@pytest.mark.parametrize("scene_class", [Flat, Solid])
def test_a_scene_draws_the_same_frames(scene_class, tmp_path, ours):
    drawn = frames_of(scene_class, tmp_path / "ours")
    fast_draw.uninstall()
    manims = frames_of(scene_class, tmp_path / "manims")
    assert len(drawn) >= 8 and len(set(drawn)) > 4  # a real, moving animation
    assert drawn == manims
