"""scenes.pacing.beat: a beat lasts long enough to read its subcaption, and its hold is
checked for layout but not counted as a beat of its own."""

import pytest
from manim import DOWN, FadeIn, Scene, Text

from scenes import style
from scenes.pacing import beat, is_hold
from tests.scenes.harness import LayoutError, run_scene

LONG = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"


class TwoBeats(Scene):
    def construct(self):
        beat(self, FadeIn(Text("short")), subcaption="Short.", run_time=1.0)
        beat(self, FadeIn(Text("long").shift(DOWN)), subcaption=LONG, run_time=1.0)


class OffFrameDuringHold(Scene):
    def construct(self):
        label = Text("moves away")
        # leaves the frame only while the beat is held
        label.add_updater(lambda m, dt: m.shift(DOWN * 20 * dt) if is_hold(self) else None)
        beat(self, FadeIn(label), subcaption="It drifts away while we wait.", run_time=0.2)


def test_holds_follow_the_reading_pace_and_are_not_beats(media_dir):
    scene = run_scene(TwoBeats, media_dir)
    assert scene.beats == 2
    cues = scene.renderer.file_writer.subcaptions
    assert [c.content for c in cues] == ["Short.", LONG]
    short = (cues[0].end - cues[0].start).total_seconds()
    long = (cues[1].end - cues[1].start).total_seconds()
    assert short == pytest.approx(1.0 + style.MIN_HOLD)
    assert long == pytest.approx(len(LONG.split()) / style.WORDS_PER_SECOND)
    assert scene.renderer.time == pytest.approx(short + long)


def test_layout_is_checked_during_the_hold(media_dir):
    with pytest.raises(LayoutError, match="hold"):
        run_scene(OffFrameDuringHold, media_dir)
