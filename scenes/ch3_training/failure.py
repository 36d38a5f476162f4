"""When training fails: the run the video shows next to a run whose ReLU units die; what a dead
unit is in the input plane; and how often each start fails over a sweep of seeds.

What the two runs have in common and what differs, how each starts and how each ends, are
all read from the runs (_run_words), since the video may be rendered for any run.
"""

import math

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    Indicate,
    Line,
    NumberLine,
    Polygon,
    Rectangle,
    ReplacementTransform,
    Scene,
    UpdateFromAlphaFunc,
    VGroup,
    ValueTracker,
    Write,
    config,
    linear,
    smooth,
)

from scenes import style
from scenes.ch3_training import _run_words as words
from scenes.ch3_training._run_common import (
    NUMBER_SCALE,
    DecisionPanel,
    SnapshotView,
    labelled_number,
    note,
    place_axis_numbers,
    size_axis_numbers,
    snapshot_at,
    percent,
    title,
)
from scenes.ch3_training._run_views import map_legend
from scenes.ch3_training._run_sweep import counts_column, legend, outcome_grid, outcome_rgb, outcomes_seen
from toynet_core.sweep import FAILURES
from scenes.pacing import beat, during, reading_time
from scenes.widgets.highlight import PointAt
from scenes.widgets.live_number import LiveNumber
from scenes.widgets.text import plain_tex, tex
from scenes.run_data import load_failed_run, load_scene_run, load_sweep_result
from scenes.widgets.heatmap import grid_image, magnitude_rgb
from scenes.widgets.dot_cloud import DotCloud
from scenes.widgets.input_plane import input_axes
from scenes.widgets.tracked import following, reveal
from toynet_core.geometry import crease_regions, crease_segments

UNIT_SIDE = 3.4  # the three unit panels side by side, as large as the frame's width allows
UNIT_SCALE = 2.0  # activation at which a unit's heatmap is full colour (clamped, fixed)
PANEL_Y = 0.7  # centre line of the side-by-side panels (high: two lines of formulas under the strips)
UNITS_Y = 0.15  # centre line of the failed run's three unit panels (clear of the crease note and the band)
PANEL_SIDE = 3.0  # with its numbers outside, as large as the slots under it and the title allow
PANEL_X = 3.6  # centre of each panel, left and right of the middle
SLOT_GAP = 0.2  # between a panel and the slot under it (its start weights, then its stats)
STATS_GAP = 0.32  # between a panel and its stats: a box round them clears the axis numbers
FORMULA_Y = -2.2  # the line of each start's formula, under the slot
MIDDLE_GAP = 0.2  # between the keys and the step counter, in the column between the panels
LINE_GAP = 0.12  # between the He start's two lines, one per layer (the second ends above the band)
HEADER_BUFF = 0.3  # between a panel's seed and its start, on one line over the panel
HEADER_WIDTH = 6.2  # widest header that fits over a panel on one line (else two, apart)
FORMULA = NUMBER_SCALE * style.LABEL  # TeX at the height of the labels' text
START_TEX = NUMBER_SCALE * style.SMALL  # the starts' lines: the He start's two end above the band
ZERO_SIDE = 0.55  # fill opacity of a dead unit's zero side, darkened (dark: ReLU gives zero)
DEAD_OPACITY = 1.0  # a dead unit's heatmap keeps unit 1's scheme: bright where z⁽¹⁾ > 0
STRIP_RANGE = 3  # the weight strips run from -3 to 3 at least, further if a start weight does
BIAS_LIFT = 0.1  # the set biases stack over the drawn row, a step each (low: clear of the map's numbers)
DROP = 0.25  # how far above its place a weight's dot waits before it lands (clear of the map's numbers)
FLASH_WIDTH = 7  # a crease flashing red, wider than the pink one under it, so the flash reads
REPLAY_TIME = 6.0
SWEEP_WIDTH = 5.0  # each sweep's grid, as wide as two side by side allow
SWEEP_Y = 0.45  # its centre line: low enough that grid, rate and counts fill the frame's height  # seconds to replay the failed run's units from step 0 to the end


class UnitPanel(SnapshotView, Group):
    """One hidden unit of a run over the input plane at snapshot k: its ReLU output as a
    heatmap, its crease (where its sum z(1) is 0), the data, the side where it is zero (shaded
    only once the unit is shown dead), the largest z(1) on the data, and how far its weights
    have moved since step 0."""

    def __init__(self, run, unit, k, side=UNIT_SIDE):
        self.run, self.unit = run, unit
        self.extent = tuple(run.grid_extent)
        self.axes = input_axes(self.extent, side=side)
        size_axis_numbers(self.axes)
        self.image = grid_image(magnitude_rgb(run.grid_hidden[k][unit], UNIT_SCALE, style.X_COLOR),
                                self.axes, run.grid_extent)
        self.zero_side = VGroup(*[
            Polygon(*[self.axes.c2p(*p) for p in poly], stroke_width=0, fill_color=style.BACKGROUND,
                    fill_opacity=0)
            # the last snapshot's zero side: it is shaded only while the unit is dead, and a
            # dead unit's weights are its last ones (no gradient moves them)
            for poly, active in crease_regions(run.W1[-1][[unit]], self.extent) if not active[0]])
        self.dots = DotCloud(np.asarray(self.axes.c2p(*run.X.T)).T, run.y, radius=0.025)
        self.crease = Line(color=style.Z_COLOR, stroke_width=4)
        super().__init__(self.image, self.axes, self.zero_side, self.dots, self.crease)
        place_axis_numbers(self.axes, self.image)  # outside the map: no crease runs over them
        self.top_z = labelled_number("largest z⁽¹⁾ on data", 0.0, places=2,
                                     font_size=style.SMALL, live=True)
        self.change = labelled_number("weights moved", 0.0, places=2, font_size=style.SMALL,
                                      live=True)
        self.shade_dead = False  # grey a dead unit out (from the beat that says what dead is)
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
        # A unit dead at snapshot k is dead for good (no gradient reaches it), so its zero
        # side at k is the one drawn for the last snapshot.
        dead = self.shade_dead and bool(run.dead_units(k)[u])
        self.image.set_opacity(DEAD_OPACITY if dead else 1.0)
        self.zero_side.set_fill(opacity=ZERO_SIDE if dead else 0)
        self.top_z.value.set_value(float(run.hidden_pre[k][:, u].max()))
        self.change.value.set_value(float(np.abs(run.W1[k][u] - run.W1[0][u]).max()))
        self.k = k
        return self


def place_header(panel):
    """The panel's seed and its start on one line over it ("seed 0   He start, bias 0.75"), or,
    if that line would not fit over the panel, the seed over the start with room between."""
    line = VGroup(panel.name, panel.start)
    if panel.name.width + HEADER_BUFF + panel.start.width <= HEADER_WIDTH:
        line.arrange(RIGHT, buff=HEADER_BUFF, aligned_edge=DOWN)
    else:
        line.arrange(DOWN, buff=0.2)
    line.next_to(panel, UP, buff=0.25)


def snapshot_for_step(run, step):
    """The last snapshot of the run at or before `step`."""
    return int(np.clip(np.searchsorted(run.steps, step + 1e-9, side="right") - 1, 0, run.n_snapshots - 1))


def start_formula(run):
    """How a start draws its weights: mean 0 and a standard deviation, written out, since σ is
    the sigmoid here; W⁽¹⁾ and W⁽²⁾ in their colours, the key of the strip's dots. The He start:
    (spreads, biases), a line per layer, its spread (the numbers its words give), then its set
    bias in grey, the colour of the set biases' dots. The plain start: one line for all."""
    config = run.config
    if config.init == "he":
        names = ("W^{(1)}", "W^{(2)}")
        spreads = VGroup(*[tex(rf"{name}:\ \text{{mean }} 0,\ \text{{std. dev. }} {words.spread_text(v, i)}",
                               font_size=START_TEX)
                           for i, (name, v) in enumerate(zip(names, words.he_spreads(run)))])
        spreads.arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP)
        biases = VGroup(*[plain_tex(rf"\text{{bias }} {b:g}", font_size=START_TEX, color=style.MUTED)
                          for b in (config.init_bias, set_bias_values(run)[-1])])
        for bias, line in zip(biases, spreads):
            bias.next_to(spreads, RIGHT, buff=0.4).align_to(line, DOWN)
        biases.align_to(biases[0], LEFT)
        return VGroup(spreads, biases)
    return tex(rf"W^{{(1)}},\ W^{{(2)}}:\ \text{{mean }} 0,\ \text{{std. dev. }} {config.init_scale:g}",
               font_size=START_TEX)


def set_bias_values(run):
    """The He start's biases, set, not drawn: the hidden units' (each the config's bias), then
    the output's."""
    return [*np.asarray(run.W1[0])[:, 2], float(run.W2[0][0, 3])]


def arrow_foot(segment, normal, extent, reach, margin=0.05):
    """Where on a crease (two points of the plane) its arrow starts, and how long it is (plane
    units): the point nearest its middle from which an arrow of `reach` along `normal` stays
    inside the plane, `margin` from its edge; failing that, the one with the most room (a
    crease near the edge: its arrow, full length, would cross the axis numbers)."""
    x0, x1, y0, y1 = extent
    lo, hi = np.array([x0 + margin, y0 + margin]), np.array([x1 - margin, y1 - margin])
    best = None
    for t in sorted(np.linspace(0.15, 0.85, 29), key=lambda t: abs(t - 0.5)):
        p = segment[0] + t * (segment[1] - segment[0])
        room = min(((hi[i] - p[i]) / normal[i] if normal[i] > 0 else (lo[i] - p[i]) / normal[i])
                   for i in range(2) if abs(normal[i]) > 1e-9)
        if room >= reach:
            return p, reach
        if best is None or room > best[1]:
            best = (p, room)
    return best


def start_creases(axes, W1, extent, arrow=0.35):
    """Each hidden unit's crease (z(1) = 0) inside the plane, with a short arrow from it into
    the side where z(1) > 0 (the input axes have one scale, so the side is along the unit's
    two input weights), kept inside the plane. Each mark knows its unit (.unit)."""
    marks = VGroup()
    scale = float(np.linalg.norm(axes.c2p(1, 0) - axes.c2p(0, 0)))  # scene units per plane unit
    for u, (w, segment) in enumerate(zip(np.asarray(W1, dtype=float), crease_segments(W1, extent))):
        if segment is None:
            continue
        a, b = [axes.c2p(*p) for p in segment]
        normal = np.asarray(w[:2]) / np.linalg.norm(w[:2])
        foot, length = arrow_foot(np.asarray(segment, dtype=float), normal, extent, arrow / scale)
        start, end = axes.c2p(*foot), axes.c2p(*(foot + length * normal))
        mark = VGroup(Line(a, b, color=style.Z_COLOR, stroke_width=3),
                      Arrow(start, end, buff=0, color=style.Z_COLOR, stroke_width=3,
                            max_tip_length_to_length_ratio=0.35))
        mark.unit = u
        marks.add(mark)
    return marks


def crease_key():
    """Key of start_creases: the line where a unit's z(1) is 0, the arrow toward z(1) > 0."""
    line = VGroup(Line(ORIGIN, 0.4 * RIGHT, color=style.Z_COLOR, stroke_width=3),
                  plain_tex(r"z^{(1)}_j = 0", font_size=START_TEX, color=style.Z_COLOR))
    side = VGroup(Arrow(ORIGIN, 0.4 * RIGHT, buff=0, color=style.Z_COLOR, stroke_width=3,
                        max_tip_length_to_length_ratio=0.35),
                  plain_tex(r"z^{(1)}_j > 0", font_size=START_TEX, color=style.Z_COLOR))
    for item in (line, side):
        item.arrange(RIGHT, buff=0.15)
    return VGroup(line, side).arrange(DOWN, aligned_edge=LEFT, buff=0.12)  # narrow: between the strips


def unit_key(cells=20, width=1.8, height=0.22):
    """Key of the unit panels' shading: a unit's output x(2) = ReLU(z(1)), dark at 0, full
    yellow from UNIT_SCALE up (the heatmaps clamp there), on the heatmaps' own scale."""
    rgb = magnitude_rgb((np.arange(cells) + 0.5) / cells * UNIT_SCALE, UNIT_SCALE, style.X_COLOR)
    bar = VGroup(*[Rectangle(width=width / cells, height=height, stroke_width=0, fill_opacity=1,
                             fill_color="#%02X%02X%02X" % tuple(c)) for c in rgb]).arrange(RIGHT, buff=0)
    size = NUMBER_SCALE * style.SMALL
    ticks = VGroup(*[plain_tex(t, font_size=size, color=style.FOREGROUND)
                     .next_to(bar.get_corner(DOWN + LEFT) + f * width * RIGHT, DOWN, buff=0.08)
                     for t, f in (("0", 0.0), (f"{UNIT_SCALE:g}+", 1.0))])
    name = tex(r"x^{(2)}_j", font_size=size).next_to(bar, LEFT, buff=0.3)  # its j clear of the 0 under the bar
    return VGroup(name, bar, ticks)


class WeightStrip(VGroup):
    """A run's weights at step 0 as dots on a number line, W⁽¹⁾ purple, W⁽²⁾ teal: the drawn
    ones (`drawn`), and, for the He start, the biases that are set, not drawn (`set_biases`,
    the hidden units' then the output's): grey, as TrainingPremise greys a set start value,
    stacked over the drawn row where several sit at one value. Each dot waits above its place
    until it lands."""

    def __init__(self, run, reach=STRIP_RANGE, width=3.0):
        super().__init__()
        self.reach = reach
        # a tick on every second whole number when the strip reaches past 3, so that its
        # numbers, at the labels' height, stay apart
        every = 1 if reach <= STRIP_RANGE else 2
        self.line = NumberLine(x_range=[-reach, reach, every], length=width, stroke_width=2)
        self.line.add_numbers(x_values=range(-reach, reach + 1, every), font_size=NUMBER_SCALE * style.SMALL)
        # each strip sits under its own run's panel: named beside its line
        self.label = note("start weights", font_size=style.SMALL)
        self.label.next_to(self.line, LEFT, buff=0.3)
        self.add(self.line, self.label)
        W1, W2 = run.W1[0], run.W2[0]
        he = run.config.init == "he"
        weights = [(w, style.W1_COLOR) for w in (W1[:, :2] if he else W1).ravel()]
        weights += [(w, style.W2_COLOR) for w in (W2[0, :3] if he else W2[0])]
        self.drawn = VGroup(*[self._dot(w, c) for w, c in weights])
        values = set_bias_values(run) if he else []
        # each set bias a step above the drawn row, and a step above any set bias of its value
        self.set_biases = VGroup(*[self._dot(b, style.MUTED, lift=BIAS_LIFT * (1 + values[:i].count(b)))
                                   for i, b in enumerate(values)])
        self.add(self.drawn, self.set_biases)

    def _dot(self, value, color, lift=0.0):
        dot = Dot(self.line.n2p(value) + (0.1 + lift) * UP, radius=0.06, color=color)
        dot.value, dot.lift = float(value), lift
        return dot.shift(DROP * UP).set_opacity(0)  # waits DROP above its place

    def landed(self, dots):
        """Stand-ins for `dots` at the places they land on (wherever the strip has been moved
        to): a box drawn round them before they land hugs where they will be, not where they
        wait."""
        return VGroup(*[Dot(self.line.n2p(d.value) + (0.1 + d.lift) * UP, radius=d.radius) for d in dots])

    def land(self, dots, start, end):
        """The dots drop onto the line, one after another, in the share [start, end] of a beat."""
        n = max(len(dots), 1)
        out = []
        for i, dot in enumerate(dots):
            a = start + (end - start) * i / n
            out.append(during(drop(dot, dot.get_center() + DROP * DOWN), a,
                              min(end, a + 2.5 * (end - start) / n)))
        return out


def strip_reach(runs):
    """One scale for both runs' strips: -3 to 3, or out to the whole number past the largest
    start weight of either run, so every weight is drawn at its true place."""
    largest = max(max(np.abs(run.W1[0]).max(), np.abs(run.W2[0]).max()) for run in runs)
    return max(STRIP_RANGE, int(np.ceil(largest)))


def pulse(mob):
    """mob shown and gone again, brightest half-way: a flash that leaves the picture as it was."""
    mob.set_opacity(0)

    def shine(m, t):
        m.set_opacity(math.sin(math.pi * t))

    return UpdateFromAlphaFunc(mob, shine, introducer=True, remover=True)


def drop(dot, target):
    origin = dot.get_center()

    def place(m, t):
        m.move_to(origin + (target - origin) * smooth(t))
        m.set_opacity(min(1.0, 3 * t))

    return UpdateFromAlphaFunc(dot, place)


class RunStats(SnapshotView, VGroup):
    """Accuracy and mean loss of a run at snapshot k (LiveNumbers: they follow a replay)."""

    def __init__(self, run, k=0):
        super().__init__()
        self.run = run
        acc = labelled_number("accuracy", 100.0, places=1, unit=r"\%", live=True)
        loss = labelled_number("mean loss", 0.0, places=3, live=True)
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


def words_time(text):
    """The length of a beat that says `text` without a voice (scenes.pacing.beat)."""
    return reading_time(text) + style.BREATH


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
        for run, other, x in ((good, bad, -PANEL_X), (bad, good, PANEL_X)):
            panel = DecisionPanel(run, 0, side=PANEL_SIDE).move_to([x, PANEL_Y, 0])
            panel.start = note(words.start_label(run.config), font_size=style.LABEL,
                               color=style.FOREGROUND)
            panel.name = note(words.run_label(run.config, other.config), font_size=style.LABEL)
            place_header(panel)
            stats = RunStats(run).next_to(panel, DOWN, buff=STATS_GAP)
            panel.formula = start_formula(run).move_to([x, 0, 0])  # centred under the panel
            first = panel.formula[0][0] if run.config.init == "he" else panel.formula
            panel.formula.shift((FORMULA_Y - first.get_y()) * UP)  # its first line on FORMULA_Y
            self.panels.add(panel)
            self.stats.add(stats)
        last = max(int(r.steps[-1]) for r in (good, bad))
        self.step = LiveNumber(last, num_decimal_places=0, font_size=NUMBER_SCALE * style.LABEL,
                               color=style.FOREGROUND)  # laid out at its widest
        self.step_counter = VGroup(note("step", font_size=style.LABEL), self.step)
        # in a row, as the number keeps its left edge when its digits change (in a column it
        # stood off centre under "step" once it shrank to 0)
        # between the panels, from their top down: the key of their colours, the step, and
        # (once creases are drawn) the creases' key
        self.map_key = map_legend(font_size=style.SMALL).move_to([0, 0, 0])
        self.map_key.shift((PANEL_Y + PANEL_SIDE / 2 - self.map_key.get_top()[1]) * UP)
        self.step_counter.arrange(RIGHT, buff=0.15).next_to(self.map_key, DOWN, buff=MIDDLE_GAP)
        self.step.set_value(0)
        left, right = self.panels
        shared, differ = words.differences_words(good.config, bad.config)
        self.add(self.heading)  # the title is up; the panels come in at once, the rest after
        # (the stats come with the replay: until then the slot under each panel holds its
        # start weights)
        beat(self, during(FadeIn(self.panels), 0, 0.05),
             during(FadeIn(self.map_key), 0.05, 0.3), during(FadeIn(self.step_counter), 0.15, 0.35),
             during(FadeIn(VGroup(left.name, right.name)), 0.2, 0.45), subcaption=shared)
        if differ is not None:
            beat(self, during(PointAt(left.name, color=style.EMPHASIS), 0, 0.5),
                 during(PointAt(right.name, color=style.EMPHASIS), 0.45, 0.95), subcaption=differ)
        self.strips = VGroup()
        self.start_marks = VGroup()  # each start's creases at step 0, while its words speak of them
        self.crease_key = crease_key().next_to(self.step_counter, DOWN, buff=MIDDLE_GAP)
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
            strip = self.strip_for(run, side)
            # every dot landed by half-way (none still fading in at the still), then pointed
            # at where they landed
            beat(self, during(Write(spread), 0, 0.4), during(FadeIn(VGroup(strip.line, strip.label)), 0, 0.15),
                 *strip.land(strip.drawn, 0.1, 0.5),
                 during(PointAt(strip.landed(strip.drawn), buff=0.08), 0.5, 0.95),
                 subcaption=words.he_words(run, side))
            beat(self, during(FadeIn(bias, shift=0.3 * LEFT), 0, 0.3),
                 during(FadeIn(panel.start, shift=0.3 * LEFT), 0.2, 0.5),
                 *strip.land(strip.set_biases, 0.1, 0.5), during(PointAt(bias, buff=0.06), 0.5, 0.95),  # (a box on the stack would cut the map's numbers)
                 subcaption=words.he_bias_words(run))
            # (0, 0), where every unit's sum is its bias, ringed; each unit's crease at step 0
            # with an arrow into the side where its z(1) > 0: (0, 0) is on that side of all
            # three. (No animation on a part of the panel: it would lift the part out of the
            # panel, and the panel's updater would no longer draw it in the replay.)
            creases, ring = self.step0_marks(panel, run)
            beat(self, during(FadeIn(creases, lag_ratio=0.4), 0, 0.45), during(FadeIn(self.crease_key), 0.05, 0.25),
                 during(FadeIn(ring, scale=1.5), 0.4, 0.55),
                 subcaption=words.he_bias_reason_words(run))
            self.start_marks.add(creases, ring)
        else:
            strip = self.strip_for(run, side)
            # the other start's creases leave (their key stays, for this start's creases)
            beat(self, during(FadeOut(self.start_marks), 0, 0.15),
                 during(Write(panel.formula), 0, 0.45), during(FadeIn(panel.start, shift=0.3 * LEFT), 0.25, 0.5),
                 during(FadeIn(VGroup(strip.line, strip.label)), 0, 0.2),
                 *strip.land(strip.drawn, 0.15, 0.55),
                 during(PointAt(strip.landed(strip.drawn), buff=0.08), 0.55, 0.95),
                 subcaption=words.plain_words(run, side))
            self.show_start_state(panel, run)

    @staticmethod
    def step0_marks(panel, run):
        """The run's creases at step 0 on its panel, and a ring at (0, 0), where each unit's
        z(1) is its bias."""
        ring = Circle(radius=0.22, color=style.EMPHASIS, stroke_width=4).move_to(panel.axes.c2p(0, 0))
        return start_creases(panel.axes, run.W1[0], tuple(run.grid_extent)), ring

    def show_start_state(self, panel, run):
        """The plain start's creases at step 0, as the He start's were: at (0, 0) each unit's
        z(1) is its drawn bias; a unit whose arrow points away from every point starts off,
        and flashes in the colour of what went wrong."""
        self.remove(self.start_marks)
        creases, ring = self.step0_marks(panel, run)
        # the units off on every point flash red over their pink creases (a copy: the creases
        # themselves are fading in in the same beat)
        flash = VGroup(*[m.copy().set_color(style.ERROR).set_stroke(width=FLASH_WIDTH)
                         for m in creases if run.dead_units(0)[m.unit]])
        key = () if self.crease_key in self.mobjects else (during(FadeIn(self.crease_key), 0.05, 0.25),)
        beat(self, during(FadeIn(creases, lag_ratio=0.4), 0, 0.4), *key,
             during(FadeIn(ring, scale=1.5), 0.35, 0.5),
             during(pulse(flash), 0.5, 0.95),
             subcaption=words.plain_state_words(run))
        self.start_marks = VGroup(creases, ring)

    def strip_for(self, run, side):
        """The run's start weights, under its own panel, in the slot its stats take later."""
        strip = WeightStrip(run, reach=strip_reach([self.good, self.bad]))
        panel = self.panels[0 if side == "left" else 1]
        # the line where the stats will stand; the line and its name centred under the panel
        # (its dots land up to about 0.45 above the line, its numbers sit under it)
        strip.shift((panel.get_x() - VGroup(strip.label, strip.line).get_x()) * RIGHT
                    + (panel.get_bottom()[1] - SLOT_GAP - 0.5 - strip.line.get_y()) * UP)
        self.strips.add(strip)
        self.add(strip)
        return strip

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
        # The start's notes leave; the stats take the strips' slot, uncovered (a fade would
        # suspend their updater and leave them on a stale value).
        start_notes = VGroup(self.strips, self.start_marks, self.crease_key)
        with following(tracker, views, show):
            beat(self, tracker.animate(rate_func=linear).set_value(math.log10(last + 1)),
                 during(FadeOut(start_notes), 0, 0.1),
                 reveal(self, self.stats, run_time=REPLAY_TIME, seconds=0.6),
                 run_time=REPLAY_TIME, subcaption=replay)
        self.step.clear_updaters()
        right = self.panels[1]
        # its boundary, then the accuracy it leaves the run with (the words say whether one
        # unit alive makes it a single straight line)
        beat(self, during(PointAt(right.boundary, color=style.EMPHASIS), 0, 0.55),
             during(PointAt(self.stats[1][0], color=style.EMPHASIS, buff=0.08), 0.5, 1.0), subcaption=why)

    # Each hidden unit of the failed run, on its own; then the run replayed once over three
    # beats: the dead units grey out, their sums stay below 0, their weights never move.
    def show_units(self):
        bad = self.bad
        self.dead = bad.dead_units(self.kb)
        self.unit_panels = Group(*[UnitPanel(bad, u, 0) for u in range(3)])
        self.unit_panels.arrange(RIGHT, buff=0.7).move_to([0, UNITS_Y, 0])
        self.unit_notes = VGroup()
        self.unit_names = VGroup()
        for u, panel in enumerate(self.unit_panels):
            state = "dead" if self.dead[u] else "alive"
            panel.name = note(f"unit {u + 1}", font_size=style.LABEL)
            panel.head = note(f"unit {u + 1}: {state}", font_size=style.LABEL,
                              color=style.ERROR if self.dead[u] else style.FOREGROUND)
            panel.head.next_to(panel, UP, buff=0.15)
            panel.name.move_to(panel.head)
            panel.top_z.next_to(panel, DOWN, buff=0.2)
            panel.change.next_to(panel.top_z, DOWN, buff=0.12)
            self.unit_notes.add(panel.top_z)
            self.unit_names.add(panel.name)
        self.crease_note = note("crease: where the unit's z⁽¹⁾ is 0", font_size=style.SMALL,
                                color=style.Z_COLOR)
        self.crease_note.next_to(self.heading, DOWN, buff=0.2)
        # the shading's key, left of the title as the step counter is right of it
        self.unit_key = unit_key()
        self.unit_key.to_edge(LEFT, buff=style.EDGE_BUFF + 0.15).align_to(self.heading, UP)
        # the failed run's step, at 0 while its units are first shown, then counting in the replay
        self.replay_step = LiveNumber(int(bad.steps[-1]), num_decimal_places=0,
                                      font_size=NUMBER_SCALE * style.LABEL, color=style.FOREGROUND)
        self.replay_counter = VGroup(note("step", font_size=style.LABEL), self.replay_step).arrange(RIGHT, buff=0.15)
        self.replay_counter.to_edge(RIGHT, buff=style.EDGE_BUFF + 0.15).match_y(self.heading)
        self.replay_step.set_value(0)
        gone = [*self.panels, *self.stats, self.step_counter, self.map_key,
                *[p.name for p in self.panels], *[p.start for p in self.panels],
                *[p.formula for p in self.panels]]
        # the units slide in from the failed run's panel, one after another
        # (all in by half-way: the still at 60 % of the words shows every unit)
        arrive = [during(FadeIn(p, shift=2.0 * LEFT), 0.1 + 0.12 * i, 0.3 + 0.12 * i)
                  for i, p in enumerate(self.unit_panels)]
        beat(self, during(FadeOut(Group(*gone)), 0, 0.15), *arrive,
             during(FadeIn(VGroup(self.unit_names, self.unit_notes, self.crease_note, self.replay_counter,
                                  self.unit_key)), 0.3, 0.6),
             subcaption="Each hidden unit of the failed run over the input plane: bright where its "
                        "z⁽¹⁾ is positive, dark where ReLU gives zero.")

    def show_no_gradient(self):
        bad = self.bad
        self.changes = VGroup(*[p.change for p in self.unit_panels])
        for panel in self.unit_panels:  # standing still is what a dead unit shows
            panel.motion_still = bool(self.dead[panel.unit])
            panel.shade_dead = True  # dead units grey out as the beat that names them starts
            panel.k = None
            panel.show_snapshot(0)
        tracker = ValueTracker(0)
        why, replayed = words.frozen_words(bad, self.dead)
        dead = [p for p in self.unit_panels if self.dead[p.unit]]
        last = bad.n_snapshots - 1
        counter = self.replay_counter  # on screen at step 0 since the units came in
        self.replay_step.add_updater(
            lambda m: m.set_value(int(bad.steps[snapshot_at(tracker.get_value(), bad.n_snapshots)])))
        # One replay of the whole run over three beats, a third of the snapshots each.
        with following(tracker, self.unit_panels, lambda panel, t: panel.show_at(t)):
            beat(self, tracker.animate(rate_func=linear).set_value(last / 3),
                 during(FadeOut(self.crease_note), 0, 0.1),
                 *[during(ReplacementTransform(p.name, p.head), 0, 0.2) for p in self.unit_panels],
                 subcaption=words.dead_words(self.dead))
            beat(self, tracker.animate(rate_func=linear).set_value(2 * last / 3),
                 reveal(self, self.changes, run_time=words_time(why)),
                 *[during(Indicate(p.head, color=style.ERROR), 0.3, 0.7) for p in dead],
                 subcaption=why)
            # the run reaches its end, then the units leave for the sweeps: under a fading-in
            # cover, since a fade of numbers that change on every frame would fight them
            gone = Group(self.unit_panels, self.unit_notes, self.changes,
                         *[p.head for p in self.unit_panels], counter, self.unit_key)
            curtain = Rectangle(width=config.frame_width - 0.2, height=gone.height + 0.4, stroke_width=0,
                                fill_color=style.BACKGROUND, fill_opacity=1).move_to([0, gone.get_y(), 0])
            beat(self, during(tracker.animate(rate_func=linear).set_value(last), 0, 0.88),
                 *[during(Indicate(p.change, color=style.ERROR), 0.45, 0.8) for p in dead],
                 during(FadeIn(curtain), 0.9, 1.0), subcaption=replayed)
        self.replay_step.clear_updaters()
        self.remove(*[m for m in self.mobjects if m is not self.heading])  # all but the title

    # How often this happens, over a sweep of seeds of each start.
    def show_sweeps(self):
        self.sweeps = {w: load_sweep_result(w) for w in ("plain", "default")}
        self.sweep_views = Group()
        seen = outcomes_seen(*self.sweeps.values())
        for which, x in (("plain", -3.5), ("default", 3.5)):
            sweep = self.sweeps[which]
            grid = outcome_grid(sweep.failure, width=SWEEP_WIDTH).move_to([x, SWEEP_Y, 0])
            name = note(words.start_label(sweep.config), font_size=style.LABEL,
                        color=style.FOREGROUND)
            name.next_to(grid, UP, buff=0.2)
            # the line at the labels' size, centred under its grid and well inside the frame;
            # the share stands a box's width clear of the words (it is framed later)
            rate = VGroup(percent(sweep.success_rate, font_size=NUMBER_SCALE * style.LABEL),
                          note(f"of {len(sweep.seeds)} seeds learn XOR", font_size=style.LABEL))
            rate.arrange(RIGHT, buff=0.3).next_to(grid, DOWN, buff=0.25)
            counts = counts_column(sweep, seen).next_to(rate, DOWN, buff=0.15)
            view = Group(grid, name, rate, counts)
            view.grid, view.rate, view.counts, view.which = grid, rate[0], counts, which
            view.rate_line = rate
            self.sweep_views.add(view)
        self.key = legend(seen).next_to(self.heading, DOWN, buff=0.2)
        plain_view, default_view = self.sweep_views
        for view in self.sweep_views:  # nothing has landed yet
            self.land(view, 0)
        blew_up = FAILURES.index("diverged") in seen
        plain_words = words.sweep_words(self.sweeps["plain"], first=True, blew_up=blew_up)
        default_words = words.sweep_words(self.sweeps["default"], first=False, blew_up=blew_up)
        self.land_all(plain_view, plain_words, during(FadeIn(self.key), 0, 0.15))
        self.land_all(default_view, default_words)

    def land(self, view, n):
        """Show the sweep's first n runs landed in the grid, with the counts of those runs."""
        sweep = self.sweeps[view.which]
        view.grid.pixel_array = outcome_rgb(sweep.failure, shown=n)
        n = int(n)
        view.rate.set_value(100 * float(sweep.learned[:n].sum()) / len(sweep.seeds))
        # the share of all the seeds is a claim about all of them: shown once all have landed
        view.rate_line.set_opacity(1.0 if n >= len(sweep.seeds) else 0.0)
        landed = np.bincount(sweep.failure[:n], minlength=len(view.counts.numbers))
        for number_, c in zip(view.counts.numbers, landed):
            number_.set_value(int(c))

    def land_all(self, view, texts, *entrance):
        """The sweep's runs land one by one over two beats (what the grid is, then how many
        learn), starting after the entrance animations; the counts add up as they land."""
        tracker = ValueTracker(0)
        total = len(self.sweeps[view.which].seeds)
        first, second = texts
        share = 0.8  # most land while the grid is described; the rest early in the count's beat
        # The view joins the scene as it is (its grid is empty, so only its labels show): the
        # updater must sit on a mobject of the scene, and a fade would fight the updates.
        self.add(view)
        with following(tracker, [view], self.land):
            beat(self, during(tracker.animate(rate_func=linear).set_value(share * total), 0.1, 1.0),
                 *entrance, subcaption=first)
            # the last runs land quickly, so the rate the words give is on screen soon after they
            # start; then the rate is framed
            beat(self, during(tracker.animate(rate_func=linear).set_value(total), 0, 0.4),
                 during(PointAt(view.rate, color=style.EMPHASIS), 0.4, 1.0),
                 subcaption=second)
        self.land(view, total)

    def conclude(self):
        plain, default = self.sweeps["plain"], self.sweeps["default"]
        died = plain.failure_counts()["dead unit"]
        died_default = default.failure_counts()["dead unit"]
        self.conclusion = note(f"dead-unit failures: {died} with the plain start, "
                               f"{died_default} with the He start",
                               font_size=style.LABEL, color=style.FOREGROUND)
        self.conclusion.move_to(self.heading)
        first, then = words.conclusion_words(plain, default)
        # the dead-unit runs light up one by one, the others dimmed; then, if some He runs
        # failed another way, those; then all come back
        kinds = [("dead unit",), ("stuck, all units alive", "diverged")] if then else [("dead unit",)]

        def relight(view, t, outcomes, restore):
            sweep = self.sweeps[view.which]
            chosen = np.isin(sweep.failure, [FAILURES.index(o) for o in outcomes])
            lit = np.cumsum(chosen) <= min(1.0, t / 0.8) * chosen.sum()
            dim = None if restore and t >= 0.9 else ~(chosen & lit)
            view.grid.pixel_array = outcome_rgb(sweep.failure, dim=dim)

        tracker = ValueTracker(0)
        show = lambda view, t: relight(view, t, kinds[0], len(kinds) == 1)  # noqa: E731
        with following(tracker, self.sweep_views, show):
            beat(self, tracker.animate(rate_func=linear).set_value(1.0),
                 during(FadeOut(self.heading), 0, 0.1), during(FadeIn(self.conclusion), 0.05, 0.15),
                 subcaption=first)
        if then:  # the few other failures are lit at once, and their count pointed at; the
            # header now counts them, not the dead units the words have left
            for v in self.sweep_views:
                relight(v, 1.0, kinds[1], False)
            header = words.other_failures_header(default)
            swap = ()
            if header:
                self.other_header = note(header, font_size=style.LABEL, color=style.FOREGROUND).move_to(self.heading)
                swap = (during(FadeOut(self.conclusion), 0, 0.1), during(FadeIn(self.other_header), 0.05, 0.15))
            beat(self, *swap, during(PointAt(self.sweep_views[1].counts, color=style.EMPHASIS), 0, 0.6),
                 subcaption=then)
        for v in self.sweep_views:
            relight(v, 1.0, kinds[-1], True)
