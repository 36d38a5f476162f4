"""Incremental-build fingerprints, from file contents only (no manim import, no rendering),
so that a run where nothing changed finishes in about a second.

A scene's fingerprint covers what can change its frames: its module, every shared module of
scenes/ and scenes/widgets/, its chapter's private helpers (_*.py), toynet_core, everything in
assets/ (TeX template, run files), manim.cfg, the run it is rendered for, the voice it speaks
with (which also sets its timing), the quality, and the manim version. A chapter's __init__ only holds the running order and titles, which change the
joined video (its own stamp covers them) but not a scene's frames.
"""

import hashlib
import json
from importlib import metadata
from pathlib import Path

from . import atomic

ROOT = Path(__file__).resolve().parent.parent
# Bump when the way scenes are rendered changes, to invalidate every stamp.
PIPELINE_VERSION = "1"

_file_hashes = {}


def file_hash(path):
    path = Path(path).resolve()
    st = path.stat()
    key = (path, st.st_mtime_ns, st.st_size)
    if key not in _file_hashes:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        _file_hashes[key] = digest.hexdigest()
    return _file_hashes[key]


def _files(folder, pattern):
    folder = ROOT / folder
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def shared_inputs():
    """Files every scene depends on."""
    files = _files("scenes", "*.py") + _files("scenes/widgets", "*.py") + _files("toynet_core", "*.py")
    files += [p for p in _files("assets", "**/*") if p.is_file()]
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


def inputs(scene_name, source, quality_args, run_path=None, shared=None, voice="none"):
    """Everything the named scene's rendering depends on, as {label: value or file hash}.
    `shared` replaces the project-wide inputs (tests render scenes that do not use them);
    `voice` identifies the voice ("none" for a silent render)."""
    found = {
        "(pipeline)": PIPELINE_VERSION,
        "(manim)": _manim_version(),
        "(scene)": scene_name,
        "(quality)": " ".join(quality_args),
        "(run)": file_hash(run_path) if run_path else "none",
        "(voice)": voice,
    }
    shared = shared_inputs() if shared is None else shared
    for path in sorted({Path(p).resolve() for p in [*shared, *scene_inputs(source)]}):
        try:
            label = path.relative_to(ROOT).as_posix()
        except ValueError:
            label = str(path)
        found[label] = file_hash(path)
    return found


def digest(found):
    h = hashlib.sha256()
    for label in sorted(found):
        h.update(f"{label}\0{found[label]}\n".encode())
    return h.hexdigest()


def fingerprint(scene_name, source, quality_args, run_path=None, shared=None, voice="none"):
    """Hex digest of inputs(...)."""
    return digest(inputs(scene_name, source, quality_args, run_path, shared, voice))


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
