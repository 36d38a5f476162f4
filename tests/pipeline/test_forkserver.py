"""Scene renders forked from a warm worker: a worker that dies fails only the scene it was
rendering, and stopping a render (Ctrl-C) ends the worker and its child at once."""

import os
import threading

import pytest

from pipeline import build, forkserver
from pipeline.stamps import ROOT
from tests.pipeline.test_join import SOURCE, make_build

pytestmark = pytest.mark.skipif(not forkserver.available(), reason="needs os.fork")


def test_a_worker_that_dies_fails_its_scene_and_is_replaced(tmp_path):
    b = make_build(tmp_path)
    jobs = [build.Job("TinyKillsItsWorker", SOURCE, "Crash"), build.Job("TinySquare", SOURCE, "Square")]
    outcomes = b.render_all(jobs, parallel=1)
    assert [o.status for o in outcomes] == ["failed", "rendered"]
    assert "worker exited" in outcomes[0].detail


def test_stop_ends_the_running_render_and_its_worker(tmp_path):
    started = tmp_path / "started"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TINY_STARTED": str(started)}
    server = forkserver.ForkServer(["tests.pipeline.tiny_scenes"], ROOT, env)
    errors = []

    def render():
        try:
            server.render(["render", "-r", "128,72", "--disable_caching", "--media_dir",
                           str(tmp_path / "media"), str(SOURCE), "TinySleeps"], tmp_path / "log")
        except forkserver.WorkerDied as err:
            errors.append(err)

    thread = threading.Thread(target=render)
    thread.start()
    for _ in range(600):  # the child is sleeping once the file is there
        if started.exists():
            break
        thread.join(0.1)
    assert started.exists(), (tmp_path / "log").read_text()
    server.stop()
    thread.join(30)
    assert not thread.is_alive() and len(errors) == 1
    with pytest.raises(ProcessLookupError):  # nothing of the worker's process group is left
        os.killpg(server.proc.pid, 0)


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "own process"])
def test_a_render_reports_its_cpu_time(tmp_path, monkeypatch, forked):
    """The render log's CPU seconds (what load on the machine does not inflate) are the
    render's own, forked from a worker or run in a process of its own."""
    monkeypatch.setattr(forkserver, "available", lambda: forked)
    b = make_build(tmp_path)
    [outcome] = b.render_all([build.Job("TinySquare", SOURCE, "Square")], parallel=1)
    assert outcome.status == "rendered"
    # Even a square forked from a warm worker takes some CPU time (about 0.08 s); a wait that
    # lost the child's usage would give 0. CPU time cannot exceed the wall time by more than
    # the render's threads allow (manim's are few).
    assert 0.01 < outcome.cpu_seconds < 4 * outcome.seconds
    assert outcome.entry.stamp.exists()
    assert b.cache.latest_stamp("TinySquare")["render_cpu_seconds"] == round(outcome.cpu_seconds, 3)
