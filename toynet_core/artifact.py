"""The run artifact: one versioned .npz holding a training run and its snapshots.

The format is documented in docs/ARTIFACT.md. Loading never unpickles (allow_pickle=False)
and checks every key, shape and dtype before returning, so a scene can trust what it reads.
"""

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np

from .config import ConfigError, TrainConfig

SCHEMA_VERSION = 1

# Every array of the file: dtype kind ("f" float, "i" integer) and shape, in symbols
# S snapshots, N samples, T steps, G grid size.
SCHEMA = {
    "X": ("f", ("N", 2)),
    "y": ("i", ("N",)),
    "order": ("i", ("T",)),
    "steps": ("i", ("S",)),
    "epochs": ("f", ("S",)),
    "W1": ("f", ("S", 3, 3)),
    "W2": ("f", ("S", 1, 4)),
    "grad_W1": ("f", ("S", 3, 3)),
    "grad_W2": ("f", ("S", 1, 4)),
    "loss": ("f", ("S", "N")),
    "mean_loss": ("f", ("S",)),
    "accuracy": ("f", ("S",)),
    "hidden_pre": ("f", ("S", "N", 3)),
    "hidden_post": ("f", ("S", "N", 3)),
    "grid_x1": ("f", ("G",)),
    "grid_x2": ("f", ("G",)),
    "grid_extent": ("f", (4,)),
    "grid_yhat": ("f", ("S", "G", "G")),
    "grid_hidden": ("f", ("S", 3, "G", "G")),
}


class RunFileError(ValueError):
    """A run file is missing, corrupt, pickled or of another schema; the message says which."""


@dataclass
class Run:
    config: TrainConfig
    X: np.ndarray
    y: np.ndarray
    order: np.ndarray
    steps: np.ndarray
    epochs: np.ndarray
    W1: np.ndarray
    W2: np.ndarray
    grad_W1: np.ndarray
    grad_W2: np.ndarray
    loss: np.ndarray
    mean_loss: np.ndarray
    accuracy: np.ndarray
    hidden_pre: np.ndarray
    hidden_post: np.ndarray
    grid_x1: np.ndarray
    grid_x2: np.ndarray
    grid_extent: np.ndarray
    grid_yhat: np.ndarray
    grid_hidden: np.ndarray
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        self.meta = {
            "config": self.config.to_dict(),
            "seed": self.config.seed,
            "numpy_version": self.meta.get("numpy_version", np.__version__),
            "n_samples": int(len(self.y)),
            "total_steps": int(len(self.order)),
        }

    @property
    def n_snapshots(self):
        return len(self.steps)

    @property
    def n_samples(self):
        return len(self.y)

    def snapshot_index(self, step):
        """Index of the last snapshot taken at or before `step`."""
        return int(np.searchsorted(self.steps, step, side="right") - 1)

    def dead_units(self, k):
        """Hidden units that are inactive (z ≤ 0) on every sample at snapshot k."""
        return (self.hidden_pre[k] <= 0).all(axis=0)

    def arrays(self):
        return {name: getattr(self, name) for name in SCHEMA}

    def save(self, path):
        """Write atomically: a temporary file in the same folder, then a rename."""
        payload = dict(self.arrays())
        payload["schema_version"] = np.array(SCHEMA_VERSION)
        payload["meta_json"] = np.array(json.dumps(self.meta, sort_keys=True))
        atomic_savez(path, payload)


def atomic_savez(path, payload):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez_compressed(handle, **payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; keep the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_npz(path, what="run"):
    """All arrays of an .npz file, refusing pickled content; errors name the file and the fix."""
    path = Path(path)
    if not path.is_file():
        raise RunFileError(f"{what} file not found: {path}")
    if not zipfile.is_zipfile(path):  # np.load would take any other file for a pickle
        raise RunFileError(f"{path} is not a valid .npz {what} file (not a zip archive); "
                           f"re-create it with `python -m toynet_core train`.")
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {key: npz[key] for key in npz.files}
    except ValueError as err:
        if "pickle" in str(err):
            raise RunFileError(
                f"{path} holds pickled objects, which are never loaded (they can run code). "
                f"Re-create the file with `python -m toynet_core train`."
            ) from None
        raise RunFileError(f"{path} is not a valid .npz {what} file: {err}") from None
    except (OSError, zipfile.BadZipFile, EOFError) as err:
        raise RunFileError(f"{path} is not a valid .npz {what} file ({err}); "
                           f"re-create it with `python -m toynet_core train`.") from None


def check_version_and_meta(path, data, what="run"):
    for key in ("schema_version", "meta_json"):
        if key not in data:
            raise RunFileError(f"{path} is missing '{key}': not a toynet {what} file")
    version = data["schema_version"]
    if version.shape != () or version.dtype.kind not in "iu":
        raise RunFileError(f"{path}: schema_version must be an integer scalar")
    if int(version) != SCHEMA_VERSION:
        raise RunFileError(
            f"{path} has schema version {int(version)}, this toynet reads version {SCHEMA_VERSION}. "
            f"Re-create it with `python -m toynet_core train`."
        )
    try:
        return json.loads(str(data["meta_json"]))
    except json.JSONDecodeError as err:
        raise RunFileError(f"{path}: meta_json is not valid JSON ({err})") from None


def load_run(path):
    """Read and validate a run file written by Run.save()."""
    data = read_npz(path)
    meta = check_version_and_meta(path, data)
    try:
        config = TrainConfig.from_dict(meta["config"])
    except (KeyError, TypeError, ConfigError) as err:
        raise RunFileError(f"{path}: meta_json holds no valid training config ({err})") from None

    sizes = {}
    for key, (kind, shape) in SCHEMA.items():
        if key not in data:
            raise RunFileError(f"{path} is missing the array '{key}' (see docs/ARTIFACT.md)")
        arr = data[key]
        if arr.dtype.kind not in (("iu" if kind == "i" else "f")):
            raise RunFileError(f"{path}: '{key}' has dtype {arr.dtype}, expected {'integer' if kind == 'i' else 'float'}")
        if arr.ndim != len(shape):
            raise RunFileError(f"{path}: '{key}' has shape {arr.shape}, expected {shape}")
        for dim, want in zip(arr.shape, shape):
            if isinstance(want, str):
                want = sizes.setdefault(want, dim)
            if dim != want:
                raise RunFileError(f"{path}: '{key}' has shape {arr.shape}, expected {shape} "
                                   f"with {sizes}")
        if kind == "f" and not np.isfinite(arr).all():
            raise RunFileError(f"{path}: '{key}' holds NaN or infinite values")
    if sizes["N"] != config.n_samples or sizes["T"] != config.steps:
        raise RunFileError(f"{path}: array sizes do not match its config "
                           f"(N={sizes['N']}, T={sizes['T']})")
    arrays = {key: data[key] for key in SCHEMA}
    run = Run(config=config, meta={"numpy_version": meta.get("numpy_version", "unknown")}, **arrays)
    return run


assert {f.name for f in fields(Run)} == set(SCHEMA) | {"config", "meta"}
