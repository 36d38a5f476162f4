"""The layout harness itself: it must catch text outside the frame and overlapping labels."""

import pytest
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    ArcBetweenPoints,
    Circle,
    FadeIn,
    MathTex,
    MoveAlongPath,
    Scene,
    Square,
    Text,
    ThreeDScene,
)

from tests.scenes.harness import LayoutError, run_scene


class OffFrame(Scene):
    def construct(self):
        self.play(FadeIn(Text("too far").shift(RIGHT * 7.5)))


class Overlapping(Scene):
    def construct(self):
        a = Text("first label")
        self.play(FadeIn(a), FadeIn(MathTex("x^2").move_to(a.get_right())))


class SideBySide(Scene):
    def construct(self):
        a = Text("first label")
        b = MathTex("x^2").next_to(a, DOWN)
        self.play(FadeIn(a), FadeIn(b), FadeIn(Square().move_to(a)))  # shapes may sit under text
        overlay = MathTex("y").move_to(a)
        overlay.allow_overlap = True  # a deliberate overlay
        self.play(FadeIn(overlay))


class OffFrame3D(ThreeDScene):
    def construct(self):
        label = Text("fixed label").shift(DOWN * 4.2)
        self.add_fixed_in_frame_mobjects(label)
        self.play(FadeIn(label))


def test_text_outside_the_frame_is_caught(media_dir):
    with pytest.raises(LayoutError, match="leaves the frame"):
        run_scene(OffFrame, media_dir)


def test_overlapping_text_is_caught(media_dir):
    with pytest.raises(LayoutError, match="overlaps"):
        run_scene(Overlapping, media_dir)


def test_separate_labels_shapes_under_text_and_marked_overlays_pass(media_dir):
    scene = run_scene(SideBySide, media_dir)
    assert scene.beats == 2


def test_fixed_labels_of_3d_scenes_are_checked(media_dir):
    with pytest.raises(LayoutError, match="leaves the frame"):
        run_scene(OffFrame3D, media_dir)


# --- craft rules (tests/scenes/craft.py) -----------------------------------------------------


class SwingsThroughTheBand(Scene):
    def construct(self):
        square = Square(side_length=1, fill_opacity=1).move_to(LEFT * 3)
        self.add(square)
        # a half circle below the middle: the square passes the subtitle band and ends above it
        path = ArcBetweenPoints(LEFT * 3, RIGHT * 3, angle=PI)
        self.play(MoveAlongPath(square, path), subcaption="the square swings low")


class OpensEmpty(Scene):
    def construct(self):
        self.add(Text("A title").to_edge(UP))
        self.play(FadeIn(Circle(), run_time=3), subcaption="a circle, drawn too late")
        self.wait(1)


class Clear(Scene):
    def construct(self):
        circle = Circle()
        self.add(circle)
        self.play(circle.animate.shift(RIGHT), subcaption="a circle moves")


def kinds(scene):
    return {kind for kind, _ in scene.craft_problems}


def test_a_swing_through_the_band_is_caught_mid_animation(media_dir):
    scene = run_scene(SwingsThroughTheBand, media_dir)
    assert kinds(scene) == {"band"}
    assert scene.mobjects[0].get_bottom()[1] > -3  # it ends clear of the band: the middle caught it


def test_a_cue_that_opens_on_an_empty_picture_is_caught(media_dir):
    assert kinds(run_scene(OpensEmpty, media_dir)) == {"empty start"}


def test_a_clear_scene_passes(media_dir):
    assert kinds(run_scene(Clear, media_dir)) == set()
