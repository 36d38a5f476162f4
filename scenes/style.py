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

# One colour, one meaning (docs/NOTATION.md lists them). TF Playground's code: the two XOR
# classes are orange (y = 0) and blue (y = 1), and a signed value is blue when positive and
# orange when negative. The two agree: a positive score z(2) means class 1, blue.
CLASS_0 = ManimColor("#F59322")
CLASS_1 = ManimColor("#3B9BE0")
CLASS_COLORS = (CLASS_0, CLASS_1)
CLASS_NAMES = ("orange", "blue")  # what the words call class 0 and class 1: their colours
# The middle of the decision heatmap scale (ŷ = 1/2), a neutral grey.
CLASS_MID = ManimColor("#5A6168")
POSITIVE = CLASS_1  # the sign of weights, gradients and scores
NEGATIVE = CLASS_0

# One colour per named quantity, shared by formulas and diagrams; none is a sign colour.
W1_COLOR = ManimColor("#C792EA")  # first weight matrix W(1) (purple)
W2_COLOR = ManimColor("#7FD1B9")  # second weight matrix W(2) (teal)
X_COLOR = ManimColor("#FFD866")  # what goes into a map: x, x̃, and the hidden x(2) (yellow)
Z_COLOR = ManimColor("#F48FB1")  # what a linear map puts out: z(1), z(2) (pink)
YHAT_COLOR = ManimColor("#B0BEC5")  # the prediction ŷ (grey-blue)
GRAD_COLOR = ManimColor("#C3E88D")  # every gradient ∂L/∂(.) and Jacobian (lime)
LOSS_COLOR = ManimColor("#FF5370")  # the loss L, and anything that went wrong (red)
ERROR = LOSS_COLOR  # a wrong claim crossed out, a unit that died, a step that overshot
EMPHASIS = ManimColor("#FFFFFF")  # boxes and rings that point at something

# The two directions of a plane, so that the eye can follow a grid through a map
# (scenes.widgets.grid): a line along which x1 runs (x2 fixed) is X1_DIRECTION, a line along
# which x2 runs is X2_DIRECTION. Where a map sends a step along xj, the j-th column of its
# Jacobian, keeps the colour of xj.
X1_DIRECTION = ManimColor("#5FD068")  # green
X2_DIRECTION = ManimColor("#8E9BFF")  # periwinkle

# One colour per hidden unit's fold in ReluFold (its crease, its wall, its count of folded
# points): three saturated hues far apart from each other and in the gaps between the other
# meanings (magenta between W(1)'s purple and Z's pink, chartreuse between X's yellow and the
# gradients' lime, cyan between W(2)'s teal and class 1's blue), so that a unit's fold never
# reads as a class, an input, a weight or a gradient.
UNIT_COLORS = (ManimColor("#FF4DE2"), ManimColor("#C0F230"), ManimColor("#3DE7F2"))

# Signed values on edges and in matrices use POSITIVE / NEGATIVE on a fixed, clamped scale
# (signed_color, signed_width), so that frames of different snapshots compare honestly.

# tex_to_color_map for MathTex: the same symbol gets the same colour in every formula.
# docs/NOTATION.md: layers are superscripts in parentheses (z^{(1)}, x^{(2)}), coordinates
# are subscripts (x_1, x_2), left uncoloured: x_2 is the second input, never a layer.
TEX_COLORS = {
    "W^{(1)}": W1_COLOR,
    "W^{(2)}": W2_COLOR,
    r"\tilde{x}": X_COLOR,
    "x^{(2)}": X_COLOR,
    "z^{(1)}": Z_COLOR,
    "z^{(2)}": Z_COLOR,
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

# The pace of a beat (scenes.pacing.beat). With a voice, a beat lasts as long as its speech,
# which starts SPEECH_LEAD after the picture starts moving; without one, as long as its subtitle
# takes to read at READING_CPS characters per second (subtitle guides ask for at most about 15).
# Either way BREATH follows the words, and the animations take at least MIN_MOTION seconds.
READING_CPS = 15
SPEECH_LEAD = 0.1
BREATH = 0.5
MIN_MOTION = 1.0
# An entrance (a beat that starts on an empty frame) shows its picture this long before its words.
ENTRANCE_LEAD = 0.6

# Numbers on screen: 2 decimals, except a non-zero value that would show as 0.00, which gets
# the decimals its first digit needs (at most MAX_DECIMALS), so its sign stays visible.
DECIMALS = 2
MAX_DECIMALS = 4

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
