"""The sigmoid turns the output score z2 into a probability; the run's own outputs on it."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Scene,
    Text,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
)

from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.style import (
    BODY,
    CLASS_0,
    CLASS_1,
    EDGE_BUFF,
    FONT,
    FOREGROUND,
    LABEL,
    MUTED,
    SMALL,
    YHAT_COLOR,
    class_color,
)
from scenes.widgets.matrices import number
from scenes.widgets.text import tex, title
from toynet_core import forward
from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.model import sigmoid


TAIL_Z = 5.0  # where the tails are read off


def sig(z):
    return float(sigmoid(np.array([z], dtype=float))[0])


class SigmoidOutput(Scene):
    def construct(self):
        run = load_scene_run()
        self.fwd = forward(run.W1[-1], run.W2[-1], XOR_CENTRES)
        self.show_curve()
        self.mark_half()
        self.show_tails()
        self.read_probability()
        self.show_run_outputs()
        self.wait(1.5)

    # -- beats -------------------------------------------------------------------------
    def show_curve(self):
        self.title = title("From score to probability")
        # Wide enough for every z2 the run produces at the four XOR points.
        reach = max(6, int(np.ceil(np.abs(self.fwd.z2).max())) + 1)
        reach += reach % 2
        self.axes = Axes(x_range=[-reach, reach, 2], y_range=[0, 1, 0.5], x_length=6.8, y_length=5.0,
                         tips=False,
                         axis_config={"color": MUTED, "include_numbers": True, "font_size": SMALL},
                         y_axis_config={"decimal_number_config": {"num_decimal_places": 1}})
        self.axes.to_corner(UP + LEFT, buff=EDGE_BUFF).shift(DOWN * 1.3 + RIGHT * 0.3)
        z_label = tex("z_2", font_size=BODY).next_to(self.axes.x_axis, DOWN, buff=0.45).align_to(self.axes, RIGHT)
        self.curve = self.axes.plot(sig, x_range=[-reach, reach, 0.05], color=YHAT_COLOR, stroke_width=4)
        self.formula = tex(r"\hat{y} = \sigma(z_2) = \frac{1}{1 + e^{-z_2}}", font_size=BODY)
        self.panel_x = self.axes.get_right()[0] + 0.7  # left edge of the text panel
        self.formula.next_to(self.title, DOWN, buff=0.6).set_x(self.panel_x, direction=LEFT)
        beat(self, Write(self.title), Create(self.axes), FadeIn(z_label), Write(self.formula),
                   subcaption="The last step of the network takes the score z two and passes it through the sigmoid.")
        beat(self, Create(self.curve), run_time=1.5,
                   subcaption="An S-shaped curve: it rises smoothly and never leaves the band between 0 and 1.")

    def mark_half(self):
        a = self.axes
        self.half_dot = Dot(a.c2p(0, sig(0)), color=FOREGROUND, radius=0.07)
        guide = DashedLine(a.c2p(a.x_range[0], sig(0)), a.c2p(0, sig(0)), color=MUTED, stroke_width=2)
        value = number(sig(0), places=1)
        self.half_label = VGroup(tex(r"\sigma(0) =", font_size=LABEL), value).arrange(RIGHT, buff=0.15)
        self.half_label.next_to(self.half_dot, DOWN + RIGHT, buff=0.15)
        beat(self, FadeIn(self.half_dot), Create(guide), Write(self.half_label),
                   subcaption="A score of exactly zero lands in the middle: sigma of 0 is one half.")
        self.guides = VGroup(guide)

    def show_tails(self):
        a = self.axes
        self.guides.add(DashedLine(a.c2p(a.x_range[0], 1), a.c2p(a.x_range[1], 1), color=MUTED,
                                   stroke_width=2))
        # Moderate scores, so the printed values are visibly close to, not equal to, 0 and 1.
        lo, hi = -TAIL_Z, TAIL_Z
        dots = VGroup(Dot(a.c2p(lo, sig(lo)), radius=0.06, color=FOREGROUND),
                      Dot(a.c2p(hi, sig(hi)), radius=0.06, color=FOREGROUND))
        left = VGroup(tex(rf"\sigma({lo:g}) =", font_size=LABEL), number(sig(lo), places=4)).arrange(RIGHT, buff=0.15)
        right = VGroup(tex(rf"\sigma({hi:g}) =", font_size=LABEL), number(sig(hi), places=4)).arrange(RIGHT, buff=0.15)
        left.next_to(dots[0], UP, buff=0.3)
        right.next_to(dots[1], DOWN, buff=0.3)
        self.tails = VGroup(dots, left, right)
        beat(self, Create(self.guides[-1]), FadeIn(self.tails),
                   subcaption="Very negative scores squeeze toward 0, very positive ones toward 1, "
                             "without ever reaching either.")

    def read_probability(self):
        a = self.axes
        z = ValueTracker(-2.5)
        self.split = always_redraw(lambda: VGroup(
            Line(a.c2p(z.get_value(), 0), a.c2p(z.get_value(), sig(z.get_value())),
                 color=CLASS_1, stroke_width=8),
            Line(a.c2p(z.get_value(), sig(z.get_value())), a.c2p(z.get_value(), 1),
                 color=CLASS_0, stroke_width=8),
        ))
        p1 = number(sig(z.get_value()), CLASS_1, 2, BODY).add_updater(lambda m: m.set_value(sig(z.get_value())))
        p0 = number(1 - sig(z.get_value()), CLASS_0, 2, BODY).add_updater(lambda m: m.set_value(1 - sig(z.get_value())))
        rows = VGroup(
            VGroup(tex(r"P(y = 1) = \hat{y} =", font_size=BODY), p1).arrange(RIGHT, buff=0.15),
            VGroup(tex(r"P(y = 0) = 1 - \hat{y} =", font_size=BODY), p0).arrange(RIGHT, buff=0.15),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        rows.next_to(self.formula, DOWN, buff=0.7).set_x(self.panel_x, direction=LEFT)
        self.readout = rows
        beat(self, FadeIn(self.split), FadeIn(rows),
                   subcaption="Read the output as a probability: y hat is the chance of class 1, blue, "
                             "and what is left, 1 minus y hat, the chance of class 0, orange.")
        beat(self, z.animate.set_value(2.5), run_time=2.5,
                   subcaption="As the score grows, the blue share grows and the orange share shrinks.")
        p1.clear_updaters()
        p0.clear_updaters()
        self.play(FadeOut(self.split), FadeOut(self.readout))

    def show_run_outputs(self):
        a = self.axes
        header = Text("trained run, four XOR points", font=FONT, font_size=LABEL, color=MUTED)
        header.next_to(self.formula, DOWN, buff=0.6).set_x(self.panel_x, direction=LEFT)
        beat(self, FadeIn(header), FadeOut(self.tails),
                   subcaption="Now the real thing: the trained network's output at the four XOR corners.")
        self.yhat_numbers, self.run_dots, rows = VGroup(), VGroup(), VGroup()
        for (x1, x2), label, z2, yhat in zip(XOR_CENTRES, XOR_LABELS, self.fwd.z2, self.fwd.y_hat):
            color = class_color(label)
            value = number(yhat, color, 4, BODY)
            row = VGroup(tex(rf"x = ({x1:g},\ {x2:g}),\ \ y = {label:d}:\ \ \hat{{y}} =", font_size=BODY), value)
            rows.add(row.arrange(RIGHT, buff=0.15))
            self.yhat_numbers.add(value)
            dot = Dot(a.c2p(z2, yhat), radius=0.1, color=color, stroke_color=FOREGROUND, stroke_width=2)
            dot.coords = (float(z2), float(yhat))
            self.run_dots.add(dot)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3).next_to(header, DOWN, buff=0.35)
        rows.set_x(self.panel_x, direction=LEFT)
        self.run_rows = rows
        for i in range(4):
            beat(self, FadeIn(rows[i]), FadeIn(self.run_dots[i], scale=2), run_time=0.8,
                       subcaption=self.point_caption(i))

    def point_caption(self, i):
        x1, x2 = XOR_CENTRES[i]
        side = "positive" if self.fwd.z2[i] > 0 else "negative"
        return (f"At ({x1:g}, {x2:g}), labelled {XOR_LABELS[i]:d}, the score is {side}, "
                f"and y hat comes out at {self.fwd.y_hat[i]:.3f}.")
