"""Chapter 0: the post's introduction, as a preview of where the video is going."""

SCENES = [
    ("scenes.ch0_introduction.overview", "Overview", "A toy net that learns XOR"),
]
