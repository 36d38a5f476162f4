"""A straight cut through labelled points of the plane, and the pair of hidden units in whose
plane a straight cut works best.

The network's promise: after its hidden layer, one straight cut separates the two classes.
The toolkit's previews show it with two of the three hidden units of the run. The cut is found
by logistic regression (Newton's method), one of the standard straight-cut finders; nothing
here changes the network's weights.
"""

from itertools import combinations

import numpy as np

from .model import augment, relu, sigmoid


def straight_cut(P, y, iterations=50, ridge=1e-3):
    """(w, c) of the line w·p + c = 0 that logistic regression puts between the classes of the
    points P (N, 2) with labels y (N,) in {0, 1}; class 1 lies on the side w·p + c > 0.
    A small ridge keeps the weights finite when the classes can be cut apart exactly.
    Points of more coordinates, P (N, d), get the flat cut of that space the same way."""
    P, y = np.asarray(P, dtype=float), np.asarray(y, dtype=float)
    A = np.hstack([P, np.ones((len(P), 1))])
    size = A.shape[1]
    theta = np.zeros(size)
    for _ in range(iterations):
        p = sigmoid(A @ theta)
        gradient = A.T @ (p - y) + ridge * theta
        hessian = A.T @ (A * (p * (1 - p))[:, None]) + ridge * np.eye(size)
        theta -= np.linalg.solve(hessian, gradient)
    return theta[:-1], float(theta[-1])


def cut_accuracy(P, y, w, c):
    """Share of the points on their own class's side of the line w·p + c = 0."""
    side = np.asarray(P, dtype=float) @ np.asarray(w, dtype=float) + c > 0
    return float(np.mean(side == (np.asarray(y) > 0.5)))


def hidden_images(W1, X, units):
    """ReLU(W1 x̃) of every input, keeping the given hidden units: (N, len(units))."""
    return relu(augment(X) @ np.asarray(W1, dtype=float).T)[:, list(units)]


def best_unit_pair(W1, X, y):
    """The two hidden units (i, j) in whose plane a straight cut separates the classes best,
    with that cut (w, c) and its accuracy; ties go to the first pair."""
    best = None
    for pair in combinations(range(np.asarray(W1).shape[0]), 2):
        P = hidden_images(W1, X, pair)
        w, c = straight_cut(P, y)
        acc = cut_accuracy(P, y, w, c)
        if best is None or acc > best[3]:
            best = (pair, w, c, acc)
    return best
