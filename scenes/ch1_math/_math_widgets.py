"""Small building blocks shared by the chapter-1 scenes (vectors to information).

Colour convention in these scenes: what goes into a map is X_COLOR, what comes out is
Z_COLOR (as x and z in the network); plain matrices such as the post's A are FOREGROUND.
"""

import numpy as np
from manim import (
    DOWN,
    DecimalMatrix,
    IntegerMatrix,
    MathTex,
    VGroup,
)

from scenes.style import BODY, FOREGROUND, X_COLOR, Z_COLOR

INPUT_COLOR = X_COLOR
OUTPUT_COLOR = Z_COLOR


def tex(*parts, size=BODY, color=FOREGROUND, **kwargs):
    return MathTex(*parts, font_size=size, color=color, **kwargs)


def int_matrix(values, size=BODY, color=FOREGROUND, **kwargs):
    """IntegerMatrix of exact integers (refuses values that are not whole numbers)."""
    arr = np.asarray(values)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    rounded = np.round(arr).astype(int)
    if not np.allclose(arr, rounded):
        raise ValueError(f"not integers: {arr}")
    kwargs.setdefault("v_buff", 0.6)
    kwargs.setdefault("h_buff", 0.8)
    mob = IntegerMatrix(rounded.tolist(), element_to_mobject_config={"font_size": size}, **kwargs)
    mob.set_color(color)
    mob.values = rounded
    return mob


def dec_matrix(values, decimals=1, size=BODY, color=FOREGROUND, **kwargs):
    arr = np.asarray(values, float)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    kwargs.setdefault("v_buff", 0.6)
    kwargs.setdefault("h_buff", 1.1)
    mob = DecimalMatrix(
        arr.tolist(),
        element_to_mobject_config={"num_decimal_places": decimals, "font_size": size},
        **kwargs,
    )
    mob.set_color(color)
    mob.values = arr
    return mob


def fmt(x, decimals=2):
    """A number for MathTex: integers without a decimal point, negatives in parentheses
    when used as a factor (see factor())."""
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    return f"{x:.{decimals}f}".rstrip("0").rstrip(".")


def factor(x, decimals=2):
    s = fmt(x, decimals)
    return f"({s})" if s.startswith("-") else s


def stacked(*mobs, buff=0.3):
    return VGroup(*mobs).arrange(DOWN, buff=buff)
