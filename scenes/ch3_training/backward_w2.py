"""Backpropagation into the last layer: the three chain-rule factors of ∂L/∂W⁽²⁾, each with the
example point's real value (toynet_core.post_chain), multiplied into the 1×4 gradient. A small
diagram beside the equations shows where each link sits in the network (the picture of the
scene before, GradientFlow); numbers are coloured by their sign."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    BackgroundRectangle,
    Indicate,
    Line,
    Scene,
    Transform,
    TransformFromCopy,
    VGroup,
)

from scenes import style
from scenes.ch3_training._numbers_common import (box, count_to, example_numbers, largest_entry, settle, sign_color,
                                                 sign_key, signed, sweep, travel)
from scenes.ch3_training._run_common import NUMBER_SCALE
from scenes.widgets.chain import ChainFormula
from scenes.widgets.diagram import NetworkDiagram
from scenes.widgets.highlight import PointAt
from scenes.widgets.matrices import number, row
from scenes.widgets.text import note, tex, title
from scenes.pacing import beat, during

FS = style.BODY
LINES_X = -1.75  # left margin of the factor lines, right of the diagram
NODE_FS = NUMBER_SCALE * style.LABEL  # a number on the diagram, at a node
GRAD_BUFF = 1.4  # column spacing of the gradient row, so a word fits above each entry


class BackpropW2(Scene):
    def construct(self):
        self.n = example_numbers()
        self.state_chain()
        self.loss_slope()
        self.sigmoid_slope()
        self.weight_slope()
        self.multiply()
        self.largest_push()
        self.small_pushes()
        self.bias_entry()

    # -- beats ---------------------------------------------------------------------------
    def state_chain(self):
        ex = self.n.ex
        self.heading = title("Backward: the last layer")
        self.chain = ChainFormula(r"\frac{\partial\mathcal{L}}{\partial W^{(2)}}", [
            ("loss", r"\frac{\partial\mathcal{L}}{\partial\hat{y}}"),
            ("sigmoid", r"\frac{\partial\hat{y}}{\partial z^{(2)}}"),
            ("hidden", r"\frac{\partial z^{(2)}}{\partial W^{(2)}}"),
        ], font_size=FS).next_to(self.heading, DOWN, buff=0.3).shift(0.9 * RIGHT)
        self.diagram = NetworkDiagram(ex.W1, ex.W2, width=4.1, height=4.0).move_to([-4.4, 0.55, 0])
        self.diagram.w1_edges.set_stroke(opacity=0.25)
        # The sign code is for slopes (the hidden values keep their own colour): a column at the
        # right, clear of the diagram's corner.
        self.key = VGroup(note("slopes:", style.SMALL), *sign_key()).arrange(DOWN, aligned_edge=LEFT, buff=0.1)
        self.key.to_edge(RIGHT, buff=0.4).align_to([0, 2.0, 0], UP)
        self.focus = self.chain.mark("loss", "sigmoid", "hidden")
        beat(self, during(FadeIn(self.heading), 0, 0.1), FadeIn(self.chain), FadeIn(self.diagram), FadeIn(self.focus),
             subcaption="Now the same flow as equations. For the last weights the chain rule "
                        "has three links, from the loss back to the weights.")

    def loss_slope(self):
        ex, f, c = self.n.ex, self.n.fwd, self.n.chain
        self.f1 = signed(number(c.dL_dyhat[0, 0], font_size=FS))
        line = VGroup(
            tex(r"\frac{\partial\mathcal{L}}{\partial\hat{y}} = 2(\hat{y} - y) = 2\,(", font_size=FS),
            number(f.y_hat[0], style.YHAT_COLOR, font_size=FS), tex("-", font_size=FS),
            number(ex.y, style.class_color(ex.y), places=0, font_size=FS), tex(") =", font_size=FS),
            self.f1,
        ).arrange(RIGHT, buff=0.12)
        self.line1 = line
        self.place_lines()
        # The link first appears where it lives, at the output, then is written out.
        out = self.diagram.output_node
        self.at_out1 = signed(number(c.dL_dyhat[0, 0], font_size=NODE_FS)).next_to(out, UP, buff=0.15)
        beat(self, during(Transform(self.focus, self.chain.mark("loss")), 0, 0.2), during(FadeIn(self.key), 0, 0.2),
             during(Indicate(out, color=style.LOSS_COLOR), 0, 0.3), count_to(self.at_out1, 0.05),
             during(FadeIn(line[:5]), 0.35, 0.55),
             during(TransformFromCopy(self.at_out1, self.f1), 0.45, 0.85),
             during(travel([Line(self.at_out1.get_center(), self.f1.get_center())], color=style.GRAD_COLOR),
                    0.45, 0.85),
             subcaption=self._loss_words(),
             spoken=self._loss_words().replace("twice the difference ŷ − y", "twice the difference, y hat minus y"))

    def sigmoid_slope(self):
        c = self.n.chain
        self.f2 = signed(number(c.dyhat_dz2[0, 0], font_size=FS))
        line = VGroup(
            tex(r"\frac{\partial\hat{y}}{\partial z^{(2)}} = \sigma'(z^{(2)}) = "
                r"\frac{e^{-z^{(2)}}}{(1 + e^{-z^{(2)}})^2} = \hat{y}(1 - \hat{y}) =",
                font_size=FS), self.f2,
        ).arrange(RIGHT, buff=0.12)
        self.line2 = line
        self.place_lines()
        out = self.diagram.output_node
        self.at_out2 = signed(number(c.dyhat_dz2[0, 0], font_size=NODE_FS)).next_to(out, DOWN, buff=0.15)
        beat(self, during(Transform(self.focus, self.chain.mark("sigmoid")), 0, 0.2),
             during(Indicate(out, color=style.GRAD_COLOR), 0, 0.3), count_to(self.at_out2, 0.05),
             during(FadeIn(line[0], lag_ratio=0.3), 0.3, 0.8),
             during(TransformFromCopy(self.at_out2, self.f2), 0.6, 0.95),
             subcaption="The sigmoid's slope, as we worked out earlier, is σ(1 − σ): here ŷ times "
                        "(1 − ŷ).",
             spoken="The sigmoid's slope, as we worked out earlier, is sigma times, in brackets, one "
                    "minus sigma: here y hat times, in brackets, one minus y hat.")

    def weight_slope(self):
        c = self.n.chain
        self.f3 = row(c.dz2_dW2, color=style.X_COLOR)
        line = VGroup(tex(r"\frac{\partial z^{(2)}}{\partial W^{(2)}} = x^{(2)T} =", font_size=FS),
                      self.f3).arrange(RIGHT, buff=0.2)
        self.line3 = line
        self.place_lines()
        # The hidden values sit on the hidden nodes, and each rides its edge to its weight.
        nodes = self.diagram.hidden_nodes
        self.at_hidden = VGroup(*[number(v, style.X_COLOR, font_size=NODE_FS).next_to(nodes[k], LEFT, buff=0.08)
                                  for k, v in enumerate(c.dz2_dW2[0])])
        backings = VGroup(*[BackgroundRectangle(v, fill_opacity=1.0, buff=0.04) for v in self.at_hidden])
        self.add(backings)  # the background's colour: the faint first-layer edges pass under the numbers
        beat(self, during(Transform(self.focus, self.chain.mark("hidden")), 0, 0.2),
             *[count_to(v, 0.05 + 0.06 * k) for k, v in enumerate(self.at_hidden)],
             during(travel(self.diagram.w2_edges, color=style.X_COLOR, lag_ratio=0.4), 0.1, 0.75),
             during(FadeIn(line[0]), 0.4, 0.6),
             during(TransformFromCopy(self.at_hidden, self.f3.get_entries()), 0.55, 0.9),
             during(FadeIn(self.f3.get_brackets()), 0.55, 0.7),
             subcaption="The score is a weighted sum, so its slope along each weight is the "
                        "hidden value that weight multiplies.")

    def multiply(self):
        c = self.n.chain
        delta = c.dL_dyhat[0, 0] * c.dyhat_dz2[0, 0]
        f1, f2 = self.f1.copy(), self.f2.copy()
        x2 = row(c.dz2_dW2, color=style.X_COLOR, h_buff=0.9)
        self.grad = signed(row(c.dL_dW2, h_buff=GRAD_BUFF))
        product = VGroup(tex(r"\frac{\partial\mathcal{L}}{\partial W^{(2)}} =", font_size=FS), f1,
                         tex(r"\cdot", font_size=FS), f2, tex(r"\cdot", font_size=FS),
                         x2, tex("=", font_size=FS), self.grad).arrange(RIGHT, buff=0.15)
        product.move_to(2.3 * DOWN)
        self.product = product
        self.delta = delta
        scan = box(f1)
        beat(self, during(FadeIn(product[0]), 0, 0.2), during(FadeIn(product[2]), 0, 0.2),
             during(FadeIn(product[4]), 0, 0.2), during(FadeIn(product[6]), 0, 0.2),
             during(TransformFromCopy(self.f1, f1), 0, 0.35), during(TransformFromCopy(self.f2, f2), 0.1, 0.45),
             during(TransformFromCopy(self.f3, x2), 0.2, 0.55), during(FadeOut(self.focus), 0, 0.2),
             during(FadeIn(scan), 0.5, 0.55), during(sweep(scan, [f2, x2]), 0.55, 1.0),
             subcaption="Multiply the three links: two numbers times a row of four.")
        # Entry by entry: the box walks along the hidden row as each slope is computed, and each
        # slope runs back along its edge.
        cells = list(x2.get_entries())
        n = len(cells)
        beat(self, during(sweep(scan, cells), 0, 0.33), during(FadeOut(scan), 0.4, 0.5),
             during(FadeIn(self.grad.get_brackets()), 0, 0.1),
             *[count_to(e, 0.02 + 0.31 * k / n, 0.02 + 0.31 * (k + 1) / n)
               for k, e in enumerate(self.grad.get_entries())],
             during(travel(self.diagram.w2_edges, lag_ratio=1.0, backward=True), 0, 0.35),
             # then each slope runs back along its edge once more, all together
             during(travel(self.diagram.w2_edges, backward=True), 0.45, 0.95),
             subcaption="The result is one slope per weight of the last layer.")
        settle(self, self.grad)  # the matrix as a whole, now that its parts have arrived

    def largest_push(self):
        c = self.n.chain
        k = largest_entry(c.dL_dW2)
        entry = self.grad.get_entries()[k]
        self.largest = k
        mark = box(entry, buff=0.06)
        tag = note("largest", style.SMALL, style.FOREGROUND).next_to(entry, UP, buff=0.3)
        value = c.dL_dW2[0, k]
        edge = self.diagram.w2_edges[k]
        who = (f"unit {k + 1}'s weight, the largest hidden value" if k < 3
               else "the bias weight: every hidden value is below its constant 1")
        ring = box(self.diagram.hidden_nodes[k], buff=0.06)
        self.marks = VGroup(mark, tag, ring)
        beat(self, during(FadeIn(self.marks), 0, 0.3), during(edge.animate.set_stroke(color=style.EMPHASIS, opacity=1), 0, 0.3),
             during(travel([edge] * 3, color=sign_color(value), radius=0.13, lag_ratio=1.0, backward=True), 0, 1.0),
             subcaption=f"The slope largest in size, {value:.2f}, falls on {who}.")

    def small_pushes(self):
        c = self.n.chain
        x2 = c.dz2_dW2[0]
        entries = self.grad.get_entries()
        marks, words = VGroup(), []
        off = np.flatnonzero(x2[:3] == 0)
        for k in off:
            marks.add(box(entries[k], color=style.MUTED, buff=0.06),
                      note("off", style.SMALL, style.MUTED).next_to(entries[k], UP, buff=0.3))
        if len(off):
            words.append("a switched-off unit passes zero, so its weight gets no push")
        tiny = [k for k in np.flatnonzero((x2[:3] != 0) & (np.abs(c.dL_dW2[0, :3]) < 0.005))
                if k != self.largest]
        for k in tiny:
            marks.add(box(entries[k], color=style.MUTED, buff=0.06),
                      note("tiny", style.SMALL).next_to(entries[k], UP, buff=0.3))
        if len(tiny):
            words.append("a unit only just on gets a tiny one")
        if not words:
            words.append("every unit is on here, so every weight gets a push")
        self.marks.add(marks)
        dim = [self.diagram.hidden_nodes[k].animate.set_opacity(0.35) for k in off]
        dim += [self.diagram.w2_edges[k].animate.set_stroke(opacity=0.15) for k in off]
        # A dot tries each of these edges: it fades into nothing on a dead one, barely moves the other.
        edges = [self.diagram.w2_edges[k] for k in list(off) + tiny]
        beat(self, during(FadeIn(marks), 0, 0.3), *[during(d, 0, 0.3) for d in dim],
             during(travel(edges * 2, color=style.MUTED, lag_ratio=1.0, backward=True), 0, 1.0),
             *[Indicate(self.diagram.w2_edges[k], scale_factor=1.0) for k in tiny],
             subcaption="; ".join(words).capitalize() + ".")

    def bias_entry(self):
        entries = self.grad.get_entries()
        bias = entries[-1]  # W2's last weight meets x2's constant 1
        marks = VGroup(box(bias, color=style.MUTED, buff=0.06), note("bias", style.SMALL).next_to(bias, UP, buff=0.3))
        bias_edge = self.diagram.w2_edges[3]
        beat(self, during(FadeIn(marks), 0, 0.3),
             during(PointAt(self.diagram.hidden_nodes[3], color=style.EMPHASIS), 0, 0.6),
             during(travel([bias_edge] * 2, lag_ratio=1.0, backward=True), 0, 1.0),
             subcaption="The bias weight meets the constant 1, so its slope is the first two "
                        "links alone.",
             spoken="The bias weight meets the constant one, so its slope is the first two links alone.",
             hold=0.8)

    # -- helpers -----------------------------------------------------------------------
    def place_lines(self):
        """Each factor gets a fixed row, left-aligned on a common margin, so nothing shifts."""
        rows_y = (1.15, 0.05, -1.0)
        for y, name in zip(rows_y, ("line1", "line2", "line3")):
            line = getattr(self, name, None)
            if line is not None:
                line.move_to([0, y, 0]).align_to([LINES_X, 0, 0], LEFT)

    def _loss_words(self):
        ex, f = self.n.ex, self.n.fwd
        direction = "above" if f.y_hat[0] > ex.y else "below"
        sign = "positive" if f.y_hat[0] > ex.y else "negative"
        return (f"The loss's slope in ŷ is twice the difference ŷ − y: {sign} here, since the "
                f"prediction sits {direction} the label.")
