"""What HiddenLift and ReluFold say about a run is true of the run.

Their words (subcaptions and on-screen text) are collected for the three runs of the
`three_runs` fixture and checked against NumPy recomputations from the run's stored weights.
"""

import re

import numpy as np
import pytest

from tests.scenes.words import scene_words
from toynet_core import forward, load_run

RUNS = ("default", "failed", "poor")


def numbers_in(text):
    return [float(x) for x in re.findall(r"(?<![⁽₀-₉\w])-?\d+(?:\.\d+)?", text)]


@pytest.fixture(scope="module", params=RUNS)
def lift(request, three_runs, media_dir):
    from scenes.ch2_network.hidden_space import HiddenLift

    path = three_runs[request.param]
    return load_run(path), scene_words(HiddenLift, path, media_dir)


@pytest.fixture(scope="module", params=RUNS)
def fold(request, three_runs, media_dir):
    from scenes.ch2_network.relu import ReluFold

    path = three_runs[request.param]
    return load_run(path), scene_words(ReluFold, path, media_dir)


def test_lift_says_where_the_plane_lies(lift):
    run, words = lift
    W1 = run.W1[-1]
    # distance of the plane {W1 x̃} from the origin: |det W1| / |c1 × c2|
    distance = abs(np.linalg.det(W1)) / np.linalg.norm(np.cross(W1[:, 0], W1[:, 1]))
    caption = words.find("Its edges run along the first two columns")
    assert "parallel to them" in caption
    if distance < 0.005:
        assert "through the origin" in caption
    else:
        assert f"{distance:.2f} from the origin" in caption
        assert f"{distance:.2f}" in words.on_screen
    text = words.text()
    assert "spanned by" not in text and "h_1" not in text and "h_3" not in text


def test_lift_says_why_and_calls_back_once(lift):
    _, words = lift
    captions = words.subcaptions
    assert sum("cannot add a dimension" in c for c in captions) == 1
    why = [i for i, c in enumerate(captions) if c.startswith("Why lift")]
    assert why and "ReLU" in captions[why[0] + 1]


def test_lift_gives_the_rank_of_the_map_from_the_plane(lift):
    # x ↦ W⁽¹⁾x̃ is affine; its linear part is W⁽¹⁾'s first two columns (W⁽¹⁾ itself may have rank 3)
    run, words = lift
    rank = int(np.linalg.matrix_rank(run.W1[-1][:, :2]))
    image = {2: "a plane", 1: "a line"}.get(rank, "a point")
    caption = words.find("But a matrix cannot add a dimension")
    assert f"have rank {rank}, so the plane goes to {image}" in caption
    assert "columns 1, 2 of" in words.on_screen and f": rank {rank};" in words.on_screen and f"the plane goes to {image}:" in words.on_screen
    # the words say the map into 3-D is not onto; the screen says so too
    assert "this map into 3-D is not onto" in caption and "not onto" in words.on_screen
    assert "keeps it flat" not in words.text()


def test_fold_counts_are_the_runs(fold):
    run, words = fold
    z1 = forward(run.W1[-1], run.W2[-1], run.X).z1[:, :3]
    moved = (z1 < 0).sum(axis=0)
    total = len(run.X)
    captions = words.subcaptions
    for unit, n in enumerate(moved):
        said = [c for c in captions if c.startswith(f"Unit {unit + 1}")]
        assert said, f"nothing is said about unit {unit + 1}"
        text = " ".join(said)
        if n == 0:
            assert "none of the" in text or ("positive on every point" in text and "no point moves" in text)
        elif n == total:
            assert f"all {total}" in text or "negative on every point" in text
        else:
            assert f"{n} of the {total}" in text or (n < 10 and " of the " in text)
    shown = [[int(row[-2].get_value()), int(row[-1].get_value())] for row in words.scene.counts]
    by_class = [[int(np.sum((z1[:, u] < 0) & (run.y == c))) for c in (0, 1)] for u in range(3)]
    assert shown == by_class
    # the header names the columns: 'orange' over the orange counts, 'blue' over the blue, in
    # their colours, and the table stands below the title's row
    scene = words.scene
    header = scene.counts_key
    assert [m.text for m in header[1:]] == ["orange", "blue"]
    for k, c in ((1, 0), (2, 1)):
        assert header[k].get_color().to_hex() == scene.counts[0][k].get_color().to_hex()
        for row in scene.counts:
            assert abs(row[k].get_center()[0] - header[k].get_center()[0]) < 0.05
            assert row[k].get_top()[1] < header[k].get_bottom()[1]
    assert header.get_top()[1] < scene.title.get_bottom()[1] and header.get_top()[1] < scene.rule.get_bottom()[1]


def test_fold_names_each_crease_or_says_it_misses(fold):
    """Each unit's line z⁽¹⁾ᵢ = 0, cut to the run's sheet: a crease drawn across the sheet in
    the unit's colour, at full stroke once the creases beat ends; a unit whose line misses the
    sheet is named as missing it."""
    from toynet_core.geometry import crease_segments

    run, words = fold
    scene = words.scene
    creases = crease_segments(run.W1[-1], scene.sheet_extent)
    caption = words.find("ReLU sets every negative coordinate")
    for unit, seg in enumerate(creases):
        missing = f"unit {unit + 1}" in caption.split("misses")[0].split("a crease.")[-1]
        assert missing == (seg is None), (unit, caption)
        if seg is not None:
            z = np.column_stack([seg, np.ones(2)]) @ run.W1[-1][unit]
            assert np.allclose(z, 0, atol=1e-9)
    assert ("misses the sheet" in caption) == any(seg is None for seg in creases)


@pytest.mark.parametrize("crosses, missing", [([True, True, True], []), ([True, False, True], ["unit 2"]),
                                              ([False, True, False], ["unit 1", "unit 3"])])
def test_crease_sentence_names_the_lines_that_miss(crosses, missing):
    from scenes.ch2_network.relu import crease_sentence

    text = crease_sentence(crosses)
    assert text.startswith("ReLU sets every negative coordinate to zero.")
    assert ("misses the sheet" in text) == bool(missing)
    for name in missing:
        assert name in text.split("a crease.")[-1]


def test_fold_flat_is_said_once(fold):
    _, words = fold
    assert sum("flat onto" in c for c in words.subcaptions) <= 1


def test_fold_ending_matches_the_runs_split(fold):
    run, words = fold
    f = forward(run.W1[-1], run.W2[-1], run.X)
    wrong = int(np.sum((f.y_hat > 0.5) != (run.y == 1)))
    total = len(run.X)
    last = words.subcaptions[-1]
    if wrong == 0:
        assert "splits them all" in last
    elif wrong <= 0.05 * total:
        assert "all but" in last and "lie apart" in last
    else:
        assert "mixed" in last and f"{wrong} of {total} wrong" in last
        assert "lie apart" not in last and "can split" not in last
    assert int(words.scene.readout[1][0].get_value()) == total - wrong


@pytest.mark.parametrize("moved, crosses", [([0, 5, 200], [True, False, True]),
                                            ([200, 0, 3], [True, False, True]),
                                            ([7, 200, 0], [True, True, False])])
def test_fold_sentences_follow_the_counts(moved, crosses):
    from scenes.ch2_network.relu import fold_sentences

    first, *others = fold_sentences(moved, crosses, 200)
    assert len(first) == 2 and first[0].startswith("Unit 1")
    if moved[0] == 0:
        assert "none of the 200" in first[0] and "no point" in first[1]
    else:
        assert "fold flat" in first[1]
    for unit, (n, cross, text) in enumerate(zip(moved[1:], crosses[1:], others), start=2):
        assert text.startswith(f"Unit {unit}")
        if n == 0:
            assert "no point moves" in text and ("corner" in text) == cross
        elif n == 200:
            assert "every point" in text and "switched off" in text
        else:
            assert "fold flat" not in text


def test_lift_says_when_it_draws_the_square_wider(lift):
    run, words = lift
    W1 = run.W1[-1]
    corners = np.column_stack([[0, 1, 1, 0], [0, 0, 1, 1], np.ones(4)]) @ W1.T
    sv = np.linalg.svd(corners - corners.mean(axis=0), compute_uv=False)
    widened = [c for c in words.subcaptions if c.startswith("Drawn ")]
    if sv[0] / sv[1] >= 4.5:  # too thin to see its corners: drawn wider, and said so
        assert len(widened) == 1
        k = int(widened[0].split()[1])
        assert 2 <= k <= 8 and f"drawn {k}× wider across" in words.on_screen
    else:
        assert not widened and not any("wider" in t for t in words.on_screen)


def test_fold_shades_the_side_each_unit_flattens(fold):
    """The sheet's pieces where z⁽¹⁾ᵢ < 0 take unit i's colour; the kept side does not."""
    from scenes.style import UNIT_COLORS, Z_COLOR

    run, words = fold
    scene = words.scene
    W1 = run.W1[-1]
    for unit in range(3):
        scene.shade(unit).interpolate_mobject(1.0)
        for piece, poly in zip(scene.sheet.piece_mobs, scene.sheet.pieces):
            centre = np.append(poly.mean(axis=0), 1.0)
            flattened = centre @ W1[unit] < 0
            expected = UNIT_COLORS[unit] if flattened else Z_COLOR
            assert piece.get_fill_color().to_hex() == expected.to_hex()
    scene.shade(None).interpolate_mobject(1.0)
