"""Chapter 1: the mathematics toolkit, from vectors to gradients.

The order teaches: nothing is used before a scene has shown it. Matrices are multiplied before
a matrix serves as the example of a linear map, and the example matrix A is multiplied before
one-to-one and onto are tested on it; rank is defined where A's outputs are seen to fill a
plane.
"""

from scenes.registry import REFERENCE_RUN

# (module, class, title[, what it reads of the run: see scenes.registry])
SCENES = [
    ("scenes.ch1_math.vectors", "VectorTwoFaces", "Vectors: a list and an arrow"),
    ("scenes.ch1_math.functions", "FunctionGraphs", "Functions of one variable"),
    ("scenes.ch1_math.functions", "Paraboloid", "A function of two inputs"),
    ("scenes.ch1_math.plane_warp", "PlaneWarp", "A map from the plane to the plane", {REFERENCE_RUN}),
    ("scenes.ch1_math.matrix_product", "MatrixVectorProduct", "Multiplying a vector by a matrix", {REFERENCE_RUN}),
    ("scenes.ch1_math.matrix_product", "MatrixProduct", "Multiplying two matrices"),
    ("scenes.ch1_math.linear_operators", "LinearOperators", "Linear, or merely affine", {REFERENCE_RUN}),
    ("scenes.ch1_math.mappings", "InjectiveSurjective", "One-to-one and onto"),
    ("scenes.ch1_math.information", "RankPlane", "Where the outputs of A live"),
    ("scenes.ch1_math.information", "NoNewDimensions", "Lines through a matrix"),
    ("scenes.ch1_math.jacobian", "JacobianExample", "The Jacobian, worked out", {REFERENCE_RUN}),
    ("scenes.ch1_math.chain_rule", "ChainRule", "The chain rule", {REFERENCE_RUN}),
    ("scenes.ch1_math.descent", "SteepestDescent", "Uphill and downhill", {REFERENCE_RUN}),
    ("scenes.ch1_math.common_gradients", "CommonGradients", "Jacobians to remember", {REFERENCE_RUN}),
]
