"""Shared pieces of the Chapter 3 number scenes: the example's numbers and how they look.

Every value shown is a DecimalNumber holding the full float (the display rounds it), so the
tests can read back exactly what the scene computed.
"""

from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    DecimalNumber,
    MathTex,
    MobjectMatrix,
    SurroundingRectangle,
    VGroup,
)

from scenes import style
from scenes.widgets.text import note, title  # noqa: F401  (re-exported to the chapter's scenes)
from scenes.ch3_training._example import example
from scenes.run_data import load_scene_run
from toynet_core import forward, post_chain

PLACES = 3  # enough to tell a barely active unit (z ~ 0.001) from an inactive one


@dataclass(frozen=True, eq=False)
class Numbers:
    """The example point and everything computed from it."""

    run: object
    ex: object
    fwd: object  # toynet_core Forward for the one sample (batch of 1)
    chain: object  # toynet_core ChainFactors


def example_numbers(run=None):
    run = load_scene_run() if run is None else run
    ex = example(run)
    fwd = forward(ex.W1, ex.W2, ex.x[None, :], [ex.y])
    chain = post_chain(ex.W1, ex.W2, ex.x, ex.y)
    return Numbers(run, ex, fwd, chain)


def number(value, color=style.FOREGROUND, places=PLACES, font_size=style.LABEL):
    return DecimalNumber(float(value), num_decimal_places=places, font_size=font_size, color=color)


def value_matrix(values, color=style.FOREGROUND, places=PLACES, font_size=style.LABEL,
                 h_buff=1.1, v_buff=0.55, exact_zeros_muted=False, integers=False):
    """A matrix of DecimalNumbers. Structural zeros (exactly 0) can be drawn as a muted "0"."""
    values = np.atleast_2d(np.asarray(values, dtype=float))
    rows = []
    for row in values:
        cells = []
        for v in row:
            zero = exact_zeros_muted and v == 0.0
            cells.append(number(v, style.MUTED if zero else color,
                                0 if (zero or integers) else places, font_size))
        rows.append(cells)
    return MobjectMatrix(rows, h_buff=h_buff, v_buff=v_buff, bracket_h_buff=0.15)


def column(values, **kwargs):
    return value_matrix(np.reshape(values, (-1, 1)), **kwargs)


def row(values, **kwargs):
    return value_matrix(np.reshape(values, (1, -1)), **kwargs)


def matrix_values(mat):
    """The numbers a value matrix displays (full precision), as an array of its shape."""
    return np.array([[float(e.get_value()) for e in r] for r in mat.get_rows()])


def tex(*parts, font_size=style.BODY, **kwargs):
    return MathTex(*parts, font_size=font_size, **kwargs)


def colored_tex(*parts, font_size=style.BODY, **kwargs):
    """MathTex with the project's symbol colours (x̃, z1, x2, ŷ, L, W1, W2)."""
    return MathTex(*parts, font_size=font_size, tex_to_color_map=style.TEX_COLORS, **kwargs)


def box(mob, color=style.NEGATIVE, buff=0.08):
    return SurroundingRectangle(mob, color=color, buff=buff, stroke_width=3)


def under(mob, text, font_size=style.SMALL, color=style.MUTED, buff=0.2):
    """A short caption under a mobject."""
    return VGroup(mob, note(text, font_size, color).next_to(mob, DOWN, buff=buff))


def running_products(chain):
    """The post's product for dL/dw1, taken left to right: each partial row the scene shows.

    delta = dL/dŷ·dŷ/dz2 (1×1); at_x2 = delta·W2 (1×4); at_z1 = at_x2·diag(ReLU') (1×4);
    at_q = at_z1·[I;0] (1×3); at_w1 = at_q·X (1×9)."""
    delta = chain.dL_dyhat @ chain.dyhat_dz2
    at_x2 = delta @ chain.dz2_dx2
    at_z1 = at_x2 @ chain.dx2_dz1
    at_q = at_z1 @ chain.dz1_dq
    at_w1 = at_q @ chain.dq_dw1
    return delta, at_x2, at_z1, at_q, at_w1
