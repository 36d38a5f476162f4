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
    Create,
    Line,
    ValueTracker,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    MathTex,
    Scene,
    SurroundingRectangle,
    VGroup,
)

from scenes import style
from scenes.ch3_training._example import example
from scenes.ch3_training._numbers_common import count_to, largest_entry, sign_color, signed, travel
from scenes.ch3_training._run_common import NUMBER_SCALE, note, title
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.widgets.diagram import NetworkDiagram, sign_legend
from scenes.widgets.matrices import number, value_matrix
from toynet_core import forward, gradients, post_chain

MIN_WIDTH, MAX_WIDTH = 1.0, 9.0  # stroke widths of a zero and of the largest gradient
NUDGE = 0.2  # how far the nudged weight moves, up and down
UNIT_FS = NUMBER_SCALE * style.SMALL  # a hidden unit's two numbers: its value above, its slope below
UNIT_BUFF = 0.05  # between a hidden unit and each of its numbers: above and below it, no edge runs
FADED_EDGE = 0.35  # stroke opacity of the grey forward edges under the backward pass


def nudged_losses(ex, k, step=NUDGE):
    """The example's loss with last-layer weight k as it is, raised by `step` and lowered by it:
    (loss, loss up, loss down), each a real forward pass."""
    out = []
    for d in (0.0, step, -step):
        W2 = np.array(ex.W2, dtype=float)
        W2[0, k] += d
        out.append(float(forward(ex.W1, W2, ex.x[None], [ex.y]).loss[0]))
    return tuple(out)


def exact_slope(ex, k):
    """∂𝓛/∂W⁽²⁾ for weight k at the example: the slope the backward pass finds."""
    return float(gradients(ex.W1, ex.W2, ex.x, ex.y)[1][0, k])


def nudge_words(ex, k, step=NUDGE):
    """The sentence for the nudge of weight k, from the real losses."""
    base, up, _ = nudged_losses(ex, k, step)
    verb = "lowers" if up < base else "raises"
    rate = (up - base) / step
    # a nudge of finite size only comes near the slope that the backward pass finds, and the
    # viewer will see that slope on this weight's edge: both are said
    slope = exact_slope(ex, k)
    return (f"Raising this weight by {step:g} {verb} the loss from {base:.2f} to {up:.2f}, "
            f"about {rate:.2f} per unit; its exact slope is {slope:.2f}.")


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


def underline(edge, trim=0.2):
    """A wide, faint white band on the edge itself, clear of the nodes at its ends: it marks
    the edge, which shows through it as its width and colour change."""
    start, end = edge.point_from_proportion(trim), edge.point_from_proportion(1 - trim)
    return Line(start, end, color=style.EMPHASIS, stroke_width=16, stroke_opacity=0.3)


def grad_matrix(values):
    return signed(value_matrix(values, font_size=style.LABEL, h_buff=1.0, v_buff=0.42))


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
        self.nudge_a_weight()
        self.measure_the_nudge()
        self.show_output_gradient()
        self.flow_into_w2()
        self.show_unit_gradients()
        self.show_switched_off()
        self.flow_into_w1()
        self.point_out_zero_rows()

    def show_setup(self):
        ex, f = self.ex, self.fwd
        self.heading = title("Gradients flowing back")
        self.diagram = NetworkDiagram(ex.W1, ex.W2, width=5.4, height=4.8)
        self.diagram.move_to([-3.15, -0.35, 0])
        # y's colour is its class (the gradients' key uses the same code for sign): said here
        where = note(f"sample {ex.i}, class {ex.y}, after {ex.step} steps", font_size=style.SMALL)
        self.inputs = VGroup(tagged("x_1", ex.x[0], style.X_COLOR),
                             tagged("x_2", ex.x[1], style.X_COLOR),
                             tagged("y", ex.y, style.class_color(ex.y), places=0)).arrange(RIGHT, buff=0.4)
        self.outputs = VGroup(tagged(r"\hat{y}", f.y_hat[0], style.YHAT_COLOR),
                              tagged(r"\mathcal{L}", f.loss[0], style.LOSS_COLOR))
        self.outputs.arrange(RIGHT, buff=0.5)
        self.info = VGroup(where, self.inputs, self.outputs).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        self.info.move_to([1.2, 2.3, 0], aligned_edge=LEFT)
        self.lay_out_panel()
        beat(self, FadeIn(self.heading), FadeIn(self.diagram), FadeIn(self.info),
             subcaption="The forward pass took this point through the net and gave its loss.")

    def nudge_a_weight(self):
        """Last-layer weight k (the largest slope there) moves up and down by NUDGE; its edge and
        the loss follow, each from a real forward pass."""
        ex = self.ex
        self.k = k = largest_entry(self.chain.dL_dW2)
        w0 = float(ex.W2[0, k])
        self.nudge = ValueTracker(0.0)
        edge = self.diagram.w2_edges[k]

        def loss_now():
            W2 = np.array(ex.W2, dtype=float)
            W2[0, k] = w0 + self.nudge.get_value()
            return float(forward(ex.W1, W2, ex.x[None], [ex.y]).loss[0])

        w_read = tagged(r"w^{(2)}_{%d}" % (k + 1), w0, style.W2_COLOR)
        l_read = tagged(r"\mathcal{L}", loss_now(), style.LOSS_COLOR)
        w_read.value.add_updater(lambda m: m.set_value(w0 + self.nudge.get_value()))
        l_read.value.add_updater(lambda m: m.set_value(loss_now()))
        edge.add_updater(lambda e: e.set_weight(w0 + self.nudge.get_value()))
        self.readout = VGroup(note("nudge one weight:", font_size=style.SMALL), w_read, l_read)
        self.readout.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.readout.next_to(self.info, DOWN, buff=0.45).align_to(self.info, LEFT)
        self.nudge_ring = underline(edge)
        self.nudge_edge, self.nudge_readers = edge, (w_read.value, l_read.value)
        wave = lambda t: np.sin(2 * np.pi * t)  # up, down, back
        beat(self, during(FadeIn(self.readout), 0, 0.15), during(Create(self.nudge_ring), 0, 0.2),
             during(self.nudge.animate(rate_func=wave).set_value(NUDGE), 0.15, 1.0),
             subcaption="Each weight asks: if I moved a little, how fast would the loss change? "
                        "Try it on one weight.")

    def measure_the_nudge(self):
        base, up, _ = nudged_losses(self.ex, self.k)
        rate = (up - base) / NUDGE
        lhs = MathTex(r"\frac{\Delta \mathcal{L}}{\Delta w} \approx", font_size=NUMBER_SCALE * style.LABEL,
                      color=style.GRAD_COLOR)
        slope = exact_slope(self.ex, self.k)
        rate_row = VGroup(lhs, number(rate, sign_color(rate), font_size=NUMBER_SCALE * style.LABEL))
        exact = MathTex(r"\text{exact: }\frac{\partial \mathcal{L}}{\partial w} =",
                        font_size=NUMBER_SCALE * style.LABEL, color=style.GRAD_COLOR)
        slope_row = VGroup(exact, number(slope, sign_color(slope), font_size=NUMBER_SCALE * style.LABEL))
        for row_ in (rate_row, slope_row):
            row_.arrange(RIGHT, buff=0.12)
        # the finite nudge's rate, and under it the slope it comes near (the words say both)
        self.rate_read = VGroup(rate_row, slope_row).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        self.rate_read.next_to(self.readout, DOWN, buff=0.25).align_to(self.readout, LEFT)
        # Up to the nudge, held while the words give the numbers, and back at the end: the next
        # beat starts from the real weight.
        beat(self, self.nudge.animate(rate_func=lambda t: min(1.0, t / 0.3, (1 - t) / 0.15)).set_value(NUDGE),
             during(FadeIn(rate_row), 0.3, 0.4), during(FadeIn(slope_row), 0.55, 0.65),
             travel([self.nudge_edge] * 4, color=style.W2_COLOR, lag_ratio=1.0),
             subcaption=nudge_words(self.ex, self.k))

    def show_output_gradient(self):
        self.out_label = tagged(r"\frac{\partial \mathcal{L}}{\partial z^{(2)}}", self.dz2,
                                color=style.GRAD_COLOR, font_size=style.SMALL)
        self.out_label.value.set_color(sign_color(self.dz2))
        # Above the output node, where no edge runs.
        self.out_label.next_to(self.diagram.output_node, UP, buff=0.25).shift(0.55 * RIGHT)
        out = self.diagram.output_node
        arrive = Line(self.readout[2].get_left(), out.get_center())
        # The nudge ends; the forward edges turn a faint grey, so the gradient copies drawn over
        # them are the only colour on the net (no weight's colour shows under a gradient's).
        self.nudge_edge.clear_updaters()
        for reader in self.nudge_readers:
            reader.clear_updaters()
        beat(self, during(FadeOut(VGroup(self.readout, self.rate_read, self.nudge_ring)), 0.0, 0.15),
             during(self.diagram.edges.animate.set_stroke(color=style.MUTED, opacity=FADED_EDGE), 0.1, 0.35),
             during(travel([arrive], color=style.LOSS_COLOR, radius=0.13), 0.05, 0.2),
             during(FadeIn(self.out_label[0]), 0.18, 0.25), count_to(self.out_label.value, 0.2),
             during(Indicate(out, color=style.GRAD_COLOR), 0.4, 1.0),
             subcaption="The answer flows backwards. It starts at the output: how fast the loss "
                        "changes as the score z⁽²⁾ changes.",
             spoken="The answer flows backwards. It starts at the output: how fast the loss "
                    "changes as the score z two changes.")

    def flow_into_w2(self):
        g = self.chain.dL_dW2[0]
        self.w2_flow = VGroup(*[flow_copy(e, v, self.scale) for e, v in zip(self.diagram.w2_edges, g)])
        # The hidden values x(2) each last-layer weight multiplies, beside their nodes.
        self.x2_labels = VGroup()
        for j in range(3):
            num = number(self.fwd.x2[0, j], style.X_COLOR, font_size=UNIT_FS)
            # the value sits right above its unit and the gradient right below: no edge runs there
            num.next_to(self.diagram.hidden_nodes[j], UP, buff=UNIT_BUFF)
            num.add_background_rectangle(color=style.BACKGROUND, opacity=0.9)
            self.x2_labels.add(num)
        # The row is named once, beside the top unit's number.
        self.x2_tag = MathTex(r"x^{(2)}_j", font_size=UNIT_FS, color=style.X_COLOR)
        self.x2_tag.next_to(self.x2_labels[0], LEFT, buff=0.3)  # on the values' side, clear of a box round them
        self.x2_tag.add_background_rectangle(color=style.BACKGROUND, opacity=0.9)
        self.bring_to_front(self.out_label)
        beat(self, during(FadeIn(self.x2_labels), 0, 0.2), during(FadeIn(self.x2_tag), 0.1, 0.3),
             during(travel(self.diagram.w2_edges, lag_ratio=0.6, backward=True), 0.1, 0.9),
             during(LaggedStart(*[Create(f) for f in self.w2_flow], lag_ratio=0.6), 0.15, 1.0),
             during(FadeIn(self.w2_row), 0.3, 0.6), during(FadeIn(self.key), 0.2, 0.4),
             subcaption="Each last-layer weight gets that signal times the hidden value on its "
                        "edge: colour is the sign, width the size.")

    def show_unit_gradients(self):
        self.unit_labels = VGroup()
        for j in range(3):
            num = number(self.dz1[j], sign_color(self.dz1[j]), font_size=UNIT_FS)
            num.next_to(self.diagram.hidden_nodes[j], DOWN, buff=UNIT_BUFF)
            num.add_background_rectangle(color=style.BACKGROUND, opacity=0.9)
            self.unit_labels.add(num)
        on = [j for j in range(3) if j not in self.off]  # a switched-off unit's zero comes next beat
        edges = [self.diagram.w2_edges[j] for j in on]
        beat(self, during(travel(edges, color=style.GRAD_COLOR, lag_ratio=0.7, backward=True), 0, 0.85),
             during(LaggedStart(*[FadeIn(self.unit_labels[j], shift=0.15 * LEFT) for j in on],
                                lag_ratio=0.7), 0.2, 1.0),
             during(FadeIn(self.units_note), 0, 0.3),
             subcaption="Passing back through a weight and a ReLU gives each hidden unit its "
                        "share of the signal.")

    def show_switched_off(self):
        if self.off:
            names = " and ".join(str(j + 1) for j in self.off)
            words = (f"Unit {names} is switched off for this point, so it passes back exactly zero."
                     if len(self.off) == 1 else
                     f"Units {names} are switched off for this point, so they pass back exactly zero.")
            rings = VGroup(*[SurroundingRectangle(VGroup(self.diagram.hidden_nodes[j], self.unit_labels[j],
                                                         self.x2_labels[j]),
                                                  color=style.EMPHASIS, buff=0.05) for j in self.off])
            self.off_rings = rings
            # The signal runs back to the unit and stops there: nothing goes further.
            edges = [self.diagram.w2_edges[j] for j in self.off]
            beat(self, during(travel(edges, backward=True, radius=0.13), 0, 0.5),
                 during(FadeIn(VGroup(*[self.unit_labels[j] for j in self.off])), 0.45, 0.6),
                 during(Create(rings), 0.5, 0.6),  # drawn quickly: no half-drawn frame
                 *[during(self.diagram.hidden_nodes[j].animate.set_opacity(0.35), 0.4, 0.8) for j in self.off],
                 subcaption=words)
        else:
            self.off_rings = VGroup()
            beat(self, travel(self.diagram.w2_edges[:3], backward=True),
                 Indicate(self.unit_labels, color=style.GRAD_COLOR),
                 subcaption="Every unit is switched on for this point, so each passes some signal back.")

    def flow_into_w1(self):
        g = self.chain.dL_dW1
        self.w1_flow = VGroup(*[flow_copy(self.diagram.w1_edges[i][j], g[i, j], self.scale)
                                for i in range(3) for j in range(3)])
        on = [i for i in range(3) if i not in self.off]
        edges = [self.diagram.w1_edges[i][j] for i in on for j in range(3)]
        beat(self, during(travel(edges, lag_ratio=0.35, backward=True), 0, 0.9),
             during(LaggedStart(*[Create(f) for f in self.w1_flow], lag_ratio=0.2), 0.05, 1.0),
             during(FadeIn(self.w1_block), 0.3, 0.6),
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
        self.units_note = VGroup(note("under each unit:", font_size=style.SMALL, color=style.GRAD_COLOR),
                                 MathTex(r"\frac{\partial \mathcal{L}}{\partial z^{(1)}_j}",
                                         font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
                                 ).arrange(RIGHT, buff=0.15)
        self.w1_mat = grad_matrix(self.chain.dL_dW1)
        label = MathTex(r"\frac{\partial \mathcal{L}}{\partial W^{(1)}} =",
                        font_size=NUMBER_SCALE * style.SMALL, color=style.GRAD_COLOR)
        self.w1_block = VGroup(label, self.w1_mat).arrange(RIGHT, buff=0.15)
        key = sign_legend("gradient > 0", "gradient < 0", None)
        width_key = note(f"grey: zero; width: size (widest {self.scale:.2f})", font_size=style.SMALL)
        self.key = VGroup(key, width_key).arrange(DOWN, aligned_edge=LEFT, buff=0.1)
        panel = VGroup(self.w2_row, self.units_note, self.w1_block, self.key)
        panel.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        panel.next_to(self.info, DOWN, buff=0.25).align_to(self.info, LEFT)

    def point_out_zero_rows(self):
        rows = self.w1_mat.get_rows()
        zero = [i for i in range(3) if np.all(self.chain.dL_dW1[i] == 0)]
        if not zero:
            k = largest_entry(self.chain.dL_dW1)
            self.boxes = VGroup()
            beat(self, Indicate(self.w1_mat.get_entries()[k]),
                 travel([self.diagram.w1_edges[k // 3][k % 3]], backward=True),
                 subcaption="Every unit is on here, so every first-layer weight gets a push.")
            return
        self.boxes = VGroup(*[SurroundingRectangle(rows[i], color=style.EMPHASIS, buff=0.08)
                              for i in zero])
        which = " and ".join(str(i + 1) for i in zero)
        noun = f"row {which} is" if len(zero) == 1 else f"rows {which} are"
        # Each switched-off unit's edges, one after another: grey, no push.
        off_edges = [self.w1_flow[3 * i + j] for i in zero for j in range(3)]
        # The live units' edges still carry a push back to the inputs; the silent unit's carry none.
        live = [self.diagram.w1_edges[i][j] for i in range(3) if i not in zero for j in range(3)]
        beat(self, during(Create(self.boxes), 0, 0.5),
             during(travel(live * 2, lag_ratio=0.3, backward=True), 0, 1.0),
             during(LaggedStart(*[Indicate(e, color=style.EMPHASIS, scale_factor=1.0) for e in off_edges],
                                lag_ratio=0.5), 0.1, 1.0),
             during(LaggedStart(*[Indicate(self.w1_mat.get_entries()[3 * i + j], color=style.EMPHASIS)
                                  for i in zero for j in range(3)], lag_ratio=0.5), 0.1, 1.0),
             subcaption=f"So {noun} zero: this point does not move a switched-off unit's "
                        "weights at all.", hold=0.5)
