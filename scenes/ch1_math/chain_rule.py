"""The chain rule: in one variable a product of slopes, for maps between spaces a product of
Jacobians whose sizes chain. Every number is computed here and checked by finite differences."""

import numpy as np
from manim import DOWN, RIGHT, Brace, DecimalNumber, FadeIn, FadeOut, Scene, VGroup, Write

from scenes import style
from toynet_core.numeric import central_jacobian
from scenes.widgets.matrices import dec_matrix
from scenes.widgets.text import captioned, note, plain_tex, title
from scenes.pacing import beat

X_1D = 1.2
POINT = np.array([1.0, 0.5])


# One variable: h = f o g with g(x) = x^2, f(u) = sin u.
def g1(x):
    return x**2


def f1(u):
    return np.sin(u)


# Several variables: g: R^2 -> R^2, f: R^2 -> R.
def g(x):
    return np.array([x[0] ** 2 - x[1], x[0] * x[1]])


def jac_g(x):
    return np.array([[2 * x[0], -1.0], [x[1], x[0]]])


def f(u):
    return np.array([np.sin(u[0]) + u[1] ** 2])


def jac_f(u):
    return np.array([[np.cos(u[0]), 2 * u[1]]])


def h(x):
    return f(g(x))


class ChainRule(Scene):
    def construct(self):
        self.show_one_variable()
        self.check_one_variable()
        self.show_sizes()
        self.show_maps()
        self.multiply_jacobians()
        self.compare_with_composition()

    def show_one_variable(self):
        self.heading = title("The chain rule")
        rule = plain_tex(r"h(x) = f(g(x)) \quad\Longrightarrow\quad h'(x) = f'(g(x))\cdot g'(x)",
                   font_size=style.TITLE)
        example = plain_tex(r"g(x) = x^2,\qquad f(u) = \sin u", font_size=style.HEADING)
        self.rule_1d = VGroup(rule, example).arrange(DOWN, buff=0.4).next_to(self.heading, DOWN, buff=0.6)
        beat(self, Write(self.heading), FadeIn(self.rule_1d),
                  subcaption="Feed one function into another, and the slopes multiply.", run_time=1.2)

    def check_one_variable(self):
        x = self.x_1d = X_1D
        outer = np.cos(g1(x))  # f'(g(x))
        inner = 2 * x  # g'(x)
        self.df_1d = DecimalNumber(outer, num_decimal_places=3, font_size=style.HEADING)
        self.dg_1d = DecimalNumber(inner, num_decimal_places=3, font_size=style.HEADING)
        self.prod_1d = DecimalNumber(outer * inner, num_decimal_places=3, font_size=style.HEADING)
        self.fd_1d = DecimalNumber(central_jacobian(lambda v: f1(g1(v)), [x])[0, 0],
                                   num_decimal_places=3, font_size=style.HEADING)
        at = plain_tex(r"f'(g(%g))\cdot g'(%g) =" % (x, x), font_size=style.HEADING)
        times, equals = plain_tex(r"\times", font_size=style.HEADING), plain_tex("=", font_size=style.HEADING)
        product = VGroup(at, self.df_1d, times, self.dg_1d, equals, self.prod_1d).arrange(RIGHT, buff=0.25)
        fd_label = plain_tex(r"\text{finite-difference slope of } h:", font_size=style.HEADING)
        fd_row = VGroup(fd_label, self.fd_1d).arrange(RIGHT, buff=0.25)
        self.check_1d = VGroup(product, fd_row).arrange(DOWN, buff=0.35).next_to(self.rule_1d, DOWN, buff=0.6)
        beat(self, FadeIn(self.check_1d),
                  subcaption=f"At x = {x:g}: cosine of {g1(x):g} times {inner:g}, "
                             "the same slope a small nudge of h gives.", run_time=1.2)

    def show_sizes(self):
        maps = plain_tex(r"g:\R^n\to\R^k,\quad f:\R^k\to\R^m,\quad h = f\circ g:\R^n\to\R^m",
                   font_size=style.HEADING)
        rule = plain_tex(r"\frac{dh}{d\vec{x}}", "=", r"\frac{df}{d\vec{u}}\big(g(\vec{x})\big)",
                   r"\frac{dg}{d\vec{x}}", font_size=style.TITLE)
        braces = VGroup(*[Brace(rule[i], DOWN, buff=0.1) for i in (0, 2, 3)])
        sizes = VGroup(*[plain_tex(t, font_size=style.BODY).next_to(b, DOWN, buff=0.1)
                         for b, t in zip(braces, (r"m\times n", r"m\times k", r"k\times n"))])
        warn = note("The sizes must chain: g's outputs are f's inputs.", font_size=style.BODY)
        self.sizes = VGroup(maps, VGroup(rule, braces, sizes), warn).arrange(DOWN, buff=0.45)
        self.sizes.next_to(self.heading, DOWN, buff=0.5)
        beat(self, FadeOut(self.rule_1d), FadeOut(self.check_1d), FadeIn(self.sizes),
                  subcaption="For maps between spaces each slope becomes a Jacobian, and the product only works when the sizes line up.", run_time=1.2)

    def show_maps(self):
        self.point = POINT
        self.maps = plain_tex(
            r"g(\vec{x}) = \begin{bmatrix} x_1^2 - x_2 \\ x_1 x_2 \end{bmatrix},\qquad "
            r"f(\vec{u}) = \sin u_1 + u_2^2,\qquad \vec{x} = (%g,\ %g)" % tuple(POINT),
            font_size=style.HEADING,
        ).next_to(self.heading, DOWN, buff=0.4)
        beat(self, FadeOut(self.sizes), FadeIn(self.maps),
                  subcaption="A concrete pair: g takes the plane to the plane, f takes the plane to a number.", run_time=1.2)

    def multiply_jacobians(self):
        u = g(self.point)
        jf, jg = jac_f(u), jac_g(self.point)
        self.jf_matrix = dec_matrix(jf, places=3, color=style.GRAD_COLOR, font_size=style.HEADING, h_buff=1.6)
        self.jg_matrix = dec_matrix(jg, places=3, color=style.GRAD_COLOR, font_size=style.HEADING, h_buff=1.6)
        self.product_matrix = dec_matrix(jf @ jg, places=3, color=style.GRAD_COLOR, font_size=style.HEADING, h_buff=1.6)
        row = VGroup(
            captioned(self.jf_matrix, "df/du at g(x), 1×2"),
            captioned(self.jg_matrix, "dg/dx, 2×2"),
            plain_tex("=", font_size=style.HEADING),
            captioned(self.product_matrix, "product, 1×2"),
        ).arrange(RIGHT, buff=0.4)
        row[2].match_y(self.product_matrix)
        self.product_row = row.next_to(self.maps, DOWN, buff=0.6)
        beat(self, FadeIn(row),
                  subcaption="Evaluate both Jacobians, the outer one at g of x, and multiply them.", run_time=1.2)

    def compare_with_composition(self):
        self.fd_matrix = dec_matrix(central_jacobian(h, self.point), places=3, font_size=style.HEADING, h_buff=1.6)
        label = plain_tex(r"\text{finite differences of } f\circ g:", font_size=style.HEADING)
        row = VGroup(label, self.fd_matrix).arrange(RIGHT, buff=0.3)
        row.next_to(self.product_row, DOWN, buff=0.6)
        beat(self, FadeIn(row),
                  subcaption="Nudging the composed map directly gives the same row of slopes.", run_time=1.2)
