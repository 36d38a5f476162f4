"""The two test workers split the video in halves (tests/conftest.py): a scene's tests, by id
or by module, all go to the worker that builds that scene."""

from pathlib import Path

from scenes import registry
from tests.conftest import HALF_OF_CHAPTER, HALF_OF_MODULE, NETWORK, TOOLKIT, worker_group


def test_every_module_named_for_a_half_exists():
    here = Path(__file__).parent
    assert all((here / "scenes" / f"{name}.py").exists() for name in HALF_OF_MODULE)


def test_every_scene_has_a_half():
    assert {e.module.split(".")[1] for e in registry.all_scenes()} <= set(HALF_OF_CHAPTER)


def test_a_scenes_tests_share_its_half_and_other_modules_stay_whole():
    assert worker_group("tests/scenes/test_all_scenes.py::test_final_frame_is_not_blank[HiddenLift]") == NETWORK
    assert worker_group("tests/pipeline/test_run_reads.py::test_scene_reads_exactly_what_its_chapter_declares[Overview]") == TOOLKIT
    assert worker_group("tests/scenes/test_ch2_hidden.py::test_anything") == NETWORK
    assert worker_group("tests/core/test_model.py::test_forward[3]") == "tests/core/test_model.py"
