"""Functions: two of one variable, and one of two variables."""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Axes,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    Scene,
    Surface,
    ThreeDAxes,
    ThreeDScene,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    interpolate_color,
)

from scenes.pacing import beat
from scenes.style import BACKGROUND, BODY, EDGE_BUFF, FOREGROUND, LABEL, MUTED, X_COLOR, Z_COLOR
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.text import plain_tex, title

ONE_D = {"x^2": np.square, "e^x": np.exp}


class FunctionGraphs(Scene):
    """x^2 and e^x as graphs: one number in, one number out."""

    def construct(self):
        self.show_axes()
        self.draw_graphs()
        self.trace_inputs()
        self.name_the_type()

    def show_axes(self):
        self.title = title("Functions of one variable")
        self.axes = {
            "x^2": Axes(x_range=[-2, 2, 1], y_range=[0, 4, 1], x_length=4.6, y_length=3.6,
                        axis_config={"color": MUTED}),
            "e^x": Axes(x_range=[-2, 1.5, 1], y_range=[0, 4, 1], x_length=4.6, y_length=3.6,
                        axis_config={"color": MUTED}),
        }
        VGroup(*self.axes.values()).arrange(RIGHT, buff=1.6).shift(DOWN * 0.5)
        beat(self, Write(self.title), *[Create(a) for a in self.axes.values()],
                  subcaption="Two familiar functions, each drawn as a curve.")

    def draw_graphs(self):
        self.graphs, self.names = {}, {}
        for key, axes in self.axes.items():
            fn = ONE_D[key]
            lo, hi = axes.x_range[0], axes.x_range[1]
            hi = min(hi, float(np.log(axes.y_range[1]))) if key == "e^x" else hi
            lo = -np.sqrt(axes.y_range[1]) if key == "x^2" else lo
            hi = np.sqrt(axes.y_range[1]) if key == "x^2" else hi
            self.graphs[key] = axes.plot(fn, x_range=[lo, hi], color=Z_COLOR)
            name = plain_tex(f"f(x) = {key}", font_size=BODY, color=Z_COLOR)
            name.next_to(axes, UP, buff=0.15).align_to(axes, RIGHT)
            self.names[key] = name
        beat(self, *[Create(g) for g in self.graphs.values()],
                  *[Write(n) for n in self.names.values()], run_time=2,
                  subcaption="The square of x, and e to the power x.")

    def trace_inputs(self):
        """One input slides along; each graph answers with exactly one output."""
        self.x = ValueTracker(-1.3)
        self.readouts = {}
        parts = []
        for key, axes in self.axes.items():
            fn = ONE_D[key]
            dot_in = always_redraw(lambda a=axes: Dot(a.c2p(self.x.get_value(), 0), color=X_COLOR))
            dot_out = always_redraw(lambda a=axes, f=fn: Dot(
                a.c2p(self.x.get_value(), f(self.x.get_value())), color=Z_COLOR))
            drop = always_redraw(lambda a=axes, f=fn: DashedLine(
                a.c2p(self.x.get_value(), 0), a.c2p(self.x.get_value(), f(self.x.get_value())),
                color=MUTED, stroke_width=2))
            value = DecimalNumber(fn(self.x.get_value()), num_decimal_places=2, font_size=BODY,
                                  color=Z_COLOR)
            value.add_updater(lambda m, f=fn: m.set_value(f(self.x.get_value())))
            x_value = DecimalNumber(self.x.get_value(), num_decimal_places=2, font_size=BODY,
                                    color=X_COLOR)
            x_value.add_updater(lambda m: m.set_value(self.x.get_value()))
            row = VGroup(plain_tex("x =", font_size=BODY, color=X_COLOR), x_value,
                         plain_tex(r"\mapsto", font_size=BODY), value).arrange(RIGHT, buff=0.15)
            row.next_to(axes, DOWN, buff=0.3)
            self.readouts[key] = (x_value, value)
            parts += [drop, dot_in, dot_out, row]
        beat(self, *[FadeIn(p) for p in parts],
                  subcaption="Pick any input x on the horizontal axis.")
        beat(self, self.x.animate.set_value(1.2), run_time=4,
                  subcaption="Each input meets the curve at one height: one number in, one number out.")

    def name_the_type(self):
        self.signature = plain_tex(r"f : \R \to \R", font_size=BODY).next_to(self.title, DOWN, buff=0.25)
        beat(self, Write(self.signature),
                  subcaption="Inputs and outputs are both real numbers, written f from R to R.")
        self.wait(1)


class Paraboloid(ThreeDScene):
    """x3 = x1^2 + x2^2 as a coarse surface over the plane; two numbers in, one out."""

    RES = 12  # faces per side: enough for the shape, cheap for Cairo

    def construct(self):
        self.set_camera_orientation(phi=65 * DEGREES, theta=-60 * DEGREES, zoom=0.8)
        self.show_formula()
        self.raise_surface()
        self.lift_one_input()
        self.turn_camera()

    @staticmethod
    def f(x1, x2):
        return x1**2 + x2**2

    def show_formula(self):
        self.title = title("A function of two inputs")
        self.formula = plain_tex(r"x_3 = f(x_1, x_2) = x_1^2 + x_2^2", font_size=BODY).to_corner(UL, buff=EDGE_BUFF)
        self.formula.shift(DOWN * 0.9)
        self.signature = plain_tex(r"f : \R^2 \to \R", font_size=BODY).next_to(self.formula, DOWN, buff=0.3)
        self.signature.align_to(self.formula, LEFT)
        self.axes = ThreeDAxes(x_range=[-2, 2, 1], y_range=[-2, 2, 1], z_range=[0, 8, 2],
                               x_length=4, y_length=4, z_length=3.5, axis_config={"color": MUTED})
        self.axes.shift(RIGHT * 1.2)
        fix_in_frame(self, self.title, self.formula, self.signature)
        beat(self, Write(self.title), Write(self.formula), Create(self.axes),
                  subcaption="Now the function takes two numbers, x1 and x2, and returns one.")

    def raise_surface(self):
        self.surface = Surface(
            lambda u, v: self.axes.c2p(u, v, self.f(u, v)),
            u_range=[-2, 2], v_range=[-2, 2], resolution=(self.RES, self.RES),
            fill_opacity=0.7, stroke_width=0.5, stroke_color=BACKGROUND)
        self.surface.set_fill_by_checkerboard(Z_COLOR, interpolate_color(Z_COLOR, BACKGROUND, 0.35),
                                              opacity=0.7)
        beat(self, Create(self.surface), Write(self.signature), run_time=2,
                  subcaption="Above each point of the floor, the surface sits at height x1 squared plus x2 squared: a paraboloid.")

    def lift_one_input(self):
        p = np.array([1.0, -1.5])
        height = self.f(*p)
        self.sample = (p, height)
        floor, top = self.axes.c2p(p[0], p[1], 0), self.axes.c2p(p[0], p[1], height)
        self.input_dot = Dot(floor, color=X_COLOR)
        self.lift = DashedLine(floor, top, color=X_COLOR)
        self.output_dot = Dot(top, color=Z_COLOR, radius=0.1).set_stroke(FOREGROUND, width=2)
        readout = plain_tex(r"f(%s,\ %s) = %s" % (_num(p[0]), _num(p[1]), _num(height)), font_size=LABEL,
                      color=Z_COLOR)
        readout.next_to(self.signature, DOWN, buff=0.4).align_to(self.signature, LEFT)
        self.readout = readout
        fix_in_frame(self, readout)
        beat(self, FadeIn(self.input_dot), Create(self.lift), FadeIn(self.output_dot), Write(readout),
                  subcaption="One input point on the floor, one height above it.")

    def turn_camera(self):
        beat(self, camera=dict(theta=-20 * DEGREES, phi=72 * DEGREES), run_time=4, hold=0.5,
             subcaption="Turning the view shows the bowl from the side.")



def _num(x):
    x = float(x)
    return str(int(round(x))) if abs(x - round(x)) < 1e-9 else f"{x:g}"
