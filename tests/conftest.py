import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# manim.cfg and the TeX template are found relative to the working directory.
os.chdir(ROOT)
# Scenes are silent and paced for reading unless a test asks for a voice.
os.environ["TOYNET_VOICE"] = "none"


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory):
    """One manim media folder for the whole test session."""
    return tmp_path_factory.mktemp("media")
