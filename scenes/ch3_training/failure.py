"""When training fails: the run the video shows next to a run whose ReLU units die; what a dead
unit is in the input plane; and how often each start fails over a sweep of seeds.

What the two runs have in common and what differs, how each starts and how each ends, are
all read from the runs (_run_words), since the video may be rendered for any run.
"""

import math

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
    Write,
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
from scenes.pacing import beat, during
from scenes.widgets.live_number import LiveNumber
from scenes.widgets.text import plain_tex
from scenes.run_data import load_failed_run, load_scene_run, load_sweep_result
from scenes.widgets.heatmap import grid_image, magnitude_rgb
from scenes.widgets.dot_cloud import DotCloud
from scenes.widgets.input_plane import input_axes
from scenes.widgets.tracked import following, reveal
from toynet_core.geometry import crease_regions, crease_segments

UNIT_SCALE = 2.0  # activation at which a unit's heatmap is full colour (clamped, fixed)
PANEL_Y = 0.15  # centre line of the side-by-side panels
PANEL_SIDE = 3.3
FORMULA = NUMBER_SCALE * style.LABEL  # TeX at the height of the labels' text
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


def snapshot_for_step(run, step):
    """The last snapshot of the run at or before `step`."""
    return int(np.clip(np.searchsorted(run.steps, step + 1e-9, side="right") - 1, 0, run.n_snapshots - 1))


def start_formula(config):
    """How a start draws its weights, as a formula: He's spread and bias, or one plain normal.
    σ is the standard deviation (not the variance)."""
    if config.init == "he":
        spread = plain_tex(r"w \sim \mathcal{N}\big(0,\ \sigma = \sqrt{2/n}\big)", font_size=FORMULA)
        bias = plain_tex(f"b^{{(1)}} = {config.init_bias:g}", font_size=FORMULA)
        return VGroup(spread, bias).arrange(RIGHT, buff=0.4)
    return plain_tex(f"w, b \\sim \\mathcal{{N}}(0,\\ \\sigma = {config.init_scale:g})",
                     font_size=FORMULA)


class RunStats(SnapshotView, VGroup):
    """Accuracy and mean loss of a run at snapshot k (LiveNumbers: they follow a replay)."""

    def __init__(self, run, k=0):
        super().__init__()
        self.run = run
        acc = labelled_number("accuracy", 100.0, places=1, unit=r"\%", live=True)
        loss = labelled_number("loss", 0.0, places=3, live=True)
        self.add(acc, loss)
        self.arrange(RIGHT, buff=0.5)
        self.acc, self.loss = acc.value, loss.value
        self.k = None
        self.show_snapshot(k)

    def show_snapshot(self, k):
        if k != self.k:
            self.acc.set_value(100 * self.run.accuracy[k])
            self.loss.set_value(self.run.mean_loss[k])
            self.k = k
        return self

    def show_step(self, step):
        return self.show_snapshot(snapshot_for_step(self.run, step))


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

    # The two runs: what they share, how each starts (explained before its label shows), and
    # how each ends, replayed.
    def compare_runs(self):
        good, bad = self.good, self.bad
        self.heading = title("When training fails")
        self.panels = Group()
        self.stats = VGroup()
        for run, other, x in ((good, bad, -3.4), (bad, good, 3.4)):
            panel = DecisionPanel(run, 0, side=PANEL_SIDE).move_to([x, PANEL_Y, 0])
            panel.start = note(words.start_label(run.config), font_size=style.LABEL,
                               color=style.FOREGROUND).next_to(panel, UP, buff=0.15)
            panel.name = note(words.run_label(run.config, other.config), font_size=style.LABEL)
            panel.name.next_to(panel.start, UP, buff=0.12)
            stats = RunStats(run).next_to(panel, DOWN, buff=0.2)
            panel.formula = start_formula(run.config).next_to(stats, DOWN, buff=0.2)
            self.panels.add(panel)
            self.stats.add(stats)
        last = max(int(r.steps[-1]) for r in (good, bad))
        self.step = LiveNumber(last, num_decimal_places=0, font_size=NUMBER_SCALE * style.LABEL,
                               color=style.FOREGROUND)  # laid out at its widest
        self.step_counter = VGroup(note("step", font_size=style.LABEL), self.step)
        self.step_counter.arrange(DOWN, buff=0.12).move_to([0, PANEL_Y, 0])
        self.step.set_value(0)
        left, right = self.panels
        shared, differ = words.differences_words(good.config, bad.config)
        self.add(self.heading)  # the title is up; the panels come in at once, the rest after
        beat(self, during(FadeIn(self.panels), 0, 0.05), during(FadeIn(self.stats), 0.1, 0.4),
             during(FadeIn(self.step_counter), 0.3, 0.6),
             during(FadeIn(VGroup(left.name, right.name)), 0.5, 0.9), subcaption=shared)
        if differ is not None:
            beat(self, Indicate(left.name, color=style.EMPHASIS),
                 Indicate(right.name, color=style.EMPHASIS), subcaption=differ)
        self.explain_start(left, good, "left", None)
        self.explain_start(right, bad, "right", good)
        self.replay_both()

    def explain_start(self, panel, run, side, other):
        c = run.config
        if other is not None and words.same_start(c, other.config):
            beat(self, FadeIn(panel.start), FadeIn(panel.formula),
                 subcaption=words.same_start_words(run, side))
        elif c.init == "he":
            spread, bias = panel.formula
            beat(self, Write(spread), subcaption=words.he_words(side),
                 spoken=words.he_words(side).replace("σ = √(2/n)", "sigma, the square root of two over n"))
            beat(self, FadeIn(bias), during(FadeIn(panel.start, shift=0.2 * DOWN), 0.3, 0.6),
                 subcaption=words.he_bias_words(run))
        else:
            beat(self, Write(panel.formula), during(FadeIn(panel.start, shift=0.2 * DOWN), 0.4, 0.7),
                 subcaption=words.plain_words(run, side))

    def replay_both(self):
        """Both runs from step 0 to their last step, on one step counter: each panel shows the
        last snapshot at or before the counter's step (never a blend of two)."""
        last = max(int(r.steps[-1]) for r in (self.good, self.bad))
        tracker = ValueTracker(0)  # log10(step + 1), so the fast start is slowed down
        views = [*self.panels, *self.stats]

        def show(view, u):
            view.show_step(10 ** u - 1)

        for p in self.panels:
            p.show_step = lambda step, p=p: p.show_snapshot(snapshot_for_step(p.run, step))
        self.step.add_updater(lambda m: m.set_value(min(last, round(10 ** tracker.get_value() - 1))))
        replay, why = words.outcome_words(self.good, self.bad)
        with following(tracker, views, show):
            beat(self, tracker.animate(rate_func=linear).set_value(math.log10(last + 1)),
                 run_time=REPLAY_TIME, subcaption=replay)
        self.step.clear_updaters()
        right = self.panels[1]
        beat(self, Indicate(right.boundary, color=style.EMPHASIS, scale_factor=1.05),
             Indicate(self.stats[1].acc, color=style.EMPHASIS), subcaption=why)

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
        beat(self, FadeOut(self.panels), FadeOut(self.stats), FadeOut(self.step_counter),
             *[FadeOut(p.name) for p in self.panels], *[FadeOut(p.start) for p in self.panels],
             *[FadeOut(p.formula) for p in self.panels],
             FadeIn(self.unit_panels), FadeIn(self.unit_notes), FadeIn(self.crease_note),
             subcaption="Each hidden unit of the failed run over the input plane: bright where its "
                        "z⁽¹⁾ is positive, dark where ReLU gives zero.")
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
        why, replayed = words.frozen_words(bad, self.dead)
        dead = [p for p in self.unit_panels if self.dead[p.unit]]
        # First the reason, on the units at step 0; then the replay that shows it.
        beat(self, FadeOut(self.crease_note), reveal(self, self.changes, run_time=REPLAY_TIME),
             *[Indicate(p.crease, color=style.ERROR) for p in dead], subcaption=why)
        for panel in self.unit_panels:  # back to step 0, as the words say
            panel.show_snapshot(0)
        with following(tracker, self.unit_panels, lambda panel, t: panel.show_at(t)):
            beat(self, tracker.animate(rate_func=linear).set_value(bad.n_snapshots - 1),
                 *[Indicate(p.change, color=style.ERROR) for p in dead],
                 run_time=REPLAY_TIME, subcaption=replayed)

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
