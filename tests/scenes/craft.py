"""The craft rules the harness checks in every scene, on the rendered frame: nothing is drawn
in the subtitle band (the bottom 12 %) at the start, middle or end of any play(), and no
subtitled play opens on an empty picture. tools.video_lint measures a rendered video with the
same rules and thresholds.

Scenes that do not meet a rule yet are listed in CRAFT_DEBT with the rules they break; the
registry-wide test holds that list to the truth in both directions, so it can only shrink.
"""

import numpy as np

from scenes.style import BACKGROUND
from tools import video_lint as rules

LUMA = np.array([0.299, 0.587, 0.114])
_BACKGROUND_GREY = float(np.array(BACKGROUND.to_rgb()) * 255 @ LUMA)

# scene name -> the craft rules it still breaks ("band", "empty start")
CRAFT_DEBT = {
}


def drawn(frame):
    """Mask of the pixels drawn on, in a (H, W, 3 or 4) uint8 frame."""
    grey = frame[..., :3].astype(float) @ LUMA
    return np.abs(grey - _BACKGROUND_GREY) > rules.INK


def in_band(frame):
    mask = drawn(frame)
    return mask[mask.shape[0] - int(rules.BAND * mask.shape[0]):].mean() > rules.BAND_SHARE


def empty_picture(frame):
    """Nearly nothing between the title band at the top and the subtitle band at the bottom."""
    mask = drawn(frame)
    h = mask.shape[0]
    return mask[int(rules.TITLE * h):h - int(rules.BAND * h)].mean() < rules.EMPTY_SHARE
