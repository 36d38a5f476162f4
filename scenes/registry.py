"""The video's running order: every scene, in the post's order, with its chapter title.

Each chapter package lists its own scenes in its __init__ as SCENES = [(module, class, title)];
this module only concatenates the chapters. render.sh, the joiner and the layout tests all read
the order from here, so a new scene is covered everywhere once its chapter lists it.
"""

import importlib
from dataclasses import dataclass
from pathlib import Path

CHAPTERS = ("scenes.ch0_introduction", "scenes.ch1_math", "scenes.ch2_network", "scenes.ch3_training")

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SceneEntry:
    module: str  # dotted module path, e.g. "scenes.ch2_network.xor_problem"
    name: str  # Scene class name
    title: str  # chapter title in the joined video

    @property
    def path(self) -> Path:
        """Source file, relative to the repo root (what the manim CLI is given)."""
        return Path(*self.module.split(".")).with_suffix(".py")

    def load(self):
        return getattr(importlib.import_module(self.module), self.name)


def all_scenes():
    entries = []
    for chapter in CHAPTERS:
        for module, name, title in importlib.import_module(chapter).SCENES:
            entries.append(SceneEntry(module, name, title))
    return entries


def find(name):
    """The entry for a scene class name; KeyError lists the valid names."""
    entries = all_scenes()
    for entry in entries:
        if entry.name == name:
            return entry
    valid = ", ".join(e.name for e in entries)
    raise KeyError(f"unknown scene {name!r}; valid scenes: {valid}")
