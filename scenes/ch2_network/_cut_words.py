"""The sentences SeparatingPlane, DecisionRegions and ThreeRoles say about a run's cut, built
from facts computed on the run (never typed in), so that they hold for whatever run the video
is rendered for. tests/scenes/test_cut_words.py checks them on three runs."""

import numpy as np

from scenes.ch3_training._run_words import count, join
from scenes.style import CLASS_NAMES
from toynet_core import forward
from toynet_core.boundary import boundary_paths

CLEAN = 0.05  # a plane with at most this share of points on the wrong side "splits" the classes


def side_facts(run):
    """(counts, wrong): counts[s, c] is how many points of class c lie on side s of the plane
    (s = 1 where z⁽²⁾ > 0), and wrong the indices of the points on the other class's side."""
    f = forward(run.W1[-1], run.W2[-1], run.X)
    side = f.z2 > 0
    y = np.asarray(run.y) == 1
    counts = np.array([[np.sum(~side & ~y), np.sum(~side & y)],
                       [np.sum(side & ~y), np.sum(side & y)]])
    return counts, np.flatnonzero(side != y)


def splits(wrong, n):
    return len(wrong) <= CLEAN * n


def count_caption(wrong, n):
    if len(wrong) == 0:
        return f"Count each side: all {n} points are on their own class's side."
    if len(wrong) == 1:
        return f"Count each side: all but one of the {n} points are on their own class's side."
    return f"Count each side: {len(wrong)} of the {n} points are on the wrong side."


def ring_caption(run, wrong):
    colours = [CLASS_NAMES[int(run.y[i])] for i in wrong]
    if len(wrong) == 1:
        return f"The one point on the wrong side, a {colours[0]} one, is ringed."
    both = set(colours) == set(CLASS_NAMES)
    kinds = "orange and blue" if both else colours[0]
    return f"The {len(wrong)} points on the wrong side, {kinds}, are ringed."


def edge_on_caption(counts, wrong, n):
    if len(wrong) == 0:
        return "Seen edge on, the plane is a line: all the orange on one side, all the blue on the other."
    if splits(wrong, n):
        rest = "the ringed point" if len(wrong) == 1 else "the ringed points"
        return f"Seen edge on, the plane is a line: orange on one side, blue on the other, but for {rest}."
    mixed = [name for c, name in enumerate(CLASS_NAMES) if counts[0, c] and counts[1, c]]
    who = "both colours lie" if len(mixed) == 2 else f"{mixed[0]} lies"
    return f"Seen edge on, the plane is a line; {who} on both sides: it does not split the classes."


def on(pattern):
    """'units 1 and 3 are', 'only unit 2 is', 'no unit is': the active units of a region."""
    units = [u for u, a in enumerate(pattern) if a]
    if not units:
        return "no unit is"
    if len(units) == 1:
        return f"only unit {units[0] + 1} is"
    return f"{unit_names(units)} are"


def region_tag(pattern):
    """'units 2 and 3 on', 'unit 1 on', 'no unit on': the label of a flat piece of the surface."""
    units = [u for u, a in enumerate(pattern) if a]
    return f"{unit_names(units)} on" if units else "no unit on"


def unit_names(units):
    """'unit 3', 'units 1 and 3', 'units 1, 2 and 3'."""
    units = sorted(units)
    return ("unit " if len(units) == 1 else "units ") + join(str(u + 1) for u in units)


def boundary_words(run, extent):
    """(shape sentence, why sentence) about the boundary lines in `extent`."""
    paths = boundary_paths(run.W1[-1], run.W2[-1], extent)
    if not paths:
        return ("In this run no boundary crosses the picture: the net gives one answer everywhere.",
                "The whole surface stays on one side of zero.")
    many = len(paths) > 1
    bent = [p for p in paths if p.bends]
    crossed = sorted({c[1] for p in paths for c in p.crossings if c[1] is not None})
    bend_units = sorted({c[1] for p in bent for c in p.bends if c[1] is not None})
    if not bent:
        shape = (f"Here the boundary is {count(len(paths), 'line')}, each of them straight."
                 if many else "Here the boundary is one straight line.")
        if not crossed and len(paths) <= 2:
            where = [on(p.patterns[0]) for p in paths]
            why = (f"One runs where {where[0]} on, the other where {where[1]} on: neither "
                   "crosses a crease in view, so nothing bends them." if many else
                   f"It runs where {where[0]} on and crosses no crease in view, so nothing bends it.")
        elif not crossed:
            why = ("Each stays inside one flat piece of the surface and crosses no crease, "
                   "so nothing bends it.")
        else:
            why = (f"It crosses the crease of {unit_names(crossed)}, but the flat pieces on "
                   "either side meet zero along nearly the same line, so it barely turns.")
        return shape, why
    if not many:
        shape = "Here the boundary is one line, and it bends."
    elif len(bent) == len(paths):
        shape = f"Here the boundary is {count(len(paths), 'line')}, and {'both' if len(paths) == 2 else 'all'} of them bend."
    else:
        shape = f"Here the boundary is {count(len(paths), 'line')}; {count(len(bent), 'of them bends', 'of them bend')}."
    creases = f"the crease of {unit_names(bend_units)}" if len(bend_units) == 1 else \
        f"the creases of {unit_names(bend_units)}"
    why = f"A line turns where it crosses a crease, from one flat piece to the next: here at {creases}."
    return shape, why
