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


def clear_stage(scene, *keep, run_time=0.5):
    """Fade out everything but `keep` in a short play of its own, between two beats.

    A mobject faded out inside a beat is still drawn, transparent, until the beat ends; a 3-D
    picture of a hundred dots then costs as much as if it stayed. The next beat should bring
    its own picture in at once (rate_func=at_once), so its words never start on an empty frame.
    """
    from manim import FadeOut

    old = [m for m in scene.mobjects if all(m is not k for k in keep)]
    if old:
        scene.play(*[FadeOut(m) for m in old], run_time=run_time)
