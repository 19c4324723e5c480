"""Exercise names in text: known series (with transliterations) and name shapes like "Zapad-2021"."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .resources import alternation, country_index, load, places, series_index, series_matches, word_alternation


def place_like(name: str) -> bool:
    """True when a capitalised phrase is a gazetteer place ("the Black Sea drills" names no exercise)."""
    return any(b - a >= len(name) - 1 for a, b, _ in places(name))

# a Roman-numeral edition of two or more letters, or V or X ("LXVI", "XXIV", "IX"; not a lone "I", "C" or "L")
ROMAN = r"(?=[IVXLC]{2,}(?![\w'’-])|[VX](?![\w'’-]))C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# a capital letter, Latin with accents or Cyrillic ("Élan", "Øresund", "Запад")
_CAP = r"[A-ZÀ-ÖØ-ÞİА-ЯЁ]"
_YEAR_SUFFIX = r"(?:[-‐–]\s?|\s)(?P<y>(?:19|20)\d{2}|'?\d{2})(?:-\d|(?P<l>[A-D])(?![\w%]))?(?![\w%])"
# (the left boundary is checked after the first capital, so the regex scans for capitals fast)
_HYPHEN_NAME = re.compile(rf"(?P<n>(?:{_CAP}(?<![\w/-]{_CAP})[\w'’]*(?:[ /]{_CAP}[\w'’]*){{0,3}}))-(?P<y>(?:19|20)\d{{2}}|\d{{2}})(?![\w%-])")
_HYPHEN_DIGITS = re.compile(r"-\d\d")
# (a lower-case Arabic particle may join a word: "Bab el-Mandeb Guardian 25")
_SPACE_NAME = re.compile(rf"(?P<n>{_CAP}(?<![\w/-]{_CAP})[\w'’]*(?:\s(?:[ae][lnrsdtz]-)?{_CAP}[\w'’]*){{0,3}})\s(?P<y>(?:19|20)\d{{2}}|\d{{2}})(?![\w%,.]\d|[\w%])")
_EXERCISE_WORD = re.compile(r"(?i)^\s*(?:(?:joint|naval|military|strategic|maritime|air|annual|multinational|bilateral|trilateral|"
                            r"command-staff|command|staff|peacekeeping|amphibious|combined|large-scale|tactical|field|live-fire|"
                            r"anti-submarine|international|landing)\s+){0,3}(?:exercises?|drills?|manoeuvres|maneuvers|war\s?games?|wargames?)\b")
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_LEAD_STOP = {"The", "In", "On", "At", "By", "For", "From", "And", "But", "As", "Since", "During", "After", "Before", "While",
              "When", "With", "Of", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our", "Separately", "Meanwhile"}


@dataclass(frozen=True)
class NameHit:
    """One exercise name in a sentence: offsets relative to the sentence, as written."""

    start: int
    end: int
    name: str
    series: str
    canon: str
    year: int | None
    weak: bool = False
    base: str = ""
    soft: bool = False  # read only from an appositive or a lower-case exercise noun beside it (does not raise a claim's rank)


def normalise(name: str) -> str:
    """Lower-case letters and digits only, without generic words, for comparing names."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"\b(?:exercise|drills?|the|joint|naval)\b", " ", s)
    return re.sub(r"[\W_]+", "", s)


def full_year(y: str | None) -> int | None:
    """A four-digit year from "2021", "21" or "'21"."""
    if not y:
        return None
    y = y.lstrip("'")
    v = int(y)
    if len(y) == 2:
        v += 1900 if v >= 50 else 2000
    return v if 1940 <= v <= 2049 else None


@lru_cache(maxsize=None)
def _stop() -> tuple[frozenset[str], re.Pattern[str]]:
    """(names that are no exercises, regex of words that show a name is no exercise)."""
    data = load("exercises")
    bad = frozenset(str(w).casefold() for w in data.get("not_names") or [])
    words = alternation([str(w) for w in data.get("not_name_words") or []], flags=re.I, left=r"\b", right=r"\b")
    return bad, words


@lru_cache(maxsize=1)
def _headline_stops() -> frozenset[str]:
    """Title-case headline words that end a name ("Exercise X Concludes Off Y")."""
    return frozenset(str(w) for w in load("exercises").get("headline_stops") or [])


def _headline_cut(n: str) -> str:
    """`n` up to its first headline word after the first ("X Concludes Off Y" -> "X")."""
    if " " not in n:
        return n
    toks = n.split(" ")
    stops = _headline_stops()
    k = next((i for i, t in enumerate(toks) if i and t in stops), len(toks))
    return " ".join(toks[:k])


def canonical(series: str) -> str:
    """The canonical series of a spelling ("Caucasus" -> "Kavkaz"), else the spelling itself."""
    spell = series_index()[0]
    return spell.get(series.casefold(), series)


def series_key(name: str) -> str:
    """Identity key of an exercise name across sources: canonical series (normalised) plus year."""
    m = re.search(_YEAR_SUFFIX + r"\s*$", name)
    base = name[: m.start()] if m else name
    base = re.sub(r"^(?:Exercise|Operation)\s+", "", base.strip())
    y = full_year(m.group("y")) if m else None
    key = normalise(canonical(base))
    ed = re.search(r"(?<![\d'])\d{2}-(?P<e>[1-9])\s*$", name) if m else None
    letter = m.group("l") if m else None
    return f"{key}{y or ''}" + (f"-{ed.group('e')}" if ed else "") + (letter or "")  # "Red Flag 25-2" and "Red Flag 25-3" are two exercises


def _strip_lead(n: str, start: int) -> tuple[str, int]:
    """A candidate name without leading function words, countries or possessives, and its new start."""
    forms = country_index()[0]
    toks = n.split(" ")
    while len(toks) > 1 and (toks[0] in _LEAD_STOP or toks[0].rstrip("'’s") in forms or toks[0].endswith(("'s", "’s"))):
        start += len(toks[0]) + 1
        toks = toks[1:]
    return " ".join(toks), start


_PARTICLES = r"(?:du|de|des|la|le|les|del|della|da|do|di|of|the|van|von|al|el)"
# "Exercise X", and the word for exercise in other languages ("el ejercicio X", "l'exercice X", "die Übung X")
_EXERCISE_LEAD = (r"Exercise|Ex\.?|[Ee]jercicios?|[Ee]xercices?|[Ee]xerc[íi]cios?|[Ee]sercitazione|Übung|Manöver|[Mm]anobras?|"
                  r"[Tt]atbikat[ıi]?|[Ee]xercitiul|[Ćć]wiczenia|[Ss]tyrkeprøve|[Oo]efening")
_EXERCISE_NAME = re.compile(rf"\b(?:{_EXERCISE_LEAD})\s+(?P<n>[A-Z][\w'’-]*(?:\s(?:{_PARTICLES}\s)?[A-Z][\w'’-]*){{0,3}})")
# (a parenthetical gloss may follow the name: "the Ssangyong (Twin Dragons) amphibious landing exercise")
# (a determiner, then up to two lower-case modifiers before the name: "their bilateral FRATERNO exercise")
_THE_NAMED = re.compile(word_alternation(("The", "the", "This year's", "this year's", "Last year's", "last year's", "annual", "their", "its"))
                        + r"\s+(?:(?:joint|naval|bilateral|trilateral|multinational|annual|biennial|combined|amphibious|maritime)\s+){0,2}(?P<n>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})"
                        r"(?:\s\([^()]{1,40}\))?\s+(?:(?:joint|naval|military|maritime|air|multinational|bilateral|trilateral|annual|strategic|"
                        r"command-staff|amphibious|landing|live-fire)\s+){0,2}"
                        r"(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?)\b")
_GENERIC_WORDS = {"Army", "Navy", "Air", "Force", "Marine", "Marines", "Coast", "Guard", "Joint", "Allied", "Western", "Eastern",
                  "Northern", "Southern", "Central", "Spring", "Summer", "Autumn", "Fall", "Winter", "Live-Fire", "Live", "New", "Next",
                  "First", "Last", "Annual", "Naval", "Military", "Special", "Forces", "Combined", "Large-Scale", "Major", "Regional"}
# words before a number that name a model, unit or clause, not an exercise ("Type 12", "Article 5")
_NUMBERED_THINGS = {"Type", "Class", "Model", "Mark", "Mk", "Block", "Batch", "Flight", "Group", "Article", "Section", "Chapter",
                    "Resolution", "Phase", "Stage", "Day", "Week", "Route", "Pier", "Berth", "Gate", "Unit", "Squadron", "Wing", "Division",
                    "Brigade", "Battalion", "Regiment", "Corps", "Fleet", "Flotilla", "Region", "District", "Zone", "Sector", "Area", "Task"}
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the|its|their)\s+[^,.;]{0,60}?\b(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?)\b")
_EDITION_OF = re.compile(word_alternation(("edition", "iteration", "round")) + r" of (?P<n>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})(?=,\s+(?:a|an|the)\s+[^,.;]{0,60}?"
                         r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?)\b)")
_ANY_DIGIT = re.compile(r"\d")
_GLOSS_AFTER = re.compile(r"^\s\([^()]{1,40}\)")
# a capitalised name in quotation marks ("Viekaren XXV", “Multilateral Maritime Cooperative Activity”)
_QUOTED_NAME = re.compile(rf"[\"“«]\s?(?P<n>{_CAP}[\w'’-]*(?:\s(?:(?:de|del|la|du|des|of|the|and)\s)?(?:{_CAP}|\d)[\w'’-]*){{0,5}})\s?[\"”»]")
_QUOTE_CHARS = re.compile(r"[\"“«]")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<a>[A-Z]{2,6})\)")
_NOUN_BEFORE = re.compile(r"(?i)\b(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?|ejercicios?|exercices?)\s+$"
                          r"|\b(?:dubbed|code-?named|named|called|billed as|known as|designated)\s+(?:an?\s+|the\s+)?$")
_ROMAN_TAIL = re.compile(r"\s(?P<r>[IVXLC]{1,8})$")
_YEAR_TAIL = re.compile(r"(?:[-‐–]\s?|\s)(?P<y>(?:19|20)\d{2}|\d{2})$")
_YY_EDITION = re.compile(r"(?:[-‐–][A-Z][a-z]+)?\s(?P<y>[0-4]\d)-(?P<e>[1-9])(?![\w-])")
_ANY_NOUN_I = re.compile(r"(?i)\b(?:exercises?|drills?|manoeuvres|maneuvers|war games?)\b")
_LEAD_GATE = re.compile(_EXERCISE_LEAD)
# a part of every alternative of _EXERCISE_LEAD ("Ex" for Exercise and Ex., "xerc" for exercices, exercício, exercitiul, ...)
_LEAD_PARTS = ("Ex", "xerc", "jercicio", "sercitazione", "Übung", "Manöver", "anobra", "atbikat", "wiczenia", "tyrkeprøve", "efening")
# "Operation X", and the word in French, Spanish, Portuguese and Italian ("Opération Marée Haute")
_OPERATION_NAME = re.compile(rf"\b(?P<op>Operation|Opération|Operación|Operação|Operazione)\s+(?P<n>{_CAP}[\w'’-]*(?:\s{_CAP}[\w'’-]*){{0,3}})")
_CALLED_EXERCISE = re.compile(r"(?i)\b(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?|patrols?)\b(?:[^.;:]{0,30}?\s(?:dubbed|code-?named|named|called|known as))?,?\s+$")  # ("a patrol exercise with X, codenamed Operation Y")
_NOUN_WORD = re.compile(r"exercise|drill|manoeuvres|maneuvers|war ?game")
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
# one capitalised word joined by a hyphen to a Roman-numeral edition ("Sarus-XIV"), read when staged or set off after an exercise noun
_HYPHEN_ROMAN = re.compile(rf"(?<![\w'’-])(?P<n>{_CAP}[\w'’]+)-(?P<r>{ROMAN})(?![\w'’-])")
_HYPHEN_ROMAN_GATE = re.compile(r"-[IVXLC]")
# a capitalised name with a Roman-numeral edition ("Harbor Guard VII"), read as an exercise only when the text calls it one
_ROMAN_NAME = re.compile(r"\b(?P<n>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})\s(?P<r>" + ROMAN + r")(?![\w'’-])")
# the last word of a force or command ("the Northern Fleet exercise" is the fleet's exercise, not one named "Northern Fleet")
_ROMAN_GATE = re.compile(r"(?i)exercise|drill|manoeuvre|maneuver|war\s?game|wargame")  # (every match is called an exercise: a cheap test first)
_FORCE_TAILS = {"Fleet", "Fleets", "Flotilla", "Navy", "Army", "Command", "Force", "Forces", "Corps", "District", "Guard", "Marines", "Ministry"}
_EDITION = re.compile(r"-(?P<e>\d{1,2}|[IVXLC]{1,6})(?![\w-])|\s(?P<r>" + ROMAN + r")(?![\w'’-])")

# an exercise noun in lower case with a modifier, then a capitalised name ("the bilateral exercise Fraterno XXIV",
# "the multinational exercise La Pérouse", "their joint exercise Medusa")
_MODS = (r"(?:bilateral|binational|trilateral|multilateral|multinational|joint|naval|annual|biennial|combined|amphibious|maritime|"
         r"air|military|international|large-scale|flight-tactical|tactical|live-fire|command-post|field|regional|special)")
# (found from the noun: a literal first character scans fast; the modifier before it is checked after)
_NOUN_NAME = re.compile(rf"(?:exercises?|drills?|war\s?games?)\s+(?P<n>{_CAP}[\w'’-]*(?:\s(?:{_PARTICLES}\s)?{_CAP}[\w'’-]*){{0,3}})(?![\w'’-])")
_MOD_BEFORE = re.compile(rf"\b{_MODS}\s+(?:{_MODS}\s+){{0,2}}$")
# a capitalised name with an edition number set off after an exercise noun ("the last exercise of its kind, Harbor Guard 3, was ...")
_APPOS_NUMBERED = re.compile(rf",\s(?P<n>{_CAP}[\w'’-]*(?:\s{_CAP}[\w'’-]*){{0,3}})\s(?:(?P<d>[1-9]\d?)|(?P<r>{ROMAN}))(?=,)")
# an exercise noun phrase that a name is set off after ("That drill, Medusa-13, drew ...")
_APPOS_BEFORE = re.compile(r"(?i)\b(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?|edition|iteration)\b[^,.;:()]{0,60},\s$")
# a capitalised name followed by an appositive that calls it an exercise ("Blue Pennant, the bilateral exercise between ...")
_NAME_APPOS = re.compile(r",\s(?:the|a|an|their|its)\s"
                         rf"(?P<mods>(?:(?:{_MODS}|[\w]+-[a-z]+|largest|biggest|latest|main|first|second|third|annual|yearly|major|key|flagship|"
                         r"winter|summer|spring|autumn|army|navy|field|training)\s){0,3})(?:exercises?|drills?|war ?games?)"
                         r"(?=\s+(?:between|with|of|in|off|that|which|involving|led|hosted|held|for|at|on|run)\b|\s*[,.;])")
# a title-case name ending in a capitalised exercise noun, then its other name ("the Northern Shield Patrol (NSP)", "the X Exercise, known as ...")
_CAP_NOUN_NAME = re.compile(rf"\b[Tt]he\s(?P<n>(?:{_CAP}[\w'’-]*\s){{1,4}}(?:Patrol|Exercise))(?=,\s(?:also\s)?(?:known|called|dubbed)\b|\s\([A-Z]{{2,8}}\))")
# a name as the subject of a copula that calls it an exercise ("Iron Heron is a binational disaster-response exercise that ...")
_NAME_IS = re.compile(_NAME_APPOS.pattern.replace(r",\s(?:the|a|an|their|its)\s", r"\s(?:is|was)\s(?:a|an)\s", 1))
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<n>{_CAP}[\w'’-]*(?:\s(?:{_PARTICLES}\s)?{_CAP}[\w'’-]*){{0,3}})$")
# a name the text says something is called ("the release calls it "X-2026"")
_CALLS_IT = re.compile(r"\b(?:calls?|called)\s(?:it|them|the (?:drills?|exercises?|manoeuvres))\s[\"“‘]?$")
# a verb of starting or staging an exercise just before a name and year ("the army kicked off Iron Wolf 2026 on Monday")
_STAGED_BEFORE = re.compile(r"\b(?:kicked off|launched|began|opened|staged|conducted|wrapped up|concluded|(?:took|take|taking) part in|participated in)\s$")
# a part of an exercise before its name ("the amphibious phase of X 25", "the final leg of X 2025")
_PART_OF = re.compile(r"\b(?:phase|stage|leg|edition|iteration|serial) of\s$")
# an operation or exercise noun that the text names ("The operation is called X III", "the drill, dubbed X IV")
_NOUN_CALLED = re.compile(r"(?i)\b(?:operation|exercise|drill|patrol|manoeuvres?|maneuvers?|mission)s?,?\s(?:(?:is|was|will be|has been)\s)?(?:called|named|dubbed|code-?named|known as)\s[\"“‘]?$")
# a name and year as the subject of a verb of holding ("X 2026 (XF-11) was held at Y", "X 2026 took place in May")
_HELD_AFTER = re.compile(r"(?:\s\([A-Z][\w-]{1,10}\))?\s(?:(?:was|were|is|will be)\s(?:\w+ly\s)?(?:held|staged|conducted)|took place|kicked off|got under way)\b")
# a military word somewhere in the sentence: a name staged or held there is an exercise, not a fair or a games
_MILITARY = re.compile(r"(?i)\b(?:exercises?|drills?|manoeuvres|maneuvers|troops|forces|navy|navies|naval|army|armies|air force|military|"
                       r"aircraft|warships|ships|soldiers|sailors|marines|personnel|jets|air base|brigade|battalion|regiment|defen[cs]e)\b")
# one word of two capitalised parts joined by a hyphen ("US-Moroccan", "Indo-French"): a pair of nations when one part is a country
_PAIR_ADJ = re.compile(r"[A-Z][\w]*-[A-Z][\w]*")
# a name of two or three words with an edition number, just after a verb of staging ("hosted Red Wave-8 off X")
_STAGED_EDITION = re.compile(r"\b(?:hosted|kicked off|began|opened|staged|conducted|held)\s(?P<n>[A-Z][\w'’]*(?:\s[A-Z][\w'’]*){1,2})-(?P<d>[1-9]\d?)\b(?![-\d,.]\d)"
                             r"(?!\s(?:missiles?|rockets?|satellites?|drones?|jets?|fighters?|aircraft|helicopters?|tanks?|launchers?|systems?|vehicles?)\b)")
# a capitalised name with an edition number just before an appositive ("Medusa 14" in "Medusa 14, a joint exercise ...")
_NUMBERED_BEFORE = re.compile(rf"(?<![\w'’-])(?P<n>{_CAP}[\w'’-]*(?:\s{_CAP}[\w'’-]*){{0,2}})\s(?P<d>[1-9]\d?)$")
# a name set off after an exercise series noun, then described ("its own series, MILAN, held at ...")
_SERIES_APPOS = re.compile(rf"\bseries,\s(?P<n>{_CAP}[\w'’-]*(?:\s{_CAP}[\w'’-]*){{0,3}}),\s(?=(?:held|staged|conducted|hosted|organi[sz]ed|which|first|now)\b)")
# a multi-word name set off right after an exercise noun, then its verb ("its own joint exercise, Silver Kiwi, was held ...")
_NOUN_APPOS = re.compile(rf"(?:exercise|drill|manoeuvres|maneuvers|war\s?game),\s(?P<n>{_CAP}[\w'’-]*(?:\s{_CAP}[\w'’-]*){{1,3}}),\s"
                         r"(?=(?:was|is|will|has|had|which|held|took|began|ran|runs|last)\b)")
# a name the text gives an exercise just mentioned ("a joint drill with X, tentatively named Blue Anchor, will ..."; not "named after")
_NAMED_AS = re.compile(rf"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s?games?|patrols?)\b[^.;:\"“]{{0,40}}?\b(?:dubbed|code-?named|named|called|known as)\s"
                       rf"[\"“‘]?(?P<n>{_CAP}[\w'’-]*(?:\s{_CAP}[\w'’-]*){{0,3}})(?![\w'’-])(?!\s(?:after|for)\b)")
_NAMED_WORDS = ("dubbed", "named", "called", "known as")  # one of them is in every match of _NAMED_AS
# an exercise as a sentence's subject, then what it follows or precedes ("The drill follows ", "The exercise ... comes ahead of ")
_SEQUEL_OF = re.compile(r"(?:The|This|That|Its|Their)\s(?:[\w-]+\s){0,3}(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?)\s"
                        r"(?:[^.;]{0,120}?\s)?(?:follows|followed|comes? (?:after|ahead of)|came (?:after|ahead of)|precedes|preceded)\s$")
_NOT_ADJ = {"of", "and", "or", "to", "by", "in", "on", "at", "from", "with", "for", "that", "which", "is", "was", "were", "are", "host", "city",
            "site", "venue", "country", "nation", "area", "target", "partner", "observer"}
# titles and ranks: "the exercise Defence Minister X opened" names a person, not an exercise
_TITLES = {"Minister", "President", "General", "Admiral", "Commander", "Chief", "Colonel", "Captain", "Major", "Lieutenant", "Secretary",
           "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Prime", "Defence", "Defense", "Foreign", "Ministry", "Mr", "Ms", "Mrs", "Dr"}


def exercise_bases(texts: list[str]) -> frozenset[str]:
    """Names a document introduces as "Exercise X", or as a multi-word name with a year ("Air Defender 23"), year
    dropped: its own series for this document."""
    out = set()
    known = series_index()[0]
    for t in texts:
        for h in find_names(t):
            base = h.base.strip()
            # (one word too when the text writes it after the noun: "the exercise Sjöhund 24" makes "Sjöhund" its series)
            if h.year and not h.weak and base.casefold() not in known and (len(base.split()) >= 2 or (base.isupper() and len(base) >= 4)
                                                                           or t[max(0, h.start - 9):h.start].casefold() == "exercise "):
                out.add(base)
        for h in find_names(t) if " is a" in t or " was a" in t else ():
            if h.year is None and " " in h.name and any(m.start() == h.end for m in _name_is_matches(t)):
                out.add(h.name)  # "Iron Heron is a binational exercise": its series for this document ("Iron Heron 2026")
        for m in _exercise_name_matches(t):
            n = re.sub(r"(?:[-‐–]\s?|\s)'?\d{2,4}$|-[IVXLC]{1,6}$|-\d{1,2}$", "", _headline_cut(m.group("n"))).strip()
            if n and n.casefold() not in _stop()[0] and len(n) >= 3:
                out.add(n)
    return frozenset(out)


def _name_is_matches(text: str) -> list[re.Match[str]]:
    """The copula matches of `_NAME_IS` in a sentence (a cheap literal test first)."""
    return list(_NAME_IS.finditer(text)) if " is a" in text or " was a" in text else []


@lru_cache(maxsize=4096)
def _exercise_name_matches(text: str) -> tuple[re.Match[str], ...]:
    """The "Exercise X" matches of a sentence (read by both `exercise_bases` and `find_names`)."""
    if not any(w in text for w in _LEAD_PARTS):
        return ()  # no word for "exercise" (a cheap test: every match holds one of these)
    return tuple(_EXERCISE_NAME.finditer(text))


def find_names(text: str, extra: frozenset[str] = frozenset()) -> list[NameHit]:
    """Exercise names in one sentence, in order; names need a year unless they are a known series.

    `extra` holds series names the document itself introduces ("Exercise Croix du Sud").
    """
    if extra:
        xr = _extra_regex(extra)
        if xr is None or xr.search(text) is None:
            extra = frozenset()  # none of the document's own series here: the plain reading (usually cached) is the same
    return list(_find_names(text, extra))


@lru_cache(maxsize=64)
def _extra_regex(extra: frozenset[str]) -> re.Pattern[str] | None:
    """A regex for the document's own series names, or None."""
    if not extra:
        return None
    alts = "|".join(re.escape(e) for e in sorted(extra, key=len, reverse=True))
    return re.compile(rf"(?<![\w/])(?:{alts})(?![\w/])")


def _plain_name_ok(n: str) -> bool:
    """Whether a capitalised phrase read beside an exercise noun can be an exercise name (no country, month, title, place)."""
    bad, badwords = _stop()
    forms = country_index()[0]
    toks = n.split()
    return not (not toks or n.casefold() in bad or any(t.casefold() in bad for t in toks) or badwords.search(n)
                or any(t in forms or t.rstrip("'’s") in forms for t in toks) or toks[0] in _LEAD_STOP or toks[0] in _MONTHS
                or _WEEKDAY.match(toks[0]) or any(t in _TITLES for t in toks) or toks[-1] in _FORCE_TAILS
                or all(t in _GENERIC_WORDS for t in toks) or place_like(n) or len(n) < 3 or toks[-1] in _PLACE_TAILS)


# the last word of a place, not an exercise name ("in Yeoju, Gyeonggi Province, a live-fire exercise at ...")
_PLACE_TAILS = {"Province", "Prefecture", "County", "District", "Oblast", "Governorate", "Krai", "Region", "Municipality",
                "Island", "Islands", "Peninsula", "Airport", "Airfield", "Barracks"}


@lru_cache(maxsize=4096)
def _find_names(text: str, extra: frozenset[str] = frozenset()) -> tuple[NameHit, ...]:
    """Cached body of `find_names`."""
    bad, badwords = _stop()
    spell, series_rx = series_index()
    hits: list[NameHit] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, series: str, year: int | None, weak: bool = False, edition: str | None = None, wider: bool = False,
            soft: bool = False) -> None:
        """Record a name hit unless it overlaps one already taken (`wider`: a weak hit inside it gives way)."""
        if wider:
            inside = [i for i, h in enumerate(hits) if h.weak and a <= h.start and h.end <= b and (h.start, h.end) != (a, b)]
            for i in reversed(inside):
                taken.remove((hits[i].start, hits[i].end))
                del hits[i]
        if any(a < e and s < b for s, e in taken):
            return
        pre = text[max(0, a - 9):a]
        lead = re.search(r"\bExercise\s$", pre)
        if lead:
            a = lead.start() + max(0, a - 9)
        if series.startswith("Exercise ") and len(series) > 12:
            series = series[9:]  # "Exercise X 2026" read whole: its series is X, as for a bare "X" elsewhere in the text
        canon = canonical(series) + (f"-{edition}" if edition else "")
        ed = _EDITION.match(text, b) if year is None else None
        if ed:
            b = ed.end()
            canon = f"{canon}-{ed.group('e') or ed.group('r')}"
        name = text[a:b]
        hits.append(NameHit(a, b, name, series, canon, year, weak and not ed, canonical(series), soft))
        taken.append((a, b))

    matches = series_matches(text)
    xr = _extra_regex(extra)
    if xr is not None:
        matches += list(xr.finditer(text))
    for m in sorted(matches, key=lambda m: (m.start(), -m.end())):
        a, b = m.span()
        series = m.group(0)
        ye = _YY_EDITION.match(text, b)
        if ye and full_year(ye.group("y")):
            # "Red Flag-Alaska 25-2", "Cope Thunder 24-1": the year's second edition; each edition is its own exercise
            add(a, ye.end(), series, full_year(ye.group("y")), edition=f"{ye.group('y')}-{ye.group('e')}")
            continue
        ym = re.match(_YEAR_SUFFIX, text[b:])
        if ym is None and text.startswith(" Exercise ", b):
            ym = re.match(_YEAR_SUFFIX, text[b + 9:])  # "Arctic Challenge Exercise 2025": the word sits between series and year
            b = b + 9 if ym else b
        year = full_year(ym.group("y")) if ym else None
        if ym and year:
            add(a, b + ym.end(), series, year, edition=ym.group("l"))  # "Joint Sword-2024B": its own exercise
        else:
            after = text[b:b + 60]
            before = text[max(0, a - 12):a]
            multi = " " in series or "/" in series or series.isupper()
            glossed = _GLOSS_AFTER.sub("", after, 1) if after.startswith(" (") else ""  # "Balikatan ("shoulder-to-shoulder") exercise"
            strong = (multi or _EXERCISE_WORD.match(after) or (glossed and _EXERCISE_WORD.match(glossed))
                      or re.search(r"(?i)\b(?:exercise|ex\.?)\s$", before) or series in extra)
            add(a, b, series, None, weak=not strong)
    for rx in ((_HYPHEN_NAME, _SPACE_NAME) if _ANY_DIGIT.search(text) else ()):
        if rx is _HYPHEN_NAME and _HYPHEN_DIGITS.search(text) is None:
            continue  # (every hyphenated name has "-" and two digits: a literal scan before the slow one)
        for m in rx.finditer(text):
            n, a = _strip_lead(m.group("n"), m.start("n"))
            ytxt = m.group("y")
            year = full_year(ytxt)
            first = n.split()[0] if n.split() else ""
            if not year or first in _MONTHS or n.casefold() in bad or first.casefold() in bad or badwords.search(text[a:m.end() + 60]):
                continue
            after = text[m.end():m.end() + 60]
            before = text[max(0, a - 12):a]
            noun_before = re.search(r"(?i)\bexercise\s$", before)
            named_as = (_EXERCISE_WORD.match(after) or noun_before or _APPOSITIVE.match(after)
                        or (" of " in before and _PART_OF.search(before) and (len(ytxt) == 2 or _MILITARY.search(text)))
                        or re.search(r"[A-Z][\w-]*['’]s\s$|\b(?:dubbed|code-?named|named|renamed|called|known as|rebranded as)\s[\"“‘]?$", before)
                        or ("call" in text[max(0, a - 20):a] and _CALLS_IT.search(text, max(0, a - 20), a))
                        or (len(ytxt) == 4 and " " in n and (_STAGED_BEFORE.search(text, max(0, a - 20), a) or _HELD_AFTER.match(text, m.end()))
                            and _MILITARY.search(text)))
            if not named_as and len(ytxt) == 4 and ("follow" in text or "ahead of" in text or "preced" in text):
                named_as = _SEQUEL_OF.match(text[:a])  # "The exercise follows X 2024 ... and comes ahead of X 2025": exercises too
            set_off = not named_as and ", " in text[max(0, a - 3):a] and _APPOS_BEFORE.search(text, max(0, a - 80), a) is not None
            named_as = named_as or set_off  # "That drill, Medusa-13, drew ...": a name set off after an exercise noun
            # a two-digit year ("Air Defender 23") only in capitals or when the text calls the name an exercise
            if len(ytxt) == 2 and not ((n.isupper() and len(n) >= 4)
                                       or (named_as and n.split()[0] not in _NUMBERED_THINGS
                                           and ((len(n.split()) >= 2 or (noun_before and len(n) >= 4)) if rx is _SPACE_NAME else len(n) >= 4))):
                continue  # (one word and a two-digit year only right after the noun: "the readiness exercise Sjöhund 24")
            if rx is _SPACE_NAME and not named_as:
                continue
            if rx is _HYPHEN_NAME and not (named_as or _ANY_NOUN_I.search(text)):
                continue
            add(a, m.end(), n, year, soft=set_off and len(ytxt) == 2)
    if "-" in text and _ANY_DIGIT.search(text):
        for m in _STAGED_EDITION.finditer(text):
            if _plain_name_ok(m.group("n")) and _MILITARY.search(text):
                add(m.start("n"), m.end("d"), m.group("n"), None, edition=m.group("d"))  # "Saudi Arabia hosted Red Wave-8 off Jeddah"
    for m in (_HYPHEN_ROMAN.finditer(text) if _HYPHEN_ROMAN_GATE.search(text) else ()):
        n, a = m.group("n"), m.start("n")
        after = text[m.end():m.end() + 60]
        if _plain_name_ok(n) and (_STAGED_BEFORE.search(text, max(0, a - 20), a) or _HELD_AFTER.match(text, m.end())
                                  or _EXERCISE_WORD.match(after) or _APPOSITIVE.match(after)
                                  or (", " in text[max(0, a - 3):a] and _APPOS_BEFORE.search(text, max(0, a - 80), a))):
            add(a, m.end("n"), n, None)  # "wrapped up Sarus-XIV", "last year's edition, Sarus-XIII, was ...": an edition by number
    forms = country_index()[0]
    for m in (_EDITION_OF.finditer(text) if " of " in text else ()):
        n = m.group("n")
        if n.casefold() not in bad and not any(t in forms for t in n.split()):
            add(m.start("n"), m.end("n"), n, None)
    noun = _NOUN_WORD.search(text) is not None  # (read once: the scans below need an exercise noun)
    for m in (_THE_NAMED.finditer(text) if noun else ()):
        n = m.group("n")
        toks = n.split()
        if (n.casefold() in bad or any(t.casefold() in bad for t in toks) or any(t in forms or t.rstrip("'’s") in forms for t in toks)
                or toks[0] in _LEAD_STOP or toks[0] in _MONTHS or badwords.search(n) or re.search(r"-(?:led|hosted|based|backed)$", toks[-1])
                or _WEEKDAY.match(toks[0]) or place_like(n) or all(t in _GENERIC_WORDS for t in toks) or toks[-1] in _FORCE_TAILS
                or toks[-1].endswith(("'s", "’s")) or ("-" in n and _PAIR_ADJ.fullmatch(n) and any(p in forms for p in n.split("-")))):
            continue  # (a possessive is no name: "the Pacific's exercise season"; nor a pair of nations: "the annual US-Moroccan exercise")
        add(m.start("n"), m.end("n"), n, None)
    for m in (_QUOTED_NAME.finditer(text) if _QUOTE_CHARS.search(text) else ()):
        n = m.group("n")
        toks = n.split()
        acr = _ACRONYM_AFTER.match(text, m.end())
        initials = "".join(t[0] for t in toks if t[:1].isupper())
        named_as = (_EXERCISE_WORD.match(text[m.end():m.end() + 60]) or _NOUN_BEFORE.search(text[max(0, m.start() - 40):m.start()])
                    or _APPOS_BEFORE.search(text, max(0, m.start() - 80), m.start())  # "The next exercise with X, "Name 2026", is ..."
                    or (acr and acr.group("a") == initials and len(toks) >= 2 and _ANY_NOUN_I.search(text)))
        if (not named_as or n.casefold() in bad or badwords.search(n) or toks[0] in _LEAD_STOP or all(t in _GENERIC_WORDS for t in toks)
                or n in forms or place_like(n)):
            continue
        a, b = m.start("n"), m.end("n")
        ym, rm = _YEAR_TAIL.search(n), _ROMAN_TAIL.search(n)
        if ym and full_year(ym.group("y")) and len(toks) >= 2:
            base = n[: ym.start()]
            ed = re.search(r"-(?P<e>[IVXLC]{1,6}|\d{1,2})$", base)  # "Denizkurdu-II 2025"
            add(a, b, base[: ed.start()] if ed else base, full_year(ym.group("y")), edition=ed.group("e") if ed else None)
        elif rm and len(toks) >= 2:
            add(a, b, n[: rm.start()], None, edition=rm.group("r"))  # "Viekaren XXV": the 25th edition
        else:
            add(a, b, n, None)
    called = ("called" in text or "named" in text or "dubbed" in text or "known as" in text)  # (a cheap test before `_NOUN_CALLED`)
    for m in (_ROMAN_NAME.finditer(text) if (" I" in text or " V" in text or " X" in text) and (called or _ROMAN_GATE.search(text)) else ()):
        n, a = _strip_lead(m.group("n"), m.start("n"))
        after = text[m.end():m.end() + 80]
        if (n.casefold() in bad or badwords.search(n) or n.split()[0] in _LEAD_STOP or n in forms
                or not (_EXERCISE_WORD.match(after) or _APPOSITIVE.match(after)
                        or (called and _NOUN_CALLED.search(text, max(0, a - 60), a)))):
            continue
        add(a, m.end(), n, None, edition=m.group("r"))  # "Harbor Guard VII, a naval exercise ...": its seventh edition
    for m in (_NOUN_NAME.finditer(text) if noun else ()):
        if not _MOD_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "the exercise X" needs a modifier ("During the exercise HMS X fired" names a ship)
        n = m.group("n")
        rm = _ROMAN_TAIL.search(n)
        base = n[: rm.start()] if rm and len(n.split()) >= 2 else n
        if not _plain_name_ok(base):
            continue
        a, b = m.start("n"), m.end("n")
        ym = re.match(_YEAR_SUFFIX, text[b:])
        if ym and full_year(ym.group("y")) and len(ym.group("y")) == 4:
            add(a, b + ym.end(), base, full_year(ym.group("y")), soft=True)
        elif rm and base != n:
            add(a, b, base, None, edition=rm.group("r"), soft=True)  # "the bilateral exercise Fraterno XXIV"
        else:
            add(a, b, n, None, wider=True, soft=True)
    for m in (_CAP_NOUN_NAME.finditer(text) if ("Patrol" in text or "Exercise" in text) and (", " in text or " (" in text) else ()):
        n = m.group("n")
        if _plain_name_ok(n.rsplit(" ", 1)[0]):
            add(m.start("n"), m.end("n"), n, None)  # "the Northern Shield Patrol, known as ...": a name with its own noun
    for m in (_name_is_matches(text) if noun else ()):
        nb = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        n, a = _strip_lead(nb.group("n"), nb.start("n")) if nb else ("", 0)
        if " " in n and _plain_name_ok(n):
            add(a, m.start(), n, None, wider=True, soft=True)  # "Iron Heron is a binational exercise ...": two words or more
    if ", " in text:
        for m in (_APPOS_NUMBERED.finditer(text) if noun or "edition" in text or "iteration" in text else ()):
            if not _APPOS_BEFORE.search(text, max(0, m.start() - 80), m.start("n")):
                continue  # set off after an exercise noun: "the last exercise of its kind, X 3, was ..."
            n, a = _strip_lead(m.group("n"), m.start("n"))
            if _plain_name_ok(n) and n.split()[-1] not in _NUMBERED_THINGS:
                add(a, m.end(), n, None, edition=m.group("d") or m.group("r"), soft=True)  # "..., Harbor Guard 3, was held in 2023"
        for m in (_NAME_APPOS.finditer(text) if noun else ()):
            if any(w in _NOT_ADJ for w in m.group("mods").split()):
                continue
            nb = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if nb is None:
                nd = _NUMBERED_BEFORE.search(text, max(0, m.start() - 60), m.start()) if text[m.start() - 1:m.start()].isdigit() else None
                if nd is not None:
                    n, a = _strip_lead(nd.group("n"), nd.start("n"))
                    if _plain_name_ok(n) and n.split()[-1] not in _NUMBERED_THINGS:
                        add(a, m.start(), n, None, edition=nd.group("d"), soft=True)  # "Medusa 14, a joint exercise off ...": its 14th edition
                continue
            n, a = _strip_lead(nb.group("n"), nb.start("n"))
            if " " not in n and not text[:a].strip(" \"“‘'"):
                continue  # "Earlier, the joint drills with ...": one capitalised word opening a sentence is an adverb, not a name
            if _plain_name_ok(n):
                add(a, m.start(), n, None, wider=True, soft=True)  # "Blue Pennant, the bilateral exercise between ..."
        for m in (_NOUN_APPOS.finditer(text) if noun else ()):
            n, a = _strip_lead(m.group("n"), m.start("n"))
            if " " in n and _plain_name_ok(n):
                add(a, m.end("n"), n, None, soft=True)  # "its own joint exercise, Silver Kiwi, was last held in 2023"
        for m in (_NAMED_AS.finditer(text) if (noun or "patrol" in text) and any(w in text for w in _NAMED_WORDS) else ()):
            n, a = _strip_lead(m.group("n"), m.start("n"))
            if (" " in n or n.isupper()) and _plain_name_ok(n) and not _ANY_DIGIT.match(text, m.end("n") + 1):
                add(a, m.end("n"), n, None, wider=True, soft=True)  # "the patrol, dubbed Ziwa Salama, ...": the name the text gives it
        for m in (_SERIES_APPOS.finditer(text) if "series, " in text else ()):
            n, a = _strip_lead(m.group("n"), m.start("n"))
            if (n.isupper() or " " in n) and _plain_name_ok(n):
                add(a, m.end("n"), n, None, soft=True)  # "its own multilateral series, MILAN, held at ..."
    for m in (_OPERATION_NAME.finditer(text) if "Operation " in text or "Opera" in text or "Opéra" in text else ()):
        n = m.group("n")
        after = text[m.end():m.end() + 60]
        before = text[max(0, m.start() - 40):m.start()]
        if n.casefold() in bad or badwords.search(n) or not (_EXERCISE_WORD.match(after) or _APPOSITIVE.match(after) or _CALLED_EXERCISE.search(before)):
            continue  # "Operation X" is an exercise only when the text calls it one
        ym = re.search(r"(?:[-‐–]\s?|\s)(?P<y>(?:19|20)\d{2}|'?\d{2})$", n)
        year = full_year(ym.group("y")) if ym else None
        add(m.start(), m.start("n") + (ym.start() if ym and year else len(n)), m.group("op") + " " + (n[: ym.start()] if ym and year else n), year)
    for m in _exercise_name_matches(text):  # (a gate on the lead words scans slower than the regex itself)
        n = _headline_cut(m.group("n"))
        if n.casefold() not in bad and not badwords.search(n):
            ym = re.search(r"(?:[-‐–]\s?|\s)(?P<y>(?:19|20)\d{2}|'?\d{2})$", n)
            year = full_year(ym.group("y")) if ym else None
            base = n[: ym.start()] if ym and year else n
            tail = re.match(_YEAR_SUFFIX, text[m.end("n"):]) if not year and n == m.group("n") else None
            if tail and full_year(tail.group("y")) and len(tail.group("y")) == 4:
                add(m.start("n"), m.end("n") + tail.end(), n, full_year(tail.group("y")))  # "el ejercicio Cruz del Plata 2025"
                continue
            add(m.start("n"), m.start("n") + len(n), base, year)
    hits.sort(key=lambda h: h.start)
    return tuple(hits)
