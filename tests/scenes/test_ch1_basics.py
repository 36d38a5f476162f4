"""Chapter 1, vectors to information: what the scenes draw, read back and recomputed here."""

import numpy as np
import pytest

from tests.scenes.harness import run_scene

# The post's inputs (given, not results).
A = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])


def entries(matrix_mob):
    """Numbers shown by a Matrix/IntegerMatrix/DecimalMatrix, read from its entry mobjects."""
    values = []
    for e in matrix_mob.get_entries():
        if hasattr(e, "get_value"):
            values.append(float(e.get_value()))
        else:
            values.append(float(e.get_tex_string().replace("{", "").replace("}", "")))
    rows = len(matrix_mob.get_rows())
    return np.array(values).reshape(rows, -1)


@pytest.fixture(scope="module")
def scenes(media_dir):
    cache = {}

    def get(module, name):
        if name not in cache:
            mod = __import__(f"scenes.ch1_math.{module}", fromlist=[name])
            cache[name] = run_scene(getattr(mod, name), media_dir)
        return cache[name]

    return get


def test_vector_column_and_walk_agree(scenes):
    s = scenes("vectors", "VectorTwoFaces")
    v = entries(s.column).ravel()
    assert np.array_equal(v, [4, 1, 2])
    # Each leg runs along one axis by that entry; the arrow ends where the walk ends.
    walked = np.zeros(3)
    for i, leg in enumerate(s.legs):
        start, end = (np.array(s.axes.p2c(p)) for p in (leg.get_start(), leg.get_end()))
        step = end - start
        assert np.allclose(start, walked, atol=1e-6)
        assert np.allclose(np.delete(step, i), 0, atol=1e-6) and np.isclose(step[i], v[i])
        walked = end
    assert np.allclose(s.axes.p2c(s.arrow.get_end()), v, atol=1e-6)
    assert np.allclose(s.axes.p2c(s.dot.get_center()), v, atol=1e-6)


def test_function_graphs_follow_their_formulas(scenes):
    s = scenes("functions", "FunctionGraphs")
    formulas = {"x^2": lambda x: x * x, "e^x": lambda x: np.e**x}
    for key, f in formulas.items():
        xy = np.array([s.axes[key].p2c(p) for p in s.graphs[key].get_anchors()])
        assert len(xy) > 10
        assert np.allclose(xy[:, 1], f(xy[:, 0]), atol=1e-3)
        x_shown, y_shown = (d.get_value() for d in s.readouts[key])
        assert np.isclose(x_shown, s.x.get_value())
        assert np.isclose(y_shown, f(x_shown))


def test_paraboloid_surface_heights(scenes):
    s = scenes("functions", "Paraboloid")
    assert s.RES <= 16
    pts = np.array([s.axes.p2c(p) for face in s.surface for p in face.get_anchors()])
    assert np.allclose(pts[:, 2], pts[:, 0] ** 2 + pts[:, 1] ** 2, atol=1e-6)
    (x1, x2), height = s.sample
    assert np.isclose(height, x1**2 + x2**2)
    assert np.allclose(s.axes.p2c(s.output_dot.get_center()), [x1, x2, x1**2 + x2**2])


