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
    AnimationGroup,
    Arrow,
    Circle,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Group,
    LaggedStart,
    Line,
    RoundedRectangle,
    Scene,
    Transform,
    TransformFromCopy,
    ValueTracker,
    VGroup,
    Text,
    VMobject,
    UpdateFromAlphaFunc,
    Write,
    linear,
    smooth,
)
from manim.utils.paths import path_along_arc

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
    GRAD_COLOR,
    LABEL,
    MUTED,
    SMALL,
    X_COLOR,
    YHAT_COLOR,
)
from scenes.widgets.diagram import NetworkDiagram
from scenes.widgets.heatmap import grid_image, probability_rgb
from scenes.widgets.highlight import PointAt
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


def corner_clearance(t):
    """How far the trial cut at time t stays from the nearest corner (input units)."""
    normal, offset = sweep_cut(t)
    return float(np.abs(XOR_CENTRES @ normal + offset).min())


def cut_stops(count=4, samples=101):
    """The times at which the sweeping cut rests: in each of `count` equal shares of the sweep,
    the time at which it stays farthest from every corner, so that while it rests each corner
    is plainly on one side of it."""
    return [max(np.linspace(k / count, (k + 1) / count, samples), key=corner_clearance) for k in range(count)]


def resting(stops, move=0.6):
    """A map from a beat's progress to the sweep's time: it rests at each stop in turn (one
    unit of time each) and moves smoothly between them (`move` units each)."""
    rest = 1.0
    total = len(stops) * rest + (len(stops) - 1) * move

    def t_at(alpha):
        u = alpha * total
        for i, stop in enumerate(stops):
            if u <= rest or i == len(stops) - 1:
                return stop
            u -= rest
            if u <= move:
                return stop + smooth(u / move) * (stops[i + 1] - stop)
            u -= move
        return stops[-1]

    return t_at


def _crosses(p, q):
    """True if the polylines p and q (n, 2) cross anywhere."""
    for a, b in zip(p[:-1], p[1:]):
        for c, d in zip(q[:-1], q[1:]):
            r, u, w = b - a, d - c, c - a
            den = r[0] * u[1] - r[1] * u[0]
            if abs(den) < 1e-12:
                continue
            s_, t_ = (w[0] * u[1] - w[1] * u[0]) / den, (w[0] * r[1] - w[1] * r[0]) / den
            if 0 <= s_ <= 1 and 0 <= t_ <= 1:
                return True
    return False


def uncrossed_arcs(starts, ends, arcs=np.linspace(-2.0, 2.0, 17), samples=41):
    """path_arc for each of two flights (start → end) such that their paths never cross, and,
    of those, the gentlest pair (the smallest total bend)."""
    alpha = np.linspace(0, 1, samples)

    def path(arc, a, b):
        f = path_along_arc(arc)
        return np.array([f(np.array([a]), np.array([b]), x)[0][:2] for x in alpha])

    best = None
    for a0 in arcs:
        for a1 in arcs:
            p, q = path(a0, starts[0], ends[0]), path(a1, starts[1], ends[1])
            if _crosses(p, q):
                continue
            cost = abs(a0) + abs(a1)
            if best is None or cost < best[0]:
                best = (cost, float(a0), float(a1))
    return (0.0, 0.0) if best is None else best[1:]


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
        # the corners are coloured from the first frame, since the words name their colours at
        # once; a ring then points at each pair as the words name it: orange, then blue
        self.add(self.axes, self.corners)
        pairs = [[c for c, y in zip(self.corners, XOR_LABELS) if y == k] for k in (0, 1)]
        beat(self, during(FadeIn(self.title), 0, 0.1), during(FadeIn(self.labels), 0, 0.2),
             *[during(PointAt(c, shape=Circle, buff=0.08), 0.1, 0.45) for c in pairs[0]],
             *[during(PointAt(c, shape=Circle, buff=0.08), 0.45, 0.8) for c in pairs[1]],
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
        self.cut_stops = cut_stops()
        t.set_value(self.cut_stops[0])
        place_cut(self.cut)
        mark(self.rings)
        sweep = resting(self.cut_stops)
        beat(self, FadeIn(self.cut), FadeIn(self.rings), UpdateFromAlphaFunc(t, lambda m, a: m.set_value(sweep(a))),
             run_time=6, rate_func=linear, suspend_mobject_updating=False,
             subcaption="Try to part the colours with one straight line: wherever it goes, "
                        "some corner is left on the wrong side.")
        self.cut.clear_updaters()
        self.rings.clear_updaters()
        self.cut_time = t.get_value()
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
        # the trial cut and its rings leave at once, before the samples fly out
        beat(self, during(FadeOut(self.cut), 0, 0.15), during(FadeOut(self.rings), 0, 0.15),
             during(LaggedStart(*flights, lag_ratio=0.01), 0.1, 0.55),
             subcaption=f"The network learns from {run.n_samples} noisy copies of the corners, "
                        "scattered around them and keeping their colours.")

    # -- the network, node by node --------------------------------------------------------------
    def build_inputs(self):
        run = self.run
        self.diagram = NetworkDiagram(run.W1[0], run.W2[0], width=5.2, height=3.8)
        self.diagram.move_to(RIGHT * 3.35 + UP * 0.25)  # room below for the three-line colour key
        for node in [*self.diagram.input_nodes, *self.diagram.hidden_nodes, self.diagram.output_node]:
            node.set_z_index(2)  # nodes over the ends of their edges
        self.diagram.node_labels.set_z_index(3)  # and labels over their nodes' filled discs
        self.plane = VGroup(self.axes, self.labels, self.dots, self.corners)
        inputs = self.diagram.input_nodes
        names = self.labels[1:]
        # x₁ waits at the right of the plane and x₂ at its top, but x₁'s node is above x₂'s:
        # each name flies along an arc chosen so that the two paths never cross
        starts = [n.get_center() for n in names]
        ends = [inputs[j][1].get_center() for j in (0, 1)]
        self.name_arcs = uncrossed_arcs(starts, ends)
        self.name_flights = (starts, ends)
        beat(self, self.plane.animate.scale(0.9).move_to(LEFT * 3.55 + DOWN * 0.35),
             *[FadeIn(node[0]) for node in inputs],
             # TransformFromCopy walks its path backwards: the arc from start to end is −path_arc
             # and x₂ leaves first, so the two are never side by side in the air
             *[during(TransformFromCopy(names[j], inputs[j][1], path_arc=-self.name_arcs[j]), *share)
               for j, share in ((1, (0.0, 0.3)), (0, (0.25, 0.55)))],
             FadeIn(inputs[2][1:]),
             subcaption="Into the network go a point's two coordinates, x₁ and x₂, and a constant 1, so that "
                        "the lines it will draw in the plane need not pass through the origin.")

    def build_hidden_layer(self):
        d = self.diagram
        edges = [e for row in d.w1_edges for e in row]
        # what an edge's colour and width mean, under the diagram, from the moment edges appear:
        # one colour code (TF Playground's) means a weight's sign on an edge and a class on a dot,
        # and with both on screen the key says which is which
        self.edge_legend = VGroup(
            Text("edge colour: weight's sign (blue +, orange −)", font=FONT, font_size=SMALL, color=MUTED,
                 t2c={"blue +": POSITIVE, "orange −": NEGATIVE}),
            Text("edge width: its size", font=FONT, font_size=SMALL, color=MUTED),
            Text("dot colour: its class (blue 1, orange 0)", font=FONT, font_size=SMALL, color=MUTED,
                 t2c={"blue 1": POSITIVE, "orange 0": NEGATIVE}),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.1)
        self.edge_legend.next_to(self.diagram, DOWN, buff=0.2).set_x(self.diagram.get_x())
        self.edge_legend.shift(LEFT * max(0.0, self.edge_legend.get_right()[0] - 6.8))  # inside the frame
        # the edges are drawn whole early in the beat (a half-drawn edge reads as a stray line);
        # then what goes in flows along them
        beat(self, during(FadeIn(self.edge_legend), 0, 0.15),
             during(LaggedStart(*[Create(e) for e in edges], lag_ratio=0.15), 0, 0.35),
             during(LaggedStart(*[GrowFromCenter(n) for n in d.hidden_nodes], lag_ratio=0.3), 0, 0.35),
             during(self.pulses(edges), 0.35, 1),
             subcaption="Three hidden units each weigh and add up the inputs; ReLU then keeps a positive "
                        "sum and makes a negative one 0.")

    def build_output(self):
        d = self.diagram
        self.y_hat = plain_tex(r"\hat{y}", font_size=LABEL, color=YHAT_COLOR)
        self.y_hat.next_to(d.output_node, DOWN, buff=0.15)
        beat(self, during(LaggedStart(*[Create(e) for e in d.w2_edges], lag_ratio=0.2), 0, 0.35),
             during(GrowFromCenter(d.output_node), 0, 0.3), during(FadeIn(self.y_hat, shift=DOWN * 0.2), 0.1, 0.35),
             during(self.pulses(d.w2_edges), 0.35, 1),
             subcaption="One output unit weighs those three and a constant 1, then its σ, the sigmoid, "
                        "squashes the total between 0 and 1: ŷ, how sure it is of blue.",
             spoken="One output unit weighs those three and a constant 1, then its sigma, the sigmoid, "
                    "squashes the total between 0 and 1: y hat, how sure it is of blue.")
        # the parts were added one by one; from now on the diagram is one mobject
        self.remove(*d.family_members_with_points())
        self.add(d)

    def pulses(self, edges):
        """A bright dot runs along each edge, one after another: what goes in flows on. (A dot
        that fades in and out whole, where a passing flash would leave a loose stroke in a still.)"""
        def run_along(edge):
            dot = Dot(edge.get_start(), radius=0.06, color=EMPHASIS).set_opacity(0)
            start, end = edge.get_start(), edge.get_end()

            def move(m, a):
                m.move_to(start + a * (end - start)).set_opacity(min(1.0, 6 * a, 6 * (1 - a)))
            return UpdateFromAlphaFunc(dot, move, introducer=True, remover=True)

        return LaggedStart(*[run_along(e) for e in edges], lag_ratio=0.6)

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
        # one weight per edge, counted on screen: 3 × 3 into the hidden units, 4 into the output
        n1, n2 = run.W1[0].size, run.W2[0].size
        self.weight_count = (n1, n2)
        count = note(f"one weight per edge: {n1} + {n2} = {n1 + n2}", font_size=LABEL, color=FOREGROUND)
        count.next_to(self.diagram, UP, buff=0.3).set_x(self.diagram.get_x())  # clear of the subtitle band
        self.count_line = count
        w1 = VGroup(*[e for row in self.diagram.w1_edges for e in row])
        # the whole run plays here, so the counters have stopped before the next words state the end
        beat(self, self.reveal.animate(rate_func=lambda t: min(1.0, 4 * t)).set_value(1.0),
             self.k.animate.set_value(last),
             during(Write(count), 0.0, 0.25),
             # long enough windows that every dot is seen running, even at a low frame rate
             during(self.pulses(list(w1)), 0.03, 0.5), during(self.pulses(list(self.diagram.w2_edges)), 0.3, 0.65),
             run_time=6,
             subcaption=f"Training nudges its {n1 + n2} weights one "
                        "data point at a time; the background shows its answer at every point.")
        self.counters_done_at = self.renderer.time  # the counters show the last step from here on
        for mob in (self.heat, self.boundary, self.diagram, self.step_number, self.accuracy_number):
            mob.clear_updaters()
        # the end, stated while it is on screen: the final boundary traced, then the counters ringed
        # the boundary swells and settles whole (no half-drawn stroke in any frame)
        glow = UpdateFromAlphaFunc(self.boundary, lambda m, a: m.set_stroke(width=3 + 4 * np.sin(np.pi * a)))
        beat(self, glow,
             during(PointAt(self.counters[:2], color=EMPHASIS, buff=0.08), 0.1, 0.4),
             during(PointAt(self.counters[2:], color=EMPHASIS, buff=0.08), 0.55, 0.9),
             subcaption=result_sentence(self.facts))

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
        toolbox.move_to(self.cards[0][0]).shift(DOWN * 0.75)
        # the toolkit's picture, like the other two cards': an arrow (a vector) and a curve with
        # its tangent (a function and its slope)
        self.toolkit_icon = self.toolkit_picture().move_to(
            (self.cards[0][1].get_bottom() + toolbox.get_top()) / 2)

        network = self.diagram.copy()  # the thumbnail: the same diagram, without its small labels
        network.scale_to_fit_width(3.4).next_to(self.cards[1][1], DOWN, buff=0.3)
        network.node_labels.set_opacity(0)
        plane = Group(self.heat, self.axes, self.dots, self.corners, self.boundary, self.verdict_rings)
        small = VGroup(self.labels, self.counters, self.y_hat, self.edge_legend, self.count_line)
        # the plane shrinks where it is, then travels to the third card along a low arc, under
        # the network's thumbnail in the second card (smaller as it passes), so the two never overlap
        start, first = plane.get_center(), plane.height
        height, passing = 2.3, 1.4
        goal = self.cards[2][1].get_bottom() + DOWN * (0.25 + height / 2)
        low = np.array([0.0, network.get_bottom()[1] - 0.15 - passing / 2, 0.0])
        control = 2 * low - (start + goal) / 2  # the quadratic path passes through `low` halfway
        self.plane_path = (start, low, goal, passing)

        def travel(group, alpha):
            if alpha <= 0.35:  # shrink in place
                size, centre = first + (height - first) * smooth(alpha / 0.35), start
            else:
                u = smooth((alpha - 0.35) / 0.65)
                size = height - (height - passing) * np.sin(np.pi * u)
                centre = (1 - u) ** 2 * start + 2 * u * (1 - u) * control + u ** 2 * goal
            group.scale_to_fit_height(size).move_to(centre)

        beat(self, during(FadeOut(small), 0, 0.15),
             during(LaggedStart(*[Create(c[0]) for c in self.cards], lag_ratio=0.2), 0.1, 0.5),
             during(LaggedStart(*[FadeIn(c[1]) for c in self.cards], lag_ratio=0.2), 0.15, 0.5),
             during(Transform(self.diagram, network), 0.15, 0.5),
             during(UpdateFromAlphaFunc(plane, travel), 0.15, 0.8),
             during(FadeIn(self.toolkit_icon), 0.5, 0.75),
             during(LaggedStart(*[FadeIn(c, shift=UP * 0.1) for c in toolbox], lag_ratio=0.15), 0.75, 1),
             subcaption="The video has three chapters: a toolkit of mathematics first, "
                        "then the network piece by piece, then its training.")
        self.thumbnails = {"network": self.diagram, "training": plane}
        self.toolbox = toolbox

    def toolkit_picture(self, size=1.15):
        """Small axes with a vector's arrow and a rising curve touched by its tangent: a vector,
        a function and its slope."""
        o = np.array([-size / 2, -size / 2, 0.0])
        axes = VGroup(Line(o, o + RIGHT * size), Line(o, o + UP * size)).set_stroke(MUTED, 2)
        arrow = Arrow(o, o + np.array([0.3, 0.8, 0]) * size, buff=0, color=X_COLOR, stroke_width=4,
                      max_tip_length_to_length_ratio=0.25)

        def curve_at(u):  # u in [0, 1] along the curve, left to right
            return o + np.array([0.45 + 0.55 * u, 0.08 + 0.85 * u * u, 0]) * size

        curve = VMobject(stroke_color=FOREGROUND, stroke_width=3).set_points_smoothly(
            [curve_at(u) for u in np.linspace(0, 1, 12)])
        at, slope = 0.6, (2 * 0.85 * 0.6) / 0.55  # where the tangent touches, and its slope there
        d = np.array([1, slope, 0]) / np.hypot(1, slope) * 0.28 * size
        tangent = Line(curve_at(at) - d, curve_at(at) + d, color=GRAD_COLOR, stroke_width=3)
        return VGroup(axes, arrow, curve, tangent)

    def chip(self, tool):
        label = note(tool, font_size=SMALL, color=FOREGROUND)
        frame = RoundedRectangle(width=label.width + 0.35, height=label.height + 0.3,
                                 corner_radius=0.12, color=MUTED, stroke_width=1.5)
        return VGroup(frame, label.move_to(frame))

    def fly_tools(self, chapter, card):
        """The chips a chapter needs: each is ringed in the toolbox, and its copy appears in the
        chapter's card, under its picture, two to a row (no chip flies across another card's
        picture or over another chip)."""
        chips = [self.chips[t] for t in NEEDS[chapter]]
        landed = VGroup(*[c.copy() for c in chips])
        rows = VGroup(VGroup(*landed[:2]).arrange(RIGHT, buff=0.2), VGroup(*landed[2:]))
        rows.arrange(DOWN, buff=0.15)
        rows.next_to(self.thumbnails[chapter], DOWN, buff=0.3).set_x(card.get_x())
        return [AnimationGroup(PointAt(c, color=EMPHASIS, buff=0.06), FadeIn(target, shift=DOWN * 0.15))
                for c, target in zip(chips, landed)], landed

    def send_tools_to_the_network(self):
        flights, self.network_tools = self.fly_tools("network", self.cards[1])
        beat(self, LaggedStart(*flights, lag_ratio=0.35),
             subcaption="The network chapter needs vectors and matrices, and what a matrix does to "
                        "the dimension of its inputs.")

    def send_tools_to_training(self):
        """A road map, not a lesson: each tool training needs, named with what it will do."""
        flights, self.training_tools = self.fly_tools("training", self.cards[2])
        beat(self, during(LaggedStart(*flights[:2], lag_ratio=0.5), 0, 0.55),
             subcaption="Training needs the last tools, shown later: a Jacobian, how a small change of the "
                        "input moves the output, and the chain rule, which follows it from step to step.")
        beat(self, flights[2],
             subcaption="From them come gradients, which say which way to nudge each weight.", hold=1.0)
