"""Where a video's sound is loud, from its decoded audio."""

import av
import numpy as np


def loud_spans(video, window=0.01, threshold=0.05):
    """(start, end) seconds of the stretches where the first audio track is loud, with the
    decoded samples laid end to end from the first one, as a player that does not look at
    timestamps would play them: a gap in the track would show as a shift."""
    with av.open(str(video)) as c:
        stream = c.streams.audio[0]
        rate = stream.codec_context.sample_rate
        first = None
        chunks = []
        for frame in c.decode(stream):
            first = float(frame.pts * frame.time_base) if first is None else first
            chunks.append(frame.to_ndarray().mean(axis=0))
    samples = np.concatenate(chunks)
    n = int(rate * window)
    level = np.sqrt((samples[: len(samples) // n * n].reshape(-1, n) ** 2).mean(axis=1))
    edges = np.flatnonzero(np.diff(np.r_[0, (level > threshold).astype(int), 0]))
    return [(first + a * window, first + b * window) for a, b in edges.reshape(-1, 2)]


def audio_seconds(video):
    """Decoded seconds of the first audio track."""
    with av.open(str(video)) as c:
        stream = c.streams.audio[0]
        return sum(f.samples for f in c.decode(stream)) / stream.codec_context.sample_rate
