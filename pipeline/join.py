"""Joins scene MP4s into one MP4 by stream copy with PyAV: one chapter per scene, an embedded
mov_text subtitle track and a sidecar .srt, all on the same time line as the video frames."""

import struct
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

from . import atomic, subtitles

SUB_TIME_BASE = Fraction(1, 1000)  # subtitle packets are timed in milliseconds, as .srt is


@dataclass(frozen=True)
class Part:
    video: Path
    srt: Path | None
    title: str


@dataclass(frozen=True)
class Chapter:
    title: str
    start: Fraction  # seconds
    end: Fraction


class JoinError(RuntimeError):
    pass


def _signature(stream):
    ctx = stream.codec_context
    # base_rate is the nominal frame rate; average_rate is estimated from the duration.
    return (ctx.name, ctx.width, ctx.height, ctx.pix_fmt, stream.base_rate, stream.time_base)


def _video_end(path):
    """End of a video in its stream's ticks: the latest pts + duration (the container's
    duration is rounded to microseconds; this is exact)."""
    end = 0
    with av.open(str(path)) as container:
        for packet in container.demux(container.streams.video[0]):
            if packet.pts is not None:
                end = max(end, packet.pts + packet.duration)
    return end


def _cue_packet(cue, stream):
    # A mov_text sample is a 16-bit big-endian length, then the UTF-8 text.
    text = cue.text.encode("utf-8")
    packet = av.Packet(struct.pack(">H", len(text)) + text)
    packet.pts = packet.dts = cue.start_ms
    packet.duration = cue.end_ms - cue.start_ms
    packet.time_base = SUB_TIME_BASE
    packet.stream = stream
    return packet


def _read_cues(path):
    if path is None or not Path(path).exists():
        return []
    return subtitles.parse_srt(Path(path).read_text(encoding="utf-8"))


def join(parts, out_video, out_srt=None, _after_part=None):
    """Writes `out_video` (and `out_srt`) from `parts` in order; returns the chapters.

    Nothing is written at the final paths unless the whole join succeeds. `_after_part(i)` is
    a test hook called after each part's packets are copied."""
    if not parts:
        raise JoinError("nothing to join")
    inputs = [av.open(str(p.video)) for p in parts]
    try:
        streams = [c.streams.video[0] for c in inputs]
        first = _signature(streams[0])
        for part, stream in zip(parts, streams):
            if _signature(stream) != first:
                raise JoinError(f"{part.video.name} does not match {parts[0].video.name} "
                                f"(codec, size, pixel format, frame rate): {_signature(stream)} vs {first}")
        tb = streams[0].time_base
        ends = [_video_end(p.video) for p in parts]
        starts = [sum(ends[:i]) for i in range(len(ends))]
        chapters = [Chapter(p.title, Fraction(s) * tb, Fraction(s + e) * tb)
                    for p, s, e in zip(parts, starts, ends)]
        cues = subtitles.merge(
            (_read_cues(p.srt), round(c.start * 1000), round(c.end * 1000))
            for p, c in zip(parts, chapters))

        with atomic.temp_target(out_video) as tmp:
            _write(tmp, inputs, streams, starts, ends, parts, cues, _after_part)
            if out_srt is not None:
                # The sidecar gets the same non-overlapping cues as the embedded track.
                atomic.write_text(out_srt, subtitles.format_srt(subtitles.sequential(cues)))
        return chapters
    finally:
        for c in inputs:
            c.close()


def _write(tmp, inputs, streams, starts, ends, parts, cues, after_part):
    tb = streams[0].time_base
    with av.open(str(tmp), "w", format="mp4") as out:
        video = out.add_stream_from_template(streams[0])
        sub = out.add_mux_stream("mov_text")  # no encoder: packets are built by hand
        sub.time_base = SUB_TIME_BASE
        sub.metadata["language"] = "eng"
        out.set_chapters([
            {"id": i + 1, "start": s, "end": s + e, "time_base": tb, "metadata": {"title": p.title}}
            for i, (p, s, e) in enumerate(zip(parts, starts, ends))])
        pending = subtitles.sequential(cues)
        for i, (container, stream, offset) in enumerate(zip(inputs, streams, starts)):
            for packet in container.demux(stream):
                if packet.dts is None:  # the flushing packet demux yields at the end
                    continue
                packet.pts += offset
                packet.dts += offset
                packet.stream = video
                out.mux(packet)
            # Cues of this part go in after its frames; the muxer interleaves by time.
            part_end_ms = round(Fraction(offset + ends[i]) * tb * 1000)
            while pending and pending[0].start_ms < part_end_ms:
                out.mux(_cue_packet(pending.pop(0), sub))
            if after_part is not None:
                after_part(i)
        for cue in pending:
            out.mux(_cue_packet(cue, sub))
