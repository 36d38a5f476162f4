"""A steady camera turn for a 3-D beat: the camera's trackers moved at a constant rate over the
whole beat, so the picture keeps moving while the words are read (a move_camera eases in and
out, and its slow ends barely change a frame).

    beat(self, FadeIn(x), *drift(self, theta=t), subcaption="...")

The animations go into the beat like any other, so `during` can still order the rest."""

from manim import linear


def drift(scene, phi=None, theta=None, zoom=None):
    """Linear animations of the camera's phi, theta and zoom to the given values (radians)."""
    camera = scene.renderer.camera
    pairs = ((phi, camera.phi_tracker), (theta, camera.theta_tracker), (zoom, camera.zoom_tracker))
    return [tracker.animate(rate_func=linear).set_value(value) for value, tracker in pairs
            if value is not None]
