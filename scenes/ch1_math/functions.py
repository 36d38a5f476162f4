"""Functions: two of one variable, one of two variables, and one from the plane to the plane."""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Arrow,
    Axes,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    Scene,
    Surface,
    ThreeDAxes,
    ThreeDScene,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    interpolate_color,
)

from scenes.ch1_math._math_warp import circle, f_plane, grid_lines
from scenes.pacing import beat
from scenes.style import BACKGROUND, BODY, EDGE_BUFF, FOREGROUND, GRID, HEADING, LABEL, MUTED, SMALL, X_COLOR, Z_COLOR
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.text import note, plain_tex, title

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


class PlaneWarp(Scene):
    """f(x) = (cos x1 + sin x2, |x|) bends a grid of the plane; the origin is a crease."""

    def construct(self):
        self.show_planes()
        self.warp_grid()
        self.fold_in_half()
        self.kink_at_origin()

    def show_planes(self):
        self.title = title("A map from the plane to the plane")
        self.formula = plain_tex(r"f(\vec x) = \begin{bmatrix} \cos x_1 + \sin x_2 \\ \sqrt{x_1^2 + x_2^2} \end{bmatrix}",
                           font_size=HEADING).next_to(self.title, DOWN, buff=0.2)
        self.source = Axes(x_range=[-3, 3, 1], y_range=[-3, 3, 1], x_length=3.9, y_length=3.9,
                           axis_config={"color": GRID, "include_ticks": False})
        self.target = Axes(x_range=[-2.5, 2.5, 1], y_range=[-0.5, 4.5, 1], x_length=3.9, y_length=3.9,
                           axis_config={"color": GRID, "include_ticks": False})
        self.source.move_to(LEFT * 3.6 + DOWN * 1.3)
        self.target.move_to(RIGHT * 3.6 + DOWN * 1.3)
        self.arrow = Arrow(self.source.get_right(), self.target.get_left(), color=MUTED, buff=0.3)
        f_label = plain_tex("f", font_size=BODY).next_to(self.arrow, UP, buff=0.1)
        self.source_name = note("inputs", font_size=SMALL, color=X_COLOR).next_to(self.source, UP, buff=0.1)
        self.target_name = note("outputs", font_size=SMALL, color=Z_COLOR).next_to(self.target, UP, buff=0.1)
        self.source_name.align_to(self.source, LEFT)
        self.target_name.align_to(self.target, LEFT)
        self.vertical, self.horizontal = grid_lines()
        self.inputs = self.vertical + self.horizontal
        self.grid = VGroup(*[self.curve(self.source, pts, FOREGROUND, 1.5) for pts in self.inputs])
        beat(self, Write(self.title), Write(self.formula), Create(self.source), Create(self.target),
                  Create(self.arrow), Write(f_label), FadeIn(self.source_name), FadeIn(self.target_name),
                  Create(self.grid), run_time=2,
                  subcaption="Two numbers in, two numbers out: f sends each point of one plane to a point of another.")

    def warp_grid(self):
        """Each line of the grid is pushed through f point by point (numpy), then drawn."""
        self.outputs = [f_plane(pts) for pts in self.inputs]
        self.warped = VGroup(*[self.curve(self.target, out, FOREGROUND, 1.5) for out in self.outputs])
        beat(self, *[ReplacementTransform(self.grid[i].copy(), self.warped[i]) for i in range(len(self.inputs))],
                  run_time=3, subcaption="Apply f to every point of every grid line: the square grid comes out bent.")

    def fold_in_half(self):
        """f only sees x1 through cos x1 and x1 squared, so x1 and -x1 land together."""
        pair = [np.stack([np.full(121, c), np.linspace(-3, 3, 121)], axis=1) for c in (-2.0, 2.0)]
        src = VGroup(*[self.curve(self.source, pts, X_COLOR, 4) for pts in pair])
        dst = VGroup(*[self.curve(self.target, f_plane(pts), X_COLOR, 4) for pts in pair])
        self.fold_pair = (pair, [f_plane(p) for p in pair])
        caption = note("x1 = -2 and x1 = 2 land on one curve", font_size=SMALL, color=X_COLOR)
        caption.next_to(self.target, DOWN, buff=0.15)
        beat(self, Create(src), run_time=1,
                  subcaption="Take the two lines x1 = -2 and x1 = 2.")
        beat(self, ReplacementTransform(src.copy(), dst), FadeIn(caption), run_time=2,
                  subcaption="Both land on the same curve: cosine is even and x1 is squared, so the plane folds in half.")
        self.play(FadeOut(src), FadeOut(dst), FadeOut(caption), run_time=0.5)

    def kink_at_origin(self):
        """Near the origin the square root has a corner, so the image of the x2-axis does too."""
        axis = self.vertical[len(self.vertical) // 2]  # the line x1 = 0
        ring = circle(0.6)
        self.kink = (axis, f_plane(axis))
        self.ring = (ring, f_plane(ring))
        src = VGroup(self.curve(self.source, axis, X_COLOR, 4), self.curve(self.source, ring, X_COLOR, 4))
        dst = VGroup(self.curve(self.target, self.kink[1], Z_COLOR, 4),
                     self.curve(self.target, self.ring[1], Z_COLOR, 4))
        origin = Dot(self.source.c2p(0, 0), color=X_COLOR)
        image = Dot(self.target.c2p(*f_plane([0.0, 0.0])), color=Z_COLOR)
        self.origin_image = f_plane([0.0, 0.0])
        label = plain_tex(r"f(\vec 0) = (%s,\ %s)" % tuple(_num(v) for v in self.origin_image), font_size=SMALL,
                    color=Z_COLOR).next_to(image, DOWN + RIGHT, buff=0.1)
        beat(self, Create(src), FadeIn(origin), run_time=1,
                  subcaption="Now the x2-axis and a small circle around the origin.")
        beat(self, ReplacementTransform(src.copy(), dst), FadeIn(image), FadeIn(label), run_time=2,
                  subcaption="The axis comes out with a sharp corner, and the circle is squashed flat onto a segment.")
        warning = note("no slope at the origin: f is not differentiable there", font_size=SMALL, color=FOREGROUND)
        warning.to_edge(DOWN, buff=0.2)
        beat(self, FadeIn(warning),
                  subcaption="The square root of x1 squared plus x2 squared has a point, not a slope, at the origin; "
                             "f has no derivative there.")
        self.wait(1)

    @staticmethod
    def curve(axes, pts, color, width):
        line = VMobject(stroke_color=color, stroke_width=width)
        line.set_points_as_corners([axes.c2p(x, y) for x, y in pts])
        return line
