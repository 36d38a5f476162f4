"""Frames of the animations that a tracker or an updater drives, rendered for real.

The scene harness builds scenes with skip_animations, which jumps every play() to its end
state: an animation whose frames never change passes every other check. So while a scene is
built, the harness asks a MotionRecorder which play() calls are *driven*, renders those for
real (at the harness's low resolution and frame rate, at most DRAWN_PER_PLAY frames of each
drawn) and keeps, for every frame drawn:

- a digest of the whole frame, exactly as it would be written to the video;
- a digest of each driven mobject drawn alone.

A play() is driven when it animates a ValueTracker (`tracker.animate...`, and the camera moves
of a ThreeDScene, which animate the camera's trackers), runs an UpdateFromFunc or
UpdateFromAlphaFunc, or plays while a ValueTracker of the scene carries an updater (an ambient
camera rotation). Its driven mobjects are the mobjects of those UpdateFrom* animations and the
outermost mobjects of the scene that carry an updater (always_redraw, add_updater).

Digests and not frames are kept, so a whole scene's clips take a few kilobytes.
"""

import hashlib
from dataclasses import dataclass, field

import numpy as np
from manim import AnimationGroup, UpdateFromFunc, ValueTracker, Wait
from manim.animation.animation import Animation
from manim.mobject.mobject import _AnimationBuilder


def _digest(pixels):
    return hashlib.blake2b(np.ascontiguousarray(pixels).tobytes(), digest_size=16).digest()


def _animations(args):
    """The animations of play(*args), with the members of groups, flattened."""
    for arg in args:
        if isinstance(arg, AnimationGroup):
            yield arg
            yield from _animations(arg.animations)
        elif isinstance(arg, Animation):
            yield arg


def _animated_mobjects(args):
    for arg in args:
        if isinstance(arg, _AnimationBuilder):
            yield arg.mobject
    for anim in _animations(args):
        yield anim.mobject


def _outermost_with_updaters(mobjects):
    found = []

    def walk(mob):
        if mob.updaters and not isinstance(mob, ValueTracker):
            found.append(mob)
            return
        for sub in mob.submobjects:
            walk(sub)

    for mob in mobjects:
        walk(mob)
    return found


def driven_mobjects(scene, args):
    """The mobjects play(*args) drives (possibly none, for a bare camera move), or None when
    the play is not driven (see the module docstring)."""
    anims = list(_animations(args))
    if len(anims) == 1 and isinstance(anims[0], Wait):
        return None
    updating = [a.mobject for a in anims if isinstance(a, UpdateFromFunc)]
    trackers = any(isinstance(m, ValueTracker) for m in _animated_mobjects(args))
    ticking = any(isinstance(m, ValueTracker) and m.updaters for m in scene.mobjects)
    if not (updating or trackers or ticking):
        return None
    with_updaters = _outermost_with_updaters(scene.mobjects)
    return updating + [m for m in with_updaters if all(m is not u for u in updating)]


@dataclass
class Clip:
    """One driven play(): its beat number, subcaption and per-frame digests."""

    beat: int
    subcaption: str
    mobjects: list  # the driven mobjects
    frames: list = field(default_factory=list)  # digest of each whole frame
    seen: int = 0  # frames the play went through, drawn or not
    pictures: list = field(default_factory=list)  # per frame: digest of each mobject alone

    def moving_share(self):
        """Share of consecutive frame pairs whose pictures differ."""
        pairs = list(zip(self.frames, self.frames[1:]))
        return sum(a != b for a, b in pairs) / len(pairs) if pairs else 0.0


# A driven play is drawn at no more than DRAWN_PER_PLAY evenly spaced frames (every second
# frame of a shorter one), and its last: drawing a 3-D frame, and each driven mobject alone, is
# most of what building a scene costs, and a frozen picture is as frozen at a lower rate. The
# scene still steps through every frame, its updaters run at each; only the drawing is skipped.
# A short play is drawn whole, so that it has frames to compare.
SAMPLE_EVERY = 2
DRAWN_PER_PLAY = 16
ALL_FRAMES_UP_TO = 6


def drawing_stride(frames):
    """Draw every stride-th frame of a driven play of `frames` frames."""
    return max(SAMPLE_EVERY, -(-frames // DRAWN_PER_PLAY))


class MotionRecorder:
    """Decides, play by play, which are rendered for real, and records their frames."""

    def __init__(self):
        self.clips = []
        self.current = None

    def begin(self, scene, args, beat, subcaption):
        """Called before play(*args); renders it for real when it is driven."""
        mobjects = driven_mobjects(scene, args)
        if mobjects is not None:
            self.current = Clip(beat, subcaption or "", mobjects)
            scene.renderer._original_skipping_status = False

    def end(self, scene):
        if self.current is not None:
            scene.renderer._original_skipping_status = True
            if self.current.frames:
                self.clips.append(self.current)
        self.current = None

    def hook(self, renderer):
        """Wrap renderer.render so that every rendered frame of a driven play is recorded."""
        render = renderer.render

        def recording_render(scene, time, moving_mobjects=None):
            clip = self.current
            recording = clip is not None and not renderer.skip_animations
            if recording:
                clip.seen += 1
                fps = renderer.camera.frame_rate
                frames = scene.duration * fps
                short = frames <= ALL_FRAMES_UP_TO
                last = time + 1.5 / fps > scene.duration
                if not (short or last) and (clip.seen - 1) % drawing_stride(round(frames)):
                    # not drawn, only counted: the scene has moved on all the same
                    renderer.time += 1 / fps
                    return
            render(scene, time, moving_mobjects)
            if recording:
                self.record(renderer)

        renderer.render = recording_render

    def record(self, renderer):
        clip = self.current
        clip.frames.append(_digest(renderer.get_frame()))
        camera = renderer.camera
        alone = []
        for mob in clip.mobjects:  # the next frame starts from a fresh background anyway
            camera.reset()
            camera.capture_mobjects([mob])
            alone.append(_digest(camera.pixel_array))
        clip.pictures.append(alone)


def name_of(scene, mob):
    """`self.<attribute>` of the scene that holds mob, else its class name."""
    for key, value in vars(scene).items():
        if value is mob:
            return f"self.{key}"
    return type(mob).__name__


MIN_MOVING_SHARE = 0.75  # of a driven play's consecutive frames must differ


def motion_problems(scene, clips, min_share=MIN_MOVING_SHARE):
    """Human-readable problems: a driven play whose frames mostly repeat, or a driven mobject
    whose own picture never changes during any driven play of the scene. A mobject whose
    standing still is the point (a dead unit over the whole run) sets `motion_still = True`,
    and must then not change at all."""
    problems = []
    for clip in clips:
        share = clip.moving_share()
        if share < min_share:
            problems.append(
                f"play() #{clip.beat} ({clip.subcaption[:50]!r}): only {share:.0%} of its "
                f"{len(clip.frames)} frames differ from the one before (need {min_share:.0%})")
    changed = {}
    for clip in clips:
        for i, mob in enumerate(clip.mobjects):
            seen = {pics[i] for pics in clip.pictures}
            changed[id(mob)] = changed.get(id(mob), False) or len(seen) > 1
    named = {id(m): m for clip in clips for m in clip.mobjects}
    for key, moved in changed.items():
        mob = named[key]
        if isinstance(mob, ValueTracker) or not mob.family_members_with_points():
            continue  # no picture of its own (a tracker, a placer): the frames' share above judges what it drives
        if getattr(mob, "motion_still", False):
            if moved:
                problems.append(f"{name_of(scene, mob)} should stand still but its picture "
                                f"changes")
        elif not moved:
            problems.append(f"{name_of(scene, mob)} is driven by an updater but its "
                            f"picture never changes during a driven play()")
    return problems
