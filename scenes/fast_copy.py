"""Cheaper copies of mobjects, the same result.

Every Transform-family animation copies the mobjects it moves (manim's Mobject.__deepcopy__),
and building a scene spends most of its time there: a formula's glyphs each carry the parsed
SVG path they were drawn from, and every attribute, numbers and flags included, goes through
copy.deepcopy. Two changes, neither visible in a frame:
- a glyph's parsed SVG path (VMobjectFromSVGPath.path_obj) is read once, when its points are
  made, and never changed after: copies share it instead of copying it;
- immutable values (numbers, strings, flags, None) are assigned, not handed to deepcopy.
Everything else is deep-copied as before, through the same memo, so shared arrays and
mobjects stay shared in the copy exactly as in the original.
"""

import copy

from manim import Mobject
from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath

MANIMS_OWN = Mobject.__deepcopy__  # kept for the tests that compare the two
IMMUTABLE = frozenset({int, float, bool, str, type(None), complex, bytes})


def mobject_deepcopy(self, memo):
    cls = self.__class__
    result = cls.__new__(cls)
    memo[id(self)] = result
    for key, value in self.__dict__.items():
        if type(value) not in IMMUTABLE:
            value = copy.deepcopy(value, memo)
        setattr(result, key, value)
    result.original_id = str(id(self))
    return result


def glyph_deepcopy(self, memo):
    memo[id(self.path_obj)] = self.path_obj  # shared: read only when the points were made
    return mobject_deepcopy(self, memo)


def install():
    Mobject.__deepcopy__ = mobject_deepcopy
    VMobjectFromSVGPath.__deepcopy__ = glyph_deepcopy
