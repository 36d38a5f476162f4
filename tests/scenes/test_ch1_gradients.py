"""The gradient scenes of chapter 1 show values that agree with independent computations.

Each scene is built once (module fixtures); the numbers are read back from the mobjects on
screen and compared with derivatives written out here and with finite differences done here.
"""

import numpy as np
import pytest

from scenes.widgets.matrices import matrix_values as shown
from tests.scenes.harness import run_scene


def fd_jacobian(f, x, h=1e-6):
    x = np.asarray(x, float)
    cols = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        cols.append((np.atleast_1d(f(x + e)) - np.atleast_1d(f(x - e))) / (2 * h))
    return np.stack(cols, axis=1)


def tol(places):
    return 0.5 * 10.0 ** -places + 1e-9


# --- ChainRule ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chain_scene(media_dir):
    from scenes.ch1_math.chain_rule import ChainRule

    return run_scene(ChainRule, media_dir)


def test_chain_rule_one_variable(chain_scene):
    s = chain_scene
    x = s.x_1d
    assert s.df_1d.get_value() == pytest.approx(np.cos(x**2), abs=tol(3))
    assert s.dg_1d.get_value() == pytest.approx(2 * x, abs=tol(3))
    slope = (np.sin((x + 1e-6) ** 2) - np.sin((x - 1e-6) ** 2)) / 2e-6
    assert s.prod_1d.get_value() == pytest.approx(slope, abs=tol(3))
    assert s.fd_1d.get_value() == pytest.approx(slope, abs=tol(3))


def test_chain_rule_jacobian_product(chain_scene):
    s = chain_scene
    x = s.point
    jf, jg, prod, fd = (shown(m) for m in (s.jf_matrix, s.jg_matrix, s.product_matrix, s.fd_matrix))
    # Sizes chain: (1x2)(2x2) = 1x2.
    assert jf.shape == (1, 2) and jg.shape == (2, 2) and prod.shape == (1, 2) and fd.shape == (1, 2)
    u = np.array([x[0] ** 2 - x[1], x[0] * x[1]])
    assert np.allclose(jg, [[2 * x[0], -1], [x[1], x[0]]], atol=tol(3))
    assert np.allclose(jf, [[np.cos(u[0]), 2 * u[1]]], atol=tol(3))
    # The displayed product is the product of the displayed factors (up to their rounding).
    assert np.allclose(prod, jf @ jg, atol=0.01)

    def composed(v):
        return np.sin(v[0] ** 2 - v[1]) + (v[0] * v[1]) ** 2

    numeric = fd_jacobian(composed, x)
    assert np.allclose(prod, numeric, atol=tol(3))
    assert np.allclose(fd, numeric, atol=tol(3))


# --- SteepestDescent ------------------------------------------------------------------


@pytest.fixture(scope="module")
def descent_scene(media_dir):
    from scenes.ch1_math.descent import SteepestDescent

    return run_scene(SteepestDescent, media_dir)


def bowl(x, coeffs):
    a, b, c = coeffs
    return a * x[0] ** 2 + b * x[0] * x[1] + c * x[1] ** 2


def bowl_gradient(x, coeffs):
    a, b, c = coeffs
    return np.array([2 * a * x[0] + b * x[1], b * x[0] + 2 * c * x[1]])


def on_axes(scene, mob):
    return np.array(scene.axes.p2c(mob.get_center()))


def test_descent_path_is_gradient_descent_and_goes_down(descent_scene):
    from scenes.ch1_math.descent import COEFFS

    s = descent_scene
    points = np.array([on_axes(s, d) for d in s.path_dots])
    assert len(points) >= 5
    for p, q in zip(points[:-1], points[1:]):
        expected = p - s.alpha * bowl_gradient(p, COEFFS)
        assert np.allclose(q, expected, atol=1e-6)
        assert bowl(q, COEFFS) < bowl(p, COEFFS)
    # The table of heights shows f at the drawn points.
    values = [v.get_value() for v in s.f_values]
    assert np.allclose(values, [bowl(p, COEFFS) for p in points], atol=tol(3))


def test_descent_arrows_point_down_the_gradient(descent_scene):
    from scenes.ch1_math.descent import COEFFS

    s = descent_scene
    # After the flip, each arrow points along -grad f at its dot.
    for arrow, origin in zip(s.arrows, s.arrow_origins):
        start = np.array(s.axes.p2c(arrow.get_start()))
        end = np.array(s.axes.p2c(arrow.get_end()))
        assert np.allclose(start, origin, atol=1e-3)
        direction = (end - start) / np.linalg.norm(end - start)
        g = bowl_gradient(origin, COEFFS)
        assert direction @ (-g / np.linalg.norm(g)) > 0.999


def test_descent_long_step_goes_up(descent_scene):
    from scenes.ch1_math.descent import COEFFS

    s = descent_scene
    start, end = (on_axes(s, d) for d in s.long_dots)
    assert np.linalg.norm(bowl_gradient(start, COEFFS)) > 0.1
    # It is a descent step, just too long: same direction as -grad, yet f rises.
    step = end - start
    g = bowl_gradient(start, COEFFS)
    assert step @ -g / (np.linalg.norm(step) * np.linalg.norm(g)) > 0.999
    assert bowl(end, COEFFS) > bowl(start, COEFFS)
    assert s.before.get_value() == pytest.approx(bowl(start, COEFFS), abs=tol(3))
    assert s.after.get_value() == pytest.approx(bowl(end, COEFFS), abs=tol(3))


# --- CommonGradients ------------------------------------------------------------------


@pytest.fixture(scope="module")
def common_scene(media_dir):
    from scenes.ch1_math.common_gradients import CommonGradients

    return run_scene(CommonGradients, media_dir)


def test_common_linear_and_dot(common_scene):
    from scenes.ch1_math.common_gradients import A, C, PLACES

    ex = common_scene.examples
    x = ex["linear"]["x"]
    numeric = fd_jacobian(lambda v: A @ v, x)
    assert np.allclose(shown(ex["linear"]["formula"]), A, atol=tol(PLACES))
    assert np.allclose(shown(ex["linear"]["fd"]), numeric, atol=tol(PLACES))
    # c . x has a 1 x n row as its Jacobian: c transposed.
    row = shown(ex["dot"]["formula"])
    assert row.shape == (1, C.size)
    numeric = fd_jacobian(lambda v: np.atleast_1d(C @ v), ex["dot"]["x"])
    assert np.allclose(row, numeric, atol=tol(PLACES))
    assert np.allclose(shown(ex["dot"]["fd"]), numeric, atol=tol(PLACES))


@pytest.mark.parametrize("name,slope", [
    ("tanh", lambda v: 1 / np.cosh(v) ** 2),
    ("relu", lambda v: np.where(v > 0, 1.0, 0.0)),
])
def test_common_elementwise_is_diagonal(common_scene, name, slope):
    from scenes.ch1_math.common_gradients import PLACES

    ex = common_scene.examples[name]
    x = ex["x"]
    assert np.all(np.abs(x) > 0.1)  # ReLU is not differentiable at 0
    gamma = np.tanh if name == "tanh" else (lambda v: np.maximum(v, 0))
    numeric = fd_jacobian(gamma, x)
    for mat in (ex["formula"], ex["fd"]):
        values = shown(mat)
        assert values.shape == (x.size, x.size)
        assert np.allclose(np.diag(values), slope(x), atol=tol(PLACES))
        assert np.allclose(values - np.diag(np.diag(values)), 0.0)
        assert np.allclose(values, numeric, atol=tol(PLACES))
