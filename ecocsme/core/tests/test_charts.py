"""The dashboard charts of core.charts: well-formed SVG with a title, every text escaped, marks
where the figures put them, numbers in the reader's format."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from ecocsme.core.charts import (
    NARROW,
    Mark,
    Progress,
    Series,
    column_chart,
    compact_stacked_bar_chart,
    line_chart,
    nice_ticks,
    progress_chart,
    wrap_label,
)
from ecocsme.core.formats import money

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & “Ünïcödé” Timișoara'


def parsed(svg) -> ET.Element:
    root = ET.fromstring(str(svg))  # fails on anything not well-formed (an unescaped "<" or "&")
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("viewBox", "").startswith("0 0 ")
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def view_width(root: ET.Element) -> float:
    return float(root.get("viewBox").split()[2])


@pytest.mark.parametrize(("top", "expected"), [
    (0, [0, 1]), (7, [0, 2, 4, 6, 8]), (10, [0, 2.5, 5, 7.5, 10]), (1, [0, 0.25, 0.5, 0.75, 1]),
    (1_234_567, [0, 500_000, 1_000_000, 1_500_000]), (3, [0, 1, 2, 3]),
])
def test_ticks_are_round_and_reach_the_top(top, expected):
    assert nice_ticks(top) == expected


def test_a_long_label_wraps_into_two_lines_and_is_cut_after():
    assert wrap_label("Good practices identified", 46, 2) == ["Good practices identified"]
    lines = wrap_label("Growth and jobs or European territorial cooperation policy instruments improved "
                       "by the action plans of the partnership", 46, 2)
    assert len(lines) == 2 and all(len(line) <= 46 for line in lines) and lines[1].endswith("…")
    assert wrap_label("a < b & c", 46, 2) == ["a &lt; b &amp; c"]


def test_progress_bars_are_read_against_each_rows_target_at_one_place():
    root = parsed(progress_chart([
        Progress("Events organised", 5, 10, "5 of 10 events"),
        Progress("Funds influenced", 300_000, 200_000, "€300,000 of €200,000"),
        Progress("Media appearances", 4, None, "4, no target set"),
    ], title="Output indicators", target_label="Target"))
    assert root.find(f"{SVG}title").text == "Output indicators"
    marks = [line for line in root.iter(f"{SVG}line") if line.find(f"{SVG}title") is not None]
    assert len(marks) == 2  # the row without a target has no mark
    assert {mark.get("x1") for mark in marks} == {marks[0].get("x1")}  # the same place in every row
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    half, over = (float(bar.get("width")) for bar in bars)
    assert over == pytest.approx(3 * half, rel=0.01)  # 150 % of the target against 50 %
    target_x = float(marks[0].get("x1"))
    assert 4 + over == pytest.approx(NARROW - 4, abs=0.5)  # the longest bar fills the track…
    assert target_x == pytest.approx(4 + over / 1.5, abs=0.5)  # …and the target sits at 1/1.5 of it
    assert [bar.find(f"{SVG}title").text for bar in bars] == ["5 of 10 events", "€300,000 of €200,000"]
    assert "4, no target set" in texts(root)
    assert view_width(root) == NARROW  # fits a phone's width without scrolling


def test_progress_bars_far_beyond_the_target_are_capped_at_twice_it():
    root = parsed(progress_chart([Progress("A", 50, 1, "50 of 1"), Progress("B", 1, 1, "1 of 1")],
                                 title="t"))
    capped, reached = (float(rect.get("width")) for rect in root.iter(f"{SVG}rect")
                       if rect.find(f"{SVG}title") is not None)
    assert capped == pytest.approx(2 * reached, rel=0.01)


def test_every_text_in_every_chart_is_escaped():
    charts = [
        progress_chart([Progress(HOSTILE, 1, 2, HOSTILE)], title=HOSTILE, target_label=HOSTILE),
        compact_stacked_bar_chart([(HOSTILE, {"a": 1, HOSTILE: 2})], title=HOSTILE, order=["a", HOSTILE],
                                  segment_labels={"a": HOSTILE}),
        line_chart([HOSTILE, "S2"], [Series(HOSTILE, [1, 2])], title=HOSTILE, mark=Mark(3, HOSTILE)),
        column_chart([HOSTILE], [Series(HOSTILE, [1])], title=HOSTILE),
    ]
    for chart in charts:
        root = parsed(chart)
        assert "<script" not in str(chart)
        assert root.find(f"{SVG}title").text == HOSTILE


def test_a_line_over_periods_breaks_where_a_figure_is_missing_and_marks_the_level():
    periods = [f"S{n}" for n in range(1, 9)]
    root = parsed(line_chart(periods, [
        Series("Spent", [10, 30, None, 70, None, None, None, None]),
        Series("Planned", [20, 40, 60, 80, 100, 120, 140, 160]),
    ], title="Budget", mark=Mark(200, "Total budget")))
    lines = root.findall(f"{SVG}polyline")
    assert len(lines) == 2  # "Spent" has one run of two points (S1, S2); S4 stands alone
    assert lines[0].get("stroke") != lines[1].get("stroke")
    assert lines[0].get("stroke-dasharray") is None and lines[1].get("stroke-dasharray")  # apart without colour
    points = root.findall(f"{SVG}circle")
    assert len(points) == 3 + 8
    assert [p.find(f"{SVG}title").text for p in points[:3]] == ["Spent · S1: 10", "Spent · S2: 30", "Spent · S4: 70"]
    # higher figures are higher up; the total budget's level is above every point and named
    ys = [float(p.get("cy")) for p in points[3:]]
    assert ys == sorted(ys, reverse=True)
    level = [line for line in root.iter(f"{SVG}line") if line.find(f"{SVG}title") is not None]
    assert [line.find(f"{SVG}title").text for line in level] == ["Total budget"]
    assert float(level[0].get("y1")) < min(ys)
    assert {"S1", "S8", "Spent", "Planned", "Total budget"} <= set(texts(root))


def test_figures_are_written_as_the_reader_writes_them():
    with translation.override("de"):
        root = parsed(line_chart(["S1"], [Series("Ausgegeben", [1_250_000])], title="Budget", fmt=money))
        assert root.find(f"{SVG}circle/{SVG}title").text == "Ausgegeben · S1: 1.250.000\xa0€"
        assert "1.500.000\xa0€" in texts(root)  # the top tick
    with translation.override("en"):
        root = parsed(column_chart(["S1"], [Series("Participants", [12_500])], title="t"))
        assert root.find(f"{SVG}rect/{SVG}title").text == "Participants · S1: 12,500"


def test_columns_stand_side_by_side_in_each_period_as_tall_as_their_figures():
    root = parsed(column_chart(["S1", "S2", "S3"], [Series("Events", [2, 4, None]), Series("Labs", [1, 0, 3])],
                               title="Events and labs"))
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    assert len(bars) == 5  # no column where there is no figure
    by_title = {bar.find(f"{SVG}title").text: bar for bar in bars}
    assert float(by_title["Events · S2: 4"].get("height")) == pytest.approx(
        2 * float(by_title["Events · S1: 2"].get("height")))
    assert float(by_title["Labs · S2: 0"].get("height")) == 0
    # in each period the events' column stands left of the labs'
    assert float(by_title["Events · S1: 2"].get("x")) < float(by_title["Labs · S1: 1"].get("x"))
    assert float(by_title["Labs · S1: 1"].get("x")) < float(by_title["Events · S2: 4"].get("x"))


def test_many_periods_widen_the_chart_rather_than_squeeze_the_labels():
    few = parsed(column_chart([f"S{n}" for n in range(1, 9)], [Series("a", [1] * 8)], title="t"))
    many = parsed(column_chart([f"S{n}" for n in range(1, 25)], [Series("a", [1] * 24)], title="t"))
    assert view_width(few) == NARROW
    assert view_width(many) > NARROW


def test_compact_stacked_bars_keep_the_order_and_colours_and_write_the_totals():
    order = ["planned", "in_progress", "done", "dropped"]
    labels = {"planned": "Planned", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
    root = parsed(compact_stacked_bar_chart([("Timișoara", {"planned": 2, "done": 1}),
                                             ("Rijeka", {"done": 3, "dropped": 1, "in_progress": 0})],
                                            title="Actions by status", order=order, segment_labels=labels))
    segments = [(rect.find(f"{SVG}title").text, rect.get("fill"), float(rect.get("width")))
                for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    assert [s[0] for s in segments] == ["Planned: 2", "Done: 1", "Done: 3", "Dropped: 1"]
    assert segments[1][1] == segments[2][1]  # "Done" has one colour in every bar
    assert segments[2][2] == pytest.approx(3 * segments[1][2])
    assert {"Timișoara", "Rijeka", "3", "4", "Planned", "In progress", "Done", "Dropped"} <= set(texts(root))


def test_empty_charts_still_draw():
    for chart in (progress_chart([], title="t"), line_chart([], [], title="t"), column_chart([], [], title="t"),
                  compact_stacked_bar_chart([], title="t", order=["a"], segment_labels={})):
        parsed(chart)
        assert not re.search(r"nan|inf", str(chart))
