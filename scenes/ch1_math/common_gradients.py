"""Three Jacobians worth knowing by heart, each checked on a concrete example: the formula's
value beside a finite-difference estimate of the same Jacobian."""

import numpy as np
from manim import DOWN, RIGHT, FadeIn, FadeOut, Scene, VGroup, Write

from scenes import style
from toynet_core.numeric import central_jacobian
from scenes.widgets.matrices import dec_matrix
from scenes.widgets.text import captioned, plain_tex, title
from scenes.pacing import beat

A = np.array([[1.0, 2.0, 0.0], [-1.0, 0.5, 3.0]])
C = np.array([2.0, -1.0, 0.5])
X = np.array([0.5, -1.0, 2.0])  # where the linear examples are differentiated
X_TANH = np.array([-1.0, 0.3, 2.0])
PLACES = 2
X_RELU = np.array([-1.0, 0.5, 2.0])  # away from 0, where ReLU has no derivative


def relu(v):
    return np.maximum(v, 0.0)


def relu_prime(v):
    return (v > 0).astype(float)


def tanh_prime(v):
    return 1.0 - np.tanh(v) ** 2


def vec(v):
    return r"(%s)" % r",\ ".join("%g" % t for t in v)


class CommonGradients(Scene):
    def construct(self):
        self.examples = {}
        self.show_rules()
        self.linear_map()
        self.dot_product()
        self.elementwise("tanh", np.tanh, tanh_prime, X_TANH,
                         "For tanh the slopes sit on the diagonal; every other entry is exactly zero.")
        self.elementwise("relu", relu, relu_prime, X_RELU,
                         "For ReLU, the net's own choice, the diagonal holds only ones and zeros.")

    def show_rules(self):
        self.heading = title("Three gradients to remember")
        rules = VGroup(
            plain_tex(r"\frac{d}{d\vec{x}}\big(A\vec{x}\big) = A", font_size=style.HEADING),
            plain_tex(r"\frac{d}{d\vec{x}}\big(\vec{c}\cdot\vec{x}\big) = \vec{c}^{\,T}", font_size=style.HEADING),
            plain_tex(r"\frac{d}{d\vec{x}}\begin{bmatrix}\gamma(x_1)\\ \vdots \\ \gamma(x_n)\end{bmatrix}"
                r" = \begin{bmatrix}\gamma'(x_1) & & 0\\ & \ddots & \\ 0 & & \gamma'(x_n)\end{bmatrix}",
                font_size=style.HEADING),
        ).arrange(DOWN, buff=0.45).next_to(self.heading, DOWN, buff=0.45)
        self.rules = rules
        beat(self, Write(self.heading), FadeIn(rules),
                  subcaption="A matrix, a dot product, and a function applied entry by entry: three Jacobians to know by heart.", run_time=1.2)

    def linear_map(self):
        header = plain_tex(r"f(\vec{x}) = A\vec{x}\ \Rightarrow\ \frac{df}{d\vec{x}} = A", font_size=style.HEADING)
        fd = central_jacobian(lambda v: A @ v, X)
        self.compare("linear", header, A, fd, "A itself", X,
                     "Nudge each input of A times x: the slopes read back the matrix A.", previous=self.rules)

    def dot_product(self):
        header = plain_tex(r"g(\vec{x}) = \vec{c}\cdot\vec{x}\ \Rightarrow\ \frac{dg}{d\vec{x}} = \vec{c}^{\,T},"
                     r"\quad \vec{c} = %s" % vec(C), font_size=style.HEADING)
        fd = central_jacobian(lambda v: C @ v, X)
        self.compare("dot", header, C[None, :], fd, "c transposed: a row", X,
                     "A dot product with c has the row c transposed as its Jacobian.")

    def elementwise(self, name, gamma, gamma_prime, x, subcaption):
        sym = {"tanh": r"\tanh", "relu": r"\mathrm{ReLU}"}[name]
        header = plain_tex(r"h(\vec{x}) = %s(\vec{x})\ \text{entrywise}\ \Rightarrow\ "
                     r"\frac{dh}{d\vec{x}} = \mathrm{diag}\big(%s'(x_i)\big)" % (sym, sym), font_size=style.HEADING)
        fd = central_jacobian(gamma, x)
        self.compare(name, header, np.diag(gamma_prime(x)), fd, "diagonal of slopes", x, subcaption)

    def compare(self, name, header, formula, fd, formula_text, x, subcaption, previous=None):
        """Swap in one example: its formula's Jacobian next to the finite-difference one."""
        formula_m = dec_matrix(formula, places=PLACES, color=style.GRAD_COLOR, font_size=style.HEADING, h_buff=1.5)
        fd_m = dec_matrix(fd, places=PLACES, font_size=style.HEADING, h_buff=1.5)
        where = plain_tex(r"\text{at } \vec{x} = %s" % vec(x), font_size=style.BODY)
        pair = VGroup(captioned(formula_m, formula_text, font_size=style.LABEL),
                      captioned(fd_m, "finite differences", font_size=style.LABEL)).arrange(RIGHT, buff=1.2)
        group = VGroup(header, where, pair).arrange(DOWN, buff=0.4).next_to(self.heading, DOWN, buff=0.45)
        old = previous if previous is not None else self.current
        beat(self, FadeOut(old), FadeIn(group), subcaption=subcaption, run_time=1.2)
        self.current = group
        self.examples[name] = {"x": x, "formula": formula_m, "fd": fd_m}
