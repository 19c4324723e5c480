"""Claims: factual sentences ranked by how much key fact they carry, with attribution and stated date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import find_dates
from .resources import alternation, lexicon, lower, mentions, places

# (the look-behind after the first digit, so the regex scans for digits fast)
_NUMBER = re.compile(r"\d(?<!\w\d)[\d,.]*")
_DIGIT = re.compile(r"\d")  # (a number needs a digit: a fast scan before the slow one)
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds
thousand thousands dozen dozens million first second third fourth fifth monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december""".split())
# (the look-behind after the capital, so the regex scans for capitals fast; a run of capitals after a space is a capitalised word too)
_PROPER = re.compile(r"[A-Z](?<=[\s(“\"‘'-][A-Z])[\w'’-]+")
_PRONOUN_START = re.compile(r"^(?:It|He|She|They|This|That|These|Those|Its|Their|His|Her|Such)\b")
_ACCORDING = re.compile(r"\b(?:according to|as reported by|cited by|quoted by)\s+(?:information published by\s+|reports? (?:by|in)\s+|a statement (?:by|from)\s+)?(?P<a>[^,.;:]+?)(?=\s+on\s|\s+in\s+a\b|,|\.|;|$)")
_TRAIL_SAID = re.compile(r",\s+(?P<a>(?:the\s+|a\s+)?[^,\"“”]{2,70}?)\s+(?:said|says|told\s+\w+|reported|announced|stated|added)\b(?:\s+(?:on|in)\s+[^,.]*)?\.?[\"”]?$")
# one token per whitespace-separated word: nested quantifiers over "[A-Z]\w*" backtrack exponentially on all-caps lines
_ATTRIBUTION_WORDS = ("according to", "reported by", "cited by", "quoted by", "said", "says", "told", "reported", "announced",
                      "stated", "added", "confirmed", "declared")
_LEAD_WORD = r"(?:[A-Z][\w'’.-]*|the|of|for|and|’s|'s|-)"
_LEAD_SAID = re.compile(rf"^(?P<a>{_LEAD_WORD}(?:\s+{_LEAD_WORD})*?)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|told|reported|announced|stated|confirmed|declared)\b")
_LEAD_SAID_LOW = re.compile(r"^(?P<a>(?:The|A|An)(?:\s+[\w'’-]+){1,4}?)\s+(?:has\s+|have\s+)?(?:said|says|told|reported|announced|stated)\b")


@dataclass(frozen=True)
class ClaimFeatures:
    """Facts a sentence carries, used for its rank and for telling claims from judgements."""

    numbers: int
    dates: int
    proper: int
    places: int
    countries: int

    @property
    def anchors(self) -> int:
        """How many hard facts (numbers, dates, names, places) the sentence holds."""
        return self.numbers + self.dates + self.proper + self.places


@lru_cache(maxsize=None)
def _reporting() -> re.Pattern[str]:
    """The regex for reporting verbs."""
    return alternation(lexicon()["reporting_verbs"])


def features(text: str, year: int | None) -> ClaimFeatures:
    """Count the numbers, dates, proper names, places and countries in one sentence."""
    dates = find_dates(text, year)
    nums = (len(_NUMBER.findall(text)) if _DIGIT.search(text) else 0) - len(dates) + sum(1 for w in lower(text).split() if w.strip(",.;:()") in _NUMBER_WORDS)
    proper = len(_PROPER.findall(" " + text))
    return ClaimFeatures(max(nums, 0), len(dates), proper, len(places(text)), len(mentions(text)))


def attribution(text: str) -> str | None:
    """Who a reported statement is attributed to ("according to X", "X said"), else None."""
    if not any(w in text for w in _ATTRIBUTION_WORDS):
        return None  # (every attribution pattern needs one of these words: a cheap test before four scans)
    for rx in (_ACCORDING, _TRAIL_SAID, _LEAD_SAID, _LEAD_SAID_LOW):
        m = rx.search(text)
        if m:
            a = m.group("a").strip(" ,\"“”")
            a = re.sub(r"\s+(?:on|in)\s+(?:\w+day|[A-Z][a-z]+\.? \d.*)$", "", a)
            if 1 <= len(a.split()) <= 10 and not re.match(r"(?i)^(?:it|he|she|they|we|i)$", a):
                return a
    return None


def stated_date(text: str, year: int | None) -> str | None:
    """The first ISO date the sentence states (a day and month; the year defaults to the article's)."""
    for h in find_dates(text, year):
        if h.start:
            return h.start
    return None
