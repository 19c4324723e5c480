"""References to exercises inside a sentence: names, and noun phrases ("the drills", "their fifth joint patrol")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .exercise_names import NameHit, find_names
from .resources import lower

_NOUN = re.compile(r"\b(?P<noun>exercises?|drills?|manoeuvres|maneuvers|war ?games?|patrols?|voyage|cruise|phase|stage|series|edition)\b(?P<poss>['’]s)?")
_TOKENS = re.compile(r"[\w'’-]+|[^\w\s]")
_BREAK = re.compile(r"[.,;:()]|\band\b")
_WORDISH = re.compile(r"[\w'’-]")
_DIGIT1 = re.compile(r"\d")
# "patrol" naming a kind of aircraft or ship ("a maritime patrol aircraft", "the patrol vessel X"), not a patrol held
CRAFT_AFTER = re.compile(r"\s+(?:aircraft|planes?|helicopters?|vessels?|boats?|ships?|craft|cutters?)\b", re.I)
# an exercise noun used as the modifier of a calendar noun ("the exercise season", "the drill calendar")
_COMPOUND_AFTER = re.compile(r"\s+(?:season|calendar|tempo|cycle)s?\b", re.I)
_HABITUAL = {"regular", "annual", "routine"}
DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our", "poss"}
INDEFINITE = {"a", "an"}
GENERIC = {"these", "those", "any", "some", "numerous", "various", "many", "several", "such", "other", "both", "each", "every",
           "all", "no", "more", "most", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "one", "further",
           "frequent", "regular", "future", "annual", "routine", "successive", "occasional", "similar", "previous", "past",
           "earlier", "military-technical", "specific", "large", "larger", "big", "bigger", "own", "same", "few", "multiple"}
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
            "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"}
_STOP = {"in", "of", "on", "at", "for", "with", "and", "or", "by", "to", "from", "as", "is", "are", "was", "were", "be", "been",
         "have", "has", "had", "held", "hold", "conducted", "conduct", "staged", "into", "during", "after", "before", "since",
         "that", "which", "who", "than", "about", "over", "across", "up", "out", "will", "would", "not", "also", "such", "like",
         "include", "included", "including", "began", "begin", "completed", "concluded", "finished", "launched", "joined", "ran",
         "set", "between", "among", "but", "if", "when", "while", "where", "said", "says", "ahead", "behind", "through"}
_DEFINING = re.compile(r"^\s+(?:(?:that|which)\s+(?:were\s+|was\s+)?)?(?:conducted|held|staged|carried out|took place|performed|organised|organized)\b")


@dataclass(frozen=True)
class PhraseHit:
    """An exercise noun phrase: offsets relative to the sentence, its determiner class and kind."""

    start: int
    end: int
    kind: str            # "exercise", "patrol" or "any"
    det: str | None      # "the", "a", "poss", a generic word, or None for a bare noun
    ordinal: str | None
    generic: bool
    defining: bool       # followed by "conducted/held in ..."
    plural: bool


def _kind(noun: str) -> str:
    """"patrol", "exercise" or "any" for an exercise noun."""
    n = noun.casefold()
    if n.startswith(("patrol", "voyage", "cruise")):
        return "patrol"
    if n.startswith(("phase", "stage", "series", "edition")):
        return "any"
    return "exercise"


_GLOSS = re.compile(r"\s*\([^()]{1,40}\)")

# a span of past time after plural exercises ("exercises with X in the past", "drills over the years"): exercises in general
_PAST_HABIT = re.compile(r"[^.;:]{0,50}?\b(?:in the past|over the (?:past |last )?(?:years|decades)|in (?:previous|past|earlier) years|for (?:years|decades))\b")


def _gap(text: str, a: int, b: int) -> str:
    """The text between a name and a noun, without a parenthetical gloss ("Balikatan ("shoulder-to-shoulder") exercise")."""
    gap = text[a:b]
    return _GLOSS.sub("", gap) if "(" in gap else gap


def find_phrases(text: str, names: list[NameHit]) -> list[PhraseHit]:
    """Exercise noun phrases of a sentence that are not part of a name ("the Zapad-2021 exercise")."""
    out: list[PhraseHit] = []
    habit = "the past" in text or " years" in text or "decades" in text  # (a cheap test before `_PAST_HABIT`)
    for m in _NOUN.finditer(lower(text)):
        a, b = m.start("noun"), m.end()
        if any(h.start <= a < h.end for h in names):
            continue
        if m.group("noun") == "patrol" and CRAFT_AFTER.match(text, b):
            continue
        if _COMPOUND_AFTER.match(text, b):
            continue  # "the region's exercise season": the noun only qualifies another noun
        if any(0 <= a - h.end <= 45 and not _BREAK.search(_gap(text, h.end, a)) for h in names):
            continue  # "Zapad-2021 strategic exercise", "the Balikatan ("shoulder-to-shoulder") exercise"
        if any(0 <= h.start - b <= 2 for h in names):
            continue  # "exercise Zapad-2021"
        toks = _TOKENS.findall(text[max(0, a - 80):a])
        det: str | None = None
        ordinal: str | None = None
        generic = own = False
        start = a
        mods = 0
        for tok in reversed(toks):
            low = tok.casefold()
            if not _WORDISH.match(tok):
                break
            if low in ("time", "times"):
                break  # "for the first time, resilience drills": the ordinal counts occasions, not the drills
            if low in ORDINALS:
                ordinal = ordinal or low
                mods += 1
                continue
            if low in DEFINITE or low in INDEFINITE:
                det = low
                break
            if low == "own" and len(toks) >= 2 and (toks[-2 - mods].casefold() in ("its", "their", "his", "her")
                                                   or toks[-2 - mods].endswith(("'s", "’s"))) and toks[-1 - mods] == tok:
                det, own = "a", True  # "the Northern Fleet announced its own drills": another actor's exercise, a new one
                mods += 1
                break
            if low in GENERIC:
                i = len(toks) - 2 - mods
                if low in _HABITUAL and i >= 0 and toks[i].casefold() in ("its", "their"):
                    mods += 1  # "its regular drills": one actor's own exercise, not a generic mention
                    continue
                det, generic = low, True
                break
            if low.endswith(("'s", "’s", "s'", "s’")) and mods < 5:
                det = "poss"
                break
            if low in _STOP or mods >= 5 or low[:1].isdigit() and _DIGIT1.match(low):
                break
            mods += 1
        # the phrase starts at its determiner (approximately: the last 6 tokens before the noun)
        for tok in reversed(toks[-(mods + (1 if det else 0)):] if (mods or det) else []):
            start = text.rfind(tok, 0, start)
        if m.group("noun").endswith("s") and habit and _PAST_HABIT.match(text, b):
            generic = True  # "has held its own exercises with X in the past": past exercises in general, no event
        out.append(PhraseHit(max(0, start), b, _kind(m.group("noun")), det, ordinal, generic,
                             own or bool(_DEFINING.match(text[b:b + 40])), m.group("noun").casefold().endswith("s")
                             and not m.group("noun").casefold().endswith(("series", "manoeuvres", "maneuvers"))))
    return out


def references(text: str) -> tuple[list[NameHit], list[PhraseHit]]:
    """Names and noun phrases referring to exercises in one sentence."""
    names = find_names(text)
    return names, find_phrases(text, names)
