"""manim's command line, with each scene's sound written by the pipeline instead of by manim.

    python -m pipeline.scene_sound render -ql ... scene.py Scene   # as python -m manim

manim 0.22 ends a scene's sound where its last clip ends, so a scene whose last beat holds on
a still picture had a sound track shorter than its video; and it encodes that sound with
FFmpeg's default AAC coder, through a WAV and an ADTS file. Here the scene's mixed sound (all
its add_sound clips, mixed by manim as before) is cut or padded with silence to the video's
exact length and encoded once, straight into the MP4, with the fast AAC coder the joiner uses
(about half the CPU for speech). The scene MP4's audio then lasts as long as its video.

install() patches manim in this process only: the forked render children of pipeline.forkserver
call it before they run manim's CLI.
"""

import sys
from pathlib import Path

import numpy as np

_installed = False


def segment_samples(segment):
    """A pydub AudioSegment as mono float32 samples in [-1, 1], and its sample rate."""
    samples = np.asarray(segment.get_array_of_samples(), dtype=np.float32)
    if segment.channels > 1:
        samples = samples.reshape(-1, segment.channels).mean(axis=1)
    return samples / float(1 << (8 * segment.sample_width - 1)), segment.frame_rate


def fit(samples, rate, seconds):
    """`samples` cut or padded with silence to exactly round(seconds * rate)."""
    n = round(seconds * rate)
    out = np.zeros(n, dtype=np.float32)
    out[:min(n, len(samples))] = samples[:n]
    return out


def add_sound(movie, samples, rate):
    """Rewrites the MP4 `movie` with one AAC track of `samples`, fitted to its video's length
    (its frames are copied, not encoded again)."""
    import av

    from . import atomic, join

    movie = Path(movie)
    with av.open(str(movie)) as source:
        stream = source.streams.video[0]
        seconds = float(join._video_end(movie) * stream.time_base)
        with atomic.temp_target(movie) as tmp:
            with av.open(str(tmp), "w", format="mp4") as out:
                video = out.add_stream_from_template(stream)
                audio = out.add_stream("aac", rate=rate, layout="mono")
                audio.bit_rate = join.AUDIO_BIT_RATE
                audio.codec_context.options = {"aac_coder": "fast"}
                for packet in source.demux(stream):
                    if packet.dts is None:
                        continue
                    packet.stream = video
                    out.mux(packet)
                join._encode_audio(out, audio, fit(samples, rate, seconds), 0)
                for packet in audio.encode(None):
                    out.mux(packet)


def install():
    """Makes manim's SceneFileWriter leave the sound to add_sound above."""
    global _installed
    if _installed:
        return
    from manim.scene.scene_file_writer import SceneFileWriter

    combine_to_movie = SceneFileWriter.combine_to_movie

    def combine_to_movie_with_sound(self):
        sound = self.includes_sound and self.output_spec.is_video and not self.output_spec.is_gif
        if not sound or self.output_spec.segment_extension != ".mp4":
            return combine_to_movie(self)
        self.includes_sound = False  # manim writes the frames alone
        try:
            combine_to_movie(self)
        finally:
            self.includes_sound = True
        if Path(self.movie_file_path).exists():
            add_sound(self.movie_file_path, *segment_samples(self.audio_segment))

    SceneFileWriter.combine_to_movie = combine_to_movie_with_sound
    _installed = True


def main(argv):
    install()
    from manim.__main__ import main as manim_main

    manim_main(argv, prog_name="manim")


if __name__ == "__main__":
    main(sys.argv[1:])
