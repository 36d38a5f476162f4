"""One still per subtitle cue of a rendered video, with the cue's words: what a reviewer needs
to judge a scene as a viewer meets it, without reading the code.

    python -m tools.cue_frames out/toynet.mp4 [out/toynet.srt] --out review/ [--at 0.6]

For every chapter (scene) it writes a folder NN_Title/ holding one PNG per cue, taken `--at`
of the way through the cue (0 is its first frame, 1 its last), and cues.md beside the folders:
each scene's cues, numbered as the PNGs are, with their times and words.
"""

import argparse
import re
import sys
from pathlib import Path

from pipeline import subtitles


def _slug(text):
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")[:40] or "video"


def cue_times(cues, chapters, at):
    """[(chapter index, cue, time of its still)], cues grouped by the chapter they start in."""
    out = []
    for cue in cues:
        start, end = cue.start_ms / 1000, cue.end_ms / 1000
        index = next((i for i, (c0, c1, _) in enumerate(chapters) if c0 - 1e-6 <= start < c1), 0)
        out.append((index, cue, start + at * (end - start)))
    return out


def write(video, srt, out, at=0.6):
    import av

    srt = Path(srt) if srt else Path(video).with_suffix(".srt")
    if not srt.is_file():
        raise FileNotFoundError(f"no subtitles at {srt}: render the video first, or name its .srt")
    cues = subtitles.parse_srt(srt.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    with av.open(str(video)) as container:
        chapters = [(float(c["start"] * c["time_base"]), float(c["end"] * c["time_base"]),
                     c["metadata"].get("title", "")) for c in container.chapters()]
        chapters = chapters or [(0.0, float("inf"), Path(video).stem)]
        wanted = cue_times(cues, chapters, at)
        folders = [out / f"{i:02d}_{_slug(title)}" for i, (_, _, title) in enumerate(chapters)]
        counts = [0] * len(chapters)
        stream = container.streams.video[0]
        todo = iter(wanted)
        current = next(todo, None)
        last_chapter = None
        for frame in container.decode(stream):
            while current is not None and frame.time + 1e-6 >= current[2]:
                index, cue, _ = current
                counts[index] += 1
                folders[index].mkdir(exist_ok=True)
                frame.to_image().save(folders[index] / f"{counts[index]:02d}.png")
                if index != last_chapter:
                    lines.append(f"\n## {folders[index].name}\n")
                    last_chapter = index
                words = " ".join(cue.text.split())
                lines.append(f"{counts[index]:02d}. [{cue.start_ms / 1000:.1f}–{cue.end_ms / 1000:.1f} s] {words}")
                current = next(todo, None)
            if current is None:
                break
    (out / "cues.md").write_text("# Cues, one still each\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return sum(counts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("video", type=Path)
    parser.add_argument("srt", type=Path, nargs="?", help="default: the video's .srt beside it")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--at", type=float, default=0.6,
                        help="where in each cue the still is taken, 0 (start) to 1 (end)")
    args = parser.parse_args(argv)
    if not args.video.is_file():
        print(f"cue_frames: no video at {args.video}", file=sys.stderr)
        return 2
    if not 0.0 <= args.at <= 1.0:
        print(f"cue_frames: --at must be between 0 and 1, not {args.at}", file=sys.stderr)
        return 2
    try:
        count = write(args.video, args.srt, args.out, args.at)
    except FileNotFoundError as error:
        print(f"cue_frames: {error}", file=sys.stderr)
        return 2
    print(f"{count} stills and cues.md in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
