"""Gradients of one sample's loss, computed two independent ways.

(a) `post_chain` follows the post literally: a product of Jacobians
        dL/dW2 = dL/dŷ · dŷ/dz2 · dz2/dW2
        dL/dw1 = dL/dŷ · dŷ/dz2 · dz2/dx2 · dx2/dz1 · dz1/dq · dq/dw1
    where w1 = vec(W1) stacks the rows of W1, q = X w1 = W1 x̃, and X is the 3×9 matrix that
    repeats x̃ᵀ along a block diagonal. Every factor is returned, so scenes can show them.
(b) `gradients` is the compact outer-product form the trainer uses:
        δ = 2(ŷ − y) σ'(z2);  dL/dW2 = δ x2ᵀ;  dL/dW1 = (δ W2[:3] ⊙ ReLU'(z1[:3])) x̃ᵀ.
Tests check (a) == (b) and both against central finite differences.
"""

from dataclasses import dataclass

import numpy as np

from .model import check_weights, forward, relu_prime, sigmoid_prime


@dataclass(frozen=True)
class ChainFactors:
    """The post's Jacobians for one sample, each as a 2-D array (rows = outputs)."""

    dL_dyhat: np.ndarray  # (1, 1)  2(ŷ − y)
    dyhat_dz2: np.ndarray  # (1, 1)  σ'(z2)
    dz2_dW2: np.ndarray  # (1, 4)  x2ᵀ
    dz2_dx2: np.ndarray  # (1, 4)  W2
    dx2_dz1: np.ndarray  # (4, 4)  diag(ReLU'(z1)), the constant entry included
    dz1_dq: np.ndarray  # (4, 3)  [I; 0]: the appended 1 does not depend on q
    dq_dw1: np.ndarray  # (3, 9)  X, with x̃ᵀ in block i of row i
    dL_dW2: np.ndarray  # (1, 4)  product of the first three
    dL_dw1: np.ndarray  # (1, 9)  product of the six factors above
    dL_dW1: np.ndarray  # (3, 3)  dL_dw1 reshaped row by row


def x_block_matrix(x_tilde):
    """The post's 3×9 matrix X with X @ vec_rows(W1) == W1 @ x̃."""
    X = np.zeros((3, 9))
    for i in range(3):
        X[i, 3 * i : 3 * i + 3] = x_tilde
    return X


def post_chain(W1, W2, x, y):
    """Gradients of L = (y − ŷ)² at one sample x (2,), as the post's chain of Jacobians."""
    W1, W2 = check_weights(W1, W2)
    f = forward(W1, W2, np.reshape(x, (1, 2)), [y])
    y_hat, z2, z1, x2, x_tilde = f.y_hat[0], f.z2[0], f.z1[0], f.x2[0], f.x_tilde[0]

    dL_dyhat = np.array([[2.0 * (y_hat - y)]])
    dyhat_dz2 = np.array([[sigmoid_prime(np.array([z2]))[0]]])
    dz2_dW2 = x2.reshape(1, 4)
    dz2_dx2 = W2.copy()
    dx2_dz1 = np.diag(relu_prime(z1))
    dz1_dq = np.vstack([np.eye(3), np.zeros((1, 3))])
    dq_dw1 = x_block_matrix(x_tilde)

    dL_dW2 = dL_dyhat @ dyhat_dz2 @ dz2_dW2
    dL_dw1 = dL_dyhat @ dyhat_dz2 @ dz2_dx2 @ dx2_dz1 @ dz1_dq @ dq_dw1
    return ChainFactors(
        dL_dyhat, dyhat_dz2, dz2_dW2, dz2_dx2, dx2_dz1, dz1_dq, dq_dw1,
        dL_dW2, dL_dw1, dL_dw1.reshape(3, 3),
    )


def gradients(W1, W2, x, y):
    """(dL/dW1 (3, 3), dL/dW2 (1, 4)) for one sample x (2,) with label y, compact form."""
    W1, W2 = check_weights(W1, W2)
    f = forward(W1, W2, np.reshape(x, (1, 2)), [y])
    delta = 2.0 * (f.y_hat[0] - y) * sigmoid_prime(f.z2)[0]
    dW2 = delta * f.x2
    back = delta * W2[0, :3] * relu_prime(f.z1[0, :3])
    dW1 = np.outer(back, f.x_tilde[0])
    return dW1, dW2


def batch_gradients(W1, W2, X, y):
    """Gradients of the mean loss over the rows of X, vectorised (no loop over samples)."""
    W1, W2 = check_weights(W1, W2)
    f = forward(W1, W2, X, y)
    delta = 2.0 * (f.y_hat - np.asarray(y, dtype=float)) * sigmoid_prime(f.z2)  # (N,)
    n = len(delta)
    dW2 = (delta @ f.x2).reshape(1, 4) / n
    back = delta[:, None] * W2[0, :3] * relu_prime(f.z1[:, :3])  # (N, 3)
    dW1 = back.T @ f.x_tilde / n
    return dW1, dW2


def sgd_step(W1, W2, x, y, lr):
    """One per-sample SGD step, W ← W − lr·dL/dW, written with the readable `gradients`.

    Returns (new W1, new W2). The trainer's vectorised engine (`sgd.sgd_steps`) takes the
    same step; tests hold the two together."""
    dW1, dW2 = gradients(W1, W2, x, y)
    W1, W2 = check_weights(W1, W2)
    return W1 - lr * dW1, W2 - lr * dW2
