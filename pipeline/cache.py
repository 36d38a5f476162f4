"""Scene renders kept by fingerprint, so that going back to a run (or a quality, or a version
of the code) rendered before joins its scenes again without rendering them.

<out>/cache/<Scene>/<key>.mp4, .srt, .log and .stamp.json, where <key> starts the scene's
fingerprint; joined videos are kept the same way, by the renders they hold (pipeline.build).
The stamp is written last and names the whole fingerprint: an entry counts only once it is
complete. Using an entry touches its stamp, and when the cache grows past its limit
the entries used least recently are removed first, never those of the video being made.
"""

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import stamps

KEY_LENGTH = 16  # hex digits of the fingerprint in file names (64 bits)
_CLIPS = "\0speech"  # the group of speech clips (no scene has this name)
DEFAULT_LIMIT = 2 * 1024**3
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)


def parse_size(text):
    """Bytes from '500M', '2G', '1.5g', '800k' or a plain number of bytes."""
    match = _SIZE.match(str(text))
    if not match:
        raise ValueError(f"not a size: {text!r} (examples: 500M, 2G)")
    number, unit = match.groups()
    return int(float(number) * 1024 ** " kmgt".index(unit.lower() or " "))


def format_size(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024


@dataclass(frozen=True)
class Entry:
    scene: str
    fingerprint: str
    folder: Path  # <cache>/<Scene>

    def _path(self, suffix):
        return self.folder / f"{self.fingerprint[:KEY_LENGTH]}{suffix}"

    mp4 = property(lambda self: self._path(".mp4"))
    srt = property(lambda self: self._path(".srt"))
    log = property(lambda self: self._path(".log"))
    stamp = property(lambda self: self._path(".stamp.json"))

    def complete(self):
        stamp = stamps.read(self.stamp)
        return (stamp is not None and stamp.get("fingerprint") == self.fingerprint
                and self.mp4.exists() and self.srt.exists())

    def touch(self):
        """Marks the entry as just used (its stamp's time orders the evictions)."""
        if self.stamp.exists():
            os.utime(self.stamp)


class SceneCache:
    def __init__(self, root):
        self.root = Path(root)

    def entry(self, scene, fingerprint):
        return Entry(scene, fingerprint, self.root / scene)

    def latest_stamp(self, scene):
        """The stamp of the scene's most recently used render, whatever its fingerprint."""
        found = sorted(self._stamps(self.root / scene), key=_mtime)
        return stamps.read(found[-1]) if found else None

    @staticmethod
    def _stamps(folder):
        return list(folder.glob("*.stamp.json")) if folder.is_dir() else []

    def _groups(self):
        """{(scene, key): [files]} of everything in the cache, complete or not."""
        groups = {}
        if not self.root.is_dir():
            return groups
        for path in self.root.glob("*/*"):
            if path.is_file():
                key = path.name.lstrip(".").split(".", 1)[0]  # temp files start with a dot
                groups.setdefault((path.parent.name, key), []).append(path)
        return groups

    def size(self):
        return sum(p.stat().st_size for files in self._groups().values() for p in files)

    def prune(self, limit, keep=(), clips=None, used_since=None):
        """Removes the least recently used entries until the cache holds at most `limit` bytes;
        entries in `keep` stay whatever their size. Returns (entries removed, bytes freed).

        clips: a folder of speech clips (one file each, touched when reused) that shares the
        limit and the order of eviction; those used since `used_since` (a time.time()) stay."""
        kept = {(e.scene, e.fingerprint[:KEY_LENGTH]) for e in keep}
        groups = self._groups()
        if clips is not None and Path(clips).is_dir():
            for path in Path(clips).iterdir():
                if path.is_file():
                    groups[(_CLIPS, path.name)] = [path]
                    if used_since is not None and _mtime(path) >= used_since:
                        kept.add((_CLIPS, path.name))
        sizes = {k: sum(p.stat().st_size for p in files) for k, files in groups.items()}
        total = sum(sizes.values())
        removed = freed = 0
        # An entry's newest file is its stamp, touched at each use; an incomplete one (a failed
        # render's log) counts from when it was written.
        for k in sorted(groups, key=lambda k: max(_mtime(p) for p in groups[k])):
            if total <= limit:
                break
            if k in kept:
                continue
            for path in groups[k]:
                path.unlink(missing_ok=True)
            total -= sizes[k]
            freed += sizes[k]
            removed += 1
        for folder in self.root.glob("*/") if self.root.is_dir() else []:
            if not any(folder.iterdir()):
                folder.rmdir()
        return removed, freed

    def clear(self):
        """Removes the whole cache; returns the bytes freed."""
        size = self.size()
        shutil.rmtree(self.root, ignore_errors=True)
        return size


def _mtime(path):
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
