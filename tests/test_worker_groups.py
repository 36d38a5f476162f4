"""The test workers share out the video's scenes by groups of chapters (tests/conftest.py): a
scene's tests, by id or by module, all go to the worker that builds that scene."""

import re
from pathlib import Path

from scenes import registry
from tests.conftest import GROUP_OF_CHAPTER, GROUP_OF_MODULE, NETWORK, TOOLKIT, TRAINING, worker_group


def test_every_module_named_for_a_group_exists():
    here = Path(__file__).parent
    assert all((here / "scenes" / f"{name}.py").exists() for name in GROUP_OF_MODULE)


def test_every_scene_has_a_group():
    assert {e.module.split(".")[1] for e in registry.all_scenes()} <= set(GROUP_OF_CHAPTER)


def test_a_scenes_tests_share_its_group_and_other_modules_stay_whole():
    assert worker_group("tests/scenes/test_all_scenes.py::test_final_frame_is_not_blank[HiddenLift]") == NETWORK
    assert worker_group("tests/scenes/test_motion.py::test_driven_animations_move[TrainingRun]") == TRAINING
    assert worker_group("tests/pipeline/test_run_reads.py::test_scene_reads_exactly_what_its_chapter_declares[Overview]") == TOOLKIT
    assert worker_group("tests/scenes/test_ch2_hidden.py::test_anything") == NETWORK
    assert worker_group("tests/scenes/test_ch3_run.py::test_anything") == TRAINING
    assert worker_group("tests/scenes/test_run_words.py::test_outcome_words[failed]") == "tests/scenes/test_run_words.py"
    assert worker_group("tests/core/test_model.py::test_forward[3]") == "tests/core/test_model.py"


def test_a_modules_scenes_are_built_in_its_group():
    """A module named for a group names only scenes of that group (its tests build them there)."""
    chapters = {e.name: e.module.split(".")[1] for e in registry.all_scenes()}
    here = Path(__file__).parent / "scenes"
    for module, group in GROUP_OF_MODULE.items():
        text = (here / f"{module}.py").read_text()
        named = {name for name in chapters if re.search(rf"\b{name}\b", text)}
        assert {GROUP_OF_CHAPTER[chapters[n]] for n in named} <= {group}, (module, named)
