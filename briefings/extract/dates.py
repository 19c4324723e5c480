"""Dates in running text: full dates, day-month without year, and day ranges, as ISO strings."""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

from .resources import load

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_OTHER = load("months")  # other languages' month names (briefings/data/months.yaml)
_DMY_NAMES = {n.casefold(): m for names in _OTHER["day_month_year"].values() for n, m in names.items()}
_DE_NAMES = {n.casefold(): m for names in _OTHER["de_month_de_year"].values() for n, m in names.items()}
for _names in (_DMY_NAMES, _DE_NAMES):
    for _n, _m in _names.items():
        assert MONTHS.get(_n, _m) == _m, f"months.yaml: {_n!r} names two months"
        MONTHS[_n] = _m


def _alts(names: dict[str, int]) -> str:
    """A regex alternation of month names, longest first."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_M = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?"
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DASH = r"\s*(?:–|—|-|to|until|through|and)\s*"

_PATTERNS = [
    # ranges first
    ("range_dm", re.compile(rf"(?P<d1>\d(?<!\d\d)\d?){_DASH}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_M.format(n='m')}(?:,?\s+(?P<y>\d{{4}}))?(?!\w)")),
    ("range_dmdm", re.compile(rf"(?P<d1>\d(?<!\d\d)\d?)\s+{_M.format(n='m1')}{_DASH}(?P<d2>\d{{1,2}})\s+{_M.format(n='m')}(?:,?\s+(?P<y>\d{{4}}))?(?!\w)")),
    ("range_md", re.compile(rf"(?<!\w){_M.format(n='m')}\s+(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})(?!\d)(?:,?\s+(?P<y>\d{{4}}))?")),
    ("range_mdmd", re.compile(rf"(?<!\w){_M.format(n='m1')}\s+(?P<d1>\d{{1,2}}){_DASH}{_M.format(n='m')}\s+(?P<d2>\d{{1,2}})(?!\d)(?:,?\s+(?P<y>\d{{4}}))?")),
    ("mdy", re.compile(rf"(?<!\w){_WD}{_M.format(n='m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)")),
    ("dmy", re.compile(rf"(?<!\d){_WD}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M.format(n='m')},?\s+(?P<y>\d{{4}})(?!\d)")),
    ("dmy_es", re.compile(rf"(?P<d>\d(?<!\d\d)\d?)\s+de\s+(?P<m>{_alts(_DE_NAMES)})\s+de\s+(?P<y>\d{{4}})(?!\d)", re.I)),
    ("dm_es", re.compile(rf"(?P<d>\d(?<!\d\d)\d?)\s+de\s+(?P<m>{_alts(_DE_NAMES)})(?!\w)(?!\s+de(?:l)?\s+(?:año\s+)?\d{{4}})", re.I)),
    ("dmy_fr_de", re.compile(rf"(?P<d>\d(?<!\d\d)\d?)(?:er|\.)?\s+(?P<m>{_alts(_DMY_NAMES)})\s+(?P<y>\d{{4}})(?!\d)", re.I)),
    ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)")),
    ("ymd_slashed", re.compile(r"(?<![\d/])(?P<y>(?:19|20)\d{2})/(?P<mo>\d{1,2})/(?P<d>\d{1,2})(?![\d/])")),
    ("ymd_dotted", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<mo>\d{1,2})\.(?P<d>\d{1,2})(?![\d])")),  # "2024.03.04" (Korean, Chinese pages)
    ("dotted", re.compile(r"(?P<d>\d(?<![\d.]\d)\d?)\.(?P<mo>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\d)")),
    ("slashed", re.compile(r"(?P<mo>\d(?<![\d/]\d)\d?)/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?!\d)")),
    ("md", re.compile(rf"(?<!\w){_WD}{_M.format(n='m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]*\s*\d{{4}})(?!\d)")),
    ("dm", re.compile(rf"(?P<d>\d(?<![\d.,]\d)\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?{_M.format(n='m')}(?!\w)")),
]
YEAR = re.compile(r"(?<![\d,.$£€-])(?P<y>(?:19[5-9]|20[0-4])\d)(?![\d%])(?!\s*(?:per|percent|tonnes|troops|km|miles|ships|aircraft))")


@dataclass(frozen=True)
class DateHit:
    """A date found in text: `start` (ISO or None when no year is known) and `end` for a range."""

    pos: int
    stop: int
    start: str | None
    end: str | None
    has_year: bool


def _iso(y: int | None, m: int, d: int) -> str | None:
    """An ISO date, or None when the day or month is out of range or the year unknown."""
    if y is None or not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if d > (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


_DIGIT = re.compile(r"\d")


# Slashed dates ("12/08/2025") are read day first (the order of most of the world), unless the document is
# US-style (see `month_first_style`); when one number is above 12 it decides the order either way.
_MONTH_FIRST: ContextVar[bool] = ContextVar("month_first", default=False)
_US_STATE = (r"(?:Ala|Alaska|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Hawaii|Idaho|Ill|Ind|Iowa|Kan|Ky|La|Maine|Md|Mass|Mich|Minn|Miss|Mo|"
             r"Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Ohio|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Texas|Utah|Vt|Va|Wash|W\.Va|Wis|Wyo)\.?")
# a US dateline at the start of a line (matched line by line), or a clock time with a US zone (found from its colon,
# a literal the regex engine scans for quickly)
_US_DATELINE = re.compile(r"\s*(?:[A-Z][A-Za-z.'’ -]{2,30}, " + _US_STATE + r"\s*(?:[(–—-]|\s--)"
                          r"|(?:WASHINGTON|NEW YORK|SAN DIEGO|HONOLULU|PEARL HARBOR|NORFOLK|ANNAPOLIS|ARLINGTON|THE PENTAGON)\b[^\n]{0,40}?\s[(–—-])")
_US_CLOCK = re.compile(r":(?:(?<=\W\d:)|(?<=^\d:)|(?<=\W\d\d:)|(?<=^\d\d:))\d{2}\s?(?:[AaPp]\.?[Mm]\.?\s)?"
                       r"(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|MT|MST|MDT)\b")


def month_first_style(text: str) -> bool:
    """Whether a document writes slashed dates month first: a US dateline ("NORFOLK, Va. —", "WASHINGTON (AP) —")
    or a US time zone after a clock time ("10:30 a.m. ET") in its first lines."""
    head = text[:3000]
    if _US_CLOCK.search(head):
        return True
    return any(_US_DATELINE.match(line) for line in head.split("\n"))


@contextmanager
def slash_order(text: str) -> Iterator[None]:
    """Read the slashed dates of `text` (and of its sentences) in the order its style implies, inside this block."""
    token = _MONTH_FIRST.set(month_first_style(text))
    try:
        yield
    finally:
        _MONTH_FIRST.reset(token)


def month_first() -> bool:
    """Whether slashed dates are read month first here (see `slash_order`)."""
    return _MONTH_FIRST.get()


def find_dates(text: str, year: int | None = None) -> list[DateHit]:
    """All dates in `text`, earliest first; dates without a year take `year` (None if unknown)."""
    if not _DIGIT.search(text):
        return []
    return list(_find_dates(text, year, _MONTH_FIRST.get()))


_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
# every month-name pattern has its month as a whole word ("Mar" in "Maritime" is none): a stricter gate
_MONTH_TOKEN = re.compile(_M.format(n="m") + r"(?!\w)")
_NUMERIC = re.compile(r"\d[-./]\d")
# a cheap test that a range pattern can match: a dash or "to" next to a number
_RANGE_GATE = re.compile(r"\d\s*(?:–|—|-|to|until|through|and)\s*[\dA-Z]|[A-Za-z.]\s*(?:–|—|-|to|until|through|and)\s*\d")


# each pattern with the test (an index into `_find_dates`'s gates) that the text must pass for it to be run: a numeric date,
# " de ", none (dmy_fr_de: its own scan from a digit is cheaper than a case-insensitive month gate), a month's name, a range
_GATED = [(kind, rx, 0 if kind in ("iso", "ymd_slashed", "ymd_dotted", "dotted", "slashed") else 1 if kind in ("dmy_es", "dm_es")
           else 2 if kind == "dmy_fr_de" else 4 if kind.startswith("range") else 3) for kind, rx in _PATTERNS]


@lru_cache(maxsize=4096)
def _find_dates(text: str, year: int | None, month_first: bool = False) -> tuple[DateHit, ...]:
    """Cached body of `find_dates`."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    has_month = _MONTH_WORD.search(text) is not None and _MONTH_TOKEN.search(text) is not None
    has_numeric = _NUMERIC.search(text) is not None
    has_range = has_month and _RANGE_GATE.search(text) is not None  # (asked only when a month is named)
    has_de = " de " in text or " De " in text
    gates = (has_numeric, has_de, True, has_month, has_range)
    for kind, rx, gate in _GATED:
        if not gates[gate]:
            continue
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < e and s < b for s, e in taken):
                continue
            g = m.groupdict()
            y = int(g["y"]) if g.get("y") else None
            has_year = y is not None
            yy = y if y is not None else year
            if kind.startswith("range"):
                mo = MONTHS[g["m"].rstrip(".").casefold()]
                mo1 = MONTHS[g["m1"].rstrip(".").casefold()] if g.get("m1") else mo
                s, e = _iso(yy, mo1, int(g["d1"])), _iso(yy, mo, int(g["d2"]))
                if (s is None and yy is not None) or int(g["d1"]) > 31:
                    continue
                hits.append(DateHit(a, b, s, e, has_year))
            else:
                mo = int(g["mo"]) if g.get("mo") else MONTHS[g["m"].rstrip(".").casefold()]
                if kind == "slashed":
                    first, second = int(g["mo"]), int(g["d"])
                    if first > 12 or (not month_first and second <= 12):
                        mo, d = second, first  # day first
                    else:
                        mo, d = first, second
                else:
                    d = int(g["d"])
                iso = _iso(yy, mo, d)
                if iso is None and (yy is not None or not (1 <= d <= 31)):
                    continue
                if kind == "md" and g["m"].rstrip(".").casefold() == "may" and not text[a:a + 1].isupper():
                    continue
                hits.append(DateHit(a, b, iso, None, has_year))
            taken.append((a, b))
    hits.sort(key=lambda h: h.pos)
    return tuple(hits)


def first_full_date(text: str) -> str | None:
    """The first date with day, month and year stated in `text`, as ISO."""
    for h in find_dates(text):
        if h.has_year and h.start:
            return h.start
    return None


def years(text: str) -> list[tuple[int, int]]:
    """Four-digit years (1950-2049) in `text` with their positions."""
    return [(m.start(), int(m.group("y"))) for m in YEAR.finditer(text)]


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WEEKDAY_REF = re.compile(r"\b(?:(?P<dir>last|this|next|on|from|since|until|by|early|late)\s+)?(?:on\s+)?"
                          r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b(?!,?\s+(?:\d|[A-Z][a-z]+\s+\d))")
_FUTURE = re.compile(r"\b(?:will|shall|is set to|are set to|is due to|are due to|is scheduled|are scheduled|scheduled for|plans? to|planned for|"
                     r"is expected to|are expected to|is to|are to)\b")


def weekday_date(text: str, published: str | None) -> str | None:
    """The ISO date of a bare weekday ("on Saturday", "last Tuesday") relative to the article's date `published`.

    "next X" and a weekday after a future verb ("will begin on Monday") mean the first such day after the
    article's date; otherwise the weekday is the latest such day on or before it. None without a weekday
    or a publication date (or when the weekday comes with its own calendar date: "Tuesday, 5 May").
    """
    if not published or len(published) < 10:
        return None
    # (a weekday's name first: cheap; and "day" before the seven names, which all end with it)
    m = _WEEKDAY_REF.search(text) if "day" in text and any(d in text for d in _WEEKDAY_NAMES) else None
    if m is None:
        return None
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return None
    want = _WEEKDAYS[m.group("wd").casefold()]
    direction = (m.group("dir") or "").casefold()
    # the future tense just before the weekday ("will begin on Monday"), not anywhere in the sentence
    future = direction == "next" or (direction != "last" and _FUTURE.search(text.lower(), max(0, m.start() - 50), m.start()) is not None)
    if future:
        delta = (want - pub.weekday()) % 7 or 7
        return (pub + timedelta(days=delta)).isoformat()
    delta = (pub.weekday() - want) % 7
    if direction == "last" and delta == 0:
        delta = 7
    return (pub - timedelta(days=delta)).isoformat()
