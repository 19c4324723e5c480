"""Where a mention's own words end in a sentence, and the status cues (cancelled, planned, under way) of an exercise."""
from __future__ import annotations

import re
from functools import lru_cache

from .exercise_fields import focus_clause
from .exercise_refs import CRAFT_AFTER
from .resources import alternation, any_of, lexicon, load, lower


@lru_cache(maxsize=None)
def status_rx() -> dict[str, re.Pattern[str]]:
    """Regexes for the status cues (cancelled, planned, under way) and for event verbs."""
    lex = lexicon()
    return {"cancelled": any_of(lex["cancel_cues"] + list(load("exercises").get("more_cancel_cues") or [])), "planned": any_of(lex["planned_cues"]),
            "under way": any_of(lex["underway_cues"]),
            "event": alternation(lex["event_verbs"], left=r"\b", right=r"\b")}



_OTHER_EXERCISE = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?|patrols?)\b")


_OWN_NOUN_GAP = re.compile(r"^[\s\w’'\"“”()-]{0,40}$")


def own_region(text: str, focus: int, end: int) -> tuple[int, int]:
    """The mention's own clause, cut where another exercise is named ("Center-2019 as Pacific drill is called off")."""
    a, b = focus_clause(text, focus)
    low = lower(text)
    for m in _OTHER_EXERCISE.finditer(low, min(b, end), b):
        if m.group(0) == "patrol" and CRAFT_AFTER.match(text, m.end()):
            continue  # "the patrol vessel X": a ship, not another exercise
        gap = text[end:m.start()]
        if m.start() - end <= 40 and _OWN_NOUN_GAP.match(gap) and not re.search(r"\b(?:as|and|but|while|after|before|or)\b|[A-Z]", gap):
            continue  # the mention's own head noun: "the Zapad-2021 strategic exercise"
        lead = re.search(r"(?:[\w'’-]+\s+){0,3}$", text[max(end, m.start() - 40):m.start()])
        words_before = lead.group(0).split() if lead else []
        if not any(w[:1].isupper() for w in words_before) or re.match(r"^\W{0,3},\s*(?:an?|the|its|their|[A-Z][\w-]*['’]s)\s", text[end:m.start()] + " "):
            continue  # "three weeks of drills", ", a multinational maritime exercise": the same exercise
        cut = m.start()
        stops = list(re.finditer(r"\b(?:as|and|but|while|after|before|or)\b|[,;]", text[end:m.start()]))
        if stops:
            cut = end + stops[-1].start()
        return a, max(a, cut)
    return a, b


def cancelled(text: str, focus: int, end: int) -> bool:
    """A cancellation cue in the mention's own region of the sentence."""
    rx, low = status_rx()["cancelled"], lower(text)
    if not rx._may(low):
        return False  # no cancellation word anywhere in the sentence: no need to find the region
    a, b = own_region(text, focus, end)
    for m in rx.finditer(low, a, b):
        if not _PART_SUBJECT.search(low, max(a, m.start() - 70), m.start()):
            return True
    return False  # "A planned amphibious phase in X was cancelled": a part of the exercise, not the exercise


_PART_SUBJECT = re.compile(r"\b(?:phase|portion|segment|leg|stage|component|serial|part)\b[^,;]{0,60}\b(?:was|were|is|are|has been|had been|have been)\s+(?:\w+\s+)?$")
