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
