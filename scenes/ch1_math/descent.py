"""Steepest ascent and descent on a tilted bowl, seen from above as a map of height rings: the
gradient at a point (the Jacobian's row stood up), arrows that cross the rings uphill, a short
step that climbs, gradient descent walking down, a step too long that lands higher, and the
same walk on the network's loss.

The bowl, its gradient, walks and rings come from toynet_core.bowl; the loss curve from the run.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Axes,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    GrowArrow,
    GrowFromCenter,
    LaggedStart,
    Line,
    Rectangle,
    ReplacementTransform,
    Rotate,
    Scene,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
)

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_reference_run
from scenes.widgets.highlight import PointAt
from scenes.widgets.heatmap import grid_image, magnitude_rgb
from scenes.widgets.matrices import number, value_matrix
from scenes.widgets.text import plain_tex, tex, title
from toynet_core.bowl import Bowl, clip_closed_curve

BOWL = Bowl(0.3, 0.4, 0.9)  # tilted axes, so the walk zig-zags
EXTENT = (-3.0, 3.0, -2.0, 2.0)  # the window of the map (x1 min, x1 max, x2 min, x2 max)
LEVEL_STEP = 0.5  # one ring every half unit of height; bands of colour between them
POINT = np.array([1.5, 0.5])  # where the gradient is worked out
ARROW_POINTS = np.array([[1.5, 0.5], [-1.6, -0.6], [0.9, -1.1], [-0.9, 1.1], [2.3, -0.6],
                         [-2.3, 0.6], [0.5, 0.3]])
ARROW_SCALE = 0.45  # arrows are drawn at this share of the gradient, so they stay on the map
UP_ALPHA = 0.2  # the short uphill step
START = np.array([-2.6, 1.6])
ALPHA = 0.8
STEPS = 7
FIRST_STEPS = 3  # taken while the rule is said; the rest while the heights are said
LONG_START = np.array([-1.0, 1.4])
LONG_ALPHA = 1.3  # above BOWL.stable_step(): the step overshoots
MAP_SIZE = (6.6, 4.4)
LOSS_SIZE = (10.6, 3.2)  # the loss's plot, once the bowl has left
LOSS_ORIGIN = np.array([-5.4, -1.95, 0.0])  # where its axes meet: clear of the subtitle band


def band_rgb(values):
    """Colours of heights: one flat band of pink between neighbouring rings, brighter for
    higher bands, on one scale for the map and its legend."""
    top = np.floor(heights_max() / LEVEL_STEP) + 2
    band = np.floor(np.asarray(values) / LEVEL_STEP) + 1  # the lowest band is not black
    return magnitude_rgb(band, top, style.Z_COLOR, dim=0.15)


def heights_rgb(width=264, height=176):
    """f on a grid over the map's window, as band colours. Row 0 is the lowest x2 (grid_image
    flips it)."""
    x0, x1, y0, y1 = EXTENT
    xs, ys = np.linspace(x0, x1, width), np.linspace(y0, y1, height)
    return band_rgb(BOWL.value(np.stack(np.meshgrid(xs, ys), axis=-1)))


def heights_max():
    x0, x1, y0, y1 = EXTENT
    return float(BOWL.value(np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])).max())


def ring_levels():
    """The heights of the rings drawn: every LEVEL_STEP up to the map's highest corner."""
    return LEVEL_STEP * np.arange(1, int(np.floor(heights_max() / LEVEL_STEP)) + 1)


class SteepestDescent(Scene):
    def construct(self):
        self.alpha = ALPHA
        self.lay_out_map()
        self.draw_rings()
        self.jacobian_row()
        self.stand_it_up()
        self.arrows_cross_rings()
        self.short_step_climbs()
        self.turn_arrows_around()
        self.walk_downhill()
        self.steps_shrink()
        self.overshoot()
        self.bridge_to_training()

    # -- beats ---------------------------------------------------------------------
    def lay_out_map(self):
        """Before the first words: the title and the coloured map with its axes."""
        self.heading = title("Uphill and downhill")
        x0, x1, y0, y1 = EXTENT
        self.axes = Axes(x_range=[x0, x1, 1], y_range=[y0, y1, 1], x_length=MAP_SIZE[0],
                         y_length=MAP_SIZE[1], tips=False,
                         axis_config={"color": style.FOREGROUND, "stroke_width": 1.5})
        self.axes.move_to(LEFT * 3.1 + DOWN * 0.4)
        self.map = grid_image(heights_rgb(), self.axes, EXTENT)
        # Tick numbers along the map's left and bottom edges, where no arrow or path crosses them.
        numbers = VGroup(
            *[plain_tex("%d" % v, font_size=style.SMALL).next_to(self.axes.c2p(v, y0), DOWN, buff=0.1)
              for v in range(int(x0), int(x1) + 1)],
            *[plain_tex("%d" % v, font_size=style.SMALL).next_to(self.axes.c2p(x0, v), LEFT, buff=0.1)
              for v in range(int(y0), int(y1) + 1)])
        names = VGroup(plain_tex("x_1", font_size=style.LABEL).next_to(self.axes.c2p(x1, 0), RIGHT, buff=0.12),
                       plain_tex("x_2", font_size=style.LABEL).next_to(self.axes.c2p(0, y1), UP, buff=0.1),
                       numbers)
        self.map_names = names
        self.add(self.heading, self.map, self.axes, names)

    def draw_rings(self):
        self.levels = ring_levels()
        self.rings = VGroup()
        for level in self.levels:
            pieces = clip_closed_curve(BOWL.level_curve(level), EXTENT)
            if pieces:  # the highest levels may only touch the map's corners
                # grey, not black: dark lines vanish on the map's dark low bands at 480p
                ring = VGroup(*[self.polyline(piece, style.MUTED, 1.6) for piece in pieces])
                ring.level = level
                self.rings.add(ring)
        a, b, c = BOWL.a, BOWL.b, BOWL.c
        self.formula = plain_tex(r"f(\vec{x}) = %g\,x_1^2 + %g\,x_1x_2 + %g\,x_2^2" % (a, b, c),
                                 font_size=style.BODY)
        self.formula.next_to(self.axes, UP, buff=0.45).align_to(self.axes, LEFT)
        self.scale_bar = self.height_scale()
        # the formula is whole early in the beat; the rings keep drawing after it
        beat(self, during(LaggedStart(*[Create(r) for r in self.rings], lag_ratio=0.25), 0, 0.8),
             during(Write(self.formula), 0, 0.35), during(FadeIn(self.scale_bar), 0, 0.3),
             subcaption="A bowl seen from above: each ring joins points of one height, "
                        "and brighter bands lie higher.")

    def jacobian_row(self):
        self.point = POINT
        g = BOWL.gradient(POINT)
        self.point_dot = Dot(self.axes.c2p(*POINT), radius=0.08, color=style.X_COLOR)
        base = self.axes.c2p(*POINT)
        along_1 = Arrow(base, self.axes.c2p(*(POINT + ARROW_SCALE * np.array([g[0], 0]))), buff=0,
                        color=style.GRAD_COLOR, stroke_width=4, max_tip_length_to_length_ratio=0.35)
        along_2 = Arrow(base, self.axes.c2p(*(POINT + ARROW_SCALE * np.array([0, g[1]]))), buff=0,
                        color=style.GRAD_COLOR, stroke_width=4, max_tip_length_to_length_ratio=0.35)
        self.components = VGroup(along_1, along_2)
        for arrow in self.components:
            outline(arrow)
        self.row_values = value_matrix([g], color=style.GRAD_COLOR, font_size=style.BODY)
        lhs = plain_tex(r"\frac{\partial f}{\partial \vec{x}} =", font_size=style.BODY)
        self.row = VGroup(lhs, self.row_values).arrange(RIGHT, buff=0.2)
        where = plain_tex(r"\text{at } \vec{x} = (%g,\ %g)" % tuple(POINT), font_size=style.LABEL,
                          color=style.X_COLOR)
        self.row_block = VGroup(self.row, where).arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        self.in_panel(self.row_block, top=1.9)
        beat(self, during(GrowFromCenter(self.point_dot), 0, 0.2),
             during(GrowArrow(along_1), 0.1, 0.35), during(GrowArrow(along_2), 0.3, 0.5),  # whole by 60 %
             during(Write(self.row_block), 0.15, 0.5),
             subcaption="At one point, the Jacobian of f is a row of two slopes: "
                        "one along x₁, one along x₂.")

    def stand_it_up(self):
        g = BOWL.gradient(POINT)
        self.grad_column = value_matrix(g.reshape(2, 1), color=style.GRAD_COLOR, font_size=style.BODY)
        lhs = tex(r"\nabla f = \Big(\frac{\partial f}{\partial \vec{x}}\Big)^{T} =",
                  font_size=style.BODY, color=style.GRAD_COLOR, colored=False)
        column = VGroup(lhs, self.grad_column).arrange(RIGHT, buff=0.2)
        column.move_to(self.row, aligned_edge=LEFT)
        self.grad_arrow = self.arrow_at(POINT, +1)
        beat(self, during(ReplacementTransform(self.row, column), 0, 0.4),
             during(ReplacementTransform(self.components, self.grad_arrow), 0.05, 0.45),
             subcaption="Stand the row up as a column, its transpose, and draw it as one arrow: "
                        "the gradient of f.")
        self.row_block[0] = column

    def arrows_cross_rings(self):
        others = [self.arrow_at(p, +1) for p in ARROW_POINTS[1:]]
        self.arrows = VGroup(self.grad_arrow, *others)
        self.arrow_origins = ARROW_POINTS
        self.arrow_dots = VGroup(self.point_dot, *[Dot(self.axes.c2p(*p), radius=0.06, color=style.X_COLOR)
                                                  for p in ARROW_POINTS[1:]])
        self.point_ring = self.ring_through(POINT, style.EMPHASIS)
        label = tex(r"\nabla f:\ \text{steepest way up}", font_size=style.BODY,
                    color=style.GRAD_COLOR, colored=False)
        self.in_panel(label, top=0.4)
        self.arrow_label = label
        # every arrow and the label whole by half the beat: a still at 60 % shows nothing mid-draw
        beat(self, during(Create(self.point_ring), 0, 0.3),
             during(LaggedStart(*[FadeIn(d) for d in self.arrow_dots[1:]], lag_ratio=0.15), 0.15, 0.4),
             during(LaggedStart(*[GrowArrow(a) for a in others], lag_ratio=0.15), 0.2, 0.5),
             during(FadeIn(label), 0.35, 0.5),
             subcaption="Everywhere the gradient points straight uphill, "
                        "crossing the rings at right angles.")

    def short_step_climbs(self):
        g = BOWL.gradient(POINT)
        self.up_step = np.array([POINT, POINT + UP_ALPHA * g])
        t = ValueTracker(0.0)
        where = lambda: self.up_step[0] + t.get_value() * (self.up_step[1] - self.up_step[0])  # noqa: E731
        walker = always_redraw(lambda: Dot(self.axes.c2p(*where()), radius=0.08, color=style.X_COLOR)
                               .set_stroke(style.BACKGROUND, 2, background=True))
        trail = always_redraw(lambda: Line(self.axes.c2p(*self.up_step[0]), self.axes.c2p(*where()),
                                           color=style.X_COLOR, stroke_width=4))
        self.up_before = number(BOWL.value(POINT), font_size=style.BODY)
        self.up_after = number(BOWL.value(POINT), font_size=style.BODY)
        self.up_after.add_updater(lambda m: m.set_value(BOWL.value(where())))
        readout = VGroup(plain_tex("f:", font_size=style.BODY), self.up_before,
                         plain_tex(r"\to", font_size=style.BODY), self.up_after).arrange(RIGHT, buff=0.2)
        self.in_panel(readout, top=-0.4)
        self.add(trail, walker)
        self.up_caption = (f"Take a short step along the gradient and f rises, from "
                           f"{BOWL.value(POINT):.2f} to {BOWL.value(self.up_step[1]):.2f}.")
        # the step is over by half the beat, so the readout holds its end value while the words
        # say it, and a box points at that value for the rest of the beat
        beat(self, during(FadeIn(readout), 0, 0.15), during(t.animate.set_value(1.0), 0.1, 0.5),
             during(PointAt(self.up_after), 0.5, 1),
             subcaption=self.up_caption)
        self.up_after.clear_updaters()
        walker.clear_updaters()
        trail.clear_updaters()
        self.up_walk = VGroup(trail, walker)
        self.up_readout = readout

    def turn_arrows_around(self):
        label = tex(r"-\nabla f:\ \text{steepest way down}", font_size=style.BODY,
                    color=style.GRAD_COLOR, colored=False)
        label.move_to(self.arrow_label, aligned_edge=LEFT)
        beat(self, during(AnimationGroup(*[Rotate(a, np.pi, about_point=a.get_start()) for a in self.arrows]), 0, 0.35),
             during(FadeOut(VGroup(self.up_walk, self.up_readout, self.point_ring)), 0, 0.3),
             during(ReplacementTransform(self.arrow_label, label), 0.2, 0.45),
             subcaption="Turn every arrow around: minus the gradient points the steepest way down.")
        self.arrow_label = label

    def walk_downhill(self):
        self.path = BOWL.descent_path(START, ALPHA, STEPS)
        rule = plain_tex(r"\vec{x} \leftarrow \vec{x} - \alpha\,\nabla f(\vec{x}),\quad \alpha = %g" % ALPHA,
                         font_size=style.BODY)
        self.in_panel(rule, top=1.9)
        self.rule = rule
        self.chart = self.step_chart()
        self.progress = ValueTracker(0.0)
        self.walker = always_redraw(self.draw_walker)
        self.trail = always_redraw(self.draw_trail)
        self.chart_dots = always_redraw(self.draw_chart_dots)
        # Minus the gradient where the walker stands: it shrinks toward the bottom.
        self.down_arrow = always_redraw(lambda: self.arrow_at(self.position(self.progress.get_value()), -1))
        # The height of the walker as it goes, traced on the chart between the steps' dots.
        self.chart_trace = always_redraw(self.draw_chart_trace)
        self.add(self.trail, self.down_arrow, self.walker, self.chart_trace, self.chart_dots)
        beat(self, during(FadeOut(VGroup(self.arrows, self.arrow_dots, self.arrow_label, self.row_block)), 0, 0.2),
             during(FadeIn(rule), 0.15, 0.4), during(FadeIn(self.chart), 0.15, 0.4),
             during(self.progress.animate(rate_func=lambda t: t).set_value(FIRST_STEPS), 0.3, 1),
             subcaption="Gradient descent steps that way again and again: x becomes x minus α times the "
                        "gradient, α being the learning rate.",
             spoken="Gradient descent steps that way again and again: x becomes x minus alpha times the "
                    "gradient, alpha being the learning rate.")

    def steps_shrink(self):
        beat(self, self.progress.animate(rate_func=lambda t: t).set_value(STEPS),
             subcaption="f falls at every step, and near the bottom the gradient shrinks, "
                        "so the steps shrink too.")
        for mob in (self.walker, self.trail, self.chart_dots, self.down_arrow, self.chart_trace):
            mob.clear_updaters()
        self.path_dots = VGroup(*[Dot(self.axes.c2p(*p), radius=0.06, color=style.X_COLOR) for p in self.path])
        self.f_chart_dots = self.draw_chart_dots(upto=STEPS)
        self.remove(self.walker, self.chart_dots)
        self.add(self.path_dots, self.f_chart_dots)

    def overshoot(self):
        start = LONG_START
        self.long_step = np.array([start, start - LONG_ALPHA * BOWL.gradient(start)])
        self.start_ring = self.ring_through(start, style.EMPHASIS)
        self.landing_ring = self.ring_through(self.long_step[1], style.ERROR)  # at its computed level
        self.long_dots = VGroup(*[Dot(self.axes.c2p(*p), radius=0.08, color=c)
                                  for p, c in zip(self.long_step, (style.X_COLOR, style.ERROR))])
        jump = Arrow(self.axes.c2p(*self.long_step[0]), self.axes.c2p(*self.long_step[1]), buff=0.08,
                     color=style.ERROR, stroke_width=5, max_tip_length_to_length_ratio=0.12)
        outline(jump)
        self.before = number(BOWL.value(start), font_size=style.BODY)
        self.after = number(BOWL.value(self.long_step[1]), font_size=style.BODY, color=style.ERROR)
        line = VGroup(plain_tex(r"\alpha = %g:\quad f:" % LONG_ALPHA, font_size=style.BODY), self.before,
                      plain_tex(r"\to", font_size=style.BODY), self.after).arrange(RIGHT, buff=0.2)
        self.in_panel(line, top=1.9)
        # The chart now shows this walk, not the one before: f before and after the long step.
        heights = [BOWL.value(p) for p in self.long_step]
        self.long_chart_points = np.array([[k, v] for k, v in enumerate(heights)])
        chart_dots = VGroup(*[Dot(self.chart_axes.c2p(k, v), radius=0.07, color=c)
                              for (k, v), c in zip(self.long_chart_points, (style.X_COLOR, style.ERROR))])
        rise = Line(*[self.chart_axes.c2p(*q) for q in self.long_chart_points], color=style.ERROR, stroke_width=3)
        self.long_chart = VGroup(rise, chart_dots)
        beat(self, during(FadeOut(VGroup(self.path_dots, self.trail, self.rule, self.down_arrow,
                                         self.f_chart_dots, self.chart_trace)), 0, 0.2),
             during(FadeIn(line), 0.15, 0.35),
             # the leap, then where it lands: a dot and the higher ring through it, in the error
             # colour, all whole by half the beat (the words reach the higher ring after that)
             during(FadeIn(chart_dots[0]), 0.15, 0.3), during(Create(rise), 0.3, 0.45),
             during(FadeIn(chart_dots[1]), 0.42, 0.5),
             during(FadeIn(self.long_dots[0]), 0.1, 0.2), during(FadeIn(self.start_ring), 0.1, 0.25),
             during(GrowArrow(jump), 0.25, 0.42),
             during(FadeIn(self.landing_ring), 0.4, 0.52), during(FadeIn(self.long_dots[1]), 0.4, 0.48),
             subcaption=f"A step too long, α = {LONG_ALPHA:g}, leaps across the valley "
                        "and lands on a higher ring: f goes up.",
             spoken=f"A step too long, alpha {LONG_ALPHA:g}, leaps across the valley "
                    "and lands on a higher ring, so f goes up.")
        self.jump, self.overshoot_line = jump, line

    def bridge_to_training(self):
        run = load_reference_run()
        self.loss_steps, self.loss_values = np.asarray(run.steps, float), np.asarray(run.mean_loss, float)
        self.n_weights = int(np.asarray(run.W1[-1]).size + np.asarray(run.W2[-1]).size)
        top = float(np.ceil(self.loss_values.max() * 10) / 10)
        last = int(self.loss_steps[-1])
        # per-sample SGD: each step is downhill on one point's loss, not on the mean loss, which
        # the chart shows; the words say what the run's mean loss did
        trend = "falls" if self.loss_values[-1] < self.loss_values[0] else "does not fall"
        self.loss_trend = trend
        # the bowl has left: the loss takes the frame's width, so its fall can be read
        self.loss_axes = Axes(x_range=[0, last, last // 2], y_range=[0, top, top / 2],
                              x_length=LOSS_SIZE[0], y_length=LOSS_SIZE[1], tips=False,
                              axis_config={"color": style.MUTED, "include_numbers": True,
                                           "font_size": style.SMALL},
                              y_axis_config={"decimal_number_config": {"num_decimal_places": 2}},
                              x_axis_config={"decimal_number_config": {"num_decimal_places": 0,
                                                                        "group_with_commas": False}})
        self.loss_axes.shift(LOSS_ORIGIN - self.loss_axes.c2p(0, 0))
        caption = tex(r"\text{mean loss } \bar{\mathcal{L}},\ \text{a function of the %d weights}" % self.n_weights, font_size=style.BODY)
        names = self.chart_names(self.loss_axes, r"\text{training step}", None)
        # the caption names the y axis, above its top
        caption.next_to(self.loss_axes.y_axis, UP, buff=0.15).align_to(self.loss_axes.y_axis, LEFT)
        names.add(caption)
        self.loss_curve = self.loss_axes.plot_line_graph(self.loss_steps, self.loss_values,
                                                         line_color=style.LOSS_COLOR, stroke_width=3,
                                                         add_vertex_dots=False)
        progress = ValueTracker(0.0)

        def rider():
            k = progress.get_value() * (len(self.loss_steps) - 1)
            i = min(int(k), len(self.loss_steps) - 2)
            p = self.loss_values[i] + (k - i) * (self.loss_values[i + 1] - self.loss_values[i])
            s = self.loss_steps[i] + (k - i) * (self.loss_steps[i + 1] - self.loss_steps[i])
            return Dot(self.loss_axes.c2p(s, p), radius=0.07, color=style.LOSS_COLOR).set_z_index(1)

        dot = always_redraw(rider)
        # the bowl leaves (covered whole, under the loss's plot): its f has 2 coordinates, the
        # loss many weights
        map_side = Group(self.map, self.axes, self.map_names, self.rings, self.scale_bar)
        self.dimmer = Rectangle(width=map_side.width + 0.2, height=map_side.height + 0.2, stroke_width=0,
                                fill_color=style.BACKGROUND, fill_opacity=0.0).move_to(map_side)
        self.analogy = tex(r"\text{the same walk, with %d weights instead of 2 coordinates}" % self.n_weights,
                           font_size=style.BODY, color=style.FOREGROUND, colored=False)
        self.analogy.move_to(self.formula, aligned_edge=LEFT)
        # the new plot and its words are drawn over the cover, whatever order the beat adds them in
        for mob in (self.loss_axes, names, self.loss_curve, dot, self.analogy):
            mob.set_z_index(1)
        self.add(self.dimmer, dot)
        leaving = VGroup(self.overshoot_line, self.jump, self.long_dots, self.start_ring,
                         self.landing_ring, self.long_chart)
        beat(self, during(FadeOut(leaving), 0, 0.2), during(FadeOut(self.chart), 0.1, 0.4),
             during(ReplacementTransform(self.chart.copy().set_z_index(1), VGroup(self.loss_axes, names)), 0.1, 0.4),
             during(self.dimmer.animate.set_fill(opacity=1.0), 0.05, 0.3), during(FadeOut(self.formula), 0.05, 0.2),
             during(FadeIn(self.analogy), 0.2, 0.35),
             # the whole fall is drawn by 60 % of the beat, while the words still speak of it; then
             # a box points at what the loss is a function of
             during(Create(self.loss_curve, rate_func=lambda t: t), 0.3, 0.58),
             during(progress.animate(rate_func=lambda t: t).set_value(1.0), 0.3, 0.58),
             during(PointAt(caption, buff=0.05), 0.58, 1),
             subcaption=f"Training a network on XOR walks the same way, but each step goes downhill on one "
                        f"point's loss; on average over its points, the mean loss {trend}. "
                        f"Both are functions of its {self.n_weights} weights.",
             hold=0.8)
        dot.clear_updaters()

    # -- pictures --------------------------------------------------------------------
    def polyline(self, coords, color, width):
        line = VMobject(stroke_color=color, stroke_width=width)
        line.set_points_as_corners([self.axes.c2p(*p) for p in coords])
        return line

    def ring_through(self, point, color):
        """The level curve through `point`, drawn bright (it is clipped to the map)."""
        level = float(BOWL.value(point))
        ring = VGroup(*[self.polyline(piece, color, 3.5)
                        for piece in clip_closed_curve(BOWL.level_curve(level), EXTENT)])
        ring.level = level
        return ring

    def arrow_at(self, point, sign):
        tip = point + sign * ARROW_SCALE * BOWL.gradient(point)
        arrow = Arrow(self.axes.c2p(*point), self.axes.c2p(*tip), buff=0, color=style.GRAD_COLOR,
                      stroke_width=5, max_tip_length_to_length_ratio=0.3)
        return outline(arrow)

    def height_scale(self):
        """A vertical bar of the band colours with the heights of its rings."""
        bottom, top = self.axes.get_corner(DOWN + RIGHT), self.axes.get_corner(UP + RIGHT)
        span = ring_levels()[-1] + LEVEL_STEP
        bar_axes = Axes(x_range=[0, 1, 1], y_range=[0, span, 1], x_length=0.25, y_length=top[1] - bottom[1],
                        tips=False, axis_config={"stroke_width": 0})
        bar_axes.move_to(RIGHT * (bottom[0] + 0.45) + UP * (top[1] + bottom[1]) / 2)
        rgb = band_rgb(np.linspace(0, span, 120).reshape(-1, 1))
        bar = grid_image(rgb, bar_axes, (0, 1, 0, span))
        ticks = VGroup(*[plain_tex("%d" % v, font_size=style.SMALL).next_to(bar_axes.c2p(1, v), RIGHT, buff=0.1)
                         for v in np.arange(0.0, span + 1e-9, 2.0)])
        name = plain_tex("f", font_size=style.LABEL).next_to(bar, UP, buff=0.12)
        self.bar_axes = bar_axes
        return Group(bar, ticks, name)

    def step_chart(self):
        top = float(np.ceil(BOWL.value(START)))
        self.chart_axes = Axes(x_range=[0, STEPS, 1], y_range=[0, top, 1], x_length=3.6, y_length=2.5,
                               tips=False, axis_config={"color": style.MUTED, "include_numbers": True,
                                                        "font_size": style.SMALL,
                                                        "decimal_number_config": {"num_decimal_places": 0}})
        self.in_panel(self.chart_axes, top=0.7, indent=0.6)
        names = self.chart_names(self.chart_axes, r"\text{step } k", r"f(\vec{x}_k)")
        return VGroup(self.chart_axes, names)

    def chart_names(self, axes, x_name, y_name):
        x = tex(x_name, font_size=style.SMALL, color=style.MUTED, colored=False)
        x.next_to(axes.x_axis, DOWN, buff=0.45).align_to(axes.x_axis, RIGHT)
        if y_name is None:
            return VGroup(x)
        y = tex(y_name, font_size=style.LABEL)
        y.next_to(axes.y_axis, UP, buff=0.12)
        return VGroup(x, y)

    def position(self, s):
        """The walker after s steps (a real number): eased within each step."""
        k = min(int(np.floor(s)), STEPS - 1)
        t = s - k
        t = t * t * (3 - 2 * t)
        return self.path[k] + t * (self.path[k + 1] - self.path[k])

    def draw_walker(self):
        return Dot(self.axes.c2p(*self.position(self.progress.get_value())), radius=0.08,
                   color=style.X_COLOR).set_stroke(style.BACKGROUND, 2, background=True)

    def draw_trail(self):
        s = self.progress.get_value()
        done = int(np.floor(s))
        coords = list(self.path[:done + 1]) + [self.position(s)]
        return self.polyline(coords, style.X_COLOR, 3)  # at s = 0 a single point, drawn as nothing

    def draw_chart_trace(self):
        """Straight segments between the steps' heights (f is only known at the iterates): the
        segment of the step under way grows at the walker's pace."""
        s = self.progress.get_value()
        done = min(int(np.floor(s)), STEPS - 1)
        t = s - done
        t = t * t * (3 - 2 * t)  # eased as position() is
        heights = [BOWL.value(p) for p in self.path[:done + 2]]
        points = [self.chart_axes.c2p(k, h) for k, h in enumerate(heights[:done + 1])]
        points.append(self.chart_axes.c2p(done + t, heights[done] + t * (heights[done + 1] - heights[done])))
        line = VMobject(stroke_color=style.X_COLOR, stroke_width=2, stroke_opacity=0.6)
        line.set_points_as_corners(points)
        return line

    def draw_chart_dots(self, upto=None):
        done = int(np.floor(self.progress.get_value() + 1e-9)) if upto is None else upto
        return VGroup(*[Dot(self.chart_axes.c2p(k, BOWL.value(self.path[k])), radius=0.06,
                            color=style.X_COLOR) for k in range(done + 1)])

    def in_panel(self, mob, top, indent=0.0):
        """Place mob in the column right of the map, its top at height `top`."""
        left = self.axes.get_right()[0] + 1.55 + indent
        mob.shift((left - mob.get_left()[0]) * RIGHT + (top - mob.get_top()[1]) * UP)
        return mob


def outline(mob):
    """A thin dark edge behind a line, so it reads on the bright bands of the map."""
    mob.set_stroke(style.BACKGROUND, width=mob.get_stroke_width() + 3, background=True)
    return mob
