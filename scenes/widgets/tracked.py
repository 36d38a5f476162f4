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
"""

from contextlib import contextmanager


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
