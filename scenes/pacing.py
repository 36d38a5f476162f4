"""One storyboard beat: its words are spoken (or, without a voice, shown long enough to read),
and its animations fill the time the words take.

    beat(self, FadeIn(box), subcaption="A box appears.")
    beat(self, Write(f), subcaption="y hat is sigma of z two.", hold=1.0)   # a still tail
    beat(self, FadeIn(w), subcaption="W⁽¹⁾ is 3×3.", spoken="W one is a three by three matrix.")
    beat(self, camera=dict(phi=60 * DEGREES), subcaption="...")            # 3-D: a camera move

The clock of a beat is set here and nowhere else. A beat lasts as long as its words plus
style.BREATH, or as long as the animation time it asks for (run_time, a minimum, plus hold) if
that is longer. The words take the length of the spoken clip (after style.SPEECH_LEAD, so the
picture moves first), or, without a voice, the reading time of the subtitle at
style.READING_CPS. The animations are stretched over the whole beat, except a `hold` of
still frames kept at its end; that hold is a plain wait() marked as a hold (see is_hold), so
the layout checks still see it but beat counts and contact sheets do not count it as a beat.
One exception: a beat that starts on an empty picture is an entrance, and the picture leads the
words: its animations take only the time they ask for, and the rest of the beat is its hold;
its words (subtitle and speech) start style.ENTRANCE_LEAD after its picture has begun to
appear, so they never start over an empty frame.

Every beat's words are recorded on the scene (narration()), spoken or not, so that tests can
check what the voice would be asked to say.
"""

from dataclasses import dataclass

from manim import Animation, AnimationGroup, rate_functions

from scenes import fast_copy, fast_draw, style, voice
from scenes.spoken import speakable

# Building a scene spends most of its time copying mobjects for Transform-family animations,
# and rendering it drawing them; fast_copy and fast_draw make both cheaper, with the same
# result. Every scene paces its beats with this module, so installing them here covers them all
# (and keeps scenes.registry, which the pipeline reads, free of manim).
fast_copy.install()
fast_draw.install()

_HOLDING = "_pacing_holding"
_NARRATION = "_pacing_narration"


@dataclass(frozen=True)
class Narration:
    start: float  # scene seconds at which the beat (and its subtitle) starts
    seconds: float  # the beat's length
    subcaption: str
    spoken: str  # what the voice says (or would say)
    speech: voice.Speech | None  # the clip, when there is a voice


def reading_time(subcaption):
    """Seconds needed to read a subtitle at the project's pace."""
    return len(subcaption) / style.READING_CPS


def beat(scene, *animations, subcaption, spoken=None, run_time=None, hold=0.0, camera=None, **play_kwargs):
    """Speak the words and play the animations (or, in a ThreeDScene, move the camera with
    `camera`'s move_camera arguments while playing them) with the subtitle, then keep `hold`
    seconds still.

    spoken: what the voice says instead of the subtitle, where the subtitle would be misread;
    both go through scenes.spoken.speakable. run_time: the least time the animations need."""
    if "rate_func" in play_kwargs and any(getattr(a, "squeezed", False) for a in animations):
        # play() gives its rate_func to every animation, replacing during()'s window: each
        # squeezed part would run over the whole beat instead of its share
        raise ValueError("beat(): a rate_func for the whole beat undoes the windows of its during() "
                         "animations; give the rate to the animations that need it")
    words = speakable(subcaption if spoken is None else spoken)
    speaker = voice.current()
    speech = speaker.speak(words) if speaker is not None else None
    if speech is not None:
        talk = style.SPEECH_LEAD + speech.seconds
    else:
        talk = reading_time(subcaption)
    asked = (style.MIN_MOTION if run_time is None else run_time) + hold
    length = max(talk + style.BREATH, asked)
    lead = 0.0
    if animations and _nothing_shown(scene):
        # an entrance: the picture first, then still; the words wait until it has begun to show
        lead = style.ENTRANCE_LEAD
        hold = lead + length - (asked - hold)
        length += lead
    motion = length - hold
    narration(scene).append(Narration(scene.renderer.time + lead, length - lead, subcaption, words, speech))
    if speech is not None:
        scene.add_sound(str(speech.path), time_offset=lead + style.SPEECH_LEAD)
    kwargs = {"run_time": motion, "subcaption": subcaption, "subcaption_duration": length - lead,
              "subcaption_offset": lead, **play_kwargs}
    if camera:
        scene.move_camera(**camera, added_anims=list(animations), **kwargs)
    elif animations:
        scene.play(*animations, **kwargs)
    else:  # words alone, over a still frame
        scene.add_subcaption(subcaption, duration=length)
        scene.wait(motion)
    if hold > 0:
        setattr(scene, _HOLDING, True)
        try:
            scene.wait(hold)
        finally:
            setattr(scene, _HOLDING, False)


def _nothing_shown(scene):
    return not any(m.family_members_with_points() for m in scene.mobjects)


def narration(scene):
    """The Narration of every beat the scene has played so far, in order."""
    if not hasattr(scene, _NARRATION):
        setattr(scene, _NARRATION, [])
    return getattr(scene, _NARRATION)


def is_hold(scene):
    """True while the scene plays the hold of a beat (for beat counters and contact sheets)."""
    return getattr(scene, _HOLDING, False)


def during(animation, start, end):
    """The animation squeezed into the share [start, end] of its beat, so one beat can tell a
    small story in order: the old label leaves, then the new one comes, then the arrow grows.
    (beat() stretches every animation over the whole beat; this keeps their order.)

    The squeeze is on a group around the animation, so the animation keeps its own rate
    function and its lag between parts (a Write or a Create of several pieces). The group lasts
    one unit whatever the animation's own run time (a long Write asks for 2), so that squeezed
    animations gathered in a group of their own keep their shares too."""
    if not isinstance(animation, Animation):  # `mob.animate...` builds its animation on demand
        animation = animation.build()
    group = AnimationGroup(animation, run_time=1.0,
                           rate_func=rate_functions.squish_rate_func(rate_functions.linear, start, end))
    group.squeezed = True  # beat() refuses a beat-wide rate_func, which would undo the squeeze
    return group
