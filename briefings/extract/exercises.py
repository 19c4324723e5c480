"""Exercises of one source: named and unnamed exercises, resolved across sentences, with their fields."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Exercise, Span
from .dates import find_dates
from .exercise_fields import activities, country_spans, focus_clause, locations, place_spans, roles
from .exercise_names import find_names, full_year
from .exercise_refs import DEFINITE, PhraseHit, find_phrases
from .resources import any_of, lexicon, lower

if TYPE_CHECKING:
    from .document import Unit

_SINCE_YEAR = re.compile(r"\b(?:since|first held in|began in|started in|dating back to|launched in|inaugurated in|as early as|mid-)\s*(?:the\s+)?$", re.I)
_RELATIVE = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|this (?:week|month|weekend|year|morning)|last (?:week|month)|next (?:week|month)|"
                       r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:in|since|until|from|by) (?:January|February|March|April|"
                       r"May|June|July|August|September|October|November|December))\b")
_PAIR = re.compile(r"\b(?:the two (?:navies|countries|nations|sides|militaries|fleets|forces)|both (?:navies|countries|nations|sides|militaries)|"
                   r"two navies|these exercises|such exercises|other countries)\b")
_SAME = re.compile(r"\bthe same (?:two|three|four|five|\d+) (?:navies|countries|nations|partners|militaries)\b")
_CONTINUE = re.compile(r"\b(?:sent|send|sends|sending|contribut\w+|committ\w+|deploy\w*|joined|join|joins|took part|take part|taking part|"
                       r"participat\w+|involved|trained|training|practis\w+|practic\w+|rehears\w+|host\w*|co-host\w*|alongside|first-timers|"
                       r"contingents?|troops from|aircraft from|personnel from|ships from|navies of|leads|led by|observers?|withdrew|"
                       r"did not|will not|would not|skip\w*|stayed away|drills|manoeuvr\w+|maneuver\w+|firing|firings|flying|sorties|"
                       r"task group|serials)\b")
_TRAINING = re.compile(r"\b(?:training|trained|practis\w+|practic\w+|rehears\w+|drills?|manoeuvr\w+|maneuver\w+|firings?|flying|sorties|"
                       r"took place|held|landings|serials)\b")
_NAME_LEAD = {"the", "joint", "annual", "strategic", "naval", "military", "maritime", "multinational", "bilateral", "trilateral",
              "exercise", "drills", "command-staff", "peacekeeping", "their", "its", "large-scale", "air", "amphibious", "combined",
              "international", "major", "latest", "biennial", "flagship", "staff", "command", "field", "tactical"}
_IDENTIFY = re.compile(r"^(?:The|These|Both) (?:drills|exercises)(?: in question)? (?:are|were|include|included)\b")


@dataclass
class Record:
    """An exercise being assembled from its mentions."""

    key: tuple
    kind: str
    canon: str | None = None
    year: int | None = None
    forms: list[tuple[str, str]] = field(default_factory=list)   # (form, mode)
    segs: list[tuple[str, str, int]] = field(default_factory=list)  # (masked text, mode, unit index)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    focus: list[int] = field(default_factory=list)
    cousins: list[int | None] = field(default_factory=list)
    count: int = 0
    sections: Counter = field(default_factory=Counter)
    last: int = -1
    rank: int = 0
    inherit_status: str | None = None


@lru_cache(maxsize=None)
def _status_rx() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    return {"cancelled": any_of(lex["cancel_cues"]), "planned": any_of(lex["planned_cues"]),
            "under way": any_of(lex["underway_cues"]),
            "event": re.compile(r"\b(?:" + "|".join(re.escape(v) for v in lex["event_verbs"]) + r")\b")}


def mention_count(text: str) -> int:
    """How many exercise names a sentence carries (for ranking claims)."""
    return sum(1 for h in find_names(text) if not h.weak)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = " "
    return "".join(chars)


def _explicit_year(text: str) -> int | None:
    for m in re.finditer(r"(?<![\d,.$£€-])((?:19[5-9]|20[0-4])\d)(?![\d%])", text):
        if not _SINCE_YEAR.search(text[max(0, m.start() - 25):m.start()]):
            return int(m.group(1))
    return None


class _Builder:
    def __init__(self) -> None:
        self.records: list[Record] = []
        self.section = 0

    def salient(self, kind: str, exclude: Record | None = None) -> Record | None:
        cands = [r for r in self.records if r is not exclude and (kind == "any" or r.kind == kind or (kind == "exercise" and r.canon))]
        if not cands:
            return None
        return max(cands, key=lambda r: (r.sections[self.section] > 0, r.last, -r.rank))

    def named(self, canon: str, year: int | None, kind: str) -> Record:
        for r in self.records:
            if r.canon == canon.casefold() and r.year == year:
                return r
        if year is not None:
            for r in self.records:
                if r.canon == canon.casefold() and r.year is None:
                    r.year, r.key = year, (canon.casefold(), year)
                    return r
        r = Record((canon.casefold(), year), kind, canon.casefold(), year)
        self.records.append(r)
        return r

    def latest(self, canon: str) -> Record | None:
        cands = [r for r in self.records if r.canon == canon.casefold()]
        return max(cands, key=lambda r: r.last) if cands else None

    def new(self, key: tuple, kind: str) -> Record:
        for r in self.records:
            if r.key == key:
                return r
        r = Record(key, kind)
        self.records.append(r)
        return r


class _Context:
    """Lazily computed facts about one sentence: does it name a place, a date?"""

    def __init__(self, text: str, year: int | None) -> None:
        self.text, self.year = text, year
        self._placed: bool | None = None
        self._dated: bool | None = None

    @property
    def placed(self) -> bool:
        if self._placed is None:
            self._placed = bool(locations(self.text))
        return self._placed

    @property
    def dated(self) -> bool:
        if self._dated is None:
            self._dated = bool(_RELATIVE.search(self.text)) or any(d.start or not d.has_year for d in find_dates(self.text, self.year))
        return self._dated


def _creates(text: str, ph: PhraseHit, ctx: _Context) -> bool:
    if ph.kind == "any" or ph.generic or ph.det in {"poss"} and not ph.ordinal and not ph.defining:
        return False
    if not (ph.defining or _status_rx()["event"].search(lower(text))):
        return False
    return ctx.placed or ctx.dated


def find_exercises(source: str, text: str, units: list[Unit], published: str | None) -> list[Exercise]:
    """Every exercise the source reports, one record per exercise with all its mentions."""
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    b = _Builder()
    for ui, u in enumerate(units):
        if u.heading:
            b.section += 1
        s = u.sent.text
        names = find_names(s)
        places = [(a, b) for a, b, _ in place_spans(s)] if any(h.weak for h in names) else []
        names = [h for h in names if not (h.weak and (any(a <= h.start < b for a, b in places)
                                                   or re.search(r"[A-Z][\w-]*\s$", s[:h.start])
                                                   or re.match(r"\s[A-Z]", s[h.end:])))]
        phrases = [] if (u.heading or u.table) else find_phrases(s, names)
        masked = _mask(s, [(h.start, h.end) for h in names])
        refs: list[tuple[int, Record, str]] = []
        ident = _IDENTIFY.match(s)
        prev_status = None
        for h in names:
            r: Record | None
            if h.year is not None:
                r = b.named(h.canon, h.year, "patrol" if "patrol" in h.canon.casefold() else "exercise")
            else:
                other = _explicit_year(masked)
                existing = b.latest(h.canon)
                if other and (existing is None or existing.year != other) and not h.weak:
                    r = b.named(h.canon, other, "exercise")
                elif existing is not None:
                    r = existing
                elif not h.weak:
                    r = b.named(h.canon, None, "exercise")
                else:
                    continue
            r.forms.append((h.name, "heading" if u.heading else ("title" if u.kind == "title" else "body")))
            back = h.start
            for tok in reversed(list(re.finditer(r"[\w'’-]+", s[max(0, h.start - 80):h.start]))):
                w = tok.group(0)
                if s[max(0, h.start - 80) + tok.end():back].strip():
                    break
                if not (w.endswith(("'s", "’s")) or w[:1].isupper() or w.casefold() in _NAME_LEAD):
                    break
                back = max(0, h.start - 80) + tok.start()
            refs.append((back, r, "explicit"))
        if u.heading or u.table or u.kind == "title":
            pass
        else:
            ctx = _Context(masked, pub_year)
            for ph in phrases:
                if any(ph.start - h.end in (1, 2) and s[h.end:ph.start].strip() in (",", "(") for h in names) and ph.det in DEFINITE:
                    continue  # appositive: "Zapad-81, the Soviet manoeuvres of 1981"
                if any(h.start - ph.end in (4, 5) and s[ph.end:h.start].strip() in ("of", "of the") for h in names):
                    continue  # "the second phase of Malabar 2020"
                if ph.det == "a" or ph.det == "an" or ph.det is None:
                    if ph.kind != "any" and not ph.generic and _creates(masked, ph, ctx):
                        r = b.new(("#new", ui, ph.start), ph.kind)
                        refs.append((ph.start, r, "explicit"))
                    continue
                if ph.ordinal and ph.kind != "any" and not ph.generic:
                    r = b.new(("#ord", ph.ordinal, ph.kind), ph.kind)
                    refs.append((ph.start, r, "explicit"))
                    continue
                if ph.generic:
                    continue
                target = b.salient(ph.kind)
                if target is None and _creates(masked, ph, ctx):
                    target = b.new(("#new", ui, ph.start), ph.kind)
                if target is not None:
                    refs.append((ph.start, target, "anaphor"))
        refs.sort(key=lambda t: t[0])
        if not refs and not u.heading and b.records and (u.table or (u.kind == "claim" and _CONTINUE.search(lower(s)))):
            target = b.salient("any")
            if target is not None:
                refs.append((0, target, "table" if u.table else "continuation"))
        for i, (pos, r, mode) in enumerate(refs):
            if i and refs[i - 1][0] >= pos:
                pos = refs[i - 1][0] + 1
                refs[i] = (pos, r, mode)
            a = 0 if i == 0 else pos
            e = refs[i + 1][0] if i + 1 < len(refs) else len(s)
            seg_mode = mode if u.kind != "assessment" else ("assessment" if r.count else mode)
            if u.heading:
                seg_mode = "heading"
            r.segs.append((masked[a:e], seg_mode, ui))
            r.focus.append(max(0, pos - a))
            if mode in ("explicit", "anaphor") or u.heading:
                span = (u.sent.start, u.sent.end)
                if span not in r.mentions:
                    r.mentions.append(span)
                r.count += 1
                r.sections[b.section] += 1
            if r.last != ui:
                r.rank = i
            r.last = ui
        if ident and refs:
            prev = units[ui - 1].sent.text if ui else ""
            if _status_rx()["cancelled"].search(lower(prev)):
                for _, r, _m in refs:
                    r.inherit_status = "cancelled"
    return _finish(source, b.records, units, published, pub_year)


def _sentence_years(text: str) -> list[int]:
    """Years of the named exercises a sentence mentions ("... concluded Zapad-2021 and began a patrol")."""
    return [h.year for h in find_names(text) if h.year]


def _principal_pair(units: list[Unit]) -> list[str]:
    c: Counter = Counter()
    for u in units:
        if u.kind in ("claim", "assessment"):
            c.update({name for _, _, name in country_spans(u.sent.text)})
    top = [n for n, k in c.most_common(2) if k >= 3]
    return top if len(top) == 2 else []


def _finish(source: str, records: list[Record], units: list[Unit], published: str | None, pub_year: int | None) -> list[Exercise]:
    pair = _principal_pair(units)
    out: list[Exercise] = []
    by_canon: dict[str, list[str]] = {}
    for r in records:
        if not r.mentions:
            continue
        x = _fields(source, r, units, published, pub_year, pair, by_canon)
        if x is not None:
            out.append(x)
            if r.canon:
                by_canon[r.canon] = list(x.participants)
    return out


def _fields(source: str, r: Record, units: list[Unit], published: str | None, pub_year: int | None,
            pair: list[str], by_canon: dict[str, list[str]]) -> Exercise | None:
    rx = _status_rx()
    pos: list[str] = []
    neg: set[str] = set()
    obs: set[str] = set()
    locs: list[str] = []
    acts: list[str] = []
    start = end = None
    status = r.inherit_status
    year = r.year
    dated = False
    same = False
    for (text, mode, ui), focus in zip(r.segs, r.focus):
        if mode == "heading":
            continue
        p, n, o, where = roles(text, explicit=mode in ("explicit", "table", "title"), focus=focus)
        neg |= n
        obs |= o
        if mode == "assessment":
            continue
        pos += p
        if mode in ("explicit", "title"):
            a, b = focus_clause(text, focus)
            locs += locations(text[a:b]) + where
        elif mode == "anaphor":
            locs += locations(text if focus < 25 else text[focus:])
        elif mode == "continuation" and _TRAINING.search(lower(text)):
            locs += locations(text) + (where if mode != "continuation" else [])
        if mode != "table":
            acts += activities(text)
        if _PAIR.search(lower(text)) or (mode in ("explicit", "anaphor") and _PAIR.search(lower(units[ui].sent.text))):
            pos += pair
        same = same or bool(_SAME.search(lower(text)))
        if mode in ("explicit", "anaphor"):
            if status is None and rx["cancelled"].search(lower(text)):
                status = "cancelled"
            hits = find_dates(text, year or pub_year)
            for h in hits:
                if h.end and start is None:
                    start, end = h.start, h.end
                elif h.start and re.search(r"(?i)\b(?:began|begins|launched|started|starts|opened|opens|kicked off|from)\b[^.]{0,25}$", text[:h.pos]):
                    start = start or h.start
                elif h.start and re.search(r"(?i)\b(?:until|through|till|ends?|ended|to end)\b[^.]{0,12}$", text[:h.pos]):
                    end = end or h.start
            if hits or _RELATIVE.search(text):
                dated = True
            if year is None and r.canon is None:
                year = _explicit_year(text)
            if year is None and r.canon is None:
                year = next((y for y in _sentence_years(units[ui].sent.text)), None)
    if year is None and dated:
        year = pub_year
    if same and r.canon and by_canon.get(r.canon):
        pos += by_canon[r.canon]
    if status == "cancelled":
        return None
    if not pos and r.canon is None and pair:
        pos = list(pair)
    obs -= set()  # observers stay observers
    participants = tuple(dict.fromkeys(c for c in pos if c not in neg and c not in obs))
    observers = tuple(sorted(o for o in obs if o not in participants))
    status = status or _status(r, start, end, published)
    forms = [f for f, _ in r.forms]
    name = None
    if r.canon:
        body_full = [f for f, m in r.forms if m == "body" and re.search(r"\d", f) and not f.isupper()]
        full = [f for f in forms if re.search(r"\d", f)]
        name = (body_full or full or [f for f, m in r.forms if m == "body"] or forms or [None])[0]
    aliases = tuple(dict.fromkeys(f for f in forms if f and f != name))
    series = re.sub(r"(?:[-‐–]\s?|\s)'?\d{2,4}(?:-\d)?$", "", name).strip() if name else None
    if series:
        series = re.sub(r"^Exercise\s+", "", series)
    locs = _dedupe_places(locs)
    return Exercise(name=name, year=year, aliases=aliases, series=series, start=start, end=end, status=status,
                    locations=tuple(locs), participants=participants, observers=observers,
                    activities=tuple(dict.fromkeys(acts))[:12],
                    mentions=tuple(Span(source, a, b) for a, b in r.mentions))


def _status(r: Record, start: str | None, end: str | None, published: str | None) -> str:
    if published and (start or end):
        if start and start > published[:10]:
            return "planned"
        if (end or start) and (end or start) < published[:10]:
            return "held"
        return "under way"
    rx = _status_rx()
    texts = lower(" ".join(t for t, m, _ in r.segs if m in ("explicit", "anaphor")))
    if rx["under way"].search(texts):
        return "under way"
    if rx["planned"].search(texts):
        return "planned"
    return "held"


def _dedupe_places(locs: list[str]) -> list[str]:
    uniq = list(dict.fromkeys(l for l in locs if l))
    out = []
    for l in uniq:
        if any(o != l and o.startswith(l + " ") and o.split()[-1] in ("Ocean",) for o in uniq):
            continue
        out.append(l)
    return out
