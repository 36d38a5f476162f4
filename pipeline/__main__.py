"""Command line of the rendering pipeline; ./render.sh runs it from the repo root."""

import argparse
import os
import signal
import sys
from pathlib import Path

from toynet_core.options import KNOB_FIELDS, KNOBS, add_training_options

from . import build, runs

ROOT = build.ROOT
COMMANDS = ("render", "list", "preview", "poster")

DESCRIPTION = """\
Render the toynet video: every scene in the post's order, joined into one MP4 with one
chapter per scene, an embedded subtitle track and a sidecar .srt from the scenes' subcaptions.

  ./render.sh                        every scene at low quality, joined into out/toynet.mp4
  ./render.sh -q h -j 2              1080p60, two scenes rendered at a time
  ./render.sh XorProblem Architecture   only these scenes, joined into out/selection.mp4
  ./render.sh --run my_run.npz       the video for a saved run artifact
  ./render.sh --seed 7 --lr 0.05     train a new run first (kept in out/runs/), then render it
  ./render.sh list                   the scenes in order, with their chapter titles
  ./render.sh preview XorProblem     one scene, fast: its last frame as out/preview/XorProblem.png
  ./render.sh preview XorProblem --mp4   ... or a low-quality MP4, out/preview/XorProblem.mp4
  ./render.sh poster                 docs/chapters.png: one poster frame per chapter (for the README)
"""

EPILOG = """\
output folder (default out/, --out DIR):
  toynet.mp4, toynet.srt           the whole video and its subtitles
  selection.mp4, selection.srt     the scenes named on the command line, when not all of them
  scenes/<q>/<Scene>.mp4 .srt      each scene at quality q, with its render log (.log) and
                                   its fingerprint (.stamp.json)
  runs/                            runs trained from --seed and the other knobs
  media/<Scene>/                   manim's working files for each scene (TeX cache, partial movies)

incremental builds:
  A scene is rendered again only when its fingerprint changes: the hash of its module, the
  shared scene modules (scenes/*.py, scenes/widgets/*.py, its chapter's _*.py helpers),
  toynet_core, assets/, manim.cfg, the run file's contents, the quality and manim's version.
  Results are written to temporary files and renamed, so an interrupted render leaves no
  broken video, and the next invocation resumes with the scenes that are not done yet.
  --force renders everything again.

exit status:
  0 done; 1 a scene failed to render (its name and the end of its log are shown, the other
  scenes' outputs are kept and no joined video is written); 2 bad input (unknown scene,
  missing or corrupt run file, failed training).
"""


def add_run_options(parser):
    group = parser.add_argument_group("the run rendered (default: $TOYNET_RUN if set, else assets/default_run.npz)")
    group.add_argument("--run", metavar="PATH", type=Path,
                       help="render the video for this saved run artifact (.npz)")
    group.add_argument("--seed", type=int, help="train a new run with this seed first, then render it")
    add_training_options(group, with_defaults=False, note="; for the new run, with --seed")


def add_out(parser):
    parser.add_argument("--out", type=Path, default=Path("out"), metavar="DIR",
                        help="output folder (default: out)")


def render_parser():
    p = argparse.ArgumentParser(prog="render.sh", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenes", nargs="*", metavar="SCENE", help="scene class names (default: all, in order)")
    p.add_argument("-q", "--quality", choices=list(build.QUALITIES), default="l",
                   help="l 480p15 (default), m 720p30, h 1080p60, k 2160p60")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="render N scenes at once, in separate processes (default 1)")
    p.add_argument("--force", action="store_true", help="render every scene again, even if unchanged")
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
    try:
        run_path = resolve_run(args)
    except runs.RunError as err:
        return fail(str(err))
    b = build.Build(args.out, build.QUALITIES[args.quality], run_path)
    outcomes = b.render_all(jobs, parallel=args.jobs, force=args.force)
    failed = [o for o in outcomes if o.status == "failed"]
    for o in failed:
        print(f"\nscene {o.job.name} failed to render ({o.detail}); end of {o.log}:\n"
              f"{build.tail(o.log)}", file=sys.stderr)
    if failed:
        kept = sum(o.status != "failed" for o in outcomes)
        return fail(f"{len(failed)} scene(s) failed: {', '.join(o.job.name for o in failed)}; "
                    f"the other {kept} are kept in {b.scene_dir}; no joined video was written", 1)
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
    else:
        print(f"{video}: {len(chapters)} chapters, {float(chapters[-1].end):.1f} s; subtitles in {srt}")
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
    add_out(p)
    add_run_options(p)
    return p


def cmd_preview(argv):
    args = preview_parser().parse_args(argv)
    (job,) = select([args.scene])
    try:
        run_path = resolve_run(args)
    except runs.RunError as err:
        return fail(str(err))
    from . import preview

    try:
        path = preview.preview(job, args.out, run_path, mp4=args.mp4)
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
    """Remove and return the command (render, list, preview, poster) from argv, wherever the
    user put it among the options: `--run my.npz preview HiddenLift` works like
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
    return {"render": cmd_render, "list": cmd_list, "preview": cmd_preview, "poster": cmd_poster}[command](argv)


if __name__ == "__main__":
    sys.exit(main())
