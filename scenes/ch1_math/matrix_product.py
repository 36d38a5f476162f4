"""Matrix times vector, row by row: each pair of matching numbers is multiplied, and the products
fly into the sum. Matrix times matrix: the same, once per column; it is worth knowing because
B, then A, is AB (the chain rule will multiply one matrix per layer so). The bridges: the hidden
layer is W(1) times x̃; B then A lands where AB does. Every number by numpy; the pictures carry
them, the tests read them back."""

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Circle,
    FadeIn,
    FadeOut,
    GrowArrow,
    LaggedStart,
    Scene,
    SurroundingRectangle,
    TransformFromCopy,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
    linear,
    smooth,
    squish_rate_func,
)

from scenes import style
from scenes.ch1_math._math_linalg import A_POST
from scenes.pacing import beat, during
from scenes.run_data import load_reference_run
from scenes.widgets.highlight import PointAt
from scenes.widgets.matrices import column, factor, fmt, hide_entries, int_matrix, value_matrix
from scenes.widgets.text import note, plain_tex, tex, title
from toynet_core.model import augment

X = np.array([2, -1, 0, 1])  # a concrete input of R^4
B = np.array([[2, 1], [-1, 0], [0, 1], [1, -1]])  # columns: X and one more vector
ROW_WORDS = ("First row", "Second row", "Third row")
CORNER = np.array([1.0, 0.0])  # the XOR corner sent through the hidden layer in the bridge
PAIR_GAP = 0.8  # how far each x entry stands above its row entry while they are multiplied
X_IN = np.array([1, 1])  # the input sent through B then A, and through AB, in the bridge


def named(matrix, name, color=style.FOREGROUND, font_size=style.BODY):
    """A matrix with its name under it, kept apart so that a test can read the matrix alone."""
    label = plain_tex(name, font_size=font_size, color=color).next_to(matrix, DOWN, buff=0.2)
    return label


def window(alpha, start, end):
    """0 before start, 1 after end, and a smooth ramp between: one step's share of a beat."""
    return smooth(float(np.clip((alpha - start) / (end - start), 0.0, 1.0)))


def pair_box(*mobs):
    return SurroundingRectangle(VGroup(*mobs), color=style.EMPHASIS, buff=0.08, stroke_width=3)


class MatrixVectorProduct(Scene):
    def construct(self):
        self.show_product()
        self.lay_vector_down()
        for i in range(A_POST.shape[0]):
            self.fill_row(i)
        self.rows_to_numbers()
        self.bridge()

    def show_product(self):
        self.title = title("Multiplying a vector by a matrix")
        self.result = A_POST @ X
        self.A_mob = int_matrix(A_POST, font_size=style.HEADING)
        self.x_mob = int_matrix(X, font_size=style.HEADING, color=style.X_COLOR)
        self.y_mob = int_matrix(self.result, font_size=style.HEADING, color=style.Z_COLOR)
        hide_entries(self.y_mob)
        self.eq = VGroup(self.A_mob, self.x_mob, plain_tex("=", font_size=style.HEADING), self.y_mob)
        self.eq.arrange(RIGHT, buff=0.3).move_to([0, 1.25, 0])
        self.names = VGroup(
            named(self.A_mob, r"A:\ 3 \times 4"), named(self.x_mob, "x", style.X_COLOR),
            named(self.y_mob, "Ax", style.Z_COLOR))
        beat(self, during(FadeIn(self.title), 0, 0.1), LaggedStart(Write(self.A_mob), Write(self.names[0]), Write(self.x_mob),
                                                  Write(self.names[1]), lag_ratio=0.5),
             FadeIn(self.eq[2]), FadeIn(self.y_mob), FadeIn(self.names[2]), run_time=4,
             subcaption="Here is a matrix A, three rows by four columns, and a vector x of four numbers.")

    def lay_vector_down(self):
        """x turned on its side, each entry over the matching column of A."""
        cols = self.A_mob.get_columns()
        self.laid = VGroup(*[plain_tex(fmt(v), font_size=style.HEADING, color=style.X_COLOR) for v in X])
        for entry, col in zip(self.laid, cols):
            entry.move_to([col.get_x(), self.A_mob.get_top()[1] + 0.45, 0])
        beat(self, LaggedStart(*[TransformFromCopy(src, dst, path_arc=-0.8) for src, dst in
                                 zip(self.x_mob.get_entries(), self.laid)], lag_ratio=0.35),
             subcaption="Tip x on its side, so that each of its numbers sits over one column of A.")

    def fill_row(self, i):
        """Row i comes down under a copy of x; a box walks along the four pairs, each product
        drops out under its pair, the four products fly into their sum, and the sum into Ax."""
        row = self.A_mob.get_rows()[i]
        products = A_POST[i] * X
        total = int(products.sum())
        # the pairs stand well clear of A's name, each x entry over its row entry with a × between
        work_y = -1.55
        x_work = VGroup(*[e.copy() for e in self.laid])
        a_work = VGroup(*[e.copy() for e in row])
        x_paths = [(e.get_center(), e.get_center() * [1, 0, 1] + [0, work_y + PAIR_GAP, 0]) for e in self.laid]
        a_paths = [(e.get_center(), e.get_center() * [1, 0, 1] + [0, work_y, 0]) for e in row]
        times = VGroup(*[plain_tex(r"\times", font_size=style.LABEL, color=style.MUTED)
                         .move_to([e.get_x(), work_y + PAIR_GAP / 2, 0]) for e in row])
        under = [np.array([e.get_x(), work_y - 0.55, 0]) for e in row]
        dropped = VGroup(*[plain_tex(factor(p), font_size=style.BODY).move_to(u) for p, u in zip(products, under)])
        sum_line = plain_tex(*" + ".join(factor(p) for p in products).split(" "), "=", fmt(total), font_size=style.HEADING)
        sum_line.move_to([self.A_mob.get_x(), work_y - 1.1, 0])
        slots = [sum_line[2 * k] for k in range(4)]
        signs = VGroup(*[sum_line[2 * k + 1] for k in range(4)])  # three + and the =
        total_mob = sum_line[-1].set_color(style.Z_COLOR)
        row_box = SurroundingRectangle(row, color=style.EMPHASIS, buff=0.1)
        pair_centres = [pair_box(x_work[k].copy().move_to(x_paths[k][1]), a_work[k].copy().move_to(a_paths[k][1]))
                        for k in range(4)]
        box = pair_centres[0].copy()
        target = self.y_mob.get_entries()[i]
        landing = target.copy()
        grow = style.HEADING / style.BODY  # a product lands in the sum at the sum's size
        sizes = [(d.height, d.height * grow) for d in dropped]

        # the working is done by the middle of the beat, so the written-out sum stands on screen
        # while the words read it
        def update(stage, alpha):
            come = window(alpha, 0.0, 0.1)
            row_box.set_stroke(opacity=come)
            times.set_opacity(window(alpha, 0.06, 0.12))  # the × stay while their pairs do
            for mob, (p, q) in list(zip(x_work, x_paths)) + list(zip(a_work, a_paths)):
                mob.move_to(p + come * (q - p))
            walk = np.clip((alpha - 0.1) / 0.3, 0, 1) * 3
            k, frac = min(int(walk), 2), walk - min(int(walk), 2)
            box.move_to(pair_centres[k].get_center() + smooth(frac) * (pair_centres[k + 1].get_center()
                                                                       - pair_centres[k].get_center()))
            box.set_stroke(opacity=float(0.1 < alpha < 0.42))
            fly = window(alpha, 0.42, 0.52)
            for k, (d, slot) in enumerate(zip(dropped, slots)):
                shown = window(alpha, 0.1 + 0.075 * k, 0.16 + 0.075 * k)
                d.set_opacity(shown)
                h0, h1 = sizes[k]
                d.scale_to_fit_height(h0 + fly * (h1 - h0))
                d.move_to(under[k] + (1 - shown) * 0.3 * UP + fly * (slot.get_center() - under[k]))
            signs.set_opacity(window(alpha, 0.48, 0.54))
            total_mob.set_opacity(window(alpha, 0.54, 0.6))
            tag.set_opacity(window(alpha, 0.54, 0.6))
            land = window(alpha, 0.72, 0.88)
            landing.set_opacity(land).move_to(total_mob.get_center() + land * (target.get_center() - total_mob.get_center()))

        # the first row's sum is named as the words name it; the other rows repeat it
        tag = VGroup()
        if i == 0:
            tag = note("the dot product of the row and x", font_size=style.SMALL, color=style.MUTED)
            tag.next_to(sum_line, RIGHT, buff=0.5)  # beside the sum: below it is the subtitles' band
        stage = VGroup(row_box, x_work, a_work, times, box, dropped, signs, total_mob, landing, tag)
        update(stage, 0.0)
        self.add(stage)
        words = (f"{ROW_WORDS[i]}: multiply each pair, then add: {total}. This multiply-and-add is called "
                 "the dot product of the two lists."
                 if i == 0 else
                 f"{ROW_WORDS[i]}, the same pairs: " + " + ".join(fmt(p) for p in products).replace("+ -", "− ")
                 + f" = {total}.")
        beat(self, *self.clear_leftovers(), UpdateFromAlphaFunc(stage, update, rate_func=linear), run_time=5,
             subcaption=words)
        self.remove(landing)
        target.set_opacity(1)
        self.leftovers = VGroup(x_work, a_work, times, dropped, signs, total_mob, row_box, box, tag)
        self.pair_marks = times
        self.row_terms = getattr(self, "row_terms", []) + [products]

    def clear_leftovers(self):
        """The last row's working fades in the first moments of the next beat (no bare play)."""
        done, self.leftovers = getattr(self, "leftovers", None), None
        return [during(FadeOut(done), 0, 0.1)] if done is not None else []

    def rows_to_numbers(self):
        rows, outs = self.A_mob.get_rows(), self.y_mob.get_entries()
        # a box round each row and its number, in turn: the entries themselves never move or
        # grow, so every row stays on the matrix's grid on every frame
        beat(self, *self.clear_leftovers(),
             LaggedStart(*[AnimationGroup(PointAt(r), PointAt(o, color=style.Z_COLOR))
                           for r, o in zip(rows, outs)], lag_ratio=0.8),
             subcaption="One row of A, one number of Ax: four numbers went in, three came out.")

    def bridge(self):
        """The hidden layer of the trained network is such a product: W(1) times x̃."""
        run = load_reference_run()
        self.W1 = run.W1[-1]
        self.x_tilde = augment(CORNER)[0]
        # the weights as shown, to 2 decimals, and their exact product: the sums on screen are
        # the sums of the numbers on screen (within 0.01 of the unrounded ones)
        self.W1_shown = np.round(self.W1, 2)
        self.hidden = self.W1_shown @ self.x_tilde
        self.W1_mob = value_matrix(self.W1_shown, font_size=style.BODY, color=style.W1_COLOR, h_buff=1.35)
        self.xt_mob = column(self.x_tilde, font_size=style.BODY, color=style.X_COLOR, integers=True)
        self.h_mob = column(self.hidden, font_size=style.BODY, color=style.Z_COLOR)
        product = VGroup(tex(r"W^{(1)}\,\tilde{x} =", font_size=style.BODY), self.W1_mob, self.xt_mob,
                         plain_tex("=", font_size=style.BODY), self.h_mob).arrange(RIGHT, buff=0.2)
        # the layer the words speak of: three hidden units, one beside each sum, fed by it
        units = VGroup(*[Circle(radius=0.2, stroke_color=style.FOREGROUND, stroke_width=3) for _ in range(3)])
        for unit, entry in zip(units, self.h_mob.get_entries()):
            unit.move_to([self.h_mob.get_right()[0] + 1.1, entry.get_y(), 0])
        # each sum feeds its unit: an arrow from the bracket to the circle
        feeds = VGroup(*[Arrow([self.h_mob.get_right()[0], unit.get_y(), 0], unit.get_left(), buff=0.1,
                               color=style.MUTED, stroke_width=2, max_tip_length_to_length_ratio=0.2)
                         for unit in units])
        layer = VGroup(units, feeds)
        self.hidden_units = units
        # the names under the matrices in sans type at LABEL size, readable at 480p; the
        # symbols keep their colours
        tags = VGroup(*[self.tag(word, symbol).next_to(m, DOWN, buff=0.15) for word, symbol, m in
                        (("weights", "W^{(1)}", self.W1_mob), ("input", r"\tilde{x}", self.xt_mob),
                         ("sums", None, self.h_mob))])
        unit_tag = note("3 hidden units", font_size=style.LABEL).next_to(units, RIGHT, buff=0.25)
        layer.add(unit_tag)
        caption = note("a trained first layer, corner (1, 0) with a 1 appended, weights to 2 decimals",
                       font_size=style.SMALL)
        block = VGroup(VGroup(product, tags, layer), caption).arrange(DOWN, buff=0.3).move_to([0, -1.4, 0])
        beat(self, during(FadeOut(self.laid), 0, 0.15), VGroup(self.eq, self.names).animate(rate_func=squish_rate_func(smooth, 0, 0.25)).scale(0.8).shift(0.7 * UP),
             # the layer's units are there as the words name them; every write is done by
             # mid-beat, long before the words name the sums
             during(FadeIn(VGroup(units, unit_tag)), 0.05, 0.2),
             during(LaggedStart(*[Write(m) for m in product], lag_ratio=0.5), 0.2, 0.5),
             during(LaggedStart(*[GrowArrow(f) for f in feeds], lag_ratio=0.3), 0.5, 0.6),
             during(FadeIn(tags), 0.45, 0.55), during(FadeIn(caption), 0.5, 0.6),
             subcaption="The network works in layers, each a set of units fed the same inputs. Its first layer, "
                        "the three hidden units, is such a product: weights W⁽¹⁾ (the (1) names the layer) "
                        "times the input x̃ = (x₁, x₂, 1) give three sums.",
             spoken="The network works in layers, each a set of units fed the same inputs. Its first layer, "
                    "the three hidden units, is such a product: its weights, W one, where the one names the layer, "
                    "times the input, x tilde, which is x one, x two and a one, give three sums.",
             hold=1.0)
        self.bridge_block = block
        self.bridge_tags = tags

    @staticmethod
    def tag(word, symbol=None):
        """A name under a matrix: a word, and its symbol in the symbol's colour."""
        parts = [note(word, font_size=style.LABEL)]
        if symbol is not None:
            parts.append(tex(symbol, font_size=style.BODY))
        return VGroup(*parts).arrange(RIGHT, buff=0.12)


class MatrixProduct(Scene):
    def construct(self):
        self.show_product()
        for j in range(B.shape[1]):
            self.fill_column(j)
        self.inner_sizes()
        self.bridge()

    def show_product(self):
        self.title = title("Multiplying two matrices")
        self.C = A_POST @ B
        self.A_mob = int_matrix(A_POST, font_size=style.BODY)
        self.B_mob = int_matrix(B, font_size=style.BODY, color=style.X_COLOR)
        self.C_mob = int_matrix(self.C, font_size=style.BODY, color=style.Z_COLOR)
        hide_entries(self.C_mob)
        self.eq = VGroup(self.A_mob, self.B_mob, plain_tex("=", font_size=style.BODY), self.C_mob)
        self.eq.arrange(RIGHT, buff=0.3).move_to([0, 1.0, 0])
        self.names = VGroup(named(self.A_mob, "A"), named(self.B_mob, "B", style.X_COLOR), named(self.C_mob, "AB", style.Z_COLOR))
        beat(self, during(FadeIn(self.title), 0, 0.1), LaggedStart(Write(self.A_mob), Write(self.names[0]), Write(self.B_mob),
                                                  Write(self.names[1]), lag_ratio=0.5),
             FadeIn(self.eq[2]), FadeIn(self.C_mob), FadeIn(self.names[2]), run_time=4,
             subcaption="Send a vector through B, then through A: one matrix, AB, does both. "
                        "To find it, take B's columns one at a time.")

    def fill_column(self, j):
        """Column j of B meets each row of A in turn: a box walks down A, the row's pairs are
        written out under it, and each sum flies into column j of AB."""
        col = self.B_mob.get_columns()[j]
        b = B[:, j]
        out = A_POST @ b
        rows = self.A_mob.get_rows()
        col_box = SurroundingRectangle(col, color=style.EMPHASIS, buff=0.1)
        row_box = SurroundingRectangle(rows[0], color=style.EMPHASIS, buff=0.1)
        lines, landings, targets = VGroup(), VGroup(), []
        for i in range(A_POST.shape[0]):
            terms = " + ".join(f"{fmt(a)} \\cdot {factor(v)}" for a, v in zip(A_POST[i], b))
            line = plain_tex(terms, "=", fmt(out[i]), font_size=style.BODY).move_to([0, -1.2, 0])
            line[-1].set_color(style.Z_COLOR)
            lines.add(line)
            target = self.C_mob.get_columns()[j][i]
            targets.append(target)
            landings.add(target.copy())
        span = 0.9 / len(lines)

        def update(stage, alpha):
            col_box.set_stroke(opacity=window(alpha, 0.0, 0.08))
            row_box.set_stroke(opacity=window(alpha, 0.0, 0.08))
            for i, (line, landing, target) in enumerate(zip(lines, landings, targets)):
                start = 0.1 + i * span
                if alpha >= start:
                    row_box.move_to(rows[i - 1].get_center() + window(alpha, start, start + 0.2 * span)
                                    * (rows[i].get_center() - rows[i - 1].get_center()) if i else rows[0].get_center())
                last = i == len(lines) - 1
                gone = 0 if last else window(alpha, start + 0.9 * span, start + span)
                glyphs = line.family_members_with_points()
                for k, glyph in enumerate(glyphs):  # written out left to right
                    at = start + 0.5 * span * k / len(glyphs)
                    glyph.set_opacity(window(alpha, at, at + 0.05 * span) * (1 - gone))
                land = window(alpha, start + 0.6 * span, start + 0.85 * span)
                landing.set_opacity(land).move_to(line[-1].get_center() + land * (target.get_center() - line[-1].get_center()))

        stage = VGroup(col_box, row_box, lines, landings)
        update(stage, 0.0)
        self.add(stage)
        words = ("The first column of B meets each row of A in turn, a dot product each; the sums fill "
                 "the first column of AB." if j == 0 else
                 "The second column of AB is A times the second column of B: each column goes through A on its own.")
        leftovers = self.clear_leftovers()
        beat(self, *leftovers, UpdateFromAlphaFunc(stage, update, rate_func=linear), run_time=6, subcaption=words)
        self.remove(landings)
        for target in targets:
            target.set_opacity(1)
        self.remove(*lines[:-1])
        self.leftovers = VGroup(col_box, row_box, lines[-1])
        self.steps = getattr(self, "steps", []) + [lines]
        self.columns_done = getattr(self, "columns_done", []) + [(b, out)]

    def inner_sizes(self):
        (m, k), (k2, n) = A_POST.shape, B.shape
        sizes = [plain_tex(r"%d \times %d" % s, font_size=style.BODY) for s in ((m, k), (k2, n), self.C.shape)]
        for size, name in zip(sizes, self.names):
            size.next_to(name, DOWN, buff=0.2)
        inner = VGroup(sizes[0][0][2], sizes[1][0][0])  # the two inner sizes, one glyph each
        boxes = VGroup(*[SurroundingRectangle(g, color=style.EMPHASIS, buff=0.06) for g in inner])
        self.sizes = (m, k, k2, n)
        # the sizes are whole by the time the words reach them (a still at 60 % shows no glyph mid-write)
        beat(self, *self.clear_leftovers(), during(LaggedStart(*[Write(s) for s in sizes], lag_ratio=0.6), 0.05, 0.35),
             during(FadeIn(boxes), 0.35, 0.45),
             subcaption=f"{m} by {k} times {k2} by {n}: the inner sizes must match, and the product is {m} by {n}.")
        self.size_marks = VGroup(*sizes, boxes)

    def clear_leftovers(self):
        """The last column's working fades in the first moments of the next beat (no bare play)."""
        done, self.leftovers = getattr(self, "leftovers", None), None
        return [during(FadeOut(done), 0, 0.1)] if done is not None else []

    def bridge(self):
        """B, then A, is AB: one input sent both ways lands on the same point. The chain rule
        multiplies the Jacobians of maps done one after another in just this way."""
        self.x_in = X_IN
        self.Bx = B @ X_IN
        self.ABx_steps = A_POST @ self.Bx
        self.ABx_once = self.C @ X_IN
        small = dict(font_size=style.LABEL, v_buff=0.38)
        self.x_in_mob = int_matrix(X_IN, color=style.X_COLOR, **small)
        self.Bx_mob = int_matrix(self.Bx, color=style.X_COLOR, **small)
        self.steps_mob = int_matrix(self.ABx_steps, color=style.Z_COLOR, **small)
        self.once_mob = int_matrix(self.ABx_once, color=style.Z_COLOR, **small)
        x_again = int_matrix(X_IN, color=style.X_COLOR, **small)
        two_steps = VGroup(plain_tex("A", r"\,(B", font_size=style.BODY), self.x_in_mob,
                           plain_tex(r")\ =\ A", font_size=style.BODY), self.Bx_mob,
                           plain_tex("=", font_size=style.BODY), self.steps_mob).arrange(RIGHT, buff=0.15)
        one_step = VGroup(plain_tex("(AB)", font_size=style.BODY), x_again, plain_tex("=", font_size=style.BODY),
                          self.once_mob).arrange(RIGHT, buff=0.15)
        row = VGroup(two_steps, one_step).arrange(RIGHT, buff=0.9).move_to([0, -1.45, 0])
        tags = VGroup(note("B first, then A", font_size=style.SMALL).next_to(two_steps, DOWN, buff=0.15),
                      note("AB, in one step", font_size=style.SMALL).next_to(one_step, DOWN, buff=0.15))
        self.block = VGroup(row, tags)
        # both sides whole by ~40 % of the beat, then the two results are boxed as a pair
        beat(self, VGroup(self.eq, self.names, self.size_marks).animate(rate_func=squish_rate_func(smooth, 0, 0.12))
             .scale(0.75).shift(0.8 * UP),
             LaggedStart(*[Write(m) for m in (*two_steps, tags[0])], lag_ratio=0.4,
                         rate_func=squish_rate_func(linear, 0.1, 0.3)),
             LaggedStart(*[Write(m) for m in (*one_step, tags[1])], lag_ratio=0.4,
                         rate_func=squish_rate_func(linear, 0.25, 0.42)),
             *[FadeIn(pair_box(m), rate_func=squish_rate_func(smooth, 0.45, 0.55)) for m in (self.steps_mob, self.once_mob)],
             subcaption="B, then A, lands where AB does. Slopes through the network's layers will be "
                        "multiplied the same way, one matrix per layer.",
             hold=1.0)
