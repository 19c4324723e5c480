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


def trie_pattern(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex body matching any of `words`, factored as a trie (fast for large gazetteers).

    Longer words are tried before their prefixes, so the longest name wins at a position.
    """
    trie: dict = {}
    for w in {w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie) or r"(?!x)x"


def alternation(words: list[str] | tuple[str, ...] | set[str], *, flags: int = 0,
                left: str = r"(?<![\w])", right: str = r"(?![\w])") -> re.Pattern[str]:
    """One regex matching any of `words` (longest first), bounded so it never matches inside a word."""
    return re.compile(f"{left}(?:{trie_pattern(words)}){right}", flags)


def lower(text: str) -> str:
    """`text` in lower case with the same length (so offsets stay valid); apply `any_of` regexes to it."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def any_of(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex that matches when any of the given (lower-case) regular expressions does; use on `lower(text)`."""
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
    # the left boundary is checked by `mentions` (a regex that starts with a look-behind scans slowly)
    mention = re.compile(f"(?:{trie_pattern(list(forms))})(?![\\w])")
    ship_re = re.compile(r"(?<![\w])(" + "|".join(re.escape(s) for s in sorted(ships, key=len, reverse=True))
                         + r")\s+(?=[A-Z0-9])")
    return forms, ships, mention, ship_re, capitals


_COMPASS = re.compile(r"(?:(?:north|south|east|west|central|north-east|north-west|south-east|south-west|northeast|northwest|southeast|"
                      r"southwest|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|interior|inner|coastal)"
                      r"(?: and (?:northern|southern|eastern|western|central))?\s+)$")


@lru_cache(maxsize=None)
def place_regex() -> re.Pattern[str]:
    """Case-sensitive regex for gazetteer places (use `places`, which also checks boundaries and compass words)."""
    data = load("places")
    names = [p for group in data.values() for p in (group or [])]
    return re.compile(rf"(?:{trie_pattern(names)})(?![\w])")


def places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer places in `text` as (start, end, text), a compass word in front included ("northern Arabian Sea")."""
    return list(_places(text))


@lru_cache(maxsize=4096)
def _places(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for m in place_regex().finditer(text):
        a, b = m.span()
        if a and (text[a - 1].isalnum() or text[a - 1] == "_"):
            continue
        c = _COMPASS.search(text, max(0, a - 40), a)
        if c and (c.start() == 0 or not text[c.start() - 1].isalnum()):
            a = c.start()
        out.append((a, b, text[a:b]))
    return tuple(out)


def mentions(text: str) -> list[re.Match[str]]:
    """Matches of the country-mention regex that start at a word boundary (not after a letter, digit or dot)."""
    return list(_mentions(text))


@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[re.Match[str], ...]:
    rx = country_index()[2]
    return tuple(m for m in rx.finditer(text) if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.")))


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
    forms += [f.upper() for f in forms if " " in f]  # a series written in capitals ("RED FLAG-Alaska 25-3")
    return spell, alternation(forms, left=r"(?<![\w/])", right=r"(?![\w/]|/\w)")


@lru_cache(maxsize=None)
def _series_scan() -> re.Pattern[str]:
    """The series regex without its left look-behind (which makes a regex scan slowly); see `series_matches`."""
    data = load("exercises")
    forms = list(data.get("series") or {})
    forms += [str(a) for alts in (data.get("series") or {}).values() for a in (alts or [])]
    forms += [f.upper() for f in forms if " " in f]  # a series written in capitals ("RED FLAG-Alaska 25-3")
    return alternation(forms, left="", right=r"(?![\w/]|/\w)")


def series_matches(text: str) -> list[re.Match[str]]:
    """The matches `series_index()[1].finditer(text)` gives, found faster (the left boundary checked by hand)."""
    rx = _series_scan()
    out: list[re.Match[str]] = []
    pos, n = 0, len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            break
        a = m.start()
        if a and (text[a - 1].isalnum() or text[a - 1] in "_/"):
            pos = a + 1  # inside a word: the look-behind would have failed here
            continue
        out.append(m)
        pos = m.end() if m.end() > a else a + 1
    return out


_ESCAPE = re.compile(r"\\[a-zA-Z]|\(\?[:!=<]+|\[[^\]]*\]|\{\d*,?\d*\}")
_LITERAL = re.compile(r"[a-z][a-z'’-]{2,}")


# word starts too common to tell patterns apart; every cue pattern has a rarer literal on each path
_COMMON = frozenset({"the", "are", "was", "wer", "tha", "thi", "its", "wit", "fro", "has", "wil", "wou", "one", "not", "but", "and"})


class CueSet:
    """Many lower-case cue regexes, each run only when one of its literal words occurs (much faster than one alternation).

    A pattern whose literals are all shorter than three letters always runs.
    """

    def __init__(self, patterns: list[str]) -> None:
        self.items: list[tuple[re.Pattern[str], frozenset[str]]] = []
        prefixes: set[str] = set()
        self._always: list[int] = []  # patterns without a literal: they always run
        self._pre: list[re.Pattern[str] | None] = []
        self._by_lit: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            lits = {m.group(0)[:4] for m in _LITERAL.finditer(_ESCAPE.sub(" ", p))} - _COMMON
            self.items.append((re.compile(p), frozenset(lits)))
            # the pattern without its leading \b matches wherever the pattern does, and a regex that starts with a
            # literal scans much faster than one that starts with an assertion: a cheap test that it cannot match
            self._pre.append(re.compile(p[2:]) if p.startswith(r"\b") else None)
            prefixes |= lits
            if not lits:
                self._always.append(i)
            for lit in lits:
                self._by_lit.setdefault(lit, []).append(i)
        self.trigger = re.compile(trie_pattern(prefixes)) if prefixes else None
        self._last: tuple[str, set[str]] | None = None

    def _present(self, low: str) -> set[str]:
        if self._last is not None and self._last[0] is low:
            return self._last[1]  # search and count on the same text
        found = set(self.trigger.findall(low)) if self.trigger else set()
        self._last = (low, found)
        return found

    def _candidates(self, low: str) -> list[int]:
        """Indices (in pattern order) of the patterns that may match: a literal of theirs occurs."""
        idx = set(self._always)
        for lit in self._present(low):
            idx.update(self._by_lit.get(lit, ()))
        return sorted(idx)

    def search(self, low: str) -> re.Match[str] | None:
        """The first pattern match in `low` (a `lower()` text), or None."""
        items, pre = self.items, self._pre
        for i in self._candidates(low):
            if pre[i] is not None and pre[i].search(low) is None:
                continue
            m = items[i][0].search(low)
            if m:
                return m
        return None

    def count(self, low: str) -> int:
        """How many matches all patterns have in `low`."""
        items, pre = self.items, self._pre
        return sum(len(items[i][0].findall(low)) for i in self._candidates(low) if pre[i] is None or pre[i].search(low) is not None)
