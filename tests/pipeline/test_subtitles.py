"""Merging the scenes' .srt files onto the joined time line."""

import srt

from pipeline.subtitles import Cue, format_srt, merge, parse_srt, sequential

SCENE_SRT = """1
00:00:00,000 --> 00:00:01,500
first line

2
00:00:01,500 --> 00:00:04,000
second cue
on two lines
"""


def test_parse_reads_times_and_text():
    assert parse_srt(SCENE_SRT) == [Cue(0, 1500, "first line"), Cue(1500, 4000, "second cue\non two lines")]


def test_merge_offsets_each_scene_and_clips_to_its_end():
    cues = parse_srt(SCENE_SRT)
    merged = merge([(cues, 0, 3000), (cues, 3000, 10000)])
    assert [(c.start_ms, c.end_ms) for c in merged] == [(0, 1500), (1500, 3000), (3000, 4500), (4500, 7000)]


def test_formatted_srt_is_read_back_by_the_srt_package():
    cues = merge([(parse_srt(SCENE_SRT), 3_600_000 + 61_001, 10**9)])
    back = list(srt.parse(format_srt(cues)))
    assert [b.index for b in back] == [1, 2]
    assert back[0].start.total_seconds() == 3661.001
    assert back[1].content == "second cue\non two lines"


def test_sequential_track_has_no_overlaps():
    cues = [Cue(0, 2000, "a"), Cue(1000, 3000, "b"), Cue(1000, 2500, "c"), Cue(5000, 6000, "d")]
    track = sequential(cues)
    assert [c.text for c in track] == ["a", "b\nc", "d"]
    assert all(x.end_ms <= y.start_ms for x, y in zip(track, track[1:]))
    assert track[0] == Cue(0, 1000, "a")
