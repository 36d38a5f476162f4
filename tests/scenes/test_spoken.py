"""scenes.spoken: what the voice says for a subtitle. Each case is a way a speech engine
misreads written maths (checked by ear once, and by the phonemes below every time)."""

import pytest

from scenes.spoken import speakable, unspeakable

CASES = [
    ("ŷ", "y hat"),
    ("x̃ is the input with a 1 appended", "x tilde is the input with a 1 appended"),
    ("W⁽¹⁾ and W⁽²⁾", "W one and W two"),
    ("W^(1) and W^{(2)}", "W one and W two"),
    ("x⁽²⁾ = ReLU(z⁽¹⁾), not x₂", "x layer two equals ReLU of z one, not x two"),
    ("x^{(2)} and x2", "x layer two and x two"),
    ("W1, W2, x1, z2's entries", "W one, W two, x one, z two's entries"),
    ("z₁ and z₂", "z one and z two"),
    ("σ(z) and α", "sigma of z and alpha"),
    ("ŷ = σ(z₂)", "y hat equals sigma of z two"),
    ("∂L/∂z", "d L by d z"),
    ("dL/dŷ and dL/dW1", "d L by d y hat and d L by d W one"),
    ("3×9", "3 by 9"),
    ("a 1x2 row", "a 1 by 2 row"),
    ("-0.25", "minus 0.25"),
    ("z = -1.2", "z equals minus 1.2"),
    ("x1 = −2", "x one equals minus 2"),
    ("1 − ŷ", "1 minus y hat"),
    ("y - ŷ", "y minus y hat"),
    ("a 3-D view of the x2-axis", "a 3-D view of the x two-axis"),  # hyphens stay hyphens
    ("sigma of 0 is 1/2", "sigma of 0 is one half"),
    ("x² and R³", "x squared and R three"),
    ("R^4 to R^3", "R four to R three"),
    ("x^T W", "x transpose W"),
    ("T(u + v) = T(u) + T(v)", "T of u plus v equals T of u plus T of v"),
    ("x̃ = [x1, x2, 1]", "x tilde equals x one, x two, 1"),
    ("At (0, 1), labelled 1, it is in, one number out", "At 0, 1, labelled 1, it is in, one number out"),
    ("the arrow to (4, 1, 2).", "the arrow to 4, 1, 2."),
    ("|w| ≤ 3", "the size of w is at most 3"),
    ("XOR is not linearly separable", "ex-or is not linearly separable"),
    ("After 10,000 steps, 99.5% of the points", "After 10,000 steps, 99.5% of the points"),
    ("a rate of .5", "a rate of 0.5"),
    ("the curve — it rises", "the curve, it rises"),
    ("∇f points uphill", "the gradient of f points uphill"),
]


@pytest.mark.parametrize("written, said", CASES, ids=[c[0] for c in CASES])
def test_written_maths_is_spoken_in_words(written, said):
    assert speakable(written) == said
    assert unspeakable(said) == ""


def test_plain_prose_is_left_alone():
    prose = "Orange for 0, blue for 1: the blues sit on one diagonal, the oranges on the other."
    assert speakable(prose) == prose


def test_unspeakable_names_every_character_the_voice_would_mangle():
    assert unspeakable("y hat equals 3, at 95.2%; 'quoted' and \"double\" - fine!") == ""
    assert unspeakable("ŷ = σ(z₂) · W⁽¹⁾ [x] ∂") == "ŷ=σ(₂)·⁽¹⁾[]∂"
    assert unspeakable("x + y / 2 * 3 ^ 4 < 5 {6} |7|") == "+/*^<{}|"


def test_every_output_of_the_cases_is_speakable():
    written = " ".join(w for w, _ in CASES) + " ŷ∈ℝ³ ‖x‖ ∑ √2 ≠ ≈ → ∘ ± ÷ … “q” ’s"
    assert unspeakable(speakable(written)) == ""


def test_the_voice_pronounces_the_spoken_forms():
    """Listening-free check with the voice's own phonemizer: the spoken forms come out as words
    (hat, sigma, by), not as the names of the symbols (circumflex, slash, times)."""
    from scenes import voice

    phonemes = voice.load(voice.bundled_model()).phonemize
    said = lambda text: " ".join("".join(s) for s in phonemes(text))  # noqa: E731
    assert "kəmflɛks" in said("ŷ").replace("ˈ", "").replace("ˌ", "")  # why the normaliser exists
    assert "hˈæt" in said(speakable("ŷ"))
    assert "slæʃ" not in said(speakable("∂L/∂z")).replace("ˈ", "")
    assert "baɪ" in said(speakable("3×9"))
    assert "mˈaɪnəs" in said(speakable("z = -1.2"))
    assert "mˈaɪnəs" not in said("z = -1.2")  # the engine alone drops the sign
