"""Backpropagation into the last layer: the three chain-rule factors of dL/dW2, each with the
example point's real value (toynet_core.post_chain), multiplied into the 1×4 gradient."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    FadeIn,
    Scene,
    TransformFromCopy,
    VGroup,
    Write,
)

from scenes import style
from scenes.ch3_training._numbers_common import box, example_numbers
from scenes.widgets.chain import ChainFormula
from scenes.widgets.matrices import number, row
from scenes.widgets.text import note, tex, title
from scenes.pacing import beat

FS = style.BODY


class BackpropW2(Scene):
    def construct(self):
        self.n = example_numbers()
        self.state_chain()
        self.loss_slope()
        self.sigmoid_slope()
        self.weight_slope()
        self.multiply()
        self.read_entries()

    # -- beats ---------------------------------------------------------------------------
    def state_chain(self):
        self.heading = title("Backward: the last layer")
        self.chain = ChainFormula(r"\frac{d\mathcal{L}}{dW^{(2)}}", [
            ("loss", r"\frac{d\mathcal{L}}{d\hat{y}}"), ("sigmoid", r"\frac{d\hat{y}}{dz_2}"),
            ("hidden", r"\frac{dz_2}{dW^{(2)}}"),
        ], font_size=style.HEADING).next_to(self.heading, DOWN, buff=0.35)
        beat(self, Write(self.heading), FadeIn(self.chain),
                   subcaption="To nudge the last weights, split their effect on the loss into three links.")

    def loss_slope(self):
        ex, f, c = self.n.ex, self.n.fwd, self.n.chain
        self.f1 = number(c.dL_dyhat[0, 0], style.GRAD_COLOR, font_size=FS)
        line = VGroup(
            tex(r"\frac{d\mathcal{L}}{d\hat{y}} = 2(\hat{y} - y) = 2\,(", font_size=FS),
            number(f.y_hat[0], style.YHAT_COLOR, font_size=FS), tex("-", font_size=FS),
            number(ex.y, style.class_color(ex.y), places=0, font_size=FS), tex(") =", font_size=FS),
            self.f1,
        ).arrange(RIGHT, buff=0.12)
        self.line1 = line
        self.place_lines()
        beat(self, FadeIn(line), subcaption=self._loss_words())

    def sigmoid_slope(self):
        f, c = self.n.fwd, self.n.chain
        self.f2 = number(c.dyhat_dz2[0, 0], style.GRAD_COLOR, font_size=FS)
        line = VGroup(
            tex(r"\frac{d\hat{y}}{dz_2} = \sigma'(z_2) = \sigma'(", font_size=FS),
            number(f.z2[0], style.Z_COLOR, font_size=FS), tex(") =", font_size=FS), self.f2,
        ).arrange(RIGHT, buff=0.12)
        self.line2 = line
        self.place_lines()
        beat(self, FadeIn(line),
                   subcaption="The sigmoid's slope, sigma times one minus sigma, says how much the prediction moves with the score.")

    def weight_slope(self):
        c = self.n.chain
        self.f3 = row(c.dz2_dW2, color=style.X_COLOR)
        line = VGroup(tex(r"\frac{dz_2}{dW^{(2)}} = x_2^{T} =", font_size=FS), self.f3).arrange(RIGHT, buff=0.2)
        self.line3 = line
        self.place_lines()
        beat(self, FadeIn(line),
                   subcaption="The score is a weighted sum, so its slope along each weight is the hidden value that weight multiplies.")

    def multiply(self):
        c = self.n.chain
        delta = c.dL_dyhat[0, 0] * c.dyhat_dz2[0, 0]
        f1, f2 = self.f1.copy(), self.f2.copy()
        x2 = row(c.dz2_dW2, color=style.X_COLOR)
        self.grad = row(c.dL_dW2, color=style.GRAD_COLOR)
        product = VGroup(tex(r"\frac{d\mathcal{L}}{dW^{(2)}} =", font_size=FS), f1,
                         tex(r"\cdot", font_size=FS), f2, tex(r"\cdot", font_size=FS),
                         x2, tex("=", font_size=FS), self.grad).arrange(RIGHT, buff=0.15)
        product.move_to(2.5 * DOWN)
        self.product = product
        self.delta = delta
        beat(self, FadeIn(product[0]), FadeIn(product[2]), FadeIn(product[4]), FadeIn(product[6]),
                   TransformFromCopy(self.f1, f1), TransformFromCopy(self.f2, f2),
                   TransformFromCopy(self.f3, x2),
                   subcaption="Multiply the three links: two numbers times a row of four.")
        beat(self, TransformFromCopy(x2, self.grad),
                   subcaption="The result is one slope per weight of the last layer.")

    def read_entries(self):
        c = self.n.chain
        x2 = c.dz2_dW2[0]
        entries = self.grad.get_entries()
        marks, words = VGroup(), []
        off = np.flatnonzero(x2 == 0)
        for k in off:
            marks.add(box(entries[k]), note("off", style.SMALL, style.MUTED).next_to(entries[k], DOWN, buff=0.25))
        if len(off):
            words.append("a switched-off unit passes zero, so its weight gets no push")
        tiny = np.flatnonzero((x2 != 0) & (np.abs(c.dL_dW2[0]) < 5e-4))
        for k in tiny:
            marks.add(note("tiny", style.SMALL).next_to(entries[k], DOWN, buff=0.25))
        if len(tiny):
            words.append("a unit that is only just on gets a push too small to show")
        bias = entries[-1]  # W2's last weight meets x2's constant 1
        marks.add(box(bias, color=style.MUTED), note("bias", style.SMALL).next_to(bias, DOWN, buff=0.25))
        words.append("the bias weight meets the constant one, so its slope is the first two links alone")
        beat(self, FadeIn(marks), subcaption="; ".join(words).capitalize() + ".")
        self.wait(1.5)

    # -- helpers -----------------------------------------------------------------------
    def place_lines(self):
        """Each factor gets a fixed row, left-aligned on a common margin, so nothing shifts."""
        rows_y = (1.35, 0.3, -0.85)
        for y, name in zip(rows_y, ("line1", "line2", "line3")):
            line = getattr(self, name, None)
            if line is not None:
                line.move_to([0, y, 0]).align_to([-5.2, 0, 0], LEFT)

    def _loss_words(self):
        ex, f = self.n.ex, self.n.fwd
        direction = "above" if f.y_hat[0] > ex.y else "below"
        return ("The square of y minus y-hat equals the square of y-hat minus y, so its slope is twice y-hat minus y; "
                f"here the prediction sits {direction} the label.")
