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


def test_bridge_cut_is_the_straight_line_where_the_score_is_zero(rank_scene):
    b = rank_scene.bridge
    plane, w = b["plane"], np.array(b["row"], float)
    ends = np.array([plane.p2c(p) for p in (b["cut"].get_start(), b["cut"].get_end())])
    assert np.allclose(ends @ w, 0, atol=1e-6)  # both ends score 0, so every point between does
    assert np.linalg.norm(ends[1] - ends[0]) > 2  # a line across the plane, not a dot
    # every level line drawn is straight and has one score along it
    for level in b["levels"]:
        scores = np.array([plane.p2c(p) for p in level.get_all_points()]) @ w
        assert len(scores) > 10
        assert np.ptp(scores) < 1e-6


@pytest.fixture(scope="module")
def lines_scene(media_dir):
    from scenes.ch1_math.information import NoNewDimensions

    return run_scene(NoNewDimensions, media_dir)


def ends(line, to_coords):
    return np.array([to_coords(line.get_start()), to_coords(line.get_end())])[:, :2]


def test_a_line_of_numbers_lands_on_one_line_of_the_plane(lines_scene):
    s = lines_scene
    to_plane = matrix_values(s.rule[1])
    assert to_plane.shape == (2, 1)
    t = np.array([s.t_line.p2n(d.get_center()) for d in s.t_dots])
    landed = np.array([s.ref.p2c(d.get_center()) for d in s.img_dots])[:, :2]
    assert np.allclose(landed, np.outer(t, to_plane[:, 0]), atol=1e-6)  # t goes to t (2, 1)
    assert np.linalg.matrix_rank(landed, tol=1e-6) == 1  # one line through 0
    a, b = ends(s.image_line, s.ref.p2c)
    d, off = b - a, landed - a
    assert np.allclose(d[0] * off[:, 1] - d[1] * off[:, 0], 0, atol=1e-6)  # the drawn line passes through all


def test_the_plane_moves_and_the_line_stays_a_line(lines_scene):
    s = lines_scene
    M = matrix_values(s.rule_M[1])
    before = s.drawn_before  # grid lines, then the line ℓ, as drawn before M moved them
    after = [ends(m, s.ref.p2c) for m in [*s.grid_out, s.ell_out]]
    assert len(before) == len(after) > 10
    for b, a in zip(before, after):
        assert np.allclose(b[:, :2] @ M.T, a, atol=1e-6)
    # a linear map sends the middle of a segment to the middle of its image: ℓ stays straight
    ell_in, ell_out = before[-1][:, :2], after[-1]
    assert np.allclose(M @ ell_in.mean(axis=0), ell_out.mean(axis=0), atol=1e-6)


def test_the_lifted_plane_is_a_flat_sheet_and_the_xor_points_stay_on_it(lines_scene):
    s = lines_scene
    B = matrix_values(s.lift_rule[1])
    assert B.shape == (3, 2)
    normal = np.cross(B[:, 0], B[:, 1])
    points = np.vstack([[s.axes.p2c(m.get_start()), s.axes.p2c(m.get_end())] for m in s.sheet])
    assert np.allclose(points @ normal, 0, atol=1e-6)  # every grid line on one plane through 0
    assert np.linalg.matrix_rank(points, tol=1e-6) == 2  # and it is a plane, not a line
    cols = np.array([s.axes.p2c(a.get_end()) for a in s.columns])
    assert np.allclose(cols, B.T, atol=1e-6)  # the floor's directions land on B's columns
    view = camera_direction(*s.sheet_edge_view)
    assert abs(view @ normal) < 1e-6 * np.linalg.norm(normal)  # the edge-on view
    # the XOR corners: lifted by B, on the sheet, and the two classes' diagonals still cross
    from toynet_core.data import XOR_CENTRES, XOR_LABELS

    lifted = s.xor_on_sheet  # as drawn on the sheet, before ReLU folds it
    assert np.allclose(lifted, XOR_CENTRES @ B.T, atol=1e-6)
    (p, q), (r, u) = [lifted[XOR_LABELS == k] for k in (0, 1)]
    coef, *_ = np.linalg.lstsq(np.column_stack([q - p, r - u]), r - p, rcond=None)
    assert np.allclose(p + coef[0] * (q - p), r + coef[1] * (u - r), atol=1e-6)  # they meet ...
    assert 0 < coef[0] < 1 and 0 < coef[1] < 1  # ... inside both segments


def test_relu_folds_the_sheet_and_a_flat_cut_then_splits_the_xor_points(lines_scene):
    from toynet_core.data import XOR_CENTRES, XOR_LABELS

    s = lines_scene
    B = matrix_values(s.lift_rule[1])
    folded = np.maximum(XOR_CENTRES @ B.T, 0)
    shown = np.array([s.near.p2c(d.get_center()) for d in s.xor_dots])
    assert np.allclose(shown, folded, atol=1e-6)
    # every drawn grid line is ReLU of a line of the flat sheet, point by point
    normal = np.cross(B[:, 0], B[:, 1])
    assert len(s.near_sheet) == len(s.near_lines) > 8
    for line, pts in zip(s.near_sheet, s.near_lines):
        assert np.allclose(pts @ normal, 0, atol=1e-9)
        drawn = np.array([s.near.p2c(q) for q in line.get_anchors()])
        assert np.allclose(drawn, np.maximum(np.repeat(pts, 2, axis=0)[1:-1], 0), atol=1e-6)
    # off the sheet: the four folded points span space
    assert np.linalg.matrix_rank(folded[1:] - folded[0], tol=1e-9) == 3
    # the drawn cut is the plane w·y + c = 0, and it puts each class on its own side
    w, c = np.array(s.cut_normal), s.cut_offset
    corners = np.array([s.near.p2c(q) for q in s.cut.get_anchors()])
    assert np.allclose(corners @ w + c, 0, atol=1e-6 * np.linalg.norm(w))
    assert np.array_equal(folded @ w + c > 0, XOR_LABELS == 1)


def test_the_words_say_how_the_inputs_are_chosen_and_the_picture_agrees(rank_scene):
    from scenes.pacing import narration

    s = rank_scene
    first = narration(s)[0].subcaption
    assert "random inputs" in first and "scaled" in first
    # scaled: the outputs spread about as far in each of the plane's two directions ...
    spread = np.abs((s.inputs @ A.T) @ np.array(s.span)).max(axis=0)
    assert spread.max() < 1.5 * spread.min()
    # ... which plain random inputs would not do: A stretches one direction far more
    stretch = np.linalg.svd(A, compute_uv=False)
    assert stretch[0] > 10 * stretch[1]


def test_the_second_direction_is_the_step_between_the_columns(rank_scene):
    s = rank_scene
    a = A.T.astype(float)
    step = a[-1] - a[0]
    # the step a₄ − a₁, drawn from the origin after it ran from a₁'s tip to a₄'s
    start, end = (np.array(s.axes.p2c(p)) for p in (s.step_at_origin.get_start(), s.step_at_origin.get_end()))
    assert np.allclose(start, 0, atol=1e-6) and np.allclose(end, step, atol=1e-6)
    start, end = s.step_drawn
    assert np.allclose(start, a[0], atol=1e-6) and np.allclose(end, a[-1], atol=1e-6)
    # every column is a₁ plus a share of the step, as the words say
    for j, col in enumerate(a):
        assert np.allclose(col, a[0] + j / 3 * step)
    assert np.linalg.matrix_rank(np.vstack([a[0], step])) == 2
    # the labels sit apart from one another on screen
    boxes = s.label_boxes
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            (l1, r1), (l2, r2) = boxes[i], boxes[j]
            apart = r1[0] < l2[0] or r2[0] < l1[0] or r1[1] < l2[1] or r2[1] < l1[1]
            assert apart, (i, j)


def test_the_maps_are_written_with_a_plain_arrow_and_the_input_axes_are_x(lines_scene):
    s = lines_scene
    for rule in (s.rule, s.rule_M, s.lift_rule):
        assert r"\mapsto" not in rule[0].get_tex_string() and r"\to" in rule[0].get_tex_string()
    assert [n.get_tex_string() for n in s.input_names] == ["x_1", "x_2"]


def test_the_cut_shows_which_side_each_point_is_on(lines_scene):
    from toynet_core.data import XOR_LABELS

    s = lines_scene
    w, c = np.array(s.cut_normal, float), s.cut_offset
    unit, offset = w / np.linalg.norm(w), c / np.linalg.norm(w)
    folded = np.maximum(s.xor_lifted, 0)
    # each stem rises square from the cut to its point, no further (it never crosses the cut),
    # and its colour is the class of that side
    from scenes.style import class_color

    for stem, p, y in zip(s.cut_stems, folded, XOR_LABELS):
        a, b = np.array(s.near.p2c(stem.get_start())), np.array(s.near.p2c(stem.get_end()))
        assert abs(a @ unit + offset) < 1e-6  # starts on the cut
        assert np.allclose(np.cross(b - a, unit), 0, atol=1e-6)  # square to it
        side = np.sign(p @ unit + offset)
        assert np.sign((b - a) @ unit) == side  # into the point's side
        assert np.allclose(b, p, atol=1e-6)  # it ends at its point
        # its foot lies on the drawn patch of the cut
        corners = np.asarray(s.cut_corners)
        u, v = corners[1] - corners[0], corners[3] - corners[0]
        assert 0 <= (a - corners[0]) @ u / (u @ u) <= 1 and 0 <= (a - corners[0]) @ v / (v @ v) <= 1
        assert stem.get_color() == class_color(y)
    sides = np.sign(folded @ unit + offset)
    assert set(sides[XOR_LABELS == 0]) != set(sides[XOR_LABELS == 1])
    # the scene ends on the cut seen edge on: a line on screen, with each class's points all on
    # one side of it, the two classes on opposite sides
    camera = s.renderer.camera
    ends = np.array([camera.project_point(s.near.c2p(*q))[:2] for q in s.cut_corners])
    d = ends[np.argmax(np.linalg.norm(ends - ends[0], axis=1))] - ends[0]
    across = np.array([-d[1], d[0]]) / np.linalg.norm(d)
    assert np.ptp((ends - ends[0]) @ across) < 0.02 * np.linalg.norm(d)  # edge on: a line
    shown = np.array([camera.project_point(s.near.c2p(*p))[:2] for p in folded])
    sides = np.sign((shown - ends[0]) @ across)
    assert len(set(sides[XOR_LABELS == 0])) == 1 and len(set(sides[XOR_LABELS == 1])) == 1
    assert sides[XOR_LABELS == 0][0] != sides[XOR_LABELS == 1][0]
    # the picture is drawn large, right of the words
    centre = s.renderer.camera.project_point(s.near.c2p(0.5, 0.5, 0.5))
    assert centre[0] > 1.0
