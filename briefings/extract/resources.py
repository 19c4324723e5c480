"""Gazetteers and vocabularies from briefings/data, loaded once and compiled into regexes."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources as _res
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back when libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed YAML data file `briefings/data/<name>.yaml`."""
    text = _res.files("briefings").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


def alternation(words: list[str] | tuple[str, ...] | set[str], *, flags: int = 0,
                left: str = r"(?<![\w])", right: str = r"(?![\w])") -> re.Pattern[str]:
    """One regex matching any of `words` (longest first), bounded so it never matches inside a word."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) for w in uniq) or r"(?!x)x"
    return re.compile(f"{left}(?:{body}){right}", flags)


def any_of(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex that matches when any of the given regular expressions does."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", flags)


@lru_cache(maxsize=None)
def lexicon() -> dict[str, Any]:
    """The general vocabulary (clutter, cues, estimative terms)."""
    return load("lexicon")


@lru_cache(maxsize=None)
def country_index() -> tuple[dict[str, str], dict[str, str], re.Pattern[str], re.Pattern[str], set[str]]:
    """(surface form -> country, ship prefix -> country, mention regex, ship regex, capital forms).

    The mention regex is case-sensitive and finds country names, demonyms, capitals and force names.
    """
    data = load("countries")
    forms: dict[str, str] = {}
    ships: dict[str, str] = {}
    capitals: set[str] = set()
    for country, info in data.items():
        info = info or {}
        forms.setdefault(country, country)
        for key in ("names", "demonyms", "capitals", "forces"):
            for f in info.get(key) or []:
                forms.setdefault(str(f), country)
                if key == "capitals":
                    capitals.add(str(f))
        for d in info.get("demonyms") or []:
            forms.setdefault(f"{d}s", country) if not str(d).endswith("s") else None
        for s in info.get("ships") or []:
            ships.setdefault(str(s), country)
    # possessives and "the X" are handled by the regex boundaries
    mention = alternation(list(forms), left=r"(?<![\w.-])", right=r"(?![\w])")
    ship_re = re.compile(r"(?<![\w])(" + "|".join(re.escape(s) for s in sorted(ships, key=len, reverse=True))
                         + r")\s+(?=[A-Z0-9])")
    return forms, ships, mention, ship_re, capitals


@lru_cache(maxsize=None)
def place_regex() -> re.Pattern[str]:
    """Case-sensitive regex for gazetteer places, with an optional compass word in front."""
    data = load("places")
    names = [p for group in data.values() for p in (group or [])]
    compass = (r"(?:(?:north|south|east|west|central|north-east|north-west|south-east|south-west|"
               r"northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern)"
               r"(?: and (?:northern|southern|eastern|western|central))?\s+)?")
    uniq = sorted(set(names), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) for w in uniq)
    return re.compile(rf"(?<![\w])({compass}(?:{body}))(?![\w])")


@lru_cache(maxsize=None)
def series_index() -> tuple[dict[str, str], re.Pattern[str]]:
    """(lower-cased spelling -> canonical series, regex finding any spelling of a series)."""
    data = load("exercises")
    spell: dict[str, str] = {}
    for canon, alts in (data.get("series") or {}).items():
        spell[canon.casefold()] = canon
        for a in alts or []:
            spell.setdefault(str(a).casefold(), canon)
    forms = list(data.get("series") or {})
    forms += [str(a) for alts in (data.get("series") or {}).values() for a in (alts or [])]
    return spell, alternation(forms, left=r"(?<![\w/])", right=r"(?![\w/]|/\w)")
