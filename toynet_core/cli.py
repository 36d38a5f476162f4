"""Command line: train one run, or sweep many seeds.

    python -m toynet_core train --seed S --out PATH [--lr A --noise S --steps T ...]
    python -m toynet_core sweep --seeds N [--out PATH] [--init he|normal ...]
"""

import argparse
import sys

from .artifact import RunFileError
from .config import ConfigError, TrainConfig
from .options import add_training_options, config_from
from .progress import ProgressBar
from .sweep import FAILURES, sweep
from .trainer import TrainingDiverged, train


def build_parser():
    parser = argparse.ArgumentParser(prog="python -m toynet_core", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train one run and save its artifact")
    t.add_argument("--seed", type=int, default=TrainConfig().seed, help="random seed (default %(default)s)")
    t.add_argument("--out", required=True, help="path of the run file to write (.npz)")
    add_training_options(t)
    s = sub.add_parser("sweep", help="train many seeds at once and report how many learn XOR")
    s.add_argument("--seeds", type=int, default=100, help="number of seeds, 0..N-1 (default 100)")
    s.add_argument("--out", help="optional path to save the per-seed results (.npz)")
    add_training_options(s)
    return parser


def run_train(args):
    config = config_from(args, seed=args.seed)
    run = train(config, progress=ProgressBar(f"seed {args.seed}"))
    run.save(args.out)
    dead = int(run.dead_units(-1).sum())
    print(f"{args.out}: final loss {run.mean_loss[-1]:.4f}, accuracy {run.accuracy[-1]:.1%}, "
          f"dead units {dead}")


def run_sweep(args):
    if not 1 <= args.seeds <= 100_000:
        raise ConfigError(f"invalid seeds={args.seeds}: must be in [1, 100000]")
    config = config_from(args, seed=0)
    result = sweep(config, range(args.seeds), progress=ProgressBar(f"{args.seeds} seeds"))
    if args.out:
        result.save(args.out)
    counts = result.failure_counts()
    detail = ", ".join(f"{counts[name]} {name}" for name in FAILURES[1:])
    print(f"{result.learned.sum()}/{args.seeds} seeds learn XOR ({result.success_rate:.0%}); "
          f"failures: {detail}")


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        (run_train if args.command == "train" else run_sweep)(args)
    except (ConfigError, TrainingDiverged, RunFileError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
