"""The opening: the problem, the network and the answer it learns, all from the run, then the
road map of the three chapters."""

from manim import DOWN, LEFT, RIGHT, UP, Create, FadeIn, FadeOut, Scene, Text, VGroup, Write

from scenes.pacing import beat
from scenes.run_data import load_scene_run
from scenes.style import EDGE_BUFF, FONT, FOREGROUND, HEADING, TITLE
from scenes.widgets.diagram import NetworkDiagram
from scenes.widgets.heatmap import grid_image, probability_rgb
from scenes.widgets.input_plane import boundary_curve, data_dots, input_axes
from scenes.widgets.text import note
from toynet_core.data import XOR_CENTRES

ROAD_MAP = ("The mathematics toolkit", "The network", "Training it")


class Overview(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.show_title()
        self.show_problem()
        self.show_network()
        self.show_answer()
        self.show_road_map()

    def show_title(self):
        self.title = Text("A toy neural net learns XOR", font=FONT, font_size=TITLE)
        beat(self, Write(self.title),
             subcaption="This is a neural network small enough to follow with pencil and paper.")
        beat(self, self.title.animate.scale(0.7).to_edge(UP, buff=EDGE_BUFF),
             subcaption="Two inputs, three hidden units and one output: every piece can be seen.")

    def show_problem(self):
        run = self.run
        self.axes = input_axes(tuple(run.grid_extent), side=4.4, numbers=False)
        self.axes.to_edge(LEFT, buff=1.0).shift(DOWN * 0.4)
        self.dots = data_dots(self.axes, run.X, run.y, radius=0.03)
        beat(self, Create(self.axes), FadeIn(self.dots, lag_ratio=0.01),
             subcaption=f"Its task: {run.n_samples} noisy points around the {len(XOR_CENTRES)} "
                        "corners of XOR, orange for 0 and blue for 1.")

    def show_network(self):
        k = self.run.n_snapshots - 1
        self.diagram = NetworkDiagram(self.run.W1[k], self.run.W2[k], width=5.5, height=3.6)
        self.diagram.to_edge(RIGHT, buff=0.8).shift(DOWN * 0.4)
        beat(self, FadeIn(self.diagram),
             subcaption="Its tool: a network whose weights we will watch being learnt, "
                        "one sample at a time.")

    def show_answer(self):
        run = self.run
        k = run.n_snapshots - 1
        heat = grid_image(probability_rgb(run.grid_yhat[k]), self.axes, run.grid_extent)
        boundary = boundary_curve(self.axes, run.grid_yhat[k], run.grid_x1, run.grid_x2)
        self.answer = VGroup(boundary)
        self.heat = heat
        self.add(heat)
        self.bring_to_front(self.axes, self.dots)
        beat(self, FadeIn(heat), Create(boundary), run_time=1.5,
             subcaption=f"After {run.steps[k]:,} training steps it bends a boundary around the "
                        f"classes: {run.accuracy[k]:.1%} of the points land on their side.")

    def show_road_map(self):
        items = VGroup(*[
            Text(f"{i}. {name}", font=FONT, font_size=HEADING, color=FOREGROUND)
            for i, name in enumerate(ROAD_MAP, start=1)
        ]).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        footer = note("every number on screen comes from a real training run")
        footer.next_to(items, DOWN, buff=0.7)
        VGroup(items, footer).move_to(DOWN * 0.3)
        beat(self, FadeOut(self.heat), FadeOut(self.answer), FadeOut(self.axes), FadeOut(self.dots),
             FadeOut(self.diagram), FadeIn(items, lag_ratio=0.3),
             subcaption="Three chapters: the mathematics we need, the network itself, and how it trains.")
        beat(self, FadeIn(footer),
             subcaption="Every number, point and boundary you will see comes from that real run.")
