"""Render seconds per second of video, per scene, at 480p15 with the manim CLI.

    python bench/bench_scenes.py XorProblem NoisyDataset ...     (no names: every scene)

Each scene is rendered in a fresh process with --disable_caching, as the final video is.
The cost of starting manim (measured once on an empty scene) is reported separately and
subtracted, so the ratio is the scene's own drawing cost. Beside the wall-clock ratio, the
CPU seconds of the render (manim and its LaTeX runs) per video second: on a machine shared
with other work the wall clock stretches, the CPU time barely does.
"""

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

from scenes import registry  # noqa: E402

EMPTY_SCENE = "from manim import Scene\nclass Empty(Scene):\n    def construct(self):\n        self.wait(0.2)\n"


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def render(path, name, media_dir, extra=(), cpu=None):
    """Wall seconds and video seconds of one fresh -ql render; `extra` are more CLI arguments.
    `cpu`, a list, gets the render's CPU seconds appended."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "manim", "render", "-ql", "--disable_caching",
           "--media_dir", str(media_dir), *extra, str(path), name]
    start, start_cpu = time.perf_counter(), children_cpu()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    if cpu is not None:
        cpu.append(children_cpu() - start_cpu)
    video = next(Path(media_dir).rglob(f"{name}.mp4"))
    with av.open(str(video)) as container:
        duration = float(container.duration) / av.time_base
    return elapsed, duration


def main(names):
    entries = [registry.find(n) for n in names] if names else registry.all_scenes()
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty_scene.py"
        empty.write_text(EMPTY_SCENE)
        cpu = []
        startup, _ = render(empty, "Empty", Path(tmp) / "m0", cpu=cpu)
        startup_cpu = cpu.pop()
        print(f"manim start-up (empty scene): {startup:.2f} s, {startup_cpu:.2f} CPU s")
        print(f"{'scene':<24} {'video s':>8} {'wall s':>8} {'render s/video s':>17} {'CPU s/video s':>14}")
        for i, entry in enumerate(entries):
            wall, duration = render(entry.path, entry.name, Path(tmp) / f"m{i + 1}", cpu=cpu)
            ratio = max(wall - startup, 0.0) / duration
            cpu_ratio = max(cpu.pop() - startup_cpu, 0.0) / duration
            print(f"{entry.name:<24} {duration:8.1f} {wall:8.1f} {ratio:17.2f} {cpu_ratio:14.2f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
