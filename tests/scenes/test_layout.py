"""The layout harness itself: it must catch text outside the frame and overlapping labels."""

import pytest
from manim import DOWN, RIGHT, FadeIn, MathTex, Scene, Square, Text, ThreeDScene

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
