"""bench/run_share.py counts a scene's CPU time as a new run's exactly when the scene reads
the run asked for: the committed failed run, sweeps and reference run do not change with it."""

import importlib.util

from pipeline.stamps import ROOT
from scenes import registry


def load_run_share():
    spec = importlib.util.spec_from_file_location("run_share", ROOT / "bench" / "run_share.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_only_the_scenes_that_read_the_run_count_as_a_new_runs_work():
    entries = registry.all_scenes()
    cpu = {e.name: 2.0 ** i for i, e in enumerate(entries)}  # each scene's share tells it apart
    run, total = load_run_share().run_share(cpu)
    assert total == sum(cpu.values())
    assert run == sum(cpu[e.name] for e in entries if registry.RUN in e.reads)
    readers = {e.name for e in entries if registry.RUN in e.reads}
    assert "TrainingRun" in readers and "PlaneWarp" not in readers  # the run's payoff; the reference run
