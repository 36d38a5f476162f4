"""Narration benchmark: seconds of Piper synthesis per second of speech, over the video's own
words, and the cost of loading the voice. Prints Markdown (for docs/PERFORMANCE.md).

    python bench/bench_voice.py                      # every scene, the bundled voice
    python bench/bench_voice.py --voice my.onnx XorProblem

Every scene is constructed without drawing anything (skip_animations) with the voice and an
empty speech cache, so each beat's words are synthesised exactly once, as in a first render.
Only the synthesis calls are timed: CPU seconds of this process (Piper runs on one thread, as in
a render) and wall seconds.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from manim import tempconfig  # noqa: E402

from scenes import registry, voice  # noqa: E402
from scenes.pacing import narration  # noqa: E402


class TimedSpeaker(voice.Speaker):
    cpu = wall = 0.0

    def synthesise(self, text):
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return super().synthesise(text)
        finally:
            self.cpu += time.process_time() - cpu
            self.wall += time.perf_counter() - wall


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenes", nargs="*", help="scene names (default: every scene)")
    p.add_argument("--voice", default="default", help="default (the bundled voice) or a Piper .onnx")
    args = p.parse_args(argv)
    entries = [registry.find(n) for n in args.scenes] if args.scenes else registry.all_scenes()
    model = voice.model_from(args.voice)

    with tempfile.TemporaryDirectory() as tmp:
        speaker = TimedSpeaker(model, Path(tmp) / "speech", log=open("/dev/null", "w"))
        cpu, wall = time.process_time(), time.perf_counter()
        speaker._voice = voice.load(model)
        load = (time.process_time() - cpu, time.perf_counter() - wall)
        voice._speaker.cache_clear()
        voice.current = lambda: speaker  # every beat speaks through the timed speaker
        speech = chars = video = 0.0
        beats = 0
        options = {"media_dir": str(Path(tmp) / "media"), "format": None, "write_to_movie": False,
                   "disable_caching": True, "tex_dir": str(ROOT / ".cache" / "tex"),
                   "pixel_width": 320, "pixel_height": 180, "frame_rate": 15}
        for entry in entries:
            with tempconfig(options):
                scene = entry.load()(skip_animations=True)
                scene.render()
            for n in narration(scene):
                speech += n.speech.seconds
                chars += len(n.spoken)
                beats += 1
            video += scene.renderer.time
            print(f"<!-- {entry.name}: {scene.renderer.time:.1f} s -->", file=sys.stderr, flush=True)

    print("| what | measured |")
    print("|---|---|")
    print(f"| loading the voice (once per scene process) | {load[0]:.2f} CPU s, {load[1]:.2f} s wall |")
    print(f"| narration: {beats} clips, {speech:.1f} s of speech, {chars / speech:.1f} characters "
          f"per second | video {video:.1f} s |")
    print(f"| synthesis, CPU s per s of speech (one thread) | {speaker.cpu / speech:.3f} "
          f"({speaker.cpu:.1f} CPU s) |")
    print(f"| synthesis, wall s per s of speech | {speaker.wall / speech:.3f} ({speaker.wall:.1f} s) |")


if __name__ == "__main__":
    main()
