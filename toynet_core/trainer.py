"""Per-sample SGD on the XOR dataset, with snapshots for the video."""

import numpy as np

from .artifact import Run
from .backprop import batch_gradients
from .config import TrainConfig
from .model import augment, forward
from .seeding import draw_run_inputs
from .sgd import sgd_steps


class TrainingDiverged(RuntimeError):
    """Weights became NaN or infinite; the message names the learning rate to lower."""


def snapshot_steps(total_steps, count):
    """Up to `count` distinct steps from 0 to total_steps, log-spaced so early steps are dense."""
    later = np.geomspace(1, total_steps, count - 1) if total_steps > 1 else np.array([1.0])
    return np.unique(np.concatenate([[0], np.round(later).astype(int), [total_steps]]))


def input_grid(config):
    """Grid axes and the (G*G, 2) points, row-major with x2 ascending down the rows."""
    x0, x1, y0, y1 = config.grid_extent
    gx1 = np.linspace(x0, x1, config.grid_size)
    gx2 = np.linspace(y0, y1, config.grid_size)
    P1, P2 = np.meshgrid(gx1, gx2)  # P1[i, j] = gx1[j], P2[i, j] = gx2[i]
    return gx1, gx2, np.column_stack([P1.ravel(), P2.ravel()])


def describe(W1, W2, X, y, grid_points, grid_size):
    """Everything a snapshot stores about weights (W1, W2) on the data and the grid."""
    f = forward(W1, W2, X, y)
    g = forward(W1, W2, grid_points)
    gW1, gW2 = batch_gradients(W1, W2, X, y)
    shape = (grid_size, grid_size)
    return {
        "W1": W1.copy(), "W2": W2.copy(), "grad_W1": gW1, "grad_W2": gW2,
        "loss": f.loss, "mean_loss": f.loss.mean(),
        "accuracy": np.mean((f.y_hat > 0.5) == (y == 1)),
        "hidden_pre": f.z1[:, :3], "hidden_post": f.x2[:, :3],
        "grid_yhat": g.y_hat.reshape(shape).astype(np.float32),
        "grid_hidden": np.stack([g.x2[:, u].reshape(shape) for u in range(3)]).astype(np.float32),
    }


def train(config=None, progress=None):
    """Train one run and return it with its snapshots. progress(done, total) is optional."""
    config = config or TrainConfig()
    X, y, W1, W2, order = draw_run_inputs(config)
    xs = augment(X)[order][:, None, :]  # (T, 1, 3): the run axis of the SGD engine
    ys = y[order].astype(float)[:, None]
    gx1, gx2, grid_points = input_grid(config)
    steps = snapshot_steps(config.steps, config.snapshots)

    W1, W2 = W1[None].copy(), W2.copy()  # (1, 3, 3), (1, 4)
    records, done = [], 0
    for step in steps:
        sgd_steps(W1, W2, xs[done:step], ys[done:step], config.lr)
        done = step
        if not (np.isfinite(W1).all() and np.isfinite(W2).all()):
            raise TrainingDiverged(
                f"training diverged at step {step}: the weights are no longer finite. "
                f"Lower the learning rate (lr={config.lr})."
            )
        records.append(describe(W1[0], W2, X, y, grid_points, config.grid_size))
        if progress:
            progress(done, config.steps)

    arrays = {key: np.stack([r[key] for r in records]) for key in records[0]}
    return Run(
        config=config, X=X, y=y, order=order, steps=steps, epochs=steps / config.n_samples,
        grid_x1=gx1, grid_x2=gx2, grid_extent=np.array(config.grid_extent), **arrays,
    )


def replay(run, k):
    """Weights (W1, W2) after re-running SGD from snapshot k to snapshot k + 1."""
    start, stop = run.steps[k], run.steps[k + 1]
    xs = augment(run.X)[run.order[start:stop]][:, None, :]
    ys = run.y[run.order[start:stop]].astype(float)[:, None]
    W1, W2 = run.W1[k][None].copy(), run.W2[k].copy()
    sgd_steps(W1, W2, xs, ys, run.config.lr)
    return W1[0], W2
