"""A vector's two faces: a column of numbers, and a point in space reached axis by axis."""

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    SurroundingRectangle,
    ThreeDAxes,
    ThreeDScene,
    VGroup,
    Write,
)

from scenes.widgets.matrices import int_matrix
from scenes.pacing import beat
from scenes.style import BODY, EDGE_BUFF, FOREGROUND, HEADING, LABEL, MUTED, X_COLOR
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.text import note, plain_tex, title

# The post's example vector (an input, not a result).
V = np.array([4, 1, 2])
AXIS_NAMES = ("x", "y", "z")


class VectorTwoFaces(ThreeDScene):
    def construct(self):
        self.set_camera_orientation(phi=68 * DEGREES, theta=-50 * DEGREES, zoom=0.9)
        self.show_column()
        self.show_axes()
        self.walk_axes()
        self.place_arrow()
        self.generalise()

    # -- beats -------------------------------------------------------------------------
    def show_column(self):
        self.title = title("A vector has two faces")
        self.column = int_matrix(V, font_size=HEADING, color=X_COLOR)
        lhs = plain_tex(r"\vec v =", color=X_COLOR)
        self.equation = VGroup(lhs, self.column).arrange(RIGHT, buff=0.2)
        self.equation.to_corner(UL, buff=EDGE_BUFF).shift(DOWN * 0.9)
        self.literal = note("a list of numbers").next_to(self.equation, DOWN, buff=0.3)
        self.literal.align_to(self.equation, LEFT)
        fix_in_frame(self, self.title, self.equation, self.literal)
        beat(self, Write(self.title), Write(self.equation), FadeIn(self.literal),
                  subcaption=f"Face one: a vector is just a column of numbers, here {V[0]}, {V[1]} and {V[2]}.")

    def show_axes(self):
        self.axes = ThreeDAxes(x_range=[-1, 5, 1], y_range=[-1, 3, 1], z_range=[-1, 3, 1],
                               x_length=6, y_length=4, z_length=4,
                               axis_config={"color": MUTED, "include_tip": False})
        self.axes.shift(RIGHT * 2.4 + DOWN * 0.2)
        self.geometric = note("an arrow in space").to_corner(UR, buff=EDGE_BUFF).shift(DOWN * 0.9)
        ends = ([5.3, 0, 0], [0, 3.3, 0], [0, 0, 3.3])
        self.axis_labels = VGroup(*[self.pin(plain_tex(n, font_size=LABEL, color=MUTED), self.axes.c2p(*e))
                                    for n, e in zip(AXIS_NAMES, ends)])
        fix_in_frame(self, self.geometric)
        beat(self, Create(self.axes), FadeIn(self.geometric), FadeIn(self.axis_labels),
                  subcaption="Face two: the same numbers say how far to go along each axis.")

    def walk_axes(self):
        """One leg per entry: 4 along x, then 1 along y, then 2 along z."""
        self.legs = VGroup()
        entries = self.column.get_entries()
        corner = np.zeros(3)
        for i, name in enumerate(AXIS_NAMES):
            step = np.zeros(3)
            step[i] = V[i]
            start, end = corner, corner + step
            leg = Line(self.axes.c2p(*start), self.axes.c2p(*end), color=X_COLOR, stroke_width=6)
            leg.coords = (start.copy(), end.copy())
            box = SurroundingRectangle(entries[i], color=X_COLOR, buff=0.08)
            how = note(f"{V[i]} along {name}", font_size=LABEL, color=X_COLOR)
            how.next_to(self.literal, DOWN, buff=0.35).align_to(self.literal, LEFT)
            fix_in_frame(self, box, how)
            beat(self, Create(leg), Create(box), FadeIn(how), run_time=1.2,
                      subcaption=f"Entry {i + 1} is {V[i]}: walk {V[i]} along the {name}-axis.")
            self.legs.add(leg)
            self.play(FadeOut(box), FadeOut(how), leg.animate.set_color(MUTED).set_stroke(width=3),
                      run_time=0.5)
            corner = end
        self.leg_end = corner

    def place_arrow(self):
        tip = self.axes.c2p(*V)
        self.arrow = Line(self.axes.c2p(0, 0, 0), tip, color=X_COLOR, stroke_width=6)
        self.dot = Dot(tip, color=X_COLOR, radius=0.09)
        self.guides = VGroup(DashedLine(self.axes.c2p(V[0], V[1], 0), self.axes.c2p(0, V[1], 0),
                                        color=MUTED, stroke_width=2),
                             DashedLine(self.axes.c2p(V[0], V[1], 0), self.axes.c2p(V[0], 0, 0),
                                        color=MUTED, stroke_width=2))
        coords = plain_tex("(" + r",\ ".join(str(v) for v in V) + ")", font_size=LABEL, color=X_COLOR)
        self.tip_label = self.pin(coords, tip, UP * 0.3)
        beat(self, Create(self.arrow), FadeIn(self.dot), Create(self.guides), FadeIn(self.tip_label),
                  subcaption=f"Where the walk ends, the vector puts its point: the arrow to {tuple(int(v) for v in V)}.")
        self.begin_ambient_camera_rotation(rate=0.12)
        beat(self, Indicate(self.column, color=X_COLOR), run_time=2.5,
                  subcaption="Column and arrow are one object seen two ways.")
        self.stop_ambient_camera_rotation()

    def generalise(self):
        member = plain_tex(r"\vec v \in \R^{%d}" % len(V), color=X_COLOR)
        general = plain_tex(r"\vec x = \begin{bmatrix} x_1 \\ x_2 \\ \vdots \\ x_n \end{bmatrix} \in \R^n",
                      font_size=BODY, color=FOREGROUND)
        member.next_to(self.literal, DOWN, buff=0.4).align_to(self.literal, LEFT)
        general.next_to(member, DOWN, buff=0.35).align_to(member, LEFT)
        self.membership = VGroup(member, general)
        fix_in_frame(self, member)
        beat(self, Write(member),
                  subcaption="Three numbers, three axes: we say v lives in R three.")
        fix_in_frame(self, general)
        beat(self, Write(general),
                  subcaption="Any list of n numbers is a vector of R n, even when n axes are too many to draw.")
        self.wait(1)

    def pin(self, label, point, offset=np.zeros(3)):
        """A fixed-in-frame label that follows a 3-D point as the camera turns."""
        camera = self.renderer.camera

        def follow(mob):
            mob.move_to(camera.project_point(np.asarray(point, float)) + offset)

        follow(label)
        label.add_updater(follow)
        fix_in_frame(self, label)
        return label

