"""The network's three roles, replayed on the run in miniature: W⁽¹⁾ lifts the inputs into 3-D,
ReLU folds them, W⁽²⁾ cuts them with one plane. Then the bridge to training: all of it was set
by 13 numbers, the weights, and the scene ends on the question who picks them (chapter 3's
TrainingPremise answers it). Every position, plane and number comes from the run, and the
view is framed from the run's own extent, so that no run's cloud leaves the frame."""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    Polygon,
    Square,
    ThreeDScene,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)

from scenes import style
from scenes.ch2_network._cut_words import side_facts, splits
from scenes.ch2_network.hidden_space import LabelPlacer
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    EDGE_BUFF,
    FOREGROUND,
    LABEL,
    MUTED,
    SMALL,
    UNIT_COLORS,
    W1_COLOR,
    W2_COLOR,
    X1_DIRECTION,
    X2_DIRECTION,
    X_COLOR,
)
from scenes.widgets import hidden_view as hv
from scenes.widgets.drift import drift
from scenes.widgets.matrices import dec_matrix
from scenes.widgets.text import note, tex, title
from scenes.widgets.three_d import START_VIEW, fix_in_frame
from scenes.widgets.tracer import ranks, wave
from toynet_core.geometry import _clip, fold, sheet_extent, square
from toynet_core.linalg import stretch_ratio
from toynet_core.model import augment

ROLES = ("lift", "fold", "cut")


# W⁽¹⁾ stretches the sheet more than this many times as much one way as the other: the lifted
# sheet is a long, thin strip from every side, and the words say so (it is still flat).
STRIP = 4.0


def lift_caption(W1):
    """The lift beat's words: a strip when the stretch is lopsided, so that the words match a
    sheet that is drawn face on and still looks thin."""
    if stretch_ratio(np.asarray(W1)[:, :2]) > STRIP:  # the map from the plane: W⁽¹⁾'s first two columns
        return ("Lift: W⁽¹⁾ moves the sheet into 3-D, stretched into a long, thin strip, "
                "but it stays one flat sheet.")
    return "Lift: W⁽¹⁾ moves the sheet to new places in 3-D, but it stays one flat sheet."


def cut_caption(counts, wrong, n):
    """The cut beat's words, from the counts of each side (scenes.ch2_network._cut_words)."""
    start = "Cut: W⁽²⁾ is one plane"
    if len(wrong) == 0:
        return f"{start}, with every point on its own class's side."
    if splits(wrong, n):
        rest = "one" if len(wrong) == 1 else str(len(wrong))
        return f"{start}, with all but {rest} of the {n} points on their own class's side."
    return f"{start}; in this run it leaves {len(wrong)} of the {n} points on the wrong side."


# Where the picture may be drawn (frame coordinates), above the subtitle band: right of the
# roles list while the three moves play; once the weights come, left of their panel.
WIDE = (-4.6, 6.8, -2.9, 3.0)
SUBJECT = (-6.7, 1.2, -2.85, 2.6)  # the roles list has gone by then
STEP = 10  # degrees the camera turns in a beat: a steady drift, so every beat moves
# The camera's polar angle: lower than the usual view, so that the wide, shallow box of the
# hidden space fills the wide frame (and the picture is larger).
PHI = 76 * DEGREES
# Lower while the sheet is shown, flat and lifted: seen from above, it reads as one flat sheet
# rather than edge on.
SHEET_PHI = 52 * DEGREES
GRID = 5  # lines across the sheet each way, the ends included


class ThreeRoles(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.setup_space()
        self.show_inputs()
        self.lift()
        self.fold()
        self.cut()
        self.weights()
        self.who_picks()

    # -- set-up ------------------------------------------------------------------------------
    def setup_space(self):
        run = self.run
        self.X_t, self.pre, self.post = augment(run.X), run.hidden_pre[-1], run.hidden_post[-1]
        # a box around every stage the cloud passes through, so that it fills the view
        stages = np.concatenate([self.X_t, self.pre, self.post])
        self.extent = tuple((float(np.floor((min(lo, 0) - 0.2) * 2) / 2),
                             float(np.ceil((max(hi, 0) + 0.2) * 2) / 2))
                            for lo, hi in zip(stages.min(0), stages.max(0)))
        self.axes = hv.hidden_axes(self.extent, side=5.3)
        self.box = tuple((0.0, float(np.ceil(max(h, 0.5) * 1.15 * 2) / 2)) for h in self.post.max(0))
        self.plane = hv.separating_plane(self.axes, self.run.W2[-1], self.box, opacity=0.3)
        # Every view of the scene, planned here: a steady drift that reaches, as the lift ends,
        # a view (within 50° of the usual one) that sees the lifted sheet nearly face on, not
        # as a sliver; and for the cut a turn (by at most 40°) to where the folded cloud
        # spreads most, the plane seen aslant.
        phi, theta = PHI, START_VIEW[1]
        W1 = self.run.W1[-1]
        sheet_normal = np.cross(W1[:, 0], W1[:, 1])  # the sheet spans the images of e1, e2
        sheet_normal = sheet_normal / max(np.linalg.norm(sheet_normal), 1e-12)
        # as near face on as the turn allows, so that the lifted sheet reads as a sheet
        lifted = (hv.facing_theta(sheet_normal, SHEET_PHI, theta, 60 * DEGREES, facing=1.0)
                  if np.linalg.norm(sheet_normal) > 1e-9 else theta)
        way = STEP * DEGREES * (1 if lifted >= theta else -1)
        self.thetas = [lifted + (k - 2) * way for k in range(4)]
        cut = hv.clear_view_theta(self.c2p(self.post), self.plane.normal, phi, self.thetas[-1],
                                  40 * DEGREES)
        self.thetas += [cut, cut + way / 2, cut + way]  # beside the weights: a slower turn
        self.phi = phi
        # the camera looks down on the sheet until the fold, then back to the usual height
        self.phis = [SHEET_PHI, SHEET_PHI, SHEET_PHI, phi, phi, phi, phi]
        # Framed from the data: every stage's points, the plane, the axes and their names fit
        # the subject's rectangle from every one of those views.
        labels = self.axis_labels()
        points = np.vstack([self.c2p(stages), self.c2p(self.plane.vertices_hidden),
                            self.c2p(self.sheet_corners(self.run.W1[-1])),
                            hv.axes_points(self.axes), [hv.anchor_of(l) for l in labels]])
        self.views = list(zip(self.phis, self.thetas))  # (phi, theta) of each beat's end
        # the three moves fill the wide rectangle (their first five views); the weights' two
        # beats (from the cut's view on) the narrow one, the world sliding to it as they come
        zoom, centre = hv.fit_view(points, self.views[:5], WIDE)
        self.narrow_zoom, narrow = hv.fit_view(points, self.views[4:], SUBJECT)
        self.slide = centre - narrow
        # (for the framing test: each rectangle, its views, zoom, and where the world then was
        # relative to where it ends)
        self.framings = [(WIDE, self.views[:5], zoom, -self.slide),
                         (SUBJECT, self.views[4:], self.narrow_zoom, np.zeros(3))]
        self.axes.shift(-centre)
        self.plane.shift(-centre)
        self.set_camera_orientation(phi=self.phis.pop(0), theta=self.thetas.pop(0), zoom=zoom)
        # the axes are named after what the points are at each stage: x̃, then z⁽¹⁾, then x⁽²⁾
        self.stage_labels = [self.axis_labels([f"{v}_{i}" for i in (1, 2, 3)], push=push)
                             for v, push in ((r"\tilde{x}", 0.0), ("z^{(1)}", 0.6), ("x^{(2)}", 0.6))]
        self.placer = LabelPlacer(self, self.blockers, self.sheet_outline, self.overlays, pad=0.1)
        for labels in self.stage_labels:
            for label in labels:  # ride along with the axes when the world slides
                out = label.anchor - self.axes.c2p(0, 0, 0)
                self.placer.add(label, self.follow_axes(label.anchor), prefer=hv.screen_points(
                    [out], self.phis[0], self.thetas[0])[0])
        self.labels = self.stage_labels[0]
        self.title = title("Lift, fold, cut", corner=True)
        self.roles = VGroup(*[note(f"{i + 1}  {r}", font_size=LABEL, color=MUTED)
                              for i, r in enumerate(ROLES)])
        self.roles.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.roles.next_to(self.title, DOWN, buff=0.35).align_to(self.title, LEFT)
        fix_in_frame(self, self.title, self.roles)

    def axis_labels(self, names=("h_1", "h_2", "h_3"), push=0.6):
        """The axes' names, `push` farther out than usual, past the points that crowd the ends
        of the axes once folded (the flat inputs leave the ends clear: they need no push)."""
        labels = hv.hidden_axis_labels(self.axes, names=names)
        origin = self.axes.c2p(0, 0, 0)
        for label in labels:
            out = label.anchor - origin
            label.anchor = label.anchor + push * out / np.linalg.norm(out)
        return labels

    def follow_axes(self, point):
        """An anchor that keeps its place relative to the axes when they move."""
        offset = np.asarray(point, dtype=float) - self.axes.c2p(0, 0, 0)
        return lambda: self.axes.c2p(0, 0, 0) + offset

    def c2p(self, coords):
        return np.array([self.axes.c2p(*c) for c in np.asarray(coords, dtype=float)])

    def turn(self):
        """The camera's steady turn over the next beat."""
        return drift(self, phi=self.phis.pop(0), theta=self.thetas.pop(0))

    def light(self, k):
        """The k-th role lit, the others back to muted."""
        return [r.animate.set_color(FOREGROUND if i == k else MUTED) for i, r in enumerate(self.roles)]

    def fly(self, start, end):
        """Dots move in straight lines from `start` to `end` (hidden coordinates, (N, 3))."""
        def step(cloud, alpha):
            return hv.move_cloud(self.axes, cloud, start + alpha * (end - start))
        return UpdateFromAlphaFunc(self.cloud, step)

    def relabel(self, stage):
        """The axis names of the next stage replace the current ones (as two halves of a beat)."""
        old, self.labels = self.labels, self.stage_labels[stage]
        return [during(FadeOut(old), 0, 0.4), during(FadeIn(self.labels), 0.4, 0.8)]

    def sheet_corners(self, M):
        """The input square, on the sheet x̃3 = 1, mapped by the 3×3 matrix M (hidden
        coordinates), cut to the part whose image stays inside the axes' box: each side of
        the box is a straight line in the input plane, M[i]·x̃ = bound."""
        M = np.asarray(M, dtype=float)
        poly = square(sheet_extent(self.run.X))
        for i, (lo, hi) in enumerate(self.extent):
            poly = _clip(poly, M[i] - np.array([0.0, 0.0, lo]), 1)
            poly = _clip(poly, M[i] - np.array([0.0, 0.0, hi]), -1)
        if len(poly) < 3:  # nothing inside: a point, so that the polygon stays drawable
            poly = square(sheet_extent(self.run.X))[:1].repeat(3, axis=0)
        return augment(poly) @ M.T

    def sheet_lines(self, M):
        """The sheet's grid lines (x₁ fixed, then x₂ fixed) mapped by M, each cut to the part
        inside the axes' box like the sheet: (start, end) pairs in hidden coordinates (a line
        wholly outside is a point)."""
        M = np.asarray(M, dtype=float)
        x0, x1, y0, y1 = sheet_extent(self.run.X)
        inner = lambda lo, hi: np.linspace(lo, hi, GRID)[1:-1]  # noqa: E731
        segments = [((v, y0), (v, y1)) for v in inner(x0, x1)] + [((x0, v), (x1, v)) for v in inner(y0, y1)]
        out = []
        for a, b in segments:
            a, b = augment(np.array([a, b], dtype=float))
            lo, hi = 0.0, 1.0
            for i, (low, high) in enumerate(self.extent):  # low <= M[i]·p(t) <= high
                va, vb = M[i] @ a, M[i] @ b
                for start, slope in ((va - low, vb - va), (high - va, va - vb)):
                    if abs(slope) < 1e-12:
                        if start < 0:
                            lo, hi = 1.0, 0.0
                    elif slope > 0:
                        lo = max(lo, -start / slope)
                    else:
                        hi = min(hi, -start / slope)
            lo, hi = (lo, hi) if lo <= hi else (0.0, 0.0)
            out.append(((a + lo * (b - a)) @ M.T, (a + hi * (b - a)) @ M.T))
        return out

    def place_grid(self, M):
        """Put the grid's lines where M sends them."""
        for line, (a, b) in zip(self.grid, self.sheet_lines(M)):
            a, b = self.axes.c2p(*a), self.axes.c2p(*b)
            if np.linalg.norm(b - a) < 1e-6:
                b = a + 1e-4 * np.array([1.0, 0, 0])
            line.put_start_and_end_on(a, b)

    # -- beats ---------------------------------------------------------------------------
    def show_inputs(self):
        self.sheet = Polygon(*self.c2p(self.sheet_corners(np.eye(3))),
                             color=X_COLOR, stroke_width=2, fill_color=X_COLOR, fill_opacity=0.15)
        # its grid, each line in the colour of the input direction along it, so that the lifted
        # sheet still reads as a sheet, and its two directions with it
        self.grid = VGroup(*[Line(color=X2_DIRECTION if k < GRID - 2 else X1_DIRECTION, stroke_width=1.5,
                                  stroke_opacity=0.8) for k in range(2 * (GRID - 2))])
        self.place_grid(np.eye(3))
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, self.X_t, self.run.y,
                                                         radius=0.045))
        shown = [during(FadeIn(m), 0, 0.2) for m in (self.title, self.sheet, self.grid, self.cloud, self.labels)]
        beat(self, *shown, during(Create(self.axes), 0, 0.25),
             during(FadeIn(self.roles, lag_ratio=0.3), 0.1, 0.4), *self.turn(), run_time=6,
             subcaption="The network in three moves, replayed on this run's points, which start "
                        "flat, as x̃ = (x₁, x₂, 1).",
             spoken="The network in three moves, replayed on this run's points, which start "
                    "flat, as x tilde.")

    def lift(self):
        W1 = self.run.W1[-1]

        def carry(sheet, alpha):  # the sheet under the map (1 − t)I + tW⁽¹⁾, as the dots
            M = (1 - alpha) * np.eye(3) + alpha * W1
            corners = self.c2p(self.sheet_corners(M))
            self.place_grid(M)
            return sheet.set_points_as_corners([*corners, corners[0]])

        # the sheet turns edge on partway (the map's path passes through flatter ones), so the
        # lift is over by mid-beat, and the lifted sheet is seen nearly face on while it is named
        words = lift_caption(W1)
        beat(self, during(self.fly(self.X_t, self.pre), 0, 0.5), during(UpdateFromAlphaFunc(self.sheet, carry), 0, 0.5),
             *self.light(0), *self.relabel(1), *self.turn(),
             subcaption=words, spoken=words.replace("W⁽¹⁾", "W one"))

    def fold(self):
        pre = self.pre

        def step(cloud, alpha):
            return hv.move_cloud(self.axes, cloud, fold(pre, alpha))

        # the wall of each unit that is off somewhere (negative on some point), in its colour
        self.walls = VGroup(*[hv.plane_patch(self.axes, np.eye(3)[i], 0.0, self.box,
                                             color=UNIT_COLORS[i], opacity=0.08, stroke=2)
                              for i in range(3) if (pre[:, i] < 0).any()])
        self.add(self.walls, self.cloud)
        self.remove(self.walls)
        # each wall named by its unit: there that unit is off
        self.wall_names = VGroup(*[note(f"unit {i + 1} off", font_size=SMALL, color=UNIT_COLORS[i])
                                   for i in range(3) if (pre[:, i] < 0).any()])
        for wall, name in zip(self.walls, self.wall_names):
            # a point on the wall, out from the axes towards where the points sit
            self.placer.add(name, self.axes.c2p(*wall.vertices_hidden.mean(axis=0)), prefer=UP)
        beat(self, UpdateFromAlphaFunc(self.cloud, step), during(FadeOut(VGroup(self.sheet, self.grid)), 0, 0.3),
             during(FadeIn(self.walls), 0.3, 0.55), during(FadeIn(self.wall_names), 0.4, 0.6),
             *self.light(1), *self.relabel(2), *self.turn(),
             subcaption="Fold: ReLU sets every negative coordinate to zero, pushing the points "
                        "onto the walls where a unit is off.")

    def blockers(self):
        """What labels must not cover: the dots."""
        cloud = getattr(self, "cloud", [])
        return np.array([hv._centre(dot) for dot in cloud]).reshape(-1, 3)

    def overlays(self):
        """The words fixed in the frame that labels keep clear of."""
        return [m for m in (self.title, self.roles, getattr(self, "tally", None), getattr(self, "side_key", None),
                            getattr(self, "panel", None))
                if m is not None]

    def sheet_outline(self):
        """The sheet's corners while it is shown (labels keep off it), else None."""
        sheet = getattr(self, "sheet", None)
        return sheet.get_vertices() if sheet is not None and self.placer.shown(sheet) else None

    def side_tints(self):
        """Each side of W⁽²⁾'s plane marked on the three walls of the box the folded points sit
        on (x⁽²⁾ᵢ = 0): faint orange where z⁽²⁾ < 0, faint blue where z⁽²⁾ > 0. Six flat
        polygons at most, each a wall cut by the plane."""
        W2 = np.asarray(self.run.W2[-1], float)[0]
        tints = VGroup()
        for i in range(3):
            j, k = [a for a in range(3) if a != i]
            (j0, j1), (k0, k1) = self.box[j], self.box[k]
            wall = np.array([[j0, k0], [j1, k0], [j1, k1], [j0, k1]])
            line = np.array([W2[j], W2[k], W2[3]])  # the plane on this wall: w_j x_j + w_k x_k + b
            for sign, cls in ((-1, 0), (1, 1)):
                part = _clip(wall, line, sign)
                if len(part) < 3:
                    continue
                corners = np.zeros((len(part), 3))
                corners[:, j], corners[:, k] = part[:, 0], part[:, 1]
                tints.add(Polygon(*self.c2p(corners), stroke_width=0, fill_color=style.class_color(cls),
                                  fill_opacity=0.28))
        return tints

    def cut(self):
        counts, wrong = side_facts(self.run)
        self.tints = self.side_tints()
        self.add(self.tints, self.plane, self.cloud)
        self.remove(self.tints, self.plane)
        # the points on the other class's side, ringed (computed; none: no rings)
        self.rings = hv.face_camera(self, VGroup(*[
            Circle(radius=0.17, color=style.ERROR, stroke_width=4).move_to(self.cloud[i].get_center())
            for i in wrong]))
        words = cut_caption(counts, wrong, self.run.n_samples)
        # a wave through the points in order of their score: it crosses the plane at z⁽²⁾ = 0
        score = self.post @ self.run.W2[-1][0, :3] + self.run.W2[-1][0, 3]
        # the count the words give, on screen under the roles
        n = self.run.n_samples
        self.tally = note(f"own side: {n - len(wrong)} of {n}", font_size=SMALL, color=FOREGROUND)
        self.tally.next_to(self.roles, DOWN, buff=0.3, aligned_edge=LEFT)
        # what the tinted walls mean: each side of the plane in the class it answers
        self.side_key = VGroup(*[VGroup(Square(0.2, stroke_width=0, fill_color=style.class_color(cls),
                                               fill_opacity=0.6),
                                        tex(rf"z^{{(2)}} {sign} 0", font_size=LABEL, colored=False),
                                        note(f"answers {name}", font_size=SMALL, color=MUTED)
                                        ).arrange(RIGHT, buff=0.12)
                                 for cls, sign, name in ((1, ">", "blue"), (0, "<", "orange"))])
        self.side_key.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        self.side_key.next_to(self.tally, DOWN, buff=0.25, aligned_edge=LEFT)
        fix_in_frame(self, self.tally, self.side_key)
        beat(self, during(FadeOut(self.walls), 0, 0.3), during(FadeOut(self.wall_names), 0, 0.3),
             during(FadeIn(self.plane), 0, 0.3), during(FadeIn(self.tints), 0.1, 0.35),
             during(FadeIn(self.tally), 0.1, 0.3), during(FadeIn(self.side_key), 0.15, 0.35),
             *self.light(2),
             during(wave(self.cloud, ranks(score), swell=0.5), 0.3, 0.9),
             *([during(FadeIn(self.rings), 0.35, 0.5)] if len(self.rings) else []),
             *self.turn(),
             subcaption=words, spoken=words.replace("W⁽²⁾", "W two"))

    def weights(self):
        """The 13 numbers that set all of it, each lit in turn as the eye reads them."""
        W1, W2 = self.run.W1[-1], self.run.W2[-1]
        self.w1 = dec_matrix(W1, color=W1_COLOR, font_size=LABEL, h_buff=0.95)
        self.w2 = dec_matrix(W2, color=W2_COLOR, font_size=LABEL, h_buff=0.95)
        names = (tex(r"W^{(1)} =", font_size=LABEL), tex(r"W^{(2)} =", font_size=LABEL))
        rows = VGroup(VGroup(names[0], self.w1).arrange(RIGHT, buff=0.15),
                      VGroup(names[1], self.w2).arrange(RIGHT, buff=0.15))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        n1, n2 = W1.size, W2.size
        self.n_weights = n1 + n2
        self.count = note(f"{n1} in W⁽¹⁾ + {n2} in W⁽²⁾ = {n1 + n2} numbers", font_size=SMALL, color=MUTED)
        self.panel = VGroup(self.count, rows).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        self.panel.to_corner(UR, buff=EDGE_BUFF)
        fix_in_frame(self, self.panel)
        entries = [*self.w1.get_entries(), *self.w2.get_entries()]
        # each entry lit in turn, as the eye reads them (its own glyphs, so that nothing drawn
        # beside it can cut its sign); a driver with no points of its own runs the light, and
        # it comes after the panel's FadeIn, which would otherwise set the colours back
        colors = [e.get_color() for e in entries]
        lamp = VMobject()

        def read(_, alpha):
            k = min(int(alpha * len(entries)), len(entries) - 1)
            for i, (entry, color) in enumerate(zip(entries, colors)):
                entry.set_color(FOREGROUND if i == k and alpha < 1 else color)

        world = VGroup(self.axes, self.tints, self.plane, self.cloud, self.rings)
        done = [0.0]

        def slide(group, alpha):  # in steps, so that the dots keep facing the camera
            group.shift((alpha - done[0]) * self.slide)
            done[0] = alpha

        # the roles list and the count have been read: the picture takes their room
        beat(self, during(FadeIn(self.panel, lag_ratio=0.2), 0.15, 0.35),
             during(FadeOut(VGroup(self.roles, self.tally, self.side_key)), 0, 0.15),
             during(UpdateFromAlphaFunc(world, slide), 0, 0.25),
             during(self.renderer.camera.zoom_tracker.animate.set_value(self.narrow_zoom), 0, 0.25),
             during(UpdateFromAlphaFunc(lamp, read), 0.35, 1), *self.turn(),
             subcaption=f"Everything here, lift, fold and cut, was set by these {n1 + n2} numbers: "
                        f"W⁽¹⁾'s {n1} and W⁽²⁾'s {n2}, the weights.",
             spoken=f"Everything here, lift, fold and cut, was set by these {n1 + n2} numbers: "
                    f"W one's {n1} and W two's {n2}, the weights.")
        self.remove(lamp)

    def who_picks(self):
        """The question the training chapter answers, over the weights it will answer it with."""
        question = note("Who picks them?", font_size=style.HEADING, color=FOREGROUND)
        question.next_to(self.panel, DOWN, buff=0.45).align_to(self.panel, LEFT)
        fix_in_frame(self, question)
        beat(self, during(FadeIn(question, shift=0.2 * DOWN), 0, 0.25),
             during(Indicate(VGroup(self.w1, self.w2), scale_factor=1.05, color=FOREGROUND), 0.3, 0.8),
             *self.turn(), hold=1.5,
             subcaption=f"So who picks these {self.n_weights} weights? That is where the next "
                        f"chapter starts.")
