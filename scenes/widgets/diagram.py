"""The network diagram: x̃ (x1, x2, 1) → W1 → z1 (3 units + 1) → ReLU → W2 → σ → ŷ.

Edges show weights on a fixed, clamped scale: colour from the sign, width from |w|, both via
scenes.style, with |w| >= WEIGHT_SCALE drawn at full colour and width. The scale never
changes between snapshots, so two frames of a training run compare honestly.

Each edge remembers the weight it shows, and interpolates it along with its style, so
`shown_weights()` is right after `diagram.animate.set_weights(...)` as well.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    ORIGIN,
    Circle,
    DashedVMobject,
    Line,
    MathTex,
    Square,
    VGroup,
    VMobject,
)

from scenes.style import (
    BACKGROUND,
    FOREGROUND,
    LABEL,
    MUTED,
    X_COLOR,
    YHAT_COLOR,
    Z_COLOR,
    signed_color,
    signed_width,
)

# |w| at which an edge is full colour and width. Trained weights of the default config reach
# about 4.5; a few edges saturate, and the rest keep their order by width.
WEIGHT_SCALE = 4.0

NODE_RADIUS = 0.3


def edge_style(value, scale=WEIGHT_SCALE):
    """(colour, stroke width) of an edge carrying weight `value`."""
    return signed_color(value, scale), signed_width(value, scale)


class WeightEdge(Line):
    """A line that shows one weight; `weight` follows the style through animations."""

    def __init__(self, start, end, weight=0.0, **kwargs):
        super().__init__(start, end, **kwargs)
        self.set_weight(weight)

    def set_weight(self, value):
        self.weight = float(value)
        color, width = edge_style(self.weight)
        self.set_stroke(color=color, width=width)
        return self

    def interpolate(self, mobject1, mobject2, alpha, *args, **kwargs):
        super().interpolate(mobject1, mobject2, alpha, *args, **kwargs)
        w1 = getattr(mobject1, "weight", self.weight)
        w2 = getattr(mobject2, "weight", self.weight)
        self.weight = (1 - alpha) * w1 + alpha * w2
        return self


def _neuron(label, color=FOREGROUND, radius=NODE_RADIUS):
    circle = Circle(radius=radius, stroke_color=color, stroke_width=3,
                    fill_color=BACKGROUND, fill_opacity=1)
    node = VGroup(circle)
    if label is not None:
        node.add(label.move_to(circle))
    return node


def _constant(radius=NODE_RADIUS):
    """The appended 1: a dashed grey square, so it reads as a constant, not a unit."""
    side = 2 * radius * 0.9
    back = Square(side, stroke_width=0, fill_color=BACKGROUND, fill_opacity=1)
    outline = DashedVMobject(Square(side, stroke_color=MUTED, stroke_width=2.5), num_dashes=16)
    one = MathTex("1", font_size=LABEL, color=MUTED)
    return VGroup(back, outline, one.move_to(back))


def _relu_icon(color=Z_COLOR, radius=NODE_RADIUS, scale=1.0, width=3):
    """ReLU's graph, flat then rising; `scale` 1 is the original small glyph, about 1.4 fills
    most of the node."""
    r = radius * scale
    icon = VMobject(stroke_color=color, stroke_width=width)
    icon.set_points_as_corners([[-0.55 * r, -0.3 * r, 0], [0, -0.3 * r, 0], [0.5 * r, 0.35 * r, 0]])
    return icon


class NetworkDiagram(VGroup):
    """The post's 2-3-1 net with its appended 1s, edges styled by the weights W1, W2."""

    def __init__(self, W1, W2, width=6.0, height=4.0, node_radius=NODE_RADIUS, relu_scale=1.0,
                 label_size=LABEL, **kwargs):
        """node_radius, relu_scale (the size of the ReLU glyph in its node) and label_size (of
        x1, x2, σ) default to the original look."""
        super().__init__(**kwargs)
        r = node_radius
        self.node_labels = VGroup()  # a view on labels inside the nodes, not a submobject

        def text(tex, color):
            mob = MathTex(tex, font_size=label_size, color=color)
            self.node_labels.add(mob)
            return mob

        inputs = [_neuron(text("x_1", X_COLOR), X_COLOR, r), _neuron(text("x_2", X_COLOR), X_COLOR, r),
                  _constant(r)]
        self.node_labels.add(inputs[2][-1])
        icon_width = 3 if relu_scale == 1.0 else 4
        hidden = [_neuron(_relu_icon(radius=r, scale=relu_scale, width=icon_width), radius=r)
                  for _ in range(3)] + [_constant(r)]
        self.node_labels.add(hidden[3][-1])
        self.output_node = _neuron(text(r"\sigma", YHAT_COLOR), YHAT_COLOR, r)
        self.input_nodes = VGroup(*inputs)
        self.hidden_nodes = VGroup(*hidden)

        # Columns left to right, each centred vertically; 4 hidden rows set the spacing.
        gap = (height - 2 * r) / 3
        self.input_nodes.arrange(DOWN, buff=gap - 2 * r).move_to(LEFT * width / 2)
        self.hidden_nodes.arrange(DOWN, buff=gap - 2 * r).move_to(ORIGIN)
        self.output_node.move_to(RIGHT * width / 2)

        W1, W2 = _check(W1, W2)
        self.w1_edges = VGroup(*[
            VGroup(*[WeightEdge(self.input_nodes[j].get_center(), self.hidden_nodes[i].get_center(),
                                W1[i, j], buff=r) for j in range(3)])
            for i in range(3)
        ])
        self.w2_edges = VGroup(*[
            WeightEdge(self.hidden_nodes[j].get_center(), self.output_node.get_center(),
                       W2[0, j], buff=r)
            for j in range(4)
        ])
        self.edges = VGroup(self.w1_edges, self.w2_edges)
        # Edges first so the nodes are drawn over their ends.
        self.add(self.edges, self.input_nodes, self.hidden_nodes, self.output_node)

    def set_weights(self, W1, W2):
        """Restyle every edge for new weights (same fixed scale). Returns self."""
        W1, W2 = _check(W1, W2)
        for i in range(3):
            for j in range(3):
                self.w1_edges[i][j].set_weight(W1[i, j])
        for j in range(4):
            self.w2_edges[j].set_weight(W2[0, j])
        return self

    def shown_weights(self):
        """(W1 (3, 3), W2 (1, 4)) as the edges currently show them."""
        W1 = np.array([[self.w1_edges[i][j].weight for j in range(3)] for i in range(3)])
        W2 = np.array([[edge.weight for edge in self.w2_edges]])
        return W1, W2



def sign_legend(positive="positive weight", negative="negative weight", size="thicker: larger",
                font_size=None):
    """A one-line key to the edge code: a blue and an orange stroke with their meaning, and what
    the width says. The words name what the edges carry (weights by default, or gradients)."""
    from scenes.widgets.text import note
    from scenes.style import NEGATIVE, POSITIVE, SMALL

    font_size = SMALL if font_size is None else font_size
    parts = [VGroup(Line(LEFT * 0.25, RIGHT * 0.25, color=color, stroke_width=5),
                    note(word, font_size=font_size)).arrange(RIGHT, buff=0.12)
             for color, word in ((POSITIVE, positive), (NEGATIVE, negative))]
    if size:
        parts.append(note(size, font_size=font_size))
    return VGroup(*parts).arrange(RIGHT, buff=0.4)


def _check(W1, W2):
    W1 = np.asarray(W1, dtype=float)
    W2 = np.asarray(W2, dtype=float).reshape(1, -1)
    if W1.shape != (3, 3) or W2.shape != (1, 4):
        raise ValueError(f"expected W1 (3, 3) and W2 (1, 4), got {W1.shape} and {W2.shape}")
    return W1, W2


__all__ = ["WEIGHT_SCALE", "NetworkDiagram", "WeightEdge", "edge_style", "sign_legend"]
