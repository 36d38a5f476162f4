"""Narrated tiny scenes, rendered with the bundled Piper voice at 128x72, 10 fps, joined, and
read back: one AAC track as long as the video, speech where the subtitles say, even loudness,
no clipping, cached speech reused, and no track at all with --voice none."""

import shutil
from pathlib import Path

import av
import numpy as np
import pytest

from pipeline import build, join, subtitles
from scenes import loudness, style, voice
from tests.pipeline import tiny_scenes as tiny

SOURCE = Path("tests/pipeline/tiny_scenes.py")
TINY = build.Quality("t", ("-r", "128,72", "--fps", "10"), "72p10")
FPS = 10
JOBS = [build.Job("TinyNarrated", SOURCE, "Narrated"), build.Job("TinyNarratedCircle", SOURCE, "Circle"),
        build.Job("TinySquare", SOURCE, "Silent")]


def make_build(out_dir, model):
    return build.Build(out_dir, TINY, run_path=None, echo=lambda *a: None, shared_files=[], voice=model)


def render_and_join(out_dir, model, jobs=JOBS, force=False):
    b = make_build(out_dir, model)
    outcomes = b.render_all(jobs, parallel=2, force=force)
    assert [o.status for o in outcomes] == ["rendered"] * len(jobs), [build.tail(o.log) for o in outcomes]
    video = Path(out_dir) / "narrated.mp4"
    chapters = b.join(jobs, video, Path(out_dir) / "narrated.srt")
    return b, video, chapters


@pytest.fixture(scope="module")
def narrated(media_dir):
    return render_and_join(Path(media_dir) / "narrated", voice.bundled_model())


def decoded_audio(video):
    with av.open(str(video)) as c:
        (stream,) = c.streams.audio
        rate = stream.codec_context.sample_rate
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in c.decode(stream)])
    return samples, rate


def embedded_cues(video):
    with av.open(str(video)) as c:
        cues = []
        for p in c.demux(c.streams.subtitles[0]):
            text = bytes(p)[2:].decode()
            if p.pts is not None and text:
                cues.append((text, float(p.pts * p.time_base), float((p.pts + p.duration) * p.time_base)))
    return cues


def test_one_aac_track_as_long_as_the_video(narrated):
    _, video, chapters = narrated
    with av.open(str(video)) as c:
        (audio,) = c.streams.audio
        assert audio.codec_context.name == "aac"
        video_end = max(float((p.pts + p.duration) * p.time_base) for p in c.demux(c.streams.video[0])
                        if p.pts is not None)
    samples, rate = decoded_audio(video)
    assert video_end == pytest.approx(float(chapters[-1].end), abs=1e-3)
    assert len(samples) / rate == pytest.approx(video_end, abs=1 / FPS)


def test_a_narrated_scene_has_one_audio_stream_as_long_as_its_video(narrated):
    # The scene's own MP4, before any join: its last beat ends on a still hold after the
    # speech, and the sound still lasts as long as the frames (manim alone ends it earlier).
    b, _, _ = narrated
    for job in JOBS[:2]:
        scene = b.entry(job).mp4
        with av.open(str(scene)) as c:
            (audio,) = c.streams.audio
            listed = float(audio.duration * audio.time_base)  # what the container says
            video_end = max(float((p.pts + p.duration) * p.time_base)
                            for p in c.demux(c.streams.video[0]) if p.pts is not None)
        assert listed == pytest.approx(video_end, abs=1e-3), job.name
        # Decoded, the last AAC frame comes out whole (up to 1023 samples more).
        samples, rate = decoded_audio(scene)
        assert abs(len(samples) / rate - video_end) <= 1 / FPS, job.name
        # ... and the speech starts with its cue, not shifted by the encoder's priming.
        first_cue = subtitles.parse_srt(b.entry(job).srt.read_text(encoding="utf-8"))[0].start_ms / 1000
        onset, _ = loudness.speech_spans(samples, rate, min_gap=0.35)[0]
        assert 0 <= onset - first_cue <= 0.25, job.name


def test_speech_onsets_match_the_cue_starts_and_end_before_the_cues(narrated):
    _, video, _ = narrated
    samples, rate = decoded_audio(video)
    # Speech found by energy alone: 10 ms frames within 40 dB of the loudest, pauses of 0.35 s
    # or more between beats (a sentence's own pauses are shorter).
    spans = loudness.speech_spans(samples, rate, min_gap=0.35)
    cues = embedded_cues(video)
    assert [c[0] for c in cues] == [*tiny.NARRATED_WORDS, *tiny.OTHER_WORDS, "a square"]
    spoken_cues = cues[:3]  # the silent scene's cue has no speech
    assert len(spans) == len(spoken_cues), spans
    for (text, start, end), (onset, offset) in zip(spoken_cues, spans):
        assert abs(onset - start) <= 0.25, (text, start, onset)
        assert offset < end, (text, offset, end)


def test_loudness_is_even_and_nothing_clips(narrated):
    _, video, chapters = narrated
    spoken = [c for c in chapters if c.loudness_db is not None]
    assert [c.title for c in spoken] == ["Narrated", "Circle"]
    assert chapters[2].loudness_db is None  # the silent scene
    levels = [c.loudness_db for c in spoken]
    assert max(levels) - min(levels) < 1.0
    assert all(abs(level - voice.LOUDNESS_DB) < 1.5 for level in levels)
    samples, _ = decoded_audio(video)  # after AAC encoding, as a player gets it
    assert np.abs(samples).max() < 10 ** (-0.5 / 20)


def test_the_voice_sets_the_scene_length(narrated):
    b, _, _ = narrated
    clips = [voice.Speaker(voice.bundled_model(), b.speech_dir).key(w) for w in tiny.NARRATED_SPOKEN]
    seconds = [voice.wav_seconds(b.speech_dir / f"{k}.wav") for k in clips]
    beats = [style.SPEECH_LEAD + s + style.BREATH for s in seconds]
    beats[1] = max(beats[1], style.MIN_MOTION + 0.5)  # the second beat has a 0.5 s hold
    beats[0] += style.ENTRANCE_LEAD  # the first beat is an entrance: the square shows first
    scene = b.entry(JOBS[0]).mp4
    assert build.video_seconds(scene) == pytest.approx(sum(beats), abs=2 / FPS)


def test_a_second_render_reuses_the_cached_speech(narrated):
    b, _, _ = narrated
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in b.speech_dir.iterdir()}
    assert len(before) == 3  # one clip per beat
    render_and_join(b.out_dir, b.voice, JOBS[:1], force=True)
    log = b.entry(JOBS[0]).log.read_text()
    assert log.count("speech reused") == 2 and "speech synthesised" not in log
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in b.speech_dir.iterdir()}
    assert after.keys() == before.keys()
    assert all(after[n][0] == before[n][0] for n in before)  # the same clips, not written again
    # ...but marked as used, so the cache's limit keeps them over clips not spoken for a while
    assert sum(after[n][1] > before[n][1] for n in before) == 2


def test_changed_words_render_again_and_say_the_new_words(narrated, tmp_path):
    b, _, _ = narrated
    source = tmp_path / "words.py"
    text = Path(SOURCE).read_text()
    source.write_text(text)
    job = build.Job("TinyNarratedCircle", source, "Circle")
    render_and_join(b.out_dir, b.voice, [job])
    old = set(p.name for p in b.speech_dir.iterdir())
    source.write_text(text.replace(tiny.OTHER_WORDS[0], "A circle, drawn in two strokes."))
    outcome, = b.render_all([job])
    assert outcome.status == "rendered"  # the words are part of the scene's fingerprint
    new = set(p.name for p in b.speech_dir.iterdir()) - old
    assert len(new) == 1
    assert b.entry(job).srt.read_text().count("drawn in two strokes") == 1


def test_voice_none_gives_no_audio_stream(media_dir):
    _, video, chapters = render_and_join(Path(media_dir) / "silent", None, JOBS[:1])
    with av.open(str(video)) as c:
        assert len(c.streams.audio) == 0
    # The reading pace sets the length instead: each subtitle at 15 characters per second.
    reading = [len(w) / style.READING_CPS + style.BREATH for w in tiny.NARRATED_WORDS]
    reading[1] = max(reading[1], style.MIN_MOTION + 0.5)
    reading[0] += style.ENTRANCE_LEAD  # an entrance: the square shows before the words
    assert float(chapters[-1].end) == pytest.approx(sum(reading), abs=2 / FPS)
    assert chapters[0].loudness_db is None


def test_a_scene_that_fails_to_speak_is_reported(narrated, tmp_path):
    b, _, _ = narrated
    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"not a model")
    shutil.copyfile(f"{voice.bundled_model()}.json", f"{bad}.json")
    nb = make_build(tmp_path / "out", bad)
    (outcome,) = nb.render_all(JOBS[:1])
    assert outcome.status == "failed"
    assert "cannot load the voice" in build.tail(outcome.log)


def test_any_piper_voice_file_can_narrate(tmp_path, monkeypatch, capsys):
    from pipeline import __main__ as cli

    model = tmp_path / "my voice.onnx"  # any path, even one with a space
    model.symlink_to(voice.bundled_model())
    Path(f"{model}.json").symlink_to(f"{voice.bundled_model()}.json")
    monkeypatch.setattr(build, "jobs_from_registry", lambda names=None: [JOBS[1]])
    assert cli.main(["--out", str(tmp_path / "out"), "--voice", str(model), "TinyNarratedCircle"]) == 0
    assert "narration: 1 of 1 scenes speak" in capsys.readouterr().out
    with av.open(str(tmp_path / "out" / "selection.mp4")) as c:
        assert len(c.streams.audio) == 1
