"""A seed sweep drawn as one image: one small square per seed, coloured by its outcome.

A run whose weights blew up ("diverged") is drawn hollow, an outline in the text colour: a run
without a result, and visible on the dark background in the grid and in the legend alike."""

import numpy as np
from manim import DOWN, RIGHT, ImageMobject, Square, VGroup

from scenes import style
from scenes.ch3_training._run_common import NUMBER_SCALE, note, number
from toynet_core.sweep import FAILURES

# One colour per outcome, in the order of toynet_core.sweep.FAILURES
# (learned, dead unit, stuck with all units alive, diverged).
OUTCOME_COLORS = (style.FOREGROUND, style.ERROR, style.MUTED, style.FOREGROUND)
OUTCOME_NAMES = ("learned XOR", "a unit dead", "stuck, all alive", "weights blew up")
HOLLOW = 3  # the outcome drawn as an outline
COLUMNS = 20
CELL_PX = 9  # pixels per cell, the last one a gap of background
GAP_PX = 1


def outcome_rgb(failure, columns=COLUMNS, shown=None, dim=None):
    """(rows * CELL_PX, columns * CELL_PX, 4) uint8: seed s is the cell at row s // columns,
    column s % columns, in the colour of its outcome. With `shown`, only the first `shown`
    seeds have landed (the rest is background); with `dim` (a boolean per seed), those cells
    are drawn in the muted colour."""
    failure = np.asarray(failure, dtype=int)
    n = len(failure) if shown is None else int(np.clip(shown, 0, len(failure)))
    rows = -(-len(failure) // columns)
    image = np.zeros((rows * CELL_PX, columns * CELL_PX, 4), np.uint8)
    background = (np.array(style.BACKGROUND.to_rgb()) * 255).astype(np.uint8)
    image[..., :3] = background
    image[..., 3] = 255
    palette = [(np.array(c.to_rgb()) * 255).astype(np.uint8) for c in OUTCOME_COLORS]
    side = CELL_PX - GAP_PX
    muted = (np.array(style.GRID.to_rgb()) * 255).astype(np.uint8)
    for s, outcome in enumerate(failure[:n]):
        r, c = divmod(s, columns)
        y0, x0 = r * CELL_PX, c * CELL_PX
        image[y0:y0 + side, x0:x0 + side, :3] = muted if dim is not None and dim[s] else palette[outcome]
        if outcome == HOLLOW:
            image[y0 + 1:y0 + side - 1, x0 + 1:x0 + side - 1, :3] = background
    return image


def cell_outcomes(pixel_array, n_seeds, columns=COLUMNS):
    """Read the outcome of each seed back from an outcome image (for tests)."""
    palette = [(np.array(c.to_rgb()) * 255).astype(np.uint8) for c in OUTCOME_COLORS]
    background = (np.array(style.BACKGROUND.to_rgb()) * 255).astype(np.uint8)
    out = []
    for s in range(n_seeds):
        r, c = divmod(s, columns)
        y0, x0 = r * CELL_PX, c * CELL_PX
        centre = pixel_array[y0 + CELL_PX // 2, x0 + CELL_PX // 2, :3]
        if np.array_equal(centre, background):
            assert np.array_equal(pixel_array[y0, x0, :3], palette[HOLLOW]), f"seed {s}: no cell"
            out.append(HOLLOW)
        else:
            out.append(next(i for i, p in enumerate(palette)
                            if i != HOLLOW and np.array_equal(centre, p)))
    return np.array(out)


def outcome_grid(failure, width=5.6):
    image = ImageMobject(outcome_rgb(failure))
    image.set_resampling_algorithm(0)  # nearest: squares stay crisp
    image.scale_to_fit_width(width)
    return image


def outcomes_seen(*sweeps):
    """The outcomes (indices into FAILURES) at least one of the sweeps' runs ended in, in order:
    a key entry or a count line for an outcome no run had would name a case that is not there."""
    return sorted(set(int(f) for sweep in sweeps for f in np.unique(sweep.failure)))


def legend(outcomes=None, font_size=style.SMALL):
    """Key of the outcome colours, in one row: all of them, or the listed `outcomes`."""
    items = VGroup()
    for i, (color, name) in enumerate(zip(OUTCOME_COLORS, OUTCOME_NAMES)):
        if outcomes is not None and i not in outcomes:
            continue
        swatch = (Square(0.2, stroke_color=color, stroke_width=2, fill_opacity=0) if i == HOLLOW
                  else Square(0.2, stroke_width=0, fill_color=color, fill_opacity=1))
        items.add(VGroup(swatch, note(name, font_size=font_size)).arrange(RIGHT, buff=0.12))
    return items.arrange(RIGHT, buff=0.45)


def counts_column(sweep, outcomes=None, font_size=style.SMALL):
    """One line per outcome (all, or the listed `outcomes`) with its count; `.numbers[i]` is
    the Integer for FAILURES[i] (kept, off screen, for an outcome not listed)."""
    counts = sweep.failure_counts()
    lines, numbers = VGroup(), VGroup()
    for i, (name, shown) in enumerate(zip(FAILURES, OUTCOME_NAMES)):
        num = number(counts[name], places=0, font_size=NUMBER_SCALE * font_size)
        numbers.add(num)
        if outcomes is None or i in outcomes:
            lines.add(VGroup(note(shown, font_size=font_size), num).arrange(RIGHT, buff=0.15))
    lines.arrange(DOWN, aligned_edge=np.array([-1, 0, 0]), buff=0.12)
    lines.numbers = numbers
    return lines
