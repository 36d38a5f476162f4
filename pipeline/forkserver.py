"""Scene renders forked from a warm process: manim and the scenes' modules are imported once
per worker instead of once per scene, which saves about 0.9 s of CPU per scene (see
docs/PERFORMANCE.md). Each render is a child process that runs manim's own command line with
its output in the scene's log, and exits: scenes share the imports and nothing else.

    python -m pipeline.forkserver MODULE ...      # imports the modules, then serves

It reads one request per line on stdin, JSON {"argv": [manim CLI arguments], "log": path,
"env": {variables the render adds to the server's environment}},
and answers each with one line: the child's exit code (negative: killed by that signal).
ForkServer below is the side that starts it and sends the requests.
"""

import importlib
import json
import os
import signal
import subprocess
import sys
import traceback


def available():
    return hasattr(os, "fork")


def _child(request):
    """Runs in the forked child: one manim render into the log, then exits."""
    code = 1
    try:
        log = os.open(request["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)  # the requests pipe is the server's
        os.dup2(log, 1)
        os.dup2(log, 2)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the server's handler is not the child's
        os.environ.update(request.get("env") or {})
        from pipeline import scene_sound

        scene_sound.main(request["argv"])  # manim's CLI; click ends with SystemExit
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)  # no cleanup of the server's state: it is the parent's


def _load_voice():
    """Loads the render's voice (TOYNET_VOICE) once here, so that the children share it instead
    of each loading it again (0.4 s of CPU per scene) and hashing it for the speech cache's
    keys. With one thread, onnxruntime starts no thread of its own, so the loaded session works
    in a forked child."""
    from scenes import voice

    try:
        speaker = voice.current()
        if speaker is not None:
            speaker.load()
            voice.voice_id(speaker.model)  # hashes 63 MB for the bundled voice: once, here
    except Exception:  # a voice that cannot load fails in each child, with its message
        pass


def serve(modules):
    import manim  # noqa: F401  (the import this server exists to share)
    import manim.__main__  # noqa: F401

    from pipeline import scene_sound

    scene_sound.install()
    for name in modules:
        try:
            importlib.import_module(name)
        except BaseException:  # a broken scene fails in its own child, with its log
            pass
    _load_voice()
    running = []

    def stop(signum, frame):
        # End the render too, and reap it, so that nothing is left behind.
        for pid in running:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            _child(json.loads(line))
        running.append(pid)
        # wait4 gives the child's CPU time (its LaTeX runs included), which other work on the
        # machine does not inflate as it does the wall time.
        _, status, usage = os.wait4(pid, 0)
        running.remove(pid)
        sys.stdout.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime:.3f}\n")
        sys.stdout.flush()


class WorkerDied(RuntimeError):
    pass


class ForkServer:
    """One warm process; one render at a time."""

    def __init__(self, modules, cwd, env):
        self.modules = list(modules)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline.forkserver", *modules], cwd=cwd, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            start_new_session=True)  # its own process group: stop() ends it and its child

    def render(self, argv, log, env=None):
        """Renders with manim's CLI arguments `argv` (and `env` added to the environment),
        output appended to `log`; (exit code, CPU seconds of the render)."""
        try:
            request = {"argv": list(map(str, argv)), "log": str(log), "env": dict(env or {})}
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            answer = self.proc.stdout.readline()
        except (BrokenPipeError, ValueError):
            answer = ""
        if not answer.strip():
            raise WorkerDied(f"the render worker exited (code {self.proc.poll()})")
        code, cpu = answer.split()
        return int(code), float(cpu)

    def stop(self):
        """Ends the server and the render it is running, now."""
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.proc.wait()

    def close(self):
        """Lets the server finish and exit; kills it if it does not within a few seconds."""
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.stop()


if __name__ == "__main__":
    serve(sys.argv[1:])
