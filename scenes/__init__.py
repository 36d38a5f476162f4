"""Manim scenes of the video, one package per chapter of the post. Scenes never train: they
read the run artifact through scenes.run_data."""
