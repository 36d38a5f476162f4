"""Command line of the rendering pipeline; ./render.sh runs it from the repo root."""

import argparse
import os
import shutil
import signal
import sys
import time
from pathlib import Path

from toynet_core.options import KNOB_FIELDS, KNOBS, add_training_options

from . import build, cache, runs

ROOT = build.ROOT
COMMANDS = ("render", "list", "preview", "poster", "clean")

DESCRIPTION = """\
Render the toynet video: every scene in the post's order, joined into one MP4 with one
chapter per scene, a narration track spoken offline by a Piper voice, an embedded subtitle
track and a sidecar .srt from the scenes' subcaptions.

  ./render.sh                        every scene at low quality, joined into out/toynet.mp4
  ./render.sh -q h -j 2              1080p60, two scenes rendered at a time
  ./render.sh XorProblem Architecture   only these scenes, joined into out/selection.mp4
  ./render.sh --run my_run.npz       the video for a saved run artifact
  ./render.sh --seed 7 --lr 0.05     train a new run first (kept in out/runs/), then render it
  ./render.sh --voice none           silent, each subtitle held long enough to read instead
  ./render.sh --voice my.onnx        narrated by another Piper voice (my.onnx.json beside it)
  ./render.sh list                   the scenes in order, with their chapter titles
  ./render.sh preview XorProblem     one scene, fast: its last frame as out/preview/XorProblem.png
  ./render.sh preview XorProblem --mp4   ... or a low-quality MP4, out/preview/XorProblem.mp4
  ./render.sh poster                 docs/chapters.png: one poster frame per chapter (for the README)
  ./render.sh clean                  remove the kept renders, speech clips and manim's work files
"""

EPILOG = """\
output folder (default out/, --out DIR):
  toynet.mp4, toynet.srt           the whole video and its subtitles
  selection.mp4, selection.srt     the scenes named on the command line, when not all of them
  cache/<Scene>/<fp>.mp4 .srt      each render of a scene, kept by its fingerprint <fp>, with
                                   its log (.log) and its inputs (.stamp.json)
  cache/_joined/                   the videos joined before, kept by the renders they hold
  runs/                            runs trained from --seed and the other knobs
  speech/                          the narration's clips, one WAV per spoken text and voice
  media/<Scene>/                   manim's working files for each scene (TeX and text caches)

incremental builds:
  A scene is rendered only when no render of its fingerprint is kept: the hash of its module,
  the shared scene modules (scenes/*.py, scenes/widgets/*.py, its chapter's _*.py helpers),
  toynet_core, assets/ apart from the run data, manim.cfg, the voice, the quality, manim's
  version, and the contents of the run data the scene reads (the run, the failed run, the
  sweeps: declared in each chapter's scenes list; a scene that reads data it does not declare
  fails). So --seed renders only the scenes that show the run, and going back to a run, voice,
  quality or code rendered before renders nothing, and copies the video joined then. The cache
  and the speech clips keep at most --cache-limit (default 2G) together; those used least
  recently go first, never those of the video being made. ./render.sh clean empties it (and speech/ and media/).
  Speech is cached by its text, the voice and the synthesis settings, so a scene rendered
  again synthesises only the words that changed.
  Results are written to temporary files and renamed, so an interrupted render leaves no
  broken video, and the next invocation resumes with the scenes that are not done yet.
  --force renders every scene asked for again.

exit status:
  0 done; 1 a scene failed to render (its name and the end of its log are shown, the other
  scenes' outputs are kept and no joined video is written); 2 bad input (unknown scene,
  missing or corrupt run file, failed training, a voice that cannot be loaded or a missing
  speech package).
"""


def add_run_options(parser):
    group = parser.add_argument_group("the run rendered (default: $TOYNET_RUN if set, else assets/default_run.npz)")
    group.add_argument("--run", metavar="PATH", type=Path,
                       help="render the video for this saved run artifact (.npz)")
    group.add_argument("--seed", type=int, help="train a new run with this seed first, then render it")
    add_training_options(group, with_defaults=False, note="; for the new run, with --seed")


def add_voice(parser, default, default_help):
    parser.add_argument("--voice", metavar="PATH", default=default,
                        help="the narrator: none (silent, paced for reading), default (the bundled "
                             f"Piper voice en_US-joe-medium) or a Piper .onnx voice; default: {default_help}")


def resolve_voice(value):
    """The .onnx model of the --voice value (None for no voice), its files checked."""
    from scenes import voice

    value = value if value is not None else os.environ.get("TOYNET_VOICE") or "default"
    model = voice.model_from(value)
    if model is not None:
        voice.check_files(model)
        model = model.resolve()
    return model


def add_out(parser):
    parser.add_argument("--out", type=Path, default=Path("out"), metavar="DIR",
                        help="output folder (default: out)")


def size_argument(text):
    try:
        return cache.parse_size(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def render_parser():
    p = argparse.ArgumentParser(prog="render.sh", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenes", nargs="*", metavar="SCENE", help="scene class names (default: all, in order)")
    p.add_argument("-q", "--quality", choices=list(build.QUALITIES), default="l",
                   help="l 480p15 (default), m 720p30, h 1080p60, k 2160p60")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="render N scenes at once, in separate processes (default 1)")
    p.add_argument("--force", action="store_true", help="render every scene again, even if unchanged")
    p.add_argument("--cache-limit", type=size_argument, default=cache.DEFAULT_LIMIT, metavar="SIZE",
                   help="disk space kept for scene renders and speech clips, e.g. 500M or 5G (default 2G)")
    add_voice(p, None, "$TOYNET_VOICE if set, else default")
    add_out(p)
    add_run_options(p)
    return p


def fail(message, code=2):
    print(f"render.sh: {message}", file=sys.stderr)
    return code


def resolve_run(args):
    """The run file to render from, validated; trains one first when --seed is given."""
    knobs = {k: getattr(args, k) for k in ("seed",) + KNOB_FIELDS}
    if args.run is not None and any(v is not None for v in knobs.values()):
        raise runs.RunError("--run and --seed (or another trainer knob) exclude each other")
    if knobs["seed"] is None and any(v is not None for v in knobs.values()):
        raise runs.RunError(", ".join(k.flag for k in KNOBS) + " need --seed")
    if knobs["seed"] is not None:
        return runs.train(args.out, **knobs)
    if args.run is not None:
        return runs.validate(args.run)
    return runs.validate(os.environ.get("TOYNET_RUN") or runs.DEFAULT_RUN)


def select(names):
    try:
        return build.jobs_from_registry(names)
    except KeyError as err:
        raise SystemExit(fail(err.args[0]))


def cmd_render(argv):
    args = render_parser().parse_args(argv)
    if args.jobs < 1:
        return fail("-j needs a positive number")
    jobs = select(args.scenes)
    if not jobs:
        return fail("the registry lists no scenes")
    from scenes.voice import VoiceError, load

    try:
        run_path = resolve_run(args)
        model = resolve_voice(args.voice)
    except (runs.RunError, VoiceError) as err:
        return fail(str(err))
    b = build.Build(args.out, build.QUALITIES[args.quality], run_path, voice=model)
    if model is not None and any(args.force or not b.entry(j).complete() for j in jobs):
        try:
            load(model)  # a voice that cannot speak fails here, before any scene is rendered
        except VoiceError as err:
            return fail(str(err))
    started = time.time()
    outcomes = b.render_all(jobs, parallel=args.jobs, force=args.force)
    prune(b, b.kept(jobs), args.cache_limit, started)
    failed = [o for o in outcomes if o.status == "failed"]
    for o in failed:
        print(f"\nscene {o.job.name} failed to render ({o.detail}); end of {o.log}:\n"
              f"{build.tail(o.log)}", file=sys.stderr)
    if failed:
        kept = sum(o.status != "failed" for o in outcomes)
        return fail(f"{len(failed)} scene(s) failed: {', '.join(o.job.name for o in failed)}; "
                    f"the other {kept} are kept in {b.cache.root}; no joined video was written", 1)
    whole = not args.scenes
    stem = "toynet" if whole else "selection"
    video, srt = Path(args.out) / f"{stem}.mp4", Path(args.out) / f"{stem}.srt"
    from .join import JoinError

    try:
        chapters = b.join(jobs, video, srt)
    except JoinError as err:
        return fail(f"cannot join the scenes: {err}", 1)
    if chapters is None:
        print(f"{video}: up to date ({len(jobs)} scenes)")
        return 0
    print(f"{video}: {len(chapters)} chapters, {float(chapters[-1].end):.1f} s; subtitles in {srt}")
    levels = [c.loudness_db for c in chapters if c.loudness_db is not None]
    if levels:
        peak = max(c.peak_db for c in chapters if c.peak_db is not None)
        print(f"narration: {len(levels)} of {len(chapters)} scenes speak; loudness {min(levels):.1f} to "
              f"{max(levels):.1f} dBFS (gated RMS), peak {peak:.1f} dBFS")
    return 0


def prune(b, keep, limit, started):
    removed, freed = b.cache.prune(limit, keep, clips=b.speech_dir, used_since=started)
    if removed:
        print(f"cache: removed the {removed} renders and speech clips used least recently ({cache.format_size(freed)}), "
              f"to stay under {cache.format_size(limit)}")


def cmd_clean(argv):
    p = argparse.ArgumentParser(prog="render.sh clean",
                                description="Remove the kept scene renders (<out>/cache), the "
                                            "narration's speech clips (<out>/speech) and manim's "
                                            "working files (<out>/media, with its TeX cache). The "
                                            "joined videos and trained runs stay.")
    add_out(p)
    args = p.parse_args(argv)
    freed = build.Build(args.out, build.QUALITIES["l"]).cache.clear()
    for folder in ("speech", "media", "scenes"):  # scenes/: where older versions kept renders
        path = Path(args.out) / folder
        if path.is_dir():
            freed += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
            shutil.rmtree(path)
    print(f"{args.out}: removed the cached renders, speech and manim's working files "
          f"({cache.format_size(freed)})")
    return 0


def cmd_list(argv):
    argparse.ArgumentParser(prog="render.sh list",
                            description="Print the scenes in order, with their chapter titles.").parse_args(argv)
    jobs = build.jobs_from_registry()
    width = max((len(j.name) for j in jobs), default=0)
    for i, job in enumerate(jobs, start=1):
        print(f"{i:2d}  {job.name:<{width}}  {job.title}")
    return 0


def preview_parser():
    p = argparse.ArgumentParser(prog="render.sh preview",
                                description="Render one scene fast at low quality: its last frame as "
                                            "a PNG (default) or a short MP4, in <out>/preview/.")
    p.add_argument("scene")
    p.add_argument("--mp4", action="store_true", help="a 480p15 MP4 instead of the last frame")
    add_voice(p, "none", "none, so that previews stay fast")
    add_out(p)
    add_run_options(p)
    return p


def cmd_preview(argv):
    args = preview_parser().parse_args(argv)
    (job,) = select([args.scene])
    from scenes.voice import VoiceError

    try:
        run_path = resolve_run(args)
        model = resolve_voice(args.voice)
    except (runs.RunError, VoiceError) as err:
        return fail(str(err))
    from . import preview

    try:
        path = preview.preview(job, args.out, run_path, mp4=args.mp4, voice=model)
    except preview.PreviewError as err:
        return fail(str(err), 1)
    print(path)
    return 0


def poster_parser():
    p = argparse.ArgumentParser(prog="render.sh poster",
                                description="Tile a poster frame of every rendered scene, with its "
                                            "chapter title, into one image for the README.")
    p.add_argument("-q", "--quality", choices=list(build.QUALITIES), default=None,
                   help="which rendered scenes to use (default: those of the last joined video, else l)")
    p.add_argument("--image", type=Path, default=Path("docs/chapters.png"), help="default: docs/chapters.png")
    add_out(p)
    return p


def cmd_poster(argv):
    args = poster_parser().parse_args(argv)
    from . import poster

    try:
        path, missing = poster.make(build.jobs_from_registry(), args.out, args.quality, args.image)
    except poster.PosterError as err:
        return fail(str(err), 1)
    if missing:
        print(f"not rendered yet, left out: {', '.join(missing)}", file=sys.stderr)
    print(path)
    return 0


def _terminated(signum, frame):
    # Unwinds like Ctrl-C, so that running manim processes are stopped and temp files removed.
    raise SystemExit(128 + signum)


def pop_command(argv):
    """Remove and return the command (render, list, preview, poster, clean) from argv,
    wherever the user put it among the options: `--run my.npz preview HiddenLift` works like
    `preview HiddenLift --run my.npz`. The command is the first word that is neither an
    option nor an option's value; without one, the command is render."""
    takes_value = {flag for parser in (render_parser(), preview_parser(), poster_parser())
                   for action in parser._actions if action.nargs != 0
                   for flag in action.option_strings}
    skip = False
    for i, word in enumerate(argv):
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = word in takes_value  # "--run PATH"; "--run=PATH" carries its value
        else:
            if word in COMMANDS:
                return argv.pop(i)
            break
    return "render"


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, _terminated)
    os.chdir(ROOT)  # manim.cfg and relative paths are read from the repo root
    command = pop_command(argv)
    commands = {"render": cmd_render, "list": cmd_list, "preview": cmd_preview, "poster": cmd_poster,
                "clean": cmd_clean}
    return commands[command](argv)


if __name__ == "__main__":
    sys.exit(main())
