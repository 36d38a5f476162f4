"""Switching runs: the time from `--seed N` to the MP4 after the default video was rendered,
and the time to go back to a run rendered before. Prints a Markdown table (for
docs/PERFORMANCE.md).

    python bench/bench_runs.py                  # -ql -j 2, seed 5, in a fresh output folder
    python bench/bench_runs.py --seed 7 --keep /tmp/runs_bench   # reuse (and keep) a folder

Five steps in one output folder: the default video (the starting point: from nothing in a
fresh folder, timed but not a goal), then --seed N, the default run again, --seed N again, and
once more with nothing changed.
Each step runs the pipeline as render.sh does once the set-up is done (python -m pipeline), so
the times are the training, renders and join alone. Besides the wall time, each step's CPU time
(user + system, all processes) is given: on a machine shared with other work the wall time
grows with the load, the CPU time much less; with -j 2 on an otherwise idle 2-core machine the
wall time is about half the CPU time.
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render(out, quality, jobs, extra=()):
    """(wall seconds, CPU seconds, scenes rendered, scenes in the video) of one invocation."""
    cmd = [sys.executable, "-m", "pipeline", "-q", quality, "-j", str(jobs), "--out", str(out), *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TOYNET_RUN", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # every finished descendant
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd[1:])} failed:\n{result.stderr.strip()[-2000:]}")
    match = re.search(r"rendering (\d+) of (\d+) scenes", result.stdout)
    joined = re.search(r"toynet\.mp4: (\d+) chapters|\((\d+) scenes\)", result.stdout)
    rendered = int(match.group(1)) if match else 0
    total = int(match.group(2)) if match else int(next(filter(None, joined.groups())))
    return wall, cpu, rendered, total


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quality", default="l", choices=list("lmhk"))
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--keep", type=Path, help="use (and keep) this output folder instead of a temporary one")
    args = p.parse_args(argv)
    seed = ["--seed", str(args.seed)]
    steps = [("the default video", ()),
             (f"--seed {args.seed} after the default video", seed),
             ("back to the default run", ()),
             (f"back to --seed {args.seed}", seed),
             (f"--seed {args.seed} again, nothing changed", seed)]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "out"
        rows = []
        for what, extra in steps:
            row = (what, *render(out, args.quality, args.jobs, extra), os.getloadavg()[0])
            rows.append(row)
            print(f"<!-- {what}: {row[1]:.1f} s wall, {row[2]:.1f} s CPU, {row[3]} of {row[4]} "
                  f"scenes rendered, load {row[5]:.1f} -->", file=sys.stderr, flush=True)
    print(f"| -q{args.quality} -j {args.jobs} | wall s | CPU s | scenes rendered | load after |")
    print("|---|---|---|---|---|")
    for what, wall, cpu, rendered, total, load in rows:
        print(f"| {what} | {wall:.1f} | {cpu:.1f} | {rendered} of {total} | {load:.1f} |")


if __name__ == "__main__":
    main()
