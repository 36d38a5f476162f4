"""The diagram widget and the diagram half of chapter 2 show what the run and numpy say.

Edges are read back from their drawn style (colour, width) as well as from the weight they
carry; scene numbers are read back from DecimalNumber / matrix mobjects and compared with
computations written out here in plain numpy.
"""

import numpy as np
import pytest
from manim import Create, Scene, color_to_rgb

from scenes.style import CLASS_0, CLASS_1, NEGATIVE, POSITIVE
from scenes.widgets.diagram import WEIGHT_SCALE, NetworkDiagram, edge_style
from tests.scenes.harness import run_scene


def weights(seed, scale=2.0):
    rng = np.random.default_rng(seed)
    return rng.normal(0, scale, (3, 3)), rng.normal(0, scale, (1, 4))


def all_edges(diagram):
    """(weight shown, edge) pairs in W1 then W2 order."""
    W1, W2 = diagram.shown_weights()
    pairs = [(W1[i, j], diagram.w1_edges[i][j]) for i in range(3) for j in range(3)]
    return pairs + [(W2[0, j], diagram.w2_edges[j]) for j in range(4)]


def closer_to(rgb, a, b):
    return np.linalg.norm(rgb - color_to_rgb(a)) < np.linalg.norm(rgb - color_to_rgb(b))


# --- the widget -------------------------------------------------------------------------


def test_shown_weights_equal_the_weights_given():
    W1, W2 = weights(1)
    d = NetworkDiagram(W1, W2)
    shown1, shown2 = d.shown_weights()
    assert shown1.shape == (3, 3) and shown2.shape == (1, 4)
    assert np.allclose(shown1, W1) and np.allclose(shown2, W2)
    # w1_edges[i][j] joins input j to hidden unit i: check one edge's ends geometrically.
    edge = d.w1_edges[2][0]
    assert np.linalg.norm(edge.get_start() - d.input_nodes[0].get_center()) < 0.35
    assert np.linalg.norm(edge.get_end() - d.hidden_nodes[2].get_center()) < 0.35


def test_edge_colour_follows_sign_and_width_follows_magnitude():
    W1, W2 = weights(2)
    W1[0, 0], W1[0, 1] = 3 * WEIGHT_SCALE, -2 * WEIGHT_SCALE  # both past the clamp
    d = NetworkDiagram(W1, W2)
    pairs = all_edges(d)
    for w, edge in pairs:
        rgb = color_to_rgb(edge.get_stroke_color())
        assert closer_to(rgb, POSITIVE, NEGATIVE) == (w >= 0)
    widths = {round(abs(w), 9): edge.get_stroke_width() for w, edge in pairs}
    ordered = sorted(widths)
    for small, big in zip(ordered, ordered[1:]):
        if big <= WEIGHT_SCALE:
            assert widths[small] < widths[big]  # strictly wider below the clamp
        else:
            assert widths[small] <= widths[big]
    assert d.w1_edges[0][0].get_stroke_width() == pytest.approx(d.w1_edges[0][1].get_stroke_width())
    assert d.w1_edges[0][0].get_stroke_width() == pytest.approx(edge_style(WEIGHT_SCALE)[1])


def test_set_weights_restyles_directly_and_through_animate(media_dir):
    W1a, W2a = weights(3)
    W1b, W2b = -W1a, -W2a  # every sign flips
    d = NetworkDiagram(W1a, W2a)
    before = [e.get_stroke_color() for _, e in all_edges(d)]
    assert d.set_weights(W1b, W2b) is d
    assert np.allclose(d.shown_weights()[0], W1b)
    after = [e.get_stroke_color() for _, e in all_edges(d)]
    assert all(a != b for a, b in zip(before, after))

    class Restyle(Scene):
        def construct(self):
            self.diagram = NetworkDiagram(W1a, W2a)
            self.play(Create(self.diagram))
            self.play(self.diagram.animate.set_weights(W1b, W2b))

    scene = run_scene(Restyle, media_dir)
    shown1, shown2 = scene.diagram.shown_weights()
    assert np.allclose(shown1, W1b) and np.allclose(shown2, W2b)
    for w, edge in all_edges(scene.diagram):
        color, width = edge_style(w)
        assert edge.get_stroke_width() == pytest.approx(width)
        assert np.allclose(color_to_rgb(edge.get_stroke_color()), color_to_rgb(color), atol=1e-3)


# --- Architecture -----------------------------------------------------------------------


def test_architecture_shows_the_run_final_weights(media_dir):
    from scenes.ch2_network.architecture import Architecture
    from scenes.run_data import load_scene_run

    run = load_scene_run()
    scene = run_scene(Architecture, media_dir)
    d = scene.diagram
    on_screen = scene.get_mobject_family_members()
    assert all(edge in on_screen for _, edge in all_edges(d))
    shown1, shown2 = d.shown_weights()
    assert np.allclose(shown1, run.W1[-1]) and np.allclose(shown2, run.W2[-1])
    # The drawn style is the one those weights call for, edge by edge.
    for w, edge in all_edges(d):
        color, width = edge_style(w)
        assert edge.get_stroke_width() == pytest.approx(width)
        assert np.allclose(color_to_rgb(edge.get_stroke_color()), color_to_rgb(color), atol=1e-3)


# --- SigmoidOutput ----------------------------------------------------------------------


def test_sigmoid_scene_shows_the_run_outputs_at_the_xor_points(media_dir):
    from scenes.ch2_network.sigmoid import SigmoidOutput
    from scenes.run_data import load_scene_run

    run = load_scene_run()
    W1, W2 = run.W1[-1], run.W2[-1]
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    labels = [0, 1, 1, 0]
    # The forward pass written out here, independently of toynet_core.
    x_tilde = np.hstack([corners, np.ones((4, 1))])
    hidden = np.maximum(np.hstack([x_tilde @ W1.T, np.ones((4, 1))]), 0)
    z2 = hidden @ W2[0]
    y_hat = 1 / (1 + np.exp(-z2))

    scene = run_scene(SigmoidOutput, media_dir)
    numbers = scene.yhat_numbers
    assert len(numbers) == 4
    for row, v in zip(numbers, y_hat):
        assert row.value == pytest.approx(v)
        drawn = row[-1].tex_string
        # two decimals, or the few more a value needs not to read as 0 or 1; never 0 or 1
        digits = drawn.replace(r"\ldots", "")
        places = len(digits.split(".")[1])
        assert 2 <= places <= 4
        assert 0 < float(digits) < 1 or drawn.endswith(r"\ldots")
        assert abs(float(digits) - v) <= 10.0**-places
    # the table reads large: its rows are as tall as body text, not footnotes
    from scenes.style import BODY
    assert all(row.font_size >= BODY for row in numbers)
    assert all(row.get_right()[0] < 7.1 - 0.2 for row in numbers)
    # nothing on screen claims the curve reaches 0 or 1
    assert not any(m[-1].tex_string in ("1.00", "0.00", "1.000") for m in scene.yhat_numbers)
    # Dots sit on the curve at (z2, ŷ), coloured by class.
    for dot, z, v, label in zip(scene.run_dots, z2, y_hat, labels):
        back = scene.axes.p2c(dot.get_center())
        assert back[0] == pytest.approx(z, abs=1e-6) and back[1] == pytest.approx(v, abs=1e-6)
        assert closer_to(color_to_rgb(dot.get_fill_color()), CLASS_1 if label else CLASS_0,
                         CLASS_0 if label else CLASS_1)


# --- AffineTrick ------------------------------------------------------------------------


def entries(matrix):
    """Numbers a Matrix mobject displays, rows x columns."""
    return np.array([[float(e.get_value()) for e in row] for row in matrix.get_rows()])


def test_sigmoid_values_are_honest_at_two_decimals():
    from scenes.ch2_network.sigmoid import honest, sig

    assert honest(sig(0)) == ("=", "0.50")
    assert honest(sig(5)) == (r"\approx", "0.99")  # 0.9933
    assert honest(sig(7)) == (r"\approx", "0.999")  # 0.99909: never "1.00"
    assert honest(sig(-7)) == (r"\approx", "0.001")
    assert honest(sig(12)) == ("=", r"0.9999\ldots")  # four decimals at most, then cut
    assert honest(sig(1)) == (r"\approx", "0.73")


def test_affine_trick_matrices_agree(media_dir):
    from scenes.ch2_network.affine import AffineTrick
    from scenes.run_data import load_scene_run

    s = run_scene(AffineTrick, media_dir)
    A, x, b = entries(s.A), entries(s.x), entries(s.b)
    A_prime, x_prime = entries(s.A_prime), entries(s.x_prime)
    assert A.shape == (2, 2) and x.shape == (2, 1) and b.shape == (2, 1)
    assert np.array_equal(A_prime, np.hstack([A, b]))
    assert np.array_equal(x_prime, np.vstack([x, [[1.0]]]))
    # Both results as drawn, against products done here.
    assert np.array_equal(entries(s.affine_result), A @ x + b)
    assert np.array_equal(entries(s.stacked_result), A_prime @ x_prime)
    assert not np.array_equal(A @ x, A @ x + b)  # the example's offset is not zero

    run = load_scene_run()
    assert np.allclose(entries(s.w1_matrix), run.W1[-1], atol=0.005 + 1e-9)
    assert np.allclose(entries(s.w2_matrix), run.W2[-1], atol=0.005 + 1e-9)
    # The highlights sit on the bias column of W1 and the last entry of W2.
    assert s.w1_bias_box.get_center()[0] == pytest.approx(s.w1_matrix.get_columns()[-1].get_center()[0])
    assert s.w2_bias_box.get_center()[0] == pytest.approx(s.w2_matrix.get_columns()[-1].get_center()[0])
    # The small plane's line is a hidden unit's, a row of W1: drawn in W1's colour, and the
    # plane sits clear of the title.
    from scenes.style import W1_COLOR
    assert s.boundary.get_color() == W1_COLOR
    assert s.inset.get_top()[1] < s.title.get_bottom()[1] - 0.3

    # The line the plane ends on is a real unit's: its equation carries that row of W1 (two
    # decimals), and the drawn line is where the row's weighted sum is 0.
    from scenes.ch2_network.affine import shown_unit
    W1 = run.W1[-1]
    u = s.unit
    assert u == shown_unit(W1)
    assert np.allclose(s.equations[1].coefficients, np.round(W1[u], 2))
    assert np.allclose(s.equations[0].coefficients, np.round(W1[u] * [1, 1, 0], 2))
    shown = "".join(s.equations[1].get_tex_string().split())
    expected = (f"{W1[u, 0]:.2f}" + r"\,x_1" + ("+" if W1[u, 1] >= 0 else "-") + f"{abs(W1[u, 1]):.2f}" + r"\,x_2"
                + ("+" if W1[u, 2] >= 0 else "-") + f"{abs(W1[u, 2]):.2f}=0")
    assert shown.endswith(expected) and f"unit{u + 1}:" in shown
    ends = np.array([s.inset[0].p2c(p)[:2] for p in (s.boundary.get_start(), s.boundary.get_end())])
    assert np.allclose(ends @ W1[u, :2] + W1[u, 2], 0, atol=1e-6)


def test_shown_weights_follow_an_animation_midway():
    W1a, W2a = weights(4)
    W1b, W2b = weights(5)
    d = NetworkDiagram(W1a, W2a)
    anim = d.animate.set_weights(W1b, W2b).build()
    anim.begin()
    anim.interpolate(0.5)
    shown1, shown2 = d.shown_weights()
    assert np.allclose(shown1, (W1a + W1b) / 2) and np.allclose(shown2, (W2a + W2b) / 2)
    anim.finish()
    assert np.allclose(d.shown_weights()[0], W1b)


def test_architecture_words_use_the_one_notation_and_computed_shapes(media_dir):
    from scenes.ch2_network.architecture import Architecture, strongest
    from scenes.pacing import narration
    from scenes.run_data import load_scene_run

    run = load_scene_run()
    scene = run_scene(Architecture, media_dir)
    words = " ".join(n.subcaption for n in narration(scene))
    # terms training defines later are not used here
    for term in ("SGD", "epoch", "step"):
        assert term not in words
    # layers are superscripts: no z_1, x_2 (as a layer) or z_2 in any label on screen
    labels = [m.get_tex_string() for m in scene.top + scene.bottom]
    assert not any(old in s for s in labels for old in ("z_1", "z_2", "x_2"))
    assert any("z^{(1)}" in s and "x^{(2)}" in s for s in labels)
    # the sizes said are the arrays' own
    W1, W2 = run.W1[-1], run.W2[-1]
    assert f"W⁽¹⁾ is {W1.shape[0]}×{W1.shape[1]}" in words and f"W⁽²⁾ is {W2.shape[0]}×{W2.shape[1]}" in words
    assert "x̃ has 3 entries" in words and "x⁽²⁾ have 4" in words
    # the two marked edges carry the largest positive and the most negative first-layer weight
    pos, neg = scene.marked
    assert pos.weight == W1.max() > 0 and neg.weight == W1.min() < 0
    assert strongest(np.array([[1.0, -3.0], [2.0, 0.5]]), -1) == (0, 1)


def test_relu_glyphs_fill_their_nodes(media_dir):
    from scenes.ch2_network.architecture import Architecture

    d = run_scene(Architecture, media_dir).diagram
    for node in d.hidden_nodes[:3]:
        circle, glyph = node[0], node[1]
        assert glyph.width >= 0.6 * circle.width  # the old glyph was about a third of it
        assert np.linalg.norm(glyph.get_center() - circle.get_center()) < 0.05
    # the widget's defaults keep the old look for the scenes that do not ask for more
    W1, W2 = weights(6)
    small = NetworkDiagram(W1, W2).hidden_nodes[0]
    assert small[1].width < 0.6 * small[0].width


def test_architecture_works_out_the_first_unit_with_the_run_weights(media_dir):
    from scenes.ch2_network.architecture import Architecture
    from scenes.run_data import load_scene_run

    w = load_scene_run().W1[-1][0]
    shown = "".join(run_scene(Architecture, media_dir).worked.get_tex_string().split())
    expected = (f"={w[0]:.2f}" + r"\,x_1" + ("+" if w[1] >= 0 else "-") + f"{abs(w[1]):.2f}" + r"\,x_2"
                + ("+" if w[2] >= 0 else "-") + f"{abs(w[2]):.2f}")
    assert shown.endswith(expected)


def test_architecture_part_boxes_hold_whole_columns(media_dir):
    """The first box holds the input brace and the hidden units whole (ReLU glyphs and all);
    the second starts after them: no node is cut by a box's edge."""
    from scenes.ch2_network.architecture import Architecture

    scene = run_scene(Architecture, media_dir)
    d, move, cut = scene.diagram, scene.move_box, scene.cut_box
    assert move.get_left()[0] < scene.brace.get_left()[0]
    assert move.get_right()[0] > d.hidden_nodes.get_right()[0]
    assert move.get_right()[0] < cut.get_left()[0] < d.output_node.get_left()[0]
    assert cut.get_right()[0] > d.output_node.get_right()[0]


def test_architecture_lights_row_i_of_w1_with_unit_i(media_dir):
    from scenes.ch2_network.architecture import Architecture
    from scenes.pacing import narration
    from scenes.run_data import load_scene_run

    scene = run_scene(Architecture, media_dir)
    assert np.allclose(entries(scene.w1_matrix), load_scene_run().W1[-1], atol=0.005 + 1e-9)
    rows = scene.w1_matrix.get_rows()
    assert len(scene.row_lights) == 3
    for light, row in zip(scene.row_lights, rows):
        assert np.allclose(light.get_center()[:2], row.get_center()[:2], atol=0.05)
    words = " ".join(n.subcaption for n in narration(scene))
    assert "one row of W⁽¹⁾" in words
    assert words.count("ReLU keeps") == 0  # ReluGraph defines ReLU; here it is only named
