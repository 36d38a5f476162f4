"""One-to-one and onto: four small mapping diagrams, then the post's matrix A tested on both."""

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    Arrow,
    Dot,
    Ellipse,
    FadeIn,
    FadeOut,
    Scene,
    VGroup,
    Write,
)

from scenes.ch1_math._math_linalg import A_POST, integer_direction, left_null_basis, rank, simple_null_vector
from scenes.widgets.matrices import int_matrix
from scenes.pacing import beat
from scenes.style import BODY, FOREGROUND, HEADING, LABEL, MUTED, X_COLOR, Z_COLOR
from scenes.widgets.text import note, plain_tex, title

# (domain size, codomain size, image of each domain element): the four cases.
MAPS = [(3, 4, [0, 1, 3]), (4, 3, [0, 1, 1, 2]), (3, 3, [1, 2, 0]), (3, 3, [0, 0, 2])]


def is_injective(images):
    return len(set(images)) == len(images)


def is_surjective(images, m):
    return set(images) == set(range(m))


def describe(images, m):
    one, onto = is_injective(images), is_surjective(images, m)
    if one and onto:
        return "one-to-one and onto"
    if one:
        return "one-to-one, not onto"
    if onto:
        return "onto, not one-to-one"
    return "neither"


class InjectiveSurjective(Scene):
    def construct(self):
        self.show_diagrams()
        self.clear_stage()
        self.null_vector()
        self.same_output()
        self.clear_stage()
        self.rank_and_normal()
        self.normal_is_missed()

    # -- beats -------------------------------------------------------------------------
    def show_diagrams(self):
        self.title = title("One-to-one and onto")
        beat(self, Write(self.title), subcaption="Two questions sort every function.")
        cells = VGroup(*[self.diagram(n, m, imgs) for n, m, imgs in MAPS])
        cells.arrange_in_grid(rows=2, cols=2, buff=(1.6, 0.5)).scale(1.3).next_to(self.title, DOWN, buff=0.3)
        self.diagrams = cells
        captions = [
            "One-to-one: no output is shared. But one is never hit.",
            "Onto: every output is hit. But two inputs share one.",
            "Both: each output is hit exactly once, so the map can be undone.",
            "Neither: a shared output, and an output never hit.",
        ]
        for cell, text in zip(cells, captions):
            beat(self, FadeIn(cell), run_time=1.2, subcaption=text)

    def diagram(self, n, m, images):
        left = self.set_of(n, X_COLOR)
        right = self.set_of(m, Z_COLOR)
        right.next_to(left, RIGHT, buff=1.3)
        arrows = VGroup(*[
            Arrow(left.dots[i].get_center(), right.dots[j].get_center(), buff=0.12, stroke_width=3,
                  color=FOREGROUND, max_tip_length_to_length_ratio=0.15)
            for i, j in enumerate(images)])
        label = note(describe(images, m), font_size=LABEL, color=FOREGROUND)
        label.next_to(VGroup(left, right), DOWN, buff=0.15)
        cell = VGroup(left, right, arrows, label)
        cell.images, cell.sizes = list(images), (n, m)
        return cell

    @staticmethod
    def set_of(k, color):
        dots = VGroup(*[Dot(color=color, radius=0.08) for _ in range(k)]).arrange(DOWN, buff=0.32)
        ring = Ellipse(width=0.8, height=max(dots.height + 0.5, 1.4), color=MUTED, stroke_width=2)
        ring.move_to(dots)
        group = VGroup(ring, dots)
        group.dots = dots
        return group

    def null_vector(self):
        """A sends a non-zero n to zero (n computed from the SVD, checked in integers)."""
        self.n = simple_null_vector(A_POST)
        self.An = A_POST @ self.n
        self.A_mob = int_matrix(A_POST)
        self.n_mob = int_matrix(self.n, color=X_COLOR)
        self.An_mob = int_matrix(self.An, color=Z_COLOR)
        eq = VGroup(plain_tex("A"), self.A_mob, self.n_mob, plain_tex("="), self.An_mob).arrange(RIGHT, buff=0.25)
        eq.next_to(self.title, DOWN, buff=0.3)
        self.null_eq = eq
        why = note("4 numbers in, 3 out: some direction must be lost", font_size=LABEL)
        why.next_to(eq, DOWN, buff=0.2)
        self.null_note = why
        beat(self, Write(eq), run_time=2,
                  subcaption="Back to the 3 by 4 matrix A. This n is not zero, yet A sends it to zero.")
        beat(self, FadeIn(why), subcaption="Four numbers are squeezed into three, so some direction has to vanish.")

    def same_output(self):
        """Two different inputs, x and x + n, one output: A is not one-to-one."""
        x = np.array([1, 0, 0, 0])
        x2 = x + self.n
        self.pair = (x, x2, A_POST @ x, A_POST @ x2)
        small = {"v_buff": 0.5}
        row = VGroup(plain_tex("A"), int_matrix(x, color=X_COLOR, **small), plain_tex("="),
                     int_matrix(A_POST @ x, color=Z_COLOR, **small),
                     plain_tex("="), plain_tex("A"), int_matrix(x2, color=X_COLOR, **small)).arrange(RIGHT, buff=0.25)
        row.next_to(self.null_note, DOWN, buff=0.25)
        self.pair_row = row
        verdict = note("two inputs, one output: not one-to-one", font_size=LABEL, color=FOREGROUND)
        verdict.next_to(row, DOWN, buff=0.2)
        beat(self, Write(row), run_time=2,
                  subcaption="Adding n to an input leaves its output unchanged: A is not one-to-one.")
        self.play(FadeIn(verdict))

    def rank_and_normal(self):
        """The follow-up: must A be onto R^3? Its rank says no."""
        self.rank = rank(A_POST)
        self.m = integer_direction(left_null_basis(A_POST)[:, 0])
        self.mA = self.m @ A_POST
        question = note("Does every vector of R³ come out of A?", font_size=BODY, color=FOREGROUND)
        question.next_to(self.title, DOWN, buff=0.35)
        rank_line = plain_tex(r"\operatorname{rank} A = %d < 3" % self.rank, font_size=HEADING)
        rank_line.next_to(question, DOWN, buff=0.3)
        self.question, self.rank_line = question, rank_line
        beat(self, FadeIn(question), subcaption="Must a map from more dimensions to fewer be onto?")
        beat(self, Write(rank_line),
                  subcaption=f"No. A has rank {self.rank}: its outputs fill only a plane inside three-dimensional space.")

    def normal_is_missed(self):
        """m is orthogonal to every column, so m . (A x) = 0 for all x, while m . m > 0."""
        self.m_row = int_matrix(self.m, color=Z_COLOR, v_buff=0.5)
        self.mA_mob = int_matrix(self.mA.reshape(1, -1))
        left = VGroup(plain_tex("m =", color=Z_COLOR), self.m_row).arrange(RIGHT, buff=0.2)
        right = VGroup(plain_tex(r"m^{\top} A ="), self.mA_mob).arrange(RIGHT, buff=0.2)
        eq = VGroup(left, right).arrange(RIGHT, buff=1.2).next_to(self.rank_line, DOWN, buff=0.3)
        self.normal_eq = eq
        self.m_dot_m = int(self.m @ self.m)
        proof = plain_tex(r"m \cdot (A x) = 0 \text{ for every } x,\qquad m \cdot m = %d \neq 0" % self.m_dot_m,
                    font_size=HEADING)
        proof.next_to(eq, DOWN, buff=0.3)
        verdict = note("so no input reaches m: A is not onto", font_size=LABEL, color=FOREGROUND)
        verdict.next_to(proof, DOWN, buff=0.3)
        beat(self, Write(eq), run_time=2,
                  subcaption="This vector m is at right angles to every column of A.")
        beat(self, Write(proof), run_time=1.5,
                  subcaption="So every output of A is at right angles to m, but m is not at right angles to itself.")
        beat(self, FadeIn(verdict),
                  subcaption="No input lands on m. Fewer output dimensions do not force a map to be onto.")
        self.wait(1)

    def clear_stage(self):
        others = [m for m in self.mobjects if m is not self.title]
        self.play(*[FadeOut(m) for m in others], run_time=0.6)
