"""The chain rule as nudges carried through maps.

One variable: three number lines on one scale, x, u = g(x) and h = f(u). A nudge of x is
carried down through g, stretched by g′, then through f, scaled by f′: the slopes multiply.
Several variables: a nudge of x swings round a circle; g's Jacobian turns the circle into an
ellipse in the u-plane, f's squeezes it onto the h line, and the Jacobians multiply, the size
of u shared between them. The bridge: the network is such a chain, and backpropagation
multiplies its layers' Jacobians. Every number is computed here; tests check them by finite
differences.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    GrowFromCenter,
    LaggedStart,
    Line,
    NumberLine,
    Polygon,
    Scene,
    SurroundingRectangle,
    TransformFromCopy,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
)

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_reference_run
from scenes.widgets.highlight import PointAt
from scenes.widgets.matrices import number, value_matrix
from scenes.widgets.text import note, plain_tex, tex, title
from toynet_core.model import relu, sigmoid
from toynet_core.numeric import central_jacobian

X_1D = 0.8  # where the one-variable rule is worked out
SLIDE_FROM = 0.35  # x slides from here to X_1D while the composition is shown
NUDGE = 0.1  # the nudge of x, centred on X_1D
UNIT = 4.0  # scene units per 1 on all three number lines: one scale, so lengths compare

# the quantities of the network's forward pass, in order: the chain of the bridge

POINT = np.array([1.0, 0.5])  # where the Jacobians are worked out
RADIUS = 0.4  # the nudges of x that swing round a circle


# One variable: h = f o g with g(x) = x^2, f(u) = sin u.
def g1(x):
    return x**2


def f1(u):
    return np.sin(u)


# Several variables: g: R^2 -> R^2, f: R^2 -> R.
def g(x):
    return np.array([x[0] ** 2 - x[1], x[0] * x[1]])


def jac_g(x):
    return np.array([[2 * x[0], -1.0], [x[1], x[0]]])


def f(u):
    return np.array([np.sin(u[0]) + u[1] ** 2])


def jac_f(u):
    return np.array([[np.cos(u[0]), 2 * u[1]]])


def h(x):
    return f(g(x))


def layer_jacobians(W1, W2, x, y):
    """The Jacobian of each map of the network at one sample, in the order the forward pass
    applies them, by finite differences: [(name, J)] with J of shape (outputs, inputs)."""
    x_tilde = np.append(np.asarray(x, float), 1.0)
    maps = [
        ("W1", lambda v: np.append(W1 @ v, 1.0)),
        ("relu", relu),
        ("W2", lambda v: W2 @ v),
        ("sigmoid", sigmoid),
        ("loss", lambda v: (y - v) ** 2),
    ]
    out, found = x_tilde, []
    for name, fn in maps:
        found.append((name, central_jacobian(fn, out)))
        out = np.atleast_1d(fn(out))
    return found


class ChainRule(Scene):
    def construct(self):
        self.lay_out_lines()
        self.compose()
        self.through_g()
        self.through_f()
        self.slopes_multiply()
        self.maps_of_the_plane()
        self.circle_to_ellipse()
        self.ellipse_to_line()
        self.jacobians_multiply()
        self.check_by_nudging()
        self.bridge_to_backpropagation()

    # -- one variable ----------------------------------------------------------------
    def lay_out_lines(self):
        """Before the first words: the title and the three number lines on one scale."""
        self.heading = title("The chain rule")
        self.x_1d = X_1D
        specs = [("x", (0, 1.5), 2.3, style.X_COLOR, r"x"),
                 ("u", (0, 2.0), 0.4, style.Z_COLOR, r"u = g(x) = x^2"),
                 ("h", (0, 1.0), -1.5, style.Z_COLOR, r"h = f(u) = \sin u")]
        self.lines, self.line_names = {}, VGroup()
        for key, (lo, hi), y, color, name in specs:
            line = NumberLine(x_range=[lo, hi, 0.5], length=UNIT * (hi - lo), include_numbers=True,
                              numbers_to_include=np.arange(lo, hi + 1e-9, 1.0), font_size=style.SMALL,
                              color=style.MUTED, decimal_number_config={"num_decimal_places": 0})
            line.move_to(RIGHT * (-3.0 + line.length / 2) + UP * y)
            self.lines[key] = line
            label = plain_tex(name, font_size=style.BODY, color=color)
            label.next_to(line.n2p(lo), LEFT, buff=0.4)
            self.line_names.add(label)
        self.slide = ValueTracker(SLIDE_FROM)
        self.values_1d = {"x": lambda: self.slide.get_value(),
                          "u": lambda: g1(self.slide.get_value()),
                          "h": lambda: f1(g1(self.slide.get_value()))}
        self.dots_1d = VGroup(*[self.live_dot(key) for key in ("x", "u", "h")])
        self.add(self.heading, *self.lines.values(), self.line_names, self.dots_1d)

    def compose(self):
        links = VGroup(*[always_redraw(lambda a=a, b=b: DashedLine(
            self.lines[a].n2p(self.values_1d[a]()), self.lines[b].n2p(self.values_1d[b]()),
            color=style.MUTED, stroke_width=2, buff=0.12)) for a, b in (("x", "u"), ("u", "h"))])
        self.readouts_1d = VGroup()
        for key, color in (("x", style.X_COLOR), ("u", style.Z_COLOR), ("h", style.Z_COLOR)):
            value = number(self.values_1d[key](), color=color, font_size=style.LABEL)
            value.add_updater(lambda m, k=key: m.set_value(self.values_1d[k]()).next_to(
                self.lines[k].n2p(self.values_1d[k]()), UP, buff=0.22))  # above the ticks and the dot
            self.readouts_1d.add(value)
        self.links_1d = links
        self.add(links, self.readouts_1d)
        beat(self, self.slide.animate.set_value(X_1D),
             subcaption="g squares x, giving u; then f takes the sine of u. So h of x is f of g of x.")
        for mob in (*links, *self.readouts_1d, *self.dots_1d):
            mob.clear_updaters()

    def prepare_nudge(self):
        """The nudge of x, grown at the start of the next beat, and its images on the lines."""
        self.nudge = ValueTracker(0.0)
        x = X_1D
        half = NUDGE / 2
        self.spans = {"x": (x - half, x + half), "u": (g1(x - half), g1(x + half)),
                      "h": (f1(g1(x - half)), f1(g1(x + half)))}
        growing = always_redraw(lambda: Line(self.lines["x"].n2p(x - self.nudge.get_value() / 2),
                                             self.lines["x"].n2p(x + self.nudge.get_value() / 2),
                                             color=style.X_COLOR, stroke_width=9))
        self.segments = {"x": growing}
        self.add(growing)
        label = plain_tex(r"\Delta x = %.2f" % NUDGE, font_size=style.LABEL, color=style.X_COLOR)
        label.next_to(self.lines["x"].n2p(x + NUDGE / 2), RIGHT, buff=0.5).shift(UP * 0.35)
        self.nudge_label = label
        return [during(FadeOut(VGroup(self.readouts_1d, self.links_1d)), 0, 0.2),
                during(self.nudge.animate.set_value(NUDGE), 0.1, 0.35), during(FadeIn(label), 0.2, 0.4)]

    def span_of(self, key):
        return self.spans[key]

    def carry(self, upper, lower, factor_tex, factor_value, subcaption, lead=(), start=0.0, spoken=None):
        """One beat: the nudge on line `upper` slides down onto line `lower`, stretching to its
        image there, and the stretch factor is written beside it; `lead` animations come first,
        and the slide begins at the share `start` of the beat."""
        drop = ValueTracker(0.0)
        lo_a, hi_a = self.span_of(upper)
        lo_b, hi_b = self.span_of(lower)

        def band():
            t = drop.get_value()
            top_l, top_r = self.lines[upper].n2p(lo_a), self.lines[upper].n2p(hi_a)
            bot_l, bot_r = self.lines[lower].n2p(lo_b), self.lines[lower].n2p(hi_b)
            cur_l, cur_r = top_l + t * (bot_l - top_l), top_r + t * (bot_r - top_r)
            return Polygon(top_l, top_r, cur_r, cur_l, stroke_width=0, fill_color=style.Z_COLOR,
                           fill_opacity=0.25)

        def moving_segment():
            t = drop.get_value()
            top_l, top_r = self.lines[upper].n2p(lo_a), self.lines[upper].n2p(hi_a)
            bot_l, bot_r = self.lines[lower].n2p(lo_b), self.lines[lower].n2p(hi_b)
            return Line(top_l + t * (bot_l - top_l), top_r + t * (bot_r - top_r),
                        color=style.Z_COLOR, stroke_width=9)

        trapezoid, segment = always_redraw(band), always_redraw(moving_segment)
        factor = VGroup(tex(factor_tex, font_size=style.BODY, color=style.GRAD_COLOR, colored=False),
                        number(factor_value, color=style.GRAD_COLOR, font_size=style.BODY)).arrange(RIGHT, buff=0.15)
        middle = (self.lines[upper].n2p(hi_a) + self.lines[lower].n2p(hi_b)) / 2
        factor.next_to(middle, RIGHT, buff=0.6)
        self.add(trapezoid, segment)
        # the factor fades in whole while the band is still dropping, so a still at 60 % of the
        # cue shows it complete; the drop keeps the picture moving almost to the end
        span = 1 - start
        beat(self, *lead, during(drop.animate.set_value(1.0), start, start + 0.85 * span),
             during(FadeIn(factor), start + 0.25 * span, start + 0.4 * span), subcaption=subcaption, spoken=spoken)
        trapezoid.clear_updaters()
        segment.clear_updaters()
        self.segments[lower] = segment
        return factor, trapezoid

    def through_g(self):
        x = X_1D
        lead = self.prepare_nudge()
        self.dg_factor, self.g_band = self.carry(
            "x", "u", r"\times\ g'(%g) =" % x, 2 * x,
            f"At x = {x:g}, nudge x by {NUDGE:g}: g carries the nudge down and stretches it by its slope, "
            f"2x = {2 * x:.2f}.", lead=lead, start=0.3)
        self.segments["x"].clear_updaters()
        self.dg_1d = self.dg_factor[1]

    def through_f(self):
        u = g1(X_1D)
        self.df_factor, self.f_band = self.carry(
            "u", "h", r"\times\ f'(%g) =" % u, np.cos(u),
            f"Then f scales it by its own slope at u = {u:g}: cos {u:g}, about {np.cos(u):.2f}.",
            spoken=f"Then f scales it by its own slope at u = {u:g}: the cosine of {u:g}, about {np.cos(u):.2f}.")
        self.df_1d = self.df_factor[1]

    def slopes_multiply(self):
        x, u = X_1D, g1(X_1D)
        outer, inner = np.cos(u), 2 * x
        df = number(outer, color=style.GRAD_COLOR, font_size=style.BODY)
        dg = number(inner, color=style.GRAD_COLOR, font_size=style.BODY)
        self.prod_1d = number(outer * inner, color=style.GRAD_COLOR, font_size=style.BODY)
        rule = VGroup(plain_tex(r"h'(x) = f'(g(x))\cdot g'(x) =", font_size=style.BODY), df,
                      plain_tex(r"\times", font_size=style.BODY), dg,
                      plain_tex("=", font_size=style.BODY), self.prod_1d).arrange(RIGHT, buff=0.18)
        lo, hi = self.span_of("h")
        self.fd_1d = number((hi - lo) / NUDGE, font_size=style.BODY)
        measured = VGroup(plain_tex(r"\text{measured: } \Delta h / \Delta x =", font_size=style.BODY),
                          self.fd_1d).arrange(RIGHT, buff=0.18)
        rule.move_to(DOWN * 2.6)
        measured.next_to(self.lines["h"], RIGHT, buff=1.0)
        self.rule_1d = VGroup(rule, measured)
        beat(self, during(TransformFromCopy(self.df_1d, df), 0, 0.45),
             during(TransformFromCopy(self.dg_1d, dg), 0, 0.45),
             during(Write(VGroup(rule[0], rule[2], rule[4])), 0, 0.35),
             during(Write(self.prod_1d), 0.4, 0.6), during(Write(measured), 0.1, 0.4),
             subcaption=f"So the slopes multiply: {outer:.2f} times {inner:.2f} is {outer * inner:.2f}, "
                        "close to what the nudge measures.")
        self.dg_1d_value, self.df_1d_value = inner, outer

    # -- several variables -------------------------------------------------------------
    def maps_of_the_plane(self):
        self.point = POINT
        u0, h0 = g(POINT), h(POINT)[0]
        self.u0, self.h0 = u0, h0
        # large panels that use the frame's height; they shrink upwards once the Jacobians
        # need the room below (jacobians_multiply)
        side = 3.0
        self.x_axes = self.plane_axes(POINT, side).move_to(LEFT * 4.6 + UP * 0.75)
        self.u_axes = self.plane_axes(u0, side).move_to(LEFT * 0.3 + UP * 0.75)
        self.h_line = NumberLine(x_range=[-0.5, 2.0, 0.5], length=side * 2.5 / 2, include_numbers=True,
                                 numbers_to_include=[0, 1, 2], font_size=style.SMALL, color=style.MUTED,
                                 decimal_number_config={"num_decimal_places": 0})
        self.h_line.move_to(RIGHT * 4.6 + UP * 0.75)
        arrows = VGroup(Arrow(self.x_axes.get_right(), self.u_axes.get_left(), buff=0.25, color=style.MUTED),
                        Arrow(self.u_axes.get_right(), self.h_line.get_left(), buff=0.35, color=style.MUTED))
        names = VGroup(
            plain_tex("g", font_size=style.BODY).next_to(arrows[0], UP, buff=0.1),
            plain_tex("f", font_size=style.BODY).next_to(arrows[1], UP, buff=0.1))
        defs = VGroup(
            plain_tex(r"g(\vec{x}) = (x_1^2 - x_2,\ x_1 x_2)", font_size=style.LABEL),
            plain_tex(r"f(\vec{u}) = \sin u_1 + u_2^2", font_size=style.LABEL))
        defs[0].next_to(self.x_axes, UP, buff=0.15).set_x(arrows[0].get_x())
        defs[1].next_to(self.u_axes, UP, buff=0.15).set_x(arrows[1].get_x() + 0.6)
        # each name at its own axis' end (the axes cross at 0, not at the panel's corner): x₁
        # under the horizontal axis' end, clear of the arrow to the next panel; x₂ beside the
        # vertical axis' top
        axis_names = VGroup()
        for axes, first, second in ((self.x_axes, "x_1", "x_2"), (self.u_axes, "u_1", "u_2")):
            along = plain_tex(first, font_size=style.SMALL, color=style.MUTED)
            along.next_to(axes.x_axis.get_end(), DOWN, buff=0.12).align_to(axes.x_axis.get_end(), RIGHT)
            up = plain_tex(second, font_size=style.SMALL, color=style.MUTED)
            up.next_to(axes.y_axis.get_end(), LEFT, buff=0.12).align_to(axes.y_axis.get_end(), UP)
            axis_names.add(along, up)
        spaces = VGroup(
            tex(r"\vec{x} \in \mathbb{R}^n,\ n = 2", font_size=style.LABEL, color=style.X_COLOR, colored=False),
            tex(r"\vec{u} \in \mathbb{R}^r,\ r = 2", font_size=style.LABEL, color=style.Z_COLOR, colored=False),
            tex(r"h \in \mathbb{R}", font_size=style.LABEL, color=style.Z_COLOR, colored=False))
        for label, panel in zip(spaces, (self.x_axes, self.u_axes, self.h_line)):
            label.next_to(panel, DOWN, buff=0.25)
        spaces[2].set_y(spaces[0].get_y())
        self.dots_2d = VGroup(Dot(self.x_axes.c2p(*POINT), radius=0.07, color=style.X_COLOR),
                              Dot(self.u_axes.c2p(*u0), radius=0.07, color=style.Z_COLOR),
                              Dot(self.h_line.n2p(h0), radius=0.07, color=style.Z_COLOR))
        # where the Jacobians are worked out, written at the point
        self.point_label = plain_tex(r"(%g,\ %g)" % tuple(POINT), font_size=style.LABEL, color=style.X_COLOR)
        self.point_label.next_to(self.dots_2d[0], UP, buff=0.6)  # above the circle of nudges to come
        self.plane_picture = VGroup(self.x_axes, self.u_axes, self.h_line, arrows, names, defs, spaces,
                                    axis_names, self.dots_2d, self.point_label)
        # the labels too small to read once the picture shrinks (make_room): they leave then
        self.small_labels = VGroup(defs, spaces, axis_names, self.point_label, self.h_line.numbers)
        one_variable = VGroup(*self.lines.values(), self.line_names, self.dots_1d, self.nudge_label,
                              *self.segments.values(), self.g_band, self.f_band, self.dg_factor,
                              self.df_factor, self.rule_1d)
        # The new picture builds while the old one fades, so the frame is never empty.
        beat(self, during(FadeOut(one_variable), 0, 0.35),
             during(LaggedStart(Create(self.x_axes), GrowArrow(arrows[0]), Create(self.u_axes),
                                GrowArrow(arrows[1]), Create(self.h_line), lag_ratio=0.3), 0.1, 0.4),
             # the formulas are whole early in the beat, while the words speak of them
             during(LaggedStart(Write(names), Write(defs), Write(spaces), Write(axis_names), lag_ratio=0.15), 0.2, 0.5),
             during(LaggedStart(*[GrowFromCenter(d) for d in self.dots_2d], lag_ratio=0.5), 0.35, 0.6),
             during(FadeIn(self.point_label), 0.4, 0.6),
             subcaption="With more inputs, g takes the plane to the plane, and f takes a point "
                        "of that plane to one number.")

    def circle_to_ellipse(self):
        self.jg, self.jf = jac_g(POINT), jac_f(self.u0)
        self.jh = self.jf @ self.jg
        self.angle = ValueTracker(0.0)
        nudge = lambda: RADIUS * np.array([np.cos(self.angle.get_value()), np.sin(self.angle.get_value())])  # noqa: E731
        self.nudge_arrows = VGroup(
            always_redraw(lambda: self.vector(self.x_axes, POINT, nudge(), style.X_COLOR)),
            always_redraw(lambda: self.vector(self.u_axes, self.u0, self.jg @ nudge(), style.Z_COLOR)))
        self.traces = VGroup(
            always_redraw(lambda: self.trace(self.x_axes, POINT, np.eye(2), style.X_COLOR)),
            always_redraw(lambda: self.trace(self.u_axes, self.u0, self.jg, style.Z_COLOR)))
        self.add(self.traces, self.nudge_arrows)
        beat(self, self.angle.animate(rate_func=lambda t: t).set_value(2 * np.pi),
             subcaption="Swing a small nudge of x round a circle: g's Jacobian turns the circle "
                        "of nudges into an ellipse.")
        for mob in (*self.traces, *self.nudge_arrows):
            mob.clear_updaters()
        self.circle, self.ellipse = self.traces

    def ellipse_to_line(self):
        self.angle.set_value(0.0)
        nudge = lambda: RADIUS * np.array([np.cos(self.angle.get_value()), np.sin(self.angle.get_value())])  # noqa: E731
        arrows = VGroup(
            always_redraw(lambda: self.vector(self.x_axes, POINT, nudge(), style.X_COLOR)),
            always_redraw(lambda: self.vector(self.u_axes, self.u0, self.jg @ nudge(), style.Z_COLOR)),
            always_redraw(lambda: self.h_vector(self.jh @ nudge())))
        swept = always_redraw(self.h_sweep)
        self.remove(self.nudge_arrows)
        self.add(swept, arrows)
        beat(self, self.angle.animate(rate_func=lambda t: t).set_value(2 * np.pi),
             subcaption="Then f's Jacobian squeezes the ellipse onto the line of h: "
                        "every nudge of u becomes a nudge of one number.")
        for mob in (swept, *arrows):
            mob.clear_updaters()
        self.nudge_arrows, self.h_segment = arrows, swept

    def jacobians_multiply(self):
        self.jf_matrix = value_matrix(self.jf, color=style.GRAD_COLOR, font_size=style.BODY, h_buff=1.2)
        self.jg_matrix = value_matrix(self.jg, color=style.GRAD_COLOR, font_size=style.BODY, h_buff=1.2)
        self.product_matrix = value_matrix(self.jh, color=style.GRAD_COLOR, font_size=style.BODY, h_buff=1.2)
        names = [tex(t, font_size=style.LABEL, color=style.GRAD_COLOR, colored=False) for t in (
            r"\frac{\partial h}{\partial \vec{x}}", r"\frac{\partial f}{\partial \vec{u}}\ \text{at}\ \vec{u} = g(\vec{x})",
            r"\frac{\partial g}{\partial \vec{x}}")]
        equals = plain_tex("=", font_size=style.BODY)
        row = VGroup(names[0], equals, self.product_matrix, plain_tex("=", font_size=style.BODY),
                     self.jf_matrix, self.jg_matrix).arrange(RIGHT, buff=0.25)
        row.move_to(DOWN * 1.2 + RIGHT * 0.2)  # the check row below stays above the subtitle band
        for name, mat in zip(names[1:], (self.jf_matrix, self.jg_matrix)):
            name.next_to(mat, UP, buff=0.12)
        # The inner size r: f's columns and g's rows both run over u's coordinates (the point of
        # the beat, so as large as the entries)
        u_cols = VGroup(*[plain_tex("u_%d" % (j + 1), font_size=style.BODY, color=style.Z_COLOR)
                          .next_to(self.jf_matrix.get_columns()[j], DOWN, buff=0.3) for j in range(2)])
        u_rows = VGroup(*[plain_tex("u_%d" % (i + 1), font_size=style.BODY, color=style.Z_COLOR)
                          .next_to(self.jg_matrix.get_rows()[i], RIGHT, buff=0.45) for i in range(2)])
        # the sizes as numbers, outputs × inputs; the shared r (u's size) in u's colour
        sizes = VGroup(*[tex(str(rows), r"\times", str(cols), font_size=style.LABEL, colored=False)
                         for rows, cols in (self.jh.shape, self.jf.shape, self.jg.shape)])
        sizes[0].next_to(self.product_matrix, DOWN, buff=0.3)
        sizes[1].next_to(u_cols, DOWN, buff=0.12)
        sizes[2].next_to(self.jg_matrix, DOWN, buff=0.3)
        sizes[1][2].set_color(style.Z_COLOR)
        sizes[2][0].set_color(style.Z_COLOR)
        sizes[2].set_y(sizes[1].get_y())
        sizes[0].set_y(sizes[1].get_y())
        self.inner_labels = VGroup(u_cols, u_rows)
        self.size_labels = sizes
        self.product_names = VGroup(*names[1:])
        self.product_row = VGroup(row, *names[1:], u_cols, u_rows, sizes)
        # In order: the panels make room, the two Jacobians with their sizes and the shared u
        # (the words speak of the sizes from the middle of the beat), then each entry of the
        # product (f's row against one of g's columns, their numbers flying in), and its size.
        # Every piece is whole by 60 % of the beat (a still there shows nothing mid-write); each
        # entry of the product fades in whole while boxes point at f's row and g's column.
        row_of_f = self.jf_matrix.get_rows()[0]
        steps = [*self.make_room(0, 0.12),
                 during(Write(VGroup(self.jf_matrix, self.jg_matrix)), 0.1, 0.25),
                 during(Write(VGroup(*names[1:])), 0.1, 0.25),
                 during(FadeIn(VGroup(u_cols, u_rows)), 0.22, 0.3), during(FadeIn(VGroup(sizes[1], sizes[2])), 0.22, 0.3),
                 during(FadeIn(VGroup(names[0], equals, row[3], self.product_matrix.get_brackets())), 0.28, 0.34)]
        for j, entry in enumerate(self.product_matrix.get_entries()):
            col_of_g = self.jg_matrix.get_columns()[j]
            start = 0.34 + 0.1 * j
            steps += [during(PointAt(row_of_f, buff=0.06), start, start + 0.1),
                      during(PointAt(col_of_g, buff=0.06), start, start + 0.1),
                      during(FadeIn(entry), start + 0.03, start + 0.08)]
        steps += [during(FadeIn(sizes[0]), 0.52, 0.57)]
        beat(self, *steps,
             subcaption="f's Jacobian, taken at the point u⃗ = g(x⃗), times g's, as the slopes did. Their "
                        "sizes chain: f's columns and g's rows both count u's 2 entries.")

    def make_room(self, start, end):
        """The three panels, with the nudges drawn on them, shrink towards the top of the
        frame, so the Jacobians below have room; the labels that would be too small to read
        there (the formulas, axis names, spaces and ticks) leave first. The arrows' g and f stay."""
        self.plane_picture.remove(*self.small_labels)  # they fade where they are, unscaled
        self.h_line.remove(self.h_line.numbers)
        self.add(self.h_line.numbers)
        picture = VGroup(self.plane_picture, self.traces, self.nudge_arrows, self.h_segment)
        return [during(FadeOut(self.small_labels), start, start + 0.4 * (end - start)),
                during(picture.animate.scale(0.72).align_to([0, 2.95, 0], UP), start, end)]

    def check_by_nudging(self):
        self.fd_matrix = value_matrix(central_jacobian(h, POINT), font_size=style.BODY, h_buff=1.2)
        label = plain_tex(r"\text{measured:}", font_size=style.LABEL)
        self.fd_matrix.next_to(self.product_matrix, DOWN, buff=0.25)
        label.next_to(self.fd_matrix, LEFT, buff=0.35)
        check = VGroup(label, self.fd_matrix)
        self.check_row = check
        frame = SurroundingRectangle(VGroup(self.product_matrix, self.fd_matrix), color=style.EMPHASIS, buff=0.12)
        beat(self, during(FadeOut(VGroup(self.inner_labels, self.size_labels)), 0, 0.15),
             during(FadeIn(check, shift=0.4 * UP), 0.15, 0.35), during(FadeIn(frame), 0.3, 0.42),
             # each pair of matching entries is pointed at in turn, a box fading in and out whole
             during(LaggedStart(*[PointAt(VGroup(p, m), buff=0.04)  # inside the brackets
                                  for p, m in zip(self.product_matrix.get_entries(), self.fd_matrix.get_entries())],
                                lag_ratio=0.6), 0.42, 0.95),
             subcaption="Nudging f after g directly gives the same row of slopes.")
        self.check_frames = VGroup(frame)

    # -- bridge -------------------------------------------------------------------------
    def bridge_to_backpropagation(self):
        run = load_reference_run()
        W1, W2 = np.asarray(run.W1[-1]), np.asarray(run.W2[-1])
        sample = 0
        self.layer_jacobians = layer_jacobians(W1, W2.reshape(1, 4), run.X[sample], float(run.y[sample]))
        # Each quantity of the forward pass as a stack of dots, one per entry, in its colour;
        # under each map, the size of its Jacobian (outputs × inputs).
        sizes_in = [jac.shape[1] for _, jac in self.layer_jacobians] + [self.layer_jacobians[-1][1].shape[0]]
        colors = [style.X_COLOR, style.Z_COLOR, style.X_COLOR, style.Z_COLOR, style.YHAT_COLOR, style.LOSS_COLOR]
        # x̃ and both hidden vectors end in the constant 1 the network appends (drawn hollow): it
        # lets a layer shift its output, the affine part, so their sizes are one more
        appended = [name in ("W1", "relu", "W2") for name, _ in self.layer_jacobians] + [False]
        def dot(color, constant):
            d = Dot(radius=0.11, color=color)
            return d.set_fill(opacity=0).set_stroke(style.MUTED, width=2.5) if constant else d

        nodes = VGroup(*[VGroup(*[dot(c, extra and i == n - 1) for i in range(n)]).arrange(DOWN, buff=0.18)
                         for n, c, extra in zip(sizes_in, colors, appended)]).arrange(RIGHT, buff=1.9)
        nodes.move_to(UP * 0.9)
        self.constant_dots = VGroup(*[stack[-1] for stack, extra in zip(nodes, appended) if extra])
        ones = VGroup(*[plain_tex("1", font_size=style.SMALL, color=style.MUTED).next_to(d, LEFT, buff=0.08)
                        for d in self.constant_dots])
        self.stack_sizes = [len(n) for n in nodes]
        # a bridge names only what its words say: the two ends, in words; the quantities between
        # and their sizes get their names when the network is built, in the next chapter
        words = VGroup(note("input", font_size=style.LABEL, color=style.X_COLOR),
                       note("loss", font_size=style.LABEL, color=style.LOSS_COLOR))
        for word, stack in zip(words, (nodes[0], nodes[-1])):
            word.next_to(stack, UP, buff=0.3)
        top = max(w.get_top()[1] for w in words)
        for word in words:  # one row, tops level, above the tallest stack
            word.shift((top - word.get_top()[1]) * UP)
        self.node_names = words
        ends = words
        arrows, sizes = VGroup(), VGroup()
        for i, (_, jac) in enumerate(self.layer_jacobians):
            arrow = Arrow(nodes[i].get_right(), nodes[i + 1].get_left(), buff=0.25, color=style.MUTED)
            arrow.set_y(nodes.get_y())
            arrows.add(arrow)
            # each step of the chain has its Jacobian, J, as f and g had theirs
            sizes.add(tex(r"J", font_size=style.BODY, color=style.GRAD_COLOR, colored=False)
                      .next_to(arrow, DOWN, buff=1.3))
        self.jacobian_sizes = sizes
        back = Arrow(sizes.get_right() + RIGHT * 0.9 + DOWN * 0.7, sizes.get_left() + LEFT * 0.9 + DOWN * 0.7,
                     buff=0, color=style.GRAD_COLOR, stroke_width=4)
        back_label = note("backpropagation: multiply the Jacobians, from the loss back",
                          font_size=style.LABEL, color=style.GRAD_COLOR)
        back_label.next_to(back, DOWN, buff=0.2)
        chain = VGroup(*[m for pair in zip(nodes, arrows) for m in pair], nodes[-1])
        beat(self, during(FadeOut(VGroup(self.plane_picture, self.traces, self.nudge_arrows, self.h_segment,
                                         self.product_row, self.check_row, self.check_frames)), 0, 0.2),
             during(LaggedStart(*[GrowArrow(m) if isinstance(m, Arrow) else
                                  LaggedStart(*[GrowFromCenter(d) for d in m], lag_ratio=0.2)
                                  for m in chain], lag_ratio=0.3), 0.1, 0.5),
             during(FadeIn(ends), 0.15, 0.3), during(FadeIn(ones), 0.2, 0.35),
             # the sizes and the backward arrow are whole by the middle of the beat; the label
             # fades in whole rather than being written glyph by glyph
             during(GrowArrow(back), 0.3, 0.5),
             during(LaggedStart(*[FadeIn(s, shift=0.3 * LEFT) for s in reversed(sizes)], lag_ratio=0.3), 0.3, 0.5),
             during(FadeIn(back_label), 0.4, 0.55),
             subcaption="The network is such a chain, ending in its error, the loss. Multiplying Jacobians "
                        "back from the loss: backpropagation.",
             hold=0.8)

    # -- pictures ------------------------------------------------------------------------
    def live_dot(self, key):
        color = style.X_COLOR if key == "x" else style.Z_COLOR
        return always_redraw(lambda: Dot(self.lines[key].n2p(self.values_1d[key]()), radius=0.08,
                                         color=color))

    @staticmethod
    def plane_axes(centre, side):
        c0, c1 = np.round(centre - 1.0, 6), np.round(centre + 1.0, 6)
        return Axes(x_range=[c0[0], c1[0], 0.5], y_range=[c0[1], c1[1], 0.5], x_length=side,
                    y_length=side, tips=False, axis_config={"color": style.MUTED, "stroke_width": 1.5})

    @staticmethod
    def vector(axes, base, delta, color):
        start, end = axes.c2p(*base), axes.c2p(*(base + delta))
        return Arrow(start, end, buff=0, color=color, stroke_width=4, max_tip_length_to_length_ratio=0.3)

    def h_vector(self, delta):
        start, end = self.h_line.n2p(self.h0), self.h_line.n2p(self.h0 + float(delta[0]))
        return Arrow(start + UP * 0.25, end + UP * 0.25, buff=0, color=style.Z_COLOR, stroke_width=4,
                     max_tip_length_to_length_ratio=0.3)

    def trace(self, axes, base, matrix, color):
        """The images under `matrix` of the nudges swept so far: an arc of the circle, mapped."""
        theta = self.angle.get_value()  # at 0 the arc is a single point, drawn as nothing
        t = np.linspace(0.0, theta, max(2, int(60 * theta / np.pi)))
        pts = RADIUS * np.stack([np.cos(t), np.sin(t)], axis=1) @ np.asarray(matrix).T + base
        curve = VMobject(stroke_color=color, stroke_width=2.5)
        curve.set_points_as_corners([axes.c2p(*p) for p in pts])
        return curve

    def h_sweep(self):
        """The stretch of the h line covered by the nudges swept so far."""
        theta = self.angle.get_value()
        t = np.linspace(0.0, max(theta, 1e-6), 200)
        values = self.h0 + RADIUS * (self.jh @ np.stack([np.cos(t), np.sin(t)]))[0]
        return Line(self.h_line.n2p(values.min()), self.h_line.n2p(values.max()), color=style.Z_COLOR,
                    stroke_width=9)
