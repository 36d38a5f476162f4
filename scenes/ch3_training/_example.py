"""The one data point Chapter 3 follows through the forward and backward pass.

Rule (deterministic, works for any run):
1. Snapshot k: the first snapshot with step >= EXAMPLE_STEP, where training is still moving
   (the last snapshot if the run is shorter).
2. Sample i: among samples with at least one inactive hidden unit (z1 <= 0, so ReLU' = 0) and
   at least one active one, the largest loss; so the ReLU Jacobian shows zeros and the first
   layer still gets a gradient. Fallbacks, in order: any inactive unit, then every sample.
   Ties go to the lowest index.
"""

from dataclasses import dataclass

import numpy as np

from toynet_core import forward

EXAMPLE_STEP = 50


@dataclass(frozen=True, eq=False)
class Example:
    k: int  # snapshot index
    step: int  # SGD steps before that snapshot
    i: int  # sample index into run.X
    x: np.ndarray  # (2,)
    y: int
    W1: np.ndarray  # (3, 3) the snapshot's weights
    W2: np.ndarray  # (1, 4)


def example_snapshot(run):
    later = np.flatnonzero(run.steps >= EXAMPLE_STEP)
    return int(later[0]) if len(later) else run.n_snapshots - 1


def example_sample(W1, W2, X, y):
    f = forward(W1, W2, X, y)
    inactive = f.z1[:, :3] <= 0
    some_off = inactive.any(axis=1)
    some_on = (~inactive).any(axis=1)
    for pool in (some_off & some_on, some_off, np.ones(len(y), bool)):
        if pool.any():
            return int(np.argmax(np.where(pool, f.loss, -np.inf)))
    raise ValueError("a run without samples")


def example(run):
    """The Example Chapter 3 uses for this run (see the module docstring for the rule)."""
    k = example_snapshot(run)
    W1 = np.array(run.W1[k], dtype=float)
    W2 = np.array(run.W2[k], dtype=float)
    i = example_sample(W1, W2, run.X, run.y)
    x = np.array(run.X[i], dtype=float)
    for a in (W1, W2, x):
        a.setflags(write=False)
    return Example(k=k, step=int(run.steps[k]), i=i, x=x, y=int(run.y[i]), W1=W1, W2=W2)
