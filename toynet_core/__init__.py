"""toynet_core: the post's 2-3-1 XOR network in pure NumPy, its trainer and run artifact.

    from toynet_core import TrainConfig, train, load_run, forward, gradients
"""

from .artifact import Run, RunFileError, load_run
from .backprop import batch_gradients, gradients, post_chain, sgd_step
from .config import DEFAULT_SEED, ConfigError, TrainConfig
from .model import forward
from .sweep import SweepResult, load_sweep, sweep
from .trainer import TrainingDiverged, train

__all__ = [
    "TrainConfig", "train", "load_run", "forward", "gradients", "post_chain", "batch_gradients",
    "sgd_step",
    "Run", "RunFileError", "ConfigError", "TrainingDiverged", "DEFAULT_SEED",
    "sweep", "SweepResult", "load_sweep",
]
