"""Dates in running text: full dates, day-month without year, and day ranges, as ISO strings."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9,
    "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_M = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?"
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DASH = r"\s*(?:–|—|-|to|until|through|and)\s*"

_PATTERNS = [
    # ranges first
    ("range_dm", re.compile(rf"(?<!\d)(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_M.format(n='m')}(?:,?\s+(?P<y>\d{{4}}))?(?!\w)")),
    ("range_dmdm", re.compile(rf"(?<!\d)(?P<d1>\d{{1,2}})\s+{_M.format(n='m1')}{_DASH}(?P<d2>\d{{1,2}})\s+{_M.format(n='m')}(?:,?\s+(?P<y>\d{{4}}))?(?!\w)")),
    ("range_md", re.compile(rf"(?<!\w){_M.format(n='m')}\s+(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})(?!\d)(?:,?\s+(?P<y>\d{{4}}))?")),
    ("range_mdmd", re.compile(rf"(?<!\w){_M.format(n='m1')}\s+(?P<d1>\d{{1,2}}){_DASH}{_M.format(n='m')}\s+(?P<d2>\d{{1,2}})(?!\d)(?:,?\s+(?P<y>\d{{4}}))?")),
    ("mdy", re.compile(rf"(?<!\w){_WD}{_M.format(n='m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)")),
    ("dmy", re.compile(rf"(?<!\d){_WD}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M.format(n='m')},?\s+(?P<y>\d{{4}})(?!\d)")),
    ("dmy_es", re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+de\s+(?P<m>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\s+de\s+(?P<y>\d{4})(?!\d)", re.I)),
    ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)")),
    ("dotted", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\d)")),
    ("slashed", re.compile(r"(?<![\d/])(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?!\d)")),
    ("md", re.compile(rf"(?<!\w){_WD}{_M.format(n='m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]*\s*\d{{4}})(?!\d)")),
    ("dm", re.compile(rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M.format(n='m')}(?!\w)")),
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
    if y is None or not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if d > (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


_DIGIT = re.compile(r"\d")


def find_dates(text: str, year: int | None = None) -> list[DateHit]:
    """All dates in `text`, earliest first; dates without a year take `year` (None if unknown)."""
    if not _DIGIT.search(text):
        return []
    return list(_find_dates(text, year))


_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
_NUMERIC = re.compile(r"\d[-./]\d")


@lru_cache(maxsize=4096)
def _find_dates(text: str, year: int | None) -> tuple[DateHit, ...]:
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    has_month = _MONTH_WORD.search(text) is not None
    has_numeric = _NUMERIC.search(text) is not None
    for kind, rx in _PATTERNS:
        if not (has_numeric if kind in ("iso", "dotted", "slashed") else has_month or kind == "dmy_es"):
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
                if kind == "slashed" and mo > 12:
                    mo, d = int(g["d"]), int(g["mo"])
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
