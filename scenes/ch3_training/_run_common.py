"""Pieces shared by the run scenes (TrainingRun, WhenTrainingFails): text in the project's
type scale, and a decision panel that shows one snapshot of a run in the input plane."""

import numpy as np
from manim import DL, UR, DecimalNumber, Group, Integer, VGroup

from scenes import style
from scenes.widgets.text import note, title  # noqa: F401  (re-exported to the chapter's scenes)
from scenes.widgets.heatmap import SHADES, grid_image
from scenes.widgets.dot_cloud import DotCloud
from scenes.widgets.input_plane import boundary_curve, input_axes
from scenes.widgets.live_number import LiveNumber


NUMBER_SCALE = 1.3  # MathTex digits at 1.3x match the height of Text at 1x


def snapshot_at(t, n_snapshots):
    """The snapshot shown at tracker position t: floor(t), kept inside the run. Never a
    blend of two: a blend of two weight sets is not a state SGD passed through."""
    return int(np.clip(np.floor(t + 1e-9), 0, n_snapshots - 1))


class SnapshotView:
    """A view of a run (self.run) that can show any snapshot k in place (show_snapshot), and
    so follow a tracker over the snapshot index (show_at)."""

    def show_at(self, t):
        return self.show_snapshot(snapshot_at(t, self.run.n_snapshots))


def number(value, places=2, font_size=style.LABEL, color=style.FOREGROUND, unit=None):
    """A DecimalNumber (tests read it back with get_value())."""
    if places == 0:
        return Integer(int(round(value)), font_size=font_size, color=color)
    return DecimalNumber(value, num_decimal_places=places, font_size=font_size, color=color,
                         unit=unit)


# Glyphs that sit on the baseline (no descender): their lowest point is the line text sits on.
_ON_BASELINE = set("abcdefhiklmnorstuvwxzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789")


def baseline_y(label):
    """y of the baseline of a line of Text: the lowest point of its glyphs without a
    descender (a label's bottom is lower where it has a g, p, y or ⁽ⁱ⁾)."""
    chars = [c for c in label.text if not c.isspace()]
    glyphs = list(label.submobjects)
    bottoms = [g.get_bottom()[1] for c, g in zip(chars, glyphs) if c in _ON_BASELINE]
    return float(np.median(bottoms)) if len(chars) == len(glyphs) and bottoms else label.get_bottom()[1]


def on_baseline(num, label):
    """Put a number's digits on the label's baseline, so it reads as a word of the same line
    and not as a subscript."""
    num.shift((baseline_y(label) - num.get_bottom()[1]) * np.array([0.0, 1.0, 0.0]))
    return num


def labelled_number(text, value, places=2, font_size=style.LABEL, color=style.FOREGROUND,
                    unit=None, live=False):
    """"text value" on one line; `.value` is the DecimalNumber (a LiveNumber if live, for a
    value that changes on every frame)."""
    label = note(text, font_size=font_size)
    # TeX digits look smaller than Text at the same font_size: scale them to match.
    if live:
        num = LiveNumber(value, num_decimal_places=places, font_size=NUMBER_SCALE * font_size,
                         color=color, unit=unit)
    else:
        num = number(value, places, NUMBER_SCALE * font_size, color, unit)
    group = VGroup(label, num).arrange(buff=0.15)
    on_baseline(num, label)
    group.value = num
    return group


def percent(fraction, places=1, font_size=style.LABEL, color=style.FOREGROUND):
    """A fraction shown as a percentage; the displayed value is 100 * fraction."""
    return DecimalNumber(100 * float(fraction), num_decimal_places=places, unit=r"\%",
                         font_size=font_size, color=color)


# The run's map: each cell in the colour of its class (ŷ > 1/2 blue, else orange), darker
# toward the boundary, where the net is unsure; never a blend of the two, so a cell reads as
# the legend's swatch. Sure cells stop short of the full class colour, so dots stay visible.
MAP_SURE, MAP_UNSURE = 0.62, 0.3  # share of the class colour over the background


def class_rgb(yhat, sure=None):
    """RGB uint8 (…, 3) of the run's map for ŷ values: hue the class, lightness the
    confidence |2ŷ − 1| (quantised like the other heatmaps). `sure` overrides the confidence
    (map_legend's swatches are the sure colour)."""
    v = np.clip(np.asarray(yhat, dtype=float), 0.0, 1.0)[..., None]
    conf = np.abs(2 * v - 1) if sure is None else np.full_like(v, sure)
    conf = np.round(conf * SHADES) / SHADES
    bg = np.array(style.BACKGROUND.to_rgb())
    hue = np.where(v > 0.5, np.array(style.CLASS_1.to_rgb()), np.array(style.CLASS_0.to_rgb()))
    rgb = bg + (hue - bg) * (MAP_UNSURE + (MAP_SURE - MAP_UNSURE) * conf)
    return (np.clip(rgb, 0, 1) * 255).astype(np.uint8)


def size_axis_numbers(axes):
    """TeX digits of the input axes at the height of the SMALL labels' text, however small the
    plot; each keeps that height (`tick_height`) when the plot is scaled (place_axis_numbers)."""
    for axis in (axes.x_axis, axes.y_axis):
        for num in getattr(axis, "numbers", []):
            num.scale(NUMBER_SCALE)
            num.tick_height = num.height


def place_axis_numbers(axes, image, buff=0.08):
    """The axis numbers outside the map `image`, at their own size however the plot is scaled:
    x1's under its bottom edge, x2's left of its left edge, each kept within the edge's length,
    so that no number sits on a cluster, under a boundary, on the map's edge or on another."""
    (left, bottom, _), (right, top, _) = image.get_corner(DL), image.get_corner(UR)
    for num in getattr(axes.x_axis, "numbers", []):
        num.scale_to_fit_height(num.tick_height)
        x = float(np.clip(axes.c2p(num.get_value(), 0)[0], left + num.width / 2, right - num.width / 2))
        num.move_to([x, bottom - buff - num.height / 2, 0])
    for num in getattr(axes.y_axis, "numbers", []):
        num.scale_to_fit_height(num.tick_height)
        y = float(np.clip(axes.c2p(0, num.get_value())[1], bottom + num.height / 2, top - num.height / 2))
        num.move_to([left - buff - num.width / 2, y, 0])


class DecisionPanel(SnapshotView, Group):
    """The input plane of one run at snapshot k: the ŷ heatmap, the ŷ = 1/2 boundary and the
    data. `show_snapshot(k)` swaps the image's pixels and the boundary in place, so a tracker
    can step through snapshots without rebuilding anything else."""

    def __init__(self, run, k=0, side=4.0, numbers=True, dot_radius=0.03):
        self.run = run
        self.axes = input_axes(tuple(run.grid_extent), side=side, numbers=numbers)
        if numbers:
            size_axis_numbers(self.axes)
        self.image = grid_image(class_rgb(run.grid_yhat[k]), self.axes, run.grid_extent)
        self.boundary = boundary_curve(self.axes, run.grid_yhat[k], run.grid_x1, run.grid_x2)
        # One path per class: the panel is redrawn on every frame of TrainingRun.
        self.dots = DotCloud(np.asarray(self.axes.c2p(*run.X.T)).T, run.y, radius=dot_radius)
        super().__init__(self.image, self.axes, self.boundary, self.dots)
        self.k = k
        self.place_numbers()

    def place_numbers(self):
        """The axis numbers outside the map at their own size (after the panel is scaled)."""
        place_axis_numbers(self.axes, self.image)
        return self

    def show_snapshot(self, k):
        if k == self.k:
            return self
        rgb = class_rgb(self.run.grid_yhat[k])
        rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])
        self.image.pixel_array = np.ascontiguousarray(rgba[::-1])
        fresh = boundary_curve(self.axes, self.run.grid_yhat[k], self.run.grid_x1,
                               self.run.grid_x2)
        self.boundary.set_points(fresh.points)
        self.k = k
        return self
