"""Shared pieces of the Chapter 3 number scenes: the example's numbers and how they look.

Every value shown is a DecimalNumber holding the full float (scenes.widgets.matrices: the
display rounds it), so the tests can read back exactly what the scene computed.
"""

from dataclasses import dataclass

import numpy as np

from manim import SurroundingRectangle

from scenes import style
from scenes.ch3_training._example import example
from scenes.run_data import load_scene_run
from toynet_core import forward, post_chain



@dataclass(frozen=True, eq=False)
class Numbers:
    """The example point and everything computed from it."""

    run: object
    ex: object
    fwd: object  # toynet_core Forward for the one sample (batch of 1)
    chain: object  # toynet_core ChainFactors


def example_numbers(run=None):
    run = load_scene_run() if run is None else run
    ex = example(run)
    fwd = forward(ex.W1, ex.W2, ex.x[None, :], [ex.y])
    chain = post_chain(ex.W1, ex.W2, ex.x, ex.y)
    return Numbers(run, ex, fwd, chain)


def box(mob, color=style.EMPHASIS, buff=0.08):
    return SurroundingRectangle(mob, color=color, buff=buff, stroke_width=3)


def running_products(chain):
    """The post's product for dL/dw1, taken left to right: each partial row the scene shows.

    delta = dL/dŷ·dŷ/dz2 (1×1); at_x2 = delta·W2 (1×4); at_z1 = at_x2·diag(ReLU') (1×4);
    at_q = at_z1·[I;0] (1×3); at_w1 = at_q·X (1×9)."""
    delta = chain.dL_dyhat @ chain.dyhat_dz2
    at_x2 = delta @ chain.dz2_dx2
    at_z1 = at_x2 @ chain.dx2_dz1
    at_q = at_z1 @ chain.dz1_dq
    at_w1 = at_q @ chain.dq_dw1
    return delta, at_x2, at_z1, at_q, at_w1


def sign_color(value):
    """The sign code of the project: POSITIVE blue, NEGATIVE orange, an exact zero muted."""
    if value == 0:
        return style.MUTED
    return style.POSITIVE if value > 0 else style.NEGATIVE


def signed(mob):
    """Colour every DecimalNumber entry of a matrix (or one number) by the sign of its value."""
    from manim import DecimalNumber

    numbers = [mob] if isinstance(mob, DecimalNumber) else list(mob.get_entries())
    for entry in numbers:
        entry.set_color(sign_color(float(entry.get_value())))
    return mob


def largest_entry(values):
    """Index (flat) of the entry with the largest size: the weight this point pushes hardest."""
    return int(np.argmax(np.abs(np.asarray(values, dtype=float)).ravel()))


def sign_key(font_size=style.SMALL):
    """Legend of the sign colours of numbers: blue positive, orange negative, grey zero."""
    from manim import RIGHT, VGroup

    from scenes.widgets.text import note

    return VGroup(note("+ positive", font_size, style.POSITIVE), note("− negative", font_size, style.NEGATIVE),
                  note("0 zero", font_size, style.MUTED)).arrange(RIGHT, buff=0.35)


# -- motion: values on their way -----------------------------------------------------------
def travel(paths, color=style.GRAD_COLOR, radius=0.11, lag_ratio=0.0, backward=False):
    """Dots running along each path (an edge or a route), start to end, or end to start when
    `backward`: a value on its way, for as long as the animation lasts. With lag_ratio > 0 each
    dot sets off that share of a trip after the one before. A dot shows only while it travels,
    and all are gone at the end (the animation removes them)."""
    from manim import Dot, UpdateFromAlphaFunc, VGroup

    paths = list(paths)
    n = len(paths)
    trip = 1.0 / (1.0 + (n - 1) * lag_ratio)  # each dot's share of the animation
    dots = VGroup(*[Dot(radius=radius, color=color, fill_opacity=0) for _ in paths])

    def place(group, alpha):
        for k, (dot, path) in enumerate(zip(group, paths)):
            t = (alpha - k * lag_ratio * trip) / trip
            if 0.0 <= t <= 1.0:
                dot.move_to(path.point_from_proportion(1.0 - t if backward else t))
                dot.set_fill(opacity=1)
            else:
                dot.set_fill(opacity=0)

    return UpdateFromAlphaFunc(dots, place, remover=True)


def route(*lines):
    """One path through several lines in order (each taken start to end), for a dot to run."""
    from manim import VMobject

    path = VMobject()
    path.set_points_as_corners([p for line in lines for p in (line.get_start(), line.get_end())])
    return path


COUNT_SPAN = 0.12  # of a beat: a single number counts up this fast
COUNT_BY = 0.35  # of a beat: every counted number shows its true value from here on


def count_to(decimal, start=0.0, end=None, value=None):
    """The number counts from zero up to its value (or `value`) in the share [start, end] of
    its beat (end: start + COUNT_SPAN unless given): a result being computed. It is hidden
    until it starts counting. The count must be over by COUNT_BY of the beat, so that a viewer
    who pauses while the words speak of the number reads its true value, not a passing one.
    The DecimalNumber must carry no background rectangle (set_value drops it)."""
    from manim import UpdateFromAlphaFunc

    from scenes.pacing import during

    end = start + COUNT_SPAN if end is None else end
    if not 0.0 <= start < end <= COUNT_BY + 1e-9:
        raise ValueError(f"count_to window [{start:.2f}, {end:.2f}] of the beat: a count must be "
                         f"over by {COUNT_BY} of its beat")
    value = float(decimal.get_value()) if value is None else float(value)
    opacity = decimal.get_fill_opacity()
    shown = {}  # what the number last showed: set_value rebuilds every glyph, so only on a change

    def show(mob, alpha):
        now = value if alpha >= 1 else alpha * value
        key = "end" if alpha >= 1 else mob._get_num_string(now)
        if shown.get("key") != key:
            mob.set_value(now)
            shown["key"] = key
        mob.set_fill(opacity=opacity if alpha > 0 else 0)

    return during(UpdateFromAlphaFunc(decimal, show), start, end)


def sweep(box_mob, targets, buff=0.08):
    """The highlight box walks from where it is to each target in turn (the chain being
    multiplied, a row being read), at an even pace; it ends on the last target. One
    UpdateFromAlphaFunc, so it behaves the same when animations are skipped."""
    from manim import SurroundingRectangle, UpdateFromAlphaFunc

    stops = [box_mob.copy()]
    stops += [SurroundingRectangle(t, color=box_mob.get_color(), buff=buff,
                                   stroke_width=box_mob.get_stroke_width()) for t in targets]
    start = box_mob.copy()

    def place(mob, alpha):
        if alpha <= 0:
            mob.become(start)
            return
        k = min(int(alpha * (len(stops) - 1)), len(stops) - 2)
        t = alpha * (len(stops) - 1) - k
        mob.become(stops[k]).interpolate(stops[k], stops[k + 1], min(t, 1.0))

    return UpdateFromAlphaFunc(box_mob, place)


def settle(scene, *mobs):
    """Make the scene hold each mobject whole again after its parts arrived through separate
    animations (count_to, travel and during() leave them inside animation groups): a later
    transform or fade of the mobject then takes all of it, and leaves no copy behind."""
    for mob in mobs:
        scene.remove(*mob.get_family())
        scene.add(mob)
