"""Gradients flowing back along the diagram for Chapter 3's example point: copies of the edges,
styled by the real gradient, run from the output back to the inputs, with the numbers shown.
Every value comes from toynet_core.post_chain (the post's chain of Jacobians)."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Create,
    FadeIn,
    LaggedStart,
    MathTex,
    Scene,
    SurroundingRectangle,
    VGroup,
)

from scenes import style
from scenes.ch3_training._example import example
from scenes.ch3_training._run_common import NUMBER_SCALE, note, number, title
from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.widgets.diagram import NetworkDiagram
from scenes.widgets.matrices import dec_matrix
from toynet_core import forward, post_chain

# |∂L/∂w| at which a gradient edge is full colour and width (fixed, clamped): one sample's
# gradients in this net are mostly below it, so widths still tell edges apart.
GRAD_SCALE = 0.25
PLACES = 3


def node_gradients(chain):
    """(∂L/∂z2, ∂L/∂z1 (3,)) from the post's factors: z1's constant entry carries none."""
    dz2 = (chain.dL_dyhat @ chain.dyhat_dz2)[0, 0]
    dz1 = (chain.dL_dyhat @ chain.dyhat_dz2 @ chain.dz2_dx2 @ chain.dx2_dz1 @ chain.dz1_dq)[0]
    return float(dz2), dz1


def flow_copy(edge, value):
    """A copy of `edge` pointing backwards (drawn from its output end), styled by `value`."""
    flow = edge.copy()
    flow.reverse_points()
    flow.set_stroke(color=style.signed_color(value, GRAD_SCALE),
                    width=style.signed_width(value, GRAD_SCALE), opacity=1)
    flow.gradient = float(value)
    return flow


def grad_matrix(values):
    return dec_matrix(values, places=PLACES, font_size=NUMBER_SCALE * style.SMALL,
                      color=style.GRAD_COLOR, h_buff=1.25, v_buff=0.55)


def tagged(tex, value, places=PLACES, color=style.FOREGROUND, font_size=style.LABEL):
    """MathTex "tex =" followed by a DecimalNumber; `.value` is the number."""
    lhs = MathTex(tex + "=", font_size=NUMBER_SCALE * font_size, color=color)
    num = number(value, places, NUMBER_SCALE * font_size, color)
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
        self.show_setup()
        self.show_output_gradient()
        self.flow_into_w2()
        self.show_unit_gradients()
        self.flow_into_w1()
        self.point_out_zero_rows()

    def show_setup(self):
        ex, f = self.ex, self.fwd
        self.heading = title("Gradients flowing back").to_edge(LEFT, buff=style.EDGE_BUFF)
        self.diagram = NetworkDiagram(ex.W1, ex.W2, width=5.6, height=5.7)
        self.diagram.move_to([-3.8, -0.55, 0])
        where = note(f"sample {ex.i}, after {ex.step} steps", font_size=style.SMALL)
        self.inputs = VGroup(tagged("x_1", ex.x[0], 2, style.X_COLOR),
                             tagged("x_2", ex.x[1], 2, style.X_COLOR),
                             tagged("y", ex.y, 0, style.class_color(ex.y))).arrange(RIGHT, buff=0.4)
        self.outputs = VGroup(tagged(r"\hat{y}", f.y_hat[0], PLACES, style.YHAT_COLOR),
                              tagged(r"\mathcal{L}", f.loss[0], PLACES, style.LOSS_COLOR))
        self.outputs.arrange(RIGHT, buff=0.5)
        self.info = VGroup(where, self.inputs, self.outputs).arrange(DOWN, buff=0.2,
                                                                     aligned_edge=LEFT)
        self.info.move_to([0.8, 2.3, 0], aligned_edge=LEFT)
        beat(self, FadeIn(self.heading), FadeIn(self.diagram), FadeIn(self.info),
                  subcaption="One data point, the network's weights at that moment, and how "
                             "wrong its prediction is.")

    def show_output_gradient(self):
        self.out_label = tagged(r"\frac{\partial \mathcal{L}}{\partial z_2}", self.dz2,
                                color=style.GRAD_COLOR, font_size=style.SMALL)
        self.out_label.next_to(self.diagram.output_node, UP, buff=0.25)
        self.out_label.add_background_rectangle(color=style.BACKGROUND, opacity=0.85)
        # Weights fade back so the gradient copies drawn over them stand out.
        beat(self, FadeIn(self.out_label), self.diagram.edges.animate.set_stroke(opacity=0.25),
                  subcaption="The backward pass starts at the output: how fast the loss changes "
                             "as z two changes.")

    def flow_into_w2(self):
        g = self.chain.dL_dW2[0]
        self.w2_flow = VGroup(*[flow_copy(e, v) for e, v in zip(self.diagram.w2_edges, g)])
        self.w2_mat = grad_matrix(self.chain.dL_dW2)
        label = MathTex(r"\frac{\partial \mathcal{L}}{\partial W^{(2)}} =",
                        font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
        self.w2_row = VGroup(label, self.w2_mat).arrange(DOWN, buff=0.12, aligned_edge=LEFT)
        self.w2_row.next_to(self.info, DOWN, buff=0.3).align_to(self.info, LEFT)
        self.bring_to_front(self.out_label)
        beat(self, LaggedStart(*[Create(f) for f in self.w2_flow], lag_ratio=0.15),
                  FadeIn(self.w2_row), run_time=2,
                  subcaption="Each second-layer weight gets that signal times what flowed "
                             "through its edge: colour is the sign, thickness the size.")

    def show_unit_gradients(self):
        self.unit_labels = VGroup()
        for j in range(3):
            active = self.chain.dx2_dz1[j, j] > 0
            num = number(self.dz1[j], PLACES, NUMBER_SCALE * style.SMALL,
                         style.GRAD_COLOR if active else style.MUTED)
            num.next_to(self.diagram.hidden_nodes[j], UR, buff=0.02).shift(0.1 * LEFT)
            num.add_background_rectangle(color=style.BACKGROUND, opacity=0.85)
            self.unit_labels.add(num)
        self.units_note = MathTex(r"\text{at each unit: } \frac{\partial \mathcal{L}}{\partial z_1}",
                                  font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
        self.units_note.to_edge(DOWN, buff=0.4).align_to(self.w2_row, LEFT)
        off = [j + 1 for j in range(3) if self.chain.dx2_dz1[j, j] == 0]
        where = (f"Unit {off[0]} is switched off for this point" if len(off) == 1 else
                 f"Units {', '.join(map(str, off))} are switched off for this point"
                 if off else "Every unit is on for this point")
        beat(self, FadeIn(self.unit_labels), FadeIn(self.units_note),
                  subcaption="Going back through the second layer and the ReLUs gives each "
                             f"unit its share. {where}, and a switched-off unit passes back "
                             "exactly zero.")

    def flow_into_w1(self):
        g = self.chain.dL_dW1
        self.w1_flow = VGroup(*[flow_copy(self.diagram.w1_edges[i][j], g[i, j])
                                for i in range(3) for j in range(3)])
        self.w1_mat = grad_matrix(g)
        label = MathTex(r"\frac{\partial \mathcal{L}}{\partial W^{(1)}} =",
                        font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
        self.w1_block = VGroup(label, self.w1_mat).arrange(RIGHT, buff=0.15)
        self.w1_block.next_to(self.w2_row, DOWN, buff=0.3).align_to(self.w2_row, LEFT)
        beat(self, LaggedStart(*[Create(f) for f in self.w1_flow], lag_ratio=0.08),
                  FadeIn(self.w1_block), run_time=2.5,
                  subcaption="One layer further back, each first-layer weight gets its unit's "
                             "share times the input on its edge.")
        self.bring_to_front(self.unit_labels, self.out_label)

    def point_out_zero_rows(self):
        rows = self.w1_mat.get_rows()
        zero = [i for i in range(3) if np.all(self.chain.dL_dW1[i] == 0)]
        if not zero:
            self.wait(1.5)
            return
        self.boxes = VGroup(*[SurroundingRectangle(rows[i], color=style.MUTED, buff=0.08)
                              for i in zero])
        beat(self, Create(self.boxes),
                  subcaption="So the whole row of a switched-off unit is zero: this point "
                             "does not move that unit's weights at all.")
