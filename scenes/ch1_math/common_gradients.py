"""Three Jacobians worth knowing by heart, seen by wiggling one input at a time and watching
which outputs move: a linear map Mx (every output moves, by a column of M), a dot product w · x
(one output, one row), and a function applied entry by entry (only the input's own output
moves, so the Jacobian is diagonal). The entry-by-entry example is the network's own sigmoid,
and its slope σ(1 − σ) is worked out in words. The bridge: the network's ReLU is such a
function too.

The wires between inputs and outputs are drawn where the Jacobian can be non-zero; the
Jacobians shown are measured by central differences (what a wiggle measures), and the tests
compare them with the formulas.
"""

import numpy as np
from manim import (
    DOWN,
    AnimationGroup,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    LaggedStart,
    Line,
    ReplacementTransform,
    Scene,
    Succession,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    Write,
)

from scenes import style
from scenes.pacing import beat, during
from scenes.run_data import load_reference_run
from scenes.widgets.highlight import PointAt
from scenes.widgets.matrices import column, matrix_values, value_matrix
from scenes.widgets.text import note, plain_tex, tex, title
from toynet_core.model import relu, relu_prime
from toynet_core.numeric import central_jacobian

M = np.array([[1.0, 2.0, -0.5], [-1.0, 0.5, 3.0]])  # no zero: every wire carries a slope
W_DOT = np.array([2.0, -1.0, 0.5])  # the dot product's vector w
X = np.array([0.5, -1.0, 2.0])  # where the linear examples are differentiated
X_SIGMOID = np.array([-1.0, 0.3, 2.0])
WIGGLE = 0.25  # how far an input is wiggled either way
WIGGLES = 2  # back-and-forth swings per wiggle
MOVING = 0.75  # the share of an input's turn it swings; for the rest it sits still at its true value


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-np.asarray(v, float)))


def sigmoid_prime(v):
    """σ′ = σ(1 − σ): e^(−x)/(1 + e^(−x))² split into 1/(1 + e^(−x)) times e^(−x)/(1 + e^(−x))."""
    return sigmoid(v) * (1.0 - sigmoid(v))


def vec(v):
    return r"(%s)" % r",\ ".join("%g" % t for t in v)


class Wiring(VGroup):
    """An input column, an output column, and a wire from input j to output i wherever
    ∂fᵢ/∂xⱼ can be non-zero. `fn` maps the inputs to the outputs."""

    def __init__(self, fn, x, pairs, out_name="f", in_name=r"\vec{x}", in_color=style.X_COLOR,
                 out_color=style.Z_COLOR, height=4.0, left=-6.3, gap=2.8):
        super().__init__()
        self.fn, self.x = fn, np.asarray(x, float)
        y = np.atleast_1d(fn(self.x))
        self.spacing = spacing = min(1.25, height / max(len(self.x), len(y)))
        self.inputs = column(self.x, color=in_color, font_size=style.BODY, v_buff=spacing)
        self.outputs = column(y, color=out_color, font_size=style.BODY, v_buff=spacing)
        self.inputs.move_to(RIGHT * (left + self.inputs.width / 2) + DOWN * 0.35)
        self.outputs.move_to(RIGHT * (self.inputs.get_right()[0] + gap + self.outputs.width / 2) + DOWN * 0.35)
        self.wires = {}
        for i, j in pairs:
            start = self.inputs.get_entries()[j].get_right() * [0, 1, 0] + RIGHT * (self.inputs.get_right()[0] + 0.15)
            end = self.outputs.get_entries()[i].get_left() * [0, 1, 0] + RIGHT * (self.outputs.get_left()[0] - 0.15)
            self.wires[(i, j)] = Line(start, end, color=style.MUTED, stroke_width=2.5)
        self.wire_group = VGroup(*self.wires.values())
        names = VGroup(tex(in_name, font_size=style.BODY, color=in_color, colored=False),
                       tex(out_name, font_size=style.BODY, color=out_color, colored=False))
        names[0].next_to(self.inputs, DOWN, buff=0.25)
        names[1].next_to(self.outputs, DOWN, buff=0.25)
        self.names = names
        self.add(self.wire_group, self.inputs, self.outputs, names)

    def entries_in(self):
        return self.inputs.get_entries()

    def entries_out(self):
        return self.outputs.get_entries()


class CommonGradients(Scene):
    def construct(self):
        self.examples = {}
        self.wiggles = []
        self.moved_frames = []  # per wiggle, per input: the outputs framed as moving
        self.lay_out_linear()
        self.linear_map()
        self.wiggle_one_input()
        self.matrix_is_its_jacobian()
        self.dot_product()
        self.dot_product_row()
        self.elementwise()
        self.only_its_own_output()
        self.diagonal()
        self.sigmoid_slope()
        self.bridge_to_relu()

    # -- a linear map ---------------------------------------------------------------
    def lay_out_linear(self):
        """Before the first words: the title and the inputs."""
        self.heading = title("Jacobians to remember")
        self.wiring = Wiring(lambda v: M @ v, X, [(i, j) for i in range(2) for j in range(3)])
        self.add(self.heading, self.wiring.inputs, self.wiring.names[0])

    def linear_map(self):
        w = self.wiring
        self.definition = plain_tex(r"\vec{f} = M\vec{x}", font_size=style.HEADING)
        self.definition.to_corner(LEFT + UP, buff=style.EDGE_BUFF).shift(DOWN * 0.9)
        fd = central_jacobian(lambda v: M @ v, X)
        self.jacobian = self.jacobian_matrix(fd, w.spacing)
        # Placed for the longer name it gets once the wiggles have shown what it is.
        self.jacobian_label = tex(r"\frac{\partial \vec{f}}{\partial \vec{x}} = M =", font_size=style.HEADING,
                                  color=style.GRAD_COLOR, colored=False)
        self.place(self.jacobian_label, self.jacobian)
        self.jacobian_name = plain_tex("M =", font_size=style.HEADING)
        self.jacobian_name.move_to(self.jacobian_label, aligned_edge=RIGHT)
        beat(self, during(Write(self.definition), 0, 0.3),
             during(LaggedStart(*[Create(wire) for wire in w.wire_group], lag_ratio=0.15), 0.05, 0.35),
             during(Write(VGroup(w.outputs, w.names[1])), 0.2, 0.4),
             during(Write(VGroup(self.jacobian_name, self.jacobian)), 0.3, 0.55),
             subcaption="Backpropagation chains three kinds of Jacobian. First a linear map, f = M x: each output weighs all three inputs.",
             spoken="Backpropagation chains three kinds of Jacobian. First a linear map, f equals M x: each output weighs all three inputs.")
        self.examples["linear"] = {"x": X, "jacobian": self.jacobian, "wiring": w}

    def wiggle_one_input(self):
        # the change itself, written out under the boxed column: Δf = Δx₂ times column 2
        col = matrix_values(self.jacobian)[:, 1]
        entries = r" \\ ".join(f"{v:.2f}" for v in col)
        self.change = tex(r"\Delta \vec{f} = \Delta x_2 \cdot \begin{bmatrix} %s \end{bmatrix}" % entries,
                          font_size=style.BODY, colored=False)
        self.change.next_to(self.jacobian, DOWN, buff=0.4).align_to(self.jacobian, LEFT)
        self.wiggle(1, "Wiggle x₂ alone: both outputs move, by the amounts in column 2 of M.",
                    extra=[during(FadeIn(self.change, shift=UP * 0.2), 0.15, 0.3)])

    def matrix_is_its_jacobian(self):
        label = self.jacobian_label
        self.wiggle([0, 2], "Wiggle x₁, then x₃: column by column, the Jacobian of M x is M itself.",
                    extra=[during(ReplacementTransform(self.jacobian_name, label), 0, 0.3),
                           during(FadeOut(self.change), 0, 0.15)])
        self.jacobian_name = label

    # -- a dot product ----------------------------------------------------------------
    def dot_product(self):
        self.next_example(
            "dot", Wiring(lambda v: np.array([W_DOT @ v]), X, [(0, j) for j in range(3)], out_name="f"),
            r"f = \vec{w}\cdot\vec{x},\quad \vec{w} = %s" % vec(W_DOT),
            r"\frac{\partial f}{\partial \vec{x}} = \vec{w}^{\,T} =",
            subcaption="A dot product w · x multiplies entry by entry and adds up: one output, so its "
                       "Jacobian is a single row, w transposed.",
            spoken="A dot product, w dot x, multiplies entry by entry and adds up: one output, so its "
                   "Jacobian is a single row, w transposed.")

    def dot_product_row(self):
        self.wiggle([0, 1, 2], "Wiggle each input in turn: the output moves by 2, by minus 1, "
                               "by one half times the wiggle.")

    # -- entry by entry -------------------------------------------------------------------
    def elementwise(self):
        self.next_example(
            "sigmoid", Wiring(sigmoid, X_SIGMOID, [(i, i) for i in range(3)]),
            r"f_i = \sigma(x_i)\ \text{for each } i", r"\frac{\partial \vec{f}}{\partial \vec{x}} =",
            subcaption="Now a function applied to each entry on its own, as the network's ReLU is. First the "
                       "sigmoid σ: each input has one wire, to its own output.",
            spoken="Now a function applied to each entry on its own, as the network's ReLU is. First the "
                   "sigmoid, sigma: each input has one wire, to its own output.")

    def only_its_own_output(self):
        self.wiggle(1, "Wiggle x₂: only its own output moves, so column 2 is zero "
                       "except on the diagonal.")

    def diagonal(self):
        formula = tex(r"= \mathrm{diag}\big(\sigma'(x_i)\big)", font_size=style.BODY,
                      color=style.GRAD_COLOR, colored=False)
        formula.next_to(self.jacobian, DOWN, buff=0.35)
        self.diagonal_formula = formula
        self.wiggle([0, 2], "Each input has its own slope, σ′ at that input. The Jacobian is diag(σ′(xᵢ)): "
                    "those slopes down its diagonal, zeros everywhere else.",
                    spoken="Each input has its own slope, sigma's slope at that input. So the Jacobian is the "
                           "diagonal matrix of those slopes: they run down its diagonal, and every other entry is zero.",
                    extra=[during(FadeIn(formula), 0.3, 0.45)])  # on screen when the words name it

    def sigmoid_slope(self):
        """Why σ′ = σ(1 − σ): the slope's fraction splits into σ times what σ lacks of 1; then
        the middle entry is checked against it."""
        # the two factors, each named under its brace: σ itself, and 1 − σ, what σ lacks of 1
        steps = plain_tex(r"\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2}", r"= \underbrace{\frac{1}{1 + e^{-x}}}_{\displaystyle \sigma(x)}",
                          r"\cdot \underbrace{\frac{e^{-x}}{1 + e^{-x}}}_{\displaystyle 1 - \sigma(x)}",
                          r"= \sigma(x)\,\big(1 - \sigma(x)\big)",
                          font_size=style.BODY)
        steps[3].set_color(style.GRAD_COLOR)
        steps.move_to(self.definition, aligned_edge=LEFT).align_to(self.definition, UP)  # in its place, below the title
        # σ itself first, where the rest of the working will go, then its slope
        sigma = plain_tex(r"\text{with } \sigma(x) = \frac{1}{1 + e^{-x}}", font_size=style.BODY)
        sigma.next_to(steps[0], RIGHT, buff=1.0)
        self.sigmoid_definition = sigma
        x = float(X_SIGMOID[1])
        s = float(sigmoid(x))
        self.sigmoid_check = (x, s, s * (1 - s))
        entry = self.jacobian.get_rows()[1][1]
        # the check of the middle entry, large, in the free corner right of the working (above
        # the Jacobian), well inside the frame
        check = VGroup(*[plain_tex(t, font_size=style.BODY) for t in (
            r"x_2 = %.2f:" % x, r"\sigma = %.2f," % s, r"\sigma(1 - \sigma) = %.2f" % (s * (1 - s)))])
        check[1].next_to(check[0], RIGHT, buff=0.25)
        check[2].next_to(check[0], DOWN, buff=0.25, aligned_edge=LEFT)
        check.next_to(steps, RIGHT, buff=0.7).align_to(steps, UP)
        ring = SurroundingRectangle(entry, color=style.EMPHASIS, buff=0.08)
        self.sigmoid_steps, self.sigmoid_check_line = steps, check
        beat(self, during(FadeOut(self.definition), 0, 0.15), during(Write(sigma), 0.1, 0.3),
             during(Write(steps[0]), 0.3, 0.5),
             during(PointAt(entry, buff=0.08), 0.6, 1),
             subcaption="The sigmoid is σ(x) = 1/(1 + e^(−x)). By the chain rule, its slope σ′ is this fraction.",
             spoken="The sigmoid is sigma of x equals one over one plus e to the minus x. By the chain rule, "
                    "its slope, sigma prime, is this fraction.")
        beat(self, during(FadeOut(sigma), 0, 0.1),
             during(LaggedStart(*[Write(part) for part in steps[1:]], lag_ratio=0.7), 0.08, 0.4),
             during(Write(check), 0.35, 0.5), during(FadeIn(ring), 0.45, 0.55),  # whole by 60 %
             subcaption="Split it in two factors: σ itself, and 1 − σ, what σ lacks of 1. So σ′ = σ(1 − σ).",
             spoken="Split it in two factors: sigma itself, and one minus sigma, what sigma lacks of one. "
                    "So sigma prime is sigma times, in brackets, one minus sigma.")
        self.sigmoid_marks = VGroup(steps, check, ring)  # self.definition, faded, still places the next one

    # -- the bridge: ReLU in the network ------------------------------------------------------
    def bridge_to_relu(self):
        run = load_reference_run()
        k = len(run.steps) - 1
        pre = np.asarray(run.hidden_pre[k])
        # The first sample with exactly one unit off: its Jacobian has a 0 on the diagonal.
        sample = int(np.flatnonzero((pre < 0).sum(axis=1) == 1)[0])
        self.relu_sample = sample
        z1 = np.append(pre[sample], 1.0)
        self.relu_z1 = z1
        on = z1 > 0
        new = Wiring(relu, z1, [(i, i) for i in range(4)], in_name=r"\vec{z}", out_name=r"\mathrm{ReLU}(\vec{z})",
                     in_color=style.Z_COLOR, out_color=style.X_COLOR, height=4.2, gap=2.0)
        new.names[0].set_color(style.Z_COLOR)
        new.names[1].set_color(style.X_COLOR)
        for i, wire in new.wires.items():
            wire.set_stroke(style.GRAD_COLOR if on[i[0]] else style.MUTED, width=3.5 if on[i[0]] else 1.5)
        x = run.X[sample]
        definition = plain_tex(r"\mathrm{ReLU}(z) = \max(z,\ 0)\ \text{for each entry}", font_size=style.HEADING)
        definition.move_to(self.definition, aligned_edge=LEFT)
        where = tex(r"\text{in a network trained on XOR, at the input } (%.2f,\ %.2f)" % tuple(x), font_size=style.LABEL,
                    color=style.MUTED, colored=False)
        where.next_to(definition, DOWN, buff=0.2).align_to(definition, LEFT)
        # The network's own derivative (toynet_core.model), exact 1s and 0s.
        self.relu_jacobian = value_matrix(np.diag(relu_prime(z1)), font_size=style.BODY,
                                          color=style.GRAD_COLOR, exact_zeros_muted=True, h_buff=0.8,
                                          v_buff=new.spacing)
        name = tex(r"\frac{\partial\,\mathrm{ReLU}(\vec{z})}{\partial \vec{z}} =", font_size=style.BODY,
                   color=style.GRAD_COLOR, colored=False)
        # The last entry is the appended constant 1, not a unit: ReLU(1) = 1, slope 1.
        words = ["kept" if o else "zeroed" for o in on[:-1]] + ["constant"]
        state = VGroup(*[note(word, font_size=style.SMALL, color=style.MUTED if word == "zeroed" else style.FOREGROUND)
                         .next_to(new.entries_out()[i], RIGHT, buff=0.45) for i, word in enumerate(words)])
        state.shift(RIGHT * (new.outputs.get_right()[0] + 0.3 - state.get_left()[0]))
        self.place(name, self.relu_jacobian, after=state, gap=0.5)
        self.relu_wiring = new
        leaving = VGroup(self.jacobian, self.jacobian_name, self.diagonal_formula, self.wiring, self.sigmoid_marks)
        # Built in the first half; then the three units are wiggled in turn: the ones that are on
        # pass the wiggle on, the one that is off passes nothing.
        self.wiring, self.jacobian = new, self.relu_jacobian
        self.wiggle([0, 1, 2],
                    "The network's ReLU keeps positive entries and zeroes negative ones: backpropagation "
                    "passes its diagonal Jacobian, 1 where a unit is on, 0 where it is off.",
                    light_wires=False, hold=0.8, lead=[
                        during(FadeOut(leaving), 0, 0.4),
                        during(FadeOut(self.definition), 0, 0.2), during(Write(definition), 0.1, 0.6),
                        during(Write(where), 0.2, 0.7),
                        during(LaggedStart(Write(new.inputs), Write(new.names[0]),
                                           *[Create(wire) for wire in new.wire_group],
                                           Write(new.outputs), Write(new.names[1]), lag_ratio=0.2), 0.3, 1),
                        during(Write(state), 0.8, 1),
                        during(Write(VGroup(name, self.relu_jacobian)), 0.7, 1)])

    # -- pieces ---------------------------------------------------------------------------
    def next_example(self, key, new, definition_tex, name_tex, subcaption, spoken=None):
        """One beat: the wiring, definition and Jacobian of the last example give way to `new`'s."""
        old = self.wiring
        definition = plain_tex(definition_tex, font_size=style.HEADING)
        definition.move_to(self.definition, aligned_edge=LEFT)
        jacobian = self.jacobian_matrix(central_jacobian(new.fn, new.x), new.spacing)
        name = tex(name_tex, font_size=style.HEADING, color=style.GRAD_COLOR, colored=False)
        self.place(name, jacobian, after=new.outputs)
        beat(self, during(FadeOut(self.definition), 0, 0.15), during(Write(definition), 0.1, 0.45),
             during(ReplacementTransform(old, new), 0.1, 0.4),
             during(FadeOut(VGroup(self.jacobian, self.jacobian_name)), 0.1, 0.3),
             during(Write(VGroup(jacobian, name)), 0.3, 0.55),
             subcaption=subcaption, spoken=spoken)
        self.wiring, self.definition, self.jacobian, self.jacobian_name = new, definition, jacobian, name
        self.examples[key] = {"x": new.x, "jacobian": jacobian, "wiring": new}

    @staticmethod
    def jacobian_matrix(values, spacing=1.0):
        """Row i level with output i when `spacing` is the wiring's."""
        return value_matrix(values, font_size=style.BODY, color=style.GRAD_COLOR, exact_zeros_muted=True,
                            h_buff=1.15, v_buff=spacing)

    def place(self, name, matrix, after=None, gap=0.9):
        """The Jacobian and its name, right of the wiring (or of `after`), level with it."""
        left = (after if after is not None else self.wiring.outputs).get_right()[0] + gap
        pair = VGroup(name, matrix).arrange(RIGHT, buff=0.25)
        level = (after if after is not None else self.wiring.outputs).get_y()
        pair.shift(RIGHT * (left - pair.get_left()[0]) + UP * (level - matrix.get_y()))
        return pair

    def wiggle(self, inputs, subcaption, extra=(), lead=(), light_wires=True, hold=0.0, spoken=None):
        """One beat: each listed input in turn swings back and forth, and every output is
        recomputed from the inputs as they move. The moving input's column of the Jacobian is
        framed, and (light_wires) its wires light up. `extra` animations run alongside; `lead`
        animations build the picture in the first half of the beat, and finish before the
        wiggle starts, so that no animation of theirs fights the wiggle's updaters."""
        inputs = [inputs] if isinstance(inputs, int) else list(inputs)
        w = self.wiring
        clock = ValueTracker(0.0)
        share = 1.0 / len(inputs)

        def current():
            t = clock.get_value()
            k = min(int(t / share), len(inputs) - 1)
            local = min(1.0, (t - k * share) / share / MOVING)  # then it rests at its true value
            x = w.x.copy()
            x[inputs[k]] += WIGGLE * np.sin(2 * np.pi * WIGGLES * local)
            return x, inputs[k]

        def moving():  # the input that is being wiggled right now, or None while all rest
            t = clock.get_value()
            k = min(int(t / share), len(inputs) - 1)
            return inputs[k] if 0 < (t - k * share) / share < MOVING and t < 1 else None

        def set_changed(col, values):  # re-typesetting a number is the costly part of a frame
            for entry, value in zip(col.get_entries(), values):
                if entry.get_value() != value:
                    entry.set_value(value)

        def update_inputs(col):
            set_changed(col, current()[0])
            # the wiggled entry is tinted while it moves, so a passing value reads as a wiggle
            j = moving()
            for i, entry in enumerate(col.get_entries()):
                entry.set_color(style.EMPHASIS if i == j else in_color)

        def update_marker(mark):  # a ± beside the input while it is wiggled
            j = moving()
            if j is not None:
                mark.next_to(w.inputs, LEFT, buff=0.1).set_y(w.entries_in()[j].get_y())
            return mark.set_opacity(0.0 if j is None else 1.0)

        def update_outputs(col):
            set_changed(col, np.atleast_1d(w.fn(current()[0])))

        def update_wires(group):
            _, j = current()
            for (i, jj), wire in w.wires.items():
                lit = jj == j
                wire.set_stroke(style.GRAD_COLOR if lit else style.MUTED, width=4 if lit else 2.5)

        def frame_for(j):
            return SurroundingRectangle(self.jacobian.get_columns()[j], color=style.EMPHASIS, buff=0.12)

        slopes = matrix_values(self.jacobian)

        def moved_for(j):  # the outputs input j moves: the non-zero entries of its column
            return VGroup(*[SurroundingRectangle(entry, color=style.EMPHASIS, buff=0.08)
                            for i, entry in enumerate(w.entries_out()) if slopes[i, j] != 0])

        def shown_once_moving(mob):  # frames appear when the wiggle starts, not before
            return mob.set_stroke(opacity=1.0 if clock.get_value() > 0 else 0.0)

        frame = shown_once_moving(frame_for(inputs[0]))
        moved = shown_once_moving(moved_for(inputs[0]))
        in_color = w.entries_in()[0].get_color()
        marker = plain_tex(r"\pm", font_size=style.BODY, color=style.EMPHASIS)
        update_marker(marker)
        marker.add_updater(update_marker)
        w.inputs.add_updater(update_inputs)
        w.outputs.add_updater(update_outputs)
        if light_wires:
            w.wire_group.add_updater(update_wires)
        # The frames travel from column to column, output to output (driven by the clock, not
        # animated, so no animation fights the updaters).
        frame.add_updater(lambda m: m.become(shown_once_moving(frame_for(current()[1]))))
        moved.add_updater(lambda m: m.become(shown_once_moving(moved_for(current()[1]))))
        self.add(frame, moved, marker)
        self.moved_frames.append([[i for i in range(len(w.entries_out())) if slopes[i, j] != 0] for j in inputs])
        swing = clock.animate(rate_func=lambda t: t).set_value(1.0).build()
        if lead:
            swing = Succession(AnimationGroup(*lead, run_time=1.0), swing.set_run_time(1.0))
        beat(self, *extra, swing, subcaption=subcaption, spoken=spoken, hold=hold)
        for mob in (w.inputs, w.outputs, w.wire_group, frame, moved, marker):
            mob.clear_updaters()
        for entry in w.entries_in():
            entry.set_color(in_color)
        # Back to rest: the inputs and outputs as they were, the wires as they were drawn.
        for entry, value in zip(w.inputs.get_entries(), w.x):
            entry.set_value(value)
        for entry, value in zip(w.outputs.get_entries(), np.atleast_1d(w.fn(w.x))):
            entry.set_value(value)
        if light_wires:
            for wire in w.wire_group:
                wire.set_stroke(style.MUTED, width=2.5)
        self.remove(frame, moved, marker)
        self.wiggles.append({"inputs": inputs, "wiring": w})
