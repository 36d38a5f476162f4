"""Levels of speech audio, in NumPy: where the speech is, how loud it is, and an even level.

Loudness is a gated RMS in dBFS, measured the way EBU R 128 gates (without its K-weighting
filter): 100 ms blocks, silence (below ABSOLUTE_GATE) and quiet blocks (more than RELATIVE_GATE
under the ungated level) left out, so pauses between sentences do not make a clip "quieter".
Samples are floats in [-1, 1].
"""

import numpy as np

BLOCK_SECONDS = 0.1
ABSOLUTE_GATE = -60.0  # dBFS
RELATIVE_GATE = -15.0  # dB under the level of the blocks above the absolute gate
# Speech, for trimming and onsets: 10 ms frames louder than SPEECH_LEVEL under the loudest frame.
FRAME_SECONDS = 0.01
SPEECH_LEVEL = -40.0


def db(power):
    """Mean power (of samples in [-1, 1]) in dBFS; -inf for silence."""
    return 10 * np.log10(power) if power > 0 else -np.inf


def _frame_power(samples, rate, seconds):
    n = max(1, int(round(rate * seconds)))
    usable = len(samples) // n * n
    if usable == 0:
        return np.zeros(0)
    frames = np.asarray(samples[:usable], dtype=np.float64).reshape(-1, n)
    return (frames ** 2).mean(axis=1)


def gated_rms_db(samples, rate):
    """Loudness of the speech in `samples`, in dBFS (gated RMS); -inf when all is silence."""
    power = _frame_power(samples, rate, BLOCK_SECONDS)
    loud = power[power > 10 ** (ABSOLUTE_GATE / 10)]
    if loud.size == 0:
        return -np.inf
    loud = loud[loud > loud.mean() * 10 ** (RELATIVE_GATE / 10)]
    return db(loud.mean())


def peak_db(samples):
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def speech_spans(samples, rate, min_gap=0.2, level=SPEECH_LEVEL, reference=None):
    """(start, end) seconds of each stretch of speech: frames within `level` dB of the loudest
    frame (or of `reference`, a power), joined across silences shorter than `min_gap`."""
    n = max(1, int(round(rate * FRAME_SECONDS)))
    return _spans(samples, rate, min_gap, level, reference, n / rate)


def _spans(samples, rate, min_gap, level, reference, step):
    # step: the seconds one frame stands for. A frame is round(rate * FRAME_SECONDS) samples:
    # 220 at 22,050 Hz, 0.23 % short of 10 ms, which adds up to seconds over a whole video.
    power = _frame_power(samples, rate, FRAME_SECONDS)
    if power.size == 0 or power.max() <= 0:
        return []
    threshold = (power.max() if reference is None else reference) * 10 ** (level / 10)
    loud = np.flatnonzero(power > threshold)
    if loud.size == 0:
        return []
    spans, start, last = [], loud[0], loud[0]
    for i in loud[1:]:
        if (i - last - 1) * step >= min_gap:
            spans.append((start * step, (last + 1) * step))
            start = i
        last = i
    spans.append((start * step, (last + 1) * step))
    return spans


def trim(samples, rate, before=0.02, after=0.06):
    """`samples` without the silence around the speech, keeping a short margin on each side
    (the first consonant's attack, the last one's decay)."""
    # Frames counted as 10 ms each, as when the cached clips were made: exact frame times would
    # move a margin by a few milliseconds and change every clip (see voice.CLIP_VERSION).
    spans = _spans(samples, rate, 0.2, SPEECH_LEVEL, None, FRAME_SECONDS)
    if not spans:
        return samples[:0]
    start = max(0, int((spans[0][0] - before) * rate))
    end = min(len(samples), int(np.ceil((spans[-1][1] + after) * rate)))
    return samples[start:end]


def normalise(samples, rate, target_db, ceiling_db):
    """`samples` scaled to a gated RMS of `target_db`, but never with a peak above
    `ceiling_db` (a clip that would clip is left a little quieter instead)."""
    level, peak = gated_rms_db(samples, rate), peak_db(samples)
    if not np.isfinite(level):
        return samples
    gain_db = min(target_db - level, ceiling_db - peak)
    return (np.asarray(samples, dtype=np.float64) * 10 ** (gain_db / 20)).astype(np.float32)
