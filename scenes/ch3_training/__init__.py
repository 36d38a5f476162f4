"""Chapter 3: training, forward and backward propagation, the run unfolding, and failure."""

from scenes.registry import FAILED_RUN, RUN, SWEEPS

# (module, class, title[, what it reads of the run: see scenes.registry])
SCENES = [
    ("scenes.ch3_training.premise", "TrainingPremise", "Training: walking downhill", {RUN}),
    ("scenes.ch3_training.forward", "ForwardPass", "Forward: one point through the net", {RUN}),
    ("scenes.ch3_training.gradient_flow", "GradientFlow", "Gradients flowing back", {RUN}),
    ("scenes.ch3_training.backward_w2", "BackpropW2", "Backward: the last layer", {RUN}),
    ("scenes.ch3_training.backward_w1", "BackpropW1", "Backward: the first layer", {RUN}),
    ("scenes.ch3_training.update", "UpdateStep", "One step downhill", {RUN}),
    ("scenes.ch3_training.unfolding", "TrainingRun", "The whole run", {RUN}),
    ("scenes.ch3_training.failure", "WhenTrainingFails", "When training fails",
     {RUN, FAILED_RUN, SWEEPS}),
]
