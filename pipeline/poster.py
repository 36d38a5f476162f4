"""The README's picture of the chapters: one poster frame per rendered scene (decoded with
PyAV), tiled in running order with its chapter title under it."""

from pathlib import Path

import av
from PIL import Image, ImageDraw, ImageFont

from . import atomic, build, stamps

COLUMNS = 4
TILE_W, TILE_H = 480, 270
CAPTION_H = 44
GAP = 12
BACKGROUND = (16, 20, 24)  # the video's background, #101418
TEXT = (230, 232, 235)


class PosterError(RuntimeError):
    pass


def _frames(path):
    with av.open(str(path)) as container:
        return [f.to_image() for f in container.decode(video=0)]


def poster_frame(path):
    """The last frame, unless the scene ends on (almost) nothing: then its busiest frame among
    a few taken from the second half."""
    frames = _frames(path)
    if not frames:
        raise PosterError(f"{path} has no frames")
    last = frames[-1]
    if _busy(last) > 0.02:
        return last
    half = frames[len(frames) // 2:]
    picks = half[:: max(1, len(half) // 8)]
    return max(picks, key=_busy)


def _busy(image):
    """Fraction of pixels that differ clearly from the background."""
    small = image.convert("RGB").resize((96, 54))
    far = sum(1 for px in small.getdata() if sum(abs(a - b) for a, b in zip(px, BACKGROUND)) > 60)
    return far / (96 * 54)


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has one fixed-size default font
        return ImageFont.load_default()


def _fit(draw, text, font, width):
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def default_quality(out_dir):
    stamp = stamps.read(Path(out_dir) / "toynet.stamp.json")
    return (stamp or {}).get("quality", "l")


def make(jobs, out_dir, quality=None, image=Path("docs/chapters.png")):
    quality = quality or default_quality(out_dir)
    b = build.Build(Path(out_dir), build.QUALITIES[quality])
    tiles, missing = [], []
    for number, job in enumerate(jobs, start=1):
        video = b.files(job)["mp4"]
        if video.exists():
            tiles.append((f"{number}. {job.title}", poster_frame(video)))
        else:
            missing.append(job.name)
    if not tiles:
        raise PosterError(f"no rendered scenes in {b.scene_dir}: run ./render.sh -q {quality} first")
    rows = -(-len(tiles) // COLUMNS)
    cols = min(COLUMNS, len(tiles))
    sheet = Image.new("RGB", (GAP + cols * (TILE_W + GAP), GAP + rows * (TILE_H + CAPTION_H + GAP)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = _font(22)
    for i, (caption, frame) in enumerate(tiles):
        x = GAP + (i % COLUMNS) * (TILE_W + GAP)
        y = GAP + (i // COLUMNS) * (TILE_H + CAPTION_H + GAP)
        sheet.paste(frame.convert("RGB").resize((TILE_W, TILE_H), Image.LANCZOS), (x, y))
        draw.rectangle([x, y, x + TILE_W - 1, y + TILE_H - 1], outline=(70, 76, 84))
        draw.text((x + 4, y + TILE_H + 10), _fit(draw, caption, font, TILE_W - 8), fill=TEXT, font=font)
    with atomic.temp_target(image) as tmp:
        sheet.save(tmp, format="PNG", optimize=True)
    return Path(image), missing
