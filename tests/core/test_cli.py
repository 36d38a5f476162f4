"""The command line: a run end to end, and clear errors with a non-zero exit."""

import subprocess
import sys

import pytest

from toynet_core import load_run


def cli(*args):
    return subprocess.run([sys.executable, "-m", "toynet_core", *args],
                          capture_output=True, text=True, timeout=120)


def test_train_writes_a_run_and_prints_a_summary(tmp_path):
    out = tmp_path / "run.npz"
    r = cli("train", "--seed", "5", "--steps", "300", "--per-cluster", "5", "--out", str(out))
    assert r.returncode == 0, r.stderr
    run = load_run(out)
    assert run.config.seed == 5 and run.config.steps == 300
    assert "final loss" in r.stdout and "accuracy" in r.stdout and "dead units" in r.stdout


def test_sweep_reports_a_success_rate(tmp_path):
    r = cli("sweep", "--seeds", "4", "--steps", "200", "--out", str(tmp_path / "s.npz"))
    assert r.returncode == 0, r.stderr
    assert "seeds learn XOR" in r.stdout


@pytest.mark.parametrize("args, message", [
    (["train", "--lr", "-0.5", "--out", "x.npz"], "lr"),
    (["train", "--noise", "-1", "--out", "x.npz"], "noise"),
    (["train", "--steps", "0", "--out", "x.npz"], "steps"),
    (["sweep", "--seeds", "0"], "seeds"),
])
def test_bad_values_are_named(tmp_path, args, message):
    r = cli(*args)
    assert r.returncode == 2
    assert message in r.stderr and "error" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_out_and_non_numbers_are_usage_errors():
    for args in (["train"], ["train", "--lr", "fast", "--out", "x.npz"], ["fly"]):
        r = cli(*args)
        assert r.returncode == 2 and "usage" in r.stderr


def test_unwritable_output_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    r = cli("train", "--steps", "50", "--per-cluster", "2", "--out", str(blocker / "run.npz"))
    assert r.returncode == 2 and "error" in r.stderr and "Traceback" not in r.stderr
