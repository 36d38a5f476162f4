"""Render fingerprints, from file contents only (no manim import, no rendering), so that a
run where nothing changed finishes in about a second.

A scene's fingerprint covers what can change its frames, and INPUTS below lists every part of
it in one place: the pipeline's and manim's versions, the scene's name, the quality, the voice
it speaks with (which also sets its timing), the run data the scene reads (only what its
chapter's SCENES entry declares: see scenes.registry), and the source files (its module, its chapter's private helpers _*.py, every shared module of
scenes/ and scenes/widgets/, toynet_core, assets/ apart from the run data, manim.cfg). A new
render setting adds its own part to INPUTS. A chapter's __init__ only holds the running order,
titles and declarations, which change the joined video (its own stamp covers them) but not a
scene's frames.
"""

import hashlib
import json
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import atomic, runs

ROOT = Path(__file__).resolve().parent.parent
# Bump when the way scenes are rendered changes, to invalidate every stamp.
PIPELINE_VERSION = "2"


@dataclass(frozen=True)
class Settings:
    """What every scene of one render is asked for."""
    quality_args: tuple  # manim CLI flags
    run_path: Path | None = None  # None: $TOYNET_RUN, else the default run (as scenes.run_data)
    shared: tuple | None = None  # None: the project's shared files (tests pass their own)
    voice: str = "none"  # the voice's id (scenes.voice.voice_id); "none" for a silent render


_file_hashes = {}


def _cached(path, kind, compute):
    path = Path(path).resolve()
    st = path.stat()
    key = (kind, path, st.st_mtime_ns, st.st_size)
    if key not in _file_hashes:
        _file_hashes[key] = compute(path)
    return _file_hashes[key]


def _sha256_of_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_hash(path):
    return _cached(path, "file", _sha256_of_file)


def _sha256_of_arrays(path):
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as npz:
            digest = hashlib.sha256()
            for name in sorted(npz.files):
                array = npz[name]
                digest.update(f"{name}\0{array.dtype.str}\0{array.shape}\0".encode())
                digest.update(np.ascontiguousarray(array).tobytes())
            return digest.hexdigest()
    except (ValueError, OSError, zipfile.BadZipFile, EOFError):
        return _sha256_of_file(path)  # not a plain .npz: the scene will refuse it anyway


def data_hash(path):
    """Hash of the arrays in an .npz file, not of its bytes: a run trained again with the same
    settings is the same run (the zip archive stores the time it was written)."""
    return _cached(path, "arrays", _sha256_of_arrays)


def _files(folder, pattern):
    folder = ROOT / folder
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def shared_inputs():
    """Files every scene depends on. The committed run data is not among them: a scene's
    fingerprint has the run data it reads (see _run_data)."""
    run_data = {p.resolve() for p in runs.committed_run_data()}
    files = _files("scenes", "*.py") + _files("scenes/widgets", "*.py") + _files("toynet_core", "*.py")
    files += [p for p in _files("assets", "**/*") if p.is_file() and p.resolve() not in run_data]
    files += [ROOT / "manim.cfg"]
    return [p for p in files if p.exists()]


def scene_inputs(source):
    """Files one scene module depends on, beyond the shared ones."""
    source = (ROOT / source).resolve()
    helpers = [p for p in sorted(source.parent.glob("_*.py")) if p.name != "__init__.py"]
    return [source] + helpers


def _manim_version():
    try:
        return metadata.version("manim")
    except metadata.PackageNotFoundError:
        return "none"


# The parts of a fingerprint: each maps (scene, settings) to {label: value or hash}. `scene`
# has .name, .source and .reads (pipeline.build.Job).

def _versions(scene, settings):
    return {"(pipeline)": PIPELINE_VERSION, "(manim)": _manim_version()}


def _scene(scene, settings):
    return {"(scene)": scene.name}


def _quality(scene, settings):
    return {"(quality)": " ".join(settings.quality_args)}


def _voice(scene, settings):
    return {"(voice)": settings.voice}


def _run_data(scene, settings):
    """The contents of the run data the scene reads; nothing for a scene that reads none."""
    return {f"({what})": "+".join(data_hash(p) for p in runs.files_read(what, settings.run_path))
            for what in sorted(scene.reads)}


def _source_files(scene, settings):
    shared = shared_inputs() if settings.shared is None else settings.shared
    found = {}
    for path in sorted({Path(p).resolve() for p in [*shared, *scene_inputs(scene.source)]}):
        try:
            label = path.relative_to(ROOT).as_posix()
        except ValueError:
            label = str(path)
        found[label] = file_hash(path)
    return found


INPUTS = (_versions, _scene, _quality, _voice, _run_data, _source_files)


def inputs(scene, settings):
    """Everything the scene's rendering depends on, as {label: value or hash}."""
    found = {}
    for part in INPUTS:
        found.update(part(scene, settings))
    return found


def digest(found):
    h = hashlib.sha256()
    for label in sorted(found):
        h.update(f"{label}\0{found[label]}\n".encode())
    return h.hexdigest()


def fingerprint(scene, settings):
    """Hex digest of inputs(...)."""
    return digest(inputs(scene, settings))


def changed(old, new):
    """Labels of the inputs that differ between two inputs(...) results."""
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))


def read(path):
    try:
        return json.loads(Path(path).read_text())
    except (FileNotFoundError, ValueError):
        return None


def write(path, data):
    atomic.write_text(path, json.dumps(data, indent=1, sort_keys=True) + "\n")
