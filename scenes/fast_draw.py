"""Cheaper drawing with manim's Cairo camera, the same pixels.

Drawing is most of a render, and most of drawing is Python work around Cairo, done again for
every path of every frame (docs/PERFORMANCE.md). Three changes, none visible in a frame:
- Tracing a path hands Cairo each curve's six coordinates read from a list, not a NumPy
  array: indexing an array makes a NumPy scalar per number, which costs more than the call.
- A path is split where one curve does not end where the next begins, within a tolerance.
  When every curve ends exactly where the next begins (dots, lines, polygons, most glyphs'
  parts), one exact comparison gives the same answer as manim's search within the tolerance;
  any other path gets manim's search.
- The 3-D camera's projection computes its perspective factor once per path, not twice.
- The 3-D camera shades each face of a surface from the face's corners, its colour and the
  light, twice a frame (fill and stroke), though none of them changes while only the camera
  moves: each face keeps the colours it was last shaded to, with what they were shaded from.
The tests (tests/scenes/test_fast_draw.py) compare each with manim's own and draw scenes both
ways, pixel for pixel.
"""

import numpy as np
from manim import VMobject
from manim.camera.camera import Camera
from manim.camera.three_d_camera import ThreeDCamera

# manim's own, kept for the tests that compare the two
MANIMS_PATH = Camera.set_cairo_context_path
MANIMS_SPLIT = VMobject.get_subpath_split_indices_from_points
MANIMS_PROJECT = ThreeDCamera.project_points
MANIMS_SHADE = ThreeDCamera.modified_rgbas


def split_indices(self, points, n_dims=3):
    """manim's subpath ranges; for a path whose curves all meet exactly, without the search."""
    points = np.asarray(points)
    step = self.n_points_per_cubic_curve
    n = len(points)
    if n > step:  # at least one place where one curve meets the next
        ends, starts = points[step - 1:n - 1:step, :n_dims], points[step:n:step, :n_dims]
        if np.array_equal(ends, starts):  # False for NaN: the search decides those
            return np.array([[0, n]])
    return MANIMS_SPLIT(self, points, n_dims)


def set_cairo_context_path(self, ctx, vmobject):
    """manim's Camera.set_cairo_context_path, with the coordinates read from a list."""
    points = self.transform_points_pre_display(vmobject, vmobject.points)
    if len(points) == 0:
        return self
    nppcc = vmobject.n_points_per_cubic_curve
    ctx.new_path()
    split = vmobject.get_subpath_split_indices_from_points(points, n_dims=2)
    if len(split) == 0:
        return self
    xy = points[:, :2].ravel().tolist()  # [x0, y0, x1, y1, ...] as Python floats
    move_to, curve_to, new_sub_path, close_path = ctx.move_to, ctx.curve_to, ctx.new_sub_path, ctx.close_path
    for start, end in split.tolist():
        if end - start < nppcc:
            continue
        new_sub_path()
        move_to(xy[2 * start], xy[2 * start + 1])
        for i in range(start, end - nppcc + 1, nppcc):
            b = 2 * (i + 1)  # the curve's first handle, then its second, then its end
            curve_to(xy[b], xy[b + 1], xy[b + 2], xy[b + 3], xy[b + 4], xy[b + 5])
        if vmobject.consider_points_equals_2d(points[start], points[end - 1]):
            close_path()
    return self


def project_points(self, points):
    """manim's ThreeDCamera.project_points, its perspective factor computed once."""
    focal_distance = self.get_focal_distance()
    zoom = self.get_zoom()
    points = np.dot(points - self.frame_center, self.get_rotation_matrix().T)
    zs = points[:, 2]
    if self.exponential_projection:
        factor = np.exp(zs / focal_distance)
        lt0 = zs < 0
        factor[lt0] = focal_distance / (focal_distance - zs[lt0])
    else:
        factor = focal_distance / (focal_distance - zs)
        factor[(focal_distance - zs) < 0] = 10**6
    scale = factor * zoom
    points[:, 0] *= scale
    points[:, 1] *= scale
    return points


def modified_rgbas(self, vmobject, rgbas):
    """manim's shaded colours of a face, computed again only when the face's points, its
    colours or the light have changed since it was last shaded."""
    if not (self.should_apply_shading and vmobject.shade_in_3d):
        return rgbas
    rgbas = np.asarray(rgbas)
    key = (vmobject.points.tobytes(), rgbas.tobytes(), self.light_source.points[0].tobytes())
    kept = vmobject.__dict__.get("_fast_draw_shades")
    if kept is None or len(kept) > 3:  # a face is shaded for its fill and its stroke(s)
        kept = vmobject._fast_draw_shades = {}
    shaded = kept.get(key)
    if shaded is None:
        shaded = kept[key] = MANIMS_SHADE(self, vmobject, rgbas)
    return shaded.copy()


def install():
    Camera.set_cairo_context_path = set_cairo_context_path
    VMobject.get_subpath_split_indices_from_points = split_indices
    ThreeDCamera.project_points = project_points
    ThreeDCamera.modified_rgbas = modified_rgbas


def uninstall():
    """manim's own again (for the tests and the benchmark that compare the two)."""
    Camera.set_cairo_context_path = MANIMS_PATH
    VMobject.get_subpath_split_indices_from_points = MANIMS_SPLIT
    ThreeDCamera.project_points = MANIMS_PROJECT
    ThreeDCamera.modified_rgbas = MANIMS_SHADE
