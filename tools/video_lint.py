"""Measure a rendered video against the craft rules, per chapter (scene) and for the whole.

    python -m tools.video_lint out/toynet.mp4 [out/toynet.srt] [--json] [--check]

For every subtitle cue it looks at the frames the cue is shown over, decoded small and grey:

- empty start: during the cue's first half second the picture (between the title band at the
  top and the subtitle band at the bottom) is nearly empty, while the words describe something;
- static cue: no frame of the cue differs from the one before it;
- band intrusion: something is drawn in the bottom 12 % of the frame, where players draw
  subtitles, while the cue is shown;
- reading speed: the cue's characters per second.

It also counts the share of frames in which anything moves. `--check` exits 1 when the video
misses a goal of docs/QUALITY.md (0 empty starts, 0 static cues, 0 band intrusions, at least
50 % moving frames, and, with --max-cps, no cue faster than that).
"""

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from pipeline import subtitles

BAND = 0.12  # bottom share of the frame where players draw subtitles
TITLE = 0.15  # top share of the frame that holds a scene's title
EMPTY_START = 0.5  # seconds at the start of a cue that must already show the picture
WIDTH = 214  # frames are measured at this width (a quarter of 480p), in grey
INK = 40  # a pixel is drawn on when it differs from the background by more than this (a
# faint background grid, style.GRID, stays below it; muted text and heatmaps are above)
MOVE = 6  # a pixel moved when it changed by more than this between two frames: a slow camera
# drift or a long fade changes a pixel by 6 to 17 levels a frame; in a still hold the encoder
# leaves the frame as it was (0 to 4 levels)
MOVE_AT_KEYFRAME = 12  # ... except on a keyframe, which the encoder quantises afresh (up to
# 7 levels on a still picture)
MOVED_PIXELS = 4  # ... and a frame moved when more pixels than this did
EMPTY_SHARE = 0.001  # a picture with less ink than this share of its pixels is empty
BAND_SHARE = 0.001  # more of the band drawn on than this share is an intrusion


@dataclass
class CueReport:
    start: float
    end: float
    text: str
    cps: float
    empty_start: bool
    static: bool
    band: bool
    moving: float  # share of the cue's frames in which anything moves


@dataclass
class ChapterReport:
    title: str
    start: float
    end: float
    frames: int = 0
    moving_frames: int = 0
    cues: list = field(default_factory=list)

    @property
    def moving_share(self):
        return self.moving_frames / self.frames if self.frames else 0.0


class Frames:
    """The video's frames, small and grey, with their times; plus per-frame measures."""

    def __init__(self, path):
        import av

        times, moved, ink, band = [], [], [], []
        previous = None
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            height = max(2, round(WIDTH * stream.codec_context.height / stream.codec_context.width))
            self.chapters = [(float(c["start"] * c["time_base"]), float(c["end"] * c["time_base"]),
                              c["metadata"].get("title", "")) for c in container.chapters()]
            for frame in container.decode(stream):
                grey = frame.reformat(width=WIDTH, height=height, format="gray").to_ndarray()
                grey = grey.astype(np.int16)
                background = int(np.median(grey))
                drawn = np.abs(grey - background) > INK
                top, bottom = int(TITLE * height), height - int(BAND * height)
                times.append(float(frame.time))
                ink.append(drawn[top:bottom].mean())
                band.append(float(drawn[bottom:].mean()))
                threshold = MOVE_AT_KEYFRAME if frame.key_frame else MOVE
                moved.append(previous is not None
                             and int((np.abs(grey - previous) > threshold).sum()) > MOVED_PIXELS)
                previous = grey
        self.times = np.array(times)
        self.moved = np.array(moved, dtype=bool)
        self.ink = np.array(ink)
        self.band = np.array(band)
        self.duration = float(self.times[-1] + (self.times[1] - self.times[0])) if len(times) > 1 else 0.0

    def within(self, start, end):
        return (self.times >= start - 1e-6) & (self.times < end - 1e-6)


def lint(video, srt=None):
    """ChapterReports of the video (one chapter for the whole video if it has none)."""
    frames = Frames(video)
    srt = Path(srt) if srt else Path(video).with_suffix(".srt")
    cues = subtitles.parse_srt(srt.read_text(encoding="utf-8")) if srt.exists() else []
    chapters = frames.chapters or [(0.0, frames.duration, Path(video).stem)]
    reports = []
    for start, end, title in chapters:
        report = ChapterReport(title, start, end)
        mask = frames.within(start, end)
        report.frames = int(mask.sum())
        report.moving_frames = int(frames.moved[mask].sum())
        for cue in cues:
            c0, c1 = cue.start_ms / 1000, cue.end_ms / 1000
            if not start - 1e-6 <= c0 < end:
                continue
            shown = frames.within(c0, c1)
            first = frames.within(c0, min(c1, c0 + EMPTY_START))
            text = " ".join(cue.text.split())
            report.cues.append(CueReport(
                start=c0, end=c1, text=text,
                cps=len(text) / max(c1 - c0, 1e-3),
                empty_start=bool(first.any() and frames.ink[first].max() < EMPTY_SHARE),
                # the cue's first frame may differ from the last of the cue before: that is the
                # cut, not motion during the cue
                static=bool(shown.sum() > 1 and not frames.moved[shown][1:].any()),
                band=bool(shown.any() and frames.band[shown].max() > BAND_SHARE),
                moving=float(frames.moved[shown][1:].mean()) if shown.sum() > 1 else 0.0,
            ))
        reports.append(report)
    return reports


def totals(reports):
    cues = [c for r in reports for c in r.cues]
    frames = sum(r.frames for r in reports)
    cps = sorted(c.cps for c in cues)
    return {
        "chapters": len(reports),
        "cues": len(cues),
        "seconds": round(sum(r.end - r.start for r in reports), 1),
        "empty_starts": sum(c.empty_start for c in cues),
        "static_cues": sum(c.static for c in cues),
        "band_intrusions": sum(c.band for c in cues),
        "median_cps": round(float(np.median(cps)), 1) if cps else 0.0,
        "max_cps": round(cps[-1], 1) if cps else 0.0,
        "cues_over_15_cps": sum(c > 15 for c in cps),
        "moving_share": round(sum(r.moving_frames for r in reports) / frames, 3) if frames else 0.0,
    }


def misses(total, max_cps=None):
    """The goals the video misses, as sentences (empty when it meets them all)."""
    out = []
    for key in ("empty_starts", "static_cues", "band_intrusions"):
        if total[key]:
            out.append(f"{total[key]} {key.replace('_', ' ')} (goal 0)")
    if total["moving_share"] < 0.5:
        out.append(f"{total['moving_share']:.0%} moving frames (goal at least 50 %)")
    if max_cps is not None and total["max_cps"] > max_cps:
        out.append(f"a cue at {total['max_cps']} characters per second (goal at most {max_cps})")
    return out


def table(reports):
    lines = ["| scene | s | cues | empty starts | static cues | band | median cps | max cps | moving |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in reports:
        cps = [c.cps for c in r.cues] or [0.0]
        lines.append(f"| {r.title} | {r.end - r.start:.1f} | {len(r.cues)} | "
                     f"{sum(c.empty_start for c in r.cues)} | {sum(c.static for c in r.cues)} | "
                     f"{sum(c.band for c in r.cues)} | {np.median(cps):.1f} | {max(cps):.1f} | "
                     f"{r.moving_share:.0%} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("video", type=Path)
    parser.add_argument("srt", type=Path, nargs="?", help="default: the video's .srt beside it")
    parser.add_argument("--json", action="store_true", help="every cue's measures, as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--max-cps", type=float, help="with --check: the fastest cue allowed")
    args = parser.parse_args(argv)
    if not args.video.is_file():
        print(f"video_lint: no video at {args.video}", file=sys.stderr)
        return 2
    reports = lint(args.video, args.srt)
    total = totals(reports)
    if args.json:
        print(json.dumps({"total": total, "chapters": [
            {**{k: v for k, v in asdict(r).items() if k != "cues"}, "moving_share": r.moving_share,
             "cues": [asdict(c) for c in r.cues]} for r in reports]}, indent=1))
    else:
        print(table(reports))
        print()
        print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in total.items()))
    problems = misses(total, args.max_cps)
    if args.check and problems:
        print("video_lint: " + "; ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
