"""Motion that points at something while the words are read: a dot that runs along a path
(a crease, a boundary), and a wave that runs through a cloud of dots in a given order (the
points a unit folds, in order of its value; the points on each side of a plane).

    dot, run = tracer(self, along(crease))      # beat(self, run, ...)
    beat(self, wave(self.cloud, order), ...)

Both are single updaters, cheap on every frame, and leave the scene as they found it (the
tracer dot fades in and out; each dot of the wave is back to its size once the front passed)."""

import numpy as np
from manim import Dot, UpdateFromAlphaFunc, linear

from scenes.style import EMPHASIS


def along(path):
    """The point a share `alpha` of the way along a VMobject's path, as it is at that frame
    (so the tracer follows a path that moves)."""
    return lambda alpha: path.point_from_proportion(float(np.clip(alpha, 0, 1)))


def through(points):
    """The point a share `alpha` of the way along a polyline through `points` (N, 3)."""
    points = np.asarray(points, dtype=float)
    steps = np.linalg.norm(np.diff(points, axis=0), axis=1)
    reach = np.concatenate([[0.0], np.cumsum(steps)]) / max(steps.sum(), 1e-9)

    def at(alpha):
        k = min(int(np.searchsorted(reach, alpha, side="right")) - 1, len(points) - 2)
        k = max(k, 0)
        f = (alpha - reach[k]) / max(reach[k + 1] - reach[k], 1e-9)
        return points[k] + np.clip(f, 0, 1) * (points[k + 1] - points[k])
    return at


def tracer(scene, path, color=EMPHASIS, radius=0.1, fade=0.08):
    """(dot, animation): the dot runs along `path` (alpha -> scene point) at a steady pace,
    fading in over the first `fade` of the run and out over the last. `radius` is its size on
    screen: in a 3-D scene it is divided by the camera's zoom (so a far view does not shrink it
    to a pixel), and the dot keeps facing the camera. Remove the dot after its beat."""
    camera = scene.renderer.camera
    if hasattr(camera, "get_zoom"):
        radius = radius / camera.get_zoom()
    dot = Dot(path(0.0), radius=radius, color=color).set_opacity(0)
    if hasattr(camera, "add_fixed_orientation_mobjects"):
        camera.add_fixed_orientation_mobjects(dot)

    def run(mob, alpha):
        mob.move_to(path(alpha))
        mob.set_opacity(float(np.clip(min(alpha, 1 - alpha) / fade, 0, 1)))

    return dot, UpdateFromAlphaFunc(dot, run, rate_func=linear)


def wave(cloud, order, swell=0.9, width=0.08):
    """A front that runs through the dots of `cloud` once, reaching dot i when the animation
    is at order[i] (0 … 1, so a list of ranks gives a steady sweep), and swells each dot by
    `swell` (its width × (1 + swell)) while it passes. Dots with order None are left alone."""
    base = [dot.width for dot in cloud]
    order = [None if o is None else float(o) for o in order]

    def step(group, alpha):
        front = (1 + 2 * width) * alpha - width
        for dot, o, w in zip(group, order, base):
            if o is not None:
                dot.scale_to_fit_width(w * (1 + swell * max(0.0, 1 - abs(front - o) / width)))

    return UpdateFromAlphaFunc(cloud, step, rate_func=linear)


def ranks(values):
    """0 … 1 in the order of `values` (the first the smallest), for wave()."""
    values = np.asarray(values, dtype=float)
    return np.argsort(np.argsort(values)) / max(len(values) - 1, 1)
