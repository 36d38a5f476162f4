"""HiddenLift with flat dots against the same scene with Dot3D spheres, at 480p15.

    python bench/bench_hidden_dot3d.py              (whole scene; the Dot3D run takes minutes)
    python bench/bench_hidden_dot3d.py --upto 2     (only the first 2 animations of each)

Both versions render in fresh processes of the same run, with --disable_caching; the only
difference is the factory of the point cloud. Prints render s per video s for each (manim's
start-up subtracted, as in bench_scenes.py) and their ratio.
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scenes import EMPTY_SCENE, ROOT, render  # noqa: E402

# The naive version: every point a shaded sphere. Same positions, colours and scene.
DOT3D_SCENE = '''
import numpy as np
from manim import Dot3D, VGroup
from scenes.style import class_color
from scenes.widgets import hidden_view


def sphere_cloud(axes, coords, labels, radius=0.05, opacity=0.95):
    return VGroup(*[Dot3D(axes.c2p(*c), radius=radius, color=class_color(label))
                    for c, label in zip(np.asarray(coords, dtype=float), labels)])


hidden_view.point_cloud = sphere_cloud
hidden_view.face_camera = lambda scene, cloud: cloud  # spheres need no turning

from scenes.ch2_network.hidden_space import HiddenLift


class HiddenLiftDot3D(HiddenLift):
    pass
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upto", type=int, default=None,
                        help="render only animations 0..UPTO-1 of each version")
    args = parser.parse_args()
    extra = ["-n", f"0,{args.upto - 1}"] if args.upto else []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "empty_scene.py").write_text(EMPTY_SCENE)
        (tmp / "hidden_dot3d.py").write_text(DOT3D_SCENE)
        startup, _ = render(tmp / "empty_scene.py", "Empty", tmp / "m0")
        flat_path = ROOT / "scenes" / "ch2_network" / "hidden_space.py"
        results = {}
        for label, path, name in (("flat Dot", flat_path, "HiddenLift"),
                                  ("Dot3D", tmp / "hidden_dot3d.py", "HiddenLiftDot3D")):
            wall, duration = render(path, name, tmp / f"m_{name}", extra)
            results[label] = max(wall - startup, 0.0) / duration
            print(f"{label:<9} video {duration:5.1f} s  wall {wall:6.1f} s  "
                  f"render s per video s {results[label]:6.2f}", flush=True)
        print(f"manim start-up {startup:.2f} s; Dot3D / flat = "
              f"{results['Dot3D'] / max(results['flat Dot'], 1e-9):.1f}x")


if __name__ == "__main__":
    main()
