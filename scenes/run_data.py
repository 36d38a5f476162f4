"""The runs a render shows. Scenes read them here and never train.

The user picks the main run with the environment variable TOYNET_RUN (render.sh sets it from
--run or --seed); otherwise the committed default run is used. Each file is loaded once per
process and validated by toynet_core.load_run.

A render made by the pipeline sets TOYNET_READS to what the scene's chapter declares it reads
(scenes.registry): reading anything else then fails the render, since that data is not in the
scene's fingerprint and the render could be joined, stale, into the video of another run.
"""

import os
from functools import lru_cache
from pathlib import Path

from scenes import registry
from toynet_core import load_run, load_sweep

ASSETS = Path(__file__).resolve().parent.parent / "assets"
DEFAULT_RUN = ASSETS / "default_run.npz"
FAILED_RUN = ASSETS / "failed_run.npz"
SWEEPS = {"default": ASSETS / "sweep_default.npz", "plain": ASSETS / "sweep_plain.npz"}


def run_path():
    return Path(os.environ.get("TOYNET_RUN") or DEFAULT_RUN)


class UndeclaredRead(RuntimeError):
    pass


def _declared(what):
    declared = os.environ.get("TOYNET_READS")
    if declared is not None and what not in declared.split(","):
        raise UndeclaredRead(
            f"this scene reads {what!r} but its chapter's SCENES entry does not declare it: add "
            f"{ {registry.RUN: 'RUN', registry.FAILED_RUN: 'FAILED_RUN', registry.SWEEPS: 'SWEEPS', registry.REFERENCE_RUN: 'REFERENCE_RUN'}[what]} "
            f"(from scenes.registry) to the entry's fourth field")


def load_scene_run():
    """The run the video is rendered for: TOYNET_RUN if set, else assets/default_run.npz."""
    _declared(registry.RUN)
    return _load(str(run_path()))


def load_failed_run():
    """A run that does not learn XOR (the post's plain init; two ReLU units die)."""
    _declared(registry.FAILED_RUN)
    return _load(str(Path(os.environ.get("TOYNET_FAILED_RUN") or FAILED_RUN)))


def load_reference_run():
    """The committed default run, whatever run the video is rendered for: the trained network
    that chapter 1's bridge beats point at, so that those scenes need not render again for a
    new run. Words about it say "a trained network", not "your run"."""
    _declared(registry.REFERENCE_RUN)
    return _load(str(DEFAULT_RUN))


def load_sweep_result(which="default"):
    """The seed sweep of the default config ("default") or of the post's plain init ("plain")."""
    _declared(registry.SWEEPS)
    return _load_sweep(which)


@lru_cache(maxsize=None)
def _load_sweep(which):
    return load_sweep(SWEEPS[which])


@lru_cache(maxsize=None)
def _load(path):
    return load_run(path)
