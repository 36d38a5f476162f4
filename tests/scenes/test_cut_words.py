"""What SeparatingPlane, DecisionRegions and ThreeRoles say about a run is true of the run.

Their words (subcaptions and on-screen text) are collected for three runs (the `three_runs`
fixture: the default run, the committed failed run and a poorly trained one), and every
run-dependent statement is checked against NumPy written out here from the stored weights.
"""

import numpy as np
import pytest

from scenes.style import CLASS_NAMES
from tests.scenes.words import scene_words
from toynet_core import load_run

RUNS = ("default", "failed", "poor")


def scores(W1, W2, X):
    """z⁽²⁾ for every row of X, the forward pass written out."""
    hidden = np.maximum(np.column_stack([X, np.ones(len(X))]) @ np.asarray(W1).T, 0)
    return hidden @ np.asarray(W2)[0, :3] + np.asarray(W2)[0, 3]


def wrong_points(run, k=-1):
    return np.flatnonzero((scores(run.W1[k], run.W2[k], run.X) > 0) != (run.y == 1))


@pytest.fixture(scope="module", params=RUNS)
def plane_words(request, three_runs, media_dir):
    from scenes.ch2_network.classifier import SeparatingPlane

    path = three_runs[request.param]
    return request.param, load_run(path), scene_words(SeparatingPlane, path, media_dir)


def test_plane_counts_and_rings_are_the_runs(plane_words):
    _, run, words = plane_words
    wrong, n = wrong_points(run), len(run.y)
    text = words.find("Count each side")
    if len(wrong) == 0:
        assert f"all {n} points" in text
    elif len(wrong) == 1:
        assert f"all but one of the {n} points" in text
    else:
        assert f"{len(wrong)} of the {n} points are on the wrong side" in text
    ringed = [c for c in words.subcaptions if "ringed" in c and "wrong side" in c]
    assert len(ringed) == (1 if len(wrong) else 0)
    if len(wrong) > 1:
        assert f"The {len(wrong)} points on the wrong side" in ringed[0]
    # the table's four counts are on screen
    z2 = scores(run.W1[-1], run.W2[-1], run.X)
    for side in (z2 <= 0, z2 > 0):
        for c in (0, 1):
            assert str(int(np.sum(side & (run.y == c)))) in words.on_screen


def test_plane_misses_the_origin_by_the_runs_distance(plane_words):
    _, run, words = plane_words
    w = run.W2[-1][0]
    assert f"miss the origin, here by {abs(w[3]) / np.linalg.norm(w[:3]):.2f}." in words.find("The second layer")


def test_plane_says_it_splits_the_classes_only_when_it_does(plane_words):
    name, run, words = plane_words
    wrong, n = wrong_points(run), len(run.y)
    text = words.find("Seen edge on")
    clean = len(wrong) <= 0.05 * n
    assert ("orange on one side" in text or "all the orange on one side" in text) == clean
    assert ("does not split the classes" in text) == (not clean)
    if not clean:  # which colour lies on both sides, counted here
        z2 = scores(run.W1[-1], run.W2[-1], run.X)
        both = [c for c in (0, 1) if np.any((z2 > 0) & (run.y == c)) and np.any((z2 <= 0) & (run.y == c))]
        named = dict(enumerate(CLASS_NAMES))
        if len(both) == 1:
            assert f"{named[both[0]]} lies on both sides" in text
    if name == "poor":  # the run whose words used to be false
        assert not clean and f"{len(wrong)} of the {n} points are on the wrong side" in words.find("Count each side")


@pytest.fixture(scope="module", params=RUNS)
def region_words(request, three_runs, media_dir):
    from scenes.ch2_network.classifier import DecisionRegions

    path = three_runs[request.param]
    return request.param, load_run(path), scene_words(DecisionRegions, path, media_dir)


def units_named(text):
    """The unit numbers a phrase such as 'of units 1 and 3' or 'of unit 2' names."""
    import re

    found = re.search(r"units? ([\d, and]+)", text)
    return {int(d) - 1 for d in re.findall(r"\d", found.group(1))} if found else set()


def sampled_lines(scene):
    """Points along each drawn boundary line, in input coordinates."""
    lines = []
    for mob in scene.boundary:
        corners = np.array([scene.axes.p2c(p)[:2] for p in mob.get_anchors()])
        t = np.linspace(0, 1, 60)[:, None]
        lines.append(np.concatenate([a + t * (b - a) for a, b in zip(corners[:-1], corners[1:])]))
    return lines


def test_boundary_words_say_what_the_lines_do(region_words):
    """Straight or bent, crossing creases or not: measured on the drawn lines with NumPy."""
    name, run, words = region_words
    W1, W2 = run.W1[-1], run.W2[-1]
    lines = sampled_lines(words.scene)
    shape = words.find("Here the boundary")
    assert all(np.allclose(scores(W1, W2, P), 0, atol=1e-6) for P in lines)
    number = {1: "one", 2: "two", 3: "three"}.get(len(lines), str(len(lines)))
    assert f"boundary is {number}" in shape
    bent = []
    for P in lines:
        chord = P[-1] - P[0]
        normal = np.array([-chord[1], chord[0]]) / np.linalg.norm(chord)
        bent.append(np.abs((P - P[0]) @ normal).max() > 0.02 * np.linalg.norm(chord))
    assert ("bend" in shape) == any(bent)
    assert ("straight" in shape) == (not any(bent))
    why = words.subcaptions[words.subcaptions.index(shape) + 1]
    # which creases a line crosses: where a unit's pre-activation changes sign along it
    crossed = set()
    for P in lines:
        pre = np.column_stack([P, np.ones(len(P))]) @ W1.T
        crossed |= {u for u in range(3) if (pre[:, u] > 0).any() and (pre[:, u] < 0).any()}
    if not crossed:
        assert "crosses no crease" in why or "neither crosses a crease" in why
    if any(bent):
        assert "turns where it crosses a crease" in why
        named = units_named(why.split("crease")[-1])
        assert named and named <= crossed
    if not crossed and len(lines) <= 2:  # the regions each line runs through, named
        for P in lines:
            units = units_on_midway(P, W1)
            if len(units) >= 2:
                phrase = "units " + ", ".join(map(str, units[:-1])) + f" and {units[-1]} are on"
            elif units:
                phrase = f"only unit {units[0]} is on"
            else:
                phrase = "no unit is on"
            assert phrase in why
    if name == "default":  # the words that used to be false of it
        assert not any(bent) and "straight" in shape
        assert not any("has become a bent line" in c for c in words.subcaptions)
    if name == "poor":
        assert any(bent)


def units_on_midway(P, W1):
    """The hidden units (1-based) on at the middle point of the sampled line P."""
    active = (np.append(P[len(P) // 2], 1) @ W1.T) > 0
    return [u + 1 for u in range(3) if active[u]]


def test_region_tags_name_the_units_on_along_each_line(region_words):
    """Each boundary line that stays in one flat piece carries a tag, 'units 2 and 3 on', of
    the units on where it runs; a line that crosses a crease carries none."""
    _, run, words = region_words
    scene = words.scene
    W1 = run.W1[-1]
    lines = sampled_lines(scene)
    # the pieces each line runs through (its very ends left out: they may sit on a crease)
    patterns = [{tuple(row) for row in (np.column_stack([P, np.ones(len(P))])[3:-3] @ W1.T > 0)}
                for P in lines]
    one_piece = [len(p) == 1 for p in patterns]
    assert [tag.path_index for tag in scene.tags] == [k for k, one in enumerate(one_piece) if one]
    for tag in scene.tags:
        units = units_on_midway(lines[tag.path_index], W1)
        if len(units) >= 2:
            expected = "units " + ", ".join(map(str, units[:-1])) + f" and {units[-1]} on"
        elif units:
            expected = f"unit {units[0]} on"
        else:
            expected = "no unit on"
        assert tag.text.replace(" ", "") == expected.replace(" ", "")


@pytest.fixture(scope="module", params=RUNS)
def role_words(request, three_runs, media_dir):
    from scenes.ch2_network.roles import ThreeRoles

    path = three_runs[request.param]
    return request.param, load_run(path), scene_words(ThreeRoles, path, media_dir)


def test_roles_words_follow_the_run(role_words):
    _, run, words = role_words
    wrong, n = wrong_points(run), len(run.y)
    cut = words.find("Cut:")
    if len(wrong) == 0:
        assert "every point on its own class's side" in cut
    elif len(wrong) <= 0.05 * n:
        assert "all but" in cut
    else:
        assert f"leaves {len(wrong)} of the {n} points on the wrong side" in cut
    count = run.W1[-1].size + run.W2[-1].size
    assert f"set by these {count} numbers" in words.find("Everything here")
    assert f"= {count} numbers" in " ".join(words.on_screen)


def test_roles_ends_on_the_question(role_words):
    """Who picks the weights is asked here and answered by the training chapter, not both."""
    _, run, words = role_words
    last = words.subcaptions[-1]
    assert last.startswith("So who picks") and last.count("?") == 1
    assert not any("random" in c or "Training moves" in c for c in words.subcaptions)


def test_roles_frames_every_stage_of_the_run(role_words):
    """Every point the cloud passes through, and the plane, stays inside the picture's
    rectangle from every view the camera takes: the poor run's lift used to leave the frame.
    The three moves have the wide rectangle; the weights' beats, after the world slides, the
    narrow one beside their panel."""
    from scenes.widgets import hidden_view as hv

    _, run, words = role_words
    scene = words.scene
    hidden = np.concatenate([np.column_stack([run.X, np.ones(len(run.X))]),
                             run.hidden_pre[-1], run.hidden_post[-1], scene.plane.vertices_hidden])
    points = np.array([scene.axes.c2p(*h) for h in hidden])
    assert scene.renderer.camera.get_zoom() == pytest.approx(scene.framings[-1][2])
    for (x0, x1, y0, y1), views, zoom, shift in scene.framings:
        for phi, theta in views:
            S = hv.screen_points(points + shift, phi, theta, zoom)
            assert S[:, 0].min() >= x0 - 1e-6 and S[:, 0].max() <= x1 + 1e-6
            assert S[:, 1].min() >= y0 - 1e-6 and S[:, 1].max() <= y1 + 1e-6


def test_roles_shows_the_cut_count(role_words):
    _, run, words = role_words
    wrong, n = wrong_points(run), len(run.y)
    assert f"own side: {n - len(wrong)} of {n}" in words.on_screen


def test_roles_lift_words_match_the_stretch(role_words):
    """The lifted sheet is called a long, thin strip only when W⁽¹⁾ stretches the plane more
    than four times as much one way as the other (it is then thin from every side)."""
    _, run, words = role_words
    lift = words.find("Lift:")
    s = np.linalg.svd(np.asarray(run.W1[-1], float)[:, :2], compute_uv=False)
    assert ("strip" in lift) == bool(s[0] > 4 * s[1])
    assert "it stays one flat sheet" in lift
