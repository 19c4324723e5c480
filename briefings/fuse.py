"""Per-source extractions -> one Extraction: ids assigned, exercises merged across sources."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from briefings.model import Conflict, DocumentExtraction, Exercise, Extraction, SourceDocument

_NAME_NOISE = re.compile(r"\b(exercises?|drills?|the|joint|naval|manoeuvres?|maneuvers?)\b")


def exercise_key(ex: Exercise) -> str | None:
    """A name folded for matching the same exercise across sources (None when unnamed)."""
    if not ex.name:
        return None
    s = unicodedata.normalize("NFKC", ex.name).casefold()
    s = _NAME_NOISE.sub(" ", s)
    return re.sub(r"[\W_]+", "", s) or None


def fuse(docs: list[SourceDocument] | tuple[SourceDocument, ...],
         parts: list[DocumentExtraction]) -> Extraction:
    """Merge the documents' extractions in source order and number every item."""
    claims = [c for part in parts for c in part.claims]
    assessments = [a for part in parts for a in part.assessments]
    merged: list[Exercise] = []
    by_key: dict[str, int] = {}
    for part in parts:
        for ex in part.exercises:
            key = exercise_key(ex)
            if key is not None and key in by_key:
                merged[by_key[key]] = _merge(merged[by_key[key]], ex)
                continue
            if key is not None:
                by_key[key] = len(merged)
            merged.append(ex)
    return Extraction(
        sources=tuple(docs),
        claims=tuple(replace(c, id=f"c{i}") for i, c in enumerate(claims, 1)),
        assessments=tuple(replace(a, id=f"a{i}") for i, a in enumerate(assessments, 1)),
        exercises=tuple(replace(x, id=f"x{i}") for i, x in enumerate(merged, 1)),
    )


def _merge(a: Exercise, b: Exercise) -> Exercise:
    """One record from two mentions of the same exercise; disagreements become conflicts."""
    conflicts = list(a.conflicts)
    a_src = tuple(sorted({m.source for m in a.mentions}))
    b_src = tuple(sorted({m.source for m in b.mentions}))
    for field in ("year", "participants", "locations", "status"):
        va, vb = getattr(a, field), getattr(b, field)
        if va and vb and _norm(va) != _norm(vb):
            if not any(c.field == field for c in conflicts):
                conflicts.append(Conflict(field, ((_jsonable(va), a_src), (_jsonable(vb), b_src))))
    aliases = list(a.aliases)
    for name in (b.name, *b.aliases):
        if name and name != a.name and name not in aliases:
            aliases.append(name)
    return replace(
        a,
        aliases=tuple(aliases),
        year=a.year or b.year,
        series=a.series or b.series,
        start=a.start or b.start,
        end=a.end or b.end,
        locations=_union(a.locations, b.locations),
        participants=_union(a.participants, b.participants) if not a.participants else a.participants,
        observers=_union(a.observers, b.observers),
        activities=_union(a.activities, b.activities),
        mentions=a.mentions + b.mentions,
        conflicts=tuple(conflicts),
    )


def _norm(value: object) -> object:
    if isinstance(value, tuple):
        return tuple(sorted(v.casefold() if isinstance(v, str) else v for v in value))
    return value


def _jsonable(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    seen = {x.casefold() for x in a}
    return a + tuple(x for x in b if x.casefold() not in seen)
