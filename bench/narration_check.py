"""Reads a narrated MP4 back as a viewer gets it: each chapter's loudness and peak after AAC
encoding, where the speech is (by energy alone) against the subtitle cues, and whether the
audio track lasts as long as the frames. Prints Markdown (for docs/NARRATION.md).

    python bench/narration_check.py out/toynet.mp4
    python bench/narration_check.py out/cache/TrainingRun/<fingerprint>.mp4   # one scene's render
"""

import argparse
import sys
from pathlib import Path

import av
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scenes import loudness  # noqa: E402


def read(path):
    """(mono float32 samples, rate, video end s, chapters [(title, start, end)], cues
    [(start, end, text)])."""
    with av.open(str(path)) as c:
        video = c.streams.video[0]
        end = max(float((p.pts + p.duration) * p.time_base) for p in c.demux(video) if p.pts is not None)
    with av.open(str(path)) as c:
        chapters = [(ch["metadata"].get("title", ""), float(ch["start"] * ch["time_base"]),
                     float(ch["end"] * ch["time_base"])) for ch in c.chapters()]
        stream = c.streams.audio[0]
        rate = stream.codec_context.sample_rate
        samples = np.concatenate([f.to_ndarray().mean(axis=0) for f in c.decode(stream)]).astype(np.float32)
    with av.open(str(path)) as c:
        cues = []
        if c.streams.subtitles:
            for p in c.demux(c.streams.subtitles[0]):
                text = bytes(p)[2:].decode("utf-8", "replace")
                if p.pts is not None and text:
                    cues.append((float(p.pts * p.time_base), float((p.pts + p.duration) * p.time_base), text))
    return samples, rate, end, chapters or [("", 0.0, end)], cues


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("video", type=Path)
    p.add_argument("--min-gap", type=float, default=0.35,
                   help="silence (s) that separates two beats' speech (a sentence's own pauses are 0.3 s)")
    args = p.parse_args(argv)
    samples, rate, end, chapters, cues = read(args.video)
    print(f"- video {end:.3f} s, audio {len(samples) / rate:.3f} s "
          f"(difference {len(samples) / rate - end:+.3f} s)")
    levels = []
    for _, start, stop in chapters:
        part = samples[round(start * rate):round(stop * rate)]
        rms = loudness.gated_rms_db(part, rate)
        if np.isfinite(rms):
            levels.append((rms, loudness.peak_db(part)))
    if levels:
        rms, peak = zip(*levels)
        print(f"- {len(levels)} of {len(chapters)} chapters speak: gated RMS {min(rms):.2f} to "
              f"{max(rms):.2f} dBFS, loudest peak {max(peak):.2f} dBFS")
    spans = loudness.speech_spans(samples, rate, min_gap=args.min_gap)
    print(f"- {len(cues)} cues, {len(spans)} stretches of speech found by energy")
    # Each cue's speech: the first stretch that starts inside the cue.
    leads, tails, unmatched = [], [], 0
    for start, stop, _ in cues:
        inside = [(a, b) for a, b in spans if start - 0.05 <= a < stop]
        if not inside:
            unmatched += 1
            continue
        leads.append(inside[0][0] - start)
        tails.append(stop - max(b for a, b in inside))
    if leads:
        print(f"- speech starts {min(leads):.2f} to {max(leads):.2f} s after its cue "
              f"(median {np.median(leads):.2f}); cues end {min(tails):.2f} s or more after their "
              f"speech; {unmatched} cues without speech found")


if __name__ == "__main__":
    main()
