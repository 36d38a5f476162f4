"""Manim scenes of the video, one package per chapter of the post. Scenes never train: they
read the run artifact through scenes.run_data."""

# Building a scene spends most of its time copying mobjects for Transform-family animations;
# scenes.fast_copy makes those copies cheaper, with the same result (see its docstring).
from scenes import fast_copy as _fast_copy

_fast_copy.install()
