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

# A fixed oblique view of hidden space (h1 toward the viewer, h2 to the right, h3 up): the
# axes are turned instead of a camera, so no ThreeDScene has to re-project every frame.
PHI, THETA = 68 * DEGREES, 30 * DEGREES
EDGE_ON = 0.2  # |cos| of the angle between the view and a plane's normal seen nearly edge-on
SIDE_OPACITY = 0.3  # the tint of each side of the plane (in the map's colour of that side, as its key)
PLANE_OPACITY = 0.08  # the plane ŷ = 1/2 itself: white like the map's boundary, nearly clear


def view_rotation(theta, phi=PHI):
    """The turn HiddenInset gives its axes: scene vector = R @ hidden vector (one scale)."""
    return rotation_matrix(-phi, RIGHT) @ rotation_matrix(-(theta + 90 * DEGREES), OUT)


def edge_on_theta(W2, phi=PHI, near=THETA, facing=EDGE_ON):
    """The azimuth nearest `near` from which the plane W2[0,:3]·h + W2[0,3] = 0 is seen
    nearly edge-on (|cos| = `facing` between the view and its normal), so the two sides of the
    plane, and the points on each, sit apart on screen. `near` if no azimuth does."""
    n = np.asarray(W2, dtype=float).reshape(-1)[:3]
    n = n / np.linalg.norm(n)
    thetas = near + np.radians(np.arange(-180, 180.5, 0.5))
    depth = np.array([abs((view_rotation(t, phi) @ n)[2]) for t in thetas])
    ok = np.flatnonzero(np.abs(depth - facing) < 0.01)
    if not len(ok):
        return near
    return float(thetas[ok[np.argmin(np.abs(thetas[ok] - near))]])


def spread_edge_on_theta(run, k, phi=PHI, facing=EDGE_ON):
    """Of the azimuths from which the plane of snapshot k is seen nearly edge-on (as
    edge_on_theta), the one from which its points spread widest on screen, for the box of
    hidden space they are drawn in (the area of their spread over the box's on-screen extent),
    weighed by the shortest of the three axes as drawn (so that no axis, and no arm of points
    along it, is seen end on): the arms of the folded cloud then sit apart, not behind one
    another."""
    n = np.asarray(run.W2[k], dtype=float).reshape(-1)[:3]
    n = n / np.linalg.norm(n)
    extent = post_extent(run)
    corners = np.array([[a, b, c] for a in extent[0] for b in extent[1] for c in extent[2]])
    points = np.asarray(run.hidden_post[k], dtype=float)
    best, best_score = THETA, -1.0
    for theta in np.radians(np.arange(-180, 180, 0.5)):
        R = view_rotation(theta, phi)
        if abs(abs((R @ n)[2]) - facing) >= 0.01:
            continue
        shown, box = (R @ points.T).T[:, :2], (R @ corners.T).T[:, :2]
        score = (np.sqrt(max(np.linalg.det(np.cov(shown.T)), 0.0)) / max(np.prod(np.ptp(box, axis=0)), 1e-9)
                 * np.linalg.norm(R[:2, :], axis=0).min())
        if score > best_score:
            best, best_score = float(theta), score
    return best


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


def boxes_hull(mob, hull, margin=0.0):
    """True if the bounding box of `mob` (grown by margin) overlaps the convex polygon `hull`
    (counter-clockwise corners, (N, 2)): separating axes of the box and of the hull's edges."""
    (x0, y0, _), (x1, y1, _) = mob.get_corner(DL), mob.get_corner(UR)
    box = np.array([[x0 - margin, y0 - margin], [x1 + margin, y0 - margin],
                    [x1 + margin, y1 + margin], [x0 - margin, y1 + margin]])
    hull = np.asarray(hull, dtype=float)
    if len(hull) < 3:
        return False
    axes = [np.array([1.0, 0.0]), np.array([0.0, 1.0])]
    for a, b in zip(hull, np.roll(hull, -1, axis=0)):
        axes.append(np.array([a[1] - b[1], b[0] - a[0]]))
    for n in axes:
        p, q = box @ n, hull @ n
        if p.max() < q.min() or q.max() < p.min():
            return False
    return True


def post_extent(run, margin=0.08):
    """Box of hidden space holding hidden_post (ReLU outputs, so >= 0) of every snapshot."""
    hi = np.asarray(run.hidden_post).reshape(-1, 3).max(axis=0)
    return tuple((0.0, float(math.ceil(h * (1 + margin) + 1e-9))) for h in np.maximum(hi, 1.0))


class HiddenInset(SnapshotView, VGroup):
    """Data in hidden space at snapshot k, x(2) = ReLU(z(1)), with the plane where z(2) = 0
    (ŷ = 1/2)."""

    def __init__(self, run, k=0, side=3.2, theta=THETA):
        super().__init__()
        self.run = run
        self.extent = post_extent(run)
        self.axes = hidden_axes(self.extent, side=side)
        self.axes.rotate(-(theta + 90 * DEGREES), axis=OUT, about_point=self.axes.c2p(0, 0, 0))
        self.axes.rotate(-PHI, axis=RIGHT, about_point=self.axes.c2p(0, 0, 0))
        self.labels = VGroup()
        origin = self.axes.c2p(0, 0, 0)
        for name, end in zip(("x^{(2)}_1", "x^{(2)}_2", "x^{(2)}_3"), (self.axes.x_axis.get_end(),
                                                     self.axes.y_axis.get_end(),
                                                     self.axes.z_axis.get_end())):
            d = end - origin
            d[2] = 0
            label = MathTex(name, font_size=NUMBER_SCALE * style.SMALL, color=style.X_COLOR)
            label.axis_end, label.shown_height = end, label.height
            self.labels.add(label)
        self.place_labels()
        self.plane = separating_plane(self.axes, run.W2[k], self.extent, color=style.FOREGROUND, opacity=PLANE_OPACITY)
        # each side of the plane inside the box, tinted like the map: blue where ŷ > 1/2
        self.sides = VGroup(*[VMobject(stroke_width=0, fill_color=c, fill_opacity=SIDE_OPACITY)
                              for c in (style.CLASS_1, style.CLASS_0)])
        self.shade_sides(run.W2[k])
        self.cloud = DotCloud(self.to_scene(run.hidden_post[k]), run.y, radius=0.035)
        self.add(self.axes, self.sides, self.plane, self.cloud, self.labels)
        self.k = k

    def place_labels(self, gap=0.12):
        """Each axis label at its own size (however the inset is scaled), past its axis's end
        along the axis as it is drawn, and on out until it is clear of the box of hidden space
        as drawn, so that neither the plane nor a tinted side ever lies under it."""
        origin = self.axes.c2p(0, 0, 0)
        ends = (self.axes.x_axis.get_end(), self.axes.y_axis.get_end(), self.axes.z_axis.get_end())
        corners = np.array([[a, b, c] for a in self.extent[0] for b in self.extent[1] for c in self.extent[2]])
        hull = convex_hull(self.to_scene(corners))
        for label, end in zip(self.labels, ends):
            label.scale_to_fit_height(label.shown_height)
            d = end - origin
            d[2] = 0
            d = d / max(np.linalg.norm(d), 1e-9)
            # far enough along the axis that the label's box clears the axis's end
            reach = 0.5 * abs(d[0]) * label.width + 0.5 * abs(d[1]) * label.height + gap
            label.move_to(end + reach * d)
            for _ in range(40):
                if not boxes_hull(label, hull, gap / 2):
                    break
                label.shift(0.05 * d)
        return self

    def shade_sides(self, W2):
        """The box of hidden space cut by the plane into its two sides, each drawn as the
        outline of its picture on screen (the convex hull of its corners)."""
        w = np.asarray(W2, dtype=float).reshape(-1)
        corners = np.array([[a, b, c] for a in self.extent[0] for b in self.extent[1] for c in self.extent[2]])
        value = corners @ w[:3] + w[3]
        cut = np.asarray(self.plane.vertices_hidden, dtype=float).reshape(-1, 3)
        for side, sign in zip(self.sides, (1, -1)):
            part = np.vstack([corners[sign * value > 0], cut])
            hull = convex_hull(self.to_scene(part)) if len(part) >= 3 else np.zeros((0, 2))
            if len(hull) < 3:
                side.clear_points()
                continue
            side.set_points_as_corners([[x, y, 0.0] for x, y in [*hull, hull[0]]])

    def show_snapshot(self, k):
        if k == self.k:
            return self
        self.cloud.set_centres(self.to_scene(self.run.hidden_post[k]))
        fresh = separating_plane(self.axes, self.run.W2[k], self.extent, color=style.FOREGROUND, opacity=PLANE_OPACITY)
        self.plane.become(fresh)
        self.plane.normal, self.plane.offset = fresh.normal, fresh.offset
        self.plane.vertices_hidden = fresh.vertices_hidden
        self.shade_sides(self.run.W2[k])
        self.k = k
        return self

    def to_scene(self, coords):
        """Scene points of hidden coordinates (N, 3), through the (turned) axes."""
        return np.asarray(self.axes.c2p(*np.asarray(coords, dtype=float).T)).T

    def lowest_y(self):
        """The lowest point on screen that the plane can reach: the lowest corner of the box
        of hidden space it is clipped to."""
        corners = np.array([[a, b, c] for a in self.extent[0] for b in self.extent[1] for c in self.extent[2]])
        return float(self.to_scene(corners)[:, 1].min())

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


class LossCurve(SnapshotView, VGroup):
    """Mean loss of the run against SGD steps (log axis), drawn up to snapshot k, with a
    cursor on snapshot k."""

    def __init__(self, run, k=0, width=10.0, height=1.7):
        super().__init__()
        self.run = run
        x_max = float(log_step(run.steps[-1]))
        y_max = float(np.max(run.mean_loss)) * 1.1
        self.axes = Axes(
            x_range=[0, x_max, 1], y_range=[0, y_max, y_max], x_length=width, y_length=height,
            tips=False, axis_config={"color": style.MUTED, "stroke_width": 2},
        )
        self.ticks = VGroup()
        for e in range(int(math.floor(x_max + 1e-9)) + 1):
            tick = MathTex(f"10^{e}", font_size=style.SMALL, color=style.MUTED)
            tick.next_to(self.axes.c2p(log_step(10 ** e - 1), 0), DOWN, buff=0.12)
            self.ticks.add(tick)
        # The step axis is named past its right end, clear of the curve and the ticks.
        self.x_label = note("SGD steps\n(log scale)", font_size=style.SMALL)
        self.x_label.next_to(self.axes.c2p(x_max, 0), RIGHT, buff=0.3)
        top = float(f"{y_max / 1.1:.1g}")  # a round loss under the curve's highest point
        self.y_ticks = VGroup(*[
            MathTex(f"{v:g}", font_size=style.SMALL, color=style.MUTED)
            .next_to(self.axes.c2p(0, v), LEFT, buff=0.12) for v in (0.0, top)])
        self.y_label = MathTex(r"\bar{\mathcal{L}}", font_size=style.LABEL,
                               color=style.LOSS_COLOR)
        self.y_label.next_to(self.y_ticks, LEFT, buff=0.15)
        # only the part of the run so far is drawn: the curve ahead is the future
        self.done = VMobject(stroke_color=style.LOSS_COLOR, stroke_width=4)
        self.cursor = Dot(radius=0.07, color=style.LOSS_COLOR)
        # The mean loss printed: its fall late in the run is too small to see on the axis.
        self.value = LiveNumber(float(np.max(run.mean_loss)), num_decimal_places=4,
                                font_size=NUMBER_SCALE * style.SMALL, color=style.LOSS_COLOR)
        self.readout = VGroup(MathTex(r"\bar{\mathcal{L}} =", font_size=NUMBER_SCALE * style.SMALL,
                                      color=style.LOSS_COLOR), self.value).arrange(RIGHT, buff=0.1)
        self.place_readout()
        self.add(self.axes, self.ticks, self.y_ticks, self.x_label, self.y_label, self.done,
                 self.cursor, self.readout)
        self.k = None
        self.show_snapshot(k)

    def place_readout(self, gap=0.12):
        """At the right end of the plot, just above the highest point of the curve under it."""
        self.readout.align_to(self.axes.x_axis.get_end(), RIGHT)
        left, right = self.readout.get_left()[0], self.readout.get_right()[0]
        under = [p[1] for p in self.curve_points() if left - 0.1 <= p[0] <= right + 0.1]
        floor = max(under) if under else self.axes.c2p(0, 0)[1]
        self.readout.shift((floor + gap - self.readout.get_bottom()[1]) * UP)

    def curve_points(self, count=None):
        """Scene points of the first `count` snapshots, through the axes where they are now."""
        run = self.run
        return [self.axes.c2p(x, y) for x, y in
                zip(log_step(run.steps[:count]), run.mean_loss[:count])]

    def show_snapshot(self, k):
        if k == self.k:
            return self
        pts = self.curve_points(k + 1)
        self.done.set_points_as_corners(pts if len(pts) > 1 else [pts[0], pts[0]])
        self.cursor.move_to(pts[-1])
        self.value.set_value(float(self.run.mean_loss[k]))
        self.k = k
        return self

    def cursor_value(self):
        """(step, mean loss) at the cursor, mapped back through the axes."""
        x, y = self.axes.p2c(self.cursor.get_center())
        return 10 ** x - 1, y


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
        return self


def colour_bar(font_size=style.LABEL, width=1.6, height=0.2, cells=25):
    """The map's colour scale as a bar from ŷ = 0 (left) to 1 (right), in the map's own
    colours (class_rgb): orange, darkest where unsure at 1/2, then blue; 0, 1/2 and 1 under it."""
    values = (np.arange(cells) + 0.5) / cells
    rgb = class_rgb(values)
    bar = VGroup(*[Rectangle(width=width / cells, height=height, stroke_width=0, fill_opacity=1,
                             fill_color="#%02X%02X%02X" % tuple(c)) for c in rgb]).arrange(RIGHT, buff=0)
    ticks = VGroup(*[MathTex(t, font_size=NUMBER_SCALE * font_size, color=style.FOREGROUND)
                     .next_to(bar.get_corner(DOWN + LEFT) + f * width * RIGHT, DOWN, buff=0.08)
                     for t, f in (("0", 0.0), (r"\tfrac{1}{2}", 0.5), ("1", 1.0))])
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
    items = VGroup(colour_bar(font_size), boundary, dots)
    return items.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
