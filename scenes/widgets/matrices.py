"""Matrices and numbers on screen, built so that a test can read back what is shown.

Every entry is a DecimalNumber (or an Integer) holding the value the scene computed;
`matrix_values` reads them back as an array of the matrix's shape.
"""

import math

import numpy as np
from manim import DecimalMatrix, DecimalNumber, IntegerMatrix, MobjectMatrix

from scenes.style import BODY, DECIMALS, FOREGROUND, LABEL, MAX_DECIMALS, MUTED


def _as_2d(values, dtype=float):
    arr = np.asarray(values, dtype=dtype)
    return arr.reshape(-1, 1) if arr.ndim == 1 else arr


def int_matrix(values, font_size=BODY, color=FOREGROUND, **kwargs):
    """IntegerMatrix of exact integers (refuses values that are not whole numbers); a 1-D
    array is drawn as a column."""
    arr = _as_2d(values)
    rounded = np.round(arr).astype(int)
    if not np.allclose(arr, rounded):
        raise ValueError(f"not integers: {arr}")
    kwargs.setdefault("v_buff", 0.6)
    kwargs.setdefault("h_buff", 0.8)
    mob = IntegerMatrix(rounded.tolist(), element_to_mobject_config={"font_size": font_size},
                        **kwargs)
    mob.set_color(color)
    mob.values = rounded
    return mob


def shown(values, places):
    """Values as they will be displayed: rounded, with no negative zeros."""
    return np.round(np.atleast_2d(np.asarray(values, dtype=float)), places) + 0.0


def dec_matrix(values, places=2, font_size=BODY, color=FOREGROUND, **kwargs):
    """DecimalMatrix of the values as displayed (`shown`: no "-0.00"); a 1-D array is drawn
    as a column."""
    arr = shown(_as_2d(values), places)
    kwargs.setdefault("v_buff", 0.6)
    kwargs.setdefault("h_buff", 1.1)
    mob = DecimalMatrix(arr.tolist(), element_to_mobject_config={
        "num_decimal_places": places, "font_size": font_size}, **kwargs)
    mob.set_color(color)
    mob.values = arr
    return mob


def places_for(value, places=DECIMALS):
    """Decimals to show `value` with: `places`, or more for a small non-zero value that would
    otherwise read as zero (its first significant digit is shown, up to MAX_DECIMALS)."""
    magnitude = abs(float(value))
    if magnitude == 0 or magnitude >= 0.5 * 10.0 ** -places:
        return places
    return min(MAX_DECIMALS, max(places, -math.floor(math.log10(magnitude))))


def number(value, color=FOREGROUND, places=None, font_size=LABEL):
    """One DecimalNumber holding the full value (the display rounds it); places=None follows
    the project's rule (`places_for`)."""
    places = places_for(value) if places is None else places
    return DecimalNumber(float(value), num_decimal_places=places, font_size=font_size, color=color)


def value_matrix(values, places=None, font_size=LABEL, color=FOREGROUND, h_buff=1.1, v_buff=0.55,
                 exact_zeros_muted=False, integers=False, bracket_h_buff=0.15):
    """A matrix of DecimalNumbers that keep the full floats. Structural zeros (exactly 0) can
    be drawn as a muted "0". A wider `bracket_h_buff` leaves room for a box round a row."""
    rows = []
    for row in np.atleast_2d(np.asarray(values, dtype=float)):
        cells = []
        for v in row:
            zero = exact_zeros_muted and v == 0.0
            cells.append(number(v, MUTED if zero else color,
                                0 if (zero or integers) else places, font_size))
        rows.append(cells)
    return MobjectMatrix(rows, h_buff=h_buff, v_buff=v_buff, bracket_h_buff=bracket_h_buff)


def column(values, **kwargs):
    return value_matrix(np.reshape(values, (-1, 1)), **kwargs)


def row(values, **kwargs):
    return value_matrix(np.reshape(values, (1, -1)), **kwargs)


def matrix_values(mat):
    """The numbers a matrix mobject displays (full precision), as an array of its shape."""
    return np.array([[float(e.get_value()) for e in r] for r in mat.get_rows()])


def fmt(x, decimals=2):
    """A number for MathTex: integers without a decimal point, no trailing zeros."""
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    return f"{x:.{decimals}f}".rstrip("0").rstrip(".")


def factor(x, decimals=2):
    """fmt() for a number used as a factor: negatives in parentheses."""
    s = fmt(x, decimals)
    return f"({s})" if s.startswith("-") else s


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _mantissa_exponent(value, digits):
    mantissa, exponent = f"{float(value):.{max(digits - 1, 0)}e}".split("e")
    return mantissa, int(exponent)


def sci_tex(value, digits=1):
    """A number in scientific form for MathTex, e.g. 2 \\cdot 10^{-11} (never "2e-11")."""
    mantissa, exponent = _mantissa_exponent(value, digits)
    return f"{mantissa} \\cdot 10^{{{exponent}}}"


def sci_text(value, digits=1):
    """The same for a subtitle: 2·10⁻¹¹."""
    mantissa, exponent = _mantissa_exponent(value, digits)
    return f"{mantissa}·10{str(exponent).translate(SUPERSCRIPTS)}"


def sci_words(value, digits=1):
    """The same, spoken: 2 times 10 to the minus 11."""
    mantissa, exponent = _mantissa_exponent(value, digits)
    sign = "minus " if exponent < 0 else ""
    return f"{mantissa} times 10 to the {sign}{abs(exponent)}"


def hide_entries(matrix_mob):
    """Make a matrix's entries invisible, to be revealed by `reveal`."""
    for e in matrix_mob.get_entries():
        e.set_opacity(0)
    return matrix_mob


def reveal(scene, sources, hidden, *animations, subcaption=None, **kwargs):
    """Fly copies of `sources` onto the `hidden` mobjects (entries hidden by hide_entries),
    then show the hidden ones themselves, with `animations` alongside; with a subcaption, as a
    beat of its own (scenes.pacing.beat).

    Only copies fly: the targets keep their structure, so that a test can still read the
    matrix back (a Transform into a matrix entry would pad the entry with copies)."""
    from manim import ReplacementTransform

    from scenes.pacing import beat

    landing = [h.copy().set_opacity(1) for h in hidden]
    flights = [ReplacementTransform(s.copy(), t) for s, t in zip(sources, landing)]
    if subcaption is None:
        scene.play(*flights, *animations, **kwargs)
    else:
        beat(scene, *flights, *animations, subcaption=subcaption, **kwargs)
    scene.remove(*landing)  # the real entries take over, so nothing is drawn twice
    for h in hidden:
        h.set_opacity(1)
