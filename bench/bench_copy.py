"""CPU seconds to build a scene (every play() jumped to its end, no frame drawn, as the tests'
word checks build it), with manim's own mobject copies and with scenes.fast_copy's.

    python bench/bench_copy.py UpdateStep TrainingRun ...     (no names: four chapter-3 scenes)

Each build runs in a fresh process; both kinds of copy are timed for each scene, and the
words each build collects are compared, so the two are shown to build the same scene.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ["UpdateStep", "BackpropW1", "TrainingRun", "WhenTrainingFails"]

BUILD = r"""
import hashlib, json, os, sys, tempfile, time
os.environ["TOYNET_VOICE"] = "none"
sys.path.insert(0, ".")
from scenes import fast_copy, registry
from scenes.run_data import DEFAULT_RUN
if sys.argv[2] == "manim":
    from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath
    fast_copy.Mobject.__deepcopy__ = fast_copy.MANIMS_OWN
    VMobjectFromSVGPath.__deepcopy__ = fast_copy.MANIMS_OWN
from tests.scenes.words import scene_words
scene = registry.find(sys.argv[1]).load()
start = time.process_time()
words = scene_words(scene, DEFAULT_RUN, tempfile.mkdtemp())
cpu = time.process_time() - start
digest = hashlib.md5(repr((words.subcaptions, words.on_screen, words.beats)).encode()).hexdigest()
print(json.dumps({"cpu": cpu, "words": digest}))
"""


def build(name, copies):
    out = subprocess.run([sys.executable, "-c", BUILD, name, copies], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(names):
    print("| scene | manim's copies, CPU s | fast copies, CPU s | ratio | same words |")
    print("|---|---|---|---|---|")
    for name in names:
        manims, ours = build(name, "manim"), build(name, "fast")
        print(f"| {name} | {manims['cpu']:.1f} | {ours['cpu']:.1f} | "
              f"{ours['cpu'] / manims['cpu']:.2f} | {'yes' if manims['words'] == ours['words'] else 'NO'} |")


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT)
