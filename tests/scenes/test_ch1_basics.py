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




def test_no_new_dimensions(scenes):
    s = scenes("information", "NoNewDimensions")
    # 2x1 map: every image point lies on one line through 0.
    pts = np.array([s.plane.p2c(d.get_center()) for d in s.img_dots])
    assert np.allclose(pts, np.outer(s.ts, s.m.ravel()))
    assert np.linalg.matrix_rank(pts, tol=1e-9) == 1
    # 2x2 map of a line: the image points are collinear (differences of rank 1).
    out = s.line_in @ s.M2.T
    assert np.allclose(s.line_out, out)
    assert np.linalg.matrix_rank(out[1:] - out[0], tol=1e-9) == 1
    assert np.allclose(s.plane.p2c(s.out_line_mob.get_end()), out[-1])
    # A along its null vector: one output for the whole line.
    outs = [entries(col[3]).ravel() for col in s.null_row]
    ins = [entries(col[1]).ravel() for col in s.null_row]
    assert len({tuple(o) for o in outs}) == 1 and len({tuple(i) for i in ins}) == len(ins)
    for i, o in zip(ins, outs):
        assert np.array_equal(A @ i, o)
