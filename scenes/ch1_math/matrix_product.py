"""Matrix times vector, row by row; matrix times matrix, column by column. All sums by numpy."""

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    FadeIn,
    FadeOut,
    Indicate,
    ReplacementTransform,
    Scene,
    SurroundingRectangle,
    TransformFromCopy,
    VGroup,
    Write,
)

from scenes.ch1_math._math_linalg import A_POST
from scenes.widgets.matrices import factor, fmt, int_matrix
from scenes.pacing import beat
from scenes.style import BODY, FOREGROUND, HEADING, LABEL, MUTED, X_COLOR, Z_COLOR
from scenes.widgets.text import note, plain_tex, title

X = np.array([2, -1, 0, 1])  # a concrete input of R^4
B = np.array([[2, 1], [-1, 0], [0, 1], [1, -1]])  # columns: X and one more vector


def hide_entries(matrix_mob):
    for e in matrix_mob.get_entries():
        e.set_opacity(0)


def reveal(scene, sources, hidden, *anims, subcaption=None, **kwargs):
    """Fly copies of sources onto hidden entries, then show the entries themselves; with a
    subcaption, as a beat of its own."""
    shown = [h.copy().set_opacity(1) for h in hidden]
    flights = [ReplacementTransform(s.copy(), t) for s, t in zip(sources, shown)]
    if subcaption is None:
        scene.play(*flights, *anims, **kwargs)
    else:
        beat(scene, *flights, *anims, subcaption=subcaption, **kwargs)
    scene.remove(*shown)  # the real entries take over, so nothing is drawn twice
    for h in hidden:
        h.set_opacity(1)


class MatrixVectorProduct(Scene):
    def construct(self):
        self.show_product()
        self.lay_vector_down()
        for i in range(A_POST.shape[0]):
            self.fill_row(i)
        self.conclude()

    def show_product(self):
        self.title = title("Multiplying a vector by a matrix")
        self.result = A_POST @ X
        self.A_mob = int_matrix(A_POST, font_size=HEADING)
        self.x_mob = int_matrix(X, font_size=HEADING, color=X_COLOR)
        self.y_mob = int_matrix(self.result, font_size=HEADING, color=Z_COLOR)
        hide_entries(self.y_mob)
        self.eq = VGroup(self.A_mob, self.x_mob, plain_tex("=", font_size=HEADING), self.y_mob).arrange(RIGHT, buff=0.3)
        self.eq.next_to(self.title, DOWN, buff=1.2)
        beat(self, Write(self.title), Write(self.eq), run_time=2,
                  subcaption="A has four columns, so it takes vectors of four numbers and returns three.")

    def lay_vector_down(self):
        """x turned on its side, each entry over the matching column of A."""
        cols = self.A_mob.get_columns()
        self.laid = VGroup(*[plain_tex(fmt(v), font_size=HEADING, color=X_COLOR) for v in X])
        for entry, col in zip(self.laid, cols):
            entry.move_to([col.get_x(), self.A_mob.get_top()[1] + 0.45, 0])
        beat(self, *[TransformFromCopy(src, dst) for src, dst in zip(self.x_mob.get_entries(), self.laid)],
                  run_time=1.5, subcaption="Tip x on its side so each of its numbers sits above one column of A.")

    def fill_row(self, i):
        row = self.A_mob.get_rows()[i]
        box = SurroundingRectangle(row, color=FOREGROUND, buff=0.1)
        laid_box = SurroundingRectangle(self.laid, color=X_COLOR, buff=0.1)
        a = A_POST[i]
        products = a * X
        total = int(products.sum())
        terms = " + ".join(f"{factor(aj)} \\cdot {factor(xj)}" for aj, xj in zip(a, X))
        sums = " + ".join(factor(p) for p in products)
        line = plain_tex(terms, "=", sums, "=", fmt(total), font_size=HEADING)
        line[-1].set_color(Z_COLOR)
        line.next_to(self.eq, DOWN, buff=0.6)
        if line.width > 13:
            line.scale_to_fit_width(13)
        target = self.y_mob.get_entries()[i]
        words = ["first", "second", "third"][i] if i < 3 else f"row {i + 1}"
        beat(self, FadeIn(box), FadeIn(laid_box), Write(line), run_time=1.5,
                  subcaption=f"The {words} row: multiply number by number, then add: {total}.")
        reveal(self, [line[-1]], [target], FadeOut(box), FadeOut(laid_box), run_time=1)
        self.play(FadeOut(line), run_time=0.3)
        self.row_terms = getattr(self, "row_terms", []) + [products]

    def conclude(self):
        check = note("one row of A, one number of the result", font_size=LABEL, color=MUTED)
        check.next_to(self.eq, DOWN, buff=0.7)
        beat(self, Indicate(self.y_mob, color=Z_COLOR), FadeIn(check),
                  subcaption="Three rows, three numbers: the result lives in R three.")
        self.wait(1)


class MatrixProduct(Scene):
    def construct(self):
        self.show_product()
        for j in range(B.shape[1]):
            self.fill_column(j)
        self.conclude()

    def show_product(self):
        self.title = title("Multiplying two matrices")
        self.C = A_POST @ B
        self.A_mob = int_matrix(A_POST, font_size=BODY)
        self.B_mob = int_matrix(B, font_size=BODY, color=X_COLOR)
        self.C_mob = int_matrix(self.C, font_size=BODY, color=Z_COLOR)
        hide_entries(self.C_mob)
        self.eq = VGroup(self.A_mob, self.B_mob, plain_tex("="), self.C_mob).arrange(RIGHT, buff=0.3)
        self.eq.next_to(self.title, DOWN, buff=0.5)
        beat(self, Write(self.title), Write(self.eq), run_time=2,
                  subcaption="Two matrices: treat each column on the right as its own vector.")

    def fill_column(self, j):
        col = self.B_mob.get_columns()[j]
        box = SurroundingRectangle(col, color=X_COLOR, buff=0.1)
        b = B[:, j]
        out = A_POST @ b
        step = VGroup(plain_tex("A", font_size=BODY), int_matrix(b, font_size=BODY, color=X_COLOR), plain_tex("="),
                      int_matrix(out, font_size=BODY, color=Z_COLOR)).arrange(RIGHT, buff=0.25)
        step.next_to(self.eq, DOWN, buff=0.5)
        self.steps = getattr(self, "steps", []) + [step]
        name = ["first", "second", "third"][j] if j < 3 else f"column {j + 1}"
        beat(self, FadeIn(box), TransformFromCopy(col, step[1]), FadeIn(step[0]), FadeIn(step[2]),
                  FadeIn(step[3]), run_time=1.5,
                  subcaption=f"The {name} column times A, row by row as before, gives a vector of three numbers.")
        targets = self.C_mob.get_columns()[j]
        reveal(self, step[3].get_entries(), targets, FadeOut(box), run_time=1.2,
               subcaption=f"It becomes the {name} column of the product.")
        self.play(FadeOut(step), run_time=0.3)

    def conclude(self):
        shape = note(f"{A_POST.shape[0]}×{A_POST.shape[1]} times {B.shape[0]}×{B.shape[1]} "
                     f"gives {self.C.shape[0]}×{self.C.shape[1]}", font_size=LABEL, color=MUTED)
        shape.next_to(self.eq, DOWN, buff=0.6)
        beat(self, FadeIn(shape), Indicate(self.C_mob, color=Z_COLOR),
                  subcaption="Columns on the right become columns of the product; the inner sizes must match.")
        self.wait(1)
