"""The whole run unfolding: one tracker over the snapshot index drives every view.

Between snapshots the views step honestly: at tracker position t they all show snapshot
floor(t) (_run_common.snapshot_at); only the ring on the current step's point glides.
Interpolating the views would draw states the run never stored: a blend of two ŷ grids is
not the ŷ of any weights, and a blend of two weight sets is not a state SGD passed through.
Snapshots are log-spaced in steps and dense enough (docs/TRAINING.md) that moving t evenly
shows a new stored state on nearly every frame, and slows down the fast start by itself.

Every sentence about what the run does is computed from the run (_run_words).
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    ImageMobject,
    Line,
    MathTex,
    Polygon,
    Scene,
    Square,
    Transform,
    ValueTracker,
    VGroup,
    linear,
)

from scenes import style
from scenes.ch3_training import _run_words as words
from scenes.ch3_training._run_common import NUMBER_SCALE, DecisionPanel, note, snapshot_at, title
from scenes.ch3_training._run_views import (
    DOT_RADIUS,
    Counter,
    HiddenInset,
    LossCurve,
    Probe,
    RunDiagram,
    PLANE_OPACITY,
    PLANE_STROKE,
    StepMarker,
    AccuracyStrip,
    edge_on_view,
    map_legend,
)
from scenes.pacing import beat, during, reading_time
from scenes.run_data import load_scene_run
from scenes.widgets.highlight import PointAt
from scenes.widgets.tracked import cover, following, quickly, reveal, uncover
from manim import smooth
from toynet_core import forward

# Seconds of each advance of the tracker: the rest of the first epoch, epochs 1-10, the rest.
# With the default run's 69, 100 and 69 snapshots in them, a new stored state is shown on
# more than 90 % of the frames at 15 fps; the words are then held until they can be read.
ADVANCE_TIMES = (5.0, 7.0, 5.0)
# The first steps, one snapshot each, are shown while SGD, the epoch and the views are named.
INTRO_STEPS = (10, 20, 30, 40, 50, 60)
LOSS_WIDTH, LOSS_HEIGHT = 5.2, 1.2  # the loss plot's axes, at most
VIEWS_Y = 1.15  # centre line of the three views; the loss curve sits under them
PANEL_SIDE = 3.3  # the input plane's side
SWEPT_ALPHA = 170  # of 255: the hatching over the cells the boundary crossed in the first epoch
SWEPT_TRACE = 8  # of 255: between the lines, so faint it leaves the class colours as they are
HATCH = 4  # image pixels per grid cell of the hatching
HATCH_EVERY = 10  # image pixels between its diagonal lines (a cell or more apart: no grey wash)
# the map alone, at first: clear of the title (its left numbers right of the title's end)
OPENING_SCALE, OPENING_CENTRE = 1.5, (0.1, 0.05, 0)


def after(run_time, start, seconds):
    """A rate function that waits `start` seconds of an animation lasting run_time, then is
    done `seconds` later."""
    return lambda t: smooth(float(np.clip((t * run_time - start) / seconds, 0.0, 1.0)))


def hatch_pixels(mask):
    """RGBA pixels, HATCH per cell of `mask`: thin white diagonals over the masked cells and
    nothing elsewhere, so the class colours stay readable under them."""
    fine = np.kron(mask.astype(np.uint8), np.ones((HATCH, HATCH), np.uint8)).astype(bool)
    i, j = np.indices(fine.shape)
    rgba = np.zeros(fine.shape + (4,), np.uint8)
    rgba[..., :3] = 255
    # every masked pixel a trace (the mask reads back from the image), the lines bright
    rgba[..., 3] = np.where(fine, np.where((i + j) % HATCH_EVERY == 0, SWEPT_ALPHA, SWEPT_TRACE), 0)
    return rgba


def swept_image(run, a, b, panel):
    """Hatching over the cells of the panel's grid whose class changed from snapshot a to b
    (_run_words.swept_cells), placed exactly over the panel's heatmap."""
    mask = words.swept_cells(run, a, b)
    image = ImageMobject(np.ascontiguousarray(hatch_pixels(mask)[::-1]))  # image rows run top down
    image.set_resampling_algorithm(0)
    image.replace(panel.image, stretch=True)
    image.mask = mask
    return image


def hatch_key(text, font_size=style.SMALL):
    """Key of the hatching: a hatched swatch and what it marks."""
    side = 0.24
    swatch = VGroup(Square(side, stroke_color=style.FOREGROUND, stroke_width=1),
                    *[Line([-side / 2 + a, -side / 2, 0], [side / 2, side / 2 - a, 0], color=style.FOREGROUND,
                           stroke_width=1.5) for a in (0.0, 0.1)],
                    *[Line([-side / 2, -side / 2 + a, 0], [side / 2 - a, side / 2, 0], color=style.FOREGROUND,
                           stroke_width=1.5) for a in (0.1,)])
    return VGroup(swatch, note(text, font_size=font_size)).arrange(RIGHT, buff=0.12, aligned_edge=UP)


def dots_key(font_size=style.SMALL):
    """Key of the dots' colours, stacked: their labels y (as the map's first key said)."""
    rows = VGroup(note("dots:", font_size=font_size))
    for y in (1, 0):
        rows.add(VGroup(Dot(radius=0.06, color=style.class_color(y)),
                        MathTex(f"y = {y}", font_size=NUMBER_SCALE * font_size, color=style.FOREGROUND))
                 .arrange(RIGHT, buff=0.12))
    return rows.arrange(DOWN, aligned_edge=LEFT, buff=0.12)


def plane_key(font_size=style.SMALL):
    """Key of the plane in hidden space: a swatch drawn as the plane is (a light sheet, its
    outline bold white) and what it is, ŷ = 1/2 (the input plane's boundary, in hidden space)."""
    sheet = Polygon([-0.16, -0.1, 0], [0.06, -0.1, 0], [0.16, 0.1, 0], [-0.06, 0.1, 0], color=style.FOREGROUND,
                    stroke_width=PLANE_STROKE, fill_color=style.FOREGROUND, fill_opacity=PLANE_OPACITY)
    value = MathTex(r"\hat{y} = \tfrac{1}{2}", font_size=NUMBER_SCALE * font_size, color=style.FOREGROUND)
    return VGroup(sheet, note("plane", font_size=font_size), value).arrange(RIGHT, buff=0.12)


class TrainingRun(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.tracker = ValueTracker(0)
        self.phases = words.phases(self.run)
        self.build_views()
        self.show_start()
        self.first_steps()
        self.advance_through_phases()
        self.final_state()

    # Every view shows snapshot 0 at first and follows the tracker while it moves.
    def build_views(self):
        run = self.run
        self.heading = title("The whole run", corner=True)
        # a margin past the frame's edge buffer: the last digits must not graze the edge
        self.counter = Counter(run, 0).to_edge(RIGHT, buff=style.EDGE_BUFF + 0.15)
        self.counter.match_y(self.heading)
        self.panel = DecisionPanel(run, 0, side=PANEL_SIDE, dot_radius=0.025)
        self.panel.move_to([-4.75, VIEWS_Y, 0])
        self.marker = StepMarker(run, self.panel.axes, 0)
        # drawn in layers: the map, the hatching laid over it later, then the boundary and the
        # points, then the rings that point at points
        self.panel.boundary.set_z_index(1)
        self.panel.dots.set_z_index(1)
        self.marker.set_z_index(2)
        # a little lower and narrower than the other views: the map's key sits above it, under
        # the counter, and its ticks must clear the top unit
        self.diagram = RunDiagram(run, 0, width=3.1, height=2.3).move_to([5.15, VIEWS_Y - 0.25, 0])
        y = self.panel.get_bottom()[1] - 0.22
        self.captions = VGroup(*[
            note(text, font_size=style.SMALL).move_to([view.get_center()[0], y, 0])
            for text, view in (("input plane", self.panel), ("weights", self.diagram))
        ])
        # The dots' key, a block of its own beside the input plane's lower right corner (it
        # moves there from the map's key when hidden space comes in).
        self.dots_home = dots_key().next_to(self.panel.image, RIGHT, buff=0.2).align_to(self.panel.image, DOWN)
        # The loss curve under the input plane's caption; as tall as the room above the
        # subtitle band allows (its tick labels must read at 480p).
        self.loss = self.loss_curve(self.captions.get_bottom()[1] - 0.12)
        # Hidden space gets the room between the dots' key and the diagram, down to the loss
        # plot's top, its caption and the key of its plane one block at its lower right
        # (where the arms of the cloud leave a corner free); seen from where the planes
        # of epoch 10 (when the words say it has slipped between the classes) and of the end
        # are edge-on or nearly, so each class sits on its own side; of those views, the one
        # where the points spread widest.
        name = note("hidden space", font_size=style.SMALL)
        self.hidden_key = VGroup(name, plane_key()).arrange(DOWN, aligned_edge=RIGHT, buff=0.12)
        bottom = self.loss.axes.get_top()[1] + 0.15
        self.hidden_key.next_to([self.diagram.get_left()[0] - 0.2, bottom, 0], UP + LEFT, buff=0)
        left = self.dots_home.get_right()[0] + 0.3
        right = self.diagram.get_left()[0] - 0.2
        top = self.counter.get_bottom()[1] - 0.1
        theta, phi = edge_on_view(run, self.phases[2:], size=(right - left - 0.3, top - bottom - 0.3))
        self.hidden = HiddenInset(run, 0, side=3.1, theta=theta, phi=phi)
        self.fit_hidden(left, right, bottom, top, clear_of=self.hidden_key)
        self.captions.insert(1, self.hidden_key)
        # the accuracy after epoch 10, on an axis from its lowest to its highest: the range the
        # late words give; it comes in with them
        k2, k3 = self.phases[2:]
        self.strip = AccuracyStrip(run, k2, k3, width=2.3, height=0.85,
                                   heading=f"accuracy from epoch {run.epochs[k2]:.0f}")
        self.strip.align_to(self.loss.ticks, DOWN).to_edge(RIGHT, buff=style.EDGE_BUFF + 0.15)
        self.views = [self.panel, self.marker, self.hidden, self.diagram, self.loss, self.counter, self.strip]

    def loss_curve(self, top, lowest=-0.38 * 8.0 + 0.08):
        """The loss curve under `top`, left-aligned with the input plane, as tall as fits above
        `lowest` (the subtitle band's edge, 12 % of the frame's 8 units up, with a margin), at
        most LOSS_HEIGHT."""
        height = LOSS_HEIGHT
        for _ in range(3):
            loss = LossCurve(self.run, 0, width=LOSS_WIDTH, height=height)
            loss.next_to([0, top, 0], DOWN, buff=0).align_to(self.panel.image, LEFT)
            over = lowest - loss.get_bottom()[1]
            if over <= 1e-3:
                break
            height -= over
        return loss

    def fit_hidden(self, left, right, bottom, top, clear_of=None, gap=0.12):
        """Scale the hidden-space inset, axis labels and all, so that all it draws over the run
        (HiddenInset.reach_box) is as large as fits the rectangle between the other views, and
        centre it there (its labels keep their size); then, while it reaches into `clear_of` (a
        key in a corner of the rectangle), a little smaller, kept to the rectangle's far side
        from the key."""
        hidden = self.hidden

        def place(corner=False):
            x0, x1, y0, y1 = hidden.reach_box()
            if corner:  # away from the key at the lower right
                hidden.shift([left - x0, top - y1, 0])
            else:
                hidden.shift([(left + right - x0 - x1) / 2, (top + bottom - y0 - y1) / 2, 0])

        for _ in range(6):  # the labels keep their size as the rest grows or shrinks: settle in turns
            x0, x1, y0, y1 = hidden.reach_box()
            factor = min((right - left) / (x1 - x0), (top - bottom) / (y1 - y0))
            if abs(factor - 1) < 1e-3:
                break
            hidden.scale(factor)
            hidden.place_labels()
        place()
        for _ in range(40):
            if clear_of is None or not hidden.reaches_into(clear_of, gap):
                break
            hidden.scale(0.97)
            hidden.place_labels()
            place(corner=True)

    def show_snapshot(self, k):
        for view in self.views:
            view.show_snapshot(k)

    def following_tracker(self):
        """While in this block, every view shows the tracker's position on every frame (the
        updaters sit on the views: see scenes.widgets.tracked)."""
        return following(self.tracker, self.views, lambda view, t: view.show_at(t))

    def advance(self, step, *animations, subcaption, run_time=None):
        """One beat: move the tracker to the first snapshot at or after `step`, linearly in
        snapshots, while the views follow; by default for as long as the words take to read."""
        k = words.first_snapshot_after(self.run, step)
        run_time = run_time or reading_time(subcaption)
        with self.following_tracker():  # views shown meanwhile come in by reveal()
            # linear on the tracker alone: a play()-wide rate_func would override the others'
            beat(self, self.tracker.animate(rate_func=linear).set_value(k), *animations,
                 run_time=run_time, subcaption=subcaption)
        self.advances.append((k, subcaption))

    # Beats --------------------------------------------------------------------------------
    def show_start(self):
        """The picture first: the title is up and the map comes in within the first half
        second; then a probe travels over the map reading ŷ, so the colours are seen to mean
        the prediction before the words give the key."""
        # The counter's epoch stays covered until the words have said what an epoch is.
        self.add(self.counter)
        self.epoch_cover = cover(self, self.counter[1])
        self.accuracy_cover = cover(self, self.counter[2])  # and accuracy, until it is defined
        self.add(self.heading)
        self.probe = Probe(self.run, self.panel.axes, 0, avoid=self.panel.boundary)
        # Beside the map while the middle is empty; under the counter once the views come.
        self.legend = map_legend().next_to(self.panel, RIGHT, buff=0.5).shift(0.6 * UP)
        # the blue share the words give, under the key, as they say it
        self.blue_note = note(words.blue_label(self.run, 0), font_size=style.LABEL)
        self.blue_note.next_to(self.legend, DOWN, buff=0.35).align_to(self.legend, LEFT)
        probe_t = ValueTracker(0)
        # The map alone fills the frame at first, then takes its place beside the other views.
        home = self.panel.get_center()
        self.panel.scale(OPENING_SCALE).move_to(OPENING_CENTRE).place_numbers()  # numbers keep their size
        self.probe.show_at(0)
        self.probe.set_z_index(3)  # over the map and its dots
        self.add_foreground_mobject(self.probe)  # over the map that fades in under it
        with following(probe_t, [self.probe], lambda probe, t: probe.show_at(t)):
            beat(self, during(FadeIn(self.panel), 0, 0.04),
                 FadeIn(self.counter[0]),
                 probe_t.animate(rate_func=linear).set_value(0.5),
                 subcaption=words.start_words_of_run(self.run))
            beat(self, during(self.panel.animate.scale(1 / OPENING_SCALE).move_to(home).place_numbers(), 0, 0.3),
                 during(FadeIn(self.captions[0]), 0.3, 0.5), during(FadeIn(self.legend), 0.3, 0.6),
                 during(FadeIn(self.blue_note), 0.45, 0.55),
                 probe_t.animate(rate_func=linear).set_value(1.0),
                 subcaption=words.colour_words(self.run))

    def first_steps(self):
        """The first SGD steps one by one, the point of each ringed, while the other views
        come in: SGD and epoch are defined on the real steps."""
        self.advances = []
        steps = iter(INTRO_STEPS)
        text = words.sgd_words(self.run)
        self.advance(next(steps), reveal(self, self.marker, run_time=reading_time(text)),
                     FadeOut(self.probe, rate_func=quickly(reading_time(text))),
                     FadeOut(self.blue_note, rate_func=quickly(reading_time(text))), subcaption=text)
        text = words.epoch_words(self.run)
        # While the middle of the frame is still empty, the map's key moves under the counter
        # and the dots' key to the input plane's side (the dots stay on both planes), so that
        # no key flies over hidden space as it comes in.
        small = map_legend(font_size=style.SMALL)
        corner = VGroup(*small[:2])
        corner.arrange(RIGHT, buff=0.35, aligned_edge=UP).next_to(self.counter, DOWN, buff=0.3)
        corner.align_to(self.counter, RIGHT)
        # the boundary's key first, so that the colour bar, coming after it, never crosses it
        self.advance(next(steps), uncover(self.epoch_cover, reading_time(text)),
                     PointAt(self.counter[1], color=style.EMPHASIS),
                     Transform(self.legend[1], corner[1], rate_func=after(reading_time(text), 1.0, 0.8)),
                     Transform(self.legend[0], corner[0], rate_func=after(reading_time(text), 1.4, 0.9)),
                     FadeOut(self.legend[2], rate_func=after(reading_time(text), 1.0, 0.5)),
                     FadeIn(self.dots_home, rate_func=after(reading_time(text), 1.3, 0.5)),
                     subcaption=text)
        text = "Beside the input plane, the same points after the hidden layer: hidden space."
        self.advance(next(steps), reveal(self, self.hidden, self.captions[1],
                                         run_time=reading_time(text)), subcaption=text)
        text = "Then the weights, as edges: blue positive, orange negative, thicker when larger."
        self.advance(next(steps), reveal(self, self.diagram, self.captions[2],
                                         run_time=reading_time(text)), subcaption=text)
        text = words.log_scale_words(self.run)
        self.advance(next(steps), reveal(self, self.loss, run_time=reading_time(text)),
                     subcaption=text)
        # accuracy comes in with the words that define it
        text = words.accuracy_words(self.run)
        self.advance(next(steps), uncover(self.accuracy_cover, reading_time(text)),
                     PointAt(self.counter[2], color=style.EMPHASIS), subcaption=text)

    def advance_through_phases(self):
        run, (k0, k1, k2, k3) = self.run, self.phases
        here = snapshot_at(self.tracker.get_value(), run.n_snapshots)
        self.swept = swept_image(run, k0, k1, self.panel)
        # The hatching's key, with what it marks and the share the words give, on screen as they
        # are said: right of the loss plot, where the accuracy strip comes later.
        self.swept_key = hatch_key(words.swept_label(run, k0, k1))
        self.swept_key.to_edge(RIGHT, buff=style.EDGE_BUFF + 0.15).align_to(self.loss.axes, DOWN)
        if k1 > here:
            self.first_epoch(k0, k1)
            back = quickly(ADVANCE_TIMES[1] / 2, 0.5)
            gone = (FadeOut(self.swept, rate_func=back), FadeOut(self.swept_key, rate_func=back))
        else:
            self.play(FadeOut(self.marker))
            gone = ()
        # The accuracy the middle words start from, where the strip comes later, as they say it.
        self.start_accuracy = note(words.accuracy_label(run, k1), font_size=style.SMALL)
        self.start_accuracy.move_to(self.strip).align_to(self.strip, RIGHT)
        shown = False
        for (a, b), seconds, texts in (((k1, k2), ADVANCE_TIMES[1], words.middle_words(run, k1, k2)),
                                       ((k2, k3), ADVANCE_TIMES[2], words.late_words(run, k2, k3))):
            if b > a:  # a short run may end before epoch 10
                if a == k1:  # once the hatching's key, in its place, has gone
                    gone += (FadeIn(self.start_accuracy, rate_func=after(seconds / len(texts), 0.5, 0.4)),)
                    shown = True
                if a == k2:  # the range of accuracy the late words give, shown as they start
                    gone += (reveal(self, self.strip, run_time=seconds / len(texts), seconds=0.6),)
                    if shown:
                        gone += (FadeOut(self.start_accuracy, rate_func=quickly(seconds / len(texts), 0.4)),)
                last = ()
                if a == k2:  # the loss at epoch 10 the last words start from, marked as they say it
                    self.loss_mark = self.loss.mark(k2, words.losses(run.mean_loss[k2], run.mean_loss[k3])[0])
                    last = (during(FadeIn(self.loss_mark), 0, 0.12),)
                self.advance_phase(a, b, texts, seconds, *gone, last=last)
                gone = ()

    def first_epoch(self, k0, k1):
        """The replay runs to the end of the first epoch during the first sentence; the sweep,
        measured up to that snapshot, is hatched and said once the counter has reached it."""
        rest, sweep = words.first_epoch_words(self.run, k0, k1)
        self.advance(self.run.steps[k1], FadeOut(self.marker, rate_func=quickly(ADVANCE_TIMES[0] / 2)),
                     run_time=ADVANCE_TIMES[0], subcaption=rest)
        # the hatching and its key come in as the sentence starts; the share is pointed at
        beat(self, during(FadeIn(self.swept), 0, 0.12), during(FadeIn(self.swept_key), 0.04, 0.14),
             during(PointAt(self.swept_key, color=style.EMPHASIS), 0.2, 0.8), subcaption=sweep)

    def advance_phase(self, a, b, texts, seconds, *animations, last=()):
        """The tracker from snapshot a to b in one beat per sentence, the snapshots shared
        evenly between them, so no sentence plays over a frozen picture; `animations` play
        with the first sentence, `last` with the last."""
        marks = np.linspace(a, b, len(texts) + 1).round().astype(int)[1:]
        for i, (k, text) in enumerate(zip(marks, texts)):
            extra = (animations if i == 0 else ()) + (tuple(last) if i == len(texts) - 1 else ())
            self.advance(self.run.steps[k], *extra, run_time=seconds / len(texts), subcaption=text)

    def final_state(self):
        run, k = self.run, self.phases[3]
        f = forward(run.W1[k], run.W2[k], run.X, run.y)
        self.wrong = np.flatnonzero((f.y_hat > 0.5) != (run.y == 1))
        axes = self.panel.axes
        # each wrong point redrawn larger, in its label's colour with a white outline, so it
        # stands out from the band of the other colour it lies on; a ring round it
        self.wrong_dots = VGroup(*[
            Dot(axes.c2p(*run.X[i]), radius=0.07, color=style.class_color(run.y[i]),
                stroke_color=style.EMPHASIS, stroke_width=2)
            for i in self.wrong
        ]).set_z_index(2)
        self.rings = VGroup(*[
            Circle(radius=0.19, color=style.EMPHASIS, stroke_width=2).move_to(axes.c2p(*run.X[i]))
            for i in self.wrong
        ]).set_z_index(2)
        # and the same points in hidden space, on the plane's wrong side
        hidden = self.hidden
        self.hidden_wrong = VGroup(*[
            Dot(hidden.to_scene(run.hidden_post[k][i][None, :])[0], radius=1.4 * DOT_RADIUS,
                color=style.class_color(run.y[i]), stroke_color=style.EMPHASIS, stroke_width=2)
            for i in self.wrong
        ]).set_z_index(2)
        self.hidden_rings = VGroup(*[
            Circle(radius=0.19, color=style.EMPHASIS, stroke_width=2).move_to(dot) for dot in self.hidden_wrong
        ]).set_z_index(2)
        beat(self, during(FadeIn(self.wrong_dots), 0, 0.1), during(Create(self.rings), 0, 0.2),
             during(FadeIn(self.hidden_wrong), 0, 0.1), during(Create(self.hidden_rings), 0, 0.2),
             PointAt(self.counter[2], color=style.EMPHASIS), subcaption=words.final_words(run, k))
