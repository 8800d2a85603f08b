"""Small charts as inline SVG, drawn on the server: they need no script, print in PDFs
(WeasyPrint renders SVG) and carry a text alternative. Each chart comes with its figures as a
table for screen readers and for people who would rather read."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .formats import grouped

# Colour-blind-safe palette (Okabe–Ito), then greys.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000", "#777777", "#AAAAAA"]
ROW = 26
LABEL_WIDTH = 300
BAR_WIDTH = 360


@dataclass
class Segment:
    name: str
    colour: str


def _text(value: str, limit: int = 34) -> str:
    value = " ".join(str(value).split())
    return escape(value if len(value) <= limit else value[:limit - 1] + "…")


def bar_chart(rows: list[tuple[str, int]], *, title: str) -> SafeString:
    """Horizontal bars, one per row, with the figure at the end of each bar."""
    top = max((value for _label, value in rows), default=0) or 1
    height = ROW * len(rows) + 8
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {LABEL_WIDTH + BAR_WIDTH + 50} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for number, (label, value) in enumerate(rows):
        y = number * ROW + 4
        width = round(BAR_WIDTH * value / top, 1)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" font-size="12">{_text(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{ROW - 8}" fill="{PALETTE[0]}"/>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 16}" font-size="13">{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped


REST = "\x00rest"


def fold_segments(rows: list[tuple[str, dict[str, int]]], keep: int) -> list[tuple[str, dict[str, int]]]:
    """Keep the `keep` largest segments overall and add up the others under REST."""
    totals: dict[str, int] = {}
    for _label, values in rows:
        for name, value in values.items():
            totals[name] = totals.get(name, 0) + value
    if len(totals) <= keep + 1:
        return rows
    kept = set(sorted(totals, key=lambda name: -totals[name])[:keep])
    folded = []
    for label, values in rows:
        row = {name: value for name, value in values.items() if name in kept}
        rest = sum(value for name, value in values.items() if name not in kept)
        if rest:
            row[REST] = rest
        folded.append((label, row))
    return folded


def stacked_bar_chart(rows: list[tuple[str, dict[str, int]]], *, title: str,
                      segment_labels: dict[str, str] | None = None, rest_label: str = "…",
                      keep: int = 8, order: list[str] | None = None) -> SafeString:
    """One bar per row, split into coloured segments (e.g. respondent kinds), with a legend;
    beyond `keep` segments the smallest are added up as one. With `order`, the segments are those,
    in that order and colours, in every chart alike (even when one is empty)."""
    rows = fold_segments(rows, keep) if order is None else rows
    totals: dict[str, int] = {}
    for _label, values in rows:
        for name, value in values.items():
            totals[name] = totals.get(name, 0) + value
    names = list(order) if order is not None else sorted(
        totals, key=lambda name: (name == REST, -totals[name]))
    labels = {**(segment_labels or {}), REST: rest_label}
    segments = [Segment(labels.get(n, n) or "—", PALETTE[i % len(PALETTE)]) for i, n in enumerate(names)]
    top = max((sum(values.values()) for _label, values in rows), default=0) or 1
    legend_rows = (len(segments) + 2) // 3
    height = ROW * len(rows) + 8 + legend_rows * 20 + 8
    width_total = LABEL_WIDTH + BAR_WIDTH + 50
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width_total} {height}" width="100%" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for number, (label, values) in enumerate(rows):
        y = number * ROW + 4
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" '
                     f'font-size="12">{_text(label)}</text>')
        x = float(LABEL_WIDTH)
        for name, segment in zip(names, segments, strict=True):
            value = values.get(name, 0)
            if not value:
                continue
            width = BAR_WIDTH * value / top
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW - 8}" '
                         f'fill="{segment.colour}"><title>{_text(segment.name)}: {value}</title></rect>')
            x += width
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 16}" font-size="13">{sum(values.values())}</text>')
    legend_top = ROW * len(rows) + 16
    for index, segment in enumerate(segments):
        x = 10 + (index % 3) * (width_total // 3)
        y = legend_top + (index // 3) * 20
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{segment.colour}"/>'
                     f'<text x="{x + 18}" y="{y + 11}" font-size="12">{_text(segment.name, 30)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped


# --- Charts for dashboards: narrow (they fit a phone's width without scrolling), each figure also
# in a <title> on its mark, the values written with the reader's number format (`fmt`). ---------------

NARROW = 360  # viewBox width of the row charts below; on a 375 px phone they stay near 1:1
SERIES_DASHES = ["", "6 4", "2 3", "10 3 2 3"]  # lines told apart without colour too
Format = Callable[[object], str]


@dataclass
class Progress:
    """One bar of a progress chart: `value` against `target` (None: no target set), both in the
    row's unit; `text` says it in words and units ("12 of 20 people")."""
    label: str
    value: float
    target: float | None
    text: str


@dataclass
class Series:
    """One line (or one colour of columns) over the periods; None where there is no figure. The
    first line is solid, the next ones dashed, dotted…, so that they differ without colour too."""
    name: str
    values: list[float | None]


@dataclass
class Mark:
    """A level marked across a period chart (the total budget), with its words."""
    value: float
    label: str


def _number(value) -> float:
    return float(value or 0)


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """0 and round steps up to at least `top` (1, 2, 2.5 or 5 times a power of ten)."""
    top = max(float(top), 0.0)
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    ticks, value = [0.0], 0.0
    while value < top - 1e-9:
        value = round(value + step, 10)
        ticks.append(value)
    return ticks


def _svg_open(width: float, height: float, title: str, css: str = "chart") -> str:
    return (f'<svg class="{css}" role="img" viewBox="0 0 {width:g} {height:g}" width="100%" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>')


def _legend(entries: list[tuple[str, str]], top: float, width: float, columns: int = 2) -> tuple[str, float]:
    """Legend entries (name, swatch markup at 0,0 of 16×12) in `columns`; returns markup and its height."""
    parts = []
    for index, (name, swatch) in enumerate(entries):
        x = 4 + (index % columns) * (width / columns)
        y = top + (index // columns) * 20
        parts.append(f'<g transform="translate({x:.1f},{y:.1f})">{swatch}'
                     f'<text x="22" y="11" font-size="12">{_text(name, int(width / columns / 7))}</text></g>')
    rows = (len(entries) + columns - 1) // columns
    return "".join(parts), rows * 20


def progress_chart(rows: list[Progress], *, title: str, target_label: str = "Target") -> SafeString:
    """One bar per row, its length the value against the row's own target, the target marked by
    a dark line at the same place in every row (units differ from row to row, so each bar is read
    against its target); the name above the bar, the figures in words below it. A row without a
    target shows only its words."""
    scale = max([1.0] + [min(_number(r.value) / _number(r.target), 2.0)
                         for r in rows if r.target and _number(r.target) > 0])
    track = NARROW - 8
    target_x = 4 + track / scale
    parts, y = [], 4
    for row in rows:
        for line in wrap_label(row.label, 46, 2):
            parts.append(f'<text x="4" y="{y + 13}" font-size="13" font-weight="600">{line}</text>')
            y += 17
        bar_y = y + 2
        if row.target is not None and _number(row.target) > 0:
            share = min(_number(row.value) / _number(row.target), 2.0)
            width = round(track * share / scale, 1)
            reached = _number(row.value) >= _number(row.target)
            parts.append(f'<rect x="4" y="{bar_y}" width="{track}" height="16" fill="#E8ECF0"/>'
                         f'<rect x="4" y="{bar_y}" width="{width}" height="16" '
                         f'fill="{PALETTE[2] if reached else PALETTE[0]}">'
                         f'<title>{_text(row.text, 120)}</title></rect>'
                         f'<line x1="{target_x:.1f}" x2="{target_x:.1f}" y1="{bar_y - 4}" y2="{bar_y + 20}" '
                         f'stroke="#000" stroke-width="3"><title>{_text(target_label)}</title></line>')
        else:
            parts.append(f'<rect x="4" y="{bar_y}" width="{track}" height="16" fill="none" '
                         f'stroke="#AAAAAA" stroke-dasharray="3 3"/>')
        parts.append(f'<text x="4" y="{bar_y + 33}" font-size="12">{_text(row.text, 58)}</text>')
        y = bar_y + 44
    legend_y = y + 6
    parts.append(f'<line x1="8" x2="8" y1="{legend_y - 2}" y2="{legend_y + 14}" stroke="#000" '
                 f'stroke-width="3"/>'
                 f'<text x="18" y="{legend_y + 11}" font-size="12">{_text(target_label, 50)}</text>')
    parts.append("</svg>")
    return mark_safe(_svg_open(NARROW, legend_y + 22, title, "chart chart-narrow")  # noqa: S308 — escaped
                     + "".join(parts))


def wrap_label(value: str, width: int, lines: int) -> list[str]:
    """A label in at most `lines` lines of about `width` characters, escaped; the last one cut
    with "…" when the label is longer."""
    words, result, current = " ".join(str(value).split()).split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            result.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    result.append(current)
    if len(result) > lines:
        result = [*result[:lines - 1], " ".join(result[lines - 1:])]
    return [_text(line, width) for line in result]


def compact_stacked_bar_chart(rows: list[tuple[str, dict[str, float]]], *, title: str, order: list[str],
                              segment_labels: dict[str, str], fmt: Format | None = None) -> SafeString:
    """stacked_bar_chart for narrow screens: the name above each bar, the total after it; the
    segments in `order`, the same colours in every chart."""
    fmt = fmt or grouped
    top = max((sum(_number(v) for v in values.values()) for _label, values in rows), default=0) or 1
    track = NARROW - 60
    row_height = 40
    entries = [(segment_labels.get(name, name), _swatch(i)) for i, name in enumerate(order)]
    legend, legend_height = _legend(entries, row_height * len(rows) + 10, NARROW)
    parts = [_svg_open(NARROW, row_height * len(rows) + 14 + legend_height, title, "chart chart-narrow")]
    for number, (label, values) in enumerate(rows):
        y = number * row_height + 4
        parts.append(f'<text x="4" y="{y + 13}" font-size="13">{_text(label, 50)}</text>')
        x = 4.0
        for index, name in enumerate(order):
            value = _number(values.get(name))
            if not value:
                continue
            width = track * value / top
            figure = escape(fmt(values.get(name)))
            parts.append(f'<rect x="{x:.1f}" y="{y + 18}" width="{width:.1f}" height="16" '
                         f'fill="{PALETTE[index % len(PALETTE)]}"><title>'
                         f'{_text(segment_labels.get(name, name))}: {figure}</title></rect>')
            x += width
        total = sum(_number(v) for v in values.values())
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 31}" font-size="13">{escape(fmt(_whole(total)))}</text>')
    parts.append(legend)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped


def _swatch(index: int) -> str:
    return f'<rect width="14" height="12" fill="{PALETTE[index % len(PALETTE)]}"/>'


def _whole(value: float):
    return int(value) if float(value).is_integer() else value


class _Axes:
    """A plot over periods: the y scale from 0 to a round top, ticks written with `fmt`."""

    def __init__(self, periods: list[str], top: float, fmt: Format, height: float = 200):
        self.ticks = nice_ticks(top)
        self.labels = [fmt(_whole(t)) for t in self.ticks]
        self.left = 8 + 6.6 * max(len(label) for label in self.labels)
        self.right = 12
        self.top = 10
        self.height = height
        self.width = max(NARROW, self.left + 34 * len(periods) + self.right)
        self.periods = periods

    @property
    def plot_width(self) -> float:
        return self.width - self.left - self.right

    def y(self, value: float) -> float:
        return self.top + self.height * (1 - _number(value) / self.ticks[-1])

    def band(self, index: int) -> tuple[float, float]:
        """The left edge and width of a period's band."""
        width = self.plot_width / max(len(self.periods), 1)
        return self.left + index * width, width

    def draw(self) -> str:
        parts = []
        for tick, label in zip(self.ticks, self.labels, strict=True):
            y = self.y(tick)
            parts.append(f'<line x1="{self.left}" x2="{self.width - self.right}" y1="{y:.1f}" y2="{y:.1f}" '
                         f'stroke="{"#555" if tick == 0 else "#DDE3EA"}"/>'
                         f'<text x="{self.left - 6:.1f}" y="{y + 4:.1f}" text-anchor="end" '
                         f'font-size="11">{escape(label)}</text>')
        for index, period in enumerate(self.periods):
            x, width = self.band(index)
            parts.append(f'<text x="{x + width / 2:.1f}" y="{self.top + self.height + 16}" '
                         f'text-anchor="middle" font-size="12">{_text(period, 8)}</text>')
        return "".join(parts)

    @property
    def bottom(self) -> float:
        return self.top + self.height + 26


def line_chart(periods: list[str], series: list[Series], *, title: str, mark: Mark | None = None,
               fmt: Format | None = None) -> SafeString:
    """Lines over periods (a point per figure, a gap where there is none), each in its colour and
    dash pattern, with an optional level marked across (the total budget)."""
    fmt = fmt or grouped
    top = max([_number(v) for s in series for v in s.values if v is not None] + [mark.value if mark else 0])
    axes = _Axes(periods, top, fmt)
    entries = []
    body = [axes.draw()]
    if mark is not None:
        y = axes.y(mark.value)
        body.append(f'<line x1="{axes.left}" x2="{axes.width - axes.right}" y1="{y:.1f}" y2="{y:.1f}" '
                    f'stroke="#000" stroke-width="2" stroke-dasharray="1 3"><title>{_text(mark.label, 120)}'
                    f'</title></line>')
        entries.append((mark.label, '<line x1="0" x2="16" y1="6" y2="6" stroke="#000" stroke-width="2" '
                                    'stroke-dasharray="1 3"/>'))
    for index, line in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        dash = SERIES_DASHES[index % len(SERIES_DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        points, runs = [], [[]]
        for number, value in enumerate(line.values):
            if value is None:
                runs.append([])
                continue
            x, width = axes.band(number)
            point = (x + width / 2, axes.y(value))
            runs[-1].append(point)
            points.append((point, periods[number], value))
        for run in runs:
            if len(run) > 1:
                body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr} points="'
                            + " ".join(f"{x:.1f},{y:.1f}" for x, y in run) + '"/>')
        for (x, y), period, value in points:
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"><title>'
                        f'{_text(line.name)} · {_text(period)}: {escape(fmt(value))}</title></circle>')
        entries.append((line.name, f'<line x1="0" x2="16" y1="6" y2="6" stroke="{colour}" stroke-width="2.5"'
                                   f'{dash_attr}/>'))
    legend, legend_height = _legend(entries, axes.bottom + 4, axes.width)
    height = axes.bottom + 8 + legend_height
    return mark_safe(_svg_open(axes.width, height, title) + "".join(body)  # noqa: S308 — escaped above
                     + legend + "</svg>")


def column_chart(periods: list[str], series: list[Series], *, title: str,
                 fmt: Format | None = None) -> SafeString:
    """Columns over periods, one per series side by side in each period (grouped bars)."""
    fmt = fmt or grouped
    top = max([_number(v) for s in series for v in s.values if v is not None] + [0])
    axes = _Axes(periods, top, fmt)
    body = [axes.draw()]
    count = max(len(series), 1)
    for index, column in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        for number, value in enumerate(column.values):
            if value is None:
                continue
            x, width = axes.band(number)
            bar = width * 0.8 / count
            left = x + width * 0.1 + index * bar
            y = axes.y(value)
            body.append(f'<rect x="{left:.1f}" y="{y:.1f}" width="{max(bar - 1, 1):.1f}" '
                        f'height="{axes.y(0) - y:.1f}" fill="{colour}"><title>{_text(column.name)} · '
                        f'{_text(periods[number])}: {escape(fmt(value))}</title></rect>')
    legend, legend_height = _legend([(s.name, _swatch(i)) for i, s in enumerate(series)],
                                    axes.bottom + 4, axes.width)
    return mark_safe(_svg_open(axes.width, axes.bottom + 8 + legend_height, title)  # noqa: S308 — escaped
                     + "".join(body) + legend + "</svg>")
