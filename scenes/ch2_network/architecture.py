"""The network, built node by node as the words name its parts, with the run's final weights on
its edges; then why it has this shape, as far as the viewer knows yet: the first layer moves
the points, the last is one straight cut (how, the next scenes show)."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Brace,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    Line,
    RoundedRectangle,
    Scene,
    ShowPassingFlash,
    Succession,
    SurroundingRectangle,
    TransformMatchingTex,
    VGroup,
    Write,
)

from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    BODY,
    EMPHASIS,
    FOREGROUND,
    LABEL,
    MUTED,
    NEGATIVE,
    POSITIVE,
    SMALL,
    W1_COLOR,
    W2_COLOR,
    X_COLOR,
    Z_COLOR,
)
from scenes.widgets.diagram import WEIGHT_SCALE, NetworkDiagram, edge_style
from scenes.widgets.highlight import PointAt
from scenes.widgets.matrices import dec_matrix
from scenes.widgets.text import note, plain_tex, tex, title
from toynet_core import forward
from toynet_core.data import XOR_CENTRES

NODE = 0.38  # node radius: room for a ReLU glyph that reads at 480p
RELU_GLYPH = 1.45
PART_PAD = 0.15  # room between a part box and what it holds
PART_GAP = 0.12  # between the two part boxes


def space(shape):
    """R^n or R^{m x n} for an array shape, so the shapes shown come from the arrays."""
    dims = r" \times ".join(str(d) for d in shape)
    return r"\R^{" + dims + "}"


def superscript(n):
    """12 -> ¹², for a size written above ℝ in a subtitle."""
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def strongest(W, sign):
    """(row, column) of the entry of W with the largest magnitude among those of `sign`."""
    W = np.asarray(W, dtype=float)
    masked = np.where(np.sign(W) == sign, np.abs(W), -np.inf)
    return np.unravel_index(int(np.argmax(masked)), W.shape)


def pulse(*edges, color=EMPHASIS):
    """A bright stretch running along edges, in the direction they point (input to output)."""
    return ShowPassingFlash(VGroup(*edges).copy().set_stroke(color, width=7))


class Architecture(Scene):
    def construct(self):
        run = load_scene_run()
        self.W1, self.W2 = run.W1[-1], run.W2[-1]
        self.diagram = NetworkDiagram(self.W1, self.W2, width=7.0, height=4.0, node_radius=NODE,
                                      relu_scale=RELU_GLYPH, label_size=BODY)
        self.diagram.move_to(LEFT * 2.45)
        # nodes over their edges' ends and labels and glyphs over their nodes, whatever order
        # the animations add them in
        d = self.diagram
        for node in [*d.input_nodes, *d.hidden_nodes, d.output_node]:
            node.set_z_index(1)
            for part in node[1:]:
                part.set_z_index(2)
        self.show_inputs()
        self.show_first_layer()
        self.read_the_edges()
        self.show_hidden_sums()
        self.apply_relu()
        self.show_second_layer()
        self.show_output_sum()
        self.apply_sigmoid()
        self.show_shapes()
        self.first_part_moves()
        self.last_part_cuts()

    # -- the network, node by node ------------------------------------------------------------
    def show_inputs(self):
        d = self.diagram
        self.title = title("The network")
        self.top = [self.column_label(r"\tilde{x}", d.input_nodes)]
        # the nodes come first and fast: the words about them start with them on screen
        self.brace = Brace(d.input_nodes, LEFT, buff=0.15, color=X_COLOR)
        beat(self, during(FadeIn(self.title), 0, 0.1),
             during(LaggedStart(*[FadeIn(node, shift=RIGHT * 0.3) for node in d.input_nodes], lag_ratio=0.3), 0, 0.35),
             during(GrowFromCenter(self.brace), 0.4, 0.7), during(Write(self.top[0]), 0.5, 1), run_time=2.5,
             subcaption="Two numbers go in, a point's coordinates x₁ and x₂, with a fixed 1 under them: "
                        "together, x̃.")

    def show_first_layer(self):
        d = self.diagram
        circles = [d.hidden_nodes[i][0] for i in range(3)]
        self.bottom = [self.between_label("W^{(1)}", d.input_nodes, d.hidden_nodes)]
        unit_by_unit = [AnimationGroup(Create(d.w1_edges[i]), FadeIn(circles[i], scale=0.6))
                        for i in range(3)]
        # the same nine weights as a matrix, beside the diagram: one row per hidden unit
        self.w1_matrix = dec_matrix(self.W1, color=W1_COLOR, font_size=LABEL, h_buff=0.95, v_buff=0.5)
        self.w1_name = tex("W^{(1)} =", font_size=BODY)
        self.w1_block = VGroup(self.w1_name, self.w1_matrix).arrange(RIGHT, buff=0.2)
        self.w1_block.move_to(UP * 2.15).align_to(RIGHT * 2.1, LEFT)
        # the matrix comes whole and early: a still mid-write reads as garbled numbers
        beat(self, LaggedStart(*unit_by_unit, lag_ratio=0.7), during(Write(self.bottom[0]), 0.3, 0.55),
             during(FadeIn(self.w1_block, shift=LEFT * 0.3), 0.2, 0.45), run_time=3,
             subcaption="Nine weights, the 3×3 matrix W⁽¹⁾, wire the inputs to three hidden units.")
        self.unit_rows()

    def unit_rows(self):
        """Row i of W⁽¹⁾ lights up with unit i and its three edges: the matrix is the units'
        rows stacked."""
        d = self.diagram
        rows = self.w1_matrix.get_rows()
        lights = [SurroundingRectangle(r, color=EMPHASIS, buff=0.07) for r in rows]
        rings = [Circle(radius=NODE + 0.08, color=EMPHASIS, stroke_width=4).move_to(d.hidden_nodes[i][0])
                 for i in range(3)]
        box, ring = lights[0].copy(), rings[0].copy()
        steps = [during(AnimationGroup(Create(box), Create(ring)), 0, 0.1),
                 during(pulse(*d.w1_edges[0], color=W1_COLOR), 0.05, 0.33)]
        for i in (1, 2):
            a = 0.33 * i
            steps += [during(AnimationGroup(box.animate.move_to(lights[i]), ring.animate.move_to(rings[i])), a, a + 0.08),
                      during(pulse(*d.w1_edges[i], color=W1_COLOR), a + 0.05, a + 0.33)]
        steps.append(during(FadeOut(VGroup(box, ring)), 0.95, 1))
        self.row_lights = lights
        beat(self, *steps,
             subcaption="Each hidden unit gets one row of W⁽¹⁾: its three edges, one from each input.")

    def read_the_edges(self):
        d = self.diagram
        self.legend = self.edge_legend()
        self.source = note("weights found by training\n(how: in a later chapter)", SMALL)
        self.source.next_to(self.legend, UP, buff=0.35).align_to(self.legend, LEFT)
        (pi, pj), (ni, nj) = strongest(self.W1, 1), strongest(self.W1, -1)
        self.marked = (d.w1_edges[pi][pj], d.w1_edges[ni][nj])
        edges = [d.w1_edges[i][j] for i in range(3) for j in range(3)]
        positive = [e for e in edges if e.weight > 0]
        negative = [e for e in edges if e.weight < 0]
        beat(self, during(FadeIn(self.source), 0, 0.2),
             during(FadeIn(self.legend[0], shift=LEFT * 0.3), 0.1, 0.3), during(pulse(*positive, color=POSITIVE), 0.15, 0.45),
             during(FadeIn(self.legend[1], shift=LEFT * 0.3), 0.4, 0.6), during(pulse(*negative, color=NEGATIVE), 0.45, 0.75),
             during(FadeIn(self.legend[2], shift=LEFT * 0.3), 0.7, 0.85),
             during(AnimationGroup(pulse(self.marked[0], color=POSITIVE), pulse(self.marked[1], color=NEGATIVE)), 0.75, 1),
             subcaption="Each edge shows a weight training found: blue if positive, orange if negative, "
                        "wider if larger.")

    def show_hidden_sums(self):
        d = self.diagram
        self.top.append(self.column_label("z^{(1)}", d.hidden_nodes))
        arrivals = [ShowPassingFlash(d.w1_edges[i].copy().set_stroke(EMPHASIS, width=6))
                    for i in range(3)]
        # the first unit worked out, with the run's weights (two decimals)
        w = self.W1[0]
        # plain: here x_2 is the input coordinate, not the old name of a layer
        self.worked = plain_tex(r"z^{(1)}_1", r" = " + f"{w[0]:.2f}" + r"\,x_1 " + ("+" if w[1] >= 0 else "-")
                                + f" {abs(w[1]):.2f}" + r"\,x_2 " + ("+" if w[2] >= 0 else "-")
                                + f" {abs(w[2]):.2f}", font_size=BODY)
        self.worked[0].set_color(Z_COLOR)
        self.worked.next_to(self.legend, DOWN, buff=0.45).align_to(self.legend, LEFT)
        # the worked unit is row 1 of the matrix
        row_one = self.row_lights[0].copy()
        beat(self, during(LaggedStart(*arrivals, lag_ratio=0.6), 0, 0.6),
             during(Create(row_one), 0.05, 0.25), during(FadeOut(row_one), 0.55, 0.7),
             during(Write(self.worked), 0.1, 0.4), during(FadeIn(d.hidden_nodes[3], shift=UP * 0.2), 0.35, 0.5),
             # the column's name is on screen when the words name it
             during(FadeIn(self.top[1], shift=DOWN * 0.2), 0.4, 0.55),
             during(PointAt(self.worked, color=FOREGROUND), 0.75, 1),
             subcaption="Each edge multiplies what it carries by its weight; each unit adds the products. "
                        "With a 1 appended, that is z⁽¹⁾.")

    def apply_relu(self):
        d = self.diagram
        icons = VGroup(*[node[1] for node in d.hidden_nodes[:3]])
        relu = self.column_label(r"x^{(2)} = \mathrm{ReLU}(z^{(1)})", d.hidden_nodes)
        per_unit = [Succession(pulse(*d.w1_edges[i]), Create(icons[i])) for i in range(3)]
        beat(self, during(LaggedStart(*per_unit, lag_ratio=0.8), 0, 0.8),
             during(TransformMatchingTex(self.top[1], relu), 0.25, 0.55),
             subcaption="Each sum passes through ReLU, a bend shown soon: x⁽²⁾, the second layer's input. "
                        "The 1 passes as it is.")
        self.top[1] = relu

    def show_second_layer(self):
        d = self.diagram
        self.bottom.append(self.between_label("W^{(2)}", d.hidden_nodes, d.output_node))
        beat(self, LaggedStart(*[Create(e) for e in d.w2_edges], lag_ratio=0.4),
             during(Write(self.bottom[1]), 0.5, 1),
             subcaption="Four more weights, the 1×4 row W⁽²⁾, one per entry of x⁽²⁾, lead to a single output.")

    def show_output_sum(self):
        d = self.diagram
        self.top.append(self.column_label("z^{(2)}", d.output_node))
        arrivals = [ShowPassingFlash(e.copy().set_stroke(EMPHASIS, width=6)) for e in d.w2_edges]
        beat(self, LaggedStart(*arrivals, lag_ratio=0.3), during(FadeIn(d.output_node[0], scale=0.6), 0.4, 0.8),
             during(Write(self.top[2]), 0.25, 0.6),
             subcaption="Their weighted sum is a single number, z⁽²⁾.")

    def apply_sigmoid(self):
        d = self.diagram
        out = self.column_label(r"\hat{y} = \sigma(z^{(2)})", d.output_node)
        beat(self, during(pulse(*d.w2_edges), 0, 0.3), during(Write(d.output_node[1]), 0.25, 0.5),
             during(TransformMatchingTex(self.top[2], out), 0.35, 0.7),
             during(Indicate(d.output_node[0], color=FOREGROUND), 0.65, 1),  # the circle: σ is being written
             subcaption="The sigmoid σ turns it into the prediction ŷ, between 0 and 1.")
        self.top[2] = out

    def show_shapes(self):
        d = self.diagram
        fwd = forward(self.W1, self.W2, XOR_CENTRES[:1])
        shapes_top = [
            (r"\tilde{x} \in " + space(fwd.x_tilde.shape[1:]), d.input_nodes),
            (r"z^{(1)},\ x^{(2)} \in " + space(fwd.z1.shape[1:]), d.hidden_nodes),
            (r"0 < \hat{y} < 1", d.output_node),
        ]
        new_top = [self.column_label(s, col) for s, col in shapes_top]
        new_bottom = [
            self.between_label("W^{(1)} \\in " + space(self.W1.shape), d.input_nodes, d.hidden_nodes),
            self.between_label("W^{(2)} \\in " + space(self.W2.shape), d.hidden_nodes, d.output_node),
        ]
        pairs = list(zip(self.top + self.bottom, new_top + new_bottom))
        order = [0, 3, 1, 4, 2]  # in the order the words read them: x̃, W⁽¹⁾, z⁽¹⁾, W⁽²⁾, ŷ
        w1 = [e for row in d.w1_edges for e in row]
        parts = [AnimationGroup(*[Indicate(n, color=FOREGROUND) for n in d.input_nodes]), pulse(*w1),
                 AnimationGroup(*[Indicate(n, color=FOREGROUND) for n in d.hidden_nodes]), pulse(*d.w2_edges),
                 Indicate(d.output_node, color=FOREGROUND)]
        # the new symbols, in words (the shapes come from the arrays): R^n from chapter 1, and
        # R^{m x n}, met here for the first time
        n = fwd.x_tilde.shape[1]
        rows, cols = self.W1.shape
        self.gloss = VGroup(
            plain_tex(r"\R^{%d}:\ \text{lists of %d numbers}" % (n, n), font_size=BODY, color=FOREGROUND),
            plain_tex(r"\R^{%d \times %d}:\ %d \times %d\ \text{matrices}" % (rows, cols, rows, cols),
                      font_size=BODY, color=FOREGROUND)).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        # in the place of the edges' key, which has been read, so that they are large enough
        self.gloss.next_to(self.w1_block, DOWN, buff=0.45).align_to(self.worked, LEFT)
        # every size is in place by 60 % of the beat
        beat(self, during(FadeOut(VGroup(self.legend, self.source)), 0, 0.12),
             during(FadeIn(self.gloss, shift=UP * 0.2), 0.1, 0.25),
             during(LaggedStart(*[AnimationGroup(TransformMatchingTex(*pairs[k]), part)
                                  for k, part in zip(order, parts)], lag_ratio=0.8), 0, 0.55),
             subcaption=f"Sizes: x̃ has {fwd.x_tilde.shape[1]} entries, W⁽¹⁾ is "
                        f"{self.W1.shape[0]}×{self.W1.shape[1]}, z⁽¹⁾ and x⁽²⁾ have {fwd.z1.shape[1]}, "
                        f"W⁽²⁾ is {self.W2.shape[0]}×{self.W2.shape[1]}, and ŷ is one number. "
                        f"ℝ{superscript(rows)}ˣ{superscript(cols)} is the set of all {rows}×{cols} matrices of real numbers.",
             spoken=f"Sizes: x tilde has {fwd.x_tilde.shape[1]} entries, W one is "
                    f"{self.W1.shape[0]} by {self.W1.shape[1]}, z one and x layer two have {fwd.z1.shape[1]}, "
                    f"W two is {self.W2.shape[0]} by {self.W2.shape[1]}, and y hat is one number. "
                    f"R {rows} by {cols} is the set of all {rows} by {cols} matrices of real numbers.")
        self.top, self.bottom = new_top, new_bottom
        self.shapes = (fwd.x_tilde.shape[1], self.W1.shape, fwd.z1.shape[1], self.W2.shape)

    # -- why this shape, as far as we know yet ---------------------------------------------------
    def part_box(self, x_left, x_right, color):
        """A tinted box over the diagram between two x positions. The hidden column belongs
        to the first part, whole (its ReLU is part of the moving); the second starts after it."""
        box = RoundedRectangle(corner_radius=0.25, width=x_right - x_left, height=self.diagram.height + 0.3,
                               stroke_color=color, stroke_width=3, fill_color=color, fill_opacity=0.08)
        return box.move_to([(x_left + x_right) / 2, self.diagram.get_y(), 0]).set_z_index(-1)

    def role(self, symbols, words, color):
        return VGroup(tex(symbols, color=color), note(words, LABEL, color=FOREGROUND)).arrange(
            DOWN, aligned_edge=LEFT, buff=0.15)

    def first_part_moves(self):
        d = self.diagram
        # the input brace and the hidden units, ReLU glyphs and all, inside the first box
        self.move_box = self.part_box(self.brace.get_left()[0] - PART_PAD, d.hidden_nodes.get_right()[0] + PART_PAD,
                                      W1_COLOR)
        self.move_words = self.role(r"W^{(1)},\ \mathrm{ReLU}", "move the points", FOREGROUND)
        self.move_words.move_to(UP * 1.9).align_to(RIGHT * 2.2, LEFT)
        w1 = [e for row in d.w1_edges for e in row]
        beat(self, during(FadeOut(VGroup(self.worked, self.gloss, self.w1_block)), 0, 0.2),
             during(Create(self.move_box), 0.1, 0.4), during(FadeIn(self.move_words, shift=LEFT * 0.4), 0.3, 0.5),
             during(Succession(pulse(*w1, color=W1_COLOR), pulse(*w1, color=W1_COLOR)), 0.4, 1),
             subcaption="Why this shape? As we saw, the points must move until one straight cut works: "
                        "W⁽¹⁾ and ReLU move them.")

    def last_part_cuts(self):
        d = self.diagram
        self.cut_box = self.part_box(self.move_box.get_right()[0] + PART_GAP, d.output_node.get_right()[0] + 0.3,
                                     W2_COLOR)
        self.cut_words = self.role(r"W^{(2)},\ \sigma", "one straight cut", FOREGROUND)
        self.cut_words.next_to(self.move_words, DOWN, buff=0.6).align_to(self.move_words, LEFT)
        self.sides = VGroup(tex(r"z^{(2)} > 0:\ \text{blue side}", color=POSITIVE, font_size=BODY),
                            tex(r"z^{(2)} < 0:\ \text{orange side}", color=NEGATIVE, font_size=BODY))
        self.sides.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        self.sides.next_to(self.cut_words, DOWN, buff=0.35).align_to(self.cut_words, LEFT)
        # blue and orange now mean a sign (the edges) and a class (the sides): one code, as in
        # TF Playground, and a key that says so
        self.colour_key = VGroup(
            note("one colour code:", SMALL, color=MUTED),
            note("blue: positive, class 1", SMALL, color=POSITIVE),
            note("orange: negative, class 0", SMALL, color=NEGATIVE)).arrange(DOWN, aligned_edge=LEFT, buff=0.08)
        self.colour_key.next_to(self.sides, DOWN, buff=0.3).align_to(self.sides, LEFT)
        beat(self, during(self.move_box.animate.set_stroke(opacity=0.4).set_fill(opacity=0.03), 0, 0.2),
             during(Create(self.cut_box), 0.1, 0.35), during(FadeIn(self.cut_words, shift=LEFT * 0.4), 0.25, 0.45),
             during(Succession(pulse(*d.w2_edges, color=W2_COLOR), pulse(*d.w2_edges, color=W2_COLOR)), 0.35, 0.8),
             during(LaggedStart(*[FadeIn(m, shift=LEFT * 0.3) for m in self.sides], lag_ratio=0.5), 0.3, 0.5),
             during(FadeIn(self.colour_key), 0.45, 0.55),
             during(Indicate(d.output_node[0], color=FOREGROUND), 0.8, 1),
             subcaption="W⁽²⁾ and σ make that one straight cut: the sign of "
                        "z⁽²⁾ says which side. The next scenes show how the moving works.")

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
        rows.move_to(DOWN * 0.6).align_to(RIGHT * 2.2, LEFT)
        return rows
