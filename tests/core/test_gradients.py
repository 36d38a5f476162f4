"""Gradients: the post's Jacobian chain, the compact form and finite differences agree."""

import numpy as np
import pytest

from toynet_core import batch_gradients, forward, gradients, post_chain
from toynet_core.backprop import x_block_matrix

KINK_MARGIN = 1e-3  # finite differences straddling a ReLU kink are not derivatives
EPS = 1e-6


def loss_at(W1, W2, x, y):
    return forward(W1, W2, x[None], [y]).loss[0]


def central_difference(W1, W2, x, y):
    """dL/dW1 and dL/dW2 by central differences, one weight at a time."""
    grads = []
    for which in (0, 1):
        W = (W1, W2)[which]
        G = np.zeros_like(W)
        for idx in np.ndindex(W.shape):
            plus, minus = [w.copy() for w in (W1, W2)], [w.copy() for w in (W1, W2)]
            plus[which][idx] += EPS
            minus[which][idx] -= EPS
            G[idx] = (loss_at(*plus, x, y) - loss_at(*minus, x, y)) / (2 * EPS)
        grads.append(G)
    return grads


def random_cases(n, seed=0):
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < n:
        W1 = rng.normal(0, 1.5, (3, 3))
        W2 = rng.normal(0, 1.5, (1, 4))
        x = rng.uniform(-1, 2, 2)
        y = int(rng.integers(0, 2))
        z = W1 @ np.append(x, 1.0)
        if np.min(np.abs(z)) > KINK_MARGIN:
            cases.append((W1, W2, x, y))
    return cases


@pytest.mark.parametrize("W1, W2, x, y", random_cases(25))
def test_compact_form_matches_finite_differences(W1, W2, x, y):
    dW1, dW2 = gradients(W1, W2, x, y)
    fd1, fd2 = central_difference(W1, W2, x, y)
    np.testing.assert_allclose(dW1, fd1, atol=1e-7, rtol=1e-5)
    np.testing.assert_allclose(dW2, fd2, atol=1e-7, rtol=1e-5)


@pytest.mark.parametrize("W1, W2, x, y", random_cases(25, seed=1))
def test_post_chain_equals_compact_form(W1, W2, x, y):
    chain = post_chain(W1, W2, x, y)
    dW1, dW2 = gradients(W1, W2, x, y)
    np.testing.assert_allclose(chain.dL_dW1, dW1, atol=1e-12)
    np.testing.assert_allclose(chain.dL_dW2, dW2, atol=1e-12)


def test_post_chain_factors_have_the_post_shapes_and_structure():
    W1, W2, x, y = random_cases(1, seed=2)[0]
    c = post_chain(W1, W2, x, y)
    shapes = [c.dL_dyhat, c.dyhat_dz2, c.dz2_dW2, c.dz2_dx2, c.dx2_dz1, c.dz1_dq, c.dq_dw1, c.dL_dw1]
    assert [s.shape for s in shapes] == [(1, 1), (1, 1), (1, 4), (1, 4), (4, 4), (4, 3), (3, 9), (1, 9)]
    # The appended 1 never depends on the weights: the last row of dz1/dq is zero.
    assert not c.dz1_dq[3].any()
    # X acts on vec(W1) (rows stacked) exactly as W1 acts on x̃.
    x_tilde = np.append(x, 1.0)
    np.testing.assert_allclose(x_block_matrix(x_tilde) @ W1.reshape(9), W1 @ x_tilde)
    np.testing.assert_allclose(c.dL_dw1.reshape(3, 3), c.dL_dW1)


def test_inactive_units_pass_no_gradient():
    W1 = np.array([[1.0, 0.0, 0.0], [-1.0, -1.0, -0.5], [0.5, 0.5, 0.2]])  # unit 2 off on x >= 0
    W2 = np.array([[1.0, -2.0, 0.5, 0.1]])
    dW1, _ = gradients(W1, W2, np.array([0.3, 0.4]), 1)
    assert not dW1[1].any()
    assert dW1[0].any() and dW1[2].any()


def test_batch_gradient_is_mean_of_sample_gradients():
    rng = np.random.default_rng(3)
    W1, W2 = rng.normal(0, 1, (3, 3)), rng.normal(0, 1, (1, 4))
    X, y = rng.uniform(-1, 2, (40, 2)), rng.integers(0, 2, 40)
    per_sample = [gradients(W1, W2, x, t) for x, t in zip(X, y)]
    bW1, bW2 = batch_gradients(W1, W2, X, y)
    np.testing.assert_allclose(bW1, np.mean([g[0] for g in per_sample], axis=0), atol=1e-12)
    np.testing.assert_allclose(bW2, np.mean([g[1] for g in per_sample], axis=0), atol=1e-12)


def test_gradients_match_torch_autograd():
    torch = pytest.importorskip("torch")
    for W1, W2, x, y in random_cases(5, seed=4):
        tW1 = torch.tensor(W1, dtype=torch.float64, requires_grad=True)
        tW2 = torch.tensor(W2, dtype=torch.float64, requires_grad=True)
        xt = torch.tensor(np.append(x, 1.0), dtype=torch.float64)
        z1 = torch.cat([tW1 @ xt, torch.ones(1, dtype=torch.float64)])
        y_hat = torch.sigmoid(tW2 @ torch.relu(z1))
        ((y - y_hat) ** 2).sum().backward()
        dW1, dW2 = gradients(W1, W2, x, y)
        np.testing.assert_allclose(dW1, tW1.grad.numpy(), atol=1e-12)
        np.testing.assert_allclose(dW2, tW2.grad.numpy(), atol=1e-12)


def test_trainer_engine_takes_the_same_step_as_the_readable_gradients():
    """One step of the vectorised engine (sgd.sgd_steps) equals W − lr·dW with dW from
    backprop.gradients, for active and inactive units alike."""
    from toynet_core import sgd_step
    from toynet_core.model import augment
    from toynet_core.sgd import sgd_steps

    rng = np.random.default_rng(5)
    for _ in range(20):
        W1, W2 = rng.normal(size=(3, 3)), rng.normal(size=(1, 4))
        x, y, lr = rng.normal(size=2), int(rng.integers(0, 2)), float(rng.uniform(0.01, 1))
        engine_W1, engine_W2 = W1[None].copy(), W2.reshape(1, 4).copy()
        sgd_steps(engine_W1, engine_W2, augment(x)[None], np.array([[y]], dtype=float), lr)
        dW1, dW2 = gradients(W1, W2, x, y)
        assert np.allclose(engine_W1[0], W1 - lr * dW1, atol=1e-12)
        assert np.allclose(engine_W2, W2 - lr * dW2, atol=1e-12)
        new_W1, new_W2 = sgd_step(W1, W2, x, y, lr)
        assert np.allclose(new_W1, engine_W1[0], atol=1e-12)
        assert np.allclose(new_W2, engine_W2, atol=1e-12)
