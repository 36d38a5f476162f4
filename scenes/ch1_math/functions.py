"""Functions: two of one variable, and one of two variables."""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    Scene,
    Surface,
    TAU,
    DashedVMobject,
    LaggedStart,
    ParametricFunction,
    ThreeDScene,
    ReplacementTransform,
    Transform,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    smooth,
    squish_rate_func,
    interpolate_color,
    Line,
)

from scenes.pacing import beat, during
from scenes.style import BACKGROUND, BODY, LABEL, MUTED, X_COLOR, Z_COLOR
from scenes.style import EMPHASIS, TEX_COLORS, YHAT_COLOR, class_color
from scenes.widgets.hidden_view import hidden_axes, hidden_axis_labels, pin_to_points
from scenes.widgets.highlight import PointAt
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.text import note, plain_tex, tex, title

# The two functions of one variable, and the network functions built from them (the bridge).
ONE_D = {"x^2": np.square, "e^x": np.exp}
SLOPES = {"x^2": lambda x: 2 * x, "e^x": np.exp}  # each one's derivative
SLOPE_TEX = {"x^2": "2x", "e^x": "e^x"}
SLOPE_TO = -0.9  # where the input slides while the slopes are shown
NAMES = {"x^2": "f", "e^x": "g"}
# each curve in its own colour: eˣ in ŷ's, the colour of the sigmoid it will build
CURVE_COLORS = {"x^2": Z_COLOR, "e^x": YHAT_COLOR}
PANEL = dict(x_range=[-2, 2, 1], y_range=[0, 4, 1], x_length=4.0, y_length=4.0)  # one scale
TRACE = (-1.5, 1.2, -1.8, 0.6)  # where the input x goes in each tracing beat (e^x stays under 4)


def loss(y, y_hat):
    """The network's loss of one sample: L = (y − ŷ)²."""
    return (y - y_hat) ** 2


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), the network's output squashing."""
    return 1.0 / (1.0 + np.exp(-z))


def shown_x_of(tracker):
    """The input as the readouts show it (2 decimals): every number beside it is computed from
    this, so a viewer who redoes the sum gets the number on screen."""
    return lambda: round(float(tracker.get_value()), 2)


def panel_axes(decimals=0, **ranges):
    """Axes with tick labels; `decimals` for both axes, or (x, y)."""
    dx, dy = decimals if isinstance(decimals, tuple) else (decimals, decimals)
    numbers = dict(color=MUTED, include_numbers=True, font_size=LABEL)
    return Axes(**ranges, tips=False, axis_config={"color": MUTED},
                x_axis_config={**numbers, "decimal_number_config": {"num_decimal_places": dx, "color": MUTED}},
                y_axis_config={**numbers, "decimal_number_config": {"num_decimal_places": dy, "color": MUTED}})


class FunctionGraphs(Scene):
    """x² and eˣ on the same scale: one number in, one number out; then where the network uses
    each (the square in its loss, eˣ in its sigmoid)."""

    def construct(self):
        self.draw_graphs()
        self.trace_inputs()
        self.name_the_type()
        self.show_slopes()
        self.bridge_to_the_network()

    def draw_graphs(self):
        self.title = title("Functions of one variable")
        self.axes, self.graphs, self.names, self.axis_names = {}, {}, {}, {}
        for key, x in (("x^2", -3.4), ("e^x", 3.4)):
            axes = panel_axes(**PANEL).move_to(RIGHT * x + DOWN * 0.55)
            fn = ONE_D[key]
            top = PANEL["y_range"][1]
            lo, hi = (-np.sqrt(top), np.sqrt(top)) if key == "x^2" else (PANEL["x_range"][0], np.log(top))
            self.graphs[key] = axes.plot(fn, x_range=[lo, hi], color=CURVE_COLORS[key], stroke_width=5)
            name = plain_tex(f"{NAMES[key]}(x) = {key}", font_size=BODY, color=CURVE_COLORS[key])
            name.next_to(axes, UP, buff=0.55).align_to(axes, LEFT)
            names = VGroup(plain_tex("x", font_size=LABEL, color=X_COLOR).next_to(axes.x_axis, RIGHT, buff=0.15),
                           plain_tex(f"{NAMES[key]}(x)", font_size=LABEL, color=CURVE_COLORS[key])
                           .next_to(axes.y_axis.get_end(), RIGHT, buff=0.15))
            self.axes[key], self.names[key], self.axis_names[key] = axes, name, names
        self.add(*self.axes.values())  # the scene opens on its two empty graphs
        # both graphs whole by half the beat: a still at 60 % shows nothing mid-draw
        beat(self, during(FadeIn(self.title), 0, 0.1),
             *[during(LaggedStart(FadeIn(self.axis_names[k]), Write(self.names[k]), Create(self.graphs[k]),
                                  lag_ratio=0.3), 0.05, 0.5) for k in ONE_D],
             subcaption="Two functions of one number: x squared on the left, e to the x on the right.")

    def trace_inputs(self):
        """An input slides along the x-axis; a dashed path goes up to each curve and across to
        the output on the vertical axis."""
        self.x = ValueTracker(TRACE[0])
        shown_x = shown_x_of(self.x)
        reveal = ValueTracker(0.0)  # fades the tracers in; a fade animation would pause their updaters
        self.readouts, self.tracers = {}, {}
        for key, axes in self.axes.items():
            fn = ONE_D[key]
            x = self.x.get_value

            def path(a=axes, f=fn):
                return VMobject(stroke_color=MUTED, stroke_width=2).set_points_as_corners(
                    [a.c2p(x(), 0), a.c2p(x(), f(x())), a.c2p(0, f(x()))])

            dashes = always_redraw(lambda p=path: DashedVMobject(p(), num_dashes=24))
            dot_in = always_redraw(lambda a=axes: Dot(a.c2p(x(), 0), color=X_COLOR, radius=0.09))
            # one colour per function: its output dots and its readout take its curve's colour
            color = CURVE_COLORS[key]
            dot_out = always_redraw(lambda a=axes, f=fn, c=color: Dot(a.c2p(x(), f(x())), color=c, radius=0.09))
            dot_axis = always_redraw(lambda a=axes, f=fn, c=color: Dot(a.c2p(0, f(x())), color=c, radius=0.07))
            x_value = DecimalNumber(x(), num_decimal_places=2, font_size=BODY, color=X_COLOR)
            y_value = DecimalNumber(fn(x()), num_decimal_places=2, font_size=BODY, color=color)
            readout = VGroup(plain_tex(f"{NAMES[key]}(", font_size=BODY, color=color), x_value,
                             plain_tex(") =", font_size=BODY, color=color), y_value)
            readout.arrange(RIGHT, buff=0.1)
            readout.next_to(self.names[key], DOWN, buff=0.12).align_to(self.names[key], LEFT)

            def show(row, f=fn, name=self.names[key]):
                shown = shown_x()  # the output of the input as shown, so the numbers agree
                row[1].set_value(shown)
                row[3].set_value(f(shown))
                row.arrange(RIGHT, buff=0.1, center=False)
                row.next_to(name, DOWN, buff=0.12).align_to(name, LEFT)
                row.set_opacity(reveal.get_value())

            readout.add_updater(show)
            self.readouts[key] = (x_value, y_value)
            for part in (dashes, dot_in, dot_out, dot_axis):  # after its redraw: the fade
                part.add_updater(lambda m: m.set_opacity(reveal.get_value()))
            self.tracers[key] = VGroup(dashes, dot_in, dot_out, dot_axis)
            self.readout_rows = getattr(self, "readout_rows", VGroup())
            self.readout_rows.add(readout)
        self.add(*self.tracers.values(), self.readout_rows)
        beat(self, reveal.animate(rate_func=lambda t: min(1.0, 4 * t)).set_value(1.0),
             self.x.animate.set_value(TRACE[1]),
             subcaption="Pick an input x, go up to the curve and across: the height there is the output.")
        beat(self, self.x.animate.set_value(TRACE[2]),
             subcaption="Each input meets a curve exactly once: one number in, one number out.")

    def name_the_type(self):
        self.signature = plain_tex(r"f,\ g : \mathbb{R} \to \mathbb{R}", font_size=BODY)
        self.signature.move_to(UP * 0.4)
        beat(self, during(Write(self.signature), 0, 0.35), self.x.animate.set_value(TRACE[3]),
             subcaption="Real numbers in, real numbers out: we write f from R to R.")

    def show_slopes(self):
        """A short tangent rides each curve with the input: its steepness is the slope, read out
        under each readout; as a function of x it is the derivative."""
        x = self.x.get_value
        shown_x = shown_x_of(self.x)
        reveal = ValueTracker(0.0)  # fades them in; a fade animation would fight their updaters
        self.tangents, self.slope_rows, self.slope_values = {}, VGroup(), {}
        for key, axes in self.axes.items():
            fn, slope = ONE_D[key], SLOPES[key]

            def tangent(a=axes, f=fn, d=slope):
                half = 0.6 / np.hypot(1.0, d(x()))  # the same drawn length at any steepness
                return Line(a.c2p(x() - half, f(x()) - half * d(x())), a.c2p(x() + half, f(x()) + half * d(x())),
                            color=EMPHASIS, stroke_width=4, stroke_opacity=reveal.get_value())

            line = always_redraw(tangent)
            value = DecimalNumber(slope(x()), num_decimal_places=2, font_size=BODY, color=EMPHASIS)
            row = VGroup(plain_tex(r"\text{slope } %s =" % SLOPE_TEX[key], font_size=BODY, color=EMPHASIS), value)
            row.arrange(RIGHT, buff=0.12)
            below = self.readout_rows[list(self.axes).index(key)]
            left_edge = below.get_right()[0] + 0.5  # beside the readout, clear of the axis names
            row.next_to(below, RIGHT, buff=0.5)

            def show(r, d=slope, beside=below, at=left_edge):
                r[1].set_value(d(shown_x()))  # the slope at the x shown: 2 · (−0.52) reads −1.04
                r.arrange(RIGHT, buff=0.12, center=False)
                r.match_y(beside).shift(RIGHT * (at - r.get_left()[0]))
                r.set_opacity(reveal.get_value())

            row.add_updater(show)
            self.tangents[key], self.slope_values[key] = line, value
            self.slope_rows.add(row)
        self.add(*self.tangents.values(), self.slope_rows)
        beat(self, reveal.animate(rate_func=lambda t: min(1.0, 4 * t)).set_value(1.0),
             self.x.animate(rate_func=smooth).set_value(SLOPE_TO), run_time=4,
             subcaption="How steeply a curve climbs at x is its slope: 2x for x², eˣ for eˣ. "
                        "As a function of x, the slope is the derivative.",
             spoken="How steeply a curve climbs at x is its slope: 2 x for x squared, and e to the x again for "
                    "e to the x. The slope, as a function of x, is the derivative.")
        for mob in (*self.tangents.values(), *self.slope_rows):
            mob.clear_updaters()

    def bridge_to_the_network(self):
        """eˣ becomes the sigmoid, which turns any number z into ŷ; x² becomes the loss (y − ŷ)²
        of the two classes. One beat each, the symbols said in words as they appear."""
        left, right = self.axes["x^2"], self.axes["e^x"]
        loss_axes = panel_axes(x_range=[0, 1, 0.5], y_range=[0, 1, 0.5], x_length=4.0, y_length=4.0,
                               decimals=1)
        loss_axes.move_to(left).shift(LEFT * 0.9)  # the panels step apart: the words go between
        sig_axes = panel_axes(x_range=[-4, 4, 2], y_range=[0, 1, 0.5], x_length=4.0, y_length=4.0,
                              decimals=(0, 1))
        sig_axes.move_to(right).shift(RIGHT * 0.9)
        self.loss_curves = VGroup(*[
            loss_axes.plot(lambda p, y=y: loss(y, p), x_range=[0, 1], color=class_color(y), stroke_width=5)
            for y in (0, 1)])
        self.loss_curves.labels = (0, 1)
        self.sigmoid_curve = sig_axes.plot(sigmoid, x_range=[-4, 4], color=YHAT_COLOR, stroke_width=5)
        loss_name = tex(r"\mathcal{L} = (y - \hat{y})^2", font_size=BODY)
        loss_name.next_to(loss_axes, UP, buff=0.6).align_to(loss_axes, LEFT)  # above the axis name
        # e⁻ᶻ inside σ in the colour of the eˣ curve it comes from
        sig_name = tex(r"\hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}}", font_size=BODY,
                       tex_to_color_map={**TEX_COLORS, "e^{-z}": CURVE_COLORS["e^x"]})
        self.sig_exp = sig_name.get_part_by_tex("e^{-z}")
        sig_name.next_to(sig_axes, UP, buff=0.25).align_to(sig_axes, LEFT)
        # the symbols, in words, beside their formulas
        sig_words = VGroup(note("z: any number", font_size=LABEL), note("ŷ: the network's answer", font_size=LABEL))
        sig_words.arrange(DOWN, aligned_edge=LEFT, buff=0.08).move_to([0.35, 0.1, 0])  # clear of the parabola
        loss_words = VGroup(note("y: the right answer, 0 or 1", font_size=LABEL))
        loss_words.arrange(DOWN, aligned_edge=LEFT, buff=0.08).next_to(sig_words, DOWN, buff=0.45)
        loss_words.align_to(sig_words, LEFT)
        self.symbol_words = VGroup(sig_words, loss_words)
        class_names = VGroup(*[
            plain_tex(f"y = {y}", font_size=LABEL, color=class_color(y)).move_to(
                loss_axes.c2p(*[(0.72, 0.75), (0.28, 0.75)][y])) for y in (0, 1)])
        loss_axis_names = VGroup(tex(r"\hat{y}", font_size=LABEL).next_to(loss_axes.x_axis, RIGHT, buff=0.15),
                                 tex(r"\mathcal{L}", font_size=LABEL).next_to(loss_axes.y_axis.get_end(), UP, buff=0.15))
        sig_axis_names = VGroup(plain_tex("z", font_size=LABEL, color=Z_COLOR).next_to(sig_axes.x_axis, RIGHT, buff=0.15),
                                tex(r"\hat{y}", font_size=LABEL).next_to(sig_axes.y_axis.get_end(), RIGHT, buff=0.15))
        self.loss_axes, self.sig_axes = loss_axes, sig_axes
        for live in (*self.readout_rows, *self.tracers.values()):  # x stays put from here on
            live.clear_updaters()
            for part in live:
                part.clear_updaters()
        # the panels morph as copies, so the drawn graphs stay as they were for a reader
        morphs = []
        for key in ONE_D:
            old = VGroup(self.axes[key], self.graphs[key], self.axis_names[key], self.names[key])
            morphs.append(old.copy())
            self.remove(*old)
        self.add(*morphs)
        quick = lambda t: smooth(min(1.0, 5 * t))  # noqa: E731  the tracers leave before the morph
        beat(self, FadeOut(VGroup(*self.tracers.values(), *self.tangents.values()), rate_func=quick),
             FadeOut(VGroup(self.readout_rows, self.slope_rows), rate_func=quick),
             FadeOut(self.signature, rate_func=quick),
             during(ReplacementTransform(morphs[1], VGroup(sig_axes, self.sigmoid_curve, sig_axis_names, sig_name)), 0.1, 0.35),
             # the parabola steps left to where the loss will stand, clear of the words between
             during(morphs[0].animate.shift(loss_axes.get_center() - left.get_center()), 0.1, 0.35),
             # the eˣ inside σ is pointed at while the words say that eˣ builds it
             during(PointAt(self.sig_exp, color=EMPHASIS, buff=0.02, stroke_width=3), 0.3, 0.65),  # clear of the +
             FadeIn(sig_words, rate_func=squish_rate_func(smooth, 0.4, 0.55)),
             subcaption="In the network, eˣ builds the sigmoid σ(z) = 1 / (1 + e⁻ᶻ): it squashes any number z "
                        "into ŷ, between 0 and 1.",
             spoken="In the network, e to the x builds the sigmoid: sigma of z is 1 over 1 plus e to the minus z. "
                    "It squashes any number z into y hat, between 0 and 1.")
        beat(self, during(ReplacementTransform(morphs[0], VGroup(loss_axes, self.loss_curves, loss_axis_names, loss_name)), 0, 0.3),
             FadeIn(class_names, rate_func=squish_rate_func(smooth, 0.3, 0.45)),
             FadeIn(loss_words, rate_func=squish_rate_func(smooth, 0.4, 0.55)),
             subcaption="And a square measures how wrong ŷ is: with y the right answer, 0 or 1, "
                        "the loss is (y − ŷ)².",
             spoken="And a square measures how wrong y hat is: with y the right answer, 0 or 1, "
                    "the loss is y minus y hat, squared.",
             hold=1.0)


class Paraboloid(ThreeDScene):
    """f(x₁, x₂) = x₁² + x₂² as a bowl over the plane: two numbers in, one out; from the side its
    profile is the parabola x₂²; then the loss of the network seen the same way.

    The camera looks from the side where x₁ and x₂ grow, so both axis labels stand in front of
    the bowl; the picture is shown right of the words (SCREEN_AT), clear of the corner title;
    it sways by less than 0.3 units there as the camera turns."""

    RADIUS = 1.3  # the bowl is drawn over the disc x₁² + x₂² ≤ RADIUS²
    RES = (6, 16)  # faces: rings × sectors, enough for the shape and cheap for Cairo
    FLOOR = (-1.5, 1.5, 3)  # the floor grid: its extent along x₁ and x₂, and squares per side
    BOWL_OPACITY = 0.4  # see-through, so the input on the floor reads as under the bowl
    VIEW = (62 * DEGREES, 32 * DEGREES)
    SIDE = (86 * DEGREES, 0 * DEGREES)  # looking along x₁: x₂ across, f up
    SCREEN_AT = (1.6, 0.7)  # where the bowl's axis is shown, right of the words (its floor clear of the subtitles)
    ZOOM = 1.25
    DESCENT_RATE = 0.2  # the step size of the bridge's descent, x ← x − α∇f

    def construct(self):
        self.set_camera_orientation(phi=self.VIEW[0], theta=self.VIEW[1] - 10 * DEGREES, zoom=self.ZOOM)
        # the camera recomputes its rotation only when it draws a frame: do it now, so labels
        # pinned before the first frame are placed for this view, not for the default one
        self.renderer.camera.reset_rotation_matrix()
        self.show_formula()
        self.raise_surface()
        self.trace_an_input()
        self.turn_to_the_side()
        self.name_the_type()
        self.bridge_to_the_network()

    @staticmethod
    def f(x1, x2):
        return x1**2 + x2**2

    def show_formula(self):
        self.title = title("A function of two inputs", corner=True)
        self.formula = VGroup(plain_tex(r"f(x_1, x_2)", font_size=BODY),
                              plain_tex(r"= x_1^2 + x_2^2", font_size=BODY)).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.formula[1].shift(RIGHT * 0.55)
        self.formula.next_to(self.title, DOWN, buff=0.5).align_to(self.title, LEFT)
        # the axes' near ends (toward the camera) are short, so nothing reaches the subtitle band
        self.axes = hidden_axes(((-1.8, 1.9), (-1.8, 2.5), (0, 2.6)), side=5.0)
        # the bowl's axis is the camera's turning axis, so the bowl turns in place; this height
        # of it is shown at the frame's centre, which puts the bowl low, clear of the title
        self.axes.shift(-self.axes.c2p(0, 0, 1.45))
        # then shifted so that, seen from VIEW, that spot of the axis is shown at SCREEN_AT
        camera = self.renderer.camera
        turn = camera.generate_rotation_matrix()
        self.set_camera_orientation(phi=self.VIEW[0], theta=self.VIEW[1])
        view = camera.generate_rotation_matrix()
        self.set_camera_orientation(phi=self.VIEW[0], theta=self.VIEW[1] - 10 * DEGREES)
        assert np.allclose(turn, camera.generate_rotation_matrix())
        self.axes.shift(view.T @ np.array([*self.SCREEN_AT, 0.0]) / self.ZOOM)
        self.axis_labels = hidden_axis_labels(self.axes, names=("x_1", "x_2", "f"), font_size=BODY)
        for label in self.axis_labels:  # a dark rim: readable on the pink bowl
            label.set_stroke(BACKGROUND, width=2.5, background=True)
        fix_in_frame(self, self.title, self.formula)
        self.floor = self.floor_grid()
        self.add(self.axes, self.floor)  # the scene opens on the labelled axes over their floor
        pin_to_points(self, self.axis_labels)
        beat(self, during(FadeIn(self.title), 0, 0.1), during(Write(self.formula), 0.05, 0.4),
             camera=dict(theta=self.VIEW[1] - 4 * DEGREES), suspend_mobject_updating=False,
             subcaption="This function takes two numbers, x₁ and x₂, and returns one: x₁² + x₂².")

    def floor_grid(self):
        """A few squares on the floor f = 0, where the inputs live. Its faces are sorted in depth
        with the bowl's, so the bowl covers the part of the floor beneath it."""
        lo, hi, n = self.FLOOR
        return Surface(lambda u, v: self.axes.c2p(u, v, 0), u_range=[lo, hi], v_range=[lo, hi],
                       resolution=(n, n), fill_opacity=0.0, stroke_color=MUTED, stroke_width=1,
                       stroke_opacity=0.6)

    def surface(self, height):
        """The bowl over the disc, at `height` times its true height (0: flat on the floor)."""
        bowl = Surface(
            lambda r, a: self.axes.c2p(r * np.cos(a), r * np.sin(a), height * r * r),
            u_range=[0, self.RADIUS], v_range=[0, TAU], resolution=self.RES,
            fill_opacity=self.BOWL_OPACITY, stroke_width=0.5, stroke_color=BACKGROUND)
        bowl.set_fill_by_checkerboard(Z_COLOR, interpolate_color(Z_COLOR, BACKGROUND, 0.35),
                                      opacity=self.BOWL_OPACITY)
        return bowl

    def raise_surface(self):
        self.surface_mob = self.surface(0.0)
        self.add(self.surface_mob)  # flat on the floor, then it rises
        self.add(*self.axis_labels)  # drawn after the bowl, so never behind it
        beat(self, Transform(self.surface_mob, self.surface(1.0)),
             camera=dict(theta=self.VIEW[1]),
             subcaption="Above every point of the floor, the surface sits at that height: "
                        "a bowl, called a paraboloid.")

    def trace_an_input(self):
        """The input walks around the floor; its height rides up and down the bowl."""
        self.walk = ValueTracker(0.0)
        reveal = ValueTracker(0.0)  # fades the tracer in; a fade animation would pause its updaters
        axes = self.axes

        def point():
            a = self.walk.get_value()
            return np.array([1.2 * np.cos(a), 0.9 * np.sin(a) - 0.2])

        self.input_point = point
        self.input_dot = always_redraw(lambda: Dot(axes.c2p(*point(), 0), color=X_COLOR, radius=0.09))
        self.lift = always_redraw(lambda: DashedLine(axes.c2p(*point(), 0), axes.c2p(*point(), self.f(*point())),
                                                     color=X_COLOR, stroke_width=3))
        self.output_dot = always_redraw(lambda: Dot(axes.c2p(*point(), self.f(*point())), color=Z_COLOR,
                                                    radius=0.1).set_stroke(EMPHASIS, width=2))
        for dot in (self.input_dot, self.output_dot):
            self.renderer.camera.add_fixed_orientation_mobjects(dot)
        # the input and its lift are sorted in depth with the bowl's faces: seen through the
        # see-through bowl, not pasted over it (the point on the bowl stays in front)
        for part in (self.input_dot, self.lift):
            part.add_updater(lambda m: m.set_shade_in_3d(True))
        values = [DecimalNumber(v, num_decimal_places=2, font_size=BODY, color=c)
                  for v, c in ((point()[0], X_COLOR), (point()[1], X_COLOR), (self.f(*point()), Z_COLOR))]
        self.readout = VGroup(plain_tex("f(", font_size=BODY), values[0], plain_tex(",", font_size=BODY),
                              values[1], plain_tex(") =", font_size=BODY), values[2]).arrange(RIGHT, buff=0.1)
        self.readout.next_to(self.formula, DOWN, buff=0.5).align_to(self.formula, LEFT)
        camera = self.renderer.camera

        def show(row):
            # the output is computed from the inputs as shown (2 decimals), so the three
            # numbers on screen agree exactly: f(0.37, −1.06) reads 1.26, never 1.25
            x1, x2 = np.round(point(), 2)
            for number, value in zip(values, (x1, x2, self.f(x1, x2))):
                number.set_value(value)
            row.arrange(RIGHT, buff=0.1, center=False)
            row[2].align_to(row[1], DOWN)  # a comma sits on the line, not in its middle
            row.next_to(self.formula, DOWN, buff=0.5).align_to(self.formula, LEFT)
            row.set_opacity(reveal.get_value())
            camera.add_fixed_in_frame_mobjects(row)  # set_value makes new glyphs: fix them too

        self.readout.add_updater(show)
        self.readout_values = values
        fix_in_frame(self, self.readout)
        for part in (self.input_dot, self.lift, self.output_dot):
            part.add_updater(lambda m: m.set_opacity(reveal.get_value()))
        self.add(self.input_dot, self.lift, self.output_dot, self.readout)
        beat(self, reveal.animate(rate_func=lambda t: min(1.0, 4 * t)).set_value(1.0),
             self.walk.animate.set_value(TAU * 0.8), run_time=6,
             camera=dict(theta=self.VIEW[1] + 6 * DEGREES),
             subcaption="Move the input around the floor: the point above it rides up and down "
                        "the bowl, one height for every input.")
        for part in (self.input_dot, self.lift, self.output_dot, self.readout):
            part.clear_updaters()  # the walk is over: they hold still, and can fade

    def turn_to_the_side(self):
        """From the side the bowl's profile is its slice x₁ = 0: the parabola x₂²."""
        r = self.RADIUS
        self.slice = ParametricFunction(lambda t: self.axes.c2p(0, t, t * t), t_range=[-r, r],
                                        color=EMPHASIS, stroke_width=5)
        # the profile is named where it ends, left of the bowl's rim
        self.slice_name = plain_tex("x_2^2", font_size=BODY, color=EMPHASIS)
        self.slice_name.set_stroke(BACKGROUND, width=2.5, background=True)
        self.slice_name.anchor = self.axes.c2p(0, -r - 0.35, r * r)
        pin_to_points(self, [self.slice_name])
        leave = lambda m: during(FadeOut(m), 0, 0.15)  # noqa: E731  gone before the words go on
        # seen from the side, x₁ points out of the screen: its label would sit on the bowl
        beat(self, leave(self.input_dot), leave(self.lift), leave(self.output_dot),
             leave(self.readout),  # its point has left: the numbers would no longer be true
             leave(self.axis_labels[0]), during(Create(self.slice), 0.1, 0.4),
             during(FadeIn(self.slice_name), 0.35, 0.5),
             camera=dict(phi=self.SIDE[0], theta=self.SIDE[1]), run_time=4, suspend_mobject_updating=False,
             subcaption="Seen from the side, the bowl's profile is the parabola x₂², "
                        "the curve from before.")

    def name_the_type(self):
        self.signature = plain_tex(r"f : \mathbb{R}^2 \to \mathbb{R}", font_size=BODY)
        self.signature.next_to(self.readout, DOWN, buff=0.45).align_to(self.readout, LEFT)
        fix_in_frame(self, self.signature)
        beat(self, during(Write(self.signature), 0, 0.35), during(FadeOut(VGroup(self.slice, self.slice_name)), 0, 0.3),
             during(FadeIn(self.axis_labels[0]), 0.3, 0.5),
             camera=dict(phi=self.VIEW[0], theta=self.VIEW[1]), suspend_mobject_updating=False,
             subcaption="Two numbers in, one out: we write f from R² to R.")

    def bridge_to_the_network(self):
        """Steps against the gradient walk down the bowl: the way training treats the loss."""
        from toynet_core import TrainConfig
        from toynet_core.seeding import init_weights

        n_weights = sum(w.size for w in init_weights(np.random.default_rng(0), TrainConfig()))
        p = np.array([-0.15, 1.1])  # off to the side, so the walk down is seen across the bowl
        path = [p]
        for _ in range(8):
            p = p - self.DESCENT_RATE * np.array([2 * p[0], 2 * p[1]])  # ∇f = (2x₁, 2x₂)
            path.append(p)
        self.descent = np.array(path)
        self.steps = VGroup(*[Dot(self.axes.c2p(*q, self.f(*q)), radius=0.09, color=EMPHASIS)
                              .set_stroke(BACKGROUND, width=2) for q in self.descent])
        for dot in self.steps:
            self.renderer.camera.add_fixed_orientation_mobjects(dot)
        # a bright path on a dark casing, so it stands out on the pink bowl
        corners = [self.axes.c2p(*q, self.f(*q)) for q in self.descent]
        casing = VMobject(stroke_color=BACKGROUND, stroke_width=10).set_points_as_corners(corners)
        trail = VMobject(stroke_color=EMPHASIS, stroke_width=5).set_points_as_corners(corners)
        self.trail = trail
        trail = VGroup(casing, trail)
        self.loss_type = tex(r"\mathcal{L} : \mathbb{R}^{%d} \to \mathbb{R}" % n_weights, font_size=BODY)
        self.loss_type.next_to(self.signature, DOWN, buff=0.35).align_to(self.signature, LEFT)
        fix_in_frame(self, self.loss_type)
        beat(self, during(Write(self.loss_type), 0, 0.35), during(Create(trail), 0.1, 0.75),
             during(LaggedStart(*[FadeIn(d, scale=0.3) for d in self.steps], lag_ratio=0.6), 0.1, 0.8),
             camera=dict(theta=self.VIEW[1] + 10 * DEGREES),
             subcaption=f"Training sees the network's loss the same way: {n_weights} weights in, "
                        "one number out, and it steps downhill toward the bottom.", hold=1.0)


def _num(x):
    x = float(x)
    return str(int(round(x))) if abs(x - round(x)) < 1e-9 else f"{x:g}"
