"""The one colour code and number format: scenes take colours only from scenes.style, each
colour has one meaning, and small numbers keep their sign on screen."""

import ast
import re
from pathlib import Path

import manim.utils.color.manim_colors as manim_colors
import pytest

from scenes import style
from scenes.widgets.matrices import number, places_for

SCENES = Path(__file__).resolve().parents[2] / "scenes"
MANIM_COLOURS = {name for name in dir(manim_colors) if name.isupper()}
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def scene_sources():
    return [p for p in SCENES.rglob("*.py") if p != SCENES / "style.py"]


@pytest.mark.parametrize("path", scene_sources(), ids=lambda p: str(p.relative_to(SCENES)))
def test_scenes_take_colours_only_from_style(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "manim":
            picked = {a.name for a in node.names} & MANIM_COLOURS
            assert not picked, f"{path.name} imports manim colours {picked}: use scenes.style"
        if isinstance(node, ast.Attribute) and node.attr in MANIM_COLOURS:
            pytest.fail(f"{path.name}:{node.lineno} uses manim's {node.attr}: use scenes.style")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            assert not HEX.search(node.value), f"{path.name}:{node.lineno} hard-codes a colour"


def test_each_colour_has_one_meaning():
    meanings = {name: getattr(style, name) for name in (
        "FOREGROUND", "MUTED", "GRID", "CLASS_0", "CLASS_1", "CLASS_MID", "W1_COLOR", "W2_COLOR",
        "X_COLOR", "Z_COLOR", "YHAT_COLOR", "GRAD_COLOR", "LOSS_COLOR", "EMPHASIS",
        "X1_DIRECTION", "X2_DIRECTION")}
    hexes = [c.to_hex().lower() for c in meanings.values()]
    assert len(set(hexes)) == len(hexes), "two meanings share a colour"
    # the sign code is the class code: a positive score means class 1
    assert style.POSITIVE == style.CLASS_1 and style.NEGATIVE == style.CLASS_0
    assert style.signed_color(3.0, 1.0) == style.POSITIVE and style.signed_color(-3.0, 1.0) == style.NEGATIVE


@pytest.mark.parametrize("value, places", [
    (0.0, 2), (1.2345, 2), (-0.005, 2), (0.0049, 3), (-0.0031, 3), (0.00031, 4), (-1e-7, 4)])
def test_small_numbers_keep_a_significant_digit(value, places):
    assert places_for(value) == places


def test_a_tiny_negative_number_shows_its_sign():
    shown = number(-0.00031)
    assert shown.get_value() == -0.00031  # the full value is kept for the tests
    assert shown.num_decimal_places == 4
