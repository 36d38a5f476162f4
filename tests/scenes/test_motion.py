"""Every animation driven by a tracker or an updater moves: rendered for real, its frames
differ one from the next, and every driven mobject's own picture changes.

The frames come from the shared scene harness (tests/scenes/harness.py), which renders only
the driven play() calls, at its low resolution and frame rate; tests/scenes/motion.py says
which calls are driven and what is recorded.
"""

import pytest

from scenes import registry
from tests.scenes.harness import run_scene
from tests.scenes.motion import motion_problems

# Scenes with tracker- or updater-driven animations (ValueTracker, always_redraw,
# add_updater, UpdateFromAlphaFunc, camera moves). A scene that gains one must be listed.
MOVING = {
    "VectorTwoFaces", "FunctionGraphs", "Paraboloid", "RankPlane", "HiddenLift", "ReluGraph",
    "ReluFold", "SeparatingPlane", "SigmoidOutput", "TrainingRun", "WhenTrainingFails",
    "PlaneWarp", "LinearOperators", "MatrixVectorProduct", "MatrixProduct", "JacobianExample",
    "ChainRule", "SteepestDescent", "CommonGradients", "InjectiveSurjective", "NoNewDimensions", "Overview",
    "XorProblem", "TrainingPremise", "DecisionRegions", "ThreeRoles", "AffineTrick",
    "UpdateStep",
    "ForwardPass", "GradientFlow", "BackpropW2", "BackpropW1",
}

ENTRIES = registry.all_scenes()


@pytest.fixture(scope="module", params=ENTRIES, ids=[e.name for e in ENTRIES])
def rendered(request, media_dir):
    return request.param, run_scene(request.param.load(), media_dir)


def test_driven_animations_move(rendered):
    entry, scene = rendered
    clips = scene.motion.clips
    if entry.name not in MOVING:
        beats = [c.beat for c in clips]
        assert not clips, (f"{entry.name} has tracker- or updater-driven animations (play() "
                           f"#{beats}): add it to MOVING in {__name__} so they are checked")
        return
    assert clips, f"{entry.name} is listed in MOVING but no driven animation was found"
    problems = motion_problems(scene, clips)
    assert not problems, f"{entry.name}:\n  " + "\n  ".join(problems)


def test_every_listed_scene_exists():
    assert MOVING <= {e.name for e in ENTRIES}
