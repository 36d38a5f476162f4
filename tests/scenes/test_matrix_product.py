"""MatrixVectorProduct and MatrixProduct show products that numpy and the network agree with:
every matrix is read back from the screen and recomputed here."""

import numpy as np
import pytest

from scenes.run_data import load_reference_run
from scenes.widgets.matrices import matrix_values
from tests.scenes.harness import run_scene
from toynet_core import forward

# The post's matrix and the inputs the scenes use (given, not results).
A = np.arange(1, 13).reshape(3, 4)


def ints(matrix_mob):
    """The numbers an IntegerMatrix shows, read from its entries."""
    return np.array([[float(e.get_value()) for e in r] for r in matrix_mob.get_rows()])


@pytest.fixture(scope="module")
def mvp(media_dir):
    from scenes.ch1_math.matrix_product import MatrixVectorProduct

    return run_scene(MatrixVectorProduct, media_dir)


@pytest.fixture(scope="module")
def mp(media_dir):
    from scenes.ch1_math.matrix_product import MatrixProduct

    return run_scene(MatrixProduct, media_dir)


def test_matrix_vector_product_rows(mvp):
    s = mvp
    x = ints(s.x_mob).ravel()
    assert np.array_equal(ints(s.A_mob), A)
    assert np.array_equal([float(e.tex_string) for e in s.laid], x)  # x on its side is x
    assert np.array_equal(ints(s.y_mob).ravel(), A @ x)
    assert all(e.get_fill_opacity() > 0.5 for e in s.y_mob.get_entries())  # every sum has landed
    assert len(s.row_terms) == 3
    for i, products in enumerate(s.row_terms):
        assert np.array_equal(products, A[i] * x)


def test_hidden_layer_bridge_is_the_networks_first_layer(mvp):
    s = mvp
    run = load_reference_run()
    W1, W2 = run.W1[-1], run.W2[-1]
    shown_W1 = matrix_values(s.W1_mob)
    assert np.allclose(shown_W1, W1, atol=0.005 + 1e-12)  # the trained weights, to 2 decimals
    assert np.allclose(shown_W1, np.round(shown_W1, 2))
    x_tilde = matrix_values(s.xt_mob).ravel()
    assert np.allclose(x_tilde, [1, 0, 1])  # the corner (1, 0) with its 1
    sums = matrix_values(s.h_mob).ravel()
    # each shown sum is the sum of the shown terms, to the cent
    for row, total in zip(shown_W1, sums):
        assert f"{sum(round(w * x, 2) for w, x in zip(row, x_tilde)):.2f}" == f"{total:.2f}"
    z1 = forward(W1, W2, np.array([[1.0, 0.0]])).z1[0, :3]
    assert np.allclose(sums, z1, atol=0.02)  # and within rounding of the network's own sums


def test_matrix_product_columns(mp):
    s = mp
    A_shown, B_shown, C_shown = ints(s.A_mob), ints(s.B_mob), ints(s.C_mob)
    assert np.array_equal(A_shown, A)
    assert np.array_equal(C_shown, A_shown @ B_shown)
    assert all(e.get_fill_opacity() > 0.5 for e in s.C_mob.get_entries())
    assert len(s.steps) == B_shown.shape[1]
    for j, lines in enumerate(s.steps):  # each row's sum, written out, is the entry it fills
        for i, line in enumerate(lines):
            assert float(line[-1].tex_string) == C_shown[i, j]
    m, k, k2, n = s.sizes
    assert (m, k) == A_shown.shape and (k2, n) == B_shown.shape and k == k2


def test_b_then_a_lands_where_ab_does(mp):
    s = mp
    x = ints(s.x_in_mob).ravel()
    B_shown, C_shown = ints(s.B_mob), ints(s.C_mob)
    assert np.array_equal(ints(s.Bx_mob).ravel(), B_shown @ x)
    assert np.array_equal(ints(s.steps_mob).ravel(), A @ (B_shown @ x))
    assert np.array_equal(ints(s.once_mob).ravel(), C_shown @ x)
    assert np.array_equal(ints(s.steps_mob), ints(s.once_mob))
    for m in (s.steps_mob, s.once_mob):  # both results are on screen at the end
        assert all(e.get_fill_opacity() > 0.5 for e in m.get_entries())


def test_bridge_names_are_readable_and_under_their_matrices(mvp):
    from scenes import style

    s = mvp
    words = [tag[0] for tag in s.bridge_tags]
    assert [w.text for w in words] == ["weights", "input", "sums"]
    # sans type at LABEL size or larger: about 14 px or more at 480p
    assert all(w.font_size >= style.LABEL - 0.01 for w in words), [w.font_size for w in words]
    for tag, matrix in zip(s.bridge_tags, (s.W1_mob, s.xt_mob, s.h_mob)):
        assert tag.get_top()[1] < matrix.get_bottom()[1]  # under its matrix
        assert abs(tag.get_x() - matrix.get_x()) < 0.5 * max(tag.width, matrix.width)
    # the tags do not touch each other
    for a, b in zip(s.bridge_tags[:-1], s.bridge_tags[1:]):
        assert a.get_right()[0] < b.get_left()[0]


def test_rows_of_a_stay_on_the_matrix_grid(mvp):
    # after every row has been pointed at, each entry of A sits in its row and its column
    rows = mvp.A_mob.get_rows()
    for row in rows:
        ys = [e.get_y() for e in row]
        assert np.ptp(ys) < 0.02  # glyphs of different heights, centred on one line
    heights = [e.height for e in rows[1]] + [e.height for e in rows[0]]
    assert max(heights) < 1.05 * min(heights)


def test_the_layer_is_drawn_one_unit_per_sum_and_pairs_are_multiplied(mvp):
    s = mvp
    # three hidden units, one level with each sum of W⁽¹⁾ x̃, right of the sums
    sums = s.h_mob.get_entries()
    assert len(s.hidden_units) == len(sums) == s.W1.shape[0]
    for unit, entry in zip(s.hidden_units, sums):
        assert abs(unit.get_y() - entry.get_y()) < 1e-6 and unit.get_left()[0] > s.h_mob.get_right()[0]
    # each of the last row's four pairs has a × between its two numbers
    assert len(s.pair_marks) == 4 and all(m.tex_string == r"\times" for m in s.pair_marks)
