"""The spoken form of a subtitle: the words the voice reads aloud.

A subtitle may show ŷ, W⁽¹⁾, σ, ∂L/∂z or 3×9; a speech engine reads those as "y circumflex",
"W", "slash" or not at all. speakable() rewrites them into plain words ("y hat", "W one",
"sigma", "d L by d z", "3 by 9") and keeps everything else, so that every text the voice is
given, written by hand or taken from a subtitle, goes through the same rules.

    speakable("ŷ = σ(z₂)")        -> "y hat equals sigma of z two"
    unspeakable("y hat equals 3")   -> ""   (the characters the voice would mangle, if any)
"""

import re
import unicodedata

# What the voice reads as written: plain letters, digits and prose punctuation.
SPEAKABLE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"-%")

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "Δ": "delta", "ε": "epsilon",
    "ϵ": "epsilon", "η": "eta", "θ": "theta", "λ": "lambda", "μ": "mu", "π": "pi", "ρ": "rho",
    "σ": "sigma", "Σ": "sigma", "τ": "tau", "φ": "phi", "ϕ": "phi", "ψ": "psi", "ω": "omega",
    "Ω": "omega",
}

# Accents over a letter, after Unicode decomposition (ŷ is y + U+0302).
ACCENTS = {"\u0302": "hat", "\u0303": "tilde", "\u0304": "bar", "\u0307": "dot", "\u20d7": "vector"}

SUPERSCRIPT_DIGITS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
SUBSCRIPT_DIGITS = dict(zip("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
SUBSCRIPT_LETTERS = dict(zip("ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", "aehijklmnoprstuvx"))

# Operators and signs, read as words. Longer keys first where one contains another.
OPERATORS = [
    ("≠", " is not "), ("≈", " is about "), ("≤", " is at most "), ("≥", " is at least "),
    ("<=", " is at most "), (">=", " is at least "), ("->", " to "), ("=>", " so "),
    ("=", " equals "), ("<", " is less than "), (">", " is greater than "), ("±", " plus or minus "),
    ("+", " plus "), ("−", " minus "), ("×", " times "), ("·", " times "), ("⋅", " times "),
    ("*", " times "), ("÷", " divided by "), ("∘", " after "), ("→", " to "), ("↦", " maps to "),
    ("⇒", " so "), ("∈", " in "), ("∑", " the sum of "), ("√", " the square root of "),
    ("∞", " infinity "), ("∇", " the gradient of "), ("°", " degrees "), ("–", ", "),
    ("&", " and "), ("~", " about "), ("∼", " about "), ("…", "..."), ("—", ", "),
    ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("ℝ", "R"),
]

# Words a speech engine gets wrong as written.
WORDS = {"XOR": "ex-or", "i.e.": "that is", "vs.": "versus", "w.r.t.": "with respect to"}

FUNCTIONS = r"(?:[A-Za-z]|sigma|ReLU|relu|sin|cos|tan|exp|log|tanh|max|min)"


def number_word(digits):
    """'1' -> 'one' for the small indices of names like W1 or z₂; larger ones stay digits."""
    n = int(digits)
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) and digits == str(n) else digits


def _accents(text):
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in ACCENTS:
            out.append(" " + ACCENTS[ch])
        elif unicodedata.category(ch) == "Mn":
            continue  # other accents (é, ü) are read from their letter
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _scripts(text):
    """Superscripts and subscripts: x⁽²⁾ -> x layer two, W⁽¹⁾ -> W one, x² -> x squared, R³ -> R three, z₁ -> z one."""
    sup = "".join(SUPERSCRIPT_DIGITS)
    # x⁽²⁾ is a layer's vector and x₂ an input coordinate: the ear must tell them apart.
    text = re.sub(rf"\bx⁽([{sup}]+)⁾", lambda m: "x layer " + _digits(m.group(1), SUPERSCRIPT_DIGITS), text)
    text = re.sub(rf"⁽([{sup}]+)⁾", lambda m: " " + _digits(m.group(1), SUPERSCRIPT_DIGITS), text)
    text = re.sub(rf"R([{sup}]+)", lambda m: "R " + _digits(m.group(1), SUPERSCRIPT_DIGITS), text)
    text = text.replace("ᵀ", " transpose")
    text = re.sub(r"²(?![⁰-⁹¹²³])", " squared", text)
    text = re.sub(r"³(?![⁰-⁹¹²³])", " cubed", text)
    text = re.sub(rf"[{sup}]+", lambda m: " to the " + _digits(m.group(0), SUPERSCRIPT_DIGITS), text)
    text = re.sub("[" + "".join(SUBSCRIPT_DIGITS) + "]+", lambda m: " " + _digits(m.group(0), SUBSCRIPT_DIGITS), text)
    return "".join(" " + SUBSCRIPT_LETTERS[c] if c in SUBSCRIPT_LETTERS else c for c in text)


def _digits(s, table):
    return number_word("".join(table[c] for c in s))


def _carets(text):
    """Written powers: W^(1), W^{(1)} -> W one; x^2 -> x squared; x^T -> x transpose; R^3 -> R three."""
    text = re.sub(r"\bx\^\{?\((\d+)\)\}?", lambda m: "x layer " + number_word(m.group(1)), text)
    text = re.sub(r"\^\{?\((\d+)\)\}?", lambda m: " " + number_word(m.group(1)), text)
    text = re.sub(r"\bR\^\{?(\d+)\}?", lambda m: "R " + number_word(m.group(1)), text)
    text = re.sub(r"\^\{?2\}?(?!\d)", " squared", text)
    text = re.sub(r"\^\{?T\}?(?![A-Za-z])", " transpose", text)
    return re.sub(r"\^\{?(-?\w+)\}?", r" to the \1", text)


def _functions(text):
    """f(x) -> f of x, σ(z) -> sigma of z: a name followed by parentheses is applied to them."""
    pattern = re.compile(rf"(?<![\w.])({FUNCTIONS})\(")
    while (m := pattern.search(text)) is not None:
        depth, end = 1, m.end()
        while end < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        inner = text[m.end():end - 1] if depth == 0 else text[m.end():]
        text = f"{text[:m.start()]}{m.group(1)} of {inner} {text[end:]}"
    return text


def _numbers(text):
    """Minus signs, products of sizes, fractions and exponents, so numbers read naturally."""
    text = re.sub(r"(\d)\s*[×x]\s*(\d)", r"\1 by \2", text)  # 3×9, 1x2: sizes
    text = re.sub(r"(?<![\w.])1/2(?![\d/])", "one half", text)
    text = re.sub(r"(\d(?:\.\d+)?)e([-+]?)(\d+)\b",
                  lambda m: f"{m.group(1)} times ten to the {'minus ' if m.group(2) == '-' else ''}{m.group(3)}", text)
    text = re.sub(r"(?<![\w)\]])[-−–](?=\.?\d)", " minus ", text)  # a sign, not a hyphen
    text = re.sub(r"(?<![A-Za-z])([A-Za-z]\d*|\d+(?:\.\d+)?)\s+[-−–]\s+(?=[A-Za-z0-9(])", r"\1 minus ", text)  # a - b
    text = re.sub(r"(\d)\s*[–-]\s*(\d)", r"\1 to \2", text)  # ranges: 1–3
    text = re.sub(r"(?<![\d.])\.(\d)", r"0.\1", text)  # .5 -> 0.5
    return text


def _derivatives(text):
    """∂L/∂z, dL/dz -> d L by d z (the symbols may carry an index or a hat)."""
    symbol = r"([A-Za-z](?:\d+|\s(?:hat|tilde|one|two|three)\b)?)"
    text = re.sub(rf"(?<![A-Za-z])d\s?/\s?d\s?{symbol}(?![A-Za-z])", r" d by d \1", text)  # d/dx
    return re.sub(rf"(?<![A-Za-z])d\s?{symbol}\s?/\s?d\s?{symbol}(?![A-Za-z])", r" d \1 by d \2", text)


def _identifiers(text):
    """W1, x2, z1's -> W one, x two, z one's: a one-letter name with a small index."""
    return re.sub(r"\b([A-Za-z])(\d{1,2})\b", lambda m: f"{m.group(1)} {number_word(m.group(2))}", text)


def _brackets(text):
    text = re.sub(r"‖([^‖]+)‖", r" the norm of \1 ", text)
    text = re.sub(r"\|([^|]+)\|", r" the size of \1 ", text)
    # A group is read as a phrase: no pause before it, a short one after it.
    text = re.sub(r"[\[(]", " ", text)
    text = re.sub(r"[\])]", ", ", text)
    text = re.sub(r"[{}_\\`$#@]", " ", text)
    return text.replace("/", " over ").replace("^", " to the ")


def _tidy(text):
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)  # ", ," from removed brackets
    text = re.sub(r",(?=\s*[.;:!?])", "", text)
    text = re.sub(r"(^|[.;:!?]\s*),\s*", r"\1", text)
    return text.strip(" ,")


def speakable(text):
    """The words a voice should say for `text`: symbols, indices, operators and signs spelled
    out, everything else as written."""
    for written, said in WORDS.items():
        text = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", said, text)
    text = _accents(text)
    text = _scripts(text)
    text = _carets(text)
    for letter, name in GREEK.items():
        text = text.replace(letter, f" {name}")
    text = _derivatives(text.replace("∂", "d"))
    text = _functions(text)
    text = _numbers(text)
    for written, said in OPERATORS:
        text = text.replace(written, said)
    text = _identifiers(text)
    text = _brackets(text)
    return _tidy(text)


def unspeakable(text):
    """The characters of `text` a voice would mangle or skip, in order of first appearance;
    empty for a text that is safe to speak."""
    return "".join(dict.fromkeys(ch for ch in text if ch not in SPEAKABLE))
