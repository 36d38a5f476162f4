"""Chapter 0: the post's introduction, as a preview of where the video is going."""

from scenes.registry import RUN

# (module, class, title[, what it reads of the run: see scenes.registry])
SCENES = [
    ("scenes.ch0_introduction.overview", "Overview", "A toy net that learns XOR", {RUN}),
]
