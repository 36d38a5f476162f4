"""Chapter 1, vectors and functions: what VectorTwoFaces, FunctionGraphs and Paraboloid draw,
read back from the scene and recomputed here."""

import numpy as np
from manim import RIGHT, rotation_about_z, rotation_matrix

from toynet_core.data import XOR_CENTRES


def shown(number_mobs):
    return np.array([float(m.get_value()) for m in number_mobs])


# -- VectorTwoFaces ---------------------------------------------------------------------------
def test_vector_column_and_walk_agree(scenes):
    s = scenes("vectors", "VectorTwoFaces")
    v = np.array([float(e.get_value()) for e in s.column.get_entries()])
    assert np.array_equal(v, [4, 1, 2])
    # Each leg runs along one axis by that entry; the arrow ends where the walk ends.
    walked = np.zeros(3)
    for i, leg in enumerate(s.legs):
        start, end = (np.array(s.axes.p2c(p)) for p in (leg.get_start(), leg.get_end()))
        step = end - start
        assert np.allclose(start, walked, atol=1e-6)
        assert np.allclose(np.delete(step, i), 0, atol=1e-6) and np.isclose(step[i], v[i])
        walked = end
    assert np.allclose(walked, v)
    assert np.allclose(s.axes.p2c(s.dot.anchor), v, atol=1e-6)


def test_vector_arrow_runs_from_the_origin_to_the_tip_on_screen(scenes):
    s = scenes("vectors", "VectorTwoFaces")
    camera = s.renderer.camera
    arrow = s.arrow.copy()
    arrow.update()  # as drawn for the camera's last angle
    v = np.array([float(e.get_value()) for e in s.column.get_entries()])
    assert np.allclose(arrow.get_start()[:2], camera.project_point(s.axes.c2p(0, 0, 0))[:2], atol=1e-3)
    tip = camera.project_point(s.axes.c2p(*v))[:2]
    assert np.linalg.norm(arrow.get_end()[:2] - tip) < 1e-3
    assert len(arrow.submobjects) == 1  # the arrow has its head


def test_vector_dashed_drops_land_on_each_axis_at_its_entry(scenes):
    s = scenes("vectors", "VectorTwoFaces")
    v = np.array([float(e.get_value()) for e in s.column.get_entries()])
    for i, (drop, label) in enumerate(zip(s.drops, s.foot_labels)):
        start, end = s.axes.p2c(drop.get_start()), s.axes.p2c(drop.get_end())
        # from the tip, or (for x₂) from the tip's shadow on the floor, straight below it
        assert np.allclose(start, v, atol=1e-6) or (i == 1 and np.allclose(start, [v[0], v[1], 0], atol=1e-6))
        foot = np.zeros(3)
        foot[i] = v[i]
        assert np.allclose(end, foot, atol=1e-6)
        # the drop meets its axis at a right angle: it is the projection onto that axis
        assert abs((np.array(start) - np.array(end)) @ np.eye(3)[i]) < 1e-6
        assert label.tex_string == f"{v[i]:g}"
        assert np.linalg.norm(label.anchor - s.axes.c2p(*foot)) < 0.6


def _screen_direction(phi, theta, vector):
    """Where a 3-D direction points on screen for a camera at (phi, theta), no roll."""
    R = rotation_matrix(-phi, RIGHT) @ rotation_about_z(-theta - np.pi / 2)
    return (R @ np.asarray(vector, dtype=float))[:2]


def test_vector_camera_path_keeps_arrow_and_axes_apart(scenes):
    """At every angle of the drift the arrow and the three axes point in clearly different
    directions on screen, so the arrow never reads as lying along an axis."""
    from scenes.ch1_math.vectors import END, PHI, START

    s = scenes("vectors", "VectorTwoFaces")
    camera = s.renderer.camera
    # the drift ran its whole course (to within a frame of rotation: the harness renders a
    # driven play frame by frame, and the rotation is integrated per frame)
    assert np.isclose(camera.get_theta(), END, atol=0.01)
    theta = camera.get_theta()  # and without roll: the rotation is phi and theta alone
    assert np.allclose(camera.generate_rotation_matrix()[:2],
                       (rotation_matrix(-PHI, RIGHT) @ rotation_about_z(-theta - np.pi / 2))[:2])
    v = np.array([float(e.get_value()) for e in s.column.get_entries()])
    for theta in np.linspace(START, END, 25):
        directions = [_screen_direction(PHI, theta, d) for d in (*np.eye(3), v)]
        for a in range(4):
            for b in range(a + 1, 4):
                da, db = directions[a], directions[b]
                cos = abs(da @ db) / np.linalg.norm(da) / np.linalg.norm(db)
                assert np.degrees(np.arccos(min(cos, 1.0))) > 25, (np.degrees(theta), a, b)


def test_vector_bridge_shows_an_input_as_a_column(scenes):
    from scenes.ch1_math.vectors import EXAMPLE_INPUT

    s = scenes("vectors", "VectorTwoFaces")
    corner = XOR_CENTRES[EXAMPLE_INPUT]
    column = np.array([float(e.get_value()) for e in s.input_column.get_entries()])
    assert np.array_equal(column, corner)
    plane = s.inset.plane
    assert np.allclose(plane.p2c(s.inset.arrow.get_end()), corner, atol=1e-6)
    assert np.allclose(plane.p2c(s.inset.arrow.get_start()), [0, 0], atol=1e-6)


# -- FunctionGraphs -----------------------------------------------------------------------------
def test_function_graphs_follow_their_formulas(scenes):
    s = scenes("functions", "FunctionGraphs")
    formulas = {"x^2": lambda x: x * x, "e^x": lambda x: np.e**x}
    for key, f in formulas.items():
        xy = np.array([s.axes[key].p2c(p) for p in s.graphs[key].get_anchors()])
        assert len(xy) > 10
        assert np.allclose(xy[:, 1], f(xy[:, 0]), atol=1e-3)


def test_function_panels_share_one_scale_and_have_tick_labels(scenes):
    s = scenes("functions", "FunctionGraphs")
    left, right = s.axes["x^2"], s.axes["e^x"]
    units = {round(a.x_axis.get_unit_size(), 9) for a in (left, right)} | \
            {round(a.y_axis.get_unit_size(), 9) for a in (left, right)}
    assert len(units) == 1  # the same length for 1 on both axes of both panels
    assert list(left.x_range) == list(right.x_range) and list(left.y_range) == list(right.y_range)
    for axes in (left, right):
        xs = sorted(round(n.get_value()) for n in axes.x_axis.numbers)
        ys = sorted(round(n.get_value()) for n in axes.y_axis.numbers)
        assert xs == [-2, -1, 1, 2] and ys == [1, 2, 3, 4]
        for n in axes.x_axis.numbers:  # each label sits under its tick
            assert abs(axes.p2c(n.get_center())[0] - n.get_value()) < 0.2


def test_function_tracer_reads_one_output_per_input(scenes):
    s = scenes("functions", "FunctionGraphs")
    formulas = {"x^2": lambda x: x * x, "e^x": lambda x: np.e**x}
    x = s.x.get_value()
    for key, f in formulas.items():
        x_shown, y_shown = shown(s.readouts[key])
        assert np.isclose(x_shown, x) and np.isclose(y_shown, f(x))
        dashes, dot_in, dot_out, dot_axis = s.tracers[key]
        axes = s.axes[key]
        assert np.allclose(axes.p2c(dot_in.get_center()), [x, 0], atol=1e-6)
        assert np.allclose(axes.p2c(dot_out.get_center()), [x, f(x)], atol=1e-6)
        assert np.allclose(axes.p2c(dot_axis.get_center()), [0, f(x)], atol=1e-6)


def test_function_bridge_draws_the_loss_and_the_sigmoid(scenes):
    s = scenes("functions", "FunctionGraphs")
    zy = np.array([s.sig_axes.p2c(p) for p in s.sigmoid_curve.get_anchors()])
    assert np.allclose(zy[:, 1], 1 / (1 + np.exp(-zy[:, 0])), atol=1e-3)
    for label, curve in zip(s.loss_curves.labels, s.loss_curves):
        pl = np.array([s.loss_axes.p2c(p) for p in curve.get_anchors()])
        assert np.allclose(pl[:, 1], (label - pl[:, 0]) ** 2, atol=1e-3)


# -- Paraboloid ---------------------------------------------------------------------------------
def _f(x1, x2):
    return x1**2 + x2**2


def test_paraboloid_surface_heights(scenes):
    s = scenes("functions", "Paraboloid")
    pts = np.array([s.axes.p2c(p) for face in s.surface_mob for p in face.get_anchors()])
    assert len(s.surface_mob) <= 16 * 16
    assert np.allclose(pts[:, 2], _f(pts[:, 0], pts[:, 1]), atol=1e-6)
    assert np.hypot(pts[:, 0], pts[:, 1]).max() <= s.RADIUS + 1e-6


def test_paraboloid_tracer_and_its_readout(scenes):
    s = scenes("functions", "Paraboloid")
    x1, x2 = s.input_point()
    assert np.allclose(s.axes.p2c(s.input_dot.get_center()), [x1, x2, 0], atol=1e-6)
    assert np.allclose(s.axes.p2c(s.output_dot.get_center()), [x1, x2, _f(x1, x2)], atol=1e-6)
    a, b, out = shown(s.readout_values)
    assert np.allclose([a, b], [x1, x2], atol=0.005 + 1e-9)  # the inputs, to 2 decimals
    # the shown output is the function of the shown inputs: the numbers on screen agree
    assert f"{round(a, 2) ** 2 + round(b, 2) ** 2:.2f}" == f"{out:.2f}"
    assert abs(out - _f(x1, x2)) < 0.02


def test_paraboloid_side_outline_is_the_parabola(scenes):
    s = scenes("functions", "Paraboloid")
    pts = np.array([s.axes.p2c(p) for p in s.slice.get_anchors()])
    assert np.allclose(pts[:, 0], 0, atol=1e-6)
    assert np.allclose(pts[:, 2], pts[:, 1] ** 2, atol=1e-3)


def test_paraboloid_descent_steps_against_the_gradient(scenes):
    s = scenes("functions", "Paraboloid")
    h = 1e-6
    path = s.descent
    for p, q in zip(path, path[1:]):
        grad = np.array([(_f(p[0] + h, p[1]) - _f(p[0] - h, p[1])) / (2 * h),
                         (_f(p[0], p[1] + h) - _f(p[0], p[1] - h)) / (2 * h)])
        assert np.allclose(q, p - s.DESCENT_RATE * grad, atol=1e-6)
        assert _f(*q) < _f(*p)  # every step goes down
    drawn = np.array([s.axes.p2c(d.get_center()) for d in s.steps])
    assert np.allclose(drawn[:, :2], path, atol=1e-6)
    assert np.allclose(drawn[:, 2], _f(path[:, 0], path[:, 1]), atol=1e-6)


def test_paraboloid_counts_the_networks_weights(scenes):
    from scenes.run_data import DEFAULT_RUN
    from toynet_core import load_run

    s = scenes("functions", "Paraboloid")
    run = load_run(DEFAULT_RUN)
    n = run.W1[-1].size + run.W2[-1].size
    assert f"R}}^{{{n}}}" in s.loss_type.tex_string
    assert [label.tex_string for label in s.axis_labels] == ["x_1", "x_2", "f"]
