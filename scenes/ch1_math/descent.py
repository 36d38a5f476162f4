"""Steepest ascent and descent on a tilted bowl: gradient arrows at a few points, a few steps
of gradient descent computed with numpy, and a step too long to go downhill."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Arrow,
    Axes,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    ImageMobject,
    Line,
    Rotate,
    Scene,
    VGroup,
    Write,
)

from scenes import style
from scenes.widgets.text import note, plain_tex, title
from scenes.pacing import beat

# f(x) = a x1^2 + b x1 x2 + c x2^2: a bowl whose axes are tilted, so steps zig-zag.
COEFFS = (0.3, 0.4, 0.9)
ARROW_POINTS = np.array([[-2.2, 1.2], [1.5, 0.5], [0.8, -1.0], [-0.8, -0.9]])
START = np.array([-2.6, 1.6])
ALPHA = 0.8
STEPS = 7
LONG_START = np.array([-1.0, 1.4])
LONG_ALPHA = 1.3  # beyond 2 / (largest curvature): the step overshoots
ARROW_SCALE = 0.4  # arrows drawn at 0.4 of the gradient's length, so they stay on the map
X_RANGE, Y_RANGE = (-3.0, 3.0), (-2.0, 2.0)
BANDS = 12


def f(x):
    a, b, c = COEFFS
    x = np.asarray(x, dtype=float)
    return a * x[..., 0] ** 2 + b * x[..., 0] * x[..., 1] + c * x[..., 1] ** 2


def grad(x):
    """The gradient: the transpose of the 1x2 Jacobian [df/dx1, df/dx2]."""
    a, b, c = COEFFS
    return np.array([2 * a * x[0] + b * x[1], b * x[0] + 2 * c * x[1]])


def descent_path(start, alpha, steps):
    path = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        path.append(path[-1] - alpha * grad(path[-1]))
    return np.array(path)


def heatmap_pixels(width=240, height=160):
    """f on a grid, in bands of equal height: the band edges are level curves."""
    xs = np.linspace(*X_RANGE, width)
    ys = np.linspace(*Y_RANGE, height)[::-1]  # image rows run top to bottom
    values = f(np.stack(np.meshgrid(xs, ys), axis=-1))
    level = np.floor(values / values.max() * BANDS) / BANDS
    low, high = np.array(style.BACKGROUND.to_rgb()), np.array(style.MUTED.to_rgb())
    rgb = low + (high - low) * (0.2 + 0.8 * level[..., None])
    return (np.dstack([rgb, np.ones(level.shape)]) * 255).astype(np.uint8)


class SteepestDescent(Scene):
    def construct(self):
        self.alpha = ALPHA
        self.show_landscape()
        self.gradient_is_a_column()
        self.show_ascent()
        self.flip_to_descent()
        self.run_descent()
        self.overshoot()

    # -- beats ---------------------------------------------------------------------
    def show_landscape(self):
        self.heading = title("Uphill and downhill")
        self.axes = Axes(x_range=[*X_RANGE, 1], y_range=[*Y_RANGE, 1], x_length=6.6, y_length=4.4,
                         axis_config={"color": style.MUTED, "include_ticks": False})
        self.axes.to_edge(LEFT, buff=style.EDGE_BUFF).to_edge(DOWN, buff=0.6)
        image = ImageMobject(heatmap_pixels())
        image.stretch_to_fit_width(self.axes.x_length).stretch_to_fit_height(self.axes.y_length)
        image.move_to(self.axes.c2p(0, 0))
        self.map = image
        a, b, c = COEFFS
        self.formula = plain_tex(r"f(\vec{x}) = %g\,x_1^2 + %g\,x_1x_2 + %g\,x_2^2" % (a, b, c),
                           font_size=style.HEADING)
        self.legend = note("brighter: higher f")
        self.panel_at(VGroup(self.formula, self.legend).arrange(DOWN, buff=0.3))
        beat(self, Write(self.heading), FadeIn(image), FadeIn(self.axes), FadeIn(self.formula),
                  FadeIn(self.legend),
                  subcaption="A bowl seen from above: each band is a range of heights, darker is lower.", run_time=1.2)

    def gradient_is_a_column(self):
        row = plain_tex(r"\frac{df}{d\vec{x}} = \begin{bmatrix} \frac{\partial f}{\partial x_1} &"
                  r" \frac{\partial f}{\partial x_2} \end{bmatrix}", font_size=style.HEADING)
        col = plain_tex(r"\nabla f(\vec{x}) = \Big(\frac{df}{d\vec{x}}\Big)^{T} = \begin{bmatrix}"
                  r" \frac{\partial f}{\partial x_1} \\ \frac{\partial f}{\partial x_2} \end{bmatrix}",
                  font_size=style.HEADING, color=style.GRAD_COLOR)
        hint = note("a 1×2 row, stood up as a column")
        self.transpose = VGroup(row, col, hint).arrange(DOWN, buff=0.3)
        self.panel_at(self.transpose, under=self.formula)
        beat(self, FadeOut(self.legend), FadeIn(self.transpose),
                  subcaption="The Jacobian of a number-valued map is a row; the gradient is that row stood up as a column.", run_time=1.2)

    def show_ascent(self):
        self.arrows = VGroup(*[self.arrow_at(p, +1) for p in ARROW_POINTS])
        self.arrow_origins = ARROW_POINTS
        self.dots = VGroup(*[Dot(self.axes.c2p(*p), radius=0.06, color=style.X_COLOR) for p in ARROW_POINTS])
        self.arrow_label = plain_tex(r"\nabla f:\ \text{steepest ascent}", color=style.GRAD_COLOR,
                               font_size=style.HEADING)
        self.panel_at(self.arrow_label, under=self.formula)
        beat(self, FadeOut(self.transpose), FadeIn(self.dots), FadeIn(self.arrows), FadeIn(self.arrow_label),
                  subcaption="At each point the gradient points straight up the slope, across the bands.", run_time=1.2)

    def flip_to_descent(self):
        label = plain_tex(r"-\nabla f:\ \text{steepest descent}", color=style.GRAD_COLOR,
                    font_size=style.HEADING)
        self.panel_at(label, under=self.formula)
        beat(self, *[Rotate(a, np.pi, about_point=a.get_start()) for a in self.arrows],
                  FadeOut(self.arrow_label), FadeIn(label),
                  subcaption="Turn each arrow around and it points the quickest way down.", run_time=1.2)
        self.arrow_label = label

    def run_descent(self):
        self.path = descent_path(START, ALPHA, STEPS)
        self.path_dots = VGroup(*[Dot(self.axes.c2p(*p), radius=0.07, color=style.X_COLOR) for p in self.path])
        lines = VGroup(*[Line(self.axes.c2p(*p), self.axes.c2p(*q), color=style.X_COLOR, stroke_width=3)
                         for p, q in zip(self.path[:-1], self.path[1:])])
        rule = plain_tex(r"\vec{x} \leftarrow \vec{x} - \alpha\,\nabla f(\vec{x}),\quad \alpha = %g" % ALPHA,
                   font_size=style.HEADING)
        self.f_values = VGroup(*[DecimalNumber(v, num_decimal_places=3, font_size=style.BODY)
                                 for v in f(self.path)])
        names = VGroup(*[plain_tex(r"f(\vec{x}_{%d}) =" % k, font_size=style.BODY) for k in range(len(self.path))])
        table = VGroup(*[VGroup(n, v).arrange(RIGHT, buff=0.15) for n, v in zip(names, self.f_values)])
        table.arrange_in_grid(rows=4, cols=2, buff=(0.6, 0.2), col_alignments="ll", flow_order="dr")
        self.descent_panel = VGroup(rule, table).arrange(DOWN, buff=0.3)
        self.panel_at(self.descent_panel, under=self.formula)
        beat(self, FadeOut(self.arrows), FadeOut(self.dots), FadeOut(self.arrow_label),
                  FadeIn(self.path_dots), FadeIn(lines), FadeIn(self.descent_panel),
                  subcaption="Step against the gradient again and again: the height falls at every step.", run_time=1.2)
        self.path_lines = lines

    def overshoot(self):
        start = LONG_START
        self.long_step = np.array([start, start - LONG_ALPHA * grad(start)])
        self.long_dots = VGroup(*[Dot(self.axes.c2p(*p), radius=0.07, color=style.X_COLOR) for p in self.long_step])
        jump = Arrow(*[d.get_center() for d in self.long_dots], buff=0.08,
                     color=style.GRAD_COLOR, stroke_width=4)
        self.before = DecimalNumber(f(start), num_decimal_places=3, font_size=style.BODY)
        self.after = DecimalNumber(f(self.long_step[1]), num_decimal_places=3, font_size=style.BODY)
        line = VGroup(plain_tex(r"\alpha = %g:\ f\ \text{goes from}" % LONG_ALPHA, font_size=style.BODY),
                      self.before, plain_tex(r"\text{to}", font_size=style.BODY), self.after).arrange(RIGHT, buff=0.15)
        caveat = VGroup(
            *[note(t, font_size=style.LABEL, color=style.FOREGROUND) for t in (
                "Along the gradient f rises only",
                "if the gradient is not zero",
                "and the step is short enough.",
                "Too long a step overshoots:")],
        ).arrange(DOWN, buff=0.08, aligned_edge=LEFT)
        self.caveat = VGroup(caveat, line).arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        self.panel_at(self.caveat, under=self.formula)
        beat(self, FadeOut(self.descent_panel), FadeOut(self.path_dots), FadeOut(self.path_lines),
                  FadeIn(self.caveat), FadeIn(jump), FadeIn(self.long_dots),
                  subcaption="Only short steps are sure to help, and only where the slope is not flat; this long one lands higher.", run_time=1.2)

    # -- helpers -------------------------------------------------------------------
    def arrow_at(self, point, sign):
        tip = point + sign * ARROW_SCALE * grad(point)
        return Arrow(self.axes.c2p(*point), self.axes.c2p(*tip), buff=0, color=style.GRAD_COLOR,
                     stroke_width=5, max_tip_length_to_length_ratio=0.3)

    def panel_at(self, mob, under=None):
        """Place text in the column right of the map, below `under` if given."""
        left = self.axes.get_right()[0] + 0.35
        if under is None:
            mob.next_to(self.heading, DOWN, buff=0.5)
        else:
            mob.next_to(under, DOWN, buff=0.45)
        mob.shift((left - mob.get_left()[0]) * RIGHT)
        return mob
