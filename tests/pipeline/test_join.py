"""Renders two tiny scenes at 128x72, 10 fps, joins them, and reads the result back with PyAV."""

import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
import srt

from pipeline import build, join, stamps
from tests.pipeline import tiny_scenes as tiny

SOURCE = Path("tests/pipeline/tiny_scenes.py")
TINY = build.Quality("t", ("-r", "128,72", "--fps", "10"), "72p10")
FPS = 10
JOBS = [build.Job("TinySquare", SOURCE, "Square"), build.Job("TinyCircle", SOURCE, "Circle")]
SQUARE_END = tiny.SQUARE_SECONDS
TOTAL = tiny.SQUARE_SECONDS + tiny.CIRCLE_SECONDS + tiny.CIRCLE_HOLD


def make_build(out_dir):
    # shared_files=[]: these scenes use none of the project's modules, which change all the time.
    return build.Build(out_dir, TINY, run_path=None, echo=lambda *a: None, shared_files=[])


@pytest.fixture(scope="module")
def joined(media_dir):
    out = Path(media_dir) / "pipeline"
    b = make_build(out)
    outcomes = b.render_all(JOBS, parallel=2)
    assert [o.status for o in outcomes] == ["rendered", "rendered"]
    video, sidecar = out / "toynet.mp4", out / "toynet.srt"
    chapters = b.join(JOBS, video, sidecar)
    assert chapters is not None
    return b, video, sidecar


def test_chapters_titles_and_start_times(joined):
    _, video, _ = joined
    with av.open(str(video)) as c:
        chapters = c.chapters()
    assert [ch["metadata"]["title"] for ch in chapters] == ["Square", "Circle"]
    starts = [float(ch["start"] * ch["time_base"]) for ch in chapters]
    ends = [float(ch["end"] * ch["time_base"]) for ch in chapters]
    assert starts == pytest.approx([0.0, SQUARE_END], abs=1e-3)
    assert ends == pytest.approx([SQUARE_END, TOTAL], abs=1e-3)


def test_total_duration_and_frames(joined):
    _, video, _ = joined
    with av.open(str(video)) as c:
        assert float(c.duration) / av.time_base == pytest.approx(TOTAL, abs=1e-3)
        frames = [(float(f.pts * f.time_base), f.to_ndarray(format="rgb24")) for f in c.decode(video=0)]
    times = [t for t, _ in frames]
    assert len(frames) == round(TOTAL * FPS)
    assert times == pytest.approx([i / FPS for i in range(len(frames))], abs=1e-3)
    # The frames before the chapter change show the orange square, those after the blue circle.
    def tint(img):  # red minus blue at the centre, where both shapes are
        r, _, b = img[32:40, 60:68].reshape(-1, 3).astype(int).mean(axis=0)
        return r - b
    last_square = max(i for i, t in enumerate(times) if t < SQUARE_END)
    assert tint(frames[last_square][1]) > 50
    assert tint(frames[-1][1]) < -50


def _expected_cues():
    return [("a square", 0.0, tiny.SQUARE_SECONDS),
            ("a circle", SQUARE_END, SQUARE_END + tiny.CIRCLE_SECONDS)]


def test_sidecar_srt_cues(joined):
    _, _, sidecar = joined
    cues = list(srt.parse(sidecar.read_text()))
    got = [(c.content, c.start.total_seconds(), c.end.total_seconds()) for c in cues]
    assert [g[0] for g in got] == [e[0] for e in _expected_cues()]
    for (_, s, e), (_, s0, e0) in zip(got, _expected_cues()):
        assert (s, e) == pytest.approx((s0, e0), abs=1e-3)


def test_embedded_subtitle_track(joined):
    _, video, _ = joined
    with av.open(str(video)) as c:
        (track,) = c.streams.subtitles
        assert track.codec_context is None or track.codec_context.name == "mov_text"
        cues = []
        for p in c.demux(track):
            text = bytes(p)[2:].decode()
            if p.pts is not None and text:  # the muxer fills gaps with empty samples
                cues.append((text, float(p.pts * p.time_base), float((p.pts + p.duration) * p.time_base)))
    assert [g[0] for g in cues] == [e[0] for e in _expected_cues()]
    for (_, s, e), (_, s0, e0) in zip(cues, _expected_cues()):
        assert (s, e) == pytest.approx((s0, e0), abs=1e-3)


def test_interrupted_join_leaves_no_final_file(joined, tmp_path):
    b, _, _ = joined
    parts = [join.Part(b.entry(j).mp4, b.entry(j).srt, j.title) for j in JOBS]

    def interrupt(i):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        join.join(parts, tmp_path / "v.mp4", tmp_path / "v.srt", _after_part=interrupt)
    assert list(tmp_path.iterdir()) == []


def test_unchanged_scenes_are_not_rendered_again(joined):
    b, video, sidecar = joined
    before = {j.name: b.entry(j).mp4.stat().st_mtime_ns for j in JOBS}
    outcomes = b.render_all(JOBS, parallel=2)
    assert [o.status for o in outcomes] == ["up to date", "up to date"]
    assert {j.name: b.entry(j).mp4.stat().st_mtime_ns for j in JOBS} == before
    assert b.join(JOBS, video, sidecar) is None  # the joined video is current too


def test_nothing_to_do_imports_neither_manim_nor_pyav(joined):
    # A re-run with every scene and the joined video up to date only hashes and compares.
    b, video, sidecar = joined
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pipeline import build\n"
        f"quality = build.Quality('t', {TINY.args!r}, {TINY.folder!r})\n"
        f"b = build.Build(Path({str(b.out_dir)!r}), quality, shared_files=[])\n"
        f"jobs = [build.Job(n, Path({str(SOURCE)!r}), t) for n, t in {[(j.name, j.title) for j in JOBS]!r}]\n"
        "assert {o.status for o in b.render_all(jobs)} == {'up to date'}\n"
        f"assert b.join(jobs, Path({str(video)!r}), Path({str(sidecar)!r})) is None\n"
        "assert 'manim' not in sys.modules and 'av' not in sys.modules, 'heavy import'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=stamps.ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_failed_scene_is_named_and_others_kept(joined):
    b, _, _ = joined
    broken = build.Job("TinyBroken", SOURCE, "Broken")
    outcomes = b.render_all([JOBS[0], broken])
    assert [o.status for o in outcomes] == ["up to date", "failed"]
    assert outcomes[1].job.name == "TinyBroken"
    assert "broken on purpose" in build.tail(outcomes[1].log)
    assert b.entry(JOBS[0]).mp4.exists()
    assert not b.entry(broken).stamp.exists()


def test_incompatible_inputs_are_refused(joined, tmp_path):
    b, _, _ = joined
    other = tmp_path / "big.mp4"
    with av.open(str(other), "w") as c:  # same codec, other size
        s = c.add_stream("libx264", rate=FPS)
        s.width, s.height, s.pix_fmt = 160, 90, "yuv420p"
        for _ in range(3):
            frame = av.VideoFrame.from_ndarray(np.zeros((90, 160, 3), np.uint8), format="rgb24")
            c.mux(s.encode(frame))
        c.mux(s.encode(None))
    parts = [join.Part(b.entry(JOBS[0]).mp4, None, "a"), join.Part(other, None, "b")]
    with pytest.raises(join.JoinError, match="does not match"):
        join.join(parts, tmp_path / "v.mp4")
    assert not (tmp_path / "v.mp4").exists()


def test_poster_sheet_tiles_last_frames_in_order(joined, tmp_path):
    from PIL import Image

    from pipeline import poster

    b, _, _ = joined
    image, missing = poster.make(JOBS + [build.Job("NotRendered", SOURCE, "x")], b.out_dir, TINY,
                                 tmp_path / "chapters.png", shared_files=[])
    assert missing == ["NotRendered"]
    sheet = Image.open(image).convert("RGB")
    assert sheet.size == (poster.GAP + 2 * (poster.TILE_W + poster.GAP),
                          2 * poster.GAP + poster.TILE_H + poster.CAPTION_H)
    centres = [sheet.getpixel((poster.GAP + i * (poster.TILE_W + poster.GAP) + poster.TILE_W // 2,
                               poster.GAP + poster.TILE_H // 2)) for i in range(2)]
    (r0, _, b0), (r1, _, b1) = centres
    assert r0 - b0 > 50 and b1 - r1 > 50  # the square's tile first, then the circle's


def test_a_join_names_the_scenes_whose_code_changed_since_their_render(media_dir, tmp_path):
    # A file edited while a video renders makes its renders stale before they are joined:
    # the error says which scene and which file, not just that something is missing.
    source = tmp_path / "scenes_copy.py"
    source.write_text(SOURCE.read_text())
    square, circle = build.Job("TinySquare", source, "Square"), build.Job("TinyCircle", source, "Circle")
    b = make_build(Path(media_dir) / "stale")
    assert [o.status for o in b.render_all([square])] == ["rendered"]
    source.write_text(source.read_text() + "\n# edited after the render\n")
    with pytest.raises(join.JoinError) as err:
        b.join([square, circle], tmp_path / "v.mp4", tmp_path / "v.srt")
    message = str(err.value)
    assert "TinySquare (" in message and "changed since its last render" in message
    assert "scenes_copy.py" in message
    assert "TinyCircle (not rendered yet)" in message
    assert not (tmp_path / "v.mp4").exists()
