"""The opening: the problem (four points that no straight line parts), the network built node
by node, the run's boundary forming while its accuracy counts up, and the road map: which
tools of the toolkit each later chapter needs.

Everything about the run is read from scenes.run_data, and every sentence about it is chosen
by facts computed on it (run_words.py), so the opening stays true for any run.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    DecimalNumber,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Group,
    LaggedStart,
    Line,
    RoundedRectangle,
    Scene,
    ShowPassingFlash,
    Transform,
    ReplacementTransform,
    TransformFromCopy,
    ValueTracker,
    VGroup,
    Text,
    VMobject,
    Write,
)

from scenes.ch0_introduction.run_words import result_sentence, run_facts, verdict_sentence
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    BODY,
    EMPHASIS,
    ERROR,
    FONT,
    NEGATIVE,
    POSITIVE,
    FOREGROUND,
    LABEL,
    MUTED,
    SMALL,
    X_COLOR,
    YHAT_COLOR,
)
from scenes.widgets.diagram import NetworkDiagram
from scenes.widgets.heatmap import grid_image, probability_rgb
from scenes.widgets.input_plane import axis_labels, centre_dots, data_dots, input_axes
from scenes.widgets.text import note, plain_tex, title
from toynet_core.boundary import boundary_lines
from toynet_core.data import XOR_CENTRES, XOR_LABELS
from toynet_core.straight_cut import cut_in_box, wrong_side

# The road map: the toolkit's tools, and the ones each later chapter needs.
TOOLS = ("vectors", "functions", "matrices", "dimension", "Jacobians", "chain rule", "gradients")
NEEDS = {"network": ("vectors", "matrices", "dimension"),
         "training": ("Jacobians", "chain rule", "gradients")}

SQUARE_CENTRE = np.array([0.5, 0.5])


def sweep_cut(t):
    """(normal, offset) of the trial cut at time t in [0, 1]: it turns half a circle about the
    square's centre while sliding across it, so it tries every direction at several offsets."""
    angle = np.radians(25) + np.pi * t
    normal = np.array([np.cos(angle), np.sin(angle)])
    slide = 0.45 * np.sin(3 * np.pi * t)
    return normal, -float(normal @ SQUARE_CENTRE) - slide


class Overview(Scene):
    def construct(self):
        self.run = load_scene_run()
        self.facts = run_facts(self.run)
        self.extent = tuple(float(v) for v in self.run.grid_extent)
        self.pose_the_problem()
        self.try_straight_cuts()
        self.spread_the_data()
        self.build_inputs()
        self.build_hidden_layer()
        self.build_output()
        self.train()
        self.check_the_corners()
        self.show_road_map()
        self.send_tools_to_the_network()
        self.send_tools_to_training()

    # -- the problem ---------------------------------------------------------------------------
    def pose_the_problem(self):
        """Four corners, coloured by XOR."""
        self.title = title("A toy neural net learns XOR")
        self.axes = input_axes(self.extent, side=4.7, numbers=False).move_to(DOWN * 0.25)
        self.labels = axis_labels(self.axes, values=(0, 1), names=("x_1", "x_2"), font_size=LABEL)
        names = self.labels[1:].set_color(X_COLOR)
        names[0].next_to(self.axes.x_axis.get_end(), RIGHT, buff=0.15)  # at the ends of the axes
        names[1].next_to(self.axes.y_axis.get_end(), RIGHT, buff=0.15).align_to(self.axes, UP)
        self.corners = centre_dots(self.axes, XOR_CENTRES, XOR_LABELS, radius=0.13)
        self.corners.set_z_index(3)
        # the video opens on the plane and its four corners, still uncoloured; the beat colours them
        blank = self.corners.copy().set_fill(FOREGROUND)
        self.add(self.axes, blank)
        beat(self, Write(self.title), FadeIn(self.labels),
             LaggedStart(*[ReplacementTransform(b, c) for b, c in zip(blank, self.corners)], lag_ratio=0.5),
             subcaption="Four corners of a square: orange where the two coordinates agree, blue "
                        "where they differ. This pattern is called XOR.")

    def try_straight_cuts(self):
        """A straight line sweeps the square; the corners it gets wrong are ringed, always."""
        t = ValueTracker(0.0)
        self.cut = Line(self.axes.c2p(0, 0), self.axes.c2p(1, 1), color=FOREGROUND, stroke_width=4)
        self.rings = VGroup(*[Circle(radius=0.24, color=ERROR, stroke_width=5).move_to(c)
                              for c in self.corners])

        def place_cut(line):
            a, b = cut_in_box(*sweep_cut(t.get_value()), self.extent)
            line.put_start_and_end_on(self.axes.c2p(*a), self.axes.c2p(*b))

        def mark(rings):
            wrong = wrong_side(XOR_CENTRES, XOR_LABELS, *sweep_cut(t.get_value()))
            for ring, bad in zip(rings, wrong):
                ring.set_stroke(opacity=1.0 if bad else 0.0)

        place_cut(self.cut)
        mark(self.rings)
        self.cut.add_updater(place_cut)
        self.rings.add_updater(mark)
        beat(self, FadeIn(self.cut), FadeIn(self.rings), t.animate.set_value(1.0), run_time=6,
             suspend_mobject_updating=False,
             subcaption="Try to part the colours with one straight line: wherever it goes, "
                        "some corner is left on the wrong side.")
        self.cut.clear_updaters()
        self.rings.clear_updaters()
        self.swept = wrong_side(XOR_CENTRES, XOR_LABELS, *sweep_cut(t.get_value()))

    def spread_the_data(self):
        """The samples fly out of their corners to where the noise put them."""
        run = self.run
        self.dots = data_dots(self.axes, run.X, run.y, radius=0.03)
        per_corner = len(run.X) // len(XOR_CENTRES)  # the run stores them corner by corner
        starts = [self.axes.c2p(*XOR_CENTRES[i // per_corner]) for i in range(len(run.X))]
        flights = []
        for dot, start in zip(self.dots, starts):
            end = dot.get_center()
            dot.move_to(start)
            flights.append(dot.animate.move_to(end))
        self.add(self.dots)
        beat(self, FadeOut(self.cut), FadeOut(self.rings),
             LaggedStart(*flights, lag_ratio=0.01),
             subcaption=f"The network learns from {run.n_samples} noisy copies of the corners, "
                        "scattered around them and keeping their colours.")

    # -- the network, node by node --------------------------------------------------------------
    def build_inputs(self):
        run = self.run
        self.diagram = NetworkDiagram(run.W1[0], run.W2[0], width=5.2, height=3.8)
        self.diagram.move_to(RIGHT * 3.35 + DOWN * 0.25)
        for node in [*self.diagram.input_nodes, *self.diagram.hidden_nodes, self.diagram.output_node]:
            node.set_z_index(2)  # nodes over the ends of their edges
        self.diagram.node_labels.set_z_index(3)  # and labels over their nodes' filled discs
        self.plane = VGroup(self.axes, self.labels, self.dots, self.corners)
        inputs = self.diagram.input_nodes
        names = self.labels[1:]
        beat(self, self.plane.animate.scale(0.9).move_to(LEFT * 3.55 + DOWN * 0.35),
             *[FadeIn(node[0]) for node in inputs],
             TransformFromCopy(names[0], inputs[0][1]), TransformFromCopy(names[1], inputs[1][1]),
             FadeIn(inputs[2][1:]),
             subcaption="Into the network go a point's two coordinates, x₁ and x₂, "
                        "and a constant 1, which lets its lines miss the origin.")

    def build_hidden_layer(self):
        d = self.diagram
        edges = [e for row in d.w1_edges for e in row]
        # what an edge's colour and width mean, under the diagram, as the first edges appear
        self.edge_legend = Text("blue +, orange −, thicker = larger", font=FONT, font_size=LABEL,
                                color=MUTED, t2c={"blue +": POSITIVE, "orange −": NEGATIVE})
        self.edge_legend.next_to(self.diagram, DOWN, buff=0.2).set_x(self.diagram.get_x())
        self.edge_legend.shift(LEFT * max(0.0, self.edge_legend.get_right()[0] - 6.8))  # inside the frame
        beat(self, LaggedStart(*[Create(e) for e in edges], lag_ratio=0.15),
             LaggedStart(*[GrowFromCenter(n) for n in d.hidden_nodes], lag_ratio=0.3),
             self.pulses(edges), FadeIn(self.edge_legend, rate_func=lambda t: min(1.0, 3 * t)),
             subcaption="Three hidden units each weigh and add up the inputs; ReLU then keeps a positive "
                        "sum and makes a negative one 0.")

    def build_output(self):
        d = self.diagram
        self.y_hat = plain_tex(r"\hat{y}", font_size=LABEL, color=YHAT_COLOR)
        self.y_hat.next_to(d.output_node, DOWN, buff=0.15)
        beat(self, LaggedStart(*[Create(e) for e in d.w2_edges], lag_ratio=0.2),
             GrowFromCenter(d.output_node), FadeIn(self.y_hat, shift=DOWN * 0.2),
             self.pulses(d.w2_edges),
             subcaption="One output unit weighs those three and a constant 1, then its σ, the sigmoid, "
                        "squashes the total between 0 and 1: ŷ, how sure it is of blue.",
             spoken="One output unit weighs those three and a constant 1, then its sigma, the sigmoid, "
                    "squashes the total between 0 and 1: y hat, how sure it is of blue.")
        # the parts were added one by one; from now on the diagram is one mobject
        self.remove(*d.family_members_with_points())
        self.add(d)

    def pulses(self, edges):
        """Bright flashes running along the edges, one after another: what goes in flows on."""
        return LaggedStart(*[ShowPassingFlash(e.copy().set_stroke(EMPHASIS, width=5), time_width=0.4)
                             for e in edges], lag_ratio=0.6)

    # -- training: the boundary forms and the accuracy counts up --------------------------------
    def train(self):
        run = self.run
        last = run.n_snapshots - 1
        self.k = ValueTracker(0)
        self.reveal = ValueTracker(0.0)  # fades the run's views in as training starts
        self.heat = grid_image(probability_rgb(run.grid_yhat[0]), self.axes, self.extent)
        self._images, self._curves = {}, {}
        self.boundary = self.boundary_at(0).copy()
        self.counters = self.make_counters()
        self.show_snapshot(0)

        self.heat.add_updater(lambda m: self.show_snapshot(self.snapshot()))
        self.boundary.add_updater(lambda m: m.become(self.boundary_at(self.snapshot()))
                                  .set_stroke(opacity=self.reveal.get_value()))
        self.diagram.add_updater(lambda m: m.set_weights(run.W1[self.snapshot()], run.W2[self.snapshot()]))
        for number, values in ((self.step_number, run.steps), (self.accuracy_number, 100 * run.accuracy)):
            number.add_updater(lambda m, v=values: self.count(m, v))
        self.add(self.heat, self.boundary, self.counters)
        self.bring_to_front(self.axes, self.labels, self.dots, self.corners)
        middle = last // 2
        # one weight per edge, counted on screen: 3 × 3 into the hidden units, 4 into the output
        n1, n2 = run.W1[0].size, run.W2[0].size
        self.weight_count = (n1, n2)
        count = note(f"one weight per edge: {n1} + {n2} = {n1 + n2}", font_size=LABEL, color=FOREGROUND)
        count.next_to(self.diagram, UP, buff=0.3).set_x(self.diagram.get_x())  # clear of the subtitle band
        self.count_line = count
        w1 = VGroup(*[e for row in self.diagram.w1_edges for e in row])
        beat(self, self.reveal.animate(rate_func=lambda t: min(1.0, 4 * t)).set_value(1.0),
             self.k.animate.set_value(middle),
             during(Write(count), 0.0, 0.25),
             during(self.pulses(list(w1)), 0.03, 0.2), during(self.pulses(list(self.diagram.w2_edges)), 0.15, 0.3),
             run_time=6,
             subcaption=f"Training nudges its {n1 + n2} weights one "
                        "data point at a time; the background shows its answer at every point.")
        beat(self, self.k.animate.set_value(last), run_time=6,
             subcaption=result_sentence(self.facts))
        for mob in (self.heat, self.boundary, self.diagram, self.step_number, self.accuracy_number):
            mob.clear_updaters()

    def make_counters(self):
        """'step 10,000   on their colour 99.5%': numbers left-aligned in slots wide enough for
        their largest value, so nothing shifts while they count."""
        run = self.run
        step_label = note("step", font_size=LABEL)
        self.step_number = DecimalNumber(run.steps[0], num_decimal_places=0, font_size=BODY,
                                         color=FOREGROUND)
        widest = DecimalNumber(run.steps.max(), num_decimal_places=0, font_size=BODY)
        right_label = note("on their colour", font_size=LABEL)
        self.accuracy_number = DecimalNumber(100 * run.accuracy[0], num_decimal_places=1,
                                             unit=r"\%", font_size=BODY, color=FOREGROUND)
        self.step_number.next_to(step_label, RIGHT, buff=0.15)
        right_label.next_to(step_label, RIGHT, buff=0.15 + widest.width + 0.6)
        self.accuracy_number.next_to(right_label, RIGHT, buff=0.15)
        counters = VGroup(step_label, self.step_number, right_label, self.accuracy_number)
        counters.next_to(self.axes, UP, buff=0.4).set_x(self.axes.get_x())
        counters.set_opacity(0)
        return counters

    def count(self, number, values):
        left = number.get_left()
        number.set_value(values[self.snapshot()])
        number.move_to(left, aligned_edge=LEFT)
        self.counters.set_opacity(self.reveal.get_value())

    def snapshot(self):
        return int(round(self.k.get_value()))

    def show_snapshot(self, k):
        """The stored ŷ grid of snapshot k, in the image already on screen."""
        if k not in self._images:
            rgb = probability_rgb(self.run.grid_yhat[k])
            rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])[::-1]
            self._images[k] = np.ascontiguousarray(rgba)
        self.heat.pixel_array = self._images[k].copy()
        self.heat.pixel_array[..., 3] = round(255 * self.reveal.get_value())
        self.heat.snapshot = k

    def boundary_at(self, k):
        """The exact boundary ŷ = 1/2 of snapshot k (toynet_core.boundary), one polyline each."""
        if k not in self._curves:
            curve = VMobject(stroke_color=EMPHASIS, stroke_width=3)
            for line in boundary_lines(self.run.W1[k], self.run.W2[k], self.extent):
                curve.start_new_path(self.axes.c2p(*line[0]))
                for p in line[1:]:
                    curve.add_line_to(self.axes.c2p(*p))
            curve.lines = boundary_lines(self.run.W1[k], self.run.W2[k], self.extent)
            self._curves[k] = curve
        return self._curves[k]

    def check_the_corners(self):
        """Each corner gets a white ring if the final net puts it on its colour, a red one if not."""
        self.verdict_rings = VGroup(*[
            Circle(radius=0.22, color=EMPHASIS if ok else ERROR, stroke_width=5).move_to(c)
            for c, ok in zip(self.corners, self.facts.corners_right)])
        beat(self, LaggedStart(*[Create(r) for r in self.verdict_rings], lag_ratio=0.4),
             subcaption=verdict_sentence(self.facts), hold=0.5)

    # -- the road map -----------------------------------------------------------------------------
    def show_road_map(self):
        """Three cards; the network and the trained plane shrink into the last two."""
        names = ("1  The toolkit", "2  The network", "3  Training")
        self.cards = VGroup(*[
            VGroup(RoundedRectangle(width=4.2, height=5.1, corner_radius=0.15, color=MUTED,
                                    stroke_width=2),
                   note(name, font_size=LABEL, color=FOREGROUND))
            for name in names]).arrange(RIGHT, buff=0.3).move_to(DOWN * 0.2)
        for box, name in self.cards:
            name.next_to(box.get_top(), DOWN, buff=0.2)
        self.chips = {tool: self.chip(tool) for tool in TOOLS}
        toolbox = VGroup(*self.chips.values())
        toolbox.arrange_in_grid(rows=4, cols=2, buff=(0.2, 0.25), flow_order="dr")
        toolbox.move_to(self.cards[0][0]).shift(DOWN * 0.3)

        network = self.diagram.copy()  # the thumbnail: the same diagram, without its small labels
        network.scale_to_fit_width(3.4).next_to(self.cards[1][1], DOWN, buff=0.3)
        network.node_labels.set_opacity(0)
        plane = Group(self.heat, self.axes, self.dots, self.corners, self.boundary, self.verdict_rings)
        small = VGroup(self.labels, self.counters, self.y_hat, self.edge_legend, self.count_line)
        beat(self, LaggedStart(*[Create(c[0]) for c in self.cards], lag_ratio=0.2),
             LaggedStart(*[FadeIn(c[1]) for c in self.cards], lag_ratio=0.2),
             FadeOut(small),
             Transform(self.diagram, network),
             plane.animate.scale_to_fit_height(2.3).next_to(self.cards[2][1], DOWN, buff=0.25),
             LaggedStart(*[FadeIn(c, shift=UP * 0.1) for c in toolbox], lag_ratio=0.15),
             subcaption="The video has three chapters: a toolkit of mathematics first, "
                        "then the network piece by piece, then its training.")
        self.thumbnails = {"network": self.diagram, "training": plane}

    def chip(self, tool):
        label = note(tool, font_size=SMALL, color=FOREGROUND)
        frame = RoundedRectangle(width=label.width + 0.35, height=label.height + 0.3,
                                 corner_radius=0.12, color=MUTED, stroke_width=1.5)
        return VGroup(frame, label.move_to(frame))

    def fly_tools(self, chapter, card, arc):
        """Copies of the chips a chapter needs fly from the toolbox into its card, along arcs
        that bend upward, over the cards' pictures rather than through other chips. (`arc` is
        in radians; TransformFromCopy runs its path backwards, so a positive arc bends up.)"""
        chips = [self.chips[t] for t in NEEDS[chapter]]
        landed = VGroup(*[c.copy() for c in chips])
        rows = VGroup(VGroup(*landed[:2]).arrange(RIGHT, buff=0.2), VGroup(*landed[2:]))
        rows.arrange(DOWN, buff=0.15)
        rows.next_to(self.thumbnails[chapter], DOWN, buff=0.3).set_x(card.get_x())
        return [TransformFromCopy(c, target, path_arc=arc) for c, target in zip(chips, landed)], landed

    def send_tools_to_the_network(self):
        flights, self.network_tools = self.fly_tools("network", self.cards[1], arc=0.8)
        beat(self, LaggedStart(*flights, lag_ratio=0.35),
             subcaption="The network chapter needs vectors and matrices, and what a matrix does to "
                        "the dimension of its inputs.")

    def send_tools_to_training(self):
        flights, self.training_tools = self.fly_tools("training", self.cards[2], arc=1.9)
        beat(self, LaggedStart(*flights, lag_ratio=0.35),
             subcaption="The toolkit's last tools, Jacobians, the chain rule and gradients, serve training: "
                        "they say which way to nudge each weight.", hold=1.0)
