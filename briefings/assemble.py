"""Extraction + config -> Briefing: sections in config order, ranked items, numbered citations."""
from __future__ import annotations

from datetime import datetime

from briefings import __version__
from briefings.config import BriefingConfig, SectionSpec
from briefings.model import (Assessment, Briefing, Cite, Claim, Entry, Exercise, ExerciseRow,
                             Extraction, Section, SourceEntry, Span)


def assemble(ex: Extraction, config: BriefingConfig, now: datetime,
             warnings: tuple[str, ...] = ()) -> Briefing:
    """Build the edition dated `now` (already in the config's time zone)."""
    numbers = {s.id: i for i, s in enumerate(ex.sources, 1)}
    sources = tuple(
        SourceEntry(number=numbers[s.id], id=s.id, title=s.title, outlet=s.outlet,
                    published=s.published, author=s.author, reliability=s.reliability,
                    path=s.path, url=s.url, chars=s.chars, sha256=s.sha256)
        for s in ex.sources)
    claims = rank_claims(ex.claims)
    shown_claims: set[str] = set()
    sections = []
    for i, spec in enumerate(config.sections, 1):
        anchor = f"sec-{i}-{spec.kind}"
        if spec.kind in ("bluf", "claims"):
            picked = [c for c in claims if c.id not in shown_claims][: spec.max_items]
            shown_claims.update(c.id for c in picked)
            entries = tuple(_claim_entry(c, numbers) for c in picked)
            sections.append(Section(spec.kind, spec.heading, anchor, entries=entries))
        elif spec.kind == "assessments":
            picked_a = rank_assessments(ex.assessments)[: spec.max_items]
            sections.append(Section(spec.kind, spec.heading, anchor,
                                    entries=tuple(_assessment_entry(a, numbers) for a in picked_a)))
        elif spec.kind == "exercises":
            rows = tuple(ExerciseRow(x, _cites(x.mentions, numbers))
                         for x in order_exercises(filter_exercises(ex.exercises, spec)))
            sections.append(Section(spec.kind, spec.heading, anchor, exercises=rows,
                                    show=tuple(spec.show or ("table", "timeline"))))
        elif spec.kind == "sources":
            sections.append(Section(spec.kind, spec.heading, anchor))
        else:
            sections.append(Section(spec.kind, spec.heading, anchor, text=spec.text or ""))
    return Briefing(
        id=config.id, title=config.title, subtitle=config.subtitle, marking=config.marking,
        author=config.author, date=now.date().isoformat(), generated=now.isoformat(),
        timezone=config.timezone, sections=tuple(sections), sources=sources,
        page_size=config.page_size, lang=config.lang, version=__version__, warnings=warnings)


def rank_claims(claims: tuple[Claim, ...]) -> list[Claim]:
    """Best first: score, then corroboration, then source and position (deterministic)."""
    return sorted(claims, key=lambda c: (-round(c.score, 6), -c.origins, _num(c.source), c.start))


def rank_assessments(items: tuple[Assessment, ...]) -> list[Assessment]:
    """Best first by score, then source order and position."""
    return sorted(items, key=lambda a: (-round(a.score, 6), _num(a.source), a.start))


def filter_exercises(exercises: tuple[Exercise, ...], spec: SectionSpec) -> list[Exercise]:
    """The exercises a section's `where` keeps: all named participants take part, status matches."""
    where = spec.where
    if where is None:
        return list(exercises)
    wanted = {p.casefold() for p in where.participants}
    out = []
    for x in exercises:
        if not wanted <= {p.casefold() for p in x.participants}:
            continue
        if where.status and x.status not in where.status:
            continue
        out.append(x)
    return out


def order_exercises(exercises: list[Exercise]) -> list[Exercise]:
    """Chronological where a date or year is known, undated last; stable otherwise."""
    def key(x: Exercise) -> tuple:
        when = x.start or (f"{x.year:04d}" if x.year else None)
        return (when is None, when or "", x.name or "")
    return sorted(exercises, key=key)


def _num(source_id: str) -> int:
    digits = "".join(ch for ch in source_id if ch.isdigit())
    return int(digits) if digits else 0


def _cites(spans: tuple[Span, ...], numbers: dict[str, int]) -> tuple[Cite, ...]:
    """One citation per span, numbered by source, in source-number order, no repeats."""
    out: dict[tuple, Cite] = {}
    for s in spans:
        out.setdefault((numbers[s.source], s.start), Cite(numbers[s.source], s.source, s.start, s.end))
    firsts: dict[int, Cite] = {}
    for key in sorted(out):
        firsts.setdefault(key[0], out[key])
    return tuple(firsts[n] for n in sorted(firsts))


def _claim_entry(c: Claim, numbers: dict[str, int]) -> Entry:
    spans = (Span(c.source, c.start, c.end),) + c.corroborated_by
    return Entry(kind="claim", id=c.id, text=c.text, cites=_cites(spans, numbers), date=c.date,
                 attribution=c.attribution, confidence=c.confidence, origins=c.origins)


def _assessment_entry(a: Assessment, numbers: dict[str, int]) -> Entry:
    return Entry(kind="assessment", id=a.id, text=a.text,
                 cites=_cites((Span(a.source, a.start, a.end),), numbers), holder=a.holder,
                 likelihood=a.likelihood, confidence=a.confidence)
