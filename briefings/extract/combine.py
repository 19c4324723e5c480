"""Combine per-source extractions: assign ids and merge one exercise reported by several sources."""
from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import TypeVar

from ..model import Conflict, DocumentExtraction, Exercise, Extraction, SourceDocument
from .exercise_names import series_key

T = TypeVar("T")


def copied(item: T, **changes) -> T:
    """replace(item, **changes) for a frozen model object, without re-running its __init__
    (numbering and corroboration copy every claim and assessment of the corpus)."""
    copy = object.__new__(type(item))
    copy.__dict__.update(item.__dict__)
    copy.__dict__.update(changes)
    return copy


def with_id(item: T, new_id: str) -> T:
    """replace(item, id=new_id), fast (see `copied`)."""
    return copied(item, id=new_id)


def exercise_key(x: Exercise) -> str:
    """Normalised identity of an exercise: its canonical series and the year or edition in its name ("" if unnamed)."""
    return _name_key(x.name) if x.name else ""


@lru_cache(maxsize=8192)
def _name_key(name: str) -> str:
    """series_key, remembered: a corpus names the same exercises again and again."""
    return series_key(name)


def _same_edition(a: Exercise, b: Exercise) -> bool:
    """Two mentions of one name are one exercise unless their years are more than a year apart."""
    return a.year is None or b.year is None or abs(a.year - b.year) <= 1


def _conflicts(field: str, values: list[tuple[object, str]]) -> Conflict | None:
    """The conflict on one field when the sources give different values, else None."""
    groups: dict[str, tuple[object, list[str]]] = {}
    for value, src in values:
        if value in (None, (), [], ""):
            continue
        k = repr(sorted(value) if isinstance(value, (list, tuple)) else value)
        groups.setdefault(k, (list(value) if isinstance(value, tuple) else value, []))[1].append(src)
    if len(groups) < 2:
        return None
    return Conflict(field, tuple((v, tuple(dict.fromkeys(s))) for v, s in groups.values()))


def _merge(parts: list[Exercise]) -> Exercise:
    """One exercise from the same exercise reported by several sources."""
    base = parts[0]
    if len(parts) == 1:
        return base
    def union(attr: str) -> tuple:
        """The values of one field over all parts, in order, without repeats."""
        return tuple(dict.fromkeys(chain.from_iterable(getattr(p, attr) for p in parts)))
    conflicts = []
    for field in ("year", "start", "end", "status", "participants"):
        vals = [(getattr(p, field), p.mentions[0].source if p.mentions else "") for p in parts]
        c = _conflicts(field, vals)
        if c:
            conflicts.append(c)
    names = [p.name for p in parts if p.name]
    aliases = tuple(dict.fromkeys(a for p in parts for a in (p.name, *p.aliases) if a and a != base.name))
    pick = lambda f: next((getattr(p, f) for p in parts if getattr(p, f)), None)
    participants = union("participants")
    return copied(base, name=names[0] if names else None, aliases=aliases, year=pick("year"), start=pick("start"),
                  end=pick("end"), series=pick("series"), locations=union("locations"), participants=participants,
                  observers=tuple(o for o in union("observers") if o not in participants),
                  activities=union("activities"), mentions=union("mentions"), conflicts=tuple(conflicts))


class Combiner:
    """`combine` fed one source's results at a time (a build combines them as its workers deliver them)."""

    def __init__(self, number_claims: bool = True) -> None:
        self.number_claims = number_claims
        self.claims: list = []
        self.assessments: list = []
        self.groups: dict[str, list[Exercise]] = {}  # in the order the exercises were first met
        self.unnamed = 0

    def add(self, part: DocumentExtraction) -> None:
        """Take the next source's results."""
        claims, groups = self.claims, self.groups
        if self.number_claims:
            for c in part.claims:
                claims.append(with_id(c, f"c{len(claims) + 1}"))
        else:
            claims += part.claims
        for a in part.assessments:
            self.assessments.append(with_id(a, f"a{len(self.assessments) + 1}"))
        for x in part.exercises:
            key = exercise_key(x)
            if not key:
                self.unnamed += 1
                key = f"#unnamed{self.unnamed}"
            elif key in groups and not _same_edition(groups[key][0], x):
                key = f"{key}|{x.year}"  # the same series in another year is another exercise
            groups.setdefault(key, []).append(x)

    def result(self, docs: list[SourceDocument]) -> Extraction:
        """The Extraction over `docs`, whose results were added in this order."""
        exercises = [with_id(_merge(g), f"x{i + 1}") for i, g in enumerate(self.groups.values())]
        return Extraction(sources=tuple(docs), claims=tuple(self.claims), assessments=tuple(self.assessments),
                          exercises=tuple(exercises))


def combine(docs: list[SourceDocument], parts: list[DocumentExtraction], number_claims: bool = True) -> Extraction:
    """One Extraction over all sources: ids c1.., a1.., x1..; same-named exercises merged with conflicts.
    Without `number_claims` the claims are kept as they are (for `corroborate`, which copies and numbers them)."""
    combiner = Combiner(number_claims)
    for part in parts:
        combiner.add(part)
    return combiner.result(docs)
