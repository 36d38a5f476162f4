"""Chapter 2: the network, from the XOR problem to the separating plane."""

from scenes.registry import RUN

# (module, class, title[, what it reads of the run: see scenes.registry])
SCENES = [
    ("scenes.ch2_network.xor_problem", "XorProblem", "The XOR problem"),
    ("scenes.ch2_network.xor_problem", "NoisyDataset", "A dataset from four points", {RUN}),
    ("scenes.ch2_network.architecture", "Architecture", "The network", {RUN}),
    ("scenes.ch2_network.affine", "AffineTrick", "The extra 1s", {RUN}),
    ("scenes.ch2_network.hidden_space", "HiddenLift", "Lifting the data into 3-D", {RUN}),
    ("scenes.ch2_network.relu", "ReluGraph", "ReLU and its kink"),
    ("scenes.ch2_network.relu", "ReluFold", "ReLU folds the plane", {RUN}),
    ("scenes.ch2_network.classifier", "SeparatingPlane", "A plane that separates", {RUN}),
    ("scenes.ch2_network.sigmoid", "SigmoidOutput", "From score to probability", {RUN}),
    ("scenes.ch2_network.classifier", "DecisionRegions", "Back in the input plane", {RUN}),
    ("scenes.ch2_network.roles", "ThreeRoles", "Lift, fold, cut", {RUN}),
]
