"""Layout rules checked after every play(): text stays inside the frame and never overlaps.

"Text" means Text, MarkupText, Paragraph, Tex, MathTex and DecimalNumber/Integer mobjects.
Each outermost text mobject is one unit: the glyphs inside one formula may touch, but two
separate labels may not. A mobject can opt out of the overlap rule on purpose by setting
`mob.allow_overlap = True` (for example a label drawn on a highlight of itself).
"""

import itertools

import numpy as np
from manim import (
    DecimalNumber,
    MarkupText,
    MathTex,
    Paragraph,
    SingleStringMathTex,
    Tex,
    Text,
    config,
)

TEXT_TYPES = (Text, MarkupText, Paragraph, Tex, MathTex, SingleStringMathTex, DecimalNumber)
OVERLAP_TOLERANCE = 0.02  # scene units; glyph boxes may kiss, not overlap
FRAME_TOLERANCE = 0.01


def _visible(mob):
    for m in mob.family_members_with_points():
        if m.get_fill_opacity() > 0.05 or m.get_stroke_opacity() > 0.05:
            return True
    return False


def text_units(mobjects):
    """Outermost visible text mobjects among the given mobjects and their families."""
    units = []

    def walk(mob):
        if isinstance(mob, TEXT_TYPES):
            if mob.has_points() or mob.family_members_with_points():
                if _visible(mob):
                    units.append(mob)
            return  # glyphs inside a text unit are not units of their own
        for sub in mob.submobjects:
            walk(sub)

    for mob in mobjects:
        walk(mob)
    return units


def _box(mob):
    points = np.concatenate([m.points for m in mob.family_members_with_points()])
    return points[:, 0].min(), points[:, 0].max(), points[:, 1].min(), points[:, 1].max()


def _label(mob):
    text = getattr(mob, "original_text", None) or getattr(mob, "tex_string", None)
    if text is None and isinstance(mob, DecimalNumber):
        text = f"{mob.get_value():g}"
    return f"{type(mob).__name__}({str(text)[:40]!r})"


def checked_mobjects(scene):
    """What the layout rules apply to: in a 3-D scene only the mobjects fixed in the frame,
    since the others are projected by the camera."""
    camera = scene.renderer.camera
    fixed = getattr(camera, "fixed_in_frame_mobjects", None)
    if fixed is not None and hasattr(scene, "set_camera_orientation"):
        return [m for m in scene.mobjects if m in fixed]
    return list(scene.mobjects)


def layout_problems(scene):
    """A list of human-readable layout problems in the scene's current state."""
    problems = []
    units = text_units(checked_mobjects(scene))
    half_w = config.frame_width / 2 + FRAME_TOLERANCE
    half_h = config.frame_height / 2 + FRAME_TOLERANCE
    boxes = []
    for mob in units:
        x0, x1, y0, y1 = _box(mob)
        boxes.append((x0, x1, y0, y1))
        if x0 < -half_w or x1 > half_w or y0 < -half_h or y1 > half_h:
            problems.append(
                f"{_label(mob)} leaves the frame: x [{x0:.2f}, {x1:.2f}], y [{y0:.2f}, {y1:.2f}]"
            )
    for (a, ba), (b, bb) in itertools.combinations(zip(units, boxes), 2):
        if getattr(a, "allow_overlap", False) or getattr(b, "allow_overlap", False):
            continue
        dx = min(ba[1], bb[1]) - max(ba[0], bb[0])
        dy = min(ba[3], bb[3]) - max(ba[2], bb[2])
        if dx > OVERLAP_TOLERANCE and dy > OVERLAP_TOLERANCE:
            problems.append(f"{_label(a)} overlaps {_label(b)} by {dx:.2f} x {dy:.2f}")
    return problems
