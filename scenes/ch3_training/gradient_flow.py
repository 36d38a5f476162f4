"""The backward pass as a picture, before its equations: for Chapter 3's example point, the
loss's slope starts at the output and runs back along the diagram, edge by edge. Copies of the
edges, coloured by the sign of their weight's gradient and as wide as its size, run from the
output back to the inputs, with the numbers beside them.

The two scenes after this one (BackpropW2, BackpropW1) write the same flow as the chain rule.
Every value comes from toynet_core.post_chain (the chain of Jacobians).
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Create,
    FadeIn,
    Indicate,
    LaggedStart,
    MathTex,
    Scene,
    SurroundingRectangle,
    VGroup,
)

from scenes import style
from scenes.ch3_training._example import example
from scenes.ch3_training._numbers_common import largest_entry, sign_color, signed
from scenes.ch3_training._run_common import NUMBER_SCALE, note, title
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.widgets.diagram import NetworkDiagram, sign_legend
from scenes.widgets.matrices import number, value_matrix
from toynet_core import forward, post_chain

MIN_WIDTH, MAX_WIDTH = 1.0, 9.0  # stroke widths of a zero and of the largest gradient


def node_gradients(chain):
    """(∂L/∂z2, ∂L/∂z1 (3,)) from the chain's factors: z1's constant entry carries none."""
    dz2 = (chain.dL_dyhat @ chain.dyhat_dz2)[0, 0]
    dz1 = (chain.dL_dyhat @ chain.dyhat_dz2 @ chain.dz2_dx2 @ chain.dx2_dz1 @ chain.dz1_dq)[0]
    return float(dz2), dz1


def gradient_scale(chain):
    """The largest |∂L/∂w| of the example: it gets the widest edge, and every other edge a
    width in proportion (linear, never clamped), so that sizes compare by eye."""
    return float(max(np.abs(chain.dL_dW1).max(), np.abs(chain.dL_dW2).max()))


def flow_width(value, scale):
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(float(value)) / scale


def flow_copy(edge, value, scale):
    """A copy of `edge` pointing backwards (drawn from its output end), styled by `value`."""
    flow = edge.copy()
    flow.reverse_points()
    flow.set_stroke(color=sign_color(value), width=flow_width(value, scale), opacity=1)
    flow.gradient = float(value)
    return flow


def grad_matrix(values):
    return signed(value_matrix(values, font_size=style.LABEL, h_buff=1.15, v_buff=0.42))


def tagged(tex, value, color=style.FOREGROUND, font_size=style.LABEL, places=None):
    """MathTex "tex =" followed by a DecimalNumber; `.value` is the number."""
    lhs = MathTex(tex + "=", font_size=NUMBER_SCALE * font_size, color=color)
    num = number(value, color, places=places, font_size=NUMBER_SCALE * font_size)
    group = VGroup(lhs, num).arrange(RIGHT, buff=0.12)
    group.value = num
    return group


class GradientFlow(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.ex = example(self.run)
        self.chain = post_chain(self.ex.W1, self.ex.W2, self.ex.x, self.ex.y)
        self.fwd = forward(self.ex.W1, self.ex.W2, self.ex.x[None], [self.ex.y])
        self.dz2, self.dz1 = node_gradients(self.chain)
        self.scale = gradient_scale(self.chain)
        self.off = [j for j in range(3) if self.chain.dx2_dz1[j, j] == 0]
        self.show_setup()
        self.show_output_gradient()
        self.flow_into_w2()
        self.show_unit_gradients()
        self.show_switched_off()
        self.flow_into_w1()
        self.point_out_zero_rows()

    def show_setup(self):
        ex, f = self.ex, self.fwd
        self.heading = title("Gradients flowing back")
        self.diagram = NetworkDiagram(ex.W1, ex.W2, width=5.0, height=4.6)
        self.diagram.move_to([-3.2, -0.3, 0])
        where = note(f"sample {ex.i}, after {ex.step} steps", font_size=style.SMALL)
        self.inputs = VGroup(tagged("x_1", ex.x[0], style.X_COLOR),
                             tagged("x_2", ex.x[1], style.X_COLOR),
                             tagged("y", ex.y, style.class_color(ex.y), places=0)).arrange(RIGHT, buff=0.4)
        self.outputs = VGroup(tagged(r"\hat{y}", f.y_hat[0], style.YHAT_COLOR),
                              tagged(r"\mathcal{L}", f.loss[0], style.LOSS_COLOR))
        self.outputs.arrange(RIGHT, buff=0.5)
        self.info = VGroup(where, self.inputs, self.outputs).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        self.info.move_to([0.9, 2.3, 0], aligned_edge=LEFT)
        self.lay_out_panel()
        beat(self, FadeIn(self.heading), FadeIn(self.diagram), FadeIn(self.info),
             subcaption="The forward pass gave this point's loss. Now each weight asks: if I "
                        "moved a little, how fast would the loss change?")

    def show_output_gradient(self):
        self.out_label = tagged(r"\frac{\partial \mathcal{L}}{\partial z^{(2)}}", self.dz2,
                                color=style.GRAD_COLOR, font_size=style.SMALL)
        self.out_label.value.set_color(sign_color(self.dz2))
        # Above the output node and right of the edges that arrive from the upper left.
        self.out_label.next_to(self.diagram.output_node, UP, buff=0.15).shift(0.45 * RIGHT)
        self.out_label.add_background_rectangle(color=style.BACKGROUND, opacity=0.85)
        # Weights fade back so the gradient copies drawn over them stand out.
        beat(self, FadeIn(self.out_label), self.diagram.edges.animate.set_stroke(opacity=0.2),
             Indicate(self.diagram.output_node, color=style.GRAD_COLOR),
             subcaption="The answer flows backwards. It starts at the output: how fast the loss "
                        "changes as the score z two changes.")

    def flow_into_w2(self):
        g = self.chain.dL_dW2[0]
        self.w2_flow = VGroup(*[flow_copy(e, v, self.scale) for e, v in zip(self.diagram.w2_edges, g)])
        # The hidden values x(2) each last-layer weight multiplies, beside their nodes.
        self.x2_labels = VGroup()
        for j in range(3):
            num = number(self.fwd.x2[0, j], style.X_COLOR, font_size=NUMBER_SCALE * style.SMALL)
            num.next_to(self.diagram.hidden_nodes[j], DOWN, buff=0.02).shift(0.45 * RIGHT)
            num.add_background_rectangle(color=style.BACKGROUND, opacity=0.9)
            self.x2_labels.add(num)
        self.bring_to_front(self.out_label)
        beat(self, during(FadeIn(self.x2_labels), 0, 0.3),
             during(LaggedStart(*[Create(f) for f in self.w2_flow], lag_ratio=0.15), 0.2, 1.0),
             during(FadeIn(self.w2_row), 0.3, 0.7), during(FadeIn(self.key), 0.2, 0.5),
             subcaption="Each last-layer weight gets that signal times the hidden value on its "
                        "edge: colour is the sign, width the size.")

    def show_unit_gradients(self):
        self.unit_labels = VGroup()
        for j in range(3):
            num = number(self.dz1[j], sign_color(self.dz1[j]), font_size=NUMBER_SCALE * style.SMALL)
            num.next_to(self.diagram.hidden_nodes[j], UR, buff=0.02).shift(0.1 * LEFT)
            num.add_background_rectangle(color=style.BACKGROUND, opacity=0.9)
            self.unit_labels.add(num)
        on = [j for j in range(3) if j not in self.off]  # a switched-off unit's zero comes next beat
        beat(self, LaggedStart(*[FadeIn(self.unit_labels[j], shift=0.15 * LEFT) for j in on], lag_ratio=0.3),
             FadeIn(self.units_note),
             subcaption="Passing back through a weight and a ReLU gives each hidden unit its "
                        "share of the signal.")

    def show_switched_off(self):
        if self.off:
            names = " and ".join(str(j + 1) for j in self.off)
            words = (f"Unit {names} is switched off for this point, so it passes back exactly zero."
                     if len(self.off) == 1 else
                     f"Units {names} are switched off for this point, so they pass back exactly zero.")
            rings = VGroup(*[SurroundingRectangle(VGroup(self.diagram.hidden_nodes[j], self.unit_labels[j]),
                                                  color=style.EMPHASIS, buff=0.06) for j in self.off])
            self.off_rings = rings
            beat(self, *[FadeIn(self.unit_labels[j]) for j in self.off], Create(rings),
                 *[self.diagram.hidden_nodes[j].animate.set_opacity(0.35) for j in self.off],
                 subcaption=words)
        else:
            self.off_rings = VGroup()
            beat(self, Indicate(self.unit_labels, color=style.GRAD_COLOR),
                 subcaption="Every unit is switched on for this point, so each passes some signal back.")

    def flow_into_w1(self):
        g = self.chain.dL_dW1
        self.w1_flow = VGroup(*[flow_copy(self.diagram.w1_edges[i][j], g[i, j], self.scale)
                                for i in range(3) for j in range(3)])
        beat(self, LaggedStart(*[Create(f) for f in self.w1_flow], lag_ratio=0.08),
             FadeIn(self.w1_block),
             subcaption="One layer further back, each first-layer weight gets its unit's share "
                        "times the input on its edge.")
        self.bring_to_front(self.unit_labels, self.out_label)

    def lay_out_panel(self):
        """The right-hand column, built at once so nothing shifts as it fills: the point, the
        last layer's gradient, the note on units, the first layer's gradient, the key."""
        self.w2_mat = grad_matrix(self.chain.dL_dW2)
        label = MathTex(r"\frac{\partial \mathcal{L}}{\partial W^{(2)}} =",
                        font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
        self.w2_row = VGroup(label, self.w2_mat).arrange(RIGHT, buff=0.15)
        self.units_note = MathTex(r"\text{at each unit: } \frac{\partial \mathcal{L}}{\partial z^{(1)}_j}",
                                  font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
        self.w1_mat = grad_matrix(self.chain.dL_dW1)
        label = MathTex(r"\frac{\partial \mathcal{L}}{\partial W^{(1)}} =",
                        font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
        self.w1_block = VGroup(label, self.w1_mat).arrange(RIGHT, buff=0.15)
        key = sign_legend("gradient > 0", "gradient < 0", None)
        width_key = note(f"grey: zero; width: size (widest {self.scale:.2f})", font_size=style.SMALL)
        self.key = VGroup(key, width_key).arrange(DOWN, aligned_edge=LEFT, buff=0.1)
        panel = VGroup(self.w2_row, self.units_note, self.w1_block, self.key)
        panel.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        panel.next_to(self.info, DOWN, buff=0.2).align_to(self.info, LEFT)

    def point_out_zero_rows(self):
        rows = self.w1_mat.get_rows()
        zero = [i for i in range(3) if np.all(self.chain.dL_dW1[i] == 0)]
        if not zero:
            k = largest_entry(self.chain.dL_dW1)
            self.boxes = VGroup()
            beat(self, Indicate(self.w1_mat.get_entries()[k]),
                 subcaption="Every unit is on here, so every first-layer weight gets a push.")
            return
        self.boxes = VGroup(*[SurroundingRectangle(rows[i], color=style.EMPHASIS, buff=0.08)
                              for i in zero])
        which = " and ".join(str(i + 1) for i in zero)
        noun = f"row {which} is" if len(zero) == 1 else f"rows {which} are"
        beat(self, Create(self.boxes),
             *[Indicate(self.w1_flow[3 * i + j], color=style.EMPHASIS) for i in zero for j in range(3)],
             subcaption=f"So {noun} zero: this point does not move a switched-off unit's "
                        "weights at all.", hold=0.5)
