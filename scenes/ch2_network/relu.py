"""ReLU: its graph and kink (ReluGraph), then the fold it makes in hidden space (ReluFold)."""

import numpy as np
from manim import (
    DL,
    DOWN,
    ORIGIN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Axes,
    Circle,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    Flash,
    Line,
    Polygon,
    Scene,
    ThreeDScene,
    UpdateFromAlphaFunc,
    ValueTracker,
    VMobject,
    VGroup,
    Write,
)

from scenes import style
from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.widgets import hidden_view as hv
from scenes.style import EDGE_BUFF, FOREGROUND, LABEL, MUTED, X_COLOR, Z_COLOR
from scenes.widgets.text import note, tex, title
from scenes.widgets.three_d import START_VIEW, fix_in_frame
from toynet_core import geometry
from toynet_core.model import augment, relu, relu_prime

Z_RANGE = (-3.0, 3.0)


def graph_axes(y_range, height, width=5.8):
    return Axes(x_range=[*Z_RANGE, 1], y_range=[*y_range, 1], x_length=width, y_length=height,
                tips=False, axis_config={"color": MUTED, "stroke_width": 2, "include_numbers": True,
                                         "font_size": style.SMALL,
                                         "decimal_number_config": {"num_decimal_places": 0}})


def piece(axes, f, lo, hi, color, width=5):
    """The graph of f on [lo, hi] as one straight segment (both pieces of ReLU are lines)."""
    return Line(axes.c2p(lo, float(f(np.array(lo)))), axes.c2p(hi, float(f(np.array(hi)))),
                color=color, stroke_width=width)


class ReluGraph(Scene):
    def construct(self):
        self.show_definition()
        self.draw_graph()
        self.trace_slope()
        self.draw_derivative()
        self.point_at_kink()

    # -- beats ---------------------------------------------------------------------------
    def show_definition(self):
        self.title = title("ReLU: one bend", corner=True)
        self.definition = tex(
            r"\mathrm{ReLU}(z) = \begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}",
            font_size=style.HEADING).to_corner(UR, buff=EDGE_BUFF)
        beat(self, Write(self.title), Write(self.definition),
                   subcaption="ReLU keeps a positive number and replaces anything else by zero.")

    def draw_graph(self):
        self.axes = graph_axes((-1, 3), 4.4, 6.2).to_edge(LEFT, buff=0.6).shift(DOWN * 0.4)
        self.graph = VGroup(piece(self.axes, relu, Z_RANGE[0], 0, Z_COLOR),
                            piece(self.axes, relu, 0, Z_RANGE[1], Z_COLOR))
        name = tex(r"\mathrm{ReLU}(z)", font_size=style.BODY, color=Z_COLOR)
        name.move_to(self.axes.c2p(-1.6, 2.2))
        self.graph_name = name
        beat(self, Create(self.axes), Create(self.graph), FadeIn(name), run_time=2,
                   subcaption="Its graph: flat along zero on the left, the diagonal on the right.")

    def trace_slope(self):
        """A point runs along the graph; value and slope come from toynet_core's relu."""
        self.z = ValueTracker(-2.5)
        dot = Dot(color=X_COLOR, radius=0.09)
        dot.add_updater(lambda d: d.move_to(self.axes.c2p(self.z.get_value(),
                                                          float(relu(self.z.get_value())))))
        labels = [tex("z =", font_size=style.BODY), tex(r"\mathrm{ReLU}(z) =", font_size=style.BODY),
                  tex(r"\text{slope} =", font_size=style.BODY)]
        functions = [lambda v: v, lambda v: float(relu(np.array(v))),
                     lambda v: float(relu_prime(np.array(v)))]
        self.readouts = VGroup()
        for label, f in zip(labels, functions):
            number = DecimalNumber(f(self.z.get_value()), num_decimal_places=2,
                                   font_size=style.BODY, color=X_COLOR)
            number.add_updater(lambda m, f=f: m.set_value(f(self.z.get_value())))
            self.readouts.add(VGroup(label, number).arrange(RIGHT, buff=0.15))
        self.readouts.arrange(RIGHT, buff=0.6).to_edge(DOWN, buff=EDGE_BUFF)
        for row in self.readouts:  # keep '=' steady while digits change
            row[1].add_updater(lambda m, row=row: m.next_to(row[0], RIGHT, buff=0.15))
        self.tracer = dot
        beat(self, FadeIn(dot), FadeIn(self.readouts), run_time=0.8,
                   subcaption="Follow a point along it and watch the slope.")
        beat(self, self.z.animate.set_value(2.5), run_time=4,
                   subcaption="Slope zero all the way to the origin, then slope one: "
                              "the slope jumps at the kink.")

    def draw_derivative(self):
        self.d_axes = graph_axes((-1, 2), 3.0, 5.6).to_edge(RIGHT, buff=0.6).shift(DOWN * 1.0)
        pieces = VGroup(piece(self.d_axes, relu_prime, Z_RANGE[0], 0, style.GRAD_COLOR),
                        piece(self.d_axes, relu_prime, 1e-9, Z_RANGE[1], style.GRAD_COLOR))
        # At 0 itself: the value the code uses (filled) and the limit from the right (open).
        at_zero = float(relu_prime(np.array(0.0)))
        from_right = float(relu_prime(np.array(1e-9)))
        self.filled = Dot(self.d_axes.c2p(0, at_zero), radius=0.08, color=style.GRAD_COLOR)
        self.hollow = Circle(radius=0.08, color=style.GRAD_COLOR, stroke_width=3)
        self.hollow.set_fill(style.BACKGROUND, opacity=1).move_to(self.d_axes.c2p(0, from_right))
        self.derivative = pieces
        name = tex(r"\mathrm{ReLU}'(z)", font_size=style.BODY, color=style.GRAD_COLOR)
        name.move_to(self.d_axes.c2p(-1.6, 1.5))
        beat(self, Create(self.d_axes), Create(pieces), FadeIn(self.filled), FadeIn(self.hollow),
                   FadeIn(name), run_time=2,
                   subcaption="Its derivative is a step: 0 on the left, 1 on the right.")

    def point_at_kink(self):
        rule = VGroup(note("at z = 0 itself", font_size=LABEL, color=FOREGROUND),
                      tex(r"\text{we take } \mathrm{ReLU}'(0) = %d"
                              % int(relu_prime(np.array(0.0))), font_size=style.BODY))
        rule.arrange(DOWN, buff=0.12).next_to(self.d_axes, UP, buff=0.3)
        beat(self, self.z.animate.set_value(0.0), Flash(self.axes.c2p(0, 0), color=X_COLOR),
                   FadeIn(rule), run_time=2,
                   subcaption="At the kink the slope has no single value; we use 0 there, "
                              "matching ReLU(z) = 0 for z at or below zero.")
        self.wait(1.5)


# -- ReluFold ------------------------------------------------------------------------------
UNIT_NAMES = ("h_1", "h_2", "h_3")


class FoldingSheet(VGroup):
    """The input square mapped by W1, cut along the creases, redrawn at fold stage t (3,).

    Pieces, mesh lines and creases all pass through `geometry.fold`, so they move exactly as the
    data points do."""

    def __init__(self, axes, W1, extent, mesh=7):
        super().__init__()
        self.axes, self.W1 = axes, np.asarray(W1, float)
        self.pieces = [poly for poly, _ in geometry.crease_regions(W1, extent)]
        x0, x1, y0, y1 = extent
        lines = [((v, y0), (v, y1)) for v in np.linspace(x0, x1, mesh)[1:-1]]
        lines += [((x0, v), (x1, v)) for v in np.linspace(y0, y1, mesh)[1:-1]]
        self.lines = [geometry.split_at_creases(W1, a, b) for a, b in lines]
        self.creases = [seg for seg in geometry.crease_segments(W1, extent) if seg is not None]
        self.piece_mobs = VGroup(*[Polygon(*[ORIGIN] * len(p), color=X_COLOR, stroke_width=1.5,
                                           fill_color=X_COLOR, fill_opacity=0.14)
                                   for p in self.pieces])
        self.line_mobs = VGroup(*[VMobject(stroke_color=X_COLOR, stroke_width=1,
                                           stroke_opacity=0.5) for _ in self.lines])
        self.crease_mobs = VGroup(*[VMobject(stroke_color=Z_COLOR, stroke_width=6)
                                    for _ in self.creases])
        self.add(self.piece_mobs, self.line_mobs, self.crease_mobs)
        self.stage = np.zeros(3)
        self.redraw(self.stage)

    def to_scene(self, P, t):
        H = geometry.fold(augment(P) @ self.W1.T, t)
        return [self.axes.c2p(*h) for h in H]

    def redraw(self, t):
        self.stage = np.array(t, dtype=float)
        for mob, poly in zip(self.piece_mobs, self.pieces):
            corners = self.to_scene(poly, t)
            mob.set_points_as_corners([*corners, corners[0]])
        for mob, pts in zip(self.line_mobs, self.lines):
            mob.set_points_as_corners(self.to_scene(pts, t))
        for mob, seg in zip(self.crease_mobs, self.creases):
            mob.set_points_as_corners(self.to_scene(seg, t))
        return self


class ReluFold(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.W1, self.W2 = self.run.W1[-1], self.run.W2[-1]
        self.show_sheet()
        self.show_creases()
        for unit in range(3):
            self.fold_unit(unit)
        self.show_separable()

    # -- beats ---------------------------------------------------------------------------
    def show_sheet(self):
        self.extent = geometry.hidden_extent(self.run)
        self.axes = hv.hidden_axes(self.extent, side=5.2)
        both = np.concatenate([self.run.hidden_pre[-1], self.run.hidden_post[-1]])
        self.axes.shift(-self.axes.c2p(*(both.min(axis=0) + both.max(axis=0)) / 2))
        self.set_camera_orientation(phi=START_VIEW[0], theta=START_VIEW[1], zoom=1.5)
        self.labels = hv.hidden_axis_labels(self.axes)
        hv.pin_to_points(self, self.labels)
        self.remove(*self.labels)
        self.title = title("ReLU folds the sheet", corner=True)
        fix_in_frame(self, self.title)
        self.sheet = FoldingSheet(self.axes, self.W1, geometry.sheet_extent(self.run.X))
        self.sheet.crease_mobs.set_stroke(opacity=0)
        self.t = np.zeros(3)
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, self.run.hidden_pre[-1],
                                                         self.run.y))
        beat(self, FadeIn(self.title), FadeIn(self.axes), FadeIn(self.labels),
                   FadeIn(self.sheet), FadeIn(self.cloud), run_time=2,
                   subcaption="Back to the lifted sheet: every input, after W1, before ReLU.")

    def show_creases(self):
        self.rule = tex(r"\mathrm{ReLU}:\ h_i < 0 \ \to\ 0", font_size=style.HEADING)
        self.rule.next_to(self.title, DOWN, buff=0.3).align_to(self.title, LEFT)
        fix_in_frame(self, self.rule)
        beat(self, self.sheet.crease_mobs.animate.set_stroke(opacity=1), FadeIn(self.rule),
                   run_time=1.5,
                   subcaption="Each hidden unit is zero along one line of the sheet: "
                              "three crease lines.")

    def fold_unit(self, unit):
        """Press everything with h_unit < 0 onto the wall h_unit = 0, as a clamp."""
        start = self.t.copy()

        def step(group, alpha):
            t = start.copy()
            t[unit] = alpha
            self.sheet.redraw(t)
            hv.move_cloud(self.axes, self.cloud, geometry.fold(self.run.hidden_pre[-1], t))

        beat(self, UpdateFromAlphaFunc(VGroup(self.sheet, self.cloud), step), run_time=2.5,
                   subcaption=f"Unit {unit + 1}: the part of the sheet where it is negative "
                              f"folds flat onto the wall where it is zero.")
        self.t[unit] = 1.0

    def show_separable(self):
        z2 = self.run.hidden_post[-1] @ self.W2[0, :3] + self.W2[0, 3]
        self.split_fraction = float(np.mean((z2 > 0) == (self.run.y == 1)))
        n = self.W2[0, :3] / np.linalg.norm(self.W2[0, :3])
        current = hv.camera_direction(*START_VIEW)
        phi, theta = hv.view_angles(current - (current @ n) * n)  # look along W2's plane
        readout = VGroup(note("one flat cut now splits", color=FOREGROUND),
                         VGroup(DecimalNumber(100 * self.split_fraction, num_decimal_places=1,
                                              font_size=style.HEADING, color=FOREGROUND),
                                note("% of the points", color=FOREGROUND))
                         .arrange(RIGHT, buff=0.15))
        readout.arrange(DOWN, aligned_edge=LEFT, buff=0.12).to_corner(DL, buff=EDGE_BUFF)
        self.readout = readout
        fix_in_frame(self, readout)
        self.plane = hv.separating_plane(self.axes, self.W2, self.extent, opacity=0.2)
        self.add(self.plane, self.cloud)  # dots drawn over the plane
        beat(self, FadeIn(readout), FadeIn(self.plane), camera=dict(phi=phi, theta=theta),
             run_time=3, subcaption="Seen from the right side, the colours now lie apart: "
                                    "a single plane can split them.")
        self.wait(1.5)
