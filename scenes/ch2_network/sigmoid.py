"""The sigmoid turns the output score z⁽²⁾ into a probability; the run's own outputs on it.

Numbers are shown with two decimals; a value that two decimals would round to 0 or 1 (which
the sigmoid never reaches) is shown cut, not rounded, with an ellipsis: 0.99…, 0.00…."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    LaggedStart,
    Line,
    Scene,
    Text,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    rate_functions,
)

from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    BODY,
    CLASS_0,
    CLASS_1,
    EDGE_BUFF,
    FONT,
    FOREGROUND,
    LABEL,
    MAX_DECIMALS,
    MUTED,
    YHAT_COLOR,
    class_color,
)
from scenes.widgets.highlight import PointAt
from scenes.widgets.matrices import number
from scenes.widgets.text import tex, title
from toynet_core import forward
from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.model import sigmoid

TAIL_Z = 5.0  # where the tails are read off
TABLE_FONT = 34  # the run's table, large: the panel beside the curve has room for it
TABLE_ROW = 0.62  # the table's row spacing
TABLE_GAP = 0.45  # between its columns


def sig(z):
    return float(sigmoid(np.array([z], dtype=float))[0])


def honest(v):
    """(relation, digits) for a value in (0, 1): two decimals, "=" when exact and "≈" when
    rounded; a value that two decimals would round to 0 or 1 (which the sigmoid never reaches)
    gets the decimals it needs to stay off them (at most MAX_DECIMALS), then is cut with "…"."""
    if round(v, 2) not in (0.0, 1.0):
        return ("=" if round(v, 2) == v else r"\approx"), f"{v:.2f}"
    for places in range(3, MAX_DECIMALS + 1):
        if round(v, places) not in (0.0, 1.0):
            return r"\approx", f"{v:.{places}f}"
    cut = np.floor(v * 10**MAX_DECIMALS) / 10**MAX_DECIMALS
    return "=", f"{cut:.{MAX_DECIMALS}f}" + r"\ldots"


def honest_words(v):
    """The same value for a subtitle: 'about 0.73', or 'just under 1, about 0.998'."""
    rel, digits = honest(v)
    about = "about " if rel != "=" else ""
    if round(v, 2) == 1.0:
        return f"just under 1, {about}{digits.replace(chr(92) + 'ldots', '…')}"
    if round(v, 2) == 0.0:
        return f"just above 0, {about}{digits.replace(chr(92) + 'ldots', '…')}"
    return f"{about}{digits}"


def value_tex(lhs, v, font_size=LABEL, color=None):
    """'lhs = 0.99…' as one MathTex; the number in `color` if given."""
    rel, digits = honest(v)
    mob = tex(lhs, rel, digits, font_size=font_size)
    if color is not None:
        mob[-1].set_color(color)
    mob.value = v
    mob.digits = digits
    return mob


# The axes' numbers: half as large again as the smallest type, so that they read at 480p.
TICK_SIZE = BODY


class SigmoidOutput(Scene):
    def construct(self):
        run = load_scene_run()
        self.fwd = forward(run.W1[-1], run.W2[-1], XOR_CENTRES)
        self.show_curve()
        self.mark_half()
        self.show_tails()
        self.read_probability()
        self.show_run_outputs()

    # -- the tracer: a score on the axis and its point on the curve ---------------------
    def ride(self, z_of, color=FOREGROUND, radius=0.09):
        """A dot on the curve at (z, σ(z)), a marker on the z axis at z and the line between
        them, for z = z_of() on every frame."""
        a = self.axes

        def draw():
            z = z_of()
            top, foot = a.c2p(z, sig(z)), a.c2p(z, 0)
            return VGroup(Line(foot, top, color=color, stroke_width=3, stroke_opacity=0.8),
                          Dot(foot, radius=0.06, color=color),
                          Dot(top, radius=radius, color=color, stroke_color=FOREGROUND, stroke_width=2))

        return always_redraw(draw)

    # -- beats -------------------------------------------------------------------------
    def show_curve(self):
        self.title = title("From score to probability")
        # Wide enough for every z2 the run produces at the four XOR points.
        reach = max(6, int(np.ceil(np.abs(self.fwd.z2).max())) + 1)
        reach += reach % 2
        self.axes = Axes(x_range=[-reach, reach, 2], y_range=[0, 1, 0.5], x_length=6.2, y_length=4.8,
                         tips=False,
                         axis_config={"color": MUTED, "font_size": TICK_SIZE},
                         x_axis_config={"include_numbers": True})
        self.axes.x_axis.numbers.set_color(FOREGROUND)  # the scores read as plainly as the curve
        self.axes.to_corner(UP + LEFT, buff=EDGE_BUFF).shift(DOWN * 1.3 + RIGHT * 0.6)
        # y ticks at the plot's left edge, clear of the curve and of the dashed guides
        a = self.axes
        y_ticks = VGroup(*[tex(t, font_size=TICK_SIZE, color=FOREGROUND, colored=False)
                           .next_to(a.c2p(-reach, v), LEFT, buff=0.15)
                           for t, v in (("0", 0), ("0.5", 0.5), ("1", 1))])
        y_ticks.add(*[Line(a.c2p(-reach, v), a.c2p(-reach, v) + RIGHT * 0.1, color=MUTED,
                           stroke_width=2) for v in (0, 0.5, 1)])
        # the 0 under the middle, which the axis leaves out and the scene leans on
        y_ticks.add(tex("0", font_size=TICK_SIZE, color=FOREGROUND, colored=False)
                    .next_to(a.c2p(0, 0), DOWN, buff=0.12).match_y(a.x_axis.numbers[0]))
        self.y_ticks = y_ticks
        y_name = tex(r"\hat{y}", font_size=BODY).next_to(y_ticks[2], UP, buff=0.2)  # as large as z⁽²⁾
        z_label = tex("z^{(2)}", font_size=BODY).next_to(self.axes.x_axis, RIGHT, buff=0.2)
        self.curve = self.axes.plot(sig, x_range=[-reach, reach, 0.05], color=YHAT_COLOR, stroke_width=4)
        self.formula = tex(r"\hat{y} = \sigma(z^{(2)}) = \frac{1}{1 + e^{-z^{(2)}}}", font_size=BODY)
        self.panel_x = z_label.get_right()[0] + 0.5  # left edge of the text panel
        self.formula.next_to(self.title, DOWN, buff=0.6).set_x(self.panel_x, direction=LEFT)
        beat(self, during(FadeIn(self.title), 0, 0.1), Create(self.axes), FadeIn(z_label), FadeIn(y_ticks),
             FadeIn(y_name), Write(self.formula),
             subcaption="The plane sorts points by the sign of the score z⁽²⁾. The last step "
                        "passes that score through the sigmoid σ, met earlier.",
             spoken="The plane sorts points by the sign of the score, z two. The last step "
                    "passes that score through the sigmoid, sigma, met earlier.")
        # a tracer draws the curve from left to right, its score sliding along the axis below
        self.z = ValueTracker(-reach)
        self.z_of = self.z.get_value  # where the tracer is: the tracker, or a path (show_tails)
        self.tracer = self.ride(lambda: self.z_of())
        self.add(self.tracer)
        beat(self, Create(self.curve, rate_func=rate_functions.linear),
             self.z.animate(rate_func=rate_functions.linear).set_value(reach), run_time=1.5,
             subcaption="An S-shaped curve: it rises smoothly and never leaves the band between 0 and 1.")

    def mark_half(self):
        a = self.axes
        self.half_dot = Dot(a.c2p(0, sig(0)), color=FOREGROUND, radius=0.07)
        guide = DashedLine(a.c2p(a.x_range[0], sig(0)), a.c2p(0, sig(0)), color=MUTED, stroke_width=2)
        self.half_label = value_tex(r"\sigma(0)", sig(0))
        # above the guide, left of the dot: clear of the curve, which rises to the right, and of
        # the tails' drop lines on its right
        self.half_label.next_to(self.half_dot, UP + LEFT, buff=0.12)
        # the tracer comes back from the right end to the middle, and the half is marked there,
        # its label written by the time the words reach it
        beat(self, during(self.z.animate(rate_func=rate_functions.smooth).set_value(0), 0, 0.4),
             during(FadeIn(self.half_dot), 0.38, 0.5), during(Create(guide), 0.38, 0.85),
             during(Write(self.half_label), 0.4, 0.58),
             subcaption="A score of exactly zero lands in the middle: σ(0) is one half.",
             spoken="A score of exactly zero lands in the middle: sigma of 0 is one half.")
        self.guides = VGroup(guide)

    def show_tails(self):
        a = self.axes
        self.guides.add(DashedLine(a.c2p(a.x_range[0], 1), a.c2p(a.x_range[1], 1), color=MUTED,
                                   stroke_width=2))
        # Moderate scores, so the printed values are visibly close to, not equal to, 0 and 1.
        lo, hi = -TAIL_Z, TAIL_Z
        dots = VGroup(Dot(a.c2p(lo, sig(lo)), radius=0.06, color=FOREGROUND),
                      Dot(a.c2p(hi, sig(hi)), radius=0.06, color=FOREGROUND))
        left, right = value_tex(rf"\sigma({lo:g})", sig(lo)), value_tex(rf"\sigma({hi:g})", sig(hi))
        left.next_to(dots[0], UP, buff=0.3)
        right.next_to(dots[1], UP, buff=0.3)  # above the curve: the tracer's line stays under it
        self.tails = VGroup(dots, left, right)
        self.point_labels = VGroup(self.half_label, left, right)
        # the tracer runs out to the left tail, then across to the right one, each marked as
        # reached (one animation of the tracker: two would fight over it)
        share = abs(lo) / (abs(lo) + hi - lo)
        # both tails reached by `trip` (before the still at 60 %), then on slowly past the right
        # one, so the beat keeps moving
        trip, past = 0.55, 0.8

        def path(t):
            u = t / trip
            if u < share:
                return lo * u / share
            if u <= 1:
                return lo + (hi - lo) * (u - share) / (1 - share)
            return hi + past * (t - trip) / (1 - trip)

        leg = ValueTracker(0.0)
        self.z_of = lambda: path(leg.get_value())
        beat(self, leg.animate(rate_func=rate_functions.linear).set_value(1.0),
             during(FadeIn(VGroup(dots[0], left)), trip * share - 0.03, trip * share + 0.07),
             during(Create(self.guides[-1]), trip * share, trip),
             during(FadeIn(VGroup(dots[1], right)), trip - 0.05, trip + 0.03),
             subcaption="Very negative scores squeeze toward 0, very positive ones toward 1, "
                        "without ever reaching either.")
        self.z.set_value(hi + past)
        self.z_of = self.z.get_value

    def read_probability(self):
        a = self.axes
        z = self.z
        # the orange share, 1 − ŷ, is drawn from the beat that names it on (`orange` 0 → 1)
        orange = ValueTracker(0.0)
        self.split = always_redraw(lambda: VGroup(
            Line(a.c2p(z.get_value(), 0), a.c2p(z.get_value(), sig(z.get_value())),
                 color=CLASS_1, stroke_width=8),
            Line(a.c2p(z.get_value(), sig(z.get_value())), a.c2p(z.get_value(), 1),
                 color=CLASS_0, stroke_width=8, stroke_opacity=orange.get_value()),
        ))
        p1 = number(sig(z.get_value()), CLASS_1, 2, BODY).add_updater(lambda m: m.set_value(sig(z.get_value())))
        p0 = number(1 - sig(z.get_value()), CLASS_0, 2, BODY).add_updater(lambda m: m.set_value(1 - sig(z.get_value())))
        rows = VGroup(
            VGroup(tex(r"P(y = 1) = \hat{y} =", font_size=BODY), p1).arrange(RIGHT, buff=0.15),
            VGroup(tex(r"P(y = 0) = 1 - \hat{y} =", font_size=BODY), p0).arrange(RIGHT, buff=0.15),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        rows.next_to(self.formula, DOWN, buff=0.7).set_x(self.panel_x, direction=LEFT)
        self.readout = rows
        # the labels on the curve make way for the bar, which slides back down the curve
        # (the live numbers are added, not faded in: an animation on them would hold their
        # updaters for the whole beat)
        self.add(self.split, p1)
        beat(self, during(FadeOut(self.point_labels), 0, 0.15),
             during(FadeIn(rows[0][0]), 0, 0.2),
             during(z.animate(rate_func=rate_functions.linear).set_value(-2.5), 0.1, 1),
             subcaption="The output can be read as a probability: ŷ as the chance of class 1, blue.",
             spoken="The output can be read as a probability: y hat as the chance of class 1, blue.")
        self.add(p0)
        beat(self, z.animate(rate_func=rate_functions.linear).set_value(0.5), during(FadeIn(rows[1][0]), 0, 0.2),
             during(orange.animate.set_value(1.0), 0, 0.2),
             subcaption="What is left, 1 − ŷ, as the chance of class 0, orange.",
             spoken="What is left, 1 minus y hat, as the chance of class 0, orange.")
        beat(self, z.animate(rate_func=rate_functions.linear).set_value(2.5), run_time=2.5,
             subcaption="As the score grows, the blue share grows and the orange share shrinks. "
                        "Past one half, blue is more likely than orange: there the network answers blue.")
        p1.clear_updaters()
        p0.clear_updaters()

    def show_run_outputs(self):
        a = self.axes
        header = Text("trained run, four XOR points", font=FONT, font_size=LABEL, color=MUTED)
        header.next_to(self.formula, DOWN, buff=0.6).set_x(self.panel_x, direction=LEFT)
        # the bar, the marks and the demo tracer leave first (the tracer held still, so that
        # the fade is not redrawn away); then the header comes, over an empty panel
        self.yhat_numbers, self.run_dots = VGroup(), VGroup()
        for (x1, x2), label, z2, yhat in zip(XOR_CENTRES, XOR_LABELS, self.fwd.z2, self.fwd.y_hat):
            dot = Dot(a.c2p(z2, yhat), radius=0.1, color=class_color(label), stroke_color=FOREGROUND, stroke_width=2)
            dot.coords = (float(z2), float(yhat))
            self.run_dots.add(dot)
        rows = self.run_table(header)
        self.yhat_numbers.add(*rows)
        self.run_rows = rows
        self.tracer.clear_updaters()
        beat(self, during(FadeOut(VGroup(self.split, self.readout, self.tails, self.tracer)), 0, 0.2),
             during(LaggedStart(*[FadeIn(m, shift=DOWN * 0.15) for m in (header, *self.table_names)],
                                lag_ratio=0.5), 0.15, 0.55),
             subcaption="Now the real thing: the trained network's output at the four XOR corners.")
        self.remove(self.split, self.tracer)
        for i in range(4):
            # each point's score slides out from 0 along the axis, its dot riding the curve
            score = ValueTracker(0.0)
            rider = self.ride(score.get_value, color=class_color(XOR_LABELS[i]), radius=0.1)
            self.add(rider)
            # the point's row is printed as the words name the point; its dot rides out meanwhile
            # and lands on the row's values early, before the words give them; then its ŷ is
            # pointed at in the row while the words read it
            beat(self, during(score.animate(rate_func=rate_functions.smooth).set_value(self.fwd.z2[i]), 0, 0.4),
                 during(FadeIn(rows[i], shift=LEFT * 0.2), 0.05, 0.3),
                 during(FadeIn(self.run_dots[i], scale=2), 0.35, 0.5),
                 during(PointAt(rows[i][-1], buff=0.06), 0.5, 1.0), run_time=0.8,
                 hold=1.5 if i == 3 else 0.0, subcaption=self.point_caption(i))
            rider.clear_updaters()
            self.remove(rider)
            self.add(rider[:2], self.run_dots[i])  # the score's line and mark stay

    def run_table(self, header):
        """The run's four points as a table under `header`: x, y, z⁽²⁾ and ŷ in columns, named
        once in a header row, so the rows are short enough to read large. Each row ends in
        ŷ's digits (row[-1]) and carries its value (row.value)."""
        size = TABLE_FONT
        names = [tex(n, font_size=size, color=MUTED, colored=False)
                 for n in ("x", "y", "z^{(2)}", r"\hat{y}")]
        rows = VGroup()
        for (x1, x2), label, z2, yhat in zip(XOR_CENTRES, XOR_LABELS, self.fwd.z2, self.fwd.y_hat):
            color = class_color(label)
            rel, digits = honest(yhat)
            value = tex(rel, digits, font_size=size)
            value[-1].set_color(color)
            row = VGroup(tex(rf"({x1:g},\ {x2:g})", font_size=size), tex(f"{label:d}", font_size=size, color=color),
                         tex(f"{z2:.2f}", font_size=size), *value)
            row.value, row.digits, row.font_size = float(yhat), digits, size
            rows.add(row)
        # columns: the point and label centred, the score right-aligned on its decimal point,
        # ŷ left-aligned after its relation sign; the names centred over their columns
        cells = [[names[0], names[1], names[2], names[3]]] + [[r[0], r[1], r[2], VGroup(r[3], r[4])] for r in rows]
        widths = [max(row[c].width for row in cells) for c in range(4)]
        top = header.get_bottom()[1] - 0.35
        for k, row in enumerate(cells):
            y = top - TABLE_ROW * (k + 0.5)
            x = self.panel_x
            for c, cell in enumerate(row):
                if c == 2 and k:
                    cell.move_to([x + widths[c], y, 0], aligned_edge=RIGHT)
                elif c == 3 and k:
                    cell.move_to([x, y, 0], aligned_edge=LEFT)
                else:
                    cell.move_to([x + widths[c] / 2, y, 0])
                x += widths[c] + TABLE_GAP
        self.table_names = VGroup(*names)
        return rows

    def point_caption(self, i):
        x1, x2 = XOR_CENTRES[i]
        side = "positive" if self.fwd.z2[i] > 0 else "negative"
        return (f"At ({x1:g}, {x2:g}), labelled {XOR_LABELS[i]:d}, the score is {side}, "
                f"{self.fwd.z2[i]:.2f}, and ŷ comes out {honest_words(self.fwd.y_hat[i])}.")
