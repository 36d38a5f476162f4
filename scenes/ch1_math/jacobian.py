"""The Jacobian, seen before it is computed: zoom into the bent grid of
f(x) = (cos x1 + sin x2, |x|) around p = (1, 2) until a small square's image is a
parallelogram, whose sides are the columns of J. Then the partial derivatives by hand, a
tempting slip caught by a nudge along x2, and the agreement with finite differences. Bridge:
training needs the same thing of the loss, with respect to the 13 weights.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    BackgroundRectangle,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    LaggedStart,
    MobjectMatrix,
    Line,
    Rectangle,
    ReplacementTransform,
    Scene,
    SurroundingRectangle,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    config,
    VMobject,
    Write,
    linear,
    smooth,
    squish_rate_func,
)

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_reference_run
from scenes.widgets.diagram import WEIGHT_SCALE, NetworkDiagram, sign_legend
from scenes.widgets.highlight import PointAt
from scenes.widgets.grid import DIRECTION_COLORS, PlaneGrid, axis_names, carry, deform, plane_axes, polyline, set_pieces
from scenes.widgets.matrices import column, hide_entries, sci_tex, sci_text, sci_words, value_matrix
from scenes.widgets.text import captioned, note, plain_tex, tex, title
from toynet_core import plane_maps
from toynet_core.numeric import central_jacobian
from toynet_core.plane_maps import X1, X2, example_jacobian, example_map

P = np.array([1.0, 2.0])  # the point zoomed into: away from the origin, where |x| has no derivative
GRID_X1, GRID_X2 = (-3, 3, 1), (0, 3, 1)  # the grid of f's input, lines at whole numbers
STAGE = 3.0  # up to this zoom the square is one grid cell; beyond it, it shrinks as 1/zoom
FAR = 300.0  # the last zoom: the square's side is STAGE / FAR = 0.01
DIVISIONS = 4  # lines across the square, each way
SAMPLES = 121  # points per grid line inside the part of the plane in view
SLICE = (0.4, 3.6)  # the walk along x2 from p, for the slip


def keep_inside(mob, margin=style.EDGE_BUFF):
    """Shift `mob` right until its left edge is at least `margin` inside the frame."""
    left = -config.frame_width / 2 + margin
    if mob.get_left()[0] < left:
        mob.shift((left - mob.get_left()[0]) * RIGHT)
    return mob


def fp_label(at):
    """"f(p)" in pink on a dark backing, above and right of the point `at`."""
    label = plain_tex(r"f(p)", font_size=style.LABEL, color=style.Z_COLOR)
    group = VGroup(BackgroundRectangle(label, color=style.BACKGROUND, fill_opacity=1.0, buff=0.05), label)
    return group.next_to(at, UP + RIGHT, buff=0.02)


def common_places(values, least=style.DECIMALS):
    """One number of decimals for a whole grid: the fewest (at least `least`) at which no
    non-zero entry reads as zero, so that small and large entries are written alike."""
    values = np.abs(np.ravel(values))
    smallest = values[values > 0].min() if (values > 0).any() else 1.0
    places = least
    while smallest < 0.5 * 10.0 ** -places and places < style.MAX_DECIMALS:
        places += 1
    return places


class LocalZoom(VGroup):
    """The grid of f magnified about f(p), drawn inside a box of the scene.

    At zoom s a point y of f's output plane is drawn at C(s) + unit·s·(y − c(s)), where c(s) is
    the image of the square's centre and C(s) glides from where c sits at zoom 1 to the box's
    centre. The square has its corner at p and side min(1, STAGE / s): one grid cell at first,
    then smaller and smaller, so that its image keeps its size on screen while it straightens.
    Every line is re-sampled near p at each zoom (so curves stay smooth at any zoom), clipped
    to the box, and its pieces are moved in place (scenes.widgets.grid.set_pieces).
    """

    def __init__(self, axes, box, stroke_width=3.0):
        self.axes, self.box, self.stroke_width = axes, box, stroke_width
        self.unit = float(np.linalg.norm(axes.c2p(1, 0) - axes.c2p(0, 0)))
        self.J = example_jacobian(P)
        self.reach_factor = 3.0 / np.linalg.svd(self.J, compute_uv=False).min()
        self.lines = plane_maps.rectangle_grid(GRID_X1, GRID_X2, samples=2)  # only their value and direction
        self.start_centre = np.asarray(axes.c2p(*self.centre(1.0)))[:2]
        self.box_centre = np.array([(box[0] + box[1]) / 2, (box[2] + box[3]) / 2])
        self.line_groups = VGroup(*[VGroup() for _ in self.lines])
        self.patch_lines = VGroup(*[VGroup() for _ in range(2 * (DIVISIONS + 1))])
        self.outline = VMobject(stroke_color=style.EMPHASIS, stroke_width=4, fill_color=style.EMPHASIS, fill_opacity=0.12)
        self.image_dot = Dot(radius=0.08, color=style.Z_COLOR)
        super().__init__(self.line_groups, self.outline, self.patch_lines, self.image_dot)
        self.set_zoom(1.0)

    # -- the view ---------------------------------------------------------------------------
    @staticmethod
    def side(s):
        return min(1.0, STAGE / s)

    def centre(self, s):
        return example_map(P + self.side(s) / 2)

    def screen_centre(self, s):
        glide = min(1.0, np.log(s) / np.log(STAGE))
        return (1 - glide) * self.start_centre + glide * self.box_centre

    def to_screen(self, s, y):
        xy = self.screen_centre(s) + self.unit * s * (np.asarray(y, dtype=float) - self.centre(s))
        return np.concatenate([xy, np.zeros(xy.shape[:-1] + (1,))], axis=-1)

    def to_output(self, s, points):
        """Scene points back to f's output plane, at zoom s."""
        return self.centre(s) + (np.asarray(points)[..., :2] - self.screen_centre(s)) / (self.unit * s)

    def in_square(self, u):
        """Where u ∈ [0, 1]² of the square lies in f's input plane, at the current zoom."""
        return P + self.side(self.s) * np.asarray(u, dtype=float)

    # -- drawing ------------------------------------------------------------------------------
    def set_zoom(self, s):
        self.s = s
        half = np.hypot(self.box[1] - self.box[0], self.box[3] - self.box[2]) / 2
        reach = self.reach_factor * half / (self.unit * s)  # beyond this from p, nothing lands in view
        (a0, a1, _), (b0, b1, _) = GRID_X1, GRID_X2
        self.sources = []
        for group, line in zip(self.line_groups, self.lines):
            fixed, moving, span = ((line.value, P[1], (b0, b1)) if line.runs_along == X2 else
                                   (line.value, P[0], (a0, a1)))
            near = abs(fixed - (P[0] if line.runs_along == X2 else P[1])) <= reach
            lo, hi = max(span[0], moving - reach), min(span[1], moving + reach)
            if not near or lo >= hi:
                self.sources.append(None)
                set_pieces(group, [], DIRECTION_COLORS[line.runs_along], self.stroke_width)
                continue
            t = np.linspace(lo, hi, SAMPLES)
            src = (np.stack([np.full_like(t, fixed), t], axis=1) if line.runs_along == X2 else
                   np.stack([t, np.full_like(t, fixed)], axis=1))
            self.sources.append(src)
            screen = self.to_screen(s, example_map(src))
            pieces = [np.concatenate([piece, np.zeros((len(piece), 1))], axis=1)
                      for piece in plane_maps.clip_polyline(screen[:, :2], self.box)]
            width = self.stroke_width * (1.8 if line.value == 0 else 1.0)
            set_pieces(group, pieces, DIRECTION_COLORS[line.runs_along], width)
        # the square: its lines, and its outline walked round from p
        k = np.linspace(0, 1, DIVISIONS + 1)
        t = np.linspace(0, 1, 41)
        for i, group in enumerate(self.patch_lines):
            c = k[i % (DIVISIONS + 1)]
            direction = X1 if i <= DIVISIONS else X2
            u = np.stack([t, np.full_like(t, c)], axis=1) if direction == X1 else np.stack([np.full_like(t, c), t], axis=1)
            set_pieces(group, [self.to_screen(s, example_map(self.in_square(u)))], DIRECTION_COLORS[direction],
                       self.stroke_width)
        edge = np.concatenate([np.stack([t, 0 * t], 1), np.stack([1 + 0 * t, t], 1), np.stack([1 - t, 1 + 0 * t], 1),
                               np.stack([0 * t, 1 - t], 1)])
        self.outline_square = edge
        self.outline.set_points_as_corners(self.to_screen(s, example_map(self.in_square(edge))))
        self.image_dot.move_to(self.to_screen(s, example_map(P)))
        return self

    def zooming(self, s_from, s_to, **kwargs):
        """Animation: zoom from s_from to s_to, at a steady rate on a log scale."""
        a, b = np.log(s_from), np.log(s_to)
        return UpdateFromAlphaFunc(self, lambda m, alpha: m.set_zoom(float(np.exp(a + alpha * (b - a)))), **kwargs)


class JacobianExample(Scene):
    def construct(self):
        self.point = P
        self.J = example_jacobian(P)
        self.fd = central_jacobian(example_map, P)
        self.recall_map()
        self.zoom_to_cell()
        self.zoom_to_parallelogram()
        self.name_the_sides()
        self.assemble_J()
        self.define_entries()
        self.name_the_matrix()
        self.by_hand()
        self.tempting_slip()
        self.nudge_along_x2()
        self.formulas_agree()
        self.bridge()

    # -- the picture: a square, zoomed until it is a parallelogram --------------------------------
    def recall_map(self):
        self.title = title("The Jacobian, worked out")
        self.axes = plane_axes((-3.2, 3.2, 1), (-0.5, 4.5, 1), unit=0.92)
        self.axes.move_to([-3.85, 0, 0]).align_to([0, -2.85, 0], DOWN)
        # the plane shows f's outputs: u₁, u₂, as chapter 1 names the outputs of a map
        self.names = axis_names(self.axes, ("u_1", "u_2"))
        self.grid = PlaneGrid(self.axes, x1_range=GRID_X1, x2_range=GRID_X2, samples=61, stroke_width=3)
        u = np.linspace(0, 1, 41)
        square = np.concatenate([np.stack([u, 0 * u], 1), np.stack([1 + 0 * u, u], 1), np.stack([1 - u, 1 + 0 * u], 1),
                                 np.stack([0 * u, 1 - u], 1)]) + P
        self.square = polyline(self.axes, square, style.EMPHASIS, 4)
        self.square.set_fill(style.EMPHASIS, 0.12)
        self.p_dot = Dot(self.axes.c2p(*P), radius=0.08, color=style.X_COLOR)
        # p is named on the unbent grid, in f's input plane (x₁, x₂); as the grid bends, the
        # plane becomes f's output plane (u₁, u₂, as chapter 1 names a map's outputs), p's name
        # leaves, and the carried dot turns pink and is named f(p), as it is in the zoom
        self.input_names = axis_names(self.axes, ("x_1", "x_2"))
        p_label = plain_tex(r"p = (1,\ 2)", font_size=style.LABEL, color=style.X_COLOR).next_to(self.p_dot, DOWN + RIGHT, buff=0.05)
        self.p_label = p_label
        self.formula = plain_tex(r"f(\vec x) = \begin{bmatrix} \cos x_1 + \sin x_2 \\ \sqrt{x_1^2 + x_2^2} \end{bmatrix}",
                                 font_size=style.BODY)
        self.formula.next_to([0.1, 2.95, 0], DOWN + RIGHT, buff=0)
        self.fp_label = fp_label(self.axes.c2p(*example_map(P)))
        landed = self.p_dot.copy().move_to(self.axes.c2p(*example_map(P))).set_color(style.Z_COLOR)
        self.add(self.axes, self.input_names, self.grid, self.square, p_label, self.p_dot)
        bend = (0.25, 0.5)  # the plane stays unbent for its first quarter, with p named on it
        beat(self, during(FadeIn(self.title), 0, 0.1), during(Write(self.formula), 0.05, 0.4),
             during(self.grid.deform(example_map), *bend), during(deform(self.square, self.axes, example_map), *bend),
             during(Transform(self.p_dot, landed), *bend), during(FadeOut(p_label), bend[0], bend[0] + 0.08),
             during(FadeOut(self.input_names), bend[0], bend[0] + 0.08),
             during(FadeIn(self.names), bend[0] + 0.08, bend[0] + 0.16),
             during(FadeIn(self.fp_label), bend[1], bend[1] + 0.06), run_time=4,
             subcaption="Back to f, bending the grid. Follow the point p = (1, 2) and the grid square at its corner.")

    def zoom_to_cell(self):
        (x0, y0), (x1, y1) = self.axes.c2p(-3.2, -0.5)[:2], self.axes.c2p(3.2, 4.5)[:2]
        self.box = (x0, x1, y0, y1)
        self.zoom = LocalZoom(self.axes, self.box)
        frame = Rectangle(width=x1 - x0, height=y1 - y0, stroke_color=style.MUTED, stroke_width=2).move_to(
            [(x0 + x1) / 2, (y0 + y1) / 2, 0])
        # the zoom at 1 draws what is on screen now; swap it in, then zoom
        self.remove(self.grid, self.square, self.p_dot)
        self.add(self.zoom)
        # f(p) stays named in the zoom, beside its dot wherever the zoom takes it: above and to
        # the right, where neither the patch nor its side arrows (both up and to the left of it)
        # nor the window's bottom edge are
        self.zoom_fp = self.fp_label
        self.zoom_fp.add_updater(lambda m: m.next_to(self.zoom.image_dot, UP + RIGHT, buff=0.02))
        self.zoom_fp.update()
        beat(self, during(FadeOut(self.axes), 0, 0.15), during(FadeOut(self.names), 0, 0.15),
             during(FadeIn(frame), 0, 0.2),
             self.zoom.zooming(1.0, STAGE), run_time=3,
             subcaption="Zoom in on where p lands. The square's image is a curved patch.")
        self.frame = frame

    def zoom_to_parallelogram(self):
        beat(self, self.zoom.zooming(STAGE, FAR), run_time=5,
             subcaption="Keep zooming, and shrink the square as you go: its image straightens into a parallelogram.")

    def name_the_sides(self):
        """Arrows along the parallelogram's sides: J e1 and J e2, in units of the square's side."""
        z = self.zoom
        origin = z.to_screen(z.s, example_map(P))
        scale = z.unit * z.s * z.side(z.s)  # screen length of one square side, before the map
        self.side_arrows = VGroup(*[
            Arrow(origin, origin + scale * np.append(self.J[:, j], 0), buff=0, color=DIRECTION_COLORS[j],
                  stroke_width=7, max_tip_length_to_length_ratio=0.15) for j in (X1, X2)])
        self.side_scale = scale
        self.side_labels = VGroup(*[column(self.J[:, j], font_size=style.LABEL, color=DIRECTION_COLORS[j]) for j in (X1, X2)])
        for label, arrow, side in zip(self.side_labels, self.side_arrows, (DOWN + LEFT, UP + RIGHT)):
            label.next_to(arrow.get_end(), side, buff=0.15)
        steps = VGroup(*[plain_tex(r"\leftarrow\ \text{a step along } x_%d" % (j + 1),
                                   font_size=style.LABEL, color=DIRECTION_COLORS[j]) for j in (X1, X2)])
        # each side's column outside the zoom box, in its colour, where no grid line crosses it:
        # right of the box, each straight under its slot in J (which forms above them next), x₂'s
        # row above x₁'s, so that each flies straight up past nothing
        self.lay_out_J()
        slots = self.J_matrix.get_columns()
        for j, row_y in ((X2, -0.35), (X1, -1.55)):
            self.side_labels[j].move_to([slots[j].get_x(), row_y, 0])
            steps[j].next_to(self.side_labels[j], RIGHT, buff=0.15)
        self.steps = steps
        # both sides drawn and named by half the beat: the words name x₂'s side before the end
        beat(self, during(LaggedStart(*[anim for j in (X1, X2) for anim in
                                        (Create(self.side_arrows[j]), FadeIn(self.side_labels[j]), FadeIn(steps[j]))],
                                      lag_ratio=0.6), 0, 0.5),
             subcaption="Its two sides show where a small step along x₁ is sent, and where a step along x₂ is sent.")

    def lay_out_J(self):
        """J = [..], placed under f (not yet shown): the sides' columns are laid out under its slots."""
        self.J_matrix = value_matrix(self.J, font_size=style.BODY, color=style.GRAD_COLOR, h_buff=1.4)
        self.J_lhs = tex(r"J =", font_size=style.HEADING, color=style.GRAD_COLOR)
        self.J_row = VGroup(self.J_lhs, self.J_matrix).arrange(RIGHT, buff=0.2)
        self.J_row.next_to(self.formula, DOWN, buff=0.5).align_to(self.formula, LEFT)

    def assemble_J(self):
        lhs, group = self.J_lhs, self.J_row
        cols = self.J_matrix.get_columns()
        self.column_boxes = VGroup(*[SurroundingRectangle(cols[j], color=DIRECTION_COLORS[j], buff=0.08) for j in (X1, X2)])
        hide_entries(self.J_matrix)
        self.add(self.J_matrix)
        # Each side's column flies straight up into its own slot, one column after the other:
        # first x2's from the upper row, then x1's from the lower one, past x2's row on its left;
        # the brackets and the name come last, so no number ever passes over another slot or a label.
        flights, landing = [], []
        for j, share in ((X2, (0.0, 0.2)), (X1, (0.2, 0.4))):  # whole by 60 % of the beat
            targets = [t.copy().set_opacity(1) for t in cols[j]]
            landing += targets
            flights.append(during(AnimationGroup(*[ReplacementTransform(e.copy(), t) for e, t in
                                                   zip(self.side_labels[j].get_entries(), targets)]), *share))
        # each side's arrow is pointed at while its column flies into J
        pulses = [during(PointAt(self.side_arrows[j], color=DIRECTION_COLORS[j]), *share)
                  for j, share in ((X2, (0.0, 0.3)), (X1, (0.25, 0.55)))]
        beat(self, *flights, *pulses, during(FadeIn(lhs), 0.4, 0.5), during(FadeIn(self.J_matrix.get_brackets()), 0.4, 0.5),
             during(FadeIn(self.column_boxes), 0.45, 0.55),
             subcaption="Put those two sides next to each other: this matrix is the Jacobian of f at p, J.")
        self.remove(*landing)  # the real entries take over, so nothing is drawn twice
        for e in self.J_matrix.get_entries():
            e.set_opacity(1)
        self.remove(lhs, self.J_matrix, self.column_boxes)
        self.J_group = VGroup(group, self.column_boxes)
        self.add(self.J_group)

    def column_pulses(self, columns, start):
        """Point at column 1 with the side arrow it came from, then column 2 with its own, from
        `start` to nearly the beat's end: the parallelogram stays part of the algebra."""
        length = (0.98 - start) / 2
        return [during(PointAt(mob, color=DIRECTION_COLORS[j]), start + k * length, start + (k + 1) * length)
                for k, j in enumerate((X1, X2)) for mob in (columns[j], self.side_arrows[j])]

    def define_entries(self):
        d = r"\dfrac{\partial f_%d}{\partial x_%d}"
        self.symbols = VGroup(
            tex(r"=", font_size=style.HEADING),
            plain_tex(r"\begin{bmatrix} %s & %s \\[12pt] %s & %s \end{bmatrix}" % (d % (1, 1), d % (1, 2), d % (2, 1), d % (2, 2)),
                      font_size=style.BODY))
        self.symbols.arrange(RIGHT, buff=0.2).next_to(self.J_group, DOWN, buff=0.35).align_to(self.formula, LEFT)
        rule = note("row i: output i   ·   column j: input j", font_size=style.SMALL, color=style.FOREGROUND)
        size = note("its size: outputs × inputs", font_size=style.SMALL)
        VGroup(rule, size).arrange(DOWN, aligned_edge=LEFT, buff=0.15).next_to(self.symbols, DOWN, buff=0.3)
        VGroup(rule, size).align_to(self.formula, LEFT)
        self.entry_notes = VGroup(rule, size)
        # the sides' columns, now J's, leave the place the symbols take
        named = VGroup(self.side_labels, self.steps)
        beat(self, during(FadeOut(named), 0, 0.12),
             during(Write(self.symbols), 0.1, 0.35), during(FadeIn(rule, shift=0.2 * UP), 0.3, 0.42),
             during(FadeIn(size, shift=0.2 * UP), 0.4, 0.55), *self.column_pulses(self.J_matrix.get_columns(), 0.55),
             subcaption="Each entry is a partial derivative, the slope of one output along one input: "
                        "row i for output i, column j for input j.")

    def name_the_matrix(self):
        """The whole matrix of partials gets the name the chain rule will use: ∂f/∂x⃗."""
        name = tex(r"= \frac{\partial f}{\partial \vec{x}}", font_size=style.HEADING, color=style.GRAD_COLOR)
        name.next_to(self.J_group[0], RIGHT, buff=0.3)
        self.matrix_name = name
        beat(self, during(FadeIn(name, shift=0.2 * LEFT), 0, 0.25),
             during(PointAt(name, color=style.EMPHASIS), 0.25, 0.7),
             *[during(PointAt(arrow, color=DIRECTION_COLORS[j]), 0.65, 0.98) for j, arrow in enumerate(self.side_arrows)],
             subcaption="The whole matrix gets one name, ∂f/∂x⃗: every slope of f along x⃗, at once.",
             spoken="The whole matrix gets one name, d f by d x: every slope of f along x, at once.")

    # -- the entries by hand, and a slip caught -----------------------------------------------------
    def by_hand(self):
        entries = [[r"-\sin x_1", r"\cos x_2"], [r"\frac{x_1}{|x|}", r"\frac{x_2}{|x|}"]]
        self.hand = MobjectMatrix([[plain_tex(e, font_size=style.BODY) for e in row] for row in entries],
                                  h_buff=1.5, v_buff=0.9)
        self.hand.move_to(self.symbols[1], aligned_edge=LEFT)
        beat(self, FadeOut(self.symbols[1], rate_func=squish_rate_func(smooth, 0, 0.15)),
             FadeOut(self.entry_notes, rate_func=squish_rate_func(smooth, 0, 0.15)),
             LaggedStart(FadeIn(self.hand.get_brackets()), *[Write(e) for e in self.hand.get_entries()], lag_ratio=0.8,
                         rate_func=squish_rate_func(linear, 0.1, 0.55)),
             *self.column_pulses([VGroup(*self.hand.get_entries()[j::2]) for j in (X1, X2)], 0.58),
             subcaption="By hand: cos x₁ + sin x₂ gives −sin x₁ and cos x₂; the length |x| gives x₁/|x| and x₂/|x|.",
             spoken="By hand: cosine x one plus sine x two gives minus sine x one, and cosine x two. "
                    "The length of x gives x one over the length of x, and x two over the length of x.")
        self.symbols.remove(self.symbols[1])
        # its brackets and entries came in one by one: hold the matrix as one mobject again
        parts = set(self.hand.get_family())
        self.remove(*[m for m in self.mobjects if parts & set(m.get_family())])
        self.add(self.hand)

    def tempting_slip(self):
        """The slice x2 ↦ f1(1, x2) with the slope a slip would give it, cos x1 = cos 1."""
        x1, x2 = P
        self.slice_axes = plane_axes((0, 4, 1), (-0.5, 2.0, 0.5), unit=1.35, number_step=1)
        self.slice_axes.move_to([(self.box[0] + self.box[1]) / 2, 0, 0]).align_to([0, -2.85, 0], DOWN)
        # the y axis is the plane's left edge: its numbers go left of it, level with their ticks
        for n in self.slice_axes.y_axis.numbers:
            n.next_to(self.slice_axes.c2p(0, n.get_value()), LEFT, buff=0.12)
        names = axis_names(self.slice_axes, ("x_2", r"f_1(1,\ x_2)"), font_size=style.LABEL)
        keep_inside(VGroup(self.slice_axes, names))
        self.slice_names = names
        t = np.linspace(*SLICE, 81)
        self.slice_pts = np.stack([t, np.cos(x1) + np.sin(t)], axis=1)
        self.slice_curve = polyline(self.slice_axes, self.slice_pts, style.Z_COLOR, 5)
        at = np.array([x2, np.cos(x1) + np.sin(x2)])
        self.slice_point = at
        self.wrong_slope = float(np.cos(x1))
        half = 1.1
        wrong = DashedLine(self.slice_axes.c2p(*(at - half * np.array([1, self.wrong_slope]))),
                           self.slice_axes.c2p(*(at + half * np.array([1, self.wrong_slope]))), color=style.ERROR, stroke_width=5)
        self.wrong_line = wrong
        wrong_tag = plain_tex(r"\text{slope } \cos 1 = %.2f" % self.wrong_slope, font_size=style.LABEL, color=style.ERROR)
        # the slip's slope is named beside its line, just above its upper end
        wrong_tag.next_to(wrong.get_end(), UP, buff=0.15).align_to(wrong.get_end(), RIGHT)
        dot = Dot(self.slice_axes.c2p(*at), radius=0.08, color=style.X_COLOR)
        self.zoom_fp.clear_updaters()
        old = [self.zoom, self.frame, self.side_arrows, self.zoom_fp]
        # the slip itself, in red, next to the entry it would replace
        top_right = self.hand.get_entries()[1]
        self.slip_entry = plain_tex(r"\cos x_1\,?", font_size=style.BODY, color=style.ERROR)
        self.slip_entry.next_to(self.hand, RIGHT, buff=0.3).match_y(top_right)
        slip_arrow = Arrow(self.slip_entry.get_left(), top_right.get_right(), buff=0.1, color=style.ERROR,
                           stroke_width=3, max_tip_length_to_length_ratio=0.25)
        beat(self, during(FadeOut(VGroup(*old)), 0, 0.12), during(FadeIn(VGroup(self.slice_axes, names)), 0.08, 0.2),
             during(FadeIn(self.slip_entry, shift=0.2 * LEFT), 0.12, 0.3), during(GrowArrow(slip_arrow), 0.2, 0.35),
             during(LaggedStart(Create(self.slice_curve), FadeIn(dot, scale=3), Create(wrong), Write(wrong_tag),
                                lag_ratio=0.9), 0.3, 0.58),
             subcaption="A tempting slip puts cos x₁ in the top right. Walk along x₂ through p: the first output, f₁, traces this curve.",
             spoken="A tempting slip puts cosine x one in the top right. Walk along x two through p: "
                    "the first output, f one, traces this curve.")
        self.slip = VGroup(wrong, wrong_tag)
        self.slip_mark = VGroup(self.slip_entry, slip_arrow)

    def nudge_along_x2(self):
        """Secants through x2 ± h, h shrinking, close in on the tangent of slope cos 2."""
        x1, x2 = P
        g = lambda t: np.cos(x1) + np.sin(t)  # noqa: E731
        secant = Line(color=style.GRAD_COLOR, stroke_width=5)
        ends = VGroup(Dot(radius=0.07, color=style.GRAD_COLOR), Dot(radius=0.07, color=style.GRAD_COLOR))
        self.secant_slopes = []

        def place(m, alpha):
            # quick at first, then creeping in: by 60 % of the beat the chord's slope reads within
            # 0.01 of the tangent's, and it keeps closing in to the end (h = 0.01)
            h = 0.01 + 1.19 * (1 - alpha) ** 2
            slope = (g(x2 + h) - g(x2 - h)) / (2 * h)
            self.secant_slopes.append((h, slope))
            a, b = np.array([x2 - h, g(x2 - h)]), np.array([x2 + h, g(x2 + h)])
            mid = (a + b) / 2
            half = 1.1 / np.hypot(1, slope)
            m[0].put_start_and_end_on(self.slice_axes.c2p(*(mid - half * np.array([1, slope]))),
                                      self.slice_axes.c2p(*(mid + half * np.array([1, slope]))))
            m[1][0].move_to(self.slice_axes.c2p(*a))
            m[1][1].move_to(self.slice_axes.c2p(*b))

        # the chord's slope, read live as the nudge shrinks
        chord_value = DecimalNumber(0.0, num_decimal_places=2, font_size=style.LABEL, color=style.GRAD_COLOR)
        chord_tag = VGroup(plain_tex(r"\text{chord slope} =", font_size=style.LABEL, color=style.GRAD_COLOR), chord_value)
        chord_tag.arrange(RIGHT, buff=0.12)
        chord_tag.next_to(self.slice_names, UP, buff=1.2)
        self.chord_value = chord_value

        def place_and_read(m, alpha):
            place(m, alpha)
            chord_value.set_value(self.secant_slopes[-1][1])
            chord_value.next_to(chord_tag[0], RIGHT, buff=0.12)

        nudger = VGroup(secant, ends)
        place_and_read(nudger, 0.0)
        self.fd_value = self.fd[0, 1]
        right_tag = plain_tex(r"\to\ \cos 2 = %.2f" % np.cos(x2), font_size=style.LABEL, color=style.GRAD_COLOR)
        right_tag.next_to(chord_tag, DOWN, buff=0.2).align_to(chord_tag[0][0], LEFT)
        self.right_tag = right_tag
        self.checked = checked = SurroundingRectangle(self.hand.get_entries()[1], color=style.GRAD_COLOR, buff=0.1)
        self.add(nudger)
        strike = Line(self.slip_entry.get_corner(DOWN + LEFT), self.slip_entry.get_corner(UP + RIGHT),
                      color=style.ERROR, stroke_width=4)
        self.slip_mark.add(strike)
        self.add(chord_tag)
        # what the chord closes in on is named by 60 % of the beat
        beat(self, UpdateFromAlphaFunc(nudger, place_and_read, rate_func=linear),
             during(FadeIn(right_tag), 0.45, 0.58),
             during(FadeIn(checked), 0.5, 0.6), during(Create(strike), 0.5, 0.58),
             run_time=4,
             subcaption="Nudge x₂ a little both ways and shrink the nudge: the slope closes in on cos 2 = −0.42, not cos 1 = 0.54.",
             spoken="Nudge x two a little both ways, and shrink the nudge: the slope closes in on cosine two, "
                    "minus 0.42, not cosine one, 0.54.")
        self.nudger = nudger

    def formulas_agree(self):
        self.formula_matrix = value_matrix(self.J, font_size=style.LABEL, color=style.GRAD_COLOR, h_buff=1.3)
        self.fd_matrix = value_matrix(self.fd, font_size=style.LABEL, color=style.FOREGROUND, h_buff=1.3)
        left = captioned(self.formula_matrix, "by hand")
        right = captioned(self.fd_matrix, "finite differences")
        approx = plain_tex(r"\approx", font_size=style.HEADING)
        row = VGroup(left, approx, right).arrange(RIGHT, buff=0.4)
        approx.match_y(self.formula_matrix)
        self.gap = float(np.abs(self.J - self.fd).max())
        gap_line = plain_tex(r"\text{largest difference: } %s" % sci_tex(self.gap), font_size=style.BODY)
        VGroup(row, gap_line).arrange(DOWN, buff=0.5).move_to([(self.box[0] + self.box[1]) / 2, -0.3, 0])
        keep_inside(VGroup(row, gap_line))
        self.gap_line = gap_line
        kept = VGroup(self.title, self.formula, self.J_group, self.matrix_name, self.symbols, self.hand,
                      self.checked).get_family()
        slice_view = [m for m in self.mobjects if m not in kept]
        beat(self, *[FadeOut(m, rate_func=squish_rate_func(smooth, 0, 0.3)) for m in slice_view],
             during(FadeIn(left), 0.2, 0.35), during(FadeIn(right, shift=0.3 * LEFT), 0.25, 0.4),
             during(FadeIn(approx), 0.25, 0.4), during(FadeIn(gap_line), 0.35, 0.5),
             subcaption=f"Nudging each input this way, a finite difference, gives the same matrix as the formulas, "
                        f"to within {sci_text(self.gap)}.",
             spoken=f"Nudging each input this way, a finite difference, gives the same matrix as the formulas, "
                    f"to within {sci_words(self.gap)}.")

    # -- bridge: the loss has a Jacobian too --------------------------------------------------------
    def bridge(self):
        """The loss's slopes at the start of training, laid out as the weights: each grid named
        in the narration's words (so many in the first layer, so many in the second; the mean
        loss's and the second layer's symbols come later), all 13 numbers written to one number
        of decimals, and f's J cleared first, so that the two kinds of slopes are not read as
        one picture."""
        run = load_reference_run()
        snapshot = 0  # the weights the slopes are taken at: the run's first snapshot
        self.grad_step = int(run.steps[snapshot])
        self.grad_W1, self.grad_W2 = run.grad_W1[snapshot], run.grad_W2[snapshot]
        self.grad_places = common_places(np.concatenate([self.grad_W1.ravel(), self.grad_W2.ravel()]))
        g1, g2 = (value_matrix(g, places=self.grad_places, font_size=style.LABEL, color=style.GRAD_COLOR, h_buff=1.15)
                  for g in (self.grad_W1, self.grad_W2))
        self.grad_mobs = (g1, g2)
        # only what the words say, in their words: the loss's slopes, so many per layer (the
        # symbols for the mean loss and the second layer's weights come later, with their meaning)
        names = [note(f"{g.size} in the {k} layer", font_size=style.LABEL, color=style.FOREGROUND)
                 for g, k in ((self.grad_W1, "first"), (self.grad_W2, "second"))]
        self.grad_names = names
        # each grid under its name, so the block leaves room for the network beside it
        rows = VGroup(*[VGroup(name, g).arrange(DOWN, aligned_edge=LEFT, buff=0.12) for name, g in zip(names, (g1, g2))])
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        n = self.grad_W1.size + self.grad_W2.size
        before = self.grad_step == 0
        when = "before training" if before else f"after {self.grad_step} steps"
        # one short label: the picture carries the rest, the words say why
        caption = VGroup(note(f"the loss's {n} slopes, one per weight, {when}", font_size=style.BODY,
                              color=style.FOREGROUND))
        self.bridge_caption = caption
        # the same slopes as a picture: on the network's edges, coloured by sign in the video's one
        # sign code (blue positive, orange negative, as the gradients are in chapter 3), with its
        # key beside them, as wide as their size next to the largest (the widget's scale is for
        # weights, so the slopes are scaled)
        largest = float(np.abs(np.concatenate([self.grad_W1.ravel(), self.grad_W2.ravel()])).max())
        self.grad_diagram = NetworkDiagram(self.grad_W1 * WEIGHT_SCALE / largest,
                                           self.grad_W2 * WEIGHT_SCALE / largest, width=4.2, height=2.7)
        self.grad_diagram.node_labels.set_opacity(1)
        for edge in [*self.grad_diagram.w1_edges.family_members_with_points(),
                     *self.grad_diagram.w2_edges.family_members_with_points()]:
            edge.set_stroke(color=style.signed_color(edge.weight, WEIGHT_SCALE))
        key = VGroup(sign_legend("slope > 0", "slope < 0", None),
                     note("width: its size; the widest is the largest", font_size=style.SMALL))
        key.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        picture = VGroup(self.grad_diagram, key).arrange(DOWN, buff=0.3)
        self.grad_picture = picture
        top = VGroup(rows, picture).arrange(RIGHT, buff=0.6, aligned_edge=UP)
        block = VGroup(top, caption).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        block.move_to([0, -0.3, 0])
        keep_inside(block, margin=style.EDGE_BUFF + 0.01)
        self.bridge_block = block
        kept = VGroup(self.title).get_family()
        old = [m for m in self.mobjects if m not in kept]
        beat(self, *[FadeOut(m, rate_func=squish_rate_func(smooth, 0, 0.25)) for m in old],
             LaggedStart(*[FadeIn(r) for r in rows], FadeIn(picture), FadeIn(caption), lag_ratio=0.8,
                         rate_func=squish_rate_func(linear, 0.2, 0.5)),
             subcaption=f"Training asks this of the loss, the network's error: one number, so {n} slopes, "
                        f"one per weight: {self.grad_W1.size} in the first layer, {self.grad_W2.size} in the second. "
                        "Each slope tells its weight which way to move.",
             hold=1.0)
