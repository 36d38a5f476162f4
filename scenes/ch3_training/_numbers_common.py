"""Shared pieces of the Chapter 3 number scenes: the example's numbers and how they look.

Every value shown is a DecimalNumber holding the full float (scenes.widgets.matrices: the
display rounds it), so the tests can read back exactly what the scene computed.
"""

from dataclasses import dataclass

from manim import SurroundingRectangle

from scenes import style
from scenes.ch3_training._example import example
from scenes.run_data import load_scene_run
from toynet_core import forward, post_chain



@dataclass(frozen=True, eq=False)
class Numbers:
    """The example point and everything computed from it."""

    run: object
    ex: object
    fwd: object  # toynet_core Forward for the one sample (batch of 1)
    chain: object  # toynet_core ChainFactors


def example_numbers(run=None):
    run = load_scene_run() if run is None else run
    ex = example(run)
    fwd = forward(ex.W1, ex.W2, ex.x[None, :], [ex.y])
    chain = post_chain(ex.W1, ex.W2, ex.x, ex.y)
    return Numbers(run, ex, fwd, chain)


def box(mob, color=style.EMPHASIS, buff=0.08):
    return SurroundingRectangle(mob, color=color, buff=buff, stroke_width=3)


def running_products(chain):
    """The post's product for dL/dw1, taken left to right: each partial row the scene shows.

    delta = dL/dŷ·dŷ/dz2 (1×1); at_x2 = delta·W2 (1×4); at_z1 = at_x2·diag(ReLU') (1×4);
    at_q = at_z1·[I;0] (1×3); at_w1 = at_q·X (1×9)."""
    delta = chain.dL_dyhat @ chain.dyhat_dz2
    at_x2 = delta @ chain.dz2_dx2
    at_z1 = at_x2 @ chain.dx2_dz1
    at_q = at_z1 @ chain.dz1_dq
    at_w1 = at_q @ chain.dq_dw1
    return delta, at_x2, at_z1, at_q, at_w1
