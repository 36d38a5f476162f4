"""One SGD step on the example point: W ← W − α·dL/dW with the run's learning rate, and the
loss on that point before and after, both from toynet_core.forward. Whether the loss fell is
computed, and said either way."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Dot,
    FadeIn,
    FadeOut,
    NumberLine,
    Scene,
    TransformFromCopy,
    VGroup,
    Write,
)

from scenes import style
from scenes.ch3_training._numbers_common import example_numbers
from scenes.widgets.matrices import number, row, value_matrix
from scenes.widgets.text import note, tex, title
from scenes.pacing import beat
from toynet_core import forward, gradients, sgd_step

FS = style.BODY


class UpdateStep(Scene):
    def construct(self):
        self.compute()
        self.state_rule()
        self.step_w2()
        self.step_w1()
        self.compare_prediction()
        self.compare_loss()

    def compute(self):
        self.n = n = example_numbers()
        ex = n.ex
        self.alpha = float(n.run.config.lr)
        self.dW1, self.dW2 = gradients(ex.W1, ex.W2, ex.x, ex.y)
        self.new_W1, self.new_W2 = sgd_step(ex.W1, ex.W2, ex.x, ex.y, self.alpha)
        self.before = forward(ex.W1, ex.W2, ex.x[None, :], [ex.y])
        self.after = forward(self.new_W1, self.new_W2, ex.x[None, :], [ex.y])

    # -- beats ---------------------------------------------------------------------------
    def state_rule(self):
        self.heading = title("One step downhill")
        self.alpha_value = number(self.alpha, style.FOREGROUND, places=self._alpha_places(), font_size=FS)
        rule = tex(r"W \leftarrow W - \alpha\,\frac{d\mathcal{L}}{dW}", font_size=style.HEADING)
        lr = VGroup(tex(r"\alpha =", font_size=FS), self.alpha_value).arrange(RIGHT, buff=0.15)
        self.rule = VGroup(rule, lr).arrange(RIGHT, buff=1.0).next_to(self.heading, DOWN, buff=0.35)
        beat(self, Write(self.heading), FadeIn(self.rule),
                   subcaption="Each weight moves a small step against its slope; the run's learning rate sets the step.")

    def step_w2(self):
        ex = self.n.ex
        self.w2_old = row(ex.W2, color=style.W2_COLOR)
        self.w2_step = row(-self.alpha * self.dW2, color=style.GRAD_COLOR)
        self.w2_new = row(self.new_W2, color=style.W2_COLOR)
        labels = [tex(t, font_size=FS) for t in
                  (r"W^{(2)}", r"-\alpha\,\frac{d\mathcal{L}}{dW^{(2)}}", r"\text{new } W^{(2)}")]
        rows = VGroup(self.w2_old, self.w2_step, self.w2_new).arrange(DOWN, buff=0.35)
        for lab, r in zip(labels, rows):
            lab.next_to(r, LEFT, buff=0.4)
        VGroup(*labels).align_to(labels[1], RIGHT)
        self.w2_block = VGroup(rows, *labels).move_to(0.9 * DOWN)
        beat(self, FadeIn(self.w2_old), FadeIn(labels[0]), FadeIn(labels[1]),
                   TransformFromCopy(self.alpha_value, self.w2_step),
                   subcaption="For the last layer: the current weights, and minus alpha times their gradient.")
        beat(self, FadeIn(labels[2]), TransformFromCopy(VGroup(self.w2_old, self.w2_step), self.w2_new),
                   subcaption="Adding them gives the new weights; they moved, but only a little.")

    def step_w1(self):
        ex = self.n.ex
        self.w1_old = value_matrix(ex.W1, color=style.W1_COLOR)
        self.w1_step = value_matrix(-self.alpha * self.dW1, color=style.GRAD_COLOR)
        self.w1_new = value_matrix(self.new_W1, color=style.W1_COLOR)
        plus, eq = tex("+", font_size=FS), tex("=", font_size=FS)
        mats = VGroup(self.w1_old, plus, self.w1_step, eq, self.w1_new).arrange(RIGHT, buff=0.3)
        caps = VGroup(*[tex(t, font_size=style.LABEL).next_to(m, DOWN, buff=0.25) for t, m in
                        zip((r"W^{(1)}", r"-\alpha\,\frac{d\mathcal{L}}{dW^{(1)}}", r"\text{new } W^{(1)}"),
                            (self.w1_old, self.w1_step, self.w1_new))])
        self.w1_block = VGroup(mats, caps).move_to(0.9 * DOWN)
        beat(self, FadeOut(self.w2_block), FadeIn(self.w1_old), FadeIn(plus), FadeIn(caps[:2]),
                   TransformFromCopy(self.alpha_value, self.w1_step),
                   subcaption=self._w1_words())
        beat(self, FadeIn(eq), FadeIn(caps[2]), TransformFromCopy(VGroup(self.w1_old, self.w1_step), self.w1_new),
                   subcaption="The first layer takes its step the same way.")

    def compare_prediction(self):
        ex = self.n.ex
        y0, y1 = self.before.y_hat[0], self.after.y_hat[0]
        line = NumberLine(x_range=[0, 1, 0.25], length=9, include_numbers=True, font_size=style.SMALL,
                          decimal_number_config={"num_decimal_places": 2})
        line.move_to(0.2 * UP)
        target = Dot(line.n2p(ex.y), radius=0.12, color=style.class_color(ex.y))
        target_label = VGroup(tex("y", font_size=style.LABEL)).next_to(target, UP, buff=0.2)
        self.yhat_dot = Dot(line.n2p(y0), radius=0.1, color=style.YHAT_COLOR)
        self.yhat_label = tex(r"\hat{y}", font_size=style.LABEL).next_to(self.yhat_dot, UP, buff=0.2)
        self.track = VGroup(line, target, target_label)
        beat(self, FadeOut(self.w1_block), FadeIn(self.track), FadeIn(self.yhat_dot), FadeIn(self.yhat_label),
                   subcaption="Now run the same point forward again, with the old weights and with the new.")
        self.moved_dot = Dot(line.n2p(y1), radius=0.1, color=style.YHAT_COLOR)
        ghost = Dot(line.n2p(y0), radius=0.1, color=style.MUTED, fill_opacity=0.6)  # where it was
        self.add(ghost)
        beat(self, self.yhat_dot.animate.move_to(line.n2p(y1)),
                   self.yhat_label.animate.next_to(self.moved_dot, UP, buff=0.2),
                   subcaption=self._prediction_words(y0, y1))

    def compare_loss(self):
        L0, L1 = self.before.loss[0], self.after.loss[0]
        self.loss_before = number(L0, style.LOSS_COLOR, font_size=FS)
        self.loss_after = number(L1, style.LOSS_COLOR, font_size=FS)
        self.yhat_before = number(self.before.y_hat[0], style.YHAT_COLOR, font_size=FS)
        self.yhat_after = number(self.after.y_hat[0], style.YHAT_COLOR, font_size=FS)
        head = VGroup(note("", style.LABEL), note("before", style.LABEL), note("after", style.LABEL))
        r1 = VGroup(tex(r"\hat{y}", font_size=FS), self.yhat_before, self.yhat_after)
        r2 = VGroup(tex(r"\mathcal{L}", font_size=FS), self.loss_before, self.loss_after)
        table = VGroup(*head, *r1, *r2).arrange_in_grid(rows=3, cols=3, buff=(1.0, 0.3))
        table.move_to(2.3 * DOWN).shift(2.0 * LEFT)
        self.went_down = bool(L1 < L0)
        if self.went_down:
            verdict = note(f"down by {100 * (L0 - L1) / L0:.1f}%", style.LABEL, style.FOREGROUND)
        else:
            verdict = note("not down: the step overshot", style.LABEL, style.ERROR)
        self.verdict = verdict.next_to(table, RIGHT, buff=0.8).match_y(r2[0])
        beat(self, FadeIn(table), FadeIn(verdict), subcaption=self._loss_words(L0, L1))
        self.wait(1.5)

    # -- words ---------------------------------------------------------------------------
    def _alpha_places(self):
        # Enough decimals to show the learning rate exactly as configured (e.g. 0.1, 0.03).
        for places in range(1, 6):
            if abs(round(self.alpha, places) - self.alpha) < 1e-12:
                return places
        return 5

    def _w1_words(self):
        off = np.flatnonzero(self.n.fwd.z1[0][:3] <= 0)
        if len(off):
            units = " and ".join(str(k + 1) for k in off)
            if len(off) == 1:
                return (f"For the first layer, the switched-off unit {units} keeps its weights: "
                        "its step is zero.")
            return (f"For the first layer, the switched-off units {units} keep their weights: "
                    "their steps are zero.")
        return "For the first layer, every unit was on, so every weight takes a step."

    def _prediction_words(self, y0, y1):
        y = self.n.ex.y
        closer = abs(y1 - y) < abs(y0 - y)
        if closer:
            return "The prediction moved toward the label."
        return "The prediction did not move toward the label this time."

    def _loss_words(self, L0, L1):
        if L1 < L0:
            return "The loss on this point went down: the step helped the point it was computed from."
        return "The loss on this point did not go down: the learning rate made the step too long here."
