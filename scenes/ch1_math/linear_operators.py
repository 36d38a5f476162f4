"""Linear means two things, seen on a moving grid: sums pass through φ (self.T here), and so do
scalings. Because they do, φ is fixed by where the two axis arrows land, the columns of its
matrix. An affine map adds a shift, which moves the origin and breaks both; so does the school
line 2x + 1. The bridge: the network's first layer is affine, and its bias is where the origin
goes.

φ is written in coordinates, φ(x1, x2) = (x1 - x2, x1 + x2), and its matrix is found from the
picture; every arrow and line is mapped by numpy and drawn through the axes.
"""

import numpy as np
from manim import (
    DOWN,
    ORIGIN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    BackgroundRectangle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    AnimationGroup,
    LaggedStart,
    Line,
    Scene,
    Succession,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
    interpolate_color,
    linear,
    smooth,
    squish_rate_func,
)

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_reference_run
from scenes.widgets.grid import CoordinateFrame, PlaneGrid, WindowedGrid, axis_names, carry, mapped_copy, plane_axes
from scenes.widgets.highlight import PointAt
from scenes.widgets.input_plane import centre_dots, class_key
from scenes.widgets.matrices import column, fmt, int_matrix
from scenes.widgets.text import note, plain_tex, title
from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.linalg import stretch_ratio
from toynet_core.plane_maps import affine_map, linear_map
from toynet_core.separation import best_unit_pair

T_MATRIX = np.array([[1.0, -1.0], [1.0, 1.0]])  # T(x1, x2) = (x1 - x2, x1 + x2): a turn by 45°, stretched by √2
U = np.array([1.5, 0.5])
V = np.array([0.5, 1.0])
SCALE = 1.5
SHIFT = np.array([-1.5, -1.0])  # b of the affine map g(x) = T(x) + b
SLOPE, OFFSET = 2, 1  # the school line f(x) = 2x + 1
WINDOW = (-3.0, 3.0, -1.6, 4.2)  # what the plane shows, in its coordinates
RIGHT_COLUMN = 0.2
# which side of its arrow each label sits on after T (+1 left of the arrow's direction, -1
# right): φ(u) and φ(1.5u) share a line, so both go right of it, away from φ(u + v) and φ(v);
# φ(u + v) goes above and right of its tip (None), clear of the x2 axis's tick numbers and of
# the walk φ(v) that ends there
AFTER_T_SIDES = {"u": -1, "v": 1, "u+v": None, "1.5u": -1}
LABEL_GAP = 0.12  # scene units between a label's box and its arrow


def backed(label, buff=0.08):
    """A label on an opaque dark backing, so that grid lines stop short of its strokes."""
    return VGroup(BackgroundRectangle(label, color=style.BACKGROUND, fill_opacity=1.0, buff=buff), label)


def tick_numbers(axes):
    """The axes' tick numbers, taken out of the axes and put on dark backings, to be drawn over
    the grid: its moving lines never cross a number."""
    numbers = []
    for axis in (axes.x_axis, axes.y_axis):
        axis.remove(axis.numbers)
        numbers += list(axis.numbers)
    return VGroup(*[backed(n, buff=0.03) for n in numbers])


def signed(x):
    """A number to 2 decimals with a true minus sign (−), for subtitles."""
    return f"{x:.2f}".replace("-", "\u2212")


class LinearOperators(Scene):
    def construct(self):
        self.T = linear_map(T_MATRIX)
        self.g = affine_map(T_MATRIX, SHIFT)
        self.show_rule()
        self.walk_the_sum()
        self.stretch_u()
        self.apply_T()
        self.sums_pass()
        self.scalings_pass()
        self.what_linear_looks_like()
        self.fixed_by_two_arrows()
        self.name_the_shift()
        self.shift_the_grid()
        self.sums_fail()
        self.school_line()
        self.bridge()

    # -- T on a grid and four arrows --------------------------------------------------------
    def show_rule(self):
        self.title = title("Linear, or merely affine")
        x0, x1, y0, y1 = WINDOW
        self.axes = plane_axes((x0, x1, 1), (y0, y1, 1), unit=0.98)
        self.axes.move_to([-3.5, 0, 0]).align_to([0, -2.95, 0], DOWN)
        self.names = axis_names(self.axes)
        self.grid = WindowedGrid(self.axes, WINDOW, x1_range=(-8, 8, 1), x2_range=(-8, 8, 1), stroke_width=2.5,
                                 stroke_opacity=0.75)
        self.rule = plain_tex(r"\varphi\begin{pmatrix} x_1 \\ x_2 \end{pmatrix} = \begin{pmatrix} x_1 - x_2 \\ x_1 + x_2 \end{pmatrix}",
                              font_size=style.HEADING)
        self.rule.next_to([RIGHT_COLUMN, 2.95, 0], DOWN + RIGHT, buff=0)
        self.arrows = {}
        u, v = self.arrow("u", U, label_side=DOWN), self.arrow("v", V)  # u's label under it: 1.5u runs on above
        self.ticks_over_grid = tick_numbers(self.axes)
        self.add(self.axes, self.names, self.grid, self.ticks_over_grid)
        # the rule is written and both arrows are whole well before the words name them
        beat(self, during(FadeIn(self.title), 0, 0.1), during(Write(self.rule), 0, 0.4),
             during(LaggedStart(GrowArrow(u), FadeIn(u.label), GrowArrow(v), FadeIn(v.label), lag_ratio=0.5), 0.1, 0.5),
             subcaption="Here is a map φ of the plane, written in coordinates, and two arrows, u and v.",
             spoken="Here is a map, phi, of the plane, written in coordinates, and two arrows, u and v.")

    def walk_the_sum(self):
        self.v_walk = self.arrow("v_walk", V, start=U, opacity=0.7, label=None)
        total = self.arrow("u+v", U + V)
        beat(self, Succession(Transform(self.arrows["v"].copy(), self.v_walk, remover=True), GrowArrow(total)),
             FadeIn(total.label, rate_func=squish_rate_func(smooth, 0.6, 1)),
             subcaption="Walk along u, then along v, and you arrive at the tip of u + v.")
        self.add(self.v_walk)

    def stretch_u(self):
        long = self.arrow("1.5u", SCALE * U, label_side=DOWN)
        long.set_z_index(-1)  # under u, so that u stays visible along its first part
        beat(self, Transform(self.arrows["u"].copy(), long, remover=True), FadeIn(long.label),
             subcaption="Also stretch u to one and a half times its length: 1.5u.")
        self.add(long)

    def apply_T(self):
        """The grid and every arrow move point by point to their images under T."""
        moves, relabels, old_labels = [], [], []
        names = {"u": r"\varphi(u)", "v": r"\varphi(v)", "u+v": r"\varphi(u+v)", "1.5u": r"\varphi(1.5u)"}
        self.before = {k: a.vec.copy() for k, a in self.arrows.items()}
        for key, arrow in self.arrows.items():
            target = mapped_copy(arrow, self.axes, self.T).set_color(style.Z_COLOR)
            moves.append(Transform(arrow, target))
            if arrow.label is not None:
                if AFTER_T_SIDES[key] is None:
                    new = self.label_for(names[key], self.T(arrow.tip_coords), style.Z_COLOR, UP)
                else:
                    new = self.label_beside(names[key], self.T(arrow.start_coords), self.T(arrow.tip_coords),
                                            style.Z_COLOR, AFTER_T_SIDES[key], back=0.45 if key == "u" else 0.2)
                relabels.append(self.ride_with_tip(arrow, arrow.label, new, target.get_end()))
                old_labels.append(arrow.label)
                arrow.label = new
        beat(self, self.grid.morph(self.T), *moves, *relabels, run_time=4,
             subcaption="Now let φ act on the whole plane: the grid turns and stretches, and every arrow rides along.",
             spoken="Now let phi act on the whole plane: the grid turns and stretches, and every arrow rides along.")
        self.remove(*old_labels)  # faded out on the way
        for arrow in self.arrows.values():
            arrow.start_coords, arrow.tip_coords = self.T(arrow.start_coords), self.T(arrow.tip_coords)

    def sums_pass(self):
        """Walk T(u), then T(v): the walk ends on the tip of T(u + v)."""
        tu, tuv = self.arrows["u"].tip_coords, self.arrows["u+v"].tip_coords
        walker = Dot(self.axes.c2p(0, 0), radius=0.09, color=style.EMPHASIS)
        path = [np.zeros(2), tu, tuv]

        def walk(m, a):
            leg, s = (0, 2 * a) if a < 0.5 else (1, 2 * a - 1)
            m.move_to(self.axes.c2p(*(path[leg] + s * (path[leg + 1] - path[leg]))))

        # one vector, written once and large: both sides are it (φ is linear, so they agree)
        both = self.T(U + V)
        assert np.allclose(both, self.T(U) + self.T(V))
        self.sum_lhs = self.sum_rhs = column(both, font_size=style.BODY)
        line = VGroup(plain_tex(r"\varphi(u + v) = \varphi(u) + \varphi(v) =", font_size=style.BODY),
                      self.sum_lhs).arrange(RIGHT, buff=0.15)
        line.next_to(self.rule, DOWN, buff=0.5).align_to(self.rule, LEFT)
        self.sum_line = line
        self.add(walker)
        beat(self, UpdateFromAlphaFunc(walker, walk, rate_func=linear), during(Write(line), 0, 0.45),
             subcaption="The walk along φ(u), then φ(v), still ends at the tip of φ(u + v). Sums pass through φ.",
             spoken="The walk along phi of u, then phi of v, still ends at the tip of phi of u plus v. Sums pass through phi.",
             run_time=3)
        self.leftovers = [walker]

    def scalings_pass(self):
        tu, tlong = self.arrows["u"].tip_coords, self.arrows["1.5u"].tip_coords
        walker = Dot(self.axes.c2p(0, 0), radius=0.09, color=style.EMPHASIS)
        ticks = VGroup(*[Dot(self.axes.c2p(*(k * tu / 2)), radius=0.05, color=style.EMPHASIS)
                         for k in range(1, 4)])  # every half T(u): the third lands on T(1.5u)
        self.scale_ticks = [k * tu / 2 for k in range(1, 4)]
        both = self.T(SCALE * U)
        assert np.allclose(both, SCALE * self.T(U))
        self.scale_lhs = self.scale_rhs = column(both, font_size=style.BODY)
        line = VGroup(plain_tex(r"\varphi(1.5u) = 1.5\,\varphi(u) =", font_size=style.BODY),
                      self.scale_lhs).arrange(RIGHT, buff=0.15)
        line.next_to(self.sum_line, DOWN, buff=0.4).align_to(self.rule, LEFT)
        self.scale_line = line
        self.add(walker)
        beat(self, *self.clear_leftovers(),
             UpdateFromAlphaFunc(walker, lambda m, a: m.move_to(self.axes.c2p(*(a * tlong))), rate_func=linear),
             LaggedStart(*[FadeIn(t, scale=2) for t in ticks], lag_ratio=1.0), during(Write(line), 0.05, 0.45),
             subcaption="And φ(1.5u) is φ(u) made one and a half times longer: scalings pass through too.",
             spoken="And phi of 1.5 u is phi of u made one and a half times longer: scalings pass through too.",
             run_time=3)
        self.leftovers = [walker]
        self.ticks = ticks

    def what_linear_looks_like(self):
        """A dot steps along the images of the two axes: the marks T(k e1) and T(k e2) it
        passes are evenly spaced, and the origin stays where it was."""
        origin = Dot(self.axes.c2p(0, 0), radius=0.1, color=style.EMPHASIS)
        self.origin = origin
        x0, x1, y0, y1 = WINDOW
        inside = lambda p: (x0 < p[0] < x1) and (y0 < p[1] < y1)  # noqa: E731
        steps = np.arange(-4, 5)
        self.axis_marks = [np.array([p for p in self.T(np.outer(steps, e)) if inside(p)]) for e in np.eye(2)]
        # the marks appear one by one along each image of an axis (no dot walks over them: a
        # lone moving dot caught in a still reads as a stray mark)
        marks = VGroup(*[Dot(self.axes.c2p(*p), radius=0.06, color=style.EMPHASIS)
                         for pts in self.axis_marks for p in pts if np.any(p)])
        verdict = note("φ is linear", font_size=style.BODY, color=style.FOREGROUND)
        verdict.next_to(self.scale_line, DOWN, buff=0.4).align_to(self.rule, LEFT)
        beat(self, *self.clear_leftovers(),
             during(LaggedStart(*[FadeIn(m, scale=2) for m in marks], lag_ratio=0.8), 0, 0.55),
             during(FadeIn(origin, scale=3), 0, 0.3),
             FadeIn(verdict, rate_func=squish_rate_func(smooth, 0.6, 1)),
             subcaption="That is what linear looks like: grid lines stay straight, parallel and evenly spaced, "
                        "and the origin stays put.")
        self.leftovers = [marks]
        self.verdict = verdict

    def fixed_by_two_arrows(self):
        """Why the two rules matter: u is 1.5 steps along x1 and 0.5 along x2, so φ(u) is
        1.5 φ(e1) + 0.5 φ(e2). Where the two axis arrows land fixes φ everywhere: those landings
        are the columns of φ's matrix."""
        e1, e2 = self.T(np.array([1.0, 0.0])), self.T(np.array([0.0, 1.0]))
        legs = [np.zeros(2), U[0] * e1, U[0] * e1 + U[1] * e2]  # ends on φ(u)'s tip
        self.basis_images, self.basis_walk = (e1, e2), legs
        # each landing keeps its axis's colour (the grid's lines along x₁ and x₂), and so does
        # its leg of the walk and its column of the matrix
        colors = (style.X1_DIRECTION, style.X2_DIRECTION)
        self.basis_colors = colors
        basis = [self.arrow(key, vec, color=c, label=None) for key, vec, c in (("φ(e1)", e1, colors[0]), ("φ(e2)", e2, colors[1]))]
        names = [self.label_beside(name, (0, 0), vec, c, side, at=0.55)
                 for name, vec, side, c in ((r"\varphi(e_1)", e1, -1, colors[0]), (r"\varphi(e_2)", e2, 1, colors[1]))]
        # thicker than the grid lines they run along, so the walk reads over them
        walk = VGroup(*[DashedLine(self.axes.c2p(*a), self.axes.c2p(*b), color=c, stroke_width=7,
                                   dash_length=0.12) for a, b, c in zip(legs, legs[1:], colors)])
        self.basis_arrows, self.walk_legs = basis, walk
        combo = plain_tex(rf"\varphi(u) = {U[0]:g}\,\varphi(e_1) + {U[1]:g}\,\varphi(e_2)", font_size=style.BODY)
        self.matrix_of_phi = int_matrix(T_MATRIX.astype(int), font_size=style.BODY)
        for k, c in enumerate(colors):
            VGroup(*self.matrix_of_phi.get_columns()[k]).set_color(c)
        held = VGroup(plain_tex(r"\varphi\ \text{as a matrix:}", font_size=style.BODY), self.matrix_of_phi)
        held.arrange(RIGHT, buff=0.2)
        lines = VGroup(combo, held).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        lines.next_to(self.rule, DOWN, buff=0.5).align_to(self.rule, LEFT)
        self.basis_lines = lines
        # each landing is pointed at with its column, in their shared colour
        columns = [AnimationGroup(PointAt(VGroup(*self.matrix_of_phi.get_columns()[k]), color=colors[k], buff=0.08),
                                  PointAt(basis[k], color=colors[k], buff=0.08)) for k in (0, 1)]
        # the sums and the scaling step aside, and every arrow but φ(u), whose name moves to its
        # tip's upper left, clear of the walk; the two landings are drawn, then u's tip is reached by
        # 1.5 of the first and 0.5 of the second
        others = [m for key in ("v", "u+v", "1.5u") for m in (self.arrows[key], self.arrows[key].label)]
        self.set_aside = [*others, self.v_walk]
        u_name = self.arrows["u"].label
        moved = self.label_for(r"\varphi(u)", self.arrows["u"].tip_coords, style.Z_COLOR, UP, LEFT)
        beat(self, *self.clear_leftovers(),
             during(FadeOut(VGroup(self.sum_line, self.scale_line, self.verdict, self.ticks)), 0, 0.12),
             during(FadeOut(VGroup(*self.set_aside)), 0, 0.15), during(Transform(u_name, moved), 0.05, 0.25),
             during(LaggedStart(*[GrowArrow(a) for a in basis], *[FadeIn(n) for n in names], lag_ratio=0.3), 0.05, 0.3),
             during(FadeIn(combo), 0.25, 0.4), during(Succession(*[Create(leg) for leg in walk]), 0.3, 0.6),
             # the walk ends on φ(u)'s tip: a ring there says so
             during(PointAt(self.arrows["u"].tip, color=style.EMPHASIS, buff=0.08), 0.62, 0.95),
             subcaption="u is 1.5 steps along e₁, the unit arrow of x₁, plus 0.5 along e₂; so φ(u) is "
                        "1.5 φ(e₁) plus 0.5 φ(e₂).",
             spoken="u is 1.5 steps along e one, the unit arrow of x one, plus 0.5 along e two; so phi of u is "
                    "1.5 phi of e one plus 0.5 phi of e two.",
             run_time=3)
        self.remove(self.sum_line, self.scale_line, self.verdict, self.ticks, *self.set_aside)
        # and the two landings are found again, as the columns of φ's matrix
        beat(self, during(FadeIn(held), 0, 0.25), during(Succession(*columns), 0.2, 1),
             subcaption="Where the two axis arrows land fixes φ everywhere: those two landings are the columns "
                        "of φ's matrix.",
             spoken="Where the two axis arrows land fixes phi everywhere: those two landings are the columns "
                    "of phi's matrix.",
             run_time=3)
        self.basis_names = names
        self.leftovers = [walk]

    # -- the affine map g(x) = T(x) + b ---------------------------------------------------------
    def name_the_shift(self):
        self.b_column = column(SHIFT, font_size=style.LABEL)
        rule = VGroup(plain_tex(r"g(x) = \varphi(x) + b, \quad b =", font_size=style.BODY), self.b_column)
        rule.arrange(RIGHT, buff=0.15).next_to(self.rule, DOWN, buff=0.5).align_to(self.rule, LEFT)
        self.affine_rule = rule
        shown = set(map(id, self.get_mobject_family_members()))
        gone = [m for m in [*self.basis_lines, *self.basis_names,
                            *[m for a in self.arrows.values() for m in (a, a.label) if m is not None]]
                if id(m) in shown]  # not those set aside already
        b_arrow = Arrow(self.axes.c2p(0, 0), self.axes.c2p(*SHIFT), buff=0, color=style.FOREGROUND, stroke_width=5,
                        max_tip_length_to_length_ratio=0.3)
        self.b_arrow = b_arrow
        # what goes leaves first; the rule comes where the sums stood only once they are gone
        beat(self, *self.clear_leftovers(), during(FadeOut(VGroup(*dict.fromkeys(gone))), 0, 0.3),
             during(FadeIn(rule), 0.35, 0.6), during(GrowArrow(b_arrow), 0.4, 0.8),
             subcaption="An affine map adds a fixed shift to a linear one: g(x) = φ(x) + b, with b = (−1.5, −1).",
             spoken="An affine map adds a fixed shift to a linear one: g of x is phi of x plus b, "
                    "with b equal to minus one and a half, minus one.")

    def shift_the_grid(self):
        shift = lambda p: p + SHIFT  # noqa: E731  (A = this after T)
        beat(self, self.grid.morph(shift), carry(self.origin, self.axes, shift), FadeOut(self.b_arrow),
             subcaption="The whole grid slides along, and the origin moves to b. A linear map never moves the origin.",
             run_time=3)
        self.origin_image = np.array(self.axes.p2c(self.origin.get_center()))

    def sums_fail(self):
        """g(u), then g(v), as arrows from 0: the walk overshoots g(u + v) by b."""
        au, av, auv = self.g(U), self.g(V), self.g(U + V)
        self.affine_points = {"g(u)": au, "g(v)": av, "g(u+v)": auv, "walk": au + av}
        first = self.arrow("g(u)", au, color=style.Z_COLOR)
        second = self.arrow("g(v)_walk", av, start=au, color=style.Z_COLOR, opacity=0.7, label=None)
        target = Dot(self.axes.c2p(*auv), radius=0.1, color=style.Z_COLOR)
        target_label = self.label_for("g(u+v)", auv, style.Z_COLOR, UP, LEFT)
        miss = Dot(self.axes.c2p(*(au + av)), radius=0.1, color=style.ERROR)
        gap = Arrow(self.axes.c2p(*auv), self.axes.c2p(*(au + av)), buff=0.05, color=style.ERROR, stroke_width=5,
                    max_tip_length_to_length_ratio=0.3)
        gap_label = self.label_beside("b", auv, au + av, style.ERROR, -1, at=0.5)
        self.gap = gap
        self.walk_sum = column(au + av, font_size=style.LABEL, color=style.ERROR)
        self.target_column = column(auv, font_size=style.LABEL, color=style.Z_COLOR)
        walked = VGroup(plain_tex(r"g(u) + g(v) =", font_size=style.BODY), self.walk_sum).arrange(RIGHT, buff=0.15)
        aimed = VGroup(plain_tex(r"g(u + v) =", font_size=style.BODY), self.target_column).arrange(RIGHT, buff=0.15)
        differ = plain_tex(r"\text{apart by } b", font_size=style.BODY, color=style.ERROR)
        pair = VGroup(walked, aimed).arrange(DOWN, aligned_edge=RIGHT, buff=0.25)
        differ.next_to(pair, RIGHT, buff=0.4)
        fail = VGroup(pair, differ)
        fail.next_to(self.affine_rule, DOWN, buff=0.4).align_to(self.rule, LEFT)
        self.sum_fail_line = fail
        # the walk, its miss and the gap b are whole by 55 % of the beat, as the words name them;
        # then a box points at b while the sum line says it
        beat(self, during(self.grid.animate.set_stroke(opacity=0.3), 0, 0.15),
             during(FadeIn(VGroup(target, target_label)), 0, 0.15),
             during(GrowArrow(first), 0.05, 0.2), during(FadeIn(first.label), 0.1, 0.2),
             during(GrowArrow(second), 0.2, 0.33), during(FadeIn(miss, scale=2), 0.33, 0.4),
             during(GrowArrow(gap), 0.4, 0.5), during(FadeIn(gap_label), 0.46, 0.55),
             during(Write(fail), 0.3, 0.55),
             during(PointAt(VGroup(gap, gap_label), color=style.EMPHASIS), 0.6, 0.95),
             subcaption="Now sums fail: g(u) and then g(v) overshoot g(u + v) by exactly b, the shift counted twice.",
             run_time=4)

    def school_line(self):
        """The line f(x) = 2x + 1 is affine too: on axes of one scale, a gap of 1 rides between it
        and 2x down to x = 0, where f gives 1, not 0."""
        self.line_axes = plane_axes((-1, 2.2, 1), (-1, 5.4, 1), unit=0.7)
        self.line_axes.next_to([RIGHT_COLUMN + 0.9, -2.95, 0], UP + RIGHT, buff=0)
        f = lambda x: SLOPE * x + OFFSET  # noqa: E731
        ax = self.line_axes
        self.line = Line(ax.c2p(-1.0, f(-1.0)), ax.c2p(2.2, f(2.2)), color=style.Z_COLOR, stroke_width=5)
        # 2x starts above the x2 axis's "−1", and the x axis's "−1" goes above its axis, where
        # the line f does not pass
        self.linear_part = DashedLine(ax.c2p(-0.3, -SLOPE * 0.3), ax.c2p(2.2, SLOPE * 2.2), color=style.MUTED,
                                      stroke_width=3)
        for n in ax.x_axis.numbers:
            if n.get_value() < 0:
                n.next_to(ax.c2p(n.get_value(), 0), UP, buff=0.12)
        self.f0 = f(0)
        tag = plain_tex(r"f(x) = %d x + %d" % (SLOPE, OFFSET), font_size=style.LABEL, color=style.Z_COLOR)
        tag.next_to(ax, RIGHT, buff=0.3).align_to(ax, UP)
        part = plain_tex(r"%d x" % SLOPE, font_size=style.LABEL, color=style.MUTED)
        part.next_to(tag, DOWN, buff=0.25).align_to(tag, LEFT)
        zero = plain_tex(r"f(0) = %s" % fmt(self.f0), font_size=style.LABEL, color=style.ERROR)
        zero.next_to(part, DOWN, buff=0.25).align_to(tag, LEFT)
        names = axis_names(ax, ("x", "f(x)"), font_size=style.SMALL)
        riders = VGroup(Dot(radius=0.08, color=style.Z_COLOR), Dot(radius=0.07, color=style.MUTED),
                        Line(ORIGIN, UP, color=style.ERROR, stroke_width=6))
        self.gaps = []

        def ride(m, a):
            x = 2.0 * (1 - a)  # from x = 2 down to x = 0
            m[0].move_to(ax.c2p(x, f(x)))
            m[1].move_to(ax.c2p(x, SLOPE * x))
            m[2].put_start_and_end_on(ax.c2p(x, SLOPE * x), ax.c2p(x, f(x)))
            self.gaps.append(f(x) - SLOPE * x)

        ride(riders, 0.0)
        self.add(riders)
        beat(self, during(FadeOut(VGroup(self.affine_rule, self.rule, self.sum_fail_line)), 0, 0.15),
             during(FadeIn(VGroup(ax, names)), 0.05, 0.2), during(FadeIn(riders), 0.2, 0.3),
             during(Create(self.linear_part), 0.15, 0.5), during(Create(self.line), 0.15, 0.5),
             # the gap rides down to x = 0 by half the beat, so the shift from (0, 0) to (0, 1)
             # and f(0) = 1 stand marked when the words say "sends 0 to 1"
             UpdateFromAlphaFunc(riders, ride, rate_func=squish_rate_func(smooth, 0.25, 0.5)),
             FadeIn(tag), FadeIn(part), FadeIn(zero, rate_func=squish_rate_func(smooth, 0.45, 0.55)),
             subcaption="The school line f(x) = 2x + 1 is affine in the same way: it is 2x shifted up by 1, "
                        "so it sends 0 to 1.",
             spoken="The school line, f of x equals 2 x plus 1, is affine in the same way: it is 2 x shifted up by 1, "
                    "so it sends 0 to 1.")
        self.riders = riders

    # -- bridge: the network's layers are affine ------------------------------------------------
    def bridge(self):
        run = load_reference_run()
        W1 = run.W1[-1]
        pair, *_ = best_unit_pair(W1, run.X, run.y)
        self.layer = (W1[list(pair), :2], W1[list(pair), 2])
        layer = affine_map(*self.layer)
        self.bridge_pair = pair
        self.squashed = stretch_ratio(self.layer[0]) > 5  # the square's image is long and thin
        reach = np.abs(np.vstack([layer(XOR_CENTRES), XOR_CENTRES])).max()
        span = float(np.ceil(reach + 0.5))
        self.net_axes = plane_axes((-span, span, 1), (-span, span, 1), unit=5.4 / (2 * span), number_step=2)
        self.net_axes.move_to([-3.5, 0, 0]).align_to([0, -2.95, 0], DOWN)
        net_names = axis_names(self.net_axes, (r"\text{unit } %d" % (pair[0] + 1), r"\text{unit } %d" % (pair[1] + 1)))
        grid = PlaneGrid(self.net_axes, x1_range=(0, 1, 0.25), x2_range=(0, 1, 0.25), samples=2, stroke_width=2.5)
        corners = centre_dots(self.net_axes, XOR_CENTRES, XOR_LABELS, radius=0.12)
        origin = Dot(self.net_axes.c2p(0, 0), radius=0.07, color=style.EMPHASIS)
        caption = note("a trained network's first layer", font_size=style.LABEL, color=style.FOREGROUND)
        caption.next_to([RIGHT_COLUMN, 2.95, 0], DOWN + RIGHT, buff=0)
        which = note(f"hidden units {pair[0] + 1} and {pair[1] + 1} of 3, their sums", font_size=style.SMALL)
        which.next_to(caption, DOWN, buff=0.2).align_to(caption, LEFT)
        bias = self.layer[1]
        self.bias_column = column(bias, font_size=style.BODY, color=style.W1_COLOR)
        bias_line = VGroup(plain_tex(r"\text{the origin goes to the bias}", font_size=style.HEADING,
                                     color=style.FOREGROUND), self.bias_column)
        bias_line.arrange(RIGHT, buff=0.2).next_to(which, DOWN, buff=0.5).align_to(caption, LEFT)
        # what the corners' colours mean (XOR's scene names them later)
        key = class_key().next_to(bias_line, DOWN, buff=0.45).align_to(caption, LEFT)
        self.class_key = key
        # one beat: the old picture gives way to the input square of the trained network, whose
        # grid, corners and origin then move to their images; every step is a window of the beat
        grid_from = [line.points.copy() for line in grid]
        grid_to = [line.points.copy() for line in mapped_copy(grid, self.net_axes, layer)]
        frame = CoordinateFrame(self.net_axes)
        dots = [*corners, origin]
        dots_from = [d.get_center() for d in dots]
        dots_to = frame.to_scene(layer(np.vstack([XOR_CENTRES, [0.0, 0.0]])))
        ramp = lambda a, lo, hi: squish_rate_func(smooth, lo, hi)(a)  # noqa: E731

        # one clock over two beats: 0..1 the square and its corners move; 1..2 the origin follows
        def update(stage, clock):
            shown, move, lift = ramp(clock, 0.2, 0.35), ramp(clock, 0.35, 0.8), ramp(clock, 1.0, 1.45)
            for line, p, q in zip(grid, grid_from, grid_to):
                line.points = p + move * (q - p)
                line.set_stroke(opacity=shown)
            for d, p, q in zip(corners, dots_from, dots_to):
                d.move_to(p + move * (q - p)).set_opacity(shown)
            origin.move_to(dots_from[-1] + lift * (dots_to[-1] - dots_from[-1])).set_opacity(shown)
            bias_line.set_opacity(ramp(clock, 1.4, 1.5))

        stage = VGroup(grid, corners, origin, bias_line)
        update(stage, 0.0)
        old = [m for m in self.mobjects if m is not self.title]
        self.add(stage)
        beat(self, *[FadeOut(m, rate_func=squish_rate_func(smooth, 0, 0.2)) for m in old],
             *[FadeIn(m, rate_func=squish_rate_func(smooth, 0.2, 0.35)) for m in (self.net_axes, net_names, caption)],
             FadeIn(which, rate_func=squish_rate_func(smooth, 0.35, 0.5)),
             FadeIn(key, rate_func=squish_rate_func(smooth, 0.2, 0.35)),
             UpdateFromAlphaFunc(stage, update, rate_func=linear), run_time=5,
             subcaption="The network's first layer is affine too: two of its three trained units move the "
                        "input square like this" + (", squashed into a thin strip." if self.squashed else "."))
        # once the bias is written, a box points at it while the words say what it is
        beat(self, UpdateFromAlphaFunc(stage, lambda m, a: update(m, 1.0 + a), rate_func=linear),
             during(PointAt(bias_line, color=style.EMPHASIS), 0.5, 0.85), run_time=4,
             subcaption=f"And they move the origin to ({signed(bias[0])}, {signed(bias[1])}): "
                        f"that shift is the layer's bias.",
             hold=1.0)
        self.net_grid, self.net_corners, self.net_origin = grid, corners, origin

    # -- helpers ---------------------------------------------------------------------------------
    def ride_with_tip(self, arrow, old, new, tip_after):
        """The label rides along with its arrow's tip on every frame (play it after the arrow's
        own move), and its words turn from the old name into the new one on the way."""
        old_offset = old.get_center() - arrow.get_end()
        new_offset = new.get_center() - tip_after
        new.set_opacity(0)
        self.add(new)

        def follow(group, alpha):
            tip = arrow.get_end()
            offset = old_offset + smooth(alpha) * (new_offset - old_offset)
            old.move_to(tip + offset)
            # the old name turns from the input's colour to the output's as its arrow does
            # (Transform's smooth pace), and its backing stays opaque until it fades
            old[1].set_color(interpolate_color(style.X_COLOR, style.Z_COLOR, smooth(alpha)))
            old.set_opacity(1 - squish_rate_func(smooth, 0.7, 0.85)(alpha))
            new.move_to(tip + offset).set_opacity(squish_rate_func(smooth, 0.75, 0.9)(alpha))
            return group

        return UpdateFromAlphaFunc(VGroup(old, new), follow, rate_func=linear)

    def clear_leftovers(self):
        """What the last beat left behind (a walker, marks) fades in the first moments of the
        next beat, rather than in a bare play of its own."""
        done, self.leftovers = getattr(self, "leftovers", []), []
        return [during(FadeOut(VGroup(*done)), 0, 0.1)] if done else []

    def arrow(self, key, vec, start=(0.0, 0.0), color=style.X_COLOR, opacity=1.0, label="", label_side=UP):
        start = np.asarray(start, dtype=float)
        tip = start + np.asarray(vec, dtype=float)
        arr = Arrow(self.axes.c2p(*start), self.axes.c2p(*tip), buff=0, color=color, stroke_width=6,
                    stroke_opacity=opacity, max_tip_length_to_length_ratio=0.22)
        arr.vec, arr.start_coords, arr.tip_coords = np.asarray(vec, dtype=float), start, tip
        arr.label = None if label is None else self.label_for(key, tip, color, label_side)
        self.arrows[key] = arr
        return arr

    def label_for(self, text, tip, color, side, across=RIGHT):
        return backed(plain_tex(text, font_size=style.LABEL, color=color)).next_to(self.axes.c2p(*tip), side + across,
                                                                                   buff=0.06)

    def label_beside(self, text, start, tip, color, side, back=0.2, at=None):
        """A label beside the arrow from start to tip (plane coordinates), LABEL_GAP clear of its
        line, on its left (side = 1) or right (side = -1): near the tip, `back` scene units
        before it, or at the share `at` of its length."""
        a, b = self.axes.c2p(*start), self.axes.c2p(*tip)
        d = (b - a) / np.linalg.norm(b - a)
        normal = side * np.array([-d[1], d[0], 0.0])
        label = backed(plain_tex(text, font_size=style.LABEL, color=color))
        reach = label.width / 2 * abs(normal[0]) + label.height / 2 * abs(normal[1]) + LABEL_GAP
        anchor = a + at * (b - a) if at is not None else b - back * d
        return label.move_to(anchor + reach * normal)
