"""The final linear classifier: W2's plane in hidden space (SeparatingPlane), and what it
becomes back in the input plane (DecisionRegions), with one heatmap per hidden unit."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Create,
    DecimalNumber,
    DashedLine,
    FadeIn,
    Group,
    Integer,
    Scene,
    ThreeDScene,
    VGroup,
    Write,
)

from scenes import style
from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.style import EDGE_BUFF, FOREGROUND, LABEL, MUTED, W2_COLOR, X_COLOR, Z_COLOR
from scenes.widgets import hidden_view as hv
from scenes.widgets.heatmap import grid_image, magnitude_rgb, probability_rgb
from scenes.widgets.input_plane import boundary_curve, data_dots, input_axes
from scenes.widgets.text import note, tex, title
from scenes.widgets.three_d import START_VIEW, fix_in_frame
from toynet_core import geometry


class SeparatingPlane(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.W2 = self.run.W2[-1]
        self.show_features()
        self.show_plane()
        self.count_sides()
        self.turn_around()

    # -- beats ---------------------------------------------------------------------------
    def show_features(self):
        self.extent = geometry.hidden_extent(self.run)
        self.axes = hv.hidden_axes(self.extent, side=5.2)
        H = self.run.hidden_post[-1]
        # Centre the cloud (not the box) on screen, so the camera turns about the data.
        self.axes.shift(-self.axes.c2p(*(H.min(0) + H.max(0)) / 2))
        self.set_camera_orientation(phi=START_VIEW[0], theta=START_VIEW[1], zoom=1.3)
        self.labels = hv.hidden_axis_labels(self.axes)
        hv.pin_to_points(self, self.labels)
        self.remove(*self.labels)
        self.title = title("A plane that separates", corner=True)
        fix_in_frame(self, self.title)
        # Brightness from the signed distance: points deep on their side glow, near ones fade.
        self.distance = geometry.signed_distances(self.W2, H)
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, H, self.run.y))
        reach = np.percentile(np.abs(self.distance), 90)
        for dot, d in zip(self.cloud, self.distance):
            dot.set_fill(opacity=0.35 + 0.65 * min(abs(d) / reach, 1.0))
        beat(self, FadeIn(self.title), FadeIn(self.axes), FadeIn(self.labels), FadeIn(self.cloud),
                   run_time=2,
                   subcaption="The points after ReLU, in hidden space; the brighter a point, "
                              "the farther it sits from the plane to come.")

    def show_plane(self):
        self.equation = tex(r"W^{(2)} \begin{bmatrix} h \\ 1 \end{bmatrix} = 0",
                                font_size=style.HEADING)
        self.equation.next_to(self.title, DOWN, buff=0.3).align_to(self.title, LEFT)
        fix_in_frame(self, self.equation)
        self.plane = hv.separating_plane(self.axes, self.W2, self.extent, opacity=0.25)
        self.add(self.plane, self.cloud)  # dots drawn over the plane
        beat(self, FadeIn(self.plane), Write(self.equation), run_time=2,
                   subcaption="The second layer is a plane: where W2 times h, plus its last "
                              "weight, is zero.")

    def count_sides(self):
        """How many points of each class lie on each side, counted here from the run."""
        side = self.distance > 0
        y = self.run.y == 1
        self.counts = np.array([[np.sum(~side & ~y), np.sum(~side & y)],
                                [np.sum(side & ~y), np.sum(side & y)]])
        cells = VGroup()
        for k, name in enumerate(("below the plane", "above the plane")):
            cells.add(note(name, color=FOREGROUND))
            for c in (0, 1):
                cells.add(Integer(int(self.counts[k, c]), font_size=style.BODY,
                                  color=style.class_color(c)))
        grid = cells.arrange_in_grid(rows=2, cols=3, col_alignments="lrr", buff=(0.5, 0.2))
        grid.to_corner(UR, buff=EDGE_BUFF).shift(DOWN * 0.6)
        self.table = grid
        fix_in_frame(self, grid)
        wrong = int(self.counts[0, 1] + self.counts[1, 0])
        beat(self, FadeIn(grid), run_time=1.5,
                   subcaption=f"Count them: the positive side is where the net answers blue, and only "
                              f"{wrong} of {self.run.n_samples} points sit on the wrong side.")

    def turn_around(self):
        n = self.plane.normal
        current = hv.camera_direction(*START_VIEW)
        phi, theta = hv.view_angles(current - (current @ n) * n)
        beat(self, camera=dict(phi=phi, theta=theta, zoom=1.5), run_time=3,
             subcaption="Turned edge on, the plane is a line with orange on one "
                        "side and blue on the other.")
        self.wait(1.5)


class DecisionRegions(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.show_regions()
        self.show_boundary()
        self.show_units()
        self.show_creases()
        self.combine()

    # -- beats ---------------------------------------------------------------------------
    def show_regions(self):
        run = self.run
        self.extent = tuple(run.grid_extent)
        self.title = title("Back in the input plane", corner=True)
        self.axes = input_axes(self.extent, side=5.6).to_edge(LEFT, buff=0.9).shift(DOWN * 0.45)
        self.heatmap = grid_image(probability_rgb(run.grid_yhat[-1]), self.axes, self.extent)
        self.dots = data_dots(self.axes, run.X, run.y)
        x1, x2 = (tex(n, font_size=LABEL, colored=False) for n in ("x_1", "x_2"))
        names = VGroup(x1.next_to(self.axes.x_axis, RIGHT, buff=0.15),
                       x2.next_to(self.axes.y_axis, UP, buff=0.1))
        self.add(self.heatmap)
        self.remove(self.heatmap)
        beat(self, FadeIn(self.title), FadeIn(self.heatmap), Create(self.axes), FadeIn(names),
                   FadeIn(self.dots), run_time=2,
                   subcaption="Pulled back to the input plane, the net's output is a map: "
                              "orange where it says 0, blue where it says 1.")

    def show_boundary(self):
        run = self.run
        self.boundary = boundary_curve(self.axes, run.grid_yhat[-1], run.grid_x1, run.grid_x2)
        key = tex(r"\hat{y} = \tfrac{1}{2}", font_size=style.BODY)
        key.next_to(self.axes, UP, buff=0.15).align_to(self.axes, RIGHT)
        beat(self, Create(self.boundary), FadeIn(key), run_time=2,
                   subcaption="Where the output is exactly one half runs the boundary; "
                              "the flat plane has become a bent line.")

    def show_units(self):
        run = self.run
        values = run.grid_hidden[-1]
        self.unit_scale = float(values.max())  # one scale for the three, so they compare
        self.thumbs, self.thumb_axes, self.unit_images = Group(), [], []
        for u in range(3):
            axes = input_axes(self.extent, side=1.95, numbers=False)
            image = grid_image(magnitude_rgb(values[u], self.unit_scale, X_COLOR), axes,
                               self.extent)
            label = tex(f"h_{u + 1}", font_size=style.BODY, color=X_COLOR)
            label.next_to(axes, LEFT, buff=0.2)
            self.thumbs.add(Group(image, axes, label))
            self.thumb_axes.append(axes)
            self.unit_images.append(image)
        self.thumbs.arrange(DOWN, buff=0.22).to_edge(RIGHT, buff=1.6).shift(DOWN * 0.15)
        caption = note("each unit after ReLU", font_size=LABEL, color=MUTED)
        caption.next_to(self.thumbs, UP, buff=0.2)
        beat(self, FadeIn(self.thumbs), FadeIn(caption), run_time=2,
                   subcaption="Each hidden unit has its own map: dark where ReLU cut it to zero, "
                              "brighter as it grows.")

    def show_creases(self):
        """Each unit's crease (where it turns on), on its thumbnail and on the main map."""
        segments = geometry.crease_segments(self.run.W1[-1], self.extent)
        on_main, on_thumbs = VGroup(), VGroup()
        for u, seg in enumerate(segments):
            if seg is None:
                continue
            on_thumbs.add(DashedLine(self.thumb_axes[u].c2p(*seg[0]),
                                     self.thumb_axes[u].c2p(*seg[1]), color=Z_COLOR,
                                     stroke_width=2))
            on_main.add(DashedLine(self.axes.c2p(*seg[0]), self.axes.c2p(*seg[1]),
                                   color=Z_COLOR, stroke_width=2.5))
        self.crease_lines = on_main
        beat(self, Create(on_thumbs), run_time=1.2,
                   subcaption="Each unit switches on along one straight crease.")
        beat(self, Create(on_main), run_time=2,
                   subcaption="Laid over the output map, the three creases mark where the "
                              "boundary bends: it is straight between them.")

    def combine(self):
        """The output weighs the three maps by W2 and adds W2's last entry (the run's values)."""
        w = self.run.W2[-1][0]
        self.weights = VGroup()
        for u, thumb in enumerate(self.thumbs):
            times = tex(r"\times", font_size=style.BODY, color=W2_COLOR)
            number = DecimalNumber(w[u], num_decimal_places=2, include_sign=True,
                                   font_size=style.BODY, color=W2_COLOR)
            self.weights.add(VGroup(times, number).arrange(RIGHT, buff=0.1)
                             .next_to(thumb, RIGHT, buff=0.2))
        offset = VGroup(note("plus", font_size=LABEL, color=MUTED),
                        DecimalNumber(w[3], num_decimal_places=2, include_sign=True,
                                      font_size=style.BODY, color=W2_COLOR))
        offset.arrange(RIGHT, buff=0.15).next_to(self.thumbs, DOWN, buff=0.15)
        self.offset = offset
        beat(self, FadeIn(self.weights), FadeIn(offset), run_time=1.5,
             subcaption="The output adds the three maps, weighted by W2, plus its constant; "
                        "the boundary is where that sum is zero.")
        self.wait(1.5)
