"""The share of a video's rendering that a new run renders again: the CPU seconds of the
scenes that read the run asked for (scenes.registry RUN), over those of every scene, read from
the cache stamps of a render's output folder. CPU seconds, not wall seconds, because other work
on the machine inflates the wall time of whichever scenes it overlaps, unevenly.

    ./render.sh -j 2 --voice none --out OUT && python bench/run_share.py OUT

Goal (docs/PERFORMANCE.md): under half, so that `--seed N` after the default video takes
under half the time of rendering every scene again.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cache import SceneCache  # noqa: E402
from scenes import registry  # noqa: E402


def scene_cpu(out):
    """{scene: CPU seconds of its latest render} for every scene with a CPU figure in OUT."""
    kept = SceneCache(Path(out) / "cache")
    found = {}
    for entry in registry.all_scenes():
        stamp = kept.latest_stamp(entry.name) or {}
        if "render_cpu_seconds" in stamp:
            found[entry.name] = stamp["render_cpu_seconds"]
    return found


def run_share(cpu):
    """(CPU s of the scenes that read the run, CPU s of all scenes given)."""
    reads = {e.name: registry.RUN in e.reads for e in registry.all_scenes()}
    return sum(s for name, s in cpu.items() if reads[name]), sum(cpu.values())


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path, help="the --out folder of a whole-video render")
    args = p.parse_args(argv)
    cpu = scene_cpu(args.out)
    missing = [e.name for e in registry.all_scenes() if e.name not in cpu]
    if missing:
        sys.exit(f"no CPU figure for {', '.join(missing)} in {args.out}: render the whole video "
                 f"into it first (./render.sh --out {args.out})")
    reads = {e.name for e in registry.all_scenes() if registry.RUN in e.reads}
    print("| scene | reads the run | CPU s |\n|---|---|---|")
    for name, s in sorted(cpu.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {'yes' if name in reads else ''} | {s:.1f} |")
    run, total = run_share(cpu)
    print(f"\n{len(reads)} scenes read the run: {run:.1f} of {total:.1f} CPU s, {100 * run / total:.1f} %")


if __name__ == "__main__":
    main()
