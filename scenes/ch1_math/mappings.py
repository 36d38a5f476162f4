"""One-to-one and onto: four small maps sorted by the two questions, then the example matrix A
tested on both. A sends a non-zero v to zero (each row times v, written out, is 0), so x and
x + v share an output; and every output is a mix of A's columns, which lie in one plane, so the
vector m at right angles to that plane is never reached. All vectors come from toynet_core.linalg.
"""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    OUT,
    PI,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Circle,
    Create,
    DashedVMobject,
    Dot,
    Ellipse,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    MoveAlongPath,
    NumberLine,
    Rotate,
    Succession,
    SurroundingRectangle,
    ThreeDScene,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
    linear,
    smooth,
    squish_rate_func,
)

from scenes.pacing import beat, during
from scenes.style import (
    BODY,
    EDGE_BUFF,
    EMPHASIS,
    ERROR,
    FOREGROUND,
    LABEL,
    MUTED,
    SMALL,
    X_COLOR,
    Z_COLOR,
)
from scenes.widgets import hidden_view as hv
from scenes.widgets.matrices import int_matrix
from scenes.widgets.text import note, plain_tex, title
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.timing import early
from toynet_core import linalg as la
from toynet_core.model import relu

# (domain size, codomain size, image of each domain element), keyed by the two answers
# (one-to-one?, onto?): the cell of the 2 × 2 table each map is drawn in.
MAPS = {
    (True, True): (3, 3, [0, 1, 2]),
    (True, False): (3, 4, [0, 1, 3]),
    (False, True): (4, 3, [0, 1, 1, 2]),
    (False, False): (3, 3, [0, 0, 2]),
}
X_INPUT = np.array([2, -1, 0, 1])  # an input of R⁴ to slide along n
RELU_INPUTS = np.array([-2.5, -1.75, -1.0, -0.25, 0.75, 1.5, 2.25])  # the bridge's z values
# The output space is seen from where A's plane shows at about 50 degrees from face on and m
# is not foreshortened much; no roll, so the u₃ axis stays up.
VIEW_3D = dict(phi=65 * DEGREES, theta=-5 * DEGREES, zoom=0.86)  # the u₃ axis clear of the title
M_FACING = 0.6  # the cosine between the view and A's plane's normal while m is shown: oblique
M_DRIFT = 12 * DEGREES  # how far the camera turns on past that view during m's beat
SUBJECT_RIGHT = 1.6  # scene units the 3-D picture sits right of centre, clear of A in the corner


def shared_outputs(images):
    return sorted({j for j in images if list(images).count(j) > 1})


def missed_outputs(images, m):
    return sorted(set(range(m)) - set(images))


def map_arrow(start, end, color=FOREGROUND, gap=0.24):
    """An arrow that stops `gap` short of its target, so arrows that share a target keep
    their heads apart."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    direction = (end - start) / np.linalg.norm(end - start)
    return Arrow(start + 0.12 * direction, end - gap * direction, buff=0, stroke_width=3,
                 color=color, tip_length=0.16, max_tip_length_to_length_ratio=0.3)


def row_times(row, v):
    """TeX of a row times a vector, written out: 1 \\cdot 1 + 2 \\cdot (-2) + ... = 0."""
    terms = [f"{a:g}" + r"\cdot" + (f"({b:g})" if b < 0 else f"{b:g}") for a, b in zip(row, v)]
    return " + ".join(terms) + f" = {float(np.dot(row, v)):g}"


def ring(dot, color=ERROR, dashed=False):
    circle = Circle(radius=0.2, color=color, stroke_width=3).move_to(dot)
    return DashedVMobject(circle, num_dashes=10) if dashed else circle


# when, within the camera's turn to A's output space, its axes start to come in: after the old
# picture has gone (timing.early: a quarter)
AXES_AFTER = 0.35


class InjectiveSurjective(ThreeDScene):
    def construct(self):
        # Part 1: the two questions, on four small maps laid out as a 2 × 2 table.
        self.a_function()
        self.both()
        self.one_to_one_not_onto()
        self.onto_not_one_to_one()
        self.neither()
        self.run_backwards()
        # Part 2: A is not one-to-one.
        self.meet_A()
        self.n_goes_to_zero()
        self.slide_along_n()
        self.same_output()
        # Part 3: A is not onto, seen in its output space.
        self.columns_in_space()
        self.mixes_stay_in_a_plane()
        self.m_at_right_angles()
        self.m_is_missed()
        self.bridge_to_relu()

    # -- part 1: the table of four maps -------------------------------------------------
    def a_function(self):
        self.title = title("One-to-one and onto", corner=True)  # one place all scene long
        fix_in_frame(self, self.title)
        self.cells = {}
        centres = {(True, True): (-1.2, 1.05), (True, False): (3.9, 1.05),
                   (False, True): (-1.2, -1.6), (False, False): (3.9, -1.6)}
        for key, (n, m, images) in MAPS.items():
            self.cells[key] = self.diagram(n, m, images).scale(1.18).move_to([*centres[key], 0])
        # The diagrams list every cell, for the tests: MAPS order. Parts 1 and 2 are flat drawings
        # fixed in the frame, so the camera's later turn into 3-D leaves them where they are.
        self.diagrams = [self.cells[key] for key in MAPS]
        fix_in_frame(self, *self.diagrams)
        cell = self.cells[True, True]
        beat(self, FadeIn(self.title),
             Succession(FadeIn(cell.sets, run_time=0.4),
                        LaggedStart(*[GrowArrow(a) for a in cell.arrows], lag_ratio=0.7, run_time=3)),
             subcaption="A function sends each input, on the left, to one output, on the right.")

    def diagram(self, n, m, images):
        left = self.set_of(n, X_COLOR)
        right = self.set_of(m, Z_COLOR).next_to(left, RIGHT, buff=0.9)
        arrows = VGroup(*[map_arrow(left.dots[i].get_center(), right.dots[j].get_center())
                          for i, j in enumerate(images)])
        cell = VGroup(left, right, arrows)
        cell.sets, cell.arrows = VGroup(left, right), arrows
        cell.images, cell.sizes = list(images), (n, m)
        cell.inputs, cell.outputs = left.dots, right.dots
        return cell

    @staticmethod
    def set_of(k, color):
        dots = VGroup(*[Dot(color=color, radius=0.08) for _ in range(k)]).arrange(DOWN, buff=0.34)
        oval = Ellipse(width=0.75, height=max(dots.height + 0.5, 1.3), color=MUTED, stroke_width=2)
        oval.move_to(dots)
        group = VGroup(oval, dots)
        group.dots = dots
        return group

    def header(self, text, key, row):
        """The row header (left of a row) or column header (above a column) of the table."""
        label = note(text, font_size=LABEL, color=FOREGROUND)
        cell = self.cells[key]
        if row:
            label.move_to([-3.2, cell.get_center()[1], 0], aligned_edge=RIGHT)
        else:
            label.move_to([cell.get_center()[0], 2.45, 0])
        fix_in_frame(self, label)
        return label

    def marks(self, key):
        """Red rings: solid round an output two inputs share, dashed round one never hit."""
        cell = self.cells[key]
        m = cell.sizes[1]
        shared = [ring(cell.outputs[j]) for j in shared_outputs(cell.images)]
        missed = [ring(cell.outputs[j], dashed=True) for j in missed_outputs(cell.images, m)]
        cell.shared_rings, cell.missed_rings = VGroup(*shared), VGroup(*missed)
        fix_in_frame(self, *shared, *missed)
        red = [cell.arrows[i] for i, j in enumerate(cell.images) if j in shared_outputs(cell.images)]
        return [Create(r) for r in shared + missed] + [a.animate.set_color(ERROR) for a in red]

    def build(self, key):
        cell = self.cells[key]
        return Succession(FadeIn(cell.sets, run_time=0.5),
                          LaggedStart(*[GrowArrow(a) for a in cell.arrows], lag_ratio=0.5, run_time=2))

    def both(self):
        self.headers = {
            "one-to-one": self.header("one-to-one", (True, True), row=True),
            "onto": self.header("onto", (True, True), row=False),
        }
        cell = self.cells[True, True]
        beat(self, during(Write(self.headers["one-to-one"]), 0, 0.3), during(Write(self.headers["onto"]), 0, 0.3),
             LaggedStart(*[Indicate(d, color=EMPHASIS, scale_factor=1.8) for d in cell.outputs], lag_ratio=0.6),
             subcaption="This one is one-to-one: no output is shared. And onto: every output is hit.")

    def one_to_one_not_onto(self):
        self.headers["not onto"] = self.header("not onto", (True, False), row=False)
        key = (True, False)
        beat(self, during(Write(self.headers["not onto"]), 0, 0.3),
             Succession(self.build(key), AnimationGroup(*self.marks(key), run_time=1)),
             subcaption="Add an output that nothing reaches: still one-to-one, but not onto.")

    def onto_not_one_to_one(self):
        self.headers["not one-to-one"] = self.header("not one-to-one", (False, True), row=True)
        key = (False, True)
        beat(self, during(Write(self.headers["not one-to-one"]), 0, 0.3),
             Succession(self.build(key), AnimationGroup(*self.marks(key), run_time=1)),
             subcaption="Let two inputs share an output: onto, but not one-to-one.")

    def neither(self):
        key = (False, False)
        beat(self, Succession(self.build(key), AnimationGroup(*self.marks(key), run_time=1)),
             subcaption="And a map can fail both tests at once.")

    def run_backwards(self):
        """The map that passes both, reversed: every output leads back to one input."""
        cell = self.cells[True, True]
        # each arrow flips over about the line square to it through its middle: it narrows to
        # its midpoint and opens the other way, so no arrow sweeps across its neighbours
        flips = [Rotate(a, PI, axis=np.cross(a.get_end() - a.get_start(), OUT), about_point=a.get_center())
                 for a in cell.arrows]
        beat(self, LaggedStart(*flips, lag_ratio=0.4),
             Indicate(self.headers["one-to-one"], color=EMPHASIS), Indicate(self.headers["onto"], color=EMPHASIS),
             subcaption="Pass both, and every arrow can be turned round, output back to input. The network's "
                        "maps never can, and must not: to sort points into two classes it has to lose information.")
        cell.reversed = True

    # -- part 2: A sends n to zero ------------------------------------------------------
    def meet_A(self):
        """A on the left; on the right R⁴ and R³ as two ovals, drawn as slices (computed)."""
        self.A_mob = int_matrix(la.A_POST, font_size=LABEL, v_buff=0.5, h_buff=0.6)
        self.A_name = plain_tex("A", font_size=LABEL + 6)
        A_group = VGroup(self.A_name, self.A_mob).arrange(RIGHT, buff=0.15)
        A_group.move_to([-4.2, 1.5, 0])
        self.space_in = Ellipse(width=2.8, height=3.5, color=MUTED, stroke_width=2).move_to([1.5, -0.5, 0])
        self.space_out = Ellipse(width=2.3, height=3.3, color=MUTED, stroke_width=2).move_to([5.5, -0.45, 0])
        self.space_names = VGroup(plain_tex(r"\mathbb{R}^4", font_size=LABEL, color=X_COLOR),
                                  plain_tex(r"\mathbb{R}^3", font_size=LABEL, color=Z_COLOR))
        self.space_names[0].next_to(self.space_in, UP, buff=0.15)
        self.space_names[1].next_to(self.space_out, UP, buff=0.15)
        self.big_arrow = Arrow(self.space_names[0].get_right(), self.space_names[1].get_left(),
                               color=MUTED, stroke_width=3, buff=0.3)
        self.big_arrow_name = plain_tex("A", font_size=LABEL).next_to(self.big_arrow, UP, buff=0.08)
        fix_in_frame(self, self.A_name, self.A_mob, *self.space_names, self.big_arrow_name,
                     self.space_in, self.space_out, self.big_arrow)
        part1 = [m for m in self.mobjects if m is not self.title]
        beat(self, *[FadeOut(m, rate_func=early) for m in part1],
             during(AnimationGroup(FadeIn(self.A_name), Write(self.A_mob)), 0.1, 0.4),
             during(AnimationGroup(Create(self.space_in), Create(self.space_out), FadeIn(self.space_names)), 0.1, 0.4),
             during(AnimationGroup(GrowArrow(self.big_arrow), FadeIn(self.big_arrow_name)), 0.3, 0.5),
             subcaption="Now test A, the 3 by 4 matrix we multiplied: four numbers in, three out.")
        self.slice_coordinates()

    def slice_coordinates(self):
        """Where 0, x, n and x + n sit in the drawing of R⁴: their coordinates in the plane of R⁴
        through 0, x and n, with n pointing straight up (an orthonormal basis by Gram-Schmidt),
        so the drawing is exact. 0 and A x of R³ lie on one line through 0, drawn upright."""
        self.n = la.simple_null_vector(la.A_POST)
        self.x = X_INPUT
        up = self.n / np.linalg.norm(self.n)
        across = self.x - (self.x @ up) * up
        across = across / np.linalg.norm(across)
        self.slice_basis = np.array([across, up])
        self.Ax = la.A_POST @ self.x
        # Scales and origins put the four points of R⁴, and 0 and A x, in the middle of their ovals.
        corners = np.array([[0.0, 0.0], self.slice_basis @ self.x, self.slice_basis @ self.n,
                            self.slice_basis @ (self.x + self.n)])
        self.in_scale = 0.5
        middle = (corners.min(axis=0) + corners.max(axis=0)) / 2
        self.in_origin = self.space_in.get_center() - self.in_scale * np.array([*middle, 0.0])
        self.out_scale = 1.9 / np.linalg.norm(self.Ax)
        self.out_origin = self.space_out.get_center() + 1.2 * DOWN

    def in_point(self, v):
        """A vector of R⁴ on the drawing: it lies in the slice, so this loses nothing."""
        c = self.slice_basis @ np.asarray(v, float)
        return self.in_origin + self.in_scale * np.array([c[0], c[1], 0.0])

    def out_point(self, y):
        """A vector of R³ on the drawing: 0 and A x lie on one line through 0."""
        along = self.Ax / np.linalg.norm(self.Ax)
        return self.out_origin + self.out_scale * (np.asarray(y, float) @ along) * UP

    def n_goes_to_zero(self):
        self.n_mob = int_matrix(self.n, font_size=LABEL, color=X_COLOR, v_buff=0.45)
        self.An = la.A_POST @ self.n
        self.An_mob = int_matrix(self.An, font_size=LABEL, color=Z_COLOR, v_buff=0.5)
        equals = plain_tex("=", font_size=LABEL)
        eq = VGroup(self.n_mob, equals, self.An_mob).arrange(RIGHT, buff=0.15)
        eq.next_to(self.A_mob, RIGHT, buff=0.12)
        self.null_eq = VGroup(self.A_name, self.A_mob, eq)
        # The drawing: 0 and n in R⁴, 0 in R³, and n's arrow to 0.
        self.zero_in = Dot(self.in_point(np.zeros(4)), radius=0.06, color=MUTED)
        self.n_dot = Dot(self.in_point(self.n), radius=0.08, color=X_COLOR)
        self.n_vec = Arrow(self.zero_in.get_center(), self.n_dot.get_center(), buff=0.05,
                           color=X_COLOR, stroke_width=3, tip_length=0.15)
        self.zero_out = Dot(self.out_point(np.zeros(3)), radius=0.08, color=Z_COLOR)
        self.n_to_zero = map_arrow(self.n_dot.get_center(), self.zero_out.get_center(), gap=0.14)
        self.n_label = plain_tex(r"\vec v", font_size=BODY, color=X_COLOR).next_to(self.n_vec, LEFT, buff=0.1)
        self.zero_in_label = plain_tex(r"\vec 0", font_size=BODY, color=MUTED).next_to(self.zero_in, DOWN, buff=0.1)
        self.zero_label = plain_tex(r"\vec 0", font_size=BODY, color=Z_COLOR).next_to(self.zero_out, RIGHT, buff=0.12)
        fix_in_frame(self, self.n_mob, equals, self.An_mob, self.n_label, self.zero_label, self.zero_in_label,
                     self.zero_in, self.n_dot, self.n_vec, self.zero_out, self.n_to_zero)
        # One row at a time, a box round A's row and one round the entry of A v it makes: v's
        # column sits between them and stays unboxed, so no box cuts through its entries.
        rows = VGroup(*[VGroup(SurroundingRectangle(self.A_mob.get_rows()[i], color=EMPHASIS, buff=0.08,
                                                    stroke_width=2),
                               SurroundingRectangle(self.An_mob.get_rows()[i], color=EMPHASIS, buff=0.08,
                                                    stroke_width=2))
                        for i in range(3)])
        fix_in_frame(self, rows)
        # Each row times v, written out as it is framed: entry by entry, then added up.
        self.row_sums = VGroup(*[plain_tex(row_times(la.A_POST[i], self.n), font_size=SMALL + 2, color=FOREGROUND)
                                 for i in range(3)])
        self.row_sums.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.row_sums.next_to(self.null_eq, DOWN, buff=0.4).align_to(self.null_eq, LEFT)
        fix_in_frame(self, self.row_sums)
        share = 1 / len(rows)

        def one_box_at_a_time(group, alpha):
            for i, box in enumerate(group):
                on = i * share <= alpha < (i + 1) * share - 0.04 or (i == len(group) - 1 and alpha >= 1)
                box.set_stroke(opacity=float(on and alpha < 1))
            return group

        one_box_at_a_time(rows.set_stroke(opacity=0), 0.0)
        self.add(rows)
        highlight = AnimationGroup(UpdateFromAlphaFunc(rows, one_box_at_a_time, rate_func=lambda t: t),
                                   *[during(FadeIn(t, shift=0.2 * RIGHT), i * share, i * share + 0.6 * share)
                                     for i, t in enumerate(self.row_sums)])
        beat(self, during(AnimationGroup(FadeIn(self.n_mob), FadeIn(equals), FadeIn(self.An_mob),
                                         FadeIn(self.zero_in), FadeIn(self.zero_in_label), GrowArrow(self.n_vec),
                                         FadeIn(self.n_dot), FadeIn(self.n_label), FadeIn(self.zero_out),
                                         FadeIn(self.zero_label), GrowArrow(self.n_to_zero)), 0, 0.3),
             during(highlight, 0.2, 1),
             subcaption="This v is not zero, yet each row of A turns it into zero: "
                        "multiply entry by entry, add, and get 0.")

    def slide_along_n(self):
        """x slides to x + n; its arrow keeps pointing at the same output A x."""
        self.x_dot = Dot(self.in_point(self.x), radius=0.08, color=X_COLOR)
        self.Ax_dot = Dot(self.out_point(self.Ax), radius=0.08, color=Z_COLOR)
        # x's name goes under its dot: v's grey arrow to 0 passes just above and right of it
        self.x_label = plain_tex(r"\vec x", font_size=BODY, color=X_COLOR).next_to(self.x_dot, DOWN, buff=0.1)
        self.Ax_label = plain_tex(r"A\vec x", font_size=BODY, color=Z_COLOR).next_to(self.Ax_dot, RIGHT, buff=0.12)
        self.x_arrow = map_arrow(self.x_dot.get_center(), self.Ax_dot.get_center(), gap=0.14)
        fix_in_frame(self, self.x_label, self.Ax_label, self.x_dot, self.Ax_dot, self.x_arrow)
        # n's own arrow to 0 steps back, so the new arrows do not cross it.
        beat(self, FadeIn(self.x_dot), FadeIn(self.x_label), FadeIn(self.Ax_dot), FadeIn(self.Ax_label),
             GrowArrow(self.x_arrow), self.n_to_zero.animate.set_opacity(0.25), FadeOut(self.row_sums), run_time=1.5,
             subcaption="Take an input x; A sends it to the point A x.")
        # The moving input, its path along n, and its arrow, redrawn on every frame.
        self.mover = self.x_dot.copy()
        self.moving_arrow = self.x_arrow.copy()
        self.path_along_n = Line(self.x_dot.get_center(), self.x_dot.get_center() + 1e-4 * RIGHT,
                                 color=X_COLOR, stroke_width=3)
        ends = []

        def slide(group, alpha):
            dot, arrow, path = group
            where = self.in_point(self.x + alpha * self.n)
            dot.move_to(where)
            arrow.become(map_arrow(where, self.Ax_dot.get_center(), gap=0.14))
            path.put_start_and_end_on(self.x_dot.get_center(), where + 1e-4 * RIGHT)
            ends.append((arrow.get_start(), arrow.get_end()))

        self.xn_label = plain_tex(r"\vec x + \vec v", font_size=BODY, color=X_COLOR)
        self.xn_label.next_to(self.in_point(self.x + self.n), UP, buff=0.2)
        fix_in_frame(self, self.xn_label)
        moving = VGroup(self.mover, self.moving_arrow, self.path_along_n)
        fix_in_frame(self, moving)
        beat(self, UpdateFromAlphaFunc(moving, slide), FadeIn(self.xn_label),
             subcaption="Slide x along v: the input changes, but its output A x does not move.")
        self.arrow_while_sliding = np.array(ends)  # (start, end) of the arrow on every frame

    def same_output(self):
        """The numbers: A x = A (x + n), two different inputs; the shared output is ringed."""
        small = {"font_size": LABEL, "v_buff": 0.45}
        self.x_col = int_matrix(self.x, color=X_COLOR, **small)
        self.xn_col = int_matrix(self.x + self.n, color=X_COLOR, **small)
        self.Ax_col = int_matrix(self.Ax, color=Z_COLOR, **small)
        row = VGroup(plain_tex("A", font_size=LABEL + 6), self.x_col, plain_tex("=", font_size=LABEL),
                     self.Ax_col, plain_tex("=", font_size=LABEL), plain_tex("A", font_size=LABEL + 6),
                     self.xn_col).arrange(RIGHT, buff=0.15)
        row.next_to(self.null_eq, DOWN, buff=0.45).align_to(self.null_eq, LEFT)
        self.shared_ring = ring(self.Ax_dot)
        fix_in_frame(self, self.shared_ring)
        verdict = note("two inputs, one output: not one-to-one", font_size=LABEL, color=FOREGROUND)
        verdict.next_to(row, DOWN, buff=0.3).align_to(row, LEFT)
        fix_in_frame(self, row, verdict)
        beat(self, during(Write(row), 0, 0.4), during(Create(self.shared_ring), 0.1, 0.4),
             during(self.moving_arrow.animate.set_color(ERROR), 0.1, 0.4),
             during(self.x_arrow.animate.set_color(ERROR), 0.1, 0.4), during(FadeIn(verdict), 0.3, 0.5),
             subcaption="Two inputs, one output: A is not one-to-one. Nor is the network's last layer, four "
                        "numbers in, one out: points it cannot tell apart get the same answer, as a class must.")

    # -- part 3: A is not onto ------------------------------------------------------------
    def columns_in_space(self):
        self.m = la.missed_direction(la.A_POST)
        self.m_hat = self.m / np.linalg.norm(self.m)
        cols = la.A_POST.T.astype(float)
        self.m_drawn = 7.0 * self.m_hat  # m, drawn long enough to see
        self.loop_outputs = self.tracer_path()
        patch = la.covering_patch(np.vstack([cols, self.loop_outputs]), self.m, margin=1.5)
        self.patch_corners = patch
        pts = np.vstack([patch, cols, self.m_drawn, np.zeros(3)])
        extent = [(float(np.floor(lo - 1)), float(np.ceil(hi + 1))) for lo, hi in zip(pts.min(0), pts.max(0))]
        self.axes = hv.hidden_axes(extent, side=6.4)
        middle = (pts.min(axis=0) + pts.max(axis=0)) / 2
        # The subject's middle at the look-at point, moved right on screen (the camera's right).
        theta = VIEW_3D["theta"]
        screen_right = np.array([-np.sin(theta), np.cos(theta), 0.0])
        self.axes.shift(-self.axes.c2p(*middle) + SUBJECT_RIGHT * screen_right + 0.3 * OUT)
        self.axis_labels = hv.hidden_axis_labels(self.axes, names=("u_1", "u_2", "u_3"))
        self.origin = self.axes.c2p(0, 0, 0)
        self.columns = VGroup(*[Line(self.origin, self.axes.c2p(*c), color=Z_COLOR, stroke_width=4)
                                for c in cols])
        self.column_tips = hv.face_camera(self, VGroup(*[Dot(self.axes.c2p(*c), radius=0.07, color=Z_COLOR)
                                                        for c in cols]))
        self.column_labels = VGroup(*[plain_tex(f"a_{j + 1}", font_size=SMALL + 2, color=Z_COLOR) for j in range(4)])
        for label, at in zip(self.column_labels, la.fan_label_points(cols, gap=1.3)):
            label.anchor = self.axes.c2p(*at)
        # A moves to the corner while the camera turns; its columns light up one by one below.
        corner = VGroup(self.A_name, self.A_mob)
        part2 = [m for m in self.mobjects if m not in (self.title, self.A_name, self.A_mob)]
        hv.pin_to_points(self, [*self.axis_labels, *self.column_labels])
        self.remove(*self.axis_labels, *self.column_labels)
        # the camera's rate is given to every animation of the beat, so each step's own window
        # sits inside a group, which keeps it: the old picture is gone by a quarter of the beat,
        # and only then do the axes come in
        beat(self, AnimationGroup(*[FadeOut(m, rate_func=early) for m in part2]),
             corner.animate.scale(0.8).to_corner(UP + LEFT, buff=EDGE_BUFF).shift(DOWN * 0.8),
             AnimationGroup(*[FadeIn(m, rate_func=squish_rate_func(smooth, AXES_AFTER, 1)) for m in (self.axes, self.axis_labels)]),
             camera=VIEW_3D, run_time=2, rate_func=squish_rate_func(smooth, 0, 0.78),
             subcaption="Is A onto, then? Its outputs live in three-dimensional space.")
        self.remove(*part2)
        boxes = [SurroundingRectangle(self.A_mob.get_columns()[j], color=EMPHASIS, buff=0.05) for j in range(4)]
        fix_in_frame(self, *boxes)
        grows = [Succession(AnimationGroup(FadeIn(box), Create(line), FadeIn(tip), FadeIn(label)),
                            FadeOut(box))
                 for box, line, tip, label in zip(boxes, self.columns, self.column_tips, self.column_labels)]
        beat(self, during(Succession(*grows), 0, 0.55),
             subcaption="Each of its four columns is a point there: one, two, three, four.")

    def tracer_path(self, count=90):
        """Outputs A x(t) for inputs x(t) that go round a loop: by construction on a circle
        inside A's image, around the middle of the columns' fan."""
        cols = la.A_POST.T.astype(float)
        centre = 0.55 * cols.mean(axis=0)
        self.loop_inputs = la.inputs_for(la.A_POST, la.circle_in_image(la.A_POST, 3.5, count, turns=1.5)
                                         + centre)
        return self.loop_inputs @ la.A_POST.T.astype(float)

    def mixes_stay_in_a_plane(self):
        mix = plain_tex(r"A\vec x = x_1 \vec a_1 + x_2 \vec a_2 + x_3 \vec a_3 + x_4 \vec a_4",
                        font_size=LABEL, color=FOREGROUND)
        mix.next_to(VGroup(self.A_name, self.A_mob), DOWN, buff=0.3).to_edge(LEFT, buff=EDGE_BUFF)
        self.mix_formula = mix
        fix_in_frame(self, mix)
        self.plane = VMobject(stroke_color=Z_COLOR, stroke_width=1.5, fill_color=Z_COLOR, fill_opacity=0.14)
        self.plane.set_points_as_corners([self.axes.c2p(*c) for c in [*self.patch_corners, self.patch_corners[0]]])
        self.tracer = hv.face_camera(self, VGroup(Dot(self.axes.c2p(*self.loop_outputs[0]), radius=0.08,
                                                      color=Z_COLOR)))[0]
        self.trail = VMobject(stroke_color=Z_COLOR, stroke_width=2.5)
        self.trail.set_points_as_corners([self.axes.c2p(*self.loop_outputs[0])] * 2)
        self.traced = VGroup(self.tracer, self.trail)
        self.trace_split = 2  # the loop is traced only when the words speak of it
        beat(self, during(Write(mix), 0, 0.3),
             FadeIn(self.plane, rate_func=lambda t: min(1.0, 2 * t)),
             LaggedStart(*[Indicate(c, color=EMPHASIS, scale_factor=1.0) for c in self.columns], lag_ratio=0.5),
             subcaption="Every output is a mix: x₁ times the first column, plus x₂ times the second, and so on. "
                        "The columns share one plane.")

    def tracing(self, first, last):
        """An update that shows the tracer after outputs[first - 1] .. outputs[last - 1] and the
        trail of every output before it."""
        def update(group, alpha):
            dot, trail = group
            k = first + round(alpha * (last - first))
            dot.move_to(self.axes.c2p(*self.loop_outputs[k - 1]))
            trail.set_points_as_corners([self.axes.c2p(*p) for p in self.loop_outputs[:k]])
        return update

    def m_at_right_angles(self):
        self.m_line = Line(self.origin, self.axes.c2p(*self.m_drawn), color=EMPHASIS, stroke_width=4)
        self.m_tip = hv.face_camera(self, VGroup(Dot(self.axes.c2p(*self.m_drawn), radius=0.1, color=EMPHASIS)))[0]
        self.m_label = plain_tex(r"\vec m", font_size=LABEL, color=EMPHASIS)
        self.m_label.anchor = self.axes.c2p(*(self.m_drawn * 1.3))
        corner = la.right_angle_mark(self.m, self.patch_corners[1] - self.patch_corners[0], size=1.8)
        self.right_angle = VMobject(stroke_color=EMPHASIS, stroke_width=2.5)
        self.right_angle.set_points_as_corners([self.axes.c2p(*p) for p in corner])
        hv.pin_to_points(self, [self.m_label])
        self.remove(self.m_label)
        # m grows from 0 with its tip travelling out; then the right angle is marked.
        self.m_tip.move_to(self.origin)
        grow = AnimationGroup(Create(self.m_line), MoveAlongPath(self.m_tip, self.m_line.copy()), run_time=1.6)
        # the columns' names step aside: seen nearly along the plane, their tips bunch together
        names_off = UpdateFromAlphaFunc(self.column_labels, lambda m, a: m.set_opacity(1 - a))
        # m, its name and its right angle are all whole by 40 % of the beat, while the words
        # still speak of them
        beat(self, during(grow, 0, 0.3), during(Create(self.right_angle), 0.25, 0.4),
             # its name fades in while its pin keeps it by m's tip as the camera turns
             during(UpdateFromAlphaFunc(self.m_label, lambda m, a: m.set_opacity(a)), 0.25, 0.35),
             # the camera turns through the whole beat, easing in but never to a stop, so the
             # picture never stands still once m and its marks are whole
             during(names_off, 0, 0.2), self.turn_camera(self.right_angle_view()), run_time=2,
             subcaption="This vector m stands at right angles to that plane.")
        self.remove(*self.column_labels)

    def turn_camera(self, view):
        """An animation that moves the camera to `view` (phi, theta, frame_center) over its
        whole length, at half ease and half even pace: it slows towards the end, never stops."""
        camera = self.renderer.camera
        start = (camera.get_phi(), camera.get_theta(), np.array(camera.frame_center))
        end = (view["phi"], view["theta"], np.asarray(view["frame_center"], dtype=float))

        def place(tracker, alpha):
            t = 0.5 * (alpha + smooth(alpha))
            camera.set_phi(start[0] + t * (end[0] - start[0]))
            camera.set_theta(start[1] + t * (end[1] - start[1]))
            camera.frame_center = start[2] + t * (end[2] - start[2])
            return tracker

        return UpdateFromAlphaFunc(camera.theta_tracker, place, rate_func=linear)

    def right_angle_view(self):
        """A camera that looks at A's plane obliquely (about 50 degrees off its normal): the
        plane reads as a plane, m keeps most of its length, and the right-angle mark at m's foot
        shows as a corner; the loop inside the plane shows as an oval. The picture's middle
        stays where it was on screen."""
        o = self.axes.c2p(0, 0, 0)
        cols = la.A_POST.T.astype(float)
        normal = np.cross(self.axes.c2p(*cols[0]) - o, self.axes.c2p(*cols[-1]) - o)  # in scene coordinates
        normal /= np.linalg.norm(normal)
        phi, theta = VIEW_3D["phi"], VIEW_3D["theta"]
        # the oblique view, then a slow drift on past it while m is read: the turn fills the
        # beat, and the right angle shows in depth
        turned = hv.facing_theta(normal, phi, theta, reach=70 * DEGREES, facing=M_FACING) + M_DRIFT
        self.m_view = (phi, turned, normal)

        def screen_right(t):
            return np.array([-np.sin(t), np.cos(t), 0.0])
        return dict(phi=phi, theta=turned,
                    frame_center=SUBJECT_RIGHT * (screen_right(theta) - screen_right(turned)))

    def m_is_missed(self):
        self.m_ring = hv.face_camera(self, VGroup(ring(self.m_tip)))[0]
        self.m_ring.move_to(self.m_tip)
        verdict = note("no input reaches m: not onto", font_size=LABEL, color=FOREGROUND)
        verdict.next_to(self.mix_formula, DOWN, buff=0.3).align_to(self.mix_formula, LEFT)
        fix_in_frame(self, verdict)
        self.add(self.traced)
        beat(self, UpdateFromAlphaFunc(self.traced, self.tracing(self.trace_split, len(self.loop_outputs))),
             during(Create(self.m_ring), 0.75, 0.9), during(FadeIn(verdict), 0.8, 1),
             subcaption="Let x go round a loop: A x circles inside the plane and never leaves it. Nothing lands "
                        "on m: A is not onto.")

    # -- bridge: where the network uses it -------------------------------------------------
    def bridge_to_relu(self):
        """ReLU as a map of numbers: every negative z lands on 0, so it is not one-to-one.
        Each input flies down its own line to ReLU(z); the negative ones merge into one dot."""
        top = NumberLine(x_range=[-3, 3, 1], length=7, color=MUTED, include_numbers=True,
                         font_size=SMALL, label_direction=UP)
        bottom = NumberLine(x_range=[-3, 3, 1], length=7, color=MUTED, include_numbers=True, font_size=SMALL)
        top.move_to([0.6, 0.9, 0])
        bottom.move_to([0.6, -1.7, 0])
        self.relu_lines = (top, bottom)
        self.relu_in = RELU_INPUTS
        self.relu_out = relu(RELU_INPUTS)
        # the scene's rule: inputs yellow, outputs pink (here z is ReLU's input)
        top_dots = VGroup(*[Dot(top.n2p(z), radius=0.08, color=X_COLOR) for z in self.relu_in])
        bottom_dots = VGroup(*[Dot(bottom.n2p(y), radius=0.08, color=Z_COLOR) for y in self.relu_out])
        paths = VGroup(*[Line(top.n2p(z), bottom.n2p(y), stroke_width=2,
                              color=ERROR if z < 0 else MUTED)
                         for z, y in zip(self.relu_in, self.relu_out)])
        zero_ring = ring(Dot(bottom.n2p(0)))
        names = VGroup(plain_tex("z", font_size=BODY, color=X_COLOR).next_to(top, LEFT, buff=0.4),
                       plain_tex(r"\mathrm{ReLU}(z)", font_size=BODY, color=Z_COLOR).next_to(bottom, LEFT, buff=0.4))
        self.relu_paths, self.relu_dots = paths, (top_dots, bottom_dots)
        self.relu_ring = zero_ring
        flyers = top_dots.copy()
        fix_in_frame(self, top, bottom, top_dots, bottom_dots, flyers, paths, zero_ring, names)
        # each input turns from yellow to the output's pink on its way down
        flights = [AnimationGroup(Create(p), f.animate.move_to(b).set_color(Z_COLOR))
                   for p, f, b in zip(paths, flyers, bottom_dots)]
        # the 3-D picture gives way to the number lines within the beat: no blank frame between
        old = [m for m in self.mobjects if m is not self.title and m.family_members_with_points()]
        beat(self, during(AnimationGroup(*[FadeOut(m) for m in old]), 0, 0.1),
             during(Succession(FadeIn(VGroup(top, bottom, names, top_dots), run_time=0.4),
                               LaggedStart(*flights, lag_ratio=0.35, run_time=3),
                               AnimationGroup(FadeOut(flyers), FadeIn(bottom_dots), Create(zero_ring), run_time=0.6)),
                    0.08, 1),
             subcaption="In the network, ReLU keeps a positive number and turns every negative one into zero: "
                        "not one-to-one, and that is what lets it fold.")
        self.remove(*old)
