"""CPU seconds to build a scene (every play() jumped to its end, no frame drawn, as the tests'
word checks build it), with manim's own mobject copies and with scenes.fast_copy's.

    python bench/bench_copy.py UpdateStep TrainingRun ...     (no names: four chapter-3 scenes)

Each build runs in a fresh process; both kinds of copy are timed for each scene, and the
words each build collects are compared, so the two are shown to build the same scene.
"""

import sys

from side_by_side import compare

DEFAULT = ["UpdateStep", "BackpropW1", "TrainingRun", "WhenTrainingFails"]

SCRIPT = r"""
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



def main(names):
    compare(names, SCRIPT, "copies", "words")


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT)
