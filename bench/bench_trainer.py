"""Trainer speed: per-sample SGD steps per second, against PyTorch autograd when installed.

    python bench/bench_trainer.py

Prints, in one run: the trainer's steps/s (the SGD engine alone and a whole default run with
its snapshots), the same net trained per sample with PyTorch autograd (if torch imports) and
the ratio, and the seed sweep's run-steps/s. Goals: >= 5x PyTorch, the default run < 0.5 s,
a 100-seed sweep < 5 s.
"""

import sys
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toynet_core import TrainConfig, sweep, train  # noqa: E402
from toynet_core.model import augment  # noqa: E402
from toynet_core.seeding import draw_run_inputs  # noqa: E402
from toynet_core.sgd import sgd_steps  # noqa: E402


def best_of(fn, repeats=3):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def numpy_engine(config):
    X, y, W1, W2, order = draw_run_inputs(config)
    xs, ys = augment(X)[order][:, None, :], y[order].astype(float)[:, None]
    return lambda: sgd_steps(W1[None].copy(), W2.copy(), xs, ys, config.lr)


def torch_engine(config, steps):
    import torch

    torch.set_num_threads(1)
    X, y, W1, W2, order = draw_run_inputs(config)
    xs = torch.tensor(augment(X)[order][:steps])
    ys = torch.tensor(y[order][:steps].astype(float))

    def run():
        w1 = torch.tensor(W1, requires_grad=True)
        w2 = torch.tensor(W2, requires_grad=True)
        one = torch.ones(1, dtype=torch.float64)
        for x, t in zip(xs, ys):
            z1 = torch.cat([w1 @ x, one])
            y_hat = torch.sigmoid(w2 @ torch.relu(z1))
            loss = ((t - y_hat) ** 2).sum()
            w1.grad = w2.grad = None
            loss.backward()
            with torch.no_grad():
                w1 -= config.lr * w1.grad
                w2 -= config.lr * w2.grad

    return run


def main():
    config = TrainConfig()
    steps = config.steps
    engine = best_of(numpy_engine(config))
    whole = best_of(lambda: train(config))
    print(f"numpy SGD engine:     {steps / engine:10,.0f} steps/s  ({steps} steps in {engine:.3f} s)")
    print(f"default run + {len(train(config).steps)} snapshots: {whole:.3f} s  (goal < 0.5 s)")
    try:
        import torch  # noqa: F401
    except ImportError:
        print("PyTorch autograd:     not installed, skipped")
    else:
        torch_steps = 2000
        t = best_of(torch_engine(config, torch_steps), repeats=2)
        torch_rate = torch_steps / t
        print(f"PyTorch autograd:     {torch_rate:10,.0f} steps/s  (same net, per sample, 1 thread)")
        print(f"ratio numpy / torch:  {steps / engine / torch_rate:10.1f}x  (goal >= 5x)")
    seeds = 100
    t = best_of(lambda: sweep(config, range(seeds)), repeats=2)
    print(f"sweep of {seeds} seeds:    {t:.2f} s, {seeds * steps / t:10,.0f} run-steps/s  (goal < 5 s)")


if __name__ == "__main__":
    main()
