"""The network, built left to right with the run's final weights on its edges."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    Indicate,
    Line,
    Scene,
    TransformMatchingTex,
    VGroup,
    Write,
)

from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.style import (
    EDGE_BUFF,
    FOREGROUND,
    MUTED,
    SMALL,
    Z_COLOR,
)
from scenes.widgets.diagram import WEIGHT_SCALE, NetworkDiagram, edge_style
from scenes.widgets.text import note, tex, title
from toynet_core import forward
from toynet_core.data import XOR_CENTRES


def space(shape):
    """R^n or R^{m x n} for an array shape, so the shapes shown come from the arrays."""
    dims = r" \times ".join(str(d) for d in shape)
    return r"\R^{" + dims + "}"


class Architecture(Scene):
    def construct(self):
        run = load_scene_run()
        self.W1, self.W2 = run.W1[-1], run.W2[-1]
        self.steps = int(run.steps[-1])
        self.show_title()
        self.show_inputs()
        self.show_first_layer()
        self.show_hidden_sums()
        self.apply_relu()
        self.show_second_layer()
        self.show_output_sum()
        self.apply_sigmoid()
        self.show_shapes()
        self.wait(1.5)

    # -- beats -------------------------------------------------------------------------
    def show_title(self):
        self.diagram = NetworkDiagram(self.W1, self.W2, width=8.0, height=4.4)
        self.diagram.move_to(LEFT * 1.3 + DOWN * 0.5)
        self.title = title("The network")
        self.source = note(f"edges show the weights after {self.steps} SGD steps of the run", SMALL)
        self.source.next_to(self.title, DOWN, buff=0.15)
        beat(self, Write(self.title), FadeIn(self.source),
                   subcaption="The whole network on one page, drawn with the weights its training ended on.")

    def show_inputs(self):
        d = self.diagram
        self.top = [self.column_label(r"\tilde{x}", d.input_nodes)]
        beat(self, FadeIn(d.input_nodes), Write(self.top[0]),
                   subcaption="Two coordinates go in, x1 and x2, and a fixed 1 is stacked under them: that is x tilde.")

    def show_first_layer(self):
        d = self.diagram
        self.bottom = [self.between_label("W^{(1)}", d.input_nodes, d.hidden_nodes)]
        self.legend = self.edge_legend()
        beat(self, Create(d.w1_edges), Write(self.bottom[0]), FadeIn(self.legend), run_time=2,
                   subcaption="Nine weights, the three by three matrix W one, wire them to three hidden units. "
                             "Blue means positive, red negative, and a thicker edge a larger weight.")

    def show_hidden_sums(self):
        d = self.diagram
        circles = VGroup(*[node[0] for node in d.hidden_nodes[:3]])
        self.top.append(self.column_label("z_1", d.hidden_nodes))
        beat(self, FadeIn(circles), FadeIn(d.hidden_nodes[3]), Write(self.top[1]),
                   subcaption="Each unit adds up what its edges bring. The three sums, with one more constant 1 "
                             "appended, make the vector z one.")

    def apply_relu(self):
        d = self.diagram
        icons = VGroup(*[node[1] for node in d.hidden_nodes[:3]])
        relu = self.column_label(r"x_2 = \mathrm{ReLU}(z_1)", d.hidden_nodes)
        beat(self, Create(icons), TransformMatchingTex(self.top[1], relu),
                   subcaption="Then every unit clips its sum at zero. The result is x two, ReLU of z one; "
                             "the appended 1 passes through as it is.")
        self.top[1] = relu

    def show_second_layer(self):
        d = self.diagram
        self.bottom.append(self.between_label("W^{(2)}", d.hidden_nodes, d.output_node))
        beat(self, Create(d.w2_edges), Write(self.bottom[1]), run_time=1.5,
                   subcaption="Four more weights, the row W two, one for each entry of x two including its 1, "
                             "lead to a single output.")

    def show_output_sum(self):
        d = self.diagram
        self.top.append(self.column_label("z_2", d.output_node))
        beat(self, FadeIn(d.output_node[0]), Write(self.top[2]),
                   subcaption="Their weighted sum is one number, z two.")

    def apply_sigmoid(self):
        d = self.diagram
        out = self.column_label(r"\hat{y} = \sigma(z_2)", d.output_node)
        beat(self, Write(d.output_node[1]), TransformMatchingTex(self.top[2], out),
                   subcaption="The sigmoid squeezes that number between 0 and 1. This is the prediction, y hat.")
        self.top[2] = out
        self.play(Indicate(d.output_node, color=Z_COLOR), run_time=0.8)

    def show_shapes(self):
        d = self.diagram
        fwd = forward(self.W1, self.W2, XOR_CENTRES[:1])
        shapes_top = [
            (r"\tilde{x} \in " + space(fwd.x_tilde.shape[1:]), d.input_nodes),
            (r"z_1,\ x_2 \in " + space(fwd.z1.shape[1:]), d.hidden_nodes),
            (r"\hat{y} \in (0,\ 1)", d.output_node),
        ]
        new_top = [self.column_label(s, col) for s, col in shapes_top]
        new_bottom = [
            self.between_label("W^{(1)} \\in " + space(self.W1.shape), d.input_nodes, d.hidden_nodes),
            self.between_label("W^{(2)} \\in " + space(self.W2.shape), d.hidden_nodes, d.output_node),
        ]
        beat(self, *[TransformMatchingTex(a, b) for a, b in zip(self.top + self.bottom, new_top + new_bottom)],
                   run_time=1.5,
                   subcaption="The sizes: three inputs counting the 1, a three by three W one, four hidden "
                             "entries, a one by four W two, and one output between 0 and 1.")
        self.top, self.bottom = new_top, new_bottom

    # -- layout helpers ----------------------------------------------------------------
    def column_label(self, s, column):
        label = tex(s)
        label.next_to(self.diagram, UP, buff=0.3).set_x(column.get_x())
        return label

    def between_label(self, s, left, right):
        label = tex(s)
        label.next_to(self.diagram, DOWN, buff=0.3).set_x((left.get_x() + right.get_x()) / 2)
        return label

    def edge_legend(self):
        """Sign by colour, size by width, on the diagram's fixed scale."""
        rows = VGroup()
        for value, words in ((WEIGHT_SCALE, "w > 0"), (-WEIGHT_SCALE, "w < 0")):
            color, width = edge_style(value)
            line = Line(LEFT * 0.3, RIGHT * 0.3, stroke_color=color, stroke_width=width)
            rows.add(VGroup(line, note(words, SMALL, color=FOREGROUND)).arrange(RIGHT, buff=0.2))
        widths = VGroup(*[Line(LEFT * 0.3, RIGHT * 0.3, stroke_color=MUTED,
                               stroke_width=edge_style(v)[1])
                          for v in np.linspace(0, WEIGHT_SCALE, 4)]).arrange(DOWN, buff=0.12)
        scale_note = note(f"width grows with |w|,\nfull from |w| = {WEIGHT_SCALE:g}", SMALL)
        rows.add(VGroup(widths, scale_note).arrange(RIGHT, buff=0.2))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        rows.to_edge(RIGHT, buff=EDGE_BUFF).shift(DOWN * 1.9)
        return rows
