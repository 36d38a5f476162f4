"""Plain text and formulas in the project's type scale and symbol colours."""

from manim import UP, MathTex, Text

from scenes.style import BODY, EDGE_BUFF, FONT, FOREGROUND, HEADING, LABEL, MUTED, TEX_COLORS


def title(s):
    """A scene's title, at the top edge."""
    return Text(s, font=FONT, font_size=HEADING, color=FOREGROUND).to_edge(UP, buff=EDGE_BUFF)


def note(s, font_size=LABEL, color=MUTED):
    """Secondary text: labels, remarks, legends."""
    return Text(s, font=FONT, font_size=font_size, color=color)


def tex(s, size=BODY, color=FOREGROUND):
    """A formula with every named quantity in its colour (style.TEX_COLORS)."""
    return MathTex(s, font_size=size, color=color, tex_to_color_map=TEX_COLORS)
