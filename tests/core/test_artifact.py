"""The run file: round trip, the committed runs, and refusal of bad files."""

import json
import zipfile

import numpy as np
import pytest

from toynet_core import RunFileError, TrainConfig, load_run, load_sweep, train
from toynet_core.artifact import SCHEMA, SCHEMA_VERSION
from toynet_core.sweep import sweep

SMALL = TrainConfig(steps=400, per_cluster=8, snapshots=8, grid_size=8)
ASSETS = "assets"


@pytest.fixture(scope="module")
def small_run():
    return train(SMALL)


@pytest.fixture
def saved(small_run, tmp_path):
    path = tmp_path / "run.npz"
    small_run.save(path)
    return path


def rewrite(path, change):
    """Load the raw arrays of a run file, apply change(dict), save them back."""
    with np.load(path, allow_pickle=False) as npz:
        data = {k: npz[k] for k in npz.files}
    change(data)
    np.savez(path, **data)


def test_round_trip_keeps_every_array_and_the_config(small_run, saved):
    loaded = load_run(saved)
    assert loaded.config == small_run.config
    for key, value in small_run.arrays().items():
        np.testing.assert_array_equal(getattr(loaded, key), value, err_msg=key)
    assert loaded.meta["numpy_version"] == np.__version__


def test_save_is_atomic_and_leaves_no_temp_file(small_run, tmp_path, monkeypatch):
    path = tmp_path / "run.npz"
    small_run.save(path)
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez_compressed", fail)
    with pytest.raises(OSError):
        small_run.save(path)
    assert path.read_bytes() == before  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["run.npz"]


@pytest.mark.parametrize("name", ["default_run.npz", "failed_run.npz"])
def test_committed_run_matches_a_fresh_run_of_its_config(name):
    committed = load_run(f"{ASSETS}/{name}")
    fresh = train(committed.config)
    np.testing.assert_array_equal(committed.steps, fresh.steps)
    np.testing.assert_array_equal(committed.order, fresh.order)
    for key in ("X", "W1", "W2", "loss", "hidden_pre", "grid_yhat"):
        np.testing.assert_allclose(getattr(committed, key), getattr(fresh, key),
                                   rtol=1e-6, atol=1e-6, err_msg=key)


def test_committed_sweeps_load_and_match_a_fresh_sweep_of_their_first_seeds():
    for name in ("sweep_default.npz", "sweep_plain.npz"):
        committed = load_sweep(f"{ASSETS}/{name}")
        fresh = sweep(committed.config, seeds=committed.seeds[:10])
        np.testing.assert_array_equal(committed.learned[:10], fresh.learned)
        np.testing.assert_allclose(committed.final_loss[:10], fresh.final_loss, rtol=1e-6)


def test_missing_file(tmp_path):
    with pytest.raises(RunFileError, match="not found"):
        load_run(tmp_path / "nope.npz")


def test_not_an_npz(tmp_path):
    path = tmp_path / "run.npz"
    path.write_text("hello")
    with pytest.raises(RunFileError, match="not a valid .npz"):
        load_run(path)


def test_truncated_file(saved):
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2])
    with pytest.raises(RunFileError):
        load_run(saved)


def test_pickled_content_is_refused_and_never_executed(saved, tmp_path):
    marker = tmp_path / "executed"

    class Boom:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    rewrite(saved, lambda d: d.__setitem__("W1", np.array([Boom()], dtype=object)))
    with pytest.raises(RunFileError, match="pickled"):
        load_run(saved)
    assert not marker.exists()


def test_wrong_schema_version(saved):
    rewrite(saved, lambda d: d.__setitem__("schema_version", np.array(SCHEMA_VERSION + 1)))
    with pytest.raises(RunFileError, match="schema version 2"):
        load_run(saved)


@pytest.mark.parametrize("key", sorted(SCHEMA) + ["meta_json", "schema_version"])
def test_missing_key_is_named(saved, key):
    rewrite(saved, lambda d: d.pop(key))
    with pytest.raises(RunFileError, match=key):
        load_run(saved)


def test_wrong_shape_is_named(saved):
    rewrite(saved, lambda d: d.__setitem__("W1", d["W1"][:, :2]))
    with pytest.raises(RunFileError, match="'W1' has shape"):
        load_run(saved)


def test_non_finite_values_are_refused(saved):
    def poison(d):
        d["mean_loss"] = d["mean_loss"].copy()
        d["mean_loss"][1] = np.nan
    rewrite(saved, poison)
    with pytest.raises(RunFileError, match="NaN"):
        load_run(saved)


def test_bad_config_in_metadata(saved):
    def corrupt(d):
        meta = json.loads(str(d["meta_json"]))
        meta["config"]["lr"] = -1
        d["meta_json"] = np.array(json.dumps(meta))
    rewrite(saved, corrupt)
    with pytest.raises(RunFileError, match="lr"):
        load_run(saved)


def test_file_is_a_zip_of_plain_arrays(saved):
    with zipfile.ZipFile(saved) as z:
        assert "schema_version.npy" in z.namelist()
