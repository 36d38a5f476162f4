"""Forward pass: one real data point of the run goes through the net, number by number.

Every value comes from toynet_core.forward on the example point (see _example.py); the
diagram shows the same snapshot's weights.
"""

import numpy as np
from manim import (
    Circle,
    Create,
    Dot,
    Line,
    NumberLine,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    BackgroundRectangle,
    FadeIn,
    FadeOut,
    ReplacementTransform,
    Scene,
    TransformFromCopy,
    VGroup,
)

from scenes import style
from scenes.ch3_training._numbers_common import box, count_to, example_numbers, settle, sweep, travel
from scenes.widgets.matrices import column, number, places_for, row, value_matrix
from scenes.widgets.text import note, tex, title
from scenes.pacing import beat, during
from scenes.widgets.diagram import NetworkDiagram, sign_legend
from scenes.widgets.highlight import PointAt

EQ_Y = -1.75  # centre of the equation band under the diagram, clear of the subtitle band


def shown_value(v):
    """A number as the screen shows it (scenes.widgets.matrices.places_for)."""
    return round(float(v), places_for(v))


def equals_sign(matrix, vector, result):
    """"=" when multiplying the numbers as shown gives the results as shown, else "≈": the
    screen then claims no more than a viewer's own arithmetic from it can check."""
    shown = np.vectorize(shown_value)
    product = shown(np.atleast_2d(matrix)) @ shown(np.ravel(vector))
    exact = all(shown_value(p) == shown_value(r) for p, r in zip(product, np.ravel(result)))
    return "=" if exact else r"\approx"


def _on_dark(mob):
    """A value drawn over edges gets a backing so the lines do not cut through its digits."""
    return VGroup(BackgroundRectangle(mob, fill_opacity=1.0, buff=0.12), mob)


class ForwardPass(Scene):
    def construct(self):
        self.n = example_numbers()
        self.introduce()
        self.feed_input()
        self.first_layer()
        self.activate()
        self.second_layer()
        self.predict()
        self.score()

    # -- beats ---------------------------------------------------------------------------
    def introduce(self):
        ex = self.n.ex
        self.heading = title("Forward pass: one real point")
        self.diagram = NetworkDiagram(ex.W1, ex.W2, width=6.4, height=3.0).move_to(1.3 * UP + 0.5 * RIGHT)
        self.key = sign_legend().next_to(self.diagram, DOWN, buff=0.2)
        who = note(f"sample {ex.i}, weights after {ex.step} steps", font_size=style.SMALL)
        label = tex("y =", font_size=style.BODY)
        label_value = number(ex.y, style.class_color(ex.y), places=0, font_size=style.BODY)
        self.label_value = label_value
        tag = VGroup(label, label_value).arrange(RIGHT, buff=0.12)
        self.info = VGroup(who, tag).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        self.info.to_edge(LEFT, buff=style.EDGE_BUFF)
        self.info.shift((2.75 - self.info.get_top()[1]) * UP)  # just under the title
        beat(self, during(FadeIn(self.heading), 0, 0.1), FadeIn(self.diagram), FadeIn(self.info), FadeIn(self.key),
                   subcaption="We follow one real training point through the network, with the weights the run had at that moment.")

    def feed_input(self):
        f = self.n.fwd
        self.xt_col = column(f.x_tilde[0], color=style.X_COLOR)
        lhs = tex(r"\tilde{x} =", font_size=style.BODY)
        self.input_eq = VGroup(lhs, self.xt_col).arrange(RIGHT, buff=0.2).move_to(EQ_Y * UP)
        self.input_values = VGroup(*[
            number(v, style.X_COLOR).next_to(node, LEFT, buff=0.15)
            for v, node in zip(f.x_tilde[0][:2], self.diagram.input_nodes[:2])
        ])
        scan = box(self.xt_col.get_entries()[0])
        beat(self, during(FadeOut(self.key), 0, 0.2), during(FadeIn(self.input_eq), 0, 0.2),
             during(TransformFromCopy(self.xt_col.get_entries()[:2], self.input_values), 0.15, 0.6),
             during(FadeIn(scan), 0.15, 0.25),
             during(sweep(scan, list(self.xt_col.get_entries()) + [self.input_values[0], self.input_values[1],
                                                                 self.diagram.input_nodes[2]]), 0.2, 1.0),
             during(travel([Line(e.get_center(), n.get_center()) for e, n in
                            zip(self.xt_col.get_entries(), self.diagram.input_nodes)] * 2,
                           color=style.X_COLOR, lag_ratio=0.5), 0.1, 1.0),
             during(FadeOut(scan), 0.95, 1.0),
                   subcaption="Its two coordinates enter on the left, and a constant one is appended to carry the bias.")

    def first_layer(self):
        ex, f = self.n.ex, self.n.fwd
        w1 = value_matrix(ex.W1, color=style.W1_COLOR)
        xt = column(f.x_tilde[0], color=style.X_COLOR)
        q = column(f.z1[0][:3], color=style.Z_COLOR)
        self.z1_col = column(f.z1[0], color=style.Z_COLOR)
        eq = VGroup(tex(r"W^{(1)}\tilde{x} =", font_size=style.BODY), w1, xt,
                    tex(equals_sign(ex.W1, f.x_tilde[0], f.z1[0][:3]), font_size=style.BODY), q,
                    tex(r"z^{(1)} =", font_size=style.BODY), self.z1_col)
        eq.arrange(RIGHT, buff=0.2)
        eq[5:].shift(0.5 * RIGHT)  # a clear gap: a new equation, not part of the product
        eq.move_to(EQ_Y * UP)
        self.layer1_eq = eq
        self.hidden_values = VGroup(*[
            _on_dark(number(v, style.Z_COLOR)).next_to(node, RIGHT, buff=0.02)
            for v, node in zip(f.z1[0][:3], self.diagram.hidden_nodes[:3])
        ])
        flows = [self.diagram.w1_edges[i][j] for i in range(3) for j in range(3)]
        # The backings are the background's colour: placed now, under the numbers that count up.
        self.add(*[g[0] for g in self.hidden_values])
        beat(self, during(ReplacementTransform(self.input_eq, VGroup(eq[0], xt)), 0, 0.3),
             during(FadeIn(w1), 0, 0.3), during(FadeIn(eq[3]), 0, 0.3),
             # the inputs flow into the units, whose values count up as they arrive, then again
             during(travel(flows, color=style.X_COLOR, lag_ratio=0.25), 0.0, 0.3),
             *[count_to(g[1], 0.08 + 0.07 * k) for k, g in enumerate(self.hidden_values)],
             # the product appears beside x̃ (a copy of W⁽¹⁾ morphing into it crossed x̃'s column)
             during(FadeIn(q, shift=0.3 * RIGHT), 0.3, 0.55),
             during(travel(flows, color=style.X_COLOR, lag_ratio=0.25), 0.4, 0.95),
                   subcaption="The first weight matrix W⁽¹⁾ mixes the three inputs into three numbers, one per hidden unit.")
        settle(self, self.hidden_values)
        scan = box(self.z1_col.get_entries()[0])
        beat(self, during(FadeIn(eq[5]), 0, 0.3), during(TransformFromCopy(q, VGroup(*self.z1_col.get_entries()[:3])), 0, 0.5),
             during(FadeIn(self.z1_col.get_brackets()), 0, 0.3), during(FadeIn(self.z1_col.get_entries()[3]), 0.4, 0.6),
             during(FadeIn(scan), 0.4, 0.45), during(sweep(scan, list(self.z1_col.get_entries()[1:])
                                                     + [self.diagram.hidden_nodes[3]]), 0.45, 0.95),
             during(travel([Line(n.get_center(), e.get_center()) for n, e in
                            zip(self.diagram.hidden_nodes, self.z1_col.get_entries())] * 2,
                           color=style.Z_COLOR, lag_ratio=0.5), 0, 1.0),
             during(FadeOut(scan), 0.95, 1.0),
                   subcaption="Stacking a one underneath gives z⁽¹⁾: the hidden layer before ReLU.")

    def activate(self):
        f = self.n.fwd
        self.x2_col = column(f.x2[0], color=style.X_COLOR)
        lhs = tex(r"x^{(2)} = \mathrm{ReLU}(z^{(1)}) :", font_size=style.BODY)
        z1 = self.z1_col.copy()
        arrow = tex(r"\to", font_size=style.BODY)
        eq = VGroup(lhs, z1, arrow, self.x2_col).arrange(RIGHT, buff=0.25).move_to(EQ_Y * UP)
        off = np.flatnonzero(f.z1[0] <= 0)
        self.off_boxes = VGroup(*[box(z1.get_entries()[k]) for k in off],
                                *[box(self.x2_col.get_entries()[k]) for k in off])
        new_values = VGroup(*[
            _on_dark(number(v, style.X_COLOR)).next_to(node, RIGHT, buff=0.02)
            for v, node in zip(f.x2[0][:3], self.diagram.hidden_nodes[:3])
        ])
        # The diagram's values turn into ReLU's outputs while the words say so.
        pairs = [VGroup(z1.get_entries()[k], self.x2_col.get_entries()[k]) for k in range(4)]
        scan = box(pairs[0])
        beat(self, during(FadeOut(self.layer1_eq), 0, 0.25), during(FadeIn(eq), 0.2, 0.45),
             during(FadeIn(scan), 0.4, 0.45), during(sweep(scan, pairs[1:]), 0.45, 0.95),
             during(travel([Line(a.get_center(), b.get_center()) for a, b in
                            zip(z1.get_entries(), self.x2_col.get_entries())], color=style.X_COLOR,
                           lag_ratio=0.8), 0.4, 1.0),
             during(FadeOut(scan), 0.95, 1.0),
             during(ReplacementTransform(self.hidden_values, new_values), 0.45, 1.0),
             subcaption="ReLU keeps positive values and clips the rest to zero: that gives x⁽²⁾.")
        # A switched-off unit passes on nothing: its node and its outgoing edge fade.
        dim = [self.diagram.hidden_nodes[k].animate.set_opacity(0.35) for k in off]
        dim += [self.diagram.w2_edges[k].animate.set_stroke(opacity=0.15) for k in off]
        live = [self.diagram.w2_edges[k] for k in range(4) if k not in off]
        beat(self, during(FadeIn(self.off_boxes), 0, 0.2), *[during(d, 0, 0.3) for d in dim],
             during(travel(live * 2, color=style.X_COLOR, lag_ratio=0.3), 0.2, 1.0),
                   subcaption=self._inactive_caption(off))
        self.hidden_values = new_values
        self.relu_eq = eq

    def second_layer(self):
        ex, f = self.n.ex, self.n.fwd
        w2 = row(ex.W2, color=style.W2_COLOR)
        x2 = column(f.x2[0], color=style.X_COLOR)
        self.z2_value = number(f.z2[0], style.Z_COLOR, font_size=style.BODY)
        eq = VGroup(tex(r"z^{(2)} = W^{(2)} x^{(2)} =", font_size=style.BODY), w2, x2,
                    tex(equals_sign(ex.W2, f.x2[0], f.z2), font_size=style.BODY), self.z2_value)
        eq.arrange(RIGHT, buff=0.2).move_to(EQ_Y * UP)
        self.layer2_eq = eq
        self.out_value = _on_dark(number(f.z2[0], style.Z_COLOR)).next_to(self.diagram.output_node, UP, buff=0.1)
        off = set(np.flatnonzero(f.z1[0] <= 0))
        live = [self.diagram.w2_edges[k] for k in range(4) if k not in off]
        self.add(self.out_value[0])
        beat(self, during(FadeOut(self.relu_eq), 0, 0.12), during(FadeOut(self.off_boxes), 0, 0.12),
             during(FadeIn(eq[:4]), 0.05, 0.2),
             # the hidden values flow to the output, where the score counts up, then again
             during(travel(live, color=style.X_COLOR, lag_ratio=0.5), 0.0, 0.25),
             count_to(self.out_value[1], 0.18), count_to(self.z2_value, 0.22),
             during(travel(live, color=style.X_COLOR, lag_ratio=0.5), 0.4, 0.95),
                   subcaption="The second layer W⁽²⁾ weighs the four hidden values into one score, z⁽²⁾.")
        settle(self, self.layer2_eq)

    def predict(self):
        f = self.n.fwd
        self.yhat_value = number(f.y_hat[0], style.YHAT_COLOR, font_size=style.BODY)
        z2 = number(f.z2[0], style.Z_COLOR, font_size=style.BODY)
        eq = VGroup(tex(r"\hat{y} = \sigma(z^{(2)}) = \sigma(", font_size=style.BODY), z2,
                    tex(") =", font_size=style.BODY), self.yhat_value)
        eq.arrange(RIGHT, buff=0.12).move_to(EQ_Y * UP + 0.6 * UP)
        self.yhat_eq = eq
        side = _on_dark(tex(r"\hat{y} =", font_size=style.LABEL))
        out = VGroup(side, number(f.y_hat[0], style.YHAT_COLOR)).arrange(RIGHT, buff=0.12)
        out.next_to(self.diagram.output_node, RIGHT, buff=0.15)
        self.out_yhat = out
        # ŷ on a 0-to-1 line with its middle marked: which side of one half it falls on.
        self.bar = NumberLine(x_range=[0, 1, 0.5], length=3.0, color=style.MUTED, include_numbers=True,
                              font_size=style.SMALL, decimal_number_config={"num_decimal_places": 1})
        self.bar.move_to([4.6, EQ_Y + 0.55, 0])
        self.bar_dot = Dot(self.bar.n2p(f.y_hat[0]), radius=0.09, color=style.YHAT_COLOR)
        bar_name = tex(r"\hat{y}", font_size=style.LABEL).next_to(self.bar_dot, UP, buff=0.12)
        self.bar_marks = VGroup(self.bar_dot, bar_name)
        self.bar_marks.move_to(self.bar.n2p(0.5), coor_mask=[1, 0, 0])
        target = self.bar.n2p(f.y_hat[0])[0]
        beat(self, during(ReplacementTransform(self.layer2_eq, VGroup(*eq[:3])), 0, 0.3), during(FadeIn(out[0]), 0.2, 0.3),
             count_to(out[1], 0.2), count_to(self.yhat_value, 0.2),
             during(FadeIn(self.bar), 0, 0.15),
             # the squash: ŷ slides from the middle (a score of 0) to its value, then is pointed at
             # (one dot on the line: a second, travelling one read as a stray mark)
             during(self.bar_marks.animate.set_x(target), 0.2, 0.55),
             # (the ring is placed where the dot will be: PointAt's outline is drawn round it now)
             during(PointAt(Dot(self.bar.n2p(f.y_hat[0]), radius=0.09), shape=Circle, buff=0.08), 0.6, 1.0),
             subcaption="The sigmoid squashes that score into a prediction ŷ between zero and one.")

    def score(self):
        ex, f = self.n.ex, self.n.fwd
        y = number(ex.y, style.class_color(ex.y), places=0, font_size=style.BODY)
        yhat = number(f.y_hat[0], style.YHAT_COLOR, font_size=style.BODY)
        self.loss_value = number(f.loss[0], style.LOSS_COLOR, font_size=style.BODY)
        eq = VGroup(tex(r"\mathcal{L} = (y - \hat{y})^2 = (", font_size=style.BODY), y,
                    tex("-", font_size=style.BODY), yhat, tex(r")^2 =", font_size=style.BODY),
                    self.loss_value)
        eq.arrange(RIGHT, buff=0.12).next_to(self.yhat_eq, DOWN, buff=0.45)
        target = Dot(self.bar.n2p(ex.y), radius=0.09, color=style.class_color(ex.y))
        target_name = tex("y", font_size=style.LABEL).next_to(target, UP, buff=0.12)
        gap = Line(self.bar.n2p(f.y_hat[0]), self.bar.n2p(ex.y), color=style.LOSS_COLOR, stroke_width=6)
        beat(self, during(FadeIn(VGroup(*eq[:5])), 0, 0.2), during(FadeIn(VGroup(target, target_name)), 0, 0.2),
             during(Create(gap), 0.1, 0.3), count_to(self.loss_value, 0.2),
             during(travel([gap, gap.copy().reverse_points()], color=style.LOSS_COLOR, radius=0.12,
                           lag_ratio=1.0), 0.35, 1.0),
             subcaption=self._loss_caption(), hold=0.8)

    # -- words -------------------------------------------------------------------------
    def _inactive_caption(self, off):
        if len(off) == 0:
            return "Here every hidden unit is active, so nothing is clipped."
        units = " and ".join(str(k + 1) for k in off)
        noun = "unit" if len(off) == 1 else "units"
        return f"Hidden {noun} {units} fell below zero for this point: switched off, passing on nothing."

    def _loss_caption(self):
        ex, f = self.n.ex, self.n.fwd
        return loss_words(ex.y, float(f.y_hat[0]))




def chance(p):
    """A probability in words, rounded but never read as certain: 0.9997 -> 'over a 99% chance'."""
    if p > 0.99:
        return "over a 99% chance"
    if p < 0.01:
        return "under a 1% chance"
    return f"a {100 * p:.0f}% chance"


def loss_words(y, y_hat):
    """What the point's prediction means, read as the chance of its own class (SigmoidOutput's
    reading of ŷ), and on which side of one half it falls."""
    own = y_hat if y == 1 else 1 - y_hat
    side = "the right side" if own > 0.5 else "the wrong side"
    gives = "ŷ gives blue" if y == 1 else "1 − ŷ gives orange"
    return (f"The label is {y}, {style.CLASS_NAMES[y]}, and {gives} {chance(own)}: {side} of one half. "
            "The loss is the squared gap, (y − ŷ)².")

