"""tools.video_lint finds exactly the faults a synthetic video was made with."""

from fractions import Fraction

import av
import numpy as np
import pytest

from pipeline import subtitles
from tools import video_lint

FPS = 10
W, H = 160, 90
BG = (16, 20, 24)


def frame(square_x=None, band=False, title=True):
    img = np.zeros((H, W, 3), np.uint8) + np.array(BG, np.uint8)
    if title:
        img[2:10, 60:100] = 230  # a title, in the top band
    if square_x is not None:
        img[30:50, square_x:square_x + 20] = (59, 155, 224)  # the picture
    if band:
        img[H - 6:H - 2, 20:60] = 230  # something where subtitles go
    return img


def write(path, seconds_frames, chapters):
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        stream.options = {"crf": "12"}
        tb = Fraction(1, 1000)
        out.set_chapters([{"id": i + 1, "start": int(s * 1000), "end": int(e * 1000), "time_base": tb,
                           "metadata": {"title": t}} for i, (s, e, t) in enumerate(chapters)])
        for img in seconds_frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


@pytest.fixture(scope="module")
def linted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lint")
    frames = []
    frames += [frame(20 + 4 * i) for i in range(20)]  # cue 1 (0-2 s): the square moves
    frames += [frame(100)] * 20  # cue 2 (2-4 s): nothing moves
    frames += [frame(100 - 3 * i, band=True) for i in range(20)]  # cue 3 (4-6 s): in the band
    frames += [frame(None)] * 8 + [frame(20 + 5 * i) for i in range(12)]  # cue 4 (6-8 s): empty start
    video = tmp / "v.mp4"
    write(video, frames, [(0, 4, "First"), (4, 8, "Second")])
    cues = [subtitles.Cue(0, 2000, "A square slides to the right."),
            subtitles.Cue(2000, 4000, "It rests."),
            subtitles.Cue(4000, 6000, "Something is drawn where the subtitles go, far too fast to read it."),
            subtitles.Cue(6000, 8000, "The square comes back.")]
    video.with_suffix(".srt").write_text(subtitles.format_srt(cues), encoding="utf-8")
    return video_lint.lint(video)


def test_chapters_and_cues_are_split_by_time(linted):
    assert [r.title for r in linted] == ["First", "Second"]
    assert [len(r.cues) for r in linted] == [2, 2]


def test_each_fault_is_found_where_it_was_made(linted):
    cues = [c for r in linted for c in r.cues]
    assert [c.static for c in cues] == [False, True, False, False]
    assert [c.band for c in cues] == [False, False, True, False]
    assert [c.empty_start for c in cues] == [False, False, False, True]
    assert cues[2].cps == pytest.approx(len(cues[2].text) / 2.0)


def test_totals_and_goals(linted):
    total = video_lint.totals(linted)
    assert (total["static_cues"], total["band_intrusions"], total["empty_starts"]) == (1, 1, 1)
    assert total["cues_over_15_cps"] == 1
    # moving frames: all but the first of cue 1, none of cue 2, all but one of cues 3 and 4
    assert 0.6 < total["moving_share"] < 0.8
    problems = video_lint.misses(total, max_cps=15)
    assert len(problems) == 4 and any("static" in p for p in problems)


def test_missing_video_is_a_clear_error(tmp_path, capsys):
    assert video_lint.main([str(tmp_path / "none.mp4")]) == 2
    assert "no video" in capsys.readouterr().err


def test_a_slow_fade_moves_and_a_still_picture_with_keyframes_does_not(tmp_path):
    """A square fading in by 8 levels a frame (as a long FadeIn or a slow camera drift changes a
    pixel) is motion; a still picture stays still even where the encoder starts a keyframe."""
    def square(level):
        img = frame(None)
        img[30:50, 60:80] = np.array(BG) + level
        return img

    frames = [square(8 * i) for i in range(20)] + [square(152)] * 40
    video = tmp_path / "fade.mp4"
    with av.open(str(video), "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        stream.options = {"crf": "23", "g": "7"}  # a keyframe every 7 frames, in both cues
        for img in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    video.with_suffix(".srt").write_text(subtitles.format_srt(
        [subtitles.Cue(0, 2000, "A square fades in."), subtitles.Cue(2000, 6000, "It rests.")]),
        encoding="utf-8")
    fading, resting = [c for r in video_lint.lint(video) for c in r.cues]
    assert fading.moving > 0.9 and not fading.static
    assert resting.moving == 0 and resting.static
