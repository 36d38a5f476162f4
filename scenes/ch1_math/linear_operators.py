"""Linear means two things: sums go through, and scalings go through. m x + b fails both."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Arrow,
    Axes,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    NumberPlane,
    ReplacementTransform,
    Scene,
    VGroup,
    Write,
)

from scenes.widgets.matrices import dec_matrix, fmt, int_matrix
from scenes.pacing import beat
from scenes.style import BODY, FOREGROUND, GRID, HEADING, LABEL, MUTED, X_COLOR, Z_COLOR
from scenes.widgets.text import note, plain_tex, title

M = np.array([[1, -1], [1, 1]])  # a concrete linear map of the plane: turn by 45°, stretch by √2
U = np.array([1.5, 0.5])
V = np.array([0.5, 1.0])
SCALE = 1.5
SLOPE, OFFSET = 2, 1  # f(x) = 2x + 1, an affine line


class LinearOperators(Scene):
    def construct(self):
        self.show_map()
        self.add_inputs()
        self.apply_to_sum()
        self.apply_to_scaling()
        self.clear_stage()
        self.affine_origin()
        self.affine_sum()

    # -- beats -------------------------------------------------------------------------
    def show_map(self):
        self.title = title("Linear, or merely affine")
        self.plane = NumberPlane(x_range=[-2, 3, 1], y_range=[-1, 4, 1], x_length=5.0, y_length=5.0,
                                 background_line_style={"stroke_color": GRID, "stroke_width": 1},
                                 axis_config={"stroke_color": MUTED})
        self.plane.to_edge(LEFT, buff=0.8).shift(DOWN * 0.5)
        self.M_mob = int_matrix(M)
        self.rule = VGroup(plain_tex(r"T(\vec x) = M\vec x,\quad M ="), self.M_mob).arrange(RIGHT, buff=0.2)
        self.rule.to_edge(RIGHT, buff=0.8).shift(UP * 2.0)
        beat(self, Write(self.title), Create(self.plane), Write(self.rule), run_time=2,
                  subcaption="Take a concrete map of the plane, T of x equals M times x.")
        self.arrows = {}

    def add_inputs(self):
        self.arrow("u", U, X_COLOR)
        self.arrow("v", V, X_COLOR)
        beat(self, GrowArrow(self.arrows["u"]), GrowArrow(self.arrows["v"]),
                  FadeIn(self.arrows["u"].label), FadeIn(self.arrows["v"].label),
                  subcaption="Two input vectors, u and v.")
        self.arrow("u+v", U + V, X_COLOR)
        self.v_moved = self.shifted(V, U, X_COLOR)
        beat(self, GrowArrow(self.v_moved), GrowArrow(self.arrows["u+v"]), FadeIn(self.arrows["u+v"].label),
                  subcaption="Their sum: walk along u, then along v.")

    def apply_to_sum(self):
        """Condition one: T(u + v) equals T(u) + T(v), both computed."""
        outs = {"T(u)": M @ U, "T(v)": M @ V, "T(u+v)": M @ (U + V)}
        new = [self.arrow(k, val, Z_COLOR) for k, val in outs.items()]
        self.tv_moved = self.shifted(M @ V, M @ U, Z_COLOR)
        beat(self, ReplacementTransform(self.v_moved, self.tv_moved),
                  *[ReplacementTransform(self.arrows[k], n) for k, n in zip(("u", "v", "u+v"), new)],
                  *[ReplacementTransform(self.arrows[k].label, n.label) for k, n in zip(("u", "v", "u+v"), new)],
                  run_time=2, subcaption="Now send all three through T.")
        self.sum_lhs = dec_matrix(M @ (U + V), places=1)
        self.sum_rhs = dec_matrix(M @ U + M @ V, places=1)
        line = VGroup(plain_tex(r"T(u+v) ="), self.sum_lhs, plain_tex(r"= T(u) + T(v) ="), self.sum_rhs)
        line.arrange(RIGHT, buff=0.15).scale_to_fit_width(6.4)
        line.next_to(self.rule, DOWN, buff=0.5).align_to(self.rule, RIGHT)
        self.sum_line = line
        beat(self, Write(line), run_time=2,
                  subcaption="Adding T of u and T of v lands exactly on T of the sum. Sums pass through.")

    def apply_to_scaling(self):
        """Condition two: T(a u) equals a T(u)."""
        gone = [self.tv_moved] + [m for k in ("T(v)", "T(u+v)") for m in (self.arrows[k], self.arrows[k].label)]
        self.play(*[FadeOut(m) for m in gone], run_time=0.4)
        scaled = self.arrow("T(a u)", M @ (SCALE * U), Z_COLOR)
        self.scale_lhs = dec_matrix(M @ (SCALE * U), places=1)
        self.scale_rhs = dec_matrix(SCALE * (M @ U), places=1)
        line = VGroup(plain_tex(r"T(%s\,u) =" % fmt(SCALE)), self.scale_lhs, plain_tex(r"= %s\,T(u) =" % fmt(SCALE)),
                      self.scale_rhs).arrange(RIGHT, buff=0.15)
        line.scale_to_fit_width(min(line.width, 6.4)).next_to(self.sum_line, DOWN, buff=0.5)
        line.align_to(self.rule, RIGHT)
        self.scale_line = line
        beat(self, GrowArrow(scaled), FadeIn(scaled.label), Write(line), run_time=2,
                  subcaption=f"Stretch u by {fmt(SCALE)} first, or T of u afterwards: the same arrow. "
                             "Scalings pass through too.")
        verdict = note("both hold: T is linear", font_size=LABEL, color=FOREGROUND)
        verdict.next_to(line, DOWN, buff=0.4).align_to(self.rule, RIGHT)
        beat(self, FadeIn(verdict), subcaption="Both rules hold, so T is linear.")

    def affine_origin(self):
        """f(x) = m x + b sends 0 to b, and a linear map must send 0 to 0."""
        self.f = lambda x: SLOPE * x + OFFSET
        self.axes = Axes(x_range=[-1, 4, 1], y_range=[-1, 9, 2], x_length=5.0, y_length=5.0,
                         axis_config={"color": MUTED}).to_edge(LEFT, buff=0.8).shift(DOWN * 0.5)
        self.graph = self.axes.plot(self.f, x_range=[-0.5, 3.8], color=Z_COLOR)
        self.linear_graph = self.axes.plot(lambda x: SLOPE * x, x_range=[-0.5, 4], color=MUTED)
        name = plain_tex(r"f(x) = %d x + %d" % (SLOPE, OFFSET), font_size=HEADING, color=Z_COLOR)
        name.next_to(self.axes, RIGHT, buff=0.8).align_to(self.axes, UP)
        self.f0 = self.f(0)
        dot = Dot(self.axes.c2p(0, self.f0), color=Z_COLOR)
        self.origin_line = plain_tex(r"f(0) = %s \neq 0" % fmt(self.f0), font_size=HEADING)
        self.origin_line.next_to(name, DOWN, buff=0.4).align_to(name, LEFT)
        beat(self, Create(self.axes), Create(self.graph), Write(name),
                  subcaption=f"Now the straight line f of x equals {SLOPE}x plus {OFFSET}.")
        beat(self, FadeIn(dot), Write(self.origin_line),
                  subcaption=f"It sends zero to {fmt(self.f0)}, but a linear map must send zero to zero.")
        self.name = name

    def affine_sum(self):
        a, b = 1, 2
        self.sum_check = (self.f(a + b), self.f(a) + self.f(b))
        line = plain_tex(r"f(%d + %d) = %s" % (a, b, fmt(self.sum_check[0])), r"\neq",
                   r"f(%d) + f(%d) = %s" % (a, b, fmt(self.sum_check[1])), font_size=BODY)
        line.next_to(self.origin_line, DOWN, buff=0.4).align_to(self.origin_line, LEFT)
        why = note(f"the offset {OFFSET} is counted twice on the right", font_size=LABEL)
        why.next_to(line, DOWN, buff=0.3).align_to(line, LEFT)
        beat(self, Write(line), run_time=1.5,
                  subcaption="Sums fail too: the right side adds the offset twice.")
        two_x = plain_tex(r"%d x" % SLOPE, font_size=LABEL, color=MUTED).next_to(self.linear_graph.get_end(), RIGHT, buff=0.1)
        beat(self, FadeIn(why), Create(self.linear_graph), FadeIn(two_x),
                  subcaption=f"Such a line is called affine: a linear map, {SLOPE}x, shifted by a constant.")
        self.wait(1)

    # -- helpers -------------------------------------------------------------------------
    def arrow(self, key, vec, color):
        arr = Arrow(self.plane.c2p(0, 0), self.plane.c2p(*vec), buff=0, color=color, stroke_width=5,
                    max_tip_length_to_length_ratio=0.2)
        arr.label = plain_tex(key, font_size=LABEL, color=color).next_to(arr.get_end(), UR, buff=0.05)
        arr.vec = np.asarray(vec, float)
        self.arrows[key] = arr
        return arr

    def shifted(self, vec, start, color):
        """vec drawn from the tip of start, faint: the walk of a vector sum."""
        arr = Arrow(self.plane.c2p(*start), self.plane.c2p(*(np.asarray(start) + vec)), buff=0, color=color,
                    stroke_width=3, stroke_opacity=0.6, max_tip_length_to_length_ratio=0.2)
        arr.span = (np.asarray(start, float), np.asarray(start, float) + vec)
        return arr

    def clear_stage(self):
        self.play(*[FadeOut(m) for m in self.mobjects if m is not self.title], run_time=0.6)
