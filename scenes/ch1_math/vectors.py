"""A vector's two faces: a column of numbers, and an arrow in space reached axis by axis.

The camera drifts slowly around the picture the whole time, so depth is felt. Its path keeps
the arrow and the three axes well apart on screen (about 30° or more between any two of them):
the arrow never seems to lie along an axis it does not point along.
"""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Line,
    ShowPassingFlash,
    SurroundingRectangle,
    ThreeDScene,
    ValueTracker,
    VGroup,
    Write,
    smooth,
)

from scenes.pacing import beat, during
from scenes.style import BODY, EMPHASIS, HEADING, LABEL, MUTED, X_COLOR, class_color
from scenes.widgets.hidden_view import hidden_axes, hidden_axis_labels, pin_to_points
from scenes.widgets.input_plane import input_axes
from scenes.widgets.matrices import column, int_matrix
from scenes.widgets.text import note, plain_tex, title
from scenes.widgets.three_d import fix_in_frame
from toynet_core.data import XOR_CENTRES, XOR_LABELS

# The example vector (an input, not a result).
V = np.array([4, 1, 2])
AXIS_NAMES = ("x_1", "x_2", "x_3")
EXTENT = ((-1, 5), (-1, 3), (-0.6, 2.6))  # x₃ short: clear of the title at every angle
# The camera drifts in theta from START to END over DRIFT_SECONDS, then stays (phi is fixed).
PHI, START, END = 70 * DEGREES, -132 * DEGREES, -108 * DEGREES
DRIFT_SECONDS = 50.0  # about the silent scene's length; with a voice it holds at END
ZOOM = 1.25  # the picture fills the frame right of the column
PICTURE_AT = (1.3, -0.2)  # where the middle of the walk's box is shown
# The network's input used in the closing beat: one XOR corner, as a column of two numbers.
EXAMPLE_INPUT = 2
WALK_VIA = (1, 3)  # the corners the point passes on its way there, along the square's edges


class VectorTwoFaces(ThreeDScene):
    def construct(self):
        camera = self.renderer.camera
        self.set_camera_orientation(phi=PHI, theta=(START + END) / 2, frame_center=ORIGIN, zoom=ZOOM)
        # the middle of the walk's box where the camera shows PICTURE_AT halfway through its drift;
        # it sways a little about that spot as the camera turns, as under a real camera
        middle = camera.generate_rotation_matrix().T @ np.array([*PICTURE_AT, 0.0]) / ZOOM
        self.set_camera_orientation(theta=START)
        camera.reset_rotation_matrix()  # now, not at the first frame: pinned labels use it
        self.axes = hidden_axes(EXTENT, side=5.6)
        self.axes.shift(middle - self.axes.c2p(*(V / 2)))
        self.drift()
        self.show_column()
        self.show_axes()
        self.walk_axes()
        self.place_arrow()
        self.project_to_axes()
        self.one_object()
        self.name_the_space()
        self.generalise()
        self.bridge_to_the_network()

    def drift(self):
        """Turn the camera from START toward END over DRIFT_SECONDS, then hold it at END."""
        theta = self.renderer.camera.theta_tracker
        rate = (END - START) / DRIFT_SECONDS
        theta.add_updater(lambda m, dt: m.set_value(min(END, m.get_value() + rate * dt)))
        self.add(theta)  # first in the scene, so the pinned labels follow the new angle

    @staticmethod
    def flash(line, width=5):
        """A bright stroke running along a line: a highlight that travels."""
        return ShowPassingFlash(line.copy().set_stroke(EMPHASIS, width=width), time_width=0.5)

    def pin(self, *mobs, offset=(0.0, 0.0, 0.0)):
        """Pin overlays to their `anchor` points (hidden_view.pin_to_points); shown only when
        the animation that introduces them plays."""
        pin_to_points(self, mobs, offset)
        self.remove(*mobs)
        return mobs

    # -- beats -------------------------------------------------------------------------
    def show_column(self):
        self.title = title("A vector has two faces")
        self.column = int_matrix(V, font_size=HEADING, color=X_COLOR)
        lhs = plain_tex(r"\vec v =", color=X_COLOR)
        self.equation = VGroup(lhs, self.column).arrange(RIGHT, buff=0.2)
        self.equation.move_to(LEFT * 5.2 + UP * 1.3)
        self.literal = note("a list of numbers").next_to(self.equation, DOWN, buff=0.3)
        fix_in_frame(self, self.title, self.literal)
        self.add_fixed_in_frame_mobjects(self.equation)  # on screen from the first frame
        entries = self.column.get_entries()
        beat(self, during(FadeIn(self.title), 0, 0.1), FadeIn(self.literal),
             LaggedStart(*[Indicate(e, color=EMPHASIS, scale_factor=1.4) for e in entries], lag_ratio=0.7),
             subcaption=f"One face of a vector: a column of numbers, here {V[0]}, {V[1]} and {V[2]}.")

    def show_axes(self):
        self.axis_labels = hidden_axis_labels(self.axes, names=AXIS_NAMES, font_size=BODY)
        self.axis_labels.set_color(MUTED)
        self.pin(*self.axis_labels)
        # each axis is drawn with its name, one after another, as the words name them; every axis
        # is whole by mid-beat (no name waits over an axis not yet drawn, no loose flash)
        axes = (self.axes.x_axis, self.axes.y_axis, self.axes.z_axis)
        rest = [m for m in self.axes.submobjects if all(m is not a for a in axes)]
        self.add(*rest)
        # (faded in, not drawn: a Create of the 3-D z axis shows nothing until its beat ends)
        beat(self, *[during(AnimationGroup(FadeIn(axis), FadeIn(label)), 0.05 + 0.15 * i, 0.2 + 0.15 * i)
                     for i, (axis, label) in enumerate(zip(axes, self.axis_labels))],
             suspend_mobject_updating=False,
             subcaption="The other face: the same numbers are steps along three axes, "
                        "x₁, x₂ and x₃.")
        self.remove(*axes, *rest)
        self.add(self.axes)  # whole again, one mobject

    def walk_axes(self):
        """One leg per entry: 4 along x₁, then 1 along x₂, then 2 up x₃."""
        self.legs = VGroup()
        self.leg_labels = VGroup()
        entries = self.column.get_entries()
        corner = np.zeros(3)
        words = ("The first entry says: walk {v} along x₁.", "The second: {v} along x₂.",
                 "The third: {v} up along x₃.")
        box = None
        for i in range(3):
            step = np.zeros(3)
            step[i] = V[i]
            start, end = corner, corner + step
            leg = Line(self.axes.c2p(*start), self.axes.c2p(*end), color=X_COLOR, stroke_width=6)
            leg.coords = (start.copy(), end.copy())
            length = plain_tex(str(V[i]), font_size=LABEL, color=X_COLOR)
            length.anchor = self.axes.c2p(*(start + step / 2)) + self.beside(i)
            self.pin(length)
            new_box = SurroundingRectangle(entries[i], color=EMPHASIS, buff=0.08)
            fix_in_frame(self, new_box)
            fades = [FadeOut(box)] if box is not None else []
            beat(self, *fades, Create(new_box), Create(leg), FadeIn(length), suspend_mobject_updating=False,
                 subcaption=words[i].format(v=V[i]))
            box = new_box
            self.legs.add(leg)
            self.leg_labels.add(length)
            corner = end
        self.entry_box = box
        self.leg_end = corner

    def beside(self, i):
        """A small offset from leg i, away from the other legs, for its length label."""
        return self.axes.c2p(*[(0.0, 0.0, -0.4), (0.35, 0.0, 0.0), (0.35, 0.0, 0.0)][i]) - self.axes.c2p(0, 0, 0)

    def place_arrow(self):
        """The arrow grows from the origin to the walk's end; drawn flat, facing the camera."""
        self.reach = ValueTracker(0.02)
        camera = self.renderer.camera

        def draw(arrow):
            origin, tip = self.axes.c2p(0, 0, 0), self.axes.c2p(*V)  # where the turn has put them
            end = origin + self.reach.get_value() * (tip - origin)
            a, b = camera.project_point(origin), camera.project_point(end)
            arrow.become(Arrow(a, b, buff=0, color=X_COLOR, stroke_width=6,
                               max_tip_length_to_length_ratio=0.12))

        self.arrow = Arrow(LEFT, RIGHT, buff=0)
        draw(self.arrow)
        self.arrow.add_updater(draw)
        fix_in_frame(self, self.arrow)
        tip = self.axes.c2p(*V)
        self.dot = Dot(radius=0.08, color=X_COLOR)
        self.dot.anchor = tip
        coords = plain_tex("(" + r",\ ".join(str(v) for v in V) + ")", font_size=LABEL, color=X_COLOR)
        coords.anchor = tip
        self.pin(self.dot)
        self.pin(coords, offset=(0.0, 0.35, 0.0))
        self.tip_label = coords
        self.add(self.arrow)
        beat(self, FadeOut(self.entry_box), self.reach.animate.set_value(1.0),
             FadeIn(self.dot), FadeIn(coords), suspend_mobject_updating=False,
             subcaption="The walk ends at a point. The arrow from the origin to that point "
                        "is the vector.")

    def project_to_axes(self):
        """Dashed drops, each square to its axis, land on 4, 1 and 2. The drop to x₂ starts at
        the tip's shadow on the floor, not at the tip: from the tip it would run alongside the
        arrow on screen."""
        feet = [np.eye(3)[i] * V[i] for i in range(3)]
        starts = [V, V * np.array([1, 1, 0]), V]
        self.drops = VGroup(*[
            DashedLine(self.axes.c2p(*start), self.axes.c2p(*foot), color=X_COLOR, stroke_width=2.5,
                       dash_length=0.12) for start, foot in zip(starts, feet)])
        self.drops.feet, self.drops.starts = feet, starts
        self.foot_labels = VGroup()
        for i, foot in enumerate(feet):
            label = plain_tex(str(V[i]), font_size=LABEL, color=X_COLOR)
            label.anchor = self.axes.c2p(*foot) + self.beside_axis(i)
            self.foot_labels.add(label)
        self.pin(*self.foot_labels)
        runs = [self.flash(Line(self.axes.c2p(*start), self.axes.c2p(*foot))) for start, foot in zip(starts, feet)]
        beat(self, LaggedStart(*[Create(d) for d in self.drops], lag_ratio=0.4, rate_func=early),
             LaggedStart(*runs, lag_ratio=0.9, rate_func=late),
             FadeOut(self.leg_labels), self.legs.animate.set_stroke(color=MUTED, width=3),
             FadeIn(self.foot_labels), suspend_mobject_updating=False,
             subcaption="Dashed lines, each square to one axis, read the column back: "
                        f"{V[0]}, {V[1]} and {V[2]}.")

    def beside_axis(self, i):
        """Offset, in scene units, from a point on axis i to its label, outside the box."""
        offsets = [(0.0, -0.45, 0.0), (-0.45, 0.0, 0.0), (-0.35, -0.35, 0.0)]
        return self.axes.c2p(*offsets[i]) - self.axes.c2p(0, 0, 0)

    def one_object(self):
        """Each entry and the axis mark it became light up together, in turn."""
        entries = self.column.get_entries()
        pairs = [AnimationGroup(Indicate(entries[i], color=EMPHASIS, scale_factor=1.3),
                                Indicate(self.foot_labels[i], color=EMPHASIS, scale_factor=1.5,
                                         suspend_mobject_updating=False),
                                self.flash(self.drops[i], width=6))
                 for i in range(3)]
        beat(self, LaggedStart(*pairs, lag_ratio=0.8),
             subcaption="Column and arrow are one object, seen two ways.")

    def name_the_space(self):
        self.member = plain_tex(r"\vec v \in \mathbb{R}^{%d}" % len(V), font_size=BODY, color=X_COLOR)
        self.member.next_to(self.literal, DOWN, buff=0.4)
        fix_in_frame(self, self.member)
        axes = (self.axes.x_axis, self.axes.y_axis, self.axes.z_axis)
        beat(self, during(Write(self.member), 0, 0.3), LaggedStart(*[self.flash(a) for a in axes], lag_ratio=0.9),
             subcaption="Three numbers, three axes: v lives in R³, the space of all columns of three real numbers.",
             spoken="Three numbers, three axes: v lives in R three, the space of all columns of three real numbers.")

    def generalise(self):
        self.general = plain_tex(
            r"\vec x = \begin{bmatrix} x_1 \\ \vdots \\ x_n \end{bmatrix} \in \mathbb{R}^n",
            font_size=BODY)
        self.general.next_to(self.member, DOWN, buff=0.35)
        fix_in_frame(self, self.general)
        beat(self, during(Write(self.general), 0, 0.35),
             subcaption="Likewise Rⁿ holds every column of n numbers: a vector, even when n axes are "
                        "too many to draw.",
             spoken="Likewise, R n holds every column of n numbers: a vector, even when n axes are too many to draw.")

    def bridge_to_the_network(self):
        """The network's input: a point of the plane, the column of its two coordinates. The
        point walks the square's edges to one XOR corner, its column following it."""
        plane = input_axes((-0.5, 1.5, -0.5, 1.5), side=3.0, numbers=False)
        plane.move_to(LEFT * 5.3 + DOWN * 1.4)
        dots = VGroup(*[Dot(plane.c2p(*c), radius=0.1, color=class_color(y))
                        for c, y in zip(XOR_CENTRES, XOR_LABELS)])
        stops = XOR_CENTRES[list(WALK_VIA) + [EXAMPLE_INPUT]]
        walk = ValueTracker(0.0)

        def point():  # straight from stop to stop; walk = k is stop k
            s = walk.get_value()
            k = min(int(s), len(stops) - 2)
            return stops[k] + (s - k) * (stops[k + 1] - stops[k])
        def arrow_to_point():
            return Arrow(plane.c2p(0, 0), plane.c2p(*point()), buff=0, color=X_COLOR,
                         stroke_width=5, max_tip_length_to_length_ratio=0.2)

        arrow = arrow_to_point()
        arrow.add_updater(lambda m: m.become(arrow_to_point()))
        self.input_column = column(point(), places=2, font_size=BODY, color=X_COLOR)
        self.input_column.get_brackets().set_color(X_COLOR)  # like v's: a vector, in the input colour
        self.input_column.next_to(plane, RIGHT, buff=0.3)
        camera = self.renderer.camera

        def follow(column):
            for entry, value in zip(column.get_entries(), point()):
                entry.set_value(value)
            camera.add_fixed_in_frame_mobjects(column)  # set_value makes new glyphs: fix them too

        self.input_column.add_updater(follow)
        names = VGroup(plain_tex("x_1", font_size=BODY, color=MUTED),
                       plain_tex("x_2", font_size=BODY, color=MUTED))
        names[0].next_to(plane.x_axis.get_end(), DOWN, buff=0.1)
        names[1].next_to(plane.y_axis.get_end(), LEFT, buff=0.1)
        self.inset = VGroup(plane, dots, names)
        self.inset.plane, self.inset.arrow = plane, arrow
        fix_in_frame(self, self.inset)
        self.add_fixed_in_frame_mobjects(arrow, self.input_column)  # live: not faded, just there
        gone = VGroup(self.general, self.member, self.literal)
        beat(self, FadeOut(gone, rate_func=lambda t: smooth(min(1.0, 8 * t))),
             Create(plane, rate_func=after_fade), FadeIn(names, rate_func=after_fade),
             LaggedStart(*[FadeIn(d, scale=0.5) for d in dots], rate_func=after_fade),
             walk.animate(rate_func=late).set_value(len(stops) - 1), suspend_mobject_updating=False,
             subcaption="The network's inputs are vectors too: each point of the plane is a "
                        "column of two numbers, x₁ and x₂.", hold=1.0)
        arrow.clear_updaters()
        self.input_column.clear_updaters()


def early(t):
    """A rate that finishes in the first quarter of a beat (what the words name comes first)."""
    return smooth(min(1.0, 4 * t))


def after_fade(t):
    """A rate for what replaces things faded out in a beat's first eighth: it follows them."""
    return smooth(min(1.0, max(0.0, (t - 0.125) / 0.125)))


def late(t):
    """A rate that starts once `early` has finished and fills the rest of the beat."""
    return smooth(max(0.0, (t - 0.25) / 0.75))
