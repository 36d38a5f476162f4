"""A quadratic bowl f(x) = a x1² + b x1 x2 + c x2², the toolkit's landscape for steepest
ascent and descent: its gradient, gradient-descent walks, the longest step that still
converges, and its level curves (ellipses) clipped to a drawing window.

Plain NumPy, so that the descent scene draws what this returns and tests check it against
finite differences and the definition of a level set.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Bowl:
    a: float
    b: float
    c: float

    @property
    def hessian(self):
        """The constant matrix of second derivatives [[2a, b], [b, 2c]]."""
        return np.array([[2 * self.a, self.b], [self.b, 2 * self.c]])

    def __post_init__(self):
        if np.any(np.linalg.eigvalsh(self.hessian) <= 0):
            raise ValueError(f"not a bowl: {self} has a Hessian that is not positive definite")

    def value(self, x):
        """f at x (..., 2) -> (...)."""
        x = np.asarray(x, dtype=float)
        return self.a * x[..., 0] ** 2 + self.b * x[..., 0] * x[..., 1] + self.c * x[..., 1] ** 2

    def gradient(self, x):
        """∇f at x (..., 2) -> (..., 2): the transpose of the 1×2 Jacobian."""
        return np.asarray(x, dtype=float) @ self.hessian.T

    def descent_path(self, start, alpha, steps):
        """start and `steps` points after it, each x − α ∇f(x) of the one before: (steps+1, 2)."""
        path = [np.asarray(start, dtype=float)]
        for _ in range(steps):
            path.append(path[-1] - alpha * self.gradient(path[-1]))
        return np.array(path)

    def stable_step(self):
        """2 / (largest curvature): any fixed step α below it walks to the bottom from
        anywhere; any step above it overshoots along the steepest direction and runs away."""
        return 2.0 / float(np.linalg.eigvalsh(self.hessian).max())

    def level_curve(self, level, n=160):
        """n points (n, 2) of the closed curve f(x) = level (an ellipse), counter-clockwise."""
        if level <= 0:
            raise ValueError(f"a level curve needs a level above the bottom (0), got {level}")
        # f(x) = ½ xᵀ H x; in H's eigenbasis ½ λ_i y_i² = level.
        lam, vecs = np.linalg.eigh(self.hessian)
        if np.linalg.det(vecs) < 0:  # a reflection would walk the curve clockwise
            vecs = vecs * np.array([1.0, -1.0])
        t = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
        y = np.stack([np.cos(t), np.sin(t)], axis=1) * np.sqrt(2 * level / lam)
        return y @ vecs.T


def clip_closed_curve(points, extent):
    """The pieces (each (k, 2), k ≥ 2) of a closed polyline that lie inside the window
    (x0, x1, y0, y1). A curve wholly inside comes back as one piece, closed (first point
    repeated at its end); pieces are cut at the last point inside, not at the window's edge."""
    points = np.asarray(points, dtype=float)
    x0, x1, y0, y1 = extent
    inside = ((points[:, 0] >= x0) & (points[:, 0] <= x1)
              & (points[:, 1] >= y0) & (points[:, 1] <= y1))
    if inside.all():
        return [np.vstack([points, points[:1]])]
    if not inside.any():
        return []
    # Start the walk at a point outside, so no piece wraps around the array's end.
    shift = int(np.argmin(inside))
    points, inside = np.roll(points, -shift, axis=0), np.roll(inside, -shift)
    pieces, current = [], []
    for p, keep in zip(points, inside):
        if keep:
            current.append(p)
        elif current:
            pieces.append(np.array(current))
            current = []
    if current:
        pieces.append(np.array(current))
    return [p for p in pieces if len(p) >= 2]
