"""Small charts as inline SVG, drawn on the server: they need no script, print in PDFs
(WeasyPrint renders SVG) and carry a text alternative. Each chart comes with its figures as a
table for screen readers and for people who would rather read."""

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

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
