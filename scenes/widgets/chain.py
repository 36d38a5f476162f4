"""A chain-rule product written as named links, so a beat can point at a link by its name:
`chain.mark("relu")`, not an index into the formula's parts."""

from manim import RIGHT, SurroundingRectangle, VGroup

from scenes import style
from scenes.widgets.text import tex


class ChainFormula(VGroup):
    """lhs = link · link · …; `links` maps each name to its factor on screen.

        ChainFormula(r"\\frac{dL}{dW}", [("loss", r"\\frac{dL}{d\\hat y}"), ("sigmoid", …)])
    """

    def __init__(self, lhs, links, font_size=style.BODY):
        self.lhs = tex(lhs, font_size=font_size)
        self.links = {}
        parts = [self.lhs, tex("=", font_size=font_size)]
        for k, (name, factor) in enumerate(links):
            if k:
                parts.append(tex(r"\cdot", font_size=font_size))
            self.links[name] = tex(factor, font_size=font_size)
            parts.append(self.links[name])
        super().__init__(*parts)
        self.arrange(RIGHT, buff=0.12)

    def mark(self, *names, color=style.GRAD_COLOR):
        """A box around the named links (the ones a beat works on)."""
        return SurroundingRectangle(VGroup(*[self.links[n] for n in names]), color=color,
                                    buff=0.08, stroke_width=2)
