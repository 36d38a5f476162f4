"""Joins scene MP4s into one MP4 with PyAV: the video by stream copy, one chapter per scene, an
embedded mov_text subtitle track and a sidecar .srt, and, when the scenes speak, one AAC track,
all on the same time line as the video frames.

The audio is decoded from every scene, cut or padded with silence to its scene's exact length
and encoded once, so it cannot drift from the chapters however many scenes there are; a scene
without sound gets silence. Each scene's loudness is measured on the way (Chapter.loudness_db).
"""

import struct
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from scenes import loudness

from . import atomic, subtitles

SUB_TIME_BASE = Fraction(1, 1000)  # subtitle packets are timed in milliseconds, as .srt is
# The joined track keeps the sample rate of the scenes' sound (the voice's: 22,050 Hz for the
# bundled one), so nothing is resampled and the encoder has no more samples than needed.
DEFAULT_AUDIO_RATE = 48000  # for scenes whose sound says nothing of its rate
AUDIO_BIT_RATE = 96000  # mono speech


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
    loudness_db: float | None = None  # gated RMS of the scene's sound; None when it is silent
    peak_db: float | None = None


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


def audio_rate(paths):
    """The sample rate of the first of `paths` that has sound; None when none has."""
    for path in paths:
        with av.open(str(path)) as container:
            if container.streams.audio:
                return container.streams.audio[0].codec_context.sample_rate or DEFAULT_AUDIO_RATE
    return None


def scene_audio(path, seconds, rate):
    """The sound of a scene MP4 as mono float32 samples at `rate`, cut or padded with silence
    to exactly `seconds`; None when the file has no audio stream."""
    n = round(seconds * rate)
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return None
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        start, pieces = None, []
        for frame in container.decode(stream):
            if start is None and frame.pts is not None:
                start = max(0, round(float(frame.pts * frame.time_base) * rate))
            pieces += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
        pieces += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    samples = np.zeros(n, dtype=np.float32)
    decoded = np.concatenate(pieces)[: max(0, n - (start or 0))] if pieces else []
    samples[start or 0:(start or 0) + len(decoded)] = decoded
    return samples


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
        # Sample boundaries from the chapters' exact times, so the parts add up to the whole.
        rate = audio_rate(p.video for p in parts) or DEFAULT_AUDIO_RATE
        bounds = [round(Fraction(s) * tb * rate) for s in [*starts, starts[-1] + ends[-1]]]
        sounds = [scene_audio(p.video, (b1 - b0) / rate, rate) for p, b0, b1 in zip(parts, bounds, bounds[1:])]
        levels = [(None, None) if s is None else (loudness.gated_rms_db(s, rate), loudness.peak_db(s))
                  for s in sounds]
        levels = [tuple(None if v is None or not np.isfinite(v) else round(float(v), 2) for v in lv)
                  for lv in levels]
        chapters = [Chapter(p.title, Fraction(s) * tb, Fraction(s + e) * tb, *lv)
                    for p, s, e, lv in zip(parts, starts, ends, levels)]
        if all(s is None for s in sounds):
            sounds = None  # a silent video gets no audio track at all
        else:
            sounds = [np.zeros(b1 - b0, np.float32) if s is None else s
                      for s, b0, b1 in zip(sounds, bounds, bounds[1:])]
        cues = subtitles.merge(
            (_read_cues(p.srt), round(c.start * 1000), round(c.end * 1000))
            for p, c in zip(parts, chapters))

        with atomic.temp_target(out_video) as tmp:
            _write(tmp, inputs, streams, starts, ends, parts, cues, sounds, rate, _after_part)
            if out_srt is not None:
                # The sidecar gets the same non-overlapping cues as the embedded track.
                atomic.write_text(out_srt, subtitles.format_srt(subtitles.sequential(cues)))
        return chapters
    finally:
        for c in inputs:
            c.close()


def _encode_audio(out, stream, samples, first_sample):
    """Encodes one scene's samples (continuing the track at `first_sample`) and muxes them."""
    rate = stream.codec_context.sample_rate
    for i in range(0, len(samples), stream.codec_context.frame_size or 1024):
        chunk = samples[i:i + (stream.codec_context.frame_size or 1024)]
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = rate
        frame.pts = first_sample + i
        frame.time_base = Fraction(1, rate)
        for packet in stream.encode(frame):
            out.mux(packet)


def _write(tmp, inputs, streams, starts, ends, parts, cues, sounds, rate, after_part):
    tb = streams[0].time_base
    with av.open(str(tmp), "w", format="mp4") as out:
        video = out.add_stream_from_template(streams[0])
        audio = None
        if sounds is not None:
            audio = out.add_stream("aac", rate=rate, layout="mono")
            audio.bit_rate = AUDIO_BIT_RATE
            # FFmpeg's "fast" coder: half the CPU of its default for speech at this bit rate.
            audio.codec_context.options = {"aac_coder": "fast"}
            audio.metadata["language"] = "eng"
        sub = out.add_mux_stream("mov_text")  # no encoder: packets are built by hand
        sub.time_base = SUB_TIME_BASE
        sub.metadata["language"] = "eng"
        out.set_chapters([
            {"id": i + 1, "start": s, "end": s + e, "time_base": tb, "metadata": {"title": p.title}}
            for i, (p, s, e) in enumerate(zip(parts, starts, ends))])
        pending = subtitles.sequential(cues)
        sample = 0
        for i, (container, stream, offset) in enumerate(zip(inputs, streams, starts)):
            for packet in container.demux(stream):
                if packet.dts is None:  # the flushing packet demux yields at the end
                    continue
                packet.pts += offset
                packet.dts += offset
                packet.stream = video
                out.mux(packet)
            if audio is not None:  # this part's sound right after its frames
                _encode_audio(out, audio, sounds[i], sample)
                sample += len(sounds[i])
            # Cues of this part go in after its frames; the muxer interleaves by time.
            part_end_ms = round(Fraction(offset + ends[i]) * tb * 1000)
            while pending and pending[0].start_ms < part_end_ms:
                out.mux(_cue_packet(pending.pop(0), sub))
            if after_part is not None:
                after_part(i)
        for cue in pending:
            out.mux(_cue_packet(cue, sub))
        if audio is not None:
            for packet in audio.encode(None):
                out.mux(packet)
