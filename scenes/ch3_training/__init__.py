"""Chapter 3: training, forward and backward propagation, the run unfolding, and failure."""

SCENES = [
    ("scenes.ch3_training.premise", "TrainingPremise", "Training: walking downhill"),
    ("scenes.ch3_training.forward", "ForwardPass", "Forward: one point through the net"),
    ("scenes.ch3_training.gradient_flow", "GradientFlow", "Gradients flowing back"),
    ("scenes.ch3_training.backward_w2", "BackpropW2", "Backward: the last layer"),
    ("scenes.ch3_training.backward_w1", "BackpropW1", "Backward: the first layer"),
    ("scenes.ch3_training.update", "UpdateStep", "One step downhill"),
    ("scenes.ch3_training.unfolding", "TrainingRun", "The whole run"),
    ("scenes.ch3_training.failure", "WhenTrainingFails", "When training fails"),
]
