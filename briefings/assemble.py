"""Extraction + config -> Briefing: sections in config order, ranked items, numbered citations."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from briefings import __version__
from briefings.config import BriefingConfig, SectionSpec
from briefings.model import (Assessment, Briefing, Cite, Claim, Entry, Exercise, ExerciseRow,
                             Extraction, Section, SourceDocument, SourceEntry, Span,
                             UnavailableSource, source_order)


def assemble(ex: Extraction, config: BriefingConfig, now: datetime,
             warnings: tuple[str, ...] = (),
             unavailable: tuple[UnavailableSource, ...] = ()) -> Briefing:
    """Build the edition dated `now` (already in the config's time zone)."""
    first, last = config.period.window(now.date()) if config.period else (None, None)
    numbers = {s.id: i for i, s in enumerate(ex.sources, 1)}
    citer = _Citer(numbers, {s.id: s for s in ex.sources})
    sources = tuple(
        SourceEntry(number=numbers[s.id], id=s.id, title=s.title, outlet=s.outlet,
                    published=s.published, author=s.author, reliability=s.reliability,
                    path=s.path, url=s.url, chars=s.chars, sha256=s.sha256)
        for s in ex.sources)
    in_window = [c for c in ex.claims if _within(c.date, first, last)]
    claims = rank_claims(tuple(in_window), ex, subject_terms(config), now.date())
    shown_claims: set[str] = set()
    sections = []
    for i, spec in enumerate(config.sections, 1):
        anchor = f"sec-{i}-{spec.kind}"
        if spec.kind in ("bluf", "claims"):
            picked = [c for c in claims if c.id not in shown_claims][: spec.max_items]
            shown_claims.update(c.id for c in picked)
            entries = tuple(_claim_entry(c, citer) for c in picked)
            sections.append(Section(spec.kind, spec.heading, anchor, entries=entries))
        elif spec.kind == "assessments":
            picked_a = rank_assessments(ex.assessments)[: spec.max_items]
            sections.append(Section(spec.kind, spec.heading, anchor,
                                    entries=tuple(_assessment_entry(a, citer) for a in picked_a)))
        elif spec.kind == "exercises":
            kept = [x for x in filter_exercises(ex.exercises, spec)
                    if _within(x.start or x.end, first, last) and _year_within(x.year, first, last)]
            rows = tuple(ExerciseRow(x, citer(x.mentions)) for x in order_exercises(kept))
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
        page_size=config.page_size, lang=config.lang, version=__version__, warnings=warnings,
        unavailable=unavailable,
        period_start=first.isoformat() if first else None,
        period_end=last.isoformat() if last else None)


GRADE_WEIGHT = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.3, "E": 0.1, "F": 0.0}
_WORD = re.compile(r"\w+")


def subject_terms(config: BriefingConfig) -> frozenset[str]:
    """Lower-case stems naming the briefing's subject: `keywords`, else title words and filters."""
    words = list(config.keywords)
    if not words:
        words = [config.title] + [p for s in config.sections if s.where for p in s.where.participants]
    return frozenset(_stem(w) for text in words for w in _WORD.findall(_fold(text)) if len(w) > 3)


def rank_claims(claims: tuple[Claim, ...], ex: Extraction | None = None,
                terms: frozenset[str] = frozenset(), today: date | None = None) -> list[Claim]:
    """Best first, deterministically: the summariser's score plus bonuses for corroboration,
    the best source's grade, recency and mention of the subject (weights in docs/ranking.md)."""
    docs = {d.id: d for d in ex.sources} if ex else {}

    def weight(c: Claim) -> float:
        sources = [c.source] + [s.source for s in c.corroborated_by]
        grade = max(GRADE_WEIGHT.get(docs[s].reliability, 0.0) if s in docs else 0.0 for s in sources)
        when = c.date or (docs[c.source].published if c.source in docs else None)
        recency = 0.0
        if today and when:
            try:
                age = (today - date.fromisoformat(when[:10])).days
                recency = max(0.0, min(1.0, 1 - (age - 30) / 335)) if age >= 0 else 0.5
            except ValueError:
                recency = 0.0
        subject = 0.0
        if terms:
            stems = {w[:4] for w in _WORD.findall(_fold(c.text))}  # _stem, inlined
            subject = len(terms & stems) / len(terms)
        corroborated = min(c.origins - 1, 2) / 2
        return c.score + 0.15 * corroborated + 0.10 * grade + 0.10 * recency + 0.15 * subject

    return sorted(claims, key=lambda c: (-round(weight(c), 6), source_order(c.source), c.start))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _stem(word: str) -> str:
    """A crude stem good enough to match 'Russia'/'Russian', 'navy'/'naval': first 4 letters."""
    return word[:4]


def _within(when: str | None, first: date | None, last: date | None) -> bool:
    """True when an ISO date is unknown or falls inside the window."""
    if not when or (first is None and last is None):
        return True
    try:
        day = date.fromisoformat(when[:10])
    except ValueError:
        return True
    return (first is None or day >= first) and (last is None or day <= last)


def _year_within(year: int | None, first: date | None, last: date | None) -> bool:
    """True when a year is unknown or overlaps the window."""
    if year is None:
        return True
    return (first is None or year >= first.year) and (last is None or year <= last.year)


def rank_assessments(items: tuple[Assessment, ...]) -> list[Assessment]:
    """Best first by score, then source order and position."""
    return sorted(items, key=lambda a: (-round(a.score, 6), source_order(a.source), a.start))


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



class _Citer:
    """Spans -> numbered citations (one per source, in source-number order, with PDF pages)."""

    def __init__(self, numbers: dict[str, int], docs: dict[str, SourceDocument]) -> None:
        self.numbers = numbers
        self.docs = docs

    def __call__(self, spans: tuple[Span, ...]) -> tuple[Cite, ...]:
        firsts: dict[int, Span] = {}
        for s in sorted(spans, key=lambda s: (self.numbers[s.source], s.start)):
            firsts.setdefault(self.numbers[s.source], s)
        out = []
        for n in sorted(firsts):
            s = firsts[n]
            doc = self.docs.get(s.source)
            out.append(Cite(n, s.source, s.start, s.end, doc.page_at(s.start) if doc else None))
        return tuple(out)


def _claim_entry(c: Claim, cites: _Citer) -> Entry:
    spans = (Span(c.source, c.start, c.end),) + c.corroborated_by
    return Entry(kind="claim", id=c.id, text=c.text, cites=cites(spans), date=c.date,
                 attribution=c.attribution, confidence=c.confidence, origins=c.origins,
                 credibility=c.credibility)


def _assessment_entry(a: Assessment, cites: _Citer) -> Entry:
    return Entry(kind="assessment", id=a.id, text=a.text,
                 cites=cites((Span(a.source, a.start, a.end),)), holder=a.holder,
                 likelihood=a.likelihood, confidence=a.confidence)
