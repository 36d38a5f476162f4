"""ReLU: its graph and kink (ReluGraph), then the fold it makes in hidden space (ReluFold)."""

import numpy as np
from manim import (
    AnimationGroup,
    DL,
    DR,
    DOWN,
    ORIGIN,
    LEFT,
    RIGHT,
    UP,
    UL,
    UR,
    Axes,
    Circle,
    Create,
    DecimalNumber,
    Indicate,
    Integer,
    Transform,
    rush_from,
    smooth,
    Dot,
    FadeIn,
    FadeOut,
    Flash,
    Line,
    Polygon,
    Rectangle,
    Scene,
    Square,
    ThreeDScene,
    UpdateFromAlphaFunc,
    ValueTracker,
    VMobject,
    VGroup,
    Write,
    interpolate_color,
    config,
    linear,
)

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.widgets import hidden_view as hv
from scenes.style import EDGE_BUFF, FOREGROUND, LABEL, MUTED, UNIT_COLORS, W2_COLOR, X_COLOR, Z_COLOR
from scenes.widgets.text import note, tex, title
from scenes.ch2_network.hidden_space import axes_apart, edge_on_view, up_normal
from scenes.widgets.drift import camera_to, drift
from scenes.widgets.three_d import fix_in_frame
from scenes.widgets.tracer import ranks, wave
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
        self.read_pieces()
        self.trace_slope()
        self.cross_kink()
        self.draw_derivative()
        self.point_at_kink()

    # -- beats ---------------------------------------------------------------------------
    def show_definition(self):
        """The rule and its graph arrive together: the words speak of both."""
        self.title = title("ReLU: one bend", corner=True)
        self.definition = tex(
            r"\mathrm{ReLU}(z) = \begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}",
            font_size=style.HEADING).to_corner(UR, buff=EDGE_BUFF)
        self.axes = graph_axes((-1, 3), 4.6, 6.6).to_edge(LEFT, buff=0.6).to_edge(DOWN, buff=1.2)
        # ReLU's output is what the next layer takes in (x⁽²⁾): yellow, as in the readout.
        self.graph = VGroup(piece(self.axes, relu, Z_RANGE[0], 0, X_COLOR),
                            piece(self.axes, relu, 0, Z_RANGE[1], X_COLOR))
        self.graph_name = tex(r"\mathrm{ReLU}(z)", font_size=style.BODY, color=X_COLOR)
        self.graph_name.next_to(self.axes.c2p(2.6, 2.6), LEFT, buff=0.3)  # beside its rising branch
        # Two numbers through the rule, before any graph: 2 stays 2, -2 becomes 0.
        examples = VGroup()
        for z in (2.0, -2.0):
            out = float(relu(np.array(z)))
            dot = Dot(self.axes.c2p(z, out), radius=0.09, color=X_COLOR)
            label = tex(rf"{z:g} \to {out:g}".replace("-", "-"), font_size=style.BODY, color=X_COLOR)
            label.next_to(dot, RIGHT if z > 0 else UP, buff=0.2)  # clear of the graph to come
            examples.add(VGroup(dot, label))
        self.examples = examples
        beat(self, during(FadeIn(self.title), 0, 0.1), during(Write(self.definition), 0, 0.4),
             during(Create(self.axes), 0, 0.4), during(FadeIn(examples[0], scale=1.5), 0.4, 0.6),
             during(FadeIn(examples[1], scale=1.5), 0.65, 0.85), run_time=4,
             subcaption="ReLU keeps a positive number and replaces anything else by zero: 2 stays 2, "
                        "−2 becomes 0.",
             spoken="ReLU keeps a positive number and replaces anything else by zero: two stays two, "
                    "minus two becomes zero.")

    def read_pieces(self):
        """The graph, one piece after the other, as the words name them."""
        left, right = self.graph
        beat(self, during(Create(left), 0, 0.4), during(Create(right), 0.45, 0.85),
             during(FadeIn(self.graph_name), 0.5, 0.8), during(FadeOut(self.examples), 0.8, 1),
             run_time=3,
             subcaption="Its graph: flat along zero on the left, the diagonal on the right.")

    def trace_slope(self):
        """A point runs along the graph with its tangent; value and slope from toynet_core."""
        self.z = ValueTracker(-2.5)
        z = self.z.get_value
        dot = Dot(color=FOREGROUND, radius=0.09)
        dot.add_updater(lambda d: d.move_to(self.axes.c2p(z(), float(relu(np.array(z()))))))
        tangent = Line(LEFT, RIGHT, color=style.GRAD_COLOR, stroke_width=4)

        def tilt(line):
            slope = float(relu_prime(np.array(z())))
            at = np.array([z(), float(relu(np.array(z())))])
            half = 0.7 / np.sqrt(1 + slope ** 2)
            line.put_start_and_end_on(self.axes.c2p(*(at - half * np.array([1, slope]))),
                                      self.axes.c2p(*(at + half * np.array([1, slope]))))

        tilt(tangent)
        tangent.add_updater(tilt)
        labels = [tex("z =", font_size=style.HEADING), tex(r"\mathrm{ReLU}(z) =", font_size=style.HEADING),
                  tex(r"\text{slope} =", font_size=style.HEADING)]
        colors = [Z_COLOR, X_COLOR, style.GRAD_COLOR]
        functions = [lambda v: v, lambda v: float(relu(np.array(v))),
                     lambda v: float(relu_prime(np.array(v)))]
        self.readouts = VGroup()
        for label, f, color in zip(labels, functions, colors):
            number = DecimalNumber(f(z()), num_decimal_places=2, font_size=style.HEADING, color=color)
            number.add_updater(lambda m, f=f: m.set_value(f(z())))
            self.readouts.add(VGroup(label, number).arrange(RIGHT, buff=0.15))
        self.readouts.arrange(RIGHT, buff=0.5).next_to(self.title, DOWN, buff=0.35, aligned_edge=LEFT)
        for row in self.readouts:  # keep '=' steady while digits change
            row[1].add_updater(lambda m, row=row: m.next_to(row[0], RIGHT, buff=0.15))
        self.tracer, self.tangent = dot, tangent
        beat(self, FadeIn(dot), FadeIn(tangent), FadeIn(self.readouts),
             during(self.z.animate.set_value(-1.5), 0.3, 1), run_time=3,
             subcaption="Follow a point along it, with the slope of the graph where it is.")

    def cross_kink(self):
        beat(self, self.z.animate.set_value(2.5), run_time=4,
             subcaption="Slope zero all the way to the origin, then slope one: the slope jumps at the kink.")

    def draw_derivative(self):
        """The slope as a graph of its own; the point walks back and traces it."""
        self.d_axes = graph_axes((-1, 2), 3.0, 5.4).to_edge(RIGHT, buff=0.6).to_edge(DOWN, buff=1.25)
        pieces = VGroup(piece(self.d_axes, relu_prime, Z_RANGE[0], 0, style.GRAD_COLOR),
                        piece(self.d_axes, relu_prime, 1e-9, Z_RANGE[1], style.GRAD_COLOR))
        # At 0 itself: the value we use (filled) and the limit from the right (open).
        at_zero = float(relu_prime(np.array(0.0)))
        from_right = float(relu_prime(np.array(1e-9)))
        self.filled = Dot(self.d_axes.c2p(0, at_zero), radius=0.08, color=style.GRAD_COLOR)
        self.hollow = Circle(radius=0.08, color=style.GRAD_COLOR, stroke_width=3)
        self.hollow.set_fill(style.BACKGROUND, opacity=1).move_to(self.d_axes.c2p(0, from_right))
        self.derivative = pieces
        name = tex(r"\mathrm{ReLU}'(z)", font_size=style.BODY, color=style.GRAD_COLOR)
        name.move_to(self.d_axes.c2p(-1.6, 1.5))
        z = self.z.get_value
        self.d_tracer = Dot(color=FOREGROUND, radius=0.07)
        self.d_tracer.add_updater(lambda d: d.move_to(self.d_axes.c2p(z(), float(relu_prime(np.array(z()))))))
        beat(self, during(Create(self.d_axes), 0, 0.3), during(Create(pieces), 0.2, 0.5),
             during(FadeIn(self.filled), 0.4, 0.5), during(FadeIn(self.hollow), 0.4, 0.5),
             during(FadeIn(name), 0.4, 0.6), during(FadeIn(self.d_tracer), 0.5, 0.6),
             during(self.z.animate.set_value(-2.0), 0.55, 1), run_time=5,
             subcaption="Its derivative, the slope as a graph, is a step: 0 on the left, 1 on the right. "
                        "The point walks back along it.")

    def point_at_kink(self):
        rule = VGroup(note("at z = 0 itself", font_size=LABEL, color=FOREGROUND),
                      tex(r"\text{we take } \mathrm{ReLU}'(0) = %d"
                          % int(relu_prime(np.array(0.0))), font_size=style.BODY))
        rule.arrange(DOWN, buff=0.12).next_to(self.d_axes, UP, buff=0.3)
        self.rule = rule
        # the point parks at the kink, then a fan of lines through it, slopes 0 to 1 in turn:
        # each touches the graph there and stays under it, so each fits the kink as well as any
        slopes = np.linspace(0.0, 1.0, 6)
        fan = VGroup(*[Line(self.axes.c2p(-0.9, -0.9 * k), self.axes.c2p(1.4, 1.4 * k),
                            color=style.GRAD_COLOR, stroke_width=3, stroke_opacity=0.85)
                       for k in slopes])
        fan_name = tex(r"\text{slopes } %d \text{ to } %d" % (slopes[0], slopes[-1]), font_size=LABEL,
                       color=style.GRAD_COLOR)
        fan_name.next_to(self.axes.c2p(1.4, 0.7), RIGHT, buff=0.15)
        self.fan = VGroup(fan, fan_name)
        grow = [during(Create(line), 0.25 + 0.08 * k, 0.35 + 0.08 * k) for k, line in enumerate(fan)]
        beat(self, during(self.z.animate.set_value(0.0), 0, 0.2), during(FadeOut(self.tangent), 0.15, 0.25),
             during(Flash(self.axes.c2p(0, 0), color=FOREGROUND), 0.2, 0.3), *grow,
             during(FadeIn(fan_name), 0.5, 0.7), during(FadeIn(rule), 0.75, 0.95), run_time=4,
             subcaption="At the kink the slope has no single value: any number from 0 to 1 fits between "
                        "the two sides. Training needs a slope at every point, so we use 0.")
        self.wait(1.5)


# -- ReluFold ------------------------------------------------------------------------------
HIDDEN_NAMES = (r"z^{(1)}_1", r"z^{(1)}_2", r"z^{(1)}_3")
OUTPUT_NAMES = (r"x_1^{(2)}", r"x_2^{(2)}", r"x_3^{(2)}")  # sub- and superscript stacked, as the z axes
FOLD_SUBJECT = (-6.5, 3.6, -2.7, 2.3)
# the corner of FOLD_SUBJECT the count table takes from its first fold's wall on (x, y: the
# table lies right of and above them), with a margin
TABLE_CORNER = (2.75, 0.35)
TABLE_TURN = 0.5  # the share of the turn to the folds' view after which the table is on screen
# W⁽²⁾'s cut: left of the readout and its inset, below the rule with room to spare
CUT_SUBJECT = (-6.5, 2.4, -2.7, 1.95)
CUT_TILT = 25  # degrees off edge on the cut's plane is first seen from, so that it reads as a plane
CUT_TURN_COST = 0.3  # the share of the zoom a half turn of the camera to the cut's view is worth
BACK = 0.45  # the share of the cut's first beat in which the world comes back to the folded points
SHEET_MARGIN = 0.35
VIEW_STAGES = [(0, 0, 0)] * 4 + [(1, 0, 0), (1, 1, 0), (1, 1, 1)]  # the folds done at each view
TURN_SHARES = np.linspace(0, 1, 41)  # where the room of a turn is measured (ReluFold.turn)
TURN_EARLY = 0.4  # the share of its beat in which a long turn is (nearly) done (ReluFold.turn)
STEP = 8 * np.pi / 180  # the camera's small turn in a beat that keeps its view, so every beat moves
WALL_ANGLE = (35, 65)  # degrees between the view and a wall's normal: the wall seen as a plane
# the same for the one view every fold is played in, a little wider: no view sees both walls
# within WALL_ANGLE and both folds open
JOINT_WALL_ANGLE = (30, 76)
FOLD_LENGTH = 0.85  # the least share of its length each part of a fold is drawn at (fold_view)
FLAT = 0.35  # fill opacity of the side of the sheet a unit's ReLU flattens (z⁽¹⁾ᵢ < 0)
SHEET_FILL = 0.22  # fill opacity of the sheet: a surface, not an outline, with the points over it
CREASE_WIDTH = 10  # the sheet is thin across (W⁽¹⁾'s columns nearly opposite): thick creases
NUMBER_NAMES = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def early_turn(alpha, share=TURN_EARLY, rest=0.1):
    """The share of a long turn done at `alpha` of its beat: eased to 1 − rest by `share` of
    the beat, then the rest at a steady crawl (the beat keeps moving)."""
    if alpha < share:
        return (1 - rest) * smooth(alpha / share)
    return 1 - rest + rest * (alpha - share) / (1 - share)


def fold_arms(H, moved, unit, t):
    """The two parts of the sheet that `unit`'s fold hinges apart, as unit directions from its
    crease (hidden coordinates): (kept, folded), the points it leaves, where they sit at fold
    stage t, and the points it moves, where they land on its wall. The hinge is the moved
    point nearest the wall."""
    before = geometry.fold(H, t)
    after_t = np.array(t, dtype=float)
    after_t[unit] = 1.0
    after = geometry.fold(H, after_t)
    mine = moved[:, unit]
    hinge = after[mine][np.argmax(H[mine, unit])]
    kept = before[~mine].mean(axis=0) - hinge
    folded = after[mine].mean(axis=0) - hinge
    return kept / np.linalg.norm(kept), folded / np.linalg.norm(folded)


def fold_view(unit, arms, start, gap=25, turn_cost=0.12):
    """(phi, theta) that sees unit's fold open: the two parts of the sheet it hinges apart
    (`arms`, from fold_arms) drawn at length (each at least FOLD_LENGTH of its true length)
    and at as sharp an angle on screen as can be, so that the folded part never lands on the
    kept one; its wall z⁽¹⁾ᵢ = 0 seen as a plane (WALL_ANGLE from its normal), the axes apart;
    not far from `start` (turn_cost: degrees of angle traded for one degree of turn). `start`
    if no view does."""
    kept, folded = arms
    here = hv.camera_direction(*start)
    best, best_cost = start, np.inf
    for phi in np.arange(35, 81, 5) * np.pi / 180:
        for theta in np.arange(-180, 180, 5) * np.pi / 180:
            d = hv.camera_direction(phi, theta)
            wall = np.degrees(np.arccos(min(abs(d[unit]), 1.0)))
            if not WALL_ANGLE[0] <= wall <= WALL_ANGLE[1] or not axes_apart(phi, theta, gap):
                continue
            origin, a, b = hv.screen_points(np.array([np.zeros(3), kept, folded]), phi, theta)
            a, b = a - origin, b - origin
            if min(np.linalg.norm(a), np.linalg.norm(b)) < FOLD_LENGTH:
                continue
            angle = np.degrees(np.arccos(np.clip(a @ b / np.linalg.norm(a) / np.linalg.norm(b), -1, 1)))
            turn = np.degrees(np.arccos(np.clip(d @ here, -1, 1)))
            cost = angle + turn_cost * turn
            if cost < best_cost:
                best, best_cost = (float(phi), float(theta)), cost
    return best


def folds_view(arms, start, steps, gap=25, turn_cost=0.12):
    """(phi, theta) of the one view the folds are played in, the camera drifting on from it a
    step (STEP) per beat: `arms` {unit: fold_arms} of the units whose fold hinges, `steps`
    {unit: (k0, k1)} the drift steps at which that fold's beat starts and ends. From every
    view a fold is played in, it is seen open (fold_view's measure: both parts at length, the
    wall seen as a plane within JOINT_WALL_ANGLE, the axes apart); the view is the one whose
    widest fold angle is the smallest, not far from `start`. None if no view does."""
    here = hv.camera_direction(*start)
    best, best_cost = None, np.inf
    for phi in np.arange(35, 81, 5) * np.pi / 180:
        for theta in np.arange(-180, 180, 5) * np.pi / 180:
            worst = 0.0
            for unit, (kept, folded) in arms.items():
                for k in steps[unit]:
                    seen = fold_angle(unit, kept, folded, phi, theta + k * STEP, gap)
                    worst = max(worst, np.inf if seen is None else seen)
            turn = np.degrees(np.arccos(np.clip(hv.camera_direction(phi, theta) @ here, -1, 1)))
            cost = worst + turn_cost * turn
            if cost < best_cost:
                best, best_cost = (float(phi), float(theta)), cost
    return best


def fold_angle(unit, kept, folded, phi, theta, gap=25, walls=None):
    """The angle (degrees) on screen between the kept and the folded part of unit's fold from
    the view (phi, theta); None if the view does not see the fold open (a part drawn short,
    the wall seen too near edge on or face on, or two axes drawn close)."""
    walls = JOINT_WALL_ANGLE if walls is None else walls
    d = hv.camera_direction(phi, theta)
    wall = np.degrees(np.arccos(min(abs(d[unit]), 1.0)))
    if not walls[0] <= wall <= walls[1] or not axes_apart(phi, theta, gap):
        return None
    origin, a, b = hv.screen_points(np.array([np.zeros(3), kept, folded]), phi, theta)
    a, b = a - origin, b - origin
    if min(np.linalg.norm(a), np.linalg.norm(b)) < FOLD_LENGTH:
        return None
    return float(np.degrees(np.arccos(np.clip(a @ b / np.linalg.norm(a) / np.linalg.norm(b), -1, 1))))


def axes_gap(phi, theta):
    """The smallest angle (degrees) between two axes drawn from the view (phi, theta)."""
    drawn = hv.screen_points(np.eye(3), phi, theta) - hv.screen_points(np.zeros(3), phi, theta)
    dirs = np.degrees(np.arctan2(drawn[:, 1], drawn[:, 0]))
    return min(abs((dirs[i] - dirs[j] + 180) % 360 - 180) for i, j in ((0, 1), (0, 2), (1, 2)))


def clear_of_corner(points, view, corner):
    """The largest zoom at which no scene point of `points` is drawn from `view` (the camera
    looking at the origin) right of and above corner = (x, y), both positive: the drawing
    scales with the zoom about the frame's centre."""
    S = hv.screen_points(points, *view)
    x, y = corner
    inside = (S[:, 0] > 1e-9) & (S[:, 1] > 1e-9)
    if not inside.any():
        return np.inf
    return float(np.max([x / S[inside, 0], y / S[inside, 1]], axis=0).min())


def face_view(W1, gap=30):
    """(phi, theta), no roll, of the view nearest the lifted sheet's normal (seen face on, as
    wide across as it can be) among those that keep the axes apart, from above."""
    n = up_normal(W1)
    phi, theta = hv.view_angles(n)
    if 35 * np.pi / 180 <= phi <= 80 * np.pi / 180 and axes_apart(phi, theta, gap):
        return phi, theta
    best, best_cost = (phi, theta), np.inf
    for phi in np.arange(35, 81, 5) * np.pi / 180:
        for theta in np.arange(-180, 180, 5) * np.pi / 180:
            d = hv.camera_direction(phi, theta)
            cost = np.arccos(min(abs(d @ n), 1.0))
            if cost < best_cost and axes_apart(phi, theta, gap):
                best, best_cost = (float(phi), float(theta)), cost
    return best


def crease_sentence(crosses):
    """The creases, said: each unit is zero along a line, a crease where it crosses the sheet;
    the units whose line misses the sheet in this run named (they have no crease)."""
    text = "ReLU sets every negative coordinate to zero. Each unit is zero along a line: where it crosses the sheet, a crease."
    missing = [f"unit {i + 1}" for i, c in enumerate(crosses) if not c]
    if missing:
        names = missing[0] if len(missing) == 1 else " and ".join([", ".join(missing[:-1]), missing[-1]])
        text += f" The line of {names} misses the sheet: no crease."
    return text


def count_words(n, total):
    """'none of the 200', 'all 200', '121 of the 200', 'one of the 200'."""
    if n == 0:
        return f"none of the {total}"
    if n == total:
        return f"all {total}"
    return f"{NUMBER_NAMES[n] if n < 10 else n} of the {total}"


def fold_sentences(moved, crosses_sheet, total):
    """What each unit's fold does, from the run: `moved` (3,) the number of points each unit's
    ReLU moves (its value is negative there), `crosses_sheet` (3,) whether its crease line
    crosses the drawn sheet. The first fold is explained, in two sentences (a pair); the others
    only say what they do."""
    out = []
    for i, (n, crosses) in enumerate(zip(moved, crosses_sheet)):
        unit = f"Unit {i + 1}"
        if i == 0:  # two beats: the wall and its points, then the fold
            wall = f"{unit} first. Its wall is the plane where its value, z⁽¹⁾₁, is 0"
            if n == 0:
                out.append((f"{wall}; it is negative on none of the {total} points.",
                            "So its ReLU moves no point: nothing folds onto its wall."))
            else:
                out.append((f"{wall}; it is negative on {count_words(n, total)} points.",
                            "ReLU sets z⁽¹⁾₁ to zero there: they fold flat onto its wall."))
        elif n == 0:
            where = ("Only an empty corner of the sheet folds" if crosses
                     else "Its wall lies clear of the whole sheet")
            out.append(f"{unit} does nothing here: it is positive on every point. {where}; "
                       f"no point moves.")
        elif n == total:
            out.append(f"{unit} is negative on every point: the whole sheet drops onto its wall, "
                       f"and the unit is switched off.")
        elif n <= 0.05 * total:
            out.append(f"{unit} does little in this run: it is negative on only "
                       f"{count_words(n, total)} points, which drop onto its wall.")
        else:
            out.append(f"{unit} is negative on {count_words(n, total)} points: they drop onto "
                       f"its wall, z⁽¹⁾{'₁₂₃'[i]} = 0.")
    return out


ORDINALS = ("first", "second", "third")


def said(text):
    """The spoken form of a fold sentence: "z⁽¹⁾₂" is read "the second entry of z one"."""
    for i, ordinal in enumerate(ORDINALS):
        text = text.replace(f"z⁽¹⁾{'₁₂₃'[i]}", f"the {ordinal} entry of z⁽¹⁾")
    return text


def split_sentence(wrong, total):
    """What the output unit's plane does with the folded points, from the count it gets wrong:
    two sentences, the plane named, then what is seen along it (the camera turns between)."""
    cut = "The next layer, W⁽²⁾, cuts with one flat plane."
    seen = "Seen along it"
    if wrong == 0:
        return cut, f"{seen}, the colours now lie apart: one flat cut splits them all."
    if wrong <= 0.05 * total:
        return cut, (f"{seen}, the colours now lie apart: its flat cut gets all but "
                     f"{count_words(wrong, total).replace(' of the', ' of')} right.")
    return cut, f"{seen}, these folds leave the colours mixed: its cut gets {wrong} of {total} wrong."


def cut_inset(post, y, W2, wrong, project, width=3.4, height=2.8, edge=0.2):
    """The place where W⁽²⁾'s plane splits the colours, enlarged: the picture inside the square
    that marks it, drawn as the main camera draws it (`project` takes hidden points (N, 3) to
    where the camera puts them on screen (N, 2)), so that each side of the plane lies on the
    same side in both. The plane, seen edge on, is a line; the window is centred on the `wrong`
    points (indices), which are ringed in red (the colour of a point on the wrong side in every
    scene).

    Returns the inset [box, heading, plane, dots, rings, [z⁽²⁾ < 0's name, z⁽²⁾ > 0's name]]
    and the window's half width in hidden units (for the rectangle that marks it in the
    picture; inset.aspect is the window's height over its width)."""
    w, b = np.asarray(W2, float)[0, :3], float(np.asarray(W2, float)[0, 3])
    n = w / np.linalg.norm(w)
    across = post @ n + b / np.linalg.norm(w)
    on_wrong = post[wrong].mean(axis=0)
    foot = on_wrong - (on_wrong @ n + b / np.linalg.norm(w)) * n  # on the plane
    # the window centred between the wrong points and the plane: the line runs near the
    # middle, so that each side has room for its name
    centre3 = (on_wrong + foot) / 2
    screen = np.asarray(project(post), float)
    c = np.asarray(project(centre3[None]), float)[0]
    # screen units per hidden unit across the plane (seen edge on, the normal lies in the view)
    f0, f_neg = np.asarray(project(np.array([foot, foot - n])), float)
    per_unit = np.linalg.norm(f_neg - f0)
    box = Rectangle(width=width, height=height, color=style.EMPHASIS, stroke_width=2)
    heading = note("the cut, enlarged", font_size=style.SMALL, color=MUTED)
    heading.move_to(box.get_top() + DOWN * 0.25)
    # the sides' names `edge` inside the box's edges, clear of its outline; the window between
    # them and the heading
    inner_w, inner_h = width - 0.3, height - 1.2
    middle = box.get_center() + UP * 0.04
    half = max(1.5 * np.abs(across[wrong]).max(), 0.5)
    scale = inner_w / (2 * half * per_unit)
    to_box = lambda q: middle + np.array([*(scale * (np.asarray(q)[:2] - c)), 0.0])  # noqa: E731
    window = (middle[0] - inner_w / 2, middle[0] + inner_w / 2, middle[1] - inner_h / 2, middle[1] + inner_h / 2)
    # the plane's line: where the camera draws two of its points, through the window
    u = np.cross(n, [0.0, 0.0, 1.0]) if abs(n[2]) < 0.99 else np.cross(n, [1.0, 0.0, 0.0])
    u /= np.linalg.norm(u)
    v = np.cross(n, u)
    ends = np.asarray(project(np.array([foot, foot + u, foot + v])), float)
    k_along = int(np.argmax([np.linalg.norm(e - ends[0]) for e in ends[1:]]))
    along = ends[1 + k_along] - ends[0]
    d = along / np.linalg.norm(along)
    # slide the picture sideways so that the line, carried on, splits the row of the sides'
    # names in the middle: each name then has half the row on its own side (the slide kept
    # small enough that the wrong points stay in the window)
    row_y = box.get_bottom()[1] + edge + 0.2
    if abs(d[1]) > 0.2:
        a = to_box(ends[0])[:2]
        slide = middle[0] - (a[0] + (row_y - a[1]) * d[0] / d[1])
        for _ in range(4):
            moved = [to_box(q)[0] + slide for q in screen[wrong]]
            if all(window[0] + 0.25 < x < window[1] - 0.25 for x in moved):
                break
            slide /= 2
        else:
            slide = 0.0
        # the same slide as a move of the window's middle in hidden space, along the plane's
        # direction drawn and its normal
        e = (f0 - f_neg)[:2]
        alpha, beta = np.linalg.solve(np.column_stack([along[:2], e]), np.array([-slide / scale, 0.0]))
        centre3 = centre3 + alpha * (u, v)[k_along] + beta * n
        c = c - np.array([slide / scale, 0.0])
    a = to_box(ends[0])[:2]
    segment = clip_segment(np.array([a - 10 * d, a + 10 * d]), window)
    plane = Line([*segment[0], 0], [*segment[1], 0], color=W2_COLOR, stroke_width=4)
    inside = lambda p: window[0] < p[0] < window[1] and window[2] < p[1] < window[3]  # noqa: E731
    drawn = [to_box(q) for q in screen]
    seen = [i for i in range(len(post)) if inside(drawn[i])]
    ahead = [i for i in seen if i not in set(wrong)] + list(wrong)  # the wrong ones drawn last, on top
    dots = VGroup(*[Dot(drawn[i], radius=0.09 if i in set(wrong) else 0.06,
                        color=style.class_color(y[i]), stroke_color=style.BACKGROUND, stroke_width=1)
                    for i in ahead])
    rings = VGroup(*[Circle(radius=0.2, color=style.ERROR, stroke_width=4).move_to(drawn[i]) for i in wrong])
    # the sides' names as large as the labels (a formula at SMALL reads at under 12 px), each in
    # the bottom corner on its own side of the line
    sides = VGroup(tex(r"z^{(2)} < 0", font_size=style.BODY), tex(r"z^{(2)} > 0", font_size=style.BODY))
    negative = (f_neg - f0)[:2] / per_unit  # the screen direction in which z⁽²⁾ falls
    normal = np.array([-d[1], d[0]])
    normal = normal if normal @ negative > 0 else -normal  # points to the z⁽²⁾ < 0 side
    rows = [box.get_bottom()[1] + edge, heading.get_bottom()[1] - 0.1]  # (bottom edge, top edge)
    for label, sign in zip(sides, (1, -1)):
        label.move_to(side_spot(label.width, label.height, a, sign * normal, box, rows, buff=edge))
    inset = VGroup(box, heading, plane, dots, rings, sides)
    inset.aspect = inner_h / inner_w
    inset.centre = centre3  # the hidden point at the window's middle
    return inset, half


def side_spot(width, height, a, normal, box, rows, margin=0.12, buff=0.1):
    """Where a name (width, height) sits inside box with all of it on the side `normal`
    points to of the line through `a`, at least `margin` from it: the bottom row first
    (rows: the bottom edge of the lower row, the top edge of the upper one), then the top,
    as far from the line as the row allows; the farthest place if none is clear."""
    xs = np.linspace(box.get_left()[0] + buff + width / 2, box.get_right()[0] - buff - width / 2, 41)
    best = None
    for y in (rows[0] + height / 2, rows[1] - height / 2):
        for x in xs:
            corners = np.array([[x + sx * width / 2, y + sy * height / 2] for sx in (-1, 1) for sy in (-1, 1)])
            clear = float(((corners - a) @ normal).min())
            if best is None or clear > best[0]:
                best = (clear, x, y)
        if best[0] >= margin:
            break
    return np.array([best[1], best[2], 0.0])


def tight_extent(points, pad=0.04):
    """((lo, hi), ...) per coordinate covering `points` (N, 3) and the origin, padded by `pad`
    of the longest span, not rounded: axes and walls that end just past the data, so that they
    do not hold the camera farther out than the picture needs (ticks still fall on whole
    numbers: they count from 0)."""
    values = np.asarray(points, dtype=float)
    lo, hi = np.minimum(values.min(axis=0), 0.0), np.maximum(values.max(axis=0), 0.0)
    p = pad * (hi - lo).max()
    return tuple((float(a - p), float(b + p)) for a, b in zip(lo, hi))


def backed(label):
    """A label on a dark backing, so that a tip of the sheet or a point passing under it
    never runs through its letters."""
    return label.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.06)


def axis_labels(axes, names=HIDDEN_NAMES, color=Z_COLOR, more=(0.3, 0.3, 0.5)):
    """The axes' names, each `more` farther out past its axis' end than hidden_axis_labels
    puts it (the sheet's tips reach to the axes' ends; the third axis' name farthest, as the
    first fold's view sees the sheet along it), on a dark backing."""
    labels = hv.hidden_axis_labels(axes, names=names, font_size=style.BODY)
    origin = axes.c2p(0, 0, 0)
    for label, extra in zip(labels, np.broadcast_to(more, 3)):
        out = label.anchor - origin
        label.anchor = label.anchor + extra * out / np.linalg.norm(out)
        label.set_color(color)
        backed(label)
    return labels


def clip_to(polygon, window):
    """The 2-D polygon (K, 2) cut to the rectangle window = (x0, x1, y0, y1)
    (Sutherland–Hodgman): its corners, maybe none."""
    x0, x1, y0, y1 = window
    out = [np.asarray(p, float) for p in polygon]
    for axis, bound, keep in ((0, x0, 1), (0, x1, -1), (1, y0, 1), (1, y1, -1)):
        inside = lambda p: keep * (p[axis] - bound) >= 0  # noqa: E731
        points, out = out, []
        for k, p in enumerate(points):
            q = points[k - 1]
            if inside(p) != inside(q):
                t = (bound - q[axis]) / (p[axis] - q[axis])
                out.append(q + t * (p - q))
            if inside(p):
                out.append(p)
        if not out:
            return np.zeros((0, 2))
    return np.array(out)


def clip_segment(ends, window):
    """The segment ends (2, 2) cut to the rectangle window (Liang–Barsky); None if it misses."""
    a, b = np.asarray(ends, float)
    x0, x1, y0, y1 = window
    lo, hi = 0.0, 1.0
    d = b - a
    for p, q in ((-d[0], a[0] - x0), (d[0], x1 - a[0]), (-d[1], a[1] - y0), (d[1], y1 - a[1])):
        if abs(p) < 1e-12:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
    return None if lo > hi else np.array([a + lo * d, a + hi * d])


class FoldingSheet(VGroup):
    """The input square mapped by W⁽¹⁾, cut along the creases, redrawn at fold stage t (3,).

    Pieces, mesh lines and creases all pass through `geometry.fold`, so they move exactly as the
    data points do. crease_mobs[i] is unit i's crease (an empty path if it misses the sheet)."""

    def __init__(self, axes, W1, extent, mesh=7, colors=UNIT_COLORS):
        super().__init__()
        self.axes, self.W1 = axes, np.asarray(W1, float)
        regions = geometry.crease_regions(W1, extent)
        self.pieces = [poly for poly, _ in regions]
        self.active = [active for _, active in regions]  # which units are positive on each piece
        x0, x1, y0, y1 = extent
        lines = [((v, y0), (v, y1)) for v in np.linspace(x0, x1, mesh)[1:-1]]
        lines += [((x0, v), (x1, v)) for v in np.linspace(y0, y1, mesh)[1:-1]]
        self.lines = [geometry.split_at_creases(W1, a, b) for a, b in lines]
        self.creases = geometry.crease_segments(W1, extent)
        self.piece_mobs = VGroup(*[Polygon(*[ORIGIN] * len(p), color=Z_COLOR, stroke_width=1.5,
                                           fill_color=Z_COLOR, fill_opacity=SHEET_FILL)
                                   for p in self.pieces])
        self.line_mobs = VGroup(*[VMobject(stroke_color=Z_COLOR, stroke_width=1,
                                           stroke_opacity=0.45) for _ in self.lines])
        self.crease_mobs = VGroup(*[VMobject(stroke_color=c, stroke_width=CREASE_WIDTH) for c in colors])
        self.add(self.piece_mobs, self.line_mobs, self.crease_mobs)
        self.stage = np.zeros(3)
        self.redraw(self.stage)

    def to_scene(self, P, t):
        H = geometry.fold(augment(P) @ self.W1.T, t)
        return list(hv.c2p_many(self.axes, H))

    def redraw(self, t):
        self.stage = np.array(t, dtype=float)
        for mob, poly in zip(self.piece_mobs, self.pieces):
            corners = self.to_scene(poly, t)
            mob.set_points_as_corners([*corners, corners[0]])
        for mob, pts in zip(self.line_mobs, self.lines):
            mob.set_points_as_corners(self.to_scene(pts, t))
        for mob, seg in zip(self.crease_mobs, self.creases):
            if seg is not None:
                mob.set_points_as_corners(self.to_scene(seg, t))
        return self


class ReluFold(ThreeDScene):
    def construct(self):
        self.run = load_scene_run()
        self.W1, self.W2 = self.run.W1[-1], self.run.W2[-1]
        self.H = self.run.hidden_pre[-1]
        self.moved = geometry.folded_by(self.H)
        self.show_sheet()
        self.show_creases()
        self.sentences = fold_sentences(self.moved.sum(axis=0),
                                        [seg is not None for seg in self.sheet.creases], len(self.H))
        self.show_first_wall()
        for unit in range(3):
            self.fold_unit(unit)
        self.show_separable()

    # -- set-up ------------------------------------------------------------------------------
    def turn(self, early=False):
        """The camera's move to the next beat's view (linear, so that the whole beat moves); its
        zoom drawn back mid-turn only as far as the picture needs there (turn_room). early: a
        long turn done mostly in the first share of the beat (TURN_EARLY), then a slow drift
        to its end, so that the rest of the beat is seen from a settled view."""
        phi, theta, zoom = self.views.pop(0)
        room = self.turn_room.pop(0)
        camera = self.renderer.camera
        trackers = (camera.phi_tracker, camera.theta_tracker, camera.zoom_tracker)
        starts = [tracker.get_value() for tracker in trackers]
        share = early_turn if early else linear

        def step(_, alpha):
            s = share(alpha)
            camera.phi_tracker.set_value(starts[0] + s * (phi - starts[0]))
            camera.theta_tracker.set_value(starts[1] + s * (theta - starts[1]))
            camera.zoom_tracker.set_value(min(starts[2] + s * (zoom - starts[2]), np.interp(s, TURN_SHARES, room)))

        return [UpdateFromAlphaFunc(camera.zoom_tracker, step, rate_func=linear)]

    def plan_views(self):
        """The views of the beats, in order: the sheet aslant (two beats), then one view that
        sees every fold open, from the first fold's wall to the last fold (four beats): the
        camera turns to it once, early in the first of them, and then only drifts a step a
        beat, so that the viewer settles on one picture of the folds. Each view's zoom fills
        FOLD_SUBJECT with the picture."""
        sheet = face_view(self.W1)  # face on: the sheet and its creases as wide as they can be
        self.fold_views = {}
        # the steps of the drift at which each fold's beat starts and ends (its wall comes a
        # beat before unit 1's fold)
        steps = {0: (0, 1), 1: (1, 2)}
        stages = {0: np.zeros(3), 1: np.array([1.0, 0.0, 0.0])}
        arms = {unit: fold_arms(self.H, self.moved, unit, stages[unit]) for unit in steps
                if self.moved[:, unit].any() and not self.moved[:, unit].all()}
        folds = folds_view(arms, sheet, steps) if arms else None
        if folds is None:  # no one view sees them all open: the first fold's own
            folds = self.fold_view(0, np.zeros(3), sheet)
        # the turn from the sheet the short way round
        folds = (folds[0], sheet[1] + (folds[1] - sheet[1] + np.pi) % (2 * np.pi) - np.pi)
        step = lambda v, k: (v[0], v[1] + k * STEP)  # noqa: E731
        # the sheet's views drift toward the folds' view, unless that brings two axes (and
        # their names) together
        toward = 1 if folds[1] > sheet[1] else -1
        apart = lambda k: min(axes_gap(sheet[0], sheet[1] + j * k * STEP) for j in (1, 2))  # noqa: E731
        if apart(-toward) > apart(toward) + 10:
            toward = -toward
        views = [sheet, step(sheet, toward), step(sheet, 2 * toward),
                 folds, step(folds, 1), step(folds, 2), step(folds, 3)]
        # (for the tests: each fold is seen open from where its beat ends)
        self.fold_views.update({unit: views[3 + steps[unit][1]] for unit in arms})
        return views

    def fold_view(self, unit, t, start):
        """The view of unit's fold (fold_view) from fold stage t; `start` when the unit moves
        no point or every point (then nothing hinges)."""
        moved = self.moved[:, unit]
        if not moved.any() or moved.all():
            return start
        view = fold_view(unit, fold_arms(self.H, self.moved, unit, t), start)
        self.fold_views[unit] = view  # (for the tests: the fold is seen open from here)
        return view

    def shade(self, unit):
        """The sheet's pieces on the side unit's ReLU flattens (z⁽¹⁾ᵢ < 0) take the unit's
        colour, fill and outline; the rest (z⁽¹⁾ᵢ > 0, kept) go back to the sheet's. A unit that
        moves no point folds only an empty corner: that corner is shaded stronger and outlined
        thicker, so that it is seen. unit None: all back."""
        pieces = self.sheet.piece_mobs
        flat = [unit is not None and not active[unit] for active in self.sheet.active]
        empty = unit is not None and not self.moved[:, unit].any()
        starts = [(p.get_fill_color(), p.get_fill_opacity(), p.get_stroke_color(), p.get_stroke_width())
                  for p in pieces]
        ends = [(UNIT_COLORS[unit], FLAT + (0.25 if empty else 0), UNIT_COLORS[unit], 6 if empty else 3)
                if f else (Z_COLOR, SHEET_FILL, Z_COLOR, 1.5) for f in flat]

        def step(group, alpha):
            for p, (c0, o0, s0, w0), (c1, o1, s1, w1) in zip(pieces, starts, ends):
                p.set_fill(interpolate_color(c0, c1, alpha), opacity=o0 + alpha * (o1 - o0))
                p.set_stroke(interpolate_color(s0, s1, alpha), width=w0 + alpha * (w1 - w0))

        return UpdateFromAlphaFunc(pieces, step)

    def frame_points(self, folded=False, both=False):
        corners = relu(self.corners) if folded else self.corners
        if both:
            corners = np.vstack([self.corners, relu(self.corners)])
        return np.vstack([[self.axes.c2p(*c) for c in corners], hv.axes_points(self.axes),
                          [hv.anchor_of(label) for label in self.labels]])

    def plan_zooms(self, views, turns=True):
        """Each view's zoom, as close as fits it, and per turn the zoom each share of it allows
        (mid-turn the picture can reach further than at either end: the face-on view and the
        first fold's are far apart; the camera draws back only there, as far as that moment
        needs, so the views themselves stay close: turn). A unit's wall is in the picture
        from the view its beat starts from (unit 1's beat starts from view 2, unit 2's from
        view 4, unit 3's from view 5)."""
        shown = [[], [], [0], [0], [0, 1], [0, 1, 2], [0, 1, 2]]
        # the sheet and its points as they lie from the beat that ends at a view to the one
        # that leaves it (the folds of the next beat included), the axes and their names
        frame = np.vstack([hv.axes_points(self.axes), [hv.anchor_of(label) for label in self.labels]])
        pieces = np.vstack([poly for poly, _ in geometry.crease_regions(self.W1, self.sheet_extent)])
        sheet = np.vstack([self.H, augment(pieces) @ self.W1.T])
        stages = [*VIEW_STAGES, VIEW_STAGES[-1]]
        subjects = [np.vstack([frame, hv.c2p_many(self.axes, geometry.fold(sheet, stages[k])),
                               hv.c2p_many(self.axes, geometry.fold(sheet, stages[k + 1])),
                               *[self.wall_corners(unit) for unit in walls]]) for k, walls in enumerate(shown)]

        def fit(k, v, table):
            """The zoom that fits subject k from view v: inside FOLD_SUBJECT, and clear of
            the count table when it is on screen."""
            P = subjects[k]
            zoom = hv.fit_view(P, [v], FOLD_SUBJECT, frame_center=np.zeros(3))[0]
            return min(zoom, clear_of_corner(P, v, TABLE_CORNER)) if table else zoom

        # the table comes in the beat that turns to view 3, once the turn is past TABLE_TURN
        zooms = [fit(k, v, k >= 3) for k, v in enumerate(views)]
        for k in range(1, len(views)):  # the next beat's wall already fits where its turn starts
            zooms[k - 1] = min(zooms[k - 1], fit(k, views[k - 1], k > 3))
        room = [None]
        for k in range(1, len(views) if turns else 1):
            a, b = views[k - 1], views[k]
            table = lambda s: k > 3 or (k == 3 and s >= TABLE_TURN)  # noqa: E731
            room.append([fit(k, (a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1])), table(s))
                         for s in TURN_SHARES])
        return zooms, room

    def sheet_fill(self, view, zoom, t):
        """The larger of the shares of FOLD_SUBJECT's width and height the sheet and its points
        span in `view` at `zoom`, at fold stage t."""
        P = hv.c2p_many(self.axes, geometry.fold(np.vstack([self.H, self.corners]), t))
        S = hv.screen_points(P, *view, zoom)
        x0, x1, y0, y1 = FOLD_SUBJECT
        return max(np.ptp(S[:, 0]) / (x1 - x0), np.ptp(S[:, 1]) / (y1 - y0))

    # -- beats ---------------------------------------------------------------------------
    def show_sheet(self):
        # The sheet: the XOR square with a margin, inside the data's box. (The data's whole box
        # would reach far past the points along the direction W⁽¹⁾ stretches most.)
        box = geometry.sheet_extent(self.run.X)
        sheet_extent = (max(box[0], -SHEET_MARGIN), min(box[1], 1 + SHEET_MARGIN),
                        max(box[2], -SHEET_MARGIN), min(box[3], 1 + SHEET_MARGIN))
        corners = geometry.image_of_inputs(self.W1, geometry.square(sheet_extent))
        self.extent = tight_extent(np.vstack([self.H, corners, relu(corners)]))
        self.axes = hv.hidden_axes(self.extent, side=5.2)
        self.corners = corners
        self.sheet_extent = sheet_extent
        # The camera looks at the scene's origin; the axes move so the picture fills the frame.
        # One centre serves every view: of the centres that suit each view best, the one whose
        # worst view still shows the sheet largest.
        self.labels = axis_labels(self.axes)
        views = self.plan_views()
        centres = [hv.fit_view(self.frame_points(both=True), [v], FOLD_SUBJECT)[1] for v in views]
        centres += [(a + b) / 2 for k, a in enumerate(centres) for b in centres[k + 1:]]

        def score(centre):
            self.axes.shift(-centre)
            self.labels = axis_labels(self.axes)
            zooms, _ = self.plan_zooms(views, turns=False)
            self.axes.shift(centre)
            return min(self.sheet_fill(v, z, t) for v, z, t in zip(views, zooms, VIEW_STAGES))

        best = max((score(c), tuple(c)) for c in centres)
        for reach in (0.8, 0.4, 0.2):  # then a few steps about it, each way along the axes
            for move in np.vstack([np.eye(3), -np.eye(3)]) * reach:
                best = max(best, (score(np.array(best[1]) + move), tuple(np.array(best[1]) + move)))
        best = (best[0], np.array(best[1]))
        self.axes.shift(-best[1])
        self.labels = axis_labels(self.axes)
        for label in self.labels:  # ride along with the axes when the picture is re-centred
            offset = label.anchor - self.axes.c2p(0, 0, 0)
            label.anchor = lambda offset=offset: self.axes.c2p(0, 0, 0) + offset
        zooms, self.turn_room = self.plan_zooms(views)
        self.views = [(phi, theta, zoom) for (phi, theta), zoom in zip(views, zooms)]
        phi, theta, zoom = self.views.pop(0)
        self.turn_room.pop(0)
        self.set_camera_orientation(phi=phi, theta=theta, zoom=zoom)
        hv.pin_to_points(self, self.labels[:2])
        # the third axis' name a little to the right of its end: the sheet's tip, seen along
        # the first fold, rises beside that axis on its left
        hv.pin_to_points(self, self.labels[2:], offset=(0.3, 0.0, 0.0))
        self.remove(*self.labels)
        self.title = title("ReLU folds the sheet")
        fix_in_frame(self, self.title)
        self.sheet_extent = sheet_extent
        self.sheet = FoldingSheet(self.axes, self.W1, sheet_extent)
        self.sheet.crease_mobs.set_stroke(opacity=0)
        self.t = np.zeros(3)
        self.cloud = hv.face_camera(self, hv.point_cloud(self.axes, self.H, self.run.y))
        # the axes, then the sheet, then its points one after another, while the camera turns
        beat(self, during(FadeIn(self.title), 0, 0.15), during(Create(self.axes), 0, 0.3),
             during(FadeIn(self.labels), 0.2, 0.35), during(FadeIn(self.sheet, rate_func=rush_from), 0.1, 0.35),
             during(FadeIn(self.cloud, lag_ratio=0.01), 0.3, 0.85), *self.turn(), run_time=5.5,
             subcaption="Back to the lifted sheet: every input after W⁽¹⁾, before ReLU, at its z⁽¹⁾.")

    def show_creases(self):
        self.rule = tex(r"x^{(2)} = \mathrm{ReLU}(z^{(1)})", font_size=style.HEADING)
        self.rule.next_to(self.title, DOWN, buff=0.3)
        fix_in_frame(self, self.rule)
        # every crease drawn across the sheet early, and held: the points dim so that the
        # creases read over them (the next beat picks out the points of unit 1)
        shown = [during(m.animate.set_stroke(opacity=1), 0.05 + 0.08 * i, 0.25 + 0.08 * i)
                 for i, m in enumerate(self.sheet.crease_mobs)]
        # A name beside each crease on the sheet, in its unit's colour: the legend of the folds.
        self.crease_names = self.crease_legend()
        shown += [during(FadeIn(n), 0.15 + 0.08 * k, 0.35 + 0.08 * k) for k, n in enumerate(self.crease_names)]
        crosses = [seg is not None for seg in self.sheet.creases]
        beat(self, during(FadeIn(self.rule), 0, 0.3), during(self.dim_cloud(0.3), 0, 0.2), *shown,
             *self.turn(), run_time=3, subcaption=crease_sentence(crosses))

    def dim_cloud(self, opacity):
        """All the points fade to `opacity` (one updater: 200 animations cost a lot)."""
        starts = [dot.get_fill_opacity() for dot in self.cloud]

        def step(cloud, alpha):
            for dot, a in zip(cloud, starts):
                dot.set_opacity(a + alpha * (opacity - a))

        return UpdateFromAlphaFunc(self.cloud, step)

    def crease_legend(self, reach=1.0):
        """Each crease's name, in its unit's colour, out beside the picture, off the sheet and
        the points, joined to an end of its crease by a leader line: the crease ends take turns,
        the upper end on screen named above, the lower one below, and each name steps sideways
        clear of the third axis. [VGroup(name, leader)] per crease that crosses the sheet."""
        camera = self.renderer.camera
        axis_x = camera.project_point(self.axes.c2p(0, 0, 0))[0]
        legend = VGroup()
        for k, (i, seg) in enumerate((i, s) for i, s in enumerate(self.sheet.creases) if s is not None):
            ends = [self.axes.c2p(*p) for p in geometry.image_of_inputs(self.W1, np.asarray(seg))]
            seen = [camera.project_point(e) for e in ends]
            upper = int(np.argmax([p[1] for p in seen]))
            end = upper if k % 2 else 1 - upper
            name = note(f"unit {i + 1}", font_size=LABEL, color=UNIT_COLORS[i])
            name.anchor = ends[end]
            side = 1 if seen[end][0] >= axis_x else -1
            dx = max(0.0, name.width / 2 + 0.25 - abs(seen[end][0] - axis_x)) * side
            offset = np.array([dx, reach if end == upper else -reach, 0.0])
            leader = Line(ORIGIN, RIGHT, color=UNIT_COLORS[i], stroke_width=2)

            def follow(line, name=name):  # from the crease's end to the name's near edge
                a = camera.project_point(hv.anchor_of(name))
                b = name.get_bottom() if name.get_center()[1] > a[1] else name.get_top()
                line.put_start_and_end_on(a, b + 0.06 * (DOWN if b[1] > a[1] else UP))

            hv.pin_to_points(self, [name], offset=offset)
            follow(leader)
            leader.add_updater(follow)
            fix_in_frame(self, leader)
            self.remove(name, leader)
            legend.add(VGroup(leader, name))
        return legend

    def sweep(self, unit):
        """A wave through the points unit's ReLU moves, from its most negative value up to 0;
        when it moves none, through every point, from its least positive value up (the words
        say it is positive on all of them)."""
        moved = self.moved[:, unit]
        if not moved.any():
            moved = np.ones(len(self.H), dtype=bool)
        values = self.H[moved, unit]
        order = [None] * len(self.H)
        for i, r in zip(np.flatnonzero(moved), ranks(values)):
            order[i] = r
        return wave(self.cloud, order, swell=0.8)  # more would merge the dots into one blob

    def wall_box(self, unit):
        """The box unit's wall is cut to: the points where they lie as its fold starts (the
        folds before it done) and where it leaves them, just past them; the part of the plane
        no point comes near is left out, so that it does not hold the camera back."""
        before = (np.arange(3) < unit).astype(float)
        after = (np.arange(3) <= unit).astype(float)
        return tight_extent(np.vstack([geometry.fold(self.H, before), geometry.fold(self.H, after)]), pad=0.03)

    def wall(self, unit):
        normal = np.eye(3)[unit]
        return hv.plane_patch(self.axes, normal, 0.0, self.wall_box(unit), color=UNIT_COLORS[unit],
                              opacity=0.06, stroke=1.5)

    def wall_corners(self, unit):
        """The corners of unit's wall, scene points, for framing."""
        return hv.c2p_many(self.axes, geometry.box_plane_section(np.eye(3)[unit], 0.0, self.wall_box(unit)))

    def count_row(self, unit):
        """'■ unit 1  71  50': the points its ReLU moves, orange and blue; the square is the
        shade of the sheet's side it flattens. [name, orange count, blue count]"""
        moved = self.moved[:, unit]
        swatch = Square(side_length=0.22, stroke_width=1.5, color=UNIT_COLORS[unit],
                        fill_color=UNIT_COLORS[unit], fill_opacity=FLAT + 0.2)  # its side's shade
        name = VGroup(swatch, note(f"unit {unit + 1}", font_size=LABEL, color=UNIT_COLORS[unit]))
        name.arrange(RIGHT, buff=0.2)
        return VGroup(name, *[Integer(int(np.sum(moved & (self.run.y == c))), font_size=style.BODY,
                                      color=style.class_color(c)) for c in (0, 1)])

    def count_table(self):
        """The counts of the three folds under a header that names their columns, 'folded:
        orange | blue', set as a table at the right, below the title's row."""
        rows = [self.count_row(i) for i in range(3)]
        header = VGroup(note("folded:", font_size=style.SMALL, color=MUTED),
                        *[note(name, font_size=style.SMALL, color=style.class_color(c))
                          for c, name in enumerate(style.CLASS_NAMES)])
        first = max(r[0].width for r in rows + [header]) + 0.35  # where the first column starts
        widths = [max(m[k].width for m in rows + [header]) for k in (1, 2)]
        for k, row in enumerate([header, *rows]):
            y = -0.5 * k - (0.08 if k else 0)  # the header a little apart
            row[0].move_to([0, y, 0], aligned_edge=LEFT)
            row[1].move_to([first + widths[0] / 2, y, 0])
            row[2].move_to([first + widths[0] + 0.35 + widths[1] / 2, y, 0])
        table = VGroup(header, *rows)
        # at the right, below the title's row and the rule's (not beside the title)
        table.to_edge(RIGHT, buff=0.4).align_to(self.rule.get_bottom() + 0.15 * DOWN, UP)
        return header, VGroup(*rows)

    def show_first_wall(self):
        """Unit 1's wall, z⁽¹⁾₁ = 0, and the points on its negative side picked out."""
        self.walls = [self.wall(i) for i in range(3)]
        # the counts of the folded points, by class, in a table whose header names its columns
        self.counts_key, self.counts = self.count_table()
        fix_in_frame(self, self.counts_key, *self.counts)
        # the key of what a fold draws: the wall, the points' tracks, the sheet before it
        self.legend = self.fold_legend()
        self.legend_on = [self.legend["wall"][0]]  # (its rows on screen)
        self.add(self.walls[0], self.cloud)
        self.remove(self.walls[0])
        # the camera turns once, to the view every fold is seen from: the crease names and the
        # axes' names are hidden while it turns (mid-turn the axes pass over one another)
        hide, show = self.hide_labels(0.08, 0.36, 0.5)
        beat(self, during(FadeOut(self.crease_names), 0, 0.1), hide,
             during(FadeIn(self.walls[0]), 0, 0.3),
             # the table once the turn is past TABLE_TURN (the picture swings through its corner)
             during(FadeIn(self.counts[0]), 0.3, 0.45), during(FadeIn(self.counts_key), 0.3, 0.45),
             during(self.pick_out(0), 0, 0.12), during(self.crease_to(range(1, 3), 0.0), 0, 0.3),
             during(self.shade(0), 0.2, 0.5), during(FadeIn(self.legend["wall"][0]), 0.35, 0.5),
             during(self.sweep(0), 0.3, 1), *self.turn(early=True),
             run_time=3,
             subcaption=self.sentences[0][0], spoken=said(self.sentences[0][0]))
        show()

    def hide_labels(self, gone, back, shown):
        """The axes' names fade out by `gone` of the beat, stay hidden, and fade back in from
        `back` to `shown`: a tracker their updaters read (an animation on the names would hold
        the updaters that keep them at their axes' ends while the camera turns). Returns the
        animation and a function that takes the updaters off after the beat."""
        seen = ValueTracker(1.0)
        fade = lambda m: m.set_opacity(seen.get_value())  # noqa: E731
        for label in self.labels:
            label.add_updater(fade)

        def done():
            for label in self.labels:
                label.remove_updater(fade)
                label.set_opacity(1.0)

        step = lambda m, alpha: m.set_value(np.interp(alpha, [0, gone, back, shown, 1], [1, 0, 0, 1, 1]))  # noqa: E731
        return UpdateFromAlphaFunc(seen, step, rate_func=linear), done

    def fold_legend(self):
        """The key of the folds, at the top left: per unit its wall ('unit 1's wall,
        z⁽¹⁾₁ = 0', its translucent plane) and its points' tracks (a line), in its colour, and the
        sheet before the fold (the ghost's outline). {"wall": [row per unit], "track": [row per
        unit], "ghost": row}, each row in its slot, fixed in the frame."""
        def row(swatch, words):
            return VGroup(swatch, note(words, font_size=style.SMALL, color=FOREGROUND)).arrange(RIGHT, buff=0.2)

        def slab(color, fill, stroke, opacity):
            return Polygon([0, 0, 0], [0.3, 0, 0], [0.42, 0.2, 0], [0.12, 0.2, 0], color=color, stroke_width=stroke,
                           stroke_opacity=opacity, fill_color=color, fill_opacity=fill)

        walls = [row(slab(UNIT_COLORS[u], 0.2, 1.5, 1.0), f"wall z⁽¹⁾{'₁₂₃'[u]} = 0") for u in range(3)]
        tracks = [row(Line(ORIGIN, 0.42 * RIGHT, color=UNIT_COLORS[u], stroke_width=3), "a point's track")
                  for u in range(3)]
        ghost = row(slab(FOREGROUND, 0.06, 2, 0.6), "sheet before the fold")
        slots = VGroup(walls[0].copy(), tracks[0].copy(), ghost.copy())
        slots.arrange(DOWN, aligned_edge=LEFT, buff=0.14).to_corner(UL, buff=EDGE_BUFF)
        for rows, slot in ((walls, slots[0]), (tracks, slots[1]), ([ghost], slots[2])):
            for r in rows:
                r.move_to(slot, aligned_edge=LEFT)
                fix_in_frame(self, r)
                self.remove(r)
        return {"wall": walls, "track": tracks, "ghost": ghost, "slots": slots}

    def shown_legend(self):
        """The legend's rows on screen (the last fold's)."""
        return VGroup(*self.legend_on)

    def legend_to(self, unit):
        """The legend's rows for unit's fold, as animations squeezed into the beat: the last
        unit's rows out, then its wall's row in and its tracks' row if it moves points; the
        ghost's row from the first fold on. (legend_on: the rows on screen.)"""
        out, on = [], self.legend_on
        if unit > 0:
            for row in (self.legend["wall"][unit - 1], self.legend["track"][unit - 1]):
                if row in on:
                    out.append(during(FadeOut(row), 0, 0.06))
                    on.remove(row)
            out.append(during(FadeIn(self.legend["wall"][unit]), 0.06, 0.14))
            on.append(self.legend["wall"][unit])
        else:
            out.append(during(FadeIn(self.legend["ghost"]), 0, 0.2))
            on.append(self.legend["ghost"])
        tracks = self.moved[:, unit].any()
        if tracks:
            out.append(during(FadeIn(self.legend["track"][unit]), 0.06, 0.14))
            on.append(self.legend["track"][unit])
        # the ghost's row right under the wall's when there are no tracks to name
        ghost, slot = self.legend["ghost"], self.legend["slots"][2 if tracks else 1]
        if unit > 0 and abs(ghost.get_left()[1] - slot.get_left()[1]) > 1e-6:
            out.append(during(ghost.animate.move_to(slot, aligned_edge=LEFT), 0.06, 0.2))
        elif unit == 0:
            ghost.move_to(slot, aligned_edge=LEFT)
        return out

    def crease_to(self, units, opacity):
        """The creases of `units` fade to `opacity`: only the crease of the unit that folds is
        drawn while it folds (another's, crossing the thin sheet, reads as a stray dot). An
        updater of the stroke alone: the fold redraws the creases' points meanwhile."""
        creases = [self.sheet.crease_mobs[i] for i in units]
        starts = [m.get_stroke_opacity() for m in creases]

        def step(_, alpha):
            for m, a in zip(creases, starts):
                m.set_stroke(opacity=a + alpha * (opacity - a))

        return UpdateFromAlphaFunc(self.sheet.crease_mobs, step)  # a group the scene holds

    def pick_out(self, unit):
        """Dim the points a unit's ReLU leaves alone, so the ones it moves stand out."""
        starts = [dot.get_fill_opacity() for dot in self.cloud]
        ends = [0.95 if moved else 0.25 for moved in self.moved[:, unit]]

        def step(cloud, alpha):  # one updater: 200 animations cost a lot
            for dot, a, b in zip(cloud, starts, ends):
                dot.set_opacity(a + alpha * (b - a))

        return UpdateFromAlphaFunc(self.cloud, step)

    def fold_unit(self, unit):
        """Press everything with z⁽¹⁾ᵢ < 0 onto the wall z⁽¹⁾ᵢ = 0: ReLU played as a clamp."""
        start = self.t.copy()

        ghosts = self.ghost_sheet()
        # a few of the moving points leave a track in the unit's colour, from where they were
        # to where they are: the fold is seen to carry them straight onto the wall
        tracked = self.tracked(unit)
        origins = hv.c2p_many(self.axes, geometry.fold(self.H[tracked], start))
        self.trails = VGroup(*[VMobject(stroke_color=UNIT_COLORS[unit], stroke_width=3, stroke_opacity=0.9)
                               .set_points_as_corners([o, o + 1e-4 * RIGHT]) for o in origins])
        self.add(self.trails, self.cloud)  # under the points

        def step(group, alpha):
            t = start.copy()
            t[unit] = alpha
            self.sheet.redraw(t)
            now = geometry.fold(self.H, t)
            hv.move_cloud(self.axes, self.cloud, now)
            for trail, o, p in zip(self.trails, origins, hv.c2p_many(self.axes, now[tracked])):
                trail.set_points_as_corners([o, p if np.linalg.norm(p - o) > 1e-4 else o + 1e-4 * RIGHT])

        fold = UpdateFromAlphaFunc(VGroup(self.sheet, self.cloud, self.trails), step)
        before, close = [], []
        if unit > 0:
            self.add(self.walls[unit], self.cloud)
            self.remove(self.walls[unit])
            before = [during(self.fade_wall(unit - 1), 0, 0.25),
                      during(FadeIn(self.walls[unit]), 0, 0.25), during(FadeIn(self.counts[unit]), 0, 0.25),
                      during(self.shade(unit), 0, 0.25), during(self.crease_to([unit], 1.0), 0, 0.25),
                      during(self.pick_out(unit), 0, 0.12)]
            fold = during(fold, 0.25, 1)
            words = self.sentences[unit]
            if not self.moved[:, unit].any() and self.sheet.creases[unit] is not None:
                # only an empty corner folds: it is shown enlarged beside the picture
                close = self.corner_inset(unit)
        else:
            words = self.sentences[0][1]
        after = [during(self.sweep(unit), 0.3, 1)] if unit > 0 else []
        beat(self, *ghosts, *before, fold, *after, *self.legend_to(unit), *self.turn(), *close,
             run_time=4, subcaption=words, spoken=said(words))
        self.t[unit] = 1.0

    def tracked(self, unit, count=6, share=0.3):
        """Indices of up to `count` of the points unit's ReLU moves, spread over the part that
        folds (each the farthest from those picked before), among those that move at least
        `share` of the farthest move: their tracks are long enough to be seen."""
        depth = -self.H[:, unit]
        pool = np.flatnonzero(self.moved[:, unit] & (depth >= share * depth.max()))
        if not len(pool):
            return np.zeros(0, dtype=int)
        picked = [pool[np.argmax(depth[pool])]]
        while len(picked) < min(count, len(pool)):
            gaps = np.min(np.linalg.norm(self.H[pool][:, None] - self.H[picked][None], axis=2), axis=1)
            picked.append(pool[int(np.argmax(gaps))])
        return np.array(picked)

    def ghost_sheet(self):
        """A faint outline of the sheet where it lies before this fold, kept while the fold
        plays, so that its before and after are seen together; the last fold's ghost leaves
        as this one comes. Returns the animations."""
        out = [during(FadeOut(self.ghost), 0, 0.2)] if getattr(self, "ghost", None) is not None else []
        if len(getattr(self, "trails", [])):  # the last fold's tracks leave with its ghost
            out.append(during(FadeOut(self.trails), 0, 0.2))
        self.ghost = VGroup(*[Polygon(*m.get_vertices(), color=FOREGROUND, stroke_width=2, stroke_opacity=0.6,
                                      fill_color=FOREGROUND, fill_opacity=0.06)
                              for m in self.sheet.piece_mobs if len(m.points)])
        self.add(self.ghost, self.sheet, self.cloud)  # under the sheet and the points
        self.remove(self.ghost)
        return out + [during(FadeIn(self.ghost), 0, 0.15)]

    def fade_wall(self, unit, fill=0.0, stroke=0.0):
        """Unit's wall fades out once its fold is done, so that only the wall of the unit
        folding is seen (three translucent walls at once clutter the view); an updater of its
        opacity alone: the world may move meanwhile."""
        wall = self.walls[unit]
        f0, s0 = wall.get_fill_opacity(), wall.get_stroke_opacity()

        def step(m, alpha):
            m.set_fill(opacity=f0 + alpha * (fill - f0)).set_stroke(opacity=s0 + alpha * (stroke - s0))

        return UpdateFromAlphaFunc(wall, step)

    def corner_pieces(self, unit):
        """The pieces of the sheet (input coordinates) on unit's negative side."""
        return [poly for poly, active in zip(self.sheet.pieces, self.sheet.active) if not active[unit]]

    def corner_inset(self, unit, around=3.0, width=3.2, height=3.1):
        """The empty corner that unit folds, enlarged, in a box below the counts: on every frame
        the part of the sheet round the corner (its pieces, the crease, any point), seen from
        the view that sees that fold open (fold_view: the part that folds apart from the part
        it keeps), magnified so that the corner and the sheet `around` times its size about it
        fill the box; a square marks that part in the picture.

        Returns the animations that bring in the square and the inset."""
        camera = self.renderer.camera
        camera.reset_rotation_matrix()
        pieces = self.corner_pieces(unit)
        x0, x1, y0, y1 = self.sheet_extent
        near = []
        for poly in pieces:
            c = poly.mean(axis=0)
            grown = c + around * (poly - c)
            near += [poly, np.column_stack([np.clip(grown[:, 0], x0, x1), np.clip(grown[:, 1], y0, y1)])]
        near = augment(np.vstack(near)) @ self.W1.T
        folded_t = self.t.copy()
        folded_t[unit] = 1.0
        corner = augment(np.vstack(pieces).mean(axis=0)[None]) @ self.W1.T
        at = lambda: hv.c2p_many(self.axes, geometry.fold(corner, self.sheet.stage))[0]  # noqa: E731
        # the view of this fold: from the crease, the kept sheet round it and the folded corner
        hinge = augment(np.mean(self.sheet.creases[unit], axis=0)[None]) @ self.W1.T
        hinge = geometry.fold(hinge, self.t)[0]
        kept = geometry.fold(near[near[:, unit] > 0], self.t).mean(axis=0) - hinge
        went = geometry.fold(near[near[:, unit] < 0], folded_t).mean(axis=0) - hinge
        arms = (kept / np.linalg.norm(kept), went / np.linalg.norm(went))
        view = fold_view(unit, arms, (camera.get_phi(), camera.get_theta()))
        project = lambda P: hv.screen_points(P, *view)  # noqa: E731
        seen = project(hv.c2p_many(self.axes, np.vstack([geometry.fold(near, self.t),
                                                         geometry.fold(near, folded_t)])))
        middle = project([at()])[0]
        box = Rectangle(width=width, height=height, color=style.EMPHASIS, stroke_width=2)
        heading = note("corner, enlarged", font_size=style.SMALL, color=MUTED)  # clear of the sides
        # nearer the edge than the counts: clear of the picture (FOLD_SUBJECT), where the
        # folding unit's wall reaches
        room = config.frame_width / 2 - FOLD_SUBJECT[1] - 0.05 - width
        box.next_to(self.counts[-1], DOWN, buff=0.3).to_edge(RIGHT, buff=min(0.4, max(room, 0.15)))
        heading.move_to(box.get_top() + DOWN * 0.25)
        # a key under the picture: which part folded, which is left as it was, and how far the
        # nearest point lies from the crease (the unit moves none)
        key = self.corner_key(unit).next_to(box.get_bottom(), UP, buff=0.2).align_to(box, LEFT).shift(0.15 * RIGHT)
        heading = VGroup(heading, key)
        window = np.array([box.get_left()[0] + 0.1, box.get_right()[0] - 0.1,
                           key.get_top()[1] + 0.1, heading[0].get_bottom()[1] - 0.1])
        inner = np.array([window[0] + window[1], window[2] + window[3]]) / 2
        half = np.array([window[1] - window[0], window[3] - window[2]]) / 2
        reach = np.abs(seen - middle).max(axis=0)
        scale = float(min(half / np.maximum(reach, 1e-6))) * 0.9
        # the part of the picture shown enlarged, marked where it is
        lens = camera.get_zoom() / scale  # about the size that part has in the picture
        self.corner_lens = Rectangle(width=2 * half[0] * lens, height=2 * half[1] * lens,
                                     color=style.EMPHASIS, stroke_width=2)
        self.corner_lens.anchor = at
        # shown by a tracker that its updaters read (an animation on a mobject would hold
        # its updaters for the whole beat, and the lens and the enlarged picture move)
        shown = ValueTracker(0.0)
        self.corner_lens.add_updater(lambda m: m.set_stroke(opacity=shown.get_value()))
        hv.pin_to_points(self, [self.corner_lens])
        sheet = self.sheet
        shapes = VGroup(*[Polygon(*[ORIGIN] * 3) for _ in sheet.piece_mobs])
        crease = Line(ORIGIN, RIGHT, color=UNIT_COLORS[unit], stroke_width=5)
        # of the points, only the one nearest the crease, which the key names
        near_dots = [int(np.argmin(self.H[:, unit]))]
        dots = VGroup(*[Dot(radius=0.06, color=self.cloud[i].get_fill_color()) for i in near_dots])

        def redraw(group):
            c = project([at()])[0]
            to_box = lambda P: inner + scale * (np.asarray(P)[:, :2] - c)  # noqa: E731
            k = shown.get_value()
            for shape, piece in zip(shapes, sheet.piece_mobs):
                clipped = clip_to(to_box(project(piece.get_vertices())), window)
                if len(clipped) < 3:
                    shape.clear_points()
                    continue
                flat = np.column_stack([clipped, np.zeros(len(clipped))])
                shape.set_points_as_corners([*flat, flat[0]])
                shape.set_fill(piece.get_fill_color(), opacity=k * piece.get_fill_opacity())
                shape.set_stroke(piece.get_stroke_color(), width=piece.get_stroke_width(), opacity=k)
            ends = np.asarray(sheet.crease_mobs[unit].get_anchors())
            segment = clip_segment(to_box(project(ends[[0, -1]])), window) if len(ends) else None
            if segment is None:
                crease.set_stroke(opacity=0)
            else:
                crease.put_start_and_end_on([*segment[0], 0], [*segment[1], 0]).set_stroke(opacity=k)
            for dot, i in zip(dots, near_dots):
                q = to_box(project([hv._centre(self.cloud[i])]))[0]
                inside = window[0] < q[0] < window[1] and window[2] < q[1] < window[3]
                dot.move_to([*q, 0]).set_opacity(0.95 * k if inside else 0)

        # a dark ground under the enlarged picture, so that the walls behind it do not show
        ground = box.copy().set_stroke(width=0).set_fill(style.BACKGROUND, opacity=0)
        ground.add_updater(lambda m: m.set_fill(opacity=0.95 * shown.get_value()))
        picture = VGroup(shapes, crease, dots)
        redraw(picture)
        picture.add_updater(redraw)
        self.corner_view = VGroup(box, heading, picture, ground)
        fix_in_frame(self, self.corner_view)
        self.add(ground, picture)  # drawn by their updaters, faded in by `shown`, the picture over its ground
        return [during(shown.animate.set_value(1.0), 0.15, 0.3), during(FadeIn(VGroup(box, heading)), 0.15, 0.3)]

    def corner_key(self, unit):
        """'■ folded: no points', '■ unchanged', '● nearest point', 'its z⁽¹⁾ᵢ = 0.31' (from the
        run): the one point the enlarged corner shows."""
        rows = VGroup()
        for color, fill, words in ((UNIT_COLORS[unit], FLAT + 0.25, "folded: no points"),
                                   (Z_COLOR, SHEET_FILL + 0.2, "unchanged")):
            swatch = Square(side_length=0.18, stroke_width=1.5, color=color, fill_color=color, fill_opacity=fill)
            rows.add(VGroup(swatch, note(words, font_size=style.SMALL, color=FOREGROUND)).arrange(RIGHT, buff=0.15))
        nearest = int(np.argmin(self.H[:, unit]))
        dot = Dot(radius=0.06, color=style.class_color(self.run.y[nearest]))
        rows.add(VGroup(dot, note("nearest point", font_size=style.SMALL, color=FOREGROUND)).arrange(RIGHT, buff=0.2))
        rows.add(note(f"its z⁽¹⁾{'₁₂₃'[unit]} = {self.H[nearest, unit]:.2f}", font_size=style.SMALL, color=MUTED))
        return rows.arrange(DOWN, aligned_edge=LEFT, buff=0.1)

    def short_axes(self, more=0.3):
        """After the folds every point has x⁽²⁾ ≥ 0: axes on the same scale and origin that
        only reach over the folded points, so that the camera can come close; with the anchors
        their names move to, past their ends (`more` farther out, clear of the strands of
        points that reach along them)."""
        box = geometry.extent_of(self.run.hidden_post[-1], margin=0.1)
        unit = self.axes.x_axis.get_unit_size()
        short = hv.hidden_axes(box, side=unit * max(hi - lo for lo, hi in box))
        short.shift(self.axes.c2p(0, 0, 0) - short.c2p(0, 0, 0))
        origin = short.c2p(0, 0, 0)
        anchors = []
        for label in hv.hidden_axis_labels(short):
            out = label.anchor - origin
            anchors.append(origin + out + more * out / np.linalg.norm(out))
        return short, np.array(anchors)

    def leave_axes(self, shift, gone=0.4):
        """The long axes move by `shift` with the world over the beat (the sheet and the points
        are drawn from them) and fade out in its first `gone` share, while the short ones,
        moving with them, fade in."""
        start = self.axes.c2p(0, 0, 0)
        self.post_axes.set_stroke(opacity=0)
        self.add(self.post_axes)

        def step(axes, alpha):
            for a in (axes, self.post_axes):
                a.shift(start + alpha * np.asarray(shift) - a.c2p(0, 0, 0))
            axes.set_stroke(opacity=max(0.0, 1 - alpha / gone))
            self.post_axes.set_stroke(opacity=min(1.0, alpha / gone))

        return UpdateFromAlphaFunc(self.axes, step)

    def leave_sheet(self, gone=0.3):
        """The folded sheet follows the axes as the world moves, and fades out in the first
        `gone` share of the beat: the cut is about the points, and the camera comes close to
        them (the sheet's far corners, where no point lies, would leave the frame)."""
        sheet = self.sheet
        pieces = [(m, m.get_fill_opacity(), m.get_stroke_opacity()) for m in sheet.piece_mobs]
        strokes = [(m, m.get_stroke_opacity()) for m in (*sheet.line_mobs, *sheet.crease_mobs)]

        def step(_, alpha):
            sheet.redraw(self.t)
            f = max(0.0, 1 - alpha / gone)
            for m, fill, stroke in pieces:
                m.set_fill(opacity=fill * f).set_stroke(opacity=stroke * f)
            for m, stroke in strokes:
                m.set_stroke(opacity=stroke * f)

        return UpdateFromAlphaFunc(sheet, step, rate_func=linear)

    def labels_to(self, anchors, shift):
        """The axes' names glide to `anchors` (where they are before the world moves by
        `shift`) as self.relabel runs from 0 to 1, riding along with the world meanwhile."""
        self.relabel = ValueTracker(0.0)
        origin0 = self.axes.c2p(0, 0, 0)
        for label, end in zip(self.labels, anchors):
            start = hv.anchor_of(label) - origin0
            end = end - origin0

            def anchor(start=start, end=end):
                t = self.relabel.get_value()
                return self.axes.c2p(0, 0, 0) + start + t * (end - start)

            label.anchor = anchor

    def show_separable(self):
        post = self.run.hidden_post[-1]
        z2 = post @ self.W2[0, :3] + self.W2[0, 3]
        self.wrong = int(np.sum((z2 > 0) != (self.run.y == 1)))
        n = self.W2[0, :3] / np.linalg.norm(self.W2[0, :3])
        here = (self.camera.get_phi(), self.camera.get_theta())
        box = geometry.extent_of(post, margin=0.1)
        # W⁽²⁾'s plane in W⁽²⁾'s colour, strong enough to read as that colour (and not as the
        # cyan of unit 3's wall, which leaves as it comes)
        self.plane = hv.separating_plane(self.axes, self.W2, box, opacity=0.3, stroke=4)
        # the axes shrink to where the folded points are (none is negative now), their names
        # at their new ends, so that the camera comes close
        self.post_axes, anchors = self.short_axes()
        points = np.vstack([[self.axes.c2p(*p) for p in post],
                            hv.axes_points(self.post_axes), anchors,
                            [self.axes.c2p(*p) for p in self.plane.vertices_hidden]])
        # Re-centre on the folded picture: the world moves while the camera turns. The plane is
        # first seen aslant, near the view it is then seen edge on from.
        on_plane = self.axes.c2p(*np.mean(self.plane.vertices_hidden, axis=0))
        degree = np.pi / 180
        def angle(u, v):
            """Degrees between the directions of the views u and v."""
            return np.degrees(np.arccos(np.clip(hv.camera_direction(*u) @ hv.camera_direction(*v), -1, 1)))

        def aslant_of(view):
            """A view that sees the plane as a plane (at least CUT_TILT degrees off edge on),
            with the axes apart, as near the edge-on `view` and the camera's view as can be (a
            step on from the camera's if none does)."""
            best, best_cost = (here[0], here[1] + STEP), np.inf
            for dp in np.arange(-10, 11, 5) * degree:
                for dt in np.arange(-60, 61, 5) * degree:
                    v = (view[0] + dp, view[1] + dt)
                    tilt = np.degrees(np.arcsin(min(abs(hv.camera_direction(*v) @ n), 1.0)))
                    if not 30 * degree <= v[0] <= 80 * degree or tilt < CUT_TILT or not axes_apart(*v, 25):
                        continue
                    cost = angle(v, view) + angle(v, here)
                    if cost < best_cost:
                        best, best_cost = v, cost
            return best

        def framing(view):
            """(zoom, centre, aslant) of the cut seen edge on from `view` after aslant. The zoom
            fits every view on the turn from aslant to edge on (the camera's angles move in a
            straight line between them), not only its end: mid-turn the axes' names reach
            further down than at either end."""
            aslant = aslant_of(view)
            turn = [(aslant[0] + s * (view[0] - aslant[0]), aslant[1] + s * (view[1] - aslant[1]))
                    for s in np.linspace(1, 0, 9)]  # the edge-on view first: the points are centred for it
            _, centre = hv.fit_view(points, turn, CUT_SUBJECT)
            # the plane through the point the camera looks at (the world moves along its normal
            # so far): the view along it then has the eye in the plane too, and sees it as a
            # line (seen in perspective from off the plane, a plane is a wedge)
            centre = centre + n * (n @ (on_plane - centre))
            return hv.fit_view(points - centre, turn, CUT_SUBJECT, frame_center=np.zeros(3))[0], centre, aslant

        # look along W⁽²⁾'s plane: of the views that do (each the nearest to a direction round
        # the sky), the one that shows the folded points largest, a long turn counted against
        # it; each taken the short way round from the camera's view
        starts = [hv.camera_direction(*here)] + [hv.camera_direction(a * degree, b * degree)
                                                 for a in (40, 65) for b in range(-180, 180, 30)]
        views = {tuple(np.round(edge_on_view(n, d), 6)) for d in starts}
        views = [(v[0], here[1] + (v[1] - here[1] + np.pi) % (2 * np.pi) - np.pi) for v in views]
        phi, theta = max(views, key=lambda v: framing(v)[0] * (1 - CUT_TURN_COST * angle(v, here) / 180))
        zoom, centre, aslant = framing((phi, theta))
        # the turn from the camera's view to aslant fits too
        to_aslant = [(here[0] + s * (aslant[0] - here[0]), here[1] + s * (aslant[1] - here[1]))
                     for s in np.linspace(1, 0, 9)]
        zoom_aslant, _ = hv.fit_view(points - centre, to_aslant, CUT_SUBJECT, frame_center=np.zeros(3))
        zoom_aslant = min(zoom_aslant, zoom)  # so no zoom between them is larger than fits
        self.labels_to(anchors, -centre)
        self.plane.shift(-centre)
        total = len(post)
        readout = VGroup(note("W⁽²⁾'s plane, z⁽²⁾ = 0", font_size=LABEL, color=W2_COLOR),
                         VGroup(Integer(total - self.wrong, font_size=style.BODY, color=FOREGROUND),
                                note(f"of {total} right", font_size=LABEL, color=FOREGROUND))
                         .arrange(RIGHT, buff=0.15))
        # the folds are done: their key leaves, and W⁽²⁾'s teal takes its place (the key's
        # third unit is cyan, too near teal to share the screen with it)
        readout.arrange(DOWN, aligned_edge=LEFT, buff=0.12).align_to(self.counts_key, UP)
        readout.to_edge(RIGHT, buff=0.6)
        self.readout = readout
        fix_in_frame(self, readout)
        self.add(self.plane, self.cloud)  # dots drawn over the plane
        self.remove(self.plane)
        # The points on the wrong side, when there are few enough to see: the split happens
        # within a few pixels of the picture, so a square marks where, and an inset beside the
        # picture shows that place enlarged, seen along the plane, each wrong point ringed.
        wrong = np.flatnonzero((z2 > 0) != (self.run.y == 1))
        self.rings = VGroup()
        if 0 < len(wrong) <= 5:
            # the inset drawn as the camera will draw the picture at the end of the cut, so that
            # its sides lie as they do in the picture
            self.cut_view = (phi, theta, zoom)
            project = lambda P: hv.screen_points(hv.c2p_many(self.axes, P) - centre, phi, theta, zoom)  # noqa: E731
            self.inset, half = cut_inset(post, self.run.y, self.W2, wrong, project)
            self.inset.next_to(readout, DOWN, buff=0.35).to_edge(RIGHT, buff=0.5)
            fix_in_frame(self, self.inset)
            side = 2 * half * self.axes.x_axis.get_unit_size() * zoom  # the window, as the camera draws it
            self.lens = Rectangle(width=side, height=side * self.inset.aspect, color=style.EMPHASIS, stroke_width=2)
            self.lens.anchor = self.axes.c2p(*self.inset.centre) - centre
            # each wrong point ringed in the picture too, as in the inset
            self.main_rings = VGroup(*[Circle(radius=0.12, color=style.ERROR, stroke_width=3) for _ in wrong])
            for ring, i in zip(self.main_rings, wrong):
                ring.anchor = self.axes.c2p(*post[i]) - centre
            hv.pin_to_points(self, [self.lens, *self.main_rings])
            self.remove(self.lens, *self.main_rings)
            self.rings = VGroup(self.lens, self.main_rings, self.inset)
        new_labels = VGroup(*[backed(tex(name, font_size=style.BODY, color=X_COLOR)).move_to(label)
                              for name, label in zip(OUTPUT_NAMES, self.labels)])
        # the new names fade in over the old ones, both following their anchors all the while:
        # shown by a tracker that their updaters read (an animation on a label would hold its
        # updaters, and so the name where it was, to the end of the beat)
        swap = ValueTracker(0.0)
        for old, new in zip(self.labels, new_labels):
            new.anchor = old.anchor
            old.add_updater(lambda m: m.set_opacity(1 - swap.get_value()))
            new.add_updater(lambda m: m.set_opacity(swap.get_value()))
        new_labels.set_opacity(0)
        hv.pin_to_points(self, new_labels)
        self.add(*new_labels)
        relabel = [during(swap.animate(rate_func=smooth).set_value(1.0), 0, 0.3)]
        cut, seen = split_sentence(self.wrong, total)
        beat(self, *[during(FadeOut(w, shift=-centre), 0, 0.2) for w in self.walls],
             during(FadeOut(self.ghost, shift=-centre), 0, 0.2),
             *([during(FadeOut(self.trails, shift=-centre), 0, 0.2)] if len(self.trails) else []),
             during(FadeOut(VGroup(*self.counts, self.counts_key)), 0, 0.2),
             during(FadeOut(self.shown_legend()), 0, 0.2),
             *([during(FadeOut(VGroup(self.corner_lens, self.corner_view)), 0, 0.2)]
               if hasattr(self, "corner_view") else []),
             during(self.leave_axes(-centre), 0, BACK),
             during(self.relabel.animate.set_value(1), 0, BACK),
             during(self.leave_sheet(), 0, BACK),
             during(AnimationGroup(*[dot.animate.shift(-centre).set_opacity(0.95) for dot in self.cloud]), 0, BACK),
             *relabel,
             during(Indicate(self.rule, color=X_COLOR), 0, 0.3),
             during(FadeIn(self.plane), 0.3, 0.8), during(FadeIn(readout[0]), 0.4, 0.7),  # named as it comes
             *drift(self, phi=aslant[0], theta=aslant[1]), *camera_to(self, 0, BACK, zoom=zoom_aslant),
             run_time=3, subcaption=cut)
        self.remove(*self.labels)
        self.labels = new_labels
        # edge on early in the words, and kept: the claim is seen while it is said
        beat(self, during(FadeIn(readout[1]), 0.5, 1),
             *([during(FadeIn(self.lens), 0.55, 0.7), during(FadeIn(self.main_rings), 0.55, 0.7),
                 during(FadeIn(self.inset), 0.6, 0.85)]
               if len(self.rings) else []),
             camera=dict(phi=phi, theta=theta, zoom=zoom), run_time=2.5, hold=3.5,
             subcaption=seen)
        self.wait(1.0)
