"""The exercises timeline SVG: dates to bars, axis ticks, escaping, determinism, alt text."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from briefings.model import Exercise
from briefings.render.timeline_svg import (
    PLOT_X0,
    PLOT_X1,
    Period,
    axis_ticks,
    exercise_period,
    fit,
    parse_period,
    text_width,
    timeline_svg,
)

SVG = "{http://www.w3.org/2000/svg}"


def draw(*exercises: Exercise, edition: str | None = None) -> etree._Element | None:
    items = [(x.name or "Unnamed", x.start or str(x.year or ""), x) for x in exercises]
    out = timeline_svg(items, "exercises", edition=edition)
    return etree.fromstring(str(out).encode()) if out else None


@pytest.mark.parametrize("value, expected", [
    ("2023-07-20", Period(date(2023, 7, 20), date(2023, 7, 20), "day")),
    ("2024-02", Period(date(2024, 2, 1), date(2024, 2, 29), "month")),
    (2023, Period(date(2023, 1, 1), date(2023, 12, 31), "year")),
    ("2024-04-21T10:00:00+00:00", Period(date(2024, 4, 21), date(2024, 4, 21), "day")),
    ("2023-02-30", None), ("July 2023", None), ("", None), (None, None),
])
def test_parse_period(value, expected):
    assert parse_period(value) == expected


def test_exercise_period_from_start_end_and_year():
    assert exercise_period("2023-07-20", "2023-07-23", 2023) == Period(
        date(2023, 7, 20), date(2023, 7, 23), "day")
    assert exercise_period("2023-07", "2023-08-02", None).precision == "month"
    assert exercise_period("2023-07-20", "2023-07-01", None).last == date(2023, 7, 20)
    assert exercise_period(None, None, 2022).precision == "year"
    assert exercise_period(None, None, None) is None


def test_axis_uses_months_for_short_spans_and_years_for_long_ones():
    lo, hi, ticks = axis_ticks(date(2023, 7, 20), date(2023, 9, 2))
    assert (lo, hi) == (date(2023, 7, 1), date(2023, 10, 1))
    assert [label for _, label in ticks] == ["Jul 2023", "Aug", "Sep"]
    lo, hi, ticks = axis_ticks(date(2023, 11, 2), date(2024, 12, 1))
    assert [label for _, label in ticks][:3] == ["Nov 2023", "Jan 2024", "Mar"]
    lo, hi, ticks = axis_ticks(date(2005, 8, 1), date(2024, 5, 1))
    assert (lo, hi) == (date(2005, 1, 1), date(2025, 1, 1)) and len(ticks) == 10


def test_fit_cuts_long_labels_and_counts_wide_characters_double():
    assert fit("Joint Sea", 10, 200) == "Joint Sea"
    cut = fit("A very long exercise name that cannot fit in the label column at all", 10, 120)
    assert cut.endswith("…") and text_width(cut, 10) <= 120
    assert text_width("联合", 10) == 2 * text_width("AB", 10) / 1.2


def test_figure_escapes_text_is_accessible_and_skips_undated():
    evil = Exercise(name='</svg><script>alert(1)</script> & "x"', start="2023-07-20",
                    end="2023-07-23", locations=("Sea of <Japan>",))
    undated = Exercise(name="Mystery patrol")
    svg = draw(evil, undated)
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    desc = svg.find(f"{SVG}desc")
    assert desc.get("id") == desc_id
    assert '</svg><script>alert(1)</script> & "x": 2023-07-20, Sea of <Japan>, held.' in desc.text
    assert "Not drawn, no date reported: Mystery patrol." in desc.text
    assert not list(svg.iter(f"{SVG}script"))
    rows = svg.findall(f"{SVG}g[@class='row']")
    assert len(rows) == 1 and rows[0].find(f"{SVG}title").text.startswith("</svg><script>")


def test_nothing_dated_draws_nothing():
    assert draw(Exercise(name="A"), Exercise(name="B")) is None


def test_output_is_deterministic_and_marks_the_edition_on_the_axis():
    xs = (Exercise(name="A", start="2024-03-28", end="2024-04-25", status="under way"),
          Exercise(name="B", start="2024-05", status="planned"))
    one = timeline_svg([(x.name, "", x) for x in xs], "s", edition="2024-04-22")
    two = timeline_svg([(x.name, "", x) for x in xs], "s", edition="2024-04-22")
    assert one == two and "this edition, 22 April 2024" in one
    assert "this edition" not in timeline_svg([(x.name, "", x) for x in xs], "s",
                                              edition="2020-01-01")
    legend = etree.fromstring(str(one).encode()).find(f"{SVG}g[@class='legend']")
    assert [t.text for t in legend.iter(f"{SVG}text")] == ["Under way", "Planned"]


dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=40), dates, dates,
                          st.sampled_from(["held", "planned", "under way", "cancelled"])),
                min_size=1, max_size=8))
def test_any_exercises_give_wellformed_svg_with_bars_inside_the_plot(rows):
    xs = [Exercise(name=n, start=min(a, b).isoformat(), end=max(a, b).isoformat(), status=s)
          for n, a, b, s in rows]
    svg = draw(*xs)
    bars = [r for r in svg.iter(f"{SVG}rect") if r.getparent().get("class") == "row"]
    assert len(bars) == len(xs)
    for bar in bars:
        x, w = float(bar.get("x")), float(bar.get("width"))
        assert PLOT_X0 - 0.1 <= x and x + w <= PLOT_X1 + 5.1


def test_long_lists_are_cut_to_fit_a_page_and_say_so():
    xs = [Exercise(name=f"Drill {i:02d}", start=f"2023-{1 + i % 12:02d}-01") for i in range(40)]
    svg = draw(*xs)
    rows = svg.findall(f"{SVG}g[@class='row']")
    assert len(rows) == 30 and float(svg.get("height")) < 760
    assert "Not drawn for lack of room: 10 more exercises in the list below." in svg.find(
        f"{SVG}desc").text
    assert "10 more exercises in the list below" in "".join(svg.itertext())
