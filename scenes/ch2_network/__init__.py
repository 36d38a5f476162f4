"""Chapter 2: the network, from the XOR problem to the separating plane."""

SCENES = [
    ("scenes.ch2_network.xor_problem", "XorProblem", "The XOR problem"),
]
