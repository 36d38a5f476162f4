"""CPU seconds to render a scene at 480p15 (every frame drawn and encoded, as ./render.sh -ql
does), with manim's own drawing and with scenes.fast_draw's.

    python bench/bench_draw.py SeparatingPlane WhenTrainingFails ...   (no names: three scenes)

Each render runs in a fresh process; both kinds of drawing are timed for each scene, and a
digest of every frame drawn is compared, so the two are shown to draw the same video.
"""

import sys

from side_by_side import compare

DEFAULT = ["SeparatingPlane", "WhenTrainingFails", "VectorTwoFaces"]

SCRIPT = r"""
import hashlib, json, os, sys, tempfile, time
os.environ["TOYNET_VOICE"] = "none"
sys.path.insert(0, ".")
from manim import tempconfig
from scenes import fast_draw, registry
scene_class = registry.find(sys.argv[1]).load()  # importing the scene installs fast_draw
if sys.argv[2] == "manim":
    fast_draw.uninstall()
frames = hashlib.blake2b()
options = {"quality": "low_quality", "media_dir": tempfile.mkdtemp(), "disable_caching": True,
           "tex_dir": ".cache/tex", "verbosity": "ERROR", "progress_bar": "none"}
with tempconfig(options):
    scene = scene_class()
    render = scene.renderer.render

    def keep(s, t, moving=None):
        render(s, t, moving)
        frames.update(scene.renderer.get_frame().tobytes())

    scene.renderer.render = keep
    start = time.process_time()
    scene.render()
    cpu = time.process_time() - start
print(json.dumps({"cpu": cpu, "frames": frames.hexdigest()}))
"""



def main(names):
    compare(names, SCRIPT, "drawing", "frames")


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT)
