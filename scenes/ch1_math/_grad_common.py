"""Small pieces shared by the gradient scenes of chapter 1: numerical Jacobians and the
look of titles, notes and value matrices."""

import numpy as np
from manim import DOWN, DecimalMatrix, MathTex, VGroup

from scenes import style
from scenes.widgets.text import note, title  # noqa: F401  (re-exported to the chapter's scenes)

FD_STEP = 1e-5  # central differences: error ~ h^2, round-off ~ 1e-16 / h


def central_jacobian(f, x, h=FD_STEP):
    """Jacobian of f at x by central differences, shape (m, n): row i = output i."""
    x = np.asarray(x, dtype=float)
    m = np.atleast_1d(f(x)).size
    jac = np.empty((m, x.size))
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        jac[:, j] = (np.atleast_1d(f(x + step)) - np.atleast_1d(f(x - step))) / (2 * h)
    return jac


def shown(values, places):
    """Values as they will be displayed: rounded, with no negative zeros."""
    return np.round(np.atleast_2d(np.asarray(values, dtype=float)), places) + 0.0


def value_matrix(values, places=2, color=style.FOREGROUND, font_size=style.LABEL, h_buff=1.35):
    """A DecimalMatrix of the given values; tests read its entries back."""
    mat = DecimalMatrix(
        shown(values, places),
        element_to_mobject_config={"num_decimal_places": places, "font_size": font_size},
        h_buff=h_buff,
        v_buff=0.6,
    )
    mat.get_entries().set_color(color)
    return mat


def matrix_values(mat):
    """The numbers a DecimalMatrix displays, as an array of its shape."""
    rows = mat.get_rows()
    return np.array([[float(e.get_value()) for e in row] for row in rows])


def tex(*parts, font_size=style.BODY, **kwargs):
    # No tex_to_color_map here: x_1, x_2 are plain inputs in this chapter, not the net's x2.
    return MathTex(*parts, font_size=font_size, **kwargs)


def labelled(mob, text, font_size=style.SMALL):
    """A matrix with a short caption under it."""
    return VGroup(mob, note(text, font_size=font_size).next_to(mob, DOWN, buff=0.2))
