"""Which run the video is rendered for: the default artifact, a file given with --run, or a
new run trained first from --seed and the trainer's other knobs; and which files a scene reads
for each kind of run data that scenes.registry names."""

import os
import subprocess
import sys
from pathlib import Path

from toynet_core.options import KNOBS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RUN = ROOT / "assets" / "default_run.npz"


class RunError(RuntimeError):
    pass


def validate(path):
    """Checks a run file with toynet_core.load_run before anything is rendered from it."""
    from toynet_core import RunFileError, load_run

    path = Path(path)
    if not path.is_file():
        hint = (" (train one with: python -m toynet_core train --out PATH, or pass --run/--seed)"
                if path.resolve() == DEFAULT_RUN else "")
        raise RunError(f"run file not found: {path}{hint}")
    try:
        load_run(path)
    except RunFileError as err:
        raise RunError(f"bad run file {path}: {err}") from None
    return path


def train(out_dir, echo=print, **knobs):
    """Trains a run with the given knobs (None = trainer default) into <out>/runs/, or reuses
    the file a previous identical request produced. Returns its path."""
    given = {k: v for k, v in knobs.items() if v is not None}
    name = "run_" + "_".join(f"{k}{v}" for k, v in sorted(given.items())) + ".npz"
    path = Path(out_dir) / "runs" / name
    if path.exists():
        try:
            return validate(path)
        except RunError:
            path.unlink()  # left by an older trainer: train again
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "toynet_core", "train", "--out", str(path)]
    if "seed" in given:
        cmd += ["--seed", str(given["seed"])]
    cmd += [arg for k in KNOBS if k.field in given for arg in (k.flag, str(given[k.field]))]
    echo("training: " + " ".join(cmd[1:]))
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RunError(f"training failed (exit {result.returncode}):\n{result.stderr.strip()[-2000:]}")
    return validate(path)


def main_run(run_path=None):
    """The run scenes.run_data.load_scene_run reads: `run_path`, else $TOYNET_RUN, else the
    default run."""
    from scenes import run_data

    return Path(run_path) if run_path else run_data.run_path()


def failed_run():
    """The run scenes.run_data.load_failed_run reads: $TOYNET_FAILED_RUN, else the committed
    one. The render passes this path to the scene explicitly, so the two cannot disagree."""
    from scenes import run_data

    return Path(os.environ.get("TOYNET_FAILED_RUN") or run_data.FAILED_RUN)


def files_read(what, run_path=None):
    """The files behind one kind of run data named in scenes.registry (RUN, FAILED_RUN, SWEEPS,
    REFERENCE_RUN)."""
    from scenes import registry, run_data

    files = {registry.RUN: lambda: [main_run(run_path)],
             registry.FAILED_RUN: lambda: [failed_run()],
             registry.SWEEPS: lambda: sorted(run_data.SWEEPS.values()),
             registry.REFERENCE_RUN: lambda: [run_data.DEFAULT_RUN]}
    if what not in files:
        raise KeyError(f"no files known for run data {what!r}; add them to pipeline.runs.files_read")
    return files[what]()


def committed_run_data():
    """The run data in assets/: in the fingerprint of only the scenes that read it."""
    from scenes import run_data

    return [run_data.DEFAULT_RUN, run_data.FAILED_RUN, *run_data.SWEEPS.values()]
