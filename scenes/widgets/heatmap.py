"""Heatmaps as images made from arrays: one ImageMobject, never thousands of squares.

The colour scale is fixed and clamped, as in TensorFlow Playground: ŷ = 0 is the class-0
orange, ŷ = 1/2 a neutral grey, ŷ = 1 the class-1 blue, quantised into a few shades so that
equal colours mean equal values in every frame of every scene.
"""

import numpy as np
from manim import ImageMobject

from scenes.style import BACKGROUND, CLASS_0, CLASS_1, CLASS_MID

SHADES = 24  # quantisation steps of the scale


def _rgb(color):
    return np.array(color.to_rgb())


def probability_rgb(values, dim=0.55):
    """RGB uint8 image (…, 3) for values in [0, 1]; `dim` mixes toward the background so that
    data dots drawn on top stay visible."""
    v = np.clip(np.asarray(values, dtype=float), 0.0, 1.0)
    v = np.round(v * SHADES) / SHADES
    lo, mid, hi, bg = _rgb(CLASS_0), _rgb(CLASS_MID), _rgb(CLASS_1), _rgb(BACKGROUND)
    t = v[..., None]
    low_half = mid + (lo - mid) * (1 - 2 * t)  # t in [0, 1/2]
    high_half = mid + (hi - mid) * (2 * t - 1)  # t in [1/2, 1]
    rgb = np.where(t < 0.5, low_half, high_half)
    rgb = bg + (rgb - bg) * (1 - dim)  # same hue, less glare: dots on top stay visible
    return (np.clip(rgb, 0, 1) * 255).astype(np.uint8)


def magnitude_rgb(values, scale, color, dim=0.35):
    """RGB image for non-negative values (a hidden unit's activation), clamped at `scale`."""
    t = np.clip(np.asarray(values, dtype=float) / scale, 0.0, 1.0)[..., None]
    t = np.round(t * SHADES) / SHADES
    bg, c = _rgb(BACKGROUND), _rgb(color)
    rgb = bg + (c - bg) * t * (1 - dim)
    return (np.clip(rgb, 0, 1) * 255).astype(np.uint8)


def grid_image(rgb_grid, axes, extent):
    """An ImageMobject of a stored grid placed exactly over `extent` of `axes`.

    The run stores grids with row 0 at the lowest x2 (docs/ARTIFACT.md); images have row 0
    at the top, hence the flip.
    """
    x0, x1, y0, y1 = extent
    rgba = np.dstack([rgb_grid, np.full(rgb_grid.shape[:2], 255, np.uint8)])  # camera wants RGBA
    image = ImageMobject(np.ascontiguousarray(rgba[::-1]))
    image.set_resampling_algorithm(0)  # nearest: cells stay crisp, never smeared
    lower_left = axes.c2p(x0, y0)
    upper_right = axes.c2p(x1, y1)
    image.stretch_to_fit_width(upper_right[0] - lower_left[0])
    image.stretch_to_fit_height(upper_right[1] - lower_left[1])
    image.move_to((lower_left + upper_right) / 2)
    return image
