"""Every scene's chapter declares what the scene reads of the run (scenes.registry), exactly:
only declared run data goes into a scene's fingerprint, so a scene that read the run without
declaring it would be joined, stale, into the video of another run.

Each scene is built as the layout tests build it (tests/scenes/harness.py, and the built scene
is shared with them), with the loaders of scenes.run_data wrapped to record which are called,
directly or through helpers and widgets.
"""

import sys

import pytest

from scenes import registry, run_data
from tests.scenes import harness

ENTRIES = registry.all_scenes()


def loaders():
    return {name: f for name, f in vars(run_data).items()
            if name.startswith("load_") and getattr(f, "__module__", None) == run_data.__name__}


def test_every_loader_of_run_data_is_named_in_the_registry():
    assert set(loaders()) == set(registry.LOADERS.values()), \
        "scenes.registry.LOADERS must name each scenes.run_data loader (and pipeline.runs its files)"


def record_loads(monkeypatch):
    """Wraps every binding of the loaders in the scenes' modules; returns the set that collects
    what is read (registry.RUN, FAILED_RUN, SWEEPS)."""
    called = set()
    wrappers = {}
    for what, name in registry.LOADERS.items():
        def wrapper(*args, _what=what, _load=loaders()[name], **kwargs):
            called.add(_what)
            return _load(*args, **kwargs)
        wrappers[id(loaders()[name])] = wrapper
    # `from scenes.run_data import load_scene_run` copies the name into the importing module.
    for module in [m for n, m in sys.modules.items() if n == "scenes" or n.startswith("scenes.")]:
        for attr, value in list(vars(module).items()):
            if id(value) in wrappers:
                monkeypatch.setattr(module, attr, wrappers[id(value)])
    return called


def reads_of(entry, media_dir, monkeypatch):
    scene_class = entry.load()
    called = record_loads(monkeypatch)
    built = []
    construct = scene_class.construct

    def construct_and_note(self):
        built.append(True)
        return construct(self)

    monkeypatch.setattr(scene_class, "construct", construct_and_note)
    harness.run_scene(scene_class, media_dir)
    if not built:  # the harness had built it earlier in this session, unrecorded: build a copy
        copy = type(scene_class.__name__, (scene_class,), {})
        harness.run_scene(copy, media_dir, check_layout=False)
    assert built, f"{entry.name} was not built"
    return called


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_scene_reads_exactly_what_its_chapter_declares(entry, media_dir, monkeypatch):
    read = reads_of(entry, media_dir, monkeypatch)
    chapter = entry.module.rsplit(".", 1)[0]
    assert read == set(entry.reads), (
        f"{entry.name} reads {sorted(read) or 'no run data'} but {chapter}.SCENES declares "
        f"{sorted(entry.reads) or 'none'}: list what it reads as the entry's fourth field")
