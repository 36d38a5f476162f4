"""Hidden space: what the widgets and scenes draw is the run's own geometry.

Dots are mapped back through the axes and compared with the stored hidden coordinates;
planes are checked against the equations they come from, computed here independently.
"""

import numpy as np
from manim import DL, DR, UL, UR
import pytest

from scenes.run_data import load_scene_run
from scenes.widgets import hidden_view as hv
from toynet_core import geometry
from toynet_core.geometry import hidden_extent


@pytest.fixture(scope="module")
def run():
    return load_scene_run()


def drawn_coords(axes, dots):
    return np.array([axes.p2c(d.get_center()) for d in dots])


# --- widget ---------------------------------------------------------------------------


def test_point_cloud_maps_back_to_coordinates(run):
    ext = hidden_extent(run)
    axes = hv.hidden_axes(ext)
    coords = run.hidden_post[-1]
    cloud = hv.point_cloud(axes, coords, run.y)
    assert len(cloud) == run.n_samples
    assert np.allclose(drawn_coords(axes, cloud), coords, atol=1e-6)
    # equal scale on all three axes: a unit step is the same length in every direction
    o = axes.c2p(0, 0, 0)
    lengths = [np.linalg.norm(axes.c2p(*e) - o) for e in np.eye(3)]
    assert np.allclose(lengths, lengths[0])


def test_move_cloud_puts_each_dot_at_its_coordinates(run):
    """move_cloud (its fast path shifts a dot's points) lands each dot where c2p puts it, on
    axes that have been moved."""
    axes = hv.hidden_axes(hidden_extent(run)).shift([0.4, -0.3, 0.2])
    cloud = hv.point_cloud(axes, run.hidden_pre[-1], run.y)
    target = run.hidden_post[-1]
    hv.move_cloud(axes, cloud, target)
    assert np.allclose(drawn_coords(axes, cloud), target, atol=1e-6)
    assert np.allclose(hv.c2p_many(axes, target), [axes.c2p(*c) for c in target])


def test_separating_plane_is_the_plane_of_w2(run):
    ext = hidden_extent(run)
    axes = hv.hidden_axes(ext)
    W2 = run.W2[-1]
    plane = hv.separating_plane(axes, W2, ext)
    w, d = W2[0, :3], W2[0, 3]
    assert abs(abs(plane.normal @ w) / np.linalg.norm(w) - 1) < 1e-9  # parallel
    corners = np.array([axes.p2c(p) for p in plane.get_vertices()])
    assert len(corners) >= 3
    assert np.allclose(corners @ w + d, 0, atol=1e-6)
    lo, hi = np.array(ext).T
    assert np.all(corners >= lo - 1e-6) and np.all(corners <= hi + 1e-6)


def test_fit_view_frames_points_as_the_camera_draws_them():
    from manim import DEGREES, ThreeDCamera

    P = np.random.default_rng(1).normal(size=(60, 3)) * [3, 1, 2] + [1, 2, 0.5]
    views = [(60 * DEGREES, -50 * DEGREES), (70 * DEGREES, -75 * DEGREES)]
    rect = (-6.0, 3.0, -2.6, 2.3)
    zoom, centre = hv.fit_view(P, views, rect)
    camera = ThreeDCamera()
    touches = []
    for phi, theta in views:
        camera.set_phi(phi)
        camera.set_theta(theta)
        camera.set_zoom(zoom)
        camera.reset_rotation_matrix()
        S = camera.project_points(P - centre)  # the scene shifted by -centre, as scenes do
        assert np.allclose(S[:, :2], hv.screen_points(P - centre, phi, theta, zoom))
        assert S[:, 0].min() >= rect[0] - 1e-6 and S[:, 0].max() <= rect[1] + 1e-6
        assert S[:, 1].min() >= rect[2] - 1e-6 and S[:, 1].max() <= rect[3] + 1e-6
        touches.append(min(abs(S[:, 0].min() - rect[0]), abs(S[:, 0].max() - rect[1]),
                           abs(S[:, 1].min() - rect[2]), abs(S[:, 1].max() - rect[3])))
    assert min(touches) < 1e-6  # as large as it can be: it fills the rectangle


def test_pinned_anchor_may_follow_a_moving_point():
    from manim import Dot

    dot = Dot()
    dot.anchor = lambda: np.array([1.0, 2.0, 3.0])
    assert np.allclose(hv.anchor_of(dot), [1, 2, 3])
    dot.anchor = np.array([0.5, 0, 0])
    assert np.allclose(hv.anchor_of(dot), [0.5, 0, 0])


# --- HiddenLift -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def lift_scene(media_dir):
    from scenes.ch2_network.hidden_space import HiddenLift
    from tests.scenes.harness import run_scene

    return run_scene(HiddenLift, media_dir)


def test_lift_dots_are_the_stored_hidden_pre(lift_scene, run):
    s = lift_scene
    assert np.allclose(drawn_coords(s.axes, s.cloud), run.hidden_pre[-1], atol=1e-6)
    # and hidden_pre really is W1 x̃ (not merely what the scene was given)
    X_t = np.column_stack([run.X, np.ones(run.n_samples)])
    assert np.allclose(run.hidden_pre[-1], X_t @ run.W1[-1].T, atol=1e-9)


def test_lifted_plane_contains_every_lifted_point(lift_scene, run):
    s = lift_scene
    H = run.hidden_pre[-1]
    n = s.lifted_plane.normal
    assert np.isclose(np.linalg.norm(n), 1)
    assert np.allclose((H - H[0]) @ n, 0, atol=1e-8)
    # its drawn corners lie on the same plane as the points
    corners = np.array([s.axes.p2c(p) for p in s.lifted_plane.get_vertices()])
    assert len(corners) >= 3
    assert np.allclose((corners - H[0]) @ n, 0, atol=1e-6)
    # the normal is the direction in which the centred cloud does not spread
    _, _, vt = np.linalg.svd(H - H.mean(axis=0))
    assert abs(abs(vt[2] @ n) - 1) < 1e-6


def test_lift_distance_is_drawn_to_the_foot_of_the_plane(lift_scene, run):
    s = lift_scene
    W1 = run.W1[-1]
    start, end = (s.axes.p2c(p) for p in (s.foot_line.get_start(), s.foot_line.get_end()))
    assert np.allclose(start, 0, atol=1e-6)
    normal = np.cross(W1[:, 0], W1[:, 1])
    assert np.isclose(end @ normal, W1[:, 2] @ normal)  # on the plane
    assert np.allclose(np.cross(end, normal), 0, atol=1e-6)  # straight out from the origin
    assert s.distance_label.get_value() == pytest.approx(np.linalg.norm(end), abs=1e-9)


def test_lift_shows_the_runs_w1(lift_scene, run):
    from scenes.widgets.matrices import matrix_values

    assert np.allclose(matrix_values(lift_scene.w1_matrix), run.W1[-1])


def test_lift_views_keep_the_third_axis_up(lift_scene):
    assert lift_scene.camera.get_gamma() == 0
    for phi, _ in (lift_scene.edge_view, lift_scene.face_view, lift_scene.why_view):
        assert 0 < phi < np.pi


def test_lift_spread_readout_is_measured(lift_scene, run):
    H = run.hidden_pre[-1]
    centred = H - H.mean(axis=0)
    rms = np.sqrt(np.linalg.eigvalsh(centred.T @ centred / len(H)).clip(0))[::-1]
    shown = [row[1].get_value() for row in lift_scene.spread_rows[1:]]
    assert np.allclose(shown, rms, atol=0.006)
    assert shown[2] < 0.005 < shown[1]


def test_unused_direction_is_marked_at_right_angles_to_the_sheet(lift_scene):
    """The right-angle mark at the arrow's foot: one leg along the arrow, the other in the
    sheet, read back from the drawn mark through the axes."""
    s = lift_scene
    drawn = [*s.right_angle.get_start_anchors(), s.right_angle.get_end_anchors()[-1]]
    corners = np.array([s.axes.p2c(p) for p in drawn])
    legs = [corners[0] - corners[1], corners[2] - corners[1]]
    n = s.lifted_plane.normal
    arrow = s.axes.p2c(s.normal_arrow.get_end()) - s.axes.p2c(s.normal_arrow.get_start())
    # one leg along the arrow, at right angles to the sheet, and the other in the sheet
    along = [abs(abs(leg @ n) / np.linalg.norm(leg) - 1) < 1e-6 for leg in legs]
    flat = [abs(leg @ n) / np.linalg.norm(leg) < 1e-6 for leg in legs]
    assert any(along) and any(flat)
    assert abs(abs(arrow @ n) / np.linalg.norm(arrow) - 1) < 1e-6


# --- ReluFold -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fold_scene(media_dir):
    from scenes.ch2_network.relu import ReluFold
    from tests.scenes.harness import run_scene

    return run_scene(ReluFold, media_dir)


def test_fold_ends_at_the_stored_hidden_post(fold_scene, run):
    s = fold_scene
    assert np.allclose(drawn_coords(s.axes, s.cloud), run.hidden_post[-1], atol=1e-6)
    assert np.allclose(run.hidden_post[-1], np.maximum(run.hidden_pre[-1], 0))


def test_folded_sheet_is_relu_of_the_lifted_sheet(fold_scene, run):
    sheet = fold_scene.sheet
    W1 = run.W1[-1]
    assert np.allclose(sheet.stage, 1)
    for poly, mob in zip(sheet.pieces, sheet.piece_mobs):
        expected = np.maximum(np.column_stack([poly, np.ones(len(poly))]) @ W1.T, 0)
        drawn = np.array([fold_scene.axes.p2c(p) for p in mob.get_start_anchors()])
        assert np.allclose(drawn[: len(poly)], expected, atol=1e-6)


def test_fold_readout_counts_the_split(fold_scene, run):
    z2 = np.maximum(run.hidden_pre[-1], 0) @ run.W2[-1][0, :3] + run.W2[-1][0, 3]
    expected = int(np.sum((z2 > 0) == (run.y == 1)))
    assert fold_scene.readout[1][0].get_value() == expected


def test_fold_walls_are_the_planes_where_a_unit_is_zero(fold_scene, run):
    H = run.hidden_pre[-1]
    for unit, wall in enumerate(fold_scene.walls):
        corners = wall.vertices_hidden  # the polygon drawn, in hidden coordinates
        assert len(corners) >= 3 and len(wall.get_vertices()) == len(corners)
        assert np.allclose(corners[:, unit], 0, atol=1e-9)
        assert np.allclose(np.abs(wall.normal), np.eye(3)[unit])
        # it spans the data as its fold starts (the folds before it done): every point's other
        # two coordinates lie within the wall
        others = [k for k in range(3) if k != unit]
        P = geometry.fold(H, (np.arange(3) < unit).astype(float))
        assert np.all(corners[:, others].min(axis=0) <= P[:, others].min(axis=0))
        assert np.all(corners[:, others].max(axis=0) >= P[:, others].max(axis=0))
    # each unit's crease is drawn in its wall's colour
    for crease, wall in zip(fold_scene.sheet.crease_mobs, fold_scene.walls):
        assert crease.get_stroke_color() == wall.get_stroke_color()


def test_fold_separating_plane_stays_near_the_folded_points(fold_scene, run):
    post = run.hidden_post[-1]
    corners = np.array([fold_scene.axes.p2c(p) for p in fold_scene.plane.get_vertices()])
    w, d = run.W2[-1][0, :3], run.W2[-1][0, 3]
    assert np.allclose(corners @ w + d, 0, atol=1e-6)
    span = post.max(axis=0) - post.min(axis=0)
    assert np.all(corners.min(axis=0) >= post.min(axis=0) - 0.2 * span - 1)
    assert np.all(corners.max(axis=0) <= post.max(axis=0) + 0.2 * span + 1)


def test_fold_views_see_each_fold_open(fold_scene, run):
    """From the view each fold is played in, the part of the sheet it moves lands apart from
    the part it keeps: on screen the two parts meet at the crease at a clear angle, well
    short of a straight line (seen along the sheet, the folded part lay on the kept one)."""
    from toynet_core.geometry import fold, folded_by

    H = run.hidden_pre[-1]
    moved = folded_by(H)
    for unit, (phi, theta) in fold_scene.fold_views.items():
        t = np.zeros(3)
        t[:unit] = 1
        before, after = fold(H, t), fold(H, np.where(np.arange(3) <= unit, 1.0, 0.0))
        hinge = after[moved[:, unit]][np.argmax(H[moved[:, unit], unit])]
        kept, went = before[~moved[:, unit]].mean(axis=0), after[moved[:, unit]].mean(axis=0)
        o, a, b = hv.screen_points(np.array([hinge, kept, went]), phi, theta)
        cos = (a - o) @ (b - o) / np.linalg.norm(a - o) / np.linalg.norm(b - o)
        assert np.degrees(np.arccos(cos)) < 160, unit


def test_fold_shows_the_empty_corner_enlarged(fold_scene, run):
    """When a unit moves no point but its crease crosses the sheet, its corner is shown
    enlarged: the inset holds the corner's piece, shaded in the unit's colour, inside its box,
    and no point of the run lies on that piece."""
    from scenes.style import UNIT_COLORS
    from toynet_core.geometry import folded_by

    s = fold_scene
    moved = folded_by(run.hidden_pre[-1])
    empty = [u for u in range(3) if not moved[:, u].any() and s.sheet.creases[u] is not None]
    if not empty:
        assert not hasattr(s, "corner_view")
        return
    unit = empty[0]
    box, (_, key), (shapes, _, _), _ = s.corner_view
    # beside the picture, not over it; its key names the parts and the nearest point's value
    from scenes.ch2_network.relu import FOLD_SUBJECT

    assert box.get_left()[0] > FOLD_SUBJECT[1]
    assert [row[1].original_text for row in key[:2]] == ["folded: no points", "unchanged"]
    assert key[2][1].original_text == "nearest point"
    assert key[3].original_text.endswith(f"= {run.hidden_pre[-1][:, unit].min():.2f}")
    # of the points, the inset shows only that nearest one
    (_, _, dots) = s.corner_view[2]
    assert len(dots) == 1
    assert key.get_left()[0] > box.get_left()[0] and key.get_right()[0] < box.get_right()[0]
    assert key.get_bottom()[1] > box.get_bottom()[1]
    shaded = [m for m in shapes if len(m.points)
              and np.allclose(m.get_fill_color().to_rgb(), UNIT_COLORS[unit].to_rgb(), atol=1e-3)]
    assert shaded
    for m in shaded:
        P = m.points[:, :2]
        assert P[:, 0].min() >= box.get_left()[0] - 1e-6 and P[:, 0].max() <= box.get_right()[0] + 1e-6
        assert P[:, 1].min() >= box.get_bottom()[1] - 1e-6 and P[:, 1].max() <= box.get_top()[1] + 1e-6
    assert np.all(run.hidden_pre[-1][:, unit] > 0)


def test_fold_cut_ends_seen_edge_on(fold_scene):
    """The last view looks along W⁽²⁾'s plane, through a point of it: its corners project
    onto one line (a line, not a wedge), which stays below the rule at the top."""
    s = fold_scene
    camera = s.renderer.camera
    camera.reset_rotation_matrix()
    projected = np.array(camera.project_points(s.plane.get_vertices()))[:, :2]
    spread = np.linalg.svd(projected - projected.mean(axis=0), compute_uv=False)
    assert spread[0] > 1.0 and spread[1] < 1e-3 * spread[0]
    assert projected[:, 1].max() < s.rule.get_bottom()[1] - 0.2


def cross(a, b):
    """The z component of the cross product of two screen vectors."""
    return a[0] * b[1] - a[1] * b[0]


def test_fold_cut_inset_keeps_the_pictures_orientation(fold_scene, run):
    """The inset is the marked part of the picture enlarged, not its mirror image: its plane
    runs the same way on screen as the plane the camera draws, each wrong point lies on the
    same side of it in both (and is ringed in both), and the name z⁽²⁾ < 0 sits on the side
    where the camera draws the point with the lowest score."""
    s = fold_scene
    if not hasattr(s, "inset"):
        return
    post, W2 = run.hidden_post[-1], run.W2[-1]
    z2 = post @ W2[0, :3] + W2[0, 3]
    wrong = np.flatnonzero((z2 > 0) != (run.y == 1))
    camera = s.renderer.camera
    camera.reset_rotation_matrix()
    seen = np.array(camera.project_points(s.plane.get_vertices()))[:, :2]
    p0 = seen.mean(axis=0)
    d_main = np.linalg.svd(seen - p0)[2][0]
    at = lambda i: np.array(camera.project_points(s.cloud[i].get_center()[None]))[0, :2]  # noqa: E731
    side_main = lambda q: np.sign(cross(d_main, q - p0))  # noqa: E731
    box, _, line, _, rings, (negative, _) = s.inset
    a, b = line.get_start()[:2], line.get_end()[:2]
    d_inset = (b - a) / np.linalg.norm(b - a)
    assert abs(d_inset @ d_main) > 0.99  # the same slant
    flip = np.sign(d_inset @ d_main)  # the two lines' directions may be drawn either way
    side_inset = lambda q: flip * np.sign(cross(d_inset, np.asarray(q)[:2] - a))  # noqa: E731
    assert len(rings) == len(wrong) == len(s.main_rings)
    for ring, main_ring, i in zip(rings, s.main_rings, wrong):
        assert side_inset(ring.get_center()) == side_main(at(i)) != 0
        assert np.allclose(main_ring.get_center()[:2], at(i), atol=2e-3)  # under a tenth of a pixel
    lowest = int(np.argmin(z2))
    assert side_inset(negative.get_center()) == side_main(at(lowest)) != 0
    # each side's name lies wholly on its own side of the line carried on
    for label in s.inset[-1]:
        sides = {side_inset(label.get_corner(c)) for c in (UL, UR, DL, DR)}
        assert sides == {side_inset(label.get_center())}, label.get_tex_string()


def test_fold_ghost_is_the_sheet_before_the_last_fold(fold_scene, run):
    """The faint outline left by the last fold is the sheet as it lay before it: ReLU of the
    first two units applied, the third not (up to one shift: the ghost leaves as the world
    moves for the cut)."""
    s = fold_scene
    W1 = run.W1[-1]
    before = [np.maximum(np.column_stack([p, np.ones(len(p))]) @ W1.T, [0, 0, -np.inf]) for p in s.sheet.pieces]
    drawn = [np.array([s.axes.p2c(v) for v in m.get_vertices()]) for m in s.ghost]
    assert len(drawn) == len(before)
    offsets = np.vstack([d[: len(b)] - b for d, b in zip(drawn, before)])
    assert np.allclose(offsets, offsets[0], atol=1e-6)


# --- SeparatingPlane ------------------------------------------------------------------


@pytest.fixture(scope="module")
def plane_scene(media_dir):
    from scenes.ch2_network.classifier import SeparatingPlane
    from tests.scenes.harness import run_scene

    return run_scene(SeparatingPlane, media_dir)


def test_plane_scene_dots_and_plane(plane_scene, run):
    from toynet_core.model import forward

    s = plane_scene
    H = drawn_coords(s.axes, s.cloud)
    assert np.allclose(H, run.hidden_post[-1], atol=1e-6)
    w, d = run.W2[-1][0, :3], run.W2[-1][0, 3]
    assert abs(abs(s.plane.normal @ w) / np.linalg.norm(w) - 1) < 1e-9
    corners = np.array([s.axes.p2c(p) for p in s.plane.get_vertices()])
    assert np.allclose(corners @ w + d, 0, atol=1e-6)
    # each point lies on the side of the class the run predicts for it
    predicted = forward(run.W1[-1], run.W2[-1], run.X).y_hat > 0.5
    side = H @ s.plane.normal + s.plane.offset > 0
    assert np.array_equal(side, predicted)


def test_plane_scene_counts(plane_scene, run):
    from manim import Integer

    from toynet_core.model import forward

    predicted = forward(run.W1[-1], run.W2[-1], run.X).y_hat > 0.5
    shown = [int(m.get_value()) for m in plane_scene.table if isinstance(m, Integer)]
    expected = [np.sum(~predicted & (run.y == 0)), np.sum(~predicted & (run.y == 1)),
                np.sum(predicted & (run.y == 0)), np.sum(predicted & (run.y == 1))]
    assert shown == expected


def test_plane_scene_rings_the_wrong_points(plane_scene, run):
    from toynet_core.model import forward

    s = plane_scene
    wrong = np.flatnonzero((forward(run.W1[-1], run.W2[-1], run.X).y_hat > 0.5) != (run.y == 1))
    assert len(s.rings) == len(wrong)
    for ring, i in zip(s.rings, wrong):
        assert np.allclose(ring.get_center(), s.cloud[i].get_center())


def test_plane_scene_shows_the_gap_at_the_origin(plane_scene, run):
    """The inset's perpendicular is labelled with the plane's distance from the origin, and
    its origin lies on the side of the plane where z⁽²⁾ has the bias's sign."""
    s = plane_scene
    w, d = run.W2[-1][0, :3], run.W2[-1][0, 3]
    box, _, plane, _, perpendicular, _, origin, _, length = s.inset
    assert length.get_tex_string() == f"{abs(d) / np.linalg.norm(w):.2f}"
    assert np.allclose(s.lens.anchor, s.axes.c2p(0, 0, 0))
    above = origin.get_center()[1] > plane.get_center()[1]
    assert above == (d > 0)
    assert abs(perpendicular.get_start()[0] - perpendicular.get_end()[0]) < 1e-6  # at right angles
    for part in s.inset[1:]:
        assert box.get_left()[0] <= part.get_left()[0] and part.get_right()[0] <= box.get_right()[0]


def test_plane_scene_ends_truly_edge_on(plane_scene):
    """The camera ends looking along the plane, through a point of it: every corner of the
    plane projects onto one line on screen (a line, not a band), with no roll."""
    s = plane_scene
    camera = s.renderer.camera
    assert camera.get_gamma() == 0
    projected = np.array(camera.project_points(s.plane.get_vertices()))[:, :2]
    centred = projected - projected.mean(axis=0)
    spread = np.linalg.svd(centred, compute_uv=False)
    assert spread[0] > 1.0 and spread[1] < 1e-6 * spread[0]
    # the normal arrow points to the class-1 side: z2 > 0 at its tip
    tip = s.axes.p2c(s.normal.get_end())
    w, d = s.W2[0, :3], s.W2[0, 3]
    assert tip @ w + d > 0


def test_plane_scene_edge_line_stays_below_the_words(plane_scene):
    """Seen edge on at the end, the plane's line (its corners projected by the camera) ends
    below the side table and the equation."""
    s = plane_scene
    camera = s.renderer.camera
    camera.reset_rotation_matrix()
    top = camera.project_points(s.plane.get_vertices())[:, 1].max()
    assert top < min(s.table.get_bottom()[1], s.equation.get_bottom()[1])


# --- DecisionRegions ------------------------------------------------------------------


@pytest.fixture(scope="module")
def regions_scene(media_dir):
    from scenes.ch2_network.classifier import DecisionRegions
    from tests.scenes.harness import run_scene

    return run_scene(DecisionRegions, media_dir)


def test_heatmap_is_the_final_weights_map(regions_scene, run):
    from scenes.widgets.heatmap import probability_rgb
    from toynet_core.boundary import output_grid
    from toynet_core.model import forward

    s = regions_scene
    fine = output_grid(run.W1[-1], run.W2[-1], run.grid_extent)
    assert np.array_equal(s.heatmap.pixel_array[:, :, :3], probability_rgb(fine)[::-1])
    assert fine.shape[0] > len(run.grid_x1)  # finer than the stored grid
    # each cell is the net's output at its centre: one cell checked by hand
    x0, x1, y0, y1 = run.grid_extent
    n = fine.shape[0]
    i, j = n // 3, (2 * n) // 3  # row (x2) and column (x1)
    centre = [x0 + (j + 0.5) * (x1 - x0) / n, y0 + (i + 0.5) * (y1 - y0) / n]
    assert fine[i, j] == pytest.approx(forward(run.W1[-1], run.W2[-1], np.array([centre])).y_hat[0])
    # and at the stored grid's points the map agrees with the stored grid
    G1, G2 = np.meshgrid(run.grid_x1, run.grid_x2)
    direct = forward(run.W1[-1], run.W2[-1], np.column_stack([G1.ravel(), G2.ravel()])).y_hat
    assert np.allclose(direct.reshape(run.grid_yhat[-1].shape), run.grid_yhat[-1], atol=1e-5)


def test_boundary_drawn_is_where_the_score_is_zero(regions_scene, run):
    from toynet_core.model import forward

    s = regions_scene
    for line in s.boundary:
        P = np.array([s.axes.p2c(p)[:2] for p in np.array(line.get_anchors())])
        assert np.allclose(forward(run.W1[-1], run.W2[-1], P).z2, 0, atol=1e-6)


def test_surface_is_the_score_lifted(regions_scene, run):
    """Every corner of every face sits at its score times the one height scale, and each face
    lies wholly on one side of zero, coloured by that side (lit by its tilt: the side's colour
    between the background and full strength)."""
    from manim import color_to_rgb

    from scenes.style import BACKGROUND, NEGATIVE, POSITIVE
    from toynet_core.model import forward

    s = regions_scene
    assert len(s.surface) >= 2
    for face in s.surface:
        corners = np.array(face.get_anchors())
        xy = np.array([s.axes.p2c(c)[:2] for c in corners])
        heights = corners[:, 2] / s.height_scale
        z2 = forward(run.W1[-1], run.W2[-1], xy).z2
        assert np.allclose(heights, z2, atol=1e-6)
        positive = z2.max() > 1e-9
        assert (z2 >= -1e-9).all() if positive else (z2 <= 1e-9).all()
        want, dark = color_to_rgb(POSITIVE if positive else NEGATIVE), color_to_rgb(BACKGROUND)
        got = color_to_rgb(face.get_fill_color())
        t = float((got - dark) @ (want - dark) / ((want - dark) @ (want - dark)))
        assert 0.5 <= t <= 1.0 + 1e-6
        assert np.allclose(got, dark + t * (want - dark), atol=2e-3)


def test_edge_on_direction_lies_in_the_plane_and_looks_down():
    rng = np.random.default_rng(0)
    for _ in range(50):
        n, c = rng.normal(size=3), hv.camera_direction(*rng.uniform([0.3, -3], [1.4, 3]))
        d = hv.edge_on_direction(n, c)
        assert abs(d @ n) < 1e-9 * np.linalg.norm(n) and np.isclose(np.linalg.norm(d), 1)
        if abs(n[2]) / np.linalg.norm(n) < 0.98:  # a plane that is not flat can be seen from above
            assert d[2] >= 0.15 - 1e-12


def test_lift_labels_stay_clear_of_each_other_and_the_points(lift_scene):
    """The labels placed from projected points (axis names, 'unused direction') overlap
    neither each other nor any dot or arrow they name, nor sit on the sheet, at the end."""
    from scenes.ch2_network.hidden_space import inside_polygon

    s = lift_scene
    placer = s.placer
    placer.place()
    shown = [m for m in [*placer.items, s.normal_name] if placer.shown(m)]  # ('unused direction' is pinned)
    assert len(shown) >= 4
    camera = s.renderer.camera
    points = camera.project_points(s.blockers())[:, :2]
    sheet = camera.project_points(s.sheet_corners())[:, :2]
    boxes = [placer.box(m, margin=0.0) for m in shown]
    for k, (c, h) in enumerate(boxes):
        assert not np.any(np.all(np.abs(points - c) < h, axis=1))
        assert not inside_polygon([c], sheet).any()
        for c2, h2 in boxes[k + 1:]:
            assert not np.all(np.abs(c - c2) < h + h2)


def test_inside_polygon():
    from scenes.ch2_network.hidden_space import inside_polygon

    square = [(0, 0), (2, 0), (2, 1), (0, 1)]
    assert list(inside_polygon([(1, 0.5), (3, 0.5), (-1, 0), (1.9, 0.9)], square)) == [True, False, False, True]


def test_points_ride_on_the_surface(regions_scene, run):
    """Each data point is shown on the raised surface, at its own score: drawn where the axes
    put its input, at its score z⁽²⁾ times the surface's height scale."""
    from toynet_core.model import forward

    s = regions_scene
    assert id(s.dots[0]) in {id(m) for m in s.get_mobject_family_members()}  # still shown
    centres = np.array([hv._centre(dot) for dot in s.dots])
    floor = np.array([s.axes.c2p(*x) for x in run.X])
    assert np.allclose(centres[:, :2], floor[:, :2], atol=1e-6)
    z2 = forward(run.W1[-1], run.W2[-1], run.X).z2
    assert np.allclose((centres[:, 2] - floor[:, 2]) / s.height_scale, z2, atol=1e-6)


def test_surface_labels_stay_off_the_surface(regions_scene):
    """The creases' numbers and the axes' names, as drawn at the end, cover no face of the
    surface nor its floor (the faces read back from the picture, projected by the camera),
    nor each other."""
    from scenes.ch2_network.hidden_space import inside_polygon

    s = regions_scene
    camera = s.renderer.camera
    camera.reset_rotation_matrix()
    polys = [camera.project_points(np.array(face.get_anchors()))[:, :2] for face in s.surface]
    polys.append(camera.project_points(s.floor.get_vertices())[:, :2])
    labels = [*s.crease_labels, *s.names[:2]]
    for label in labels:
        label.update()
    boxes = []
    for label in labels:
        c, h = label.get_center()[:2], np.array([label.width / 2, label.height / 2])
        probe = c + np.array([[i, j] for i in (-1, 0, 1) for j in (-1, 0, 1)]) * h
        assert not any(inside_polygon(probe, poly).any() for poly in polys), label
        boxes.append((c, h))
    for k, (c, h) in enumerate(boxes):
        for c2, h2 in boxes[k + 1:]:
            assert not np.all(np.abs(c - c2) < h + h2)


def test_plane_equation_and_normal_arrow_read_clear(plane_scene, run):
    """The plane's equation carries the run's weights and stands beside the side table, not on
    it; the normal arrow, as drawn at the end (projected by the camera), runs clear of every
    point of the cloud past its foot on the plane."""
    s = plane_scene
    shown = "".join(s.equation.get_tex_string().split())
    for v in run.W2[-1][0]:
        assert f"{abs(v):.2f}" in shown
    assert s.equation.get_right()[0] < s.table.get_left()[0]
    camera = s.renderer.camera
    camera.reset_rotation_matrix()
    s.normal.update()
    a, b = s.normal.get_start()[:2], s.normal.get_end()[:2]
    points = camera.project_points(np.array([hv._centre(d) for d in s.cloud]))[:, :2]
    t = np.clip((points - a) @ (b - a) / ((b - a) @ (b - a)), 0.2, 1.0)
    gaps = np.linalg.norm(points - (a + t[:, None] * (b - a)), axis=1)
    assert gaps.min() > 0.08


def test_creases_are_hatched_on_the_side_where_the_unit_gives_zero(regions_scene, run):
    """Each crease's hatch marks run from the crease into the side where its unit's value
    W⁽¹⁾ row · x̃ is negative (ReLU gives 0 there), read back through the axes."""
    s = regions_scene
    from toynet_core.geometry import crease_segments

    W1 = run.W1[-1]
    shown = [u for u, seg in enumerate(crease_segments(W1, s.extent)) if seg is not None]
    assert len(s.hatches) == len(shown)
    for u, marks in zip(shown, s.hatches):
        for mark in marks:
            start, end = (s.axes.p2c(p)[:2] for p in (mark.get_start(), mark.get_end()))
            assert abs(W1[u] @ np.array([*start, 1.0])) < 1e-6 * np.linalg.norm(W1[u])  # on the crease
            assert W1[u] @ np.array([*end, 1.0]) < 0  # into the side where the unit is off


def test_valley_is_drawn_under_the_slice(regions_scene):
    """The camera draws every piece of the surface under height 0 before the slice at 0, and
    the slice before every piece over it: the valley is seen through the slice."""
    s = regions_scene
    drawn = s.renderer.camera.get_mobjects_to_display(s.mobjects)
    at = {id(m): k for k, m in enumerate(drawn)}
    floor = at[id(s.floor)]
    for face, (_, h, _, positive) in zip(s.surface, s.pieces):
        assert (h >= -1e-9).all() if positive else (h <= 1e-9).all()
        assert (at[id(face)] > floor) if positive else (at[id(face)] < floor)


def test_creases_wear_their_units_colours(regions_scene, run):
    """Each unit's crease, its hatches, its name and its fold on the surface are drawn in the
    unit's colour (as in ReluFold), so that which crease is which can be told."""
    from scenes.style import UNIT_COLORS
    from toynet_core import geometry

    s = regions_scene
    units = [u for u, seg in enumerate(geometry.crease_segments(run.W1[-1], run.grid_extent)) if seg is not None]
    same = lambda c, u: np.allclose(c.to_rgb(), UNIT_COLORS[u].to_rgb(), atol=1e-3)  # noqa: E731
    for k, u in enumerate(units):
        assert same(s.creases[k].get_stroke_color(), u)
        assert all(same(mark.get_stroke_color(), u) for mark in s.hatches[k])
        assert same(s.folds[k].get_stroke_color(), u)
        letters = [m for m in s.crease_labels[k].family_members_with_points() if m.get_fill_opacity() > 0.9]
        assert letters and all(same(m.get_fill_color(), u) for m in letters)


def test_region_tags_stand_clear_of_the_crease_names(regions_scene):
    """The units-on tags and the creases' names do not touch: a clear gap between each two."""
    s = regions_scene
    others = [*s.crease_labels, *s.tags]
    for tag in s.tags:
        for other in others:
            if other is tag:
                continue
            gap = np.abs(tag.get_center()[:2] - other.get_center()[:2]) - np.array(
                [tag.width + other.width, tag.height + other.height]) / 2
            assert gap.max() > 0.05, (tag, other)


def test_axis_names_stay_off_the_unused_directions_head(lift_scene):
    """No axis name covers or touches the head of the "unused direction" arrow (its outline, as
    the camera draws it, with a gap of 0.1), nor that arrow's own name."""
    s = lift_scene
    # what the names keep clear of holds the arrow's head, and a margin round it
    blocked = s.blockers()
    tip, c = s.normal_arrow.tip.points, s.normal_arrow.tip.get_center()
    for p in np.vstack([tip, c + 2 * (tip - c)]):
        assert np.min(np.linalg.norm(blocked - p, axis=1)) < 1e-9
    camera = s.renderer.camera
    camera.reset_rotation_matrix()
    head = np.array(camera.project_points(s.normal_arrow.tip.points))[:, :2]
    lo, hi = head.min(axis=0) - 0.1, head.max(axis=0) + 0.1  # a clear gap, not a shared edge
    for label in s.labels:
        if not len(label.get_all_points()):
            continue
        l_lo, l_hi = label.get_corner(DL_)[:2], label.get_corner(UR_)[:2]
        assert np.any(l_lo > hi) or np.any(l_hi < lo), label
        n_lo, n_hi = s.normal_name.get_corner(DL_)[:2], s.normal_name.get_corner(UR_)[:2]
        assert np.any(l_lo > n_hi) or np.any(l_hi < n_lo), label


DL_, UR_ = np.array([-1.0, -1.0, 0.0]), np.array([1.0, 1.0, 0.0])


def test_region_tags_sit_beside_their_lines(regions_scene):
    """At the end, the boundary lines' tags ("units … on") and the creases' names overlap no
    other of them; each tag is nearer its own boundary line than any other line drawn (the
    other boundary lines, the folds), each crease's name nearer its own fold than any other
    fold, and each tag has a leader from its edge to its line."""
    from scenes.ch2_network.classifier import box_distance, distance_to_polyline

    s = regions_scene
    camera = s.renderer.camera
    camera.reset_rotation_matrix()
    lines = [camera.project_points(np.array(line.get_anchors()))[:, :2] for line in s.boundary]
    folds = [camera.project_points(np.array(fold.get_anchors()))[:, :2] for fold in s.folds]
    labels = [*s.tags, *s.crease_labels]
    assert len(s.tags) >= 1
    for label in labels:
        label.update()
    boxes = [(m.get_center()[:2], np.array([m.width, m.height]) / 2) for m in labels]
    for k, (c, h) in enumerate(boxes):
        for c2, h2 in boxes[k + 1:]:
            assert not np.all(np.abs(c - c2) < h + h2), (labels[k], c, c2)
    for tag, (c, h) in zip(s.tags, boxes):
        own = box_distance(c, h, lines[tag.path_index])
        others = [m for j, m in enumerate(lines) if j != tag.path_index] + folds
        assert all(own < box_distance(c, h, o) for o in others), tag
        tag.leader.update()
        start, end = tag.leader.get_start()[:2], tag.leader.get_end()[:2]
        assert distance_to_polyline(end, lines[tag.path_index]) < 0.05
        assert np.all(np.abs(start - c) <= np.array([tag.width, tag.height]) / 2 + 0.1)
        assert np.linalg.norm(end - start) < 1.5  # short
    # a crease's name, past its fold's end, where two creases can meet: nearer its own fold,
    # or its leader, in its colour, ends on its own fold and nearer it than any other
    for label, fold, (c, h) in zip(s.crease_labels, folds, boxes[len(s.tags):]):
        own = box_distance(c, h, fold)
        if all(own < box_distance(c, h, o) for o in folds if o is not fold):
            continue
        label.leader.update()
        end = label.leader.get_end()[:2]
        assert distance_to_polyline(end, fold) < 0.05, label
        assert all(distance_to_polyline(end, fold) < distance_to_polyline(end, o) for o in folds if o is not fold)
