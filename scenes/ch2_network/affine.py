"""The extra 1s: an offset Wx + b becomes one matrix product [W b] x̃ once x carries a 1."""

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    MathTex,
    Matrix,
    Scene,
    SurroundingRectangle,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    rate_functions,
)

from scenes.pacing import beat, during
from scenes.run_data import load_scene_run
from scenes.style import (
    BODY,
    EDGE_BUFF,
    EMPHASIS,
    FOREGROUND,
    LABEL,
    MUTED,
    SMALL,
    W1_COLOR,
    W2_COLOR,
    X_COLOR,
    Z_COLOR,
)
from scenes.ch2_network.xor_problem import line_ends
from scenes.widgets.highlight import PointAt
from scenes.widgets.input_plane import input_axes
from scenes.widgets.matrices import dec_matrix, int_matrix
from scenes.widgets.text import note, tex, title

# The example's inputs (chosen); everything derived from them is computed below.
A = np.array([[2, -1], [1, 3]])
B = np.array([1, -2])
X = np.array([3, 1])


INSET = (-1.5, 1.5, -1.5, 1.5)  # the small plane of the last beats

# Matrices here are spaced a little wider than the default, for the row of equations.
SPACING = {"v_buff": 0.65}


def symbol_column(entries, font_size, v_buff=SPACING["v_buff"]):
    """A column of symbols in the input colour, its appended constant 1 muted; spaced like the
    weight matrices beside it, so that rows line up. Every entry is as tall as the tallest (a
    phantom of it), so that a short 1 under tall x⁽²⁾ₖ sits as far below them as they sit
    apart."""
    tallest = max(entries, key=len)
    col = Matrix([[e] for e in entries], v_buff=v_buff, element_alignment_corner=DOWN,
                 element_to_mobject=lambda e: MathTex(e + r"\vphantom{" + tallest + "}",
                                                      font_size=font_size))
    col.set_color(X_COLOR)
    col.get_entries()[-1].set_color(MUTED)
    return col


def shown_unit(W1, extent=INSET):
    """The hidden unit whose offset moves its line farthest from the origin while the line
    still crosses the small plane: the one that shows best what an offset does."""
    W1 = np.asarray(W1, dtype=float)
    x0, x1, y0, y1 = extent
    paper = np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    norms = np.linalg.norm(W1[:, :2], axis=1)
    crossing = [line_ends(W1[u, :2] / norms[u], W1[u, 2] / norms[u], paper) is not None for u in range(len(W1))]
    distance = np.where(crossing, np.abs(W1[:, 2]) / norms, -1.0)
    return int(np.argmax(distance))


def unit_equation(w, with_offset, unit):
    """'unit k: a x₁ + b x₂ + c = 0' with row w of the run's W⁽¹⁾ (two decimals); the offset
    left out when with_offset is False."""
    terms = f"{w[0]:.2f}\\,x_1 {'-' if w[1] < 0 else '+'} {abs(w[1]):.2f}\\,x_2"
    if with_offset:
        terms += f" {'-' if w[2] < 0 else '+'} {abs(w[2]):.2f}"
    mob = tex(rf"\text{{unit {unit + 1}:}}\quad " + terms + " = 0", font_size=LABEL, color=W1_COLOR, colored=False)
    mob.coefficients = np.round(np.asarray(w, float) * [1, 1, 1 if with_offset else 0], 2)
    return mob


class AffineTrick(Scene):
    def construct(self):
        run = load_scene_run()
        self.W1, self.W2 = run.W1[-1], run.W2[-1]
        self.show_affine()
        self.show_stacked()
        self.compare()
        self.show_w1_bias()
        self.show_w2_bias()

    # -- beats -------------------------------------------------------------------------
    def show_affine(self):
        self.title = title("The extra 1s")
        self.A, self.x, self.b = int_matrix(A, **SPACING), int_matrix(X, color=X_COLOR, **SPACING), int_matrix(B, **SPACING)
        self.affine_result = int_matrix(A @ X + B, color=Z_COLOR, **SPACING)
        self.product = int_matrix(A @ X, **SPACING)  # the step before the offset
        self.row1 = VGroup(tex(r"W x + b ="), self.A, self.x, tex("+"), self.b,
                           tex("="), self.product, tex("+"), self.b.copy(),
                           tex("="), self.affine_result).arrange(RIGHT, buff=0.25)
        self.row1.move_to(UP * 1.3)
        beat(self, during(FadeIn(self.title), 0, 0.1), Write(self.row1[:5]), run_time=3,
             subcaption="A matrix times a vector, plus an offset b: a map that is affine, not linear.")
        ax, total = (", ".join(str(int(v)) for v in vec) for vec in (A @ X, A @ X + B))
        rows = self.A.get_rows()
        runner = SurroundingRectangle(VGroup(rows[0], self.x), color=EMPHASIS, buff=0.08)
        runner.stretch_to_fit_height(SurroundingRectangle(rows[0], buff=0.08).height)
        runner.move_to(VGroup(rows[0], self.x.get_entries()[0]))
        second = runner.copy().move_to(VGroup(rows[1], self.x.get_entries()[1])).match_x(runner)
        # the row being multiplied is boxed as its entry of Ax appears
        beat(self, during(Create(runner), 0, 0.2), during(Write(self.row1[5:7]), 0.05, 0.3),
             during(runner.animate.move_to(second), 0.25, 0.45),
             during(Write(self.row1[7:9]), 0.4, 0.6), during(FadeOut(runner), 0.5, 0.6),
             during(Write(self.row1[9:]), 0.6, 1),
             subcaption=f"Multiply first, Wx = ({ax}), then add the offset: ({total}) comes out.",
             spoken=f"Multiply first, W x is ({ax}), then add the offset: ({total}) comes out.")

    def show_stacked(self):
        A_prime = np.hstack([A, B.reshape(-1, 1)])
        x_prime = np.append(X, 1)
        self.A_prime = int_matrix(A_prime, **SPACING)
        self.x_prime = int_matrix(x_prime, color=X_COLOR, **SPACING)
        self.x_prime.get_entries()[-1].set_color(MUTED)  # the appended constant
        self.stacked_result = int_matrix(A_prime @ x_prime, color=Z_COLOR, **SPACING)
        self.row2 = VGroup(tex(r"[\,W\ \ b\,]\,\tilde{x} ="), self.A_prime, self.x_prime, tex("="),
                           self.stacked_result).arrange(RIGHT, buff=0.25)
        self.row2.move_to(DOWN * 1.4).align_to(self.row1, LEFT)
        cols = self.A_prime.get_columns()
        self.b_box = SurroundingRectangle(cols[-1], color=FOREGROUND, buff=0.12)
        self.one_box = SurroundingRectangle(self.x_prime.get_entries()[-1], color=MUTED, buff=0.1)
        # the entries come whole, W's then b's beside them (a morph from the row above split
        # the signs of the numbers into stray dashes)
        beat(self, during(FadeIn(self.row2[0]), 0, 0.3), during(FadeIn(self.A_prime.get_brackets()), 0, 0.3),
                   during(FadeIn(VGroup(*cols[0], *cols[1]), shift=DOWN * 0.3), 0, 0.3),
                   during(FadeIn(cols[-1], shift=LEFT * 0.3), 0.2, 0.45),
                   during(Create(self.b_box), 0.45, 0.6),
                   subcaption="Now glue b onto W as one more column: a wider matrix, [W b].",
                   spoken="Now glue b onto W as one more column: a wider matrix, W with b beside it.")
        beat(self, during(FadeIn(VGroup(self.x_prime.get_brackets(), *self.x_prime.get_entries()[:2]),
                                 shift=DOWN * 0.3), 0, 0.3),
                   during(FadeIn(self.x_prime.get_entries()[-1], shift=UP * 0.3), 0.2, 0.4),
                   during(Create(self.one_box), 0.4, 0.55),
                   subcaption="And give x one more entry, a fixed 1, at the bottom: that is x̃.",
                   spoken="And give x one more entry, a fixed 1, at the bottom: that is x tilde.")

    def compare(self):
        # b's column, then the 1 it is multiplied by, then the result: lit one after the other
        # (each light fades in where it belongs, so none slides over a bracket)
        lights = VGroup(SurroundingRectangle(self.A_prime.get_columns()[-1], buff=0.12),
                        SurroundingRectangle(self.x_prime.get_entries()[-1], buff=0.1),
                        SurroundingRectangle(self.stacked_result.get_entries(), buff=0.12))
        lights.set_stroke(color=EMPHASIS, width=6, opacity=0)
        self.lights = lights
        windows = [(0.0, 0.38), (0.32, 0.68), (0.62, 1.0)]  # each light's share of the beat

        def light(group, t):  # each fades in and out at its window's ends
            for mob, (a, b) in zip(group, windows):
                mob.set_stroke(opacity=float(np.clip(min(t - a, b - t) / 0.06, 0, 1)))

        self.add(lights)
        beat(self, during(Write(self.row2[3:]), 0, 0.4),
             during(UpdateFromAlphaFunc(lights, light), 0.3, 1),
                   subcaption="The last column gets multiplied by that 1, so it adds exactly b.")
        self.remove(lights)
        boxes = VGroup(SurroundingRectangle(self.affine_result, color=Z_COLOR, buff=0.1),
                       SurroundingRectangle(self.stacked_result, color=Z_COLOR, buff=0.1))
        same = note("the same vector", color=Z_COLOR).next_to(boxes[1], RIGHT, buff=0.35)
        traveller = self.affine_result.copy()
        beat(self, during(Create(boxes[0]), 0, 0.3),
             during(traveller.animate.move_to(self.stacked_result), 0.2, 0.75),
             during(FadeOut(traveller), 0.75, 0.85),
             during(Create(boxes[1]), 0.7, 0.95), during(Write(same), 0.75, 1),
                   subcaption="Same vector both ways: an offset in two dimensions is a plain matrix "
                             "product one dimension up.")
        self.marks = VGroup(boxes, same)

    def show_w1_bias(self):
        self.w1_matrix = dec_matrix(self.W1, color=W1_COLOR, h_buff=1.35, **SPACING)
        xt = symbol_column(["x_1", "x_2", "1"], BODY)
        self.w1_row = VGroup(tex(r"W^{(1)}\tilde{x} ="), self.w1_matrix, xt)
        # its top well clear of the title, with room below it for the second layer
        self.w1_row.arrange(RIGHT, buff=0.3).move_to(UP * 1.7)
        self.w1_bias_box = SurroundingRectangle(self.w1_matrix.get_columns()[-1], color=EMPHASIS, buff=0.1)
        self.w1_one_box = SurroundingRectangle(xt.get_entries()[-1], color=EMPHASIS, buff=0.08)
        why = note("last column: each hidden unit's offset, multiplied by the 1 of x̃")
        why.next_to(self.w1_row, DOWN, buff=0.3)
        self.w1_note = why
        example = VGroup(self.row1, self.row2, self.b_box, self.one_box, self.marks)
        beat(self, during(FadeOut(example), 0, 0.2), during(Write(self.w1_row), 0.1, 0.6),
             subcaption="The network uses this very trick: the trained W⁽¹⁾ times x̃, "
                        "which ends in a 1.",
             spoken="The network uses this very trick: the trained W one times x tilde, "
                    "which ends in a 1.")
        # each unit's row lit in turn: its bias, the entry the 1 of x̃ multiplies
        rows = self.w1_matrix.get_rows()
        lights = [SurroundingRectangle(r, color=W1_COLOR, buff=0.08) for r in rows]
        walk = [lights[0].copy()]
        walks = [during(Create(walk[0]), 0, 0.12)]
        for k in (1, 2):
            walks.append(during(walk[0].animate.move_to(lights[k]), 0.12 + 0.26 * (k - 1), 0.38 + 0.26 * (k - 1)))
        walks.append(during(FadeOut(walk[0]), 0.88, 1))
        beat(self, *walks, during(Create(self.w1_bias_box), 0.1, 0.5), during(Create(self.w1_one_box), 0.3, 0.6),
             during(Write(why), 0.15, 0.5),
             subcaption="So the last column of W⁽¹⁾ is the offset, the bias, of each of the "
                        "three hidden units.",
             spoken="So the last column of W one is the offset, the bias, of each of the "
                    "three hidden units.")

    def show_w2_bias(self):
        self.w2_matrix = dec_matrix(self.W2, color=W2_COLOR, h_buff=1.35, **SPACING)
        # the column's entries in the row's type size, evenly spaced with room between them
        x2 = symbol_column(["x^{(2)}_1", "x^{(2)}_2", "x^{(2)}_3", "1"], BODY, v_buff=0.6)
        self.w2_row = VGroup(tex(r"W^{(2)} x^{(2)} ="), self.w2_matrix, x2)
        self.w2_row.arrange(RIGHT, buff=0.3)
        self.w2_row.next_to(self.w1_row, DOWN, buff=0.25).set_x(0)
        self.w2_bias_box = SurroundingRectangle(self.w2_matrix.get_columns()[-1], color=EMPHASIS, buff=0.1)
        self.w2_one_box = SurroundingRectangle(x2.get_entries()[-1], color=EMPHASIS, buff=0.06)
        why = note("last entry: the output's offset, multiplied by the 1 at the end of x⁽²⁾")
        why.next_to(self.w2_row, DOWN, buff=0.2)
        self.w2_note = why
        # W⁽¹⁾'s note has been read: its place goes to the second layer
        beat(self, during(FadeOut(self.w1_note), 0, 0.2), during(Write(self.w2_row), 0.1, 0.6),
             subcaption="The second layer does the same with the 1 appended to z⁽¹⁾, which "
                        "ReLU leaves as it is in x⁽²⁾.",
             spoken="The second layer does the same with the 1 appended to z one, which "
                    "ReLU leaves as it is in x layer two.")
        beat(self, during(Create(self.w2_bias_box), 0, 0.4), during(Create(self.w2_one_box), 0.2, 0.6),
             during(Write(why), 0.1, 0.6),
             subcaption="Its last entry is the output's bias.")
        self.show_why_offsets()

    def show_why_offsets(self):
        """A small plane beside W⁽¹⁾: with no offset a hidden unit's line w·x + b = 0 can only
        turn about the origin; its offset, the boxed column, slides it anywhere."""
        first = VGroup(self.w1_row, self.w1_bias_box, self.w1_one_box)
        second = VGroup(self.w2_row, self.w2_note, self.w2_bias_box, self.w2_one_box)
        aside = first.copy().to_edge(LEFT, buff=EDGE_BUFF).set_y(0)
        plane = input_axes(INSET, side=3.8, step=1, numbers=False)
        plane.move_to(RIGHT * 3.8)
        # names at the ends of the axes (they cross at the origin), and the origin itself
        names = VGroup(tex("x_1", font_size=LABEL).next_to(plane.c2p(INSET[1], 0), RIGHT, buff=0.1),
                       tex("x_2", font_size=LABEL).next_to(plane.c2p(0, INSET[3]), UP, buff=0.1),
                       tex("0", font_size=SMALL, color=MUTED, colored=False).next_to(plane.c2p(0, 0), DL, buff=0.08))
        origin = Dot(plane.c2p(0, 0), radius=0.07, color=FOREGROUND)
        angle, offset = ValueTracker(0.3), ValueTracker(0.0)
        shown = ValueTracker(0.0)  # the line's opacity (a FadeIn would hold its updater)
        paper = np.array([(INSET[0], INSET[2]), (INSET[1], INSET[2]), (INSET[1], INSET[3]), (INSET[0], INSET[3])])

        def ends():
            """The line's two ends, the first the one its direction (the normal turned by a
            quarter) points to, so that a name kept there moves smoothly as it turns."""
            a = angle.get_value()
            normal, along = np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])
            pair = line_ends(normal, offset.get_value(), paper)
            return pair if pair[0] @ along >= pair[1] @ along else pair[::-1]

        def draw():
            return Line(*[plane.c2p(*p) for p in ends()], color=W1_COLOR, stroke_width=4,
                        stroke_opacity=shown.get_value())

        # the line is a hidden unit's, a row of W⁽¹⁾ (purple): first any unit's, turning about
        # the origin; then the run's unit whose offset moves it farthest, written out under
        # the plane with the run's numbers
        unit = shown_unit(self.W1)
        w = self.W1[unit]
        home = float(np.arctan2(w[1], w[0]))  # its normal's direction
        self.line_note = note("a unit's boundary line: where its weighted sum is 0", font_size=SMALL,
                              color=FOREGROUND)
        self.line_note.next_to(aside, DOWN, buff=0.45).align_to(aside, LEFT)
        self.unit = unit
        self.equations = [unit_equation(w, False, unit), unit_equation(w, True, unit)]
        for eq in self.equations:
            eq.next_to(plane, DOWN, buff=0.35)
        angle.set_value(home - np.pi)
        self.boundary = always_redraw(draw)
        self.add(self.boundary)
        self.inset = VGroup(plane, names, origin)
        self.offset_tracker = offset
        row = aside[0][1].get_rows()[unit]  # the unit's row, its bias pointed at as it slides
        beat(self, during(FadeOut(second), 0, 0.15), during(first.animate.move_to(aside), 0, 0.25),
             during(FadeIn(self.inset), 0.1, 0.25), during(shown.animate.set_value(1.0), 0.1, 0.25),
             during(FadeIn(self.line_note), 0.15, 0.3),
             # the line turns about the origin, then stops on the unit's own line without its
             # offset (its direction from W⁽¹⁾), as that unit's equation comes
             during(angle.animate(rate_func=rate_functions.smooth).set_value(home), 0.1, 0.5),
             during(FadeIn(self.equations[0], shift=UP * 0.15), 0.45, 0.55),
             # where that line comes from: the unit's two weights, its row without the bias
             during(PointAt(VGroup(row[0], row[1]), color=W1_COLOR, buff=0.08), 0.5, 1),
             subcaption="A unit's boundary line is where its weighted sum is zero. Without offsets, "
                        "every such line would pass through the origin.")

        target = float(w[2] / np.linalg.norm(w[:2]))  # the offset along the unit normal
        reach = 0.9 * np.sign(target or 1.0)

        def slide(mob, alpha):  # out one way and the other, then home to the unit's own offset
            t = alpha / 0.45
            mob.set_value(reach * np.sin(2 * np.pi * t) if t < 1
                          else target * rate_functions.smooth(min(1.0, (alpha - 0.45) / 0.15)))

        beat(self, UpdateFromAlphaFunc(offset, slide),
             during(FadeOut(self.equations[0]), 0.45, 0.52), during(FadeIn(self.equations[1]), 0.52, 0.6),
             during(PointAt(row[2], color=W1_COLOR, buff=0.08), 0.55, 0.95),
             hold=1.0,
             subcaption="With them, a boundary can sit anywhere in the plane.")
        self.boundary.clear_updaters()

