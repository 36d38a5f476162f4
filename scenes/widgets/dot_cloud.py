"""A cloud of same-size flat dots drawn as one path per class, for views redrawn every frame.

A VGroup of 200 Dots costs Cairo 200 fills and Python 200 mobjects per frame (about 9 ms of
CPU at 480p); a DotCloud is one filled path per class (about 2 ms), and all its dots move in
one NumPy operation. It looks the same as hidden_view.point_cloud / input_plane.data_dots, except
that overlapping dots of one class do not darken each other.

    cloud = DotCloud(axes.c2p(*coords.T).T, run.y, radius=0.03)
    cloud.set_centres(new_scene_points)     # (N, 3), in the order of the samples
    cloud.centres()                         # read back from the drawn paths
"""

import numpy as np
from manim import Dot, VGroup, VMobject

from scenes.style import class_color


class DotCloud(VGroup):
    def __init__(self, centres, labels, radius=0.03, opacity=0.9):
        super().__init__()
        self.labels = np.asarray(labels).astype(int)
        self.template = Dot(radius=radius).points.copy()  # one dot's outline, at the origin
        self.template -= self.template.mean(axis=0)
        self.members = []  # sample indices drawn by each class path
        for label in np.unique(self.labels):
            path = VMobject(fill_color=class_color(label), fill_opacity=opacity, stroke_width=0)
            self.members.append(np.flatnonzero(self.labels == label))
            self.add(path)
        self.set_centres(centres)

    def set_centres(self, centres):
        """Move dot i to scene point centres[i]."""
        centres = np.asarray(centres, dtype=float).reshape(-1, 3)
        for path, members in zip(self.submobjects, self.members):
            path.points = (centres[members][:, None, :] + self.template[None]).reshape(-1, 3)
        return self

    def centres(self):
        """(N, 3) scene points of the dots as drawn, in sample order."""
        out = np.zeros((len(self.labels), 3))
        for path, members in zip(self.submobjects, self.members):
            out[members] = path.points.reshape(len(members), -1, 3).mean(axis=1)
        return out
