"""Render orchestration: every scene whose fingerprint is not in the cache is rendered by
manim (N at once, each in a child of a warm worker: see forkserver), then the scenes' MP4s are
joined.

Scene renders are kept by fingerprint in <out>/cache/ (see cache), so a scene is rendered
again only when something it depends on changed, and going back to a run rendered before
renders nothing. Scenes speak with the voice given to Build (TOYNET_VOICE) and share one
speech cache, <out>/speech/ (TOYNET_SPEECH_CACHE).
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from . import atomic, forkserver, runs, stamps
from .cache import SceneCache

ROOT = stamps.ROOT
JOINED = "_joined"  # the cache's folder of joined videos (scene names are class names)
LOG_TAIL_LINES = 25


@dataclass(frozen=True)
class Quality:
    key: str  # sub-folder name of the outputs
    args: tuple  # manim CLI flags
    folder: str  # manim's own output folder, <height>p<fps>


QUALITIES = {
    # The draft quality encodes with x264's veryfast preset instead of medium: 14 to 18 % less
    # CPU per scene, 47 dB PSNR against a lossless encode instead of 50 (docs/PERFORMANCE.md).
    "l": Quality("l", ("-ql", "--encoder-option", "preset=veryfast"), "480p15"),
    "m": Quality("m", ("-qm",), "720p30"),
    "h": Quality("h", ("-qh",), "1080p60"),
    "k": Quality("k", ("-qk",), "2160p60"),
}


@dataclass(frozen=True)
class Job:
    name: str  # Scene class name
    source: Path  # module file, relative to the repo root or absolute
    title: str  # chapter title
    reads: frozenset = frozenset()  # the run data it reads, as scenes.registry names it


@dataclass
class Outcome:
    job: Job
    status: str  # "rendered", "up to date" or "failed"
    seconds: float = 0.0
    duration: float = 0.0
    log: Path | None = None
    detail: str = ""
    entry: object = None  # its cache.Entry
    cpu_seconds: float = 0.0  # of the render's processes: the figure load does not inflate


def jobs_from_registry(names=None):
    from scenes import registry

    entries = [registry.find(n) for n in names] if names else registry.all_scenes()
    return [Job(e.name, e.path, e.title, e.reads) for e in entries]


def video_seconds(path):
    import av  # only needed once something was rendered

    with av.open(str(path)) as container:
        return float(container.duration or 0) / av.time_base


def tail(path, n=LOG_TAIL_LINES):
    try:
        lines = Path(path).read_text(errors="replace").splitlines()
    except FileNotFoundError:
        return "(no log)"
    return "\n".join(lines[-n:])


def _module_name(source):
    """The dotted module of a scene file under the repo root, or None."""
    try:
        return ".".join((ROOT / source).resolve().relative_to(ROOT).with_suffix("").parts)
    except ValueError:
        return None


@dataclass
class Build:
    out_dir: Path
    quality: Quality
    run_path: Path | None = None
    echo: callable = print
    shared_files: list | None = None  # None: the project's shared inputs (see stamps)
    voice: Path | None = None  # a Piper .onnx model; None renders silently
    _procs: set = field(default_factory=set)
    _servers: set = field(default_factory=set)
    _stopping: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def settings(self):
        shared = None if self.shared_files is None else tuple(self.shared_files)
        return stamps.Settings(self.quality.args, self.run_path, shared, self.voice_key())

    @property
    def cache(self):
        return SceneCache(Path(self.out_dir) / "cache")

    def media_dir(self, job):
        # One per scene: manim processes sharing a TeX folder delete each other's LaTeX files.
        return Path(self.out_dir) / "media" / job.name

    @property
    def speech_dir(self):
        return Path(self.out_dir) / "speech"

    def voice_key(self):
        from scenes import voice  # no manim, no piper: a hash of the voice's files

        return "none" if self.voice is None else voice.voice_id(self.voice)

    def inputs(self, job):
        return stamps.inputs(job, self.settings)

    def fingerprint(self, job):
        return stamps.digest(self.inputs(job))

    def entry(self, job, fingerprint=None):
        """The cache entry of the job's render for this build (complete or not)."""
        return self.cache.entry(job.name, fingerprint or self.fingerprint(job))

    def env(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        # Set explicitly, so that scenes read exactly the files their fingerprints hashed.
        env["TOYNET_RUN"] = str(runs.main_run(self.run_path).resolve())
        env["TOYNET_FAILED_RUN"] = str(runs.failed_run().resolve())
        env["TOYNET_VOICE"] = "none" if self.voice is None else str(Path(self.voice).resolve())
        env["TOYNET_SPEECH_CACHE"] = str(self.speech_dir.resolve())
        return env

    @staticmethod
    def scene_env(job):
        """What one scene's render adds to env(): the run data it may read (scenes.run_data
        refuses the rest, which its fingerprint does not cover)."""
        return {"TOYNET_READS": ",".join(sorted(job.reads))}

    def _run(self, cmd, log_path, extra_env=None):
        with open(log_path, "w") as log:
            log.write("$ " + " ".join(map(str, cmd)) + "\n")
            log.flush()
            proc = subprocess.Popen(cmd, cwd=ROOT, env={**self.env(), **(extra_env or {})}, stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            with self._lock:
                self._procs.add(proc)
            try:
                _, status, usage = os.wait4(proc.pid, 0)  # the wait that also gives CPU time
                proc.returncode = os.waitstatus_to_exitcode(status)
                return proc.returncode, usage.ru_utime + usage.ru_stime
            finally:
                with self._lock:
                    self._procs.discard(proc)

    def _manim(self, args, log_path, server, extra_env=None):
        """Runs manim's CLI with `args` in a child of `server`, or in a new process without one;
        (exit code, CPU seconds)."""
        if server is None:
            return self._run([sys.executable, "-m", "pipeline.scene_sound", *args], log_path, extra_env)
        Path(log_path).write_text("$ manim " + " ".join(map(str, args)) + "\n")
        return server.render(args, log_path, extra_env)

    def render(self, job, entry, inputs=None, server=None):
        """Renders one scene with manim and installs its MP4 and .srt in its cache entry."""
        entry.folder.mkdir(parents=True, exist_ok=True)
        source = Path(job.source)
        media = self.media_dir(job).resolve()
        videos = media / "videos" / source.stem / self.quality.folder
        produced = videos / f"{job.name}.mp4"
        for stale in (produced, produced.with_suffix(".srt")):
            stale.unlink(missing_ok=True)
        # --silent: manim would otherwise ask PyPI for its latest version after every scene
        # (up to 10 s each without a network).
        args = ["render", *self.quality.args, "--disable_caching", "--silent", "--media_dir",
                str(media), str(source), job.name]
        start = time.perf_counter()
        code, cpu = self._manim(args, entry.log, server, self.scene_env(job))
        seconds = time.perf_counter() - start
        if code != 0 or not produced.exists():
            why = f"manim exited with code {code}" if code else f"manim wrote no {produced.name}"
            return Outcome(job, "failed", seconds, log=entry.log, detail=why, entry=entry,
                           cpu_seconds=cpu)
        srt = produced.with_suffix(".srt")
        srt_text = srt.read_text(encoding="utf-8") if srt.exists() else ""  # no subcaptions
        with atomic.temp_target(entry.mp4) as tmp:
            shutil.move(produced, tmp)  # the cache keeps the only copy
        atomic.write_text(entry.srt, srt_text)
        srt.unlink(missing_ok=True)
        # Partial movies of a --disable_caching render are never reused: they only take space.
        # (Previews keep theirs, which manim names by hash.)
        for partial in (videos / "partial_movie_files" / job.name).glob("uncached_*"):
            partial.unlink(missing_ok=True)
        duration = video_seconds(entry.mp4)
        stamps.write(entry.stamp, {"fingerprint": entry.fingerprint, "scene": job.name,
                                   "title": job.title, "quality": self.quality.key,
                                   "render_seconds": round(seconds, 3),
                                   "render_cpu_seconds": round(cpu, 3),
                                   "video_seconds": round(duration, 3),
                                   "inputs": inputs or {}})
        return Outcome(job, "rendered", seconds, duration, entry.log, entry=entry, cpu_seconds=cpu)

    def _render_safely(self, job, entry, inputs, servers):
        server = servers.get() if servers is not None else None
        try:
            return self.render(job, entry, inputs, server)
        except forkserver.WorkerDied as err:
            if not self._stopping:
                server = self._replace(server)
            return Outcome(job, "failed", log=entry.log, detail=str(err), entry=entry)
        except Exception as err:  # one broken scene must not stop the others
            return Outcome(job, "failed", log=entry.log, detail=f"{type(err).__name__}: {err}", entry=entry)
        finally:
            if servers is not None:
                servers.put(server)

    def _start_server(self, modules):
        server = forkserver.ForkServer(modules, ROOT, self.env())
        with self._lock:
            self._servers.add(server)
        return server

    def _replace(self, server):
        self._close(server)
        return self._start_server(server.modules)

    def _close(self, server):
        with self._lock:
            self._servers.discard(server)
        server.close()

    def render_all(self, jobs, parallel=1, force=False):
        """Renders every job whose fingerprint is not in the cache, `parallel` at a time.
        Returns the outcomes in job order."""
        outcomes, pending = {}, []
        for job in jobs:
            found = self.inputs(job)
            entry = self.entry(job, stamps.digest(found))
            if not force and entry.complete():
                entry.touch()
                outcomes[job.name] = Outcome(job, "up to date", log=entry.log, entry=entry)
                continue
            last = self.cache.latest_stamp(job.name) or {}
            pending.append((job, entry, found, last.get("render_seconds", 1e9)))
            if force:
                continue
            why = _changes(last, found)
            if why:
                self.echo(f"{job.name}: changed {why}")
            elif last:
                self.echo(f"{job.name}: not in the cache any more")
        workers = min(max(1, parallel), len(pending))
        if pending:
            # Longest first (from the scene's last render) keeps all workers busy to the end.
            pending.sort(key=lambda p: -p[3])
            self.echo(f"rendering {len(pending)} of {len(jobs)} scenes at quality "
                      f"{self.quality.key}, {workers} at a time")
        done = 0
        pool = ThreadPoolExecutor(max_workers=workers or 1)
        try:
            servers = None
            if pending and forkserver.available():
                modules = sorted({m for m in (_module_name(p[0].source) for p in pending) if m})
                servers = queue.Queue()
                for _ in range(workers):
                    servers.put(self._start_server(modules))
            futures = {pool.submit(self._render_safely, *p[:3], servers): p[0] for p in pending}
            for future in as_completed(futures):
                outcome = future.result()
                outcomes[outcome.job.name] = outcome
                done += 1
                if outcome.status == "failed":
                    self.echo(f"[{done}/{len(pending)}] FAILED {outcome.job.name}: {outcome.detail}")
                else:
                    self.echo(f"[{done}/{len(pending)}] {outcome.job.name}: {outcome.seconds:.1f} s "
                              f"({outcome.cpu_seconds:.1f} CPU s) for {outcome.duration:.1f} s of video")
        except BaseException:
            self.stop()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            for server in list(self._servers):
                self._close(server)
        return [outcomes[job.name] for job in jobs]

    def stop(self):
        """Ends every running render now (Ctrl-C, SIGTERM)."""
        self._stopping = True
        with self._lock:
            procs, servers = list(self._procs), list(self._servers)
        for proc in procs:
            proc.terminate()
        for server in servers:
            server.stop()

    def _video(self, jobs, entries):
        """What a joined video of these renders holds (its stamp), and its cache entry."""
        wanted = {"quality": self.quality.key,
                  "scenes": [[job.name, job.title, e.fingerprint] for job, e in zip(jobs, entries)]}
        return wanted, self.cache.entry(JOINED, stamps.digest({"video": json.dumps(wanted, sort_keys=True)}))

    def kept(self, jobs):
        """The cache entries this build's video is made of: every scene's render, and the
        joined video once all of them are there (for pruning, which must not remove them)."""
        entries = [self.entry(job) for job in jobs]
        if all(e.complete() for e in entries):
            entries.append(self._video(jobs, entries)[1])
        return entries

    def _why_missing(self, job):
        """`job`'s name, and what changed since its last render (a file edited during a render
        makes that render stale before it is joined)."""
        last = self.cache.latest_stamp(job.name) or {}
        if not last.get("inputs"):
            return f"{job.name} (not rendered yet)"
        why = _changes(last, self.inputs(job))
        if not why:
            return f"{job.name} (its render is incomplete)"
        return f"{job.name} ({why} changed since its last render)"

    def join(self, jobs, out_video, out_srt):
        """Joins the scenes' renders for this build (run, quality, voice, code) from the cache,
        unless the joined video already holds exactly these. A video joined before from the
        same renders is not joined again but copied from the cache, with its chapters. Returns
        the chapters, or None when the video was up to date."""
        entries = [self.entry(job) for job in jobs]
        missing = [job for job, e in zip(jobs, entries) if not e.complete()]
        if missing:
            from .join import JoinError  # imports PyAV, which an up-to-date video does not need

            raise JoinError("no render matches the run, quality, voice and code asked for: "
                            f"{'; '.join(self._why_missing(job) for job in missing)}; "
                            "render again (./render.sh renders what is missing)")
        for entry in entries:
            entry.touch()
        stamp_path = Path(out_video).with_suffix(".stamp.json")
        wanted, video = self._video(jobs, entries)
        if stamps.read(stamp_path) == wanted and Path(out_video).exists() and Path(out_srt).exists():
            video.touch()
            return None
        from . import join  # imports PyAV

        if video.complete():
            video.touch()
            for kept, target in ((video.mp4, out_video), (video.srt, out_srt)):
                with atomic.temp_target(target) as tmp:
                    shutil.copyfile(kept, tmp)
            chapters = [join.Chapter(c["title"], Fraction(c["start"]), Fraction(c["end"]),
                                     c["loudness_db"], c["peak_db"])
                        for c in stamps.read(video.stamp)["chapters"]]
        else:
            parts = [join.Part(e.mp4, e.srt, job.title) for job, e in zip(jobs, entries)]
            chapters = join.join(parts, out_video, out_srt)
            self._keep_video(video, wanted, chapters, out_video, out_srt)
        stamps.write(stamp_path, wanted)
        return chapters

    @staticmethod
    def _keep_video(video, wanted, chapters, out_video, out_srt):
        video.folder.mkdir(parents=True, exist_ok=True)
        for made, kept in ((out_video, video.mp4), (out_srt, video.srt)):
            with atomic.temp_target(kept) as tmp:
                shutil.copyfile(made, tmp)
        stamps.write(video.stamp, {
            "fingerprint": video.fingerprint, "video": wanted,
            "chapters": [{"title": c.title, "start": str(c.start), "end": str(c.end),
                          "loudness_db": c.loudness_db, "peak_db": c.peak_db} for c in chapters]})


def _changes(last, found):
    """The inputs that differ between a scene's last render (its stamp) and `found`, as
    'a, b, c and 2 more'; empty when none differ or there was no render."""
    why = stamps.changed(last["inputs"], found) if last.get("inputs") else []
    more = f" and {len(why) - 3} more" if len(why) > 3 else ""
    return f"{', '.join(why[:3])}{more}" if why else ""
