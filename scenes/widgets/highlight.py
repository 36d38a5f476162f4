"""Pointing at one part of the picture while the words name it.

Manim's Circumscribe draws its outline on and then off again, so a frame caught in the middle
shows a loose stroke that reads as a stray line. PointAt fades a whole outline in, keeps it, and
fades it out: on every frame the viewer sees either nothing or a complete box (or ring).
"""

from manim import Animation, Circle, Rectangle, SurroundingRectangle, linear

from scenes.style import EMPHASIS

# Share of the animation spent fading in, and again fading out.
FADE_SHARE = 0.2


class PointAt(Animation):
    """A box (shape=Rectangle) or ring (shape=Circle) round `mob` for the animation's length."""

    def __init__(self, mob, color=EMPHASIS, buff=0.1, shape=Rectangle, stroke_width=4, **kwargs):
        if shape is Circle:
            outline = Circle(color=color, stroke_width=stroke_width).surround(mob, buffer_factor=1.0)
            outline.scale((outline.width + 2 * buff) / max(outline.width, 1e-6))
        else:
            outline = SurroundingRectangle(mob, color=color, buff=buff, stroke_width=stroke_width)
        outline.set_stroke(opacity=0)
        kwargs.setdefault("rate_func", linear)  # the fades are placed in time, not eased twice
        super().__init__(outline, introducer=True, remover=True, **kwargs)

    def interpolate_mobject(self, alpha):
        self.mobject.set_stroke(opacity=min(1.0, alpha / FADE_SHARE, (1.0 - alpha) / FADE_SHARE))
