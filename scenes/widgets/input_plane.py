"""The input plane (x1, x2): axes, the run's data points, and the decision boundary.

Every position is mapped through the axes (`axes.c2p`), so a test can map the drawn dots
back (`axes.p2c`) and compare them with the run's stored data.
"""

import numpy as np
from manim import DOWN, DR, LEFT, RIGHT, UL, Axes, Dot, MathTex, VGroup, VMobject

from scenes.style import FOREGROUND, MUTED, class_color
from scenes.widgets.cloud_dot import CloudDot


def input_axes(extent=(-1.0, 2.0, -1.0, 2.0), side=5.0, step=1.0, numbers=True):
    """Square axes over `extent` (x1 min, x1 max, x2 min, x2 max), `side` scene units long."""
    x0, x1, y0, y1 = extent
    axes = Axes(
        x_range=[x0, x1, step], y_range=[y0, y1, step],
        x_length=side, y_length=side * (y1 - y0) / (x1 - x0),
        tips=False,
        axis_config={"color": MUTED, "stroke_width": 2, "include_numbers": numbers,
                     "font_size": 22, "decimal_number_config": {"num_decimal_places": 0}},
    )
    return axes


def data_dots(axes, X, y, radius=0.035, opacity=0.9):
    """One flat dot per data point, coloured by class. dots[i] is sample i."""
    dots = VGroup(*[
        CloudDot(axes.c2p(px, py), radius=radius, color=class_color(label), fill_opacity=opacity)
        for (px, py), label in zip(X, y)
    ])
    return dots


def centre_dots(axes, centres, labels, radius=0.11):
    """The four XOR points, larger and outlined."""
    return VGroup(*[
        Dot(axes.c2p(*c), radius=radius, color=class_color(label), stroke_color=FOREGROUND,
            stroke_width=2)
        for c, label in zip(centres, labels)
    ])


def class_key(font_size=None, radius=0.09):
    """A one-line key to the dots' colours: a dot of each class and its name, "class 0" and
    "class 1", for every picture of the data met before the data's own scene names them."""
    from scenes.style import SMALL
    from scenes.widgets.text import note

    font_size = SMALL if font_size is None else font_size
    return VGroup(*[VGroup(Dot(radius=radius, color=class_color(k)), note(f"class {k}", font_size=font_size))
                    .arrange(RIGHT, buff=0.12) for k in (0, 1)]).arrange(RIGHT, buff=0.4)


def level_set_segments(grid, gx1, gx2, level=0.5):
    """Line segments of the contour grid == level, by marching squares on the stored grid.

    grid[i, j] is the value at (gx1[j], gx2[i]). Returns an (M, 2, 2) array of segments in
    input coordinates, found by linear interpolation along cell edges. Every cell is done at
    once (a run's boundary is redrawn on every frame of TrainingRun).
    """
    g = np.asarray(grid, dtype=float) - level
    gx1, gx2 = np.asarray(gx1, dtype=float), np.asarray(gx2, dtype=float)
    # A cell's corners in order (i, j), (i, j+1), (i+1, j+1), (i+1, j); edge e joins corner e
    # to corner e+1 (mod 4).
    value = [g[:-1, :-1], g[:-1, 1:], g[1:, 1:], g[1:, :-1]]
    X1, X2 = np.meshgrid(gx1, gx2)
    px = [X1[:-1, :-1], X1[:-1, 1:], X1[1:, 1:], X1[1:, :-1]]
    py = [X2[:-1, :-1], X2[:-1, 1:], X2[1:, 1:], X2[1:, :-1]]
    cross, points = [], []
    for e in range(4):
        va, vb = value[e], value[(e + 1) % 4]
        hit = (va < 0) != (vb < 0)
        t = np.divide(va, va - vb, out=np.zeros_like(va), where=hit)
        cross.append(hit)
        points.append(np.stack([px[e] + t * (px[(e + 1) % 4] - px[e]),
                                py[e] + t * (py[(e + 1) % 4] - py[e])], axis=-1))
    cross, points = np.stack(cross, axis=-1), np.stack(points, axis=-2)  # (I, J, 4), (I, J, 4, 2)
    n = cross.sum(axis=-1)
    two, four = n == 2, n == 4
    pair = points[two][cross[two]].reshape(-1, 2, 2)  # joins the cell's two crossings
    saddle = points[four].reshape(-1, 2, 2)  # a saddle: crossings (0, 1) and (2, 3)
    # Row-major cell order, a saddle's two segments one after the other.
    keys = np.concatenate([2 * np.flatnonzero(two.ravel()),
                           (2 * np.flatnonzero(four.ravel())[:, None] + [0, 1]).ravel()])
    return np.concatenate([pair, saddle])[np.argsort(keys, kind="stable")]


def boundary_curve(axes, grid, gx1, gx2, level=0.5, color=FOREGROUND, width=3):
    """The ŷ = level boundary drawn from the stored grid, as one VMobject of segments."""
    curve = VMobject(stroke_color=color, stroke_width=width)
    segments = level_set_segments(grid, gx1, gx2, level)
    if len(segments):
        ends = np.asarray(axes.c2p(segments[..., 0].ravel(), segments[..., 1].ravel())).T
        ends = ends.reshape(-1, 2, 3)
        a, b = ends[:, 0], ends[:, 1]
        # each segment one straight cubic Bézier: a, a + (b - a)/3, a + 2(b - a)/3, b
        curve.points = np.stack([a, a + (b - a) / 3, a + 2 * (b - a) / 3, b], axis=1).reshape(-1, 3)
    return curve


def axis_labels(axes, values=(0, 1), names=("x_1", "x_2"), font_size=28):
    """Tick numbers at `values` on both axes and the axis names at the far ends."""
    x0, x1, y0, y1 = axes.x_range[0], axes.x_range[1], axes.y_range[0], axes.y_range[1]
    ticks = VGroup(
        *[MathTex(f"{v:g}", font_size=font_size, color=MUTED).next_to(axes.c2p(v, y0), DOWN, buff=0.15)
          for v in values],
        *[MathTex(f"{v:g}", font_size=font_size, color=MUTED).next_to(axes.c2p(x0, v), LEFT, buff=0.15)
          for v in values],
    )
    label_x = MathTex(names[0], font_size=font_size + 4).next_to(axes.c2p(x1, y0), DR, buff=0.1)
    label_y = MathTex(names[1], font_size=font_size + 4).next_to(axes.c2p(x0, y1), UL, buff=0.1)
    return VGroup(ticks, label_x, label_y)
