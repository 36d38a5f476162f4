"""The whole run unfolding: one tracker over the snapshot index drives every view.

Between snapshots the views step honestly: at tracker position t they all show snapshot
floor(t). Interpolating would draw states the run never stored: a blend of two ŷ grids is
not the ŷ of any weights, and a blend of two weight sets is not a state SGD passed through.
Since snapshots are log-spaced in steps, moving t evenly already slows down the fast start.
"""

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    FadeIn,
    Scene,
    ValueTracker,
    VGroup,
    linear,
)

from scenes import style
from scenes.ch3_training._run_common import DecisionPanel, note, title
from scenes.pacing import beat
from scenes.ch3_training._run_views import Counter, HiddenInset, LossCurve, RunDiagram
from scenes.run_data import load_scene_run
from scenes.widgets.tracked import following


def snapshot_at(t, n_snapshots):
    """The snapshot shown at tracker position t: floor(t), kept inside the run."""
    return int(np.clip(np.floor(t + 1e-9), 0, n_snapshots - 1))


def first_snapshot_after(run, step):
    later = np.flatnonzero(run.steps >= step)
    return int(later[0]) if len(later) else run.n_snapshots - 1


class TrainingRun(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.tracker = ValueTracker(0)
        self.build_views()
        self.introduce_views()
        self.first_epoch()
        self.middle_epochs()
        self.last_epochs()
        self.final_state()

    # Every view shows snapshot 0 at first and follows the tracker from then on.
    def build_views(self):
        run = self.run
        self.heading = title("The whole run").to_edge(LEFT, buff=style.EDGE_BUFF)
        self.counter = Counter(run, 0).to_edge(RIGHT, buff=style.EDGE_BUFF)
        self.counter.match_y(self.heading)
        self.panel = DecisionPanel(run, 0, side=3.8, dot_radius=0.025).move_to([-4.55, 0.75, 0])
        self.hidden = HiddenInset(run, 0, side=3.3).move_to([0.1, 0.75, 0])
        self.diagram = RunDiagram(run, 0, width=3.6, height=2.9)
        self.diagram.move_to([4.55, 0.75, 0])
        y = self.panel.get_bottom()[1] - 0.3
        self.captions = VGroup(*[
            note(text, font_size=style.SMALL).move_to([view.get_center()[0], y, 0])
            for text, view in (("input plane", self.panel), ("hidden space", self.hidden),
                               ("weights", self.diagram))
        ])
        self.loss = LossCurve(run, 0, width=10.0, height=1.5).move_to([0.4, -2.75, 0])
        self.views = (self.panel, self.hidden, self.diagram, self.loss, self.counter)

    def show_snapshot(self, k):
        for view in self.views:
            view.show_snapshot(k)

    def introduce_views(self):
        beat(self, FadeIn(self.heading), FadeIn(self.counter), FadeIn(self.panel),
                  FadeIn(self.captions[0]),
                  subcaption="Now the whole run: the decision map over the input plane, "
                             "from the untrained start.")
        beat(self, FadeIn(self.hidden), FadeIn(self.diagram), FadeIn(self.captions[1:]),
                  subcaption="Beside it, the same points after the hidden layer, and the "
                             "weights as edges: blue positive, red negative, thicker when larger.")
        beat(self, FadeIn(self.loss),
                  subcaption="Below, the average loss over all points, with the steps on a "
                             "log scale.")

    def following_tracker(self):
        """While in this block, every view shows snapshot_at(tracker) on every frame (the
        updaters sit on the views: see scenes.widgets.tracked)."""
        n = self.run.n_snapshots
        return following(self.tracker, self.views,
                         lambda view, t: view.show_snapshot(snapshot_at(t, n)))

    def advance(self, k, run_time, subcaption):
        with self.following_tracker():
            self.play(self.tracker.animate.set_value(k), run_time=run_time, rate_func=linear,
                      subcaption=subcaption)

    def first_epoch(self):
        k = first_snapshot_after(self.run, self.run.n_samples)
        self.advance(k, 7, "The first few hundred steps, slowed down: the boundary swings "
                           "around as each single point pulls the weights its own way.")

    def middle_epochs(self):
        k = first_snapshot_after(self.run, 10 * self.run.n_samples)
        self.advance(k, 7, "Then the hidden layer pulls the two classes apart, and the "
                           "plane in hidden space slips between them.")

    def last_epochs(self):
        self.advance(self.run.n_snapshots - 1, 4,
                     "After that, training only sharpens what it has found.")

    def final_state(self):
        k = self.run.n_snapshots - 1
        self.add_subcaption(f"After {self.run.steps[k]:,} steps, {100 * self.run.accuracy[k]:.1f}% "
                            "of the points sit on the right side of the boundary.", duration=3)
        self.wait(3)

