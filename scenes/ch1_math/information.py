"""What a matrix does to dimensions. RankPlane: the outputs of A fill only a plane of R³, seen
face on (two directions) and edge on (no thickness): the rank. NoNewDimensions: a matrix sends
a line to a line or a point, and lifts a plane only to a flat sheet; it never adds a dimension.
Every point, line and plane is computed with numpy (toynet_core.linalg).
"""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    OUT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    LaggedStart,
    Line,
    MoveAlongPath,
    NumberLine,
    NumberPlane,
    ReplacementTransform,
    Scene,
    Succession,
    ThreeDScene,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Wait,
    Write,
    linear,
    smooth,
)

from scenes.ch1_math._math_linalg import edge_on_angles
from scenes.pacing import beat
from scenes.style import (
    BODY,
    EDGE_BUFF,
    EMPHASIS,
    FOREGROUND,
    GRID,
    LABEL,
    MUTED,
    SMALL,
    W2_COLOR,
    X_COLOR,
    Z_COLOR,
)
from scenes.widgets import hidden_view as hv
from scenes.widgets.matrices import column, int_matrix, row
from scenes.widgets.text import note, plain_tex, title
from scenes.widgets.three_d import fix_in_frame
from toynet_core import linalg as la

N_POINTS = 120
SEED = 7
REACH = 9.0  # how far from 0 the outputs spread: A's columns (up to 15 long) reach beyond them
BRIDGE_ROW = np.array([1.0, 0.6])  # a one-row matrix for the bridge picture
BRIDGE_POINTS = 14


def early(t):
    """A rate that finishes in the first quarter of its animation: the old picture leaves
    before the new one is built in the same beat."""
    return smooth(min(1.0, 4 * t))


class RankPlane(ThreeDScene):
    def construct(self):
        self.feed_a_crowd()
        self.one_plane()
        self.face_on()
        self.four_columns()
        self.edge_on()
        self.rank()
        self.bridge_to_the_last_layer()

    # -- the space and the crowd ----------------------------------------------------------
    def feed_a_crowd(self):
        """Random inputs of R⁴ and their images A x, all by numpy; the outputs appear one by
        one while the input that made each one shows on the left."""
        self.inputs = la.spread_inputs(la.A_POST, N_POINTS, REACH, SEED)
        self.images = self.inputs @ la.A_POST.T
        self.normal = la.left_null_basis(la.A_POST)[:, 0]
        if self.normal[2] < 0:  # the side the camera looks from, with the y₃ axis up
            self.normal = -self.normal
        self.span = la.column_basis(la.A_POST)
        cols = la.A_POST.T.astype(float)
        self.patch_corners = la.covering_patch(np.vstack([self.images, cols]), self.normal, margin=1.0)
        pts = np.vstack([self.patch_corners, cols, np.zeros(3)])
        extent = [(float(np.floor(lo)), float(np.ceil(hi))) for lo, hi in zip(pts.min(0), pts.max(0))]
        self.axes = hv.hidden_axes(extent, side=5.6)
        middle = (pts.min(axis=0) + pts.max(axis=0)) / 2
        self.axes.shift(-self.axes.c2p(*middle) - 0.2 * OUT)  # the camera turns about the subject's middle
        self.axis_labels = hv.hidden_axis_labels(self.axes, names=("y_1", "y_2", "y_3"))
        self.set_camera_orientation(phi=68 * DEGREES, theta=-40 * DEGREES, zoom=0.9)
        hv.pin_to_points(self, self.axis_labels)
        self.remove(*self.axis_labels)

        self.title = title("Where the outputs of A live", corner=True)
        self.input_col = column(self.inputs[0], color=X_COLOR, font_size=LABEL, v_buff=0.45, h_buff=1.2)
        self.output_name = plain_tex(r"\mapsto A\vec x", font_size=BODY, color=Z_COLOR)
        formula = VGroup(plain_tex(r"\vec x =", font_size=BODY, color=X_COLOR), self.input_col, self.output_name)
        formula.arrange(RIGHT, buff=0.15).next_to(self.title, DOWN, buff=0.35).align_to(self.title, LEFT)
        self.count = note(f"{N_POINTS} random inputs", font_size=LABEL)
        self.count.next_to(formula, DOWN, buff=0.25).align_to(self.title, LEFT)
        self.formula = formula
        fix_in_frame(self, self.title, formula, self.count)

        # The outputs: flat dots facing the camera (cheap in Cairo), shown one by one.
        self.cloud = hv.face_camera(self, VGroup(*[Dot(self.axes.c2p(*p), radius=0.045, color=Z_COLOR)
                                                  for p in self.images]))
        self.cloud.set_opacity(0)
        shown = VGroup(self.cloud, self.input_col)
        camera = self.renderer.camera
        right_edges = [e.get_right()[0] for e in self.input_col.get_entries()]

        def feed(group, alpha):
            cloud, col = group
            k = 1 + round(alpha * (N_POINTS - 1))
            for i, dot in enumerate(cloud):
                dot.set_opacity(1.0 if i < k else 0.0)
            for entry, value, right in zip(col.get_entries(), self.inputs[k - 1], right_edges):
                entry.set_value(value)
                entry.shift((right - entry.get_right()[0]) * RIGHT)  # numbers stay right-aligned
            camera.add_fixed_in_frame_mobjects(col)  # the digits set_value just made
            self.shown_input = k - 1

        beat(self, FadeIn(self.title), FadeIn(self.axes, rate_func=early), FadeIn(self.axis_labels, rate_func=early),
             FadeIn(formula[0], formula[2], rate_func=early), UpdateFromAlphaFunc(shown, feed),
             FadeIn(self.count),
             subcaption="Feed A a crowd of random inputs, four numbers each, and mark every output.")

    def one_plane(self):
        """The plane through 0 at right angles to the computed normal, covering the cloud; it
        sweeps in from one edge to the other."""
        c = self.patch_corners
        self.plane = VMobject(stroke_color=Z_COLOR, stroke_width=1.5, fill_color=Z_COLOR, fill_opacity=0.15)

        def sweep(plane, alpha):
            far = [c[1] + alpha * (c[2] - c[1]), c[0] + alpha * (c[3] - c[0])]
            plane.set_points_as_corners([self.axes.c2p(*p) for p in [c[0], c[1], *far, c[0]]])

        sweep(self.plane, 0.01)
        beat(self, UpdateFromAlphaFunc(self.plane, sweep), camera=dict(theta=-5 * DEGREES), run_time=2,
             rate_func=linear,
             subcaption="They do not fill space. Every one of them lies on a single plane through 0.")

    def face_on(self):
        """Looking straight at the plane: the cloud spreads in two directions, drawn as the
        plane's two axes (A's output directions, from the SVD)."""
        phi, theta = hv.view_angles(self.normal)
        self.face_view = (phi, theta)
        origin = self.axes.c2p(0, 0, 0)
        reach = np.abs(self.images @ self.span).max()
        self.directions = VGroup(*[
            Arrow(self.axes.c2p(*(-reach * d)), self.axes.c2p(*(reach * d)), buff=0, color=EMPHASIS,
                  stroke_width=3, tip_length=0.2)
            for d in self.span.T])
        self.directions.vectors = self.span.T * reach
        self.origin = origin
        beat(self, Create(self.directions), camera=dict(phi=phi, theta=theta), run_time=3,
             subcaption="Face on, the outputs spread in two directions, and only two.")

    def four_columns(self):
        """A's four columns, one by one: all in the plane, a fan you can count."""
        cols = la.A_POST.T.astype(float)
        self.columns = VGroup(*[Line(self.origin, self.axes.c2p(*c), color=Z_COLOR, stroke_width=5)
                                for c in cols])
        self.column_tips = hv.face_camera(self, VGroup(*[Dot(self.axes.c2p(*c), radius=0.07, color=Z_COLOR)
                                                        for c in cols]))
        labels = VGroup(*[plain_tex(f"a_{j + 1}", font_size=SMALL + 2, color=Z_COLOR) for j in range(4)])
        for label, c in zip(labels, cols):
            label.anchor = self.axes.c2p(*(c * 1.12))
        hv.pin_to_points(self, labels)
        self.remove(*labels)
        self.column_labels = labels
        # Each tip travels out from 0 as its column is drawn, so the eye follows it.
        grows = [AnimationGroup(Create(line), MoveAlongPath(tip, line.copy()), FadeIn(label))
                 for line, tip, label in zip(self.columns, self.column_tips, labels)]
        theta = self.face_view[1]
        beat(self, self.cloud.animate(rate_func=early).set_opacity(0.45),
             self.directions.animate(rate_func=early).set_opacity(0.35),
             LaggedStart(*grows, lag_ratio=1.0), camera=dict(theta=theta + 15 * DEGREES), rate_func=linear,
             subcaption="A's four columns lie in it too: four arrows, yet still only two directions.")

    def edge_on(self):
        """Turn until the camera looks along the plane: the cloud becomes a line."""
        phi, theta = edge_on_angles(self.normal, theta_hint=30 * DEGREES)
        self.edge_view = (phi, theta)
        beat(self, self.cloud.animate.set_opacity(1), camera=dict(phi=phi, theta=theta), run_time=3,
             subcaption="Now look along the plane. The whole crowd is a thin line: it has no thickness.")

    def rank(self):
        self.rank_value = la.rank(la.A_POST)
        rank_line = plain_tex(rf"\operatorname{{rank}} A = {self.rank_value}", font_size=BODY)
        lost = note(f"4 numbers in, {self.rank_value} directions out", font_size=LABEL, color=FOREGROUND)
        VGroup(rank_line, lost).arrange(DOWN, aligned_edge=RIGHT, buff=0.2).to_corner(UP + RIGHT, buff=EDGE_BUFF)
        self.rank_line, self.lost_line = rank_line, lost
        fix_in_frame(self, rank_line, lost)
        beat(self, Write(rank_line), FadeIn(lost), camera=dict(theta=self.edge_view[1] + 30 * DEGREES), run_time=2,
             rate_func=linear,
             subcaption=f"How many directions the outputs fill is called the rank. A has rank {self.rank_value}.")

    def bridge_to_the_last_layer(self):
        """A matrix with one row: every point keeps one number. Points slide along the lines
        of equal score onto the score's axis."""
        w = BRIDGE_ROW
        rng = np.random.default_rng(SEED)
        pts = rng.uniform(-1.6, 1.6, size=(BRIDGE_POINTS, 2))
        scores = pts @ w
        plane = NumberPlane(x_range=[-2, 2, 1], y_range=[-2, 2, 1], x_length=4, y_length=4,
                            background_line_style={"stroke_color": GRID, "stroke_width": 1},
                            axis_config={"stroke_color": MUTED})
        plane.move_to([1.2, -0.3, 0])
        unit = w / np.linalg.norm(w)
        feet = np.outer(scores / np.linalg.norm(w), unit)  # each point's foot on the w axis
        axis = Line(plane.c2p(*(-2.2 * unit)), plane.c2p(*(2.2 * unit)), color=Z_COLOR, stroke_width=3)
        levels = VGroup(*[DashedLine(plane.c2p(*(c * unit - 2.0 * np.array([-unit[1], unit[0]]))),
                                     plane.c2p(*(c * unit + 2.0 * np.array([-unit[1], unit[0]]))),
                                     color=MUTED, stroke_width=1.5, dash_length=0.08)
                          for c in (-1.5, -0.75, 0.0, 0.75, 1.5)])
        dots = VGroup(*[Dot(plane.c2p(*p), radius=0.06, color=X_COLOR) for p in pts])
        landed = VGroup(*[Dot(plane.c2p(*f), radius=0.06, color=Z_COLOR) for f in feet])
        w_mob = row(w, color=W2_COLOR, font_size=LABEL)
        name = VGroup(note("one row:", font_size=LABEL, color=FOREGROUND), w_mob).arrange(RIGHT, buff=0.2)
        name.next_to(plane, LEFT, buff=0.6).shift(UP * 0.8)
        score = note("one number out: rank 1", font_size=LABEL, color=Z_COLOR)
        axis_name = note("score", font_size=SMALL, color=Z_COLOR).next_to(axis.get_end(), UP, buff=0.1)
        score.next_to(name, DOWN, buff=0.3).align_to(name, LEFT)
        self.bridge = dict(plane=plane, row=w, w_mob=w_mob, points=pts, dots=dots, landed=landed,
                           axis=axis, scores=scores)
        picture = [plane, axis, levels, dots, landed, name, score, axis_name]
        fix_in_frame(self, *picture)
        old = [m for m in self.mobjects if m is not self.title]
        movers = dots.copy()
        fix_in_frame(self, movers)
        slides = [ReplacementTransform(d, t) for d, t in zip(movers, landed)]
        beat(self, *[FadeOut(m, rate_func=early) for m in old],
             Succession(Wait(run_time=1.0), FadeIn(VGroup(plane, dots, name), run_time=0.6),
                        AnimationGroup(Create(axis), Create(levels), run_time=0.8),
                        AnimationGroup(LaggedStart(*slides, lag_ratio=0.1), dots.animate.set_opacity(0.35),
                                       run_time=2.2),
                        AnimationGroup(FadeIn(score), FadeIn(axis_name), run_time=0.5)),
             subcaption="The network's last layer is a single row: rank one. Each point keeps one number, its score.")


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
        self.n = la.simple_null_vector(la.A_POST)
        x0 = np.array([1, 0, 0, 1])
        self.ts_null = [-1, 0, 1]
        cols = []
        self.null_images = []
        for t in self.ts_null:
            x = x0 + t * self.n
            y = la.A_POST @ x
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
