"""Construct any scene at low resolution, with the layout rules checked after every play().

    scene = run_scene(SceneClass, tmp_path) # raises LayoutError on the first bad beat
    frame = scene.renderer.get_frame()      # (H, W, 4) uint8 of the final state
    scene.motion.clips                      # the tracker- and updater-driven animations,
                                            # rendered for real (see tests/scenes/motion.py)

Scenes need no test code of their own to be covered: tests/scenes/test_all_scenes.py runs
every scene of the registry through here.
"""

import os
from pathlib import Path

from manim import tempconfig

from scenes.pacing import is_hold
from tests.scenes import craft
from tests.scenes.layout import layout_problems
from tests.scenes.motion import MotionRecorder

LOW_RES = {"pixel_width": 320, "pixel_height": 180, "frame_rate": 5}
# One TeX cache for every test: a formula compiled once is reused by later scenes and runs.
# Each pytest-xdist worker has its own: manim's cache is not safe for two writers at once.
# (beside the shared one, not in it: manim empties its TeX folder of everything but SVGs)
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
TEX_CACHE = Path(__file__).resolve().parents[2] / ".cache" / (f"tex-{_WORKER}" if _WORKER else "tex")


class LayoutError(AssertionError):
    pass


def _with_layout_checks(scene_class):
    class Checked(scene_class):
        def setup(self):
            self.craft_problems = []
            super().setup()
            self.motion = MotionRecorder()
            self.motion.hook(self.renderer)

        def play(self, *args, **kwargs):
            self._cue = kwargs.get("subcaption")
            # an entrance's words start after its picture (pacing.beat's subcaption_offset)
            self._cue_start = kwargs.get("subcaption_offset", 0) + craft.rules.EMPTY_START
            self.motion.begin(self, args, self.beats + 1, self._cue)
            self._samples = None  # the times a driven play is checked at (update_to_time)
            try:
                super().play(*args, **kwargs)
                if self.motion.current is not None:  # a driven play ends where it stops
                    self._check_frame(at_start=False)
            finally:
                self.motion.end(self)
            # The hold of a pacing.beat is checked too, but it is part of its beat.
            where = f"the hold after play() #{self.beats}" if is_hold(self) else None
            if where is None:
                self.beats += 1
                where = f"after play() #{self.beats}"
            problems = layout_problems(self)
            if problems:
                raise LayoutError(
                    f"{scene_class.__name__}, {where}:\n  " + "\n  ".join(problems)
                )

        def update_to_time(self, t):
            # skip_animations jumps each play() to its end: look at its first moments and its
            # middle first, where a camera turn or a flight may cross the subtitle band.
            if self.renderer.skip_animations and t > 0:
                start = min(self._cue_start, t)
                for early in sorted({start, t / 2}):
                    if early < t:
                        super().update_to_time(early)
                        self._check_frame(at_start=early == start)
            super().update_to_time(t)
            if self.renderer.skip_animations and t > 0:
                self._check_frame(at_start=False)
            elif not self.renderer.skip_animations:
                self._check_driven(t)

        def _check_driven(self, t):
            """A driven play is rendered frame by frame (tests/scenes/motion.py): check the
            first frame at or after the same start and middle times."""
            if self._samples is None:
                start = min(self._cue_start, self.duration)
                self._samples = [(start, True), (self.duration / 2, False)]
                self._samples.sort()
            while self._samples and t >= self._samples[0][0] - 1e-9:
                _, at_start = self._samples.pop(0)
                self._check_frame(at_start=at_start)

        def _check_frame(self, at_start):
            self.renderer.update_frame(self)
            frame = self.renderer.get_frame()
            where = f"play() #{self.beats + 1}"
            if craft.in_band(frame):
                self.craft_problems.append(("band", f"{where} draws in the subtitle band"))
            if at_start and self._cue and craft.empty_picture(frame):
                self.craft_problems.append(("empty start", f"{where} opens on an empty picture "
                                                           f"while it says: {self._cue[:60]!r}"))

    Checked.beats = 0
    Checked.__name__ = scene_class.__name__
    Checked._cue = None
    Checked._cue_start = 0.0
    Checked.craft_problems = None
    return Checked


_RENDERED = {}


def run_scene(scene_class, media_dir, check_layout=True, **config):
    """Render scene_class with skip_animations at low resolution and return the scene.

    A scene is constructed once per test session for the same options: the registry-wide test
    and a chapter's own tests share it, since building the formulas is the costly part.
    Tests must treat the returned scene as read-only.
    """
    key = (scene_class, check_layout, tuple(sorted(config.items())))
    if key not in _RENDERED:
        _RENDERED[key] = _render(scene_class, media_dir, check_layout, config)
    return _RENDERED[key]


def _render(scene_class, media_dir, check_layout, config):
    options = {"media_dir": str(media_dir), "format": None, "write_to_movie": False,
               "disable_caching": True, "tex_dir": str(TEX_CACHE), **LOW_RES, **config}
    cls = _with_layout_checks(scene_class) if check_layout else scene_class
    with tempconfig(options):
        scene = cls(skip_animations=True)
        scene.render()
        # skip_animations leaves the last state unrendered: draw it so get_frame() shows it.
        scene.renderer.update_frame(scene)
    return scene
