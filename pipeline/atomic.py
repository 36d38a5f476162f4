"""Atomic file writes: a temporary file in the target's folder, then os.replace, so a reader
(or an interrupted run) never sees a half-written file."""

import contextlib
import os
import tempfile
from pathlib import Path


@contextlib.contextmanager
def temp_target(path):
    """Yields a temporary path beside `path` (same suffix); renames it to `path` only if the
    block finishes, and deletes it otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; results are ordinary shared files
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_bytes(path, data):
    with temp_target(path) as tmp:
        tmp.write_bytes(data)


def write_text(path, text):
    write_bytes(path, text.encode("utf-8"))
