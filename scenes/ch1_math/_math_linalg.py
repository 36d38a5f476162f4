"""The linear algebra of chapter 1 lives in toynet_core.linalg (pure NumPy, tested in
tests/core); this name stays for the scenes that import it from here."""

from toynet_core.linalg import (  # noqa: F401
    A_POST,
    column_basis,
    edge_on_angles,
    integer_direction,
    left_null_basis,
    null_basis,
    rank,
    simple_null_vector,
)
