"""Tiny scenes for the pipeline tests: fast to render, each with one subcaption. Their lengths
are inputs the tests compare the joined video against."""

from manim import BLUE, ORANGE, Circle, Create, FadeIn, Scene, Square

SQUARE_SECONDS = 1.0
CIRCLE_SECONDS = 1.0
CIRCLE_HOLD = 0.5


class TinySquare(Scene):
    def construct(self):
        square = Square(color=ORANGE, fill_color=ORANGE, fill_opacity=1)
        self.play(FadeIn(square), run_time=SQUARE_SECONDS, subcaption="a square")


class TinyCircle(Scene):
    def construct(self):
        circle = Circle(color=BLUE, fill_color=BLUE, fill_opacity=1)
        self.play(Create(circle), run_time=CIRCLE_SECONDS, subcaption="a circle")
        self.wait(CIRCLE_HOLD)


class TinyBroken(Scene):
    def construct(self):
        raise RuntimeError("this scene is broken on purpose")


# Narrated: each beat's words are spoken when the render has a voice. The words are inputs the
# narration tests compare the audio and the subtitles against.
NARRATED_WORDS = ("A square fades in.", "Then it turns, and the ŷ of this square is 3×3.")
NARRATED_SPOKEN = ("A square fades in.", "Then it turns, and the y hat of this square is 3 by 3.")
OTHER_WORDS = ("A circle, drawn in one stroke.",)


class TinyNarrated(Scene):
    def construct(self):
        from scenes.pacing import beat

        square = Square(color=ORANGE, fill_color=ORANGE, fill_opacity=1)
        beat(self, FadeIn(square), subcaption=NARRATED_WORDS[0])
        beat(self, square.animate.rotate(1.0), subcaption=NARRATED_WORDS[1], hold=0.5)


class TinyNarratedCircle(Scene):
    def construct(self):
        from scenes.pacing import beat

        beat(self, Create(Circle(color=BLUE)), subcaption=OTHER_WORDS[0])
