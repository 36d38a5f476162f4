"""The words a scene shows for a given run: its subcaptions and the text on screen after every
play(), without drawing a single frame.

    words = scene_words(TrainingRun, run_path, media_dir)
    words.subcaptions   # in order
    words.on_screen     # every text seen on screen, in order of first appearance
    words.find("After that")  # the one subcaption that starts so
    words.beats         # (subcaption, texts on screen at its end) for every play() that speaks
                        # (text under an opaque cover does not count as on screen)

Scenes read their run from TOYNET_RUN (scenes/run_data.py), so the run is chosen by setting it
while the scene is built. Tests of run-dependent words take the `three_runs` fixture
(tests/scenes/conftest.py) and call this for each run.
"""

import functools
import os
from contextlib import contextmanager
from dataclasses import dataclass, field

from manim import BackgroundRectangle, DecimalNumber, MathTex, SingleStringMathTex, Tex, tempconfig

from tests.scenes.harness import LOW_RES, TEX_CACHE
from tests.scenes.layout import text_units


@dataclass
class Words:
    scene: object
    subcaptions: list = field(default_factory=list)
    on_screen: list = field(default_factory=list)
    beats: list = field(default_factory=list)

    def first_beat_showing(self, text):
        """The subcaption of the first beat that ends with `text` on screen."""
        for caption, texts in self.beats:
            if text in texts:
                return caption
        raise AssertionError(f"{text!r} is never on screen")

    def find(self, start):
        """The one subcaption that starts with `start`."""
        found = [s for s in self.subcaptions if s.startswith(start)]
        assert len(found) == 1, f"{len(found)} subcaptions start with {start!r}: {self.subcaptions}"
        return found[0]

    def text(self):
        """Subcaptions and on-screen texts as one string, for searches."""
        return "\n".join(self.subcaptions + self.on_screen)


def covered(scene, mob):
    """True when an opaque background-coloured rectangle drawn after mob hides all of it (a
    view waiting under scenes.widgets.tracked.cover)."""
    family = scene.get_mobject_family_members()
    if mob not in family:
        return False
    after = family[family.index(mob) + 1:]
    box = (mob.get_left()[0], mob.get_right()[0], mob.get_bottom()[1], mob.get_top()[1])
    for rect in after:
        if isinstance(rect, BackgroundRectangle) and rect.get_fill_opacity() >= 0.99:
            if (rect.get_left()[0] <= box[0] and box[1] <= rect.get_right()[0]
                    and rect.get_bottom()[1] <= box[2] and box[3] <= rect.get_top()[1]):
                return True
    return False


def shown_text(mob):
    """The text a text mobject shows."""
    if isinstance(mob, DecimalNumber):
        return mob._get_num_string(mob.get_value()) + (mob.unit or "")
    if isinstance(mob, (MathTex, SingleStringMathTex, Tex)):
        return mob.tex_string
    return getattr(mob, "original_text", None) or getattr(mob, "text", "")


@contextmanager
def scene_run(run_path):
    """TOYNET_RUN set to run_path while the block runs."""
    before = os.environ.get("TOYNET_RUN")
    os.environ["TOYNET_RUN"] = str(run_path)
    try:
        yield
    finally:
        if before is None:
            del os.environ["TOYNET_RUN"]
        else:
            os.environ["TOYNET_RUN"] = before


@functools.cache
def scene_words(scene_class, run_path, media_dir):
    """Build scene_class for the run at run_path and collect its words (no frame is drawn).
    Built once per test session: several test modules read the same scene's words for a run."""
    seen, beats = [], []

    class Listening(scene_class):
        def setup(self):
            super().setup()
            self.renderer.camera.capture_mobjects = lambda *args, **kwargs: None  # no pixels

        def play(self, *args, **kwargs):
            super().play(*args, **kwargs)
            texts = [shown_text(m) for m in text_units(self.mobjects) if not covered(self, m)]
            texts = [t for t in texts if t]
            seen.extend(t for t in texts if t not in seen)
            if kwargs.get("subcaption"):
                beats.append((kwargs["subcaption"], texts))

    Listening.__name__ = scene_class.__name__
    options = {"media_dir": str(media_dir), "format": None, "write_to_movie": False,
               "disable_caching": True, "tex_dir": str(TEX_CACHE), **LOW_RES}
    with scene_run(run_path), tempconfig(options):
        scene = Listening(skip_animations=True)
        scene.render()
    captions = [c.content for c in scene.renderer.file_writer.subcaptions]
    return Words(scene, captions, seen, beats)
