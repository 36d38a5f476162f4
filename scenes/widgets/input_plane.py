"""The input plane (x1, x2): axes, the run's data points, and the decision boundary.

Every position is mapped through the axes (`axes.c2p`), so a test can map the drawn dots
back (`axes.p2c`) and compare them with the run's stored data.
"""

import numpy as np
from manim import DOWN, DR, LEFT, UL, Axes, Dot, MathTex, VGroup, VMobject

from scenes.style import FOREGROUND, MUTED, class_color


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
        Dot(axes.c2p(px, py), radius=radius, color=class_color(label), fill_opacity=opacity)
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


def level_set_segments(grid, gx1, gx2, level=0.5):
    """Line segments of the contour grid == level, by marching squares on the stored grid.

    grid[i, j] is the value at (gx1[j], gx2[i]). Returns an (M, 2, 2) array of segments in
    input coordinates, found by linear interpolation along cell edges.
    """
    g = np.asarray(grid, dtype=float) - level
    segments = []
    for i in range(g.shape[0] - 1):
        for j in range(g.shape[1] - 1):
            corners = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)]
            crossings = []
            for (a, b) in zip(corners, corners[1:] + corners[:1]):
                va, vb = g[a], g[b]
                if (va < 0) != (vb < 0):
                    t = va / (va - vb)
                    pa = np.array([gx1[a[1]], gx2[a[0]]])
                    pb = np.array([gx1[b[1]], gx2[b[0]]])
                    crossings.append(pa + t * (pb - pa))
            if len(crossings) == 2:
                segments.append(crossings)
            elif len(crossings) == 4:  # saddle cell: pair the crossings in order
                segments += [crossings[:2], crossings[2:]]
    return np.array(segments).reshape(-1, 2, 2)


def boundary_curve(axes, grid, gx1, gx2, level=0.5, color=FOREGROUND, width=3):
    """The ŷ = level boundary drawn from the stored grid, as one VMobject of segments."""
    curve = VMobject(stroke_color=color, stroke_width=width)
    for a, b in level_set_segments(grid, gx1, gx2, level):
        curve.start_new_path(axes.c2p(*a))
        curve.add_line_to(axes.c2p(*b))
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
