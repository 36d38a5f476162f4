"""The network's three roles, replayed on the run in miniature: W⁽¹⁾ lifts the inputs into 3-D,
ReLU folds them, W⁽²⁾ cuts them with one plane. Then the bridge to training: the 13 weights
are not chosen by hand; they start random (the run's own step-0 weights) and training finds
the ones shown. Every position, plane and number comes from the run."""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    OUT,
    RIGHT,
    UL,
    UR,
    Create,
    FadeIn,
    FadeOut,
    Polygon,
    ThreeDScene,
    UpdateFromAlphaFunc,
    VGroup,
)

from scenes.ch2_network._cut_words import side_facts, splits
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    EDGE_BUFF,
    FOREGROUND,
    LABEL,
    MUTED,
    SMALL,
    W1_COLOR,
    W2_COLOR,
    X_COLOR,
)
from scenes.widgets import hidden_view as hv
from scenes.widgets.matrices import dec_matrix
from scenes.widgets.text import note, tex, title
from scenes.widgets.three_d import START_VIEW, fix_in_frame
from toynet_core.geometry import _clip, fold, sheet_extent, square
from toynet_core.model import augment, forward

ROLES = ("lift", "fold", "cut")


def cut_caption(counts, wrong, n):
    """The cut beat's words, from the counts of each side (scenes.ch2_network._cut_words)."""
    start = "Cut: W⁽²⁾ is one plane"
    if len(wrong) == 0:
        return f"{start}, with every point on its own class's side."
    if splits(wrong, n):
        rest = "one" if len(wrong) == 1 else str(len(wrong))
        return f"{start}, with all but {rest} of the {n} points on their own class's side."
    return f"{start}; in this run it leaves {len(wrong)} of the {n} points on the wrong side."


def start_facts(run):
    """(wrong, answers, fixed_bias): at step 0, how many points lie on the wrong side, the
    classes the net then answers (a set), and whether the first layer's biases all start at
    one value (an init that sets them, rather than drawing them)."""
    f = forward(run.W1[0], run.W2[0], run.X)
    predicted = f.z2 > 0
    wrong = int(np.sum(predicted != (np.asarray(run.y) == 1)))
    biases = np.asarray(run.W1[0])[:, 2]
    return wrong, set(predicted.astype(int).tolist()), bool(np.allclose(biases, biases[0]))


def start_caption(run):
    """What the run's random start does with the points, counted from its step-0 weights."""
    wrong, answers, _ = start_facts(run)
    if len(answers) == 1:
        colour = "orange" if answers == {0} else "blue"
        what = f"it calls every point {colour}, {wrong} of {run.n_samples} wrong"
    else:
        what = f"that plane leaves {wrong} of the {run.n_samples} points on the wrong side"
    return f"They start random, like these, the run's first weights: {what}."


class ThreeRoles(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.setup_space()
        self.show_inputs()
        self.lift()
        self.fold()
        self.cut()
        self.who_picks()
        self.training_finds()

    # -- beats ---------------------------------------------------------------------------
    def setup_space(self):
        run = self.run
        # a box around every stage the cloud passes through, so that it fills the view
        stages = np.concatenate([augment(run.X), run.hidden_pre[-1], run.hidden_post[-1],
                                 run.hidden_post[0]])
        self.extent = tuple((float(np.floor((min(lo, 0) - 0.2) * 2) / 2),
                             float(np.ceil((max(hi, 0) + 0.2) * 2) / 2))
                            for lo, hi in zip(stages.min(0), stages.max(0)))
        self.axes = hv.hidden_axes(self.extent, side=5.3)
        # the middle of every stage's cloud at the scene origin, which the camera turns about
        self.axes.shift(-self.axes.c2p(*(stages.min(0) + stages.max(0)) / 2))
        self.theta = START_VIEW[1]
        # ... shown left of the frame's middle (the weights stand at the right)
        self.axes.shift(-self.offset(self.theta) + OUT * 0.6)
        self.set_camera_orientation(phi=START_VIEW[0], theta=self.theta, zoom=1.4)
        # the axes are named after what the points are at each stage: x̃, then z⁽¹⁾, then x⁽²⁾
        self.stage_labels = [hv.hidden_axis_labels(self.axes, names=[f"{v}_{i}" for i in (1, 2, 3)])
                             for v in (r"\tilde{x}", "z^{(1)}", "x^{(2)}")]
        for labels in self.stage_labels:
            hv.pin_to_points(self, labels)
            self.remove(*labels)
        self.labels = self.stage_labels[0]
        self.title = title("Lift, fold, cut", corner=True)
        self.roles = VGroup(*[note(f"{i + 1}  {r}", font_size=LABEL, color=MUTED)
                              for i, r in enumerate(ROLES)])
        self.roles.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.roles.next_to(self.title, DOWN, buff=0.35).align_to(self.title, LEFT)
        fix_in_frame(self, self.title, self.roles)
        # where the points are at each stage: on the sheet x̃ = (x1, x2, 1), lifted, folded
        self.X_t = augment(run.X)

    def offset(self, theta, shift=2.3, zoom=1.4):
        """The floor direction that a camera at azimuth theta shows rightward, `shift` frame
        units long."""
        return shift / zoom * np.array([-np.sin(theta), np.cos(theta), 0.0])

    def drift(self, degrees=5):
        """A slow turn about the vertical (theta only: the up axis stays up)."""
        self.theta += degrees * DEGREES
        return dict(theta=self.theta)

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

    def show_inputs(self):
        self.sheet = Polygon(*[self.axes.c2p(*c) for c in self.sheet_corners(np.eye(3))],
                             color=X_COLOR, stroke_width=2, fill_color=X_COLOR, fill_opacity=0.15)
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, self.X_t, self.run.y,
                                                         radius=0.045))
        beat(self, FadeIn(self.title), Create(self.axes), FadeIn(self.labels),
             FadeIn(self.sheet), FadeIn(self.cloud), FadeIn(self.roles, lag_ratio=0.3), run_time=2.5,
             camera=self.drift(),
             subcaption="The network in three moves, replayed on this run's points, which start "
                        "flat, as x̃ = (x₁, x₂, 1).",
             spoken="The network in three moves, replayed on this run's points, which start "
                    "flat, as x tilde.")

    def lift(self):
        self.pre = self.run.hidden_pre[-1]
        W1 = self.run.W1[-1]

        def carry(sheet, alpha):  # the sheet under the map (1 − t)I + tW⁽¹⁾, as the dots
            M = (1 - alpha) * np.eye(3) + alpha * W1
            return sheet.set_points_as_corners([*map(lambda c: self.axes.c2p(*c), self.sheet_corners(M)),
                                                self.axes.c2p(*self.sheet_corners(M)[0])])

        beat(self, self.fly(self.X_t, self.pre), UpdateFromAlphaFunc(self.sheet, carry),
             *self.light(0), *self.relabel(1), run_time=3,
             camera=self.drift(),
             subcaption="Lift: W⁽¹⁾ carries them into 3-D, but they still lie on one flat sheet.",
             spoken="Lift: W one carries them into 3-D, but they still lie on one flat sheet.")

    def fold(self):
        pre = self.pre

        def step(cloud, alpha):
            return hv.move_cloud(self.axes, cloud, fold(pre, alpha))

        beat(self, UpdateFromAlphaFunc(self.cloud, step), FadeOut(self.sheet), *self.light(1),
             *self.relabel(2),
             run_time=3,
             camera=self.drift(),
             subcaption="Fold: ReLU sets every negative coordinate to zero, pushing the points "
                        "onto the walls where a unit is off.")

    def cut(self):
        counts, wrong = side_facts(self.run)
        H = self.run.hidden_post
        hi = np.maximum(H[0].max(axis=0), H[-1].max(axis=0))
        self.box = tuple((0.0, float(np.ceil(max(h, 0.5) * 1.15 * 2) / 2)) for h in hi)
        self.plane = hv.separating_plane(self.axes, self.run.W2[-1], self.box, opacity=0.3)
        self.add(self.plane, self.cloud)
        self.remove(self.plane)
        # turn (by at most 40°) to where the cloud spreads most, the plane seen aslant
        self.theta = hv.clear_view_theta([d.get_center() for d in self.cloud], self.plane.normal,
                                         START_VIEW[0], self.theta, 40 * DEGREES)
        beat(self, FadeIn(self.plane), *self.light(2), run_time=2.5, camera=dict(theta=self.theta),
             subcaption=cut_caption(counts, wrong, self.run.n_samples),
             spoken=cut_caption(counts, wrong, self.run.n_samples).replace("W⁽²⁾", "W two"))

    def who_picks(self):
        W1, W2 = self.run.W1[-1], self.run.W2[-1]
        self.w1 = dec_matrix(W1, color=W1_COLOR, font_size=LABEL, h_buff=0.95)
        self.w2 = dec_matrix(W2, color=W2_COLOR, font_size=LABEL, h_buff=0.95)
        names = (tex(r"W^{(1)} =", font_size=LABEL), tex(r"W^{(2)} =", font_size=LABEL))
        rows = VGroup(VGroup(names[0], self.w1).arrange(RIGHT, buff=0.15),
                      VGroup(names[1], self.w2).arrange(RIGHT, buff=0.15))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        n1, n2 = W1.size, W2.size
        self.count = note(f"{n1} + {n2} = {n1 + n2} numbers", font_size=SMALL, color=MUTED)
        self.panel = VGroup(self.count, rows).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        self.panel.to_corner(UR, buff=EDGE_BUFF)
        fix_in_frame(self, self.panel)
        beat(self, FadeIn(self.panel, lag_ratio=0.2), *self.light(None), run_time=2.5,
             camera=self.drift(),
             subcaption=f"Everything here was set by {n1 + n2} numbers, the weights. Who picked "
                        f"them? Not us.")

    def training_finds(self):
        """The run's own start: its step-0 weights, cloud and plane; then back to the end."""
        run = self.run
        start_w1 = dec_matrix(run.W1[0], color=W1_COLOR, font_size=LABEL, h_buff=0.95).move_to(self.w1)
        start_w2 = dec_matrix(run.W2[0], color=W2_COLOR, font_size=LABEL, h_buff=0.95).move_to(self.w2)
        fix_in_frame(self, start_w1, start_w2)
        # the start's plane clipped to the start's cloud, so it stays clear of the weights
        box0 = tuple((0.0, float(np.ceil(max(h, 0.5) * 1.15 * 2) / 2)) for h in run.hidden_post[0].max(0))
        start_plane = hv.separating_plane(self.axes, run.W2[0], box0, opacity=0.3)
        end_w1, end_w2 = self.w1.copy(), self.w2.copy()
        end_plane = self.plane.copy()
        self.add(start_plane, end_plane, self.cloud)  # planes under the dots
        self.remove(start_plane, end_plane)
        post0, post1 = run.hidden_post[0], run.hidden_post[-1]
        wrong0, _, fixed = start_facts(run)
        start = "step 0: random weights, set biases" if fixed else "step 0: random weights"
        label = VGroup(note(start, font_size=SMALL, color=MUTED),
                       note(f"wrong side: {wrong0} of {run.n_samples}", font_size=SMALL,
                            color=FOREGROUND)).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        label.next_to(self.panel, DOWN, buff=0.3, aligned_edge=LEFT)
        fix_in_frame(self, label)
        beat(self, during(FadeOut(self.w1), 0, 0.5), during(FadeIn(start_w1), 0.5, 1),
             during(FadeOut(self.w2), 0, 0.5), during(FadeIn(start_w2), 0.5, 1),
             during(FadeOut(self.plane), 0, 0.5), during(FadeIn(start_plane), 0.5, 1),
             self.fly(post1, post0), FadeIn(label),
             run_time=3, camera=self.drift(), subcaption=start_caption(run))
        wrong1 = len(side_facts(run)[1])
        after = VGroup(note(f"after {run.steps[-1]:,} steps", font_size=SMALL, color=MUTED),
                       note(f"wrong side: {wrong1} of {run.n_samples}", font_size=SMALL,
                            color=FOREGROUND)).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        after.move_to(label, aligned_edge=UL)
        fix_in_frame(self, after)
        fix_in_frame(self, end_w1, end_w2)
        beat(self, during(FadeOut(start_w1), 0, 0.5), during(FadeIn(end_w1), 0.5, 1),
             during(FadeOut(start_w2), 0, 0.5), during(FadeIn(end_w2), 0.5, 1),
             during(FadeOut(start_plane), 0, 0.5), during(FadeIn(end_plane), 0.5, 1),
             self.fly(post0, post1),
             during(FadeOut(label), 0, 0.4), during(FadeIn(after), 0.4, 0.8), run_time=4, hold=1.5, camera=self.drift(),
             subcaption="Training moves them, one small step at a time, to the weights we "
                        "have used. How, is the next chapter.")
