import pytest

from scenes.run_data import DEFAULT_RUN, FAILED_RUN
from tests.scenes.harness import run_scene
from toynet_core import TrainConfig, train

# A poorly trained run, as a user could ask for it: ./render.sh --seed 11 --lr 0.5 --noise 0.3
POOR = TrainConfig(seed=11, lr=0.5, noise=0.3)


@pytest.fixture(scope="session")
def three_runs(tmp_path_factory):
    """Run files a scene's words must be true of: the default run, the committed failed run,
    and a poorly trained one (its accuracy ends below where it was at epoch 10)."""
    poor = tmp_path_factory.mktemp("runs") / "seed11_lr0.5_noise0.3.npz"
    train(POOR).save(poor)
    return {"default": DEFAULT_RUN, "failed": FAILED_RUN, "poor": poor}


@pytest.fixture
def scenes(media_dir):
    """scenes("vectors", "VectorTwoFaces"): a chapter-1 scene by module and class name, built
    by the harness (which builds each scene once per test session)."""

    def get(module, name):
        mod = __import__(f"scenes.ch1_math.{module}", fromlist=[name])
        return run_scene(getattr(mod, name), media_dir)

    return get
