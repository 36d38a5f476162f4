"""The video's running order: every scene, in the post's order, with its chapter title and
what it reads of the run.

Each chapter package lists its own scenes in its __init__ as
SCENES = [(module, class, title), (module, class, title, reads), ...]; this module only
concatenates the chapters. render.sh, the joiner and the layout tests all read the order from
here, so a new scene is covered everywhere once its chapter lists it.

`reads` names what the scene loads through scenes.run_data (RUN, FAILED_RUN, SWEEPS,
REFERENCE_RUN below);
a scene that loads none of them lists three fields. Only what a scene reads goes into its
render fingerprint, so a new run re-renders just those scenes. tests/pipeline/test_run_reads.py
checks every declaration against what the scene really loads (through scenes.run_data or by
opening the files), and a render made by the pipeline fails if the scene loads run data it
does not declare (scenes.run_data, TOYNET_READS).
"""

import importlib
from dataclasses import dataclass
from pathlib import Path

CHAPTERS = ("scenes.ch0_introduction", "scenes.ch1_math", "scenes.ch2_network", "scenes.ch3_training")

# What a scene can read, and the scenes.run_data loader that reads it.
RUN = "run"  # the run the video is rendered for
FAILED_RUN = "failed run"  # the committed run that does not learn XOR
SWEEPS = "sweeps"  # the committed seed sweeps
REFERENCE_RUN = "reference run"  # the committed default run, whatever run the video is for
LOADERS = {RUN: "load_scene_run", FAILED_RUN: "load_failed_run", SWEEPS: "load_sweep_result",
           REFERENCE_RUN: "load_reference_run"}

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SceneEntry:
    module: str  # dotted module path, e.g. "scenes.ch2_network.xor_problem"
    name: str  # Scene class name
    title: str  # chapter title in the joined video
    reads: frozenset = frozenset()  # of RUN, FAILED_RUN, SWEEPS, REFERENCE_RUN

    @property
    def path(self) -> Path:
        """Source file, relative to the repo root (what the manim CLI is given)."""
        return Path(*self.module.split(".")).with_suffix(".py")

    def load(self):
        return getattr(importlib.import_module(self.module), self.name)


def _entry(chapter, fields):
    if len(fields) not in (3, 4):
        raise ValueError(f"{chapter}.SCENES: {fields!r} is not (module, class, title[, reads])")
    module, name, title, *rest = fields
    reads = frozenset(rest[0]) if rest else frozenset()
    unknown = sorted(reads - set(LOADERS))
    if unknown:
        raise ValueError(f"{chapter}.SCENES: {name} reads unknown {unknown}; "
                         f"use scenes.registry.RUN, FAILED_RUN, SWEEPS or REFERENCE_RUN")
    return SceneEntry(module, name, title, reads)


def all_scenes():
    entries = []
    for chapter in CHAPTERS:
        for fields in importlib.import_module(chapter).SCENES:
            entries.append(_entry(chapter, fields))
    return entries


def find(name):
    """The entry for a scene class name; KeyError lists the valid names."""
    entries = all_scenes()
    for entry in entries:
        if entry.name == name:
            return entry
    valid = ", ".join(e.name for e in entries)
    raise KeyError(f"unknown scene {name!r}; valid scenes: {valid}")
