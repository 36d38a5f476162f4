"""Camera moves as animations of a 3-D beat, so that they go into the beat like any other and
`during` can still order the rest.

    beat(self, FadeIn(x), *drift(self, theta=t), subcaption="...")
    beat(self, *camera_to(self, 0, 0.35, phi=p, theta=t), FadeIn(y), subcaption="...")

drift: a steady turn, the camera's trackers moved at a constant rate over the whole beat, so
the picture keeps moving while the words are read (a move_camera eases in and out, and its slow
ends barely change a frame). camera_to: an eased move done within a share of the beat, so that
the view is reached before what follows in the beat is drawn."""

from manim import linear

from scenes.pacing import during


def drift(scene, phi=None, theta=None, zoom=None):
    """Linear animations of the camera's phi, theta and zoom to the given values (radians)."""
    camera = scene.renderer.camera
    pairs = ((phi, camera.phi_tracker), (theta, camera.theta_tracker), (zoom, camera.zoom_tracker))
    return [tracker.animate(rate_func=linear).set_value(value) for value, tracker in pairs
            if value is not None]


def camera_to(scene, start, end, phi=None, theta=None, zoom=None, frame_center=None):
    """The camera's eased move to the given phi, theta (radians), zoom and frame centre, within
    the share [start, end] of its beat."""
    camera = scene.renderer.camera
    pairs = ((phi, camera.phi_tracker), (theta, camera.theta_tracker), (zoom, camera.zoom_tracker))
    moves = [during(tracker.animate.set_value(value), start, end) for value, tracker in pairs
             if value is not None]
    if frame_center is not None:
        moves.append(during(camera._frame_center.animate.move_to(frame_center), start, end))
    return moves
