"""Every scene of the registry constructs, keeps its layout after every play(), shows
something, and speaks: every subtitle is a beat's words, in a form the voice can say, and
shown long enough to read. A new scene is covered here without new test code."""

import numpy as np
import pytest

from scenes import registry
from scenes.pacing import narration
from scenes.spoken import unspeakable
from scenes.style import BACKGROUND, READING_CPS
from tests.scenes.harness import run_scene

ENTRIES = registry.all_scenes()


@pytest.fixture(scope="module", params=ENTRIES, ids=[e.name for e in ENTRIES])
def rendered(request, media_dir):
    return request.param, run_scene(request.param.load(), media_dir)


def test_scene_has_beats_and_subcaptions(rendered):
    entry, scene = rendered
    assert scene.beats >= 2, f"{entry.name} has fewer than two play() beats"
    captions = [s.content for s in scene.renderer.file_writer.subcaptions]
    assert captions, f"{entry.name} has no subcaptions"
    assert all(c.strip() for c in captions)


def test_every_subtitle_is_spoken_by_a_beat(rendered):
    entry, scene = rendered
    captions = [s.content for s in scene.renderer.file_writer.subcaptions]
    assert [n.subcaption for n in narration(scene)] == captions, \
        f"{entry.name} has subtitles that are not the words of a scenes.pacing.beat"


def test_spoken_words_hold_nothing_the_voice_would_mangle(rendered):
    entry, scene = rendered
    bad = {n.spoken: unspeakable(n.spoken) for n in narration(scene) if unspeakable(n.spoken)}
    assert not bad, f"{entry.name}: {bad}"


def test_no_words_are_said_twice(rendered):
    entry, scene = rendered
    said = [n.spoken for n in narration(scene)]
    assert len(set(said)) == len(said), f"{entry.name} repeats itself: {said}"


def test_no_subtitle_is_faster_than_the_reading_pace(rendered):
    entry, scene = rendered
    for cue in scene.renderer.file_writer.subcaptions:
        seconds = (cue.end - cue.start).total_seconds()
        assert len(cue.content) <= READING_CPS * seconds + 1e-6, f"{entry.name}: {cue.content!r} in {seconds:.2f} s"


def test_final_frame_is_not_blank(rendered):
    entry, scene = rendered
    frame = scene.renderer.get_frame()[:, :, :3].astype(int)
    background = np.array([int(c * 255) for c in BACKGROUND.to_rgb()])
    drawn = np.abs(frame - background).sum(axis=2) > 30
    assert drawn.mean() > 0.01, f"{entry.name} ends on an empty frame"


def test_registry_titles_and_names_are_unique():
    assert len({e.name for e in ENTRIES}) == len(ENTRIES)
    assert len({e.title for e in ENTRIES}) == len(ENTRIES)


def test_craft_rules_or_listed_debt(rendered):
    """Nothing in the subtitle band and no empty cue start (tests/scenes/craft.py), except
    the debt listed there; a listed rule the scene no longer breaks must leave the list."""
    from tests.scenes.craft import CRAFT_DEBT

    entry, scene = rendered
    broken = {kind for kind, _ in scene.craft_problems}
    listed = CRAFT_DEBT.get(entry.name, set())
    details = "\n  ".join(text for kind, text in scene.craft_problems if kind not in listed)
    assert broken <= listed, f"{entry.name} breaks the craft rules:\n  {details}"
    assert listed <= broken, f"{entry.name} now meets {listed - broken}: remove it from CRAFT_DEBT"


def test_the_script_in_docs_holds_each_scene_in_running_order():
    """docs/SCRIPT.md is generated from the scenes (python -m tools.script): its header, then
    one section per scene of the registry, in running order, and nothing else."""
    from tools.script import DEFAULT_OUT, HEADER, heading

    text = DEFAULT_OUT.read_text(encoding="utf-8")
    assert text.startswith(HEADER), "docs/SCRIPT.md is out of date: run python -m tools.script"
    found = [line for line in text.splitlines() if line.startswith("## ")]
    assert found == [heading(n, e) for n, e in enumerate(ENTRIES, start=1)], \
        "docs/SCRIPT.md is out of date: run python -m tools.script"


def test_the_script_in_docs_says_what_the_scene_says(rendered):
    """Each scene's section of docs/SCRIPT.md is what the scene built for the tests above says
    (with the test above, the file is exactly what tools.script writes)."""
    from tools.script import DEFAULT_OUT, section

    entry, scene = rendered
    number = ENTRIES.index(entry) + 1
    assert section(number, entry, narration(scene)) in DEFAULT_OUT.read_text(encoding="utf-8"), \
        f"{entry.name}'s words in docs/SCRIPT.md are out of date: run python -m tools.script"
