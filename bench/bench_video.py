"""Whole-video benchmark: wall time of the render at each quality with -j 1 and -j 2 (and each
--voice), render seconds per video second for each scene, and the time of a re-run when
nothing changed. Prints Markdown tables (for docs/PERFORMANCE.md).

    python bench/bench_video.py                        # -ql and -qh, -j 1 and -j 2, every scene
    python bench/bench_video.py --qualities l --jobs 2 XorProblem Architecture
    python bench/bench_video.py --qualities l --jobs 2 --voices none,default   # narration's cost

Every configuration renders from scratch into its own output folder (TeX cache and speech cache
included), as a first render on a fresh checkout would, in the order given, back to back. It
runs what ./render.sh runs once its set-up check has passed (python -m pipeline). Per-scene
figures come from the -j 1 render (no other scene competing for the CPU) and include manim's
start-up, about 1 s per scene.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cache import SceneCache  # noqa: E402
from scenes import registry  # noqa: E402


def render(out, quality, jobs, scenes, voice):
    cmd = [sys.executable, "-m", "pipeline", "-q", quality, "-j", str(jobs), "--out", str(out),
           "--voice", voice, *scenes]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if result.returncode != 0:
        print(f"<!-- {' '.join(cmd[1:])} failed:\n{result.stderr.strip()[-1500:]}\n-->", flush=True)
    return wall, cpu, result.returncode == 0


def _children_cpu():
    """CPU seconds of the finished child processes (the render and its manim processes): on a
    shared machine a steadier measure of the work than the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def video_seconds(path):
    if not path.exists():
        return float("nan")
    with av.open(str(path)) as c:
        return float(c.duration) / av.time_base


def scene_rows(out, names):
    """(scene, video s, render s, CPU s) of each scene's render in this output folder's cache."""
    kept = SceneCache(out / "cache")
    rows = []
    for name in names:
        s = kept.latest_stamp(name)
        if s:
            rows.append((name, s["video_seconds"], s["render_seconds"],
                         s.get("render_cpu_seconds", float("nan"))))
        else:
            rows.append((name, float("nan"), float("nan"), float("nan")))
    return rows


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenes", nargs="*", help="scene names (default: every scene)")
    p.add_argument("--qualities", default="l,h", help="comma-separated, of l m h k (default l,h)")
    p.add_argument("--jobs", default="1,2", help="comma-separated -j values (default 1,2)")
    p.add_argument("--voices", default="default", help="comma-separated --voice values (default: default)")
    p.add_argument("--keep", type=Path, help="keep the output folders here instead of a temporary folder")
    args = p.parse_args(argv)
    names = args.scenes or [e.name for e in registry.all_scenes()]
    qualities = args.qualities.split(",")
    jobs = [int(j) for j in args.jobs.split(",")]
    voices = args.voices.split(",")
    stem = "selection" if args.scenes else "toynet"

    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        totals, per_scene, rerun = [], {}, None
        for q in qualities:
            for j in jobs:
                for v in voices:
                    out = base / f"q{q}_j{j}_{Path(v).stem}"
                    wall, cpu, ok = render(out, q, j, args.scenes, v)
                    video = video_seconds(out / f"{stem}.mp4")
                    totals.append((q, j, v, video, wall, cpu, ok))
                    print(f"<!-- -q{q} -j{j} --voice {v}: {wall:.1f} s, {cpu:.1f} CPU s -->", file=sys.stderr,
                          flush=True)
                    if q not in per_scene or j == 1:
                        per_scene[q] = (j, scene_rows(out, names))
                    if rerun is None and ok:
                        rerun = (q, j, v, render(out, q, j, args.scenes, v)[0])  # wall seconds

    print("## Whole video\n")
    print("| quality | -j | --voice | video s | render wall s | wall / video | CPU s | ok |")
    print("|---|---|---|---|---|---|---|---|")
    for q, j, v, video, wall, cpu, ok in totals:
        print(f"| -q{q} | {j} | {v} | {video:.1f} | {wall:.1f} | {wall / video:.2f} | {cpu:.0f} | "
              f"{'yes' if ok else 'FAILED'} |")
    for q, (j, rows) in per_scene.items():
        print(f"\n## Per scene at -q{q} (-j {j}; render time includes manim's start-up)\n")
        print("| scene | video s | render s | render s per video s | CPU s per video s |")
        print("|---|---|---|---|---|")
        for name, video, wall, cpu in rows:
            print(f"| {name} | {video:.1f} | {wall:.1f} | {wall / video:.2f} | {cpu / video:.2f} |")
    if rerun is not None:
        q, j, v, wall = rerun
        print(f"\n## Re-run with nothing changed\n\n`-q {q} -j {j} --voice {v}` again: {wall:.2f} s "
              f"(goal: under 10 s)")


if __name__ == "__main__":
    main()
