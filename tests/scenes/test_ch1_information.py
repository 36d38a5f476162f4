"""RankPlane and NoNewDimensions: every point, line and plane they draw, read back from the
mobjects and checked against an independent computation."""

import numpy as np
import pytest

from scenes.widgets.matrices import matrix_values
from tests.scenes.harness import run_scene

A = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])  # the example, written out


def camera_direction(phi, theta):
    return np.array([np.sin(phi) * np.cos(theta), np.sin(phi) * np.sin(theta), np.cos(phi)])


@pytest.fixture(scope="module")
def rank_scene(media_dir):
    from scenes.ch1_math.information import RankPlane

    return run_scene(RankPlane, media_dir)


def test_the_crowd_of_outputs_is_A_times_the_inputs_and_lies_on_one_plane(rank_scene):
    s = rank_scene
    shown = np.array([s.axes.p2c(d.get_center()) for d in s.cloud])
    assert 50 <= len(shown) <= 150
    assert np.allclose(shown, s.inputs @ A.T, atol=1e-6)
    assert np.linalg.matrix_rank(s.inputs) == 4  # the inputs really fill R⁴
    # the plane: the unit vector at right angles to every column of A
    n = np.array(s.normal)
    assert np.isclose(np.linalg.norm(n), 1) and np.allclose(n @ A, 0, atol=1e-9)
    scale = np.abs(shown).max()
    assert np.abs(shown @ n).max() < 1e-9 * scale
    corners = np.array([s.axes.p2c(p) for p in s.plane.get_anchors()])
    assert np.allclose(corners @ n, 0, atol=1e-6 * scale)
    assert np.linalg.matrix_rank(corners, tol=1e-6 * scale) == 2  # a patch, not a sliver
    # the input column shows the input whose output was marked last
    assert np.allclose(matrix_values(s.input_col).ravel(), s.inputs[s.shown_input])
    assert s.shown_input == len(s.inputs) - 1


def test_face_on_two_directions_and_four_countable_columns(rank_scene):
    s = rank_scene
    n = np.array(s.normal)
    assert np.allclose(np.cross(camera_direction(*s.face_view), n), 0, atol=1e-9)  # looks along n
    d = [np.array(s.axes.p2c(a.get_end())) - np.array(s.axes.p2c(a.get_start())) for a in s.directions]
    assert len(d) == 2 and abs(d[0] @ d[1]) < 1e-6 * np.linalg.norm(d[0]) * np.linalg.norm(d[1])
    assert all(abs(v @ n) < 1e-6 * np.linalg.norm(v) for v in d)
    ends = np.array([s.axes.p2c(c.get_end()) for c in s.columns])
    assert np.allclose(ends, A.T)
    assert np.allclose(np.array([s.axes.p2c(t.get_center()) for t in s.column_tips]), A.T)
    # four columns, two directions: the rank the scene writes
    assert np.linalg.matrix_rank(ends) == 2 == s.rank_value
    assert s.rank_line.get_tex_string().replace(" ", "").endswith("=2")


def test_edge_on_view_looks_along_the_plane(rank_scene):
    s = rank_scene
    view = camera_direction(*s.edge_view)
    assert abs(view @ np.array(s.normal)) < 1e-6
    assert np.radians(55) <= s.edge_view[0] <= np.radians(80)  # the up axis stays up


def test_bridge_one_row_keeps_one_number(rank_scene):
    b = rank_scene.bridge
    plane, w = b["plane"], np.array(b["row"], float)
    assert np.allclose(matrix_values(b["w_mob"]).ravel(), w)
    pts = np.array([plane.p2c(d.get_center()) for d in b["dots"]])
    landed = np.array([plane.p2c(d.get_center()) for d in b["landed"]])
    assert np.allclose(pts, b["points"])
    # each point lands where its score w·p puts it on the w axis: the foot of its level line
    feet = np.outer(pts @ w / (w @ w), w)
    assert np.allclose(landed, feet, atol=1e-6)
    assert np.allclose(landed[:, 0] * w[1] - landed[:, 1] * w[0], 0, atol=1e-6)  # one line: rank one
