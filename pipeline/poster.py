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


def _frame_at(container, stream, seconds, last=False):
    """The first frame at or after `seconds` (or, with last=True, the final frame), decoding
    from the keyframe before it rather than from the start."""
    container.seek(max(0, int(seconds / stream.time_base)), stream=stream, backward=True)
    found = None
    for frame in container.decode(stream):
        found = frame
        if not last and frame.time is not None and frame.time >= seconds:
            break
    return found.to_image() if found is not None else None


def poster_frame(path):
    """The last frame, unless the scene ends on (almost) nothing: then the busiest of a few
    frames from its second half."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        duration = float(stream.duration * stream.time_base) if stream.duration else \
            float(container.duration or 0) / av.time_base
        last = _frame_at(container, stream, max(0.0, duration - 1.0), last=True)
        if last is None:
            raise PosterError(f"{path} has no frames")
        if _busy(last) > 0.02:
            return last
        picks = [_frame_at(container, stream, duration * k / 16) for k in range(8, 16)]
        return max([p for p in picks if p is not None] + [last], key=_busy)


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


def make(jobs, out_dir, quality=None, image=Path("docs/chapters.png"), run_path=None, shared_files=None):
    """Tiles the scenes rendered for the run (default: $TOYNET_RUN, else the default run) at
    the quality, with the current code; returns the image's path and the scenes left out."""
    quality = quality or default_quality(out_dir)
    if isinstance(quality, str):
        quality = build.QUALITIES[quality]
    b = build.Build(Path(out_dir), quality, run_path, shared_files=shared_files)
    tiles, missing = [], []
    for number, job in enumerate(jobs, start=1):
        entry = b.entry(job)
        if entry.complete():
            tiles.append((f"{number}. {job.title}", poster_frame(entry.mp4)))
        else:
            missing.append(job.name)
    if not tiles:
        raise PosterError(f"no scenes rendered for this run at quality {quality.key} in {b.cache.root}: "
                          f"run ./render.sh -q {quality.key} first")
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
