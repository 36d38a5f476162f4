"""When training fails: the run the video shows next to a run whose ReLU units die; what a dead
unit is in the input plane; and how often each start fails over a sweep of seeds.

What the two runs have in common and what differs, how each starts and how each ends, are
all read from the runs (_run_words), since the video may be rendered for any run.
"""

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    Group,
    Indicate,
    Line,
    Polygon,
    Scene,
    ValueTracker,
    VGroup,
    linear,
)

from scenes import style
from scenes.ch3_training import _run_words as words
from scenes.ch3_training._run_common import (
    NUMBER_SCALE,
    DecisionPanel,
    SnapshotView,
    labelled_number,
    note,
    percent,
    title,
)
from scenes.ch3_training._run_sweep import counts_column, legend, outcome_grid
from scenes.pacing import beat
from scenes.run_data import load_failed_run, load_scene_run, load_sweep_result
from scenes.widgets.heatmap import grid_image, magnitude_rgb
from scenes.widgets.dot_cloud import DotCloud
from scenes.widgets.input_plane import input_axes
from scenes.widgets.tracked import following, reveal
from toynet_core.geometry import crease_regions, crease_segments

UNIT_SCALE = 2.0  # activation at which a unit's heatmap is full colour (clamped, fixed)
PANEL_Y = -0.1  # centre line of the side-by-side panels
ZERO_SIDE = 0.25  # fill opacity of a dead unit's zero side
REPLAY_TIME = 6.0  # seconds to replay the failed run's units from step 0 to the end


class UnitPanel(SnapshotView, Group):
    """One hidden unit of a run over the input plane at snapshot k: its ReLU output as a
    heatmap, its crease (where its sum z(1) is 0), the data, the side where it is zero (shaded
    only once the unit is shown dead), the largest z(1) on the data, and how far its weights
    have moved since step 0."""

    def __init__(self, run, unit, k, side=2.9):
        self.run, self.unit = run, unit
        self.extent = tuple(run.grid_extent)
        self.axes = input_axes(self.extent, side=side)
        self.image = grid_image(magnitude_rgb(run.grid_hidden[k][unit], UNIT_SCALE, style.X_COLOR),
                                self.axes, run.grid_extent)
        self.zero_side = VGroup(*[
            Polygon(*[self.axes.c2p(*p) for p in poly], stroke_width=0, fill_color=style.ERROR,
                    fill_opacity=0)
            for poly, active in crease_regions(run.W1[k][[unit]], self.extent) if not active[0]])
        self.dots = DotCloud(np.asarray(self.axes.c2p(*run.X.T)).T, run.y, radius=0.025)
        self.crease = Line(color=style.Z_COLOR, stroke_width=4)
        super().__init__(self.image, self.axes, self.zero_side, self.dots, self.crease)
        self.top_z = labelled_number("largest z⁽¹⁾ on data", 0.0, places=2,
                                     font_size=style.SMALL, live=True)
        self.change = labelled_number("weights moved", 0.0, places=2, font_size=style.SMALL,
                                      live=True)
        self.k = None
        self.show_snapshot(k)

    def crease_ends(self, k):
        """The crease of snapshot k inside the plane, as two scene points, or None."""
        segment = crease_segments(self.run.W1[k], self.extent)[self.unit]
        return None if segment is None else [self.axes.c2p(*p) for p in segment]

    def show_snapshot(self, k):
        if k == self.k:
            return self
        run, u = self.run, self.unit
        rgb = magnitude_rgb(run.grid_hidden[k][u], UNIT_SCALE, style.X_COLOR)
        rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])
        self.image.pixel_array = np.ascontiguousarray(rgba[::-1])
        ends = self.crease_ends(k)
        if ends is None:
            self.crease.set_stroke(opacity=0)
        else:
            self.crease.set_stroke(opacity=1).put_start_and_end_on(*ends)
        self.top_z.value.set_value(float(run.hidden_pre[k][:, u].max()))
        self.change.value.set_value(float(np.abs(run.W1[k][u] - run.W1[0][u]).max()))
        self.k = k
        return self


class WhenTrainingFails(Scene):
    def construct(self):
        self.good = load_scene_run()
        self.bad = load_failed_run()
        self.kg = self.good.n_snapshots - 1
        self.kb = self.bad.n_snapshots - 1
        self.compare_runs()
        self.show_units()
        self.show_no_gradient()
        self.show_sweeps()
        self.conclude()

    # The two runs: what they share, how each starts, how each ends.
    def compare_runs(self):
        good, bad = self.good, self.bad
        self.heading = title("When training fails")
        self.panels = Group()
        self.stats = VGroup()
        for run, other, k, x in ((good, bad, self.kg, -3.4), (bad, good, self.kb, 3.4)):
            panel = DecisionPanel(run, k, side=3.5).move_to([x, PANEL_Y, 0])
            panel.start = note(words.start_label(run.config), font_size=style.LABEL,
                               color=style.FOREGROUND).next_to(panel, UP, buff=0.15)
            panel.name = note(words.run_label(run.config, other.config), font_size=style.LABEL)
            panel.name.next_to(panel.start, UP, buff=0.12)
            acc = labelled_number("accuracy", 100 * run.accuracy[k], places=1, unit=r"\%")
            loss = labelled_number("loss", run.mean_loss[k], places=3)
            stats = VGroup(acc, loss).arrange(RIGHT, buff=0.5).next_to(panel, DOWN, buff=0.2)
            stats.acc, stats.loss = acc.value, loss.value
            self.panels.add(panel)
            self.stats.add(stats)
        left, right = self.panels
        beat(self, FadeIn(self.heading), FadeIn(self.panels), FadeIn(left.name),
             FadeIn(right.name), subcaption=words.differences_words(good.config, bad.config))
        beat(self, FadeIn(left.start, shift=0.2 * DOWN), subcaption=words.start_words(good, "left"))
        beat(self, FadeIn(right.start, shift=0.2 * DOWN), subcaption=words.start_words(bad, "right"))
        beat(self, FadeIn(self.stats), subcaption=words.outcome_words(good, bad))

    # Each hidden unit of the failed run, on its own.
    def show_units(self):
        bad, k = self.bad, self.kb
        self.dead = bad.dead_units(k)
        self.unit_panels = Group(*[UnitPanel(bad, u, k) for u in range(3)])
        self.unit_panels.arrange(RIGHT, buff=1.0).move_to([0, PANEL_Y + 0.2, 0])
        self.unit_notes = VGroup()
        for u, panel in enumerate(self.unit_panels):
            state = "dead" if self.dead[u] else "alive"
            panel.head = note(f"unit {u + 1}: {state}", font_size=style.LABEL,
                              color=style.ERROR if self.dead[u] else style.FOREGROUND)
            panel.head.next_to(panel, UP, buff=0.15)
            panel.top_z.next_to(panel, DOWN, buff=0.2)
            panel.change.next_to(panel.top_z, DOWN, buff=0.12)
            self.unit_notes.add(panel.head, panel.top_z)
        self.crease_note = note("crease: where the unit's z⁽¹⁾ is 0", font_size=style.SMALL,
                                color=style.Z_COLOR)
        self.crease_note.next_to(self.heading, DOWN, buff=0.2)
        beat(self, FadeOut(self.panels), FadeOut(self.stats),
             *[FadeOut(p.name) for p in self.panels], *[FadeOut(p.start) for p in self.panels],
             FadeIn(self.unit_panels), FadeIn(self.unit_notes), FadeIn(self.crease_note),
             subcaption="Here is each hidden unit of the failed run over the input plane: "
                        "bright where its sum z⁽¹⁾ is positive, dark where ReLU outputs zero.")
        dead = [p for p in self.unit_panels if self.dead[p.unit]]
        shown = [p.zero_side.animate.set_fill(opacity=ZERO_SIDE) for p in dead]
        shown += [Indicate(p.head, color=style.ERROR) for p in dead]
        shown += [p.crease.animate.set_stroke(width=7) for p in dead]
        beat(self, *shown, subcaption=words.dead_words(self.dead))

    # A dead unit never comes back: the whole run replayed, unit by unit.
    def show_no_gradient(self):
        bad = self.bad
        self.changes = VGroup(*[p.change for p in self.unit_panels])
        for panel in self.unit_panels:  # standing still is what a dead unit shows
            panel.motion_still = bool(self.dead[panel.unit])
        tracker = ValueTracker(0)
        for panel in self.unit_panels:
            panel.show_snapshot(0)
        with following(tracker, self.unit_panels, lambda panel, t: panel.show_at(t)):
            beat(self, FadeOut(self.crease_note), reveal(self, self.changes, run_time=REPLAY_TIME),
                 tracker.animate(rate_func=linear).set_value(bad.n_snapshots - 1),
                 run_time=REPLAY_TIME, subcaption=words.frozen_words(bad, self.dead))

    # How often this happens, over a sweep of seeds of each start.
    def show_sweeps(self):
        self.sweeps = {w: load_sweep_result(w) for w in ("plain", "default")}
        self.sweep_views = Group()
        for which, x in (("plain", -3.5), ("default", 3.5)):
            sweep = self.sweeps[which]
            grid = outcome_grid(sweep.failure, width=4.6).move_to([x, 0.85, 0])
            name = note(words.start_label(sweep.config), font_size=style.LABEL,
                        color=style.FOREGROUND)
            name.next_to(grid, UP, buff=0.2)
            rate = VGroup(percent(sweep.success_rate, font_size=NUMBER_SCALE * style.BODY),
                          note(f"of {len(sweep.seeds)} seeds learn", font_size=style.BODY))
            rate.arrange(RIGHT, buff=0.15).next_to(grid, DOWN, buff=0.2)
            counts = counts_column(sweep).next_to(rate, DOWN, buff=0.15)
            view = Group(grid, name, rate, counts)
            view.grid, view.rate, view.counts, view.which = grid, rate[0], counts, which
            self.sweep_views.add(view)
        self.key = legend().next_to(self.heading, DOWN, buff=0.2)
        beat(self, FadeOut(self.unit_panels), FadeOut(self.unit_notes), FadeOut(self.changes),
             FadeIn(self.sweep_views[0]), FadeIn(self.key),
             subcaption=words.sweep_words(self.sweeps["plain"], first=True))
        beat(self, FadeIn(self.sweep_views[1]),
             subcaption=words.sweep_words(self.sweeps["default"], first=False))

    def conclude(self):
        plain, default = self.sweeps["plain"], self.sweeps["default"]
        died = plain.failure_counts()["dead unit"]
        died_default = default.failure_counts()["dead unit"]
        self.conclusion = note(f"dead-unit failures: {died} with the plain start, "
                               f"{died_default} with the He start",
                               font_size=style.LABEL, color=style.FOREGROUND)
        self.conclusion.move_to(self.heading)
        counts = [v.counts.numbers[1] for v in self.sweep_views]
        beat(self, FadeOut(self.heading), FadeIn(self.conclusion),
             *[Indicate(n, color=style.EMPHASIS) for n in counts],
             subcaption=words.conclusion_words(plain, default))
