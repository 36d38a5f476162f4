"""Many seeds of one configuration, trained at once, and why the failures fail.

All runs advance together through the vectorised SGD engine (runs on the leading axis), so a
sweep of 100 seeds costs little more than one run. Seed s of a sweep is the same run as
train(replace(config, seed=s)).
"""

import json
from dataclasses import dataclass, replace

import numpy as np

from .artifact import RunFileError, atomic_savez, check_version_and_meta, read_npz, SCHEMA_VERSION
from .config import TrainConfig
from .data import XOR_CENTRES, XOR_LABELS
from .model import augment, forward
from .seeding import draw_run_inputs
from .sgd import sgd_steps

LEARNED_ACCURACY = 0.95  # a run "learns XOR" at this accuracy with all four centres right
FAILURES = ("learned", "dead unit", "stuck, all units alive", "diverged")


@dataclass
class SweepResult:
    config: TrainConfig  # the shared configuration; its seed field is ignored
    seeds: np.ndarray  # (R,)
    final_accuracy: np.ndarray  # (R,)
    final_loss: np.ndarray  # (R,)
    dead_units: np.ndarray  # (R,) hidden units inactive on every sample
    learned: np.ndarray  # (R,) bool
    failure: np.ndarray  # (R,) index into FAILURES

    @property
    def success_rate(self):
        return float(self.learned.mean())

    def failure_counts(self):
        return {name: int((self.failure == i).sum()) for i, name in enumerate(FAILURES)}

    def save(self, path):
        payload = {k: getattr(self, k) for k in ("seeds", "final_accuracy", "final_loss",
                                                 "dead_units", "learned", "failure")}
        payload["schema_version"] = np.array(SCHEMA_VERSION)
        payload["meta_json"] = np.array(json.dumps({"config": self.config.to_dict(),
                                                    "numpy_version": np.__version__}))
        atomic_savez(path, payload)


def classify(W1, W2, X, y):
    """(accuracy, mean loss, dead-unit count, learned) of one run's final weights."""
    if not (np.isfinite(W1).all() and np.isfinite(W2).all()):
        return 0.0, float("nan"), 0, False
    f = forward(W1, W2, X, y)
    accuracy = float(np.mean((f.y_hat > 0.5) == (y == 1)))
    dead = int((f.z1[:, :3] <= 0).all(axis=0).sum())
    centres_ok = bool((forward(W1, W2, XOR_CENTRES).y_hat > 0.5).astype(int).tolist()
                      == XOR_LABELS.tolist())
    return accuracy, float(f.loss.mean()), dead, accuracy >= LEARNED_ACCURACY and centres_ok


def sweep(config=None, seeds=range(100), progress=None, chunk=500):
    """Train every seed of `seeds` with `config` and classify the outcomes."""
    config = config or TrainConfig()
    seeds = np.asarray(list(seeds), dtype=int)
    inputs = [draw_run_inputs(replace(config, seed=int(s))) for s in seeds]
    X = np.stack([i[0] for i in inputs])  # (R, N, 2)
    y = np.stack([i[1] for i in inputs])  # (R, N)
    W1 = np.stack([i[2] for i in inputs])  # (R, 3, 3)
    W2 = np.stack([i[3][0] for i in inputs])  # (R, 4)
    order = np.stack([i[4] for i in inputs])  # (R, T)
    runs = np.arange(len(seeds))[:, None]
    xt = augment(X.reshape(-1, 2)).reshape(len(seeds), -1, 3)
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, config.steps, chunk):  # chunks bound the memory of (T, R, 3)
            idx = order[:, start:start + chunk]
            xs = xt[runs, idx].transpose(1, 0, 2)
            ys = y[runs, idx].T.astype(float)
            sgd_steps(W1, W2, xs, ys, config.lr)
            if progress:
                progress(min(start + chunk, config.steps), config.steps)

    rows = [classify(W1[r], W2[r], X[r], y[r]) for r in range(len(seeds))]
    accuracy, loss, dead, learned = (np.array(c) for c in zip(*rows))
    failure = np.where(learned, 0, np.where(~np.isfinite(loss), 3, np.where(dead > 0, 1, 2)))
    return SweepResult(config, seeds, accuracy, loss, dead, learned.astype(bool), failure)


def load_sweep(path):
    """Read a sweep file written by SweepResult.save()."""
    data = read_npz(path, what="sweep")
    meta = check_version_and_meta(path, data, what="sweep")
    keys = ("seeds", "final_accuracy", "final_loss", "dead_units", "learned", "failure")
    missing = [k for k in keys if k not in data]
    if missing:
        raise RunFileError(f"{path} is missing {', '.join(missing)}: not a toynet sweep file")
    if len({data[k].shape for k in keys}) != 1:
        raise RunFileError(f"{path}: sweep arrays differ in length")
    return SweepResult(TrainConfig.from_dict(meta["config"]), *(data[k] for k in keys))
