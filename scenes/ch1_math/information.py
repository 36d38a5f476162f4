"""What a matrix does to dimensions. RankPlane: the outputs of A fill only a plane of R³, seen
face on (two directions) and edge on (no thickness): the rank. NoNewDimensions: a matrix sends
a line to a line or a point, and lifts a plane only to a flat sheet; it never adds a dimension.
Its bridge: the XOR corners lifted onto such a sheet keep their crossing diagonals; ReLU folds
the sheet, and then a flat cut splits the classes.
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
    BackgroundRectangle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    MoveAlongPath,
    NumberLine,
    NumberPlane,
    ReplacementTransform,
    Succession,
    ThreeDScene,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Wait,
    Write,
    smooth,
    squish_rate_func,
)

from scenes.ch1_math._math_linalg import edge_on_angles
from scenes.pacing import beat, during, reading_time
from scenes.style import (
    BACKGROUND,
    BODY,
    EDGE_BUFF,
    EMPHASIS,
    FOREGROUND,
    GRID,
    HEADING,
    LABEL,
    MUTED,
    SMALL,
    X_COLOR,
    Z_COLOR,
    class_color,
)
from scenes.widgets import hidden_view as hv
from scenes.widgets.input_plane import class_key
from scenes.widgets.matrices import column, int_matrix, row
from scenes.widgets.text import note, plain_tex, title
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.timing import at_once, early
from toynet_core import linalg as la
from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.model import relu
from toynet_core.separation import straight_cut

N_POINTS = 90
TICK = 3  # the input column shows every third input: readable, and cheaper than every frame
SEED = 7
REACH = 9.0  # how far from 0 the outputs spread: A's columns (up to 15 long) reach beyond them
BRIDGE_ROW = np.array([1.0, 0.6])  # a one-row matrix for the bridge picture
BRIDGE_POINTS = 14
LEVEL_DISTANCES = (-1.5, -0.75, 0.0, 0.75, 1.5)  # how far along the row each level line drawn is


def show_values(col, values, rights):
    """Put new values into a column of DecimalNumbers, each kept right-aligned at `rights`."""
    for entry, value, right in zip(col.get_entries(), values, rights):
        entry.set_value(value)
        entry.shift((right - entry.get_right()[0]) * RIGHT)


def fade_pinned(labels, start, end):
    """Fade labels pinned to points (hidden_view.pin_to_points) from opacity `start` to `end`,
    their pins still following the camera meanwhile (a FadeIn would freeze them in place)."""
    return UpdateFromAlphaFunc(labels, lambda m, a: m.set_opacity(start + (end - start) * a))


def backed(label, opacity=0.85):
    """The label with a dark backing behind it, so that grid lines under it never cut its strokes."""
    label.add_to_back(BackgroundRectangle(label, color=BACKGROUND, fill_opacity=opacity, buff=0.05))
    return label


def right_edges(col):
    return [e.get_right()[0] for e in col.get_entries()]


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
        if self.normal[2] < 0:  # the side the camera looks from, with the u₃ axis up
            self.normal = -self.normal
        self.span = la.column_basis(la.A_POST)
        cols = la.A_POST.T.astype(float)
        self.patch_corners = la.covering_patch(np.vstack([self.images, cols]), self.normal, margin=1.0)
        pts = np.vstack([self.patch_corners, cols, np.zeros(3)])
        extent = [(float(np.floor(lo)), float(np.ceil(hi))) for lo, hi in zip(pts.min(0), pts.max(0))]
        self.axes = hv.hidden_axes(extent, side=5.6)
        middle = (pts.min(axis=0) + pts.max(axis=0)) / 2
        self.axes.shift(-self.axes.c2p(*middle) - 0.2 * OUT)  # the camera turns about the subject's middle
        self.axis_labels = hv.hidden_axis_labels(self.axes, names=("u_1", "u_2", "u_3"))
        self.set_camera_orientation(phi=68 * DEGREES, theta=-40 * DEGREES, zoom=0.9)
        hv.pin_to_points(self, self.axis_labels)
        self.remove(*self.axis_labels)

        self.title = title("Where the outputs of A live", corner=True)
        self.input_col = column(self.inputs[0], color=X_COLOR, font_size=LABEL, v_buff=0.45, h_buff=1.2)
        self.output_name = plain_tex(r"\to A\vec x", font_size=BODY, color=Z_COLOR)
        formula = VGroup(plain_tex(r"\vec x =", font_size=BODY, color=X_COLOR), self.input_col, self.output_name)
        formula.arrange(RIGHT, buff=0.15).next_to(self.title, DOWN, buff=0.35).align_to(self.title, LEFT)
        self.count = note(f"{N_POINTS} random inputs,\nscaled to spread", font_size=LABEL)  # clear of the plane
        self.count.next_to(formula, DOWN, buff=0.25).align_to(self.title, LEFT)
        self.formula = formula
        fix_in_frame(self, self.title, formula, self.count)

        # The outputs: flat dots facing the camera (cheap in Cairo), shown one by one.
        self.cloud = hv.face_camera(self, VGroup(*[Dot(self.axes.c2p(*p), radius=0.045, color=Z_COLOR)
                                                  for p in self.images]))
        self.cloud.set_opacity(0)
        crowd = VGroup(self.cloud, self.input_col)
        camera = self.renderer.camera
        rights = right_edges(self.input_col)
        self.shown_input = 0

        def feed(group, alpha):
            cloud, col = group
            k = 1 + round(alpha * (N_POINTS - 1))
            for i, dot in enumerate(cloud):
                dot.set_opacity(1.0 if i < k else 0.0)
            index = k - 1 - (k - 1) % TICK if k < N_POINTS else k - 1
            if index != self.shown_input:
                show_values(col, self.inputs[index], rights)
                camera.add_fixed_in_frame_mobjects(col)  # the digits set_value just made
                self.shown_input = index

        beat(self, FadeIn(self.title), FadeIn(self.axes, rate_func=at_once), FadeIn(self.axis_labels, rate_func=at_once),
             FadeIn(formula[0], formula[2], rate_func=at_once), UpdateFromAlphaFunc(crowd, feed),
             FadeIn(self.count),
             subcaption="Feed A, our 3 by 4 matrix, a crowd of random inputs, four numbers each, and mark every "
                        "output. The inputs are scaled so that the outputs spread in every direction they can.")

    def one_plane(self):
        """The plane through 0 at right angles to the computed normal, covering the cloud; it
        sweeps in from one edge to the other."""
        c = self.patch_corners
        self.plane = VMobject(stroke_color=Z_COLOR, stroke_width=1.5, fill_color=Z_COLOR, fill_opacity=0.15)

        def sweep(plane, alpha):
            far = [c[1] + alpha * (c[2] - c[1]), c[0] + alpha * (c[3] - c[0])]
            plane.set_points_as_corners([self.axes.c2p(*p) for p in [c[0], c[1], *far, c[0]]])

        sweep(self.plane, 0.01)
        beat(self, during(UpdateFromAlphaFunc(self.plane, sweep), 0, 0.45), camera=dict(theta=-5 * DEGREES), run_time=2,
             subcaption="None of them leaves the plane of A's columns: the whole crowd is flat.")

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
        """A's four columns, one by one: all in the plane. Their tips lie on one line (each
        column is the one before plus the same step), so the fan holds two directions: a₁, and
        the step a₄ − a₁ drawn from a₁'s tip to a₄'s. Only the outer columns are named, beyond
        their tips along that line, so no label sits on another."""
        cols = la.A_POST.T.astype(float)
        self.columns = VGroup(*[Line(self.origin, self.axes.c2p(*c), color=Z_COLOR, stroke_width=5)
                                for c in cols])
        self.column_tips = hv.face_camera(self, VGroup(*[Dot(self.axes.c2p(*c), radius=0.07, color=Z_COLOR)
                                                        for c in cols]))
        step = cols[-1] - cols[0]
        self.step_vector = step
        self.step_arrow = Arrow(self.axes.c2p(*cols[0]), self.axes.c2p(*cols[-1]), buff=0, color=EMPHASIS,
                                stroke_width=5, tip_length=0.2)
        along = step / np.linalg.norm(step)
        labels = VGroup(backed(plain_tex("a_1", font_size=LABEL, color=Z_COLOR)),
                        backed(plain_tex("a_4", font_size=LABEL, color=Z_COLOR)))
        gap = 0.35 * np.linalg.norm(step)
        # the step is drawn from a₁'s tip to a₄'s, then slides to start at 0, as a direction of its own
        self.step_drawn = np.array([self.axes.p2c(p) for p in (self.step_arrow.get_start(), self.step_arrow.get_end())])
        self.step_at_origin = Arrow(self.origin, self.axes.c2p(*step), buff=0, color=EMPHASIS, stroke_width=5,
                                    tip_length=0.2)
        anchors = [cols[0] - gap * along, cols[-1] + gap * along]  # beyond the ends of the line of tips
        for label, at in zip(labels, anchors):
            label.anchor = self.axes.c2p(*at)
        hv.pin_to_points(self, labels)
        self.remove(*labels)
        self.column_labels = labels
        # Each tip travels out from 0 as its column is drawn, so the eye follows it.
        grows = [AnimationGroup(Create(line), MoveAlongPath(tip, line.copy())) for line, tip in zip(self.columns, self.column_tips)]
        theta = self.face_view[1]
        inset, dots, arrow, names = self.tips_up_close(cols)
        # the axes' names step aside while the columns are named, so no name sits on another;
        # beside the 3-D picture, the tips up close: each appears as its column is drawn
        beat(self, during(fade_pinned(self.axis_labels, 1, 0), 0, 0.1), self.cloud.animate(rate_func=early).set_opacity(0.35),
             self.directions.animate(rate_func=early).set_opacity(0.25),
             during(LaggedStart(*grows, lag_ratio=0.6), 0, 0.4),
             during(FadeIn(inset), 0, 0.1),
             *[during(FadeIn(VGroup(d, n), scale=1.5), 0.1 * j + 0.05, 0.1 * j + 0.12)
               for j, (d, n) in enumerate(zip(dots, names[:4]))],
             during(FadeIn(labels[0]), 0.05, 0.15), during(FadeIn(labels[1]), 0.3, 0.4),
             during(GrowArrow(self.step_arrow), 0.4, 0.5), during(GrowArrow(arrow), 0.4, 0.5),
             during(FadeIn(names[4]), 0.45, 0.55),
             during(ReplacementTransform(self.step_arrow, self.step_at_origin), 0.6, 0.8),
             camera=dict(theta=theta + 15 * DEGREES),
             subcaption="A's four columns lie in that plane, each a₁ plus a share of the step a₄ − a₁: "
                        "still only two directions.",
             spoken="A's four columns lie in that plane, each a one plus a share of the step a four minus a one: "
                    "still only two directions.")
        # where the labels were drawn at the end of the beat (screen corners), for the tests
        self.label_boxes = [np.array([m.get_corner(DOWN + LEFT)[:2], m.get_corner(UP + RIGHT)[:2]]) for m in labels]

    def tips_up_close(self, cols):
        """Beside the 3-D picture, the segment from a₁'s tip to a₄'s, drawn large: every tip is
        a dot at its own share of the step (computed), named under it, and the step a₄ − a₁ is
        an arrow above. In 3-D the four tips lie too close together to name them all."""
        step = cols[-1] - cols[0]
        shares = (cols - cols[0]) @ step / (step @ step)
        self.tip_shares = shares
        width = 3.4
        left = np.array([-6.3, -2.0, 0.0])
        segment = Line(left, left + width * RIGHT, color=Z_COLOR, stroke_width=3)
        dots = VGroup(*[Dot(left + t * width * RIGHT, radius=0.08, color=Z_COLOR) for t in shares])
        names = VGroup(*[plain_tex(f"a_{j + 1}", font_size=LABEL, color=Z_COLOR).next_to(d, DOWN, buff=0.15)
                         for j, d in enumerate(dots)])
        arrow = Arrow(dots[0].get_center() + 0.45 * UP, dots[-1].get_center() + 0.45 * UP, buff=0, color=EMPHASIS,
                      stroke_width=4, tip_length=0.18)
        names.add(plain_tex(r"a_4 - a_1", font_size=LABEL, color=EMPHASIS).next_to(arrow, UP, buff=0.1))
        caption = note("the four tips, up close", font_size=SMALL)
        caption.next_to(names[4], UP, buff=0.2).align_to(segment, LEFT)
        inset = VGroup(caption, segment)
        self.tips_inset = VGroup(inset, dots, arrow, names)
        fix_in_frame(self, inset, dots, arrow, names)
        return inset, dots, arrow, names

    def edge_on(self):
        """Turn until the camera looks along the plane: the cloud becomes a line."""
        phi, theta = edge_on_angles(self.normal, theta_hint=30 * DEGREES)
        self.edge_view = (phi, theta)
        words = "Look along the plane: the crowd is a thin line, with no thickness at all."
        beat(self, self.cloud.animate.set_opacity(1), during(FadeOut(self.column_labels), 0, 0.2),
             during(FadeOut(self.tips_inset), 0, 0.2),
             during(fade_pinned(self.axis_labels, 0, 1), 0.3, 0.6),
             during(FadeOut(self.step_at_origin), 0, 0.3), camera=dict(phi=phi, theta=theta), run_time=2.2,
             hold=max(0.0, reading_time(words) + 0.5 - 2.2), subcaption=words)  # held edge on

    def rank(self):
        self.rank_value = la.rank(la.A_POST)
        rank_line = plain_tex(rf"\operatorname{{rank}} A = {self.rank_value}", font_size=HEADING + 6)
        lost = note(f"4 numbers in, {self.rank_value} directions out", font_size=LABEL, color=FOREGROUND)
        VGroup(rank_line, lost).arrange(DOWN, aligned_edge=RIGHT, buff=0.2).to_corner(UP + RIGHT, buff=EDGE_BUFF)
        self.rank_line, self.lost_line = rank_line, lost
        fix_in_frame(self, rank_line, lost)
        # the rank is written whole early in the beat, while the camera turns
        beat(self, during(Write(rank_line), 0, 0.3), during(FadeIn(lost), 0.25, 0.4),
             camera=dict(theta=self.edge_view[1] + 30 * DEGREES), run_time=2,
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
        plane.move_to([2.2, -0.3, 0])
        unit = w / np.linalg.norm(w)
        feet = np.outer(scores / np.linalg.norm(w), unit)  # each point's foot on the w axis
        axis = Line(plane.c2p(*(-2.2 * unit)), plane.c2p(*(2.2 * unit)), color=Z_COLOR, stroke_width=3)
        levels = VGroup(*[DashedLine(plane.c2p(*(c * unit - 2.0 * np.array([-unit[1], unit[0]]))),
                                     plane.c2p(*(c * unit + 2.0 * np.array([-unit[1], unit[0]]))),
                                     color=MUTED, stroke_width=1.5, dash_length=0.08)
                          for c in LEVEL_DISTANCES])
        dots = VGroup(*[Dot(plane.c2p(*p), radius=0.06, color=X_COLOR) for p in pts])
        landed = VGroup(*[Dot(plane.c2p(*f), radius=0.06, color=Z_COLOR) for f in feet])
        w_mob = row(w, color=FOREGROUND, font_size=HEADING)  # a made-up row, not the trained W⁽²⁾
        name = VGroup(note("a matrix of one row:", font_size=LABEL, color=FOREGROUND), w_mob)
        name.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        name.next_to(plane, LEFT, buff=0.6).shift(UP * 0.8).to_edge(LEFT, buff=1.2)  # clear of the score axis
        score = note("one number out: rank 1", font_size=LABEL, color=Z_COLOR)
        # past the axis's end, on a dark backing: the level lines run under it
        axis_name = backed(note("its one number", font_size=SMALL, color=Z_COLOR), opacity=1.0)
        axis_name.next_to(axis.get_end(), RIGHT, buff=0.12)
        score.next_to(name, DOWN, buff=0.3).align_to(name, LEFT)
        self.bridge = dict(plane=plane, row=w, w_mob=w_mob, points=pts, dots=dots, landed=landed,
                           axis=axis, scores=scores, levels=levels, level_distances=LEVEL_DISTANCES)
        picture = [plane, axis, levels, dots, landed, name, score, axis_name]
        fix_in_frame(self, *picture)
        movers = dots.copy()
        fix_in_frame(self, movers)
        slides = [ReplacementTransform(d, t) for d, t in zip(movers, landed)]
        # the 3-D picture gives way to the flat one within the beat: no blank frame between
        old = [m for m in self.mobjects if m is not self.title and m.family_members_with_points()]
        beat(self, during(AnimationGroup(*[FadeOut(m) for m in old]), 0, 0.12),
             during(Succession(FadeIn(VGroup(plane, dots, name), run_time=0.4),
                               AnimationGroup(Create(axis), Create(levels), run_time=0.8),
                               AnimationGroup(LaggedStart(*slides, lag_ratio=0.1), dots.animate.set_opacity(0.35),
                                              run_time=2.2),
                               AnimationGroup(FadeIn(score), FadeIn(axis_name), run_time=0.5)), 0.1, 1),
             subcaption="A single row of numbers, not all zero, keeps one number per point: every point "
                        "slides onto one line. Rank one.")
        self.remove(*old)
        # The network's last layer is such a row, met in the next chapter: four numbers in, one out.
        last = VGroup(note("the network's last layer:", font_size=LABEL, color=FOREGROUND),
                      note("a 1 × 4 matrix, one row", font_size=LABEL, color=FOREGROUND),
                      note("4 numbers in, 1 number out", font_size=LABEL, color=Z_COLOR))
        last.arrange(DOWN, aligned_edge=LEFT, buff=0.15).next_to(score, DOWN, buff=0.5).align_to(name, LEFT)
        self.last_layer = last
        fix_in_frame(self, last)
        # the scores run along the axis once more, lit one by one, while the words are read
        glow = [Indicate(d, color=EMPHASIS, scale_factor=1.6) for d in sorted(landed, key=lambda d: d.get_x())]
        beat(self, during(LaggedStart(*[FadeIn(r, shift=0.2 * RIGHT) for r in last], lag_ratio=0.5), 0, 0.5),
             during(LaggedStart(*glow, lag_ratio=0.25), 0.1, 1),
             subcaption="The network's last layer is such a row, a 1 by 4 matrix we will meet: "
                        "four numbers in, one number out.")
        self.cut_where_score_is_zero(levels)

    def cut_where_score_is_zero(self, levels):
        """Why rank one matters: points that share a score lie on one straight level, so the
        line where the score is zero, the cut between its signs, is straight too."""
        zero = levels[LEVEL_DISTANCES.index(0.0)]
        cut = zero.copy().set_stroke(EMPHASIS, width=4)
        tag = backed(note("score 0: a straight cut", font_size=SMALL, color=EMPHASIS), opacity=1.0)
        # beside the cut's upper end, on the side away from the score axis
        end = max((zero.get_start(), zero.get_end()), key=lambda p: p[1])
        tag.next_to(end, UP, buff=0.1)
        self.bridge["cut"], self.bridge["cut_tag"] = cut, tag
        fix_in_frame(self, cut, tag)
        others = VGroup(*[lv for lv in levels if lv is not zero])
        beat(self, during(Create(cut), 0, 0.45), during(FadeIn(tag), 0.3, 0.5),
             during(Succession(others.animate(run_time=0.6).set_stroke(opacity=1, width=2.5),
                               others.animate(run_time=0.6).set_stroke(width=1.5)), 0.45, 1),
             subcaption="Points on one level line share a score, so the line where the score is 0 is "
                        "straight: such a layer can only cut straight.",
             hold=0.5)


PATCH_MARGIN = 0.15  # how far the drawn cut reaches beyond the stems' feet

# NoNewDimensions: the maps it applies, as integer matrices (shown on screen as they are).
TO_PLANE = np.array([[2], [1]])  # a line of numbers into the plane
M_PLANE = np.array([[1, 2], [-1, 1]])  # the plane to itself
LIFT = np.array([[1, 0], [0, 1], [1, -1]])  # the plane into space
T_VALUES = np.arange(-2, 2.5, 0.5)  # the numbers t fed to TO_PLANE
LINE_POINT, LINE_DIRECTION = np.array([-0.5, 0.5]), np.array([1.0, 0.5])  # the line moved by M
LINE_T = (-1.0, 1.6)
GRID_HALF = 1.5  # the square of grid lines M moves
LIFT_HALF = 1.5  # the square of grid lines LIFT carries into space
LIFT_VIEW = dict(phi=62 * DEGREES, theta=-50 * DEGREES, zoom=1.05)
# the lift seen from the side: the sheet tilts along (1, -1), which this view shows across the
# screen more than in depth (about half), so the rise of one side and the fall of the other read
LIFTED_VIEW = dict(phi=65 * DEGREES, theta=-75 * DEGREES)  # the sheet still seen well off edge on
FOLD_SAMPLES = 31  # points along each grid line, so that its folds show
NEAR_SQUARE = (-0.25, 1.25)  # the part of the input plane drawn near the XOR corners
NEAR_EXTENT = [(-0.5, 1.5), (-0.5, 1.5), (-1.05, 1.05)]  # the axes, on a larger scale, around it
NEAR_SIDE = 5.0  # their size: the fold and the cut fill the right of the frame
NEAR_RIGHT = 2.3  # how far right of the frame's middle they are drawn, clear of the words on the left


def looking_right_of(theta, shift=NEAR_RIGHT):
    """The camera's frame_center that draws the origin `shift` units right of the frame's
    middle at azimuth theta (the screen's right is (−sin θ, cos θ, 0) in space)."""
    return shift * np.array([np.sin(theta), -np.cos(theta), 0.0])


def near_view(turn):
    """The camera move of the bridge: theta turned by `turn` from LIFT_VIEW, the near axes kept
    on the right."""
    theta = LIFT_VIEW["theta"] + turn
    return dict(theta=theta, frame_center=looking_right_of(theta))


class NoNewDimensions(ThreeDScene):
    """Flat drawings first (a line into the plane, a line moved with the plane), fixed in the
    frame; then the camera tilts and a 3 × 2 matrix lifts the plane into space, where it stays a
    flat sheet. (A line crushed to a point was seen in InjectiveSurjective: a callback here.)"""

    def construct(self):
        self.title = title("Lines through a matrix", corner=True)  # one place all scene long
        fix_in_frame(self, self.title)
        self.line_of_numbers()
        self.numbers_land_on_a_line()
        self.a_line_in_the_plane()
        self.the_plane_moves()
        self.into_space()
        self.lift_the_plane()
        self.still_flat()
        self.never_a_new_dimension()
        self.bridge_to_the_first_layer()
        self.sheet_bends()
        self.a_flat_cut()

    # -- a line of numbers into the plane ---------------------------------------------------
    def line_of_numbers(self):
        self.ref = NumberPlane(x_range=[-6, 6, 1], y_range=[-4, 4, 1], x_length=6.6, y_length=4.4,
                               background_line_style={"stroke_color": GRID, "stroke_width": 1},
                               axis_config={"stroke_color": MUTED})
        self.ref.move_to([3.3, -0.45, 0])
        ticks = VGroup(*[plain_tex(str(v), font_size=SMALL, color=MUTED).next_to(self.ref.c2p(v, 0), DOWN, buff=0.08)
                         for v in (-4, -2, 2, 4)],
                       *[plain_tex(str(v), font_size=SMALL, color=MUTED).next_to(self.ref.c2p(0, v), LEFT, buff=0.08)
                         for v in (-2, 2)])
        names = VGroup(plain_tex("u_1", font_size=LABEL).next_to(self.ref.c2p(6, 0), UP, buff=0.1),
                       plain_tex("u_2", font_size=LABEL).next_to(self.ref.c2p(0, 4), RIGHT, buff=0.1))
        self.ref_labels = VGroup(ticks, names)
        self.t_line = NumberLine(x_range=[-2, 2, 1], length=4.0, color=MUTED, include_numbers=True,
                                 font_size=SMALL)
        self.t_line.move_to([-3.7, -1.0, 0])
        self.t_name = plain_tex("t", font_size=BODY, color=X_COLOR).next_to(self.t_line, LEFT, buff=0.25)
        self.rule = VGroup(plain_tex(r"t \to", font_size=BODY), int_matrix(TO_PLANE, font_size=BODY),
                           plain_tex("t", font_size=BODY)).arrange(RIGHT, buff=0.15)
        self.rule.move_to([-3.7, 1.0, 0])
        self.t_dots = VGroup(*[Dot(self.t_line.n2p(t), radius=0.07, color=X_COLOR) for t in T_VALUES])
        fix_in_frame(self, self.ref, self.ref_labels, self.t_line, self.t_name, self.rule, self.t_dots)
        beat(self, FadeIn(self.title), FadeIn(self.ref, rate_func=at_once), FadeIn(self.ref_labels, rate_func=at_once),
             FadeIn(self.t_line, rate_func=at_once), FadeIn(self.t_name, rate_func=at_once), Write(self.rule),
             LaggedStart(*[FadeIn(d, scale=2) for d in self.t_dots], lag_ratio=0.3),
             subcaption="Feed a 2 by 1 matrix a line of numbers t.")

    def numbers_land_on_a_line(self):
        self.images_1 = (TO_PLANE @ T_VALUES[None, :]).T  # each t goes to t times (2, 1)
        self.img_dots = VGroup(*[Dot(self.ref.c2p(*p), radius=0.07, color=Z_COLOR) for p in self.images_1])
        ends = self.images_1[[0, -1]] * 1.15
        self.image_line = Line(self.ref.c2p(*ends[0]), self.ref.c2p(*ends[1]), color=Z_COLOR, stroke_width=3)
        self.image_name = note("one line", font_size=LABEL, color=Z_COLOR)
        self.image_name.next_to(self.image_line.get_end(), LEFT, buff=0.15).shift(0.25 * UP)
        flyers = self.t_dots.copy()
        fix_in_frame(self, self.img_dots, self.image_line, self.image_name, flyers)
        beat(self, LaggedStart(*[ReplacementTransform(f, d) for f, d in zip(flyers, self.img_dots)], lag_ratio=0.3),
             Succession(Wait(run_time=2.5), AnimationGroup(Create(self.image_line), FadeIn(self.image_name))),
             subcaption="Each t lands on t times (2, 1). All the outputs fall on one line.")

    # -- a line moved with the whole plane ------------------------------------------------------
    def a_line_in_the_plane(self):
        half = GRID_HALF
        self.grid_in = self.grid_lines(np.eye(2), half)
        t0, t1 = LINE_T
        self.line_ends_in = np.array([LINE_POINT + t0 * LINE_DIRECTION, LINE_POINT + t1 * LINE_DIRECTION])
        self.ell = Line(*[self.ref.c2p(*p) for p in self.line_ends_in], color=X_COLOR, stroke_width=5)
        self.ell_name = backed(plain_tex(r"\ell", font_size=BODY, color=X_COLOR)).next_to(self.ell.get_end(), UP, buff=0.1)
        self.rule_M = VGroup(plain_tex(r"\vec x \to", font_size=BODY), int_matrix(M_PLANE, font_size=BODY),
                             plain_tex(r"\vec x", font_size=BODY)).arrange(RIGHT, buff=0.15)
        self.rule_M.move_to(self.rule)
        # the plane is now the input of M: its axes take the input's names, as everywhere else
        axis_names = self.ref_labels[1]
        x_names = VGroup(*[plain_tex(f"x_{j + 1}", font_size=LABEL, color=X_COLOR).move_to(name, aligned_edge=LEFT)
                           for j, name in enumerate(axis_names)])
        self.input_names = x_names
        fix_in_frame(self, self.grid_in, self.ell, self.ell_name, self.rule_M, x_names)
        old = [self.t_line, self.t_name, self.t_dots, self.img_dots, self.image_line, self.image_name]
        # ℓ is drawn first, while the words begin; the grid fills in behind it
        beat(self, *[FadeOut(m, rate_func=early) for m in old], during(Create(self.ell), 0, 0.2),
             during(FadeIn(self.ell_name), 0.1, 0.25),
             during(FadeOut(self.rule), 0, 0.12), during(FadeIn(self.rule_M), 0.1, 0.25),
             during(FadeOut(axis_names), 0.1, 0.2), during(FadeIn(x_names), 0.18, 0.3),
             during(Create(self.grid_in, lag_ratio=0.1), 0.2, 0.5),
             subcaption="Now a 2 by 2 matrix, and a line ℓ drawn in its input plane, whose axes are x₁ and x₂.",
             spoken="Now a 2 by 2 matrix, and a line, ell, drawn in its input plane, whose axes are x one and x two.")

    def grid_lines(self, M, half, color=MUTED):
        """The square [-half, half]² cut by lines x₁ = k and x₂ = k, mapped by the 2 × 2 matrix M."""
        lines = VGroup()
        for k in np.arange(-half, half + 1e-9, 0.5):
            for a, b in (([k, -half], [k, half]), ([-half, k], [half, k])):
                lines.add(Line(self.ref.c2p(*(M @ a)), self.ref.c2p(*(M @ b)), color=color, stroke_width=1.5))
        return lines

    def the_plane_moves(self):
        """M moves every grid line and the line ℓ with them; ℓ's image is still a line."""
        self.grid_out = self.grid_lines(M_PLANE, GRID_HALF)
        self.line_ends_out = self.line_ends_in @ M_PLANE.T
        self.ell_out = Line(*[self.ref.c2p(*p) for p in self.line_ends_out], color=Z_COLOR, stroke_width=5)
        self.ell_out_name = backed(plain_tex(r"\text{image of } \ell", font_size=BODY, color=Z_COLOR))
        self.ell_out_name.next_to(self.ell_out.get_start(), UP + LEFT, buff=0.1)  # off the line, clear of the ticks
        fix_in_frame(self, self.grid_out, self.ell_out, self.ell_out_name)
        # What was drawn before M moves it, kept for the tests (ReplacementTransform reuses it).
        self.drawn_before = [np.array([self.ref.p2c(m.get_start()), self.ref.p2c(m.get_end())])
                             for m in [*self.grid_in, self.ell]]
        ghost = self.ell.copy().set_stroke(opacity=0.35)
        fix_in_frame(self, ghost)
        self.add(ghost)
        beat(self, during(ReplacementTransform(self.grid_in, self.grid_out), 0, 0.45),
             during(ReplacementTransform(self.ell, self.ell_out), 0, 0.45),
             during(FadeOut(self.ell_name), 0, 0.1), during(FadeIn(self.ell_out_name), 0.4, 0.52),
             # what is drawn now is the output: the axes take the outputs' names again
             during(FadeOut(self.input_names), 0.3, 0.4), during(FadeIn(self.ref_labels[1]), 0.38, 0.48),
             subcaption="The whole grid moves, and the line rides along: turned and stretched, still a line.")

    # -- the plane lifted into space ------------------------------------------------------------
    def into_space(self):
        self.axes = hv.hidden_axes([(-2, 2), (-2, 2), (-3, 3)], side=6.0)
        self.axes.shift(0.2 * OUT)  # the negative u₃ axis clear of the subtitle band
        self.axis_labels = VGroup(*[backed(m) for m in hv.hidden_axis_labels(self.axes, names=("u_1", "u_2", "u_3"))])
        self.floor = self.lifted_grid(np.array([[1, 0], [0, 1], [0, 0]]), X_COLOR)
        self.basis = VGroup(*[self.vector_arrow(v, X_COLOR) for v in ([1, 0, 0], [0, 1, 0])])
        self.lift_rule = VGroup(plain_tex(r"\vec x \to", font_size=BODY), int_matrix(LIFT, font_size=BODY),
                                plain_tex(r"\vec x", font_size=BODY)).arrange(RIGHT, buff=0.15)
        self.lift_rule.to_corner(UP + LEFT, buff=EDGE_BUFF).shift(DOWN * 0.9)
        fix_in_frame(self, self.lift_rule)
        hv.pin_to_points(self, self.axis_labels)
        self.remove(*self.axis_labels)
        old = [m for m in self.mobjects if m is not self.title]
        # the floor is the matrix's input plane, so its axes carry the inputs' names x₁, x₂; the
        # output names u₁, u₂, u₃ come when the plane is lifted into the output space
        self.floor_names = VGroup(*[backed(m.set_color(X_COLOR))
                                    for m in hv.hidden_axis_labels(self.axes, names=("x_1", "x_2", "x_3"))[:2]])
        hv.pin_to_points(self, self.floor_names)
        self.remove(*self.floor_names)
        beat(self, *[FadeOut(m, rate_func=early) for m in old],
             during(FadeIn(self.lift_rule), 0, 0.3), during(Create(self.axes), 0, 0.3),
             during(fade_pinned(self.floor_names, 0, 1), 0.2, 0.35), during(Create(self.floor, lag_ratio=0.05), 0.1, 0.45),
             during(GrowArrow(self.basis[0]), 0.3, 0.45), during(GrowArrow(self.basis[1]), 0.3, 0.45), camera=LIFT_VIEW,
             suspend_mobject_updating=False,  # the pinned names follow the turning camera
             subcaption="Last, a 3 by 2 matrix: two numbers in, three out. Its inputs fill a plane, drawn on the floor.")

    def lifted_grid(self, B, color):
        """The square [-LIFT_HALF, LIFT_HALF]² of the plane, cut by lines x₁ = k and x₂ = k,
        carried into space by the 3 × 2 matrix B."""
        lines = VGroup()
        h = LIFT_HALF
        for k in np.arange(-h, h + 1e-9, 0.5):
            for a, b in (([k, -h], [k, h]), ([-h, k], [h, k])):
                lines.add(Line(self.axes.c2p(*(B @ a)), self.axes.c2p(*(B @ b)), color=color, stroke_width=1.5,
                               stroke_opacity=0.7))
        return lines

    def vector_arrow(self, v, color):
        return Arrow(self.axes.c2p(0, 0, 0), self.axes.c2p(*v), buff=0, color=color, stroke_width=5,
                     tip_length=0.2)

    def lift_the_plane(self):
        """The floor's two directions go to LIFT's columns, and the grid follows them."""
        self.sheet = self.lifted_grid(LIFT, Z_COLOR)
        self.columns = VGroup(*[self.vector_arrow(c, Z_COLOR) for c in LIFT.T])
        self.add(*self.axis_labels)
        for label in self.axis_labels:
            label.set_opacity(0)
        beat(self, during(ReplacementTransform(self.floor, self.sheet), 0.1, 0.55),
             during(ReplacementTransform(self.basis, self.columns), 0.1, 0.55),
             # the picture is now the output space: its axes take the outputs' names
             during(fade_pinned(self.floor_names, 1, 0), 0, 0.1), during(fade_pinned(self.axis_labels, 0, 1), 0.05, 0.15),
             suspend_mobject_updating=False,  # the pinned names follow the turning camera
             camera=LIFTED_VIEW, run_time=3,
             subcaption="Its two columns say where the floor's two directions go, and the whole grid follows them up.")

    def still_flat(self):
        """Turn to look along the lifted sheet: it is flat."""
        normal = np.cross(*LIFT.T.astype(float))
        self.sheet_normal = normal / np.linalg.norm(normal)
        phi, theta = edge_on_angles(self.sheet_normal, theta_hint=LIFTED_VIEW["theta"])
        self.sheet_edge_view = (phi, theta)
        words = "Three numbers come out, yet they fill only a flat sheet: seen edge on, a line."
        beat(self, camera=dict(phi=phi, theta=theta), run_time=2.2, hold=max(0.0, reading_time(words) + 0.5 - 2.2),
             subcaption=words)  # held edge on

    def never_a_new_dimension(self):
        """The one place the video says it: a matrix never adds a dimension."""
        rows = VGroup(*[note(text, font_size=LABEL, color=FOREGROUND) for text in
                        ("line to at most a line", "plane to at most a plane")])
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.15).next_to(self.lift_rule, DOWN, buff=0.4)
        rows.align_to(self.lift_rule, LEFT)
        self.summary = rows
        fix_in_frame(self, rows)
        beat(self, LaggedStart(*[FadeIn(r, shift=0.3 * RIGHT) for r in rows], lag_ratio=0.7),
             camera=dict(phi=LIFT_VIEW["phi"], theta=LIFT_VIEW["theta"] + 10 * DEGREES), run_time=3,
             subcaption="A line stays at most a line, a plane at most a plane: a matrix can lose dimensions, "
                        "but never adds one.")

    def bridge_to_the_first_layer(self):
        """Close in on the sheet (a second set of axes, on a larger scale, over the XOR square):
        the XOR corners rise from the floor to the sheet, where they stay flat and their two
        diagonals still cross."""
        self.near = hv.hidden_axes(NEAR_EXTENT, side=NEAR_SIDE)
        self.near.shift(-self.near.c2p(0.5, 0.5, 0.0))
        self.near_labels = VGroup(*[backed(m) for m in hv.hidden_axis_labels(self.near, names=("u_1", "u_2", "u_3"))])
        hv.pin_to_points(self, self.near_labels)
        self.remove(*self.near_labels)
        self.near_lines = self.sheet_lines()
        self.near_sheet = VGroup(*[VMobject(stroke_color=Z_COLOR, stroke_width=1.5, stroke_opacity=0.45)
                                   for _ in self.near_lines])
        self.xor_floor = np.column_stack([XOR_CENTRES, np.zeros(len(XOR_CENTRES))])
        self.xor_lifted = XOR_CENTRES @ LIFT.T
        self.xor_dots = hv.face_camera(self, VGroup(*[
            Dot(self.near.c2p(*p), radius=0.11, color=class_color(y)) for p, y in zip(self.xor_floor, XOR_LABELS)]))
        self.same_class = [np.flatnonzero(XOR_LABELS == k) for k in (0, 1)]
        self.xor_diagonals = self.diagonals(self.xor_lifted)
        self.bend(0.0)
        legend = class_key()
        legend.next_to(self.summary, DOWN, buff=0.45).align_to(self.summary, LEFT)
        fix_in_frame(self, legend)
        far = [self.axes, self.axis_labels, self.sheet, self.columns]
        on_floor = self.diagonals(self.xor_floor)

        def rise(group, alpha):
            dots, diagonals = group
            where = (1 - alpha) * self.xor_floor + alpha * self.xor_lifted
            for dot, q in zip(dots, where):
                dot.move_to(self.near.c2p(*q))
            diagonals.become(self.diagonals(where))

        beat(self, Succession(AnimationGroup(*[FadeOut(m) for m in far], run_time=0.8),
                              AnimationGroup(FadeIn(self.near), FadeIn(self.near_labels), Create(self.near_sheet),
                                             FadeIn(self.xor_dots, scale=2), FadeIn(legend), run_time=1.2),
                              Create(on_floor, run_time=0.8),
                              UpdateFromAlphaFunc(VGroup(self.xor_dots, on_floor), rise, run_time=3.5)),
             camera=near_view(25 * DEGREES),
             subcaption="Lift the four XOR points the same way: they stay on the sheet, and their two "
                        "diagonals still cross, so no flat cut can part the two classes.")
        self.legend = legend
        self.remove(on_floor)
        self.xor_diagonals = self.diagonals(self.xor_lifted)
        self.add(self.xor_diagonals)
        # where the points were drawn on the sheet, before ReLU moves them (for the tests)
        self.xor_on_sheet = np.array([self.near.p2c(d.get_center()) for d in self.xor_dots])

    def sheet_lines(self):
        """Points along the grid lines x₁ = k and x₂ = k of the square around the XOR corners,
        carried onto the sheet by LIFT: (lines, FOLD_SAMPLES, 3)."""
        lo, hi = NEAR_SQUARE
        t = np.linspace(0, 1, FOLD_SAMPLES)[:, None]
        lines = []
        for k in np.arange(lo, hi + 1e-9, 0.25):
            for a, b in (([k, lo], [k, hi]), ([lo, k], [hi, k])):
                lines.append((np.array(a) + t * (np.array(b) - np.array(a))) @ LIFT.T)
        return lines

    def diagonals(self, points):
        """The dashed segment between the two points of each class."""
        return VGroup(*[
            DashedLine(self.near.c2p(*points[i]), self.near.c2p(*points[j]), color=class_color(k), stroke_width=3,
                       dash_length=0.1)
            for k, (i, j) in enumerate(self.same_class)])

    def bend(self, alpha):
        """The sheet, the points and their diagonals with ReLU applied by the share alpha:
        every coordinate slides from z to (1 − alpha) z + alpha max(z, 0)."""
        def fold(points):
            return (1 - alpha) * points + alpha * relu(points)

        for line, pts in zip(self.near_sheet, self.near_lines):
            line.set_points_as_corners([self.near.c2p(*q) for q in fold(pts)])
        if alpha > 0:
            for dot, q in zip(self.xor_dots, fold(self.xor_lifted)):
                dot.move_to(self.near.c2p(*q))
            self.xor_diagonals.become(self.diagonals(fold(self.xor_lifted)))

    def sheet_bends(self):
        """ReLU, entry by entry, on the sheet and the points: every negative coordinate slides
        to 0, so the sheet folds along the lines where a coordinate is 0."""
        self.xor_folded = relu(self.xor_lifted)
        rule = plain_tex(r"\mathrm{ReLU}(z) = \max(z,\ 0)\ \text{each entry}", font_size=LABEL, color=FOREGROUND)
        rule.next_to(self.legend, DOWN, buff=0.4).align_to(self.legend, LEFT)
        fix_in_frame(self, rule)
        self.relu_rule = rule
        moving = VGroup(self.near_sheet, self.xor_dots, self.xor_diagonals)
        beat(self, FadeIn(rule), UpdateFromAlphaFunc(moving, lambda m, a: self.bend(a)),
             camera=near_view(45 * DEGREES), run_time=3,
             subcaption="So the network must bend the sheet. ReLU does it: each negative number becomes zero, "
                        "and the sheet folds.")

    def a_flat_cut(self):
        """Off the flat sheet, the two classes can be split by a flat cut: the plane that
        logistic regression puts between the folded points. Each point drops a stem square onto
        the cut, in its class's colour."""
        self.cut_normal, self.cut_offset = straight_cut(self.xor_folded, XOR_LABELS)
        centre = self.xor_folded.mean(axis=0)
        # a rectangle of the cut just round the stems' feet (PATCH_MARGIN beyond them), so that
        # every stem ends on it and the patch stays small; its sides run along a square's
        n0 = np.asarray(self.cut_normal, float) / np.linalg.norm(self.cut_normal)
        shift = self.cut_offset / np.linalg.norm(self.cut_normal)
        on_cut = self.xor_folded - np.outer(self.xor_folded @ n0 + shift, n0)
        middle = centre - (centre @ n0 + shift) * n0
        square = la.plane_patch(self.cut_normal, self.cut_offset, centre, half=1.0)
        sides = [(square[k] - square[0]) / np.linalg.norm(square[k] - square[0]) for k in (1, 3)]
        spans = [((on_cut - middle) @ e).min() - PATCH_MARGIN for e in sides], \
                [((on_cut - middle) @ e).max() + PATCH_MARGIN for e in sides]
        (a0, b0), (a1, b1) = spans
        corners = np.array([middle + a * sides[0] + b * sides[1] for a, b in ((a0, b0), (a1, b0), (a1, b1), (a0, b1))])
        self.cut_corners = corners
        patch = VMobject(stroke_color=FOREGROUND, stroke_width=1.5, fill_color=FOREGROUND, fill_opacity=0.12)
        patch.set_points_as_corners([self.near.c2p(*q) for q in [*corners, corners[0]]])
        self.cut = patch
        n = np.array(self.cut_normal, float)
        scale = np.linalg.norm(n)
        unit, offset = n / scale, self.cut_offset / scale
        side = np.sign(self.xor_folded @ unit + offset)  # + on the side the normal points to
        self.point_sides = side
        feet = self.xor_folded - np.outer(self.xor_folded @ unit + offset, unit)
        self.cut_feet = feet
        # each stem runs from the cut to its point and no further, in its class's colour: it
        # never crosses the cut, so each point's side reads at a glance
        self.stem_ends = self.xor_folded
        stems = VGroup(*[DashedLine(self.near.c2p(*f), self.near.c2p(*e), color=class_color(y), stroke_width=4,
                                    dash_length=0.08)
                         for f, e, y in zip(feet, self.stem_ends, XOR_LABELS)])
        # an oblique view of the cut (neither edge on nor face on), so its two sides both show
        theta = hv.facing_theta(unit, LIFT_VIEW["phi"], LIFT_VIEW["theta"] + 45 * DEGREES, reach=60 * DEGREES,
                                facing=0.55)
        self.cut_view = (LIFT_VIEW["phi"], theta)
        # the grid, the diagonals and the axes step back, so nothing crosses the cut; one plain
        # cut, no tinted slabs (the next view says which side is which)
        beat(self, during(FadeIn(patch), 0, 0.25),
             during(LaggedStart(*[Create(m) for m in stems], lag_ratio=0.3), 0.25, 0.5),
             during(self.xor_diagonals.animate.set_opacity(0.15), 0, 0.25),
             during(self.near_sheet.animate.set_stroke(opacity=0.3), 0, 0.25),  # the fold still shows
             during(self.near.animate.set_stroke(opacity=0.35), 0, 0.25),
             camera=dict(phi=LIFT_VIEW["phi"], theta=theta, frame_center=looking_right_of(theta)), run_time=3,
             subcaption="Folded, the points no longer lie on one plane, and a flat cut now passes between "
                        "the two classes.")
        self.cut_stems = stems
        self.cut_edge_on()

    def cut_edge_on(self):
        """The camera turns until the cut is seen edge on: a level line across the screen, one
        class's points above it, the other's below.

        The camera's up is the cut's normal (in scene coordinates) and it looks at a point of
        the cut, so the camera itself lies in the cut's plane: edge on even in perspective."""
        corners = np.array([self.near.c2p(*q) for q in self.cut_corners])
        normal = np.cross(corners[1] - corners[0], corners[3] - corners[0])
        normal = normal / np.linalg.norm(normal) * np.sign(normal[2])  # pointing up
        # screen up at (phi, theta) is (−cos φ cos θ, −cos φ sin θ, sin φ): set it to the normal
        phi, theta = float(np.arcsin(normal[2])), float(np.arctan2(-normal[1], -normal[0]))
        right = np.array([-np.sin(theta), np.cos(theta), 0.0])  # in the cut's plane, as up ⟂ right
        centre = corners.mean(axis=0) - NEAR_RIGHT * right  # the cut drawn right of the words
        self.cut_edge_view = (phi, theta)
        # the turn is nearly done by mid-beat, so the edge-on view stands while the words are read
        beat(self, self.xor_diagonals.animate.set_opacity(0), self.near_sheet.animate.set_stroke(opacity=0),
             camera=dict(phi=phi, theta=theta, frame_center=centre), run_time=2.5,
             rate_func=squish_rate_func(smooth, 0, 0.78),
             subcaption="Seen edge on, the cut is a line: the orange points on one side of it, the blue on the other.",
             hold=0.8)
