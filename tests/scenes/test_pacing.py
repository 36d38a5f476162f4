"""scenes.pacing.beat: the words set a beat's clock (the reading pace here, the speech with a
voice), the animations fill it, run_time is a minimum, a hold is a still tail that is checked
for layout but not counted as a beat."""

import pytest
from manim import DEGREES, DOWN, UP, Dot, FadeIn, Scene, Square, Text, ThreeDScene, tempconfig

from scenes import style, voice
from scenes.pacing import beat, is_hold, narration, reading_time
from scenes.spoken import speakable
from tests.scenes.harness import LayoutError, run_scene

SHORT = "Short."
LONG = ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen.")


class Logged(Scene):
    """Logs (duration, is_hold) of every play(), waits included."""

    def play(self, *args, **kwargs):
        super().play(*args, **kwargs)
        self.log.append((self.duration, is_hold(self)))


class Beats(Logged):
    def construct(self):
        self.log = []
        self.add(Dot(UP * 3))  # a picture is up: no beat here is an entrance (see Entrance)
        beat(self, FadeIn(Text("short")), subcaption=SHORT)
        beat(self, FadeIn(Text("long").shift(DOWN)), subcaption=LONG)
        beat(self, FadeIn(Square()), subcaption=SHORT, run_time=5)
        beat(self, FadeIn(Square().shift(DOWN)), subcaption=LONG, hold=1.5)
        beat(self, subcaption="Words alone, over a still frame.", spoken="W⁽¹⁾ is 3×3.")


class Entrance(Logged):
    def construct(self):
        self.log = []
        beat(self, FadeIn(Square()), subcaption=LONG)  # onto an empty picture
        beat(self, FadeIn(Text("then").shift(DOWN)), subcaption=LONG)


class CameraBeat(ThreeDScene):
    def construct(self):
        self.add(Dot(UP * 3))  # not an entrance
        beat(self, FadeIn(Square()), camera=dict(phi=60 * DEGREES, theta=-30 * DEGREES),
             subcaption="The camera turns while the square fades in.")


class OffFrameDuringHold(Scene):
    def construct(self):
        label = Text("moves away")
        # leaves the frame only while the beat is held
        label.add_updater(lambda m, dt: m.shift(DOWN * 20 * dt) if is_hold(self) else None)
        beat(self, FadeIn(label), subcaption="It drifts away while we wait.", hold=0.4)


def cue_seconds(scene):
    return [(c.end - c.start).total_seconds() for c in scene.renderer.file_writer.subcaptions]


def test_without_a_voice_the_reading_pace_is_the_clock(media_dir):
    scene = run_scene(Beats, media_dir)
    short = max(len(SHORT) / style.READING_CPS + style.BREATH, style.MIN_MOTION)
    long = len(LONG) / style.READING_CPS + style.BREATH
    assert long > style.MIN_MOTION + 1.5  # so that the words, not the motion, set these beats
    words = len("Words alone, over a still frame.") / style.READING_CPS + style.BREATH
    assert cue_seconds(scene) == pytest.approx([short, long, 5.0, long, words])
    assert scene.renderer.time == pytest.approx(short + long + 5.0 + long + words)
    for text, seconds in zip([SHORT, LONG, SHORT, LONG], cue_seconds(scene)):
        assert len(text) / seconds <= style.READING_CPS


def test_animations_fill_the_beat_except_its_hold(media_dir):
    scene = run_scene(Beats, media_dir)
    long = len(LONG) / style.READING_CPS + style.BREATH
    durations = [d for d, _ in scene.log]
    holds = [h for _, h in scene.log]
    # run_time=5 is a minimum that the short words do not reach; hold=1.5 is taken from the end.
    assert durations[:3] == pytest.approx([style.MIN_MOTION, long, 5.0])
    assert durations[3:5] == pytest.approx([long - 1.5, 1.5])
    assert holds == [False, False, False, False, True, False]
    assert scene.beats == 5  # the harness does not count the hold


def test_an_entrance_shows_the_picture_first_then_holds_it(media_dir):
    scene = run_scene(Entrance, media_dir)
    long = len(LONG) / style.READING_CPS + style.BREATH
    lead = style.ENTRANCE_LEAD
    assert [d for d, _ in scene.log] == pytest.approx([style.MIN_MOTION, lead + long - style.MIN_MOTION, long])
    assert [h for _, h in scene.log] == [False, True, False]
    assert cue_seconds(scene) == pytest.approx([long, long])
    # the words wait until the picture has begun to appear, and the next beat follows them
    first, second = scene.renderer.file_writer.subcaptions
    assert first.start.total_seconds() == pytest.approx(lead)
    assert second.start.total_seconds() == pytest.approx(lead + long)
    assert [r.start for r in narration(scene)] == pytest.approx([lead, lead + long])


def test_every_beat_records_its_words_in_spoken_form(media_dir):
    scene = run_scene(Beats, media_dir)
    records = narration(scene)
    assert [r.subcaption for r in records] == [c.content for c in scene.renderer.file_writer.subcaptions]
    assert records[-1].spoken == "W one is 3 by 3." == speakable("W⁽¹⁾ is 3×3.")
    assert records[0].spoken == SHORT
    assert all(r.speech is None for r in records)  # no voice in the test suite by default
    starts = [r.start for r in records]
    assert starts == pytest.approx([0, *[sum(r.seconds for r in records[:i]) for i in range(1, len(records))]])


def test_camera_moves_fill_the_beat(media_dir):
    scene = run_scene(CameraBeat, media_dir)
    text = "The camera turns while the square fades in."
    # (the turn's length rounds to whole frames)
    assert scene.renderer.time == pytest.approx(reading_time(text) + style.BREATH, abs=1 / scene.camera.frame_rate)
    assert scene.camera.get_phi() == pytest.approx(60 * DEGREES)


def test_layout_is_checked_during_the_hold(media_dir):
    with pytest.raises(LayoutError, match="hold"):
        run_scene(OffFrameDuringHold, media_dir)


class Spoken(Scene):
    def construct(self):
        beat(self, FadeIn(Square()), subcaption="ŷ = σ(z₂)")


def test_with_a_voice_the_speech_is_the_clock(media_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("TOYNET_VOICE", "default")
    monkeypatch.setenv("TOYNET_SPEECH_CACHE", str(tmp_path))
    scene = run_scene(Spoken, media_dir)
    (record,) = narration(scene)
    assert record.spoken == "y hat equals sigma of z two"
    assert record.speech is not None and record.speech.path.parent == tmp_path
    assert 1.0 < record.speech.seconds < 3.0  # six words
    assert record.seconds == pytest.approx(style.SPEECH_LEAD + record.speech.seconds + style.BREATH)
    # an entrance: the square shows first, and the voice starts with the subtitle
    assert record.start == pytest.approx(style.ENTRANCE_LEAD)
    assert scene.renderer.time == pytest.approx(style.ENTRANCE_LEAD + record.seconds)
    assert voice.wav_seconds(record.speech.path) == pytest.approx(record.speech.seconds)


def test_during_squeezes_an_animation_into_its_share_of_the_beat():
    from manim import Create, Line, ValueTracker, VGroup, Write

    from scenes.pacing import during

    # A Create of two pieces draws them one after the other; squeezed into the second half of
    # the beat, it has drawn nothing at 0.49 and everything at 1.
    pieces = VGroup(Line([0, 0, 0], [1, 0, 0]), Line([0, 1, 0], [1, 1, 0]))
    create = during(Create(pieces), 0.5, 1.0)
    create.begin()
    create.interpolate(0.49)
    assert all(len(p.points) == 0 or p.get_arc_length() < 1e-6 for p in pieces)
    create.interpolate(0.75)
    assert 0 < pieces[0].get_arc_length() and pieces[1].get_arc_length() < 1
    create.interpolate(1.0)
    assert pieces[0].get_arc_length() == pytest.approx(1) and pieces[1].get_arc_length() == pytest.approx(1)
    # Gathered in a group, a long Write (run time 2) and a short FadeIn keep their shares.
    from manim import AnimationGroup, FadeIn, Square, Text

    long_text, box = Text("a long line of text, long enough"), Square()
    together = AnimationGroup(during(Write(long_text), 0.0, 1.0), during(FadeIn(box), 0.5, 1.0))
    assert Write(Text("a long line of text, long enough")).run_time == 2
    together.begin()
    together.interpolate(0.45)
    assert box.get_fill_opacity() == 0 and box.get_stroke_opacity() == 0
    # `.animate` builders are built first, keeping the rate function they were given.
    tracker = ValueTracker(0.0)
    move = during(tracker.animate(rate_func=lambda t: t).set_value(1.0), 0.5, 1.0)
    move.begin()
    move.interpolate(0.4)
    assert tracker.get_value() == 0
    move.interpolate(0.75)
    assert tracker.get_value() == pytest.approx(0.5)


def test_a_beat_wide_rate_func_cannot_undo_the_windows_of_during():
    # play() hands its rate_func to every animation, so each during() window would be lost
    from manim import linear

    from scenes.pacing import during

    class Undone(Scene):
        def construct(self):
            self.add(Dot(UP * 3))
            beat(self, during(FadeIn(Square()), 0.5, 1.0), rate_func=linear, subcaption=SHORT)

    with pytest.raises(ValueError, match="during"):
        with tempconfig({"dry_run": True, "disable_caching": True}):
            Undone().render()
