"""Sphinx extension: diagrams drawn at build time from the code and the data, as SVG.

No Graphviz, no JavaScript, no network: each directive computes its picture from the
installed package, writes a plain SVG file under ``docs/_generated/diagrams/`` (ignored
by git) and puts it in the page as a figure with its caption. A change to the model, the
lifecycle or the data changes the picture at the next build; a change the drawing code
does not know how to lay out fails the build instead of drawing something wrong.

``.. model-diagram::``
    The model's classes (:class:`~copsreform.agency.Agency`,
    :class:`~copsreform.agency.Organization`, :class:`~copsreform.providers.Provider`,
    :class:`~copsreform.engagement.Engagement`,
    :class:`~copsreform.engagement.StatusChange`,
    :class:`~copsreform.engagement.Recommendation`, :class:`~copsreform.grant.Grant`),
    each with its fields and their types, read from ``attrs.fields`` and the type
    hints; an arrow for every field whose type holds another of these classes.

``.. lifecycle-diagram::``
    The engagement lifecycle, read from :data:`copsreform.engagement.TRANSITIONS`.

``.. funding-chart::``
    COPS obligations by fiscal year and program, from the real USAspending page that
    ships in the package, read with the library's importer.
"""

import datetime as dt
import itertools
import types
import typing
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import attrs
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import copsreform as cr
from copsreform.engagement import TRANSITIONS, EngagementStatus

_OUT = "_generated/diagrams"
_FONT = "font-family='DejaVu Sans, Helvetica, Arial, sans-serif'"
_MONO = "font-family='DejaVu Sans Mono, Menlo, Consolas, monospace'"
_INK = "#1f2933"
_LINE = "#52606d"
_FILL = "#f0f4f8"
_HEAD = "#d9e2ec"
_ACCENT = "#2f6fb2"


def _svg(width: float, height: float, body: Iterable[str], title: str) -> str:
    return "\n".join(
        [
            (
                f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' "
                f"height='{height:.0f}' viewBox='0 0 {width:.0f} {height:.0f}' role='img'>"
            ),
            f"<title>{escape(title)}</title>",
            (
                "<defs><marker id='arrow' viewBox='0 0 10 10' refX='10' refY='5' "
                "markerWidth='8' markerHeight='8' orient='auto-start-reverse'>"
                f"<path d='M0,0 L10,5 L0,10 z' fill='{_LINE}'/></marker></defs>"
            ),
            "<rect width='100%' height='100%' fill='white'/>",
            *body,
            "</svg>",
            "",
        ]
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = 12,
    anchor: str = "start",
    mono: bool = False,
    weight: str = "normal",
    fill: str = _INK,
) -> str:
    font = _MONO if mono else _FONT
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' {font} font-size='{size}' font-weight='{weight}' "
        f"text-anchor='{anchor}' fill='{fill}'>{escape(text)}</text>"
    )


def _path(points: list[tuple[float, float]], *, arrow: bool = True, dash: bool = False) -> str:
    d = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))
    marker = " marker-end='url(#arrow)'" if arrow else ""
    dashes = " stroke-dasharray='5,4'" if dash else ""
    return f"<path d='{d}' fill='none' stroke='{_LINE}' stroke-width='1.4'{marker}{dashes}/>"


def _figure(
    directive: SphinxDirective, name: str, svg: str, caption: str, alt: str, *, wide: bool = False
) -> list[nodes.Node]:
    folder = Path(directive.env.srcdir) / _OUT
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if not target.exists() or target.read_text(encoding="utf-8") != svg:
        target.write_text(svg, encoding="utf-8")
    image = nodes.image(uri=f"/{_OUT}/{name}", alt=alt, candidates={"*": f"{_OUT}/{name}"})
    image["classes"].append("copsreform-diagram")
    image["width"] = "100%"  # scaled to the page; the HTML links it to the full-size file
    figure = nodes.figure("", image, classes=["copsreform-figure"])
    if wide:  # may use the free space right of the text column (see copsreform.css)
        figure["classes"].append("copsreform-wide")
    caption_node = nodes.caption(caption, "")
    caption_node.extend(directive.parse_inline(caption)[0])
    figure += caption_node
    return [figure]


# (a) The model --------------------------------------------------------------------------

_MODEL = (
    cr.Grant,
    cr.Engagement,
    cr.StatusChange,
    cr.Recommendation,
    cr.Organization,
    cr.Agency,
    cr.Provider,
)
# The field text is 13 px monospace (a character is 0.602 em wide) and long lines wrap,
# so that the diagram, scaled to the page's text column at 1280 px, still shows its
# field text at about 11 px.
_FIELD_SIZE = 13
_CHAR = 7.9  # width of a character of the field font, in pixels
_WRAP = 27  # a "name: type" line longer than this puts the type on a line of its own
_ROW = 18.0
_HEADER = 28.0


def _optional_inner(tp: Any) -> Any | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) < len(typing.get_args(tp)):
            return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
    return None


def _type_label(tp: Any) -> str:
    inner = _optional_inner(tp)
    if inner is not None:
        return f"{_type_label(inner)} | None"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_label(a) for a in args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"tuple[{_type_label(args[0])}, ...]"
    if origin is frozenset:
        return f"frozenset[{_type_label(args[0])}]"
    if tp is dt.date:
        return "date"
    return getattr(tp, "__name__", repr(tp))


def _links(tp: Any) -> tuple[list[type[Any]], str]:
    """The model classes a field type refers to, and the multiplicity of the reference."""
    inner = _optional_inner(tp)
    if inner is not None:
        found, _ = _links(inner)
        return found, "0..1"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (tuple, frozenset):
        found = [a for a in args if a in _MODEL]
        return found, "0..*"
    if origin in (typing.Union, types.UnionType):
        return [a for a in args if a in _MODEL], "1"
    return ([tp] if tp in _MODEL else []), "1"


@attrs.frozen
class _Box:
    cls: type[Any]
    x: float
    y: float
    lines: tuple[str, ...]

    @property
    def width(self) -> float:
        return max(len(line) for line in (self.cls.__name__, *self.lines)) * _CHAR + 24

    @property
    def height(self) -> float:
        return _HEADER + len(self.lines) * _ROW + 8

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


def _fields(cls: type[Any]) -> tuple[str, ...]:
    hints = typing.get_type_hints(cls)
    lines: list[str] = []
    for f in attrs.fields(cls):
        name, label = f.alias or f.name, _type_label(hints[f.name])
        if len(name) + 2 + len(label) > _WRAP:
            lines += [f"{name}:", f"  {label}"]
        else:
            lines.append(f"{name}: {label}")
    return tuple(lines)


_GAP_X, _GAP_Y, _TOP = 30.0, 110.0, 20.0


def _model_layout() -> tuple[dict[type[Any], _Box], dict[tuple[type[Any], type[Any]], str], float]:
    """Place the boxes; return them, the arrow labels and the top of the second row."""
    gap_x, gap_y, top = _GAP_X, _GAP_Y, _TOP
    lines = {cls: _fields(cls) for cls in _MODEL}
    # Row 1: Grant, Engagement, and Engagement's records stacked beside it.
    # Row 2: the classes that both of them point at.
    hints = {cls: typing.get_type_hints(cls) for cls in _MODEL}
    labels = {
        (cls, target): f"{f.alias or f.name} [{many}]"
        for cls in _MODEL
        for f in attrs.fields(cls)
        for targets, many in [_links(hints[cls][f.name])]
        for target in targets
    }
    # Arrows beside a box carry their label on two lines (field, then multiplicity).
    side_gap = max(len(label.split(" ")[0]) for label in labels.values()) * 7.2 + 30
    boxes: dict[type[Any], _Box] = {}
    row1: tuple[type[Any], ...] = (cr.Grant, cr.Engagement)
    stacked: tuple[type[Any], ...] = (cr.StatusChange, cr.Recommendation)
    row2_classes: tuple[type[Any], ...] = (cr.Organization, cr.Agency, cr.Provider)
    x = 20.0
    for cls in row1:
        boxes[cls] = _Box(cls, x, top, lines[cls])
        x = boxes[cls].right + (side_gap if cls is cr.Engagement else gap_x)
    y = top
    for cls in stacked:
        boxes[cls] = _Box(cls, x, y, lines[cls])
        y = boxes[cls].bottom + 50
    row2 = max(b.bottom for b in boxes.values()) + gap_y
    x = 20.0
    for cls in row2_classes:
        boxes[cls] = _Box(cls, x, row2, lines[cls])
        x = boxes[cls].right + gap_x
    # Put Agency under Engagement when it fits, so their arrow is straight.
    agency = boxes[cr.Agency]
    shift = max(0.0, boxes[cr.Engagement].x - agency.x)
    if shift:
        boxes[cr.Agency] = attrs.evolve(agency, x=agency.x + shift)
        provider = boxes[cr.Provider]
        boxes[cr.Provider] = attrs.evolve(provider, x=provider.x + shift)
    missing = [cls.__name__ for cls in _MODEL if cls not in boxes]
    if missing:  # pragma: no cover - a new model class needs a place in the layout
        raise RuntimeError(f"model diagram: no place for {missing}")
    return boxes, labels, row2


def _draw_box(box: _Box) -> list[str]:
    """The SVG of one class box: frame, shaded title, fields."""
    return [
        (
            f"<rect x='{box.x:.1f}' y='{box.y:.1f}' width='{box.width:.1f}' "
            f"height='{box.height:.1f}' rx='6' fill='{_FILL}' stroke='{_LINE}'/>"
        ),
        f"<path d='M{box.x:.1f},{box.y + _HEADER:.1f} h{box.width:.1f}' stroke='{_LINE}'/>",
        (
            f"<rect x='{box.x + 0.5:.1f}' y='{box.y + 0.5:.1f}' width='{box.width - 1:.1f}' "
            f"height='{_HEADER - 1:.1f}' rx='6' fill='{_HEAD}'/>"
        ),
        _text(
            box.x + box.width / 2,
            box.y + 18,
            box.cls.__name__,
            size=15,
            anchor="middle",
            weight="bold",
        ),
        *(
            _text(
                box.x + 10 + (len(line) - len(line.lstrip())) * _CHAR,  # SVG drops spaces
                box.y + _HEADER + 15 + i * _ROW,
                line.lstrip(),
                size=_FIELD_SIZE,
                mono=True,
            )
            for i, line in enumerate(box.lines)
        ),
    ]


def _model_svg() -> str:
    boxes, labels, row2 = _model_layout()
    body = [part for box in boxes.values() for part in _draw_box(box)]
    # Arrows: one per (field, target class).
    edges = [(boxes[cls], boxes[target], label) for (cls, target), label in labels.items()]
    down = sorted((e for e in edges if e[1].y > e[0].bottom), key=lambda e: (e[0].x, e[1].x))
    row1_bottom = row2 - _GAP_Y
    routes: list[tuple[float, float]] = []
    for edge in down:
        source, target, _ = edge
        leaving = [e for e in down if e[0] is source]
        arriving = sorted((e for e in down if e[1] is target), key=lambda e: e[0].x)
        x0 = source.x + source.width * (leaving.index(edge) + 1) / (len(leaving) + 1)
        x1 = target.x + target.width * (arriving.index(edge) + 1) / (len(arriving) + 1)
        if len(arriving) == 1 and target.x + 12 < x0 < target.right - 12:
            x1 = x0  # straight down when the target lies below
        routes.append((x0, x1))
    levels = _bus_levels(routes)
    for edge, (x0, x1), level in zip(down, routes, levels, strict=True):
        source, target, label = edge
        bus = row1_bottom + 24 + 18 * level
        body.append(_path([(x0, source.bottom), (x0, bus), (x1, bus), (x1, target.y)]))
        body.append(_text(x1 + 6, target.y - 8, label, size=12, fill=_ACCENT))
    for source, target, label in edges:
        if (source, target, label) in down:
            continue
        y = target.y + target.height / 2  # beside: from the right side, straight across
        body.append(_path([(source.right, y), (target.x, y)]))
        field, many = label.split(" ", 1)
        body.append(_text(source.right + 6, y - 6, field, size=12, fill=_ACCENT))
        body.append(_text(source.right + 6, y + 16, many, size=12, fill=_ACCENT))
    width = max(b.right for b in boxes.values()) + 20
    height = max(b.bottom for b in boxes.values()) + 20
    return _svg(width, height, body, "copsreform model classes and how they relate")


def _bus_levels(routes: list[tuple[float, float]]) -> list[int]:
    """Give each down-across-down arrow the height of its crossing line, fewest crossings.

    Arrow ``i`` drops at ``x0`` to its level, runs across to ``x1`` and drops into its
    target. Every order of levels is tried (there are only a few arrows).
    """

    def crossings(order: tuple[int, ...]) -> int:
        count = 0
        for i, (a0, a1) in enumerate(routes):
            low, high = sorted((a0, a1))
            for j, (b0, b1) in enumerate(routes):
                if i == j:
                    continue
                # j's first drop spans levels above its own; its last drop, levels below.
                if low < b0 < high and order[i] < order[j]:
                    count += 1
                if low < b1 < high and order[i] > order[j]:
                    count += 1
        return count

    best = min(itertools.permutations(range(len(routes))), key=crossings)
    return list(best)


class ModelDiagram(SphinxDirective):
    """``.. model-diagram::``: the model's classes and their relations."""

    def run(self) -> list[nodes.Node]:
        return _figure(
            self,
            "model.svg",
            _model_svg(),
            "The model's classes with their fields and types, and an arrow for every field "
            "that holds another model class, labelled with the field and how many it holds "
            "(``[1]``, ``[0..1]``, ``[0..*]``); a grant's ``recipient`` is one of the two "
            "classes it points at. Drawn at build time from ``attrs.fields`` and the type "
            "hints.",
            "Class diagram: Grant points to Organization or Agency (recipient); Engagement "
            "points to Agency, Provider, StatusChange (history) and Recommendation.",
            wide=True,
        )


# (b) The lifecycle -----------------------------------------------------------------------


def _chain(transitions: dict[Any, frozenset[Any]], start: Any) -> list[Any]:
    """The longest path from ``start`` (the lifecycle has no cycles)."""
    best: list[Any] = [start]
    for nxt in sorted(transitions[start], key=lambda s: s.value):
        path = [start, *_chain(transitions, nxt)]
        if len(path) > len(best):
            best = path
    return best


def _lifecycle_svg() -> str:
    transitions = dict(TRANSITIONS)
    states = list(EngagementStatus)
    start = EngagementStatus.REQUESTED
    chain = _chain(transitions, start)
    off = [s for s in states if s not in chain]
    incoming = {s: [p for p in states if s in transitions[p]] for s in states}
    w, h, step, left = 150.0, 44.0, 200.0, 70.0
    main_y = 130.0
    pos: dict[Any, tuple[float, float]] = {
        s: (left + i * step, main_y) for i, s in enumerate(chain)
    }
    above = [s for s in off if len(incoming[s]) == 1]
    below = [s for s in off if len(incoming[s]) > 1]
    if len(above) > 1 or len(below) > 1 or any(not incoming[s] for s in off):
        raise RuntimeError(  # pragma: no cover - a richer lifecycle needs a new layout
            "lifecycle diagram: the layout handles one state reached from one other state "
            f"and one reached from several; got {above} and {below}"
        )
    for s in above:
        col = chain.index(incoming[s][0]) + 1
        pos[s] = (left + col * step, main_y - 100)
    for s in below:
        col = max(chain.index(p) for p in incoming[s]) + 1
        pos[s] = (left + min(col, len(chain) - 1) * step, main_y + 110)

    body: list[str] = []
    for s, (x, y) in pos.items():
        final = not transitions[s]
        body.append(
            f"<rect x='{x:.1f}' y='{y:.1f}' width='{w}' height='{h}' rx='20' "
            f"fill='{_FILL}' stroke='{_LINE}' stroke-width='{2.4 if final else 1.2}'/>"
        )
        body.append(_text(x + w / 2, y + h / 2 + 5, s.value, size=14, anchor="middle", mono=True))
    # The start marker.
    sx, sy = pos[start]
    body.append(f"<circle cx='{sx - 40:.1f}' cy='{sy + h / 2:.1f}' r='7' fill='{_INK}'/>")
    body.append(_path([(sx - 33, sy + h / 2), (sx, sy + h / 2)]))
    # Along the chain.
    for a, b in itertools.pairwise(chain):
        (ax, ay), (bx, _) = pos[a], pos[b]
        body.append(_path([(ax + w, ay + h / 2), (bx, ay + h / 2)]))
    # Up to a state reached from one other state: up, then across into its side.
    for s in above:
        (px, py), (tx, ty) = pos[incoming[s][0]], pos[s]
        body.append(_path([(px + w / 2, py), (px + w / 2, ty + h / 2), (tx, ty + h / 2)]))
    # Down to a state reached from several: each drops to a shared line, which enters it.
    for s in below:
        tx, ty = pos[s]
        bus = ty - 36
        drops = sorted(pos[p][0] + w / 2 for p in incoming[s])
        body.extend(_path([(x, main_y + h), (x, bus)], arrow=False) for x in drops)
        body.append(_path([(drops[0], bus), (tx + w / 2, bus), (tx + w / 2, ty)]))
        body.extend(f"<circle cx='{x:.1f}' cy='{bus:.1f}' r='2.5' fill='{_LINE}'/>" for x in drops)
    width = max(x for x, _ in pos.values()) + w + 30
    height = max(y for _, y in pos.values()) + h + 50
    legend_y = height - 18
    body.append(
        f"<rect x='{left:.1f}' y='{legend_y - 12:.1f}' width='28' height='16' rx='7' "
        f"fill='{_FILL}' stroke='{_LINE}' stroke-width='2.4'/>"
    )
    body.append(_text(left + 36, legend_y + 1, "final: no change leads out of it", size=12))
    return _svg(width, height, body, "Engagement lifecycle")


class LifecycleDiagram(SphinxDirective):
    """``.. lifecycle-diagram::``: the engagement lifecycle."""

    def run(self) -> list[nodes.Node]:
        return _figure(
            self,
            "lifecycle.svg",
            _lifecycle_svg(),
            "The engagement lifecycle: every change "
            ":meth:`~copsreform.engagement.Engagement.transition` allows. A new engagement "
            "is ``requested``; states drawn with a heavy border are final. Drawn at build "
            "time from :data:`~copsreform.engagement.TRANSITIONS`.",
            "State diagram: requested goes to accepted, declined or withdrawn; accepted to "
            "in_progress or withdrawn; in_progress to completed or withdrawn.",
        )


# (c) Funding by fiscal year and program ------------------------------------------------

_PALETTE = (
    "#2f6fb2",
    "#e07b39",
    "#3a9d5d",
    "#c44e52",
    "#8172b2",
    "#937860",
    "#da8bc3",
    "#8c8c8c",
    "#ccb974",
    "#64b5cd",
    "#4c4c4c",
    "#55a868",
    "#b0b0b0",
)


def funding_totals() -> tuple[dict[cr.FiscalYear, dict[cr.GrantProgram, Decimal]], int, int]:
    """Net obligations by fiscal year and program from the USAspending page in the package.

    Returns:
        The totals, how many awards were read and how many were rejected.
    """
    totals: dict[cr.FiscalYear, dict[cr.GrantProgram, Decimal]] = defaultdict(
        lambda: defaultdict(Decimal)
    )
    read = rejected = 0
    for outcome in cr.read_bundled_usaspending():
        read += 1
        if isinstance(outcome, cr.Rejected):
            rejected += 1
            continue
        totals[outcome.fiscal_year][outcome.program] += outcome.federal_amount
    return totals, read, rejected


def _short_title(program: cr.GrantProgram) -> str:
    """A program's title short enough for a legend (the part before a colon)."""
    return program.title.split(":", 1)[0]


def _nice_step(top: Decimal) -> int:
    for step in (250_000, 500_000, 1_000_000, 2_000_000, 2_500_000, 5_000_000, 10_000_000):
        if top / step <= 6:
            return step
    return 20_000_000


def _funding_svg() -> tuple[str, int, int]:
    totals, read, rejected = funding_totals()
    years = sorted(totals)
    if not years:  # pragma: no cover - the bundled file has awards
        raise RuntimeError("funding chart: no awards read")
    years = [cr.FiscalYear(y) for y in range(years[0].year, years[-1].year + 1)]
    programs = [p for p in cr.GrantProgram if any(p in totals.get(y, {}) for y in years)]
    colour = {p: _PALETTE[i % len(_PALETTE)] for i, p in enumerate(programs)}
    up = max(sum((v for v in totals.get(y, {}).values() if v > 0), Decimal(0)) for y in years)
    down = max(-sum((v for v in totals.get(y, {}).values() if v < 0), Decimal(0)) for y in years)
    step = _nice_step(up)
    top = (int(up) // step + 1) * step
    bottom = (int(down) // step + 1) * step if down else 0
    plot_left, plot_top, plot_h, bar_w, gap = 74.0, 34.0, 300.0, 28.0, 12.0
    scale = plot_h / (top + bottom)
    zero = plot_top + top * scale
    plot_w = len(years) * (bar_w + gap) + gap
    body: list[str] = [_text(plot_left - 64, 16, "Net obligations", size=12, weight="bold")]
    for value in range(-bottom, top + 1, step):
        y = zero - value * scale
        body.append(f"<path d='M{plot_left},{y:.1f} h{plot_w:.1f}' stroke='#e4e7eb'/>")
        body.append(
            _text(plot_left - 8, y + 4, f"${value / 1_000_000:,.1f}M", size=12, anchor="end")
        )
    for i, year in enumerate(years):
        x = plot_left + gap + i * (bar_w + gap)
        pos_y, neg_y = zero, zero
        for program in programs:
            amount = totals.get(year, {}).get(program, Decimal(0))
            if amount == 0:
                continue
            height = float(abs(amount)) * scale
            if amount > 0:
                pos_y -= height
                y = pos_y
            else:
                y = neg_y
                neg_y += height
            body.append(
                f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w}' height='{height:.1f}' "
                f"fill='{colour[program]}'><title>{year} {escape(program.title)}: "
                f"${amount:,.2f}</title></rect>"
            )
        body.append(
            _text(
                x + bar_w / 2, zero + bottom * scale + 17, str(year.year), size=11, anchor="middle"
            )
        )
    body.append(f"<path d='M{plot_left},{zero:.1f} h{plot_w:.1f}' stroke='{_INK}'/>")
    axis_y = zero + bottom * scale + 38
    body.append(
        _text(
            plot_left + plot_w / 2,
            axis_y,
            "Fiscal year (the one the award number encodes)",
            size=12,
            anchor="middle",
        )
    )
    # Legend, below the plot in two columns.
    column_w = plot_w / 2
    for i, program in enumerate(programs):
        lx = plot_left + (i % 2) * column_w
        ly = axis_y + 22 + (i // 2) * 22
        body.append(
            f"<rect x='{lx:.1f}' y='{ly:.1f}' width='14' height='14' fill='{colour[program]}'/>"
        )
        body.append(_text(lx + 20, ly + 12, _short_title(program), size=12))
    width = plot_left + plot_w + 20
    height = axis_y + 22 + ((len(programs) + 1) // 2) * 22 + 8
    return _svg(width, height, body, "COPS obligations by fiscal year and program"), read, rejected


class FundingChart(SphinxDirective):
    """``.. funding-chart::``: COPS funding by fiscal year and program, real data."""

    def run(self) -> list[nodes.Node]:
        svg, read, rejected = _funding_svg()
        kept = read - rejected
        return _figure(
            self,
            "funding.svg",
            svg,
            f"Net COPS obligations (Assistance Listing 16.710) to recipients in Washington "
            f"state, by fiscal year and program: the {kept} awards of the one real "
            f"USAspending page that ships with copsreform ({read} read, {rejected} "
            "rejected), read with "
            ":func:`~copsreform.sources.usaspending.read_bundled_usaspending`, which "
            "classifies each award's program from its description, listing and award "
            "number. The fiscal year is the one the award number encodes. One page of 100 "
            "awards is a sample, not Washington's total. Drawn at build time.",
            "Stacked bar chart of net COPS obligations by fiscal year and program.",
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("model-diagram", ModelDiagram)
    app.add_directive("lifecycle-diagram", LifecycleDiagram)
    app.add_directive("funding-chart", FundingChart)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
