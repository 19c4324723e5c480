"""Gazetteers and vocabularies from briefings/data, loaded once and compiled into regexes."""
from __future__ import annotations

import re
import sys
from re import _constants as _sre  # the parsed form of a regex, to find the literals it needs
from re._parser import parse as _sre_parse
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources as _res
from typing import Any, Iterator

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
        """The regex body for one trie node."""
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


class Literals:
    """Which of a fixed set of literal strings occur in a text: one trie scan instead of one `in` test per literal."""

    def __init__(self, words: frozenset[str] | set[str]) -> None:
        self.rx = re.compile(trie_pattern(words))
        # every literal that is a prefix of a found one starts at the same place, so it occurs too
        self.prefixes = {w: frozenset(v for v in words if w.startswith(v)) for w in words}

    def present(self, text: str) -> set[str]:
        """`{w for w in words if w in text}`: the longest literal at each start position, with its prefixes."""
        out: set[str] = set()
        pos, rx, prefixes = 0, self.rx, self.prefixes
        while True:
            m = rx.search(text, pos)
            if m is None:
                return out
            out |= prefixes[m.group()]
            pos = m.start() + 1


def word_alternation(alts: list[str] | tuple[str, ...]) -> str:
    r"""`\b(?:a|b|...)` for regex alternatives that each start with a plain letter, written so that a regex starting with
    it scans fast for those first letters: the word boundary is checked after the letter, by look-behind.

    (Faster only when the first letters are rare in the text scanned: capitals, or a few lower-case letters.)
    """
    for a in alts:
        assert a[:1].isalpha() and a[:1].isascii(), a
    return "(?:" + "|".join(f"{a[0]}(?<!\\w{a[0]}){a[1:]}" for a in alts) + ")"


def lower(text: str) -> str:
    """`text` in lower case with the same length (so offsets stay valid); apply `any_of` regexes to it."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def any_of(patterns: list[str], flags: int = 0) -> Gated:
    """One regex that matches when any of the given (lower-case) regular expressions does; use on `lower(text)`.

    It runs only when the text holds one of the words the patterns need (see `Gated`).
    """
    return Gated("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", flags)


@lru_cache(maxsize=None)
def lexicon() -> dict[str, Any]:
    """The general vocabulary (clutter, cues, estimative terms)."""
    return load("lexicon")


@lru_cache(maxsize=None)
def shared_forms() -> dict[str, tuple[str, ...]]:
    """Forms listed under several countries ("RCAF"), with those countries in data-file order."""
    seen: dict[str, list[str]] = {}
    for country, info in load("countries").items():
        for key in ("names", "demonyms", "capitals", "forces"):
            for f in (info or {}).get(key) or []:
                if country not in seen.setdefault(str(f), []):
                    seen[str(f)].append(country)
    return {f: tuple(c) for f, c in seen.items() if len(c) > 1}


_DOC_COUNTRIES: ContextVar[frozenset[str]] = ContextVar("doc_countries", default=frozenset())


@contextmanager
def document_countries(text: str) -> Iterator[None]:
    """Inside this block a form shared by several countries means the one `text` names unambiguously."""
    forms, shared = country_index()[0], shared_forms()
    named = frozenset(forms[m.group(0)] for m in mentions(text) if m.group(0) not in shared)
    token = _DOC_COUNTRIES.set(named)
    try:
        yield
    finally:
        _DOC_COUNTRIES.reset(token)


def named_countries() -> frozenset[str]:
    """The countries the current document names unambiguously (empty outside `document_countries`)."""
    return _DOC_COUNTRIES.get()


def resolve_country(form: str, default: str) -> str:
    """The country a mention form means in the current document (see `document_countries`)."""
    cands = shared_forms().get(form)
    if not cands:
        return default
    named = _DOC_COUNTRIES.get()
    return next((c for c in cands if c in named), default)


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


_NOT_AFTER_WORD = r"(?<![\w])"


@lru_cache(maxsize=None)
def _ship_scan() -> re.Pattern[str]:
    """The ship-prefix regex without its left look-behind (which makes a regex scan slowly); see `ship_matches`."""
    pattern = country_index()[3].pattern
    assert pattern.startswith(_NOT_AFTER_WORD)
    return re.compile(pattern[len(_NOT_AFTER_WORD):])


def _word_start_matches(rx: re.Pattern[str], text: str, joiners: str) -> list[re.Match[str]]:
    """`rx`'s matches that do not start inside a word (after a letter, digit or one of `joiners`):
    what a left look-behind would give, without the look-behind's slow scan."""
    out: list[re.Match[str]] = []
    pos, n = 0, len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            break
        a = m.start()
        if a and (text[a - 1].isalnum() or text[a - 1] in joiners):
            pos = a + 1  # inside a word: the look-behind would have failed here
            continue
        out.append(m)
        pos = m.end() if m.end() > a else a + 1
    return out


def ship_matches(text: str) -> list[re.Match[str]]:
    """The matches `country_index()[3].finditer(text)` gives ("INS Delhi"), found faster (the left boundary checked by hand)."""
    return _word_start_matches(_ship_scan(), text, "_")


_COMPASS = re.compile(r"(?:(?:north-eastern|north-western|south-eastern|south-western|north|south|east|west|central|north-east|north-west|south-east|south-west|northeast|northwest|southeast|"
                      r"southwest|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|interior|inner|coastal|"
                      r"North|South|East|West|Central|Northern|Southern|Eastern|Western)"  # (capitalised, part of a name: "East Java", "South Pacific")
                      r"(?: and (?:northern|southern|eastern|western|central))?\s+)$")


@lru_cache(maxsize=None)
def place_regex() -> re.Pattern[str]:
    """Case-sensitive regex for gazetteer places (use `places`, which also checks boundaries and compass words)."""
    data = load("places")
    names = [p for group in data.values() for p in (group or [])]
    return re.compile(rf"(?:{trie_pattern(names)})(?![\w])")


# the words _COMPASS ends with, before its spaces: a text that ends otherwise holds no match
_COMPASS_WORDS = ("north-eastern", "north-western", "south-eastern", "south-western", "north", "south", "east", "west", "central", "north-east", "north-west", "south-east", "south-west", "northeast",
                  "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western", "northeastern", "northwestern",
                  "southeastern", "southwestern", "interior", "inner", "coastal", "North", "South", "East", "West", "Central", "Northern",
                  "Southern", "Eastern", "Western")


def _compass_before(text: str, a: int) -> re.Match[str] | None:
    """`_COMPASS.search(text, max(0, a - 40), a)`: compass words right before offset `a`, looked for only when the
    40 characters before it end in one."""
    lo = max(0, a - 40)
    if not text[lo:a].rstrip().endswith(_COMPASS_WORDS):
        return None
    return _COMPASS.search(text, lo, a)


def places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer places in `text` as (start, end, text), a compass word in front included ("northern Arabian Sea")."""
    return list(_places(text))


@lru_cache(maxsize=4096)
def _places(text: str) -> tuple[tuple[int, int, str], ...]:
    """Cached body of `places`."""
    out = []
    for m in place_regex().finditer(text):
        a, b = m.span()
        if a and (text[a - 1].isalnum() or text[a - 1] == "_"):
            continue
        c = _compass_before(text, a)
        if c and (c.start() == 0 or not text[c.start() - 1].isalnum()):
            a = c.start()
        out.append((a, b, text[a:b]))
    return tuple(out)


def mentions(text: str) -> list[re.Match[str]]:
    """Matches of the country-mention regex that start at a word boundary (not after a letter, digit or dot)."""
    return list(_mentions(text))


@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[re.Match[str], ...]:
    """Cached body of `mentions`."""
    out = []
    for m in country_index()[2].finditer(text):
        a = m.start()
        if not (a and (text[a - 1].isalnum() or text[a - 1] in "_.")):
            out.append(m)
    return tuple(out)


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
    forms += [f.upper() for f in data.get("series") or {} if " " not in f and len(f) >= 5]  # "TURGUTREIS-X"
    return alternation(forms, left="", right=r"(?![\w/]|/\w)")


# Turkish dotted and dotless i, read as I and i when matching names (one character each, so offsets stay valid)
_TURKISH_I = str.maketrans({"İ": "I", "ı": "i"})


def series_matches(text: str) -> list[re.Match[str]]:
    """The matches `series_index()[1].finditer(text)` gives, found faster (the left boundary checked by hand)."""
    if "İ" in text or "ı" in text:
        text = text.translate(_TURKISH_I)  # "TURGUTREİS-X"
    return _word_start_matches(_series_scan(), text, "_/")


# a literal word of a cue pattern is "at a word start" when what precedes it can only be a word boundary
_SAFE_BEFORE = re.compile(r"\\b|\\s\+?|\(\?:|\(|\||\^| ")
_OTHER_SYNTAX = re.compile(r"\(\?<?[=!]|\\.|\[[^\]]*\][+*?]?|\{\d*,?\d*\}|[)?*+.$]")
_LITERAL = re.compile(r"[a-z][a-z'’-]{2,}")
_LEAD_LOOKBEHINDS = re.compile(r"^(?:\(\?<[!=](?:[^()\\]|\\.)*\))+")  # look-behinds (without groups inside) opening a pattern
_OPTIONAL = re.compile(r"\||\?(?!:)|\*|\{0|\(\?<?=")


def _top_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|(?:b|c)" -> ["a", "(?:b|c)"])."""
    out, depth, cls, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _drop_lookarounds(pattern: str) -> str:
    """`pattern` without its negative look-arounds (the words in them need not occur)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?!", "(?<!"), i) and (i == 0 or pattern[i - 1] != "\\"):
            depth, j = 0, i
            while j < len(pattern):
                if pattern[j] == "\\":
                    j += 2
                    continue
                depth += pattern[j] == "("
                depth -= pattern[j] == ")"
                j += 1
                if depth == 0:
                    break
            i = j
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _word_literals(pattern: str) -> tuple[frozenset[str], bool]:
    """(3-4 letter starts of the literal words of `pattern`, whether each of them starts a word in any match)."""
    pattern = _drop_lookarounds(pattern)
    marked = _OTHER_SYNTAX.sub("\0", _SAFE_BEFORE.sub(" ", pattern))
    lits, safe = set(), True
    for m in _LITERAL.finditer(marked):
        lits.add(m.group(0)[:4])
        safe = safe and (m.start() == 0 or marked[m.start() - 1] == " ")
    return frozenset(lits), safe


def _literal_runs(items: Any, runs: list[str], cur: list[str]) -> None:
    """Collect the runs of plain characters of a parsed regex sequence (zero-width assertions do not break a run)."""
    for op, av in items:
        if op is _sre.LITERAL:
            cur.append(chr(av))
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:
            _literal_runs(av[3], runs, cur)  # a plain group is part of the sequence
        elif op is not _sre.AT:
            runs.append("".join(cur))
            cur.clear()


def required_literal(pattern: str) -> str:
    """The longest run of plain characters (3 or more) that every match of `pattern` holds, else ""."""
    parsed = _sre_parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return ""
    runs: list[str] = []
    cur: list[str] = []
    _literal_runs(parsed, runs, cur)
    runs.append("".join(cur))
    best = max(runs, key=len)
    return best if len(best) >= 3 else ""


_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'’-")


def _closed(h: str) -> bool:
    """Whether a head string is settled: 4 characters, or ended by one that ends a word start (or by the unknown mark)."""
    return len(h) >= 4 or (h != "" and h[-1] not in _TOKEN_CHARS)


def _heads(items: Any, cur: set[str]) -> set[str] | None:
    """The strings (up to 4 characters) the matches of a parsed regex sequence can begin with, extending `cur`; a string
    stops growing once `_closed`, and takes the mark "\0" where the regex goes on in a way not followed; None when unknown."""
    for op, av in items:
        if all(_closed(h) for h in cur):
            return cur
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:
            got = _heads(av[3], cur)
        elif op is _sre.BRANCH:
            got = set()
            for branch in av[1]:
                sub = _heads(branch, cur)
                if sub is None:
                    return None
                got |= sub
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:  # an optional part
            sub = _heads(av[2], cur)
            got = None if sub is None else cur | sub
        elif op is _sre.LITERAL or (op is _sre.IN and all(o is _sre.LITERAL for o, _ in av)):
            chars = [chr(av)] if op is _sre.LITERAL else [chr(a) for _, a in av]
            got = {h if _closed(h) else h + c for h in cur for c in chars}
        else:
            got = None if "" in cur else {h if _closed(h) else h + "\0" for h in cur}
        if got is None or len(got) > 256:
            return None
        cur = got
    return cur


def first_word_starts(pattern: str) -> frozenset[str] | None:
    """The entries of `word_starts` one of which every match of `pattern` (a lower-case regex) puts there when it
    starts at a word boundary with a letter a-z, as when the pattern follows a \\b; None when they cannot be told.

    A match whose first word follows a hyphen or apostrophe (within a word start) is not counted by `word_starts`:
    see `CueSet.search`, which adds those with `joined_starts`."""
    parsed = _sre_parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    heads = _heads(list(parsed), {""})
    if not heads or "" in heads:
        return None
    heads = {h if _closed(h) else h + "\0" for h in heads}  # (the pattern ends inside the word)
    keys = set()
    for h in heads:
        if "\0" in h:  # (the word may go on past what the pattern says: its first 3 letters are a word start)
            h = h.replace("\0", "")
            if len(h) < 3:
                return None
            h = h[:3]
        else:
            n = next((i for i, c in enumerate(h) if c not in _TOKEN_CHARS), len(h))
            h = h[:n]  # (the word start ends before the first character that is no letter, apostrophe or hyphen)
        if not h or not "a" <= h[0] <= "z":
            return None
        keys.add(h)
    return frozenset(keys)


_JOINED = re.compile(r"[-'’](?=([a-z][a-z'’-]{0,3}))")


def joined_starts(low: str) -> frozenset[str]:
    """The word starts after a hyphen or apostrophe, which `word_starts` reads inside the word before them ("co-operate")."""
    four = _JOINED.findall(low)
    return frozenset(four).union([w[:3] for w in four])


# word starts too common to tell cue patterns apart
_COMMON = frozenset({"the", "are", "was", "wer", "tha", "thi", "its", "wit", "fro", "has", "wil", "wou", "one", "not", "but", "and",
                     "is", "be", "in", "of", "to", "an", "a"})
_WORD_START = re.compile(r"\b[a-z][a-z'’-]{0,3}")


@lru_cache(maxsize=2048)
def word_starts(low: str) -> frozenset[str]:
    """The first 3 and 4 letters of every word of a lower-case text (after a hyphen or apostrophe too)."""
    four = _WORD_START.findall(low)
    return frozenset(four).union([w[:3] for w in four])


class Gated:
    """A lower-case regex run only when the text holds a word it needs (a cheap test of the text's word starts).

    `search`, `finditer` and `findall` give what the regex gives; when some alternative of the pattern
    needs no literal word (or may match inside a word) the regex always runs.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.rx = re.compile(pattern, flags)
        self.pattern = pattern
        lits: set[str] = set()
        for alt in _top_alternatives(pattern):
            found, safe = _word_literals(alt)
            if not found or not safe:
                lits = set()
                break
            lits |= found
        self.lits = frozenset(lits)

    def _may(self, text: str) -> bool:
        """Whether the regex can match `text`: no needed words known, or one of them starts a word of it."""
        return not self.lits or not word_starts(text).isdisjoint(self.lits)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`re.Pattern.search`, skipped when no needed word occurs."""
        return self.rx.search(text, pos, endpos) if self._may(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`re.Pattern.match`, skipped when no needed word occurs."""
        return self.rx.match(text, pos, endpos) if self._may(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`, skipped when no needed word occurs."""
        return self.rx.finditer(text, pos, endpos) if self._may(text) else iter(())

    def findall(self, text: str) -> list:
        """`re.Pattern.findall`, skipped when no needed word occurs."""
        return self.rx.findall(text) if self._may(text) else []


class CueSet:
    """Many lower-case cue regexes, each alternative run only when the words it needs occur in the text.

    A text's word starts are read once (`word_starts`); an alternative whose literal words all start
    words of every match runs only when one of them occurs (all of them, when none is optional), and one
    that starts with a word only when a word of the text starts so (`first_word_starts`).
    Patterns whose literals may sit inside a word always run.
    """

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = [re.compile(p) for p in patterns]
        self._alts: list[tuple[re.Pattern[str], frozenset[str], bool]] = []  # (regex, literals, all required)
        self._pre: list[re.Pattern[str] | None] = []
        self._req: list[str] = []  # a literal every match of the alternative holds, or ""
        self._whole: list[tuple[re.Pattern[str], frozenset[str]]] = []
        for p, rx in zip(patterns, self.patterns):
            lits, safe = _word_literals(p)
            self._whole.append((rx, lits if safe else frozenset()))
            for alt in _top_alternatives(p):
                a_lits, a_safe = _word_literals(alt)
                if not a_safe:
                    a_lits = frozenset()
                every = bool(a_lits) and not _OPTIONAL.search(alt)
                if not every and a_lits - _COMMON:
                    a_lits = a_lits - _COMMON  # each path of a cue pattern has a rarer literal than these
                self._alts.append((re.compile(alt), a_lits, every))
                self._req.append(required_literal(alt))
                # without its leading \b (and the look-behinds before it), an alternative that starts with a word
                # (or a group of words) is scanned for fast (a literal prefix or a set of first letters)
                body = _LEAD_LOOKBEHINDS.sub("", alt, 1)
                self._pre.append(re.compile(body[2:]) if re.match(r"\\b(?:[a-z]|\(\?:)", body) else None)
        # an alternative that starts with a word (after its \b) can match only where a word of the text starts as its
        # first word can (`first_word_starts`): it is a candidate under those word starts, and needs one of its literals
        # too (when it has any); under its literals as before when a first word is too common to tell texts apart
        # ("the", "is"), and then its first words are checked
        heads = [first_word_starts(p.pattern) if p is not None else None for p in self._pre]
        by_head = [h is not None and (not lits or not any(w in _COMMON or w[:3] in _COMMON for w in h))
                   for h, (_, lits, _) in zip(heads, self._alts)]
        self._always = [i for i, (_, lits, _) in enumerate(self._alts) if not lits and not by_head[i]]
        self._by_lit: dict[str, list[int]] = {}
        self._by_head: dict[str, list[int]] = {}
        for i, (_, lits, _) in enumerate(self._alts):
            for key in heads[i] if by_head[i] else lits:  # type: ignore[union-attr]
                (self._by_head if by_head[i] else self._by_lit).setdefault(key, []).append(i)
        self._keys = frozenset(self._by_lit)
        self._head_keys = frozenset(self._by_head)
        # (regex, literals, all required, literals to check, first words to check, required literal, prefix regex) of
        # each alternative, read together in `search`
        self._plan = [(rx, lits, every, by_head[i] and bool(lits) and not every, None if by_head[i] else heads[i], q, p)
                      for i, ((rx, lits, every), q, p) in enumerate(zip(self._alts, self._req, self._pre))]

    def search(self, low: str) -> re.Match[str] | None:
        """The first match in `low` (a `lower()` text) of the patterns' alternatives, in order, or None."""
        present = word_starts(low)
        idx = set(self._always)
        for lit in present & self._keys:
            idx.update(self._by_lit[lit])
        # (a word after a hyphen or apostrophe starts no entry of `present`, but a regex's \b sees it)
        heads = present | joined_starts(low) if "-" in low or "'" in low or "’" in low else present
        for key in heads & self._head_keys:
            idx.update(self._by_head[key])
        plan = self._plan
        for i in sorted(idx):
            rx, lits, every, check, first, req, pre = plan[i]
            if every and not lits <= present:
                continue
            if check and lits.isdisjoint(present):
                continue
            if first is not None and first.isdisjoint(heads):
                continue
            if req and req not in low:
                continue
            start = 0
            if pre is not None:
                p = pre.search(low)
                if p is None:
                    continue
                start = p.start()  # the alternative cannot match before its literal prefix does
            m = rx.search(low, start)
            if m:
                return m
        return None

    def count(self, low: str) -> int:
        """How many matches all patterns have in `low`."""
        present = word_starts(low)
        return sum(len(rx.findall(low)) for rx, lits in self._whole if not lits or not present.isdisjoint(lits))
