"""Hidden space (h1, h2, h3): axes, point clouds and planes, drawn cheaply for the Cairo camera.

Every position goes through the axes (`axes.c2p`), so a test can map what is drawn back
(`axes.p2c`) and compare it with the run's stored hidden coordinates. The axes use one scale
for all three directions, so angles and planes are not distorted on screen.

Points are flat dots (`CloudDot`): a `Dot3D` sphere costs about a hundred times more to render.
The geometry itself (extents, planes, creases, folds) is computed in `toynet_core.geometry`;
this module only draws it.
"""

from functools import partial

import numpy as np
from manim import MathTex, Polygon, ThreeDAxes, VGroup, VMobject

from scenes.style import FOREGROUND, LABEL, MUTED, W2_COLOR, class_color
from scenes.widgets.cloud_dot import CloudDot
from toynet_core.geometry import box_plane_section


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


def anchor_of(mob):
    """The 3-D point a pinned mobject follows: its `anchor`, a point or a function giving one
    (for a label that rides along with something that moves)."""
    return np.asarray(mob.anchor() if callable(mob.anchor) else mob.anchor, dtype=float)


def pin_to_points(scene, mobjects, offset=(0.0, 0.0, 0.0)):
    """Fix each mobject in the frame and keep it where the camera projects its `anchor` (a
    point, or a function that gives one).

    Labels then stay upright and readable, and the layout checks (which only see mobjects
    fixed in the frame in a 3-D scene) cover them.
    """
    camera = scene.renderer.camera
    shift = np.array(offset, dtype=float)

    def follow(mob):
        mob.move_to(camera.project_point(anchor_of(mob)) + shift)

    for mob in mobjects:
        follow(mob)
        mob.add_updater(follow)
        scene.add_fixed_in_frame_mobjects(mob)
    return mobjects


def point_cloud(axes, coords, labels, radius=0.05, opacity=0.95):
    """One flat dot per row of `coords` (N, 3), coloured by class. dots[i] is sample i.

    In a ThreeDScene call `face_camera` so they stay round from every angle.
    """
    return VGroup(*[
        CloudDot(axes.c2p(*c), radius=radius, color=class_color(label), fill_opacity=opacity)
        for c, label in zip(np.asarray(coords, dtype=float), labels)
    ])


def face_camera(scene, cloud):
    """Keep every dot of `cloud` facing the camera, each about its own centre.

    Registers the dots with the camera only; the scene shows the cloud as one group, so no
    dot is drawn twice. The camera asks each dot for its centre on every frame; a plain dot's
    centre is read straight off its points (get_center searches the family's bounding box,
    which cost a 3-D scene with 200 dots about a tenth of its render time).
    """
    camera = scene.renderer.camera
    for dot in cloud:
        if dot.submobjects:
            camera.add_fixed_orientation_mobjects(dot)
        else:
            camera.add_fixed_orientation_mobjects(dot, center_func=partial(_centre, dot))
    return cloud


def _centre(dot):
    points = dot.points
    if not len(points):
        return dot.get_center()
    return 0.5 * (points.min(axis=0) + points.max(axis=0))


def c2p_many(axes, coords):
    """axes.c2p for many points at once, (N, 3) hidden coordinates to (N, 3) scene points: the
    axes' map is affine, so four c2p calls give it (one c2p costs as much as a whole frame's
    worth of matrix products)."""
    coords = np.asarray(coords, dtype=float).reshape(-1, 3)
    origin = np.asarray(axes.c2p(0, 0, 0), dtype=float)
    basis = np.array([np.asarray(axes.c2p(*e), dtype=float) - origin for e in np.eye(3)])
    return origin + coords @ basis


def move_cloud(axes, cloud, coords):
    """Move dots[i] to `coords[i]` (hidden coordinates), in place; returns the cloud.

    Called on every frame of a flight, so a plain dot is shifted by its points directly (what
    move_to does, without its bounding-box search through the family)."""
    for dot, p in zip(cloud, c2p_many(axes, coords)):
        points = dot.points
        if len(points) and not dot.submobjects:
            dot.points = points + (p - (points.min(axis=0) + points.max(axis=0)) / 2)
        else:
            dot.move_to(p)
    return cloud


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


def view_angles(direction):
    """(phi, theta) of a ThreeDCamera placed along `direction` (scene coordinates)."""
    d = np.asarray(direction, dtype=float)
    d = d / np.linalg.norm(d)
    return float(np.arccos(np.clip(d[2], -1, 1))), float(np.arctan2(d[1], d[0]))


def camera_direction(phi, theta):
    """Unit vector from the origin toward a ThreeDCamera at angles (phi, theta)."""
    return np.array([np.sin(phi) * np.cos(theta), np.sin(phi) * np.sin(theta), np.cos(phi)])


def facing_theta(normal, phi, theta, reach, facing=1.0):
    """The azimuth within `reach` radians of theta from which a camera at polar angle phi sees
    the plane with this normal (scene coordinates) as nearly as it can at `facing`, the
    cosine between the view and the normal (1: face on; 0.7: at about 45°, so that the plane
    and an arrow along its normal both read)."""
    n = np.asarray(normal, dtype=float)
    candidates = theta + np.linspace(-reach, reach, 91)
    return float(min(candidates, key=lambda t: abs(abs(camera_direction(phi, t) @ n) - facing)))


def edge_on_direction(normal, current, lowest=0.15):
    """A camera direction in the plane with this normal (so the plane is seen edge on), as
    near `current` as it can be while looking down on the scene from above (z >= lowest), so
    that the vertical axis stays up; the plain projection of `current` if none is."""
    n = np.asarray(normal, dtype=float)
    n = n / np.linalg.norm(n)
    c = np.asarray(current, dtype=float)
    u = c - (c @ n) * n
    if np.linalg.norm(u) < 1e-9:
        u = np.cross(n, [1.0, 0.0, 0.0])
    u /= np.linalg.norm(u)
    v = np.cross(n, u)
    ring = [np.cos(a) * u + np.sin(a) * v for a in np.linspace(-np.pi, np.pi, 721)]
    above = [d for d in ring if d[2] >= lowest]
    return max(above, key=lambda d: d @ c) if above else u


def clear_view_theta(points, normal, phi, theta, reach, facing=(0.35, 0.9)):
    """The azimuth within `reach` radians of theta from which the points (scene coordinates)
    look most spread out on screen (largest area of their projected spread), among the views
    that see the plane with this normal neither edge on nor face on (|cos| within `facing`)."""
    P = np.asarray(points, dtype=float)
    P = P - P.mean(axis=0)
    n = np.asarray(normal, dtype=float)
    best, best_area = theta, -1.0
    for t in theta + np.linspace(-reach, reach, 61):
        d = camera_direction(phi, t)
        if not facing[0] <= abs(d @ n) <= facing[1]:
            continue
        u = np.cross([0.0, 0.0, 1.0], d)
        u /= np.linalg.norm(u)
        v = np.cross(d, u)
        flat = np.column_stack([P @ u, P @ v])
        area = np.linalg.det(flat.T @ flat)
        if area > best_area:
            best, best_area = float(t), area
    return best


def level_gamma(direction, phi, theta):
    """Camera roll gamma that shows `direction` (scene coordinates) horizontal, pointing right,
    for a ThreeDCamera at (phi, theta). Mirrors ThreeDCamera.generate_rotation_matrix."""
    from manim import RIGHT, rotation_about_z, rotation_matrix

    R = rotation_matrix(-phi, RIGHT) @ rotation_about_z(-theta - np.pi / 2)
    x, y, _ = R @ np.asarray(direction, dtype=float)
    return float(-np.arctan2(y, x))


def _camera_rotation(phi, theta):
    """The rotation of a ThreeDCamera at (phi, theta) without roll (its generate_rotation_matrix)."""
    from manim import RIGHT, rotation_about_z, rotation_matrix

    return rotation_matrix(-phi, RIGHT) @ rotation_about_z(-theta - np.pi / 2)


def screen_points(points, phi, theta, zoom=1.0, frame_center=(0.0, 0.0, 0.0), focal_distance=20.0):
    """Where a ThreeDCamera at (phi, theta), without roll, draws scene `points` (N, 3): (N, 2)
    frame coordinates. Mirrors ThreeDCamera.project_points (no exponential projection)."""
    R = _camera_rotation(phi, theta)
    Q = (np.asarray(points, dtype=float).reshape(-1, 3) - np.asarray(frame_center, float)) @ R.T
    factor = focal_distance / (focal_distance - Q[:, 2])
    return Q[:, :2] * (factor * zoom)[:, None]


def fit_view(points, views, rect, focal_distance=20.0, frame_center=None):
    """(zoom, centre) that shows every scene point of `points` inside the frame rectangle
    rect = (x_min, x_max, y_min, y_max) from each camera view (phi, theta) in `views` (no
    roll), when the camera looks at the scene point `centre`; the points are centred in rect
    for the first view. Pass frame_center to keep the camera's centre where it is and fit the
    zoom only.

    Framing by computation, so that a subject fills the frame and nothing runs off it or into
    the title or the subtitle band, whatever the run's shape.

    Use the centre by shifting the scene by −centre and keeping the camera's frame_center at
    the origin: Cairo's ThreeDCamera also shifts the overlays fixed in the frame (titles,
    labels) by its frame_center, and caches the drawing transform that holds it."""
    P = np.asarray(points, dtype=float).reshape(-1, 3)
    x0, x1, y0, y1 = rect
    centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
    phi, theta = views[0]
    R = _camera_rotation(phi, theta)
    fc = P.mean(axis=0) if frame_center is None else np.asarray(frame_center, dtype=float)
    zoom = np.inf
    for _ in range(8 if frame_center is None else 0):  # perspective: centring settles in a few steps
        S = screen_points(P, phi, theta, 1.0, fc, focal_distance)
        span = S.max(axis=0) - S.min(axis=0)
        zoom = min((x1 - x0) / max(span[0], 1e-9), (y1 - y0) / max(span[1], 1e-9))
        offset = (S.max(axis=0) + S.min(axis=0)) / 2 - centre / zoom
        fc = fc + R.T @ np.array([offset[0], offset[1], 0.0])
    for phi, theta in views:  # the zoom every view allows, about the same centre
        S = screen_points(P, phi, theta, 1.0, fc, focal_distance)
        for k, (lo, hi) in enumerate(((x0, x1), (y0, y1))):
            s = S[:, k]
            pos, neg = s > 1e-9, s < -1e-9
            if pos.any():
                zoom = min(zoom, (hi / s[pos]).min())
            if neg.any():
                zoom = min(zoom, (lo / s[neg]).min())
    return float(zoom), fc


def axes_points(axes):
    """The ends of the three axes (6, 3), for framing."""
    return np.array([p for axis in (axes.x_axis, axes.y_axis, axes.z_axis)
                     for p in (axis.get_start(), axis.get_end())])
