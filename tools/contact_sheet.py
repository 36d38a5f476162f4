"""Contact sheet of a scene's beats: one still after every play(), tiled into one PNG.

    python -m tools.contact_sheet XorProblem [more scenes] [--out docs/contact_sheets]

Each tile is the scene's state after one play() (at 480p), numbered in order, so a whole
scene can be reviewed by eye in one picture; the still hold of a scenes.pacing.beat gets no
tile of its own. Scenes are looked up in scenes.registry.
"""

import argparse
import math
import sys
import tempfile
from pathlib import Path

import numpy as np
from manim import tempconfig
from PIL import Image, ImageDraw

from scenes import registry
from scenes.pacing import is_hold

TILE_W, TILE_H = 427, 240
COLUMNS = 4


def capture_beats(scene_class, media_dir, width=854, height=480):
    """Frames (H, W, 3) uint8 after each play() of the scene, plus the final frame."""
    frames = []

    class Capturing(scene_class):
        def play(self, *args, **kwargs):
            super().play(*args, **kwargs)
            if is_hold(self):  # the still hold of a beat looks like the beat itself
                return
            self.renderer.update_frame(self)
            frames.append(np.array(self.renderer.get_frame())[:, :, :3])

    Capturing.__name__ = scene_class.__name__
    options = {"media_dir": str(media_dir), "format": None, "write_to_movie": False,
               "pixel_width": width, "pixel_height": height, "frame_rate": 5,
               "disable_caching": True, "tex_dir": ".cache/tex"}
    with tempconfig(options):
        scene = Capturing(skip_animations=True)
        scene.render()
    return frames


def tile(frames, columns=COLUMNS):
    rows = math.ceil(len(frames) / columns)
    sheet = Image.new("RGB", (columns * TILE_W, rows * TILE_H), (40, 40, 40))
    draw = ImageDraw.Draw(sheet)
    for i, frame in enumerate(frames):
        thumb = Image.fromarray(frame).resize((TILE_W, TILE_H), Image.LANCZOS)
        x, y = (i % columns) * TILE_W, (i // columns) * TILE_H
        sheet.paste(thumb, (x, y))
        draw.rectangle([x, y, x + 26, y + 16], fill=(0, 0, 0))
        draw.text((x + 3, y + 2), str(i + 1), fill=(255, 255, 255))
        draw.rectangle([x, y, x + TILE_W - 1, y + TILE_H - 1], outline=(90, 90, 90))
    return sheet


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenes", nargs="+", help="scene class names (see ./render.sh list)")
    parser.add_argument("--out", default="media/contact_sheets", help="output folder")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.scenes:
        try:
            entry = registry.find(name)
        except KeyError as err:
            sys.exit(f"error: {err.args[0]}")
        with tempfile.TemporaryDirectory() as tmp:
            frames = capture_beats(entry.load(), tmp)
        path = out / f"{name}.png"
        tile(frames).save(path)
        print(f"{path}: {len(frames)} beats")


if __name__ == "__main__":
    main()
