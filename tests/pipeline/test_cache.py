"""The scene cache's bound on disk, its eviction order, and clearing it (no rendering here:
entries are written by hand)."""

import os
import subprocess

import pytest

from pipeline import __main__ as cli
from pipeline import cache, stamps
from pipeline.stamps import ROOT


def put(c, scene, fingerprint, size, used):
    """A complete entry of `size` bytes of video, last used at time `used`."""
    entry = c.entry(scene, fingerprint)
    entry.folder.mkdir(parents=True, exist_ok=True)
    entry.mp4.write_bytes(b"v" * size)
    entry.srt.write_text("")
    entry.log.write_text("")
    stamps.write(entry.stamp, {"fingerprint": fingerprint})
    for path in (entry.mp4, entry.srt, entry.log, entry.stamp):
        os.utime(path, (used, used))
    return entry


def test_entry_is_complete_only_with_its_stamp_and_files(tmp_path):
    c = cache.SceneCache(tmp_path)
    entry = put(c, "A", "1" * 64, 10, 1000)
    assert entry.complete()
    assert not c.entry("A", "1" * 16 + "2" * 48).complete()  # same file names, other fingerprint
    entry.srt.unlink()
    assert not entry.complete()


def test_prune_removes_least_recently_used_first_and_keeps_the_video_being_made(tmp_path):
    c = cache.SceneCache(tmp_path)
    oldest = put(c, "A", "a" * 64, 1000, used=1000)
    kept = put(c, "B", "b" * 64, 1000, used=2000)  # old, but in the video being made
    middle = put(c, "A", "c" * 64, 1000, used=3000)
    newest = put(c, "C", "d" * 64, 1000, used=4000)
    middle.touch()  # used just now: the newest of all
    removed, freed = c.prune(limit=2500, keep=[kept])
    assert removed == 2 and freed > 2000
    assert not oldest.mp4.exists() and not newest.mp4.exists()
    assert kept.complete() and middle.complete()
    assert c.size() <= 2500 + 200  # stamps and the rest are small
    assert not (tmp_path / "C").exists()  # emptied folders go too


def test_prune_within_the_limit_removes_nothing(tmp_path):
    c = cache.SceneCache(tmp_path)
    entries = [put(c, "A", f"{i}" * 64, 100, used=1000 + i) for i in range(3)]
    assert c.prune(limit=10_000) == (0, 0)
    assert all(e.complete() for e in entries)


def test_prune_also_removes_failed_renders_logs(tmp_path):
    c = cache.SceneCache(tmp_path)
    failed = c.entry("A", "f" * 64)
    failed.folder.mkdir(parents=True)
    failed.log.write_text("x" * 5000)
    os.utime(failed.log, (1000, 1000))
    good = put(c, "A", "e" * 64, 100, used=2000)
    c.prune(limit=1000)
    assert not failed.log.exists() and good.complete()


def test_speech_clips_share_the_limit_and_the_order_of_eviction(tmp_path):
    c = cache.SceneCache(tmp_path / "cache")
    clips = tmp_path / "speech"
    clips.mkdir()

    def clip(name, size, used):
        path = clips / name
        path.write_bytes(b"s" * size)
        os.utime(path, (used, used))
        return path

    old_clip = clip("old.wav", 1000, used=1000)
    render = put(c, "A", "a" * 64, 1000, used=2000)
    recent_clip = clip("recent.wav", 1000, used=3000)
    this_render = clip("now.wav", 1000, used=5000)  # spoken by the render being made
    removed, _ = c.prune(limit=2500, clips=clips, used_since=4000)
    assert removed == 2  # the old clip, then the render: least recently used first
    assert not old_clip.exists() and not render.mp4.exists()
    assert recent_clip.exists() and this_render.exists()
    c.prune(limit=0, clips=clips, used_since=4000)
    assert this_render.exists() and not recent_clip.exists()


@pytest.mark.parametrize("text, size", [("500M", 500 * 1024**2), ("2G", 2 * 1024**3), ("1.5g", int(1.5 * 1024**3)),
                                        ("800k", 800 * 1024), ("1234", 1234), ("3 GB", 3 * 1024**3)])
def test_sizes(text, size):
    assert cache.parse_size(text) == size


def test_bad_cache_limit_is_refused_before_rendering():
    result = subprocess.run([str(ROOT / "render.sh"), "--cache-limit", "lots"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "--cache-limit" in result.stderr and "500M" in result.stderr


def test_clean_removes_renders_speech_and_working_files_and_keeps_videos_and_runs(tmp_path, capsys):
    c = cache.SceneCache(tmp_path / "cache")
    put(c, "A", "a" * 64, 3000, used=1000)
    (tmp_path / "media" / "A" / "Tex").mkdir(parents=True)
    (tmp_path / "media" / "A" / "Tex" / "x.svg").write_text("svg")
    (tmp_path / "speech").mkdir()
    (tmp_path / "speech" / "clip.wav").write_bytes(b"wav")
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "run_seed5.npz").write_bytes(b"run")
    (tmp_path / "toynet.mp4").write_bytes(b"video")
    assert cli.main(["clean", "--out", str(tmp_path)]) == 0
    assert "removed" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["runs", "toynet.mp4"]
