"""Rendering pipeline: renders the registered scenes, skips the unchanged ones, and joins them
into one MP4 with chapters and subtitles. Entry point: ./render.sh (python -m pipeline)."""
