"""When training fails: a run whose ReLU units die, next to one that learns; what a dead unit
is in the input plane; and how often each initialisation fails over a sweep of seeds."""

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    Group,
    Line,
    Scene,
    VGroup,
)

from scenes import style
from scenes.ch3_training._run_common import (
    NUMBER_SCALE,
    DecisionPanel,
    labelled_number,
    note,
    percent,
    title,
)
from scenes.pacing import beat
from scenes.ch3_training._run_sweep import counts_column, legend, outcome_grid
from scenes.run_data import load_failed_run, load_scene_run, load_sweep_result
from scenes.widgets.heatmap import grid_image, magnitude_rgb
from toynet_core.geometry import crease_segments
from scenes.widgets.input_plane import data_dots, input_axes
from toynet_core.sweep import LEARNED_ACCURACY

WORDS = ("None", "One", "Two", "All three")
UNIT_SCALE = 2.0  # activation at which a unit's heatmap is full colour (clamped, fixed)


def init_name(config):
    if config.init == "he":
        return f"He start, bias {config.init_bias:g}"
    return f"plain N(0, {config.init_scale:g}) start"


def run_name(run):
    return f"seed {run.meta['seed']}, {init_name(run.config)}"


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

    # Beat 1: the same net, two starts, two outcomes.
    def compare_runs(self):
        self.heading = title("When training fails")
        self.panels = Group()
        self.stats = VGroup()
        for run, k, x in ((self.good, self.kg, -3.4), (self.bad, self.kb, 3.4)):
            panel = DecisionPanel(run, k, side=3.9).move_to([x, -0.35, 0])
            name = note(run_name(run), font_size=style.LABEL, color=style.FOREGROUND)
            name.next_to(panel, UP, buff=0.15)
            acc = labelled_number("accuracy", 100 * run.accuracy[k], places=1, unit=r"\%")
            loss = labelled_number("loss", run.mean_loss[k], places=3)
            stats = VGroup(acc, loss).arrange(RIGHT, buff=0.5).next_to(panel, DOWN, buff=0.2)
            stats.acc, stats.loss = acc.value, loss.value
            panel.name = name
            self.panels.add(panel)
            self.stats.add(stats)
        beat(self, FadeIn(self.heading), FadeIn(self.panels), FadeIn(*[p.name for p in self.panels]),
                  subcaption="The same network, trained the same way, from two different random starts.")
        learned = self.good.accuracy[self.kg] >= LEARNED_ACCURACY
        first = ("The first run separates the four clusters" if learned else
                 "This time the first run does not separate the clusters either")
        beat(self, FadeIn(self.stats),
             subcaption=f"{first}; the second gets stuck with a boundary that can not bend "
                        "around them.")

    # Beat 2: each hidden unit of the failed run, on its own.
    def show_units(self):
        bad, k = self.bad, self.kb
        self.dead = bad.dead_units(k)
        self.unit_panels = Group()
        self.unit_notes = VGroup()
        creases = crease_segments(bad.W1[k], tuple(bad.grid_extent))
        for u in range(3):
            axes = input_axes(tuple(bad.grid_extent), side=3.0)
            image = grid_image(magnitude_rgb(bad.grid_hidden[k][u], UNIT_SCALE, style.X_COLOR),
                               axes, bad.grid_extent)
            dots = data_dots(axes, bad.X, bad.y, radius=0.025)
            panel = Group(image, axes, dots)
            seg = creases[u]
            panel.crease = None
            if seg is not None:
                panel.crease = Line(axes.c2p(*seg[0]), axes.c2p(*seg[1]), color=style.Z_COLOR,
                                    stroke_width=4)
                panel.add(panel.crease)
            panel.axes, panel.image, panel.unit = axes, image, u
            self.unit_panels.add(panel)
        self.unit_panels.arrange(RIGHT, buff=1.0).move_to([0, -0.1, 0])
        for u, panel in enumerate(self.unit_panels):
            state = "dead" if self.dead[u] else "alive"
            head = note(f"unit {u + 1}: {state}", font_size=style.LABEL,
                        color=style.ERROR if self.dead[u] else style.FOREGROUND)
            head.next_to(panel, UP, buff=0.15)
            top = labelled_number("largest z on data", bad.hidden_pre[k][:, u].max(), places=2,
                                  font_size=style.SMALL)
            top.next_to(panel, DOWN, buff=0.2)
            panel.head, panel.top_z = head, top
            self.unit_notes.add(head, top)
        crease_note = note("crease: z = 0", font_size=style.SMALL, color=style.Z_COLOR)
        crease_note.to_edge(DOWN, buff=0.35)
        self.crease_note = crease_note
        beat(self, FadeOut(self.panels), FadeOut(self.stats),
                  FadeOut(*[p.name for p in self.panels]),
                  FadeIn(self.unit_panels), FadeIn(self.unit_notes), FadeIn(crease_note),
                  subcaption="Here is what each hidden unit of the failed run outputs "
                             "over the plane: bright where it is positive.")
        beat(self, *[p.crease.animate.set_stroke(width=7) for p in self.unit_panels
                    if p.crease is not None and self.dead[p.unit]],
                  subcaption=f"{WORDS[int(self.dead.sum())]} of the units have their crease "
                             "off to the side: every data point lies on the zero side, so "
                             "they output nothing.")

    # Beat 3: a dead unit never comes back.
    def show_no_gradient(self):
        bad, k = self.bad, self.kb
        self.changes = VGroup()
        for u, panel in enumerate(self.unit_panels):
            change = np.abs(bad.W1[k][u] - bad.W1[0][u]).max()
            line = labelled_number("weights moved", change, places=2, font_size=style.SMALL)
            line.next_to(panel.top_z, DOWN, buff=0.12)
            panel.change = line
            self.changes.add(line)
        beat(self, FadeOut(self.crease_note), FadeIn(self.changes),
                  subcaption="With zero output on every point, its slope is zero too, so no "
                             "gradient reaches its weights: over the whole run they never move.")

    # Beat 4: how often this happens, over 200 seeds of each start.
    def show_sweeps(self):
        self.sweeps = {w: load_sweep_result(w) for w in ("plain", "default")}
        self.sweep_views = Group()
        for which, x in (("plain", -3.5), ("default", 3.5)):
            sweep = self.sweeps[which]
            grid = outcome_grid(sweep.failure, width=5.4).move_to([x, 0.5, 0])
            name = note(init_name(sweep.config), font_size=style.LABEL, color=style.FOREGROUND)
            name.next_to(grid, UP, buff=0.2)
            rate = VGroup(percent(sweep.success_rate, font_size=NUMBER_SCALE * style.BODY),
                          note(f"of {len(sweep.seeds)} seeds learn", font_size=style.BODY))
            rate.arrange(RIGHT, buff=0.15).next_to(grid, DOWN, buff=0.25)
            counts = counts_column(sweep).next_to(rate, DOWN, buff=0.2)
            view = Group(grid, name, rate, counts)
            view.grid, view.rate, view.counts, view.which = grid, rate[0], counts, which
            self.sweep_views.add(view)
        self.key = legend().to_edge(DOWN, buff=0.3)
        beat(self, FadeOut(self.unit_panels), FadeOut(self.unit_notes), FadeOut(self.changes),
                  FadeIn(self.sweep_views[0]), FadeIn(self.key),
                  subcaption="Is this bad luck? Two hundred seeds with the plain random "
                             "start: each square is one training run.")
        beat(self, FadeIn(self.sweep_views[1]),
                  subcaption="The default start draws weights scaled to the layer size and "
                             "gives every first-layer unit a positive bias, so all units "
                             "begin alive on the data.")

    def conclude(self):
        plain, default = self.sweeps["plain"], self.sweeps["default"]
        died = plain.failure_counts()["dead unit"]
        died_default = default.failure_counts()["dead unit"]
        text = note(f"dead-unit failures: {died} with the plain start, "
                    f"{died_default} with the default start",
                    font_size=style.LABEL, color=style.FOREGROUND)
        text.move_to(self.heading)
        self.conclusion = text
        beat(self, FadeOut(self.heading), FadeIn(text),
                  subcaption="Dead units explain most failures of the plain start; the "
                             "default start removes them, though a few runs still stall.")
