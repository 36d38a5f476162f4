"""Hidden space (h1, h2, h3): axes, point clouds and planes, drawn cheaply for the Cairo camera.

Every position goes through the axes (`axes.c2p`), so a test can map what is drawn back
(`axes.p2c`) and compare it with the run's stored hidden coordinates. The axes use one scale
for all three directions, so angles and planes are not distorted on screen.

Points are flat `Dot`s: a `Dot3D` sphere costs about a hundred times more to render.
"""

import math

import numpy as np
from manim import Dot, MathTex, Polygon, ThreeDAxes, VGroup, VMobject

from scenes.style import FOREGROUND, LABEL, MUTED, W2_COLOR, class_color


def hidden_extent(run, margin=0.08):
    """((lo, hi), (lo, hi), (lo, hi)) covering hidden_pre and hidden_post of every snapshot.

    Padded by `margin` of each span and rounded outward to whole numbers, and always
    containing 0, so the axes (and the origin) stay put whatever snapshot is shown.
    """
    values = np.concatenate([np.asarray(run.hidden_pre).reshape(-1, 3),
                             np.asarray(run.hidden_post).reshape(-1, 3)])
    lo = np.minimum(values.min(axis=0), 0.0)
    hi = np.maximum(values.max(axis=0), 0.0)
    pad = margin * np.maximum(hi - lo, 1.0)
    return tuple((float(math.floor(a - p)), float(math.ceil(b + p)))
                 for a, b, p in zip(lo, hi, pad))


def _tick_step(span):
    return 1.0 if span <= 8 else 2.0 if span <= 16 else 5.0


class _PlainThreeDAxes(ThreeDAxes):
    """ThreeDAxes drawn as plain lines. Cairo's default cuts each axis into 20 shaded pieces
    whose shading is recomputed from the whole axis every frame: most of a scene's render
    time, for no visible gain on a dark background."""

    def _add_3d_pieces(self):
        pass

    def _set_axis_shading(self):
        pass


def hidden_axes(extent, side=4.5, color=MUTED):
    """ThreeDAxes over `extent`, the longest axis `side` scene units, one scale for all three."""
    spans = [hi - lo for lo, hi in extent]
    unit = side / max(spans)
    ranges = [[lo, hi, _tick_step(max(spans))] for lo, hi in extent]
    axes = _PlainThreeDAxes(
        x_range=ranges[0], y_range=ranges[1], z_range=ranges[2],
        x_length=unit * spans[0], y_length=unit * spans[1], z_length=unit * spans[2],
        axis_config={"color": color, "stroke_width": 2, "include_tip": False,
                     "include_numbers": False, "tick_size": 0.05},
    )
    axes.extent = tuple(tuple(e) for e in extent)
    return axes


def hidden_axis_labels(axes, names=("h_1", "h_2", "h_3"), font_size=LABEL):
    """MathTex labels for the three axes. `label.anchor` is the 3-D point each should follow;
    see `pin_to_points` for keeping them flat in the frame while the camera turns."""
    labels = VGroup()
    ends = [axes.x_axis.get_end(), axes.y_axis.get_end(), axes.z_axis.get_end()]
    origin = axes.c2p(0, 0, 0)
    for name, end in zip(names, ends):
        label = MathTex(name, font_size=font_size, color=FOREGROUND)
        direction = end - origin
        label.anchor = end + 0.3 * direction / max(np.linalg.norm(direction), 1e-9)
        labels.add(label)
    return labels


def pin_to_points(scene, mobjects, offset=(0.0, 0.0, 0.0)):
    """Fix each mobject in the frame and keep it where the camera projects its `anchor`.

    Labels then stay upright and readable, and the layout checks (which only see mobjects
    fixed in the frame in a 3-D scene) cover them.
    """
    camera = scene.renderer.camera
    shift = np.array(offset, dtype=float)

    def follow(mob):
        mob.move_to(camera.project_point(np.asarray(mob.anchor, dtype=float)) + shift)

    for mob in mobjects:
        follow(mob)
        mob.add_updater(follow)
        scene.add_fixed_in_frame_mobjects(mob)
    return mobjects


def point_cloud(axes, coords, labels, radius=0.05, opacity=0.95):
    """One flat Dot per row of `coords` (N, 3), coloured by class. dots[i] is sample i.

    In a ThreeDScene call `face_camera` so they stay round from every angle.
    """
    return VGroup(*[
        Dot(axes.c2p(*c), radius=radius, color=class_color(label), fill_opacity=opacity)
        for c, label in zip(np.asarray(coords, dtype=float), labels)
    ])


def face_camera(scene, cloud):
    """Keep every dot of `cloud` facing the camera, each about its own centre.

    Registers the dots with the camera only; the scene shows the cloud as one group, so no
    dot is drawn twice.
    """
    scene.renderer.camera.add_fixed_orientation_mobjects(*cloud)
    return cloud


def move_cloud(axes, cloud, coords):
    """Move dots[i] to `coords[i]` (hidden coordinates), in place; returns the cloud."""
    for dot, c in zip(cloud, np.asarray(coords, dtype=float)):
        dot.move_to(axes.c2p(*c))
    return cloud


_EDGES = [(a, b) for a in range(8) for b in range(a + 1, 8) if bin(a ^ b).count("1") == 1]


def box_plane_section(normal, offset, extent):
    """Vertices (K, 3), in order around the polygon, of the plane normal·h + offset = 0
    cut by the box `extent`; an empty (0, 3) array if the plane misses the box."""
    n = np.asarray(normal, dtype=float)
    corners = np.array([[extent[k][(i >> k) & 1] for k in range(3)] for i in range(8)], float)
    values = corners @ n + offset
    points = []
    for a, b in _EDGES:
        va, vb = values[a], values[b]
        if va == 0:
            points.append(corners[a])
        if (va < 0) != (vb < 0) and vb != 0:
            t = va / (va - vb)
            points.append(corners[a] + t * (corners[b] - corners[a]))
    if len(points) < 3:
        return np.zeros((0, 3))
    points = np.unique(np.round(np.array(points), 12), axis=0)
    centre = points.mean(axis=0)
    # Order by angle in the plane, around the centre.
    u = points[0] - centre
    u /= np.linalg.norm(u)
    v = np.cross(n / np.linalg.norm(n), u)
    angles = np.arctan2((points - centre) @ v, (points - centre) @ u)
    return points[np.argsort(angles)]


def plane_patch(axes, normal, offset, extent, color=W2_COLOR, opacity=0.3, stroke=2):
    """A single polygon: the plane normal·h + offset = 0 inside the box `extent`.

    Attributes: `normal` (unit, hidden coordinates), `offset` (after the same scaling) and
    `vertices_hidden` (the polygon's corners in hidden coordinates).
    """
    n = np.asarray(normal, dtype=float)
    length = np.linalg.norm(n)
    vertices = box_plane_section(n, offset, extent)
    if len(vertices):
        patch = Polygon(*[axes.c2p(*p) for p in vertices], color=color, stroke_width=stroke,
                        fill_color=color, fill_opacity=opacity)
    else:
        patch = VMobject()
    patch.normal = n / length
    patch.offset = float(offset) / length
    patch.vertices_hidden = vertices
    return patch


def separating_plane(axes, W2, extent, **style):
    """The plane W2[0,:3]·h + W2[0,3] = 0 in hidden space, clipped to `extent`: one polygon.

    `plane.normal` is the unit normal in hidden coordinates; it points to the side where
    z2 > 0 (ŷ > 1/2, class 1).
    """
    w = np.asarray(W2, dtype=float).reshape(-1)
    return plane_patch(axes, w[:3], w[3], extent, **style)


def signed_distances(W2, coords):
    """Signed distance of each hidden point to the plane of W2 (positive: class-1 side)."""
    w = np.asarray(W2, dtype=float).reshape(-1)
    return (np.asarray(coords, dtype=float) @ w[:3] + w[3]) / np.linalg.norm(w[:3])


def view_angles(direction):
    """(phi, theta) of a ThreeDCamera placed along `direction` (scene coordinates)."""
    d = np.asarray(direction, dtype=float)
    d = d / np.linalg.norm(d)
    return float(np.arccos(np.clip(d[2], -1, 1))), float(np.arctan2(d[1], d[0]))


def camera_direction(phi, theta):
    """Unit vector from the origin toward a ThreeDCamera at angles (phi, theta)."""
    return np.array([np.sin(phi) * np.cos(theta), np.sin(phi) * np.sin(theta), np.cos(phi)])


def level_gamma(direction, phi, theta):
    """Camera roll gamma that shows `direction` (scene coordinates) horizontal, pointing right,
    for a ThreeDCamera at (phi, theta). Mirrors ThreeDCamera.generate_rotation_matrix."""
    from manim import RIGHT, rotation_about_z, rotation_matrix

    R = rotation_matrix(-phi, RIGHT) @ rotation_about_z(-theta - np.pi / 2)
    x, y, _ = R @ np.asarray(direction, dtype=float)
    return float(-np.arctan2(y, x))


# -- ReLU folding: the input sheet cut along the lines where a hidden unit is zero -------------
def fold(H, t):
    """ReLU as a clamp that can be played: negative coordinates shrink by (1 − t).

    t is a scalar or one value per coordinate (3,); t = 1 gives ReLU(H) exactly.
    """
    H = np.asarray(H, dtype=float)
    return np.where(H < 0, (1 - np.asarray(t, dtype=float)) * H, H)


def _augment(P):
    P = np.asarray(P, dtype=float).reshape(-1, 2)
    return np.column_stack([P, np.ones(len(P))])


def _clip(poly, a, sign):
    """The part of a convex polygon (K, 2) where sign * a·[x, y, 1] >= 0 (Sutherland–Hodgman)."""
    out = []
    if len(poly) == 0:
        return np.zeros((0, 2))
    values = sign * (_augment(poly) @ a)
    for k in range(len(poly)):
        p, q, vp, vq = poly[k], poly[(k + 1) % len(poly)], values[k], values[(k + 1) % len(poly)]
        if vp >= 0:
            out.append(p)
        if (vp >= 0) != (vq >= 0):
            out.append(p + vp / (vp - vq) * (q - p))
    return np.array(out).reshape(-1, 2)


def _area(poly):
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def square(extent):
    x0, x1, y0, y1 = extent
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)


def crease_regions(W1, extent):
    """The input square cut by the three lines W1[i]·x̃ = 0: a list of (polygon (K, 2), active
    (3,) bool). On each piece the pattern of active units is fixed, so ReLU (and every stage
    of `fold`) maps it affinely: its image is the polygon through its folded corners."""
    W1 = np.asarray(W1, dtype=float)
    pieces = [square(extent)]
    for a in W1:
        pieces = [part for poly in pieces for part in (_clip(poly, a, 1), _clip(poly, a, -1))
                  if _area(part) > 1e-9]
    return [(poly, _augment(poly.mean(axis=0))[0] @ W1.T > 0) for poly in pieces]


def crease_segments(W1, extent):
    """For each hidden unit i, the segment (2, 2) of the line W1[i]·x̃ = 0 inside the square,
    or None if the unit does not change sign there."""
    segments = []
    corners = square(extent)
    for a in np.asarray(W1, dtype=float):
        values = _augment(corners) @ a
        points = []
        for k in range(4):
            p, q, vp, vq = corners[k], corners[(k + 1) % 4], values[k], values[(k + 1) % 4]
            if (vp < 0) != (vq < 0):
                points.append(p + vp / (vp - vq) * (q - p))
        segments.append(np.array(points[:2]) if len(points) >= 2 else None)
    return segments


def split_at_creases(W1, start, end):
    """Points along the input segment start→end, with a corner wherever it crosses a crease,
    so that its folded image (a polyline through the folded corners) is exact."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    ts = [0.0, 1.0]
    for a in np.asarray(W1, dtype=float):
        va, vb = _augment(start)[0] @ a, _augment(end)[0] @ a
        if (va < 0) != (vb < 0):
            ts.append(va / (va - vb))
    ts = np.unique(ts)
    return start + ts[:, None] * (end - start)
