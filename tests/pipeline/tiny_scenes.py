"""Two tiny scenes for the pipeline tests: fast to render, each with one subcaption."""

from manim import BLUE, ORANGE, Circle, Create, FadeIn, Scene, Square


class TinySquare(Scene):
    def construct(self):
        self.play(FadeIn(Square(color=ORANGE)), run_time=1.0, subcaption="a square")


class TinyCircle(Scene):
    def construct(self):
        self.play(Create(Circle(color=BLUE)), run_time=1.0, subcaption="a circle")
        self.wait(0.5)
