"""Switching runs back and forth: only the scene that reads the run renders for a new run,
going back to a run renders nothing, and every joined video has that run's scenes, chapters,
subtitles and sound. Tiny scenes at 128x72, 10 fps."""

from pathlib import Path

import av
import numpy as np
import pytest
import srt

from pipeline import build, join
from scenes import loudness, registry, style, voice
from tests.pipeline import tiny_scenes as tiny
from tests.pipeline.sound import audio_seconds, loud_spans
from tests.pipeline.test_join import FPS, SOURCE, TINY
from toynet_core import TrainConfig, train

JOBS = [build.Job("TinySquare", SOURCE, "Square"),
        build.Job("TinyRunMark", SOURCE, "Which run", frozenset({registry.RUN})),
        build.Job("TinyBeep", SOURCE, "Beep")]
MARK_START = tiny.SQUARE_SECONDS
BEEP_START = MARK_START + tiny.RUN_MARK_SECONDS
TOTAL = BEEP_START + tiny.BEEP_SCENE_SECONDS


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("runs")
    paths = {}
    for seed in (1, 2):
        paths[seed] = folder / f"seed{seed}.npz"
        train(TrainConfig(seed=seed, steps=200, snapshots=3, grid_size=8)).save(paths[seed])
    return paths


@pytest.fixture(scope="module")
def out(media_dir):
    return Path(media_dir) / "switching"


def render_and_join(out, run):
    b = build.Build(out, TINY, run, echo=lambda *a: None, shared_files=[])
    statuses = {o.job.name: o.status for o in b.render_all(JOBS, parallel=2)}
    chapters = b.join(JOBS, out / "toynet.mp4", out / "toynet.srt")
    return b, statuses, chapters


def mark_colour(video):
    """Red minus blue at the centre of the run mark's last frame."""
    with av.open(str(video)) as c:
        frames = [(float(f.pts * f.time_base), f.to_ndarray(format="rgb24")) for f in c.decode(video=0)]
    _, img = [f for f in frames if f[0] < BEEP_START][-1]
    r, _, b = img[32:40, 60:68].reshape(-1, 3).astype(int).mean(axis=0)
    return r - b


def check_video(out, seed):
    video = out / "toynet.mp4"
    with av.open(str(video)) as c:
        titles = [ch["metadata"]["title"] for ch in c.chapters()]
        starts = [float(ch["start"] * ch["time_base"]) for ch in c.chapters()]
        duration = float(c.duration) / av.time_base
    assert titles == [j.title for j in JOBS]
    assert starts == pytest.approx([0, MARK_START, BEEP_START], abs=1e-3)
    assert duration == pytest.approx(TOTAL, abs=0.05)
    cues = [(c.content, c.start.total_seconds()) for c in srt.parse((out / "toynet.srt").read_text())]
    assert [text for text, _ in cues] == ["a square", f"seed {seed}", "a beep"]
    assert cues[1][1] == pytest.approx(MARK_START, abs=1e-3)
    tint = mark_colour(video)
    assert tint > 50 if tiny.run_mark_colour(seed) == tiny.ORANGE else tint < -50
    (loud,) = loud_spans(video)
    beep = BEEP_START + tiny.BEEP_START
    assert loud == pytest.approx((beep, beep + tiny.BEEP_SECONDS), abs=0.03)


def not_joined(*args, **kwargs):
    raise AssertionError("joined again")


def test_switching_runs_back_and_forth(out, runs, monkeypatch):
    _, statuses, chapters = render_and_join(out, runs[1])
    assert set(statuses.values()) == {"rendered"}
    check_video(out, 1)
    first = (out / "toynet.mp4").read_bytes()

    # A new run renders only the scene that reads it.
    b, statuses, chapters = render_and_join(out, runs[2])
    assert statuses == {"TinySquare": "up to date", "TinyRunMark": "rendered", "TinyBeep": "up to date"}
    assert chapters is not None
    check_video(out, 2)
    kept = {j.name: b.entry(j).mp4.stat().st_mtime_ns for j in JOBS}

    # Going back renders nothing and joins nothing: the earlier run's renders were kept, and
    # so was the video joined from them.
    monkeypatch.setattr(join, "join", not_joined)
    b, statuses, chapters = render_and_join(out, runs[1])
    assert set(statuses.values()) == {"up to date"}
    assert [c.title for c in chapters] == [j.title for j in JOBS]
    check_video(out, 1)
    assert (out / "toynet.mp4").read_bytes() == first
    assert len(list((out / "cache" / "TinyRunMark").glob("*.mp4"))) == 2  # one per run

    b, statuses, chapters = render_and_join(out, runs[2])
    assert set(statuses.values()) == {"up to date"}
    assert {j.name: b.entry(j).mp4.stat().st_mtime_ns for j in JOBS} == kept
    check_video(out, 2)
    _, _, chapters = render_and_join(out, runs[2])
    assert chapters is None  # the joined video already is this run's


# default run -> seed N -> default -> seed N, with and without a voice: a narrated scene that
# reads the run between two that do not (one silent, one narrated).
SAYS = [build.Job("TinySquare", SOURCE, "Square"),
        build.Job("TinySaysRun", SOURCE, "The run", frozenset({registry.RUN})),
        build.Job("TinyNarratedCircle", SOURCE, "Circle")]
SEED_N = 3  # odd: its mark is orange, the default run's (seed 0) blue


def says_build(out, run, model):
    return build.Build(out, TINY, run, echo=lambda *a: None, shared_files=[], voice=model)


def check_says_video(b, seed, model):
    """The joined video holds this run's renders, with chapters, subtitles and sound in step."""
    video = b.out_dir / "toynet.mp4"
    lengths = [build.video_seconds(b.entry(job).mp4) for job in SAYS]
    starts = [sum(lengths[:i]) for i in range(len(SAYS))]
    with av.open(str(video)) as c:
        assert [ch["metadata"]["title"] for ch in c.chapters()] == [j.title for j in SAYS]
        assert [float(ch["start"] * ch["time_base"]) for ch in c.chapters()] == pytest.approx(starts, abs=1e-3)
        frames = [(float(f.pts * f.time_base), f.to_ndarray(format="rgb24")) for f in c.decode(video=0)]
        has_audio = len(c.streams.audio) == 1
    assert frames[-1][0] == pytest.approx(sum(lengths) - 1 / FPS, abs=1e-3)
    # The run's own picture, in the middle of its chapter.
    _, img = [f for f in frames if f[0] <= starts[1] + lengths[1] / 2][-1]
    r, _, blue = img[32:40, 60:68].reshape(-1, 3).astype(int).mean(axis=0)
    assert r - blue > 50 if tiny.run_mark_colour(seed) == tiny.ORANGE else r - blue < -50
    cues = [(c.content, c.start.total_seconds()) for c in srt.parse((b.out_dir / "toynet.srt").read_text())]
    assert [text for text, _ in cues] == ["a square", tiny.says_run(seed), *tiny.OTHER_WORDS]
    # the two narrated scenes open with an entrance: their words follow the picture's start
    lead = [0, style.ENTRANCE_LEAD, style.ENTRANCE_LEAD]
    assert [start for _, start in cues] == pytest.approx([s + d for s, d in zip(starts, lead)], abs=1e-3)
    assert has_audio == (model is not None)
    if model is not None:
        with av.open(str(video)) as c:
            stream = c.streams.audio[0]
            rate = stream.codec_context.sample_rate
            samples = np.concatenate([f.to_ndarray().reshape(-1) for f in c.decode(stream)])
        assert len(samples) / rate == pytest.approx(sum(lengths), abs=1 / FPS)
        spans = loudness.speech_spans(samples, rate, min_gap=0.35)
        assert len(spans) == 2, spans  # the two narrated beats, each right after its cue
        for (_, cue), (onset, _) in zip(cues[1:], spans):
            assert 0 <= onset - cue <= 0.25


@pytest.mark.parametrize("spoken", [False, True], ids=["voice none", "bundled voice"])
def test_default_run_to_a_seed_and_back(spoken, media_dir, tmp_path_factory, monkeypatch):
    model = voice.bundled_model() if spoken else None
    out = Path(media_dir) / f"says-{'voice' if spoken else 'silent'}"
    seed_run = tmp_path_factory.mktemp("seed") / f"seed{SEED_N}.npz"
    train(TrainConfig(seed=SEED_N, steps=200, snapshots=3, grid_size=8)).save(seed_run)

    def step(run):
        b = says_build(out, run, model)
        statuses = [o.status for o in b.render_all(SAYS, parallel=2)]
        b.join(SAYS, out / "toynet.mp4", out / "toynet.srt")
        return b, statuses

    b, statuses = step(None)  # the default run
    assert statuses == ["rendered"] * 3
    check_says_video(b, 0, model)
    default_video = (out / "toynet.mp4").read_bytes()

    b, statuses = step(seed_run)
    assert statuses == ["up to date", "rendered", "up to date"]  # only the scene that reads it
    check_says_video(b, SEED_N, model)

    monkeypatch.setattr(join, "join", not_joined)  # going back joins nothing either
    b, statuses = step(None)
    assert statuses == ["up to date"] * 3
    check_says_video(b, 0, model)
    assert (out / "toynet.mp4").read_bytes() == default_video

    b, statuses = step(seed_run)
    assert statuses == ["up to date"] * 3
    check_says_video(b, SEED_N, model)


def test_joined_video_frames_and_sound_run_on_one_clock(out, runs):
    render_and_join(out, runs[1])
    video = out / "toynet.mp4"
    with av.open(str(video)) as c:
        frames = sum(1 for _ in c.decode(video=0))
    assert frames == round(TOTAL * FPS)
    assert audio_seconds(video) == pytest.approx(TOTAL, abs=0.03)  # silence where no scene has sound
