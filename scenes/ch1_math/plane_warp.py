"""A map from the plane to the plane, seen as a grid that bends: f(x) = (cos x1 + sin x2, |x|)
moves every point of a direction-coloured grid to its image; f lays the left half of the plane
onto the right half, as a fold along the x2 axis would; at the origin, where |x| has no derivative, the second
output turns a corner. The bridge: a network trained on XOR (the reference run) bends its input
plane too: its grid deforms into two hidden units' image, where ReLU's fold flattens each
negative half onto a crease (a flattening, not a mirror), until one straight cut separates the
classes.
"""

import numpy as np
from manim import (
    AnimationGroup,
    ArcBetweenPoints,
    DOWN,
    ORIGIN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    LaggedStart,
    Line,
    Polygon,
    Scene,
    Square,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
    linear,
    smooth,
    squish_rate_func,
)

from manim.utils.paths import path_along_arc

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_reference_run
from scenes.widgets.grid import CoordinateFrame, PlaneGrid, axis_names, deform, mapped_copy, plane_axes, polyline
from scenes.widgets.input_plane import class_key, data_dots
from scenes.widgets.matrices import fmt, number
from scenes.widgets.text import note, plain_tex, title
from toynet_core.model import augment, relu
from toynet_core.plane_maps import X1, X2, clip_polyline, example_map
from toynet_core.separation import best_unit_pair

HOPS = np.array([[-2.0, -1.0], [-1.0, 1.0], [2.0, -2.0], [0.5, -1.0], [-3.0, 0.0]])  # points that hop first
P = np.array([1.0, 2.0])  # the point followed
FOLD = 2.0  # the vertical lines x1 = -FOLD and x1 = FOLD land on one curve
WALK = (-2.0, 2.0)  # the walk up the line x1 = 0, through the origin
LEFT_COLUMN = -6.7  # left edge of the words and small pictures beside the plane
WORDS_TOP = 2.75  # top of the words, under the small title in the corner
TITLE_SCALE = 0.65  # the title sits small in the corner, so the plane can use the frame's height
PLOT_RIGHT = 6.6  # right edge of the plane
PLOT_BOTTOM = -2.95  # the plane's bottom edge, clear of the subtitle band
ZOOM_CENTRE_Y = -1.25  # the zoom window's centre, low enough for its label above it
STRIP_FILL = 0.35  # the opacity of the strip's fill in the zoom window
PAN = 1.0  # how far (in hidden units) the zoom's view glides along the strip while it is read
PLOT_TOP = 3.35  # the plane's top edge (its x2 name goes beside the axis end, not above it)


def hidden_pair_map(W1, pair):
    """x ↦ the chosen two hidden units' outputs, ReLU(W1 x̃), as a map of points (..., 2)."""
    W1 = np.asarray(W1, dtype=float)

    def h(p):
        p = np.asarray(p, dtype=float)
        flat = relu(augment(p.reshape(-1, 2)) @ W1.T)[:, list(pair)]
        return flat.reshape(p.shape)

    return h


def pair_sums_map(W1, pair):
    """x ↦ the chosen two hidden units' weighted sums W1 x̃, before ReLU: an affine map."""
    W1 = np.asarray(W1, dtype=float)

    def z(p):
        p = np.asarray(p, dtype=float)
        return (augment(p.reshape(-1, 2)) @ W1.T)[:, list(pair)].reshape(p.shape)

    return z


def strip_shape(sum_map, square):
    """(long, across, centre) of the image of the square [lo, hi]² under the affine map: the
    unit direction of the image's longest side, the image's extent across it, and the image of
    the square's centre."""
    lo, hi = square
    corners = sum_map(np.array([[lo, lo], [hi, lo], [lo, hi], [hi, hi]]))
    spans = [corners[1] - corners[0], corners[2] - corners[0]]
    long = max(spans, key=np.linalg.norm)
    long = long / np.linalg.norm(long)
    normal = np.array([-long[1], long[0]])
    across = float(np.ptp(corners @ normal))
    return long, across, sum_map(np.array([(lo + hi) / 2, (lo + hi) / 2]))


def clip_to_box(polygon, box):
    """The part of a convex polygon ((k, 2) corners in order) inside the box (x0, x1, y0, y1):
    Sutherland and Hodgman's clipping, one edge of the box at a time."""
    x0, x1, y0, y1 = box
    edges = ((0, x0, 1), (0, x1, -1), (1, y0, 1), (1, y1, -1))  # (axis, bound, which side is in)
    points = [np.asarray(p, dtype=float) for p in polygon]
    for axis, bound, sign in edges:
        kept = []
        for k, p in enumerate(points):
            q = points[(k + 1) % len(points)]
            p_in, q_in = sign * (p[axis] - bound) >= 0, sign * (q[axis] - bound) >= 0
            if p_in:
                kept.append(p)
            if p_in != q_in:
                t = (bound - p[axis]) / (q[axis] - p[axis])
                kept.append(p + t * (q - p))
        points = kept
        if not points:
            break
    return np.array(points)


def covers(mob, points, margin):
    """True if any of the scene points lies within `margin` of the mobject's bounding box."""
    lo, hi = mob.get_corner(DOWN + LEFT)[:2] - margin, mob.get_corner(UP + RIGHT)[:2] + margin
    p = np.asarray(points)[:, :2]
    return bool(np.any(np.all((p >= lo) & (p <= hi), axis=1)))


def drawn_grid_box(axes):
    """(x0, x1, y0, y1): the square, in the axes' coordinates, framed by the outermost
    background lines the axes draw (a NumberPlane leaves out the lines at the ends of its
    ranges)."""
    xs, ys = [], []
    for line in axes.background_lines:
        (a, b), (c, d) = axes.p2c(line.get_start()), axes.p2c(line.get_end())
        if np.isclose(a, c):
            xs.append(a)
        if np.isclose(b, d):
            ys.append(b)
    return min(xs), max(xs), min(ys), max(ys)


def label_inside_v(label, at, vertex, side, gap=0.12):
    """Put a slope's label beside the point `at` on a V of slopes ±1 (scene units), inside
    the V and clear of both its arms: on the V's open side of the point (side 0: the point is
    on the left arm, the label to its right; side 1: the reverse), at least high enough above
    the vertex for the V to be wider there than the label."""
    w, h = label.width, label.height
    bottom = max(at[1] - vertex[1] + gap, w / 2 + 2 * gap)  # height of its bottom above the vertex
    if side == 0:
        left = min(at[0] + gap, vertex[0] + bottom - gap - w)
    else:
        left = max(at[0] - gap - w, vertex[0] - bottom + gap)
    label.move_to([left + w / 2, vertex[1] + bottom + h / 2, 0])
    return label


def side_names(axes, names=("x_1", "x_2")):
    """axis_names, but the second name beside the top of its axis, not above it: the plane
    can reach higher without its name leaving the frame."""
    marks = axis_names(axes, names)
    marks[1].next_to(axes.y_axis.get_end(), RIGHT, buff=0.15).align_to(axes.y_axis.get_end(), UP)
    return marks


def upward_arc(start, end, angle=1.0):
    """The path_arc (±angle) whose arc from start to end bulges upwards, away from the
    subtitle band."""
    mid = [path_along_arc(a)(np.array([start]), np.array([end]), 0.5)[0][1] for a in (angle, -angle)]
    return angle if mid[0] >= mid[1] else -angle


class PlaneWarp(Scene):
    def construct(self):
        self.show_plane()
        self.follow_one_point()
        self.warp_grid()
        self.pick_two_lines()
        self.fold_in_half()
        self.walk_through_origin()
        self.corner_at_origin()
        self.bridge()

    # -- the map ----------------------------------------------------------------------------
    def show_plane(self):
        self.title = title("A map from the plane to the plane", corner=True).scale(TITLE_SCALE, about_edge=UP + LEFT)
        y_range = (-2.35, 3.8, 1)
        self.axes = plane_axes((-3.5, 3.5, 1), y_range, unit=(PLOT_TOP - PLOT_BOTTOM) / (y_range[1] - y_range[0]))
        self.axes.align_to([PLOT_RIGHT, 0, 0], RIGHT).align_to([0, PLOT_BOTTOM, 0], DOWN)
        self.names = names = side_names(self.axes)
        self.grid = PlaneGrid(self.axes, x1_range=(-3, 3, 1), x2_range=(-2, 2, 1), samples=61, stroke_width=3)
        self.formula = plain_tex(r"f(\vec x) = \begin{bmatrix} \cos x_1 + \sin x_2 \\ \sqrt{x_1^2 + x_2^2} \end{bmatrix}",
                                 font_size=style.HEADING)
        self.formula.next_to([LEFT_COLUMN, WORDS_TOP, 0], DOWN + RIGHT, buff=0)
        self.add(self.axes, names, self.grid)
        # a handful of points hop to their images: what "a map" means, before any formula
        self.hops = (HOPS, example_map(HOPS))
        # each point stays marked where it started, and a faint arc shows where it went
        sources = VGroup(*[Dot(self.axes.c2p(*x), radius=0.08, color=style.X_COLOR) for x in HOPS])
        hoppers = sources.copy()
        landed = [Dot(self.axes.c2p(*y), radius=0.08, color=style.Z_COLOR) for y in self.hops[1]]
        arcs = [upward_arc(d.get_center(), t.get_center()) for d, t in zip(hoppers, landed)]
        trails = VGroup(*[ArcBetweenPoints(d.get_center(), t.get_center(), angle=a, color=style.MUTED,
                                           stroke_width=2) for d, t, a in zip(hoppers, landed, arcs)])
        self.add(sources, hoppers)
        beat(self, during(FadeIn(self.title), 0, 0.1), during(Write(self.formula), 0, 0.5),
             LaggedStart(*[AnimationGroup(Transform(d, t, path_arc=a), Create(trail))
                           for d, t, a, trail in zip(hoppers, landed, arcs, trails)], lag_ratio=0.3),
             subcaption="A map is a function from the plane to the plane: it sends every point to a new one. Here is one, f.")
        self.hoppers, self.hop_sources, self.hop_trails = hoppers, sources, trails

    def follow_one_point(self):
        self.image_of_p = example_map(P)
        self.dot = Dot(self.axes.c2p(*P), radius=0.09, color=style.X_COLOR)
        start = plain_tex(r"\vec x = (%s,\ %s)" % tuple(fmt(v) for v in P), font_size=style.BODY,
                          color=style.X_COLOR)
        self.p_readout = plain_tex(r"f(%s,\ %s) \approx (%s,\ %s)" % (*[fmt(v) for v in P],
                                   *[f"{v:.2f}" for v in self.image_of_p]),
                                   font_size=style.BODY, color=style.Z_COLOR)
        start.next_to(self.formula, DOWN, buff=0.5).align_to(self.formula, LEFT)
        self.p_readout.next_to(start, DOWN, buff=0.25).align_to(start, LEFT)
        moved = self.dot.copy().move_to(self.axes.c2p(*self.image_of_p)).set_color(style.Z_COLOR)
        trail = polyline(self.axes, np.linspace(P, self.image_of_p, 2), style.MUTED, 2)
        # the hops give way to the one point: it appears where it starts, then moves
        arc = upward_arc(self.dot.get_center(), moved.get_center())
        # (1, 2) stays marked where it started while its copy moves
        source = self.dot.copy()
        beat(self, during(FadeOut(VGroup(self.hop_sources, self.hoppers, self.hop_trails)), 0, 0.15), during(FadeIn(start), 0.05, 0.2),
             during(FadeIn(self.dot, scale=2), 0.05, 0.15), during(FadeIn(source), 0.05, 0.15),
             during(Transform(self.dot, moved, path_arc=arc), 0.15, 0.45),
             during(Create(trail), 0.15, 0.45), during(FadeIn(self.p_readout, shift=0.2 * DOWN), 0.4, 0.52),
             subcaption="f gives cos x₁ + sin x₂ and the distance from 0. So (1, 2) lands at about (1.45, 2.24).",
             spoken="f gives cosine x one plus sine x two, and the distance from zero. So one, two lands at "
                    "about one point four five, two point two four.")
        self.p_words = VGroup(start, self.p_readout, trail, source)

    def warp_grid(self):
        """Every point of every line moves straight to its image, as ApplyPointwiseFunction
        does: the horizontal lines first, then the vertical ones, one after another."""
        for direction, words in (
                (X1, "Now move every point. Each horizontal line, where only x₁ changes, bends into a curve."),
                (X2, "Then each vertical line, where only x₂ changes. Green curves were horizontal lines, blue ones vertical.")):
            lines = self.grid.lines_along(direction)
            extra = [FadeOut(self.p_words), FadeOut(self.dot)] if direction == X1 else []
            beat(self, LaggedStart(*[deform(line, self.axes, example_map) for line in lines], lag_ratio=0.25),
                 *extra, subcaption=words, run_time=3)

    def pick_two_lines(self):
        self.pair_in = VGroup(*[polyline(self.axes, self.grid.line_at(X2, c).source, style.X2_DIRECTION, 7)
                                for c in (-FOLD, FOLD)])
        tags = VGroup(*[plain_tex(r"x_1 = %s" % fmt(c), font_size=style.LABEL, color=style.FOREGROUND)
                        .next_to(self.axes.c2p(c, -1.7), LEFT if c < 0 else RIGHT, buff=0.1) for c in (-FOLD, FOLD)])
        self.pair_tags = tags
        beat(self, during(self.grid.animate.set_stroke(opacity=0.35), 0, 0.3),
             during(Create(self.pair_in, lag_ratio=0), 0, 0.4), during(FadeIn(tags), 0.1, 0.4),
             subcaption="Pick out the two vertical lines x₁ = −2 and x₁ = 2.")

    def fold_in_half(self):
        """f sees x1 only through cos x1 and x1², so x1 and -x1 land together."""
        self.pair_out = [example_map(line.source) for line in (self.grid.line_at(X2, -FOLD), self.grid.line_at(X2, FOLD))]
        why = plain_tex(r"f(-x_1,\ x_2) = f(x_1,\ x_2)", font_size=style.BODY)
        why.next_to(self.formula, DOWN, buff=0.5).align_to(self.formula, LEFT)
        self.fold_note = why
        beat(self, during(deform(self.pair_in, self.axes, example_map), 0, 0.45),
             during(FadeOut(self.pair_tags), 0, 0.15), during(Write(why), 0, 0.35), run_time=3,
             subcaption="Both land on one curve: f sees x₁ only through cos x₁ and x₁², "
                        "so x₁ and −x₁ meet.",
             spoken="Both land on one curve: f sees x one only through cosine of x one and x one squared, "
                    "so x one and minus x one meet.")
        self.mirror_pairs()

    def mirror_pairs(self):
        """Two inputs, mirror images across the x₂ axis, ride up their lines; their images ride
        up the one curve together: f lays the left half of the plane on the right half."""
        ride = (-1.8, 1.8)
        self.mirror_ride = ride
        sources = VGroup(*[Dot(radius=0.08, color=style.X_COLOR) for _ in range(2)])
        images = VGroup(Dot(radius=0.13, color=style.Z_COLOR), Dot(radius=0.07, color=style.X_COLOR))
        links = VGroup(*[Line(ORIGIN, RIGHT, color=style.MUTED, stroke_width=2) for _ in range(2)])

        def place(group, alpha):
            x2 = ride[0] + alpha * (ride[1] - ride[0])
            inputs = np.array([[-FOLD, x2], [FOLD, x2]])
            outputs = example_map(inputs)
            for dot, x in zip(sources, inputs):
                dot.move_to(self.axes.c2p(*x))
            for dot, y in zip(images, outputs):
                dot.move_to(self.axes.c2p(*y))
            for link, x, y in zip(links, inputs, outputs):
                link.put_start_and_end_on(self.axes.c2p(*x), self.axes.c2p(*y))
            self.mirror_images = outputs
            return group

        riders = VGroup(links, sources, images)
        place(riders, 0.0)
        beat(self, FadeIn(riders, rate_func=lambda t: min(1.0, 8 * t)),
             UpdateFromAlphaFunc(riders, place, rate_func=smooth), run_time=4,
             subcaption="So f sends the left half of the plane where it sends the right half, as if the plane were "
                        "folded along the x₂ axis: two inputs, one output.")
        self.mirror_riders = riders

    # -- the origin ---------------------------------------------------------------------------
    def walk_through_origin(self):
        t = np.linspace(*WALK, 81)  # odd: the origin is a sample
        walk = np.stack([np.zeros_like(t), t], axis=1)
        self.walk = (walk, example_map(walk))
        source = polyline(self.axes, walk, style.X2_DIRECTION, 6)
        image = polyline(self.axes, self.walk[1], style.Z_COLOR, 6)
        walker = Dot(self.axes.c2p(*walk[0]), radius=0.08, color=style.X_COLOR)
        image_walker = Dot(self.axes.c2p(*self.walk[1][0]), radius=0.08, color=style.Z_COLOR)
        # beside the plane: the second output along the walk, on axes of one scale
        self.slice_axes = plane_axes((-2.2, 2.2, 1), (-0.3, 2.3, 1), unit=0.78, number_step=1)
        self.slice_axes.next_to([LEFT_COLUMN + 0.2, PLOT_BOTTOM, 0], UP + RIGHT, buff=0)
        self.slice = polyline(self.slice_axes, np.stack([t, np.abs(t)], axis=1), style.Z_COLOR, 5)
        self.slice_values = np.abs(t)
        slice_walker = Dot(self.slice_axes.c2p(t[0], abs(t[0])), radius=0.07, color=style.Z_COLOR)
        slice_names = VGroup(
            plain_tex("x_2", font_size=style.LABEL).next_to(self.slice_axes.x_axis.get_end(), RIGHT, buff=0.12),
            plain_tex(r"f_2(0,\ x_2) = |x_2|", font_size=style.LABEL, color=style.Z_COLOR)
            .next_to(self.slice_axes, UP, buff=0.15))

        def walk_to(alpha):
            s = WALK[0] + alpha * (WALK[1] - WALK[0])
            return np.array([0.0, s])

        def shown(a):  # the walkers appear in the first moments of the walk
            return min(1.0, 10 * a)

        movers = [
            UpdateFromAlphaFunc(walker, lambda m, a: m.move_to(self.axes.c2p(*walk_to(a))).set_opacity(shown(a)),
                                rate_func=linear),
            UpdateFromAlphaFunc(image_walker, lambda m, a: m.move_to(self.axes.c2p(*example_map(walk_to(a))))
                                .set_opacity(shown(a)), rate_func=linear),
            UpdateFromAlphaFunc(slice_walker, lambda m, a: m.move_to(
                self.slice_axes.c2p(walk_to(a)[1], abs(walk_to(a)[1]))).set_opacity(shown(a)), rate_func=linear),
        ]
        beat(self, during(FadeOut(VGroup(self.pair_in, self.fold_note, self.mirror_riders)), 0, 0.15),
             during(FadeIn(VGroup(self.slice_axes, slice_names)), 0, 0.15),
             *movers, Create(source, rate_func=linear), Create(image, rate_func=linear),
             Create(self.slice, rate_func=linear), run_time=4,
             subcaption="Walk up the line x₁ = 0, through the origin. The second output, the distance "
                        "from 0, falls to zero, then rises.")
        self.walkers = VGroup(walker, image_walker, slice_walker)

    def corner_at_origin(self):
        """|x2| has slope -1 on one side of 0 and +1 on the other: no derivative at the origin.
        A short tangent rides along the slice and flips as it passes the origin; the walkers on
        the plane ride with it (first back to its start), so both pictures show one x2."""
        self.one_sided = (-1.0, 1.0)
        ride = (-1.6, 1.6)
        back = 0.12  # the share of the beat in which the walkers return to the ride's start
        tangent = Line(ORIGIN, RIGHT, color=style.GRAD_COLOR, stroke_width=6)
        rider = Dot(radius=0.08, color=style.GRAD_COLOR)
        readouts = [plain_tex(r"\text{slope } %s" % m, font_size=style.LABEL, color=style.GRAD_COLOR)
                    for m in ("{-1}", "{+1}")]
        walker, image_walker, slice_walker = self.walkers
        # the y-axis number would sit in the label's path inside the V; the x numbers suffice
        self.slice_axes.y_axis.numbers.set_opacity(0)

        def x2_at(alpha):
            if alpha < back:
                return WALK[1] + smooth(alpha / back) * (ride[0] - WALK[1])
            return ride[0] + (alpha - back) / (1 - back) * (ride[1] - ride[0])

        def place(alpha):
            t = x2_at(alpha)
            riding = float(alpha >= back)
            slope = self.one_sided[int(t > 0)]
            half = 0.55 / np.hypot(1.0, slope)
            rider.move_to(self.slice_axes.c2p(t, abs(t))).set_opacity(riding)
            tangent.put_start_and_end_on(self.slice_axes.c2p(t - half, abs(t) - half * slope),
                                         self.slice_axes.c2p(t + half, abs(t) + half * slope))
            tangent.set_stroke(opacity=riding)
            slice_walker.move_to(rider).set_opacity(1 - riding)
            walker.move_to(self.axes.c2p(0, t))
            image_walker.move_to(self.axes.c2p(*example_map(np.array([0.0, t]))))
            # each label sits by its own segment, inside the V, and shows while it is the slope
            for k, readout in enumerate(readouts):
                label_inside_v(readout, rider.get_center(), self.slice_axes.c2p(0, 0), k)
                readout.set_opacity(riding * float((t > 0) == bool(k)))
            self.corner_x2 = t

        place(0.0)
        corner = Dot(self.axes.c2p(*example_map(np.zeros(2))), radius=0.1, color=style.ERROR)
        slice_corner = Dot(self.slice_axes.c2p(0, 0), radius=0.09, color=style.ERROR)
        self.origin_image = example_map(np.zeros(2))
        self.add(tangent, rider, *readouts)
        movers = VGroup(tangent, rider, *readouts, self.walkers)
        beat(self, UpdateFromAlphaFunc(movers, lambda m, a: place(a)),
             FadeIn(corner, scale=3), FadeIn(slice_corner, scale=3), rate_func=linear, run_time=4,
             subcaption="Slide along it: the slope is −1, then suddenly +1. At the origin f has no derivative; "
                        "everywhere else it has one. ReLU's kink, later, is such a point.")
        self.corner_marks = VGroup(tangent, rider, *readouts, corner, slice_corner, self.walkers)

    # -- bridge: the network's hidden layer is such a map --------------------------------------
    def bridge(self):
        """Two beats: the plane of f gives way to the input plane of a network trained on XOR (the
        reference run), with its training points on a small grid, which two hidden units' weighted
        sums move to a new, still straight, plane (an affine map); then ReLU folds it: where a unit
        is negative, the points flatten onto a crease, and a straight cut slides in and separates
        the classes. Every step is a window of one clock."""
        run = load_reference_run()
        self.W1 = run.W1[-1]
        self.pair, w, c, _ = best_unit_pair(self.W1, run.X, run.y)
        self.cut = (w, c)
        self.net_map = hidden_pair_map(self.W1, self.pair)
        self.sum_map = pair_sums_map(self.W1, self.pair)
        self.X, self.y = run.X, run.y
        sums, images = self.sum_map(run.X), self.net_map(run.X)
        self.net_grid = None
        grid_range = (-0.25, 1.25, 0.5)  # around the data's square
        corners = np.array([[a, b] for a in grid_range[:2] for b in grid_range[:2]])
        reach = float(np.ceil(max(np.abs(self.sum_map(corners)).max(), np.abs(sums).max()) + 0.2))
        # one scale for both axes, as tall as the frame allows below the corner title
        self.net_axes = plane_axes((-reach, reach, 1), (-reach, reach, 1),
                                   unit=(PLOT_TOP - 0.55 - PLOT_BOTTOM) / (2 * reach), number_step=2)
        self.net_axes.align_to([PLOT_RIGHT - 0.9, 0, 0], RIGHT).align_to([0, PLOT_BOTTOM, 0], DOWN)
        self.net_grid = PlaneGrid(self.net_axes, x1_range=grid_range, x2_range=grid_range, samples=41)
        self.net_dots = data_dots(self.net_axes, run.X, run.y, radius=0.045)
        i, j = self.pair
        input_names = side_names(self.net_axes)
        unit_names = side_names(self.net_axes, (r"\text{unit } %d" % (i + 1), r"\text{unit } %d" % (j + 1)))
        # two lines of words at most beside the plane: what the plane shows (the axes name the
        # units), and the zoom window's label
        stage_names = [note(text, font_size=style.LABEL, color=style.FOREGROUND)
                       .next_to([LEFT_COLUMN, WORDS_TOP, 0], DOWN + RIGHT, buff=0)
                       for text in (f"units {i + 1} and {j + 1} of 3: weighted sums",
                                    "after ReLU: negatives become 0")]
        caption = stage_names[0]
        self.net_caption = caption

        # the straight cut w·p + c = 0, slid in along its normal from a far corner
        box = drawn_grid_box(self.net_axes)  # the cut never runs past the plot's grid
        (x0, x1, y0, y1) = box
        self.cut_box = box
        labels = self.y > 0.5
        far = 4 * (x1 - x0)
        direction = np.array([-w[1], w[0]]) / np.linalg.norm(w)
        start_offset = -w @ np.array([0.85 * x1, 0.85 * y1])

        def segment(offset):
            foot = -offset * w / (w @ w)
            return clip_polyline(np.array([foot - far * direction, foot + far * direction]), box)[0]

        def on_their_side(offset):  # points on their class's side of w·p + offset = 0
            return int(np.sum((images @ w + offset > 0) == labels))

        # the points the cut leaves on the wrong side, ringed once the count is shown
        self.wrong = np.flatnonzero((images @ w + c > 0) != labels)

        self.cut_segment = segment(c)
        n = len(self.X)
        self.cut_count = (on_their_side(c), n)
        right = self.cut_count[0]
        self.cut_line = Line(*[self.net_axes.c2p(*e) for e in segment(start_offset)], color=style.FOREGROUND,
                             stroke_width=4)
        self.counter = number(right, color=style.FOREGROUND, places=0, font_size=style.BODY)
        readout = VGroup(self.counter, plain_tex(r"\text{of %d points on their own side}" % n, font_size=style.BODY))
        readout.arrange(RIGHT, buff=0.15).next_to(stage_names[1], DOWN, buff=0.5).align_to(caption, LEFT)
        # what the dots' colours mean, from the moment they appear (XOR's scene names them later)
        key = class_key().next_to(readout, DOWN, buff=0.35).align_to(caption, LEFT)
        self.class_key = key

        # every grid point and every dot moves straight to its weighted sums, then to their ReLU
        grid_from = [line.points.copy() for line in self.net_grid]
        grid_mid = [line.points.copy() for line in mapped_copy(self.net_grid, self.net_axes, self.sum_map)]
        grid_to = [line.points.copy() for line in mapped_copy(self.net_grid, self.net_axes, self.net_map)]
        frame = CoordinateFrame(self.net_axes)
        dots_from = [d.get_center() for d in self.net_dots]
        dots_mid, dots_to = frame.to_scene(sums), frame.to_scene(images)
        ramp = lambda a, lo, hi: squish_rate_func(smooth, lo, hi)(a)  # noqa: E731
        # the crease: the hidden points that ReLU flattened onto an axis (a unit at 0)
        flat = np.isclose(images, 0.0).any(axis=1)
        self.flattened = int(flat.sum())
        creases = VGroup(*[Line(self.net_axes.c2p(0, 0), self.net_axes.c2p(*end), color=style.EMPHASIS,
                                stroke_width=7) for end in ((reach, 0), (0, reach))])
        # each crease is named where it runs, so its grey bar never reads as a third class
        crease_names = VGroup(
            note("crease", font_size=style.SMALL, color=style.FOREGROUND)
            .next_to(self.net_axes.c2p(reach - 1.6, 0), UP, buff=0.15),
            note("crease", font_size=style.SMALL, color=style.FOREGROUND)
            .next_to(self.net_axes.c2p(0, reach - 2), RIGHT, buff=0.15))
        self.crease_names = crease_names

        def between(a, b, t):
            return a + t * (b - a)

        # one clock over both beats (the new plane fades in as the old one leaves, so the picture
        # never empties): 0..1 the weighted sums move the plane, still straight; 1..2 ReLU folds
        # it onto the creases, the cut slides in, then its count
        # the image is squashed across: a zoom beside the plane shows its width
        zoom, zoom_label, marker = self.strip_zoom(grid_range, run.X, run.y, sums)
        self.net_zoom = zoom
        strip = self.zoom_strip

        def update(stage, clock):
            shown, move = ramp(clock, 0.04, 0.2), ramp(clock, 0.2, 0.55)
            zoomed, gone = ramp(clock, 0.55, 0.62), 1 - ramp(clock, 1.0, 1.08)
            # once shown, the white box and the window's view glide along the strip together
            self.zoom_view(PAN * ramp(clock, 0.62, 1.0))
            for part in (*zoom[0], marker):
                part.set_stroke(opacity=zoomed * gone)
            for part, inside in zip(zoom[1], self.zoom_lines_shown):
                part.set_stroke(opacity=zoomed * gone * inside)
            strip.set_fill(opacity=STRIP_FILL * zoomed * gone)
            # the points in the zoom light up one by one, while the words are read
            # every point in the white box is in the window, all at once, with the window
            for dot, inside in zip(zoom[2], self.zoom_shown):
                dot.set_fill(opacity=zoomed * gone * inside)
            zoom_label.set_opacity(zoomed * gone)
            fold = ramp(clock, 1.0, 1.35)
            crease, slide = ramp(clock, 1.3, 1.42), ramp(clock, 1.4, 1.72)
            for line, p, m, q in zip(self.net_grid, grid_from, grid_mid, grid_to):
                line.points = between(between(p, m, move), q, fold)
                line.set_stroke(opacity=shown)
            for d, p, m, q in zip(self.net_dots, dots_from, dots_mid, dots_to):
                d.move_to(between(between(p, m, move), q, fold)).set_opacity(shown)
            # the axes are named at every moment: the inputs' names give way to the units' as
            # the plane starts to move
            input_names.set_opacity(shown * (1 - ramp(clock, 0.2, 0.27)))
            unit_names.set_opacity(ramp(clock, 0.24, 0.31))
            stage_names[0].set_opacity(ramp(clock, 0.04, 0.2) * (1 - ramp(clock, 1.0, 1.08)))
            stage_names[1].set_opacity(ramp(clock, 1.05, 1.15))
            creases.set_stroke(opacity=0.8 * crease * (1 - 0.6 * ramp(clock, 1.7, 1.85)))
            crease_names.set_opacity(crease)
            # the tick numbers the data run over give way to them as the plane starts to move
            covered.set_opacity(1 - 0.8 * ramp(clock, 0.2, 0.3))
            self.cut_line.set_stroke(opacity=float(clock > 1.4))
            self.cut_line.put_start_and_end_on(*[self.net_axes.c2p(*e) for e in
                                                 segment(start_offset + slide * (c - start_offset))])
            readout.set_opacity(ramp(clock, 1.72, 1.8))
            key.set_opacity(shown)
            for ring, i in zip(rings, self.wrong):
                ring.move_to(self.net_dots[i]).set_stroke(opacity=ramp(clock, 1.72, 1.8))

        # the tick numbers that a data point covers, before ReLU or after
        under = np.vstack([dots_mid, dots_to])
        covered = VGroup(*[number for axis in (self.net_axes.x_axis, self.net_axes.y_axis)
                           for number in axis.numbers if covers(number, under, 0.1)])
        self.covered_ticks = covered
        rings = VGroup(*[Circle(radius=0.13, color=style.EMPHASIS, stroke_width=3) for _ in self.wrong])
        self.wrong_rings = rings
        stage = VGroup(self.net_grid, creases, crease_names, self.net_dots, input_names, unit_names, *stage_names,
                       self.cut_line, readout, key, rings, zoom, zoom_label, marker)
        update(stage, 0.0)
        old = [m for m in self.mobjects if m is not self.title]
        self.add(stage)
        self.net_creases = creases
        beat(self, *[FadeOut(m, rate_func=squish_rate_func(smooth, 0, 0.2)) for m in old],
             FadeIn(self.net_axes, rate_func=squish_rate_func(smooth, 0.04, 0.2)),
             UpdateFromAlphaFunc(stage, update, rate_func=linear), run_time=7,
             subcaption="A network trained on XOR moves its input plane too: two hidden units' weighted sums "
                        + ("squash its square into a thin strip, still two-dimensional." if self.squashed
                           else "send every point to a new one."))
        beat(self, UpdateFromAlphaFunc(stage, lambda m, a: update(m, 1.0 + a), rate_func=linear), run_time=6,
             subcaption=f"ReLU folds: a negative sum becomes 0, so those points lie flat on an axis, the crease "
                        f"where the plane folds. A straight cut separates {right} of the {n} points.",
             hold=1.0)

    def strip_zoom(self, grid_range, X, y, sums, side=2.6, fill=0.55):
        """A square beside the plane, the zoom window, that magnifies the image of the grid
        about a point of the strip, so much that the strip's width fills `fill` of it: the
        square's image as a filled strip, its grid lines and every point in it, a white box on
        the plane for the window, and a label with the factor above it. view_along(d) moves the
        box and the window's view together, d hidden units along the strip from the image of
        the square's centre."""
        lo, hi = grid_range[:2]
        long, across, centre = strip_shape(self.sum_map, (lo, hi))
        main_unit = self.net_axes.x_axis.get_unit_size()
        scale = fill * side / max(across, 1e-9)  # scene units per hidden unit, in the zoom
        self.zoom_factor = scale / main_unit
        self.squashed = self.zoom_factor >= 3  # too thin to see its width on the plane
        box = Square(side_length=side, color=style.EMPHASIS, stroke_width=2)
        box.move_to([LEFT_COLUMN + 0.4 + side / 2, ZOOM_CENTRE_Y, 0])
        mid = box.get_center()[:2]
        half = side / 2
        window = (mid[0] - half, mid[0] + half, mid[1] - half, mid[1] + half)
        self.zoom_mid, self.zoom_scale, self.zoom_long = mid, scale, long
        corners = self.sum_map(np.array([[lo, lo], [hi, lo], [hi, hi], [lo, hi]]))
        self.zoom_strip = Polygon(*[[*p, 0] for p in corners], color=style.Z_COLOR, stroke_width=2,
                                  fill_color=style.Z_COLOR, fill_opacity=STRIP_FILL)
        sources = [line for direction in (X1, X2) for line in self.net_grid.lines_along(direction)]
        lines = VGroup(*[Line(LEFT, RIGHT, color=line.get_stroke_color(), stroke_width=2) for line in sources])
        # one dot per training point; those outside the window are hidden
        dots = data_dots(self.net_axes, X, y, radius=0.05)
        marker = Square(side_length=side / self.zoom_factor, color=style.EMPHASIS, stroke_width=3)

        def view_along(d):
            c = centre + d * long
            self.zoom_centre = c

            def to_zoom(points):
                return mid + scale * (np.asarray(points) - c)

            # the square's image, a parallelogram (the sums are affine), cut to the window
            shape = clip_to_box(to_zoom(corners), window)
            self.zoom_strip.set_points_as_corners([[*q, 0] for q in [*shape, shape[0]]])
            self.zoom_lines_shown = []
            for line, source in zip(lines, sources):
                pieces = clip_polyline(to_zoom(self.sum_map(source.source[[0, -1]])), window)
                shown = bool(pieces) and np.linalg.norm(pieces[0][-1] - pieces[0][0]) > 1e-6
                if shown:
                    line.put_start_and_end_on([*pieces[0][0], 0], [*pieces[0][-1], 0])
                self.zoom_lines_shown.append(shown)
            # the points whose centres lie in the white box on the plane: the same points,
            # mapped by the same zoom, so the window shows all of them and no other
            zoomed = to_zoom(sums)
            self.zoom_shown = np.all(np.abs(zoomed - mid) < half, axis=1)
            for dot, q in zip(dots, zoomed):
                dot.move_to([*q, 0])
            marker.move_to(self.net_axes.c2p(*c))

        view_along(0.0)
        self.zoom_view = view_along
        # above the window, one short line that stays clear of the plane
        label = VGroup(note(f"white box, {self.zoom_factor:.0f}× larger", font_size=style.SMALL))
        label.next_to(box, UP, buff=0.15).align_to(box, LEFT)
        self.zoom_label = label
        self.zoom_marker = marker
        return VGroup(VGroup(self.zoom_strip, box), lines, dots), label, marker
