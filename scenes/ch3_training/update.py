"""One step downhill on the example point: W ← W − α·∂L/∂W with the run's learning rate, then
the same point forward again through the new weights. Every number comes from toynet_core
(gradients, sgd_step, forward); which units change state, how far ŷ moves and whether the loss
fell are computed, and the words follow them either way.

Storyboard: the rule and the net; the last layer's step; the first layer's step; the rows the
step leaves at zero; the point forward again, old weights and new; what happened to the hidden
units; ŷ on the full scale, then zoomed in on its move; the loss before and after.
"""

import math

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    MobjectMatrix,
    NumberLine,
    Rectangle,
    Scene,
    Square,
    TransformFromCopy,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
    smooth,
)

from scenes import style
from scenes.ch3_training._numbers_common import box, example_numbers
from scenes.pacing import beat, during
from scenes.widgets.diagram import NetworkDiagram
from scenes.widgets.highlight import PointAt
from scenes.widgets.matrices import number, places_for, row
from scenes.widgets.text import note, tex, title
from toynet_core import forward, gradients, sgd_step

FS = style.BODY
LOWER_Y = -1.5  # centre of the working band under the diagram
SUM_PLACES = 3  # the step's sums are shown to 3 decimals, so that they add up as shown
SMALL_STEP = 0.2  # a step under this share of the largest weight is "small"
HARD_TO_SEE = 0.05  # a move of ŷ under this is under 0.45 units (27 px at 480p) on the full line
NEARLY = 0.1  # a unit that stays on but keeps less than this share of its z(1) "only just" stays on


def sign_color(value):
    """The project's sign code: blue positive, orange negative, muted for an exact zero."""
    if value > 0:
        return style.POSITIVE
    if value < 0:
        return style.NEGATIVE
    return style.MUTED


def sum_matrix(values, color=None):
    """A matrix of the step's sums: SUM_PLACES decimals, more for a small non-zero entry (its
    sign stays visible); each entry in `color`, or, without one, in the colour of its sign."""
    rows = [[number(v, sign_color(v) if color is None else color, places_for(v, SUM_PLACES))
             for v in r] for r in np.atleast_2d(np.asarray(values, dtype=float))]
    return MobjectMatrix(rows, h_buff=1.2, v_buff=0.55, bracket_h_buff=0.15)


def unit_states(z1_before, z1_after):
    """(switched off, switched on, only just on): 0-based hidden units of one sample whose
    ReLU state the step changed, and those still on with less than NEARLY of their z(1)."""
    on0, on1 = np.asarray(z1_before)[:3] > 0, np.asarray(z1_after)[:3] > 0
    off = np.flatnonzero(on0 & ~on1)
    on = np.flatnonzero(~on0 & on1)
    just = np.flatnonzero(on0 & on1 & (np.asarray(z1_after)[:3] < NEARLY * np.asarray(z1_before)[:3]))
    return off, on, just


def zoom_range(a, b):
    """(lo, hi, step) of a number line that shows a move from a to b large: about three times
    the move, on round ticks, inside [0, 1]."""
    span = max(abs(b - a), 1e-6)
    raw = 0.75 * span
    e = math.floor(math.log10(raw))
    step = next(m * 10.0 ** e for m in (1, 2, 5, 10) if m * 10.0 ** e >= raw)
    mid = 0.5 * (a + b)
    lo = max(0.0, math.floor((mid - 1.5 * span) / step) * step)
    hi = min(1.0, math.ceil((mid + 1.5 * span) / step) * step)
    return lo, hi, step


def travel(dot, target):
    """The dot runs from where it is to `target`, showing up as it leaves and fading as it
    arrives."""
    origin = dot.get_center()
    return UpdateFromAlphaFunc(dot, lambda m, t: m.move_to(origin + (target - origin) * smooth(t))
                               .set_opacity(math.sin(math.pi * t)))


def drop_then_move(dot, first, second):
    """Over one beat: the dot shows up where it is (the output node) and drops to `first`
    (shares 0.1 to 0.55), then moves on to `second` (0.55 to 0.95)."""
    origin = dot.get_center()

    def place(m, t):
        a = smooth(np.clip((t - 0.1) / 0.45, 0, 1))
        b = smooth(np.clip((t - 0.55) / 0.4, 0, 1))
        m.move_to(origin + (first - origin) * a + (second - first) * b)
        m.set_opacity(float(np.clip((t - 0.1) / 0.05, 0, 1)))

    return UpdateFromAlphaFunc(dot, place)


def units_text(units):
    """'Unit 3' or 'Units 2 and 3' (1-based)."""
    names = [str(u + 1) for u in units]
    if len(names) == 1:
        return f"Unit {names[0]}"
    return "Units " + ", ".join(names[:-1]) + " and " + names[-1]


def shown(value):
    """A number as the screen shows it (scenes.widgets.matrices.places_for)."""
    return f"{value:.{places_for(value)}f}"


class UpdateStep(Scene):
    def construct(self):
        self.compute()
        self.state_rule()
        self.step_w2()
        self.step_w1()
        self.zero_rows()
        self.forward_again()
        self.unit_change()
        self.prediction_full_scale()
        self.prediction_zoomed()
        self.compare_loss()

    def compute(self):
        self.n = n = example_numbers()
        ex = n.ex
        self.alpha = float(n.run.config.lr)
        self.dW1, self.dW2 = gradients(ex.W1, ex.W2, ex.x, ex.y)
        self.new_W1, self.new_W2 = sgd_step(ex.W1, ex.W2, ex.x, ex.y, self.alpha)
        self.before = forward(ex.W1, ex.W2, ex.x[None, :], [ex.y])
        self.after = forward(self.new_W1, self.new_W2, ex.x[None, :], [ex.y])
        self.off_before = np.flatnonzero(self.before.z1[0][:3] <= 0)
        self.switched_off, self.switched_on, self.only_just = unit_states(
            self.before.z1[0], self.after.z1[0])

    # -- beats ---------------------------------------------------------------------------
    def state_rule(self):
        ex = self.n.ex
        self.heading = title("One step downhill")
        self.diagram = NetworkDiagram(ex.W1, ex.W2, width=4.8, height=2.7).move_to([-3.3, 1.15, 0])
        self.alpha_value = number(self.alpha, style.FOREGROUND, places=self._alpha_places(), font_size=FS)
        alpha = f"{self.alpha:.{self._alpha_places()}f}"  # as the screen shows it
        rule = tex(r"W \leftarrow W - \alpha\,\frac{\partial\mathcal{L}}{\partial W}", font_size=style.HEADING)
        lr = VGroup(tex(r"\alpha =", font_size=FS), self.alpha_value).arrange(RIGHT, buff=0.15)
        self.rule = VGroup(rule, lr).arrange(RIGHT, buff=0.7).move_to([3.1, 2.25, 0])
        self.legend = self._sign_legend().next_to(self.rule, DOWN, buff=0.35)
        self.who = note(f"sample {ex.i}, label y = {ex.y}, weights after {ex.step} steps",
                        font_size=style.SMALL).next_to(self.legend, DOWN, buff=0.3)
        d = self.diagram
        # The rule is written first, with its learning rate (both are in the words), while the
        # net we followed builds up layer by layer beside it; then the rate lights up.
        beat(self, during(FadeIn(self.heading), 0, 0.1),
             during(Write(self.rule[0]), 0.05, 0.3), during(FadeIn(self.rule[1]), 0.3, 0.4),
             during(LaggedStart(*[GrowFromCenter(n) for n in d.input_nodes], lag_ratio=0.3), 0.05, 0.2),
             during(Create(d.w1_edges), 0.15, 0.4),
             during(LaggedStart(*[GrowFromCenter(n) for n in d.hidden_nodes], lag_ratio=0.3), 0.3, 0.45),
             during(Create(d.w2_edges), 0.4, 0.55), during(GrowFromCenter(d.output_node), 0.5, 0.6),
             during(PointAt(self.alpha_value, color=style.EMPHASIS), 0.6, 0.9),
             during(FadeIn(self.legend), 0.45, 0.6), during(FadeIn(self.who), 0.55, 0.7),
             run_time=7.5,
             subcaption=f"One step downhill for the point we followed: each weight moves against "
                        f"its slope, times the learning rate α = {alpha}.",
             spoken=f"One step downhill for the point we followed: each weight moves against its "
                    f"slope, times the learning rate alpha, {alpha}.")
        self.add(d)  # the parts were drawn in; from here the diagram moves as one

    def step_w2(self):
        ex = self.n.ex
        self.w2_old = sum_matrix(ex.W2, style.W2_COLOR)
        self.w2_step = sum_matrix(-self.alpha * self.dW2)
        self.w2_new = sum_matrix(self.new_W2, style.W2_COLOR)
        labels = [tex(t, font_size=FS) for t in
                  (r"W^{(2)}", r"-\alpha\,\frac{\partial\mathcal{L}}{\partial W^{(2)}}",
                   r"\text{new } W^{(2)}")]
        rows = VGroup(self.w2_old, self.w2_step, self.w2_new).arrange(DOWN, buff=0.3)
        for lab, r in zip(labels, rows):
            lab.next_to(r, LEFT, buff=0.4)
        VGroup(*labels).align_to(labels[1], RIGHT)
        # the sum written out as in the first layer's step: old + step = new
        ops = VGroup(tex("+", font_size=FS), tex("=", font_size=FS))
        for op, lab in zip(ops, labels[1:]):
            op.next_to(lab, LEFT, buff=0.2)
        self.w2_block = VGroup(rows, *labels, ops).move_to([0, LOWER_Y, 0])
        # the step's entries by sign, as the words name them: the blue ones, then the orange
        steps = (-self.alpha * self.dW2).ravel()
        entries = self.w2_step.get_entries()
        raised = [e for e, v in zip(entries, steps) if v > 0]
        lowered = [e for e, v in zip(entries, steps) if v < 0]
        # (a frame drawn around them: the entries themselves are still the flying copy's)
        signs = [during(PointAt(VGroup(*group), color=color), start, start + 0.13)
                 for group, color, start in ((raised, style.POSITIVE, 0.72), (lowered, style.NEGATIVE, 0.86))
                 if group]
        beat(self, during(FadeIn(VGroup(self.w2_old, labels[0])), 0, 0.25),
             during(FadeIn(VGroup(labels[1], ops[0])), 0.2, 0.35),
             during(TransformFromCopy(self.alpha_value, self.w2_step), 0.3, 0.7), *signs,
             subcaption="Last layer first: its weights, and minus α times their gradient. "
                        "A blue step raises a weight, an orange one lowers it.",
             spoken="Last layer first: its weights, and minus alpha times their gradient. "
                    "A blue step raises a weight, an orange one lowers it.")
        biggest = float(np.abs(self.alpha * self.dW2).max())
        small = biggest < SMALL_STEP * float(np.abs(ex.W2).max())
        largest = self.w2_step.get_entries()[int(np.argmax(np.abs(self.alpha * self.dW2)))]
        beat(self, during(FadeIn(VGroup(labels[2], ops[1])), 0, 0.2),
             during(FadeIn(self.w2_new, shift=0.3 * DOWN), 0.1, 0.5),
             during(self.diagram.animate.set_weights(ex.W1, self.new_W2), 0.3, 0.7),
             # the largest move, as the words name it
             during(PointAt(largest), 0.55, 0.9),
             subcaption=f"Adding them gives the new weights. The largest move is {biggest:.{SUM_PLACES}f}"
                        + (": a step is small." if small else "."))

    def step_w1(self):
        ex = self.n.ex
        self.w1_old = sum_matrix(ex.W1, style.W1_COLOR)
        self.w1_step = sum_matrix(-self.alpha * self.dW1)
        self.w1_new = sum_matrix(self.new_W1, style.W1_COLOR)
        plus, eq = tex("+", font_size=FS), tex("=", font_size=FS)
        mats = VGroup(self.w1_old, plus, self.w1_step, eq, self.w1_new).arrange(RIGHT, buff=0.3)
        caps = VGroup(*[tex(t, font_size=style.LABEL).next_to(m, DOWN, buff=0.2) for t, m in
                        zip((r"W^{(1)}", r"-\alpha\,\frac{\partial\mathcal{L}}{\partial W^{(1)}}",
                             r"\text{new } W^{(1)}"),
                            (self.w1_old, self.w1_step, self.w1_new))])
        self.w1_block = VGroup(mats, caps).move_to([0, LOWER_Y, 0])
        beat(self, during(FadeOut(self.w2_block), 0, 0.2),
             during(FadeIn(VGroup(self.w1_old, plus, caps[:2])), 0.15, 0.35),
             during(TransformFromCopy(self.alpha_value, self.w1_step), 0.3, 0.6),
             during(FadeIn(VGroup(eq, caps[2])), 0.6, 0.7),
             during(FadeIn(self.w1_new, shift=0.3 * RIGHT), 0.65, 0.95),
             during(self.diagram.animate.set_weights(self.new_W1, self.new_W2), 0.6, 1.0),
             subcaption="The first layer takes its step the same way: its old weights plus the "
                        "step give the new ones.")

    def zero_rows(self):
        off = self.off_before
        rows = [self.w1_step.get_rows()[k] for k in off]
        self.zero_boxes = VGroup(*[box(r, color=style.EMPHASIS) for r in rows])
        nodes = [self.diagram.hidden_nodes[k] for k in off]
        if len(off):
            # the same row framed in the old and the new weights: the same numbers
            kept = VGroup(*[box(m.get_rows()[k], color=style.EMPHASIS)
                            for k in off for m in (self.w1_old, self.w1_new)])
            beat(self, during(FadeIn(self.zero_boxes), 0, 0.25),
                 *[during(PointAt(n, shape=Circle, buff=0.08), 0, 0.35) for n in nodes],
                 during(LaggedStart(*[Create(b) for b in kept], lag_ratio=0.5), 0.35, 0.8),
                 subcaption=self._zero_words())
            self.zero_boxes.add(*kept)
        else:
            beat(self, Indicate(self.w1_step, color=style.EMPHASIS), subcaption=self._zero_words())

    def forward_again(self):
        b, a = self.before, self.after
        self.z1_before = self._z_row(b.z1[0])
        self.z1_after = self._z_row(a.z1[0])
        self.yhat_before = number(b.y_hat[0], style.YHAT_COLOR, font_size=FS)
        self.yhat_after = number(a.y_hat[0], style.YHAT_COLOR, font_size=FS)
        self.z2_before = number(b.z2[0], style.Z_COLOR, font_size=FS)
        self.z2_after = number(a.z2[0], style.Z_COLOR, font_size=FS)
        lines = VGroup()
        for name, z1, z2, yhat in (("old weights", self.z1_before, self.z2_before, self.yhat_before),
                                   ("new weights", self.z1_after, self.z2_after, self.yhat_after)):
            lines.add(VGroup(note(name, font_size=style.LABEL), tex(r"z^{(1)} =", font_size=FS), z1,
                             tex(r"z^{(2)} =", font_size=FS), z2,
                             tex(r"\hat{y} =", font_size=FS), yhat))
        VGroup(*lines[0], *lines[1]).arrange_in_grid(rows=2, cols=7, buff=(0.25, 0.45),
                                                     col_alignments="lrcrlrl")
        lines.move_to([0, LOWER_Y, 0])
        self.forward_lines = lines
        old_pass, old_dots = self._pulses(b.z1[0], 0.15, 0.55)
        new_pass, new_dots = self._pulses(a.z1[0], 0.6, 0.95)
        beat(self, during(FadeOut(self.w1_block), 0, 0.2), during(FadeOut(self.zero_boxes), 0, 0.2),
             during(FadeIn(lines[0]), 0.2, 0.55), during(FadeIn(lines[1]), 0.6, 0.95),
             *old_pass, *new_pass,
             subcaption="Now the same point goes forward again: once through the old weights, "
                        "once through the new.")
        self.remove(old_dots, new_dots)

    def unit_change(self):
        changed = np.concatenate([self.switched_off, self.switched_on, self.only_just]).astype(int)
        # each mark as wide as the wider of the entry's two values, so neither is clipped
        marks = VGroup(*[box(VGroup(self.z1_before.get_entries()[k],
                                    self.z1_after.get_entries()[k].copy().move_to(self.z1_before.get_entries()[k])))
                         for k in changed])
        self.state_marks = marks
        # each mark starts on the unit's old z(1) and slides down to its new one
        # then the unit itself, on the diagram, and its new value once more
        shows = [during(FadeIn(marks), 0, 0.15)]
        shows += [during(m.animate.move_to(self.z1_after.get_entries()[k]), 0.15, 0.45)
                  for m, k in zip(marks, changed)]
        nodes = self.diagram.hidden_nodes
        for k in self.switched_off:
            shows.append(during(nodes[k].animate.set_opacity(0.35), 0.45, 0.75))
        for k in self.switched_on:
            shows.append(during(nodes[k].animate.set_opacity(1), 0.45, 0.75))
        for k in self.only_just:
            # a ring just round the node: a wider one ran over unit 2 and the bias's box
            shows.append(during(PointAt(nodes[k], shape=Circle, buff=0.02, stroke_width=3), 0.45, 0.75))
        shows += [during(Indicate(self.z1_after.get_entries()[k], color=style.EMPHASIS), 0.75, 0.95)
                  for k in changed]
        if not len(changed):
            shows = [Indicate(VGroup(self.z1_before, self.z1_after), color=style.EMPHASIS)]
        for k in self.off_before:  # units off before the step are drawn dimmed from here on
            if k not in self.switched_on:
                shows.append(self.diagram.hidden_nodes[k].animate.set_opacity(0.35))
        beat(self, *shows, subcaption=self._state_words())

    def prediction_full_scale(self):
        ex = self.n.ex
        y0, y1 = self.before.y_hat[0], self.after.y_hat[0]
        self.full_line = NumberLine(x_range=[0, 1, 0.25], length=9, include_numbers=True,
                                    font_size=style.SMALL,
                                    decimal_number_config={"num_decimal_places": 2})
        self.full_line.move_to([0, -0.75, 0])
        line = self.full_line
        target = Dot(line.n2p(ex.y), radius=0.12, color=style.class_color(ex.y))
        target_label = tex(f"y = {ex.y}", font_size=style.LABEL).next_to(target, UP, buff=0.15)
        self.yhat_dot = Dot(self.diagram.output_node.get_center(), radius=0.1, color=style.YHAT_COLOR).set_opacity(0)
        self.yhat_label = tex(r"\hat{y}", font_size=style.LABEL).next_to(line.n2p(y0), UP, buff=0.25)
        self.ghost = Dot(line.n2p(y0), radius=0.1, color=style.MUTED, fill_opacity=0.6)
        self.track = VGroup(line, target, target_label)
        beat(self, during(FadeOut(VGroup(self.forward_lines, self.state_marks)), 0, 0.2),
             during(FadeIn(VGroup(self.track, self.ghost, self.yhat_label)), 0.2, 0.4),
             drop_then_move(self.yhat_dot, line.n2p(y0), line.n2p(y1)),
             during(self.yhat_label.animate.next_to(line.n2p(y1), UP, buff=0.25), 0.5, 0.9),
             # a frame around the old and the new value: the whole move fits inside it
             during(PointAt(VGroup(Dot(line.n2p(y0), radius=0.1), Dot(line.n2p(y1), radius=0.1)),
                                 color=style.EMPHASIS, buff=0.12), 0.85, 1),
             subcaption=f"On the full scale from 0 to 1, the prediction moves from {y0:.2f} to "
                        f"{y1:.2f}" + (": hard to see." if abs(y1 - y0) < HARD_TO_SEE else "."))

    def prediction_zoomed(self):
        y0, y1 = self.before.y_hat[0], self.after.y_hat[0]
        lo, hi, step = zoom_range(y0, y1)
        places = max(2, -math.floor(math.log10(step) + 1e-9))
        self.zoom_line = NumberLine(x_range=[lo, hi, step], length=7.2, include_numbers=True,
                                    font_size=style.SMALL,
                                    decimal_number_config={"num_decimal_places": places})
        self.zoom_line.move_to([0, -2.45, 0])  # short enough to leave room beside it for the way to the label
        zl, fl = self.zoom_line, self.full_line
        window = Rectangle(width=max(fl.n2p(hi)[0] - fl.n2p(lo)[0], 0.08), height=0.35,
                           stroke_color=style.EMPHASIS, stroke_width=2).move_to(fl.n2p(0.5 * (lo + hi)))
        rays = VGroup(DashedLine(window.get_corner(DOWN + LEFT), zl.n2p(lo), color=style.MUTED),
                      DashedLine(window.get_corner(DOWN + RIGHT), zl.n2p(hi), color=style.MUTED))
        self.zoom_before = Dot(zl.n2p(y0), radius=0.1, color=style.MUTED, fill_opacity=0.8)
        self.zoom_after = Dot(zl.n2p(y0), radius=0.12, color=style.YHAT_COLOR)
        ex = self.n.ex
        toward = (ex.y - y0) * (y1 - y0) > 0
        move = Arrow(zl.n2p(y0) + 0.3 * UP, zl.n2p(y1) + 0.3 * UP, buff=0.05, stroke_width=4,
                     color=style.EMPHASIS, max_tip_length_to_length_ratio=0.2)
        old_name = note("before", font_size=style.SMALL).next_to(zl.n2p(y0), UP, buff=0.5)
        new_name = tex(r"\hat{y}", font_size=style.LABEL).next_to(zl.n2p(y1), UP, buff=0.5)
        side = RIGHT if ex.y > y1 else LEFT
        way = f"y = {ex.y} this way →" if ex.y > y1 else f"← y = {ex.y} this way"
        self.label_way = note(way, font_size=style.SMALL, color=style.class_color(ex.y))
        self.label_way.next_to(zl, side, buff=0.25)
        beat(self, during(FadeIn(window), 0, 0.15), during(FadeIn(rays), 0.1, 0.3),
             during(FadeIn(VGroup(zl, self.zoom_before, self.zoom_after, self.label_way)), 0.2, 0.4),
             during(self.zoom_after.animate.move_to(zl.n2p(y1)), 0.35, 0.95),
             during(FadeIn(VGroup(move, new_name)), 0.45, 0.9), during(FadeIn(old_name), 0.2, 0.4),
             subcaption=self._prediction_words(toward))
        self.zoom = VGroup(window, rays, zl, self.zoom_before, self.zoom_after, move, self.label_way,
                           old_name, new_name)

    def compare_loss(self):
        L0, L1 = self.before.loss[0], self.after.loss[0]
        self.loss_before = number(L0, style.LOSS_COLOR, font_size=FS)
        self.loss_after = number(L1, style.LOSS_COLOR, font_size=FS)
        yb = number(self.before.y_hat[0], style.YHAT_COLOR, font_size=FS)
        ya = number(self.after.y_hat[0], style.YHAT_COLOR, font_size=FS)
        head = VGroup(note("", style.LABEL), note("before", style.LABEL), note("after", style.LABEL))
        r1 = VGroup(tex(r"\hat{y}", font_size=FS), yb, ya)
        r2 = VGroup(tex(r"\mathcal{L}", font_size=FS), self.loss_before, self.loss_after)
        # ŷ in the bottom row: its values fly up into it from the line below, crossing no text
        table = VGroup(*head, *r2, *r1).arrange_in_grid(rows=3, cols=3, buff=(0.9, 0.3))
        self.went_down = bool(L1 < L0)
        if self.went_down:
            verdict = note(f"down by {100 * (L0 - L1) / L0:.1f}%", style.LABEL, style.FOREGROUND)
        else:
            verdict = note("not down: the step overshot", style.LABEL, style.ERROR)
        block = VGroup(table, verdict)
        verdict.next_to(table, DOWN, buff=0.3)
        block.move_to([-3.6, 1.15, 0])
        self.verdict = verdict
        # ŷ before and after fly from the zoomed line into the table
        fliers = VGroup(*[Dot(d.get_center(), radius=0.1, color=style.YHAT_COLOR)
                          for d in (self.zoom_before, self.zoom_after)])
        # each fades out just under its cell, so no dot ends on the digits
        # (done before the middle of the beat: a dot caught mid-way reads as a stray mark)
        flights = [during(travel(f, cell.get_bottom() + 0.2 * DOWN), 0.2, 0.5) for f, cell in zip(fliers, (yb, ya))]
        beat(self, during(FadeOut(self.diagram), 0, 0.2), during(FadeIn(table, shift=2 * LEFT), 0.1, 0.45),
             *flights,
             during(FadeIn(verdict), 0.5, 0.65), during(FadeIn(box(self.loss_after)), 0.65, 1.0),
             subcaption=self._loss_words(L0, L1))
        self.remove(fliers)
        self.wait(1.5)

    # -- pieces --------------------------------------------------------------------------
    def _pulses(self, z1, start, end):
        """One forward pass drawn on the diagram in the share [start, end] of a beat: a dot
        runs along every first-layer edge, then from each hidden unit that is on (z(1) > 0, and
        the constant 1) to the output; a unit that is off passes nothing on. Returns the
        animations and the dots (to remove after the beat)."""
        d = self.diagram
        mid = 0.5 * (start + end)
        dots, moves = VGroup(), []
        for i in range(3):
            for j in range(3):
                dot = Dot(d.input_nodes[j].get_center(), radius=0.07, color=style.X_COLOR).set_opacity(0)
                dots.add(dot)
                moves.append(during(travel(dot, d.hidden_nodes[i].get_center()), start, mid))
        for k in range(4):
            if k < 3 and z1[k] <= 0:
                continue
            dot = Dot(d.hidden_nodes[k].get_center(), radius=0.07, color=style.Z_COLOR).set_opacity(0)
            dots.add(dot)
            moves.append(during(travel(dot, d.output_node.get_center()), mid, end))
        return moves, dots

    # -- pieces (layout) -----------------------------------------------------------------
    def _sign_legend(self):
        items = VGroup()
        for color, text in ((style.POSITIVE, "positive"), (style.NEGATIVE, "negative")):
            swatch = Square(0.2, stroke_width=0, fill_color=color, fill_opacity=1)
            items.add(VGroup(swatch, note(text, font_size=style.SMALL)).arrange(RIGHT, buff=0.12))
        items.arrange(RIGHT, buff=0.45)
        head = note("edges and steps:", font_size=style.SMALL)
        return VGroup(head, items).arrange(RIGHT, buff=0.3)

    def _z_row(self, z1):
        mat = row(z1, color=style.Z_COLOR, h_buff=1.25)
        for k, entry in enumerate(mat.get_entries()[:3]):
            if z1[k] <= 0:  # switched off: ReLU passes on nothing
                entry.set_color(style.MUTED)
        return mat

    # -- words ---------------------------------------------------------------------------
    def _alpha_places(self):
        # Enough decimals to show the learning rate exactly as configured (e.g. 0.1, 0.03).
        for places in range(1, 6):
            if abs(round(self.alpha, places) - self.alpha) < 1e-12:
                return places
        return 5

    def _zero_words(self):
        off = self.off_before
        if not len(off):
            return "Every hidden unit was on for this point, so every row of the first layer takes a step."
        if len(off) == 1:
            return (f"{units_text(off)} was off for this point, so its row of the step is zero: "
                    f"those weights stay as they were.")
        return (f"{units_text(off)} were off for this point, so their rows of the step are zero: "
                f"those weights stay as they were.")

    def _state_words(self):
        b, a = self.before.z1[0], self.after.z1[0]
        parts = []
        if len(self.switched_off):
            verb = "was" if len(self.switched_off) == 1 else "were"
            parts.append(f"{units_text(self.switched_off)} {verb} on before the step and "
                         f"{'is' if verb == 'was' else 'are'} off after it")
        if len(self.switched_on):
            verb = "was" if len(self.switched_on) == 1 else "were"
            parts.append(f"{units_text(self.switched_on)} {verb} off and "
                         f"{'is' if verb == 'was' else 'are'} now on")
        if parts:
            return "; ".join(parts) + ": the step changed which units this point uses."
        if len(self.only_just) == 1:
            k = int(self.only_just[0])
            if a[k] < self._rounding_reach(k):  # the screen's rounded numbers cannot show the sign
                return (f"Unit {k + 1} stays on, but only just: its z⁽¹⁾ fell from {shown(b[k])} "
                        f"to {shown(a[k])}, above zero by less than the rounding on screen.")
            return (f"Unit {k + 1} stays on, but only just: its entry of z⁽¹⁾ fell from {shown(b[k])} "
                    f"to {shown(a[k])}, a hair above zero.")
        if len(self.only_just):
            return (f"{units_text(self.only_just)} stay on, but only just: the step pushed their "
                    f"z⁽¹⁾ nearly to zero.")
        return "Every hidden unit keeps its state: the same units are on after the step as before."

    def _rounding_reach(self, k):
        """How far unit k's new z⁽¹⁾, worked out by hand from the numbers on screen (the new
        weights to SUM_PLACES decimals, x̃ as ForwardPass shows it, to places_for decimals),
        can be from the true one: half a last digit of each, times what it multiplies."""
        x = self.before.x_tilde[0]
        w = self.new_W1[k]
        x_err = np.array([0.5 * 10.0 ** -places_for(v) if j < 2 else 0.0 for j, v in enumerate(x)])
        return float(0.5 * 10.0 ** -SUM_PLACES * np.abs(x).sum() + (np.abs(w) * x_err).sum())

    def _prediction_words(self, toward):
        y = self.n.ex.y
        if toward:
            return f"Zoomed in, the move is plain: the prediction went toward the label, y = {y}."
        return f"Zoomed in: the prediction went away from the label, y = {y}, this time."

    def _loss_words(self, L0, L1):
        if L1 < L0:
            return "So the loss on this point went down: one step downhill, for the point it was computed from."
        return "The loss on this point did not go down: the learning rate made the step too long here."
