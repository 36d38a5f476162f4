"""JacobianExample draws the Jacobian of f(x) = (cos x1 + sin x2, √(x1² + x2²)) at p = (1, 2)
truthfully: the zoomed square, its sides, the matrices and the slip's slopes are read back and
compared with derivatives written out here and with finite differences done here."""

import numpy as np
import pytest

from scenes.run_data import load_reference_run
from scenes.widgets.grid import anchors, shown_pieces
from scenes.widgets.matrices import matrix_values
from tests.scenes.harness import run_scene
from toynet_core import forward


def f(p):
    p = np.asarray(p, float)
    return np.stack([np.cos(p[..., 0]) + np.sin(p[..., 1]), np.sqrt(p[..., 0] ** 2 + p[..., 1] ** 2)], axis=-1)


def fd_jacobian(g, x, h=1e-6):
    x = np.asarray(x, float)
    return np.stack([(g(x + h * e) - g(x - h * e)) / (2 * h) for e in np.eye(len(x))], axis=-1)


def by_hand(x1, x2):
    r = np.hypot(x1, x2)
    return np.array([[-np.sin(x1), np.cos(x2)], [x1 / r, x2 / r]])


@pytest.fixture(scope="module")
def scene(media_dir):
    from scenes.ch1_math.jacobian import JacobianExample

    return run_scene(JacobianExample, media_dir)


def test_the_point_is_away_from_the_corner_of_f(scene):
    assert np.hypot(*scene.point) > 0.5 and np.allclose(scene.point, [1, 2])


def test_zoomed_square_is_a_parallelogram_with_the_jacobians_sides(scene):
    s, z = scene, scene.zoom
    J = by_hand(*s.point)
    side = z.side(z.s)
    assert side <= 0.02  # zoomed far in: a small square
    drawn = z.to_output(z.s, anchors(z.outline))
    u = z.outline_square
    assert np.allclose(drawn, f(s.point + side * u), atol=1e-9)  # the outline is f of the square
    local = (drawn - f(s.point)) / side
    assert np.allclose(local, u @ J.T, atol=0.02)  # ... and, this close, J times the square
    # the arrows along its sides are J's columns, in units of the square's side
    for j, arrow in enumerate(s.side_arrows):
        start = z.to_output(z.s, arrow.get_start()[None])[0]
        tip = z.to_output(z.s, arrow.get_end()[None])[0]
        assert np.allclose(start, f(s.point), atol=1e-9)
        assert np.allclose((tip - start) / side, J[:, j], atol=1e-6)
        assert np.allclose((tip - start) / side, fd_jacobian(f, s.point)[:, j], atol=1e-6)
        assert np.allclose(matrix_values(s.side_labels[j]).ravel(), J[:, j])


def test_zoomed_grid_lines_are_images_of_grid_lines(scene):
    z = scene.zoom
    checked = 0
    for group, src in zip(z.line_groups, z.sources):
        pieces = shown_pieces(group)
        if src is None:
            assert not pieces
            continue
        image = f(src)
        for piece in pieces:
            pts = z.to_output(z.s, anchors(piece))[1:-1]  # the ends are cuts at the box
            nearest = np.min(np.linalg.norm(pts[:, None, :] - image[None, :, :], axis=2), axis=1)
            assert np.all(nearest < 1e-9)
            checked += len(pts)
    assert checked > 0


def test_the_matrix_J_and_its_entries(scene):
    s = scene
    J = by_hand(*s.point)
    assert np.allclose(matrix_values(s.J_matrix), J)
    entries = [e.tex_string for e in s.hand.get_entries()]
    assert entries[1] == r"\cos x_2"  # the top right entry is cos x2, not cos x1
    assert np.allclose(matrix_values(s.formula_matrix), J)
    assert np.allclose(matrix_values(s.fd_matrix), fd_jacobian(f, s.point), atol=1e-8)
    assert s.gap == pytest.approx(np.abs(matrix_values(s.formula_matrix) - matrix_values(s.fd_matrix)).max())
    assert s.gap < 1e-8
    assert "e-" not in s.gap_line.tex_string and r"\cdot 10^{" in s.gap_line.tex_string


def test_the_slip_is_caught_by_the_nudge(scene):
    s = scene
    x1, x2 = s.point
    curve = np.array([s.slice_axes.p2c(p) for p in anchors(s.slice_curve)])
    assert np.allclose(curve[:, 1], np.cos(x1) + np.sin(curve[:, 0]), atol=1e-9)
    assert s.wrong_slope == pytest.approx(np.cos(x1))
    h, slope = s.secant_slopes[-1]
    assert h <= 0.01 and slope == pytest.approx(np.cos(x2), abs=1e-4)
    assert abs(slope - s.wrong_slope) > 0.9
    assert s.chord_value.get_value() == pytest.approx(slope)  # the chord's slope, read live
    # the slip is written beside the entry it would replace, then struck out
    assert r"\cos x_1" in s.slip_entry.tex_string and len(s.slip_mark) == 3
    # the drawn secant at the end has that slope
    a, b = (np.array(s.slice_axes.p2c(p)) for p in (s.nudger[0].get_start(), s.nudger[0].get_end()))
    assert (b[1] - a[1]) / (b[0] - a[0]) == pytest.approx(slope, abs=1e-6)


def test_bridge_shows_the_gradient_of_the_mean_loss_at_the_start(scene):
    s = scene
    run = load_reference_run()
    W1, W2 = run.W1[0], run.W2[0]

    def mean_loss(w):
        return forward(w[:9].reshape(3, 3), w[9:].reshape(1, 4), run.X, run.y).loss.mean()

    w = np.concatenate([W1.ravel(), W2.ravel()])
    h = 1e-6
    grad = np.array([(mean_loss(w + h * e) - mean_loss(w - h * e)) / (2 * h) for e in np.eye(13)])
    g1, g2 = (matrix_values(m) for m in s.grad_mobs)
    assert g1.shape == (3, 3) and g2.shape == (1, 4)
    # the caption says, in plain words, what the grids hold and when: the loss's slopes, one per weight
    (label,) = (line.text.replace(" ", "") for line in s.bridge_caption)  # one short label, not a paragraph
    assert int(run.steps[0]) == 0 and "beforetraining" in label  # where the slopes are taken
    assert f"{g1.size + g2.size}slopes,oneperweight" in label
    # the diagram shows the same slopes, scaled alike: sign for sign, in the same proportions
    shown = np.concatenate([m.ravel() for m in s.grad_diagram.shown_weights()])
    exact = np.concatenate([s.grad_W1.ravel(), s.grad_W2.ravel()])
    assert np.allclose(shown / np.abs(shown).max(), exact / np.abs(exact).max())
    assert np.allclose(np.concatenate([g1.ravel(), g2.ravel()]), grad, atol=1e-6)


def test_the_bridge_names_its_grids_writes_them_alike_and_clears_f(scene):
    s = scene
    # every entry of both grids is written with one number of decimals, and none reads as zero
    entries = [e for m in s.grad_mobs for e in m.get_entries()]
    places = {e.num_decimal_places for e in entries}
    assert places == {s.grad_places}
    assert all(round(abs(e.get_value()), s.grad_places) > 0 for e in entries)
    # each grid is named in the words the narration uses (no symbol defined only later): how
    # many slopes it holds, and which layer
    for name, g, k in zip(s.grad_names, s.grad_mobs, ("first", "second")):
        assert name.text.replace(" ", "") == f"{len(g.get_entries())}inthe{k}layer"
    # the diagram's edges wear the video's one sign code, and its key says so
    from scenes import style
    from scenes.widgets.diagram import WEIGHT_SCALE
    edges = [*s.grad_diagram.w1_edges.family_members_with_points(), *s.grad_diagram.w2_edges.family_members_with_points()]
    for edge in edges:
        assert edge.get_stroke_color() == style.signed_color(edge.weight, WEIGHT_SCALE)
    # f and its J have left: only the title and the bridge are on screen
    on_screen = set(s.mobjects)
    assert s.J_group not in on_screen and s.formula not in on_screen
    assert s.bridge_block.get_left()[0] >= -7.11 + 0.4 - 1e-6 and s.bridge_block.get_right()[0] <= 7.11 - 0.4 + 1e-6


def test_every_view_keeps_a_margin_from_the_frame_edge(scene):
    from manim import config

    left = -config.frame_width / 2 + 0.4
    assert s_left(scene.slice_axes) >= left - 1e-6 and s_left(scene.slice_names) >= left - 1e-6
    assert scene.gap_line.get_left()[0] >= left - 1e-6


def s_left(mob):
    return mob.get_left()[0]



def test_p_is_named_and_the_output_axes_are_u(scene):
    s = scene
    assert "p = (1" in s.p_label.get_tex_string()
    # p was named on the unbent grid, in f's input plane, beside the point (1, 2) itself
    corner = s.axes.p2c(s.p_label.get_corner(np.array([-1, 1, 0])))
    assert np.linalg.norm(corner - s.point) < 0.3
    assert [n.get_tex_string() for n in s.input_names] == ["x_1", "x_2"]
    assert [n.get_tex_string() for n in s.names] == ["u_1", "u_2"]
    # in the zoom, f(p) is named beside the image of p
    assert "f(p)" in s.zoom_fp[1].get_tex_string()
    gap = s.zoom_fp.get_center() - s.zoom.image_dot.get_center()
    assert np.linalg.norm(gap[:2]) < 0.6 and gap[0] > 0 and gap[1] > 0  # above right: clear of the patch


def test_slice_tick_numbers_sit_level_with_their_ticks_left_of_the_axis(scene):
    ax = scene.slice_axes
    for n in ax.y_axis.numbers:
        tick = ax.c2p(0, n.get_value())
        assert abs(n.get_y() - tick[1]) < 0.02 and n.get_right()[0] < tick[0]
