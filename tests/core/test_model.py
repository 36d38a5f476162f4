"""The forward pass follows the post's definitions, written out independently here."""

import numpy as np
import pytest

from toynet_core import forward
from toynet_core.model import sigmoid


def test_forward_matches_definitions_row_by_row():
    rng = np.random.default_rng(0)
    W1, W2 = rng.normal(0, 1, (3, 3)), rng.normal(0, 1, (1, 4))
    X, y = rng.normal(0, 1, (7, 2)), rng.integers(0, 2, 7)
    f = forward(W1, W2, X, y)
    for n, (x, t) in enumerate(zip(X, y)):
        x_tilde = np.array([x[0], x[1], 1.0])
        z1 = np.append(W1 @ x_tilde, 1.0)
        x2 = np.where(z1 > 0, z1, 0.0)
        z2 = float((W2 @ x2)[0])
        y_hat = 1 / (1 + np.exp(-z2))
        np.testing.assert_allclose(f.x_tilde[n], x_tilde)
        np.testing.assert_allclose(f.z1[n], z1)
        np.testing.assert_allclose(f.x2[n], x2)
        assert f.z2[n] == pytest.approx(z2)
        assert f.y_hat[n] == pytest.approx(y_hat)
        assert f.loss[n] == pytest.approx((t - y_hat) ** 2)
    assert (f.x2[:, 3] == 1).all()


def test_sigmoid_is_stable_at_extremes():
    s = sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_array_equal(s, [0.0, 0.5, 1.0])


def test_wrong_weight_shapes_are_refused():
    with pytest.raises(ValueError, match="W1 must have shape"):
        forward(np.zeros((2, 3)), np.zeros((1, 4)), np.zeros((1, 2)))
    with pytest.raises(ValueError, match="W2 must have shape"):
        forward(np.zeros((3, 3)), np.zeros((1, 3)), np.zeros((1, 2)))
