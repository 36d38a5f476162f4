"""Where inside a beat a motion happens. A beat stretches its animations over its whole length
(scenes.pacing.beat); these rate functions place one of them at its start instead."""

from manim import smooth


def lead(share):
    """A rate that completes within the first `share` of the animation, then holds."""
    def rate(t):
        return smooth(min(1.0, t / share))
    return rate


# The old picture leaves in the first quarter of a beat, before the new one is built.
early = lead(0.25)
# What a beat opens on is there at once, so its first words never fall on an empty frame.
at_once = lead(0.1)
