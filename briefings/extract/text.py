"""Text model: lines and sentences of a source with exact character offsets into its text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt cmdr cdr adm sgt cpl pvt brig rep sen gov pres st no nos vs etc e.g i.e
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n u.s.a e.u inc ltd co corp jr sr approx fig vol pp
a.m p.m rev hon est dept univ ave mt ft gov't cf al assn bros messrs mme mlle rt ret vice rear ext tel
""".split())

# (the first mark is shared by both alternatives and read first, so the regex scans for marks fast)
_BOUNDARY = re.compile(r"[.!?…](?:[.!?…]*[\"”’')\]]*(?:\[\d{1,3}\])*(?=\s+[\"“‘'(\[]?[A-Z0-9À-ÖØ-ÞА-ЯЁ])|[.!?…]*[\"”’')\]]*(?=\s+[–—•·-]\s))")
_DOTTED = re.compile(r"(?:\w\.)+\w")
_CLOSER_END = re.compile(r"[\"”’')\]]$")
_WORDCHAR = re.compile(r"\w")
_DASH = re.compile(r"\s\s*(?:–|—|--|-)\s+")  # (\s\s* for \s+: a first character to scan for)
_DATELINE_TOKEN = re.compile(r"^(?:[A-Z][\w.'’/-]*,?|\d{1,2},?|\d{4}\)?,?|\([^()]*\)?,?|[A-Z]{2,},?|[\w.'’/-]*\)|[a-z]{1,3}\.?)$")


@dataclass(frozen=True)
class Line:
    """One line of the text: `text == source[start:end]` (no newline)."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence: `text == source[start:end]`, inside line `line` (its `pos`-th sentence)."""

    start: int
    end: int
    text: str
    line: int
    pos: int


def split_lines(text: str) -> list[Line]:
    """Every line of `text` with offsets; a trailing carriage return is not part of the line."""
    out: list[Line] = []
    start = 0
    n = len(text)
    idx = 0
    while start <= n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl
        e = end
        if e > start and text[e - 1] == "\r":
            e -= 1
        out.append(Line(idx, start, e, text[start:e]))
        idx += 1
        if nl < 0:
            break
        start = nl + 1
    return out


def _last_word(chunk: str) -> str:
    r"""`re.search(r"([\w.'’-]+)$", chunk).group(1)` (or ""): the run of word characters, dots, apostrophes and hyphens that
    ends `chunk` (or ends it before a final newline), read backwards from the end."""
    end = len(chunk) - 1 if chunk.endswith("\n") else len(chunk)
    i = end
    while i and (chunk[i - 1].isalnum() or chunk[i - 1] in "_.'’-"):
        i -= 1
    return chunk[i:end]


def _is_abbreviation(chunk: str) -> bool:
    """True when the text before a full stop ends in an abbreviation or an initial."""
    word = _last_word(chunk).rstrip(".").casefold()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return _DOTTED.fullmatch(word) is not None  # U.S, e.g


_DATELINE_ALT = re.compile(r"^(?:[A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]{2,}){0,2}(?:,\s[A-Z][\w.]*(?:\s\d{1,2})?)?\.\s/[^/\n]{2,40}/\.\s+"
                           r"|[A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]{2,}){0,2}:\s+(?=[A-Z\"“])"
                           r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:, \d{4})?(?: \([^)]{1,40}\))?:\s+(?=[A-Z\"“]))")
_BULLET_MARK = re.compile(r"^\s*[•·▪►*]\s+|^\s*[–—-]\s+(?=\S)")


def dateline_end(line: str) -> int:
    """Length of a dateline prefix ("MOSCOW, July 15 – ", "TOKYO (Wire) -- ", "KARACHI: ") at the start of `line`, or 0."""
    alt = _DATELINE_ALT.match(line)
    if alt and len(line) - alt.end() >= 20:
        return alt.end()
    m = _DASH.search(line, 0, 90)
    if not m or m.start() == 0 or not line[:1].isupper():
        return 0
    prefix = line[: m.start()]
    tokens = prefix.split()
    if not tokens or len(tokens) > 10:
        return 0
    if not all(_DATELINE_TOKEN.match(t) for t in tokens):
        return 0
    head = tokens[0].rstrip(",")
    if not ("," in prefix or "(" in prefix or head.isupper()):
        return 0
    if len(line) - m.end() < 20:
        return 0
    return m.end()


def split_sentences(text: str, line: Line) -> list[Sentence]:
    """Sentences of one line, offsets into the whole text; abbreviations and initials do not split."""
    s = line.text
    out: list[Sentence] = []
    bullet = _BULLET_MARK.match(s)
    begin = bullet.end() if bullet else dateline_end(s)
    cursor = begin
    pos = 0
    for m in _BOUNDARY.finditer(s, begin):
        end = m.end()
        if (s[m.start()] == "." and _is_abbreviation(s[cursor:m.start()])
                and (m.end() - m.start() == 1 or _CLOSER_END.search(m.group()) is None)):
            continue  # "Gen. Smith", "the U.S. Navy": no sentence end
        if (s[m.start()] == "." and m.end() - m.start() == 1 and s.count("(", cursor, m.start()) > s.count(")", cursor, m.start())
                and ")" in s[m.end():m.end() + 60] and s[m.start() - 1:m.start()].isdigit()):
            continue  # "the 10th Armoured Division (10. Panzerdivision)": an ordinal inside brackets
        _add(out, text, line, cursor, end, pos)
        pos = len(out)
        cursor = end
    _add(out, text, line, cursor, len(s), pos)
    return out


def _add(out: list[Sentence], text: str, line: Line, a: int, b: int, pos: int) -> None:
    """Append the stripped sentence s[a:b] of `line` when it holds any word character."""
    chunk = line.text[a:b]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if trail <= lead:
        return
    start = line.start + a + lead
    end = line.start + a + trail
    body = text[start:end]
    if not _WORDCHAR.search(body):
        return
    out.append(Sentence(start, end, body, line.index, len(out)))


WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def words(text: str) -> list[str]:
    """Word tokens of `text`."""
    return WORD.findall(text)


def more_words_than(text: str, k: int) -> bool:
    """`n_words(text) > k`, settled by the words of a prefix of a long text when it holds more than `k` of them
    (a prefix never holds more words than the whole text)."""
    cut = 8 * (k + 1)
    if len(text) > cut and len(WORD.findall(text, 0, cut)) > k:
        return True
    return n_words(text) > k


@lru_cache(maxsize=8192)
def n_words(text: str) -> int:
    """How many word tokens `text` holds (cached: line and sentence tests ask it repeatedly)."""
    return len(WORD.findall(text))
