"""What goes into a scene's fingerprint: its files, name and quality, and the run data it
reads, by content. A scene that reads no run data renders the same for every run."""

import numpy as np

from pipeline import build, runs, stamps
from scenes import registry
from scenes.run_data import DEFAULT_RUN, FAILED_RUN

ROOT = stamps.ROOT


def job(source, reads=(), name="S"):
    return build.Job(name, source, "title", frozenset(reads))


def fp(scene, run=None, quality=("-ql",), voice="none"):
    return stamps.fingerprint(scene, stamps.Settings(quality, run, shared=(), voice=voice))


def save_run(path, weight, compressed=False):
    arrays = {"W1": np.full((3, 3), weight), "steps": np.arange(4)}
    (np.savez_compressed if compressed else np.savez)(path, **arrays)
    return path


def test_fingerprint_follows_the_scene_files_name_and_quality(tmp_path):
    source = tmp_path / "scene.py"
    source.write_text("A = 1\n")
    scene = job(source)
    base = fp(scene)
    assert fp(scene) == base
    assert fp(job(source, name="T")) != base
    assert fp(scene, quality=("-qh",)) != base
    assert fp(scene, voice="a-voice-hash") != base  # another voice: new words, new timing
    settings = stamps.Settings(("-ql",), None, shared=())
    before = stamps.inputs(scene, settings)
    source.write_text("A = 2\n")
    assert fp(scene) != base
    after = stamps.inputs(scene, settings)
    assert stamps.changed(before, after) == [str(source.resolve())]  # what the user is told


def test_the_run_counts_only_for_scenes_that_read_it(tmp_path):
    source = tmp_path / "scene.py"
    source.write_text("A = 1\n")
    run_a, run_b = save_run(tmp_path / "a.npz", 1.0), save_run(tmp_path / "b.npz", 2.0)
    reader, other = job(source, {registry.RUN}), job(source)
    assert fp(reader, run_a) != fp(reader, run_b)
    assert fp(other, run_a) == fp(other, run_b)
    settings = lambda run: stamps.Settings(("-ql",), run, shared=())  # noqa: E731
    assert stamps.changed(stamps.inputs(reader, settings(run_a)),
                          stamps.inputs(reader, settings(run_b))) == ["(run)"]


def test_a_run_written_again_is_the_same_run(tmp_path):
    # Same arrays, other bytes (a zip archive also stores how and when it was written).
    plain = save_run(tmp_path / "plain.npz", 1.0)
    packed = save_run(tmp_path / "packed.npz", 1.0, compressed=True)
    assert plain.read_bytes() != packed.read_bytes()
    source = tmp_path / "scene.py"
    source.write_text("A = 1\n")
    reader = job(source, {registry.RUN})
    assert fp(reader, plain) == fp(reader, packed)


def test_the_failed_run_counts_for_the_scenes_that_read_it(tmp_path, monkeypatch):
    source = tmp_path / "scene.py"
    source.write_text("A = 1\n")
    reader, run_reader = job(source, {registry.FAILED_RUN}), job(source, {registry.RUN})
    before = fp(reader), fp(run_reader)
    monkeypatch.setenv("TOYNET_FAILED_RUN", str(save_run(tmp_path / "failed.npz", 3.0)))
    assert fp(reader) != before[0]
    assert fp(run_reader) == before[1]
    # ... and the scene is handed the very file that was hashed.
    assert build.Build(tmp_path, build.QUALITIES["l"]).env()["TOYNET_FAILED_RUN"] == \
        str((tmp_path / "failed.npz").resolve())


def test_committed_run_data_is_not_a_shared_input():
    shared = {p.resolve() for p in stamps.shared_inputs()}
    for path in runs.committed_run_data():
        assert path.resolve() not in shared, path
    assert (ROOT / "assets" / "tex_template.tex").resolve() in shared


def test_every_scene_fingerprints_the_run_as_its_chapter_declares():
    b_default = build.Build(ROOT / "out", build.QUALITIES["l"], DEFAULT_RUN)
    b_other = build.Build(ROOT / "out", build.QUALITIES["l"], FAILED_RUN)  # any other run
    for scene in build.jobs_from_registry():
        why = stamps.changed(b_default.inputs(scene), b_other.inputs(scene))
        assert why == (["(run)"] if registry.RUN in scene.reads else []), scene.name
