"""PlaneWarp draws f(x) = (cos x1 + sin x2, √(x1² + x2²)) truthfully: every drawn line and
point is read back and compared with f written out here, and the network preview with the
run's own forward pass."""

import re

import numpy as np
import pytest

from scenes.run_data import DEFAULT_RUN, load_reference_run
from scenes.widgets.grid import CoordinateFrame, anchors
from tests.scenes.harness import run_scene
from toynet_core import forward, load_run
from toynet_core.plane_maps import X1, X2


def f(p):
    p = np.asarray(p, float)
    return np.stack([np.cos(p[..., 0]) + np.sin(p[..., 1]), np.sqrt(p[..., 0] ** 2 + p[..., 1] ** 2)], axis=-1)


def drawn(axes, vmob):
    return CoordinateFrame(axes).to_coords(anchors(vmob))


@pytest.fixture(scope="module")
def scene(media_dir):
    from scenes.ch1_math.plane_warp import PlaneWarp

    return run_scene(PlaneWarp, media_dir)


def test_every_grid_line_ends_on_its_image(scene):
    s = scene
    assert len(s.grid) >= 10
    for line, coords in zip(s.grid, s.grid.drawn_coords()):
        assert np.allclose(coords, f(line.source), atol=1e-9)
    # both directions are there, and each line really ran along its direction before the map
    for direction, fixed in ((X1, 1), (X2, 0)):
        lines = s.grid.lines_along(direction)
        assert len(lines) >= 5
        assert all(np.allclose(m.source[:, fixed], m.value) for m in lines)


def test_the_followed_point_and_its_readout(scene):
    s = scene
    hops_in, hops_out = s.hops
    landed = np.array([s.axes.p2c(d.get_center()) for d in s.hoppers])
    assert np.allclose(landed, f(hops_in), atol=1e-6) and np.allclose(hops_out, f(hops_in))
    # each point stays marked where it started, and its trail runs from there to its image
    sources = np.array([s.axes.p2c(d.get_center()) for d in s.hop_sources])
    assert np.allclose(sources, hops_in, atol=1e-6)
    for trail, a, b in zip(s.hop_trails, hops_in, hops_out):
        assert np.allclose(s.axes.p2c(trail.get_start()), a, atol=1e-6)
        assert np.allclose(s.axes.p2c(trail.get_end()), b, atol=1e-6)
    assert np.allclose(s.image_of_p, f([1.0, 2.0]))
    shown = [float(v) for v in re.findall(r"-?\d+\.\d+", s.p_readout.tex_string)]
    assert np.allclose(shown, np.round(f([1.0, 2.0]), 2))


def test_two_lines_fold_onto_one_curve(scene):
    s = scene
    left, right = (drawn(s.axes, m) for m in s.pair_in)
    assert np.allclose(left, right, atol=1e-9)
    t = np.linspace(-2, 2, len(left))
    assert np.allclose(left, f(np.stack([np.full_like(t, 2.0), t], axis=1)), atol=1e-9)


def test_mirror_inputs_ride_to_one_image(scene):
    s = scene
    from scenes.ch1_math.plane_warp import FOLD

    links, sources, images = s.mirror_riders
    x = np.array([s.axes.p2c(d.get_center()) for d in sources])
    assert np.allclose(x[:, 0], [-FOLD, FOLD]) and np.isclose(x[0, 1], x[1, 1])  # mirror images
    y = np.array([s.axes.p2c(d.get_center()) for d in images])
    assert np.allclose(y, f(x), atol=1e-9) and np.allclose(y[0], y[1], atol=1e-9)  # one output


def test_walk_through_the_origin_and_its_corner(scene):
    s = scene
    walk, image = s.walk
    assert np.allclose(walk[:, 0], 0) and np.any(np.all(walk == 0, axis=1))  # through the origin
    assert np.allclose(image, f(walk))
    assert np.allclose(s.origin_image, [1.0, 0.0])
    # the slice beside the plane is the second output along the walk
    slice_xy = drawn(s.slice_axes, s.slice)
    assert np.allclose(slice_xy[:, 1], f(np.stack([np.zeros(len(slice_xy)), slice_xy[:, 0]], axis=1))[:, 1])
    # the two one-sided slopes drawn at the origin are the difference quotients from each side
    h = 1e-7
    left = (f([0.0, 0.0])[1] - f([0.0, -h])[1]) / h
    right = (f([0.0, h])[1] - f([0.0, 0.0])[1]) / h
    assert np.allclose(s.one_sided, [left, right], atol=1e-6)
    assert left != pytest.approx(right)  # no single slope: no derivative at the origin


def test_network_preview_is_the_runs_hidden_layer(scene):
    s = scene
    run = load_reference_run()
    i, j = s.pair
    hidden = forward(run.W1[-1], run.W2[-1], run.X).x2[:, [i, j]]
    dots = np.array([s.net_axes.p2c(d.get_center()) for d in s.net_dots])
    assert np.allclose(dots, hidden, atol=1e-6)
    grid = run.W1[-1]
    for line, coords in zip(s.net_grid, s.net_grid.drawn_coords()):
        x_tilde = np.hstack([line.source, np.ones((len(line.source), 1))])
        assert np.allclose(coords, np.maximum(x_tilde @ grid.T, 0)[:, [i, j]], atol=1e-9)
    # the creases lie on the axes, where ReLU flattened the points that one unit sent below 0
    assert s.flattened == int(np.isclose(hidden, 0.0).any(axis=1).sum()) > 0
    for crease in s.net_creases:
        ends = np.array([s.net_axes.p2c(p) for p in (crease.get_start(), crease.get_end())])
        assert np.allclose(ends.min(axis=1), 0, atol=1e-9)
    # the drawn cut: both ends on the line w·p + c = 0, and the count it claims
    w, c = s.cut
    ends = np.array([s.net_axes.p2c(p) for p in (s.cut_line.get_start(), s.cut_line.get_end())])
    assert np.allclose(ends @ w + c, 0, atol=1e-6 * np.abs(w).sum())
    right = int(np.sum((hidden @ w + c > 0) == (run.y > 0.5)))
    assert s.cut_count == (right, len(run.y)) and s.counter.get_value() == right
    assert right >= 0.95 * len(run.y)
    # each point on the wrong side is ringed where it is drawn, and only those
    wrong = np.flatnonzero((hidden @ w + c > 0) != (run.y > 0.5))
    assert len(s.wrong_rings) == len(wrong) == len(run.y) - right
    for ring, i in zip(s.wrong_rings, wrong):
        assert np.allclose(ring.get_center(), s.net_dots[i].get_center(), atol=1e-6)
        assert ring.get_stroke_opacity() > 0.9
    # the dots' colours are named beside them, in the dots' own colours
    from scenes.style import class_color
    assert any(s.class_key in m.get_family() for m in s.mobjects)
    for k, (dot, _) in enumerate(s.class_key):
        assert dot.get_fill_color() == class_color(k) and dot.get_fill_opacity() > 0.9


# --- the bridge speaks of the reference run, whatever run the video is rendered for ----------
RUNS = ("default", "failed", "poor")


@pytest.fixture(scope="module", params=RUNS)
def bridge_words(request, three_runs, media_dir):
    from scenes.ch1_math.plane_warp import PlaneWarp
    from tests.scenes.words import scene_words

    path = three_runs[request.param]
    # the scene is built with TOYNET_RUN set to each run; its words must be the reference run's
    return load_run(DEFAULT_RUN), scene_words(PlaneWarp, path, media_dir)


def test_the_cut_count_in_the_words_is_true_of_the_run(bridge_words):
    run, words = bridge_words
    s = words.scene
    i, j = s.pair
    hidden = forward(run.W1[-1], run.W2[-1], run.X).x2[:, [i, j]]
    w, c = s.cut
    right = int(np.sum((hidden @ w + c > 0) == (run.y > 0.5)))
    said = words.find("ReLU folds:")
    assert f"separates {right} of the {len(run.y)} points" in said
    # a cut no better than calling every point one class (half of them) would not be worth showing
    assert right >= 0.5 * len(run.y)


def test_zoom_window_shows_the_squares_image_as_a_strip(scene):
    s = scene
    run = load_reference_run()
    i, j = s.pair
    W = run.W1[-1][[i, j]]
    A, b = W[:, :2], W[:, 2]
    # every corner of the filled shape, read back from the zoom to the units' plane, lies in the
    # image of the grid's square [-0.25, 1.25]² under the two units' weighted sums
    shape = s.zoom_strip.get_vertices()[:, :2]
    hidden = s.zoom_centre + (shape - s.zoom_mid) / s.zoom_scale
    inputs = np.linalg.solve(A, (hidden - b).T).T
    assert np.all(inputs > -0.25 - 1e-6) and np.all(inputs < 1.25 + 1e-6)
    # and it is a strip, not a line: its width across fills about half the window, a width
    # the plane itself shows `zoom_factor` times smaller
    long = A @ np.array([1.0, 0.0]) if np.linalg.norm(A[:, 0]) > np.linalg.norm(A[:, 1]) else A[:, 1]
    normal = np.array([-long[1], long[0]]) / np.linalg.norm(long)
    width = np.ptp(shape @ normal)
    assert 0.3 * 2.6 < width < 2.6
    assert s.zoom_factor >= 3
    # the label above the window names it and its factor, and stays left of the plane
    words = "".join(t.text for t in s.zoom_label).replace(" ", "")  # Text keeps no spaces
    assert "whitebox" in words and f"{s.zoom_factor:.0f}×larger" in words
    assert s.zoom_label.get_bottom()[1] > s.net_zoom[0][1].get_top()[1]
    assert s.zoom_label.get_right()[0] < s.net_axes.get_left()[0]


def test_zoom_window_shows_every_point_in_the_white_box(scene):
    """Read back from the picture: the dots whose centres lie in the white box on the plane
    are the dots shown in the window, each where the zoom sends it (as the box glides, too)."""
    s = scene
    s.zoom_view(0.37)
    for dot, shown in zip(s.net_zoom[2], s.zoom_shown):
        dot.set_fill(opacity=float(shown))
    run = load_reference_run()
    i, j = s.pair
    W = run.W1[-1][[i, j]]
    sums = np.hstack([run.X, np.ones((len(run.X), 1))]) @ W.T
    marker = s.zoom_marker
    lo, hi = (s.net_axes.p2c(marker.get_corner(c)) for c in (np.array([-1, -1, 0]), np.array([1, 1, 0])))
    in_box = np.all((sums > lo) & (sums < hi), axis=1)
    window_dots = np.array([d.get_center()[:2] for d in s.net_zoom[2] if d.get_fill_opacity() > 0])
    assert len(window_dots) == int(in_box.sum()) > 10
    read_back = s.zoom_centre + (window_dots - s.zoom_mid) / s.zoom_scale
    assert np.allclose(np.sort(read_back, axis=0), np.sort(sums[in_box], axis=0), atol=1e-6)


def test_walkers_on_the_plane_ride_with_the_slope(scene):
    s = scene
    walker, image_walker, _ = s.walkers
    t = s.corner_x2
    assert np.allclose(s.axes.p2c(walker.get_center()), [0.0, t], atol=1e-6)
    assert np.allclose(s.axes.p2c(image_walker.get_center()), f([0.0, t]), atol=1e-6)


def test_the_cut_stays_on_the_grid_and_the_creases_are_named(scene):
    s = scene
    x0, x1, y0, y1 = s.cut_box
    ends = np.array([s.net_axes.p2c(p) for p in (s.cut_line.get_start(), s.cut_line.get_end())])
    assert np.all(ends[:, 0] >= x0 - 1e-6) and np.all(ends[:, 0] <= x1 + 1e-6)
    assert np.all(ends[:, 1] >= y0 - 1e-6) and np.all(ends[:, 1] <= y1 + 1e-6)
    assert [t.text for t in s.crease_names] == ["crease", "crease"]
    # the folded grid and the points stay in view to the end
    assert all(d.get_fill_opacity() > 0.5 for d in s.net_dots)
    assert all(line.get_stroke_opacity() > 0.5 for line in s.net_grid)
