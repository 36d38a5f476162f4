"""One storyboard beat: play its animations with a subcaption, then hold the frame until the
subcaption can be read at style.WORDS_PER_SECOND.

    beat(self, FadeIn(box), subcaption="A box appears.", run_time=1.5)
    beat(self, camera=dict(phi=60 * DEGREES), subcaption="...")  # 3-D: a camera move

The hold is a plain wait() marked as a hold (see is_hold), so that the layout checks still see
it but beat counts and contact sheets do not count it as a beat of its own.
"""

from scenes import style

_HOLDING = "_pacing_holding"


def reading_time(subcaption):
    """Seconds needed to read a subcaption at the project's pace."""
    return len(subcaption.split()) / style.WORDS_PER_SECOND


def beat(scene, *animations, subcaption, run_time=1.0, hold=None, camera=None, **play_kwargs):
    """Play the animations (or, in a ThreeDScene, move the camera with `camera`'s
    move_camera arguments while playing them) with the subcaption, then hold still.

    hold=None holds until the subcaption can be read, and at least style.MIN_HOLD."""
    if hold is None:
        hold = max(style.MIN_HOLD, reading_time(subcaption) - run_time)
    kwargs = {"run_time": run_time, "subcaption": subcaption,
              "subcaption_duration": run_time + hold, **play_kwargs}
    if camera:
        scene.move_camera(**camera, added_anims=list(animations), **kwargs)
    else:
        scene.play(*animations, **kwargs)
    if hold > 0:
        setattr(scene, _HOLDING, True)
        try:
            scene.wait(hold)
        finally:
            setattr(scene, _HOLDING, False)


def is_hold(scene):
    """True while the scene plays the hold of a beat (for beat counters and contact sheets)."""
    return getattr(scene, _HOLDING, False)
