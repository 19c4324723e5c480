"""Exercise names in text: known series (with transliterations) and name shapes like "Zapad-2021"."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .resources import country_index, load, series_index

_YEAR_SUFFIX = r"(?:[-‐–]\s?|\s)(?P<y>(?:19|20)\d{2}|'?\d{2})(?:-\d)?(?![\w%])"
_HYPHEN_NAME = re.compile(r"(?<![\w/-])(?P<n>(?:[A-Z][\w'’]*(?:[ /][A-Z][\w'’]*){0,3}))-(?P<y>(?:19|20)\d{2}|\d{2})(?![\w%-])")
_SPACE_NAME = re.compile(r"(?<![\w/-])(?P<n>[A-Z][\w'’]*(?:\s[A-Z][\w'’]*){0,3})\s(?P<y>(?:19|20)\d{2}|\d{2})(?![\w%,.]\d|[\w%])")
_EXERCISE_WORD = re.compile(r"(?i)^\s*(?:(?:joint|naval|military|strategic|maritime|air|annual|multinational|bilateral|trilateral|"
                            r"command-staff|command|staff|peacekeeping|amphibious|combined|large-scale|tactical|field|live-fire|"
                            r"anti-submarine|international)\s+){0,3}(?:exercises?|drills?|manoeuvres|maneuvers|war\s?games?|wargames?)\b")
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_LEAD_STOP = {"The", "In", "On", "At", "By", "For", "From", "And", "But", "As", "Since", "During", "After", "Before", "While",
              "When", "With", "Of", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our", "Separately", "Meanwhile"}


@dataclass(frozen=True)
class NameHit:
    """One exercise name in a sentence: offsets relative to the sentence, as written."""

    start: int
    end: int
    name: str
    series: str
    canon: str
    year: int | None
    weak: bool = False


def normalise(name: str) -> str:
    """Lower-case letters and digits only, without generic words, for comparing names."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"\b(?:exercise|drills?|the|joint|naval)\b", " ", s)
    return re.sub(r"[\W_]+", "", s)


def full_year(y: str | None) -> int | None:
    """A four-digit year from "2021", "21" or "'21"."""
    if not y:
        return None
    y = y.lstrip("'")
    v = int(y)
    if len(y) == 2:
        v += 1900 if v >= 50 else 2000
    return v if 1940 <= v <= 2049 else None


@lru_cache(maxsize=None)
def _stop() -> tuple[frozenset[str], re.Pattern[str]]:
    data = load("exercises")
    bad = frozenset(str(w).casefold() for w in data.get("not_names") or [])
    words = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in data.get("not_name_words") or []) + r")\b")
    return bad, words


def canonical(series: str) -> str:
    """The canonical series of a spelling ("Caucasus" -> "Kavkaz"), else the spelling itself."""
    spell = series_index()[0]
    return spell.get(series.casefold(), series)


def series_key(name: str) -> str:
    """Identity key of an exercise name across sources: canonical series (normalised) plus year."""
    m = re.search(_YEAR_SUFFIX + r"\s*$", name)
    base = name[: m.start()] if m else name
    base = re.sub(r"^(?:Exercise|Operation)\s+", "", base.strip())
    y = full_year(m.group("y")) if m else None
    key = normalise(canonical(base))
    return f"{key}{y or ''}"


def _strip_lead(n: str, start: int) -> tuple[str, int]:
    forms = country_index()[0]
    toks = n.split(" ")
    while len(toks) > 1 and (toks[0] in _LEAD_STOP or toks[0].rstrip("'’s") in forms or toks[0].endswith(("'s", "’s"))):
        start += len(toks[0]) + 1
        toks = toks[1:]
    return " ".join(toks), start


def find_names(text: str) -> list[NameHit]:
    """Exercise names in one sentence, in order; names need a year unless they are a known series."""
    return list(_find_names(text))


@lru_cache(maxsize=4096)
def _find_names(text: str) -> tuple[NameHit, ...]:
    bad, badwords = _stop()
    spell, series_rx = series_index()
    hits: list[NameHit] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, series: str, year: int | None, weak: bool = False) -> None:
        if any(a < e and s < b for s, e in taken):
            return
        pre = text[max(0, a - 9):a]
        if re.search(r"\bExercise\s$", pre):
            a -= len("Exercise ")
        name = text[a:b]
        hits.append(NameHit(a, b, name, series, canonical(series), year, weak))
        taken.append((a, b))

    for m in series_rx.finditer(text):
        a, b = m.span()
        series = m.group(0)
        ym = re.match(_YEAR_SUFFIX, text[b:])
        year = full_year(ym.group("y")) if ym else None
        if ym and year:
            add(a, b + ym.end(), series, year)
        else:
            after = text[b:b + 60]
            before = text[max(0, a - 12):a]
            multi = " " in series or "/" in series or series.isupper()
            strong = multi or _EXERCISE_WORD.match(after) or re.search(r"(?i)\bexercise\s$", before)
            add(a, b, series, None, weak=not strong)
    for rx in (_HYPHEN_NAME, _SPACE_NAME):
        for m in rx.finditer(text):
            n, a = _strip_lead(m.group("n"), m.start("n"))
            ytxt = m.group("y")
            year = full_year(ytxt)
            first = n.split()[0] if n.split() else ""
            if not year or first in _MONTHS or n.casefold() in bad or first.casefold() in bad or badwords.search(text[a:m.end() + 60]):
                continue
            if len(ytxt) == 2 and not (n.isupper() and len(n) >= 4):
                continue
            after = text[m.end():m.end() + 60]
            before = text[max(0, a - 12):a]
            named_as = _EXERCISE_WORD.match(after) or re.search(r"(?i)\bexercise\s$", before)
            if rx is _SPACE_NAME and not named_as:
                continue
            if rx is _HYPHEN_NAME and not (named_as or re.search(r"(?i)\b(?:exercises?|drills?|manoeuvres|maneuvers|war games?)\b", text)):
                continue
            add(a, m.end(), n, year)
    for m in re.finditer(r"\bExercise\s+(?P<n>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})", text):
        n = m.group("n")
        if n.casefold() not in bad and not badwords.search(n):
            add(m.start("n"), m.end("n"), n, None)
    hits.sort(key=lambda h: h.start)
    return tuple(hits)
