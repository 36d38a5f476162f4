"""A number that can change on every frame: DecimalNumber's look, without its cost.

DecimalNumber.set_value copies a TeX glyph for every character on every call (about 10 ms a
number), which is most of a frame when a counter changes every frame. LiveNumber keeps the
glyphs it has made, per character, and re-uses them: a new value only moves a few glyphs.

    step = LiveNumber(0, num_decimal_places=0, font_size=30)
    step.set_value(10_000)   # "10,000", laid out as DecimalNumber lays it out

It keeps its left edge and baseline when its value changes. Position it (move_to, next_to,
arrange) freely, but do not rescale it: glyphs kept aside keep the size they were made at.

A glyph put aside loses its points until it is shown again: during a play() Cairo draws the
family members it listed when the play began, so a glyph that left the number would still be
drawn where it was (DecimalNumber zeroes its old glyphs' points for the same reason).
"""

import numpy as np
from manim import DecimalNumber, SingleStringMathTex

UNIT = object()  # pool key of the unit's glyph


class LiveNumber(DecimalNumber):
    def __init__(self, number=0, **kwargs):
        self._pool = {}  # character (or UNIT) -> glyphs made so far, shown or kept aside
        super().__init__(number, **kwargs)
        if self.show_ellipsis:
            raise ValueError("LiveNumber does not draw ellipses; use DecimalNumber")

    def _glyph(self, char, index):
        """The index-th glyph of `char`, made once (as DecimalNumber makes it) on first use,
        with its points back if it was put aside."""
        glyphs = self._pool.setdefault(char, [])
        while len(glyphs) <= index:
            glyph = (self._string_to_mob(self.unit, SingleStringMathTex) if char is UNIT
                     else self._string_to_mob(char))
            glyph.set_color(self.color)
            glyphs.append(glyph)
        glyph = glyphs[index]
        for member, points in getattr(glyph, "aside", None) or []:
            member.points = points
        glyph.aside = None
        return glyph

    @staticmethod
    def _put_aside(glyph):
        """Keep the glyph's points and leave it none, so it draws nothing (see the module doc)."""
        glyph.aside = [(m, m.points) for m in glyph.family_members_with_points()]
        for member, _ in glyph.aside:
            member.points = np.zeros((0, 3))

    def _set_submobjects_from_number(self, number):
        """The first layout is DecimalNumber's own; its glyphs go into the pool."""
        super()._set_submobjects_from_number(number)
        string = self._get_num_string(number)
        for char, glyph in zip(string, self.submobjects):
            self._pool.setdefault(char, []).append(glyph)
        if self.unit is not None:
            self._pool.setdefault(UNIT, []).append(self.submobjects[len(string)])

    def set_value(self, number):
        """Show `number` with the same left edge and baseline, re-using glyphs."""
        # The baseline is a digit's bottom: a leading minus sits higher than the digits.
        shown = self._get_num_string(self.number)
        digit = next(i for i, char in enumerate(shown) if char.isdigit())
        left, baseline = self.get_left()[0], self.submobjects[digit].get_bottom()[1]
        string = self._get_num_string(number)
        used, glyphs = {}, []
        for char in string:
            glyphs.append(self._glyph(char, used.get(char, 0)))
            used[char] = used.get(char, 0) + 1
        # DecimalNumber's arrangement: side by side, bottoms aligned, then its special cases.
        buff = self.digit_buff_per_font_unit * self._font_size
        x = left
        for glyph in glyphs:
            glyph.shift([x - glyph.get_left()[0], baseline - glyph.get_bottom()[1], 0])
            x = glyph.get_right()[0] + buff
        for i, char in enumerate(string):
            if char == "-" and i + 1 < len(string):
                nxt = glyphs[i + 1]
                glyphs[i].shift([0, nxt.get_top()[1] - nxt.height / 2 - glyphs[i].get_top()[1], 0])
            elif char == ",":
                glyphs[i].shift([0, -glyphs[i].height / 2, 0])
        if self.unit is not None:
            unit = self._glyph(UNIT, 0)
            gap = (self.unit_buff_per_font_unit + self.digit_buff_per_font_unit) * self._font_size
            bottom = min(g.get_bottom()[1] for g in glyphs)
            unit.shift([glyphs[-1].get_right()[0] + gap - unit.get_left()[0],
                        bottom - unit.get_bottom()[1], 0])
            glyphs.append(unit)
        self.number = number
        for glyph in self.submobjects:
            if all(glyph is not g for g in glyphs):
                self._put_aside(glyph)
        self.submobjects = glyphs
        return self

    def shown_text(self):
        """The characters of the glyphs it shows now, read back through the pool (for tests:
        get_value() is the number it was given, this is what is drawn)."""
        chars = {id(g): c for c, glyphs in self._pool.items() for g in glyphs}
        return "".join(self.unit if chars.get(id(g)) is UNIT else chars.get(id(g), "?")
                       for g in self.submobjects)

    def glyph_count(self):
        """How many glyphs have been made so far (values re-use them)."""
        return int(np.sum([len(g) for g in self._pool.values()]))
