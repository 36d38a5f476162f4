"""Reading, shifting and writing SubRip (.srt) subtitles, in whole milliseconds."""

import re
from dataclasses import dataclass

_TIME = r"(\d+):(\d{2}):(\d{2})[,.](\d{3})"
_CUE_TIMES = re.compile(rf"{_TIME}\s*-->\s*{_TIME}")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str

    def shifted(self, offset_ms):
        return Cue(self.start_ms + offset_ms, self.end_ms + offset_ms, self.text)


def _ms(h, m, s, ms):
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)


def parse_srt(text):
    """Cues of an .srt text, in file order. Blocks without a valid timing line are skipped."""
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = block.split("\n")
        for i, line in enumerate(lines):
            match = _CUE_TIMES.search(line)
            if match:
                g = match.groups()
                body = "\n".join(lines[i + 1:]).strip()
                if body:
                    cues.append(Cue(_ms(*g[:4]), _ms(*g[4:]), body))
                break
    return cues


def format_time(ms):
    h, rest = divmod(int(ms), 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def format_srt(cues):
    blocks = [f"{i}\n{format_time(c.start_ms)} --> {format_time(c.end_ms)}\n{c.text}\n"
              for i, c in enumerate(cues, start=1)]
    return "\n".join(blocks)


def merge(parts):
    """One cue list from (cues, offset_ms, end_ms) per scene: every cue moved by its scene's
    offset and clipped to its scene's end, so that a cue never spills into the next chapter."""
    merged = []
    for cues, offset_ms, end_ms in parts:
        for cue in cues:
            cue = cue.shifted(offset_ms)
            end = min(cue.end_ms, end_ms)
            if end > cue.start_ms:
                merged.append(Cue(cue.start_ms, end, cue.text))
    return sorted(merged, key=lambda c: c.start_ms)


def sequential(cues):
    """The cues as a track of non-overlapping samples, as an MP4 text track needs: cues that
    start together are shown together, and a cue ends where the next one starts."""
    out = []
    for cue in sorted(cues, key=lambda c: c.start_ms):
        if out and out[-1].start_ms == cue.start_ms:
            last = out.pop()
            cue = Cue(last.start_ms, max(last.end_ms, cue.end_ms), f"{last.text}\n{cue.text}")
        if out and out[-1].end_ms > cue.start_ms:
            out[-1] = Cue(out[-1].start_ms, cue.start_ms, out[-1].text)
        out.append(cue)
    return out
