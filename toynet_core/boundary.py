"""The decision boundary in the input plane, exactly: where ŷ = 1/2, i.e. z2 = 0.

Inside each region where the pattern of active ReLU units is fixed (`geometry.crease_regions`),
z2 is an affine function of x, so the boundary there is one straight segment. Segments of
neighbouring regions meet on a crease line; the boundary turns there when the two affine
pieces differ. `boundary_lines` chains the segments into the separate lines a viewer sees,
and `BoundaryShape` says how many there are and whether any of them visibly bends, so a
scene's words can follow the run instead of assuming a curve.
"""

from dataclasses import dataclass

import numpy as np

from .geometry import crease_regions
from .model import augment, check_weights, forward

# A turn smaller than this is not a bend a viewer can see at any size the video draws.
BEND_DEGREES = 2.0
_JOIN = 1e-9  # segment ends closer than this (input units) are one point


def boundary_segments(W1, W2, extent):
    """Segments (M, 2, 2) of the line z2 = 0 inside the rectangle `extent` (x0, x1, y0, y1),
    one per region of fixed ReLU pattern that the boundary crosses."""
    segments = [ends for ends, _ in _region_segments(W1, W2, extent)]
    return np.array(segments, dtype=float).reshape(-1, 2, 2)


def boundary_lines(W1, W2, extent):
    """The boundary as separate polylines (each (K, 2), K >= 2): segments joined end to end."""
    pending = [np.array(s) for s in boundary_segments(W1, W2, extent)]
    lines = []
    while pending:
        line = list(pending.pop())
        while (joined := _attach(line, pending)) is not None:
            pending.pop(joined)
        lines.append(np.array(line))
    return lines


def _attach(line, pending):
    """Extend `line` (a list of points) by the first pending segment that touches one of its
    ends; the index of that segment, or None."""
    for i, seg in enumerate(pending):
        for j in (0, 1):
            if np.linalg.norm(seg[j] - line[-1]) < _JOIN:
                line.append(seg[1 - j])
                return i
            if np.linalg.norm(seg[j] - line[0]) < _JOIN:
                line.insert(0, seg[1 - j])
                return i
    return None


def turns(line):
    """Turning angles (degrees) at the inner vertices of a polyline."""
    d = np.diff(np.asarray(line, dtype=float), axis=0)
    d = d / np.linalg.norm(d, axis=1, keepdims=True)
    cos = np.clip(np.sum(d[:-1] * d[1:], axis=1), -1.0, 1.0)
    return np.degrees(np.arccos(cos))


@dataclass(frozen=True)
class BoundaryShape:
    lines: int  # separate boundary lines inside the rectangle
    bent: int  # how many of them turn by more than BEND_DEGREES somewhere

    @property
    def straight(self):
        return self.lines - self.bent


def boundary_shape(W1, W2, extent):
    """How many boundary lines cross `extent`, and how many of them visibly bend."""
    lines = boundary_lines(W1, W2, extent)
    bent = sum(1 for line in lines if len(line) > 2 and turns(line).max() > BEND_DEGREES)
    return BoundaryShape(len(lines), bent)


# -- what a viewer is told about the boundary: the flat pieces it runs through, its bends ------
@dataclass(frozen=True)
class BoundaryPath:
    """One boundary line, with the regions it runs through and the creases it crosses."""

    points: np.ndarray  # (K, 2) polyline, K >= 2
    patterns: tuple  # K-1 tuples of 3 bools: the active units of the region of each segment
    crossings: tuple  # ((point (2,), unit, turn in degrees), ...) at every inner vertex

    @property
    def bends(self):
        """The crossings where the line visibly turns."""
        return tuple(c for c in self.crossings if c[2] > BEND_DEGREES)


def _region_segments(W1, W2, extent):
    """The segments of z2 = 0 in `extent`, one per ReLU region it crosses, each with the
    region's active pattern (boundary_segments keeps the segments alone)."""
    W1, W2 = check_weights(W1, W2)
    w = W2[0]
    found = []
    for poly, active in crease_regions(W1, extent):
        a = (active * w[:3]) @ W1 + np.array([0.0, 0.0, w[3]])
        values = augment(poly) @ a
        crossings = []
        for k in range(len(poly)):
            p, q, vp, vq = poly[k], poly[(k + 1) % len(poly)], values[k], values[(k + 1) % len(poly)]
            if (vp < 0) != (vq < 0):
                crossings.append(p + vp / (vp - vq) * (q - p))
        if len(crossings) == 2:  # a convex region meets a line in at most one segment
            found.append((np.array(crossings), tuple(bool(b) for b in active)))
    return found


def boundary_paths(W1, W2, extent):
    """The boundary as separate lines (BoundaryPath), each with the active-unit pattern of
    every region it passes through and, at each crease it crosses, the unit whose crease it is
    and how far the line turns there (0 when the two flat pieces agree)."""
    pending = _region_segments(W1, W2, extent)
    paths = []
    while pending:
        seg, pattern = pending.pop()
        points, patterns = [seg[0], seg[1]], [pattern]
        grew = True
        while grew:
            grew = False
            for i, (s, p) in enumerate(pending):
                for j in (0, 1):
                    if np.linalg.norm(s[j] - points[-1]) < _JOIN:
                        points.append(s[1 - j])
                        patterns.append(p)
                    elif np.linalg.norm(s[j] - points[0]) < _JOIN:
                        points.insert(0, s[1 - j])
                        patterns.insert(0, p)
                    else:
                        continue
                    pending.pop(i)
                    grew = True
                    break
                if grew:
                    break
        points = np.array(points)
        angles = turns(points) if len(points) > 2 else np.zeros(0)
        crossings = []
        for k in range(1, len(points) - 1):
            changed = [u for u in range(3) if patterns[k - 1][u] != patterns[k][u]]
            unit = changed[0] if len(changed) == 1 else None  # None: through where creases meet
            crossings.append((points[k], unit, float(angles[k - 1])))
        paths.append(BoundaryPath(points, tuple(patterns), tuple(crossings)))
    return paths


def score_pieces(W1, W2, extent):
    """The score z2 over the rectangle as flat pieces: a list of (polygon (K, 2), heights (K,),
    active (3,) bool, positive bool). Each crease region, where z2 is affine, is split where
    z2 = 0, so a piece is wholly on one side: its corners lifted to their heights are the
    folded surface z2(x) exactly, and the pieces' shared edges at height 0 are the boundary."""
    from .geometry import _area, _clip

    W1, W2 = check_weights(W1, W2)
    w = W2[0]
    pieces = []
    for poly, active in crease_regions(W1, extent):
        a = (active * w[:3]) @ W1 + np.array([0.0, 0.0, w[3]])
        for sign in (1, -1):
            part = _clip(poly, a, sign)
            if _area(part) > 1e-9:
                pieces.append((part, augment(part) @ a, active, sign > 0))
    return pieces


def output_grid(W1, W2, extent, cells=256):
    """ŷ at the centres of a cells × cells grid over extent = (x1_min, x1_max, x2_min, x2_max),
    row 0 at the lowest x2 (as the run stores its grids, docs/ARTIFACT.md): the output map
    at a finer grain than the run's stored grid, for a picture of the final weights."""
    x0, x1, y0, y1 = extent
    u = (np.arange(cells) + 0.5) / cells
    G1, G2 = np.meshgrid(x0 + u * (x1 - x0), y0 + u * (y1 - y0))
    return forward(W1, W2, np.column_stack([G1.ravel(), G2.ravel()])).y_hat.reshape(cells, cells)
