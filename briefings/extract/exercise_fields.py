"""Fields of an exercise read from the text that mentions it: countries by role, places, activities."""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Literals, alternation, any_of, country_index, lexicon, load, lower, mentions, places, resolve_country, shared_forms, ship_matches, trie_pattern

# every alternative starts with ; : , or a space: that first character is read first (a fast scan), then checked by look-behind
_CLAUSE = re.compile(r"[;:,\s](?:(?<=;)|(?<=:)\s|(?<=\s)[–—]\s|(?<=,)\s(?=(?:revealing|showcasing|underlining|underscoring|indicating|demonstrating|signalling|signaling|highlighting|citing|making|raising|prompting|sparking|drawing)\b)|(?<=,)\s(?:while|whereas|although|though|but|after(?!\s(?:a|an|one|two|three|four|five|six|ten|several|\d+)\s(?:[\w-]+\s)?(?:days?|weeks?|months?|hours?)\sof\b)|before|since|days after|weeks after|as tensions)\s|(?<=\s)(?:while|whereas|although|though|but|after(?!\s(?:a|an|one|two|three|four|five|six|ten|several|\d+)\s(?:[\w-]+\s)?(?:days?|weeks?|months?|hours?)\sof\b)|before|since|days after|weeks after|as tensions)\s|(?<=\s)as\s(?=(?:the|a|an|[A-Z])\b|[A-Z]))")  # (not "after a week of training in X": the exercise itself)
_LOC_PREP = re.compile(r"(?:\b(?:in|at|near|off|around|across|into|towards?|inside|over|within|borders? with)\s+(?:the\s+)?"
                       r"(?:(?:[\w-]+\s+)?(?:coast|coasts|coastline|shores?|waters|territory|airspace)\s+of\s+(?:the\s+)?)?"
                       r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)(?:-\w+)?\s+)?)$")
# a compass bearing from a country ("200 km south of X"): a reference point, no participant
_BEARING = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?$")
_ORGAN = re.compile(r"^(?:['’]s)?\s+(?:(?:defen[cs]e|foreign|state|official|national|military)\s+)?(?:ministry|ministries|government|embassy|"
                    r"officials?|media|press|spokes(?:man|woman|person)|president|leader|foreign minister|defen[cs]e minister|"
                    r"ambassador|diplomats?|authorities|news agency|state media|parliament|lawmakers|"
                    r"name|language|word|term|spelling|translation)\b", re.I)  # ("the Greek name X": a language, no country)
_REGION_ADJ = {"African", "Asian", "European", "American", "Eurasian", "Arabian", "Atlantic", "Nordic", "Baltic", "Mediterranean",
               "Caribbean", "Pacific", "Arctic", "Western", "Eastern", "Northern", "Southern", "Central"}
# (a place word used as an adjective: "other Pacific nations", "the Mediterranean counterpart", "an Arctic dimension")
_COLLECTIVE = re.compile(r"\s(?:nations?|states|countries|country|partners?|navies|allies|ally|neighbou?rs?|powers?|island nations|island states|leaders|governments|"
                         r"counterparts?|equivalents?|versions?|dimensions?|strategy|affairs|credentials|ambitions)\b")
_SPEAKER = re.compile(r"(?:['’]s\s+[\w\s]{0,30}?)?\s+(?:(?:has|have|had)\s+)?(?:said|says|told|announced|reported|stated)\b")  # ("Rome has said")
# "the fleet announced its own drills": the speaker announces an exercise of its own, and holds it
_OWN_EVENT = re.compile(r"\s+(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?(?:drills?|exercises?|manoeuvres|maneuvers|patrols?|war ?games?)\b"
                        # "the military said it carried out a patrol": the speaker reports what it did itself
                        r"|\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:carried out|conducted|held|staged|launched|completed|flew|sailed)\b"
                        # "the navy announced that it would hold a patrol": the speaker's own exercise to come
                        r"|\s+(?:that\s+)?(?:it|they)\s+(?:would|will|plans? to|planned to|intends? to)\s+(?:hold|conduct|stage|launch|carry out)\b")
# "A and B have announced Exercise X" (the name blanked out), "announced a joint drill": the announcers name their own exercise
_ANNOUNCED_IT = re.compile(r"\s{4,}|\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:drills?|exercises?|manoeuvres|maneuvers|war ?games?)\b")
_PAST = re.compile(r"\b(?<!as in )(?<!as during )(?:previous|previously|past|last year|in earlier|formerly|used to|for years)\b")  # (not "as in previous years")
# (a unit's number may come first: "the German 45th Panzer Brigade", "a Dutch mechanised company")
_FORCE_NEXT = re.compile(r"(?:['’]s)?(?:\s(?:and|,)\s[A-Z][\w-]+)?\s+(?:\d{1,3}(?:st|nd|rd|th)\s)?(?:[A-Z][\w-]+\s)?(?:navy|navies|naval|warships?|ships|vessels|forces|troops|"
                         r"military|militaries|fleet|air force|army|marines|bombers|fighters|jets|aircraft|destroyers?|frigates?|corvettes?|"
                         r"submarines?|units|contingents?|detachment|task group|flotilla|officers|soldiers|sailors|personnel|crews|aircrews?|pilots|delegates|"
                         r"infantry|engineers|paratroopers|commandos|special forces|platoons?|company|companies|battalions?|brigades?|regiments?)\b", re.I)
# a lower-case noun right after a name (not a preposition, conjunction or verb: "in the Mediterranean off X")
_LOWER_NEXT = re.compile(r"\s(?!(?:off|in|and|or|near|to|from|at|on|of|with|by|for|as|until|since|between|where|which|when|while|but|is|was|"
                         r"were|are|has|had|have|will|would|this|that|the|a|an)\b)[a-z]")
_LOC_NOUN = re.compile(r"\s+(?:air\s?space|waters|territory|territorial|coast|coastline|soil|border|borders|mainland|archipelago|home islands|main islands|exclusive economic zone|EEZ)\b")
_ORG_AFTER = re.compile(r"\s(?:Fleet|Command|Cooperation|Organi[sz]ation|Air Forces?|Maritime Zone|Zone|Theat(?:er|re)|Forum|Institute|Cent(?:re|er)|Council|Partnership|University|Policy|Studies|"
                        r"Review|Ledger|News|Times|Post|Group|Programme|Program|Initiative|Foundation|Monitor)\b|\s(?:summit|accords?|agreement|talks|"
                        r"declaration|process|format|states|policy)\b")
_ACCORDING = re.compile(r"(?:according to|cited by|quoted by|told)\s+(?:the\s+)?$")
_COMPASS = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western)\s+)"
_INVITED = re.compile(r"(?<!been )(?<!was )(?<!were )(?<!are )(?<!is )\b(?:invit|welcom|host)\w*\s+(?:[\w-]+\s+){0,2}$")
_OBS_FROM = re.compile(r"\bobservers?\s+(?:from|of)\b")
# the area an exercise covers: "in X", "across X", "throughout X", "into northern X", "to northern X"
# (or the land of it: "across the frozen valleys of northern Norway")
_LANDS_OF = r"(?:(?:[\w-]+\s+)?(?:valleys|mountains|hills|fjords|forests|plains|steppes|deserts|uplands|highlands|lowlands|wastes|wilds|wilderness|expanses|tundra|terrain)\s+of\s+(?:the\s+)?)"
_AREA_PREP = re.compile(r"\b(?:(?:in|across|throughout|into)\s+(?:the\s+)?" + _LANDS_OF + r"?" + _COMPASS + r"?|to\s+(?:the\s+)?" + _COMPASS + r")$")
_OFF_PREP = re.compile(r"\boff\s+(?:the\s+)?$")  # "off Iceland": the country's waters (not "around", "near": often only a bearing)
# a part of a country is a place, and its host still takes part: "in Belarus and western Russia", "across the valleys of northern Norway"
_COUNTRY_PART = re.compile(r"(?:\b(?:in|across|throughout|into)\s+(?:the\s+)?" + _LANDS_OF + r"(?:" + _COMPASS + r")?|(?<![\w-])"
                           r"(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western)\s)$")
_AREA_HEAD = re.compile(r"^.*\b(?:in|across|throughout|into)\s+(?:the\s+)?" + _LANDS_OF)
# where forces are sent: "moving units from the continental United States to Poland"
_DEST = re.compile(r"\b(?:mov(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|sen[dt]s?|sending|shipp\w*|flown|fl(?:y|ew|ies)|sail(?:s|ed|ing)|brought|bring\w*|"
                   r"rush\w*)\b[^.;:]{0,70}?\bto\s+(?:the\s+)?" + _COMPASS + r"?$")
# a route the forces move along ("then across X", "on through X"): a transit, not the exercise's host
_ROUTE = re.compile(r"\b(?:then|on|onward|onwards|via|en route)\s+(?:across|through|into)\s+(?:the\s+)?$")
_HOST_PREP = re.compile(r"\b(?:in|across|throughout|into)\s+(?:the\s+)?" + _LANDS_OF + r"?" + _COMPASS + r"?$")  # (not "to": where forces are brought)
# an exercise held or flown over a country ("began over Germany", "runs from 3 to 6 June over Cyprus"), not a "debate over" it
_OVER_AREA = re.compile(r"\b(?:began|begins|begin|run|runs|ran|running|held|staged|conducted|fl(?:y|ies|ew|own|ying)|takes? place|took place|"
                        r"under way)\b[^.;:,]{0,40}?\sover\s+(?:the\s+)?$")
# forces or training in the clause that names an exercise's area: the area's countries host it, and take part
_FORCES_IN = re.compile(r"\b(?:troops|forces|soldiers|personnel|sailors|marines|units|warships|training|drills)\b")
# where forces are brought ("will bring troops into northern X"): a destination, its country no host
_BROUGHT = re.compile(r"\b(?:mov(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|sen[dt]s?|sending|shipp\w*|flown|fl(?:y|ew|ies)|brought|bring\w*|rush\w*)\b"
                      r"[^.;:]{0,70}?\binto\s+(?:the\s+)?" + _COMPASS + r"?$")
_AREA_LIST_GAP = re.compile(r",\s(?:the\s)?|,?\s(?:and|or)\s(?:the\s)?")  # ("A, B and the C")
_NAMED = r"[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2}"
_COAST_SIDE = r"(?:north|south|east|west|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western)\s(?:coast|coastline|seaboard)"
_LANDFORMS = ("plateau", "desert", "highlands", "valley", "pass")
# (trigger words, pattern): a pattern runs only when one of its trigger words occurs
_LOC_PATTERNS = [
    # "in Rayong and Chanthaburi provinces": each name of a list before a plural kind of region
    (("provinces", "prefectures", "districts", "oblasts", "governorates", "counties"),
     re.compile(rf"(?P<list>{_NAMED}(?:,\s{_NAMED})*,?\sand\s{_NAMED})\s(?P<kind>provinces|prefectures|districts|oblasts|governorates|counties)\b")),
    (("ranges", "grounds", "sites", "bases", "airfields"), re.compile(rf"(?P<list>(?:{_NAMED},\s)*{_NAMED},?\sand\s{_NAMED})\s(?:(?:air|naval|army|military|training)\s)?(?P<kind>ranges|training grounds|test sites|sites|bases|airfields)\b")),
    # "in cities including A and B", "ports such as A, B and C": the places of a kind the text lists
    (("including", "such as"), re.compile(rf"\b(?:cities|towns|ports|bases|islands|provinces|regions|sites|venues|locations)\s(?:including|such as)\s(?P<list>{_NAMED}(?:,\s{_NAMED})*(?:,?\sand\s{_NAMED})?)(?P<kind>)")),
    # a named facility written in capitals: "Shoalwater Bay Training Area", "Techo Sen Military Training Base", "GSDF Yonaguni garrison"
    (("Training", "Barracks", "garrison", "Military Base", "Maneuver Area", "Manoeuvre Area"),
     re.compile(rf"(?P<n>{_NAMED}\s(?:Military\s)?(?:Training (?:Area|Ground|Range|Centre|Center|Base)|Maneuver Area|Manoeuvre Area|Barracks|garrison)|{_NAMED}\sMilitary\sBase)\b")),
    (("Base", "Station"), re.compile(r"(?P<n>(?:[A-Z][\w-]+\s)?(?:RAAF|RAF|RNZAF|RCAF|USAF|Naval|Air|Navy|Army|Marine Corps|Joint|Coast Guard)\s(?:Air\s)?(?:Base|Station)\s[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")),
    (("Camp", "Fort", "CFB", "Base", "Station", "Garrison", "River", "Lake", "Mount", "Island", "Range", "Ground", "Complex"), re.compile(r"(?P<n>(?:Camp|Fort|CFB|Base|Naval Station|Joint Base|Lake|Mount)\s[A-Z][\w-]+(?:[\s-][A-Z][\w-]+)?|(?!(?:The|A|An|In|On|At|From|To|By|For|With|And|Of|This|That|Its|Their|Our|Exercise)\s)[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2}\s(?:Garrison|River|Lake|Island|Range|Proving Ground|Firing Range|Fire Complex|Training Complex|Range Complex))\b")),
    ((" of ",), re.compile(rf"\b(?:provinces?|regions?|islands?|states?|prefectures?|districts?|towns?|cities|ports?) of (?P<list>{_NAMED}(?:,\s{_NAMED})*(?:,?\sand\s{_NAMED})?)(?P<kind>)")),
    (("Base", "Station"), re.compile(r"(?P<n>[A-Z][\w-]+(?:\s(?:(?:de|da|do|dos|das|del|di)\s)?[A-Z][\w-]+){0,2}\s(?:Naval|Air|Navy|Army|Air Force|Naval Air|Marine Corps)\s(?:Base|Station))")),
    (("base", "airfield", "exclave", "coast", "range", "area", "station", "beach"),
     re.compile(r"(?P<n>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s(?:naval base|air base|airbase|airfield|exclave|coast(?! guard)|firing range|training area|naval station|air station|beach))\b")),
    (("training", "range", "ground", "site", "polygon"), re.compile(rf"(?P<n>{_NAMED}\s(?:training ground|training area|training range|training centre|training center|range|proving ground|test site|firing range|polygon))\b")),
    (("Military",), re.compile(r"(?P<n>[A-Z]\w+(?:\sand\s[A-Z]\w+)?\sMilitary\sDistricts?)")),
    (("Seas", "Oceans", "Straits", "Gulfs", "Islands"), re.compile(r"(?P<n>[A-Z]\w+\sand\s[A-Z]\w+\s(?:Seas|Oceans|Straits|Gulfs|Islands))\b")),
    (("region", "Region", "Krai", "Oblast", "Province", "Prefecture", "Governorate", "Peninsula", "Island", "Bay", "Gulf", "Strait", "Sea", "Coast", "Basin", "Autonomous"), re.compile(r"(?P<n>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s(?:Autonomous (?:Republic|Region|Okrug|Oblast|Prefecture|Province)|region|Region|Krai|Oblast|Province|Prefecture|Governorate|Peninsula|Islands|Island|Bay|Gulf|Strait|Sea|Coast(?! Guard)|Basin))\b")),
    (("waters", "coast", "shores", "sea", "airspace"),
     re.compile(r"\b(?P<n>(?:waters|sea|seas|coast|shores|airspace)\s(?:(?:just|some|about|roughly)\s)?(?:\d[\d,.]*\s(?:km|kilometres|kilometers|miles|nautical miles)\s)?(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s(?:of|off)\s(?:the\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")),
    # (a translated text may write the head in lower case: "the bay of Quintero", "the archipelago of Juan Fernández")
    (("Gulf of", "Bay of", "Sea of", "Strait of", "Straits of", "Isle of", "Cape of", "Bight of", "Sound of", "Firth of", "Archipelago of", "gulf of", "bay of", "archipelago of"),
     re.compile(r"\b(?P<n>(?:Gulf|Bay|Sea|Straits?|Isle|Cape|Bight|Sound|Firth|Archipelago|gulf|bay|archipelago) of (?:the )?[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)?)")),
    (("province", "prefecture", "district", "county", "governorate"),
     re.compile(r"(?P<n>[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)? (?:province|prefecture|district|county|governorate))\b")),
    # "north of the Hel Peninsula" (but "waters north of X" is read whole above, and "50 km west of X" is a distance)
    (("north of", "south of", "east of", "west of"),
     re.compile(r"(?<!waters )(?<!seas )(?<!the )(?<!, )(?<!-)(?<!km )(?<!kilometres )(?<!kilometers )(?<!miles )\b(?P<n>(?:north|south|east|west|north-east|north-west|"
                r"south-east|south-west|northeast|northwest|southeast|southwest) of (?:the )?[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)?)")),
    # "the approaches to Cape Horn", "the mouth of the Congo river": a stretch of sea named by what it leads to
    (("approaches ", "mouth of", "entrance to"),
     re.compile(r"\b(?P<n>(?:approaches (?:of|to)|mouth of|entrance to) (?:the )?[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)?(?: [Rr]iver)?"
                r"(?: of (?:the )?[A-ZÀ-ÖØ-Þ][\w'’-]+)?)")),  # ("the approaches to the Strait of Hormuz": the strait's whole name)
    # a stretch of a country's coast: "Egypt's northern coast", "the west coast of India"
    (("coast",), re.compile(r"(?P<n>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?['’]s?\s" + _COAST_SIDE + r"|(?<=the\s)" + _COAST_SIDE + r"\sof\s(?:the\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")),
    # a named landform with its kind in lower case: "the Adrar plateau", "the Negev desert"
    (_LANDFORMS, re.compile(r"(?<=the\s)(?P<n>[A-ZÀ-ÖØ-Þ][\w'’-]+\s(?:" + "|".join(_LANDFORMS) + r"))\b")),
    (("off ", "near ", "outside "), re.compile(r"\b(?:off|near|outside)\s(?:the\s)?(?:coast\sof\s|port\sof\s|city\sof\s)?(?P<n>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")),
]
_COAST_AT = next(i for i, (triggers, _) in enumerate(_LOC_PATTERNS) if triggers == ("coast",))
_LOC_TRIGGERS = Literals(frozenset(t for triggers, _ in _LOC_PATTERNS for t in triggers))
_LOC_BY_TRIGGER = {t: [i for i, (triggers, _) in enumerate(_LOC_PATTERNS) if t in triggers] for t in _LOC_TRIGGERS.prefixes}
_NOT_PLACE_HEAD = {"The", "A", "An", "In", "On", "At", "This", "That", "Its", "Their", "Our", "NATO", "Allied", "Joint", "Exercise",
                   "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
                   "April", "May", "June", "July", "August", "September", "October", "November", "December"}
_QTY = re.compile(r"(?:(?:about|more than|over|up to|some|approximately|nearly|around|roughly|almost|at least)\s+)?\d[\d,.]*\s+"
                  r"(?:[\w-]+\s+){0,2}?(?:troops|personnel|service personnel|ships|warships|aircraft|vessels|tanks|vehicles|helicopters|"
                  r"drones|sailors|soldiers|servicemen|jets|submarines|fighters|marines)\b")
_TRAIN = re.compile(r"\b(?:rehearsed|practised|practiced|practising|practicing|rehearsing|training subjects included|serials (?:planned )?(?:for [\w\s]+ )?cover|"
                    r"drills (?:on|in)|will practise|will practice|training included|activities included|included|includes)\s+(?P<list>[^.;:]+)")

_ANY_DIGIT = re.compile(r"\d")
_TRAIN_TRIGGERS = ("rehears", "practi", "include", "serials", "drills ")


@lru_cache(maxsize=None)
def _cues() -> dict[str, re.Pattern[str]]:
    """Compiled participation, negation, observer, adversary and ship cues."""
    lex = lexicon()
    part = [w for w in lex["participation_cues"]] + list(lex["exercise_nouns"]) + ["leads", "led", "participant", "participants", "edition",
                                                                                   "contributors", "contributor", "are back", "is back", "rejoined", "returning"]
    ships = lex["ship_types"]
    return {
        # (a trie: the longest word at a position is tried first, as in a list sorted longest first)
        "part": alternation(part, left=r"\b", right=r"\b"),
        "neg": any_of(lex["negation_cues"]),
        "obs": any_of(lex["observer_cues"] + [r"\b(?:would|will|to|may|could)\s+(?:again\s+)?(?:observe|watch)\b"]),  # ("personnel would observe it")
        "adv": any_of(lex["adversary_cues"]),
        "ship_word": re.compile(trie_pattern(list(ships))),
        "ship": re.compile(r"(?:(?:large|guided-missile|diesel-electric|comprehensive|landing|supply|rescue|missile|anti-submarine|amphibious|"
                           r"nuclear-powered|stealth|Italian|aircraft)\s+){0,2}(?:" + trie_pattern(ships)  # (a trie: longest type first)
                           + r")s?\s+(?:[A-Z]{2,5}\s+)?[A-Z][\w-]+(?:\s[A-Z][\w-]+)?(?:\s+and\s+(?:[A-Z]{2,5}\s+)?[A-Z][\w-]+)?"),
    }


@lru_cache(maxsize=None)
def _country_names() -> frozenset[str]:
    """Canonical and other names of countries (not demonyms, capitals or forces)."""
    data = load("countries")
    return frozenset(set(data) | {str(f) for info in data.values() for f in (info or {}).get("names") or []})


@lru_cache(maxsize=None)
def _plain_forms() -> frozenset[str]:
    """Country names, demonyms and capitals (the forms that are not names of armed forces)."""
    data = load("countries")
    out = set(data)
    for info in data.values():
        for key in ("names", "demonyms", "capitals"):
            out.update(str(f) for f in (info or {}).get(key) or [])
    return frozenset(out)


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence, split at semicolons, colons, dashes and contrast or time conjunctions."""
    return list(_clauses(text))


@lru_cache(maxsize=4096)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Cached body of `clauses`."""
    out, start = [], 0
    for m in _CLAUSE.finditer(text):
        if "(" in text and text.rfind("(", start, m.start()) > text.rfind(")", start, m.start()):
            continue  # "X (in Persian: Y) began in Z": a colon inside brackets ends no clause
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return tuple((a, b) for a, b in out if b > a)


def place_spans(text: str) -> list[tuple[int, int, str]]:
    """Places in `text` (gazetteer and patterns), longest first when they overlap, in text order."""
    return list(_place_spans(text))


@lru_cache(maxsize=4096)
def _place_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Places in `text` (gazetteer and patterns), longest first when they overlap, in text order."""
    found: list[tuple[int, int, str]] = []
    found.extend(places(text))
    for i in sorted({i for t in _LOC_TRIGGERS.present(text) for i in _LOC_BY_TRIGGER[t]}):  # (the patterns its trigger words let run, in order)
        for m in _LOC_PATTERNS[i][1].finditer(text):
            if "list" in m.groupdict() and m.group("list"):
                for item in re.split(r",\s|\sand\s", m.group("list")):
                    item = item.removeprefix("The ")
                    a = text.find(item, m.start())
                    if item in country_index()[0] and item not in country_index()[4]:
                        continue  # "US and Armenian bases": whose bases, not their names
                    if not re.match(r"\.\w", text[a + len(item):a + len(item) + 2]):  # not "Indo-U.S."
                        found.append((a, a + len(item), item))
                found.append((m.start(), m.end(), ""))  # block shorter overlaps
                continue
            n = m.group("n")
            head = n.split()[0]
            if (head in _NOT_PLACE_HEAD and not n.startswith("Joint Base ")) or (head.endswith(("'s", "’s")) and not n.endswith(("coast", "coastline", "seaboard"))) \
                    or n in country_index()[0] or n.split()[-1] in _REGION_ADJ:
                continue
            if n.split()[-1].islower() and text[max(0, m.start("n") - 4):m.start("n")].lower().endswith((" a ", " an ")):
                continue  # "a Rhodes beach", "an Italian air base": a place of that kind somewhere there, not its name
            if " and " in n and n.endswith(("Seas", "Oceans", "Straits", "Gulfs", "Islands")) and re.search(r"[A-Z][\w-]*\s$", text[max(0, m.start() - 20):m.start()]):
                continue  # "East Java and Riau Islands": two places, the first a name of two words, not one plural name
            if i == _COAST_AT and re.split(r"['’]s?\s| of (?:the )?", n)[0 if n[:1].isupper() else -1] not in country_index()[0]:
                continue  # "the west coast of India", but not "Africa's west coast" (a country's coast only)
            if n.endswith(_LANDFORMS) and head in country_index()[0]:
                continue  # "the Algerian desert": a country's land, no named landform
            if re.match(r" \d", text[m.end("n"):m.end("n") + 2]):
                continue  # "Naval Region 1", "Military Region 2": a command, not a place
            if n.split()[-1].islower() and any(t in _REGION_ADJ or (t in country_index()[0] and t != n.split()[0]) for t in n.split()[:-1]):
                continue  # "the East African coast"
            found.append((m.start("n"), m.end("n"), n))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str]] = []
    blocks: list[tuple[int, int]] = []
    for a, b, n in sorted(found, key=lambda t: -(t[1] - t[0])):
        if not n:
            blocks.append((a, b))
            continue
        if any(a < e and s < b and not (s <= a and b <= e and (s, e) in blocks) for s, e, _ in out):
            continue
        if _COLLECTIVE.match(text, b) or _ORG_AFTER.match(text, b):
            continue  # "other Pacific nations", "the Pacific Fleet" name no place
        if n.rsplit("-", 1)[-1] in _REGION_ADJ and _LOWER_NEXT.match(text, b):
            continue  # "NATO's big Arctic drill", "an Indo-Pacific exercise": a broad region used as an adjective, no venue
        out.append((a, b, n))
    return tuple(sorted(out))


# a capital's name that is a person's first name: after a title or role, before a surname
_TITLE_BEFORE = re.compile(r"\b(?:minister|president|secretary|spokes(?:man|woman|person)|ambassador|admiral|general|chief|commander|analyst|expert|"
                           r"researcher|envoy|official|officer|colonel|captain|Mr|Ms|Mrs|Dr|Gen|Adm|Col|Capt|Lt)\.?\s+$", re.I)
_NAME_AFTER = re.compile(r"\s[A-Z][a-z]+\b")


def country_spans(text: str) -> list[tuple[int, int, str]]:
    """Country mentions (names, demonyms, capitals, forces, ship prefixes) as (start, end, canonical name)."""
    spans = _country_spans(text)
    if not any(text[a:b] in shared_forms() for a, b, _ in spans):
        return list(spans)
    return [(a, b, resolve_country(text[a:b], c)) for a, b, c in spans]  # "RCAF" in a text about Cambodia


# a noun after a demonym that makes it a language ("by its Spanish initials", "the Russian-language name")
_LANGUAGE_AFTER = re.compile(r"\s(?:initials|acronym|abbreviation|name|names|word|term|spelling|translation|transliteration)\b|-language\b")


@lru_cache(maxsize=4096)
def _country_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Cached body of `country_spans` (before shared forms are resolved)."""
    forms, ships, rx, ship_rx, _ = country_index()
    found = mentions(text)
    places = [(a, b) for a, b, _ in place_spans(text)] if found else []  # only to drop "China" in "South China Sea"
    out = []
    capitals = country_index()[4]
    for m in found:
        a, b = m.span()
        if any(s <= a and b <= e and (e - s) > (b - a) for s, e in places):
            continue
        if m.group(0) in capitals and _NAME_AFTER.match(text, b) and _TITLE_BEFORE.search(text, max(0, a - 25), a):
            continue  # "defence minister Wellington Koo": a person's name, not the capital
        if text.startswith(" ", b) and _LANGUAGE_AFTER.match(text, b):
            continue  # "its Spanish initials", "the Russian name": a language, not a country
        out.append((a, b, forms[m.group(0)]))
    for m in ship_matches(text):
        out.append((m.start(1), m.end(1), ships[m.group(1)]))
    return tuple(sorted(out))


def focus_clause(text: str, focus: int) -> tuple[int, int]:
    """The clause of `text` that contains offset `focus`."""
    for a, b in _clauses(text):
        if a <= focus < b:
            return a, b
    return 0, len(text)


_LATER = re.compile(r"\b(?:then|thereafter|afterwards|subsequently|for (?:\w+ ){0,2}years|until it)\b")
_ONE_ASSET = re.compile(r"\s+(?:a|an|its|their)\s+(?!(?:single|contingent|delegation|team|force|unit|detachment|representative)\b)")
_LIST_GAP = re.compile(r",\s(?:the\s)?|,?\s(?:and|as well as)\s(?:the\s)?")
_ROLL_WORDS = re.compile(r"\b(?:nations|countries|navies|forces|militaries|participants|members|contingents|partners|them|they)\b")


# words a clause may open with before a negation cue and still have the sentence's subject as its own ("being disinvited")
_BARE_PREDICATE = re.compile(r"[\s,]*(?:(?:being|having)\s[^,;]*,\s*)?(?:(?:being|been|was|were|has|had|have|again|also|then|later|since|once)\s+)*")


# a relative clause set off by commas between a subject and its predicate ("X, which took part in 2023, did not ...")
_REL_ASIDE = re.compile(r",\s(?:which|who)\b[^;,]{0,150},\s*")
_TO_SPEAK = re.compile(r"\s+to\s+(?:comment|describe|say|confirm|deny|discuss|characteri[sz]e|call|name|label|elaborate|specify|disclose|answer|respond)\b")
_WITHOUT_VERB = re.compile(r"\s+(?:being|having|becoming|getting)\b")  # "without being bound to X": a verb, no absent country


# a past role set off before the predicate ("X, which took part as an observer in 2023, is not attending")
# a verb of telling whose clause has the subject's pronoun ("X, invited to ..., told the hosts in May that it "): X is meant
_SAID_IT = re.compile(r"\b(?:informed|told|notified|said|announced|confirmed|signalled|signaled|indicated|replied)\b[^,;]{0,45}?\bthat\sit\s$")
_PAST_ROLE = re.compile(r"[\s,]*(?:an?\s+)?observers?\s+(?:in|at|during)\s+[^,;]*,\s*")


_ACTIVE_AUX = re.compile(r"\b(?:had|has|have|did|does|do)\s+$")  # "X had not invited Y": X is the host, Y is left out
_NOT_AS = re.compile(r"\b(?:rather than|instead of|not as|no longer as|no longer|not merely as|not just as)\s+(?:an?\s+|mere\s+)?$")


def _subject(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The countries a clause starts with, as one list ("A and B withdrew ..."; not "... from the USS X" later on)."""
    out = [spans[0][2]]
    for (_, b, _), (a2, _, c2) in zip(spans, spans[1:]):
        if not _LIST_GAP.fullmatch(text, b, a2):
            break
        out.append(c2)
    return out


# a country's own part in the exercise, told before others are said to observe it ("A took part, and B sent observers")
_TOOK_PART = re.compile(r"\b(?:took|take|takes|taking) part\b|\bparticipat(?:ed|es|e)\b|\bjoined\b")


@lru_cache(maxsize=None)
def _force_from_rx() -> re.Pattern[str]:
    """A force noun and "from" just before a country ("five submarines, from A, B and C")."""
    return re.compile(r"\b(?:" + trie_pattern(list(lexicon()["force_nouns"])) + r"),?\s+from\s+(?:the\s+)?$", re.I)


def _force_from(text: str, a: int) -> bool:
    """Whether the country at `a` opens a list of the countries a force comes from: a participation cue."""
    return _force_from_rx().search(text, max(0, a - 40), a) is not None


def _roll_call(text: str, clause: str, spans: list[tuple[int, int, str]]) -> bool:
    """Whether a clause enumerates three or more countries as the members of a group it (or the words just before it)
    names ("the 14 nations are A, B, C and D", "officials list them as A, B and C"): a roll call of the participants."""
    if len(spans) < 3 or not _ROLL_WORDS.search(clause):
        return False
    names, run = _country_names(), 1
    for (_, b, _), (a2, b2, _) in zip(spans, spans[1:]):
        run = run + 1 if _LIST_GAP.fullmatch(text, b, a2) and text[a2:b2] in names else 1
        if run >= 3:
            return True
    return False


# "as Finland joined the alliance": a membership joined, not the exercise
_MEMBERSHIP = re.compile(r"\s+(?:the\s+)?(?:alliance|nato|bloc|eu|european union|organi[sz]ation|treaty|csto|pact|club|grouping)\b")


def _part_cue(rx: re.Pattern[str], clause: str) -> bool:
    """Whether a (lower-case) clause holds a participation cue that is not the joining of an alliance."""
    for m in rx.finditer(clause):
        if not (m.group(0).startswith("join") and _MEMBERSHIP.match(clause, m.end())):
            return True
    return False


def roles(text: str, explicit: bool, focus: int = 0,
          spans: list[tuple[int, int, str]] | None = None) -> tuple[list[str], set[str], set[str], list[str]]:
    """(participants, negated, observers, countries-as-places) of one segment.

    In an explicit mention every country counts unless its context says otherwise; elsewhere only
    countries in a clause with a participation cue count.
    """
    cues = _cues()
    pos: list[str] = []
    neg: set[str] = set()
    obs: set[str] = set()
    where: list[str] = []
    if spans is None:
        spans = country_spans(text)
    if not spans:
        return [], set(), set(), []
    fa, fb = focus_clause(text, focus)
    plain = _plain_forms()
    prev: list[tuple[int, int, str]] = []
    obs_next = False
    low = lower(text)
    # a cue word that starts no word of the whole segment starts none of a clause (clauses end and begin at
    # punctuation or spaces): one test of the segment instead of one word scan per clause
    obs_rx, neg_rx, adv_rx = cues["obs"], cues["neg"], cues["adv"]
    may_obs, may_neg, may_adv = obs_rx._may(low), neg_rx._may(low), adv_rx._may(low)
    for ca, cb in _clauses(text):
        clause = low[ca:cb]
        in_clause = [(a, b, c) for a, b, c in spans if ca <= a and b <= cb]
        if not in_clause:
            nm = neg_rx.search(clause) if prev and may_neg and prev[0][0] < 3 else None
            if nm and (_BARE_PREDICATE.fullmatch(clause, 0, nm.start()) or _PAST_ROLE.fullmatch(clause, 0, nm.start())):
                neg.update(_subject(text, prev))  # "X, which took part in 2014, was again absent": the sentence's subject stayed out
            elif prev and may_obs and (om := obs_rx.search(clause)) and not _NOT_AS.search(clause, max(0, om.start() - 25), om.start()):
                obs.update(_subject(text, prev))  # "X withdrew its contingent but sent observers" (not ", rather than an observer,")
            continue
        earlier, prev = prev, in_clause
        if "neither" in clause:
            continue
        speakers = {t for t in in_clause if (sm := _SPEAKER.match(text, t[1])) and not _OWN_EVENT.match(text, sm.end())
                    and not (text.endswith("announced", 0, sm.end()) and _ANNOUNCED_IT.match(text, sm.end()))}
        in_clause = [t for t in in_clause if t not in speakers]
        if obs_next:
            obs.update(c for _, _, c in in_clause)
            obs_next = False
            continue
        om = obs_rx.search(clause) if may_obs else None
        if om and _NOT_AS.search(clause, max(0, om.start() - 25), om.start()):
            om = None  # "took part as full participants rather than observers"
        if om and (_PAST.search(clause) or (earlier and _PAST_ROLE.match(clause) and om.start() < 20)):
            om = None  # "which sent only observers in previous years", "X, which took part as an observer in 2023, ..."
        if om and ", wh" in clause and any(r.start() < om.start() < r.end() for r in _REL_ASIDE.finditer(clause)):
            om = None  # "Japan, which for years had sent only observers, is participating": the aside tells another role
        if om and "observ" in om.group(0) and _INVITED.search(clause, 0, om.start()):
            om = None  # "Norway notified the exercise and invited observers": the host, who invites them
        if om and text[cb:cb + 1] == ":" and not clause[om.end():].strip(" ,:"):
            obs_next = True  # "a long list of observers: A, B and C sent representatives"
            continue
        if om:
            cue_at = ca + om.start()
            of = _OBS_FROM.search(clause)
            listed: set[tuple[int, int, str]] = set()  # the countries listed right after "observers from"
            if of:
                run = [t for t in in_clause if t[0] >= ca + of.end()]
                if run and not text[ca + of.end():run[0][0]].strip(" ").removeprefix("the").strip():
                    listed.add(run[0])
                    for (_, b1, _), t2 in zip(run, run[1:]):
                        if not _LIST_GAP.fullmatch(text, b1, t2[0]):
                            break
                        listed.add(t2)
            lead = [t for t in in_clause if t[1] <= cue_at]
            parted: set[tuple[int, int, str]] = set()  # "A took part in X, and B and C sent observers": A takes part
            for (_, b1, _), (a2, _, _) in zip(reversed(lead[:-1]), reversed(lead[1:])):
                if not _LIST_GAP.fullmatch(text, b1, a2):
                    if _TOOK_PART.search(low, b1, a2):
                        parted = {t for t in lead if t[1] <= b1}
                    break
            pos.extend(c for _, _, c in sorted(parted))
            for a, b, c in in_clause:
                if (a, b, c) in parted:
                    continue
                after_from = of and a > cue_at and (not listed or (a, b, c) in listed)
                if ((a < cue_at or after_from) and not _ORGAN.match(text[b:b + 40]) and not _ACCORDING.search(text[max(0, a - 20):a])
                        and not _LOC_PREP.search(text, max(0, a - 40), a)):  # "an observer ... in Islamabad": a place
                    obs.add(c)
            continue
        for m in (neg_rx.finditer(clause) if may_neg else ()):
            cue_at = ca + m.start()
            if m.group(0).casefold().startswith("without"):
                after = [t for t in in_clause if t[0] >= cue_at]
                if after and not _WITHOUT_VERB.match(text, cue_at + 7):
                    neg.add(after[0][2])  # "drills without the United States" (not "without being bound to X")
                continue
            if m.group(0) == "not invited" and _ACTIVE_AUX.search(clause, max(0, m.start() - 8), m.start()):
                after = [t for t in in_clause if 0 <= t[0] - (ca + m.end()) <= 8]
                neg.update(c for _, _, c in after[:1])  # "Norway had not invited Russian observers": the country after is left out
                continue
            if m.group(0) in ("declined", "refused") and _TO_SPEAK.match(clause, m.end()):
                continue  # "officials declined to describe it as part of X": a refusal to speak, not to take part
            if m.group(0).endswith("send") and _ONE_ASSET.match(clause, m.end()):
                continue  # "India did not send a submarine this time": one asset held back, the country still took part
            if _LATER.search(clause):
                continue  # "Australia then stayed away for thirteen years": later editions, not this one
            before = [t for t in in_clause if t[1] <= cue_at and cue_at - t[1] < 60]
            subj = [t for t in in_clause if t[1] <= cue_at and _REL_ASIDE.fullmatch(text, t[1], cue_at)] if ", wh" in clause else []
            if subj:  # "Israel, which has drilled with Cyprus, did not take part": the subject before the aside, not a country in it
                before = [t for t in in_clause if t[1] <= subj[-1][1]]
            if not before and in_clause and in_clause[0][0] < 3 and " it " in low[max(0, cue_at - 4):cue_at + 1] and _SAID_IT.search(low, max(0, cue_at - 60), cue_at):
                before = [in_clause[0]]  # "X, invited to send a ship, told the hosts in May that it would not take part": X
            if not before:  # "China, which took part in several earlier editions, did not send personnel": the subject before the aside
                before = [t for t in in_clause if t[1] <= cue_at and _REL_ASIDE.fullmatch(text, t[1], cue_at)][-1:]
            if not before and earlier and earlier[0][0] < 3 and (_BARE_PREDICATE.fullmatch(clause, 0, m.start())
                                                                 or _PAST_ROLE.fullmatch(clause, 0, m.start())):
                neg.update(_subject(text, earlier))  # "X, which took part as an observer in 2023, is not attending, Y said"
            if before:
                neg.add(before[-1][2])
                for (_, b1, c1), (a2, _, _) in zip(reversed(before[:-1]), reversed(before[1:])):
                    if not _LIST_GAP.fullmatch(text, b1, a2):
                        break
                    neg.add(c1)  # "The United States and France did not take part": every country of the subject
        adv_at = [ca + m.start() for m in adv_rx.finditer(clause)] if may_adv else []
        active = (explicit and fa <= ca < fb) or _part_cue(cues["part"], clause) or _roll_call(text, low[max(0, ca - 30):cb], in_clause) \
            or (" from " in clause and _force_from(text, in_clause[0][0]))
        area_end = -1  # the end of the last country named as the area ("across Norway, Sweden and Finland")
        near_end = -1  # the end of the last country named after "off", "near" or "around" ("off Poland, Lithuania and Latvia")
        off_list = False  # whether that list opened with "off" (its countries' waters are the area)
        hosts: list[str] = []
        area_host = ""  # the last country of the area's list (a host when it is the last of `hosts`)
        over_host = False  # a host named as the country an exercise is held over (no forces need be named)
        for a, b, c in in_clause:
            pre = text[max(0, a - 40):a]
            over = " over " in pre[-12:] and _OVER_AREA.search(text, max(0, a - 70), a) is not None  # "the drill runs over Cyprus"
            area = _AREA_PREP.search(pre) or over or (" to " in pre and text[a:b] in _country_names() and _DEST.search(text, max(0, a - 90), a))
            if area or _LOC_PREP.search(pre) or (" of " in pre[-10:] and _BEARING.search(pre)):
                plain_in = re.search(r"\bin\s+(?:the\s+)?$", pre) is not None
                # ("in Belarus's Vitebsk region" names Belarus as the area; "across Russia's military districts" the districts)
                if (area and text[a:b] in _country_names() and (plain_in or text[b:b + 1] not in "'’")
                        and not _spoke_in(text, a, b) and not _not_here(text, a) and not (" in" in pre and _SUPERLATIVE_IN.search(text, max(0, a - 90), a))):
                    where.append(re.sub(r"^.*\b(?:in|across|throughout|into|to|over)\s+(?:the\s+)?" + _LANDS_OF + "?", "", pre + text[a:b]).strip())
                    if not plain_in and (over or _HOST_PREP.search(pre)) and not _ROUTE.search(pre) and not _BROUGHT.search(text, max(0, a - 90), a):
                        hosts.append(c)  # "training across A, B and C": the countries it is held across host it, and take part
                        over_host = over_host or over
                    area_host = c
                    # a list continues the area after "across", "throughout", "into" or a compass word ("across Norway, Sweden
                    # and Finland"); after a plain "in" the list may be of hosts named for another reason ("ranges in A, B and C")
                    area_end = b if not plain_in else -1
                elif not area:
                    near_end = b  # "off Poland, Lithuania and Latvia": the list after "off", "near" or "around" names places too
                    off_list = text[a:b] in _country_names() and _OFF_PREP.search(pre) is not None and not _not_here(text, a)
                    if off_list:
                        where.append(text[a:b])  # "off Iceland": the country's waters are the area
                continue
            if ("ern " in pre[-10:] or " of " in pre) and text[a:b] in _country_names() and (cm := _COUNTRY_PART.search(pre)):
                where.append(_AREA_HEAD.sub("", cm.group(0)) + text[a:b])  # "western Russia": a part of the country, a place
            if area_end >= 0 and _AREA_LIST_GAP.fullmatch(text, area_end, a) and text[a:b] in _country_names():
                where.append(text[a:b])  # the next country of the area's list
                if hosts and hosts[-1] == area_host:
                    hosts.append(c)  # (the list goes on naming hosts)
                area_host = c
                area_end = b
                continue
            if near_end >= 0 and _AREA_LIST_GAP.fullmatch(text, near_end, a) and text[a:b] in _country_names():
                near_end = b  # the next country of a list of places off or near which it is held: no participant
                if off_list:
                    where.append(text[a:b])  # ("off Djibouti, Kenya and the Seychelles": each country's waters)
                continue
            # a criticising verb before the country belongs to another country that precedes it ("China condemned the
            # drills, which Japan held"): it does not make this one an adversary
            adversary = any(a - 60 <= p <= b + 60 and not (p < a and _SUBJECT_CUE.match(text, p) and any(s < p for s, _, _ in in_clause))
                            for p in adv_at)
            forceful = not explicit and (_FORCE_NEXT.match(text, b) is not None or " " in text[a:b] and text[a:b] not in plain)
            if (_ORGAN.match(text[b:b + 40]) or _LOC_NOUN.match(text, b) or adversary or not (active or forceful)
                    or (text.startswith("-", b) and _LED_BLOC.match(text, b))
                    or (" from " in text[max(0, a - 70):a] and _SPAN_FROM.search(text, max(0, a - 70), a))):
                continue
            if c not in neg:
                pos.append(c)
        if _FORCES_IN.search(clause) or (active and over_host):  # ("30,000 troops across A, B and C": forces are there, its hosts take part)
            pos += [c for c in hosts if c not in neg]
    return list(dict.fromkeys(pos)), neg, obs, where


# a country that criticises, condemns, shadows, tracks, comments on or is notified of a drill (its subject, up to a few words before the verb)...
_HOSTILE_VERB = re.compile(r"^(?:['’]s)?(?:\s+(?!(?:and|or|said|says|told|stated|announced|reported|added|who|which|that|it|they|while|as)\b)[\w-]+){0,4}?\s+(?:(?:has|have|had|also|strongly|sharply|quickly|repeatedly|was|were)\s+)?"
                           r"(?:condemn\w*|criticis\w*|criticiz\w*|denounc\w*|protest\w*|decr(?:y|ied|ies)|slam\w*|lambast\w*|"
                           r"shadow\w*|tail(?:ed|ing|s)|track(?:ed|ing|s)|monitor(?:ed|ing|s)|spied|intercept\w*|scrambl\w*|"
                           r"object(?:ed|s|ing)?\s+to|opposed?|oppos(?:es|ing)|warned\s+against|called\s+(?:the|it|them)\s+(?:a\s+)?provocat\w*|"
                           r"(?:been|was|were|is|are)\s+(?:informed|notified|briefed|forewarned)|(?:comment|react|respond)\w*\s+(?:\w+\s+)?(?:on|to))\b")
# ... or the country a drill is aimed at ("simulating an attack by X", "aimed at deterring X", "against X")
_TARGET_BEFORE = re.compile(r"(?:\b(?:attacks?|invasion|strikes?|incursions?|aggression|threats?|provocations?|missiles?)\s+(?:by|from)|"
                            r"\b(?:criticism|condemnation|protests?|objections?|rebukes?|complaints?|anger|warnings?)\s+(?:by|from)|"
                            r"\b(?:(?:veiled|clear|thinly[\w\s-]*|oblique|implicit|pointed)\s+)?(?:references?|allusions?|swipes?|jabs?|digs?|warnings?|messages?|signals?)\s+(?:to|at|for)|"
                            r"\b(?:aimed|directed|targeted)\s+at(?!\s+(?!deterring|countering|containing|intimidating|warning)[a-z]+ing\b)(?:\s+(?:deterring|countering|containing|intimidating|warning))?|"
                            r"\btarget(?:ing|s)|\bto\s+(?:deter|counter|contain|intimidate)|\bagainst(?:\s+(?:a|an|any|possible|potential))?(?:\s+(?:aggression|attack|invasion)\s+(?:by|from))?"
                            r")\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


# a lower-case word one of which every match of _TARGET_BEFORE holds
_TARGET_WORDS = ("criticism", "condemnation", "protest", "objection", "rebuke", "complaint", "anger", "reference", "allusion", "swipe", "jab", "dig", "warning", "message", "signal", "attack", "invasion", "strike", "incursion", "aggression", "threat", "provocation", "missile", "aimed", "directed",
                 "target", "deter", "counter", "contain", "intimidate", "against")
_TARGET_WORD = re.compile(trie_pattern(_TARGET_WORDS))  # (one scan for any of them)


def _target_before(text: str, a: int) -> bool:
    """Whether `_TARGET_BEFORE` matches just before offset `a`; an ASCII window without any of its words is not scanned."""
    lo = max(0, a - 60)
    window = text[lo:a]
    if window.isascii():  # (case-insensitive matching of ASCII letters is matching in lower case)
        low = window.lower()
        if _TARGET_WORD.search(low) is None:
            return False
    return _TARGET_BEFORE.search(text, lo, a) is not None


_SUBJECT_CUE = re.compile(r"(?i)condemn|criticis|criticiz|denounc|protest|accus|object|oppos|reject|shadow|monitor|track|spotted|intercept|scrambl|urged|warned")


def hostile(text: str, spans: list[tuple[int, int, str]] | None = None) -> set[str]:
    """Countries a segment shows criticising, condemning, shadowing or being the target of a drill: never participants."""
    if spans is None:
        spans = country_spans(text)
    out = set()
    for a, b, c in spans:
        tail = text[b:b + 60]
        if _HOSTILE_VERB.match(tail) and not any(b < s < b + _HOSTILE_VERB.match(tail).end() for s, _, _ in spans):
            out.add(c)
        elif _target_before(text, a) and not _LOC_PREP.search(text, max(0, a - 40), a):
            out.add(c)  # (not "targets near the Iranian port": a place, not the target)
    return out


# "drills stretching from Senegal to Angola": the ends of an area, not participants
_SPAN_FROM = re.compile(r"\b(?:stretch\w*|extend\w*|rang(?:e|es|ed|ing)|spann\w*|reach\w*)\s+from\s+(?:[\w'’ -]{0,40}?\s+to\s+)?(?:the\s+)?$")
# "the Russian-led CSTO", "the US-led coalition": the leader of a bloc, not a participant of the exercise
_LED_BLOC = re.compile(r"-(?:led|backed|dominated)\s+(?:[A-Z]{2,}\b|(?:[\w-]+\s+)?(?:bloc|alliance|coalition|grouping|organi[sz]ation|treaty|pact)\b)")


# "held off Guam rather than in the Indian Ocean", "not in the Baltic": a place the exercise is said not to be held in
_NOT_HERE = re.compile(r"\b(?:rather than|instead of|not|never|no longer)\s+(?:(?:in|at|off|near|around|across|into)\s+)?(?:the\s+)?$")
_NOT_HERE_WORDS = ("than", "instead", "not", "never", "longer")


def _not_here(text: str, a: int) -> bool:
    """Whether `_NOT_HERE` matches just before offset `a`; a window without any of its words is not scanned."""
    window = text[max(0, a - 30):a]
    return any(w in window for w in _NOT_HERE_WORDS) and _NOT_HERE.search(window) is not None


def locations(text: str) -> list[str]:
    """Places named in a segment, as written (not the place inside a force name like "Pacific Fleet")."""
    forces = [m.span() for m in mentions(text) if " " in m.group(0)]
    return [n for a, b, n in place_spans(text) if not any(s <= a and b <= e and (e - s) > (b - a) for s, e in forces)
            and not _spoke_in(text, a, b) and not _not_here(text, a) and not ("from" in text[max(0, a - 12):a] and _HOME_BASE.search(text, max(0, a - 40), a))
            and not _SUPERLATIVE_IN.search(text, max(0, a - 90), a) and not _RANKED_IN.match(text, b)
            and not (" open" in text[max(0, a - 30):a] and _VISION.search(text, max(0, a - 30), a))
            and not (a <= 11 and text[b:b + 1] == "," and _ACROSS_OPEN.match(text))]  # ("Across the Atlantic, ...": a transition, no venue)


_ACROSS_OPEN = re.compile(r"Across\s(?:the\s)?[\w\s-]{0,20}?(?:Atlantic|Pacific|Channel|Tasman|Sea|Ocean|Strait|Gulf)\b")  # (a sea crossed: the far side)


# "the region's largest exercise": the region an exercise is ranked in, not where it is held
_RANKED_IN = re.compile(r"['’]s\s(?:[\w-]+\s)?(?:largest|biggest|oldest|longest-running|most|premier|leading|main|top)\b")
# "a free and open Indo-Pacific": a policy slogan, no venue
_VISION = re.compile(r"\b(?:free|open|rules-based|inclusive|stable|secure|peaceful|prosperous)(?:,?\s(?:and\s)?(?:free|open|rules-based|inclusive|stable|secure|peaceful|prosperous))*\s+$")


# "the largest multinational exercise in Asia": the region the exercise is ranked in, not where it is held
_SUPERLATIVE_IN = re.compile(r"\b(?:largest|biggest|oldest|longest-running|most important|premier)\s(?:[\w-]+\s){0,4}?"
                             r"(?:exercises?|drills?|manoeuvres|maneuvers|war ?games?|event)\s+(?:(?:ever\s+)?(?:held|staged|conducted)\s+)?in\s+(?:the\s+)?$")


# a unit and the base it comes from ("a Stryker company from Joint Base X"): where it is stationed, not where it trains
_HOME_BASE = re.compile(r"\b(?:company|battalion|brigade|regiment|troop|troops|squadron|units?|contingents?|detachment|soldiers|sailors|"
                        r"personnel|marines|airmen|crews?)\s+(?:based\s+)?from\s+(?:the\s+)?$", re.I)


_SPOKE_PREP = re.compile(r"\b(?:in|from)\s+(?:the\s+)?$")


def _spoke_in(text: str, a: int, b: int) -> bool:
    """Whether the place at text[a:b] is only where someone spoke ("officials in Accra said")."""
    pre = _SPOKE_PREP.search(text, max(0, a - 12), a)
    return pre is not None and (_speaker_before(text, pre.start()) or _SAID_AFTER.match(text, b) is not None)


# (a longer name that ends in a facility's noun is one place: "the Kenya Defence Forces Staff College")
# (a lower-case particle may join a place's words: "Sierra del Retín", "Castel di Sangro"; an abbreviated saint's name is one too: "St. Philip")
_PARTICLE = r"(?:\s(?:de|del|de la|da|do|dos|das|di|della|du|des|von|van|der)\s[A-Z][\w'’-]+)?"
_FACILITY = ("College", "Academy", "School", "Barracks", "Airfield", "Garrison")
# (and the ends of a stretch of water: "covers the waters between Tema and Cotonou")
_PREP_PLACES = re.compile(r"\b(?:in|at|around|near|off|outside|(?:waters|coast|coastline|area|sea|zone)\sbetween)\s(?:the\s)?(?P<list>(?:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,4}\s(?:" + "|".join(_FACILITY) + r")\b|"
                          r"(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?" + _PARTICLE + r")(?:(?:,\s|,?\sand\s)[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?" + _PARTICLE + r")*)")
# a person or body right before "in X" ("officials in Cairo", "the embassy in Manila"), or a reporting verb right after
_SPOKE_IN = re.compile(r"\b(?:officials?|sources?|diplomats?|spokes(?:man|woman|person|people)|ministry|ministries|government|authorities|"
                       r"embassy|embassies|reporters?|journalists?|correspondents?|analysts?|experts?|observers|press conference|statement|"
                       r"briefing|speaking|spoke|said|told|interview|headquarters|leaders?|president|minister)\s*$", re.I)
# the words _SPOKE_IN ends with (lower case): a window that ends otherwise holds no match
_SPOKE_WORDS = ("official", "officials", "source", "sources", "diplomat", "diplomats", "spokesman", "spokeswoman", "spokesperson",
                "spokespeople", "ministry", "ministries", "government", "authorities", "embassy", "embassies", "reporter", "reporters",
                "journalist", "journalists", "correspondent", "correspondents", "analyst", "analysts", "expert", "experts", "observers",
                "press conference", "statement", "briefing", "speaking", "spoke", "said", "told", "interview", "headquarters", "leader",
                "leaders", "president", "minister")


def _speaker_before(text: str, a: int) -> bool:
    """Whether `_SPOKE_IN` matches in the 40 characters before offset `a`; an ASCII window that does not end in one of
    its words is not scanned."""
    lo = max(0, a - 40)
    window = text[lo:a]
    if window.isascii() and not window.rstrip().lower().endswith(_SPOKE_WORDS):
        return False  # (case-insensitive matching of ASCII letters is matching in lower case)
    return _SPOKE_IN.search(text, lo, a) is not None


_SAID_AFTER = re.compile(r",?\s+(?:(?:on|late on|earlier on)\s+\w+day\s+)?(?:said|says|told|announced|stated|reported|added|confirmed)\b")
_NOT_PLACE_WORDS = {"U.S.", "US", "UN", "NATO", "Navy", "Army", "Force", "Forces", "Ministry", "Command", "Fleet", "Corps", "Guard",
                    "Council", "Institute", "Centre", "Center", "University", "Forum", "Office", "Department", "Agency", "Headquarters"}


_BARE_COMPASS = {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}  # "aimed at the North"


def prep_places(text: str) -> list[str]:
    """Capitalised names after "in/at/around/near/off" that are not countries, dates or organisations."""
    forms, capitals = country_index()[0], country_index()[4]
    known = [(a, b) for a, b, _ in place_spans(text)]
    out = []
    for m in _PREP_PLACES.finditer(text):
        pos = m.start("list")
        if _speaker_before(text, m.start()) or _SAID_AFTER.match(text, m.end()):
            continue  # "officials in Cairo said": where someone spoke, not where the exercise was held
        if _SUPERLATIVE_IN.search(text, max(0, pos - 90), pos):
            continue  # "the largest exercise in Asia": where it ranks, not where it is held
        if _not_here(text, m.start()):
            continue  # "rather than in Goa": where it is not held
        if text[m.start() - 2:m.start() - 1] in ('"', "”") and text[m.start():m.start() + 3] == "in ":
            continue  # 'a name that means "storm" in Quechua': a word's language, not a place
        for item in re.split(r",?\sand\s|,\s", m.group("list")):
            a = text.find(item, pos)
            pos = a + len(item)
            toks = item.split()
            if (not toks or toks[0] in _NOT_PLACE_HEAD or item in _BARE_COMPASS or (item in forms and item not in capitals)
                    or (any(t in _NOT_PLACE_WORDS for t in toks) and toks[-1] not in _FACILITY)
                    or (item.isupper() and len(item) <= 5)):
                continue
            if any(s < a + len(item) and a < e for s, e in known) or "'s" in item or "’s" in item or re.match(r"\s+of\b", text[pos:pos + 4]):
                continue
            if text[pos:pos + 1] == ":" or any(s <= a and a + len(item) < e for s, e in (m.span() for m in mentions(text))):
                continue  # "in Persian: ...": a language's label; "in Côte d'Ivoire": the first word of a country's name
            if any(t.rstrip("'’s") in forms and forms[t.rstrip("'’s")] != t and t not in capitals for t in toks) or toks[-1] in _REGION_ADJ:
                continue
            out.append(item)
    return out


def _countries_only(item: str) -> bool:
    """Whether a list item names only countries ("Kenya", "Georgia and the Seychelles")."""
    forms = country_index()[0]
    return all(re.sub(r"^the\s+", "", p) in forms for p in re.split(r"\s+and\s+", item))


def activities(text: str) -> list[str]:
    """Short verbatim phrases naming what was done or sent: drills, weapons firings, ships, numbers."""
    out: list[str] = []
    cues = _cues()
    if cues["ship_word"].search(text):
        for m in cues["ship"].finditer(text):
            out.append(m.group(0))
    if _ANY_DIGIT.search(text):
        for m in _QTY.finditer(text):
            out.append(m.group(0))
    if not any(t in text for t in _TRAIN_TRIGGERS):
        return list(dict.fromkeys(a for a in out if a and len(a) <= 90))
    for m in _TRAIN.finditer(text):
        body = re.split(r",?\s+(?:according to|the [\w\s'’-]+ (?:said|says|added|stated|announced)|said|says)\b", m.group("list"))[0]
        items = [re.sub(r"^(?:and|the)\s+", "", item.strip(" ,"))
                 for item in re.split(r",\s+(?:and\s+)?|\s+and\s+(?=\w+ing\b)|\s+and\s+(?=[a-z]+\s[a-z]+$)", body)]
        if 2 * sum(map(_countries_only, items)) >= len(items):
            continue  # "Participants included Kenya, France and the United States": who took part, not what was done
        for item in items:
            if 1 <= len(item.split()) <= 7 and not re.search(r"[A-Z]{2,}|\d", item[:1]):
                out.append(item)
    return list(dict.fromkeys(a for a in out if a and len(a) <= 90))
