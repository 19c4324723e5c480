"""Exercises of one source: named and unnamed exercises, resolved across sentences, with their fields."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Exercise
from .dates import find_dates
from .exercise_fields import country_spans, focus_clause, locations, place_spans, prep_places
from .exercise_names import NameHit, exercise_bases, find_names, normalise
from .exercise_record import Record, explicit_year, finish, relative_time
from .exercise_status import status_rx
from .exercise_refs import DEFINITE, PhraseHit, find_phrases
from .resources import load, lower, series_matches

if TYPE_CHECKING:
    from .document import Unit

_NAME_LEAD = {"the", "joint", "annual", "strategic", "naval", "military", "maritime", "multinational", "bilateral", "trilateral",
              "exercise", "drills", "command-staff", "peacekeeping", "their", "its", "large-scale", "air", "amphibious", "combined",
              "international", "major", "latest", "biennial", "flagship", "staff", "command", "field", "tactical"}
# (a finite verb after the cue ends the list: "15 ships, including the cruiser X, were conducting drills" is a new clause)
_SUB_EVENT = re.compile(r"\b(?:include|includes|including|included|such as|events|serials)\b(?:(?!\b(?:were|was|are|is|have|has|had)\s)[^.;])*$", re.I)
_CONTINUE = re.compile(r"\b(?:take place|took place|takes place|taking place|sent|send|sends|sending|contribut\w+|committ\w+|deploy\w*|joined|join|joins|took part|take part|taking part|"
                       r"participa\w+|involved|are back|is back|rejoined|scenarios?|highlights|live[- ]fire|trained|training|practis\w+|practic\w+|rehears\w+|host\w*|co-host\w*|alongside|first-timers|"
                       r"contingents?|troops from|aircraft from|personnel from|ships from|navies of|leads|led by|observers?|withdrew|"
                       r"did not|will not|would not|skip\w*|stayed away|drills|manoeuvr\w+|maneuver\w+|firing|firings|flying|sorties|"
                       r"task group|serials|forces|troops|warships|sailors|soldiers|personnel|officers|marines|units|air force|aircrew|aircraft|jets|fighters|bombers|"
                       r"navies from|navies of)\b")  # ("Navies from A, B and C are confirmed")
_ANY_EXERCISE = re.compile(r"exercis|drill|manoeuv|maneuv|patrol|war ?game|voyage|cruise|\bex\b")
_NAME_SHAPE = re.compile(r"[A-Z][\w/]*-(?:19|20)\d{2}\b")
_ALIAS_GAP = re.compile(r"\s*\(\s*")
_DUBBED = re.compile(r"\b(?:dubbed|code-?named|named|called|billed as|known as|designated)\b")
_DUBBED_WORDS = ("dubbed", "named", "called", "billed as", "known as", "designated")  # one of them is in every match of _DUBBED
_COPULA_BEFORE = re.compile(r"\b(?:was|is|were|are|became|marked|marks)\s+(?:(?:the|its|their)\s+)?$")
_CAP_BEFORE = re.compile(r"[A-Z][\w-]*\s$")
_CAP_AFTER = re.compile(r"\s[A-Z]")
_TOKEN = re.compile(r"[\w'’-]+")
_OF_BEFORE = re.compile(r"\bof\s+$|\bto\s+(?:[a-z]+\s+){1,2}$")
# between an exercise phrase and the name set off after it ("the first drill with Russia, Orruda-2024", "That drill, X-13")
_APPOS_GAP = re.compile(r"(?:\s+(?:with|between|of|by|among|involving|on|at)\s+[^,.;()]{0,60}?)?,\s*[\"“‘]?")
# (the digit first, its word boundary checked behind it: a fast scan of the whole text for digits)
_EDITION_ORDINAL = re.compile(r"([1-9](?<!\w[1-9])\d)(?:st|nd|rd|th)\s+(?:edition|iteration|round)\b")
# a phrase that introduces a past edition ("last year's edition", "the previous edition", "the last iteration")
_PAST_CUE = re.compile(r"(?i)\b(?:last year['’]s|(?:the|its|their) (?:previous|last|preceding|prior))\s(?:[\w-]+\s){0,2}?(?:edition|iteration|exercise|drills?)\b")
_LAST_YEARS = re.compile(r"\b[Ll]ast year['’]s\s")
_THAT_ONE = re.compile(r"(?i)\b(?:that|this|the)\s+(?:[\w-]+\s){0,2}?(?:drill|exercise|edition|iteration)s?,\s$")
_PATROLS_HELD = re.compile(r"(?i)\b(?:conduct\w*|carr(?:y|ies|ied|ying) out|fl(?:y|ies|ew|own|ying)|sail\w*|held|hold\w*|mount\w*)\s+"
                           r"(?:[\w-]+\s+){0,2}(?:patrols|drills|exercises)\b")
# an edition the text only imagines ("X-2025B, if held, would ...")
_HABIT = re.compile(r"\b(?:usually|typically|normally|traditionally|customarily|generally)\b")  # a habit, not one event (each ends "lly")
_HYPOTHETICAL = re.compile(r",\sif\s(?:it\s(?:is\s)?)?(?:held|staged|goes ahead|takes place|happens|called)\b")
# an ordinal before a bare series name ("The first X was held in 2019"): the series' first edition
_FIRST_OF = re.compile(r"\b[Tt]he\s(?:first|inaugural|original)\s$")
# a numbered item line of a digest ("4. The Daily (City): Headline"): a new story
_ITEM_HEAD = re.compile(r"\d{1,2}\.\s[A-Z][^.:]{0,80}:\s|[A-Z][^.:()]{0,50}\([A-Z][^.:()]{0,30}\)[^.:()]{0,30}:\s")  # ("Daily Star (Dhaka): ...")
# a hedged forecast just before an exercise phrase ("there was a chance that X would stage ", "it was likely X would respond with ")
_HEDGED = re.compile(r"\b(?:likely|unlikely|chance|probabl[ey]|possibl[ey]|might|could)\b[^.;]{0,80}\b(?:would|could|might)\s(?:[\w-]+\s){1,3}$"
                     r"|\b(?:will|would|may|might|could)\s(?:probably|likely|possibly|perhaps)\s(?:[\w-]+\s){1,3}$")  # ("X will probably adjust its own drills")
_TO_HOLD = re.compile(r"\bto\s(?:hold|stage|conduct|launch|begin|start|run|host)\s(?:[a-z-]+\s)?$")  # "are to hold joint drills": holding, no series
_NOT_DONE = re.compile(r"\b(?:would|could|might|not|never|refused)\b|n['’]t\b")  # a drill a country does not or would not hold
_COORD = re.compile(r",|\band\b|\bor\b")  # a list between two names: both may share a year
# a year used as an attribute after "a"/"an" ("under a 2023 arrangement"): no exercise's year
_ATTR_YEAR = re.compile(r"\ban? (?:19|20)\d{2}(?=\s[a-z])")
# the year an exercise is moved to ("would be rescheduled for 2027"): no edition of that year is reported
_MOVED_YEAR = re.compile(r"\b(?:reschedul\w+|postpon\w+|moved|pushed back|delayed|deferred)\s(?:(?:to|for|until|till|into)\s)(?:(?:early|late|mid-?)\s?)?(?:19|20)\d{2}\b")


# a past edition held: "The 2024 edition took place", "the fifth edition of it was held in March 2024", "The 2023 edition, hosted by X"
_YEAR_EDITION = re.compile(r"\b((?:19|20)\d{2})\s(?:edition|iteration)$")
_EDITION_HELD = re.compile(r"(?:\sof\s(?:it|the\s[\w-]+|this\s[\w-]+))?(?:\s(?:was|were)\s(?:\w+ly\s)?(?:held|staged|hosted|organi[sz]ed|conducted|run)\b"
                           r"|\stook\splace\b|,\s(?:also\s)?(?:hosted|held|staged|led|centred|centered|based)\s(?:by|in|at|on|off|around)\b)")  # ("The 2023 edition, also centred on X")
_IN_YEAR = re.compile(r"\b(?:in|on)\s(?:[A-Z][a-z]+\s)?((?:19|20)\d{2})\b")
_SERIES_TAIL = re.compile(r"(?:[-‐–]\s?|\s)'?\d{2,4}(?:-\d)?[A-D]?$")


# a coming edition ("the next edition", "next year's edition") or one planned ("The third edition is planned for 2028")
_PLANNED_AFTER = re.compile(r"(?:,\s[^,.;]{1,30},)?\s(?:is|are|will be|would be)\s(?:(?:tentatively|provisionally)\s)?(?:planned|scheduled|due|set|slated|earmarked|pencil?led)\b")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


# the name a sentence gives the unnamed drill or patrol just described ("The operation, named Opération Marée Haute, ...")
_OP_NAMED = re.compile(r"\b[Oo]peration,\s(?:dubbed|code-?named|named|called)\s(?P<n>(?:Operation|Opération|Operación|Operação|Operazione)"
                       r"(?:\s[A-ZÀ-ÖØ-Þ][\w'’-]*){1,4})")
# an edition named by its ordinal alone after a sentence about editions ("The first, in 2021, was held off X")
_FIRST_ALONE = re.compile(r"The\s(?:first|second|third|previous|last)(?:\sone)?,\s(?:held\s)?in\s(?:[A-Z][a-z]+\s)?((?:19|20)\d{2}),\s")
# an imperative or first-person forecast ("Expect a sixth round ...", "My forecast: expect ...", "we expect ...")
_FORECAST = re.compile(r"(?:^|[:;]\s|\b(?:I|we|We)\s)[Ee]xpect\b")
# a pronoun for the exercise just named, with its last edition's year ("It was last held in 2022, when ...")
_IT_LAST_HELD = re.compile(r"It\s(?:was|were)\slast\s(?:held|staged|conducted|run|hosted)\s(?:in\s)?(?:[A-Z][a-z]+\s)?((?:19|20)\d{2})\b")
# a pronoun for the exercise just named as the subject of a verb of holding ("It has been held every season since 1998")
_IT_HELD = re.compile(r"It\s(?:has\sbeen|had\sbeen|was|is|will\sbe)\s(?:\w+ly\s)?(?:held|staged|conducted|run|hosted)\b")

# a relative year right before a name ("this year's X exercise", "next year's X")
_YEARS_BEFORE = re.compile(r"\b(this|last|next) year['’]s\s$", re.I)

def _next_edition(s: str, ph: PhraseHit, pub_year: int | None) -> int | None:
    """The year of a coming edition a phrase announces with a year ("The next edition, in 2027, ...", "next year's drill"), else None."""
    head = s[max(0, ph.start - 12):ph.end].casefold()  # ("next year's edition": the phrase starts at "year's")
    if not ("next " in head or (ph.ordinal and _PLANNED_AFTER.match(s, ph.end))):
        return None
    if "next year" in head:
        return pub_year + 1 if pub_year else None  # "next year's edition would be hosted near X"
    ym = _ANY_YEAR.search(s, ph.end, ph.end + 60)
    y = int(ym.group(0)) if ym else None
    return y if y and (pub_year is None or pub_year <= y <= pub_year + 5) else None


def _past_edition(s: str, ph: PhraseHit, pub_year: int | None) -> int | None:
    """The year of a past edition an edition phrase reports as held ("The 2024 edition took place in X"), else None."""
    held = _EDITION_HELD.match(s, ph.end)
    if held is None or not pub_year:
        return None
    yb = _YEAR_EDITION.search(s, max(0, ph.end - 20), ph.end)
    ya = _IN_YEAR.search(s, held.end(), min(len(s), held.end() + 40)) if yb is None else None
    y = int(yb.group(1)) if yb else int(ya.group(1)) if ya else None
    return y if y and y < pub_year else None


def _series_form(r: Record) -> str:
    """The series name as the text writes it in a record's first name form ("Interaction-2025" -> "Interaction")."""
    form = next((f for f, m in r.forms if m == "body"), r.forms[0][0] if r.forms else r.base or "")
    return re.sub(r"^Exercise\s+", "", _SERIES_TAIL.sub("", form).strip())


# the year a series has run since ("held annually since 2005"): no edition of that year is reported
_PERIOD_BOUND = re.compile(r"\b(?:since|[Uu]ntil|[Tt]ill)\s(?:19|20)\d{2}\b")  # ("until 2022": a period's bound, too)


def _own_years(text: str) -> str:
    """`text` with years that date no edition blanked out ("under a 2023 arrangement", "rescheduled for 2027", "since 2005", "until 2022")."""
    if "a 1" in text or "a 2" in text:
        text = _ATTR_YEAR.sub(lambda m: " " * len(m.group(0)), text)
    if "pon" in text or "sched" in text or "moved" in text or "pushed" in text or "delayed" in text or "deferred" in text:
        text = _MOVED_YEAR.sub(lambda m: " " * len(m.group(0)), text)
    if "since " in text or "ntil " in text or "ill " in text:
        text = _PERIOD_BOUND.sub(lambda m: " " * len(m.group(0)), text)
    return text


# a past year just before an exercise phrase ("In 2023 the edition was ...", "in November 2020, when the exercise was ...")
_YEAR_BEFORE = re.compile(r"\b[Ii]n\s(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s)?"
                          r"((?:19|20)\d{2}),?\s(?:when\s)?$")
# an edition named by an ordinal alone after another ("..., and the second in February 2023 off Durban")
_ELLIPTIC_EDITION = re.compile(r",\sand\sthe\s(?:second|third|fourth|fifth|sixth|next|latest)\sin\s(?:(?:January|February|March|April|May|June|July|"
                               r"August|September|October|November|December)\s)?((?:19|20)\d{2})\b")
# a sentence opening with a participle of holding, whose subject is the exercise just named
_HELD_OPEN = re.compile(r"(?:Held|Staged|Conducted|Hosted)\s(?:in|from|on|at|off|between|over)\s")
_WAS_HELD = re.compile(r"\s(?:was|were)\s(?:\w+ly\s)?(?:held|staged|organi[sz]ed|hosted|conducted|run|carried out)\b|\stook place\b")
# a country named only as a reference point for a place ("about 200 km south of Taiwan", "off Japan")
_PLACE_REF = re.compile(r"\b(?:(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+of|off|near)\s+$")
_RELATIVE = re.compile(r",\s(?:where|which|when|while)\b")
_ALSO_BEFORE = re.compile(r"\balso\s(?:[\w-]+\s){1,3}$")
# a sentence about a country's other, habitual drills ("The navy also holds regular drills with X"): no continuation of the exercise
_OTHER_DRILLS = re.compile(r"\b(?:regular|routine|frequent|other|separate|similar)\s(?:[\w-]+\s){0,2}(?:drills|exercises|patrols|practice|firings)\b")
_OTHER_WORDS = ("regular", "routine", "frequent", "other", "separate", "similar")  # one is in every match of _OTHER_DRILLS
_SEPARATE = re.compile(r"(?i)\b(?:separately|meanwhile|elsewhere|in a separate)\b")
# a notice issued for a drill ("issued a navigational warning for a live-firing drill"): the drill is announced
_NOTICE_FOR = re.compile(r"\b(?:warnings?|notices?|NOTAMs?|notifications?)\s(?:for|of)\s(?:an?|the)\s")
# a sentence opening that uses an exercise already reported as a point in time ("After X,", "Two weeks into X,")
_TIME_REF = re.compile(r"^(?:After|Before|Following|Ahead of|(?:(?:A|One|Two|Three|Four|Five|Several|Some|Days|Weeks|Hours|Months)\s+)?"
                       r"(?:(?:days?|weeks?|hours?|months?)\s+)?(?:after|into|before|ahead of))\s+(?:the\s+)?$")
_UMBRELLA_AFTER = re.compile(r"\s+series\b")
_IDENTIFY = re.compile(r"^(?:The|These|Both) (?:drills|exercises)(?: in question)? (?:are|were|include|included)\b")


@lru_cache(maxsize=None)
def _operations() -> frozenset[str]:
    """Standing operations among the known series (lower case): listed only when patrols under them are reported."""
    return frozenset(str(n).casefold() for n in load("exercises").get("operations") or [])


def mention_count(text: str) -> int:
    """How many exercise names a sentence carries (for ranking claims)."""
    return sum(1 for h in find_names(text) if not h.weak and not h.soft)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans blanked out (same length)."""
    for a, b in spans:
        a, b = max(0, a), min(len(text), b)
        if b > a:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


# "Field training will include ...", "The exercise also includes ...": the listed drills are the exercise's own
_OWN_PROGRAMME = re.compile(r"(?:The |Its |This year's )?(?:[Ff]ield |[Ll]ive |[Cc]ombined )?(?:training|exercise|drills?|programme|program|schedule)\s+"
                            r"(?:will\s+|also\s+|is to\s+){0,2}(?:include|includes|included|feature|features|featured|involve|involves)\b", re.I)
_OF_THIS_SCALE = re.compile(r"\s+(?:of (?:this|that|such|its|their) (?:scale|size|kind|type|magnitude|complexity)|on (?:this|that|such a) scale)\b")
_ACRONYM_AFTER = re.compile(r"\s?\(([A-Z]{2,6})\)")
# a verb or time word reporting an exercise as held now ("began their X drills on Monday", "X returns this week"): this year's edition
_HELD_NOW = re.compile(r"\b(?:began|begin|begins|opened|opens|launched|kicked off|got under way|is under way|are under way|held|hold|holds|holding|staged|"
                       r"stage|conducted|took place|takes place|is taking place|started|returns|returned|this week|this month|today|tomorrow|"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
# a sentence giving the exercise just named another name ("In Russian it's called X", "The drill is also known as X")
_ITS_CALLED = re.compile(r"\b(?:it|the (?:same )?(?:exercise|drills?|event|series))\s?(?:['’]s|\sis|\swas)\s(?:also\s|formerly\s|previously\s|once\s)?(?:called|known as)\s[\"“‘]?$", re.I)
# initials given as another name after "or" ("Cold Response Exercise 2024, or CRE 24, ...")
_OR_ACRONYM = re.compile(r",\sor\s(?P<f>(?P<a>[A-Z]{2,6})(?:[\s-]?\d{2})?)(?=[,;.)]|\s(?:is|was|will|has)\b)")


def _initials(name: str) -> tuple[str, str]:
    """The initials of a name's capitalised words, with and without the word "Exercise"."""
    words = [w for w in re.split(r"[\s/-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words), "".join(w[0] for w in words if w != "Exercise")


class _Builder:
    """The exercise records of one source, built sentence by sentence."""
    def __init__(self) -> None:
        self.records: list[Record] = []
        self.aliases: dict[tuple[str, int | None], Record] = {}
        self.section = 0
        self.ui = 0
        self.para = 0
        self.pub_year: int | None = None

    def salient(self, kind: str, exclude: Record | None = None) -> Record | None:
        """The exercise a phrase like "the drills" most likely means: mentioned in this section, often and recently."""
        cands = [r for r in self.records if r is not exclude and (kind == "any" or r.kind == kind or (kind == "exercise" and r.canon))]
        if not cands:
            return None
        return max(cands, key=lambda r: (r.sections[self.section] > 0, not r.past, r.count + self._recency(r), r.last, -r.rank))

    def _recency(self, r: Record) -> int:
        """A bonus for a record mentioned in this or the previous sentences."""
        if r.last < 0:
            return 0
        if self.ui - r.last <= 1:
            return 8
        if r.last_para == self.para:
            return 3
        return 1 if self.ui - r.last <= 3 else 0

    def named(self, canon: str, base: str, year: int | None, kind: str) -> Record:
        """The record for a named exercise (series + year or edition), upgrading a yearless record of the series."""
        c, bc = canon.casefold(), base.casefold()
        for r in self.records:
            if r.canon == c and r.year == year:
                return r
        past = bool(year and self.pub_year and year < self.pub_year)
        if year is not None or c != bc:
            for r in self.records:  # (a past year names a past edition: "X, which joined Y 2025, ..." leaves this year's Y, reported as held, alone)
                if r.base == bc and r.canon == bc and r.year is None and not (past and any(_HELD_NOW.search(t) for t, _, _ in r.segs)):
                    r.canon, r.year, r.key = c, year, (c, year)
                    return r
        r = Record((c, year), kind, c, year, bc)
        if year and self.pub_year and year < self.pub_year and any(o.base == bc and (o.year or self.pub_year) >= self.pub_year for o in self.records):
            r.past = True  # "X, which joined Balikatan 2025, ...": a past edition beside this year's, not what "the drills" means
        self.records.append(r)
        return r

    def latest(self, base: str) -> Record | None:
        """The most recently mentioned record of a series (not one the text introduced as a past edition, if another exists)."""
        cands = [r for r in self.records if r.base == base.casefold()]
        cands = [r for r in cands if not r.past] or cands
        return max(cands, key=lambda r: r.last) if cands else None

    def absorb(self, src: Record, dst: Record) -> None:
        """Merge an unnamed record into the named one the text gives it ("dubbed X")."""
        if src not in self.records or src is dst:
            return
        dst.segs[:0], dst.mentions[:0], dst.focus[:0] = src.segs, src.mentions, src.focus
        dst.ends[:0], dst.fulls[:0], dst.clauses[:0] = src.ends, src.fulls, src.clauses
        dst.count += src.count
        dst.year_hint = dst.year_hint or (src.year_hint if dst.year is None else None)
        dst.past = dst.past or src.past
        self.records.remove(src)

    def alias(self, h: NameHit, r: Record) -> Record:
        """Record `h` as another name of `r`, merging a record already made under that name."""
        self.aliases[(h.canon.casefold(), h.year)] = r
        other = next((o for o in self.records if o is not r and o.canon == h.canon.casefold() and o.year == h.year), None)
        if other is not None:
            r.forms.extend(other.forms)
            self.absorb(other, r)
        return r

    def new(self, key: tuple, kind: str) -> Record:
        """The record for an unnamed exercise key, created on first use."""
        for r in self.records:
            if r.key == key:
                return r
        r = Record(key, kind)
        self.records.append(r)
        return r


def _foreign_phrase(s: str, ph: PhraseHit, r: Record) -> bool:
    """Whether a definite phrase names countries ("the Latvian-Estonian drill") none of which the record's mentions name."""
    own = {c for _, _, c in country_spans(s[ph.start:ph.end])}
    return bool(own) and not own & {c for full, _ in r.fulls for _, _, c in country_spans(full)}


def _echoed(b: _Builder, s: str, ph: PhraseHit) -> Record | None:
    """The unnamed exercise whose introducing phrase a definite phrase repeats ("a new air-defence exercise ... The new exercise")."""
    if ph.det != "the" or ph.ordinal:
        return None
    words = _TOKEN.findall(s[ph.start:ph.end].casefold())[1:-1]
    if not words:
        return None
    for r in reversed(b.records):
        if r.canon is None and r.segs and r.segs[0][1] == "explicit":
            intro = r.segs[0][0][r.focus[0]:r.focus[0] + 60].casefold()
            if intro.startswith(("a ", "an ")) and all(re.search(rf"\b{re.escape(w)}\b", intro) for w in words):
                return r
    return None


class _Context:
    """Lazily computed facts about one sentence: does it name a place, a date?"""

    def __init__(self, text: str, year: int | None) -> None:
        self.text, self.year = text, year
        self._placed: bool | None = None
        self._dated: bool | None = None

    @property
    def placed(self) -> bool:
        """Whether the sentence names a place."""
        if self._placed is None:
            self._placed = bool(locations(self.text))
        return self._placed

    @property
    def dated(self) -> bool:
        """Whether the sentence states a date or a relative time ("on Monday", "this week")."""
        if self._dated is None:
            self._dated = relative_time(self.text) or any(d.start or not d.has_year for d in find_dates(self.text, self.year))
        return self._dated


def _creates(text: str, ph: PhraseHit, ctx: _Context) -> bool:
    """Whether an indefinite exercise phrase introduces a new unnamed exercise (with a place or date)."""
    if ph.kind == "any" or ph.generic or ph.det in {"poss"} and not ph.ordinal and not ph.defining:
        return False
    if not (ph.defining or status_rx()["event"].search(lower(text)) or _NOTICE_FOR.search(text, max(0, ph.start - 40), ph.start + 2)):
        return False
    if "would " in text or "could " in text or "might " in text or "will " in text or "may " in text:
        if _HEDGED.search(text, max(0, ph.start - 140), ph.start):
            return False  # "it was likely X would respond with its own drill off Y": a drill only forecast
    return ctx.placed or ctx.dated


def find_exercises(source: str, text: str, units: list[Unit], published: str | None) -> list[Exercise]:
    """Every exercise the source reports, one record per exercise with all its mentions."""
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    if not (_ANY_EXERCISE.search(lower(text)) or _NAME_SHAPE.search(text) or series_matches(text)):
        return []  # no exercise, drill, manoeuvre, patrol or exercise name is mentioned at all
    b = _Builder()
    b.pub_year = pub_year
    extra = exercise_bases([u.sent.text for u in units])
    ordinals = {int(m.group(1)) for m in _EDITION_ORDINAL.finditer(text)} if "edition" in text or "iteration" in text or "round" in text else set()
    numbered: set[str] = set()  # series whose two-digit suffixes the text shows to be edition numbers
    item_secs: set[int] = set()  # sections a digest's item line opened
    for ui, u in enumerate(units):
        b.ui, b.para = ui, u.para
        s = u.sent.text
        if u.heading:
            b.section += 1
        elif (s[:1].isdigit() or "(" in s[:50]) and _ITEM_HEAD.match(s):
            b.section += 1  # a digest's item line, "3. Outlet (City): headline", starts a story of its own
            item_secs.add(b.section)
        names = find_names(s, extra)
        places = [(a, b) for a, b, _ in place_spans(s)] if any(h.weak for h in names) else []
        names = [h for h in names if not (h.weak and (any(a <= h.start < b for a, b in places)
                                                   or _CAP_BEFORE.search(s[:h.start])
                                                   or _CAP_AFTER.match(s[h.end:])))]
        phrases = [] if (u.heading or u.table) else find_phrases(s, names)
        masked = _mask(s, [(h.start, h.end) for h in names])
        refs: list[tuple[int, Record, str]] = []
        ref_end: dict[int, int] = {}
        ident = _IDENTIFY.match(s)
        prev: tuple[NameHit, Record] | None = None
        for h in names:
            r: Record | None
            if prev is not None and _ALIAS_GAP.fullmatch(s[prev[0].end:h.start]) and s[h.end:h.end + 1] == ")":
                # "Exercise Siil (Hedgehog)", "Zapad-2025 (Запад-2025)": one exercise, two names
                r = prev[1] if h.canon.casefold() == prev[1].canon else b.alias(h, prev[1])
                r.forms.append((h.name, "alias"))
                prev = None
                continue
            if (h.canon.casefold(), h.year) in b.aliases:
                r = b.aliases[(h.canon.casefold(), h.year)]
                r.forms.append((h.name, "alias"))
                refs.append((h.start, r, "explicit"))
                ref_end[id(r)] = h.end
                continue
            if " called " in s[max(0, h.start - 12):h.start] or " known as " in s[max(0, h.start - 12):h.start]:
                sal = b.salient("any") if _ITS_CALLED.search(s, max(0, h.start - 40), h.start) and not any(o.end <= h.start for o in names) else None
                if sal is not None and sal.canon and h.year in (None, sal.year):
                    sal.forms.append((h.name, "alias"))  # "In Russian it's called X-2026": another name of the exercise just named
                    for y in {None, h.year}:
                        b.aliases.setdefault((h.canon.casefold(), y), sal)
                    refs.append((h.start, sal, "explicit"))
                    ref_end[id(sal)] = h.end
                    continue
            two = re.search(r"(?<![\d'])\d{2}$", h.name) if h.year else None
            if two and (int(two.group(0)) in ordinals or h.base.casefold() in numbered):
                numbered.add(h.base.casefold())  # "the 14th edition of ... Medusa", "Medusa-14", "Medusa-13": edition numbers
                h = replace(h, year=None, canon=f"{h.canon}-{two.group(0)}")
            elif h.year and pub_year and h.year > pub_year + 1 and two:
                suffix = re.search(r"\d+$", h.name)  # "Han Kuang 40": an edition number, not a year
                h = replace(h, year=None, canon=f"{h.canon}-{suffix.group(0) if suffix else h.year}")
            kind = "patrol" if "patrol" in h.canon.casefold() else "exercise"
            if (s[h.end:h.end + 1] == "," and _TIME_REF.match(s[:h.start]) and any(r.base == h.base.casefold() for r in b.records)
                    and _ANY_EXERCISE.search(lower(s[h.end:]))):
                continue  # "After X, the two navies will hold exercise Y": X only dates the other exercise
            if _UMBRELLA_AFTER.match(s, h.end) and h.year and pub_year and h.year < pub_year:
                continue  # "last staged as part of NATO's X 2024 series": a past umbrella of exercises, named as context
            if ", if " in s[h.end:h.end + 6] and _HYPOTHETICAL.match(s, h.end):
                continue  # "A X-2025B, if held, would ...": an edition only imagined
            if h.year is None and h.canon == h.base and "lly " in s and _HABIT.search(s, 0, h.start) and b.latest(h.base) is None:
                continue  # "Jakarta usually keeps its landing drills for X": the series as a habit, no edition reported
            if h.year is None and s.startswith(" series", h.end) and not s.startswith(" series of", h.end) and b.latest(h.base) is None:
                continue  # "The X series usually comes in autumn": the series named, no edition reported
            if h.year is None and "xpect" in s and _FORECAST.search(s, 0, h.start):
                continue  # "expect another X round next spring": a forecast of the series, no edition reported
            if h.base.casefold() in _operations() and not _PATROLS_HELD.search(s):
                continue  # "NATO launched its X mission in January": an operation named, no patrol reported
            if h.year is not None or h.canon != h.base:
                r = b.named(h.canon, h.base, h.year, kind)
            else:
                other = explicit_year(_own_years(masked))
                ry = _YEARS_BEFORE.search(s, max(0, h.start - 14), h.start) if pub_year and "year" in s[max(0, h.start - 14):h.start] else None
                if ry:  # "this year's X exercise": the edition of the article's year, whatever other year the sentence names
                    other = pub_year + {"next": 1, "last": -1, "this": 0}[ry.group(1).lower()]
                if other and any(o is not h and o.year is None and not o.weak and o.start < masked.find(str(other)) < h.start for o in names):
                    other = None  # "X, held in 2024, gives a role it lacks in Y": the year belongs to the name before it
                if other and any(o.year is None and not o.weak and h.end < o.start < masked.find(str(other))
                                 and not _COORD.search(s, h.end, o.start) for o in names):
                    other = None  # "X followed two rounds of Y drills in 2024": the year belongs to the name nearer it
                existing = b.latest(h.base)
                if other and not h.weak and any(o.year == other and o.base != h.base and not o.weak for o in names):
                    continue  # "X was last staged in 2024, when it was renamed Y 2024": that year's edition is the other name
                # (a one-word series the text already named, said to be held in a past year: "X, held since 2005, was hosted by Y in 2024")
                known = h.weak and existing is not None and existing.year and other and other < existing.year and _WAS_HELD.search(s, h.end)
                first = h.weak and other and pub_year and other < pub_year and _FIRST_OF.search(s, max(0, h.start - 16), h.start)
                if other and (existing is None or existing.year != other) and (not h.weak or known or first):
                    r = b.named(h.canon, h.base, other, kind)  # ("The first X was held off Y in 2019": the first edition, a past one)
                    r.past = r.past or bool(first)
                elif existing is not None:
                    r = existing
                elif not h.weak:
                    r = b.named(h.canon, h.base, None, kind)
                else:
                    continue
            r.forms.append((h.name, "heading" if u.heading else ("title" if u.kind in ("title", "question") else "body")))
            back = h.start
            for tok in reversed(list(_TOKEN.finditer(s[max(0, h.start - 80):h.start]))):
                w = tok.group(0)
                if s[max(0, h.start - 80) + tok.end():back].strip():
                    break
                if not (w.endswith(("'s", "’s")) or w[:1].isupper() or w.casefold() in _NAME_LEAD):
                    break
                back = max(0, h.start - 80) + tok.start()
            refs.append((back, r, "explicit"))
            ref_end[id(r)] = h.end
            prev = (h, r)
            acr = _ACRONYM_AFTER.match(s, h.end) if "(" in s[h.end:h.end + 3] else None
            if acr and acr.group(1) == "".join(w[0] for w in h.name.split() if w[:1].isupper() and w != "Exercise"):
                for y in {None, r.year}:  # "Ulchi Freedom Shield (UFS)": the initials name the same exercise later
                    b.aliases.setdefault((acr.group(1).casefold(), y), r)
            orm = _OR_ACRONYM.match(s, h.end) if s.startswith(", or ", h.end) else None
            if orm and orm.group("a") in _initials(h.name):
                r.forms.append((orm.group("f"), "alias"))  # "X Exercise 2025, or XE 25, ...": its initials name it later
                for y in {None, r.year}:
                    b.aliases.setdefault((orm.group("a").casefold(), y), r)
        om = _OP_NAMED.search(s) if not names and "peration, " in s else None
        if om and (sal := b.salient("any")) is not None and sal.canon is None and sal.last == ui - 1:
            r = b.named(om.group("n"), om.group("n"), None, sal.kind)  # "... began a joint patrol. The operation, named Operation X, ...": its name
            r.forms.append((om.group("n"), "body"))
            b.absorb(sal, r)
            refs.append((om.start("n"), r, "explicit"))
            ref_end[id(r)] = om.end("n")
        fm = _FIRST_ALONE.match(s) if not names and s.startswith("The ") and ui and "edition" in units[ui - 1].sent.text else None
        if fm and pub_year and int(fm.group(1)) < pub_year and locations(masked):
            r = b.new(("#year", int(fm.group(1))), "exercise")  # "It is the third edition. The first, in 2021, was held off X": a past one
            r.year = r.year_hint = int(fm.group(1))
            r.past = True
            refs.append((0, r, "explicit"))
            ref_end[id(r)] = fm.end()
        if not names and s.startswith("It ") and (sal := b.salient("any")) is not None and sal.last == ui - 1:
            it = _IT_LAST_HELD.match(s)
            if it and sal.base:
                r = b.named(sal.base, sal.base, int(it.group(1)), sal.kind)  # "It was last held in 2022, when ...": the series just named
                r.past = True
                if not r.forms:
                    r.forms.append((_series_form(sal), "body"))
                refs.append((0, r, "explicit"))
                ref_end[id(r)] = it.end()
            elif _IT_HELD.match(s):
                refs.append((0, sal, "anaphor"))  # "It has been held every year since 1998, and ...": the exercise just named
                ref_end.setdefault(id(sal), 2)
        if ", " in s and names:
            last = next((r for r in b.records if r.canon is None and r.past and r.last == ui - 1), None) if ui else None
            for h in names:
                if h.weak or s[max(0, h.start - 2):h.start] != ", ":
                    continue
                named_r = next((r for p0, r, m in refs if m == "explicit" and ref_end.get(id(r)) == h.end), None)
                if named_r is None:
                    continue
                cue = _PAST_CUE.search(s, max(0, h.start - 70), h.start)
                if cue and _APPOS_GAP.fullmatch(s, cue.end(), h.start):
                    named_r.past = True  # "Last year's edition, X LXV, ...", "The previous edition, X 2024, ...": a past edition
                    if "year" in cue.group(0) and named_r.year is None and pub_year:
                        named_r.year_hint = named_r.year_hint or pub_year - 1
                if last is not None and _THAT_ONE.search(s, max(0, h.start - 60), h.start):
                    b.absorb(last, named_r)  # "Last year's edition took place at X. That drill, Y-13, ...": one exercise
                    last = None
        if u.heading or u.table or u.kind in ("title", "question"):
            pass
        else:
            ctx = _Context(masked, pub_year)
            strong_names = [h for h in names if not h.weak]
            for ph in phrases:
                if any(ph.start - h.end in (1, 2) and s[h.end:ph.start].strip() in (",", "(") for h in names) and ph.det in DEFINITE:
                    continue  # appositive: "Zapad-81, the Soviet manoeuvres of 1981"
                if any(h.start - ph.end in (4, 5) and s[ph.end:h.start].strip() in ("of", "of the") for h in names):
                    continue  # "the second phase of Malabar 2020"
                appos = next((h for h in names if h.start >= ph.end and not h.weak and _APPOS_GAP.fullmatch(s, ph.end, h.start)), None)
                if appos is not None:  # "its first exercise with X, Name-2024": the phrase is the name's appositive
                    continue
                if "xpect" in s and _FORECAST.search(s, 0, ph.start):
                    continue  # "My forecast: expect the eleventh patrol in 2026": the writer's forecast, no exercise reported
                past_ed = None
                if b.records and not ph.generic and s.endswith(("edition", "iteration"), 0, ph.end):  # (an undated text's "now": its latest named edition)
                    past_ed = _past_edition(s, ph, pub_year or max((r.year for r in b.records if r.canon and r.year), default=None))
                if past_ed is not None and (sal := b.salient(ph.kind)) is not None and sal.base:
                    r = b.named(sal.base, sal.base, past_ed, sal.kind)  # "The 2024 edition took place in X": that year's edition of the series
                    r.past = True
                    if not r.forms:
                        r.forms.append((_series_form(sal), "body"))
                    refs.append((ph.start, r, "explicit"))
                    ref_end[id(r)] = ph.end
                    continue
                next_ed = (_next_edition(s, ph, pub_year) if not ph.generic and not strong_names
                           and (ph.kind != "any" or s.endswith(("edition", "iteration"), 0, ph.end)) else None)  # (not "the next phase")
                if next_ed is not None and (ctx.placed or prep_places(masked)):
                    r = b.new(("#next", next_ed), "exercise")  # "The next edition, in 2027, will be hosted near X": a planned exercise
                    r.year = r.year_hint = next_ed
                    refs.append((ph.start, r, "explicit"))
                    ref_end[id(r)] = ph.end
                    continue
                if ph.det == "poss" and pub_year and _LAST_YEARS.search(s, max(0, ph.start - 6), ph.end) and (ctx.placed or prep_places(masked)):
                    r = b.new(("#last", ui, ph.start), "exercise")  # "Last year's edition took place at X": the past edition
                    r.year_hint, r.past = pub_year - 1, True
                    refs.append((ph.start, r, "explicit"))
                    ref_end[id(r)] = ph.end
                    continue
                if b.records and _SUB_EVENT.search(s, max(0, ph.start - 250), ph.start):
                    # "planned events include ... a disaster-response drill on X": part of the exercise, and its place
                    same = b.salient(ph.kind) if ((ph.start - 120 > 0 and not _SUB_EVENT.search(s, ph.start - 120, ph.start))
                                                  or _OWN_PROGRAMME.match(s)) else None
                    if same is not None and not any(p0 == ph.start for p0, _, _ in refs):
                        refs.append((ph.start, same, "anaphor"))
                        ref_end.setdefault(id(same), ph.end)
                    continue
                if ph.det == "a" or ph.det == "an" or ph.det is None:
                    if (ph.det and s[max(0, ph.start - 6):ph.start] == ", and " and strong_names and ph.kind != "any" and not ph.generic
                            and any(h.end < ph.start for h in strong_names) and _creates(masked, ph, ctx)):
                        r = b.new(("#new", ui, ph.start), ph.kind)  # "followed X-2024, held off Y, and a joint patrol near Z": a second exercise
                        refs.append((ph.start, r, "explicit"))
                        ref_end[id(r)] = ph.end
                        continue
                    if ph.det and _ACRONYM_AFTER.match(s, ph.end) and ph.kind != "any" and _creates(masked, ph, ctx):
                        r = b.new(("#new", ui, ph.start), ph.kind)  # "held a passing exercise (PASSEX) with X off Y": a drill of its own kind
                        refs.append((ph.start, r, "explicit"))
                        ref_end[id(r)] = ph.end
                        continue
                    fresh = next((r for p0, r, m in refs if m == "explicit" and r.canon is None and r.key[0] == "#new" and r.key[1] == ui), None)
                    if fresh is not None and ph.det is None:
                        refs.append((ph.start, fresh, "anaphor"))  # "..., practising formation manoeuvres": the drill this sentence introduced
                        continue
                    if strong_names or (_OF_BEFORE.search(s[max(0, ph.start - 25):ph.start]) and not _TO_HOLD.search(s, max(0, ph.start - 25), ph.start)):
                        continue  # "the fifth edition of a trilateral drill": the series, not a new exercise
                    # (a paragraph opening "A planned drill ..." introduces another exercise, not the one described before)
                    opens = ph.det and ph.start == 0 and ui and units[ui - 1].para != u.para
                    same = b.salient(ph.kind) if not ph.ordinal and not opens else None
                    ca, cb = focus_clause(s, ph.start) if same is not None else (0, 0)
                    rel = _RELATIVE.search(s, ph.end, cb) if ", " in s[ph.end:cb] else None
                    cb = rel.start() if rel else cb  # (countries of a relative clause after it are not the drill's actors)
                    own = country_spans(s[ca:cb]) if same is not None else []
                    own = [c for c in own if not _PLACE_REF.search(s, max(0, ca + c[0] - 30), ca + c[0])]  # "200 km south of Taiwan": a place
                    if own and same.canon and not _SEPARATE.search(s, 0, ph.start):
                        also = _ALSO_BEFORE.search(s, max(ca, ph.start - 40), ph.start)
                        mine = {c for (_, m, _), (full, _) in zip(same.segs, same.fulls) if m in ("explicit", "anaphor") for _, _, c in country_spans(full)}
                        # "US Marines will also stage a drill at X": a part of the exercise its forces run; so is a drill that
                        # one of its several countries runs, told in the next paragraph ("Ghana hosted a command post exercise in A")
                        if also or (same.last_para >= u.para - 1 and len({c[2] for c in own}) == 1 and {c[2] for c in own} < mine
                                    and not _NOT_DONE.search(s, ca, ph.start)):
                            own = [c for c in own if c[2] not in mine]
                    if same is not None and not ph.generic and not own:
                        refs.append((ph.start, same, "anaphor"))  # "Drills will be held in ...": the exercise already named
                        ref_end.setdefault(id(same), ph.end)
                        continue
                    if ph.kind != "any" and not ph.generic and _creates(masked, ph, ctx):
                        r = b.new(("#new", ui, ph.start), ph.kind)
                        refs.append((ph.start, r, "explicit"))
                        ref_end[id(r)] = ph.end
                    continue
                if ph.ordinal and ph.kind != "any" and not ph.generic and _COPULA_BEFORE.search(s, max(0, ph.start - 20), ph.start):
                    same = b.salient(ph.kind)  # "The flight was the tenth joint patrol": the one just described
                    if same is not None:
                        refs.append((ph.start, same, "anaphor"))
                        ref_end.setdefault(id(same), ph.end)
                        continue
                if ph.ordinal and ph.kind != "any" and not ph.generic and _OF_THIS_SCALE.match(s, ph.end):
                    same = b.salient(ph.kind)  # "will take part in its first exercise of this scale": the one described
                    if same is not None:
                        refs.append((ph.start, same, "anaphor"))
                        ref_end.setdefault(id(same), ph.end)
                        continue
                if ph.ordinal and ph.kind != "any" and not ph.generic:
                    r = b.new(("#ord", ph.ordinal, ph.kind), ph.kind)
                    refs.append((ph.start, r, "explicit"))
                    ref_end[id(r)] = ph.end
                    continue
                if ph.generic:
                    continue
                yb = _YEAR_BEFORE.search(s, max(0, ph.start - 40), ph.start) if pub_year and ph.det == "the" and not strong_names else None
                if yb and int(yb.group(1)) < pub_year and _WAS_HELD.match(s, ph.end) and ctx.placed:
                    y = int(yb.group(1))  # "In 2023 the edition was organised in X": that year's past edition, unnamed
                    r = next((o for o in b.records if o.year == y or (o.canon is None and o.year_hint == y)), None)
                    if r is None:
                        r = b.new(("#year", y), "exercise" if ph.kind == "any" else ph.kind)
                        r.year = r.year_hint = y  # (its year is the one before the phrase, not another year of the sentence)
                        r.past = True
                    refs.append((ph.start, r, "explicit"))
                    ref_end[id(r)] = ph.end
                    continue
                if ph.det in ("its", "their") and _SEPARATE.match(s) and not names and _creates(masked, ph, ctx):
                    r = b.new(("#new", ui, ph.start), ph.kind)  # "Separately, the navy said it will hold its regular drills off X": another exercise
                    refs.append((ph.start, r, "explicit"))
                    ref_end[id(r)] = ph.end
                    continue
                here = {id(r): r for p0, r, m in refs if m == "explicit" and p0 < ph.start and r.canon and (ph.kind != "patrol" or r.kind == "patrol")}
                target = next(iter(here.values())) if len(here) == 1 else (_echoed(b, s, ph) or b.salient(ph.kind))  # the one exercise named before it here
                if target is not None and len(here) != 1 and ph.det == "the" and _foreign_phrase(s, ph, target):
                    target = None  # "the planned Latvian-Estonian drill" after a Polish exercise: another pair's exercise
                if target is None and _creates(masked, ph, ctx):
                    target = b.new(("#new", ui, ph.start), ph.kind)
                if target is not None:
                    refs.append((ph.start, target, "anaphor"))
                    ref_end.setdefault(id(target), ph.end)
        if pub_year and refs and ", and the " in s:
            for m in _ELLIPTIC_EDITION.finditer(s):
                y = int(m.group(1))
                first = next((o for p0, o, md in refs if p0 < m.start() and md == "explicit"), None)
                if y >= pub_year or first is None:
                    continue
                r = next((o for o in b.records if o.year == y), None) or b.new(("#year", y), "exercise")
                if r.canon is None:  # "The first X took place off A in 2019, and the second in 2023 off B": an unnamed past edition
                    r.year = r.year_hint = y
                    r.past, r.base = True, r.base or first.base  # (of the same series: its hosts take part)
                refs.append((m.start(), r, "explicit"))
                ref_end[id(r)] = m.end()
        refs.sort(key=lambda t: t[0])
        if len(refs) > 1:  # "X, when ... a large part of the drills around Y": a phrase for the exercise just named goes on with its segment
            refs = [t for i, t in enumerate(refs) if not (i and t[1] is refs[i - 1][1] and refs[i - 1][2] == "explicit" and t[2] == "anaphor")]
        if not refs and not u.heading and not u.table and b.records and _HELD_OPEN.match(s) and u.kind != "assessment":
            target = b.salient("any")  # "Held in late August in the Philippine Sea, it brought together ...": the exercise just named
            if target is not None:
                refs.append((0, target, "anaphor"))
        if not refs and not u.heading and b.records and (u.table or (u.kind == "claim" and _CONTINUE.search(lower(s))
                                                                     and not (any(w in s for w in _OTHER_WORDS) and _OTHER_DRILLS.search(s))
                                                                     and not (_SEPARATE.match(s) and _ANY_EXERCISE.search(lower(s))))):
            target = b.salient("any")
            if target is not None and (u.table or b.section not in item_secs or target.sections[b.section] > 0):  # (not into another digest item)
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
            r.fulls.append((masked, a))
            if mode in ("explicit", "anaphor") and u.kind != "assessment":
                ca, cb = focus_clause(masked, pos)
                r.clauses.append(masked[ca:cb])
            r.focus.append(max(0, pos - a))
            r.ends.append(max(0, ref_end.get(id(r), pos) - a))
            if mode in ("explicit", "anaphor") or u.heading:
                span = (u.sent.start, u.sent.end)
                if span not in r.mentions:
                    r.mentions.append(span)
                r.count += 1
                r.sections[b.section] += 1
            if r.last != ui:
                r.rank = i
            r.last = ui
            r.last_para = u.para
        if any(w in s for w in _DUBBED_WORDS) and _DUBBED.search(s):
            named = [r for _, r, m in refs if r.canon and m == "explicit"]
            unnamed = [r for _, r, m in refs if r.canon is None and r is not (named[0] if named else None)]
            if named and unnamed:
                b.absorb(unnamed[0], named[0])  # "The drill, dubbed Maritime Security Belt 2025, ..."
        if ident and refs:
            prev = units[ui - 1].sent.text if ui else ""
            if status_rx()["cancelled"].search(lower(prev)):
                for _, r, _m in refs:
                    r.inherit_status = "cancelled"
    _absorb_introductions(b, units, extra)
    _drop_comparisons(b, pub_year)
    return _drop_place_names(_drop_umbrellas(_edition_aliases(finish(source, b.records, units, published, pub_year))))


def _drop_place_names(exs: list[Exercise]) -> list[Exercise]:
    """Without a yearless "name" that is another exercise's venue ("the Aktau exercise", "the Korab drill" for one held at Mount Korab)."""
    if len(exs) < 2:
        return exs
    out = []
    for e in exs:
        n = e.name.casefold() if e.name and e.year is None else ""
        if n and any(o is not e and any(p.casefold() == n or p.casefold().endswith(" " + n) for p in o.locations) for o in exs):
            continue  # (a place standing for the exercise held there, not a second exercise)
        out.append(e)
    return out


def _drop_umbrellas(exs: list[Exercise]) -> list[Exercise]:
    """Without a bare series name of a year whose lettered editions are listed too ("two rounds of X drills in 2024": X-2024A, X-2024B)."""
    keys = [(normalise(e.name), e.year) if e.name and e.year else None for e in exs]
    lettered = [k for k in keys if k and not k[0].endswith(str(k[1])) and str(k[1]) in k[0]]
    if not lettered:
        return exs
    return [e for e, k in zip(exs, keys) if not (k and not any(c.isdigit() for c in k[0])
                                                   and any(o[1] == k[1] and o[0].startswith(k[0] + str(k[1])) for o in lettered))]


def _edition_aliases(exs: list[Exercise]) -> list[Exercise]:
    """Without the bare series name as an alias of one edition when the text reports several editions of the series."""
    years: dict[str, set] = {}
    for e in exs:
        if e.series:
            years.setdefault(normalise(e.series), set()).add(e.year)
    if not any(len(y) > 1 for y in years.values()):
        return exs
    out = []
    for e in exs:
        key = normalise(e.series) if e.series else ""
        if key and len(years.get(key, ())) > 1 and any(normalise(a) == key for a in e.aliases):
            e = replace(e, aliases=tuple(a for a in e.aliases if normalise(a) != key))  # "RIMPAC" names none of RIMPAC 1971, 2024, 2026
        out.append(e)
    return out


_COMPARE_BEFORE = re.compile(r"\b(?:along with|as well as|such as|similar to|compared (?:with|to)|unlike|like)\s+(?:the\s+|its\s+|their\s+)?"
                             r"(?:[a-z][\w-]*\s+){0,2}$")


# a past edition named only as the measure of a comparison ("up from 2.1 tonnes in X 2025", "half the number held during X 2025")
_COMPARE_PAST = re.compile(r"\b(?:than|up from|down from|compared (?:with|to)|half|twice|double)\b(?:[^.;:]|\.\d){0,50}?\b(?:in|during|at)\s+(?:the\s+)?$")


def _drop_comparisons(b: _Builder, pub_year: int | None = None) -> None:
    """"... one of two major exercises the allies hold each year, along with the springtime X": X named only to compare."""
    for r in [r for r in b.records if r.canon and r.count == 1 and r.segs[0][1] == "explicit"]:
        if r.year is None and len(r.segs) > 1:
            continue
        full, a = r.fulls[0]
        pos = a + r.focus[0]
        if pos <= 0:
            continue
        if r.year is None and _COMPARE_BEFORE.search(full, max(0, pos - 60), pos):
            b.records.remove(r)
        elif r.year and pub_year and r.year < pub_year and _COMPARE_PAST.search(full, max(0, pos - 70), pos):
            b.records.remove(r)


_POSS_SUBJECT = re.compile(r"(?:The|[A-Z][\w.-]*['’]s)\s")


def _absorb_introductions(b: _Builder, units: list[Unit], extra: frozenset[str]) -> None:
    """"Russia's own major exercise of the year took place in X. Umka-2026 ran from ...": the next sentence names it."""
    for r in [r for r in b.records if r.canon is None and r.count == 1 and len(r.segs) == 1 and r.segs[0][1] == "explicit"]:
        ui = r.segs[0][2]
        if ui + 1 >= len(units) or units[ui + 1].para != units[ui].para or not _POSS_SUBJECT.match(units[ui].sent.text):
            continue
        if r.focus[0] > 40:
            continue  # the unnamed exercise is not the sentence's subject
        hits = [h for h in find_names(units[ui + 1].sent.text, extra) if not h.weak]
        if not hits or hits[0].start > 0:
            continue
        target = next((t for t in b.records if t.canon and t.base == hits[0].base.casefold() and t.year == hits[0].year
                       and any(u == ui + 1 and m == "explicit" for _, m, u in t.segs)), None)
        if target is not None:
            b.absorb(r, target)
