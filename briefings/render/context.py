"""The variables every briefing template receives, with small precomputed views of the data."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Briefing, Cite, ExerciseRow, Section
from .filters import date_range, slug
from .timeline_svg import parse_period, timeline_svg


@dataclass(frozen=True)
class TimelineItem:
    """One exercise placed on the timeline: a display date, a sort key and the row."""

    when: str
    key: str
    row: ExerciseRow


@dataclass(frozen=True)
class ConflictNote:
    """One disagreement between sources: the field and each value with its citations."""

    exercise: str
    field: str
    values: tuple[tuple[str, tuple[Cite, ...]], ...]


def exercise_name(row: ExerciseRow) -> str:
    """The exercise's name, or a description when the sources give none."""
    x = row.exercise
    if x.name:
        return x.name
    return f"Unnamed exercise ({x.year})" if x.year else "Unnamed exercise"


def exercise_when(row: ExerciseRow) -> str:
    """Display date of an exercise: its date range, else its year, else empty."""
    x = row.exercise
    return date_range(x.start, x.end, x.year)


def timeline(section: Section) -> list[TimelineItem]:
    """The section's exercises in chronological order; undated ones last, by name."""
    items = []
    for row in section.exercises:
        x = row.exercise
        key = x.start or (f"{x.year}" if x.year else "9999")
        items.append(TimelineItem(when=exercise_when(row) or "date not reported",
                                  key=f"{key}|{x.end or ''}|{exercise_name(row)}", row=row))
    return sorted(items, key=lambda item: item.key)


@dataclass(frozen=True)
class TocItem:
    """One line of the table of contents: the heading's id and text."""

    target: str
    title: str


def contents(b: Briefing, needs_sources_appendix: bool) -> list[TocItem]:
    """The level-2 headings of the document in order, as the HTML templates give them ids."""
    items = [TocItem(f"sec-{slug(s.anchor)}", s.title) for s in b.sections]
    if needs_sources_appendix:
        items.append(TocItem("sec-sources-appendix", "Sources"))
    if b.warnings:
        items.append(TocItem("notes", "Notes on this edition"))
    return items


def source_dates(b: Briefing) -> str:
    """The span of the sources' publication dates (``13–21 April 2024``), or empty."""
    days = sorted(p.first.isoformat() for s in b.sources
                  if (p := parse_period(s.published)) and p.precision == "day")
    return date_range(days[0], days[-1]) if days else ""


def timeline_figure(b: Briefing, section: Section) -> object:
    """The section's exercises drawn as an inline SVG timeline (empty when none is dated)."""
    items = [(exercise_name(t.row), t.when, t.row.exercise) for t in timeline(section)]
    return timeline_svg(items, section.anchor, edition=b.date)


def _value_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "none"
    return "none" if value in (None, "") else str(value)


def conflicts(section: Section, numbers: dict[str, int]) -> list[ConflictNote]:
    """Every field on which the sources of the section's exercises disagree, with citations."""
    notes = []
    for row in section.exercises:
        for c in row.exercise.conflicts:
            values = []
            for value, source_ids in c.values:
                cites = tuple(Cite(number=numbers[s], source=s, start=0, end=0)
                              for s in source_ids if s in numbers)
                values.append((_value_text(value), cites))
            notes.append(ConflictNote(exercise=exercise_name(row), field=c.field,
                                      values=tuple(values)))
    return notes


def build_context(b: Briefing, **extra: Any) -> dict[str, Any]:
    """Template variables: `briefing` plus helpers (see templates/README.md)."""
    numbers = {s.id: s.number for s in b.sources}
    has_sources_section = any(s.kind == "sources" for s in b.sections)
    cited = any(e.cites for s in b.sections for e in s.entries) or any(
        r.cites for s in b.sections for r in s.exercises)
    appendix = bool(b.sources) and cited and not has_sources_section
    ctx: dict[str, Any] = {
        "briefing": b,
        "sections": b.sections,
        "sources": b.sources,
        "source_numbers": numbers,
        "has_sources_section": has_sources_section,
        "needs_sources_appendix": appendix,
        "contents": contents(b, appendix),
        "source_dates": source_dates(b),
        "timeline_figure": lambda section: timeline_figure(b, section),
        "generator": f"briefings {b.version}".strip(),
        "timeline": timeline,
        "conflicts": lambda section: conflicts(section, numbers),
        "exercise_name": exercise_name,
        "exercise_when": exercise_when,
    }
    ctx.update(extra)
    return ctx
