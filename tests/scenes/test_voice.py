"""scenes.voice with the bundled Piper voice: deterministic clips of sane length at an even
level, cached by text and voice, and clear errors for a voice that is not there."""

import json
import shutil

import numpy as np
import pytest

from scenes import loudness, voice
from scenes.spoken import speakable

# Sentences a speech engine gets wrong when given the subtitle as written.
TRICKY = [
    "ŷ = σ(z₂), the chance of class 1.",
    "∂L/∂z is a 3×9 matrix; W⁽¹⁾ has 9 weights.",
    "At x1 = -0.25 the loss drops by 12.5%, after 10,000 steps.",
    "x̃ = [x1, x2, 1]. Then ReLU keeps the positive entries.",
]


@pytest.fixture(scope="module")
def speaker(tmp_path_factory):
    return voice.Speaker(voice.bundled_model(), tmp_path_factory.mktemp("speech"))


@pytest.fixture(scope="module")
def clips(speaker):
    return [speaker.speak(speakable(t)) for t in TRICKY]


def test_tricky_sentences_take_a_sane_time(clips):
    for text, clip in zip(TRICKY, clips):
        said = speakable(text)
        pace = len(said) / clip.seconds
        assert 10 < pace < 25, (said, clip.seconds)  # characters per second of speech


def test_clips_start_and_end_with_their_speech(clips):
    for clip in clips:
        samples, rate = voice.read_wav(clip.path)
        spans = loudness.speech_spans(samples, rate)
        assert spans[0][0] <= 0.05
        assert len(samples) / rate - spans[-1][1] <= 0.1


def test_clips_are_equally_loud_and_never_clip(clips):
    for clip in clips:
        samples, rate = voice.read_wav(clip.path)
        assert loudness.peak_db(samples) <= voice.CEILING_DB + 0.01
        assert loudness.gated_rms_db(samples, rate) == pytest.approx(voice.LOUDNESS_DB, abs=1.0)


def test_synthesis_is_deterministic(speaker):
    first, rate = speaker.synthesise("The same words give the same samples.")
    second, _ = speaker.synthesise("The same words give the same samples.")
    assert rate == 22050
    assert np.array_equal(first, second)


def test_the_cache_is_keyed_by_text_and_voice(speaker, clips, tmp_path):
    before = speaker.synthesised
    again = speaker.speak(speakable(TRICKY[0]))
    assert again == clips[0] and speaker.synthesised == before  # nothing synthesised
    assert speaker.key("a") != speaker.key("b")
    copy = tmp_path / "copy.onnx"
    shutil.copyfile(voice.bundled_model(), copy)
    config = json.loads(voice.config_of(voice.bundled_model()).read_text())
    config["inference"]["length_scale"] = 1.1  # another voice: same weights, other settings
    voice.config_of(copy).write_text(json.dumps(config))
    assert voice.Speaker(copy, speaker.cache_dir).key("a") != speaker.key("a")


def test_a_missing_or_broken_voice_is_named(tmp_path):
    with pytest.raises(voice.VoiceError, match="voice model not found"):
        voice.Speaker(tmp_path / "nothing.onnx")
    model = tmp_path / "v.onnx"
    model.write_bytes(b"not onnx")
    with pytest.raises(voice.VoiceError, match=r"v\.onnx\.json"):
        voice.check_files(model)
    voice.config_of(model).write_text("{}")
    with pytest.raises(voice.VoiceError, match="not a Piper voice config"):
        voice.check_files(model)
    shutil.copyfile(voice.config_of(voice.bundled_model()), voice.config_of(model))
    with pytest.raises(voice.VoiceError, match="cannot load the voice"):
        voice.load(model)


def test_the_environment_chooses_the_voice(monkeypatch, tmp_path):
    monkeypatch.delenv("TOYNET_VOICE")
    assert voice.current() is None  # silent unless asked
    monkeypatch.setenv("TOYNET_VOICE", "none")
    assert voice.current() is None
    monkeypatch.setenv("TOYNET_VOICE", "default")
    monkeypatch.setenv("TOYNET_SPEECH_CACHE", str(tmp_path))
    current = voice.current()
    assert current.model == voice.bundled_model() and current.cache_dir == tmp_path
