"""The XOR problem: four points no line can split, and the noisy dataset the net learns from."""

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP,
    Circle, Create, Cross, FadeIn, FadeOut, Indicate, LaggedStart, Line, MathTable, MathTex,
    ReplacementTransform, Scene, Text, VGroup, Write,
)

from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.style import (
    BODY, CLASS_0, CLASS_1, FONT, FOREGROUND, HEADING, LABEL, LOSS_COLOR, MUTED,
    SMALL, class_color,
)
from scenes.widgets.input_plane import axis_labels, centre_dots, data_dots, input_axes
from scenes.widgets.text import title
from toynet_core.data import XOR_CENTRES

PLANE_EXTENT = (-0.5, 1.5, -0.5, 1.5)


def xor_labels(points):
    """i1 XOR i2, computed from the inputs rather than copied from a table."""
    bits = np.asarray(points).astype(int)
    return np.logical_xor(bits[:, 0], bits[:, 1]).astype(int)


def line_predictions(points, normal, offset):
    """Class 1 on the side of the line n·p = offset that n points to."""
    return (np.asarray(points) @ normal > offset).astype(int)


def best_orientation(points, labels, normal, offset):
    """Predictions of the line with whichever side-to-class assignment scores better."""
    pred = line_predictions(points, normal, offset)
    return pred if (pred == labels).sum() >= ((1 - pred) == labels).sum() else 1 - pred


def best_line_accuracy(points, labels, n_angles=720):
    """The best fraction of points any straight line classifies correctly (brute force)."""
    best = 0.0
    for theta in np.linspace(0, np.pi, n_angles, endpoint=False):
        normal = np.array([np.cos(theta), np.sin(theta)])
        proj = np.sort(np.asarray(points) @ normal)
        cuts = np.concatenate([[proj[0] - 1], (proj[:-1] + proj[1:]) / 2, [proj[-1] + 1]])
        for cut in cuts:
            pred = best_orientation(points, labels, normal, cut)
            best = max(best, float(np.mean(pred == labels)))
    return best


# Lines the scene tries: (normal, offset) of n·p = offset. Choices of what to try, not results.
TRIAL_LINES = [
    (np.array([1.0, 0.0]), 0.5),
    (np.array([0.0, 1.0]), 0.5),
    (np.array([1.0, 1.0]) / np.sqrt(2), 0.5 / np.sqrt(2)),
    (np.array([1.0, -1.0]) / np.sqrt(2), 0.0),
]
# What is said as each trial line after the first replaces the one before (spoken once each).
TRIAL_WORDS = ["Turn it: some point still lands on the wrong side.",
               "Shift it: again a point is on the wrong side.",
               "Tilt it the other way: still a point on the wrong side."]


class XorProblem(Scene):
    def construct(self):
        self.labels = xor_labels(XOR_CENTRES)
        self.show_truth_table()
        self.place_points()
        self.try_lines()
        self.conclude()

    def show_truth_table(self):
        rows = [[str(int(a)), str(int(b)), str(int(t))] for (a, b), t in zip(XOR_CENTRES, self.labels)]
        self.table = MathTable(rows, col_labels=[MathTex("i_1"), MathTex("i_2"), MathTex("y")],
                               include_outer_lines=False, line_config={"stroke_color": MUTED},
                               element_to_mobject_config={"font_size": BODY})
        self.table.to_edge(LEFT, buff=1.0).shift(UP * 0.3)
        for r, label in enumerate(self.labels):
            self.table.get_entries((r + 2, 3)).set_color(class_color(label))
        self.title = title("Exclusive OR")
        beat(self, Write(self.title), Create(self.table),
                   subcaption="XOR outputs 1 when exactly one of its two inputs is 1.")

    def place_points(self):
        self.axes = input_axes(PLANE_EXTENT, side=5.0, step=0.5, numbers=False)
        self.axes.to_edge(RIGHT, buff=1.2).shift(DOWN * 0.3)
        labels = axis_labels(self.axes, names=("i_1", "i_2"))
        self.dots = centre_dots(self.axes, XOR_CENTRES, self.labels, radius=0.14)
        beat(self, Create(self.axes), FadeIn(labels),
                   subcaption="Read each row as a point in the plane, coloured by its output.")
        beat(self, LaggedStart(*[FadeIn(d, scale=0.5) for d in self.dots], lag_ratio=0.3),
                   subcaption="Orange for 0, blue for 1: the blues sit on one diagonal, the oranges on the other.")

    def try_lines(self):
        self.best = best_line_accuracy(XOR_CENTRES, self.labels)
        self.trial = None
        for k, (normal, offset) in enumerate(TRIAL_LINES):
            pred = best_orientation(XOR_CENTRES, self.labels, normal, offset)
            wrong = np.flatnonzero(pred != self.labels)
            crosses = VGroup(*[Cross(self.dots[i], stroke_color=LOSS_COLOR, stroke_width=5).scale(1.4)
                               for i in wrong])
            score = Text(f"{len(XOR_CENTRES) - len(wrong)} of {len(XOR_CENTRES)} on the right side",
                         font=FONT, font_size=LABEL).next_to(self.axes, UP, buff=0.3)
            trial = VGroup(self.line_mobject(normal, offset), score, crosses)
            if self.trial is None:
                beat(self, FadeIn(trial), subcaption="Try to split the colours with one straight line.")
            else:
                beat(self, ReplacementTransform(self.trial, trial), subcaption=TRIAL_WORDS[k - 1])
            self.trial = trial

    def line_mobject(self, normal, offset):
        """The part of n·p = offset inside the plotted square."""
        x0, x1, y0, y1 = PLANE_EXTENT
        direction = np.array([-normal[1], normal[0]])
        base = normal * offset
        ts = np.linspace(-3, 3, 2001)
        pts = base + ts[:, None] * direction
        inside = pts[(pts[:, 0] >= x0) & (pts[:, 0] <= x1) & (pts[:, 1] >= y0) & (pts[:, 1] <= y1)]
        return Line(self.axes.c2p(*inside[0]), self.axes.c2p(*inside[-1]), color=FOREGROUND, stroke_width=4)

    def conclude(self):
        best_correct = int(round(self.best * len(XOR_CENTRES)))
        verdict = Text(f"Best any line can do: {best_correct} of {len(XOR_CENTRES)}",
                       font=FONT, font_size=BODY, color=FOREGROUND)
        verdict.next_to(self.table, DOWN, buff=0.5).align_to(self.table, LEFT)
        need = Text("XOR needs a curved boundary", font=FONT, font_size=LABEL, color=MUTED)
        need.next_to(verdict, DOWN, buff=0.3).align_to(verdict, LEFT)
        self.verdict = verdict
        beat(self, FadeOut(self.trial), Write(verdict),
                   subcaption="Checking every possible line, the best still gets one point wrong.")
        beat(self, FadeIn(need, shift=UP * 0.2),
                   subcaption="So XOR is not linearly separable: the boundary we need has to bend.")


class NoisyDataset(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.show_centres()
        self.blur_into_clusters()
        self.state_the_recipe()

    def show_centres(self):
        self.axes = input_axes(PLANE_EXTENT, side=5.6, step=0.5, numbers=False).shift(LEFT * 2.6 + DOWN * 0.3)
        labels = xor_labels(XOR_CENTRES)
        self.centres = centre_dots(self.axes, XOR_CENTRES, labels, radius=0.12)
        self.title = title("From four points to a dataset")
        beat(self, Write(self.title), Create(self.axes), FadeIn(axis_labels(self.axes)), FadeIn(self.centres),
                   subcaption="Four points are too few to learn from.")

    def blur_into_clusters(self):
        run = self.run
        self.dots = data_dots(self.axes, run.X, run.y, radius=0.04)
        per = run.config.per_cluster
        clusters = [self.dots[c * per:(c + 1) * per] for c in range(4)]
        sigma = run.config.noise
        rings = VGroup(*[
            Circle(radius=2 * sigma * self.axes.x_length / (PLANE_EXTENT[1] - PLANE_EXTENT[0]),
                   color=class_color(label), stroke_width=2, stroke_opacity=0.6).move_to(self.axes.c2p(*c))
            for c, label in zip(XOR_CENTRES, xor_labels(XOR_CENTRES))
        ])
        beat(self, LaggedStart(*[FadeIn(g, lag_ratio=0.02) for g in clusters], lag_ratio=0.4),
                   self.centres.animate.set_opacity(0.35),
                   subcaption="Around each one we scatter many noisy copies that keep its label.")
        beat(self, Create(rings), subcaption="Most copies land within two standard deviations of their centre.")
        self.rings = rings

    def state_the_recipe(self):
        run = self.run
        cfg = run.config
        n = run.n_samples
        counts = [int((run.y == c).sum()) for c in (0, 1)]
        lines = VGroup(
            MathTex(r"x = c + \varepsilon,\quad \varepsilon \sim \mathcal{N}(0,\ \sigma^2 I)", font_size=HEADING),
            MathTex(rf"\sigma = {cfg.noise:g}", font_size=HEADING),
            Text(f"{cfg.per_cluster} points per cluster, {n} in all", font=FONT, font_size=SMALL),
            Text(f"{counts[0]} orange (y = 0)", font=FONT, font_size=SMALL, color=CLASS_0),
            Text(f"{counts[1]} blue (y = 1)", font=FONT, font_size=SMALL, color=CLASS_1),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        lines.next_to(self.axes, RIGHT, buff=0.8)
        self.recipe = lines
        beat(self, LaggedStart(*[FadeIn(m, shift=LEFT * 0.2) for m in lines], lag_ratio=0.3),
                   subcaption="Each point is its centre plus Gaussian noise; these are the run's own points.")
        beat(self, Indicate(self.centres, scale_factor=1.3),
                   subcaption="The net learns from the clouds, but what we want is the four centres right.")
