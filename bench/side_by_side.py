"""Timing one scene two ways, each in a fresh process (bench_copy.py, bench_draw.py): the
process prints a JSON line with its CPU seconds and a digest of what it made, and the two
ways are compared in a Markdown table row."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_fresh(script, *args):
    """The last line of `python -c script args...`, read as JSON."""
    out = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def compare(names, script, what, same):
    """A table of CPU seconds for each scene, manim's way and ours; `same` names the digest
    key the two must agree on."""
    print(f"| scene | manim's {what}, CPU s | fast {what}, CPU s | ratio | same {same} |")
    print("|---|---|---|---|---|")
    for name in names:
        manims, ours = run_fresh(script, name, "manim"), run_fresh(script, name, "fast")
        print(f"| {name} | {manims['cpu']:.1f} | {ours['cpu']:.1f} | {ours['cpu'] / manims['cpu']:.2f} | "
              f"{'yes' if manims[same] == ours[same] else 'NO'} |", flush=True)
