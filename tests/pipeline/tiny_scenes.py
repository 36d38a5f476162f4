"""Tiny scenes for the pipeline tests: fast to render, each with one subcaption. Their lengths
are inputs the tests compare the joined video against."""

import os
import signal
import time
from pathlib import Path

from manim import BLUE, ORANGE, Circle, Create, FadeIn, Scene, Square

SQUARE_SECONDS = 1.0
CIRCLE_SECONDS = 1.0
CIRCLE_HOLD = 0.5


class TinySquare(Scene):
    def construct(self):
        square = Square(color=ORANGE, fill_color=ORANGE, fill_opacity=1)
        self.play(FadeIn(square), run_time=SQUARE_SECONDS, subcaption="a square")


class TinyCircle(Scene):
    def construct(self):
        circle = Circle(color=BLUE, fill_color=BLUE, fill_opacity=1)
        self.play(Create(circle), run_time=CIRCLE_SECONDS, subcaption="a circle")
        self.wait(CIRCLE_HOLD)


class TinyBroken(Scene):
    def construct(self):
        raise RuntimeError("this scene is broken on purpose")


# Narrated: each beat's words are spoken when the render has a voice. The words are inputs the
# narration tests compare the audio and the subtitles against.
NARRATED_WORDS = ("A square fades in.", "Then it turns, and the ŷ of this square is 3×3.")
NARRATED_SPOKEN = ("A square fades in.", "Then it turns, and the y hat of this square is 3 by 3.")
OTHER_WORDS = ("A circle, drawn in one stroke.",)


class TinyNarrated(Scene):
    def construct(self):
        from scenes.pacing import beat

        square = Square(color=ORANGE, fill_color=ORANGE, fill_opacity=1)
        beat(self, FadeIn(square), subcaption=NARRATED_WORDS[0])
        beat(self, square.animate.rotate(1.0), subcaption=NARRATED_WORDS[1], hold=0.5)


class TinyNarratedCircle(Scene):
    def construct(self):
        from scenes.pacing import beat

        beat(self, Create(Circle(color=BLUE)), subcaption=OTHER_WORDS[0])


BEEP_START = 0.2  # the tone starts this long into TinyBeep...
BEEP_SECONDS = 0.4  # ...and lasts this long,
BEEP_SCENE_SECONDS = 1.0  # in a scene this long
BEEP_HZ = 880


def _tone_file():
    """A mono 16-bit WAV of the tone, written beside manim's other working files."""
    import wave

    import numpy as np
    from manim import config

    path = Path(config.media_dir) / "tiny_tone.wav"
    rate = 44100
    t = np.arange(round(BEEP_SECONDS * rate)) / rate
    samples = (0.5 * 32767 * np.sin(2 * np.pi * BEEP_HZ * t)).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return path


class TinyBeep(Scene):
    """A scene with sound, as a narrated one has: a tone in the middle, silence around it."""

    def construct(self):
        self.add_sound(str(_tone_file()), time_offset=BEEP_START)
        self.play(FadeIn(Square(color=BLUE)), run_time=BEEP_SCENE_SECONDS, subcaption="a beep")


RUN_MARK_SECONDS = 1.0


def run_mark_colour(seed):
    return ORANGE if seed % 2 else BLUE


class TinyRunMark(Scene):
    """Shows which run it was rendered for: a square coloured by the run's seed, and the seed
    in its subcaption."""

    def construct(self):
        from scenes.run_data import load_scene_run

        seed = load_scene_run().config.seed
        colour = run_mark_colour(seed)
        square = Square(color=colour, fill_color=colour, fill_opacity=1)
        self.play(FadeIn(square), run_time=RUN_MARK_SECONDS, subcaption=f"seed {seed}")


def says_run(seed):
    return f"This run has seed {seed}."


class TinySaysRun(Scene):
    """A narrated beat about the run: its colour and its words (so, with a voice, its speech
    and its length) change with the run."""

    def construct(self):
        from scenes.pacing import beat
        from scenes.run_data import load_scene_run

        seed = load_scene_run().config.seed
        colour = run_mark_colour(seed)
        square = Square(color=colour, fill_color=colour, fill_opacity=1)
        beat(self, FadeIn(square), subcaption=says_run(seed))


class TinyReferenceMark(Scene):
    """Shows the committed default run's seed, whatever run the video is for."""

    def construct(self):
        from scenes.run_data import load_reference_run

        seed = load_reference_run().config.seed
        self.play(FadeIn(Square(color=run_mark_colour(seed))), run_time=RUN_MARK_SECONDS)


class TinyReadsRunFile(Scene):
    """Reads the run's file itself, without scenes.run_data's loaders."""

    def construct(self):
        import numpy as np

        from scenes.run_data import run_path

        with np.load(run_path()) as run:
            seed = int(run["seed"]) if "seed" in run.files else 0
        self.play(FadeIn(Square(color=run_mark_colour(seed))), run_time=RUN_MARK_SECONDS)


class TinyKillsItsWorker(Scene):
    """Ends the render worker that forked it, as a crash of the worker would."""

    def construct(self):
        parent = Path(f"/proc/{os.getppid()}/cmdline")
        if parent.exists() and b"pipeline.forkserver" in parent.read_bytes():
            os.kill(os.getppid(), signal.SIGKILL)
        raise SystemExit(1)


class TinySleeps(Scene):
    """Says it started (in the file $TINY_STARTED), then takes a minute."""

    def construct(self):
        Path(os.environ["TINY_STARTED"]).write_text("started")
        time.sleep(60)
