"""Independent random streams of one run, all derived from its seed.

Data, initial weights and sample order each get their own stream, so changing how one is
drawn (say, more points per cluster) leaves the others as they were.
"""

import numpy as np

from .data import make_dataset


def streams(seed):
    data, init, order = np.random.SeedSequence(seed).spawn(3)
    return np.random.default_rng(data), np.random.default_rng(init), np.random.default_rng(order)


def init_weights(rng, config):
    """W1 (3, 3) and W2 (1, 4) of a fresh run.

    "he": weights N(0, σ² = 2/fan_in) with fan_in = 2 (layer 1) and 3 (layer 2); first-layer
    biases config.init_bias, second-layer bias 0. A positive bias makes every hidden unit
    start alive on the data, which is in [0, 1]², so no unit begins dead.
    "normal": N(0, σ = init_scale) for every entry, biases included (the post's plain start).
    """
    if config.init == "he":
        W1 = np.zeros((3, 3))
        W1[:, :2] = rng.normal(0.0, np.sqrt(2.0 / 2), size=(3, 2))
        W1[:, 2] = config.init_bias
        W2 = np.zeros((1, 4))
        W2[0, :3] = rng.normal(0.0, np.sqrt(2.0 / 3), size=3)
        return W1, W2
    s = config.init_scale
    return rng.normal(0.0, s, size=(3, 3)), rng.normal(0.0, s, size=(1, 4))


def sample_order(rng, n_samples, steps):
    """Sample index per step: a fresh shuffle of all samples every epoch."""
    epochs = -(-steps // n_samples)
    return np.concatenate([rng.permutation(n_samples) for _ in range(epochs)])[:steps]


def draw_run_inputs(config):
    """(X, y, W1, W2, order) of a run, from its config alone."""
    data_rng, init_rng, order_rng = streams(config.seed)
    X, y = make_dataset(data_rng, config.noise, config.per_cluster)
    W1, W2 = init_weights(init_rng, config)
    order = sample_order(order_rng, config.n_samples, config.steps)
    return X, y, W1, W2, order
