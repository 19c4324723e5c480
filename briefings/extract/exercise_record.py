"""An exercise record assembled from its mentions, and the fields read from them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Exercise, Span
from .dates import find_dates, weekday_date
from .exercise_fields import _LOC_NOUN, _LOC_PREP, _ORGAN, activities, clauses, country_spans, hostile, locations, prep_places, roles
from .exercise_names import find_names
from .exercise_status import cancelled, own_region, status_rx
from .resources import any_of, load, lower, named_countries

if TYPE_CHECKING:
    from .document import Unit

_SINCE_YEAR = re.compile(r"\b(?:since|until|till|first held in|began in|started in|(?:dat(?:es|ed|ing)|go(?:es)?|went|going) back to|launched in|inaugurated in|as early as|mid-)\s*(?:the\s+)?"
                         r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?$", re.I)
# "the Treaty of Peace and Friendship of 1984", "the war of 1982": the year of another event
_EVENT_OF = re.compile(r"\b(?:[Tt]reaty|[Aa]greement|[Aa]ccords?|[Cc]onvention|[Pp]act|[Pp]rotocol|[Dd]eclaration|[Cc]harter|war|[Ww]ar|conflict|"
                       r"crisis|revolution|dispute|[Cc]ommuniqu[ée])\b[^.;,]{0,80}?\b(?:of|in|signed in)\s+$")
_RELATIVE = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|this (?:week|month|weekend|year|morning)|last (?:week|month)|next (?:week|month)|"
                       r"(?:on|last|this|next) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this|next) (?:summer|spring|winter|autumn)|(?:in|since|until|from|by) (?:early |mid-|late )?(?:January|February|March|April|"
                       r"May|June|July|August|September|October|November|December))\b", re.IGNORECASE)
# a lower-case word one of which every match of _RELATIVE holds ("day" for today and Monday, "jan" for January, ...)
_RELATIVE_WORDS = ("summer", "spring", "winter", "autumn", "day", "tomorrow", "tonight", "week", "month", "year", "morning", "jan", "feb", "mar", "apr", "may", "jun", "jul",
                   "aug", "sep", "oct", "nov", "dec")


@lru_cache(maxsize=1)
def _sine_die() -> Any:
    """Regex for a call-off with no new date ("postponed indefinitely", "no new date has been set")."""
    return any_of([str(p) for p in load("exercises").get("sine_die_cues") or []])


def relative_time(text: str) -> bool:
    """Whether `_RELATIVE` finds a relative time in `text`; an ASCII text without any of its words is not scanned."""
    if text.isascii():  # (case-insensitive matching of ASCII letters is matching in lower case)
        low = text.lower()
        if not any(w in low for w in _RELATIVE_WORDS):
            return False
    return _RELATIVE.search(text) is not None


_PAIR = re.compile(r"\b(?:the two (?:navies|countries|nations|sides|militaries|fleets|forces)|both (?:navies|countries|nations|sides|militaries)|"
                   r"two navies|these exercises|such exercises|other countries)\b")
_THREE = re.compile(r"\b(?:trilateral|three (?:navies|countries|nations|militaries|sides|partners)|all three)\b")
_OTHER_SUBJECT = re.compile(r";|,?\s(?:while|whereas|although|though|but)\s(?!there\s(?:is|are|was|were|will)\b)|\sas\s(?!a whole\b)(?=(?:the|a|an)\s|[A-Z])|\s[–—]\s")
_FORCE_AFTER = re.compile(r"(?:\s(?:and|,)\s[A-Z][\w-]+)?\s+(?:navy|navies|naval|warships?|ships|vessels|forces|troops|military|militaries|fleet|"
                          r"air force|bombers|aircraft|destroyers?|frigates?|units|contingent|detachment|task group|flotilla)\b", re.I)
_FULL = re.compile(r"\d|\s(?:[IVXLC]{2,7}|V|X)$|-[IVXLC]+$")
_START_CUE = re.compile(r"(?i)\b(?:began|begins|launched|started|starts|opened|opens|kicked off|from|comenz\w*|inici\w*|empez\w*|arranc\w*|"
                        r"desde|début\w*|commenc\w*|begann|beginnt|iniziat\w*|começ\w*)\b[^.]{0,25}$")
_END_CUE = re.compile(r"(?i)\b(?:until|through|till|ends?|ended|to end)\b[^.]{0,12}$")
_FOLLOWS = re.compile(r"\s(?:follows|followed|comes (?:days |weeks |a week |a day )?after|came (?:days |weeks )?after|precedes|preceded)\s")
_SAME_TIME = re.compile(r"\bthe same (?:week|day|month|weekend)\b")
_SAME = re.compile(r"\bthe same (?:two|three|four|five|\d+) (?:navies|countries|nations|partners|militaries)\b")
_TRAINING = re.compile(r"\b(?:take place|took place|takes place|taking place|events|activities|operations|landings?|assaults|strikes|missions|train|training|trained|practis\w+|practic\w+|rehears\w+|scenarios?|operating|fly|drills?|manoeuvr\w+|maneuver\w+|firings?|fire|fired|flying|flew|sorties|"
                       r"took place|held|landings|serials?|phases?)\b")  # ("a rescue serial was run off X", "the landing phase at Y")


@dataclass
class Record:
    """An exercise being assembled from its mentions."""

    key: tuple
    kind: str
    canon: str | None = None
    year: int | None = None
    base: str | None = None
    last_para: int = -1
    forms: list[tuple[str, str]] = field(default_factory=list)   # (form, mode)
    segs: list[tuple[str, str, int]] = field(default_factory=list)  # (masked text, mode, unit index)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    focus: list[int] = field(default_factory=list)
    fulls: list[tuple[str, int]] = field(default_factory=list)  # (masked sentence, offset of the segment in it)
    clauses: list[str] = field(default_factory=list)  # the clause of each explicit or anaphoric mention, for its status
    ends: list[int] = field(default_factory=list)
    cousins: list[int | None] = field(default_factory=list)
    count: int = 0
    sections: Counter = field(default_factory=Counter)
    last: int = -1
    rank: int = 0
    inherit_status: str | None = None
    year_hint: int | None = None   # a past edition's year the text gives only as "last year's edition"
    past: bool = False             # introduced as a past edition ("the previous edition, X"): bare series mentions mean another


_COUNT_BEFORE = re.compile(r"\b(?:about|around|some|nearly|almost|over|roughly|approximately|up to|than)\s+$", re.I)
_COUNTED = re.compile(r"\s+(?:[\w-]+\s+)?(?:soldiers|troops|personnel|servicemen|service members|sailors|marines|airmen|people|participants|"
                      r"vehicles|tanks|aircraft|ships|vessels|men|women|reservists|staff)\b")


# the year a series began or got its name ("initiated in 1993", "began as a small drill known as X in 2009", "named X in 2001")
_ORIGIN_YEAR = re.compile(r"\b(?:(?:began|started|originated)\s+as\b[^.;]{0,70}?\bin|(?:initiated|inaugurated|founded|established|instituted|"
                          r"created|conceived)\s+in|(?:re)?named\s+(?:as\s+)?(?:[A-Z][\w-]*\s+){0,3}in|first\s+(?:held|staged|conducted|run|"
                          r"organi[sz]ed)\s+(?:[A-Z][\w-]*\s+){0,3}in)\s+(?:(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)\s+)?$", re.I)


_DIGIT = re.compile(r"\d")
# a few words after a training word, then the preposition of its venue ("training is concentrated in", "landings at")
_TRAINING_AT = re.compile(r"(?:\s(?!after\b|before\b|since\b|because\b|following\b)[\w-]+){0,3}\s(?:in|at|near|around|from)\s")
# a clause of its own about another exercise after the mention ("..., and Russia intends to hold a larger drill with China")
_AND_OTHER = re.compile(r",\sand\s(?:the\s)?[A-Z][^,;.]*?\b(?:a|an|another|its own|their own|a separate)\s(?:[\w-]+\s){0,3}?"
                        r"(?:drill|exercise|manoeuvre|maneuver|war ?game|patrol)s?\b")
# a headline's second story before the exercise's own ("China patrols near X as Y drills open"): its words are not the exercise's
_HEAD_AS = re.compile(r"\sas\s(?!(?:part|one|a|an)\b)")
_OTHER_EDITION = re.compile(r"(?i:the|a|an|its|their)\s+(?:next|another|other|following|subsequent|upcoming)\b")
_REL_YEAR = re.compile(r"\b(next|last|this) year\b(?!['’]s)", re.I)
_REL_STOP = re.compile(r";|,\s(?:according|though|although|but|while|whereas|and)\b|\.\s")
_SINCE_MONTH = re.compile(r"\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b")
_YEAR4 = re.compile(r"(?<![\d,.$£€-])((?:19[5-9]|20[0-4])\d)(?![\d%])")


_SCHEDULE_FROM = re.compile(r"\b(?:annual|yearly|biennial|regular|permanent|every (?:year|two years))\b[^.;]{0,30}?"
                            r"\b(?:from|starting(?: in)?|beginning(?: in)?|as of|as from)\s+$", re.I)
_HISTORIC_NOUN = re.compile(r"\s+(?:[A-Z][\w-]*\s+)?(?:armistice|ceasefire|cease-fire|treaty|accords?|agreement|war(?![\s-]?games?)|invasion|coup|revolution|"
                            r"uprising|massacre|annexation|crisis|constitution|election|referendum|earthquake|tsunami|partition|independence)\b", re.I)


def explicit_year(text: str, lo: int = 0, hi: int | None = None) -> int | None:
    """The first four-digit year in `text[lo:hi]` that is not a "since ...", "first held in ..." or "initiated in ..." year
    (the words before `lo` are read for those cues)."""
    for m in _YEAR4.finditer(text, lo, len(text) if hi is None else hi):
        if _COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _COUNTED.match(text, m.end()):
            continue  # "about 2000 soldiers": a number, not a year
        if _SCHEDULE_FROM.search(text, max(0, m.start() - 60), m.start()):
            continue  # "will become an annual exercise from 2027": when a schedule starts, not an edition's year
        if _HISTORIC_NOUN.match(text, m.end()):
            continue  # "the 1953 armistice agreement": a year naming a past event, not the exercise's
        if (not _SINCE_YEAR.search(text[max(0, m.start() - 25):m.start()]) and not _EVENT_OF.search(text[max(0, m.start() - 100):m.start()])
                and not _ORIGIN_YEAR.search(text, max(0, m.start() - 100), m.start())):
            return int(m.group(1))
    return None


def _sentence_years(text: str) -> list[int]:
    """Years of the named exercises a sentence mentions ("... concluded Zapad-2021 and began a patrol")."""
    return [h.year for h in find_names(text) if h.year]


def _principal_pair(units: list[Unit]) -> list[str]:
    """The document's main actors (most mentioned countries), for "the two navies", "trilateral", "joint"."""
    c: Counter = Counter()
    for u in units:
        if u.kind in ("claim", "assessment"):
            t = u.sent.text
            seen: dict[str, int] = {}
            for a, b, name in country_spans(t):
                if _ORGAN.match(t[b:b + 40]) or _LOC_NOUN.match(t, b) or _LOC_PREP.search(t[max(0, a - 40):a]):
                    continue  # "Japan's defence ministry", "the Japanese archipelago", "around Japan"
                seen[name] = max(seen.get(name, 0), 2 if _FORCE_AFTER.match(t, b) else 1)
            c.update(seen)
    return [n for n, k in sorted(c.items(), key=lambda kv: -kv[1]) if k >= 3][:3]


def _pair(low: str) -> bool:
    """`_PAIR.search(low)`, with a cheap test first (every match holds "two " or "both " or one of the other phrases)."""
    return ("two " in low or "both " in low or "these exercises" in low or "such exercises" in low or "other countries" in low) \
        and _PAIR.search(low) is not None


def _three(low: str) -> bool:
    """`_THREE.search(low)`, with a cheap test first (every match holds "trilateral" or "three")."""
    return ("three" in low or "trilateral" in low) and _THREE.search(low) is not None


class _LazyActors:
    """The document's main actors, counted only when an exercise needs them."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.value: list[str] | None = None

        self._named: set[str] | None = None

    def named(self) -> set[str]:
        """Every country the document names (any form), read on first use."""
        if self._named is None:
            self._named = {c for u in self.units for _, _, c in country_spans(u.sent.text)}
        return self._named

    def get(self) -> list[str]:
        """The main actors, counted on first use."""
        if self.value is None:
            self.value = _principal_pair(self.units)
        return self.value


def _actors(pair: _LazyActors, text: str) -> list[str]:
    """The two (or three, for "trilateral") main actors of the document, or none."""
    n = 3 if _THREE.search(text) else 2
    top = pair.get()[:n]
    return top if len(top) == n else []


def finish(source: str, records: list[Record], units: list[Unit], published: str | None, pub_year: int | None) -> list[Exercise]:
    """The Exercise records of one source, built from their mentions; cancelled exercises are dropped."""
    pair = _LazyActors(units)
    if pub_year is None:  # an undated article: its "now" is the year of the first exercise it names (its story; later ones may be past or next)
        pub_year = next((r.year for r in records if r.canon and r.year and r.mentions), None)
    out: list[Exercise] = []
    by_canon: dict[str, list[str]] = {}
    kept: list[Record] = []
    for r in records:
        if not r.mentions:
            continue
        x = _fields(source, r, units, published, pub_year, pair, by_canon)
        if x is not None:
            out.append(x)
            kept.append(r)
            if r.canon:
                by_canon[r.canon] = list(x.participants)
    return _merge_editions(out, kept)


def _merge_editions(out: list[Exercise], recs: list[Record]) -> list[Exercise]:
    """One exercise for an edition named by number and by year ("UNITAS LXV" and "UNITAS 2024" of one series, one year)."""
    drop: set[int] = set()
    for i, (x, r) in enumerate(zip(out, recs)):
        if not (r.canon and r.base and r.year is None and x.year and r.canon != r.base):
            continue  # an edition-numbered record whose year was read from the text
        same = [j for j, (y, q) in enumerate(zip(out, recs)) if j != i and j not in drop and q.base == r.base
                and q.canon == r.base and q.year == x.year]
        if len(same) != 1:
            continue
        y = out[same[0]]
        out[i] = replace(x, aliases=tuple(dict.fromkeys(x.aliases + ((y.name,) if y.name else ()) + y.aliases)),
                         participants=tuple(dict.fromkeys(x.participants + y.participants)),
                         locations=tuple(dict.fromkeys(x.locations + y.locations)),
                         observers=tuple(o for o in dict.fromkeys(x.observers + y.observers) if o not in x.participants + y.participants),
                         activities=tuple(dict.fromkeys(x.activities + y.activities))[:12],
                         mentions=tuple(dict.fromkeys(x.mentions + y.mentions)),
                         start=x.start or y.start, end=x.end or y.end)
        drop.add(same[0])
    return [x for i, x in enumerate(out) if i not in drop]


def _fields(source: str, r: Record, units: list[Unit], published: str | None, pub_year: int | None,
            pair: _LazyActors, by_canon: dict[str, list[str]]) -> Exercise | None:
    """The Exercise for one record: its fields read from every mention, or None when it is dropped."""
    pos: list[str] = []
    neg: set[str] = set()
    obs: set[str] = set()
    hos: set[str] = set()  # countries that criticise, shadow or are the target of the exercise
    locs: list[str] = []
    host_locs: list[str] = []  # countries named as its host ("hosted by X")
    acts: list[str] = []
    start = end = None
    status = r.inherit_status
    year = r.year
    dated = False
    same = False
    want, want_text = 0, ""
    wd_start: str | None = None
    rel_year: int | None = None
    since_year: int | None = None
    for (text, mode, ui), focus, end_, (full, off) in zip(r.segs, r.focus, r.ends, r.fulls):
        if mode == "heading":
            continue
        if mode == "anaphor" and "ago" in text[:focus] and _LONG_AGO.match(text):
            continue  # "Only a few years ago, X hosted the biggest exercises in the region": earlier times, not this edition
        if mode == "anaphor" and _OTHER_EDITION.match(text, focus):
            continue  # "The next joint exercise, X, will be held in Y": another exercise
        if mode == "anaphor" and (r.year or year) and _DIGIT.search(text) and explicit_year(text) not in (None, r.year or year):
            continue  # "In 2023 the edition was organised by X in Y": a sentence about another edition
        lo, hi = own_region(text, focus, end_) if units[ui].kind in ("title", "question") else (0, len(text))  # a headline: one story per clause
        if mode == "explicit" and ", and " in text[end_:hi] and (other := _AND_OTHER.search(text, end_, hi)):
            hi = other.start()  # "X will become annual, and Russia plans a drill with China": another exercise's clause
        if units[ui].kind == "title" and " as " in text[lo:focus]:
            lo = max([lo] + [m.end() for m in _HEAD_AS.finditer(text, lo, focus)])
        if mode == "anaphor" and ("follow" in text or " after " in text or "precede" in text):
            other = _FOLLOWS.search(text, focus)
            if other:
                hi = other.start()  # "The drill follows a series of Russian exercises off X": that is another exercise
        stop = off + hi
        spans = [(a - off - lo, b - off - lo, c) for a, b, c in country_spans(full) if off + lo <= a and b <= stop]
        p, n, o, where = roles(text[lo:hi], explicit=mode in ("explicit", "table", "title"), focus=max(0, focus - lo), spans=spans)
        hos |= hostile(text[lo:hi], spans)
        neg |= n
        obs |= o
        if mode == "assessment":
            a, b = own_region(text, focus, end_)
            if _HELD_AT.search(text, a, b):  # "X began its drill off Y, a sign of Z": the judgement's clause still reports the venue
                locs += locations(text[a:b])
            continue
        pos += p
        if mode == "explicit" and off and "of" in full[max(0, off - 40):off]:
            pos += _part_of(full, off)
        if mode == "explicit" and focus <= 16 and _THIS_WAS.match(text):
            for k in range(ui - 1, max(-1, ui - 4), -1):  # "... splashed ashore near X. This was Y 2025": the scene the lede describes
                if units[k].para != units[ui].para or units[k].kind != "claim":
                    break
                prev = units[k].sent.text
                p_k, n_k, o_k, _ = roles(prev, explicit=False)
                pos, neg, obs, hos = pos + p_k, neg | n_k, obs | o_k, hos | hostile(prev)
                locs += locations(prev) + prep_places(prev)
        if mode in ("explicit", "anaphor") and "hosted by" in text:
            host_locs += [c for a, _, c in spans if _HOSTED_BY.search(text[lo:hi], max(0, a - 20), a)]
        if mode in ("explicit", "title"):
            a, b = own_region(text, focus, end_)
            if mode == "explicit" and text[b:b + 3] in _DASHES:
                if _VERB_START.match(text, b + 3):
                    b = _PREDICATE.match(text, b + 3).end()  # "X (also called Y) – will run in Z": the predicate after the dash
                elif not text[a:focus].strip(" \"'“‘"):
                    b = _past_aside(text, b)  # "X – also called Y – will run in Z": the subject's predicate after a dashed aside
            locs += locations(text[a:b]) + where + (prep_places(text[a:b]) if mode == "explicit" else [])
        elif mode == "anaphor":
            a = 0 if focus < 25 or _IT_OPEN.match(text) else focus  # ("Most of it is run from X": the whole sentence is about it)
            if a and _AS_PART_OF.search(text, max(0, focus - 30), focus):
                a = next((ca for ca, cb in clauses(text) if ca <= focus < cb), a)  # "sailed east of X as part of the drills": the clause it ends
            cut = _OTHER_SUBJECT.search(text, focus)
            region = text[a:min(cut.start() if cut else len(text), hi)]
            locs += locations(region) + prep_places(region) + [w for w in where if w in region]
        low = lower(text)
        if mode == "continuation" and where and _CONT_AREA.search(text, max(0, text.find(where[0]) - 50), max(0, text.find(where[0]))):
            locs += where  # "troops began drills in X", "training across A, B and C": the countries named as its area
        if mode == "continuation" and (tm := _TRAINING.search(low)):
            cl = locations(text)
            locs += cl + (where if cl else [])  # ("operating from A in X and B in Y": the countries of its places too)
            at = next((m.end() for m in _TRAINING.finditer(low, tm.start()) if _TRAINING_AT.match(text, m.end())), None)
            if at is not None:  # (the first drill word followed by its venue: "events include jungle training in A")
                locs += prep_places(text[at:])  # "training is concentrated in A, B and C": the places it is held at
        elif mode == "continuation" and (" across " in text or " throughout " in text):
            cl = locations(text)  # "personnel are involved, running across A, B and C": the area it spans
            if cl and (am := _ACROSS_LIST.search(text)):  # ("across A, B and, for the first time, Fiji": a country in the list too)
                cl += [c for a, _, c in spans if am.start() <= a + lo < am.end()]
            locs += cl
        if mode != "table":
            acts += activities(text)
        sent_low = lower(units[ui].sent.text) if mode in ("explicit", "anaphor") else low
        if _pair(low) or (mode in ("explicit", "anaphor") and (_pair(sent_low) or _three(sent_low))):
            want = max(want, 3 if _three(sent_low) else 2)
            want_text = sent_low
        same = same or ("same" in low and bool(_SAME.search(low)))
        if mode in ("explicit", "anaphor"):
            if status is None and cancelled(text, focus, end_):
                status = "cancelled"
            hits = find_dates(text, year or pub_year)
            for h in hits:
                if h.end and start is None:
                    start, end = h.start, h.end
                elif h.start and _START_CUE.search(text, max(0, h.pos - 45), h.pos):
                    start = start or h.start
                elif h.start and _END_CUE.search(text, max(0, h.pos - 30), h.pos):
                    end = end or h.start
            if hits or relative_time(text) or ("same" in low and _SAME_TIME.search(low)):
                dated = True  # ("for the same week": at the time of the exercise the article reports)
            if wd_start is None and not any(h.start for h in hits):
                wd_start = weekday_date(text, published)  # "began on Saturday": the Saturday before the article's date
            if year is None and (r.canon is None or r.year is None):
                year = explicit_year(full, off, off + len(text)) if full[off:off + len(text)] == text else explicit_year(text)
                if year is None and mode == "explicit" and pub_year and r.year_hint is None:
                    tail = _REL_STOP.search(text, end_, min(len(text), end_ + 100))
                    rel = _REL_YEAR.search(text, max(0, focus - 40), tail.start() if tail else min(len(text), end_ + 100))
                    if rel:  # "for Exercise X next year", "X last year": the edition of the year before or after the article's
                        rel_year = pub_year + {"next": 1, "last": -1, "this": 0}[rel.group(1).lower()]
                if year is None and since_year is None and mode == "explicit":
                    sm = _SINCE_MONTH.search(text)
                    since_year = int(sm.group(1)) if sm else None  # "patrols since January 2025": an activity under way since then
            if year is None and r.canon is None and mode == "explicit":  # (an anaphor's sentence may date another exercise)
                year = next((y for y in _sentence_years(units[ui].sent.text)), None)
    calendar_start = start
    if start is None and (end is None or (wd_start is not None and wd_start <= end)):
        start = wd_start  # a bare weekday only when no calendar start date is stated
    if year is None and r.year_hint:
        year = r.year_hint
    if year is None and since_year and status != "cancelled" and since_year <= (pub_year or since_year):
        year = since_year
    if year is None and dated:
        year = pub_year
    if year is None and rel_year:
        year = rel_year  # (only when no mention dates it: "began on Monday" is this year's edition whatever else is said)
    if same and r.canon and by_canon.get(r.canon):
        pos += by_canon[r.canon]
    if status == "cancelled" and any(m == "explicit" and _sine_die().search(lower(t)) for t, m, _ in r.segs):
        return None  # "postponed indefinitely", "no new date": called off with nothing to list, whatever its venue
    if status == "cancelled" and not (calendar_start or _own_places(r)):
        return None  # called off with no venue or date: nothing to list
    if status == "cancelled" and r.year and not any(str(r.year) in t for t, m, _ in r.segs if m != "assessment") \
            and any(str(r.year) in t for t, m, _ in r.segs if m == "assessment"):
        return None  # called off, its year only from a judgement ("a return in 2027 is possible"): no edition to list
    if want and len(set(pos) - neg - obs) < want:
        pos += _actors(pair, want_text)  # "the two navies": the document's main actors
    if not pos and r.canon is None:
        own = {c for t, _, _ in r.segs for _, _, c in country_spans(t)}  # (its own part of a sentence that names two exercises)
        actors = _actors(pair, " ".join(lower(units[ui].sent.text) for _, _, ui in r.segs))
        pos = [c for c in actors if c in own] or actors  # of the main actors, those its own sentences name
    hosts = _hosts(r.base, year)
    if hosts and any(m in ("explicit", "anaphor") and "host" in t and _names_host(t) for t, m, _ in r.segs):
        hosts = []  # "India will host Malabar 2026": the text names this edition's host itself
    if hosts:  # a series' host takes part in every edition, but a text that never names it is about someone else's part
        named = named_countries() or pair.named()  # (the countries the document names, read once per document)
        pos += [h for h in hosts if h not in neg and (h in pos or h in named)]
    status = status or _status(r, start, end, published)  # (once: the year below and the record both read it)
    if year is None and status in ("under way", "planned", "cancelled"):
        year = pub_year
    obs -= set()  # observers stay observers
    participants = tuple(dict.fromkeys(c for c in pos if c not in neg and c not in obs and c not in hos))
    observers = tuple(sorted(o for o in obs if o not in participants))
    forms = [f for f, _ in r.forms]
    name = None
    if r.canon:
        body_full = [f for f, m in r.forms if m == "body" and _FULL.search(f) and not f.isupper()]
        full = [f for f in forms if _FULL.search(f)]
        name = (body_full or full or [f for f, m in r.forms if m == "body"] or forms or [None])[0]
    aliases = tuple(dict.fromkeys(f for f in forms if f and f != name))
    series = re.sub(r"(?:[-‐–]\s?|\s)'?\d{2,4}(?:-\d)?$", "", name).strip() if name else None
    if series:
        series = re.sub(r"^Exercise\s+", "", series)
    locs = _dedupe_places(locs or host_locs)  # (a host country is its venue when no place is named)
    if name is None and year is None and not locs:
        return None  # an unnamed exercise with neither date nor place is a generic mention, not one to list
    return Exercise(name=name, year=year, aliases=aliases, series=series, start=start, end=end, status=status,
                    locations=tuple(locs), participants=participants, observers=observers,
                    activities=tuple(dict.fromkeys(acts))[:12],
                    mentions=tuple(Span(source, a, b) for a, b in r.mentions))


# the area of a sentence that goes on about the exercise: after "across", "throughout" or a drill word ("drills in X")
_CONT_AREA = re.compile(r"(?:\b(?:across|throughout)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:[\w-]+\s+of\s+(?:the\s+)?)?|\b(?:drills?|exercises?|manoeuvres|maneuvers|"
                        r"training|war ?games?)\s+(?:in|into|across)\s+(?:the\s+)?)(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?$")
_ACROSS_LIST = re.compile(r"\b(?:across|throughout)\s[^.;:]*?(?=\s(?:with|from|involving|including|while|as)\s|[.;:]|$)")
_HOSTED_BY = re.compile(r"(?<!\bbe\s)\bhosted by\s+(?:the\s+)?$")  # (not a future host: "will be hosted by X")
_LONG_AGO = re.compile(r"\W*(?:only\s+|just\s+)?(?:a\s+few|several|many|some|two|three|four|five|ten|a|\d+)\s+(?:years|decades?)\s+ago\b", re.I)
_HELD_AT = re.compile(r"\b(?:began|begun|opened|held|staged|conducted|took place|takes place|is taking place|got under way|kicked off)\b")
_THIS_WAS = re.compile(r"(?:This|That|It) (?:was|is)\s+(?:the\s+)?\S")
# a sentence whose subject is the exercise just named, as a pronoun ("It runs ...", "Most of it is ...")
_IT_OPEN = re.compile(r"(?:It|(?:Most|Much|Part|All|Some|The rest) of it)\s")
_AS_PART_OF = re.compile(r"\b(?:as (?:a )?part of|in the course of|as one of the serials of)\s+(?:the\s+)?$")
_DASHES = (" – ", " — ")
_PREDICATE = re.compile(r"[^.;:–—]*")
# a clause that opens with a verb has no subject of its own: it continues the subject before the dash
_VERB_START = re.compile(r"(?:will|would|shall|is|are|was|were|has|have|had|also|then|began|begins|runs?|ran|takes?|took|includes?|involves?|"
                         r"continues?|spans?|covers?|[a-z]+ed)\b")
_ASIDE_END = re.compile(r"[^.;:–—]{3,160}?\s[–—]\s(?=" + _VERB_START.pattern + r")[^.;:–—]*")


def _past_aside(text: str, b: int) -> int:
    """The end of the clause after a dashed aside that opens at `b` ("X – a Y – will run in Z"), or `b` when there is none."""
    m = _ASIDE_END.match(text, b + 3)
    return m.end() if m else b


_HOSTED = re.compile(r"\b(?:will host|to host|hosts|is hosting|will be hosted by|hosted by)\b")


def _names_host(text: str) -> bool:
    """Whether a mention names a country as the host of this edition ("India will host X", "X, hosted by Chile")."""
    spans = country_spans(text)
    for m in _HOSTED.finditer(text):
        if m.group(0).endswith(" by"):
            if any(m.end() <= a <= m.end() + 16 for a, _, _ in spans):
                return True
        elif any(m.start() - 25 <= b <= m.start() for _, b, _ in spans):
            return True
    return False
# "Dragon-24 is the Polish part of X", "the Czech army is committed to another part of X": a country's part of X
_PART_OF = re.compile(r"\b(?:part|parts|component|components|element|elements|contribution|leg|portion|segment)\s+of\s+(?:[\w'’-]+\s+){0,3}$")


def _part_of(full: str, off: int) -> list[str]:
    """Countries whose share of the exercise named at `off` the words just before it describe."""
    m = _PART_OF.search(full, max(0, off - 40), off)
    if m is None:
        return []
    ca = next((a for a, b in clauses(full) if a <= m.start() < b), 0)
    return [c for a, b, c in country_spans(full) if ca <= a and b <= m.start() and not _ORGAN.match(full[b:b + 40])
            and not _LOC_PREP.search(full, max(0, a - 40), a)]


def _own_places(r: Record) -> bool:
    """Whether any explicit mention of the exercise names a place."""
    return any(locations(own_text) for own_text, mode, _ in r.segs if mode == "explicit")


@lru_cache(maxsize=None)
def _host_index() -> dict[str, Any]:
    """The data file's hosts by series in lower case (the first entry of a series, as a search in file order finds)."""
    index: dict[str, Any] = {}
    for k, v in (load("exercises").get("hosts") or {}).items():
        index.setdefault(k.casefold(), v)
    return index


def _hosts(base: str | None, year: int | None) -> list[str]:
    """Countries that take part in every edition of the series (from the data file)."""
    if not base or base not in _host_index():
        return []
    v = _host_index()[base]
    if isinstance(v, dict):
        return list(v.get("countries") or []) if not (year and v.get("since") and year < v["since"]) else []
    return list(v or [])


def _status(r: Record, start: str | None, end: str | None, published: str | None) -> str:
    """Held, under way or planned, from the dates against the publication date, else from status cues."""
    rx = status_rx()
    texts = lower(" ".join(t for t, m, _ in r.segs if m in ("explicit", "anaphor")) + " " + " ".join(r.clauses))
    if published and (start or end):
        pub = published[:10]
        if start and start > pub:
            return "planned"
        if end:
            return "held" if end < pub else "under way"
        return "under way" if rx["under way"].search(texts) else "held"
    if rx["under way"].search(texts):
        return "under way"
    if rx["planned"].search(texts):
        return "planned"
    return "held"


def _dedupe_places(locs: list[str]) -> list[str]:
    """Places in order without repeats or a bare name whose longer "... Ocean" form is listed."""
    uniq = list(dict.fromkeys(l for l in locs if l))
    out = []
    for l in uniq:
        if any(o != l and o.startswith(l + " ") and o.split()[-1] in ("Ocean", "region", "Region", "Oblast", "Krai", "Province", "Prefecture") for o in uniq):
            continue
        out.append(l)
    return out
