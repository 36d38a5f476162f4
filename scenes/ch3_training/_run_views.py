"""The linked views of TrainingRun, each able to show any snapshot k in place:
a hidden-space inset (3-D axes projected flat, so an ordinary Scene draws it cheaply),
the network diagram, the loss curve with a cursor, and the step counter."""

import math

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    OUT,
    RIGHT,
    UP,
    Axes,
    BackgroundRectangle,
    Line,
    LineJointType,
    DL,
    UR,
    Rectangle,
    Circle,
    Dot,
    MathTex,
    VGroup,
    VMobject,
    rotation_matrix,
    smooth,
)

from scenes import style
from scenes.ch3_training._run_common import NUMBER_SCALE, SnapshotView, class_rgb, note, on_baseline, snapshot_at
from scenes.widgets.diagram import NetworkDiagram
from scenes.widgets.live_number import LiveNumber
from scenes.widgets.dot_cloud import DotCloud
from scenes.widgets.hidden_view import hidden_axes, separating_plane
from toynet_core.geometry import box_plane_section

# A fixed oblique view of hidden space (h1 toward the viewer, h2 to the right, h3 up): the
# axes are turned instead of a camera, so no ThreeDScene has to re-project every frame.
PHI, THETA = 68 * DEGREES, 30 * DEGREES
EDGE_ON = 0.12  # |cos| of the angle between the view and a plane's normal seen nearly edge-on
# Views of hidden space from above, tilted: x3 reads upward, and the arms of the folded cloud
# (along x1 and along x2) spread apart as a V instead of lying behind one another.
VIEW_PHIS = np.arange(24, 41, 2)
PLANE_OPACITY = 0.16  # the plane ŷ = 1/2 itself: white like the map's boundary, a light sheet
PLANE_STROKE = 4  # its outline, bold: seen edge-on the plane is this line, as the map's boundary
PLANE_MARGIN = 0.1  # the plane is drawn over the box of the snapshot's points, this share wider
DOT_RADIUS = 0.06  # the points, each a few pixels across at 480p (as large as the input plane's)


def view_rotation(theta, phi=PHI):
    """The turn HiddenInset gives its axes: scene vector = R @ hidden vector (one scale)."""
    return rotation_matrix(-phi, RIGHT) @ rotation_matrix(-(theta + 90 * DEGREES), OUT)


def axes_apart(R):
    """How well the three axes read under the turn R: the shortest of them as drawn, times the
    sine of the smallest angle between two of them on screen (two axes drawn along one line,
    or one seen end on, read as fewer than three)."""
    flat = R[:2, :]
    lengths = np.linalg.norm(flat, axis=0)
    sines = [abs(flat[0, i] * flat[1, j] - flat[1, i] * flat[0, j]) / max(lengths[i] * lengths[j], 1e-9)
             for i, j in ((0, 1), (0, 2), (1, 2))]
    return float(lengths.min() * min(sines))


def edge_on_view(run, ks, size, facing=EDGE_ON, phis=VIEW_PHIS):
    """(theta, phi) of a view of hidden space from which the planes of snapshots `ks` are all
    seen edge-on or nearly (|cos| between the view and each normal at most `facing`), so that
    each class sits visibly on its own side. Of those, the view that, once everything the
    inset draws over the run (reach_points) is scaled to fit `size` (width, height), spreads
    the last snapshot's points widest on screen (so that the arms of the folded cloud sit
    apart), and draws the three axes best (axes_apart: none seen end on or along another). If
    no view sees the planes so, the one that comes nearest."""
    normals = []
    for k in ks:
        n = np.asarray(run.W2[k], dtype=float).reshape(-1)[:3]
        normals.append(n / max(np.linalg.norm(n), 1e-12))
    reach = reach_points(run)
    points = np.asarray(run.hidden_post[ks[-1]], dtype=float)
    best, best_key = (THETA, PHI), None
    for phi in np.radians(phis):
        for theta in np.radians(np.arange(-180, 180, 1.0)):
            R = view_rotation(theta, phi)
            worst = max(abs((R @ n)[2]) for n in normals)
            box = np.ptp((R @ reach.T).T[:, :2], axis=0)
            scale = min(size[0] / max(box[0], 1e-9), size[1] / max(box[1], 1e-9))
            shown = scale * (R @ points.T).T[:, :2]
            spread = np.sqrt(max(np.linalg.det(np.cov(shown.T)), 0.0))
            score = spread * axes_apart(R)
            key = (max(worst, facing), -score)  # first near enough edge-on, then the best drawn
            if best_key is None or key < best_key:
                best, best_key = (float(theta), float(phi)), key
    return best


def plane_extent(points, margin=PLANE_MARGIN):
    """The box the plane is drawn in at a snapshot: from 0 to a little past its points' largest
    coordinate along each axis (they are ReLU outputs, so >= 0), so that the plane is seen
    where the points are, between them, and not out in the empty corners of hidden space."""
    hi = np.asarray(points, dtype=float).reshape(-1, 3).max(axis=0)
    return tuple((0.0, float(h * (1 + margin))) for h in np.maximum(hi, 0.5))


def plane_section(W2, points):
    """Corners (K, 3) of the plane W2[:3]·h + W2[3] = 0 inside plane_extent(points)."""
    w = np.asarray(W2, dtype=float).reshape(-1)
    return np.asarray(box_plane_section(w[:3], w[3], plane_extent(points)), dtype=float).reshape(-1, 3)


def reach_points(run):
    """Hidden coordinates whose convex hull holds everything HiddenInset draws over the whole
    run: the axes, the points of every snapshot and the plane of every snapshot (its corners)."""
    from scipy.spatial import ConvexHull

    extent = post_extent(run)
    marks = [np.array([[0, 0, 0], [extent[0][1], 0, 0], [0, extent[1][1], 0], [0, 0, extent[2][1]]], float),
             np.asarray(run.hidden_post, dtype=float).reshape(-1, 3)]
    marks += [plane_section(run.W2[k], run.hidden_post[k]) for k in range(run.n_snapshots)]
    marks = np.vstack(marks)
    return marks[ConvexHull(marks).vertices]


def polygon_area(corners):
    """Area of a polygon given by its corners in order, (N, 2)."""
    corners = np.asarray(corners, dtype=float).reshape(-1, 2)
    if len(corners) < 3:
        return 0.0
    x, y = corners[:, 0], corners[:, 1]
    return float(0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))


def convex_hull(points):
    """The corners of the convex hull of 2-D points (N, 2), counter-clockwise (monotone chain)."""
    pts = sorted(set(map(tuple, np.round(np.asarray(points, dtype=float)[:, :2], 9))))
    if len(pts) < 3:
        return np.array(pts)

    def half(seq):
        out = []
        for p in seq:
            while len(out) >= 2 and ((out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                                     - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])) <= 0:
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(reversed(pts))
    return np.array(lower[:-1] + upper[:-1])


def post_extent(run, margin=0.03, step=0.5):
    """Box of hidden space holding hidden_post (ReLU outputs, so >= 0) of every snapshot, each
    side rounded up to a half: tight, so that the points fill the box they are drawn in."""
    hi = np.asarray(run.hidden_post).reshape(-1, 3).max(axis=0)
    return tuple((0.0, float(math.ceil(h * (1 + margin) / step - 1e-9) * step)) for h in np.maximum(hi, 1.0))


class HiddenInset(SnapshotView, VGroup):
    """Data in hidden space at snapshot k, x(2) = ReLU(z(1)), with the plane where z(2) = 0
    (ŷ = 1/2): three bare axes (no ticks, no box), the points, and the plane as a light sheet
    with a bold white outline, drawn over the box of the points (plane_extent). Few marks, so
    that at 480p the plane reads against the two classes of points."""

    def __init__(self, run, k=0, side=3.2, theta=THETA, phi=PHI):
        super().__init__()
        self.run = run
        self.extent = post_extent(run)
        self.axes = hidden_axes(self.extent, side=side)
        for axis in self.axes.get_axes():  # bare lines: ticks only add marks at this size
            axis.remove(axis.ticks)
        self.axes.rotate(-(theta + 90 * DEGREES), axis=OUT, about_point=self.axes.c2p(0, 0, 0))
        self.axes.rotate(-phi, axis=RIGHT, about_point=self.axes.c2p(0, 0, 0))
        self.reach = reach_points(run)
        self.labels = VGroup()
        for name in ("x^{(2)}_1", "x^{(2)}_2", "x^{(2)}_3"):
            label = MathTex(name, font_size=NUMBER_SCALE * style.SMALL, color=style.X_COLOR)
            label.shown_height = label.height
            self.labels.add(label)
        # a dark pad under each label: at its axis's tip it may sit over the plane
        self.label_backs = VGroup(*[BackgroundRectangle(label, fill_opacity=0.8, buff=0.04)
                                    for label in self.labels])
        self.place_labels()
        self.plane = self.plane_at(k)
        self.cloud = DotCloud(self.to_scene(run.hidden_post[k]), run.y, radius=DOT_RADIUS)
        self.add(self.axes, self.plane, self.cloud, self.label_backs, self.labels)
        self.k = k

    def plane_at(self, k):
        plane = separating_plane(self.axes, self.run.W2[k], plane_extent(self.run.hidden_post[k]),
                                 color=style.FOREGROUND, opacity=PLANE_OPACITY, stroke=PLANE_STROKE)
        # round corners: seen nearly edge-on the plane is a sliver, whose sharp (mitred) corners
        # would shoot spikes of its bold outline far past its ends
        plane.joint_type = LineJointType.ROUND
        return plane

    def place_labels(self, gap=0.08):
        """Each axis label at its own size (however the inset is scaled), at its axis's tip, on
        a dark pad: just past the tip along the axis as it is drawn, or beside the tip for an
        axis drawn upward."""
        origin = self.axes.c2p(0, 0, 0)
        ends = (self.axes.x_axis.get_end(), self.axes.y_axis.get_end(), self.axes.z_axis.get_end())
        for label, back, end in zip(self.labels, self.label_backs, ends):
            label.scale_to_fit_height(label.shown_height)
            d = end - origin
            d[2] = 0
            d = d / max(np.linalg.norm(d), 1e-9)
            if abs(d[1]) > 0.85:  # an axis drawn upward: its label beside its tip, where it adds no height
                side = RIGHT if d[0] >= 0 else LEFT
                label.move_to(end + (0.5 * label.width + gap) * side + 0.3 * label.height * np.sign(d[1]) * UP)
            else:  # far enough along the axis that the label's box clears the axis's tip
                reach = 0.5 * abs(d[0]) * label.width + 0.5 * abs(d[1]) * label.height + gap
                label.move_to(end + reach * d)
            back.stretch_to_fit_width(label.width + 0.08).stretch_to_fit_height(label.height + 0.08)
            back.move_to(label)
        return self

    def show_snapshot(self, k):
        if k == self.k:
            return self
        self.cloud.set_centres(self.to_scene(self.run.hidden_post[k]))
        fresh = self.plane_at(k)
        self.plane.become(fresh)
        self.plane.joint_type = fresh.joint_type
        self.plane.normal, self.plane.offset = fresh.normal, fresh.offset
        self.plane.vertices_hidden = fresh.vertices_hidden
        self.k = k
        return self

    def to_scene(self, coords):
        """Scene points of hidden coordinates (N, 3), through the (turned) axes."""
        return np.asarray(self.axes.c2p(*np.asarray(coords, dtype=float).T)).T

    def drawn_hull(self):
        """Corners on screen, in order, of the convex hull of all the inset draws over the run
        (axes, points and planes of every snapshot), without the axis labels."""
        return convex_hull(self.to_scene(self.reach)[:, :2])

    def reach_box(self):
        """(left, right, bottom, top) of all the inset draws over the run, labels included."""
        hull = self.drawn_hull()
        x0, y0 = hull.min(axis=0)
        x1, y1 = hull.max(axis=0)
        for label in self.label_backs:
            x0, x1 = min(x0, label.get_left()[0]), max(x1, label.get_right()[0])
            y0, y1 = min(y0, label.get_bottom()[1]), max(y1, label.get_top()[1])
        return float(x0), float(x1), float(y0), float(y1)

    def reaches_into(self, mob, gap=0.1):
        """Whether anything the inset draws over the run (the hull of it on screen) or an axis
        label comes within `gap` of mob's bounding box."""
        x0, x1 = mob.get_left()[0] - gap, mob.get_right()[0] + gap
        y0, y1 = mob.get_bottom()[1] - gap, mob.get_top()[1] + gap
        for label in self.label_backs:
            if label.get_left()[0] < x1 and label.get_right()[0] > x0 and label.get_bottom()[1] < y1 \
                    and label.get_top()[1] > y0:
                return True
        hull = self.drawn_hull()
        box = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        # convex polygons apart iff some edge of either separates them
        for poly, other in ((hull, np.array(box)), (np.array(box), hull)):
            n = len(poly)
            for i in range(n):
                p, q = poly[i], poly[(i + 1) % n]
                normal = np.array([q[1] - p[1], p[0] - q[0]])
                side = (other - p) @ normal
                inner = (poly - p) @ normal
                if (side > 1e-9).all() and (inner <= 1e-9).all() or (side < -1e-9).all() and (inner >= -1e-9).all():
                    return False
        return True

    def lowest_y(self):
        """The lowest point on screen that the inset's drawing reaches over the run."""
        return float(self.to_scene(self.reach)[:, 1].min())

    def shown_coords(self):
        """The hidden coordinates of the drawn dots, mapped back through the axes."""
        return np.array([self.axes.p2c(c) for c in self.cloud.centres()])


class RunDiagram(SnapshotView, NetworkDiagram):
    """The network diagram with the weights of snapshot k."""

    def __init__(self, run, k=0, **kwargs):
        super().__init__(run.W1[k], run.W2[k], **kwargs)
        self.run, self.k = run, k

    def show_snapshot(self, k):
        if k != self.k:
            self.set_weights(self.run.W1[k], self.run.W2[k])
            self.k = k
        return self


def log_step(steps):
    """x position of a step on the loss curve: log10(step + 1), so step 0 sits at 0."""
    return np.log10(np.asarray(steps, dtype=float) + 1.0)


def log_ticks(lo, hi, most=3):
    """Round values for a log axis from 10**lo to 10**hi: the powers of ten in it if there are
    two, else 1, 2, 5 times them, else every digit times them; at most `most`, spread evenly."""
    for mantissas in ((1,), (1, 2, 5), tuple(range(1, 10))):
        found = [m * 10.0 ** e for e in range(int(math.floor(lo)) - 1, int(math.ceil(hi)) + 1)
                 for m in mantissas if lo - 1e-9 <= math.log10(m * 10.0 ** e) <= hi + 1e-9]
        if len(found) >= 2:
            break
    if len(found) > most:
        found = [found[int(round(i))] for i in np.linspace(0, len(found) - 1, most)]
    return found


# Tick labels of the run's plots: their digits at least 12 px tall at 480p.
TICK_SIZE = 1.3 * NUMBER_SCALE * style.SMALL


class LossCurve(SnapshotView, VGroup):
    """Mean loss of the run against SGD steps, both on log axes, drawn up to snapshot k, with a
    cursor on snapshot k. The loss axis is a log scale so that a late fall (0.02 to 0.01, say)
    is as tall as an early one of the same ratio, not a flat line near zero."""

    def __init__(self, run, k=0, width=10.0, height=1.7):
        super().__init__()
        self.run = run
        x_max = float(log_step(run.steps[-1]))
        loss = np.asarray(run.mean_loss, dtype=float)
        low = float(np.log10(max(loss.min(), 1e-6)))
        high = float(np.log10(max(loss.max(), 1e-6)))
        pad = 0.06 * max(high - low, 0.3)
        # the axis ends at a power of ten below the lowest mean loss, with room to spare, so
        # the curve's tail never runs along the step axis: the plot's y is log10(loss) - lo
        self.lo = float(math.floor(low - pad))
        span = high + pad - self.lo
        self.axes = Axes(
            x_range=[0, x_max, 1], y_range=[0, span, span], x_length=width, y_length=height,
            tips=False, axis_config={"color": style.MUTED, "stroke_width": 2},
        )
        self.ticks = VGroup()
        for e in range(int(math.floor(x_max + 1e-9)) + 1):
            tick = MathTex(f"10^{e}", font_size=TICK_SIZE, color=style.MUTED)
            tick.next_to(self.axes.c2p(log_step(10 ** e - 1), 0), DOWN, buff=0.12)
            self.ticks.add(tick)
        # The step axis is named past its right end, clear of the curve and the ticks.
        self.x_label = note("SGD steps\n(log scale)", font_size=style.SMALL)
        self.x_label.next_to(self.axes.c2p(x_max, 0), RIGHT, buff=0.3)
        self.x_label.shift(max(0.0, self.ticks[-1].get_right()[0] + 0.15 - self.x_label.get_left()[0]) * RIGHT)
        self.tick_values = log_ticks(self.lo, self.lo + span)
        self.y_ticks = VGroup(*[
            MathTex(f"{v:g}", font_size=TICK_SIZE, color=style.MUTED)
            .next_to(self.axes.c2p(0, self.y_of(v)), LEFT, buff=0.12) for v in self.tick_values])
        self.y_marks = VGroup(*[Line(self.axes.c2p(0, self.y_of(v)), self.axes.c2p(0, self.y_of(v)) + 0.1 * RIGHT,
                                     color=style.MUTED, stroke_width=2) for v in self.tick_values])
        # named above its axis, so that it does not read as "L̄ = " the tick beside it
        self.y_label = VGroup(MathTex(r"\bar{\mathcal{L}}", font_size=style.LABEL, color=style.LOSS_COLOR),
                              note("(log scale)", font_size=style.SMALL)).arrange(RIGHT, buff=0.12)
        self.y_label.next_to(self.axes.c2p(0, span), UP, buff=0.1).align_to(self.y_ticks, LEFT)
        # only the part of the run so far is drawn: the curve ahead is the future
        self.done = VMobject(stroke_color=style.LOSS_COLOR, stroke_width=4)
        self.cursor = Dot(radius=0.07, color=style.LOSS_COLOR)
        # The mean loss printed as well, to the digits the words give it.
        self.value = LiveNumber(float(np.max(run.mean_loss)), num_decimal_places=4,
                                font_size=NUMBER_SCALE * style.SMALL, color=style.LOSS_COLOR)
        self.readout = VGroup(MathTex(r"\bar{\mathcal{L}} =", font_size=NUMBER_SCALE * style.SMALL,
                                      color=style.LOSS_COLOR), self.value).arrange(RIGHT, buff=0.1)
        self.add(self.axes, self.y_marks, self.ticks, self.y_ticks, self.x_label, self.y_label, self.done,
                 self.cursor, self.readout)
        self.k = None
        self.show_snapshot(k)

    def y_of(self, loss):
        """The plot's y of a mean loss: log10(loss) above the axis's lower end."""
        return float(np.log10(max(float(loss), 1e-12))) - self.lo

    def place_readout(self, gap=0.1):
        """Beside the cursor, on its right, where the curve is not drawn yet (it runs up and to
        the left of the cursor): below it while there is room above the step axis, else above
        it; at the plot's right end it slides left and rises clear of the curve under it."""
        dot = self.cursor.get_center()
        floor = self.axes.c2p(0, 0)[1]
        self.readout.next_to(dot, DOWN + RIGHT, buff=gap)
        if self.readout.get_bottom()[1] < floor + 0.05:
            self.readout.next_to(dot, UP + RIGHT, buff=gap)
        end = self.axes.x_axis.get_end()[0]
        if self.readout.get_right()[0] > end:
            self.readout.shift((end - self.readout.get_right()[0]) * RIGHT)
            left, right = self.readout.get_left()[0] - 0.1, self.readout.get_right()[0] + 0.1
            drawn = self.curve_points(self.k + 1 if self.k is not None else None)
            under = [p[1] for p in drawn if left <= p[0] <= right]
            if under:
                self.readout.shift(max(0.0, max(under) + gap - self.readout.get_bottom()[1]) * UP)

    def curve_points(self, count=None):
        """Scene points of the first `count` snapshots, through the axes where they are now."""
        run = self.run
        return [self.axes.c2p(x, self.y_of(y)) for x, y in
                zip(log_step(run.steps[:count]), run.mean_loss[:count])]

    def show_snapshot(self, k):
        if k == self.k:
            return self
        pts = self.curve_points(k + 1)
        self.done.set_points_as_corners(pts if len(pts) > 1 else [pts[0], pts[0]])
        self.cursor.move_to(pts[-1])
        self.value.set_value(float(self.run.mean_loss[k]))
        self.k = k
        self.place_readout()  # with the cursor, clear of the curve drawn so far
        return self

    def mark(self, k, text, gap=0.08):
        """A dot on the curve at snapshot k, labelled with `text` (its loss as the words give it)
        and the epoch: left of the dot and no higher than it, where a falling curve leaves room
        (the curve before k runs above it), or above and right of it if that would reach under
        the step axis."""
        dot = Dot(self.curve_points(k + 1)[-1], radius=0.06, color=style.FOREGROUND)
        label = VGroup(note(f"epoch {self.run.epochs[k]:.0f}:", font_size=style.SMALL),
                       MathTex(text, font_size=NUMBER_SCALE * style.SMALL, color=style.LOSS_COLOR))
        label.arrange(RIGHT, buff=0.1)
        on_baseline(label[1], label[0])
        label.next_to(dot, LEFT, buff=gap).align_to(dot.get_center() + 0.02 * DOWN, UP)
        if label.get_bottom()[1] < self.axes.c2p(0, 0)[1] + 0.03:
            label.next_to(dot, UP + RIGHT, buff=gap)
        mark = VGroup(dot, label)
        mark.dot, mark.label, mark.number = dot, label, label[1]
        return mark

    def cursor_value(self):
        """(step, mean loss) at the cursor, mapped back through the axes."""
        x, y = self.axes.p2c(self.cursor.get_center())
        return 10 ** x - 1, 10 ** (y + self.lo)


class AccuracyStrip(SnapshotView, VGroup):
    """Accuracy from snapshot a to b against steps, on an axis that spans just the lowest and
    the highest accuracy of that stretch, both printed: the range the words give is read off
    it. Drawn up to snapshot k (nothing before a), with a cursor on k."""

    def __init__(self, run, a, b, k=None, width=2.4, height=0.9, heading="accuracy"):
        super().__init__()
        self.run, self.a, self.b = run, a, b
        acc = 100 * np.asarray(run.accuracy[a:b + 1], dtype=float)
        self.low, self.high = float(acc.min()), float(acc.max())
        pad = max(0.08 * (self.high - self.low), 0.25)
        self.bottom = self.low - pad
        span = self.high - self.low + 2 * pad
        steps = np.asarray(run.steps, dtype=float)
        x0, x1 = float(steps[a]), float(max(steps[b], steps[a] + 1))
        self.x0 = x0
        self.axes = Axes(x_range=[0, x1 - x0, x1 - x0], y_range=[0, span, span], x_length=width,
                         y_length=height, tips=False, axis_config={"color": style.MUTED, "stroke_width": 2})
        self.guides = VGroup()
        self.extremes = VGroup()  # the lowest and highest accuracy, as numbers the tests read back
        for value in (self.low, self.high):
            y = value - self.bottom
            self.guides.add(Line(self.axes.c2p(0, y), self.axes.c2p(x1 - x0, y), color=style.MUTED,
                                 stroke_width=1, stroke_opacity=0.6))
            num = LiveNumber(value, num_decimal_places=1, unit=r"\%", font_size=NUMBER_SCALE * style.SMALL,
                             color=style.FOREGROUND)
            num.next_to(self.axes.c2p(0, y), LEFT, buff=0.12)
            self.extremes.add(num)
        if self.extremes[1].get_bottom()[1] < self.extremes[0].get_top()[1] + 0.04:  # too close: spread them
            gap = self.extremes[0].get_top()[1] + 0.04 - self.extremes[1].get_bottom()[1]
            self.extremes[1].shift(gap / 2 * UP)
            self.extremes[0].shift(gap / 2 * DOWN)
        # its ends labelled with their epochs, the axis named between them
        self.x_ends = VGroup(*[
            MathTex(f"{run.epochs[j]:.0f}", font_size=NUMBER_SCALE * style.SMALL, color=style.FOREGROUND)
            .next_to(self.axes.c2p(x, 0), DOWN, buff=0.1) for j, x in ((a, 0.0), (b, x1 - x0))])
        self.x_name = note("epoch", font_size=style.SMALL).move_to(self.axes.c2p((x1 - x0) / 2, 0))
        self.x_name.align_to(self.x_ends, DOWN)
        self.heading = note(heading, font_size=style.SMALL)
        self.heading.next_to(self.axes.c2p(0, span), UP, buff=0.12).align_to(self.extremes, LEFT)
        self.done = VMobject(stroke_color=style.FOREGROUND, stroke_width=3)
        self.cursor = Dot(radius=0.06, color=style.FOREGROUND)
        self.add(self.axes, self.guides, self.extremes, self.x_ends, self.x_name, self.heading, self.done, self.cursor)
        self.k = None
        self.show_snapshot(a if k is None else k)

    def point(self, k):
        return self.axes.c2p(float(self.run.steps[k]) - self.x0, 100 * float(self.run.accuracy[k]) - self.bottom)

    def show_snapshot(self, k):
        if k == self.k:
            return self
        last = int(np.clip(k, self.a, self.b))
        pts = [self.point(j) for j in range(self.a, last + 1)]
        self.done.set_points_as_corners(pts if len(pts) > 1 else [pts[0], pts[0]])
        self.cursor.move_to(pts[-1])
        self.k = k
        return self


class StepMarker(SnapshotView, VGroup):
    """A ring in the input plane on the data point of an SGD step.

    At snapshot k it rings the point of the step that led to k (nothing at step 0). Between
    snapshots k and k + 1 (show_at) it glides to the point of the next step, and arrives as
    the views switch to k + 1: the ring is a pointer, so moving it blends no state of the
    run. Meant for the first steps, where each snapshot is one step."""

    def __init__(self, run, axes, k=0, radius=0.12):
        super().__init__()
        self.run, self.axes = run, axes
        self.ring = Circle(radius=radius, color=style.EMPHASIS, stroke_width=3)
        self.add(self.ring)
        self.show_snapshot(k)

    def sample(self, k):
        """Index into run.X of the point of step steps[k] - 1, or None at step 0."""
        step = int(self.run.steps[k])
        return int(self.run.order[step - 1]) if step > 0 else None

    def show_snapshot(self, k):
        return self.show_at(float(k))

    def show_at(self, t):
        k = snapshot_at(t, self.run.n_snapshots)
        last = self.run.n_snapshots - 1
        start, end = self.sample(k), self.sample(min(k + 1, last))
        frac = 0.0 if k == last else smooth(float(np.clip(t - k, 0.0, 1.0)))
        if start is None:  # step 0: the ring fades in on the first step's point
            self.ring.set_stroke(opacity=frac)
            self.ring.move_to(self.axes.c2p(*self.run.X[end]))
            return self
        a, b = self.run.X[start], self.run.X[end]
        self.ring.set_stroke(opacity=1)
        self.ring.move_to(self.axes.c2p(*(a + frac * (b - a))))
        return self


class Counter(SnapshotView, VGroup):
    """step, epoch and accuracy of snapshot k, as numbers the tests read back. They change
    on every frame of the run, so they are LiveNumbers."""

    def __init__(self, run, k=0, font_size=style.LABEL):
        super().__init__()
        self.run = run
        big = NUMBER_SCALE * font_size
        # Laid out with the widest values (last step, 100 %), so changing digits never
        # push into the next label; a LiveNumber keeps its left edge as its digits change.
        shown = dict(font_size=big, color=style.FOREGROUND)
        self.step = LiveNumber(run.steps[-1], num_decimal_places=0, **shown)
        self.epoch = LiveNumber(run.epochs[-1], num_decimal_places=1, **shown)
        self.accuracy = LiveNumber(100.0, num_decimal_places=1, unit=r"\%", **shown)
        parts = []
        for name, num in (("step", self.step), ("epoch", self.epoch),
                          ("accuracy", self.accuracy)):
            parts.append(VGroup(note(name, font_size=font_size), num).arrange(RIGHT, buff=0.15))
        self.add(*parts)
        self.arrange(RIGHT, buff=0.5)
        for p in parts:
            on_baseline(p[1], p[0])
        self.k = None
        self.show_snapshot(k)

    def show_snapshot(self, k):
        if k == self.k:
            return self
        self.step.set_value(self.run.steps[k])
        self.epoch.set_value(self.run.epochs[k])
        self.accuracy.set_value(100 * self.run.accuracy[k])
        self.k = k
        return self


def probe_path(run, k=0):
    """Two input points (x1, x2) for a probe of snapshot k's map: from the grid point deepest
    inside its orange side to the one deepest inside its blue side (farthest from any cell of
    the other colour and from the map's edge), so the probe crosses ŷ = 1/2 if the map has both colours, and each end
    has room round it for the readout, clear of the boundary. A map of one colour: from its
    least sure grid point to its surest."""
    from scipy.ndimage import distance_transform_edt

    yhat = np.asarray(run.grid_yhat[k])
    gx1, gx2 = np.meshgrid(run.grid_x1, run.grid_x2)
    blue = yhat > 0.5
    ends = []
    for side, surest in ((~blue, np.argmin), (blue, np.argmax)):
        if side.any() and (~side).any():
            depth = distance_transform_edt(np.pad(side, 1))[1:-1, 1:-1]  # the map's edge counts as the other side
            # the deepest cells, and of those the surest
            deepest = np.flatnonzero(depth.ravel() >= depth.max() - 1e-9)
            score = yhat.ravel()[deepest] if surest is np.argmax else -yhat.ravel()[deepest]
            ends.append(np.unravel_index(deepest[np.argmax(score)], yhat.shape))
        else:
            ends.append(np.unravel_index(surest(yhat), yhat.shape))
    lo, hi = ends
    return (np.array([gx1[lo], gx2[lo]]), np.array([gx1[hi], gx2[hi]]))


class Probe(VGroup):
    """A crosshair that travels over the input plane with the net's ŷ at its centre, computed
    by toynet_core.forward for snapshot k: it shows what the map's colours mean. A crosshair,
    not a ring: rings mark data points (the step's sample, the points still wrong). show_at(t)
    puts it at share t of its path (and fades it in over the first tenth); its readout keeps
    off the points and off `avoid` (the boundary)."""

    def __init__(self, run, axes, k=0, radius=0.15, avoid=None):
        super().__init__()
        from toynet_core import forward

        self._forward = forward
        self.run, self.axes, self.k, self.avoid = run, axes, k, avoid
        self.start, self.end = probe_path(run, k)
        # four arms round an open centre, so the map's colour under it stays visible
        gap = 0.35 * radius
        self.mark = VGroup(*[Line(gap * d, radius * d, color=style.EMPHASIS, stroke_width=3)
                             for d in (UP, DOWN, LEFT, RIGHT)])
        self.name = MathTex(r"\hat{y} =", font_size=NUMBER_SCALE * style.SMALL, color=style.YHAT_COLOR)
        self.value = LiveNumber(0.0, num_decimal_places=2, font_size=NUMBER_SCALE * style.SMALL,
                                color=style.FOREGROUND)
        self.readout = VGroup(self.name, self.value).arrange(RIGHT, buff=0.1)
        self.back = BackgroundRectangle(self.readout, fill_opacity=0.85, buff=0.06)
        self.add(self.mark, self.back, self.readout)
        self.show_at(0.0)

    def point(self, t):
        return self.start + float(np.clip(t, 0, 1)) * (self.end - self.start)

    def yhat_at(self, t):
        W1, W2 = self.run.W1[self.k], self.run.W2[self.k]
        return float(self._forward(W1, W2, self.point(t)[None, :]).y_hat[0])

    def clear_side(self, toward):
        """Of the eight sides of the crosshair (its four diagonals first, `toward`, the side
        toward the middle of the plane, first of all), the first where the readout stays on the
        map, off the boundary, off the axis lines and over the fewest data points, so it never
        hides the line or a cluster the colours are read against."""
        axes = self.axes
        origin = np.asarray(axes.c2p(0, 0))
        basis = np.array([np.asarray(axes.c2p(1, 0)) - origin, np.asarray(axes.c2p(0, 1)) - origin])
        dots = origin + np.asarray(self.run.X, dtype=float) @ basis
        # the map's rectangle on screen: a readout past its edge would cover the axis numbers
        g0, g1, h0, h1 = self.run.grid_extent
        (left, bottom, _), (right, top, _) = axes.c2p(g0, h0), axes.c2p(g1, h1)
        line = np.asarray(self.avoid.points, dtype=float) if self.avoid is not None else np.zeros((0, 3))
        best, fewest = toward, None
        straight = (toward * [1, 0, 0], toward * [0, 1, 0], toward * [-1, 0, 0], toward * [0, -1, 0])
        for side in (toward, toward * [-1, 1, 0], toward * [1, -1, 0], -toward, *straight):
            self.readout.next_to(self.mark, side, buff=0.04)
            (x0, y0, _), (x1, y1, _) = self.readout.get_corner(DL), self.readout.get_corner(UR)
            m = 0.1  # a margin round the readout's backing

            def inside(pts):
                return int(np.sum((pts[:, 0] > x0 - m) & (pts[:, 0] < x1 + m)
                                  & (pts[:, 1] > y0 - m) & (pts[:, 1] < y1 + m)))

            outside = x0 < left or x1 > right or y0 < bottom or y1 > top
            # an axis line through the readout reads as a stroke through its digits
            crossed = x0 - m < origin[0] < x1 + m or y0 - m < origin[1] < y1 + m
            key = (outside, inside(line) > 0, crossed, inside(dots))
            if fewest is None or key < fewest:
                best, fewest = side, key
        return best

    def show_at(self, t):
        self.mark.move_to(self.axes.c2p(*self.point(t)))
        self.value.set_value(self.yhat_at(t))
        # The readout sits on the side of the ring toward the middle of the plane.
        x0, x1, y0, y1 = self.run.grid_extent
        p = self.point(t)
        toward = np.array([1.0 if p[0] < 0.5 * (x0 + x1) else -1.0,
                           1.0 if p[1] < 0.5 * (y0 + y1) else -1.0, 0.0])
        self.readout.next_to(self.mark, self.clear_side(toward), buff=0.04)
        self.back.move_to(self.readout)
        opacity = float(np.clip(t / 0.1, 0, 1))
        self.mark.set_stroke(opacity=opacity)
        self.back.set_fill(opacity=0.85 * opacity)
        self.readout.set_opacity(opacity)
        if self.z_index:  # the readout's new digits drawn at the probe's depth, over the dots
            self.set_z_index(self.z_index)
        return self


def colour_bar(font_size=style.LABEL, width=1.6, height=0.2, cells=25, tick_size=None):
    """The map's colour scale as a bar from ŷ = 0 (left) to 1 (right), in the map's own
    colours (class_rgb): orange, darkest where unsure at 1/2, then blue; 0, 1/2 and 1 under it."""
    values = (np.arange(cells) + 0.5) / cells
    rgb = class_rgb(values)
    bar = VGroup(*[Rectangle(width=width / cells, height=height, stroke_width=0, fill_opacity=1,
                             fill_color="#%02X%02X%02X" % tuple(c)) for c in rgb]).arrange(RIGHT, buff=0)
    # ½ as everywhere in the scene (the boundary's key, the sides' key), at the tick size
    half = r"\tfrac{1}{2}"
    tick_size = NUMBER_SCALE * font_size if tick_size is None else tick_size
    ticks = VGroup(*[MathTex(t, font_size=tick_size, color=style.FOREGROUND)
                     .next_to(bar.get_corner(DOWN + LEFT) + f * width * RIGHT, DOWN, buff=0.08)
                     for t, f in (("0", 0.0), (half, 0.5), ("1", 1.0))])
    name = MathTex(r"\hat{y}", font_size=NUMBER_SCALE * font_size, color=style.FOREGROUND)
    name.next_to(bar, LEFT, buff=0.15)
    return VGroup(name, bar, ticks)


def map_legend(font_size=style.LABEL):
    """Key of the decision map's colours: ŷ on the map's continuous scale (orange below 1/2,
    blue above, darker where the net is unsure), the white boundary where ŷ = 1/2, the dots'
    colours."""
    line = Line(0.1 * LEFT, 0.1 * RIGHT, color=style.FOREGROUND, stroke_width=4)
    boundary = VGroup(line, MathTex(r"\hat{y} = \tfrac{1}{2}", font_size=NUMBER_SCALE * font_size,
                                    color=style.FOREGROUND)).arrange(RIGHT, buff=0.12)
    points = VGroup(Dot(radius=0.06, color=style.CLASS_1), Dot(radius=0.06, color=style.CLASS_0))
    points.arrange(RIGHT, buff=0.06)
    dots = VGroup(points, note("dots: label y", font_size=font_size)).arrange(RIGHT, buff=0.12)
    items = VGroup(colour_bar(font_size, tick_size=max(TICK_SIZE, NUMBER_SCALE * font_size)), boundary, dots)
    return items.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
