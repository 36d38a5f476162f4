"""Plain text and formulas in the project's type scale and symbol colours.

The one home for titles, notes and MathTex: a scene never builds its own Text or MathTex
wrapper, so every title sits in the same place and every symbol has its colour.
"""

from manim import DOWN, UL, UP, MathTex, Text, VGroup

from scenes.style import BODY, EDGE_BUFF, FONT, FOREGROUND, HEADING, LABEL, MUTED, SMALL, TEX_COLORS


def title(s, corner=False):
    """A scene's title: centred at the top edge, or in the top-left corner (3-D scenes,
    whose middle belongs to the picture)."""
    mob = Text(s, font=FONT, font_size=HEADING, color=FOREGROUND)
    return mob.to_corner(UL, buff=EDGE_BUFF) if corner else mob.to_edge(UP, buff=EDGE_BUFF)


def note(s, font_size=LABEL, color=MUTED):
    """Secondary text: labels, remarks, legends."""
    return Text(s, font=FONT, font_size=font_size, color=color)


def tex(*parts, font_size=BODY, color=FOREGROUND, colored=True, **kwargs):
    """A formula. colored=True gives every named quantity of the network its colour
    (style.TEX_COLORS); colored=False for symbols that only share a name with one (the
    toolkit's plain x_1, x_2 are not the network's hidden x_2)."""
    if colored:
        kwargs.setdefault("tex_to_color_map", TEX_COLORS)
    return MathTex(*parts, font_size=font_size, color=color, **kwargs)


def plain_tex(*parts, **kwargs):
    """tex() without the network's symbol colours: the toolkit's x_1, x_2 are plain inputs."""
    return tex(*parts, colored=False, **kwargs)


def captioned(mob, text, font_size=SMALL, color=MUTED, buff=0.2):
    """A mobject with a short caption under it."""
    return VGroup(mob, note(text, font_size, color).next_to(mob, DOWN, buff=buff))
