"""The one place for colours and type sizes. Scenes import from here, never pick their own.

The same thing has the same colour everywhere: a class, a weight matrix or a gradient looks
alike in a diagram, a heatmap and a MathTex formula.
"""

from manim import ManimColor, interpolate_color

# Background, set in manim.cfg as well (background_color); kept here for widgets that need it.
BACKGROUND = ManimColor("#101418")
FOREGROUND = ManimColor("#ECEFF1")  # ordinary text and axes
MUTED = ManimColor("#8A949C")  # secondary text, grid lines, constants
GRID = ManimColor("#2C353D")  # faint background grids

# The two XOR classes, as in the post: orange for y = 0, blue for y = 1.
CLASS_0 = ManimColor("#F59322")
CLASS_1 = ManimColor("#3B9BE0")
CLASS_COLORS = (CLASS_0, CLASS_1)
# The middle of the decision heatmap scale (ŷ = 1/2), a neutral grey.
CLASS_MID = ManimColor("#5A6168")

# One colour per named quantity, shared by formulas and diagrams.
W1_COLOR = ManimColor("#C792EA")  # first weight matrix W^(1)
W2_COLOR = ManimColor("#7FD1B9")  # second weight matrix W^(2)
X_COLOR = ManimColor("#FFD866")  # inputs x, x̃ and hidden activations x2
Z_COLOR = ManimColor("#FF8A80")  # pre-activations z1, z2
YHAT_COLOR = ManimColor("#B0BEC5")  # the prediction ŷ
LOSS_COLOR = ManimColor("#FF5370")  # the loss L
GRAD_COLOR = ManimColor("#F78C6C")  # every gradient dL/d(.)

# Signed values (weights, gradients) on edges: positive blue-ish, negative red-ish,
# on a fixed, clamped scale so that frames of different snapshots compare honestly.
POSITIVE = ManimColor("#4FC3F7")
NEGATIVE = ManimColor("#EF5350")

# tex_to_color_map for MathTex: the same symbol gets the same colour in every formula.
TEX_COLORS = {
    "W^{(1)}": W1_COLOR,
    "W^{(2)}": W2_COLOR,
    r"\tilde{x}": X_COLOR,
    "x_2": X_COLOR,
    "z_1": Z_COLOR,
    "z_2": Z_COLOR,
    r"\hat{y}": YHAT_COLOR,
    r"\mathcal{L}": LOSS_COLOR,
}

# Type scale, in manim font-size units. At 854x480 a font_size of 24 is about 13 px high:
# nothing smaller than SMALL is allowed on screen, so every label stays readable at 480p.
TITLE = 48
HEADING = 38
BODY = 32
LABEL = 26
SMALL = 22
MIN_FONT_SIZE = SMALL

# Reading pace of the subcaptions: each beat stays on screen for its words at this pace,
# and the frame is held still at least MIN_HOLD seconds after its animation.
WORDS_PER_SECOND = 3.5
MIN_HOLD = 0.5

FONT = "DejaVu Sans"  # ships with Debian; Text() falls back silently if a font is missing

# Standard spacing from the frame edge.
EDGE_BUFF = 0.4


def class_color(label):
    """The colour of class 0 or 1 (accepts numpy ints and floats 0.0/1.0)."""
    return CLASS_COLORS[int(round(float(label)))]


def signed_color(value, scale):
    """Colour for a signed value on a fixed scale: |value| >= scale is full colour."""
    t = min(abs(float(value)) / scale, 1.0)
    end = POSITIVE if value >= 0 else NEGATIVE
    return interpolate_color(MUTED, end, 0.35 + 0.65 * t)


def signed_width(value, scale, min_width=0.75, max_width=7.0):
    """Stroke width for a signed value on a fixed, clamped scale (TF Playground style)."""
    t = min(abs(float(value)) / scale, 1.0)
    return min_width + (max_width - min_width) * t
