"""ReLU: its graph and kink (ReluGraph), then the fold it makes in hidden space (ReluFold)."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Axes,
    Circle,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    Flash,
    Line,
    Scene,
    ValueTracker,
    VGroup,
    Write,
)

from scenes import style
from scenes.ch2_network.hidden_space import formula, heading, note
from scenes.style import EDGE_BUFF, FOREGROUND, LABEL, MUTED, X_COLOR, Z_COLOR
from toynet_core.model import relu, relu_prime

Z_RANGE = (-3.0, 3.0)


def graph_axes(y_range, height, width=5.8):
    return Axes(x_range=[*Z_RANGE, 1], y_range=[*y_range, 1], x_length=width, y_length=height,
                tips=False, axis_config={"color": MUTED, "stroke_width": 2, "include_numbers": True,
                                         "font_size": style.SMALL,
                                         "decimal_number_config": {"num_decimal_places": 0}})


def piece(axes, f, lo, hi, color, width=5):
    """The graph of f on [lo, hi] as one straight segment (both pieces of ReLU are lines)."""
    return Line(axes.c2p(lo, float(f(np.array(lo)))), axes.c2p(hi, float(f(np.array(hi)))),
                color=color, stroke_width=width)


class ReluGraph(Scene):
    def construct(self):
        self.show_definition()
        self.draw_graph()
        self.trace_slope()
        self.draw_derivative()
        self.point_at_kink()

    # -- beats ---------------------------------------------------------------------------
    def show_definition(self):
        self.title = heading("ReLU: one bend")
        self.definition = formula(
            r"\mathrm{ReLU}(z) = \begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}",
            size=style.HEADING).to_corner(UR, buff=EDGE_BUFF)
        self.play(Write(self.title), Write(self.definition),
                  subcaption="ReLU keeps a positive number and replaces anything else by zero.")

    def draw_graph(self):
        self.axes = graph_axes((-1, 3), 4.4, 6.2).to_edge(LEFT, buff=0.6).shift(DOWN * 0.4)
        self.graph = VGroup(piece(self.axes, relu, Z_RANGE[0], 0, Z_COLOR),
                            piece(self.axes, relu, 0, Z_RANGE[1], Z_COLOR))
        name = formula(r"\mathrm{ReLU}(z)", size=style.BODY, color=Z_COLOR)
        name.move_to(self.axes.c2p(-1.6, 2.2))
        self.graph_name = name
        self.play(Create(self.axes), Create(self.graph), FadeIn(name), run_time=2,
                  subcaption="Its graph: flat along zero on the left, the diagonal on the right.")

    def trace_slope(self):
        """A point runs along the graph; value and slope come from toynet_core's relu."""
        self.z = ValueTracker(-2.5)
        dot = Dot(color=X_COLOR, radius=0.09)
        dot.add_updater(lambda d: d.move_to(self.axes.c2p(self.z.get_value(),
                                                          float(relu(self.z.get_value())))))
        labels = [formula("z =", size=style.BODY), formula(r"\mathrm{ReLU}(z) =", size=style.BODY),
                  formula(r"\text{slope} =", size=style.BODY)]
        functions = [lambda v: v, lambda v: float(relu(np.array(v))),
                     lambda v: float(relu_prime(np.array(v)))]
        self.readouts = VGroup()
        for label, f in zip(labels, functions):
            number = DecimalNumber(f(self.z.get_value()), num_decimal_places=2,
                                   font_size=style.BODY, color=X_COLOR)
            number.add_updater(lambda m, f=f: m.set_value(f(self.z.get_value())))
            self.readouts.add(VGroup(label, number).arrange(RIGHT, buff=0.15))
        self.readouts.arrange(RIGHT, buff=0.6).to_edge(DOWN, buff=EDGE_BUFF)
        for row in self.readouts:  # keep '=' steady while digits change
            row[1].add_updater(lambda m, row=row: m.next_to(row[0], RIGHT, buff=0.15))
        self.tracer = dot
        self.play(FadeIn(dot), FadeIn(self.readouts), run_time=0.8,
                  subcaption="Follow a point along it and watch the slope.")
        self.play(self.z.animate.set_value(2.5), run_time=4,
                  subcaption="Slope zero all the way to the origin, then slope one: "
                             "the slope jumps at the kink.")

    def draw_derivative(self):
        self.d_axes = graph_axes((-1, 2), 3.0, 5.6).to_edge(RIGHT, buff=0.6).shift(DOWN * 1.0)
        pieces = VGroup(piece(self.d_axes, relu_prime, Z_RANGE[0], 0, style.GRAD_COLOR),
                        piece(self.d_axes, relu_prime, 1e-9, Z_RANGE[1], style.GRAD_COLOR))
        # At 0 itself: the value the code uses (filled) and the limit from the right (open).
        at_zero = float(relu_prime(np.array(0.0)))
        from_right = float(relu_prime(np.array(1e-9)))
        self.filled = Dot(self.d_axes.c2p(0, at_zero), radius=0.08, color=style.GRAD_COLOR)
        self.hollow = Circle(radius=0.08, color=style.GRAD_COLOR, stroke_width=3)
        self.hollow.set_fill(style.BACKGROUND, opacity=1).move_to(self.d_axes.c2p(0, from_right))
        self.derivative = pieces
        name = formula(r"\mathrm{ReLU}'(z)", size=style.BODY, color=style.GRAD_COLOR)
        name.move_to(self.d_axes.c2p(-1.6, 1.5))
        self.play(Create(self.d_axes), Create(pieces), FadeIn(self.filled), FadeIn(self.hollow),
                  FadeIn(name), run_time=2,
                  subcaption="Its derivative is a step: 0 on the left, 1 on the right.")

    def point_at_kink(self):
        rule = VGroup(note("at z = 0 itself", size=LABEL, color=FOREGROUND),
                      formula(r"\text{we take } \mathrm{ReLU}'(0) = %d"
                              % int(relu_prime(np.array(0.0))), size=style.BODY))
        rule.arrange(DOWN, buff=0.12).next_to(self.d_axes, UP, buff=0.3)
        self.play(self.z.animate.set_value(0.0), Flash(self.axes.c2p(0, 0), color=X_COLOR),
                  FadeIn(rule), run_time=2,
                  subcaption="At the kink the slope has no single value; we use 0 there, "
                             "matching ReLU(z) = 0 for z at or below zero.")
        self.wait(1.5)
