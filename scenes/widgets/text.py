"""Plain text and formulas in the project's type scale and symbol colours."""

from manim import MathTex, Text

from scenes.style import BODY, FONT, FOREGROUND, LABEL, MUTED, TEX_COLORS


def note(s, size=LABEL, color=MUTED):
    """Secondary text: labels, remarks, legends."""
    return Text(s, font=FONT, font_size=size, color=color)


def tex(s, size=BODY, color=FOREGROUND):
    """A formula with every named quantity in its colour (style.TEX_COLORS)."""
    return MathTex(s, font_size=size, color=color, tex_to_color_map=TEX_COLORS)
