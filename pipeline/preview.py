"""One scene, fast, at low quality: its last frame as a PNG or a 480p15 MP4. Previews may use
manim's cache (subtitle timing does not matter here), so a second preview is quicker. They are
silent, paced for reading, unless a voice is given."""

import shutil
import sys
from pathlib import Path

from . import atomic, build


class PreviewError(RuntimeError):
    pass


def preview(job, out_dir, run_path=None, mp4=False, voice=None):
    b = build.Build(Path(out_dir), build.QUALITIES["l"], run_path, voice=voice)
    folder = Path(out_dir) / "preview"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{job.name}{'.mp4' if mp4 else '.png'}"
    media = b.media_dir(job).resolve()
    stem = Path(job.source).stem
    if mp4:
        candidates = lambda: [media / "videos" / stem / b.quality.folder / f"{job.name}.mp4"]  # noqa: E731
    else:
        candidates = lambda: sorted((media / "images" / stem).glob(f"{job.name}*.png"))  # noqa: E731
    for stale in candidates():
        stale.unlink(missing_ok=True)
    # pipeline.scene_sound: manim, with a narrated preview's sound as long as its frames.
    cmd = [sys.executable, "-m", "pipeline.scene_sound", "render", "-ql", "--silent", *([] if mp4 else ["-s"]),
           "--media_dir", str(media), str(job.source), job.name]
    log = folder / f"{job.name}.log"
    code = b._run(cmd, log)
    produced = [p for p in candidates() if p.exists()]
    if code != 0 or not produced:
        raise PreviewError(f"scene {job.name} failed to render (exit {code}); end of {log}:\n{build.tail(log)}")
    with atomic.temp_target(target) as tmp:
        shutil.copyfile(produced[-1], tmp)
    return target
