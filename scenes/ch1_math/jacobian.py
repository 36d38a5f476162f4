"""The Jacobian defined, then worked out for f(x) = (cos x1 + sin x2, |x|), with every
partial derivative checked against central finite differences."""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Cross,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Matrix,
    ReplacementTransform,
    Scene,
    SurroundingRectangle,
    VGroup,
    Write,
)

from scenes import style
from toynet_core.numeric import central_jacobian
from scenes.widgets.matrices import dec_matrix
from scenes.widgets.text import captioned, note, plain_tex, title
from scenes.pacing import beat

POINT = np.array([1.0, 2.0])  # away from the origin, where |x| has no derivative


def f(x):
    return np.array([np.cos(x[0]) + np.sin(x[1]), np.hypot(x[0], x[1])])


def partials(x):
    """The four partials, written out by hand: [[df1/dx1, df1/dx2], [df2/dx1, df2/dx2]]."""
    r = np.hypot(x[0], x[1])
    return np.array([[-np.sin(x[0]), np.cos(x[1])], [x[0] / r, x[1] / r]])


def post_claim(x):
    """What the post writes for df1/dx2: cos(x1)."""
    return np.cos(x[0])


PARTIAL_TEX = [
    [r"\frac{\partial f_1}{\partial x_1} = -\sin x_1", r"\frac{\partial f_1}{\partial x_2} = \cos x_2"],
    [r"\frac{\partial f_2}{\partial x_1} = \frac{x_1}{\sqrt{x_1^2 + x_2^2}}",
     r"\frac{\partial f_2}{\partial x_2} = \frac{x_2}{\sqrt{x_1^2 + x_2^2}}"],
]


class JacobianExample(Scene):
    def construct(self):
        self.point = POINT
        self.fd = central_jacobian(f, POINT)
        self.analytic = partials(POINT)
        self.show_definition()
        self.point_out_rows()
        self.show_function()
        self.show_partials()
        self.check_post_claim()
        self.correct_claim()
        self.show_values()

    def show_definition(self):
        self.heading = title("The Jacobian")
        d = r"\frac{\partial G_%s}{\partial x_%s}"
        self.grid = Matrix(
            [[d % ("1", "1"), r"\cdots", d % ("1", "n")],
             [r"\vdots", r"\ddots", r"\vdots"],
             [d % ("m", "1"), r"\cdots", d % ("m", "n")]],
            element_to_mobject_config={"font_size": style.HEADING}, h_buff=1.5, v_buff=1.1,
        )
        lhs = plain_tex(r"G:\R^n\to\R^m,\qquad \frac{dG}{d\vec{x}} =", font_size=style.HEADING)
        self.definition = VGroup(lhs, self.grid).arrange(RIGHT, buff=0.3).shift(0.3 * UP)
        beat(self, Write(self.heading), FadeIn(self.definition),
                  subcaption="A map from n inputs to m outputs has an m by n grid of partial derivatives.", run_time=1.2)

    def point_out_rows(self):
        row_box = SurroundingRectangle(self.grid.get_rows()[0], color=style.Z_COLOR, buff=0.1)
        col_box = SurroundingRectangle(self.grid.get_columns()[0], color=style.X_COLOR, buff=0.1)
        row_note = note("row i: output i", color=style.Z_COLOR, font_size=style.BODY)
        col_note = note("column j: input j", color=style.X_COLOR, font_size=style.BODY)
        notes = VGroup(row_note, col_note).arrange(RIGHT, buff=1.0).next_to(self.definition, DOWN, buff=0.4)
        self.marks = VGroup(row_box, col_box, notes)
        beat(self, FadeIn(self.marks),
                  subcaption="Row i holds the slopes of output i; column j, how everything moves with input j.", run_time=1.2)

    def show_function(self):
        self.function = plain_tex(
            r"f(\vec{x}) = \begin{bmatrix} \cos x_1 + \sin x_2 \\ \sqrt{x_1^2 + x_2^2} \end{bmatrix}",
            font_size=style.HEADING,
        ).next_to(self.heading, DOWN, buff=0.3)
        beat(self, FadeOut(self.definition), FadeOut(self.marks), FadeIn(self.function),
                  subcaption="Take a map from the plane to the plane, and differentiate each output by each input.", run_time=1.2)

    def show_partials(self):
        cells = [[plain_tex(t, font_size=style.HEADING) for t in row] for row in PARTIAL_TEX]
        # The top-right slot first shows the post's version, to be checked.
        self.claim = plain_tex(r"\frac{\partial f_1}{\partial x_2} \overset{?}{=} \cos x_1", font_size=style.HEADING)
        self.fixed = cells[0][1]
        shown_cells = [[cells[0][0], self.claim], cells[1]]
        grid = VGroup(*[VGroup(*row).arrange(RIGHT, buff=1.2) for row in shown_cells]).arrange(DOWN, buff=0.35)
        grid.next_to(self.function, DOWN, buff=0.35)
        self.fixed.move_to(self.claim, aligned_edge=LEFT)
        self.partial_grid = grid
        beat(self, FadeIn(grid),
                  subcaption="Four partial derivatives. The top right one is the form the post prints.", run_time=1.2)

    def check_post_claim(self):
        x = self.point
        where = plain_tex(r"\text{at } \vec{x} = (%g,\ %g):" % tuple(x), font_size=style.BODY)
        claim_label = plain_tex(r"\cos x_1 =", font_size=style.BODY)
        self.claim_value = DecimalNumber(post_claim(x), num_decimal_places=3, font_size=style.BODY)
        fd_label = plain_tex(r"\text{finite difference} =", font_size=style.BODY)
        self.fd_value = DecimalNumber(self.fd[0, 1], num_decimal_places=3, font_size=style.BODY)
        row = VGroup(where, claim_label, self.claim_value, fd_label, self.fd_value).arrange(RIGHT, buff=0.2)
        row[3].shift(0.4 * RIGHT)
        row[4].next_to(row[3], RIGHT, buff=0.2)
        row.next_to(self.partial_grid, DOWN, buff=0.6)
        self.check_row = row
        self.cross = Cross(self.claim, stroke_color=style.ERROR, stroke_width=4)
        beat(self, FadeIn(row), subcaption="Nudge x2 a little both ways: the slope does not match cosine of x1.", run_time=1.2)
        beat(self, FadeIn(self.cross), subcaption="The printed partial is wrong.", run_time=1.2)

    def correct_claim(self):
        x = self.point
        fixed_label = plain_tex(r"\cos x_2 =", font_size=style.BODY).move_to(self.check_row[1], aligned_edge=LEFT)
        self.fixed_value = DecimalNumber(partials(x)[0, 1], num_decimal_places=3, font_size=style.BODY)
        self.fixed_value.next_to(fixed_label, RIGHT, buff=0.2)
        beat(self, ReplacementTransform(self.claim, self.fixed), FadeOut(self.cross),
                  ReplacementTransform(self.check_row[1], fixed_label),
                  ReplacementTransform(self.claim_value, self.fixed_value),
                  subcaption="Sine of x2 differentiates to cosine of x2, and that agrees with the nudge.", run_time=1.2)
        self.partial_grid[0].remove(self.claim).add(self.fixed)
        self.check_row = VGroup(self.check_row[0], fixed_label, self.fixed_value, *self.check_row[3:])

    def show_values(self):
        x = self.point
        jac_label = plain_tex(r"\frac{df}{d\vec{x}}(%g,\ %g) =" % tuple(x))
        self.formula_matrix = dec_matrix(self.analytic, places=3, color=style.GRAD_COLOR, font_size=style.BODY, h_buff=1.6)
        self.fd_matrix = dec_matrix(self.fd, places=3, color=style.FOREGROUND, font_size=style.BODY, h_buff=1.6)
        approx = plain_tex(r"\approx")
        left = captioned(self.formula_matrix, "from the formulas")
        right = captioned(self.fd_matrix, "finite differences")
        group = VGroup(jac_label, left, approx, right).arrange(RIGHT, buff=0.35)
        approx.match_y(self.formula_matrix)
        jac_label.match_y(self.formula_matrix)
        group.next_to(self.function, DOWN, buff=0.5)
        gap = np.abs(self.analytic - self.fd).max()
        self.gap_note = note(f"largest difference: {gap:.0e}").next_to(group, DOWN, buff=0.4)
        beat(self, FadeOut(self.partial_grid), FadeOut(self.check_row),
                  FadeIn(group), FadeIn(self.gap_note),
                  subcaption="At one point the Jacobian is a plain grid of numbers, and the two ways of computing it agree.", run_time=1.2)
