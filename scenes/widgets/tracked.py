"""Mobjects redrawn from a ValueTracker on every frame, in a way the Cairo renderer draws.

    with following(tracker, views, lambda view, t: view.show_snapshot(int(t))):
        self.play(tracker.animate.set_value(10), run_time=5)

The updater sits on each mobject it changes, never on a separate driver. During a play(),
Cairo paints once, as a still background, every mobject it believes static: in the scene's
order, all those before the first one that is animated or carries an updater (itself or in a
submobject). An updater kept on an invisible driver added after the views changes their
points, but the video keeps showing the background painted at the start of the play().

The updaters live only inside the `with` block: outside it the views hold still and cost
nothing per frame (a mobject with an updater is redrawn on every frame, even in a wait()).

An animation on a following mobject (FadeIn, Indicate) suspends its updater until the
animation ends, and its interpolation overwrites what the updater drew; to show a view while
it follows, fade out a cover over it instead (`reveal`).
"""

from contextlib import contextmanager

from manim import BackgroundRectangle, FadeOut, VGroup, smooth

from scenes.style import BACKGROUND


@contextmanager
def following(tracker, mobjects, redraw):
    """Within the block, call redraw(mobject, tracker.get_value()) for each mobject on every
    frame, from an updater on the mobject itself."""
    attached = []
    for mob in mobjects:
        updater = lambda m: redraw(m, tracker.get_value())  # noqa: E731
        mob.add_updater(updater)
        attached.append((mob, updater))
    try:
        yield
    finally:
        for mob, updater in attached:
            mob.remove_updater(updater)


def quickly(run_time, seconds=1.0):
    """A rate function that is done after `seconds` of an animation lasting run_time."""
    return lambda t: smooth(min(1.0, t * run_time / seconds))


def cover(scene, *mobjects):
    """Hide mobjects (already in the scene, or added now) under an opaque rectangle of the
    background colour, added on top; `uncover` takes it away."""
    scene.add(*[m for m in mobjects if m not in scene.get_mobject_family_members()])
    rect = BackgroundRectangle(VGroup(*mobjects), color=BACKGROUND, fill_opacity=1, buff=0.1)
    scene.add(rect)
    return rect


def uncover(rect, run_time, seconds=1.0):
    """The FadeOut of a cover, done after `seconds` of a play lasting run_time."""
    return FadeOut(rect, rate_func=quickly(run_time, seconds))


def reveal(scene, *mobjects, run_time, seconds=1.0):
    """Add mobjects under a cover and return the cover's fade-out: a fade-in that leaves the
    mobjects' updaters running."""
    return uncover(cover(scene, *mobjects), run_time, seconds)
