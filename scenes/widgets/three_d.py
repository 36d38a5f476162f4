"""What every 3-D scene shares: its opening camera, and flat overlays fixed in the frame."""

from manim import DEGREES

# The camera (phi, theta) every hidden-space scene opens on, so they read as one space.
START_VIEW = (68 * DEGREES, -62 * DEGREES)


def fix_in_frame(scene, *mobs):
    """Fix overlays (titles, formulas, labels) in the frame of a 3-D scene, but show them only
    when the animation that introduces them plays."""
    scene.add_fixed_in_frame_mobjects(*mobs)
    scene.remove(*mobs)
    return mobs
