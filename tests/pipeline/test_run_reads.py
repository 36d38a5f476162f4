"""Every scene's chapter declares what the scene reads of the run (scenes.registry), exactly:
only declared run data goes into a scene's fingerprint, so a scene that read the run without
declaring it would be joined, stale, into the video of another run.

Each scene is built as the layout tests build it (tests/scenes/harness.py, and the built scene
is shared with them) while two things are recorded: which loaders of scenes.run_data are called,
directly or through helpers and widgets, and which run data files are opened, however they are
opened (a scene that np.load()s a run itself is caught too). Every functools cache of the
scenes' modules is emptied first, so that no read made earlier in the session hides one.
"""

import builtins
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import runs
from scenes import registry, run_data
from tests.pipeline import tiny_scenes
from tests.scenes import harness

ENTRIES = registry.all_scenes()


def loaders():
    return {name: f for name, f in vars(run_data).items()
            if name.startswith("load_") and getattr(f, "__module__", None) == run_data.__name__}


def test_every_loader_of_run_data_is_named_in_the_registry():
    assert set(loaders()) == set(registry.LOADERS.values()), \
        "scenes.registry.LOADERS must name each scenes.run_data loader (and pipeline.runs its files)"


def run_files():
    """{resolved path: what it can be (a set of registry.RUN, FAILED_RUN, SWEEPS, REFERENCE_RUN)}
    of every run data file a scene can read, as a render hands them to it. The default run is
    both the reference run and, unless another run is asked for, the run."""
    files = {}
    for what in registry.LOADERS:
        for path in runs.files_read(what):
            files.setdefault(Path(path).resolve(), set()).add(what)
    return files


def _scene_modules():
    return [m for n, m in list(sys.modules.items())
            if m is not None and (n in ("scenes", "tests.pipeline.tiny_scenes") or n.startswith("scenes."))]


def record_loads(monkeypatch):
    """Wraps every binding of the loaders in the scenes' modules, and open(); returns the set
    that collects what is read (registry.RUN, FAILED_RUN, SWEEPS, REFERENCE_RUN)."""
    called = set()
    files = {}
    for path, kinds in run_files().items():
        # reads_of hands scenes a copy of the default run as the run asked for, so that each
        # file is one kind of run data and a file opened by hand says what was read
        assert len(kinds) == 1, f"{path} is {sorted(kinds)}: set TOYNET_RUN to another file"
        (files[path],) = kinds
    real_open = io.open

    def watching_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)):
            what = files.get(Path(os.fsdecode(file)).resolve())
            if what is not None:
                called.add(what)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watching_open)  # open(), np.load
    monkeypatch.setattr(io, "open", watching_open)  # pathlib
    for module in _scene_modules():
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    wrappers = {}
    for what, name in registry.LOADERS.items():
        def wrapper(*args, _what=what, _load=loaders()[name], **kwargs):
            called.add(_what)
            return _load(*args, **kwargs)
        wrappers[id(loaders()[name])] = wrapper
    # `from scenes.run_data import load_scene_run` copies the name into the importing module.
    for module in _scene_modules():
        for attr, value in list(vars(module).items()):
            if id(value) in wrappers:
                monkeypatch.setattr(module, attr, wrappers[id(value)])
    return called


def reads_of(entry, media_dir, monkeypatch):
    scene_class = entry.load() if hasattr(entry, "load") else entry
    # the run asked for is a copy of the default run, so that its file is not the reference
    # run's: a scene that opens one by hand is then told apart from one that opens the other
    asked = Path(media_dir) / "asked_run.npz"
    if not asked.exists():
        shutil.copyfile(run_data.DEFAULT_RUN, asked)
    monkeypatch.setenv("TOYNET_RUN", str(asked))
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
    assert built, f"{scene_class.__name__} was not built"
    return called


@pytest.mark.parametrize("scene, reads", [
    (tiny_scenes.TinySquare, set()),
    (tiny_scenes.TinyRunMark, {registry.RUN}),  # through scenes.run_data
    (tiny_scenes.TinyReadsRunFile, {registry.RUN}),  # np.load of the file, by itself
    (tiny_scenes.TinyReferenceMark, {registry.REFERENCE_RUN}),  # not the run asked for
])
def test_the_check_sees_every_way_of_reading_the_run(scene, reads, media_dir, monkeypatch):
    # A scene that read the run undeclared would fail the test below: this is what it finds.
    assert reads_of(scene, media_dir, monkeypatch) == reads


def test_no_scene_module_reads_run_data_when_imported():
    # Reads are recorded while scenes are built; one at import time would be missed.
    code = (
        "import io, builtins, sys\n"
        "opened = []\n"
        "real = io.open\n"
        "def watch(f, *a, **k):\n"
        "    opened.append(str(f))\n"
        "    return real(f, *a, **k)\n"
        "builtins.open = io.open = watch\n"
        "from scenes import registry\n"
        "import importlib\n"
        "for e in registry.all_scenes():\n"
        "    importlib.import_module(e.module)\n"
        "print('\\n'.join(opened))\n")
    env = {**os.environ, "PYTHONPATH": str(Path(runs.ROOT))}
    result = subprocess.run([sys.executable, "-c", code], cwd=runs.ROOT, env=env,
                            capture_output=True, text=True, check=True)
    opened = {Path(line).resolve() for line in result.stdout.splitlines() if line.strip()}
    assert not opened & set(run_files()), sorted(opened & set(run_files()))


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_scene_reads_exactly_what_its_chapter_declares(entry, media_dir, monkeypatch):
    read = reads_of(entry, media_dir, monkeypatch)
    chapter = entry.module.rsplit(".", 1)[0]
    assert read == set(entry.reads), (
        f"{entry.name} reads {sorted(read) or 'no run data'} but {chapter}.SCENES declares "
        f"{sorted(entry.reads) or 'none'}: list what it reads as the entry's fourth field")


def test_a_render_that_reads_undeclared_run_data_fails(tmp_path):
    # The same rule at render time: the render is refused, never joined stale.
    from pipeline import build

    source = Path("tests/pipeline/tiny_scenes.py")
    tiny = build.Quality("t", ("-r", "128,72", "--fps", "10"), "72p10")
    b = build.Build(tmp_path, tiny, echo=lambda *a: None, shared_files=[])
    undeclared, declared = (build.Job("TinyRunMark", source, "t", frozenset(reads))
                            for reads in ((), {registry.RUN}))
    (outcome,) = b.render_all([undeclared])
    assert outcome.status == "failed"
    assert "does not declare it: add RUN" in " ".join(build.tail(outcome.log).split())
    (outcome,) = b.render_all([declared])
    assert outcome.status == "rendered"
