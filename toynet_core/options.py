"""The trainer's knobs as command-line options, defined once for every command that takes
them: `python -m toynet_core train|sweep` and `./render.sh` (which trains first)."""

from dataclasses import dataclass

from .config import INITS, TrainConfig


@dataclass(frozen=True)
class Knob:
    field: str  # TrainConfig field
    type: type
    help: str
    choices: tuple | None = None

    @property
    def flag(self):
        return "--" + self.field.replace("_", "-")


KNOBS = (
    Knob("lr", float, "learning rate"),
    Knob("noise", float, "standard deviation of the Gaussian noise around each XOR point"),
    Knob("per_cluster", int, "data points per XOR point"),
    Knob("steps", int, "per-sample SGD steps"),
    Knob("init", str, "weight init: he (He-scaled weights, a positive first-layer bias) or "
                      "normal (the post's plain start, standard deviation 0.5)", INITS),
    Knob("init_bias", float, "first-layer bias of the he init"),
    Knob("snapshots", int, "snapshots to keep, log-spaced"),
)
KNOB_FIELDS = tuple(k.field for k in KNOBS)


def add_training_options(parser, with_defaults=True, note=""):
    """Add every knob to `parser` (or an argument group). with_defaults=False leaves unset
    options at None, so a caller can tell which ones the user gave."""
    d = TrainConfig()
    for k in KNOBS:
        default = getattr(d, k.field)
        parser.add_argument(k.flag, dest=k.field, type=k.type, choices=k.choices,
                            default=default if with_defaults else None,
                            help=f"{k.help} (default {default}){note}")


def config_from(args, **fixed):
    """A TrainConfig from parsed options (unset ones keep the defaults) and fixed fields."""
    given = {f: getattr(args, f) for f in KNOB_FIELDS if getattr(args, f, None) is not None}
    return TrainConfig(**given, **fixed)
