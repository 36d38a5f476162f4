"""The lift: the trained W⁽¹⁾ carries the inputs x̃ = (x₁, x₂, 1) into a space of three hidden
coordinates, and they stay flat.

x̃ already lives in R³, on the sheet where its third entry is 1; the first three entries of
z⁽¹⁾ = W⁽¹⁾x̃ are a linear image of that sheet: a plane parallel to the span of W⁽¹⁾'s first
two columns, through its third column (the bias), at a distance from the origin that the scene
computes. Why lift at all: three coordinates give room to pull the classes apart, but a matrix
cannot add a dimension (NoNewDimensions), so the fold of ReLU, next, has to use that room.
All positions come from the run; the geometry is toynet_core.geometry's.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Line,
    Polygon,
    Rectangle,
    ThreeDScene,
    interpolate_color,
    rush_from,
    linear,
    smooth,
    ReplacementTransform,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)

from manim.utils.rate_functions import ease_out_sine

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.spoken import NUMBER_WORDS
from scenes.style import (EDGE_BUFF, FOREGROUND, HEADING, LABEL, MUTED, X1_DIRECTION, X2_DIRECTION,
                          X_COLOR, Z_COLOR)
from scenes.widgets import hidden_view as hv
from scenes.widgets.drift import camera_to, drift
from scenes.widgets.matrices import value_matrix
from scenes.widgets.text import note, plain_tex, tex, title
from scenes.widgets.three_d import START_VIEW, fix_in_frame
from scenes.widgets.tracer import ranks, through, tracer, wave
from toynet_core import geometry
from toynet_core.model import augment

HIDDEN_NAMES = (r"z^{(1)}_1", r"z^{(1)}_2", r"z^{(1)}_3")
XOR_CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])  # around the square
XOR_LABELS = (0, 1, 0, 1)
# Where the subject may be drawn (frame coordinates): clear of the title and formula at the top
# left, and of the subtitle band (bottom 12 %).
SUBJECT = (-6.3, 6.3, -2.6, 2.25)
# While W⁽¹⁾'s columns are drawn (cues 5 and 6), W⁽¹⁾ and the plane's distance stand in a
# column at the left, under the title's row, and the picture has the rest: right of that
# column, from under the title down to the subtitle band.
COLUMN_TOP = 3.0  # below the title
SUBJECT_RIGHT = (6.3, -2.6, 2.95)  # (x_max, y_min, y_max); x_min is where the column ends
# Dot radii in frame units: dots keep facing the camera, and the camera does not zoom them.
DOT = 0.05
CORNER_DOT = 0.1
DEGREE = np.pi / 180
LIFT_START = 0.45  # how far along its path the sheet is lifted while the hidden space is named


def up_normal(W1):
    """The unit normal of the lifted plane, the sign that points up (so views from it keep the
    third axis up)."""
    normal, _ = geometry.lifted_plane(W1)
    n = normal / np.linalg.norm(normal)
    return n if n[2] >= 0 else -n


def axes_apart(phi, theta, gap=30):
    """True when, from the view (phi, theta), no two axes are drawn within `gap` degrees of
    each other (or of pointing along the line of sight), so their labels stay apart."""
    drawn = hv.screen_points(np.eye(3), phi, theta) - hv.screen_points(np.zeros(3), phi, theta)
    dirs = np.arctan2(drawn[:, 1], drawn[:, 0])
    gaps = [abs((np.degrees(dirs[i] - dirs[j]) + 180) % 360 - 180) for i, j in ((0, 1), (0, 2), (1, 2))]
    return min(gaps) >= gap and min(np.linalg.norm(drawn, axis=1)) >= 0.3


def edge_on_view(normal, start, gap=25):
    """(phi, theta), no roll, of a view that looks along the plane with unit `normal` (so it is
    seen edge on), from above, with the axes apart, nearest the view direction `start`."""
    n = np.asarray(normal, dtype=float) / np.linalg.norm(normal)
    u = np.cross(n, [0.0, 0.0, 1.0])
    u = u / np.linalg.norm(u) if np.linalg.norm(u) > 1e-6 else np.array([1.0, 0, 0])
    v = np.cross(n, u)
    best, best_cost = None, np.inf
    for psi in np.arange(0, 360, 3) * DEGREE:
        d = np.cos(psi) * u + np.sin(psi) * v
        if d[2] < 0.15:  # from above, so the third axis stays up and is seen
            continue
        phi, theta = hv.view_angles(d)
        cost = np.linalg.norm(d - start) + (0 if axes_apart(phi, theta, gap) else 10)
        if cost < best_cost:
            best, best_cost = (phi, theta), cost
    return best if best is not None else hv.view_angles(start - (start @ n) * n)


def oblique_view(W1, start=START_VIEW, off_normal=(30, 55), axis_gap=30, broadside=None, least=0):
    """(phi, theta), no roll, nearest to `start` among views that see the lifted plane between
    face on and edge on (`off_normal` degrees from its normal), so it reads as a plane and the
    space as 3-D, and in which no two axes are drawn within `axis_gap` degrees of each other,
    so that their labels stay apart. With `broadside` (a direction), only views at least
    `least` degrees from it, so that an arrow along it is seen at length, not end on."""
    n = up_normal(W1)
    side = None if broadside is None else np.asarray(broadside, float) / np.linalg.norm(broadside)
    best, best_cost = start, np.inf
    for phi in np.arange(35, 81, 5) * DEGREE:
        for theta in np.arange(-180, 180, 5) * DEGREE:
            d = hv.camera_direction(phi, theta)
            angle = np.degrees(np.arccos(min(abs(d @ n), 1.0)))
            if not off_normal[0] <= angle <= off_normal[1]:
                continue
            if not axes_apart(phi, theta, axis_gap):
                continue
            if side is not None and np.degrees(np.arccos(min(abs(d @ side), 1.0))) < least:
                continue
            cost = np.linalg.norm(d - hv.camera_direction(*start))
            if cost < best_cost:
                best, best_cost = (float(phi), float(theta)), cost
    return best


# Where a label placed on screen may go (frame coordinates): inside the frame, above the subtitle
# band.
LABEL_ROOM = (-7.0, 7.0, -2.95, 3.9)
RADII = (0.0, 0.15, 0.3, 0.45, 0.6, 0.8, 1.0, 1.25, 1.5, 1.8)
TURNS = np.radians([0, 30, -30, 60, -60, 90, -90, 120, -120, 150, -150, 180])


def inside_polygon(points, polygon):
    """For each 2-D point, whether it lies inside the 2-D polygon (even-odd rule)."""
    P, V = np.asarray(points, float), np.asarray(polygon, float)
    inside = np.zeros(len(P), dtype=bool)
    for a, b in zip(V, np.roll(V, -1, axis=0)):
        crosses = (a[1] > P[:, 1]) != (b[1] > P[:, 1])
        with np.errstate(divide="ignore", invalid="ignore"):
            x = a[0] + (P[:, 1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
        inside ^= crosses & (P[:, 0] < x)
    return inside


def segment_points(start, end, n=12):
    """n points along a segment (scene coordinates): what a label must not cover of a line."""
    return np.linspace(np.asarray(start, float), np.asarray(end, float), n)


class LabelPlacer:
    """Labels of points in the 3-D picture, kept flat in the frame and placed on every frame
    from where the camera projects their points: each as near its point as it can be (on the
    side `prefer` first) where its box covers no dot, no arrow, no sheet, no other label and no
    overlay, so that labels never overprint what they name or each other.

    blockers() gives the scene points (N, 3) a label may not cover; sheet() the corners of a
    filled polygon it may not sit on (or None); overlays() the mobjects fixed in the frame it
    must keep clear of. A label keeps its place while that stays free and is not much farther
    out than the nearest free one, so that labels do not flicker between places."""

    def __init__(self, scene, blockers, sheet, overlays, pad=0.0):
        self.scene, self.camera = scene, scene.renderer.camera
        self.pad = pad  # how far (frame units) a label also keeps from a blocker's centre: a dot's size
        self.blockers, self.sheet, self.overlays = blockers, sheet, overlays
        self.items = []
        self.frame_family = None  # the scene's family on the frame being placed (one walk a frame)
        self.driver = VMobject()  # no points: it only runs the placement on every frame
        self.driver.add_updater(lambda _: self.place())
        scene.add(self.driver)

    def add(self, mob, anchor, prefer=RIGHT):
        """Place `mob` next to `anchor` (a scene point, or a function giving one)."""
        mob.anchor, mob.prefer, mob.offset = anchor, np.asarray(prefer, float)[:2], None
        self.scene.add_fixed_in_frame_mobjects(mob)
        self.scene.remove(mob)
        self.items.append(mob)
        return mob

    def shown(self, mob, family=None):
        """Whether mob is on screen, by itself or in a group (family: the scene's, if known;
        while a frame is placed, that frame's)."""
        if family is None:
            family = self.frame_family if self.frame_family is not None else self.family()
        return id(mob) in family

    def family(self):
        return {id(m) for m in self.scene.get_mobject_family_members()}

    def place(self, everyone=False):
        """Place every label on screen (or every label at all, to measure the layout)."""
        family = self.family()
        labels = [m for m in self.items if everyone or id(m) in family]
        if not labels:
            return
        self.frame_family = family  # blockers() and overlays() ask shown() of this frame
        self.camera.reset_rotation_matrix()  # the camera's angles of this frame, not the last
        blocked = self.blockers()
        pts = self.camera.project_points(blocked)[:, :2] if len(blocked) else np.zeros((0, 2))
        corners = self.sheet()
        poly = self.camera.project_points(corners)[:, :2] if corners is not None else None
        # an overlay on screen whole, or the parts of it shown on their own (lines faded in
        # one after the other)
        taken = []
        for m in self.overlays():
            if id(m) in family:
                taken.append(self.box(m))
            else:
                taken += [self.box(part) for part in m.submobjects if id(part) in family]
        for mob in labels:
            p = self.camera.project_point(hv.anchor_of(mob))[:2]
            mob.offset = self.spot(mob, p, pts, poly, taken)
            mob.move_to([*(p + mob.offset), 0.0])
            taken.append(self.box(mob))
        self.frame_family = None

    @staticmethod
    def box(mob, margin=0.06):
        """(centre, half sizes) of mob's bounding box in the frame, plus margin: its points
        gathered once (get_center, width and height would each walk its family again)."""
        pts = mob.get_all_points()
        if not len(pts):
            return mob.get_center()[:2], np.full(2, margin)
        lo, hi = pts[:, :2].min(axis=0), pts[:, :2].max(axis=0)
        return (lo + hi) / 2, (hi - lo) / 2 + margin

    def spot(self, mob, p, pts, poly, taken):
        half = np.array([mob.width / 2 + 0.06, mob.height / 2 + 0.06])
        x0, x1, y0, y1 = LABEL_ROOM
        probe = np.array([[i, j] for i in (-1, 0, 1) for j in (-1, 0, 1)]) * half

        def free(c):
            if c[0] - half[0] < x0 or c[0] + half[0] > x1 or c[1] - half[1] < y0 or c[1] + half[1] > y1:
                return False
            if len(pts) and np.any(np.all(np.abs(pts - c) < half + self.pad, axis=1)):
                return False
            if any(np.all(np.abs(c - bc) < half + bh) for bc, bh in taken):
                return False
            if poly is not None and (inside_polygon(c + probe, poly).any()
                                     or np.any(np.all(np.abs(poly - c) < half, axis=1))):
                return False
            return True

        base = np.arctan2(mob.prefer[1], mob.prefer[0])
        best = None
        for r in RADII:
            for turn in TURNS if r else (0.0,):
                offset = r * np.array([np.cos(base + turn), np.sin(base + turn)])
                if free(p + offset):
                    best = offset
                    break
            if best is not None:
                break
        last = mob.offset
        if last is not None and free(p + last) and (best is None or np.linalg.norm(last) <= np.linalg.norm(best) + 0.3):
            return last
        return best if best is not None else (last if last is not None else np.zeros(2))


def swell(mob, most):
    """mob grows to `most` times its size about its centre and back, by an updater that only
    scales (an .animate would put it back where it stood when the beat began, though the world
    moves meanwhile)."""
    now = [1.0]

    def step(m, alpha):
        k = 1 + (most - 1) * np.sin(np.pi * alpha)
        m.scale(k / now[0])
        now[0] = k

    return UpdateFromAlphaFunc(mob, step)


def distance_words(W1):
    """How far the lifted plane lies from the origin, in words, from the run's W⁽¹⁾."""
    d = geometry.lifted_plane_distance(W1)
    if d < 0.005:
        return "through the origin"
    return f"{d:.2f} from the origin"


def distance_inset(distance, width=3.2, height=1.9, gap=0.85):
    """The origin and the lifted plane seen along the plane: the plane a line, the origin below
    it, and the perpendicular between them labelled with its length, `distance` (computed).

    [box, heading, plane, perpendicular, right angle, origin, origin name, length]"""
    box = Rectangle(width=width, height=height, color=MUTED, stroke_width=2)
    heading = note("along the plane", font_size=style.SMALL, color=MUTED)
    heading.move_to(box.get_top() + DOWN * 0.25)
    y = box.get_top()[1] - 0.62
    plane = Line([box.get_left()[0] + 0.15, y, 0], [box.get_right()[0] - 0.15, y, 0], color=Z_COLOR,
                 stroke_width=4)
    foot = plane.get_center() + RIGHT * 0.35
    point = foot + gap * DOWN
    perpendicular = DashedLine(point, foot, color=FOREGROUND, stroke_width=3, dash_length=0.08)
    corner = VMobject(stroke_color=FOREGROUND, stroke_width=2).set_points_as_corners(
        [foot + RIGHT * 0.14, foot + RIGHT * 0.14 + DOWN * 0.14, foot + DOWN * 0.14])
    origin = Dot(point, radius=0.07, color=FOREGROUND)
    origin_name = note("origin", font_size=style.SMALL, color=MUTED).next_to(origin, LEFT, buff=0.12)
    length = DecimalNumber(distance, num_decimal_places=2, font_size=style.BODY, color=FOREGROUND)
    length.next_to(perpendicular, RIGHT, buff=0.25)
    return VGroup(box, heading, plane, perpendicular, corner, origin, origin_name, length)


def parallelogram_in_box(corners, extent, most=3.0):
    """The parallelogram `corners` (4, 3) grown about its centre as far as it stays inside the
    box `extent` (at most `most` times): the plane it lies in, drawn with clean straight edges."""
    corners = np.asarray(corners, float)
    centre = corners.mean(axis=0)
    lo, hi = np.array([e[0] for e in extent]), np.array([e[1] for e in extent])
    k = 1.0
    for step in np.linspace(1.0, most, 81):
        grown = centre + step * (corners - centre)
        if np.all(grown >= lo - 1e-9) and np.all(grown <= hi + 1e-9):
            k = step
        else:
            break
    return centre + k * (corners - centre)


class LiftedSheet(VGroup):
    """The input rectangle `extent` at x̃₃ = 1 mapped by a 3×3 matrix M: a filled border and a
    grid whose lines are coloured by the input direction that runs along them (x₁ green, x₂
    periwinkle), so the eye follows them through the map. Transform between two of these is
    the map (1 − t)M₀ + tM₁ on every point, the same straight path the dots take."""

    def __init__(self, axes, M, extent, color=X_COLOR, lines=5, opacity=0.14):
        super().__init__()
        x0, x1, y0, y1 = extent
        to_scene = lambda px, py: axes.c2p(*(M @ np.array([px, py, 1.0])))  # noqa: E731
        self.border = Polygon(*[to_scene(px, py) for px, py in geometry.square(extent)],
                              color=color, stroke_width=2, fill_color=color, fill_opacity=opacity)
        self.grid = VGroup()
        for v in np.linspace(x0, x1, lines)[1:-1]:  # x₂ runs along these
            self.grid.add(Line(to_scene(v, y0), to_scene(v, y1), color=X2_DIRECTION, stroke_width=1.5,
                               stroke_opacity=0.8))
        for v in np.linspace(y0, y1, lines)[1:-1]:  # x₁ runs along these
            self.grid.add(Line(to_scene(x0, v), to_scene(x1, v), color=X1_DIRECTION, stroke_width=1.5,
                               stroke_opacity=0.8))
        self.add(self.border, self.grid)


def xor_square(axes, M, radius):
    """The XOR square's outline and its four corners (coloured by class), mapped by M."""
    corners = augment(XOR_CORNERS) @ np.asarray(M, float).T
    outline = Polygon(*[axes.c2p(*c) for c in corners], color=FOREGROUND, stroke_width=3,
                      fill_opacity=0)
    dots = VGroup(*[Dot(axes.c2p(*c), radius=radius, color=style.class_color(k),
                        stroke_color=style.BACKGROUND, stroke_width=1.5)
                    for c, k in zip(corners, XOR_LABELS)])
    return VGroup(outline, dots)


class HiddenLift(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.W1 = self.run.W1[-1]
        self.setup_space()
        self.show_inputs()
        self.name_hidden_space()
        self.lift()
        self.turn_edge_on()
        self.bias_column()
        self.show_plane()
        self.turn_face_on()
        self.why_lift()
        self.flat_still()

    # -- set-up ------------------------------------------------------------------------------
    def setup_space(self):
        self.grid_extent = geometry.sheet_extent(self.run.X)
        corners_in = augment(geometry.square(self.grid_extent))
        corners_out = corners_in @ self.W1.T
        self.extent = geometry.extent_of(np.vstack([corners_in, corners_out]), margin=0.05)
        self.axes = hv.hidden_axes(self.extent, side=5.2)
        # Short axes first, just around the input sheet, so that it is seen large while it is
        # named; they grow into the whole box as the lift fills it (same scale, same origin).
        short_extent = geometry.extent_of(np.vstack([corners_in, [[0, 0, 1.6]]]), margin=0.1)
        # the third axis from the floor up: its part below the origin, empty, only made the
        # picture smaller while it is named
        short_extent = (*short_extent[:2], (0.0, short_extent[2][1]))
        unit = 5.2 / max(hi - lo for lo, hi in self.extent)
        self.short_axes = hv.hidden_axes(short_extent, side=unit * max(hi - lo for lo, hi in short_extent))
        self.short_axes.shift(self.axes.c2p(0, 0, 0) - self.short_axes.c2p(0, 0, 0))
        self.labels = hv.hidden_axis_labels(self.axes, names=HIDDEN_NAMES, font_size=style.BODY)
        short_labels = hv.hidden_axis_labels(self.short_axes, names=HIDDEN_NAMES)
        origin = self.axes.c2p(0, 0, 0)
        self.growth = 0.0  # how far the axes have grown from short to whole
        for label, short in zip(self.labels, short_labels):  # ride along with the axes' ends
            label.set_color(Z_COLOR)
            label.full_offset = label.anchor - origin
            label.anchor = self.grown(short.anchor - origin, label.full_offset)
        self.corners_in, self.corners_out = corners_in, corners_out
        # The camera always looks at the origin of the scene; the world moves to frame it
        # (hidden_view.fit_view): first the whole box, then the input sheet close up (with the
        # origin it stands above), from where beat two pulls back.
        self.main_view = oblique_view(self.W1)
        self.drift = (self.main_view[0], self.main_view[1] + 8 * DEGREE)
        zoom, centre = hv.fit_view(self.frame_points(), [self.main_view, self.drift], SUBJECT)
        self.axes.shift(-centre)
        self.short_axes.shift(-centre)
        self.far_zoom = zoom
        # the short axes, their names and the input sheet fill the view where they are named:
        # the view of the inputs, pulled back; the turn to the main view comes with the lift
        # (the camera holds its angle over the first two cues: the points' wave and the sheet's
        # rise move them)
        self.near_drift = START_VIEW
        short = np.vstack([self.c2p(corners_in), hv.axes_points(self.short_axes),
                           [hv.anchor_of(label) for label in self.labels]])
        self.mid_zoom = self.fit_zoom(short, [self.near_drift])
        # while the hidden space is named the camera stays close on the sheet: the fit on the
        # sheet and the short axes' lines only (their names are placed where room is)
        close = np.vstack([self.c2p(corners_in), hv.axes_points(self.short_axes)])
        near = np.vstack([self.c2p(corners_in), [self.axes.c2p(0, 0, 0)]])
        self.near_zoom, self.near_centre = hv.fit_view(near, [START_VIEW, self.near_drift], SUBJECT)
        self.name_zoom = max(self.mid_zoom, min(self.fit_zoom(close, [self.near_drift]), self.near_zoom))
        # and the sheet as far up as cue 2 lifts it (LIFT_START of the way) stays clear of the
        # formula's row
        start_up = (1 - LIFT_START) * np.eye(3) + LIFT_START * self.W1
        x0, x1, y0, y1 = SUBJECT
        self.name_zoom = min(self.name_zoom, hv.fit_view(
            self.c2p(corners_in @ start_up.T), [self.near_drift],
            (x0, x1, y0, y1 - 0.3), frame_center=np.zeros(3))[0])
        self.axes.shift(-self.near_centre)
        self.short_axes.shift(-self.near_centre)
        self.set_camera_orientation(phi=START_VIEW[0], theta=START_VIEW[1], zoom=self.near_zoom)
        self.title = title("Lifting the data into 3-D")
        fix_in_frame(self, self.title)
        self.placer = LabelPlacer(self, self.blockers, self.sheet_corners, self.overlays)

    def grown(self, short_offset, full_offset):
        """An anchor at the end of an axis as it grows from short to whole, riding along with
        the axes when they move."""
        return lambda: self.axes.c2p(0, 0, 0) + short_offset + self.growth * (full_offset - short_offset)

    def blockers(self):
        """What labels must not cover: every dot, and every arrow and line drawn in the space."""
        dots = [*self.cloud, *self.square[1]] if hasattr(self, "square") else []
        points = [hv._centre(dot) for dot in dots]
        lines = [getattr(self, n, None) for n in ("bias_arrow", "foot_line", "normal_arrow")]
        lines += list(getattr(self, "column_arrows", []))
        segments = [segment_points(m.get_start(), m.get_end()) for m in lines
                    if m is not None and self.placer.shown(m)]
        # an arrow's head is wider than its line: its outline too, and the same outline twice as
        # large about it, so that a name keeps a clear gap from it, not only off it
        for m in lines:
            if m is not None and self.placer.shown(m) and getattr(m, "tip", None) is not None:
                head, c = m.tip.points, m.tip.get_center()
                segments.append(np.vstack([head, c + 2 * (head - c), [c]]))
        # the axes' lines too (those on screen), so that no label sits on an axis
        for axes in (self.axes, self.short_axes):
            if self.placer.shown(axes):
                segments += [segment_points(a.get_start(), a.get_end(), n=40)
                             for a in (axes.x_axis, axes.y_axis, axes.z_axis)]
        return np.vstack([np.reshape(points, (-1, 3)), *segments])

    def sheet_corners(self):
        """The lifted sheet's corners, where labels must not sit (None before it starts to rise)."""
        return self.sheet.border.get_vertices() if getattr(self, "lifted", False) else None

    def overlays(self):
        """The words fixed in the frame that labels keep clear of."""
        names = ("title", "words", "formula", "aside", "spread_rows", "w1_name", "widen_note", "closing",
                 "inset", "normal_name")
        return [getattr(self, n) for n in names if hasattr(self, n)]

    def c2p(self, coords):
        return np.array([self.axes.c2p(*c) for c in coords])

    def follow_axes(self, point):
        """An anchor that keeps its place relative to the axes when they move."""
        offset = np.asarray(point, dtype=float) - self.axes.c2p(0, 0, 0)
        return lambda: self.axes.c2p(0, 0, 0) + offset

    @staticmethod
    def follow(mob, point):
        """An anchor that keeps its place relative to mob when it moves (not when it deforms)."""
        offset = np.asarray(point, dtype=float) - mob.get_center()
        return lambda: mob.get_center() + offset

    def frame_points(self):
        """What every view of the lifted space must show: the sheet, the axes, their names."""
        origin = self.axes.c2p(0, 0, 0)
        return np.vstack([self.c2p(self.corners_out), hv.axes_points(self.axes),
                          [origin + label.full_offset for label in self.labels]])

    def fit_zoom(self, points, views):
        return hv.fit_view(points, views, SUBJECT, frame_center=np.zeros(3))[0]

    # -- beats ---------------------------------------------------------------------------
    def show_inputs(self):
        """x̃ on its sheet at height 1: the input plane, named x₁, x₂, above the origin."""
        r = DOT
        self.sheet = LiftedSheet(self.axes, np.eye(3), self.grid_extent)
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, augment(self.run.X), self.run.y,
                                                         radius=r))
        self.square = xor_square(self.axes, np.eye(3), CORNER_DOT)
        hv.face_camera(self, self.square[1])
        x0, x1, y0, y1 = self.grid_extent
        # The third axis of x̃, from the origin up through the sheet, with its tick at 1.
        origin, up, top = (self.axes.c2p(0, 0, h) for h in (0, 1, 1.6))
        tick = 0.06 / self.near_zoom * 4
        self.height = VGroup(Line(origin, top, color=FOREGROUND, stroke_width=2),
                             Line(up + 2 * tick * LEFT, up + tick * RIGHT, color=FOREGROUND, stroke_width=3),
                             Dot(origin, radius=0.6 * r / self.near_zoom, color=FOREGROUND))
        names = VGroup(plain_tex("x_1", font_size=style.BODY, color=X1_DIRECTION),
                       plain_tex("x_2", font_size=style.BODY, color=X2_DIRECTION),
                       plain_tex("1", font_size=LABEL, color=FOREGROUND),
                       plain_tex(r"\tilde{x}_3", font_size=style.BODY, color=FOREGROUND),
                       plain_tex("0", font_size=LABEL, color=FOREGROUND))
        names[0].anchor = self.follow(self.sheet, self.axes.c2p(x1 + 0.25, 0, 1))
        names[1].anchor = self.follow(self.sheet, self.axes.c2p(0, y1 + 0.25, 1))
        names[2].anchor = self.follow(self.sheet, (origin + up) / 2 + (up - origin) * 0.5)
        names[3].anchor = self.follow(self.sheet, top)
        names[4].anchor = self.follow(self.sheet, origin)
        hv.pin_to_points(self, names[:2], offset=(0, 0, 0))
        # left of the axis' top, not over it: above it, it stood under the title, against the formula
        hv.pin_to_points(self, [names[3]], offset=(-0.35, -0.05, 0))
        # the 1 where the sheet meets the axis: the XOR corner (0, 0)'s points gather there, so
        # it stands out to the left, off the sheet and above its points, a thin line from it to
        # the tick's end
        hv.pin_to_points(self, [names[2]], offset=(-1.9, 0.6, 0))
        tick_end = lambda: hv.anchor_of(names[2]) + 2 * tick * LEFT  # noqa: E731
        camera = self.renderer.camera

        def reach(line):
            end = camera.project_point(tick_end())
            start = names[2].get_right() + 0.08 * RIGHT
            line.put_start_and_end_on(start, end)

        one_link = Line(LEFT, RIGHT, color=FOREGROUND, stroke_width=1.5, stroke_opacity=0.8)
        reach(one_link)
        one_link.add_updater(reach)
        fix_in_frame(self, one_link)
        names.add(one_link)
        hv.pin_to_points(self, [names[4]], offset=(-0.3, 0, 0))
        self.remove(*names)
        self.input_names = names
        self.words = tex(r"\tilde{x} = (x_1,\ x_2,\ 1)", font_size=HEADING, color=X_COLOR, colored=False)
        self.words.next_to(self.title, DOWN, buff=0.3)
        fix_in_frame(self, self.words)
        shown = [FadeIn(m, rate_func=rush_from) for m in (self.title, self.sheet,
                                                            self.input_names, self.cloud, self.square,
                                                            self.words)]
        # the 1 each input gains: the height rises, then a wave runs through every point
        across = ranks(self.run.X[:, 0] + 0.5 * self.run.X[:, 1])
        beat(self, *[during(a, 0, 0.2) for a in shown], during(Create(self.height), 0.2, 0.45),
             during(wave(self.cloud, across, swell=1.5), 0.45, 1), run_time=6.5,
             subcaption="Append a 1 to each input: x̃ = (x₁, x₂, 1) is a point in 3-D, on a flat "
                        "sheet at height 1.",
             spoken="Append a one to each input: x tilde, which is x one, x two, one, is a point in "
                    "three D, on a flat sheet at height one.")

    def name_hidden_space(self):
        """Pull back to the whole box the lift will fill; its axes are the hidden coordinates."""
        # each coordinate as one symbol, z⁽¹⁾ with its index under the (1), as on the axes (the
        # symbol colours split z^{(1)}_1 and would hang the index after the superscript)
        formula = tex("(", HIDDEN_NAMES[0], ",", HIDDEN_NAMES[1], ",", HIDDEN_NAMES[2], ") =", r"W^{(1)}",
                      r"\tilde{x}", font_size=HEADING, colored=False)
        for k in (1, 3, 5):
            formula[k].set_color(Z_COLOR)
        formula[7].set_color(style.W1_COLOR)
        formula[8].set_color(X_COLOR)
        aside = note("(z⁽¹⁾'s appended 1 is not drawn)", font_size=style.SMALL, color=MUTED)
        target = VGroup(formula, aside).arrange(RIGHT, buff=0.3, aligned_edge=DOWN)
        target.next_to(self.title, DOWN, buff=0.3)
        fix_in_frame(self, target)
        old, self.words, self.aside = self.words, target, aside  # (labels keep clear of the new)
        self.formula = formula  # shown alone again from the face-on view
        # the third axis' name beside its end, not over it: above, it stood against the formula
        for label, prefer in zip(self.labels, (DOWN, RIGHT, LEFT)):
            self.placer.add(label, label.anchor, prefer=prefer)
        # The short axes wait, unseen, where the pull-back ends: drawn while the camera is
        # close, they would cross the whole frame.
        self.axes.shift(self.near_centre)
        self.short_axes.shift(self.near_centre).set_opacity(0)
        self.add(self.short_axes)
        world = VGroup(self.sheet, self.cloud, self.square, self.height)
        # the words say each point gets its hidden coordinates: from half way, the sheet starts
        # on its way there (the first LIFT_START of the straight path), the camera pulling back
        # as it grows; lift() goes on from there
        self.first_lift = LIFT_START
        # the axes' names keep off the sheet from here on: it rises and turns under them
        self.lifted = True
        # (the camera holds its zoom meanwhile: pulled back as the sheet starts out, the picture
        # shrank to a speck; lift() pulls back as the sheet grows)
        sheet, cloud, square = self.early_lift(LIFT_START)
        beat(self, during(FadeOut(self.input_names), 0, 0.2), during(world.animate.shift(self.near_centre), 0, 0.2),
             # the pull-back ends before the axes come, so that none is drawn while it is closer
             during(self.renderer.camera.zoom_tracker.animate.set_value(self.name_zoom), 0, 0.2),
             during(self.short_axes.animate.set_opacity(1), 0.2, 0.32), during(FadeIn(self.labels), 0.22, 0.36),
             during(FadeOut(self.height), 0.3, 0.4),
             during(sheet, 0.35, 1), during(cloud, 0.35, 1), during(square, 0.35, 1),
             # one line out, then the next in: a morph between them would add pieces that are
             # not fixed in the frame, and those would be drawn in 3-D, across the title
             during(FadeOut(old, shift=0.2 * UP), 0, 0.12), during(FadeIn(target, shift=0.2 * UP), 0.12, 0.27),
             run_time=3,
             subcaption="The hidden layer gives each point three numbers, W⁽¹⁾ x̃: z⁽¹⁾ without its "
                        "appended 1, drawn as coordinates in 3-D.")

    def early_lift(self, t1):
        """The lift's first t1 of the way, while the world still moves into place in the same
        beat: updaters that set the sheet, the XOR square and the points from the
        axes as they are at each frame (a Transform would start from where the world was when
        the beat began), and leave them alone until their share of the beat starts."""
        M = lambda alpha: (1 - alpha * t1) * np.eye(3) + alpha * t1 * self.W1  # noqa: E731
        start, end = augment(self.run.X), self.run.hidden_pre[-1]
        x0, x1, y0, y1 = self.grid_extent
        lines = [((v, y0), (v, y1)) for v in np.linspace(x0, x1, 5)[1:-1]]
        lines += [((x0, v), (x1, v)) for v in np.linspace(y0, y1, 5)[1:-1]]
        to = lambda m, p: self.axes.c2p(*(m @ np.array([*p, 1.0])))  # noqa: E731

        def sheet(_, alpha):
            if alpha <= 0:
                return
            m = M(alpha)
            corners = [to(m, p) for p in geometry.square(self.grid_extent)]
            self.sheet.border.set_points_as_corners([*corners, corners[0]])
            for line, (a, b) in zip(self.sheet.grid, lines):
                line.put_start_and_end_on(to(m, a), to(m, b))

        def square(_, alpha):
            if alpha <= 0:
                return
            corners = [to(M(alpha), p) for p in XOR_CORNERS]
            self.square[0].set_points_as_corners([*corners, corners[0]])
            for dot, c in zip(self.square[1], corners):
                dot.shift(c - hv._centre(dot))

        def fly(cloud, alpha):
            if alpha > 0:
                hv.move_cloud(self.axes, cloud, start + alpha * t1 * (end - start))

        return (UpdateFromAlphaFunc(self.sheet, sheet, rate_func=linear),
                UpdateFromAlphaFunc(self.square, square, rate_func=linear),
                UpdateFromAlphaFunc(self.cloud, fly, rate_func=linear))

    def lift_moves(self, t0, t1, zoom0, rate):
        """The lift from t0 to t1 of the way along the straight path (1 − t)x̃ + t W⁽¹⁾x̃: the
        sheet, the points and the XOR square, and the camera pulling back from zoom0 as the
        sizes grow (1/zoom moves as they do, to far_zoom at t = 1)."""
        M = lambda t: (1 - t) * np.eye(3) + t * self.W1  # noqa: E731
        lifted = LiftedSheet(self.axes, M(t1), self.grid_extent,
                             color=interpolate_color(X_COLOR, Z_COLOR, t1))
        start, end = augment(self.run.X), self.run.hidden_pre[-1]

        def fly(cloud, alpha):  # the points on the sheet's straight path
            t = t0 + alpha * (t1 - t0)
            hv.move_cloud(self.axes, cloud, start + t * (end - start))

        far = self.far_zoom
        # 1/zoom at t, on the line from 1/zoom0 at t0 to 1/far at 1
        inv = lambda t: 1 / zoom0 + (t - t0) / (1 - t0) * (1 / far - 1 / zoom0)  # noqa: E731

        def pull_back(tracker, alpha):
            tracker.set_value(1 / inv(t0 + alpha * (t1 - t0)))

        return (Transform(self.sheet, lifted, rate_func=rate),
                UpdateFromAlphaFunc(self.cloud, fly, rate_func=rate),
                Transform(self.square, xor_square(self.axes, M(t1), CORNER_DOT), rate_func=rate),
                UpdateFromAlphaFunc(self.renderer.camera.zoom_tracker, pull_back, rate_func=rate))

    def lift(self):
        """Every point of the sheet moves on the straight path (1 − t)x̃ + t W⁽¹⁾x̃, on from where
        the last beat left it."""
        # at first about as fast as the last beat left it, slowing to a stop
        sheet, cloud, square, zoom = self.lift_moves(self.first_lift, 1.0, self.renderer.camera.get_zoom(),
                                                     ease_out_sine)

        def grow(_, alpha):  # the axes grow with the sheet, their names at their ends
            self.growth = alpha

        beat(self, sheet, cloud, square, zoom, UpdateFromAlphaFunc(self.labels, grow),
             ReplacementTransform(self.short_axes, self.axes),
             *drift(self, phi=self.drift[0], theta=self.drift[1]), run_time=5,
             subcaption="W⁽¹⁾ moves the whole sheet: every grid line and every point rides along "
                        "to its hidden coordinates.",
             spoken="W one moves the whole sheet: every grid line and every point rides along to "
                    "its hidden coordinates.")
        self.lifted_plane = self.sheet.border
        normal, _ = geometry.lifted_plane(self.W1)
        self.lifted_plane.normal = normal / np.linalg.norm(normal)

    def dim_sheet(self, level, fill=0.22):
        """The sheet (its fill `fill` at full strength), its grid, its outline and its points fade
        to `level` of their strength (1: back), so that an arrow drawn over them reads."""
        grid, dots = list(self.sheet.grid), list(self.cloud)
        strokes = [(self.sheet.border, 1.0), (self.square[0], 1.0), *[(line, 0.8) for line in grid]]
        s0 = [m.get_stroke_opacity() for m, _ in strokes]
        f0 = self.sheet.border.get_fill_opacity()
        d0 = [dot.get_fill_opacity() for dot in dots]

        def step(_, alpha):
            for (m, full), start in zip(strokes, s0):
                m.set_stroke(opacity=start + alpha * (max(level, 0.35) * full - start))
            self.sheet.border.set_fill(opacity=f0 + alpha * (level * fill - f0))
            for dot, start in zip(dots, d0):
                dot.set_opacity(start + alpha * (level * 0.95 - start))

        return UpdateFromAlphaFunc(self.sheet.border, step)

    def ring_corner(self, level):
        """The XOR corners while the bias arrow shows (level 0 → 1): the (0, 0) corner, where
        the arrow's tip lands, becomes a ring, so the tip is seen inside it; the other three
        fade, so none covers the tip. level 1 → 0 brings them back."""
        first, rest = self.square[1][0], list(self.square[1][1:])
        color = first.get_fill_color()
        f0 = [dot.get_fill_opacity() for dot in rest]
        r0 = first.get_fill_opacity()

        def step(_, alpha):
            for dot, start in zip(rest, f0):
                dot.set_fill(opacity=start + alpha * ((1 - 0.85 * level) - start))
            first.set_fill(opacity=r0 + alpha * ((1 - level) - r0))
            first.set_stroke(color=color if level else style.BACKGROUND, width=4 if level else 1.5,
                             opacity=1)

        return UpdateFromAlphaFunc(self.square[1], step)

    def tilt_to_plane(self):
        """A view well off the edge, 20° to 35° from the plane's normal, so that the plane, its
        grid in two colours and W⁽¹⁾'s columns read, and at least 60° from the bias column, so
        that its arrow is seen at length; framed (frame_right) right of the column that holds
        W⁽¹⁾'s matrix and the inset that measures the plane's distance."""
        self.tilt_view = oblique_view(self.W1, start=self.edge_view, off_normal=(20, 35),
                                      broadside=self.W1[:, 2], least=60)
        self.plane_drift = (self.tilt_view[0], self.tilt_view[1] + 6 * DEGREE)

    def show_plane(self):
        """The sheet's edges run along W⁽¹⁾'s first two columns; the plane's distance, measured."""
        c1, c2, c3 = self.W1.T
        tip = 0.3 / self.tilt_zoom
        self.column_arrows = VGroup(
            Arrow(self.axes.c2p(*c3), self.axes.c2p(*(c3 + c1)), buff=0, color=X1_DIRECTION,
                  stroke_width=6, tip_length=tip, max_stroke_width_to_length_ratio=20),
            Arrow(self.axes.c2p(*c3), self.axes.c2p(*(c3 + c2)), buff=0, color=X2_DIRECTION,
                  stroke_width=6, tip_length=tip, max_stroke_width_to_length_ratio=20))
        foot = geometry.lifted_plane_foot(self.W1)
        # the perpendicular from the origin to the plane: in the picture, and (as the view is
        # nearly along it) seen along the plane in an inset, with its computed length
        self.foot_line = DashedLine(self.axes.c2p(0, 0, 0), self.axes.c2p(*foot), color=FOREGROUND,
                                    stroke_width=5, dash_length=0.1)
        fix_in_frame(self, self.inset)  # under W⁽¹⁾, in the left column
        self.plane_words = distance_words(self.W1)
        # the whole plane the sheet lies in, faint: the sheet grown (a clean parallelogram whose
        # edges run along the columns) as far as the box allows; drawn behind everything
        plane = parallelogram_in_box(self.corners_out, self.extent)
        self.whole_plane = Polygon(*self.c2p(plane), color=Z_COLOR, stroke_width=1.5, fill_color=Z_COLOR,
                                   fill_opacity=0, stroke_opacity=0)
        self.add(self.whole_plane)
        self.bring_to_back(self.whole_plane)
        beat(self, during(self.whole_plane.animate.set_fill(opacity=0.12).set_stroke(opacity=0.7), 0, 0.3),
             during(self.dim_sheet(1.0), 0, 0.3), during(self.ring_corner(0.0), 0, 0.3),
             during(GrowArrow(self.column_arrows[0]), 0, 0.3),
             during(GrowArrow(self.column_arrows[1]), 0.15, 0.45),
             during(Create(self.foot_line), 0.3, 0.45), during(FadeIn(self.inset[:3]), 0.3, 0.4),
             during(FadeIn(self.inset[3:]), 0.4, 0.5),
             *drift(self, theta=self.plane_drift[1]),
             run_time=4,
             subcaption=f"Its edges run along the first two columns: a flat plane parallel to them, "
                        f"{self.plane_words}.")

    def turn_edge_on(self):
        """Look along the plane: the cloud is a line. Its spread, measured: zero across."""
        H = self.run.hidden_pre[-1]
        _, _, principal = np.linalg.svd(H - H.mean(axis=0), full_matrices=False)
        # Along the plane and across the cloud's longest spread, so the line it makes is long.
        edge = np.cross(up_normal(self.W1), principal[0])
        edge = edge if edge[2] >= 0 else -edge
        phi, theta = hv.view_angles(edge)
        zoom = self.fit_zoom(self.frame_points(), [(phi, theta)])
        self.edge_view, self.edge_zoom = (phi, theta), zoom
        _, sv, self.main_axes = np.linalg.svd(H - H.mean(axis=0), full_matrices=False)
        self.spread = sv / np.sqrt(len(H))  # RMS spread along each principal direction
        rows = VGroup(note("spread of the points", font_size=LABEL, color=MUTED))
        names = ("along the line:", "across it, in the plane:", "off the plane:")
        for i, value in enumerate(self.spread):
            name = note(names[i], font_size=LABEL, color=MUTED)
            number = DecimalNumber(value, num_decimal_places=2, font_size=style.BODY, color=Z_COLOR)
            rows.add(VGroup(name, number).arrange(RIGHT, buff=0.2))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        rows.to_edge(RIGHT, buff=EDGE_BUFF).align_to(self.title.get_bottom() + 0.15 * DOWN, UP)  # under the title
        self.spread_rows = rows
        fix_in_frame(self, rows)
        # the formula has been read: the measured spread takes the row under the title
        beat(self, during(FadeOut(self.words), 0, 0.2), during(FadeIn(rows), 0.3, 0.5),
             camera=dict(phi=phi, theta=theta, zoom=zoom), run_time=4,
             subcaption="Look along the plane: the cloud collapses to a line. Measured, its spread "
                        "off the plane is zero.")

    def build_column(self):
        """What the left column shows from cue 5 on: W⁽¹⁾ itself, from the run, its columns in
        the colours of the arrows they become, named above it; and, under it, the inset that
        measures the plane's distance from the origin."""
        self.w1_matrix = value_matrix(self.W1, font_size=style.BODY, h_buff=1.2, v_buff=0.55)
        for col, color in zip(self.w1_matrix.get_columns(), (X1_DIRECTION, X2_DIRECTION, style.W1_COLOR)):
            col.set_color(color)
        self.w1_name = VGroup(tex(r"W^{(1)} =", font_size=style.BODY), self.w1_matrix)
        self.w1_name.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        self.w1_name.to_edge(LEFT, buff=EDGE_BUFF).align_to([0, COLUMN_TOP, 0], UP)
        self.distance = geometry.lifted_plane_distance(self.W1)
        self.inset = distance_inset(self.distance)
        self.inset.next_to(self.w1_name, DOWN, buff=0.3).align_to(self.w1_name, LEFT)
        self.distance_label = self.inset[-1]
        self.column_right = max(m.get_right()[0] for m in (self.w1_name, self.inset)) + 0.3

    def frame_right(self):
        """Where the world moves so that the tilted views sit right of the left column (the
        camera keeps looking at the scene's origin), and their zoom there; returns the shift."""
        rect = (self.column_right, *SUBJECT_RIGHT)
        views = [self.tilt_view, self.plane_drift]
        points = self.frame_points()
        _, centre = hv.fit_view(points, views, rect)
        self.tilt_zoom = hv.fit_view(points, views, rect, frame_center=centre)[0]
        self.world_shift = -centre
        return -centre

    def world(self):
        """The 3-D picture that moves when the camera is to look at another part of it."""
        return VGroup(self.axes, self.sheet, self.cloud, self.square)

    def shift_world(self, vector):
        """Move the 3-D picture by `vector` (the camera looks at the scene's origin, so this
        moves it across the frame); only positions change, so other animations may restyle it.
        Labels follow the axes."""
        world = self.world()
        start = np.array(self.axes.c2p(0, 0, 0), dtype=float)
        vector = np.asarray(vector, dtype=float)

        def step(_, alpha):
            world.shift(start + alpha * vector - self.axes.c2p(0, 0, 0))

        return UpdateFromAlphaFunc(world, step)

    def why_framing(self, points, views, room=0.45, gap=0.2):
        """(zoom, shift of the world) for the closing views: the picture as large as it fits
        between the band and `room` below the formula's row (the arrow's name stands beside its
        head), and clear of the closing words at the top right (from every view in `views`)."""
        x0, x1, y0, y1 = SUBJECT
        rect = (x0, x1, y0, y1 - room)
        zoom, middle = hv.fit_view(points, views, rect)
        rank = int(np.linalg.matrix_rank(self.W1[:, :2]))
        words = self.closing_lines(rank, {2: "a plane", 1: "a line"}.get(rank, "a point"))
        left, bottom = words.get_left()[0] - gap, words.get_bottom()[1] - gap
        for _ in range(40):  # smaller, about the room's middle, until no point is under the words
            seen = np.vstack([hv.screen_points(points, *v, zoom, middle) for v in views])
            if not np.any((seen[:, 0] > left) & (seen[:, 1] > bottom)):
                break
            zoom *= 0.97
        return zoom, -middle

    def shift_axes(self, vector):
        """Move the axes alone by `vector`: the rest of the world moves by its own
        animations meanwhile. Labels follow the axes."""
        start = np.array(self.axes.c2p(0, 0, 0), dtype=float)
        vector = np.asarray(vector, dtype=float)

        def step(axes, alpha):
            axes.shift(start + alpha * vector - self.axes.c2p(0, 0, 0))

        return UpdateFromAlphaFunc(self.axes, step)

    def bias_column(self):
        """The input (0, 0) lands on W⁽¹⁾'s third column: draw that column from the origin. W⁽¹⁾
        comes in a column at the left, and the picture moves right of it first."""
        c = self.W1[:, 2]
        self.build_column()
        self.tilt_to_plane()
        shift = self.frame_right()
        origin, tip = self.axes.c2p(0, 0, 0) + shift, self.axes.c2p(*c) + shift  # where they will be
        # thick, and drawn after (so over) the sheet and the points, which dim while it shows
        self.bias_arrow = Arrow(origin, tip, buff=0, color=style.W1_COLOR, stroke_width=14,
                                tip_length=0.6 / self.tilt_zoom, max_stroke_width_to_length_ratio=40,
                                max_tip_length_to_length_ratio=0.45)
        corner = self.square[1][0]
        self.bias_name = note("bias", font_size=LABEL, color=style.W1_COLOR)
        self.placer.add(self.bias_name, self.follow_axes((origin + tip) / 2 - shift), prefer=LEFT)
        fix_in_frame(self, self.w1_name)
        # a dot runs from the origin up the column to where (0, 0) lands
        dot, run = tracer(self, through([origin, tip]))
        # the camera turns off the edge while the picture moves right, both in the same time,
        # so that the plane reads before it is spoken of and nothing passes into the band
        turn = camera_to(self, 0, 0.35, phi=self.tilt_view[0], theta=self.tilt_view[1], zoom=self.tilt_zoom)
        moved = self.shift_world(shift)
        moved.rate_func = smooth
        beat(self, during(FadeOut(self.spread_rows), 0, 0.25), during(moved, 0, 0.35), *turn,
             during(FadeIn(self.w1_name), 0.25, 0.45), during(self.dim_sheet(0.3), 0, 0.3),
             during(self.ring_corner(1.0), 0.1, 0.35),
             during(GrowArrow(self.bias_arrow), 0.35, 0.5), during(run, 0.5, 1),
             during(FadeIn(self.bias_name), 0.4, 0.5),
             during(swell(corner, 1.6), 0.6, 1), run_time=3.5,
             subcaption="The input (0, 0) lands on W⁽¹⁾'s third column, its bias: the purple arrow.",
             spoken="The input zero, zero lands on W one's third column, its bias: the purple arrow.")
        self.remove(dot)

    def turn_face_on(self):
        """Face on, without roll (the third axis stays up), framed on the XOR parallelogram."""
        towards = up_normal(self.W1)
        if towards[2] < 0.2:  # a nearly upright plane: look at it from a little above
            towards = towards + np.array([0, 0, 0.2])
        phi, theta = hv.view_angles(towards)
        self.face_view = (phi, theta)
        # The left column empties: the picture moves back to the middle of the frame, by `back`
        # (every position below is where it will be).
        back = -self.world_shift
        # How thin the XOR parallelogram is: if its corners would blur, it is drawn wider.
        corners = self.c2p(augment(XOR_CORNERS) @ self.W1.T) + back
        self.stretch_centre = corners.mean(axis=0)
        centred = corners - self.stretch_centre
        _, sv, axes = np.linalg.svd(centred, full_matrices=False)
        self.across = axes[1]  # in the plane, across the long axis
        self.widen = int(np.clip(round(sv[0] / max(sv[1], 1e-9) / 3), 1, 8))
        self.widen = self.widen if self.widen >= 2 else 1
        zoom = self.fit_zoom(self.frame_points() + back, [(phi, theta)])
        self.face_zoom = zoom
        gone = [self.column_arrows, self.bias_arrow, self.foot_line, self.bias_name, self.w1_name,
                self.inset, self.whole_plane]
        border, outline = self.sheet.border, self.square[0]
        fill, width = border.get_fill_opacity(), outline.get_stroke_width()

        def restyle(_, alpha):  # style only, so that the world's shift moves them meanwhile
            border.set_fill(opacity=fill + alpha * (0.1 - fill))
            outline.set_stroke(width=width + alpha * (4 - width))

        beat(self, *[during(FadeOut(m), 0, 0.25) for m in gone], during(FadeIn(self.words[0]), 0.25, 0.45),
             UpdateFromAlphaFunc(border, restyle), during(self.shift_world(back), 0.2, 1),
             camera=dict(phi=phi, theta=theta, zoom=zoom), run_time=4,
             subcaption=("Face on, the XOR square has become a long, thin parallelogram." if self.widen > 1
                         else "Face on, the XOR square is now a skewed parallelogram; its corners still "
                              "alternate in colour, so no line splits them."))
        # what left the picture moves with it too (unseen), so its place stays true to the axes
        for m in (self.column_arrows, self.bias_arrow, self.foot_line, self.whole_plane):
            m.shift(back)
        if self.widen > 1:
            self.widen_square()

    def stretch_matrix(self, k):
        """Scene-space map that stretches the plane k times across the parallelogram's long axis."""
        u = self.across
        return np.eye(3) + (k - 1) * np.outer(u, u)

    def stretched(self, k, shift=np.zeros(3)):
        """Animations that stretch the sheet, the square and the dots k times across, about the
        parallelogram's centre (dots move; they keep their round shape), and move them by
        `shift` meanwhile."""
        M, c = self.stretch_matrix(k), self.stretch_centre
        moves = [self.sheet.animate.apply_matrix(M, about_point=c).shift(shift),
                 self.square[0].animate.apply_matrix(M, about_point=c).shift(shift)]
        dots = VGroup(*self.cloud, *self.square[1])
        start = np.array([dot.get_center() for dot in dots])
        end = c + (start - c) @ M.T + shift

        def move(group, alpha):  # one updater for all the dots: 200 animations cost a lot
            for dot, p in zip(group, start + alpha * (end - start)):
                dot.points = dot.points + (p - (dot.points.min(axis=0) + dot.points.max(axis=0)) / 2)

        moves.append(UpdateFromAlphaFunc(dots, move))
        return moves

    def widen_square(self):
        """The parallelogram is too thin to see its corners alternate: draw it wider, and say so."""
        k = self.widen
        self.widen_note = note(f"drawn {k}× wider across", font_size=LABEL, color=FOREGROUND)
        self.widen_note.to_edge(RIGHT, buff=EDGE_BUFF).align_to(self.title.get_bottom() + 0.15 * DOWN, UP)
        fix_in_frame(self, self.widen_note)
        c, M = self.stretch_centre, self.stretch_matrix(k)
        sheet = c + (self.c2p(self.corners_out) - c) @ M.T  # the axes do not stretch
        points = np.vstack([sheet, hv.axes_points(self.axes), [hv.anchor_of(label) for label in self.labels]])
        zoom = self.fit_zoom(points, [self.face_view])
        # the axes do not stretch: their names leave while the picture is not to their scale
        # (the widened sheet also covers their ends), and come back with the true shape
        beat(self, *self.stretched(k), FadeIn(self.widen_note), during(FadeOut(self.labels), 0, 0.2),
             camera=dict(zoom=min(zoom, self.face_zoom)),
             run_time=4,
             subcaption=f"Drawn {k} times wider across, for the eye: its corners alternate in colour, so no "
                        f"line splits them.",
             spoken=f"Drawn {k} times wider across, for the eye: its corners alternate in colour, so no "
                    f"line splits them.")

    def why_lift(self):
        """The room a third coordinate gives: the direction the sheet does not use."""
        up = up_normal(self.W1)
        centre = self.run.hidden_pre[-1].mean(axis=0)
        span = max(hi - lo for lo, hi in self.extent)
        length = 0.55 * span
        view = (self.face_view[0] + 25 * np.pi / 180, self.face_view[1] + 15 * np.pi / 180)
        self.closing_view = (view[0], view[1] - 12 * np.pi / 180)  # a slow drift: the view stays
        # the picture moves (by `shift`) to the middle of the room between the formula and the
        # band, as these two views see it with the arrow (every position below is where it will be)
        points = np.vstack([self.frame_points(), [self.axes.c2p(*(centre + length * up))]])
        zoom, shift = self.why_framing(points, [view, self.closing_view])
        at = lambda p: self.axes.c2p(*p) + shift  # noqa: E731
        self.normal_arrow = Arrow(at(centre), at(centre + length * up), buff=0,
                                  color=FOREGROUND, stroke_width=5, tip_length=0.35 / self.face_zoom,
                                  max_stroke_width_to_length_ratio=20)
        # a right angle at its foot, between it and the direction in the sheet drawn most
        # across the screen from this view: the arrow stands at right angles to the sheet
        across = hv._camera_rotation(*view).T @ RIGHT
        along = across - (across @ up) * up
        along /= np.linalg.norm(along)
        side = 0.09 * span
        foot = at(centre)
        unit = self.axes.x_axis.get_unit_size()
        self.right_angle = VMobject(stroke_color=FOREGROUND, stroke_width=3.5).set_points_as_corners(
            [foot + side * unit * along, foot + side * unit * (along + up), foot + side * unit * up])
        # a dark rim, so that it reads apart from the square's outline and the points under it
        self.right_angle.set_stroke(style.BACKGROUND, width=9, background=True)
        # named beside its head, on the side away from the sheet's rise on screen, a clear gap
        # between them (the axes' names keep clear of it: it is one of the overlays)
        tip = at(centre + length * up)
        self.normal_name = note("unused direction", font_size=LABEL, color=FOREGROUND)
        self.normal_name.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.06)
        self.normal_name.anchor = self.follow_axes(tip - shift)
        hv.pin_to_points(self, [self.normal_name], offset=(-(self.normal_name.width / 2 + 0.3), 0.05, 0.0))
        # the third axis' name leaves the arrow's side of its axis' end (the arrow leans off the
        # axis and its name takes the space above): down and to the other side
        lean = hv.screen_points([tip], *view)[0] - hv.screen_points([foot], *view)[0]
        self.labels[2].prefer = np.array([-np.sign(lean[0]) or -1.0, -0.5]) / np.hypot(1.0, 0.5)
        self.remove(self.normal_name)
        if self.widen > 1:  # back to the true shape as it moves, before the camera turns far
            # (the sheet's, the square's and the points' moves set where they are on every
            # frame: they carry the shift themselves, and the axes move beside them)
            moves = [during(a, 0, 0.4) for a in self.stretched(1 / self.widen, shift)]
            moves += [during(self.shift_axes(shift), 0, 0.4), during(FadeOut(self.widen_note), 0, 0.3),
                      during(FadeIn(self.labels), 0.3, 0.45)]
        else:
            moved = self.shift_world(shift)
            moved.rate_func = smooth
            moves = [during(moved, 0, 0.4)]
        # the arrow grows from where it will stand once the picture is in place
        beat(self, *moves, during(GrowArrow(self.normal_arrow), 0.42, 0.52),
             during(Create(self.right_angle), 0.5, 0.58), during(FadeIn(self.normal_name), 0.48, 0.58),
             camera=dict(phi=view[0], theta=view[1], zoom=zoom), run_time=4,
             subcaption="Why lift at all? Three coordinates give room to pull the colours apart, "
                        "along a direction the sheet does not use.")
        # what left the picture moves with it too (unseen), so its place stays true to the axes
        for m in (self.column_arrows, self.bias_arrow, self.foot_line, self.whole_plane):
            m.shift(shift)
        self.why_view = view

    def closing_lines(self, rank, image):
        """The last cue's words, at the top right under the title (built before that cue too:
        the view that ends the scene is framed clear of them)."""
        # "columns 1, 2 of W⁽¹⁾", not "W⁽¹⁾'s columns": an apostrophe after a superscript collides with it
        the_map = VGroup(note("columns 1, 2 of", font_size=LABEL, color=FOREGROUND),
                         tex(r"W^{(1)}", font_size=style.BODY),
                         note(f": rank {rank};", font_size=LABEL, color=FOREGROUND))
        the_map.arrange(RIGHT, buff=0.1, aligned_edge=DOWN)
        the_map[2].shift(0.07 * LEFT)  # the colon close to its W
        # a map from a plane has at most two columns' worth of directions: never onto R³
        lines = VGroup(the_map,
                       note(f"the plane goes to {image}:", font_size=LABEL, color=FOREGROUND),
                       VGroup(note("not onto", font_size=LABEL, color=FOREGROUND),
                              plain_tex(r"\mathbb{R}^3", font_size=style.BODY, color=FOREGROUND))
                       .arrange(RIGHT, buff=0.12),
                       note("Next: ReLU folds it.", font_size=LABEL, color=Z_COLOR))
        lines.arrange(DOWN, aligned_edge=LEFT, buff=0.12).to_edge(RIGHT, buff=EDGE_BUFF)
        lines.align_to(self.title.get_bottom() + 0.2 * DOWN, UP)  # below the title, in the formula's row
        for line in lines:  # the closing drift can carry the sheet's far tip under the words
            line.add_background_rectangle(opacity=0.85, buff=0.04)
        return lines

    def flat_still(self):
        # The map from the plane is x ↦ W⁽¹⁾x̃: its linear part is W⁽¹⁾'s first two columns (the
        # third only shifts), so the outputs fill as many directions as those columns' rank.
        self.sheet_rank = rank = int(np.linalg.matrix_rank(self.W1[:, :2]))
        image = {2: "a plane", 1: "a line"}.get(rank, "a point")
        lines = self.closing_lines(rank, image)
        fix_in_frame(self, lines)
        self.closing = lines
        beat(self, during(FadeOut(self.words[0]), 0, 0.2),
             during(FadeIn(lines[:3]), 0.2, 0.45), during(FadeIn(lines[3]), 0.6, 0.9),
             *drift(self, theta=self.closing_view[1]), run_time=4,
             subcaption=f"But a matrix cannot add a dimension, as we saw: W⁽¹⁾'s first two columns, which move "
                        f"the sheet, have rank {rank}, so the plane goes to {image}, and this map into 3-D is not "
                        "onto. ReLU's fold, next, uses the room.",
             spoken=f"But a matrix cannot add a dimension, as we saw: the first two columns of W one, which move "
                    f"the sheet, have rank {NUMBER_WORDS[rank]}, so the plane goes to {image}, and this map into "
                    "three D is not onto. The fold of ReLU, next, uses the room.")
        self.wait(1.5)
