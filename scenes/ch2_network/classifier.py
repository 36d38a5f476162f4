"""The final linear classifier: W⁽²⁾'s plane in hidden space (SeparatingPlane), and what it
becomes back in the input plane (DecisionRegions): the score z⁽²⁾ as a surface over the
inputs, flat between the ReLU creases and folded along them, sliced at 0 by the boundary.
What the words say about the run (how many points sit on the wrong side, whether the
boundary bends and where) is computed in scenes/ch2_network/_cut_words.py."""

import numpy as np
from manim import (
    DEGREES,
    DL,
    DOWN,
    LEFT,
    ORIGIN,
    OUT,
    RIGHT,
    UL,
    UP,
    UR,
    Arrow,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    ImageMobject,
    Integer,
    Line,
    Polygon,
    Rectangle,
    ShowPassingFlash,
    Square,
    SurroundingRectangle,
    ThreeDScene,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
    config,
    interpolate_color,
    linear,
)

from scenes import style
from scenes.ch2_network.hidden_space import LabelPlacer
from scenes.ch2_network._cut_words import (
    boundary_words,
    count_caption,
    edge_on_caption,
    region_tag,
    ring_caption,
    side_facts,
)
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    UNIT_COLORS,
    CLASS_NAMES,
    EDGE_BUFF,
    EMPHASIS,
    ERROR,
    FOREGROUND,
    LABEL,
    MUTED,
    NEGATIVE,
    POSITIVE,
    SMALL,
    W2_COLOR,
    Z_COLOR,
)
from scenes.widgets import hidden_view as hv
from scenes.widgets.drift import camera_to, drift
from scenes.widgets.heatmap import grid_image, probability_rgb
from scenes.widgets.input_plane import data_dots, input_axes
from scenes.widgets.text import note, tex, title
from scenes.widgets.three_d import START_VIEW, fix_in_frame
from toynet_core import forward, geometry
from toynet_core.boundary import boundary_paths, output_grid, score_pieces


class SeparatingPlane(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.W2 = self.run.W2[-1]
        self.counts, self.wrong = side_facts(self.run)
        self.show_features()
        self.show_plane()
        self.show_normal()
        self.count_sides()
        self.mark_wrong()
        self.turn_edge_on()

    # -- beats ---------------------------------------------------------------------------
    def show_features(self):
        H = self.run.hidden_post[-1]
        # A box around the cloud after ReLU (never below 0), so the cloud fills the view.
        self.extent = tuple((0.0, float(np.ceil(max(h, 0.5) * 1.15 * 2) / 2)) for h in H.max(0))
        self.axes = hv.hidden_axes(self.extent, side=4.0)
        w, d = self.W2[0, :3], self.W2[0, 3]
        centre = (H.min(0) + H.max(0)) / 2
        self.axes.shift(-self.axes.c2p(*centre))  # the cloud in the middle of the view
        # The point of the plane nearest the cloud's centre: the camera turns about it at the
        # end, so that a view along the plane sees it exactly edge on (a line, not a band).
        self.foot = centre - (centre @ w + d) / (w @ w) * w
        self.theta = START_VIEW[1]
        self.set_camera_orientation(phi=START_VIEW[0], theta=self.theta, zoom=1.1)
        self.labels = hv.hidden_axis_labels(self.axes, names=[f"x^{{(2)}}_{i}" for i in (1, 2, 3)])
        # the arms of points run along the axes to their ends: each name is placed, on every
        # frame, next to its axis' end where it covers no point, no arrow and no words
        self.placer = LabelPlacer(self, self.label_blockers, lambda: None, self.label_overlays, pad=0.12)
        origin = self.axes.c2p(0, 0, 0)
        for label in self.labels:
            out = label.anchor - origin
            self.placer.add(label, label.anchor, prefer=hv.screen_points([out], START_VIEW[0], self.theta)[0])
        self.title = title("A plane that separates", corner=True)
        fix_in_frame(self, self.title)
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, H, self.run.y))
        # The class key is the header of the table that counts each side later.
        self.table = side_table(self.counts).to_corner(UR, buff=EDGE_BUFF).shift(0.65 * LEFT)  # its boxes clear of the edge
        self.legend = self.table[:3]
        fix_in_frame(self, self.table)
        # the axes first, then the points arrive one after another while the camera turns
        beat(self, during(FadeIn(self.title), 0, 0.1), during(Create(self.axes), 0, 0.12),
             during(FadeIn(self.labels), 0.1, 0.2), during(FadeIn(self.cloud, lag_ratio=0.01), 0.1, 0.8),
             during(FadeIn(self.legend), 0.75, 0.9), run_time=6, *self.drift(),
             subcaption="After ReLU, each point sits at x⁽²⁾ in 3-D (its fourth entry, the constant 1, "
                        "is not drawn), coloured by class.")

    def label_blockers(self):
        """What the axes' names must not cover: the points, and the normal arrow once drawn."""
        points = [hv._centre(dot) for dot in self.cloud] if hasattr(self, "cloud") else []
        if hasattr(self, "normal_ends") and self.placer.shown(self.normal):
            a, b = self.normal_ends
            points += list(np.linspace(a, b, 12))
        return np.reshape(points, (-1, 3))

    def label_overlays(self):
        names = ("title", "table", "equation", "inset", "normal_label")
        return [getattr(self, n) for n in names if hasattr(self, n)]

    def drift(self, degrees=-20):
        """A steady turn about the vertical axis over the beat (theta only: the up axis stays
        up), so that the picture moves while the words are read."""
        self.theta += degrees * DEGREES
        return drift(self, theta=self.theta)

    def show_plane(self):
        self.equation = plane_equation(self.W2, font_size=30)
        self.equation.next_to(self.title, DOWN, buff=0.3).align_to(self.title, LEFT)
        room = self.table.get_left()[0] - 0.3 - self.equation.get_left()[0]  # left of the table
        if self.equation.width > room:  # (a run with longer weights)
            self.equation.scale_to_fit_width(room, about_edge=LEFT)
        fix_in_frame(self, self.equation)
        self.plane = hv.separating_plane(self.axes, self.W2, self.extent, opacity=0.25)
        # turn (by at most 40°) to where the cloud spreads most, the plane seen aslant
        self.theta = hv.clear_view_theta([d.get_center() for d in self.cloud], self.plane.normal,
                                         START_VIEW[0], self.theta, 40 * DEGREES)
        # the plane's patch ends below the equation from where the turn starts and ends
        camera = self.renderer.camera
        top = self.equation.get_bottom()[1] - 0.2
        for view in ((camera.get_phi(), camera.get_theta()), (START_VIEW[0], self.theta)):
            cut = self.plane_below(top, *view, camera.get_zoom(), camera.frame_center)
            if cut is not None:
                self.plane = cut
        self.add(self.plane, self.cloud)  # dots drawn over the plane
        self.remove(self.plane)
        # the origin marked: the plane passes beside it, not through it (the constant 1's doing),
        # at this distance
        w = self.W2[0]
        miss = abs(w[3]) / np.linalg.norm(w[:3])
        self.origin = Dot(self.axes.c2p(0, 0, 0), radius=0.07, color=FOREGROUND)
        hv.face_camera(self, VGroup(self.origin))
        # the gap is a few pixels in the whole picture: a square round the origin (its name is
        # in the inset), enlarged beside it, seen along the plane, with the perpendicular from
        # the origin and its length
        self.lens = Square(side_length=0.4, color=EMPHASIS, stroke_width=2)
        self.lens.anchor = self.axes.c2p(0, 0, 0)
        hv.pin_to_points(self, [self.lens])
        self.remove(self.lens)
        self.inset = gap_inset(miss, self.W2[0, 3]).to_corner(DL, buff=EDGE_BUFF).shift(UP * 0.75)
        fix_in_frame(self, self.inset)
        # dashed, in the frame's colour: a plain grey line would read as a fourth axis
        self.link = leader(self.inset[0].get_right(), self.lens.get_left())
        self.link.add_updater(lambda m: lay_leader(m, self.inset[0].get_right(), self.lens.get_left()))
        fix_in_frame(self, self.link)
        self.remove(self.link)
        # the gap and its length come by the middle of the words, before they name it
        beat(self, during(FadeIn(self.plane), 0, 0.2), during(Write(self.equation), 0, 0.25),
             during(FadeIn(self.origin, scale=3), 0.2, 0.28),
             during(Create(self.lens), 0.25, 0.33), during(FadeIn(self.link), 0.3, 0.36),
             during(FadeIn(self.inset[:2]), 0.3, 0.38), during(FadeIn(self.inset[2:4]), 0.34, 0.42),
             during(Create(self.inset[4]), 0.4, 0.48), during(FadeIn(self.inset[5:]), 0.44, 0.52),
             run_time=2.5, *drift(self, theta=self.theta),
             subcaption="The second layer is one plane: where the score z⁽²⁾ = W⁽²⁾x⁽²⁾ is zero. "
                        f"The constant 1 lets it miss the origin, here by {miss:.2f}.",
             spoken="The second layer is one plane: where the score, z two, equals W two times "
                    f"x layer two, is zero. The constant 1 lets it miss the origin, here by {miss:.2f}.")

    def show_normal(self):
        """The plane's normal, drawn from its point nearest the cloud, toward z⁽²⁾ > 0; the camera
        turns to look along the plane meanwhile, so that each side is seen whole."""
        n = self.plane.normal
        current = hv.camera_direction(self.camera.get_phi(), self.camera.get_theta())
        self.edge_view = hv.view_angles(hv.edge_on_direction(n, current))
        length = 0.8 * max(e[1] for e in self.extent)
        base = self.clear_base(length)
        start, end = self.axes.c2p(*base), self.axes.c2p(*(base + length * n))
        self.normal_ends = (start, end)
        # drawn flat in the frame between where the camera puts its two ends, so that its head
        # is a full triangle from every view (a 3-D arrow's head turns edge on)
        self.normal = Arrow(ORIGIN, RIGHT, buff=0, color=POSITIVE, stroke_width=7, tip_length=0.3,
                            max_tip_length_to_length_ratio=0.35)
        fix_in_frame(self, self.normal)
        self.remove(self.normal)
        grow = [0.0]

        def place(arrow):
            self.renderer.camera.reset_rotation_matrix()
            a, b = (self.renderer.camera.project_point(p) for p in (start, end))
            b = a + max(grow[0], 0.02) * (b - a)
            arrow.become(Arrow(a, b, buff=0, color=POSITIVE, stroke_width=7, tip_length=0.3,
                               max_tip_length_to_length_ratio=0.35))

        def grown(arrow, alpha):
            grow[0] = alpha
            place(arrow)

        label = tex(r"z^{(2)} > 0", font_size=LABEL, color=POSITIVE, colored=False)
        label.add_background_rectangle(color=style.BACKGROUND, opacity=0.8, buff=0.06)
        self.normal_label = label
        self.placer.add(label, end, prefer=UP)
        # then the points on that side, the ones the net calls blue, swell for a moment
        H = self.run.hidden_post[-1]
        blue = [dot for dot, h in zip(self.cloud, H) if h @ self.W2[0, :3] + self.W2[0, 3] > 0]
        base = self.cloud[0].width

        def swell(group, alpha):
            for dot in blue:
                dot.scale_to_fit_width(base * (1 + 0.8 * np.sin(np.pi * alpha)))

        beat(self, during(UpdateFromAlphaFunc(self.normal, grown), 0, 0.35), during(FadeIn(label), 0.3, 0.4),
             during(UpdateFromAlphaFunc(VGroup(*blue), swell), 0.5, 0.95), run_time=3,
             camera=dict(phi=self.edge_view[0], theta=self.edge_view[1], zoom=1.0,
                         frame_center=self.axes.c2p(*self.foot)),
             subcaption="Its arrow points to the side where z⁽²⁾ is positive: there ŷ is above one "
                        "half, and the net answers blue.",
             spoken="Its arrow points to the side where z two is positive: there y hat is above one "
                    "half, and the net answers blue.")
        self.normal.add_updater(place)

    def other_edge_view(self, turns=(-30, 30, -40, 40, -20, 20, -50, 50, -60, 60), zoom=0.95, room=(-2.7, 2.2, 6.5)):
        """dict(phi, theta, frame_center) of another view along the plane, turned about its
        normal from the one the arrow was drawn in (still from above), so that the plane is
        seen edge on anew; the camera's centre raised or lowered so that the axes and the
        points sit between the subtitle band and the words at the top (room: lowest and
        highest y, widest |x|, at `zoom`, the closest the camera is while it turns). None if
        no turn fits."""
        n = self.plane.normal
        d = hv.camera_direction(*self.edge_view)
        across = np.cross(n, d)
        points = np.vstack([hv.axes_points(self.axes), [hv._centre(dot) for dot in self.cloud]])
        centre = self.axes.c2p(*self.foot)  # where the camera looks since the arrow was drawn
        low, high, wide = room
        for turn in np.radians(turns):
            view = np.cos(turn) * d + np.sin(turn) * across
            if view[2] < 0.15:
                continue
            phi, theta = hv.view_angles(view)
            seen = hv.screen_points(points, phi, theta, zoom, centre)
            up = (low + high - seen[:, 1].min() - seen[:, 1].max()) / 2  # how far to raise it
            # the camera's centre moves within the plane (so that it stays exactly edge on),
            # along the line the plane makes on screen
            along = np.cross(n, view)
            step = (hv._camera_rotation(phi, theta) @ along)[1]
            if abs(step) < 0.3:
                continue
            look = centre - up / (zoom * step) * along
            seen = hv.screen_points(points, phi, theta, zoom, look)
            a, b = hv.screen_points(self.normal_ends, phi, theta, zoom, look)
            cloud = seen[6:]
            t = np.clip((cloud - a) @ (b - a) / max((b - a) @ (b - a), 1e-12), 0.2, 1.0)
            clear = np.linalg.norm(cloud - (a + t[:, None] * (b - a)), axis=1).min() > 0.12  # the arrow
            if clear and seen[:, 1].min() >= low and seen[:, 1].max() <= high and np.abs(seen[:, 0]).max() <= wide:
                now = self.camera.get_theta()  # the short way round
                return dict(phi=phi, theta=now + (theta - now + np.pi) % (2 * np.pi) - np.pi, frame_center=look)
        return None

    def plane_below(self, top, phi, theta, zoom, look, focal_distance=20.0):
        """W⁽²⁾'s plane cut to the part a camera at (phi, theta, zoom), looking at `look`, draws
        below the frame height `top`: a polygon of the same style (normal, offset, corners in
        hidden coordinates), or None if the whole plane is below it. A point's height on screen
        is zoom·F·Qy / (F − Qz) for its camera coordinates Q, so 'below top' is a half-space."""
        R = hv._camera_rotation(phi, theta)
        F = focal_distance

        def keep(h):  # > 0 above `top` on screen
            Q = R @ (np.asarray(self.axes.c2p(*h), float) - np.asarray(look, float))
            return zoom * F * Q[1] - top * (F - Q[2])

        corners = np.asarray(self.plane.vertices_hidden, float)
        if all(keep(c) <= 0 for c in corners):
            return None
        kept = clip_polygon(corners, keep)
        cut = Polygon(*[self.axes.c2p(*c) for c in kept], color=W2_COLOR, stroke_width=self.plane.get_stroke_width(),
                      fill_color=W2_COLOR, fill_opacity=self.plane.get_fill_opacity())
        cut.normal, cut.offset, cut.vertices_hidden = self.plane.normal, self.plane.offset, kept
        return cut

    def clear_base(self, length):
        """Where on the plane the normal arrow starts (hidden coordinates): of points spread over
        the plane's patch, the one whose arrow, `length` long, passes farthest from every point
        of the cloud as the edge-on view draws them, so that it crosses none of them."""
        n, corners = self.plane.normal, np.asarray(self.plane.vertices_hidden, float)
        middle = corners.mean(axis=0)
        candidates = [self.foot, middle] + [middle + f * (c - middle) for c in corners for f in (0.3, 0.55, 0.8)]
        phi, theta = self.edge_view
        seen = lambda P: hv.screen_points([self.axes.c2p(*p) for p in P], phi, theta)  # noqa: E731
        cloud = seen(self.run.hidden_post[-1])
        lo, hi = np.array([e[0] for e in self.extent]), np.array([e[1] for e in self.extent])

        def clearance(base):
            a, b = seen([base, base + length * n])
            t = np.clip((cloud - a) @ (b - a) / max((b - a) @ (b - a), 1e-12), 0, 1)
            return np.linalg.norm(cloud - (a + t[:, None] * (b - a)), axis=1).min()

        inside = [c for c in candidates if np.all(c + length * n >= lo - 0.5) and np.all(c + length * n <= hi + 0.5)]
        return max(inside or candidates, key=clearance)

    def count_sides(self):
        """How many points of each class lie on each side, counted here from the run."""
        n = self.run.n_samples
        # a wave runs through the cloud from the far z⁽²⁾ < 0 side to the far z⁽²⁾ > 0 side,
        # swelling each point as it passes; each side's row of counts comes as it is swept
        H = self.run.hidden_post[-1]
        score = H @ self.W2[0, :3] + self.W2[0, 3]
        place = np.argsort(np.argsort(score)) / max(len(score) - 1, 1)  # 0 … 1 in score order
        base = self.cloud[0].width
        cut = float(np.clip(np.mean(score <= 0), 0.1, 0.9))  # where the wave crosses the plane

        def wave(cloud, alpha):
            front = 1.2 * alpha - 0.1
            for dot, p in zip(cloud, place):
                dot.scale_to_fit_width(base * (1 + 0.9 * max(0.0, 1 - abs(front - p) / 0.08)))

        at = lambda p: (p + 0.1) / 1.2  # noqa: E731  (the alpha at which the wave reaches p)
        beat(self, UpdateFromAlphaFunc(self.cloud, wave, rate_func=linear),
             during(FadeIn(self.table[3:6]), at(0.0), at(cut)),
             during(FadeIn(self.table[6:]), at(cut), at(1.0)),
             run_time=2, *drift(self, zoom=1.06),  # edge on, and closing in
             subcaption=count_caption(self.wrong, n))

    def mark_wrong(self):
        """Ring every point on the other class's side (none: no beat)."""
        if not len(self.wrong):
            self.rings = VGroup()
            return
        self.rings = hv.face_camera(self, VGroup(*[
            Circle(radius=0.32, color=ERROR, stroke_width=5).move_to(self.cloud[i].get_center())
            for i in self.wrong]))
        # the wrong points themselves, larger and drawn over everything, so their colour shows
        self.wrong_dots = hv.face_camera(self, VGroup(*[
            self.cloud[i].copy().scale(1.8) for i in self.wrong]))
        cells = [self.table[4 + 3 * s + c] for s in (0, 1) for c in (0, 1) if s != c
                 and self.counts[s, c]]
        # a red box round each count of wrong points (the count keeps its class's colour)
        self.cell_boxes = [SurroundingRectangle(m, color=ERROR, buff=0.08, stroke_width=3) for m in cells]
        fix_in_frame(self, *self.cell_boxes)
        self.remove(*self.cell_boxes)
        wrong = set(int(i) for i in self.wrong)
        others = VGroup(*[d for i, d in enumerate(self.cloud) if i not in wrong])
        beat(self, Create(self.rings), FadeIn(self.wrong_dots),
             during(others.animate.set_opacity(0.3), 0, 0.3),  # so the ringed ones stand out
             *[Create(box) for box in self.cell_boxes], run_time=2,
             *drift(self, zoom=1.12), subcaption=ring_caption(self.run, self.wrong))
        self.dimmed = others

    def turn_edge_on(self):
        """Still edge on (the camera got there with the arrow), the dimmed points lit again: the
        plane a line, each colour on its side."""
        lit = []
        if len(self.wrong):
            # the lit points' group is drawn over what is already shown: the ringed points and
            # their rings are brought back over it (by an animation of their own, after it)
            ahead = VGroup(self.rings, self.wrong_dots)
            lit = [during(self.dimmed.animate.set_opacity(0.95), 0, 0.25),
                   UpdateFromAlphaFunc(ahead, lambda group, alpha: group)]
        # the turn done early (the still at 60 % of the words sees the new view), the zoom
        # eased back over the whole beat so that the picture keeps moving
        other = self.other_edge_view()
        turn = camera_to(self, 0, 0.45, **other) if other else []
        # the plane's line ends below the words at the top (the table, the equation): cut
        # there, as the camera draws it from the new view at its closest in the beat
        view = other or dict(phi=self.camera.get_phi(), theta=self.camera.get_theta(),
                             frame_center=self.axes.c2p(*self.foot))
        top = min(self.table.get_bottom()[1], self.equation.get_bottom()[1]) - 0.2
        cut = self.plane_below(top, view["phi"], view["theta"], self.camera.get_zoom(), view["frame_center"])
        clip = [during(Transform(self.plane, cut), 0, 0.45)] if cut is not None else []
        beat(self, *lit, *turn, *clip, *drift(self, zoom=0.9),
             run_time=4.5, hold=2.0,
             subcaption=edge_on_caption(self.counts, self.wrong, self.run.n_samples))
        if cut is not None:
            self.plane.vertices_hidden = cut.vertices_hidden


def hatch_marks(a, b, off, count=9, length=0.2, color=Z_COLOR, width=3):
    """`count` short slanted strokes from the segment a–b toward `off` (a direction): the
    side of a line that is hatched, as in a drawing of a constraint."""
    a, b, off = (np.asarray(v, float) for v in (a, b, off))
    along = (b - a) / np.linalg.norm(b - a)
    off = off / np.linalg.norm(off)
    slant = (off + 0.6 * along) / np.linalg.norm(off + 0.6 * along)
    marks = VGroup()
    for t in (np.arange(count) + 0.5) / count:
        p = a + t * (b - a)
        marks.add(Line(p, p + length * slant, color=color, stroke_width=width))
    return marks


def edge_toward(label, end, pad=0.04):
    """Where the line from `label`'s centre to `end` leaves its box (grown by `pad`); `end`
    itself when it lies inside the box."""
    c = label.get_center()
    d = np.asarray(end, float) - c
    half = (label.width / 2 + pad, label.height / 2 + pad)
    reach = min(half[0] / max(abs(d[0]), 1e-9), half[1] / max(abs(d[1]), 1e-9), 1.0)
    return c + reach * d


def pointer(label, end, color, width=2):
    """A line from the edge of `label`'s box (frame) to the point `end`."""
    end = np.asarray(end, float)
    return Line(edge_toward(label, end), end, color=color, stroke_width=width)


def clip_polygon(vertices, keep):
    """The polygon `vertices` (K, 3), in order, cut to where the affine function keep(p) ≤ 0
    (Sutherland–Hodgman against one plane): its corners in order, maybe none."""
    out = []
    V = [np.asarray(v, float) for v in vertices]
    for k, p in enumerate(V):
        q = V[k - 1]
        fp, fq = keep(p), keep(q)
        if (fp <= 0) != (fq <= 0):
            out.append(q + fq / (fq - fp) * (p - q))
        if fp <= 0:
            out.append(p)
    return np.array(out).reshape(-1, 3)


def colour_bar(width=2.4, height=0.24):
    """The heatmap's scale: ŷ from 0 (orange) through ½ (grey) to 1 (blue), with ticks."""
    values = np.linspace(0, 1, 97)[None, :]
    rgba = np.dstack([probability_rgb(values), np.full(values.shape, 255, np.uint8)])
    bar = ImageMobject(np.ascontiguousarray(rgba))
    bar.set_resampling_algorithm(0)
    bar.stretch_to_fit_width(width).stretch_to_fit_height(height)
    ticks = VGroup(*[tex(t, font_size=SMALL, colored=False).next_to(bar, DOWN, buff=0.08)
                     .set_x(bar.get_left()[0] + f * width)
                     for t, f in (("0", 0), (r"\tfrac{1}{2}", 0.5), ("1", 1))])
    name = tex(r"\hat{y}", font_size=LABEL).next_to(bar, LEFT, buff=0.15)
    return Group(name, bar, ticks)


def leader(start, end, dashes=14):
    """The dashed line from an inset's frame to the square it enlarges, in the frame's colour:
    a fixed number of dashes, each a Line that lay_leader() moves (a DashedLine redrawn would change
    its count of dashes, and dashes added to a group fixed in the frame are drawn in 3-D)."""
    line = VGroup(*[Line(ORIGIN, RIGHT, color=EMPHASIS, stroke_width=2) for _ in range(dashes)])
    return lay_leader(line, start, end)


def lay_leader(line, start, end, ratio=0.55):
    """Lay the dashes of a leader() from start to end."""
    a, b = np.asarray(start, float), np.asarray(end, float)
    n = len(line)
    for k, dash in enumerate(line):
        dash.put_start_and_end_on(a + (b - a) * k / n, a + (b - a) * (k + ratio) / n)
    return line


def gap_inset(miss, bias, width=3.2, height=2.2, gap=0.8):
    """The neighbourhood of the origin, enlarged and seen along W⁽²⁾'s plane: the plane a line,
    the origin `miss` from it (on the side its sign, the bias's, puts it), and the
    perpendicular between them labelled with that distance.

    [box, heading, plane, plane name, perpendicular, right angle, origin, origin name, length]"""
    box = Rectangle(width=width, height=height, color=EMPHASIS, stroke_width=2)
    heading = note("the origin, enlarged", font_size=SMALL, color=MUTED)
    heading.move_to(box.get_top() + DOWN * 0.28)
    side = -1 if bias < 0 else 1  # the origin's side: z⁽²⁾ there is the bias
    y = -side * gap / 2 - 0.2
    plane = Line(box.get_left() + RIGHT * 0.15 + UP * y, box.get_right() + LEFT * 0.15 + UP * y,
                 color=W2_COLOR, stroke_width=4)
    name = tex(r"z^{(2)} = 0", font_size=SMALL).next_to(plane, side * DOWN, buff=0.1).align_to(plane, RIGHT)
    foot = plane.get_center() + RIGHT * 0.2
    point = foot + side * gap * UP
    perpendicular = DashedLine(point, foot, color=FOREGROUND, stroke_width=2.5, dash_length=0.07)
    corner = VMobject(stroke_color=FOREGROUND, stroke_width=2).set_points_as_corners(
        [foot + RIGHT * 0.14, foot + RIGHT * 0.14 + side * UP * 0.14, foot + side * UP * 0.14])
    origin = Dot(point, radius=0.07, color=FOREGROUND)
    origin_name = note("origin", font_size=SMALL, color=MUTED).next_to(origin, LEFT, buff=0.12)
    length = tex(f"{miss:.2f}", font_size=LABEL, colored=False).next_to(perpendicular, RIGHT, buff=0.2)
    return VGroup(box, heading, plane, name, perpendicular, corner, origin, origin_name, length)


def plane_equation(W2, font_size=style.BODY):
    """z⁽²⁾ = w₁x⁽²⁾₁ + w₂x⁽²⁾₂ + w₃x⁽²⁾₃ + w₄ = 0 with the run's weights (two decimals): the
    weights in W⁽²⁾'s colour, each x⁽²⁾ᵢ one symbol, its index under the (2), as on the axes
    (the symbol colours would split x^{(2)}_1 and hang the index after the superscript).

    [z⁽²⁾ =, w₁, x⁽²⁾₁, w₂, x⁽²⁾₂, w₃, x⁽²⁾₃, w₄, = 0]"""
    w = np.asarray(W2, dtype=float).reshape(-1)
    sign = lambda v: "-" if v < 0 else "+"  # noqa: E731
    parts = [r"z^{(2)} =", f"{w[0]:.2f}\\,", r"x^{(2)}_1"]
    for i in (1, 2):
        parts += [f"{sign(w[i])} {abs(w[i]):.2f}\\,", f"x^{{(2)}}_{i + 1}"]
    parts += [f"{sign(w[3])} {abs(w[3]):.2f}", "= 0"]
    mob = tex(*parts, font_size=font_size, colored=False)
    mob[0][:4].set_color(Z_COLOR)  # z^{(2)}
    for k in (1, 3, 5, 7):
        mob[k].set_color(W2_COLOR)
    for k in (2, 4, 6):
        mob[k].set_color(style.X_COLOR)
    return mob


def side_table(counts):
    """A 3×3 grid: a header naming the classes (it is the scene's colour key), then per side
    of the plane (z⁽²⁾ < 0, z⁽²⁾ > 0) how many points of each class lie there."""
    cells = VGroup(VGroup())  # the empty corner
    for c, name in enumerate(CLASS_NAMES):
        cells.add(VGroup(Dot(radius=0.08, color=style.class_color(c)),
                         note(f"{name}, y = {c}", font_size=SMALL, color=FOREGROUND))
                  .arrange(RIGHT, buff=0.1))
    for s, rel in ((0, "<"), (1, ">")):
        cells.add(tex(rf"z^{{(2)}} {rel} 0", font_size=LABEL))
        for c in (0, 1):
            cells.add(Integer(int(counts[s, c]), font_size=style.BODY, color=style.class_color(c)))
    return cells.arrange_in_grid(rows=3, cols=3, col_alignments="lrr", buff=(0.4, 0.18))


def _along(polyline, t):
    """The point a share `t` of the way along a polyline (K, d), by length."""
    P = np.asarray(polyline, float)
    lengths = np.linalg.norm(np.diff(P, axis=0), axis=1)
    s = t * lengths.sum()
    for p, q, length in zip(P[:-1], P[1:], lengths):
        if s <= length or length == lengths[-1]:
            return p + (q - p) * min(s / max(length, 1e-12), 1.0)
        s -= length
    return P[-1]


def _direction_at(polyline, t, eps=0.02):
    """The unit direction of a 2-D polyline a share `t` of the way along it."""
    d = _along(polyline, min(t + eps, 1)) - _along(polyline, max(t - eps, 0))
    return d[:2] / max(np.linalg.norm(d[:2]), 1e-12)


def distance_to_polyline(point, polyline):
    """The distance from a 2-D point to a polyline (K, 2)."""
    P = np.asarray(polyline, float)[:, :2]
    p = np.asarray(point, float)[:2]
    a, b = P[:-1], P[1:]
    ab = b - a
    t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.maximum(np.einsum("ij,ij->i", ab, ab), 1e-12), 0, 1)
    return float(np.min(np.linalg.norm(a + t[:, None] * ab - p, axis=1)))


def _crosses(a, b, polyline):
    """Whether the segment a–b crosses the 2-D polyline."""
    P = np.asarray(polyline, float)[:, :2]
    cross = lambda u, v: u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0]  # noqa: E731
    p, r = P[:-1], P[1:] - P[:-1]
    q, s = np.asarray(a, float)[:2], np.asarray(b, float)[:2] - np.asarray(a, float)[:2]
    denom = cross(r, s)
    ok = np.abs(denom) > 1e-12
    t = np.where(ok, cross(q - p, s) / np.where(ok, denom, 1), -1)
    u = np.where(ok, cross(q - p, r) / np.where(ok, denom, 1), -1)
    return bool(np.any(ok & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)))


def box_distance(c, half, polyline, n=80):
    """How far a box (centre c, half size `half`) is from a 2-D polyline (0 where they meet)."""
    P = np.asarray(polyline, float)[:, :2]
    fine = np.vstack([_along(P, s) for s in np.linspace(0, 1, n)])
    gap = np.maximum(np.abs(fine - np.asarray(c, float)[:2]) - half, 0)
    return float(np.min(np.linalg.norm(gap, axis=1)))


def _closed_outline_points(polygon, step=0.03):
    """Points every `step` or closer along the closed 2-D polygon's edges (M, 2)."""
    P = np.asarray(polygon, float)[:, :2]
    out = []
    for p, q in zip(P, np.roll(P, -1, axis=0)):
        n = max(int(np.ceil(np.linalg.norm(q - p) / step)), 1)
        out.append(p + np.linspace(0, 1, n, endpoint=False)[:, None] * (q - p))
    return np.vstack(out)


def _tag_cost(c, half, foot, line, others, dots, taken, bounds, leaders=()):
    """How poor a spot `c` (screen) is for a label of half size `half` naming `line` at `foot`:
    None when it leaves `bounds` (x0, x1, y0, y1), covers a label of `taken`, any line or one
    of `leaders`;
    else 100 for each line of `others` it is not clearly nearer its own line than, or its
    leader crosses, and 1 for each point it covers."""
    x0, x1, y0, y1 = bounds
    if c[0] - half[0] < x0 or c[0] + half[0] > x1 or c[1] - half[1] < y0 or c[1] + half[1] > y1:
        return None
    if any(np.all(np.abs(c - q) < half + h + 0.1) for q, h in taken):
        return None
    own = box_distance(c, half, line)
    if own < 0.1:
        return None
    if any(box_distance(c, half, o) < 0.05 for o in [*others, *leaders]):  # it would cover a line
        return None
    # (soft, so that some spot is found: the least bad one)
    wrong = sum(box_distance(c, half, o) < own + 0.2 or _crosses(c, foot, o) for o in others)
    return 100 * wrong + int(np.sum(np.all(np.abs(np.asarray(dots)[:, :2] - c) < half + 0.05, axis=1)))


MAP_SIDE = 5.4  # DecisionRegions' map, in the input plane
MAP_CENTRE = (-0.2, 0.05, 0.0)
VIEW_LIFT = 0.5  # DecisionRegions' camera: how far (floor units) the map is shown lower
SURFACE_THETAS = (-130, -136, -143, -150)  # the views the raised surface is seen from


BAND_TOP = -config.frame_height * (0.5 - 0.12)  # the top of the subtitle band (the bottom 12 %)


class _Lowered:
    """Where the 3-D camera reads a mobject's depth (its z_index_group's centre): `depth`
    units under the mobject's own centre, so that it is drawn before what lies above."""

    def __init__(self, mob, depth):
        self.mob, self.depth = mob, depth

    def get_center(self):
        return self.mob.get_center() - self.depth * OUT


class DecisionRegions(ThreeDScene):
    """The output map in the input plane, then the score z⁽²⁾ raised as a height surface over
    it: flat between the ReLU creases, folded along them, and cut at height 0 by the boundary.
    Whether the boundary bends, and where, is computed from the run (toynet_core.boundary)."""

    def construct(self):
        self.run = load_scene_run()
        self.W1, self.W2 = self.run.W1[-1], self.run.W2[-1]
        self.extent = tuple(self.run.grid_extent)
        self.paths = boundary_paths(self.W1, self.W2, self.extent)
        self.shape_words, self.why_words = boundary_words(self.run, self.extent)
        self.show_regions()
        self.show_boundary()
        self.show_creases()
        self.raise_surface()
        self.slice_at_zero()
        self.explain_shape()

    # -- beats ---------------------------------------------------------------------------
    def show_regions(self):
        run = self.run
        self.set_camera_orientation(phi=0, theta=-90 * DEGREES, zoom=1.0)
        self.title = title("Back in the input plane")  # centred, as the other scenes' titles
        fix_in_frame(self, self.title)
        # as large as the height between the title and the subtitle band allows (its numbers
        # outside it), its right edge near the keys
        self.axes = input_axes(self.extent, side=MAP_SIDE, numbers=False).move_to(MAP_CENTRE)
        # the final weights' map on a grid four times finer than the run's stored one, so the
        # boundary between the colours is not a staircase at this size
        self.heatmap = grid_image(probability_rgb(output_grid(self.W1, self.W2, self.extent)),
                                  self.axes, self.extent)
        self.dots = data_dots(self.axes, run.X, run.y)
        x1, x2 = (tex(n, font_size=LABEL, colored=False) for n in ("x_1", "x_2"))
        self.names = VGroup(x1.next_to(self.axes.x_axis, RIGHT, buff=0.15),
                            x2.next_to(self.axes.y_axis.get_end(), RIGHT, buff=0.12), *self.tick_numbers())
        # fixed in the frame at the point they name, so they stay upright and full size when
        # the camera tilts (flat on the floor they would shrink to a few pixels)
        for name in self.names:
            name.anchor = name.get_center()
        hv.pin_to_points(self, self.names)
        self.remove(*self.names)
        self.key = colour_bar()
        self.key.move_to(RIGHT * 2.9 + UP * 2.3, aligned_edge=UL)
        fix_in_frame(self, self.key)
        beat(self, FadeIn(self.title), FadeIn(self.heatmap), Create(self.axes), FadeIn(self.names),
             FadeIn(self.dots), FadeIn(self.key), run_time=2.5,
             subcaption="Back in the input plane, the net's answer is a map: orange where ŷ is "
                        "below one half, blue where it is above.",
             spoken="Back in the input plane, the net's answer is a map: orange where y hat is "
                    "below one half, blue where it is above.")

    def tick_numbers(self):
        """The axes' whole numbers, outside the map (where no cluster covers them): x₁'s below
        its bottom edge, x₂'s left of its left edge, each under or beside its grid value."""
        x0, x1, y0, y1 = self.extent
        numbers = []
        for v in range(int(np.ceil(x0)), int(np.floor(x1)) + 1):
            numbers.append(tex(str(v), font_size=SMALL, color=MUTED, colored=False)
                           .next_to(self.axes.c2p(v, y0), DOWN, buff=0.1))
        for v in range(int(np.ceil(y0)), int(np.floor(y1)) + 1):
            numbers.append(tex(str(v), font_size=SMALL, color=MUTED, colored=False)
                           .next_to(self.axes.c2p(x0, v), LEFT, buff=0.12))
        return numbers

    def show_boundary(self):
        self.boundary = VGroup(*[
            VMobject(stroke_color=FOREGROUND, stroke_width=4).set_points_as_corners(
                [self.axes.c2p(*p) for p in path.points]) for path in self.paths])
        key = tex(r"z^{(2)} = 0", font_size=LABEL)
        line = Line(ORIGIN, RIGHT * 0.28, color=FOREGROUND, stroke_width=4)
        self.boundary_key = VGroup(line, key).arrange(RIGHT, buff=0.15)
        self.boundary_key.next_to(self.key, DOWN, buff=0.2, aligned_edge=LEFT)
        fix_in_frame(self, self.boundary_key)
        # drawn in the first third, every line of it: the still at 60 % of the words shows all
        beat(self, during(Create(self.boundary), 0, 0.35), during(FadeIn(self.boundary_key), 0, 0.2),
             run_time=2,
             subcaption="The boundary runs where ŷ is exactly one half, that is, where the "
                        "score z⁽²⁾ is zero.",
             spoken="The boundary runs where y hat is exactly one half, that is, where the "
                    "score, z two, is zero.")

    def show_creases(self):
        """Each unit's crease (where it turns on): the line W⁽¹⁾ row i · x̃ = 0."""
        segments = geometry.crease_segments(self.W1, self.extent)
        self.creases, self.crease_labels, self.hatches = VGroup(), VGroup(), VGroup()
        ends = []
        for u, seg in enumerate(segments):
            if seg is None:
                continue
            a, b = self.axes.c2p(*seg[0]), self.axes.c2p(*seg[1])
            # each unit in its own colour, as its fold in ReluFold, so that its crease, the side
            # it hatches and its name are told from the others'
            self.creases.add(DashedLine(a, b, color=UNIT_COLORS[u], stroke_width=3))
            self.hatches.add(self.hatching(u, seg))
            # named as the units are named elsewhere (a bare digit reads as an axis' number)
            label = note(f"unit {u + 1}", font_size=SMALL, color=UNIT_COLORS[u])
            label.add_background_rectangle(color=style.BACKGROUND, opacity=0.8, buff=0.05)
            self.crease_labels.add(label)
            ends.append((a, b))
        # each name beside its crease, once every crease and hatch is known: where it crosses
        # no line of the picture (creases, hatches, boundary, axes), no other name, fewest points
        self.crease_pointers = VGroup()
        for k, (label, (a, b)) in enumerate(zip(self.crease_labels, ends)):
            centre, foot = self.crease_label_spot(label, a, b, k, ends)
            label.move_to(centre)
            label.anchor = label.get_center()
            # a short line in the unit's colour from the name to its crease: where creases run
            # close, the name stands past the next line, and the line says whose it is
            self.crease_pointers.add(pointer(label, foot, label[1].get_color()))
        # a hatch stroke that still reaches under a name is left out (the others show the side)
        for marks in self.hatches:
            for mark in list(marks):
                if any(box_distance(m.get_center(), np.array([m.width, m.height]) / 2 + 0.04,
                                    [mark.get_start(), mark.get_end()]) == 0 for m in self.crease_labels):
                    marks.remove(mark)
        hv.pin_to_points(self, self.crease_labels)
        self.remove(*self.crease_labels)
        key = tex(r"z^{(1)}_i = 0", font_size=LABEL, color=Z_COLOR, colored=False)
        # one short dash per unit, in its colour (each crease is drawn in its unit's)
        dash = VGroup(*[DashedLine(ORIGIN, RIGHT * 0.28, color=c, stroke_width=3, dash_length=0.06)
                        for c in UNIT_COLORS]).arrange(DOWN, buff=0.06)
        self.crease_key = VGroup(dash, key, note("unit i's crease", font_size=SMALL))
        self.crease_key.arrange(RIGHT, buff=0.15).next_to(self.boundary_key, DOWN, buff=0.2,
                                                          aligned_edge=LEFT)
        sample = hatch_marks(np.array([0.0, 0.0, 0.0]), np.array([0.28, 0.0, 0.0]), DOWN, count=2,
                             length=0.26, color=FOREGROUND, width=4)
        self.hatch_key = VGroup(sample, note("side where it gives 0", font_size=SMALL))
        self.hatch_key.arrange(RIGHT, buff=0.15).next_to(self.crease_key, DOWN, buff=0.2, aligned_edge=LEFT)
        fix_in_frame(self, self.crease_key, self.hatch_key)
        # the creases drawn one after another, each with its number, while the words name them
        # (done before the still at 60 % of the words; the key names them from the start)
        n = len(self.creases)
        runs = []
        for k, (line, label, tie) in enumerate(zip(self.creases, self.crease_labels, self.crease_pointers)):
            at = 0.05 + 0.45 * k / n, 0.05 + 0.45 * (k + 1) / n
            shown = at[0], at[0] + 0.5 * (at[1] - at[0])
            runs += [during(Create(line), *at), during(FadeIn(label), *shown), during(FadeIn(tie), *shown)]
        # then the side where each unit gives 0, hatched, all at once, with its key
        runs += [during(FadeIn(self.hatches), 0.5, 0.58), during(FadeIn(self.hatch_key), 0.5, 0.58)]
        beat(self, during(FadeIn(self.crease_key), 0, 0.15), *runs, run_time=2,
             subcaption="Each hidden unit has a crease, a straight line: on one side ReLU "
                        "passes the unit on, on the other it outputs zero.")

    def hatching(self, unit, seg, count=5):
        """Strokes along unit's crease `seg` (input coordinates) on the side where the unit is
        off (W⁽¹⁾ row · x̃ < 0, ReLU gives 0): which side is which, computed. Few, long and thick
        enough to be told from the points in the band at 480p."""
        a, b = (np.asarray(self.axes.c2p(*p), float) for p in seg)
        # the unit's value falls along −(its row's input weights); the map's two scales are one
        off = -np.array([*self.W1[unit, :2], 0.0])
        return hatch_marks(a, b, off, count=count, length=0.42, color=UNIT_COLORS[unit], width=5)

    def crease_label_spot(self, label, a, b, k, ends):
        """Where unit k's name goes (frame point, the camera looking straight down): beside its
        crease a–b, near an end, or just past an end outside the map, at the spot that crosses
        no crease, hatch stroke, boundary line, axis or other name, stays off the keys, the
        title and the band, and covers fewest points (the first of equals: nearest an end);
        the fewer lines between it and its crease the better. Returns (centre, the point of the
        crease it names)."""
        half = np.array([label.width, label.height]) / 2 + 0.05
        along = (b - a) / np.linalg.norm(b - a)
        across = np.array([-along[1], along[0], 0.0])
        lines = [[p, q] for p, q in ends]
        lines += [[m.get_start(), m.get_end()] for marks in self.hatches for m in marks]
        lines += [[self.axes.c2p(*p) for p in path.points] for path in self.paths]
        lines += [[axis.get_start(), axis.get_end()] for axis in (self.axes.x_axis, self.axes.y_axis)]
        boxes = [(m.get_center()[:2], np.array([m.width, m.height]) / 2)
                 for m in [*self.names, *self.crease_labels[:k]]]
        dots = np.array([d.get_center()[:2] for d in self.dots])
        x0, x1, y0, y1 = self.extent
        lo, hi = np.array(self.axes.c2p(x0, y0))[:2], np.array(self.axes.c2p(x1, y1))[:2]
        keys = [self.key, self.boundary_key]
        right = min(m.get_left()[0] for m in keys) - 0.15
        top = self.title.get_bottom()[1] - 0.15

        def extent_along(d):  # how far the box reaches from its centre in the direction d
            return abs(d[0]) * half[0] + abs(d[1]) * half[1]

        candidates = []  # (penalty for where it is, centre, the crease's point it names)
        # between the hatch strokes (at odd tenths), so that a leader does not end on one
        for rank, t in enumerate((0.8, 0.2, 0.95, 0.05, 0.6, 0.4)):
            p = a + t * (b - a)
            for side in (1, -1):
                for gap in (0.1, 0.25, 0.4, 0.6, 0.8):
                    candidates.append((0.1 * rank + gap, p + side * across * (gap + extent_along(across)), p))
        for end, out in ((b, along), (a, -along)):
            for gap in (0.12, 0.3):
                candidates.append((0.5 + gap, end + out * (gap + extent_along(out)), end))
        best = None
        for penalty, c, foot in candidates:
            c = np.asarray(c, float)[:2]
            if c[0] - half[0] < -config.frame_width / 2 + 0.1 or c[0] + half[0] > right:
                continue
            if c[1] + half[1] > top or c[1] - half[1] < BAND_TOP + 0.1:
                continue
            cost = penalty
            cost += 100 * sum(box_distance(c, half + 0.03, line) == 0 for line in lines)
            cost += 100 * sum(bool(np.all(np.abs(c - q) < half + h + 0.05)) for q, h in boxes)
            # half in the map, half out of it, the name would cross the map's edge
            inside = np.all(c - half > lo) and np.all(c + half < hi)
            outside = np.any(c + half < lo) or np.any(c - half > hi)
            cost += 0 if inside or outside else 50
            cost += 3 * int(np.sum(np.all(np.abs(dots - c) < half + 0.05, axis=1)))
            # the leader, to the crease's nearest point: short, over no point, and crossing no
            # other line (its own crease's ends not counted)
            a2, b2 = np.asarray(a, float)[:2], np.asarray(b, float)[:2]
            foot = a2 + np.clip((c - a2) @ (b2 - a2) / ((b2 - a2) @ (b2 - a2)), 0, 1) * (b2 - a2)
            reach = max(np.linalg.norm(foot - c) - extent_along(np.array([*(foot - c), 0.0]) / max(np.linalg.norm(foot - c), 1e-9)), 0)
            cost += 2 * reach
            t = np.clip((dots - c) @ (foot - c) / max((foot - c) @ (foot - c), 1e-12), 0, 1)
            cost += 2 * int(np.sum(np.linalg.norm(dots - (c + t[:, None] * (foot - c)), axis=1) < 0.06))
            foot = np.array([*foot, 0.0])
            cost += 10 * sum(_crosses(c, foot, line) for line in lines[len(ends):]) + 10 * sum(
                _crosses(c, foot, line) for j, line in enumerate(lines[:len(ends)]) if j != k)
            if best is None or cost < best[0]:
                best = (cost, c, foot)
        if best is None:  # no spot inside the room: on the crease's middle, as a last resort
            middle = (np.asarray(a, float) + np.asarray(b, float)) / 2
            return middle, middle
        return np.array([*best[1], 0.0]), np.asarray(best[2], float)

    def raise_surface(self):
        """z⁽²⁾ as a height over the plane: one flat polygon per piece, grown from 0."""
        pieces = score_pieces(self.W1, self.W2, self.extent)
        self.height_scale = 1.9 / max(np.abs(h).max() for _, h, _, _ in pieces)
        self.pieces = pieces
        self.surface = VGroup()
        # each flat piece lit by its own tilt, the least lit at half strength and the most at
        # full (spread over the whole range, so that the bends between pieces show), and
        # nearly opaque, so that the floor's grid does not show through
        raw = np.array([self.facet_light(poly, h) for poly, h, _, _ in pieces])
        spread = raw.max() - raw.min()
        light = 0.5 + 0.5 * (raw - raw.min()) / spread if spread > 1e-6 else np.ones(len(raw))
        for (poly, h, _, positive), lit in zip(pieces, light):
            color = interpolate_color(style.BACKGROUND, POSITIVE if positive else NEGATIVE, lit)
            face = Polygon(*[self.axes.c2p(*p) for p in poly], stroke_color=FOREGROUND,
                           stroke_width=1.25, stroke_opacity=0.7, fill_color=color,
                           fill_opacity=0.9, shade_in_3d=True)
            self.surface.add(face)

        self.rise = 0.0  # how far the surface has risen: the labels leaving it ride along

        def grow(surface, alpha):
            self.rise = alpha
            for face, (poly, h, _, _) in zip(surface, pieces):
                face.set_points_as_corners([*(self.axes.c2p(*p) + OUT * alpha * self.height_scale * z
                                              for p, z in zip(poly, h)),
                                            self.axes.c2p(*poly[0]) + OUT * alpha * self.height_scale * h[0]])
            return surface

        self.grow = grow
        self.z_axis = self.height_axis(pieces)
        # each crease lifted onto the surface: where it folds (corners where creases cross)
        self.folds = VGroup()
        for u, seg in enumerate(geometry.crease_segments(self.W1, self.extent)):
            if seg is None:
                continue
            P = geometry.split_at_creases(self.W1, *seg)
            self.folds.add(VMobject(stroke_color=UNIT_COLORS[u], stroke_width=5).set_points_as_corners(
                [self.axes.c2p(*p) + OUT * self.height_scale * z
                 for p, z in zip(P, forward(self.W1, self.W2, P).z2)]))
        self.formula = tex(r"\text{height} = z^{(2)} = W^{(2)} x^{(2)}", font_size=LABEL)
        self.formula.next_to(self.crease_key, DOWN, buff=0.35, aligned_edge=LEFT)
        fix_in_frame(self, self.formula)
        # the surface's colours are the score's sign (the colour bar leaves with the map)
        self.sign_key = VGroup(*[
            VGroup(Square(side_length=0.22, stroke_width=0, fill_color=colour, fill_opacity=0.9),
                   tex(rf"z^{{(2)}} {rel} 0", font_size=LABEL)).arrange(RIGHT, buff=0.15)
            for colour, rel in ((POSITIVE, ">"), (NEGATIVE, "<"))]).arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        self.sign_key.next_to(self.formula, DOWN, buff=0.3, aligned_edge=LEFT)
        fix_in_frame(self, self.sign_key)
        self.add(self.surface)
        rise_dots = self.dots_on_surface()
        self.move_labels_off_surface()
        ticks = self.names[2:]  # numbers of the floor, which the surface covers
        # the colour bar goes with the map it explains (the surface's colours are signs); the
        # camera turns first, to the view the slice keeps, and the surface then rises, the
        # points and the labels with it
        beat(self, *camera_to(self, 0, 0.75, **self.view(-130)),  # turning on after the rise: the beat moves
             during(UpdateFromAlphaFunc(self.surface, grow), 0.2, 0.45),
             during(UpdateFromAlphaFunc(self.dots, rise_dots), 0.2, 0.45),
             during(FadeOut(self.heatmap), 0, 0.2),  # gone before the camera tilts far
             during(FadeOut(self.key), 0, 0.2), during(FadeOut(ticks), 0, 0.2),
             during(FadeOut(self.hatches), 0, 0.2), during(FadeOut(self.hatch_key), 0, 0.2),
             during(FadeOut(self.crease_pointers), 0, 0.2),  # the names leave the floor
             during(FadeIn(self.formula), 0.2, 0.4), during(FadeIn(self.sign_key), 0.2, 0.4),
             during(Create(self.z_axis[0]), 0.2, 0.45),
             during(Create(self.folds), 0.45, 0.57),  # done before the still at 60 % of the words
             # the dotted creases on the floor give way to the solid folds where the surface bends
             during(FadeOut(self.creases), 0.45, 0.57),
             during(FadeIn(VGroup(*[label.leader for label in self.crease_labels])), 0.47, 0.57),
             during(FadeIn(self.z_axis[1:]), 0.35, 0.5), run_time=4,
             subcaption="Now raise each point to the height of its score z⁽²⁾: the surface is "
                        "flat between creases and bends along them.",
             spoken="Now raise each point to the height of its score, z two: the surface is "
                    "flat between creases and bends along them.")
        self.remove(self.renderer.camera._frame_center)  # (as move_camera does: no redraw of all)

    def dots_on_surface(self):
        """The data points ride up with the surface, each to its own score z⁽²⁾ (computed), so
        that the clusters stay seen on it: kept facing the camera, with a dark rim so that a dot
        reads on the face of its own colour. Returns the updater of their rise."""
        self.dot_heights = forward(self.W1, self.W2, self.run.X).z2
        floor = np.array([self.axes.c2p(*x) for x in self.run.X])
        self.dots.set_stroke(style.BACKGROUND, width=1, opacity=1)
        for dot in self.dots:  # a little larger on the tilted surface, each about its centre
            dot.scale(1.3)
        hv.face_camera(self, self.dots)

        def rise(dots, alpha):
            for dot, p, z in zip(dots, floor, self.dot_heights):
                target = p + OUT * alpha * self.height_scale * z
                dot.points = dot.points + (target - hv._centre(dot))
            return dots

        return rise

    def surface_outlines(self, view):
        """Where the raised surface and the floor under it are drawn from `view` (a view()
        dict): one frame polygon (k, 2) per face, and the floor's."""
        args = (view["phi"], view["theta"], view["zoom"], view["frame_center"])
        faces = [[self.axes.c2p(*p) + OUT * self.height_scale * z for p, z in zip(poly, h)]
                 for poly, h, _, _ in self.pieces]
        x0, x1, y0, y1 = self.extent
        faces.append([self.axes.c2p(*c) for c in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))])
        return [hv.screen_points(f, *args) for f in faces]

    def clear_spot(self, mob, candidates, fold=None):
        """The first of the scene points `candidates` at which `mob`, pinned there, covers no
        part of the raised surface or its floor, no other label, nor the keys, the title or the
        subtitle band, and (for a crease's name, `fold` its index in self.folds) stands nearer
        its own fold than any other, from every view the surface is seen from (if none, the one
        that costs least)."""
        from scenes.ch2_network.hidden_space import inside_polygon

        half = np.array([mob.width / 2 + 0.08, mob.height / 2 + 0.08])
        probe = np.array([[i, j] for i in (-1, -0.5, 0, 0.5, 1) for j in (-1, 0, 1)]) * half
        keys = [k for k in (self.key, self.boundary_key, self.crease_key, self.formula, self.sign_key)]
        left = min(k.get_left()[0] for k in keys) - 0.1
        top = self.title.get_bottom()[1] - 0.1
        outlines = [self.surface_outlines(self.view(t)) for t in SURFACE_THETAS]
        folds = [[hv.screen_points(f.get_anchors(), v["phi"], v["theta"], v["zoom"], v["frame_center"])
                  for f in self.folds] for v in map(self.view, SURFACE_THETAS)]

        def seen(point, v):
            return hv.screen_points([point], v["phi"], v["theta"], v["zoom"], v["frame_center"])[0]

        def cost(point):  # 0 when clear from every view; else how much it covers
            total = 0
            for theta, polys, lines in zip(SURFACE_THETAS, outlines, folds):
                v = self.view(theta)
                c = seen(point, v)
                if fold is not None:  # nearer another fold: its leader must say (a light cost)
                    own = box_distance(c, half, lines[fold])
                    total += 0.01 * sum(box_distance(c, half, o) < own + 0.15
                                       for j, o in enumerate(lines) if j != fold)
                # 0.4 above the band: between the views listed, mid-turn, a name was seen up to
                # a quarter of a unit lower than at any of them
                if c[0] - half[0] < -7 or c[0] + half[0] > left or c[1] + half[1] > top or c[1] - half[1] < BAND_TOP + 0.4:
                    total += 100
                total += sum(int(inside_polygon(c + probe, poly).sum()) for poly in polys)
                # another label is here (the height axis', or one moved already)
                total += 50 * sum(bool(np.all(np.abs(c - seen(q, v) - shift) < half + h))
                                  for q, h, shift in self.placed)
            return total

        costs = []
        for p in candidates:
            costs.append(cost(p))
            if costs[-1] == 0:
                break
        spot = np.asarray(candidates[int(np.argmin(costs))], float)
        self.placed.append((spot, half, np.zeros(2)))
        return spot

    def move_labels_off_surface(self):
        """The creases' numbers and the axes' names move, as the surface rises, to the nearest
        place just outside the map where the surface and its floor leave them clear: past a
        crease's end (at the height where its fold meets the map's edge) or past an axis' end."""
        reach = np.linspace(0.15, 1.5, 10)  # input units past the map's edge
        # (scene point, half size, offset on screen) of each label in the way: the height
        # axis' numbers and name, then each label moved so far
        self.placed = [(hv.anchor_of(m), np.array([m.width / 2, m.height / 2]) + 0.04, shift)
                       for m, shift in zip(self.z_axis[1:], self.z_axis_offsets)]
        segments = [s for s in geometry.crease_segments(self.W1, self.extent) if s is not None]
        for k, (label, seg) in enumerate(zip(self.crease_labels, segments)):
            ends = [np.asarray(e, float) for e in seg]
            heights = forward(self.W1, self.W2, np.array(ends)).z2
            candidates = []
            for t in reach:
                for e, other, z in zip(ends, ends[::-1], heights):
                    d = (e - other) / np.linalg.norm(e - other)
                    for lift in (z, 0.0):
                        candidates.append(self.axes.c2p(*(e + t * d)) + OUT * self.height_scale * lift)
            self.rise_label(label, self.clear_spot(label, candidates, fold=k))
            # a leader in the unit's colour to its fold's nearer end (where creases meet, the
            # names stand close: the leader says whose is whose), rising with the surface
            spot = self.axes.p2c(label.raised_anchor)[:2]
            e, z = min(zip(ends, heights), key=lambda ez: np.linalg.norm(ez[0] - spot))
            end = self.axes.c2p(*e)
            label.fold_end = lambda end=end, z=z: end + OUT * self.rise * self.height_scale * z
            label.leader = self.leader_to(label, target=label.fold_end, color=label[1].get_color())
        x0, x1, y0, y1 = self.extent
        for name, end, d in zip(self.names[:2], ((x1, 0.0), (0.0, y1)), ((1.0, 0.0), (0.0, 1.0))):
            e, d = np.asarray(end), np.asarray(d)
            z = forward(self.W1, self.W2, np.array([e])).z2[0]
            lifts = (0.0, z, z + 0.25 * abs(z), z + 0.5 * abs(z))  # on the floor, or up by the edge
            candidates = [self.axes.c2p(*(e + t * d)) + OUT * self.height_scale * lift
                          for t in reach for lift in lifts]
            self.rise_label(name, self.clear_spot(name, candidates))

    def rise_label(self, label, target):
        """label's anchor moves from where it is to `target` as the surface rises."""
        start = hv.anchor_of(label)
        label.raised_anchor = target
        label.anchor = lambda: start + self.rise * (target - start)

    def facet_light(self, poly, h, light=(-0.5, -0.6, 0.6)):
        """How brightly a flat piece is lit (0.55 to 1): by the angle between its normal, at
        its full height, and a light from above, in front and to the side."""
        corners = [self.axes.c2p(*p) + OUT * self.height_scale * z for p, z in zip(poly, h)]
        normal = np.cross(corners[1] - corners[0], corners[2] - corners[0])
        normal = normal / max(np.linalg.norm(normal), 1e-12)
        normal = normal if normal[2] >= 0 else -normal
        light = np.asarray(light, dtype=float) / np.linalg.norm(light)
        return 0.55 + 0.45 * max(float(normal @ light), 0.0)

    def height_axis(self, pieces):
        """A vertical z⁽²⁾ axis at the map's back-left corner, ticked on the surface's scale."""
        heights = np.concatenate([h for _, h, _, _ in pieces])
        lo, hi = min(heights.min(), 0.0), max(heights.max(), 0.0)
        step = float(10 ** np.floor(np.log10(max(hi - lo, 1e-9))))
        for factor in (0.5, 1, 2, 5):  # two or three ticks: readable at 480p
            if (hi - lo) / (step * factor) <= 3:
                step *= factor
                break
        x0, _, _, y1 = self.extent
        base = self.axes.c2p(x0, y1)
        at = lambda z: base + OUT * self.height_scale * z  # noqa: E731
        ticks = [k * step for k in range(int(np.ceil(lo / step)), int(np.floor(hi / step)) + 1)]
        # the axis stands on the map's corner; a short mark at each tick, out from the map on
        # the floor's diagonal, so that each number is seen to belong to its height
        out = base - self.axes.c2p(*np.mean(np.reshape(self.extent, (2, 2)), axis=1))
        out = 0.18 * out / np.linalg.norm(out)
        axis = VGroup(Line(at(lo), at(hi), color=FOREGROUND, stroke_width=2.5),
                      *[Line(at(v), at(v) + out, color=FOREGROUND, stroke_width=2.5) for v in ticks])
        labels = []
        for v in ticks:
            label = tex(f"{v:g}", font_size=LABEL, color=FOREGROUND, colored=False)
            label.anchor = at(v)
            labels.append(label)
        name = tex(r"z^{(2)}", font_size=LABEL)
        name.anchor = at(hi)
        hv.pin_to_points(self, labels, offset=(-0.3, 0.0, 0.0))
        hv.pin_to_points(self, [name], offset=(0.0, 0.3, 0.0))
        self.z_axis_offsets = [np.array([-0.3, 0.0])] * len(labels) + [np.array([0.0, 0.3])]
        self.remove(*labels, name)
        return VGroup(axis, *labels, name)

    def view(self, theta, phi=62, zoom=0.76, shift=2.2, lift=VIEW_LIFT):
        """A camera at (phi, theta) degrees, turning about the map's centre, which it shows
        `shift` units left of the frame's middle (the keys stand at the right) and, by `lift`
        units on the floor, lower (so that the map's corners, swinging round as the camera
        turns, stay clear of the title)."""
        t = theta * DEGREES
        right = np.array([-np.sin(t), np.cos(t), 0.0])  # the screen's rightward, on the floor
        up = np.array([-np.cos(t), -np.sin(t), 0.0])  # the screen's upward, on the floor
        centre = self.axes.c2p(*np.mean(np.reshape(self.extent, (2, 2)), axis=1))
        return dict(phi=phi * DEGREES, theta=t, zoom=zoom, frame_center=centre + shift / zoom * right + lift * up)

    def slice_at_zero(self):
        x0, x1, y0, y1 = self.extent
        # the slicing plane, height z⁽²⁾ = 0, in W⁽²⁾'s colour (it is W⁽²⁾'s plane of the
        # hidden space, seen here), with a clear edge; light enough that the surface and the
        # boundary stay seen through it
        self.floor = Polygon(*[self.axes.c2p(*c) for c in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))],
                             stroke_color=W2_COLOR, stroke_width=3, stroke_opacity=0.95,
                             fill_color=W2_COLOR, fill_opacity=0.2)
        self.order_around_floor()
        self.add(self.floor, self.boundary)  # the cut drawn over the floor
        self.remove(self.floor)
        self.drops = self.drop_lines()
        # keyed under the signs: its colour is W⁽²⁾'s
        self.slice_key = VGroup(Square(side_length=0.22, stroke_color=W2_COLOR, stroke_width=2,
                                       fill_color=W2_COLOR, fill_opacity=0.3),
                                note("the slice, height 0", font_size=SMALL)).arrange(RIGHT, buff=0.15)
        self.slice_key.next_to(self.sign_key, DOWN, buff=0.15, aligned_edge=LEFT)
        fix_in_frame(self, self.slice_key)
        beat(self, FadeIn(self.floor), during(FadeIn(self.slice_key), 0, 0.2),
             self.boundary.animate.set_stroke(width=6),
             during(Create(self.drops), 0.1, 0.35),
             camera=self.view(-136), run_time=3,
             subcaption="Slice the surface at height zero: where it crosses, blue above and "
                        "orange below, runs the boundary.")

    def drop_lines(self):
        """Vertical dashed lines from the surface down (or up) to the slice at height 0, at the
        surface's highest and lowest corner (computed; not the corner the height axis stands
        on): the height is seen as a length, above the slice on the blue side and below it on
        the orange."""
        x0, _, _, y1 = self.extent
        corners = [(np.asarray(p, float), z) for poly, h, _, _ in self.pieces for p, z in zip(poly, h)
                   if np.linalg.norm(np.asarray(p, float) - (x0, y1)) > 1e-6]
        drops = VGroup()
        for p, z in (max(corners, key=lambda c: c[1]), min(corners, key=lambda c: c[1])):
            foot = self.axes.c2p(*p)
            top = foot + OUT * self.height_scale * z
            drops.add(DashedLine(top, foot, color=FOREGROUND, stroke_width=3, dash_length=0.08),
                      Dot(foot, radius=0.05, color=FOREGROUND))
        return drops

    def order_around_floor(self, below=1000.0):
        """Drawn from below up: the pieces under height 0, then the slice, then the pieces over
        it, so that the valley is seen through the slice and the rest stands in front of it.
        Seen from above, a ray meets a point over the slice before any point under it, so this
        order is the depth order (the camera sorts faces by the point it reads their depth at,
        here moved `below` units down for what lies under the slice, half as far for the slice)."""
        for face, (_, _, _, positive) in zip(self.surface, self.pieces):
            if not positive:
                face.z_index_group = _Lowered(face, below)
        self.floor.shade_in_3d = True
        self.floor.z_index_group = _Lowered(self.floor, below / 2)

    def region_tags(self, theta=-150):
        """Beside each boundary line that stays in one flat piece, the units on there (computed),
        with a short leader to the line: the spot, searched along the line and out from it on
        either side as the final view (`theta`) shows it, nearest the line that is nearer this
        line than any other line drawn (the other boundary lines, the folds), covers no other
        label, key, title or the subtitle band, crosses no other line, and covers fewest points.
        (A line that crosses creases runs through several pieces: the words speak of its bends.)"""
        v = self.view(theta)
        seen = lambda P: hv.screen_points(P, v["phi"], v["theta"], v["zoom"], v["frame_center"])  # noqa: E731
        lines = [seen([self.axes.c2p(*p) for p in path.points]) for path in self.paths]
        folds = [seen(fold.get_anchors()) for fold in self.folds]
        # the creases' names' leaders, not to be covered (from the name's centre: it covers the rest)
        leaders = [seen([label.raised_anchor, label.fold_end()]) for label in self.crease_labels]
        dots = seen([hv._centre(dot) for dot in self.dots])
        keys = [self.key, self.boundary_key, self.crease_key, self.formula, self.sign_key, self.slice_key]
        right = min(k.get_left()[0] for k in keys) - 0.15
        top = self.title.get_bottom()[1] - 0.15
        # the labels already drawn, as boxes on screen from this view: the height axis' numbers
        # and name, the creases' names and the axes' (self.placed), then each tag placed
        taken = [(seen([q])[0] + shift, h) for q, h, shift in self.placed]
        # the edges of the surface's pieces and of the slice, as points close along them: a tag
        # over one would hide a stretch of it
        edges = [_closed_outline_points(poly) for poly in self.surface_outlines(v)]
        tags = VGroup()
        for k, (path, line) in enumerate(zip(self.paths, lines)):
            if len({tuple(bool(b) for b in pattern) for pattern in path.patterns}) != 1:
                continue
            tag = note(region_tag(path.patterns[0]), font_size=SMALL, color=FOREGROUND)
            tag.add_background_rectangle(color=style.BACKGROUND, opacity=0.8, buff=0.05)
            half = np.array([tag.width, tag.height]) / 2
            others = [m for j, m in enumerate(lines) if j != k] + folds
            best = None
            for t in np.linspace(0.05, 0.95, 19):
                foot2 = _along(line, t)
                for angle in np.arange(0, 360, 30) * DEGREES:
                    n = np.array([np.cos(angle), np.sin(angle)])
                    for gap in (0.35, 0.5, 0.7, 0.9, 1.2):
                        # the box's edge `gap` from the foot, in the direction n
                        c = foot2 + n * (gap + min(half[0] / max(abs(n[0]), 1e-9), half[1] / max(abs(n[1]), 1e-9)))
                        cost = _tag_cost(c, half, foot2, line, others, dots, taken,
                                         (-config.frame_width / 2 + 0.1, right, BAND_TOP + 0.1, top),
                                         leaders)
                        if cost is not None:
                            cost += 50 * sum(bool(np.any(np.all(np.abs(e - c) < half + 0.03, axis=1)))
                                             for e in edges)
                        if cost is not None and (best is None or cost + 3 * gap < best[0]):
                            best = (cost + 3 * gap, c, foot2, t)
            if best is None:  # nowhere clear: beside the middle of the line, on its left
                foot2 = _along(line, 0.5)
                d = _direction_at(line, 0.5)
                best = (0, foot2 + np.array([-d[1], d[0]]) * (0.4 + half.max()), foot2, 0.5)
            _, c, foot2, t = best
            tag.path_index = k
            tag.anchor = _along(np.array([self.axes.c2p(*p) for p in path.points]), t)
            hv.pin_to_points(self, [tag], offset=(*(c - foot2), 0.0))
            self.remove(tag)
            taken.append((c, half + 0.04))
            tag.leader = self.leader_to(tag)
            tags.add(tag)
        return tags

    def leader_to(self, tag, target=None, color=FOREGROUND):
        """A short line, fixed in the frame, from the edge of `tag` to the point on its line it
        names (`target`, a function giving a scene point; else its anchor), kept there as the
        camera turns."""
        camera = self.renderer.camera
        line = Line(ORIGIN, RIGHT, color=color, stroke_width=2)

        def follow(m):
            end = camera.project_point(target() if target is not None else hv.anchor_of(tag))
            start = edge_toward(tag, end)
            if np.linalg.norm(end - start) < 0.05:
                d = end - tag.get_center()
                end = start + 0.05 * (d / max(np.linalg.norm(d), 1e-9))
            m.put_start_and_end_on(start, end)

        follow(line)
        line.add_updater(follow)
        self.add_fixed_in_frame_mobjects(line)
        self.remove(line)
        return line

    def explain_shape(self):
        """Point at what makes the boundary straight or bent: the flat pieces it runs through,
        named by the units on there, and the creases where it turns (computed from the run)."""
        beat(self, camera=self.view(-143), run_time=2.5, subcaption=self.shape_words)
        touched = {p for path in self.paths for p in path.patterns}
        faces = VGroup(*[f for f, (_, _, active, _) in zip(self.surface, self.pieces)
                         if tuple(bool(b) for b in active) in touched])
        self.tags = self.region_tags()
        bends = [c for path in self.paths for c in path.bends]
        self.bend_marks = VGroup(*[Circle(radius=0.2, color=EMPHASIS, stroke_width=4)
                                   .move_to(self.axes.c2p(*c[0])) for c in bends])
        # the pieces the lines run through outlined and named, then the folds flash: the
        # lines cross them (and turn) only where a bend is ringed
        folds = [ShowPassingFlash(fold.copy().set_stroke(width=8))
                 for fold in self.folds]
        marks = [during(faces.animate.set_stroke(EMPHASIS, width=2.5, opacity=1), 0, 0.3),
                 during(FadeIn(self.tags), 0.05, 0.35),
                 during(FadeIn(VGroup(*[t.leader for t in self.tags])), 0.05, 0.35), *[during(f, 0.45, 0.85) for f in folds]]
        if bends:
            marks.append(during(Create(self.bend_marks), 0.6, 1))
        beat(self, *marks, camera=self.view(-150), run_time=3, hold=1.5,
             subcaption=self.why_words)
