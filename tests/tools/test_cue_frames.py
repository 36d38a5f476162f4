"""tools.cue_frames takes one still per cue, from the cue's own frames, filed under its chapter."""

import numpy as np
from PIL import Image

from pipeline import subtitles
from tests.tools.test_video_lint import frame, write
from tools import cue_frames


def test_one_still_per_cue_from_inside_the_cue(tmp_path):
    # 4 s at 10 fps: the square sits at x=20 for the first cue, at x=100 for the second
    video = tmp_path / "v.mp4"
    write(video, [frame(20)] * 20 + [frame(100)] * 20, [(0, 2, "First"), (2, 4, "Second")])
    cues = [subtitles.Cue(0, 2000, "Left."), subtitles.Cue(2000, 4000, "Right.")]
    video.with_suffix(".srt").write_text(subtitles.format_srt(cues), encoding="utf-8")

    assert cue_frames.write(video, None, tmp_path / "review") == 2

    left = np.asarray(Image.open(tmp_path / "review" / "00_First" / "01.png"))
    right = np.asarray(Image.open(tmp_path / "review" / "01_Second" / "01.png"))
    blue = lambda img, x: img[40, x + 10, 2] > 150  # the square's middle, blue in the frame
    assert blue(left, 20) and not blue(left, 100)
    assert blue(right, 100) and not blue(right, 20)
    listing = (tmp_path / "review" / "cues.md").read_text(encoding="utf-8")
    assert "## 00_First" in listing and "01. [0.0–2.0 s] Left." in listing
    assert "## 01_Second" in listing and "01. [2.0–4.0 s] Right." in listing


def test_missing_subtitles_is_a_clear_error(tmp_path, capsys):
    video = tmp_path / "v.mp4"
    write(video, [frame(20)] * 5, [(0, 0.5, "Only")])
    assert cue_frames.main([str(video), "--out", str(tmp_path / "r")]) == 2
    assert "no subtitles" in capsys.readouterr().err
