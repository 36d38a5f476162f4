import functools
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# manim.cfg and the TeX template are found relative to the working directory.
os.chdir(ROOT)
# Scenes are silent and paced for reading unless a test asks for a voice.
os.environ["TOYNET_VOICE"] = "none"


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory):
    """One manim media folder for the whole test session."""
    return tmp_path_factory.mktemp("media")


# test.sh runs the suite in two pytest-xdist workers. Building a scene is the costly part, and
# the harness builds each scene once per worker, so every test of a scene runs in the worker that
# builds it: the scene-by-scene tests (their id is the scene's name) by their scene's group of
# chapters, the tests of a scene's own module by the group named here. Three groups, not two
# halves, so that the two workers end close together (xdist hands out the largest group first,
# then the next to whichever worker is free). The modules that only collect a scene's words for
# several runs (tests/scenes/words.py builds their scenes apart from the harness) and any other
# module run whole in one worker, as they would alone. (Grouped by node id, not by xdist_group
# marks, which pytest-xdist 3.8 does not see under pytest 9.2.)
TOOLKIT, NETWORK, TRAINING = "the toolkit", "the network", "the training"
GROUP_OF_CHAPTER = {"ch0_introduction": TOOLKIT, "ch1_math": TOOLKIT,
                    "ch2_network": NETWORK, "ch3_training": TRAINING}
GROUP_OF_MODULE = {
    **dict.fromkeys(["test_ch1_gradients", "test_ch1_information", "test_ch1_mappings",
                     "test_ch1_vectors_functions", "test_jacobian_example", "test_linear_operators",
                     "test_matrix_product", "test_overview", "test_plane_warp"], TOOLKIT),
    **dict.fromkeys(["test_ch2_diagram", "test_ch2_hidden", "test_xor_problem"], NETWORK),
    **dict.fromkeys(["test_ch3_numbers", "test_ch3_premise", "test_ch3_run"], TRAINING),
}


@functools.cache
def _chapter_of_scene():
    from scenes import registry

    return {e.name: e.module.split(".")[1] for e in registry.all_scenes()}


def worker_group(nodeid):
    """The group of tests that one worker runs, for a test's node id."""
    chapter = _chapter_of_scene()
    scene = re.search(r"\[([A-Za-z0-9]+)\]$", nodeid)
    if scene and scene.group(1) in chapter:
        return GROUP_OF_CHAPTER[chapter[scene.group(1)]]
    path = nodeid.split("::")[0]
    return GROUP_OF_MODULE.get(Path(path).stem, path)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ByGroupOfScenes(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return worker_group(nodeid)

    return ByGroupOfScenes(config, log)
