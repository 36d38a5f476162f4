"""Information: A squeezes R^4 onto a plane, and no matrix can turn a line into more than a line."""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    NumberLine,
    NumberPlane,
    PMobject,
    Polygon,
    ReplacementTransform,
    Scene,
    ThreeDAxes,
    ThreeDScene,
    VGroup,
    Write,
)

from scenes.ch1_math._math_linalg import (
    A_POST,
    column_basis,
    edge_on_angles,
    left_null_basis,
    rank,
    simple_null_vector,
)
from scenes.widgets.matrices import int_matrix
from scenes.pacing import beat
from scenes.style import BODY, EDGE_BUFF, FOREGROUND, GRID, LABEL, MUTED, X_COLOR, Z_COLOR
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.text import note, plain_tex, title

N_POINTS = 120
SEED = 7


class RankPlane(ThreeDScene):
    def construct(self):
        # Axes at the origin: the camera then sits in the plane when edge-on, so it projects to a line.
        self.set_camera_orientation(phi=70 * DEGREES, theta=-50 * DEGREES, zoom=0.85)
        self.sample_inputs()
        self.show_images()
        self.draw_plane()
        self.show_columns()
        self.edge_on()

    def sample_inputs(self):
        """Random inputs of R^4 and their images A x, all by numpy."""
        rng = np.random.default_rng(SEED)
        # A stretches one direction ~20 times more than the other, so plain uniform inputs give
        # a thin sliver; weighting the input directions by 1/singular value spreads the outputs
        # over the plane. The null-space part is random too, and A simply discards it.
        _, s, vt = np.linalg.svd(A_POST.astype(float))
        r = rank(A_POST)
        spread = rng.uniform(-1, 1, size=(N_POINTS, r)) / s[:r]
        lost = rng.normal(size=(N_POINTS, 4 - r))
        self.inputs = 20 * spread @ vt[:r] + lost @ vt[r:]
        self.images = self.inputs @ A_POST.T
        self.rank = rank(A_POST)
        self.normal = left_null_basis(A_POST)[:, 0]
        self.span = column_basis(A_POST)
        lim = float(np.ceil(np.abs(self.images).max() / 10) * 10)
        self.axes = ThreeDAxes(x_range=[-lim, lim, 10], y_range=[-lim, lim, 10], z_range=[-lim, lim, 10],
                               x_length=5, y_length=5, z_length=5,
                               axis_config={"color": MUTED, "include_ticks": False})
        self.title = title("Where the outputs of A live")
        self.caption = plain_tex(r"A : \R^4 \to \R^3", font_size=BODY).to_corner(UL, buff=EDGE_BUFF).shift(DOWN * 0.9)
        self.count = note(f"{N_POINTS} random inputs", font_size=LABEL).next_to(self.caption, DOWN, buff=0.3)
        self.count.align_to(self.caption, LEFT)
        fix_in_frame(self, self.title, self.caption, self.count)
        beat(self, FadeIn(self.title), Write(self.caption), FadeIn(self.count), Create(self.axes),
                  subcaption="Feed A a crowd of random four-dimensional inputs.")

    def show_images(self):
        self.cloud = PMobject(stroke_width=6)
        self.cloud.add_points([self.axes.c2p(*p) for p in self.images], color=Z_COLOR)
        beat(self, FadeIn(self.cloud), run_time=1.5,
                  subcaption="Their outputs land in three-dimensional space... but not just anywhere.")

    def draw_plane(self):
        """The plane through 0 orthogonal to the computed normal, big enough for the cloud."""
        coeffs = self.images @ self.span
        r = np.abs(coeffs).max() * 1.1
        u, v = self.span[:, 0] * r, self.span[:, 1] * r
        corners = [u + v, -u + v, -u - v, u - v]
        self.plane = Polygon(*[self.axes.c2p(*c) for c in corners], stroke_color=Z_COLOR,
                             stroke_width=1.5, fill_color=Z_COLOR, fill_opacity=0.15)
        self.plane.corners = np.array(corners)
        tip = self.normal * r * 0.6
        self.normal_line = Line(self.axes.c2p(0, 0, 0), self.axes.c2p(*tip), color=FOREGROUND, stroke_width=3)
        self.rank_line = plain_tex(r"\operatorname{rank} A = %d" % self.rank, font_size=BODY)
        self.rank_line.next_to(self.count, DOWN, buff=0.3).align_to(self.caption, LEFT)
        fix_in_frame(self, self.rank_line)
        beat(self, Create(self.plane), Create(self.normal_line), Write(self.rank_line), run_time=1.5,
                  subcaption=f"A has rank {self.rank}: every output lies on one plane through the origin.")

    def show_columns(self):
        """The four columns of A: all in the plane, spanning only two directions."""
        self.columns = VGroup(*[
            Line(self.axes.c2p(0, 0, 0), self.axes.c2p(*col), color=X_COLOR, stroke_width=4)
            for col in A_POST.T])
        words = note("all four columns of A lie in it", font_size=LABEL, color=X_COLOR)
        words.next_to(self.rank_line, DOWN, buff=0.3).align_to(self.caption, LEFT)
        fix_in_frame(self, words)
        beat(self, Create(self.columns), FadeIn(words), run_time=1.5,
                  subcaption="Every output is a mix of A's columns, and all four columns lie in that plane.")

    def edge_on(self):
        """Turn until the camera looks along the plane: the cloud becomes a line."""
        phi, theta = edge_on_angles(self.normal, theta_hint=-50 * DEGREES)
        self.edge_view = (phi, theta)
        beat(self, camera=dict(phi=phi, theta=theta), run_time=3, hold=1,
             subcaption=f"Seen edge-on, the whole cloud is flat: {4 - self.rank} of the four dimensions are gone.")



class NoNewDimensions(Scene):
    def construct(self):
        self.title = title("A linear map cannot add a dimension")
        beat(self, FadeIn(self.title), subcaption="Can a matrix turn a line into something bigger?")
        self.line_into_plane()
        self.line_to_line()
        self.clear_stage()
        self.line_to_point()

    def line_into_plane(self):
        """A 2x1 matrix sends the number line into the plane: the image is one line."""
        self.m = np.array([[2], [1]])
        self.ts = np.arange(-2, 2.5, 0.5)
        self.number_line = NumberLine(x_range=[-2, 2, 1], length=4, color=MUTED, include_numbers=False)
        self.number_line.to_edge(LEFT, buff=0.8).shift(DOWN * 0.3)
        self.plane = NumberPlane(x_range=[-5, 5, 1], y_range=[-3, 3, 1], x_length=6.5, y_length=3.9,
                                 background_line_style={"stroke_color": GRID, "stroke_width": 1},
                                 axis_config={"stroke_color": MUTED})
        self.plane.to_edge(RIGHT, buff=0.5).shift(DOWN * 0.5)
        rule = VGroup(plain_tex(r"t \mapsto"), int_matrix(self.m), plain_tex("t")).arrange(RIGHT, buff=0.15)
        rule.next_to(self.number_line, UP, buff=0.6)
        self.rule = rule
        self.t_dots = VGroup(*[Dot(self.number_line.n2p(t), color=X_COLOR, radius=0.06) for t in self.ts])
        self.images_1 = (self.m @ self.ts[None, :]).T
        self.img_dots = VGroup(*[Dot(self.plane.c2p(*p), color=Z_COLOR, radius=0.06) for p in self.images_1])
        beat(self, Create(self.number_line), Create(self.plane), Write(rule), FadeIn(self.t_dots),
                  subcaption="Start with a line of numbers and a 2 by 1 matrix.")
        beat(self, *[ReplacementTransform(a.copy(), b) for a, b in zip(self.t_dots, self.img_dots)], run_time=2,
                  subcaption="Each number goes to a point of the plane, and all the points fall on one line.")

    def line_to_line(self):
        """A 2x2 matrix sends a line of the plane to a line (checked: differences have rank 1)."""
        self.M2 = np.array([[1, 2], [-1, 1]])
        t = np.linspace(-1.5, 1.5, 7)
        p0, d = np.array([-1.0, 1.0]), np.array([1.0, 0.5])
        self.line_in = p0 + t[:, None] * d
        self.line_out = self.line_in @ self.M2.T
        src = Line(self.plane.c2p(*self.line_in[0]), self.plane.c2p(*self.line_in[-1]), color=X_COLOR)
        dst = Line(self.plane.c2p(*self.line_out[0]), self.plane.c2p(*self.line_out[-1]), color=Z_COLOR)
        self.out_line_mob = dst
        rule = VGroup(plain_tex(r"\vec x \mapsto"), int_matrix(self.M2), plain_tex(r"\vec x")).arrange(RIGHT, buff=0.15)
        rule.move_to(self.rule).align_to(self.rule, LEFT)
        beat(self, FadeOut(self.img_dots), FadeOut(self.t_dots), FadeOut(self.number_line),
                  ReplacementTransform(self.rule, rule), Create(src),
                  subcaption="Now a line drawn in the plane, and a 2 by 2 matrix.")
        self.rule = rule
        beat(self, ReplacementTransform(src.copy(), dst), run_time=2,
                  subcaption="Its image is again a line. A matrix can move and stretch a line, never widen it.")

    def line_to_point(self):
        """A along its null vector: the whole line x0 + t n collapses to the single point A x0."""
        self.n = simple_null_vector(A_POST)
        x0 = np.array([1, 0, 0, 1])
        self.ts_null = [-1, 0, 1]
        cols = []
        self.null_images = []
        for t in self.ts_null:
            x = x0 + t * self.n
            y = A_POST @ x
            self.null_images.append((x, y))
            cols.append(VGroup(plain_tex("A"), int_matrix(x, color=X_COLOR), plain_tex("="),
                               int_matrix(y, color=Z_COLOR)).arrange(RIGHT, buff=0.15))
        row = VGroup(*cols).arrange(RIGHT, buff=0.7).next_to(self.title, DOWN, buff=0.6)
        if row.width > 13:
            row.scale_to_fit_width(13)
        self.null_row = row
        label = plain_tex(r"\vec x_0 + t\,\vec n,\quad t = %s" % r",\ ".join(str(t) for t in self.ts_null),
                    font_size=BODY, color=X_COLOR).next_to(row, DOWN, buff=0.4)
        why = plain_tex(r"A(\vec x_0 + t\,\vec n) = A\vec x_0 + t\,A\vec n = A\vec x_0", font_size=BODY)
        why.next_to(label, DOWN, buff=0.3)
        beat(self, FadeIn(row), FadeIn(label), run_time=2,
                  subcaption="Last, walk along a line in R four in the direction n that A sends to zero.")
        beat(self, Write(why), run_time=1.5,
                  subcaption="Every point of that line has the same output: the line collapses to a single point.")
        moral = note("a line can stay a line or shrink to a point, never grow", font_size=LABEL, color=FOREGROUND)
        moral.next_to(why, DOWN, buff=0.4)
        beat(self, FadeIn(moral), subcaption="Matrices can keep or destroy dimensions, but never create one.")
        self.wait(1)

    def clear_stage(self):
        self.play(*[FadeOut(m) for m in self.mobjects if m is not self.title], run_time=0.6)
