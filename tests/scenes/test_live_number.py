"""LiveNumber looks exactly like DecimalNumber, keeps its left edge and baseline, and re-uses
its glyphs instead of making new ones for every value."""

import numpy as np
import pytest
from manim import LEFT, DecimalNumber, Scene, ValueTracker, tempconfig
from manim.camera.camera import Camera

from scenes.widgets.live_number import LiveNumber
from tests.scenes.harness import TEX_CACHE

CASES = [
    ({"num_decimal_places": 0}, [0, 53, 10_000, 221, 2_043]),
    ({"num_decimal_places": 1, "unit": r"\%"}, [50.0, 99.5, 100.0, 7.25]),
    ({"num_decimal_places": 3}, [-0.659, 0.25, -12.5]),
]


@pytest.fixture(autouse=True)
def tex_cache():
    with tempconfig({"tex_dir": str(TEX_CACHE)}):
        yield


def glyph_offsets(number):
    """Centres of the glyphs relative to the first glyph's left edge and bottom."""
    first = number.submobjects[0]
    origin = np.array([first.get_left()[0], first.get_bottom()[1], 0])
    return np.array([g.get_center() - origin for g in number.submobjects])


@pytest.mark.parametrize("options, values", CASES)
def test_same_glyphs_and_layout_as_decimal_number(options, values):
    live = LiveNumber(values[0], font_size=33, **options).shift([1.0, 2.0, 0])
    for value in values[1:] + values:
        live.set_value(value)
        reference = DecimalNumber(value, font_size=33, **options)
        assert live.get_value() == value
        assert live.shown_text() == reference._get_num_string(value) + (options.get("unit") or "")
        assert len(live.submobjects) == len(reference.submobjects)
        np.testing.assert_allclose(glyph_offsets(live), glyph_offsets(reference), atol=1e-9)
        for a, b in zip(live.submobjects, reference.submobjects):
            np.testing.assert_allclose(a.points - a.get_center(), b.points - b.get_center(),
                                       atol=1e-9)


def test_left_edge_and_baseline_stay_put():
    live = LiveNumber(5, num_decimal_places=2, font_size=30).move_to([-2.0, 1.0, 0])
    left, bottom = live.get_left()[0], live.submobjects[0].get_bottom()[1]
    for value in (12_345, 7, -0.53, -0.53, -0.53, 980, -12.5):  # the same value again, too
        live.set_value(value)
        digit = next(g for g, c in zip(live.submobjects, f"{value:,.2f}") if c.isdigit())
        assert live.get_left()[0] == pytest.approx(left)
        assert digit.get_bottom()[1] == pytest.approx(bottom)


def test_values_reuse_the_glyphs_made_before():
    live = LiveNumber(0, num_decimal_places=0, font_size=30)
    most = {}  # character -> most copies needed at once
    for value in range(0, 100_000, 997):
        live.set_value(value)
        text = f"{value:,}"
        for char in set(text):
            most[char] = max(most.get(char, 0), text.count(char))
    assert live.glyph_count() == sum(most.values())
    made = live.glyph_count()
    for value in range(0, 100_000, 997):  # shown before: nothing new is made
        live.set_value(value)
    assert live.glyph_count() == made


class Counting(Scene):
    """A LiveNumber that follows a tracker during a play(), rendered for real."""

    def construct(self):
        self.number = LiveNumber(0, num_decimal_places=0, font_size=40).move_to(LEFT * 2)
        tracker = ValueTracker(0)
        self.add(self.number)
        self.number.add_updater(lambda m: m.set_value(round(tracker.get_value())))
        self.play(tracker.animate.set_value(98_765), run_time=1)


def test_a_rendered_frame_shows_the_current_value_and_no_stale_glyphs(tmp_path):
    shown = []
    options = {"media_dir": str(tmp_path), "format": None, "write_to_movie": False,
               "pixel_width": 320, "pixel_height": 180, "frame_rate": 10,
               "disable_caching": True, "tex_dir": str(TEX_CACHE)}
    with tempconfig(options):
        scene = Counting()
        render = scene.renderer.render

        def keep(scene_, time, moving=None):
            render(scene_, time, moving)
            shown.append((scene.number.get_value(), scene.renderer.get_frame()))

        scene.renderer.render = keep
        scene.render()
        assert len(shown) >= 5
        value, frame = shown[-2]  # mid-play: the number has changed many times since the start
        reference = DecimalNumber(value, num_decimal_places=0, font_size=40)
        first, ref_first = scene.number.submobjects[0], reference.submobjects[0]
        reference.shift([first.get_left()[0] - ref_first.get_left()[0],
                         first.get_bottom()[1] - ref_first.get_bottom()[1], 0])
        camera = Camera()
        camera.capture_mobjects([reference])
        ink = np.abs(frame[..., :3].astype(int) - camera.pixel_array[..., :3].astype(int)).max(axis=2)
        assert (ink > 60).sum() <= 3, f"{(ink > 60).sum()} pixels differ from a fresh {value:,}"
