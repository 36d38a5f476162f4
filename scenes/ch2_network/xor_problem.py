"""The XOR problem: four points no straight line can split, and the noisy dataset the net
learns from.

XorProblem tries lines on the four points and keeps count, live: each side of a line is an
answer (shaded in its class colour), a point on the line gets none. A sweep turns and slides
the line through every direction; its count, computed on every frame by
toynet_core.straight_cut, never passes 3 of 4. Then the premise of the whole network: straight
cuts are easy for a computer, so move the points until one works (here, by a fold: one half
of the plane pressed flat onto a crease, as a hidden unit's ReLU will do).
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Axes,
    Circle,
    Create,
    DashedLine,
    DashedVMobject,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    Line,
    MathTable,
    MathTex,
    Polygon,
    Rectangle,
    Scene,
    Square,
    Succession,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    interpolate_color,
    rate_functions,
)

from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    BACKGROUND,
    BODY,
    CLASS_0,
    CLASS_1,
    CLASS_NAMES,
    ERROR,
    FOREGROUND,
    HEADING,
    LABEL,
    MUTED,
    SMALL,
    class_color,
)
from scenes.widgets.highlight import PointAt
from scenes.widgets.input_plane import axis_labels, centre_dots, data_dots, input_axes
from scenes.widgets.text import note, tex, title
from toynet_core.data import XOR_CENTRES
from toynet_core.geometry import sheet_extent
from toynet_core.straight_cut import best_sides, clip_polygon, flatten, half_plane, sides, sweep_line

PLANE_EXTENT = (-0.5, 1.5, -0.5, 1.5)
SHADE_OPACITY = 0.22

# Lines the scene tries, as (angle of the normal, offset c) of cos·x1 + sin·x2 + c = 0.
# Choices of what to try, not results: every count shown is computed from them.
ENTRY_LINE = (0.0, 0.4)  # x1 = -0.4, near the box's left edge: the first line slides in from here
FIRST_LINE = (0.0, -0.5)  # x1 = 1/2
ON_ORANGES = (-np.pi / 4, 0.0)  # x1 = x2, through both orange corners
NUDGED = (-np.pi / 4, 0.2)  # the same line moved off them
AND_START = (np.pi / 4 + 0.9, -0.3)  # where the line for AND starts turning from
AND_CUT = (np.pi / 4, -1.5 * np.sqrt(0.5))  # x1 + x2 = 3/2: AND's corner (1, 1) alone on one side
CREASE = (np.pi / 4, -np.sqrt(0.5))  # x1 + x2 = 1, through both blue corners
# The fold presses the half beyond the crease flat onto it, sliding along PRESS (a choice: the
# orange corner (1, 1) lands at (1.4, -0.4), past the blue (1, 0) on the crease)
PRESS = (0.4, -1.4)
FOLDED_CUT = (1.2915, -0.1385)  # a cut with the most room either side of the pressed points
WOBBLE = 0.3  # how far (radians) the AND cut turns either way while it keeps all four right
GLIDE = 0.06  # share of the sweep spent gliding from the nudged line to the sweep's start
SWEEP_SAMPLES = 600
# NoisyDataset's callout: a window CALLOUT_HALF noise deviations either side of a centre,
# magnified into a CALLOUT_SIDE square frame at CALLOUT_AT
CALLOUT_HALF = 1.9
CALLOUT_SIDE = 3.0
CALLOUT_AT = RIGHT * 1.7 + DOWN * 0.25


class CountDigit(VGroup):
    """A one-digit count in the words' own font that can change on any frame: the glyph takes
    the new digit's outline in place (same family, so Cairo draws it during a play)."""

    def __init__(self, value, font_size):
        super().__init__()
        self.font_size_ = font_size
        self.value = int(value)
        self.add(note(str(self.value), font_size, color=FOREGROUND))

    def set_value(self, value):
        assert 0 <= int(value) <= 9
        glyph = note(str(int(value)), self.font_size_, color=FOREGROUND)
        glyph.move_to(self[0]).align_to(self[0], DOWN)
        mine, theirs = self[0].family_members_with_points(), glyph.family_members_with_points()
        assert len(mine) == len(theirs) == 1  # one outline per digit
        mine[0].points = theirs[0].points.copy()
        self.value = int(value)
        return self

    def get_value(self):
        return self.value

    def drawn_as(self, digit):
        """True when the glyph drawn is `digit`'s (for tests: its outline, wherever it sits)."""
        fresh = note(str(digit), self.font_size_)
        mine = self[0].family_members_with_points()
        theirs = fresh.family_members_with_points()
        return len(mine) == len(theirs) and all(
            a.points.shape == b.points.shape
            and np.allclose(a.points - self[0].get_center(), b.points - fresh.get_center(), atol=1e-6)
            for a, b in zip(mine, theirs))


def xor_labels(points):
    """i1 XOR i2, computed from the inputs rather than copied from a table."""
    bits = np.asarray(points).astype(int)
    return np.logical_xor(bits[:, 0], bits[:, 1]).astype(int)


def as_line(angle, offset):
    return np.array([np.cos(angle), np.sin(angle)]), float(offset)


def line_params(normal, offset):
    """(angle, offset) of a line given as (normal, offset), the normal made unit length."""
    n = np.asarray(normal, dtype=float)
    length = np.linalg.norm(n)
    return float(np.arctan2(n[1], n[0])), float(offset) / length


def glide(a, b, t):
    """The line part-way (t in [0, 1]) from line a to line b, both (angle, offset)."""
    return a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])


def sweep_path(t):
    """(angle, offset) of the sweep at t in [0, 1]: a short glide from the nudged line to the
    sweep's start, then toynet_core.straight_cut.sweep_line."""
    if t < GLIDE:
        return glide(NUDGED, line_params(*sweep_line(0.0)), rate_functions.smooth(t / GLIDE))
    return line_params(*sweep_line((t - GLIDE) / (1 - GLIDE)))


def box(extent=PLANE_EXTENT):
    x0, x1, y0, y1 = extent
    return np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], dtype=float)


def line_ends(normal, offset, paper=None):
    """The two ends (2, 2) of the line's part inside the convex polygon `paper` (the plotted
    box by default), or None: the two farthest apart of the clipped polygon's corners that lie
    on the line (a corner on it is found once per side)."""
    paper = box() if paper is None else paper
    on = [p for p in clip_polygon(paper, normal, offset, 1) if abs(p @ normal + offset) < 1e-9]
    if len(on) < 2:
        return None
    pairs = [(np.linalg.norm(a - b), i, j) for i, a in enumerate(on) for j, b in enumerate(on)]
    length, i, j = max(pairs)
    return np.array([on[i], on[j]]) if length > 1e-9 else None


def clip_to_box(polygon, extent=PLANE_EXTENT):
    """The part of a convex polygon inside the plotted box."""
    x0, x1, y0, y1 = extent
    for normal, offset in (((1, 0), -x0), ((-1, 0), x1), ((0, 1), -y0), ((0, -1), y1)):
        if len(polygon) == 0:
            break
        polygon = clip_polygon(polygon, normal, offset, 1)
    return polygon


def cut_icon(side, tilt):
    """A small square cut by one straight line, its two sides shaded in the class colours."""
    corners = box((-1, 1, -1, 1))
    normal = np.array([np.cos(np.pi / 4 + tilt), np.sin(np.pi / 4 + tilt)])
    scale = side / 2
    halves = VGroup(*[Polygon(*[np.array([*(scale * p), 0.0]) for p in clip_polygon(corners, normal, 0.0, s)],
                              stroke_width=0, fill_color=c, fill_opacity=2 * SHADE_OPACITY)
                      for s, c in ((1, CLASS_1), (-1, CLASS_0))])
    ends = line_ends(normal, 0.0, corners)
    cut = Line(*[np.array([*(scale * p), 0.0]) for p in ends], color=FOREGROUND, stroke_width=3)
    frame = Rectangle(width=side, height=side, stroke_color=MUTED, stroke_width=2)
    return VGroup(halves, frame, cut)


def count_right(points, labels, line):
    return best_sides(points, labels, *as_line(*line))[0]


def sweep_counts(points, labels, n=SWEEP_SAMPLES):
    """(t, right) along the whole sweep, on the grid the scene's chart draws."""
    ts = np.linspace(0, 1, n + 1)
    return ts, np.array([count_right(points, labels, sweep_path(t)) for t in ts])


def best_line_accuracy(points, labels, n_angles=720):
    """The best fraction of points any straight line gets right (brute force over directions,
    with cuts between consecutive projections), for a check independent of the sweep."""
    points = np.asarray(points, dtype=float)
    best = 0
    for theta in np.linspace(0, np.pi, n_angles, endpoint=False):
        normal = np.array([np.cos(theta), np.sin(theta)])
        proj = np.sort(points @ normal)
        cuts = np.concatenate([[proj[0] - 1], (proj[:-1] + proj[1:]) / 2, [proj[-1] + 1]])
        best = max(best, max(best_sides(points, labels, normal, -c)[0] for c in cuts))
    return best / len(points)


class XorProblem(Scene):
    def construct(self):
        self.labels = xor_labels(XOR_CENTRES)
        self.n = len(XOR_CENTRES)
        self.show_truth_table()
        self.place_points()
        self.name_the_diagonals()
        self.try_a_line()
        self.line_through_points()
        self.nudge_off()
        self.sweep_every_line()
        self.diagonals_cross()
        self.and_is_separable()
        self.straight_cuts_are_easy()
        self.fold_the_plane()
        self.cut_after_the_fold()

    # -- the table and the points --------------------------------------------------------------
    def show_truth_table(self):
        rows = [[str(int(a)), str(int(b)), str(int(t))] for (a, b), t in zip(XOR_CENTRES, self.labels)]
        self.table = MathTable(rows, col_labels=[MathTex("x_1"), MathTex("x_2"), MathTex("y")],
                               include_outer_lines=False, line_config={"stroke_color": MUTED},
                               element_to_mobject_config={"font_size": BODY})
        self.table.scale(0.9).move_to(LEFT * 4.3 + UP * 0.2)
        for r, label in enumerate(self.labels):
            self.table.get_entries((r + 2, 3)).set_color(class_color(label))
        self.title = title("Exclusive OR")
        beat(self, during(FadeIn(self.title), 0, 0.1), Create(self.table), run_time=2.5,
             subcaption="XOR outputs 1 when exactly one of its two inputs is 1, that is, when the two differ.")

    def place_points(self):
        self.axes = input_axes(PLANE_EXTENT, side=4.8, step=0.5, numbers=False)
        self.axes.move_to(RIGHT * 3.1 + DOWN * 0.15)
        self.axis_names = axis_labels(self.axes)
        self.dots = centre_dots(self.axes, XOR_CENTRES, self.labels, radius=0.14).set_z_index(3)
        rows = self.table.get_rows()[1:]
        flights = [AnimationGroup(Indicate(rows[r], color=class_color(self.labels[r])),
                                  FadeIn(self.dots[r], target_position=rows[r], scale=0.5))
                   for r in range(self.n)]
        beat(self, during(Create(self.axes), 0, 0.3), during(FadeIn(self.axis_names), 0, 0.3),
             during(LaggedStart(*flights, lag_ratio=0.6), 0.25, 1),
             subcaption="Read each row as a point in the plane, coloured by its output, its label: orange for 0, blue for 1.")
        self.remove(*self.dots)
        self.add(self.dots)  # one group in the scene, so that its updater runs when the plane folds

    def name_the_diagonals(self):
        self.diagonals = VGroup(*[
            DashedLine(self.axes.c2p(*XOR_CENTRES[self.labels == k][0]),
                       self.axes.c2p(*XOR_CENTRES[self.labels == k][1]),
                       color=class_color(k), stroke_width=4, dash_length=0.12)
            for k in (1, 0)])
        beat(self, LaggedStart(*[self.trace_diagonal(d) for d in self.diagonals], lag_ratio=0.6),
             subcaption="The blues sit on one diagonal, the oranges on the other.")
        self.clear_heads()

    def trace_diagonal(self, diagonal):
        """The dashed diagonal drawn behind a bright head that runs from one point to the other
        (and is gone at the end: clear_heads)."""
        head = Dot(diagonal.get_start(), radius=0.13, color=FOREGROUND).set_z_index(5)
        start, end = diagonal.get_start(), diagonal.get_end()
        self.heads = getattr(self, "heads", []) + [head]

        def run(mob, alpha):
            mob.move_to(start + alpha * (end - start)).set_opacity(1.0 if alpha < 0.98 else 0.0)

        return AnimationGroup(Create(diagonal), UpdateFromAlphaFunc(head, run))

    def clear_heads(self):
        self.remove(*self.heads)
        self.heads = []

    # -- one line at a time, then all of them ----------------------------------------------------
    def cut_view(self, line):
        """Shading of the two answers, the line, and marks on the points it gets wrong (red
        ring) or gives no answer (dashed ring)."""
        normal, offset = as_line(*line)
        points = self.points  # where the points are now: the corners, or folded
        _, blue_side = best_sides(points, self.labels, normal, offset)
        shades = VGroup()
        for side, color in ((blue_side, CLASS_1), (-blue_side, CLASS_0)):
            corners = clip_polygon(self.paper, normal, offset, side)
            if len(corners) >= 3:
                shades.add(Polygon(*[self.axes.c2p(*p) for p in corners], stroke_width=0,
                                   fill_color=color, fill_opacity=SHADE_OPACITY))
        ends = line_ends(normal, offset, self.paper)
        drawn_line = (Line(*[self.axes.c2p(*p) for p in ends], color=FOREGROUND, stroke_width=4)
                      if ends is not None else VMobject())
        side_of = sides(points, normal, offset)
        marks = VGroup()
        for dot, s, label in zip(self.dots, side_of, self.labels):
            if s == 0:
                marks.add(DashedVMobject(Circle(radius=0.26, color=FOREGROUND, stroke_width=4),
                                         num_dashes=10).move_to(dot))
            elif (s == blue_side) != (label == 1):
                marks.add(Circle(radius=0.26, color=ERROR, stroke_width=5).move_to(dot))
        shades.set_z_index(-1)
        marks.set_z_index(4)
        return VGroup(shades, drawn_line, marks)

    def try_a_line(self):
        self.points = XOR_CENTRES
        self.paper = box()  # the part of the plane there is: all of the box, until it is folded
        self.line = ValueTracker(0.0)
        self.path = lambda t: glide(ENTRY_LINE, FIRST_LINE, rate_functions.smooth(t))
        self.view = always_redraw(lambda: self.cut_view(self.path(self.line.get_value())))
        self.count = CountDigit(count_right(XOR_CENTRES, self.labels, ENTRY_LINE), BODY)
        count_words = note(f"of {self.n} right", BODY, color=FOREGROUND)
        self.counter = VGroup(self.count, count_words).arrange(RIGHT, buff=0.15)
        self.count.align_to(count_words[2], DOWN)  # on the baseline of the "4" that follows
        self.counter.next_to(self.axes, UP, buff=0.15)

        def recount(number):
            right = count_right(self.points, self.labels, self.path(self.line.get_value()))
            if right != number.get_value():
                number.set_value(right)

        self.count.add_updater(recount)
        self.recount = recount
        legend = VGroup(*[
            VGroup(Rectangle(width=0.45, height=0.3, fill_color=class_color(k),
                             fill_opacity=3 * SHADE_OPACITY, stroke_color=class_color(k), stroke_width=2),
                   note(f"the line answers {k}", SMALL, color=FOREGROUND)).arrange(RIGHT, buff=0.2)
            for k in (0, 1)],
            note("(each time, the way round\nthat gets more right)", SMALL, color=FOREGROUND),
            VGroup(Circle(radius=0.15, color=ERROR, stroke_width=5),
                   note("wrong", SMALL, color=FOREGROUND)).arrange(RIGHT, buff=0.3),
            VGroup(DashedVMobject(Circle(radius=0.15, color=FOREGROUND, stroke_width=4), num_dashes=8),
                   note("on the line: no answer", SMALL, color=FOREGROUND)).arrange(RIGHT, buff=0.3),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        legend.move_to(LEFT * 4.3 + UP * 1.9)
        self.legend = legend
        start = len(legend) - 1  # the "no answer" row comes with the line through two points
        # the line and its count appear at the box's edge (an animation on them would hold
        # their updaters for the whole beat) and slide in
        self.add(self.view, self.counter)
        beat(self, during(FadeOut(self.table), 0, 0.2), during(FadeOut(self.diagonals), 0, 0.2),
             during(self.line.animate.set_value(1.0), 0.15, 0.75),
             during(LaggedStart(*[FadeIn(r, shift=RIGHT * 0.4) for r in legend[:start]], lag_ratio=0.5), 0.4, 1),
             subcaption=f"Try one straight line. Its two sides give two answers, shaded orange and blue: "
                        f"{count_right(XOR_CENTRES, self.labels, FIRST_LINE)} of {self.n} are right.")
        self.count_words = count_words
        self.path = lambda t: FIRST_LINE
        self.line.set_value(0.0)

    def move_line(self, target, *animations, subcaption, run_time=2.0):
        start = self.path(self.line.get_value())
        self.line.set_value(0.0)
        self.path = lambda t: glide(start, target, t)
        # the line gets there first, then the count it gives is pointed at, as the words say it
        beat(self, during(self.line.animate.set_value(1.0), 0, 0.45),
             during(PointAt(self.counter, color=FOREGROUND, buff=0.1), 0.45, 1), *animations, run_time=run_time,
             subcaption=subcaption)
        self.path = lambda t: target
        self.line.set_value(0.0)

    def line_through_points(self):
        on = sides(XOR_CENTRES, *as_line(*ON_ORANGES)) == 0
        colours = {int(label) for label in self.labels[on]}
        assert on.sum() == 2 and len(colours) == 1
        word = CLASS_NAMES[colours.pop()]
        # the legend names the dashed rings as the line reaches the points that get them
        self.move_line(ON_ORANGES, during(FadeIn(self.legend[-1], shift=RIGHT * 0.2), 0.25, 0.45),
                       subcaption=f"Put the line through the two {word} points: a point on the line gets no answer, "
                                  f"so it is not right. {count_right(XOR_CENTRES, self.labels, ON_ORANGES)} of {self.n}.")

    def nudge_off(self):
        self.move_line(NUDGED, subcaption=f"Nudge it off them and each takes a side: "
                                          f"{count_right(XOR_CENTRES, self.labels, NUDGED)} of {self.n}.")

    def sweep_every_line(self):
        ts, counts = sweep_counts(XOR_CENTRES, self.labels)
        self.sweep_max = int(counts.max())
        self.chart = Axes(x_range=[0, 1, 1], y_range=[0, self.n, 1], x_length=4.6, y_length=2.0,
                          tips=False, axis_config={"color": MUTED, "stroke_width": 2},
                          y_axis_config={"include_numbers": True, "font_size": SMALL,
                                         "decimal_number_config": {"num_decimal_places": 0}})
        self.chart.move_to(LEFT * 4.0 + DOWN * 1.45)
        all_right = DashedLine(self.chart.c2p(0, self.n), self.chart.c2p(1, self.n), color=MUTED,
                               stroke_width=2)
        names = VGroup(note("right", SMALL).next_to(self.chart.y_axis, UP, buff=0.15),
                       note("sweep", SMALL).next_to(self.chart.x_axis, DOWN, buff=0.15))
        self.chart_frame = VGroup(self.chart, all_right, names)
        # the beat boundary falls where the line is farthest from every point, so that the still
        # between the two beats shows no point near the line
        ts_mid = ts[(ts > 0.4) & (ts < 0.6)]
        clearance = [np.abs(XOR_CENTRES @ as_line(*sweep_path(t))[0] + as_line(*sweep_path(t))[1]).min()
                     for t in ts_mid]
        self.split = float(ts_mid[int(np.argmax(clearance))])

        def trace(curve):
            k = int(np.searchsorted(ts, self.line.get_value(), side="right"))
            if k < 2:
                curve.clear_points()
                return
            xs = np.repeat(ts[:k], 2)[1:]  # a step line: each count holds until the next
            ys = np.repeat(counts[:k], 2)[:-1]
            curve.set_points_as_corners(self.chart.c2p(xs, ys).T)

        self.path = sweep_path
        self.line.set_value(0.0)
        self.trace = VMobject(stroke_color=FOREGROUND, stroke_width=3).add_updater(trace)
        self.sweep_counts = (ts, counts)
        self.add(self.trace)
        beat(self, during(FadeIn(self.chart_frame), 0, 0.15),
             self.line.animate(rate_func=rate_functions.linear).set_value(self.split), run_time=7,
             subcaption="Now turn the line and slide it through every direction and position, keeping count.")
        ceiling = DashedLine(self.chart.c2p(0, self.sweep_max), self.chart.c2p(1, self.sweep_max),
                             color=FOREGROUND, stroke_width=3)
        # the verdict sits at the level it names, right of the chart
        self.verdict = note(f"best any line:\n{self.sweep_max} of {self.n}", SMALL, color=FOREGROUND)
        self.verdict.next_to(ceiling, RIGHT, buff=0.15)
        self.ceiling = VGroup(ceiling)
        beat(self, self.line.animate(rate_func=rate_functions.linear).set_value(1.0),
             during(Create(ceiling), 0.75, 0.9), during(Write(self.verdict), 0.8, 1), run_time=7,
             subcaption=f"The count reaches {self.sweep_max} again and again, never {self.n}: "
                        f"the best any straight line does is {self.sweep_max} of {self.n}.")
        for mob in (self.view, self.trace, self.count):
            mob.clear_updaters()
        self.traced = np.array([self.chart.p2c(p) for p in self.trace.get_anchors()])  # for tests
        self.swept_to = self.count.get_value()

    def diagonals_cross(self):
        crossing = Circle(radius=0.3, color=FOREGROUND, stroke_width=4).move_to(self.axes.c2p(0.5, 0.5))
        self.frozen_view = self.view
        beat(self, during(FadeOut(self.view), 0, 0.15), during(FadeOut(self.counter), 0, 0.15),
             during(FadeOut(self.legend), 0, 0.15),
             during(AnimationGroup(*[self.trace_diagonal(d) for d in self.diagonals]), 0.1, 0.6),
             # the ring fades in whole (a ring drawn stroke by stroke reads as a stray arc)
             during(FadeIn(crossing, scale=1.3), 0.4, 0.52),
             during(PointAt(VGroup(*self.diagonals), color=FOREGROUND, buff=0.15), 0.5, 1),
             subcaption="So XOR is not linearly separable: its two diagonals cross, and no straight cut can part them.")
        self.clear_heads()
        self.crossing = crossing

    # -- the premise of the network --------------------------------------------------------------
    def straight_cuts_are_easy(self):
        """A computer finds a straight cut where one exists; while the words say that many work,
        the AND cut turns back and forth about its middle and its live count stays at 4."""
        pivot = np.array([0.75, 0.75])
        base = AND_CUT[0]

        def wobble(t):
            angle = base + WOBBLE * np.sin(2 * np.pi * t)
            normal = np.array([np.cos(angle), np.sin(angle)])
            return angle, -float(normal @ pivot)

        self.path = wobble
        self.line.set_value(0.0)
        self.wobble_counts = [count_right(XOR_CENTRES, self.labels, wobble(t)) for t in np.linspace(0, 1, 41)]
        head = note("When a straight cut exists,\na computer finds one:", LABEL, color=FOREGROUND)
        # many cuts work: three of them, tilted as the line turns, and the words that say so
        icons = VGroup(*[cut_icon(0.34, tilt) for tilt in (0.25, -0.15, 0.05)]).arrange(RIGHT, buff=0.3)
        many = note("many work;\nany one will do", LABEL, color=FOREGROUND)
        self.icons = icons
        self.methods = VGroup(head, VGroup(icons, many).arrange(RIGHT, buff=0.3)).arrange(
            DOWN, aligned_edge=LEFT, buff=0.4)
        self.methods.next_to(self.and_tag, DOWN, buff=0.6).align_to(self.and_tag, LEFT)
        beat(self, during(FadeIn(head, shift=RIGHT * 0.4), 0, 0.3),
             self.line.animate(rate_func=rate_functions.linear).set_value(0.5),
             subcaption="When a straight cut exists, a computer finds one easily. Our network ends with one too.")
        kept = min(self.wobble_counts)
        every = f"all {kept}" if kept == self.n else f"{kept} of {self.n}"
        beat(self, self.line.animate(rate_func=rate_functions.linear).set_value(1.0),
             during(LaggedStart(*[Create(i) for i in icons], lag_ratio=0.5), 0, 0.4),
             during(FadeIn(many, shift=RIGHT * 0.4), 0.3, 0.5),
             subcaption=f"Here many cuts work: the line swings, and every one it passes gets {every} right.")
        for mob in (self.view, self.count):
            mob.clear_updaters()
        self.labels = self.xor_labels

    def and_is_separable(self):
        """AND, separable: the same live count reaches all four."""
        xor = self.labels
        and_labels = np.all(XOR_CENTRES == 1, axis=1).astype(int)  # AND of the two coordinates
        self.labels = and_labels
        right = count_right(XOR_CENTRES, and_labels, AND_CUT)
        self.and_right = right
        self.path = lambda t: glide(AND_START, AND_CUT, rate_functions.smooth(t))
        self.line.set_value(0.0)
        self.view = always_redraw(lambda: self.cut_view(self.path(self.line.get_value())))
        self.count.add_updater(self.recount)
        self.count.update()
        corner = XOR_CENTRES[and_labels == 1][0]
        self.and_tag = note(f"AND: 1 only at ({corner[0]:g}, {corner[1]:g})", BODY, color=FOREGROUND)
        self.and_tag.move_to(LEFT * 4.2 + UP * 2.3)
        recolour = [dot.animate.set_fill(class_color(a)) for dot, a, x in zip(self.dots, and_labels, xor) if a != x]
        self.add(self.view, self.counter)
        beat(self, during(FadeOut(VGroup(self.chart_frame, self.ceiling, self.trace, self.verdict, self.legend, self.crossing,
                                         self.diagonals)), 0, 0.15),
             during(AnimationGroup(*recolour), 0.1, 0.25), during(FadeIn(self.and_tag, shift=RIGHT * 0.4), 0.1, 0.25),
             during(self.line.animate.set_value(1.0), 0.05, 0.5), during(PointAt(self.counter, color=FOREGROUND, buff=0.1), 0.5, 1),
             subcaption=f"For AND, which is 1 only at ({corner[0]:g}, {corner[1]:g}), a straight cut "
                        f"gets all {right} points right.")
        self.xor_labels = xor
        self.and_colours = [class_color(a) for a in and_labels]
        self.remove(*self.dots)  # the recolouring took the dots out of their group, one by one
        self.add(self.dots)

    def fold_the_plane(self):
        crease = as_line(*CREASE)
        on = sides(XOR_CENTRES, *crease) == 0
        assert on.sum() == 2 and set(self.labels[on]) == {1}  # the crease runs through the blues
        crease_line = DashedLine(*[self.axes.c2p(*p) for p in line_ends(*crease)],
                                 color=CLASS_1, stroke_width=4)
        flap_corners = half_plane(*crease, PLANE_EXTENT, 1)
        amount = ValueTracker(0.0)
        self.fold_amount = amount

        shown = ValueTracker(0.0)  # the flap's opacity (a FadeIn would hold its updater)

        def flap():
            # the pressed half, drawn inside the box (it slides past the box's edge)
            moved = clip_to_box(flatten(flap_corners, *crease, PRESS, amount.get_value()))
            if len(moved) < 3:
                return VMobject()
            return Polygon(*[self.axes.c2p(*p) for p in moved], stroke_color=MUTED, stroke_width=2,
                           stroke_opacity=shown.get_value(), fill_color=MUTED,
                           fill_opacity=0.25 * shown.get_value()).set_z_index(-1)

        start = XOR_CENTRES.copy()
        back = ValueTracker(0.0)  # from AND's colours back to XOR's

        def place(dots):
            for dot, p, was, label in zip(dots, flatten(start, *crease, PRESS, amount.get_value()),
                                          self.and_colours, self.labels):
                dot.move_to(self.axes.c2p(*p))
                dot.set_fill(interpolate_color(was, class_color(label), back.get_value()))

        self.flap = always_redraw(flap)
        self.dots.add_updater(place)
        self.folded = flatten(XOR_CENTRES, *crease, PRESS)
        mover = int(np.argmax(np.linalg.norm(XOR_CENTRES - self.folded, axis=1)))
        self.mover = mover
        flight = Arrow(self.axes.c2p(*XOR_CENTRES[mover]), self.axes.c2p(*self.folded[mover]), buff=0.2,
                       color=FOREGROUND, stroke_width=3, max_tip_length_to_length_ratio=0.12).set_z_index(5)
        # the job takes the methods' place: they have done their part
        note_words = note("the network's job:\nmove the points until\none straight cut works", LABEL,
                          color=FOREGROUND).move_to(self.methods, aligned_edge=UP + LEFT)
        self.job = note_words
        beat(self, during(back.animate.set_value(1.0), 0, 0.3),
             during(FadeOut(VGroup(self.view, self.counter, self.and_tag, self.methods)), 0, 0.2),
             during(FadeIn(note_words, shift=UP * 0.2), 0.2, 0.5),
             during(Create(crease_line), 0.4, 1),
             subcaption="XOR has no such cut, so the network's job is to move the points until one works.")
        # where the moved corner lands, named by where it came from, at the arrow's tip
        corner = f"({XOR_CENTRES[mover][0]:g}, {XOR_CENTRES[mover][1]:g})"
        self.landing = note(corner, SMALL, color=FOREGROUND).next_to(self.axes.c2p(*self.folded[mover]), LEFT,
                                                                     buff=0.3)
        self.add(self.flap)
        beat(self, during(shown.animate.set_value(1.0), 0, 0.15), during(Create(flight), 0.05, 0.3),
             during(FadeIn(self.landing), 0.25, 0.35),
             during(amount.animate.set_value(1.0), 0.2, 0.9), run_time=5,
             subcaption=f"One move that works: press the half beyond the blue diagonal flat onto it, along the "
                        f"arrow; {corner} lands at its tip.")
        self.dots.clear_updaters()
        self.flap.clear_updaters()
        self.crease_line = crease_line
        self.flight = flight

    def cut_after_the_fold(self):
        """A cut slides down from the crease, counting live on the folded points. Its sides are
        shaded over the whole box, so the pressed corner, on the crease, shows its side."""
        self.points = self.folded
        self.paper = box()
        right = count_right(self.folded, self.labels, FOLDED_CUT)
        self.folded_right = right
        mover = self.mover
        # the pressed corner lands on the crease, past both blues (not between them)
        blues = self.folded[self.labels == 1]
        along = np.array([1.0, -1.0])
        assert sides(self.folded[[mover]], *as_line(*CREASE))[0] == 0
        assert (self.folded[mover] @ along > blues @ along).all() or (self.folded[mover] @ along < blues @ along).all()
        word = CLASS_NAMES[int(self.labels[mover])]
        others = {0: "blues", 1: "oranges"}[int(self.labels[mover])]
        self.path = lambda t: glide(CREASE, FOLDED_CUT, rate_functions.smooth(t))
        self.line.set_value(0.0)
        self.view = always_redraw(lambda: self.cut_view(self.path(self.line.get_value())))
        self.count.add_updater(self.recount)
        self.count.update()
        self.add(self.view, self.counter)
        beat(self, during(FadeOut(VGroup(self.flap, self.flight, self.landing)), 0, 0.2),
             during(self.line.animate.set_value(1.0), 0.05, 0.5),
             during(PointAt(self.counter, color=FOREGROUND, buff=0.1), 0.5, 1),
             subcaption=f"The {word} corner now lies on the crease past the {others}, and one straight "
                        f"cut gets {right} of {self.n} right.")
        for mob in (self.view, self.count):
            mob.clear_updaters()
        self.final_count = self.counter


def cluster_of(run):
    """The XOR centre each sample was scattered from: toynet_core.data.make_dataset builds the
    samples centre by centre, per_cluster of each, in the order of XOR_CENTRES."""
    return np.arange(run.n_samples) // run.config.per_cluster


def inside_rings(X, centres, radius):
    """How many points lie within `radius` of their own centre (centres[i] for point i)."""
    return int((np.linalg.norm(np.asarray(X) - np.asarray(centres), axis=1) <= radius).sum())


class NoisyDataset(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.labels = xor_labels(XOR_CENTRES)
        self.show_centres()
        self.scatter_copies()
        self.one_copy_up_close()
        self.ring_the_clusters()
        self.count_them()
        self.the_centres_matter()

    def show_centres(self):
        run = self.run
        self.extent = sheet_extent(np.vstack([run.X, XOR_CENTRES]), pad=0.05)
        x0, x1, y0, y1 = self.extent
        side = 5.25 * min(1.0, (x1 - x0) / (y1 - y0))  # the taller direction gets 5.25 units
        self.axes = input_axes(self.extent, side=side, step=0.5, numbers=False)
        self.axes.move_to(LEFT * 3.5 + UP * 0.05)
        self.centres = centre_dots(self.axes, XOR_CENTRES, self.labels, radius=0.12).set_z_index(3)
        self.title = title("From four points to a dataset")
        # the four points first: the words are about them
        beat(self, during(LaggedStart(*[FadeIn(c, scale=0.5) for c in self.centres], lag_ratio=0.3), 0, 0.25),
             during(FadeIn(self.title), 0, 0.1), during(Create(self.axes), 0.1, 0.7),
             during(FadeIn(axis_labels(self.axes)), 0.4, 0.8), run_time=2.5,
             subcaption="Four points are too few to learn from.")

    def scatter_copies(self):
        run = self.run
        self.dots = data_dots(self.axes, run.X, run.y, radius=0.04)
        home = cluster_of(run)  # each copy flies out of its own centre
        assert (self.labels[home] == run.y).all()
        self.home = home
        flights = []
        for dot, h in zip(self.dots, home):
            end = dot.get_center()
            dot.move_to(self.centres[h].get_center()).set_opacity(0)
            flights.append(dot.animate.set_opacity(0.9).move_to(end))
        self.add(self.dots)
        order = np.argsort(home, kind="stable")  # centre by centre
        beat(self, LaggedStart(*[flights[i] for i in order], lag_ratio=0.01), run_time=4,
             subcaption="Around each one we scatter many noisy copies that keep its colour.")

    def one_copy_up_close(self):
        run, cfg = self.run, self.run.config
        # a typical copy of the corner (1, 1), off the axes: its step is about 1.5 s long (a
        # 2-D Gaussian step's length is 1.25 s on average), long enough to show
        corner = int(np.flatnonzero((XOR_CENTRES == 1).all(axis=1))[0])
        length = np.linalg.norm(run.X - XOR_CENTRES[self.home], axis=1)
        k = int(np.argmin(np.where(self.home == corner, np.abs(length - 1.5 * cfg.noise), np.inf)))
        self.example = k
        self.recipe = tex(r"x = c + \varepsilon", font_size=HEADING + 4)
        self.recipe.move_to(UP * 2.3).align_to(RIGHT * 0.6, LEFT)
        # the cluster is small on the plot: its letters go on a magnified callout beside it
        self.callout = self.zoom_callout(XOR_CENTRES[corner])
        zoom = self.callout.zoom
        start, end = zoom(self.axes.c2p(*XOR_CENTRES[corner])), zoom(self.axes.c2p(*run.X[k]))
        self.step = Arrow(start, end, buff=0, color=FOREGROUND, stroke_width=5,
                          max_tip_length_to_length_ratio=0.2).set_z_index(4)
        along = (end - start) / np.linalg.norm(end - start)
        across = np.array([-along[1], along[0], 0.0]) * (1 if along[0] >= 0 else -1)  # left of the step
        self.eps = tex(r"\varepsilon", font_size=BODY).move_to((start + end) / 2 + 0.32 * across)
        self.names = VGroup(tex("c", font_size=BODY).move_to(start - 0.3 * along - 0.25 * across),
                            tex("x", font_size=BODY).move_to(end + 0.32 * along))
        self.names.set_z_index(5)
        others = VGroup(*[d for i, d in enumerate(self.dots) if i != k])
        self.others = others
        same = [i for i in np.flatnonzero(self.home == corner) if i != k and self.callout.holds(run.X[i])][:36]
        steps = [Arrow(start, zoom(self.axes.c2p(*run.X[i])), buff=0, color=MUTED, stroke_width=3,
                       max_tip_length_to_length_ratio=0.2).set_z_index(3) for i in same]
        beat(self, during(others.animate.set_opacity(0.35), 0, 0.2),
             during(self.dots[k].animate.set_opacity(1).scale(1.6), 0, 0.2),
             during(FadeIn(self.callout), 0, 0.25),
             during(GrowArrow(self.step), 0.2, 0.45), during(FadeIn(self.eps), 0.35, 0.5),
             during(FadeIn(self.names), 0.35, 0.5),
             during(Write(self.recipe), 0.3, 0.55),
             subcaption="Each copy is its centre c plus a random step ε.",
             spoken="Each copy is its centre c plus a random step epsilon.")
        # the spread as a picture: a dashed circle of radius s around the centre, in the
        # callout; then the steps of other copies of that centre, one after another
        ring = DashedVMobject(Circle(radius=cfg.noise * self.callout.units, color=FOREGROUND, stroke_width=3),
                              num_dashes=20)
        ring.move_to(start).set_z_index(4)
        s_name = tex("s", font_size=BODY).move_to(start + (ring.width / 2 + 0.22) * np.array([-0.7071, -0.7071, 0]))
        self.s_ring = VGroup(ring, s_name.set_z_index(5))
        self.bell = self.bell_curve(cfg.noise)
        self.bell.next_to(self.callout.frame, RIGHT, buff=0.35).align_to(self.callout.frame, DOWN)
        beat(self, during(Create(self.s_ring[0]), 0, 0.25), during(FadeIn(self.s_ring[1]), 0.15, 0.3),
             during(Create(self.bell.axes), 0.05, 0.2), during(Create(self.bell.curve), 0.15, 0.4),
             during(FadeIn(self.bell.marks), 0.35, 0.5),
             during(LaggedStart(*[Succession(GrowArrow(a), FadeOut(a)) for a in steps], lag_ratio=0.5), 0, 1),
             subcaption=f"The steps follow a bell curve (Gaussian); their typical size, the standard "
                        f"deviation s, is {cfg.noise:g} along each axis.")

    def zoom_callout(self, centre):
        """A square window round `centre` on the plot, drawn magnified in a frame to its right
        with two leader lines from window to frame. .zoom(p) takes a point of the plot to the
        frame; .units is the frame's units per data unit; .holds(p) says whether a data point
        lies in the window. Holds the window's copies of the dots, magnified."""
        half = CALLOUT_HALF * self.run.config.noise  # data units either side of the centre
        unit = self.axes.x_length / (self.extent[1] - self.extent[0])
        window = Square(side_length=2 * half * unit, color=MUTED, stroke_width=2).move_to(self.axes.c2p(*centre))
        frame = Square(side_length=CALLOUT_SIDE, color=MUTED, stroke_width=2, fill_color=BACKGROUND, fill_opacity=1)
        frame.move_to(CALLOUT_AT)
        factor = CALLOUT_SIDE / window.width
        origin, target = window.get_center(), frame.get_center()
        leaders = VGroup(*[Line(window.get_corner(RIGHT + v), frame.get_corner(LEFT + v), color=MUTED, stroke_width=2)
                           for v in (UP, DOWN)])

        def holds(p):
            return bool((np.abs(np.asarray(p, float) - centre) < 0.92 * half).all())

        # the copies faint and small, so that the letters over them read
        copies = VGroup(*[Dot(origin + factor * (dot.get_center() - origin) + (target - origin),
                              radius=0.09 if i == self.example else 0.05,
                              color=class_color(label), fill_opacity=1.0 if i == self.example else 0.35)
                          for i, (dot, p, label) in enumerate(zip(self.dots, self.run.X, self.run.y)) if holds(p)])
        copies.add(Dot(target, radius=0.12, color=class_color(self.labels[np.argmin(np.abs(XOR_CENTRES - centre).sum(1))]),
                       stroke_color=FOREGROUND, stroke_width=2))
        copies.set_z_index(2)
        group = VGroup(leaders, window, frame, copies)
        group.frame = frame
        group.units = factor * unit
        group.zoom = lambda p: target + factor * (np.asarray(p, float) - origin)
        group.holds = holds
        return group

    @staticmethod
    def bell_curve(s):
        """The bell curve of one coordinate of the step, exp(−t²/2s²) over ±3s, with ±s marked:
        the shape the words name (its height is left unscaled: only the shape is read)."""
        axes = Axes(x_range=[-3 * s, 3 * s, s], y_range=[0, 1.15, 1], x_length=2.4, y_length=1.3,
                    tips=False, axis_config={"stroke_width": 2, "color": MUTED, "include_ticks": False},
                    y_axis_config={"stroke_opacity": 0})
        curve = axes.plot(lambda t: np.exp(-t * t / (2 * s * s)), color=FOREGROUND, stroke_width=3)
        marks = VGroup()
        for sign, name in ((-1, "-s"), (1, "s")):
            top = axes.c2p(sign * s, np.exp(-0.5))
            marks.add(DashedLine(axes.c2p(sign * s, 0), top, color=MUTED, stroke_width=2),
                      tex(name, font_size=LABEL, color=MUTED).next_to(axes.c2p(sign * s, 0), DOWN, buff=0.12))
        name = VGroup(note("one coordinate of ε", SMALL, color=FOREGROUND),
                      note(f"s = {s:g}", SMALL, color=FOREGROUND)).arrange(DOWN, buff=0.12)
        name.next_to(axes, DOWN, buff=0.5)
        marks.add(name)
        group = VGroup(axes, curve, marks)
        group.axes, group.curve, group.marks = axes, curve, marks
        return group

    def ring_the_clusters(self):
        run = self.run
        radius = 2 * run.config.noise
        unit = self.axes.x_length / (self.extent[1] - self.extent[0])
        self.rings = VGroup(*[
            Circle(radius=radius * unit, color=class_color(label), stroke_width=3).move_to(self.axes.c2p(*c))
            for c, label in zip(XOR_CENTRES, self.labels)])
        self.inside = inside_rings(run.X, XOR_CENTRES[self.home], radius)
        expected = 1 - np.exp(-2)  # a 2-D bell curve's share within two standard deviations
        self.ring_note = note(f"{self.inside} of {run.n_samples} ({100 * self.inside / run.n_samples:.0f} %) "
                              f"within 2s\n(a 2-D bell curve: {100 * expected:.1f} %)", LABEL,
                              color=FOREGROUND).next_to(self.recipe, DOWN, buff=0.6).align_to(self.recipe, LEFT)
        # the callout and the bell are gone before the count takes their place
        close_up = VGroup(self.callout, self.step, self.eps, self.names, self.s_ring, self.bell)
        beat(self, during(FadeOut(close_up), 0, 0.2),
             during(self.dots[self.example].animate.scale(1 / 1.6).set_opacity(0.9), 0, 0.2),
             during(self.others.animate.set_opacity(0.9), 0, 0.2),
             during(LaggedStart(*[GrowFromCenter(r) for r in self.rings], lag_ratio=0.3), 0.1, 0.55),
             during(FadeIn(self.ring_note, shift=UP * 0.2), 0.25, 0.45),
             subcaption=f"Most land close: {self.inside} of the {run.n_samples} copies lie within a circle "
                        f"of radius 2s around their centre.")

    def count_them(self):
        run, cfg = self.run, self.run.config
        counts = [int((run.y == c).sum()) for c in (0, 1)]
        self.tally = VGroup(
            note(f"{cfg.per_cluster} per centre, {run.n_samples} in all", LABEL, color=FOREGROUND),
            note(f"{counts[0]} orange, y = 0", LABEL, color=CLASS_0),
            note(f"{counts[1]} blue, y = 1", LABEL, color=CLASS_1),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        self.tally.next_to(self.ring_note, DOWN, buff=0.5).align_to(self.recipe, LEFT)
        clusters = [VGroup(*[self.dots[i] for i in np.flatnonzero(run.y == c)]) for c in (0, 1)]
        # all three lines in before the still at 60 % of the words
        beat(self, during(FadeIn(self.tally[0], shift=LEFT * 0.2), 0, 0.2),
             during(AnimationGroup(Indicate(clusters[0], color=CLASS_0, scale_factor=1.15),
                                   FadeIn(self.tally[1], shift=LEFT * 0.2)), 0.15, 0.4),
             during(AnimationGroup(Indicate(clusters[1], color=CLASS_1, scale_factor=1.15),
                                   FadeIn(self.tally[2], shift=LEFT * 0.2)), 0.3, 0.55),
             subcaption=f"{cfg.per_cluster} copies per centre, {run.n_samples} in all: {counts[0]} orange "
                        f"with y = 0, {counts[1]} blue with y = 1. These are the run's own points.")
        self.counts = counts

    def the_centres_matter(self):
        # a ring visits the four centres in turn as the words name them: the points that matter
        order = [0, 1, 3, 2]  # round the square
        self.visitor = Circle(radius=0.3, color=FOREGROUND, stroke_width=4).move_to(self.centres[order[0]])
        tour = Succession(*[self.visitor.animate.move_to(self.centres[k]) for k in order[1:]])
        self.add(self.visitor)  # (a Create on it would fight the tour for its points)
        beat(self, self.dots.animate.set_opacity(0.3), FadeOut(self.rings), during(tour, 0.05, 1),
             during(AnimationGroup(*[Indicate(c, scale_factor=1.6, color=class_color(k))
                                     for c, k in zip(self.centres, self.labels)]), 0.2, 0.7),
             subcaption="The clouds teach the net that nearby points share a colour; what we want is the "
                        "four centres right.")
