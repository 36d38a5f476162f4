"""Chapter 1, vectors to information: what the scenes draw, read back and recomputed here."""

import numpy as np


# The post's inputs (given, not results).
A = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])


def entries(matrix_mob):
    """Numbers shown by a Matrix/IntegerMatrix/DecimalMatrix, read from its entry mobjects."""
    values = []
    for e in matrix_mob.get_entries():
        if hasattr(e, "get_value"):
            values.append(float(e.get_value()))
        else:
            values.append(float(e.get_tex_string().replace("{", "").replace("}", "")))
    rows = len(matrix_mob.get_rows())
    return np.array(values).reshape(rows, -1)


