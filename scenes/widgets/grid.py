"""A grid of the plane whose lines the eye can follow through a map.

A line along which x1 runs (x2 fixed) is drawn in style.X1_DIRECTION, a line along which x2
runs in style.X2_DIRECTION, and the two lines through the origin a little wider, so that after
a map has bent everything the viewer still sees which line went where.

The grid lives in the coordinates of an axes (an Axes or NumberPlane with linear scales).
`deform(f)` moves every point x of every line straight to f(x), which is what manim's
ApplyPointwiseFunction does in scene space, and `deform_by_matrix(M)` is the same for x ↦ M x
(ApplyMatrix). The module function `deform` does it for any other mobject drawn on the same
axes (arrows, curves), so that they ride along with the grid, and `carry` moves a dot or a
label to the image of its centre without bending it.

Every line keeps the coordinates it was built at (`line.source`), and `drawn_coords()` reads
the drawn line back in the axes' coordinates, so a test can compare the picture with the map.
"""

import numpy as np
from manim import RIGHT, UP, NumberPlane, Transform, UpdateFromAlphaFunc, VGroup, VMobject

from scenes.style import FOREGROUND, GRID, LABEL, MUTED, SMALL, X1_DIRECTION, X2_DIRECTION
from scenes.widgets.text import plain_tex
from toynet_core import plane_maps
from toynet_core.plane_maps import X1, X2

DIRECTION_COLORS = {X1: X1_DIRECTION, X2: X2_DIRECTION}
AXIS_WIDTH = 1.8  # the lines through the origin, relative to the others


class CoordinateFrame:
    """The affine map between an axes' coordinates and scene points, vectorised."""

    def __init__(self, axes):
        self.origin = np.asarray(axes.c2p(0, 0), dtype=float)
        self.e1 = np.asarray(axes.c2p(1, 0), dtype=float) - self.origin
        self.e2 = np.asarray(axes.c2p(0, 1), dtype=float) - self.origin

    def to_scene(self, coords):
        c = np.asarray(coords, dtype=float)
        return self.origin + c[..., :1] * self.e1 + c[..., 1:2] * self.e2

    def to_coords(self, points):
        basis = np.stack([self.e1[:2], self.e2[:2]], axis=1)
        rel = np.asarray(points, dtype=float)[..., :2] - self.origin[:2]
        return np.linalg.solve(basis, rel.reshape(-1, 2).T).T.reshape(rel.shape)


def move_points(mobject, axes, f):
    """Move every point p of mobject to f(p) in place, f acting on the axes' coordinates of
    points (..., 2). Like VMobject.apply_function, the handles are pulled close to their
    anchors first and pushed out again after, so that curves leave each anchor along f's
    derivative there."""
    frame = CoordinateFrame(axes)
    for part in mobject.family_members_with_points():
        vector = isinstance(part, VMobject)
        if vector:
            part.scale_handle_to_anchor_distances(part.pre_function_handle_to_anchor_scale_factor)
        part.points = frame.to_scene(f(frame.to_coords(part.points)))
        if vector:
            part.scale_handle_to_anchor_distances(1.0 / part.pre_function_handle_to_anchor_scale_factor)
    return mobject


def mapped_copy(mobject, axes, f):
    """A copy of mobject with every point moved to its image under f (see move_points)."""
    return move_points(mobject.copy(), axes, f)


def deform(mobject, axes, f, **kwargs):
    """Animate every point of mobject moving straight to its image under f (in the axes'
    coordinates), as ApplyPointwiseFunction does."""
    return Transform(mobject, mapped_copy(mobject, axes, f), **kwargs)


def carry(mobject, axes, f, each=False, **kwargs):
    """Animate mobject (a dot, a label) moving straight, unchanged in shape, so that its
    centre goes to the image of its centre under f; each=True does so for every submobject
    of a group (a cloud of dots)."""
    frame = CoordinateFrame(axes)
    target = mobject.copy()
    for part in (target.submobjects if each else [target]):
        part.move_to(frame.to_scene(f(frame.to_coords(part.get_center()))))
    return Transform(mobject, target, **kwargs)


def polyline(axes, coords, color, stroke_width=2.0, stroke_opacity=1.0):
    """A VMobject through the given coordinates (k, 2) of the axes, corner to corner."""
    line = VMobject(stroke_color=color, stroke_width=stroke_width, stroke_opacity=stroke_opacity)
    line.set_points_as_corners(CoordinateFrame(axes).to_scene(coords))
    return line


def set_pieces(group, pieces, color, width, opacity=1.0):
    """Show the polylines `pieces` (scene points, (k, 3) each) as the VMobjects of `group`.

    The VMobjects are reused in place, never replaced: during an animation manim keeps drawing
    every mobject it saw at the start, so a replaced one would stay on screen until the
    animation ends. Spare ones keep their last points but are made invisible (an emptied one
    would be drawn as a dot at the scene's origin by a later Transform)."""
    while len(group.submobjects) < len(pieces):
        group.add(VMobject())
    for k, part in enumerate(group.submobjects):
        if k < len(pieces):
            part.set_points_as_corners(pieces[k])
            part.set_stroke(color, width, opacity)
        else:
            part.set_stroke(opacity=0)
    return group


def shown_pieces(group):
    """The pieces of a group that set_pieces shows (not the invisible spare ones)."""
    return [part for part in group.submobjects if part.has_points() and part.get_stroke_opacity() > 0]


class GridLine(VMobject):
    """One line of a PlaneGrid: `source` holds the coordinates it was built at, `runs_along`
    says which coordinate varies along it (plane_maps.X1 or X2), `value` the fixed one."""

    def __init__(self, axes, line, stroke_width=2.0, stroke_opacity=1.0, **kwargs):
        super().__init__(stroke_color=DIRECTION_COLORS[line.runs_along], stroke_width=stroke_width,
                         stroke_opacity=stroke_opacity, **kwargs)
        self.source = np.array(line.points)
        self.runs_along = line.runs_along
        self.value = line.value
        self.set_points_as_corners(CoordinateFrame(axes).to_scene(self.source))


class PlaneGrid(VGroup):
    """The lines of a rectangle of the plane on `axes`, coloured by direction.

        grid = PlaneGrid(axes, x1_range=(-3, 3, 1), x2_range=(-3, 3, 1))
        self.play(grid.deform(f))                    # every line bends into its image
        self.play(grid.deform_by_matrix([[1, -1], [1, 1]]))

    x1_range, x2_range: (lo, hi, step), lines at lo, lo + step, ... up to hi. samples: points
    per line, enough for the curves a map makes of it. `lines` (plane_maps.GridLine) replaces
    the rectangle by any other set of lines.
    """

    def __init__(self, axes, x1_range=(-3, 3, 1), x2_range=(-3, 3, 1), samples=61, stroke_width=2.0,
                 stroke_opacity=1.0, lines=None):
        self.axes = axes
        if lines is None:
            lines = plane_maps.rectangle_grid(x1_range, x2_range, samples)
        members = [GridLine(axes, line, stroke_width * (AXIS_WIDTH if line.value == 0 else 1.0),
                            stroke_opacity) for line in lines]
        super().__init__(*members)

    def lines_along(self, direction):
        """The lines along which x1 (X1) or x2 (X2) runs."""
        return VGroup(*[m for m in self.submobjects if m.runs_along == direction])

    def line_at(self, direction, value):
        """The line along `direction` whose fixed coordinate is `value`."""
        for m in self.submobjects:
            if m.runs_along == direction and np.isclose(m.value, value):
                return m
        raise KeyError(f"no grid line along x{direction + 1} at {value}")

    def deform(self, f, **kwargs):
        """Animation: every point x of the grid moves straight to f(x)."""
        return deform(self, self.axes, f, **kwargs)

    def deform_by_matrix(self, M, **kwargs):
        """Animation: every point x of the grid moves straight to M x."""
        return self.deform(plane_maps.linear_map(M), **kwargs)

    def apply_map(self, f):
        """Move the grid to its image under f at once (no animation)."""
        move_points(self, self.axes, f)
        return self

    def drawn_coords(self):
        """The anchors of every line as drawn, in the axes' coordinates: [(samples, 2), ...]."""
        frame = CoordinateFrame(self.axes)
        return [frame.to_coords(anchors(m)) for m in self.submobjects]


def anchors(vmob):
    """The anchor points (k, 3) of a VMobject made of one path of cubic curves."""
    pts = vmob.points
    return np.vstack([pts[::4], pts[-1:]])


def plane_axes(x_range, y_range, unit, numbers=True, number_step=1):
    """A NumberPlane for a PlaneGrid: equal scales (`unit` scene units per coordinate unit),
    faint background lines where the grid started, muted axes, and tick numbers every
    `number_step`, so that values can be read off both axes alike."""
    (x0, x1, dx), (y0, y1, dy) = x_range, y_range
    plane = NumberPlane(
        x_range=[x0, x1, dx], y_range=[y0, y1, dy], x_length=(x1 - x0) * unit, y_length=(y1 - y0) * unit,
        background_line_style={"stroke_color": GRID, "stroke_width": 1.5, "stroke_opacity": 1},
        axis_config={"stroke_color": MUTED, "stroke_width": 2, "include_tip": False,
                     "decimal_number_config": {"num_decimal_places": 0 if float(number_step).is_integer() else 1}},
    )
    if numbers:
        font = {"font_size": SMALL, "color": MUTED}
        # none at the far ends, where axis_names puts the names
        xs = [v for v in plane_maps.values_in(x0, x1 - number_step / 2, number_step) if v != 0]
        ys = [v for v in plane_maps.values_in(y0, y1 - number_step / 2, number_step) if v != 0]
        plane.x_axis.add_numbers(xs, **font)
        plane.y_axis.add_numbers(ys, **font)
    return plane


def axis_names(axes, names=("x_1", "x_2"), font_size=LABEL, color=FOREGROUND):
    """Names of the two axes, just past their ends (right of the first, above the second), so
    that they never sit on a tick number."""
    return VGroup(plain_tex(names[0], font_size=font_size, color=color).next_to(axes.x_axis.get_end(), RIGHT, buff=0.12),
                  plain_tex(names[1], font_size=font_size, color=color).next_to(axes.y_axis.get_end(), UP, buff=0.12))


class WindowedGrid(VGroup):
    """Grid lines seen through a window of the axes, (x_min, x_max, y_min, y_max) in its
    coordinates: the lines may reach far beyond it, as if the grid filled the plane, and only
    the part inside is drawn, on every frame, wherever a map sends them.

        grid = WindowedGrid(axes, window=(-4, 4, -2, 4), x1_range=(-8, 8, 1), x2_range=(-8, 8, 1))
        self.play(grid.morph(plane_maps.linear_map(M)))

    samples: points per line; 2 is exact for linear and affine maps. `current` holds where
    each line is now (unclipped), `lines` where it started (plane_maps.GridLine).
    """

    def __init__(self, axes, window, x1_range, x2_range, samples=2, stroke_width=2.0, stroke_opacity=1.0):
        self.axes, self.window = axes, tuple(window)
        self.lines = plane_maps.rectangle_grid(x1_range, x2_range, samples)
        self.current = [np.array(line.points) for line in self.lines]
        self.stroke_width, self.stroke_opacity = stroke_width, stroke_opacity
        super().__init__(*[VGroup() for _ in self.lines])
        self.redraw()

    def redraw(self):
        """Draw each line's current position, clipped to the window.

        The pieces are moved in place, never replaced: during an animation manim keeps drawing
        every mobject it saw at the start, so a replaced piece would stay on screen."""
        frame = CoordinateFrame(self.axes)
        for group, line, coords in zip(self.submobjects, self.lines, self.current):
            width = self.stroke_width * (AXIS_WIDTH if line.value == 0 else 1.0)
            pieces = [frame.to_scene(piece) for piece in plane_maps.clip_polyline(coords, self.window)]
            set_pieces(group, pieces, DIRECTION_COLORS[line.runs_along], width, self.stroke_opacity)
        return self

    def set_line_opacity(self, opacity):
        self.stroke_opacity = opacity
        return self.redraw()

    def morph(self, f, **kwargs):
        """Animation: every point of every line moves straight from where it is to its image
        under f, drawn inside the window on every frame."""
        state = {}

        def update(grid, alpha):
            if "start" not in state:  # where the lines are when the animation starts
                state["start"] = [c.copy() for c in grid.current]
                state["end"] = [f(c) for c in state["start"]]
            grid.current = [(1 - alpha) * a + alpha * b for a, b in zip(state["start"], state["end"])]
            grid.redraw()

        return UpdateFromAlphaFunc(self, update, **kwargs)

    def drawn_pieces(self):
        """Per line, the drawn pieces as (k, 2) arrays of the axes' coordinates."""
        frame = CoordinateFrame(self.axes)
        return [[frame.to_coords(anchors(piece)) for piece in shown_pieces(group)] for group in self.submobjects]
