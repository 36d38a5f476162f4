"""scenes.fast_copy: copies of mobjects are what manim's own copies are, only cheaper."""

import hashlib

import numpy as np
from manim import Circle, MathTex, Scene, Text, Transform, VGroup, tempconfig
from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath

from scenes import fast_copy
from tests.scenes.harness import TEX_CACHE


def manims_own_copies(monkeypatch):
    monkeypatch.setattr(fast_copy.Mobject, "__deepcopy__", fast_copy.MANIMS_OWN)
    monkeypatch.setattr(VMobjectFromSVGPath, "__deepcopy__", fast_copy.MANIMS_OWN)


def test_the_scenes_copy_with_it():
    from scenes import pacing  # noqa: F401  (every scene paces its beats with it; it installs it)

    assert fast_copy.Mobject.__deepcopy__ is fast_copy.mobject_deepcopy
    assert VMobjectFromSVGPath.__deepcopy__ is fast_copy.glyph_deepcopy


def describe(mob):
    """Every family member's class, points, colours, opacities and flags."""
    out = []
    for m in mob.get_family():
        state = {k: v for k, v in vars(m).items() if isinstance(v, (int, float, str, bool))}
        state.pop("original_id", None)
        out.append((type(m).__name__, m.points.round(9).tolist(), m.get_fill_rgbas().tolist(),
                    m.get_stroke_rgbas().tolist(), sorted(state.items())))
    return out


def test_a_copy_is_the_same_mobject_and_independent(monkeypatch):
    monkeypatch.setattr(fast_copy.Mobject, "__deepcopy__", fast_copy.mobject_deepcopy)
    monkeypatch.setattr(VMobjectFromSVGPath, "__deepcopy__", fast_copy.glyph_deepcopy)
    with tempconfig({"tex_dir": str(TEX_CACHE)}):
        formula = MathTex(r"\hat y = \sigma(z^{(2)})", color="#58C4DD").scale(1.3)
    group = VGroup(formula, Text("toy", font_size=30), Circle().set_fill("#FC6255", 0.4))
    copy = group.copy()
    assert describe(copy) == describe(group)
    # each glyph's parsed SVG path is shared, read only; everything with state is not
    glyph, glyph_copy = formula[0][0], copy[0][0][0]
    assert glyph_copy.path_obj is glyph.path_obj
    assert glyph_copy is not glyph and glyph_copy.points is not glyph.points
    before = describe(group)
    copy.shift(np.array([1.0, 2.0, 0.0])).set_color("#FFFF00")
    assert describe(group) == before


def test_shared_values_stay_shared_in_the_copy(monkeypatch):
    monkeypatch.setattr(fast_copy.Mobject, "__deepcopy__", fast_copy.mobject_deepcopy)
    mob = Circle()
    shared = np.arange(3.0)
    mob.first, mob.second, mob.peer = shared, shared, VGroup()
    mob.add(mob.peer)
    copy = mob.copy()
    assert copy.first is copy.second and copy.first is not shared
    assert copy.peer is copy.submobjects[0] and copy.peer is not mob.peer


class Morph(Scene):
    def construct(self):
        a = MathTex(r"W^{(1)} \tilde x").shift(np.array([-2.0, 0.0, 0.0]))
        b = VGroup(Text("ReLU", font_size=40), Circle(radius=0.6).set_fill("#83C167", 0.5))
        b.arrange(np.array([0.0, -1.0, 0.0])).shift(np.array([2.0, 0.0, 0.0]))
        self.add(a)
        self.play(Transform(a, b), run_time=1)


def frames_of(scene_class, tmp_path):
    digests = []
    options = {"pixel_width": 160, "pixel_height": 90, "frame_rate": 8, "media_dir": str(tmp_path),
               "write_to_movie": False, "disable_caching": True, "tex_dir": str(TEX_CACHE)}
    with tempconfig(options):
        scene = scene_class()
        render = scene.renderer.render

        def keep(s, time, moving=None):
            render(s, time, moving)
            digests.append(hashlib.blake2b(scene.renderer.get_frame().tobytes()).hexdigest())

        scene.renderer.render = keep
        scene.render()
    return digests


def test_an_animation_draws_the_same_frames(tmp_path, monkeypatch):
    monkeypatch.setattr(fast_copy.Mobject, "__deepcopy__", fast_copy.mobject_deepcopy)
    monkeypatch.setattr(VMobjectFromSVGPath, "__deepcopy__", fast_copy.glyph_deepcopy)
    ours = frames_of(Morph, tmp_path / "ours")
    manims_own_copies(monkeypatch)
    manims = frames_of(Morph, tmp_path / "manims")
    assert len(ours) >= 8 and len(set(ours)) > 4  # a real, moving animation
    assert ours == manims
