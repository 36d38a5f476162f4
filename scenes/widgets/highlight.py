"""Pointing at one part of the picture while the words name it.

Manim's Circumscribe draws its outline on and then off again, so a frame caught in the middle
shows a loose stroke that reads as a stray line. PointAt fades a whole outline in and out while
it widens a little: on every frame the viewer sees a complete box (or ring), and the picture
changes on every frame, so a beat that ends on it does not stand still.
"""

import math

from manim import Animation, Circle, Rectangle, SurroundingRectangle, linear

from scenes.style import EMPHASIS

# How much the outline widens over the animation, as a share of its size.
GROWTH = 0.12


class PointAt(Animation):
    """A box (shape=Rectangle) or ring (shape=Circle) round `mob` for the animation's length."""

    def __init__(self, mob, color=EMPHASIS, buff=0.1, shape=Rectangle, stroke_width=4, **kwargs):
        if shape is Circle:
            outline = Circle(color=color, stroke_width=stroke_width).surround(mob, buffer_factor=1.0)
            outline.scale((outline.width + 2 * buff) / max(outline.width, 1e-6))
        else:
            outline = SurroundingRectangle(mob, color=color, buff=buff, stroke_width=stroke_width)
        outline.set_stroke(opacity=0)
        kwargs.setdefault("rate_func", linear)  # the fade is placed in time, not eased twice
        super().__init__(outline, introducer=True, remover=True, **kwargs)

    def interpolate_mobject(self, alpha):
        # brightest in the middle, at full strength over the middle half (sin > 0.7 there)
        self.mobject.become(self.starting_mobject).scale(1.0 + GROWTH * alpha)
        self.mobject.set_stroke(opacity=min(1.0, 1.4 * math.sin(math.pi * alpha)))
