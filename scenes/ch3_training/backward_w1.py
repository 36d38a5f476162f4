"""Backpropagation into the first layer: the chain's Jacobians with the example point's real
values, multiplied left to right, then the 1×9 row folded back into the 3×3 ∂L/∂W⁽¹⁾. A small
diagram in the corner shows where each link sits in the network; numbers carry their sign's
colour.

The diagonal ReLU' matrix shows its zeros and the column each one kills; the [I; 0] matrix
shows that the appended 1 sends nothing upstream; one unit's three weights get its slope times
x̃, on their edges; then, to check that by the chain rule, whose Jacobians are of functions of
a vector, W1's nine weights are laid out as one vector w (its rows end to end), and the 3×9
matrix X = ∂q/∂w does it for all nine at once."""

import numpy as np
from manim import (
    DOWN,
    AnimationGroup,
    Circle,
    LEFT,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Matrix,
    Line,
    Create,
    ReplacementTransform,
    Scene,
    SurroundingRectangle,
    Transform,
    TransformFromCopy,
    VGroup,
)

from scenes import style
from scenes.ch3_training._numbers_common import (box, count_to, example_numbers, route, running_products, settle,
                                                 sign_color, sign_key, signed, sweep, travel)
from scenes.widgets.diagram import NetworkDiagram
from scenes.ch3_training.gradient_flow import flow_copy, gradient_scale
from scenes.widgets.chain import ChainFormula
from scenes.widgets.matrices import number, row, value_matrix
from scenes.widgets.text import note, tex, title
from scenes.pacing import beat, during
from scenes.widgets.highlight import PointAt

FS = style.BODY
SUB = "₁₂₃"  # a unit's index, written as a subscript in the words
CHAIN_FS = style.HEADING  # the chain in the header: its links are read all scene long
WORK_Y = -1.5  # centre of the working area under the chain formula (and under the diagram)
ROW_BUFF = 1.0  # column spacing of gradient rows
# A hidden unit's two labels: the slope carried back on the right, off its outgoing edge (above
# an edge that falls to the output, below one that rises); the ReLU factor (×1, ×0) right above
# the unit, where no edge runs (the constant's on its left, where nothing comes in).
LABEL_LIFT = 0.2
TAG_TEX = 1.3  # TeX digits at 1.3× match the height of the note's text beside them
FACTOR_IN = 0.06  # how far a unit's ReLU factor tucks into the corner by its node's rim
LABEL_BUFF = 0.12  # between a node and the slope beside it: clear of its outline
EDGE_MARGIN = 0.7  # the header and the key keep this far (about 40 px at 480p) from the right edge
# W1 of names, between the diagram and the list w under it; its names (and w's) at the size
# of the matrices' numbers
W_NAMES_FS, W_SQUARE_H_BUFF, W_SQUARE_V_BUFF = style.LABEL, 0.8, 0.35
SCAN_BUFF = 0.19  # the box reading X's rows passes outside the frames round its blocks (0.1)
SLOPE_BUFF = 0.05  # a box round one entry of a row, clear of the row's bracket
RING_BUFF = 0.08  # a ring round a node of the folded gradient's picture


def grad_row(values):
    return signed(row(values, h_buff=ROW_BUFF))


LABEL_GAP = 0.12  # the least room between two edge labels, or a label and a node
# fractions of the way from an input to its hidden unit at which the folded gradient's picture
# labels the edges of the first unit on and of the last (label_edges): two columns apart
EDGE_NEAR, EDGE_FAR = 0.61, 0.225


def bounds(mob):
    """(left, bottom, right, top) of a mobject's box."""
    lo, hi = mob.get_corner(DOWN + LEFT), mob.get_corner(UP + RIGHT)
    return lo[0], lo[1], hi[0], hi[1]


def overlap(a, b, gap=0.0):
    """Whether two boxes come closer than `gap`."""
    return a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] - gap < b[3] and b[1] - gap < a[3]


class Step(VGroup):
    """One multiplication of the running product: lhs = left · right = result.

    `earlier` is everything but the result (it leaves when the next step comes), `link` the
    new factor with its signs (it arrives with the step)."""

    def __init__(self, lhs, left, right, result, buff=0.2):
        dot, equals = tex(r"\cdot", font_size=FS), tex("=", font_size=FS)
        super().__init__(lhs, left, dot, right, equals, result)
        self.arrange(RIGHT, buff=buff).move_to(WORK_Y * UP)
        self.lhs, self.left, self.right, self.result = lhs, left, right, result
        self.earlier = VGroup(lhs, left, dot, right, equals)
        self.link = VGroup(dot, right, equals)


def link_matrix(values, color, **kwargs):
    """A 0/1 Jacobian link; its off-diagonal entries are muted so the diagonal stands out."""
    mob = value_matrix(values, color=color, h_buff=0.65, integers=True, **kwargs)
    columns = values.shape[1]
    for k, entry in enumerate(mob.get_entries()):
        if k // columns != k % columns:
            entry.set_color(style.MUTED)
    return mob


def passing(dots):
    """A `travel` whose dots are all gone once it ends, even when it is squeezed into part of a
    beat (its last dot would otherwise wait at the end of its path for the beat to finish)."""
    place = dots.update_function

    def update(mob, alpha):
        place(mob, alpha)
        if alpha >= 1:
            mob.set_fill(opacity=0)

    dots.update_function = update
    return dots


def walk(frame, moves):
    """The frame moves to each state in turn, in one updater over the whole beat (two
    animations of one mobject in a beat would undo each other): moves = [(start, end, state)],
    shares of the beat; between moves it holds. A state with no stroke fades it out, a frame
    made with none fades in."""
    from manim import UpdateFromAlphaFunc, linear, smooth

    states = [frame.copy()] + [state for _, _, state in moves]

    def place(mob, alpha):
        for k, (start, end, _) in enumerate(moves):
            if alpha < start:
                mob.become(states[k])
                return
            if alpha < end:
                mob.become(states[k]).interpolate(states[k], states[k + 1], smooth((alpha - start) / (end - start)))
                return
        mob.become(states[-1])

    return UpdateFromAlphaFunc(frame, place, rate_func=linear)


def light(frame, start, end, color=style.EMPHASIS, width=3):
    """The frame's outline turns `color` (and `width`) in the share [start, end] of the beat and
    back, quickly in and out: only its stroke changes, so it can be drawn in the same beat."""
    from manim import UpdateFromAlphaFunc, interpolate_color, linear

    base, base_width = frame.get_stroke_color(), frame.get_stroke_width()
    ramp = 0.2 * (end - start)

    def shade(mob, alpha):
        t = min(max(alpha - start, 0.0), max(end - alpha, 0.0), ramp) / ramp
        mob.set_stroke(interpolate_color(base, color, t), width=base_width + (width - base_width) * t)

    return UpdateFromAlphaFunc(frame, shade, rate_func=linear)


def link_step(lhs, carry, link, result):
    """lhs = carry · link = result: one more link multiplied onto the running product."""
    return Step(tex(lhs, font_size=FS), carry, link, result, buff=0.15)


class BackpropW1(Scene):
    def construct(self):
        self.n = example_numbers()
        self.delta, self.at_x2, self.at_z1, self.at_q, self.at_w1 = running_products(self.n.chain)
        self.shown_rows = {}  # name -> the row mobject that displayed that partial product
        self.state_chain()
        self.first_two_links()
        self.through_w2()
        self.through_relu()
        self.kill_columns()
        self.drop_constant()
        self.share_on_edges()
        self.lay_out_weights()
        self.name_x()
        self.spread_over_weights()
        self.fold_into_matrix()

    # -- beats ---------------------------------------------------------------------------
    def state_chain(self):
        ex = self.n.ex
        self.heading = title("Backward: the first layer")
        self.chain = ChainFormula(r"\frac{\partial\mathcal{L}}{\partial\vec{w}^{(1)}}", [
            ("loss", r"\frac{\partial\mathcal{L}}{\partial\hat{y}}"),
            ("sigmoid", r"\frac{\partial\hat{y}}{\partial z^{(2)}}"),
            ("w2", r"\frac{\partial z^{(2)}}{\partial x^{(2)}}"),
            ("relu", r"\frac{\partial x^{(2)}}{\partial z^{(1)}}"),
            ("constant", r"\frac{\partial z^{(1)}}{\partial\vec{q}}"),
            ("inputs", r"\frac{\partial\vec{q}}{\partial\vec{w}^{(1)}}"),
        ], font_size=CHAIN_FS).next_to(self.heading, DOWN, buff=0.25).to_edge(RIGHT, buff=EDGE_MARGIN)
        # The shape of each link under it, all on one line: the scene's idea is a product of
        # small matrices.
        shapes = {"loss": "1×1", "sigmoid": "1×1", "w2": "1×4", "relu": "4×4", "constant": "4×3", "inputs": "3×9"}
        line_y = min(link.get_bottom()[1] for link in self.chain.links.values()) - 0.3
        self.shapes = VGroup(*[note(shape, style.LABEL).move_to([self.chain.links[name].get_center()[0], line_y, 0])
                               for name, shape in shapes.items()])
        self.shape_of = dict(zip(shapes, self.shapes))
        # The two vectors of the chain are defined where they first matter (drop_constant,
        # spread_over_weights), on this line under the shapes, at full size.
        self.defs_y = self.shapes.get_bottom()[1] - 0.38
        self.w_def = tex(r"\vec{w}^{(1)} = \mathrm{vec}\,W^{(1)}", font_size=FS).move_to([0, self.defs_y, 0])
        self.w_def.align_to(self.chain, RIGHT)
        self.q_def = tex(r"\vec{q} = W^{(1)}\tilde{x}", font_size=FS).move_to([0, self.defs_y, 0])
        self.q_def.next_to(self.w_def, LEFT, buff=1.0)
        # as large as the corner left of the chain allows: its labels must read at 480p
        self.diagram = NetworkDiagram(ex.W1, ex.W2, width=4.0, height=3.3, node_radius=0.28).move_to([-3.55, 0.85, 0])
        self.diagram.edges.set_stroke(opacity=0.45)
        self.key = sign_key().move_to([0, self.defs_y - 0.62, 0]).to_edge(RIGHT, buff=EDGE_MARGIN)
        # q and w are not defined yet: the chain starts as ∂L/∂W⁽¹⁾ = … · ∂x⁽²⁾/∂z⁽¹⁾ · ⋯, and
        # its last two links (and ∂L/∂w) come in as the words define q and w.
        self.lhs_W = tex(r"\frac{\partial\mathcal{L}}{\partial W^{(1)}}", font_size=CHAIN_FS)
        self.lhs_W.move_to(self.chain.lhs).align_to(self.chain.lhs, RIGHT)
        self.chain.lhs.set_opacity(0)
        parts = list(self.chain.submobjects)
        dots = {name: parts[parts.index(self.chain.links[name]) - 1] for name in ("constant", "inputs")}
        self.undefined = {name: VGroup(dots[name], self.chain.links[name], self.shape_of[name]).set_opacity(0)
                          for name in ("constant", "inputs")}
        self.rest = tex(r"\cdots", font_size=CHAIN_FS, color=style.MUTED)
        self.rest.move_to(dots["constant"]).align_to(dots["constant"], LEFT).match_y(self.chain.links["relu"])
        beat(self, during(FadeIn(self.heading), 0, 0.1), FadeIn(VGroup(self.chain, self.lhs_W, self.rest)),
             FadeIn(self.diagram), FadeIn(self.shapes), FadeIn(self.key),
             subcaption="The first layer sits further back: its chain has more links, each a small matrix.")

    def mark(self, *names):
        """A box around the named links of the chain and their shapes, so it strikes through
        neither."""
        marked = VGroup(*[VGroup(self.chain.links[n], self.shape_of[n]) for n in names])
        frame = SurroundingRectangle(marked, color=style.GRAD_COLOR, buff=0.08, stroke_width=2)
        # no wider than the gaps beside the links allow: its sides must not cut the = or a ·
        return frame.stretch_to_fit_width(marked.width + 0.08)

    def mark_link(self, name):
        """A box around one link alone, while its shape is still to come."""
        link = self.chain.links[name]
        frame = SurroundingRectangle(link, color=style.GRAD_COLOR, buff=0.08, stroke_width=2)
        return frame.stretch_to_fit_width(link.width + 0.08)

    def sample_tag(self):
        """The sample being carried back, under the key and right of the matrices the work
        line shows: its x̃, then its label y and the net's ŷ (so that ∂L/∂ŷ = 2(ŷ − y) can be
        checked), all from the example."""
        xt, y, y_hat = self.n.fwd.x_tilde[0], int(self.n.ex.y), float(self.n.fwd.y_hat[0])
        size = style.LABEL * TAG_TEX
        first = VGroup(note("sample", style.LABEL),
                       tex(r"\tilde{x} = (" + r",\ ".join(f"{v:.2f}" for v in xt[:2]) + r",\ 1)", font_size=size))
        first.arrange(RIGHT, buff=0.2)
        second = VGroup(tex(f"y = {y}", font_size=size), tex(rf"\hat{{y}} = {y_hat:.2f}", font_size=size))
        second.arrange(RIGHT, buff=0.4)
        tag = VGroup(first, second).arrange(DOWN, aligned_edge=RIGHT, buff=0.15)
        tag.next_to(self.key, DOWN, buff=0.2).align_to(self.key, RIGHT)
        tag.values = (xt, y, y_hat)
        return tag

    def first_two_links(self):
        c = self.n.chain
        self.tag = self.sample_tag()
        self.focus = self.mark("loss", "sigmoid")
        self.delta_value = signed(number(self.delta[0, 0], font_size=FS))
        eq = Step(tex(r"\frac{\partial\mathcal{L}}{\partial\hat{y}}\frac{\partial\hat{y}}{\partial z^{(2)}} =", font_size=FS),
                  signed(number(c.dL_dyhat[0, 0], font_size=FS)),
                  signed(number(c.dyhat_dz2[0, 0], font_size=FS)), self.delta_value)
        self.work = eq
        out = self.diagram.output_node
        self.at_out = self.small(self.delta[0, 0]).next_to(out, DOWN, buff=0.12)
        # the product is written after its "=", then a copy of it goes onto the output node
        # the sample comes first: −2(y − ŷ) can be checked against it
        beat(self, during(FadeIn(self.tag), 0, 0.12),
             during(FadeIn(self.focus), 0, 0.2), during(FadeIn(VGroup(*eq[:5])), 0.05, 0.2),
             count_to(self.delta_value, 0.2, 0.32),
             during(TransformFromCopy(self.delta_value, self.at_out), 0.33, 0.55),
             during(Indicate(out, color=style.GRAD_COLOR), 0.5, 0.95),
                   subcaption="The first two links are the same as for the last layer, and multiply to one number.")
        settle(self, self.delta_value, self.at_out)

    def through_w2(self):
        c = self.n.chain
        delta = self.delta_value.copy()
        w2 = row(c.dz2_dx2, color=style.W2_COLOR, h_buff=ROW_BUFF)
        self.carry = grad_row(self.at_x2)
        self.shown_rows["at_x2"] = self.carry
        eq = Step(tex(r"\frac{\partial\mathcal{L}}{\partial x^{(2)}} =", font_size=FS), delta, w2, self.carry)
        nodes = self.diagram.hidden_nodes
        self.at_nodes = VGroup(*[self.small(v).next_to(nodes[k], RIGHT, buff=LABEL_BUFF).shift(LABEL_LIFT * self.off_edge(k))
                                 for k, v in enumerate(self.at_x2[0])])
        self.node_backings = VGroup(*[self.backing(v) for v in self.at_nodes])
        self.add(self.node_backings)  # the background's colour: unseen, under the counting numbers
        # the product after its "=" first; then its entries go back along W2's edges to their units
        beat(self, during(Transform(self.focus, self.mark("w2")), 0, 0.2),
             during(FadeOut(self.work.earlier), 0, 0.12),
             during(ReplacementTransform(self.delta_value, delta), 0.05, 0.2),
             during(FadeIn(eq.lhs), 0.1, 0.2), during(FadeIn(eq.link), 0.1, 0.2),
             *self.fill_row(self.carry, 0.2, 0.35),
             during(passing(travel(self.diagram.w2_edges, lag_ratio=0.3, backward=True)), 0.35, 0.7),
             during(TransformFromCopy(self.carry.get_entries(), self.at_nodes), 0.4, 0.58),
             during(PointAt(self.carry, buff=0.08), 0.7, 1.0),
                   subcaption="The score is W⁽²⁾ times the hidden values, so that link is the row W⁽²⁾ itself.")
        settle(self, self.carry, self.at_nodes)
        self.work = eq

    def through_relu(self):
        c = self.n.chain
        carry = self.carry.copy()
        self.relu = link_matrix(c.dx2_dz1, style.Z_COLOR, exact_zeros_muted=False)
        self.next_carry = grad_row(self.at_z1)
        self.shown_rows["at_z1"] = self.next_carry
        eq = link_step(r"\frac{\partial\mathcal{L}}{\partial z^{(1)}} =", carry, self.relu, self.next_carry)
        nodes = self.diagram.hidden_nodes
        # each factor against its own node: a unit's at its upper left corner (the gap above
        # a unit is as near the unit over it), the constant's on its left
        self.slopes = VGroup(*[self.small(c.dx2_dz1[k, k], color=style.Z_COLOR, places=0, prefix=True)
                               .next_to(nodes[k], UP + LEFT if k < 3 else LEFT, buff=0.0 if k < 3 else 0.16)
                               .shift((FACTOR_IN * (RIGHT + DOWN)) if k < 3 else 0 * RIGHT)
                               for k in range(4)])
        self.slopes = VGroup(*[VGroup(self.backing(m), m) for m in self.slopes])
        diag = [self.relu.get_rows()[k][k] for k in range(4)]
        scan = box(self.slopes[0], buff=0.03)
        self.scan = scan
        beat(self, during(Transform(self.focus, self.mark("relu")), 0, 0.2),
             during(LaggedStart(*[FadeIn(m, scale=1.5) for m in self.slopes], lag_ratio=0.5), 0, 0.35),
             during(FadeOut(self.work.earlier), 0, 0.12),
             during(ReplacementTransform(self.carry, carry), 0.05, 0.2), during(FadeIn(eq.lhs), 0.1, 0.2),
             during(FadeIn(eq.link), 0.1, 0.22),
             *self.fill_row(self.next_carry, 0.22, 0.35),
             # the box waits on the first ×0/×1 of the diagram, then reads the diagonal
             during(FadeIn(scan), 0.4, 0.45), during(sweep(scan, diag), 0.62, 1.0),
                   subcaption="ReLU acts entry by entry, so its Jacobian is diagonal: 1 for an active unit and for the constant, 0 where off.",
                   spoken="ReLU acts entry by entry, so its Jacobian is diagonal: one for an active unit and for the constant, zero where off.")
        settle(self, self.next_carry)
        self.work = eq
        self.carry_shown = carry

    def kill_columns(self):
        z1 = self.n.fwd.z1[0]
        off = np.flatnonzero(z1 <= 0)
        columns = self.relu.get_columns()
        marks = VGroup()
        for k in off:
            marks.add(box(self.relu.get_rows()[k][k]),
                      SurroundingRectangle(columns[k], color=style.EMPHASIS, buff=0.12, stroke_width=2),
                      box(self.next_carry.get_entries()[k]))
        if len(off):
            words = "Here is the silent unit of the diagram: a zero on the diagonal wipes out its whole column."
        else:
            words = "No unit is off for this point, so the diagonal is all ones and nothing is wiped out."
        dim = [self.diagram.hidden_nodes[k].animate.set_opacity(0.35) for k in off if k < 3]
        # The carried numbers on the nodes pass the ReLU: times 1 they stay, times 0 they vanish.
        new_nodes = VGroup(*[self.small(v).move_to(self.at_nodes[k], aligned_edge=LEFT)
                             for k, v in enumerate(self.at_z1[0])])
        beat(self, during(FadeOut(self.scan), 0, 0.1),
             during(FadeIn(marks), 0.15, 0.35),
             *[during(d, 0, 0.3) for d in dim],
             during(ReplacementTransform(self.at_nodes, new_nodes), 0, 0.4),
             # the factors themselves, not their backings (Indicate would fill those in its colour)
             during(Indicate(VGroup(*[self.slopes[k][1] for k in off]), color=style.EMPHASIS), 0, 0.5) if len(off)
             else during(Indicate(VGroup(*[m[1] for m in self.slopes]), color=style.EMPHASIS), 0, 0.5),
             during(travel([self.diagram.w2_edges[k] for k in range(3) if k not in off], lag_ratio=0.5,
                           backward=True), 0.3, 1.0),
             subcaption=words)
        self.at_nodes = new_nodes
        self.relu_marks = marks

    def drop_constant(self):
        c = self.n.chain
        carry = self.next_carry.copy()
        self.stack = link_matrix(c.dz1_dq, style.FOREGROUND)
        self.carry = grad_row(self.at_q)
        self.shown_rows["at_q"] = self.carry
        eq = link_step(r"\frac{\partial\mathcal{L}}{\partial\vec{q}} =", carry, self.stack, self.carry)
        rows = self.stack.get_rows()
        last_row = SurroundingRectangle(rows[0], color=style.EMPHASIS, buff=0.1, stroke_width=2)
        const_note = note("the constant 1", style.SMALL, style.FOREGROUND).next_to(self.stack, DOWN, buff=0.12)
        const = self.diagram.hidden_nodes[3]
        # q: the three units' entries of z1, framed on the diagram and defined in the header.
        units = VGroup(*self.diagram.hidden_nodes[:3], *self.at_nodes[:3], *self.slopes[:3])
        self.q_box = SurroundingRectangle(units, color=style.EMPHASIS, buff=0.16, stroke_width=2)
        # left of the frame's top, where no edge runs and clear of the title above
        self.q_label = tex(r"\vec{q}", font_size=FS).next_to(self.q_box, LEFT, buff=0.08).align_to(self.q_box, UP)
        beat(self, during(Transform(self.focus, self.mark("constant")), 0, 0.2),
                   # q framed as the words name it, then the constant pointed at as they reach it
                   during(Create(self.q_box), 0.15, 0.35), during(FadeIn(self.q_label), 0.2, 0.35),
                   # (its outline and its 1: a box round it would touch q's frame, and Indicate
                   # would colour its dark fill)
                   during(Indicate(VGroup(const[1], const[2]), color=style.EMPHASIS), 0.55, 0.95),
                   during(FadeIn(self.q_def, shift=0.2 * DOWN), 0.4, 0.6),
                   during(self.undefined["constant"].animate.set_opacity(1), 0.4, 0.6),
                   # the dots step on past the new link: one link is still to come
                   during(self.rest.animate.align_to(self.undefined["inputs"][0], LEFT), 0.4, 0.6),
                   during(FadeOut(VGroup(self.work.earlier, self.relu_marks)), 0, 0.12),
                   during(ReplacementTransform(self.next_carry, carry), 0.05, 0.2), during(FadeIn(eq.lhs), 0.1, 0.2),
                   during(FadeIn(eq.link), 0.1, 0.22),
                   *self.fill_row(self.carry, 0.22, 0.35),
                   # Weights feed the three units; nothing feeds the constant.
                   during(travel([e for row in self.diagram.w1_edges for e in row] * 2, color=style.W1_COLOR,
                                 lag_ratio=0.2), 0, 1.0),
                   subcaption="Only the first three entries of z⁽¹⁾, call them q, depend on the weights; the appended one is a constant.")
        # The box reads the rows in order (each q passes through with a 1) and stops on the
        # bottom row before the words name it.
        # the sample's tag leaves: the dots below pass where it stood (and share_on_edges writes
        # its x̃ by the inputs)
        beat(self, during(FadeOut(self.tag), 0, 0.1),
             during(FadeIn(last_row), 0, 0.05), during(FadeIn(const_note), 0.35, 0.5),
             during(FadeOut(VGroup(self.at_nodes[3], self.slopes[3])), 0.35, 0.55),
             during(const.animate.set_opacity(0.3), 0.35, 0.55),
             during(sweep(last_row, [rows[1], rows[2], rows[3]], buff=0.1), 0.05, 0.35),
             # q's three slopes pass straight through their 1s; the constant's has no way on.
             # (over the top of the 4×3 matrix, so no dot covers a number on its way)
             during(travel([self.over(carry.get_entries()[k], self.carry.get_entries()[k],
                                      self.stack.get_top()[1] + 0.12 + 0.1 * k)
                            for k in range(3)] * 2, lag_ratio=0.3), 0.45, 1.0),
                   subcaption="The next link, the 4×3 slope of z⁽¹⁾ in q, has a zero bottom row: the constant passes no slope back.")
        settle(self, self.carry)
        self.work = VGroup(eq.earlier, last_row, const_note)

    def share_on_edges(self):
        """One unit on the diagram before any matrix: the slope of each weight into it is the
        unit's slope (its entry of ∂L/∂q) times the input its edge carries, x̃."""
        xt = self.n.fwd.x_tilde[0]
        u = int(np.argmax(np.abs(self.at_q[0])))  # the unit with the largest slope
        self.unit = u
        nodes, edges = self.diagram.input_nodes, self.diagram.w1_edges[u]
        self.inputs = VGroup(*[self.small(v, color=style.X_COLOR).next_to(node, LEFT, buff=0.08)
                               for v, node in zip(xt, nodes)])
        # slope of w_uj = at_q[u] · x̃_j, the entries of the flat row that belong to unit u
        shares = self.at_w1[0, 3 * u:3 * u + 3]
        self.edge_slopes = VGroup()
        for j, (edge, value) in enumerate(zip(edges, shares)):
            self.edge_slopes.add(self.edge_label(value, edge, 0.4))
        lines = VGroup(tex(r"\frac{\partial\mathcal{L}}{\partial w_{%dj}} = \frac{\partial\mathcal{L}}{\partial q_%d}"
                           r"\,\tilde{x}_j" % (u + 1, u + 1), font_size=FS))
        self.share_rows = []
        for j in range(3):
            x = x_value = number(xt[j], color=style.X_COLOR, font_size=FS)
            if xt[j] < 0:  # a negative factor in brackets
                x = VGroup(tex("(", font_size=FS), x, tex(")", font_size=FS)).arrange(RIGHT, buff=0.05)
            parts = (tex(r"w_{%d%d}:" % (u + 1, j + 1), font_size=FS),
                     signed(number(self.at_q[0, u], font_size=FS)), tex(r"\times", font_size=FS),
                     x, tex("=", font_size=FS), signed(number(shares[j], font_size=FS)))
            line = VGroup(*parts).arrange(RIGHT, buff=0.15)
            self.share_rows.append((parts[1], x_value, parts[5]))  # share, x̃_j, their product
            lines.add(line)
        # the rule on the left, the three products beside it, under the diagram and above the band
        products = VGroup(*lines[1:]).arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        products.next_to(lines[0], RIGHT, buff=0.4)
        lines.next_to(self.diagram, DOWN, buff=0.3).to_edge(LEFT, buff=style.EDGE_BUFF)
        unit_share = self.carry.get_entries()[u]
        # the row ∂L/∂q stays up, read from: it keeps its name once its equation leaves
        self.carry_lhs = tex(r"\frac{\partial\mathcal{L}}{\partial\vec{q}} =", font_size=FS)
        self.carry_lhs.next_to(self.carry, LEFT, buff=0.2)
        # (the box stays on the last link shown: ∂q/∂w comes in once w is defined)
        beat(self, during(FadeOut(self.work), 0, 0.15), during(FadeIn(self.carry_lhs), 0.12, 0.25),
             during(LaggedStart(*[FadeIn(m, shift=0.2 * RIGHT) for m in self.inputs], lag_ratio=0.3), 0.05, 0.2),
             during(FadeIn(lines[0]), 0.1, 0.25),
             during(PointAt(self.at_nodes[u], buff=0.06), 0.1, 0.4), during(PointAt(unit_share, buff=0.06), 0.1, 0.4),
             during(passing(travel(list(edges), lag_ratio=0.2, backward=True)), 0.15, 0.4),
             *[during(FadeIn(VGroup(lines[j + 1], self.edge_slopes[j])), 0.25 + 0.1 * j, 0.35 + 0.1 * j)
               for j in range(3)],
             # then each product is pointed at in turn, with its edge, while the words are read
             *[during(AnimationGroup(PointAt(lines[j + 1], buff=0.06), PointAt(self.edge_slopes[j], buff=0.04)),
                      0.55 + 0.15 * j, 0.7 + 0.15 * j) for j in range(3)],
             subcaption=f"Take unit {u + 1}: each weight into it gets unit {u + 1}'s slope ∂L/∂q{SUB[u]} times "
                        "the input x̃ⱼ its edge carries.",
             spoken=f"Take unit {u + 1}: each weight into it gets unit {u + 1}'s slope, d L by d q {u + 1}, times "
                    "the input x tilde j its edge carries.")
        self.work = lines

    def lay_out_weights(self):
        """Why the last link takes w: the chain rule multiplies Jacobians, and a Jacobian is of
        a function of a vector, so W1's nine weights are laid out as one vector, its rows end to
        end. The edge picture stays up: the chain rule is about to check it."""
        c = self.n.chain
        # The work of the next beats, placed now so that w's nine names already stand in the
        # columns X will have: X's row i then meets row i of W1.
        carry = self.carry.copy()
        lhs1 = tex(r"\frac{\partial\mathcal{L}}{\partial\vec{q}} =", font_size=FS)
        line1 = VGroup(lhs1, carry).arrange(RIGHT, buff=0.2)
        # room inside its brackets for the frames round its rows
        self.X = value_matrix(c.dq_dw1, color=style.X_COLOR, h_buff=ROW_BUFF, exact_zeros_muted=True,
                              bracket_h_buff=0.32)
        lhs2 = tex(r"\frac{\partial\vec{q}}{\partial\vec{w}^{(1)}} = X =", font_size=FS)
        line2 = VGroup(lhs2, self.X).arrange(RIGHT, buff=0.2)
        self.flat = grad_row(self.at_w1)
        self.shown_rows["at_w1"] = self.flat
        lhs3 = tex(r"\frac{\partial\mathcal{L}}{\partial\vec{w}^{(1)}} =", font_size=FS)
        line3 = VGroup(lhs3, self.flat).arrange(RIGHT, buff=0.2)
        lines = VGroup(line1, line2, line3).arrange(DOWN, buff=0.3)
        for line in (line1, line3):  # rows start where X starts
            line.shift((self.X.get_left()[0] - line[1].get_left()[0]) * RIGHT)
        lines.move_to(1.05 * DOWN)
        self.lines = lines
        # W1 of names under the diagram (where the unit's products were), and w: its rows laid
        # end to end on the row ∂L/∂w will fill
        names = [[f"w_{{{i + 1}{j + 1}}}" for j in range(3)] for i in range(3)]
        entry = lambda s: tex(s, font_size=W_NAMES_FS, color=style.W1_COLOR)
        w_square = Matrix(names, element_to_mobject=entry, h_buff=W_SQUARE_H_BUFF, v_buff=W_SQUARE_V_BUFF,
                          bracket_v_buff=0.1)
        self.w_square_line = VGroup(tex(r"W^{(1)} =", font_size=FS), w_square).arrange(RIGHT, buff=0.2)
        self.w_square_line.next_to(self.diagram, DOWN, buff=0.2).to_edge(LEFT, buff=style.EDGE_BUFF)
        w_row = Matrix([sum(names, [])], element_to_mobject=entry, h_buff=ROW_BUFF)
        w_row.shift((self.X.get_columns()[0].get_center()[0] - w_row.get_columns()[0].get_center()[0]) * RIGHT
                    + (line3[1].get_center()[1] - w_row.get_center()[1]) * UP)
        self.w_lhs = tex(r"\vec{w}^{(1)\top} =", font_size=FS).next_to(w_row, LEFT, buff=0.2)
        self.w_row = w_row
        self.w_groups = [VGroup(*w_row.get_entries()[3 * i:3 * i + 3]) for i in range(3)]
        square_rows = w_square.get_rows()
        # the chain's left side becomes ∂L/∂w, and its last link comes in: a Jacobian in w
        link = VGroup(self.undefined["inputs"][:2])
        beat(self, during(FadeOut(self.work), 0, 0.12),
             during(FadeIn(self.w_square_line), 0.05, 0.18),
             during(FadeIn(self.w_def, shift=0.2 * DOWN), 0.1, 0.2),
             during(link.animate.set_opacity(1), 0.1, 0.2),
             during(Transform(self.focus, self.mark_link("inputs")), 0.1, 0.22),
             during(FadeOut(self.rest), 0.1, 0.2),
             during(FadeOut(self.lhs_W), 0.1, 0.2), during(self.chain.lhs.animate.set_opacity(1), 0.1, 0.2),
             during(FadeIn(VGroup(self.w_lhs, w_row.get_brackets())), 0.2, 0.28),
             # row by row, W1's rows go end to end into one list
             *[during(TransformFromCopy(square_rows[i], self.w_groups[i]), 0.25 + 0.15 * i, 0.45 + 0.15 * i)
               for i in range(3)],
             during(PointAt(self.w_def, buff=0.08), 0.72, 1.0),
             subcaption="To check these edges, the chain rule multiplies Jacobians, which need a vector: "
                        "so W⁽¹⁾'s nine weights become one vector, w.",
             spoken="To check these edges, the chain rule multiplies Jacobians, which need a vector: "
                    "so W one's nine weights become one vector, w.")

    def name_x(self):
        """q = Xw: X in W1's place, each unit's block framed with the row of w it meets, and a
        box reading X row by row as the words name row i."""
        line1, line2, _ = self.lines
        lhs1, carry = line1
        blocks = VGroup(*[SurroundingRectangle(VGroup(*self.X.get_rows()[i][3 * i:3 * i + 3]),
                                               color=style.X_COLOR, buff=0.1, stroke_width=2) for i in range(3)])
        self.w_boxes = VGroup(*[SurroundingRectangle(g, color=style.W1_COLOR, buff=0.1, stroke_width=2)
                                for g in self.w_groups])
        # The diagram (with share_on_edges' inputs and slopes) makes room for the matrix.
        on_diagram = VGroup(self.diagram, self.node_backings, self.at_nodes, self.slopes, self.at_out, self.inputs,
                            self.edge_slopes, self.q_box, self.q_label)
        # the box that reads X's rows passes outside the blocks' frames, so the two never draw
        # one line; it comes in unseen on row 1
        rows = list(self.X.get_rows())
        self.scan = box(rows[0], buff=SCAN_BUFF).set_stroke(opacity=0)
        seen = [box(r, buff=SCAN_BUFF) for r in rows]
        beat(self, during(FadeOut(on_diagram), 0, 0.12), during(FadeOut(self.w_square_line), 0.05, 0.15),
             during(ReplacementTransform(self.carry, carry), 0.05, 0.2),
             during(ReplacementTransform(self.carry_lhs, lhs1), 0.05, 0.2),
             during(FadeIn(line2), 0.12, 0.25),
             during(self.undefined["inputs"][2].animate.set_opacity(1), 0.12, 0.25),
             during(Transform(self.focus, self.mark("inputs")), 0.12, 0.25),
             # each pair of frames comes at once (a frame drawn line by line would cut its entries)
             during(FadeIn(VGroup(blocks, self.w_boxes)), 0.25, 0.32),
             walk(self.scan, [(0.32 + 0.2 * i, 0.38 + 0.2 * i, seen[i]) for i in range(3)]),
             # row i of X with the row of w it meets: its frame lights up (a box round it would
             # touch w's brackets)
             *[light(self.w_boxes[i], 0.34 + 0.2 * i, 0.52 + 0.2 * i) for i in range(3)],
             subcaption="Then q = Xw, with X 3×9: row i of X holds x̃ in unit i's three slots.",
             spoken="Then q is X times w, with X three by nine: row i of X holds x tilde in unit i's three slots.")
        self.carry = carry
        self.x_blocks = blocks

    def spread_over_weights(self):
        """All nine slopes at once: as each unit's three slots of ∂L/∂w count up, boxes hold its
        slope in ∂L/∂q and its row of X; then they come to rest on the unit of share_on_edges."""
        line1, line2, line3 = self.lines
        lhs3 = line3[0]
        rows, slopes = list(self.X.get_rows()), list(self.carry.get_entries())
        unit_box = box(slopes[0], buff=SLOPE_BUFF).set_stroke(opacity=0)
        start, each = 0.1, 0.25 / 3  # fill_row's share of each unit's three slots, over 0.1–0.35
        at = lambda i: start + each * i
        scan_moves = [(max(at(i) - 0.04, 0.0), at(i), box(rows[i], buff=SCAN_BUFF)) for i in range(3)]
        slope_moves = [(max(at(i) - 0.04, 0.0), at(i), box(slopes[i], buff=SLOPE_BUFF)) for i in range(3)]
        u = self.unit
        # (when the words reach it) both boxes go to unit u, whose three slots are pointed at
        scan_moves.append((0.42, 0.5, box(rows[u], buff=SCAN_BUFF)))
        slope_moves.append((0.42, 0.5, box(slopes[u], buff=SLOPE_BUFF)))
        beat(self, during(FadeOut(VGroup(self.w_lhs, self.w_row, self.w_boxes)), 0, 0.1),
             during(FadeIn(lhs3), 0.05, 0.15),
             *self.fill_row(self.flat, start, 0.35),
             walk(self.scan, scan_moves), walk(unit_box, slope_moves),
             during(PointAt(VGroup(*self.flat.get_entries()[3 * u:3 * u + 3]), buff=0.08), 0.5, 0.98),
             subcaption=f"So the chain gives each unit's slope times x̃, all nine at once; for unit {u + 1}, "
                        "the numbers on its edges.",
             spoken=f"So the chain gives each unit's slope times x tilde, all nine at once; for unit {u + 1}, "
                    "the numbers on its edges.")
        settle(self, self.flat)
        self.work = VGroup(line1, line2, self.x_blocks, self.scan, unit_box)

    def fold_into_matrix(self):
        """The folded gradient lands beside the picture of the scene before: the diagram with
        each first-layer edge drawn by its slope (GradientFlow's code)."""
        c, ex = self.n.chain, self.n.ex
        self.grad = signed(value_matrix(c.dL_dW1, h_buff=ROW_BUFF))
        lhs = tex(r"\frac{\partial\mathcal{L}}{\partial W^{(1)}} =", font_size=FS)
        VGroup(lhs, self.grad).arrange(RIGHT, buff=0.2).move_to([2.7, -0.75, 0])  # places both
        # as large as the room left of the matrix allows: a slope on each edge of the units that
        # were on, apart from one another
        self.picture = NetworkDiagram(ex.W1, ex.W2, width=6.0, height=3.6).move_to([-3.4, -0.2, 0])
        self.picture.edges.set_stroke(opacity=0.2)
        for k in np.flatnonzero(self.n.fwd.z1[0][:3] <= 0):  # switched off, as in the corner diagram
            self.picture.hidden_nodes[k].set_opacity(0.35)
        scale = gradient_scale(c)
        self.picture_flow = VGroup(*[flow_copy(self.picture.w1_edges[i][j], c.dL_dW1[i, j], scale)
                                     for i in range(3) for j in range(3)])
        # each slope on its edge, as in share_on_edges: the rows of the matrix can be checked
        # against the picture (an off unit's edges carry nothing, its row is zero)
        self.picture_slopes = self.label_edges(self.picture, c.dL_dW1)
        # The row ∂L/∂w stays where it was filled: a copy of each slope flies from it (a copy
        # waits on its slope from the start of the beat, so the row must not move under it).
        # One column per slope (get_entries would also list the copies the fly-in left inside).
        entries = list(self.flat.get_columns())
        moves = [TransformFromCopy(entries[k], self.grad.get_entries()[k]) for k in range(9)]
        # Each three of the nine slopes, and the row of W1's gradient they become, share a frame.
        groups = VGroup(*[SurroundingRectangle(VGroup(*entries[3 * i:3 * i + 3]), color=style.MUTED,
                                               buff=0.06, stroke_width=2) for i in range(3)])
        rows = VGroup(*[SurroundingRectangle(self.grad.get_rows()[i], color=style.MUTED, buff=0.06, stroke_width=2)
                        for i in range(3)])
        self.fold_frames = VGroup(groups, rows)
        beat(self, during(FadeOut(self.work), 0, 0.15), during(FadeOut(self.focus), 0, 0.15),
             during(Create(groups), 0.2, 0.3), during(Create(rows), 0.5, 0.6),
             during(FadeIn(lhs), 0.2, 0.3), during(FadeIn(self.grad.get_brackets()), 0.2, 0.3),
             *[during(m, 0.25 + 0.05 * (k // 3), 0.45 + 0.05 * (k // 3)) for k, m in enumerate(moves)],
             # then each three slopes and the row they became light up together, in turn (their
             # own frames: a box round a frame would touch the brackets)
             *[light(frames[i], 0.62 + 0.12 * i, 0.74 + 0.12 * i) for frames in (groups, rows) for i in range(3)],
             subcaption="Fold the nine slopes back, three per row: the gradient, one slope per weight, has the shape of W⁽¹⁾.")
        zero = [i for i in range(3) if np.all(c.dL_dW1[i] == 0)]
        rows = self.grad.get_rows()
        self.zero_boxes = VGroup(*[box(rows[i]) for i in zero])
        nodes = self.picture.hidden_nodes
        self.off_rings = VGroup(*[Circle(radius=nodes[i].width / 2 + RING_BUFF, color=style.EMPHASIS, stroke_width=3)
                                  .move_to(nodes[i]) for i in zero])
        # the slopes run back along the edges first, and are gone before the labels come, so no
        # dot covers a label
        beat(self, during(FadeIn(self.picture), 0, 0.2),
             during(passing(travel([self.picture.w1_edges[i][j] for i in range(3) for j in range(3)
                                    if c.dL_dW1[i, j] != 0], lag_ratio=0.3, backward=True)), 0.1, 0.4),
             during(LaggedStart(*[Create(f) for f in self.picture_flow], lag_ratio=0.1), 0.15, 0.4),
             during(LaggedStart(*[FadeIn(m) for m in self.picture_slopes], lag_ratio=0.2), 0.4, 0.55),
             # as the words reach the unit that was off: its row boxed, its node on the picture ringed
             *([during(FadeIn(self.zero_boxes), 0.5, 0.58),
                *[during(FadeIn(ring, scale=1.3), 0.55, 0.75) for ring in self.off_rings]]
               if zero else [during(Indicate(self.grad), 0.6, 1.0)]),
             subcaption=self._fold_words(), hold=0.8)

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def fill_row(mat, start, end):
        """The row's brackets, then its entries counting up one after another, left to right:
        each product computed in turn (in the share [start, end] of the beat, over by
        count_to's COUNT_BY)."""
        entries = list(mat.get_entries())
        n, span = len(entries), end - start
        return [during(FadeIn(mat.get_brackets()), start, start + 0.1 * span),
                *[count_to(e, start + span * k / n, start + span * (k + 1) / n)
                  for k, e in enumerate(entries)]]

    def edge_label(self, value, edge, at):
        """A weight's slope on its edge: on a dark pad framed in the gradients' colour, so that
        no edge runs through it and it does not read as a unit's own slope (bare, by its node)."""
        from manim import BackgroundRectangle

        num = self.small(value).move_to(edge.point_from_proportion(at))
        pad = BackgroundRectangle(num, fill_opacity=1.0, buff=0.035)
        pad.set_stroke(style.GRAD_COLOR, width=1.5, opacity=1)
        return VGroup(pad, num).set_z_index(3)

    @staticmethod
    def over(start, end, y):
        """A path from above one number to above another, across at height y."""
        a, b = start.get_top() + 0.08 * UP, end.get_top() + 0.08 * UP
        return route(Line(a, [a[0], y, 0]), Line([a[0], y, 0], [b[0], y, 0]), Line([b[0], y, 0], b))

    @staticmethod
    def backing(mob):
        """A backing in the background's colour, so the edges under a label do not cut it."""
        from manim import BackgroundRectangle
        return BackgroundRectangle(mob, fill_opacity=1.0, buff=0.04)

    def off_edge(self, k):
        """UP or DOWN: the side of hidden unit k's outgoing edge its label keeps to."""
        rises = self.diagram.output_node.get_y() > self.diagram.hidden_nodes[k].get_y()
        return DOWN if rises else UP

    @staticmethod
    def small(value, color=None, places=None, prefix=False):
        """A number on the diagram: small, coloured by its sign unless `color`; `prefix` writes
        it as a factor (×1, ×0)."""
        num = number(value, sign_color(value) if color is None else color, places=places,
                      font_size=style.SMALL * 1.3)
        if not prefix:
            return num
        times = tex(r"\times", font_size=style.SMALL * 1.3).set_color(num.get_color())
        group = VGroup(times, num).arrange(RIGHT, buff=0.04)
        return group

    def label_edges(self, diagram, grads):
        """The slope of every weight of a unit that was on, on its edge (edge_label), by one
        rule: a unit's three labels at one fraction of the way along its edges, so they stand
        in a column, each unit's column its own (EDGE_NEAR toward the units for the first unit
        on, EDGE_FAR for the last, evenly between). A label that would still overlap one placed
        before, or a node, slides along its own edge to the nearest place that does not."""
        on = np.flatnonzero(self.n.fwd.z1[0][:3] > 0)
        columns = np.linspace(EDGE_NEAR, EDGE_FAR, len(on)) if len(on) > 1 else [0.5 * (EDGE_NEAR + EDGE_FAR)]
        nodes = [bounds(m) for m in (*diagram.input_nodes, *diagram.hidden_nodes, diagram.output_node)]
        labels, placed = VGroup(), []
        for i, column in zip(on, columns):
            for j in range(3):
                tries = sorted(np.linspace(0.15, 0.85, 57), key=lambda t: abs(t - column))
                made = (self.edge_label(grads[i, j], diagram.w1_edges[i][j], t) for t in (column, *tries))
                label = next((lab for lab in made if not any(overlap(bounds(lab), o, LABEL_GAP)
                                                             for o in placed + nodes)), None)
                if label is None:  # (never for this network's two units on) the rule's place
                    label = self.edge_label(grads[i, j], diagram.w1_edges[i][j], column)
                placed.append(bounds(label))
                label.row, label.column = i, j
                labels.add(label)
        return labels

    def _fold_words(self):
        z1 = self.n.fwd.z1[0][:3]
        off = [str(k + 1) for k in np.flatnonzero(z1 <= 0)]
        head = "Row i holds the slopes of unit i's three weights, the numbers now on its edges"
        if not off:
            return f"{head}."
        if len(off) == 1:
            return f"{head}; unit {off[0]} was off, so its row is zero."
        return f"{head}; units {' and '.join(off)} were off, so their rows are zero."
