"""Training's premise, before any derivative: who picks the 13 weights (a random start), the
loss as one function of all of them, training as a walk downhill on it (the bowl of chapter 1),
why the loss squares the gap, and one sample per step (SGD), which makes the loss jitter.

Every number comes from the run: its starting weights (snapshot 0), the mean loss of the net
over all the points at each snapshot, the order in which SGD visits the samples.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    LaggedStart,
    Line,
    ORIGIN,
    Rectangle,
    Scene,
    Succession,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
)

from scenes import style
from scenes.ch1_math.descent import ALPHA as BOWL_ALPHA
from scenes.ch1_math.descent import BOWL, EXTENT as BOWL_EXTENT, START as BOWL_START, heights_rgb, ring_levels
from scenes.pacing import beat, during
from scenes.ch3_training._numbers_common import route, settle, travel
from scenes.ch3_training._run_common import NUMBER_SCALE
from scenes.run_data import load_scene_run
from scenes.widgets.diagram import NetworkDiagram, sign_legend
from scenes.widgets.heatmap import grid_image
from scenes.widgets.highlight import PointAt
from scenes.widgets.input_plane import data_dots, input_axes
from scenes.widgets.matrices import number, row, value_matrix
from scenes.widgets.text import note, plain_tex, tex, title
from toynet_core import forward
from toynet_core.bowl import clip_closed_curve

HOPS = 6  # SGD steps shown one by one
BOWL_STEPS = 6


def start_words(config, W1, W2):
    """Where the starting weights come from, for this run's init scheme; what the first
    layer's set bias does, if it switches every unit on at (0, 0) (else None); then why at
    random. W1, W2: the run's weights at step 0 (the set biases are read from them)."""
    # Why random: two units that started alike would get the same slopes, so stay alike.
    why = "Random, so no two units start alike: two that did would get the same slopes and stay alike for ever."
    if config.init == "he":
        b1, b2 = float(W1[0, 2]), float(W2[0, 3])
        where = (f"Training starts from a guess at the 13 weights: 9 drawn from a bell curve, and 4 biases set, "
                 f"{b1:g} in the first layer and {b2:g} at the output.")
        # at (0, 0) a unit's sum z⁽¹⁾ is its bias alone: a positive bias switches it on there
        on = (f"At (0, 0) a unit's sum is just its bias, {b1:g}, so every unit starts on at (0, 0) "
              f"and gets slopes to learn from." if np.all(np.asarray(W1)[:, 2] > 0) else None)
        return where, on, why
    return "Training starts from a guess at the 13 weights, all 13 drawn from a bell curve.", None, why


def jitter_words(mean_loss):
    """Why one point per step shows in the run's loss curve: whether its mean loss ever rises
    from one snapshot to the next (a step that fits one point can cost the others)."""
    rises = bool((np.diff(np.asarray(mean_loss, float)) > 0).any())
    if rises:
        return "Our small net takes one point per step, so its mean loss jitters on the way down."
    return "Our small net takes one point per step: each step follows one point's slope."


def random_mask(config):
    """(W1 (3, 3), W2 (1, 4)) masks of the weights the init draws at random."""
    if config.init == "he":
        m1 = np.zeros((3, 3), bool)
        m1[:, :2] = True
        m2 = np.zeros((1, 4), bool)
        m2[0, :3] = True
        return m1, m2
    return np.ones((3, 3), bool), np.ones((1, 4), bool)


def mean_loss(W1, W2, X, y):
    return float(forward(W1, W2, X, y).loss.mean())


class TrainingPremise(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.W1, self.W2 = np.array(self.run.W1[0]), np.array(self.run.W2[0])
        self.start_loss = mean_loss(self.W1, self.W2, self.run.X, self.run.y)
        self.end_loss = mean_loss(self.run.W1[-1], self.run.W2[-1], self.run.X, self.run.y)
        self.random_start()
        self.loss_of_weights()
        self.why_square()
        self.smooth_slope()
        self.walk_downhill()
        self.loss_falls()
        self.one_sample()
        self.epochs()

    # -- beats ---------------------------------------------------------------------------
    def random_start(self):
        cfg = self.run.config
        self.heading = title("Training: walking downhill")
        self.diagram = NetworkDiagram(self.W1, self.W2, width=5.4, height=3.6).move_to([-3.5, 0.65, 0])
        m1, m2 = random_mask(cfg)
        # room inside the brackets for the boxes that point at W1's rows
        self.w1 = value_matrix(self.W1, color=style.W1_COLOR, h_buff=1.0, bracket_h_buff=0.28)
        self.w2 = row(self.W2, color=style.W2_COLOR, h_buff=1.0, bracket_h_buff=0.28)
        for mat, mask in ((self.w1, m1), (self.w2, m2)):
            for entry, drawn in zip(mat.get_entries(), mask.ravel()):
                if not drawn:
                    entry.set_color(style.MUTED)
        l1 = tex(r"W^{(1)} =", font_size=style.BODY)
        l2 = tex(r"W^{(2)} =", font_size=style.BODY)
        block = VGroup(VGroup(l1, self.w1).arrange(RIGHT, buff=0.15),
                       VGroup(l2, self.w2).arrange(RIGHT, buff=0.15)).arrange(DOWN, buff=0.4, aligned_edge=LEFT)
        key = note("grey: a set start value (then trained)" if cfg.init == "he" else "every entry drawn at random",
                   font_size=style.SMALL)
        self.weights = VGroup(block, key.next_to(block, DOWN, buff=0.3).align_to(block, LEFT))
        self.weights.move_to([3.4, 0.7, 0])
        self.sign_key = sign_legend().move_to([0, -1.7, 0])
        where, on, why = start_words(cfg, self.W1, self.W2)
        beat(self, during(FadeIn(self.heading), 0, 0.1), FadeIn(self.diagram), FadeIn(self.sign_key),
             during(FadeIn(self.weights, lag_ratio=0.1), 0.2, 1.0), subcaption=where)
        if on:  # the first layer's biases (W⁽¹⁾'s last column) and the 1 that carries them
            biases = VGroup(*[self.w1.get_rows()[i][2] for i in range(3)])
            beat(self, PointAt(biases, color=style.EMPHASIS, buff=0.08),
                 during(PointAt(self.diagram.input_nodes[2], color=style.EMPHASIS, buff=0.06), 0.2, 0.8),
                 subcaption=on)
        # the three hidden units' rows, each unlike the others: framed together, in frames of
        # one size (the widest row's), so they are compared, not told apart by their frames
        rows = [VGroup(*self.w1.get_rows()[i]) for i in range(3)]
        width, height = max(r.width for r in rows), max(r.height for r in rows)
        slots = [Rectangle(width=width, height=height, stroke_opacity=0, fill_opacity=0).move_to(
            [self.w1.get_entries().get_x(), r.get_y(), 0]) for r in rows]
        beat(self, *[PointAt(slot, color=style.EMPHASIS, buff=0.06) for slot in slots], subcaption=why)

    def loss_of_weights(self):
        n = len(self.run.y)
        formula = tex(r"\bar{\mathcal{L}}(W^{(1)}, W^{(2)}) = \frac{1}{%d}\sum_{i=1}^{%d} (y_i - \hat{y}_i)^2 =" % (n, n),
                      font_size=style.BODY)
        self.start_value = number(self.start_loss, style.LOSS_COLOR, font_size=style.BODY)
        self.loss_line = VGroup(formula, self.start_value).arrange(RIGHT, buff=0.15)
        self.loss_line.move_to([0, -2.4, 0])
        # the value is the start's: later beats show the loss falling beside it
        self.at_start = note("at the start", font_size=style.SMALL)
        self.at_start.next_to(self.start_value, RIGHT, buff=0.25)
        self.loss_line.add(self.at_start)
        # The points go through the net one after another; the average counts along with them.
        losses = forward(self.W1, self.W2, self.run.X, self.run.y).loss
        running = np.cumsum(losses) / np.arange(1, n + 1)
        running[-1] = self.start_loss

        def average(mob, alpha):
            mob.set_value(running[max(0, min(n - 1, int(np.ceil(alpha * n)) - 1))])

        d = self.diagram
        routes = [route(d.w1_edges[i][j], d.w2_edges[i]) for i in range(3) for j in range(2)]
        passes = [routes[k % len(routes)] for k in range(12)]
        beat(self, during(FadeIn(formula, shift=0.2 * UP), 0, 0.15),
             during(self.diagram.edges.animate.set_stroke(opacity=0.6), 0, 0.2),
             during(travel(passes, color=style.X_COLOR, lag_ratio=0.35), 0.1, 1.0),
             during(UpdateFromAlphaFunc(self.start_value, average), 0.1, 0.4),
             during(FadeIn(self.at_start), 0.35, 0.5),
             subcaption=f"Run every point through this net and average how wrong it is (Σ adds up its {n} "
                        "squared gaps): one number, the mean loss, set by all 13 weights.",
             spoken=f"Run every point through this net and average how wrong it is, sigma adds up its {n} "
                    "squared gaps: one number, the mean loss, set by all 13 weights.")
        settle(self, self.loss_line)

    def walk_downhill(self):
        """The bowl of chapter 1 (a loss of 2 weights), walked down again, beside the run's
        loss curve (the same walk over 13)."""
        x0, x1, y0, y1 = BOWL_EXTENT
        self.bowl_axes = Axes(x_range=[x0, x1, 1], y_range=[y0, y1, 1], x_length=5.4, y_length=3.6,
                              tips=False, axis_config={"color": style.FOREGROUND, "stroke_width": 1.5})
        self.bowl_axes.move_to([-3.5, 0.35, 0])
        bowl_map = grid_image(heights_rgb(), self.bowl_axes, BOWL_EXTENT)
        rings = VGroup()
        for level in ring_levels():
            for piece in clip_closed_curve(BOWL.level_curve(level), BOWL_EXTENT):
                rings.add(self.polyline(self.bowl_axes, piece, style.BACKGROUND, 1.4))
        path = BOWL.descent_path(BOWL_START, BOWL_ALPHA, BOWL_STEPS)
        self.bowl_walk = self.polyline(self.bowl_axes, path, style.EMPHASIS, 3)
        caption = note("earlier: a bowl over 2 numbers", font_size=style.SMALL)
        caption.next_to(self.bowl_axes, UP, buff=0.2)
        self.bowl = VGroup(self.bowl_axes, rings, caption)
        self.bowl_map = bowl_map
        walker = Dot(self.bowl_axes.c2p(*path[0]), radius=0.08, color=style.EMPHASIS)
        # The walker rides the path at an even pace, drawn as it goes.
        ride = UpdateFromAlphaFunc(walker, lambda m, a: m.move_to(self.bowl_walk.point_from_proportion(a)))
        self.walker = walker
        beat(self, during(FadeOut(VGroup(self.sq_axes, self.sq_names, self.sq_curves, self.sq_key,
                                         self.reasons, self.tangent)), 0, 0.25),
             during(FadeIn(bowl_map), 0.15, 0.4), during(FadeIn(self.bowl), 0.15, 0.4),
             during(FadeIn(walker), 0.35, 0.45),
             during(Create(self.bowl_walk, rate_func=lambda t: t), 0.45, 1.0),
             during(ride, 0.45, 1.0),
             subcaption="Training walks downhill on that mean loss, as we walked down this bowl "
                        "earlier, only now over 13 numbers.")

    def make_loss_chart(self, x_length, y_length, centre):
        """Axes of the run's mean loss against its steps (numbered, named), and the curve."""
        run = self.run
        steps, losses = np.asarray(run.steps, float), np.asarray(run.mean_loss, float)
        top = float(np.ceil(max(losses.max(), self.start_loss) * 10) / 10)
        last = int(steps[-1])
        axes = Axes(x_range=[0, last, last // 2], y_range=[0, top, top / 2], x_length=x_length,
                    y_length=y_length, tips=False,
                    axis_config={"color": style.MUTED, "include_numbers": True, "font_size": style.SMALL},
                    y_axis_config={"decimal_number_config": {"num_decimal_places": 2}},
                    x_axis_config={"decimal_number_config": {"num_decimal_places": 0,
                                                              "group_with_commas": False}})
        axes.move_to(centre)
        x_name = note("training step", font_size=style.SMALL)
        # under the axis's numbers, centred on the axis: it reads as the axis's name
        x_name.next_to(axes.x_axis.numbers, DOWN, buff=0.12).set_x(axes.x_axis.get_x())
        y_name = tex(r"\bar{\mathcal{L}}", font_size=style.LABEL).next_to(axes.y_axis, UP, buff=0.12)
        # the 0 the axes leave out: the loss axis starts at zero
        zero = tex("0", font_size=style.SMALL, color=style.MUTED, colored=False)
        zero.next_to(axes.c2p(0, 0), LEFT + DOWN, buff=0.08)
        curve = axes.plot_line_graph(steps, losses, line_color=style.LOSS_COLOR, stroke_width=3,
                                     add_vertex_dots=False)
        return VGroup(axes, x_name, y_name, zero), curve

    def first_epoch_chart(self, x_length, y_length, centre):
        """The run's mean loss over its first epoch, at every snapshot stored there, on a loss
        axis cut to its range, so that a rise from one step to the next can be seen: axes with
        their end values and names, and the curve (drawn as the epoch's points are visited)."""
        run, n = self.run, len(self.run.y)
        steps, losses = np.asarray(run.steps, float), np.asarray(run.mean_loss, float)
        keep = steps <= n
        low, high = np.floor(losses[keep].min() * 100) / 100, np.ceil(losses[keep].max() * 100) / 100
        axes = Axes(x_range=[0, n, n / 2], y_range=[low, high, high - low], x_length=x_length,
                    y_length=y_length, tips=False, axis_config={"color": style.MUTED})
        axes.move_to(centre)
        size = NUMBER_SCALE * style.SMALL  # TeX digits at the height of the labels' text
        numbers = VGroup(*[plain_tex(f"{v:g}", font_size=size, color=style.MUTED)
                           .next_to(axes.c2p(v, low), DOWN, buff=0.1) for v in (0, n)],
                         # clear of the axis break's strokes (0.1 either side of the axis)
                         *[plain_tex(f"{v:.2f}", font_size=size, color=style.MUTED)
                           .next_to(axes.c2p(0, v), LEFT, buff=0.22) for v in (low, high)])
        x_name = note("steps of the first epoch", font_size=style.SMALL)
        x_name.next_to(numbers[:2], DOWN, buff=0.08).set_x(axes.x_axis.get_x())
        # named above its axis, so that it does not read as "L̄ = " the number beside it
        # and above the top number, not beside it
        y_name = tex(r"\bar{\mathcal{L}}", font_size=style.LABEL).next_to(axes.y_axis, UP, buff=0.1)
        y_name.shift(max(0.0, numbers[3].get_top()[1] + 0.1 - y_name.get_bottom()[1]) * UP)
        curve = axes.plot_line_graph(steps[keep], losses[keep], line_color=style.LOSS_COLOR, stroke_width=3,
                                     add_vertex_dots=False)
        parts = VGroup(axes, numbers, x_name, y_name)
        if low > 0:  # the loss axis starts above zero: a break in it says so
            parts.add(self.axis_break(axes.c2p(0, low) + 0.16 * UP))
        return parts, curve

    @staticmethod
    def axis_break(point, half=0.1, gap=0.07):
        """The usual mark of a cut axis at `point` on a vertical axis: a gap in the line, with a
        slanted stroke on each side of it."""
        from manim import Rectangle

        point = np.asarray(point, dtype=float)
        cut = Rectangle(width=0.08, height=gap, stroke_width=0, fill_color=style.BACKGROUND,
                        fill_opacity=1).move_to(point)
        strokes = VGroup(*[Line(point + [-half, dy - 0.03, 0], point + [half, dy + 0.03, 0], color=style.MUTED,
                                stroke_width=2) for dy in (-gap / 2, gap / 2)])
        return VGroup(cut, strokes)

    def loss_falls(self):
        run = self.run
        steps, losses = np.asarray(run.steps, float), np.asarray(run.mean_loss, float)
        # clear of the loss's formula under it
        self.loss_chart, self.loss_curve = self.make_loss_chart(5.0, 2.9, [3.5, 0.6, 0])
        self.loss_axes = self.loss_chart[0]
        progress = ValueTracker(0.0)

        def rider():
            k = progress.get_value() * (len(steps) - 1)
            i = min(int(k), len(steps) - 2)
            t = k - i
            return Dot(self.loss_axes.c2p(steps[i] + t * (steps[i + 1] - steps[i]),
                                          losses[i] + t * (losses[i + 1] - losses[i])),
                       radius=0.07, color=style.LOSS_COLOR)

        dot = always_redraw(rider)
        self.end_value = number(self.end_loss, style.LOSS_COLOR, font_size=style.LABEL)
        self.end_label = self.end_value.next_to(self.loss_axes.c2p(steps[-1], losses[-1]), UP, buff=0.25)
        self.add(dot)
        # the walk is over, and its end value up, before the words reach it
        beat(self, during(FadeIn(self.loss_chart), 0, 0.15),
             during(Create(self.loss_curve, rate_func=lambda t: t), 0.1, 0.5),
             during(progress.animate(rate_func=lambda t: t).set_value(1.0), 0.1, 0.5),
             during(FadeIn(self.end_label), 0.45, 0.55),
             during(PointAt(self.end_label, color=style.EMPHASIS, buff=0.08), 0.6, 1.0),
             subcaption=f"In this run the mean loss went from {self.start_loss:.2f} at the start to "
                        f"{self.end_loss:.2f} after {int(steps[-1]):,} steps.")
        dot.clear_updaters()
        self.loss_dot = dot

    def why_square(self):
        self.sq_axes = Axes(x_range=[0, 1, 0.5], y_range=[0, 1, 0.5], x_length=5.0, y_length=3.6,
                            tips=False, axis_config={"color": style.MUTED, "include_numbers": True,
                                                     "font_size": style.SMALL,
                                                     "decimal_number_config": {"num_decimal_places": 1}})
        self.sq_axes.move_to([-2.8, 0.45, 0])
        x_name = tex(r"\hat{y}", font_size=style.LABEL).next_to(self.sq_axes.x_axis, RIGHT, buff=0.2)
        y_name = tex(r"\mathcal{L} = (y - \hat{y})^2", font_size=style.LABEL)
        y_name.next_to(self.sq_axes.y_axis, UP, buff=0.15).shift(0.8 * RIGHT)
        self.sq_curves = VGroup(*[
            self.sq_axes.plot(lambda p, lab=lab: (lab - p) ** 2, x_range=[0, 1],
                              color=style.class_color(lab), stroke_width=4)
            for lab in (0, 1)])
        keys = VGroup(*[
            VGroup(Line(ORIGIN, 0.45 * RIGHT, color=style.class_color(lab), stroke_width=4),
                   tex("y = %d" % lab, font_size=style.LABEL)).arrange(RIGHT, buff=0.15)
            for lab in (0, 1)]).arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        keys.next_to(self.sq_axes, RIGHT, buff=0.5).shift(0.8 * UP)
        self.sq_key = keys
        points = [("never below zero", None), ("zero only when ŷ = y", None), ("grows as it strays", None)]
        self.reasons = VGroup(*[note(s, font_size=style.LABEL, color=style.FOREGROUND) for s, _ in points])
        self.reasons.arrange(DOWN, buff=0.3, aligned_edge=LEFT).move_to([3.9, -0.1, 0])
        # the 0 the axes leave out, where both curves meet the floor
        zero = tex("0", font_size=style.SMALL, color=style.MUTED, colored=False)
        zero.next_to(self.sq_axes.c2p(0, 0), LEFT + DOWN, buff=0.08)
        self.sq_names = VGroup(x_name, y_name, zero)
        beat(self, during(FadeOut(VGroup(self.diagram, self.sign_key, self.weights)), 0, 0.2),
             during(FadeIn(VGroup(self.sq_axes, self.sq_names)), 0.15, 0.35),
             # both curves whole before the words' middle (a half-drawn curve reads as a glitch)
             during(Create(self.sq_curves, lag_ratio=0.5), 0.25, 0.5), during(FadeIn(keys), 0.3, 0.5),
             during(FadeIn(self.reasons, lag_ratio=0.5), 0.35, 0.6),
             # each reason pointed at in turn as the words give it (no dot rides the curves: a
             # lone dot would read as the mean loss above)
             *[during(PointAt(reason, color=style.EMPHASIS, buff=0.08), 0.5 + 0.17 * i, 0.67 + 0.17 * i)
               for i, reason in enumerate(self.reasons)],
             subcaption="Why square the gap? The square is never below zero, is zero only when "
                        "ŷ equals y, and grows as ŷ strays.")

    def smooth_slope(self):
        """A tangent slides along the y = 1 curve: the loss has a slope everywhere."""
        where = ValueTracker(0.15)
        ax = self.sq_axes

        def tangent():
            p = where.get_value()
            value, slope = (1 - p) ** 2, -2 * (1 - p)
            half = 0.14
            a = ax.c2p(p - half, value - half * slope)
            b = ax.c2p(p + half, value + half * slope)
            return VGroup(Line(a, b, color=style.GRAD_COLOR, stroke_width=6),
                          Dot(ax.c2p(p, value), radius=0.08, color=style.GRAD_COLOR))

        touch = always_redraw(tangent)
        self.add(touch)
        beat(self, where.animate(rate_func=lambda t: t).set_value(0.8),
             subcaption="And it is smooth: it has a slope everywhere, and that slope is what "
                        "will tell each weight which way to move.")
        touch.clear_updaters()
        self.tangent = touch

    def one_sample(self):
        run = self.run
        self.plane = input_axes(tuple(run.config.grid_extent), side=4.6)
        self.plane.move_to([-3.0, -0.2, 0])
        self.numbers_at_edges(self.plane, run.config.grid_extent)
        names = VGroup(plain_tex("x_1", font_size=style.LABEL).next_to(self.plane.x_axis, RIGHT, buff=0.15),
                       plain_tex("x_2", font_size=style.LABEL).next_to(self.plane.y_axis, UP, buff=0.1))
        self.dots = data_dots(self.plane, run.X, run.y, radius=0.04)
        self.class_key = VGroup(*[VGroup(Dot(radius=0.07, color=style.class_color(lab)),
                                         tex("y = %d" % lab, font_size=style.LABEL)).arrange(RIGHT, buff=0.12)
                                  for lab in (0, 1)]).arrange(RIGHT, buff=0.4)
        self.class_key.next_to(self.plane, UP, buff=0.15).align_to(self.plane, RIGHT)
        order = run.order[:HOPS]
        self.ring = Circle(radius=0.14, color=style.EMPHASIS, stroke_width=3)
        self.ring.move_to(self.dots[order[0]])
        hops = [self.ring.animate(rate_func=lambda t: t).move_to(self.dots[i]) for i in order[1:]]
        self.per_step = note("one point per step", font_size=style.LABEL, color=style.FOREGROUND)
        self.per_step.move_to([1.0, 1.75, 0], aligned_edge=LEFT)
        self.sgd_name = note("stochastic gradient descent (SGD)", font_size=style.SMALL)
        self.sgd_name.next_to(self.per_step, DOWN, buff=0.3).align_to(self.per_step, LEFT)
        # the loss stays on screen, over the first epoch, under the words: its curve is drawn
        # as the epoch's points are visited, when the words speak of its jitter
        self.small_chart, self.small_curve = self.first_epoch_chart(4.4, 1.0, [3.9, -1.75, 0])
        beat(self, during(FadeOut(Group(self.bowl, self.bowl_map, self.bowl_walk, self.walker,
                                         self.loss_chart, self.loss_curve, self.loss_dot, self.end_label,
                                         self.loss_line)), 0, 0.2),
             during(FadeIn(self.small_chart), 0.15, 0.35),
             during(FadeIn(VGroup(self.plane, names, self.class_key)), 0.1, 0.3),
             during(FadeIn(self.dots, lag_ratio=0.01), 0.15, 0.4),
             during(FadeIn(self.ring), 0.35, 0.4), during(Succession(*hops), 0.4, 1.0),
             during(FadeIn(self.per_step), 0.3, 0.4), during(FadeIn(self.sgd_name), 0.35, 0.5),
             subcaption="Each step looks at one point, picked at random (stochastic) in shuffled "
                        "order: stochastic gradient descent, or SGD.")
        self.plane_names = names

    def epochs(self):
        cfg = self.run.config
        n, steps = cfg.n_samples, cfg.steps
        # Every point is visited once per epoch, in the run's shuffled order: dim them all,
        # then light each one up when its step comes.
        visits = [self.dots[i].animate.set_opacity(1) for i in self.run.order[:n]]
        count = VGroup(note(f"{n} steps = 1 epoch", font_size=style.SMALL),
                       note(f"this run: {steps:,} steps = {steps / n:g} epochs", font_size=style.SMALL))
        count.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        count.next_to(self.sgd_name, DOWN, buff=0.35).align_to(self.sgd_name, LEFT)
        self.epoch_note = count
        # the key of the dimmed dots: lit once visited in this epoch
        self.visit_key = VGroup(*[VGroup(Dot(radius=0.07, color=style.FOREGROUND, fill_opacity=o),
                                         note(t, font_size=style.SMALL)).arrange(RIGHT, buff=0.12)
                                  for o, t in ((1.0, "visited this epoch"), (0.2, "not yet"))])
        self.visit_key.arrange(RIGHT, buff=0.4).next_to(count, DOWN, buff=0.3).align_to(count, LEFT)
        beat(self, during(FadeOut(self.ring), 0, 0.2),
             during(self.dots.animate.set_opacity(0.2), 0.1, 0.2), during(FadeIn(self.visit_key), 0.1, 0.2),
             during(LaggedStart(*visits, lag_ratio=0.02), 0.2, 1.0),
             during(FadeIn(count), 0.2, 0.5),
             during(Create(self.small_curve, rate_func=lambda t: t), 0.2, 1.0),
             subcaption=f"{jitter_words(self.run.mean_loss)} {n} steps visit every point "
                        f"once, an epoch; the run takes {steps:,}.",
             hold=0.5)

    # -- pictures ------------------------------------------------------------------------
    @staticmethod
    def numbers_at_edges(axes, extent, buff=0.12):
        """The axis numbers along the plot's bottom and left edges instead of on the axis lines,
        which run through the clusters: no number sits under a data point."""
        x0, _, y0, _ = extent
        bottom, left = axes.c2p(0, y0)[1], axes.c2p(x0, 0)[0]
        for num in getattr(axes.x_axis, "numbers", []):
            num.move_to([axes.c2p(num.get_value(), 0)[0], bottom - buff - num.height / 2, 0])
        for num in getattr(axes.y_axis, "numbers", []):
            num.move_to([left - buff - num.width / 2, axes.c2p(0, num.get_value())[1], 0])
        return axes

    @staticmethod
    def polyline(axes, coords, color, width):
        line = VMobject(stroke_color=color, stroke_width=width)
        line.set_points_as_corners([axes.c2p(*p) for p in coords])
        return line
