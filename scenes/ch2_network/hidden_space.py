"""The lift: the trained W1 carries the inputs x̃ = (x1, x2, 1) into R³, and they stay flat.

x̃ already lives in R³, on the sheet where its third entry is 1; z1 = W1 x̃ (without its
appended 1) is a linear image of that sheet, so every point lands on one plane, spanned by
W1's first two columns through its last column. All positions come from the run; the
geometry is toynet_core.geometry's.
"""

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UR,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Line,
    Polygon,
    ThreeDScene,
    Transform,
    VGroup,
    Write,
)

from scenes import style
from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.style import EDGE_BUFF, FOREGROUND, HEADING, LABEL, MUTED, X_COLOR
from scenes.widgets import hidden_view as hv
from scenes.widgets.text import note, tex, title
from scenes.widgets.three_d import START_VIEW, fix_in_frame
from toynet_core.geometry import hidden_extent, lifted_plane, sheet_extent
from toynet_core.model import augment

def sheet(axes, M, extent, lines=4, color=X_COLOR, opacity=0.18):
    """The input square `extent` at x̃3 = 1, mapped by the 3×3 matrix M, with a coarse grid.

    Straight-line interpolation between sheet(I) and sheet(W1) is the map (1−t)I + tW1, the
    same path the dots take.
    """
    x0, x1, y0, y1 = extent
    to_scene = lambda px, py: axes.c2p(*(M @ np.array([px, py, 1.0])))  # noqa: E731
    border = Polygon(*[to_scene(px, py) for px, py in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))],
                     color=color, stroke_width=2, fill_color=color, fill_opacity=opacity)
    grid = VGroup()
    for v in np.linspace(x0, x1, lines)[1:-1]:
        grid.add(Line(to_scene(v, y0), to_scene(v, y1), color=color, stroke_width=1,
                      stroke_opacity=0.6))
    for v in np.linspace(y0, y1, lines)[1:-1]:
        grid.add(Line(to_scene(x0, v), to_scene(x1, v), color=color, stroke_width=1,
                      stroke_opacity=0.6))
    return VGroup(border, grid)


class HiddenLift(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.W1 = self.run.W1[-1]
        self.setup_space()
        self.show_inputs()
        self.lift()
        self.show_plane()
        self.turn_edge_on()
        self.turn_face_on()
        self.explain()

    # -- beats ---------------------------------------------------------------------------
    def setup_space(self):
        self.set_camera_orientation(phi=START_VIEW[0], theta=START_VIEW[1], zoom=1.9)
        self.extent = hidden_extent(self.run)
        self.axes = hv.hidden_axes(self.extent, side=5.2)
        self.labels = hv.hidden_axis_labels(self.axes)
        self.title = title("Lifting the data into 3-D", corner=True)
        fix_in_frame(self, self.title)

    def show_inputs(self):
        X_t = augment(self.run.X)
        self.grid_extent = sheet_extent(self.run.X)
        self.sheet = sheet(self.axes, np.eye(3), self.grid_extent)
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, X_t, self.run.y, radius=0.03))
        self.words = tex(r"\tilde{x} = (x_1,\ x_2,\ 1)", font_size=HEADING, color=X_COLOR,
                             colored=False)
        self.words.next_to(self.title, DOWN, buff=0.3).align_to(self.title, LEFT)
        fix_in_frame(self, self.words)
        hv.pin_to_points(self, self.labels)
        self.remove(*self.labels)
        beat(self, FadeIn(self.title), FadeIn(self.axes), FadeIn(self.labels),
                   FadeIn(self.sheet), FadeIn(self.cloud), Write(self.words), run_time=2,
                   subcaption="With its appended 1, every input is already a point in 3-D, "
                              "on the flat sheet where the third entry is 1.")

    def lift(self):
        target = tex(r"h = W^{(1)}\tilde{x}", font_size=HEADING)
        target.move_to(self.words, aligned_edge=LEFT)
        fix_in_frame(self, target)
        beat(self, Transform(self.sheet, sheet(self.axes, self.W1, self.grid_extent)),
                   Transform(self.cloud, hv.point_cloud(self.axes, self.run.hidden_pre[-1],
                                                        self.run.y, radius=0.05)),
                   FadeOut(self.words), FadeIn(target),
                   self.camera.zoom_tracker.animate.set_value(1.0), run_time=3,
                   subcaption="The trained first layer multiplies each one by W1; "
                              "the points fly to their hidden coordinates.")
        self.words = target

    def show_plane(self):
        normal, offset = lifted_plane(self.W1)
        self.lifted_plane = hv.plane_patch(self.axes, normal, offset, self.extent,
                                           color=X_COLOR, opacity=0.12, stroke=1)
        beat(self, FadeIn(self.lifted_plane), run_time=1.5,
                   subcaption="They all sit on one plane: the image of the sheet, "
                              "spanned by W1's first two columns.")

    def turn_edge_on(self):
        current = hv.camera_direction(*START_VIEW)
        n = self.lifted_plane.normal
        edge = current - (current @ n) * n  # nearest view that looks along the plane
        phi, theta = hv.view_angles(edge)
        beat(self, camera=dict(phi=phi, theta=theta, zoom=1.4), run_time=3,
             subcaption="Turn to look along the plane: the whole cloud "
                        "collapses to a line. It is flat.")
        self.edge_view = (phi, theta)
        self.show_flatness()

    def show_flatness(self):
        """Singular values of the centred cloud, computed here: the third is zero."""
        H = self.run.hidden_pre[-1]
        _, sv, self.main_axes = np.linalg.svd(H - H.mean(axis=0), full_matrices=False)
        sv = sv / np.sqrt(len(H))  # RMS spread along each principal direction
        self.spread = sv
        rows = VGroup(note("spread of the cloud", font_size=LABEL, color=MUTED))
        for i, value in enumerate(sv):
            name = note(f"direction {i + 1}:", font_size=LABEL, color=MUTED)
            number = DecimalNumber(value, num_decimal_places=2, font_size=style.BODY, color=X_COLOR)
            rows.add(VGroup(name, number).arrange(RIGHT, buff=0.2))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        rows.to_corner(UR, buff=EDGE_BUFF).shift(DOWN * 0.7)
        self.spread_rows = rows
        fix_in_frame(self, rows)
        beat(self, FadeIn(rows), run_time=1,
                   subcaption="Measured: the cloud spreads in two directions, "
                              "and not at all in the third.")

    def turn_face_on(self):
        n = self.lifted_plane.normal
        towards = hv.camera_direction(*START_VIEW)
        phi, theta = hv.view_angles(n if n @ towards > 0 else -n)
        main_axis = self.main_axes[0]  # longest spread of the cloud, shown level
        gamma = hv.level_gamma(self.axes.c2p(*main_axis) - self.axes.c2p(0, 0, 0), phi, theta)
        beat(self, FadeOut(self.spread_rows), self.lifted_plane.animate.set_fill(opacity=0.04),
             camera=dict(phi=phi, theta=theta, gamma=gamma, zoom=0.8), run_time=3,
             subcaption="Face on, it is the XOR square again, only skewed and "
                        "stretched: no straight line on the sheet splits the colours.")

    def explain(self):
        lines = VGroup(
            note("A linear map sends a plane to a plane.", color=FOREGROUND),
            note("It cannot add a dimension,", color=FOREGROUND),
            note("so the classes still cannot be split by a plane.", color=FOREGROUND),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        lines.to_corner(DL, buff=EDGE_BUFF)
        fix_in_frame(self, lines)
        beat(self, FadeIn(lines), run_time=1.5,
                   subcaption="A linear map cannot create a new dimension, so the lift alone "
                              "separates nothing: something non-linear has to come next.")
        self.wait(2)
