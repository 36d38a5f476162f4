"""A minimal progress bar on stderr, shown only when stderr is a terminal."""

import sys
import time


class ProgressBar:
    def __init__(self, label, width=30, stream=sys.stderr):
        self.label, self.width, self.stream = label, width, stream
        self.enabled = stream.isatty()
        self.start = time.perf_counter()

    def __call__(self, done, total):
        if not self.enabled:
            return
        filled = int(self.width * done / max(total, 1))
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = time.perf_counter() - self.start
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} {elapsed:5.1f}s")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
