"""A deterministic, seeded corpus of realistic news articles about military exercises.

Usage: python benchmarks/corpus.py N OUTDIR [--seed S]      (default seed 1)

Writes N UTF-8 .txt articles (about 3.5 KB on average, 1-10 KB) to OUTDIR, named
`NNNNNN_<outlet>_<slug>.txt`. Each article has an outlet line, section/navigation line, headline,
byline, date line, a dateline lead, body paragraphs about one or more exercises (series names
from briefings/data/exercises.yaml with a year, places from places.yaml, participants by name,
demonym, capital or armed force from countries.yaml; frozen in benchmarks/corpus_names.yaml),
factual claims with numbers, attributed
statements and quotes, hedged assessments, and page clutter (share lines, "Read also", related
lists, cookie notices, photo credits, tags, subscription prompts). About one article in six is a
near-duplicate wire copy of an earlier one republished by another outlet (new furniture, light
edits), and several articles report the same event in their own words, so that copy detection,
exercise merging and claim corroboration have work.

Deterministic: article i depends only on (seed, i) and corpus_names.yaml, so the same seed gives
a byte-identical corpus, and the first 100 articles of a 10,000-article corpus are the 100-article
corpus. Sentence patterns live in this file; the variety comes from the seed.

Importable: `generate(n, seed)` yields (file name, text); `write_corpus(n, outdir, seed)` writes.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "briefings" / "data"
NAMES = Path(__file__).resolve().parent / "corpus_names.yaml"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIRST = ["Anna", "Kenji", "Olga", "Paul", "Maria", "David", "Li", "Wei", "Sergei", "Elena", "James",
         "Priya", "Rahul", "Sofia", "Tomasz", "Ingrid", "Lars", "Ahmed", "Fatima", "Carlos", "Lucia",
         "Hiroshi", "Yuki", "Mikhail", "Irina", "Daniel", "Sarah", "Rebecca", "Marcus", "Chen",
         "Hannah", "Oliver", "Amira", "Nikolai", "Ji-woo", "Min-jun", "Aroha", "Tane", "Kofi", "Ama"]
LAST = ["Arakawa", "Stepnova", "Drummond", "Keller", "Novak", "Zhang", "Liu", "Ivanov", "Petrova",
        "Okafor", "Mensah", "Sharma", "Iyer", "Garcia", "Moreno", "Wielgus", "Lindqvist", "Haugen",
        "Nakamura", "Sato", "Volkov", "Sokolova", "Thorne", "Feld", "Ruelle", "Brennan", "O'Neill",
        "Kowalski", "Haddad", "Rahman", "Kim", "Park", "Ngata", "Walker", "Fischer", "Dubois",
        "Rossi", "Costa", "Yilmaz", "Demir"]
OUTLETS = ["Meridian Wire", "Harbourline Defence Wire", "Strategic Horizons", "The Maritime Ledger",
           "Pacific Dispatch", "Northern Watch", "Baltic Monitor", "Drillbook Weekly",
           "Two Rivers Policy Review", "Asia Security Journal", "The Coastal Gazette",
           "Eurasia Defence Daily", "Blue Water Review", "Global Naval News", "The Evening Courier",
           "Continental Post", "Frontline Analysis", "Sea Power Bulletin", "Regional Tribune",
           "Capital Times"]
WIRES = ["Meridian Wire", "Harbourline Defence Wire", "Pacific Dispatch"]
SECTIONS = ["World | Asia-Pacific | Defence", "News › Defence › Naval", "Home › World › Europe",
            "Analysis | Security | Eurasia", "Features · Defence", "World | Americas | Military",
            "Defence › Exercises", "Regions | Indo-Pacific"]
SHIP_NAMES = ["Admiral Panteleyev", "Gromkiy", "Nanchang", "Kunming", "Vikrant", "Kolkata",
              "Ballarat", "Murasame", "Intrepid", "Kraburi", "Sachsen", "Bayern", "Tromp",
              "Absalon", "Visby", "Hamina", "Gdynia", "Aquitaine", "Bergamini", "Cristobal Colon",
              "Defender", "Dragon", "Kent", "Arleigh Burke", "Mustin", "Ramage", "Carney",
              "Yamato", "Sejong", "Dokdo", "Hobart", "Anzac", "Te Kaha", "Halifax", "Montreal"]
ACTIVITIES = ["air defence", "anti-submarine warfare", "mine countermeasures", "gunnery against sea "
              "targets", "replenishment at sea", "search and rescue", "boarding operations",
              "amphibious landings", "joint tactical manoeuvring", "cross-deck flying",
              "electronic warfare", "live firing", "escort of a convoy", "damage control",
              "maritime interdiction", "medical evacuation"]
CONSEQUENCES = ["sharpen the debate over defence spending in the region",
                "prompt a diplomatic protest from neighbouring capitals",
                "become a regular fixture of the two navies' calendar",
                "complicate efforts to lower tensions in the area",
                "encourage other navies to seek similar arrangements",
                "strengthen the case for a permanent presence in the area",
                "raise questions about the limits of the partnership",
                "signal a shift in priorities after years of smaller drills"]
JUDGEMENTS = ["a political message as much as a military one",
              "a partnership of convenience rather than an alliance",
              "a test of how far interoperability has really come",
              "a reminder that the region's waters are increasingly crowded",
              "largely symbolic, whatever the headline numbers say",
              "one of the clearest signs yet of deepening cooperation"]
WANTED = ["a message for neighbours", "realistic conditions", "room for long-range firing"]
INTENTS = ["showing it can operate far from home", "courting new partners",
           "reassuring its neighbours"]
ROLES = ["a senior fellow at the {org}", "a researcher at the {org}", "an analyst at the {org}",
         "a professor of security studies at the {org}", "director of the naval programme at the {org}"]
ORGS = ["Institute for Maritime Studies", "Centre for Strategic Research", "Harbour Policy Forum",
        "University of Northern Studies", "Foundation for Security Analysis", "Pacific Council"]
OFFICIALS = ["defence ministry", "navy", "foreign ministry", "joint staff", "military spokesman"]
TOPICS = ["Naval exercises", "Defence", "Military cooperation", "Maritime security", "Alliances",
          "Arms control", "Geopolitics"]
RELATED = ["Navy commissions its newest frigate after sea trials",
           "Defence budget rises for a third year running",
           "Coast guard tracks survey ship near disputed islands",
           "Submarine fleet upgrade delayed again, officials say",
           "Air force scrambles jets as patrol planes near airspace",
           "Shipyard wins contract for two more corvettes",
           "Ministers meet to discuss regional security framework",
           "New radar station opens on the northern coast"]
COOKIE = ["We use cookies to improve your experience. By continuing you accept our privacy policy.",
          "This site uses cookies. Manage preferences | Accept all",
          "Cookie settings: we and our partners use cookies for analytics and advertising."]
SHARE = ["Share on Facebook | Share on X | Share on LinkedIn | Copy link",
         "Share this article: Facebook · X · WhatsApp · Email",
         "Share | Print | Font size"]
SUBSCRIBE = ["Sign up for our weekly newsletter and get the best defence analysis in your inbox.",
             "Subscribe now for full access to our archive from £4.99 a month.",
             "Follow us on Telegram and on Google News for the latest updates."]
NATO_ISH = {"United States", "United Kingdom", "France", "Germany", "Italy", "Spain", "Netherlands",
            "Denmark", "Norway", "Poland", "Canada", "Turkey", "Greece", "Sweden", "Finland",
            "Estonia", "Latvia", "Lithuania", "Romania", "Portugal", "Belgium"}


@lru_cache(maxsize=1)
def gazetteers() -> dict:
    """The frozen name lists (benchmarks/corpus_names.yaml), so the corpus does not change when
    briefings/data grows."""
    return yaml.safe_load(NAMES.read_text(encoding="utf-8"))


def names_from_data() -> dict:
    """Series, places and countries from briefings/data, in file order (for --refresh-names)."""
    ex = yaml.safe_load((DATA / "exercises.yaml").read_text(encoding="utf-8"))
    places = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))
    countries = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    return {
        "series": [s for s in ex["series"] if re.fullmatch(r"[A-Z][A-Za-z ]+", s)],
        "waters": [p for p in places.get("waters", []) if re.search(r"Sea|Ocean|Strait|Gulf|Bay", p)],
        "regions": list(places.get("regions", [])),
        "ports": list(places.get("ports", [])),
        "countries": {name: {k: c[k][:1] for k in ("demonyms", "capitals", "forces")}
                      for name, c in countries.items()
                      if c.get("demonyms") and c.get("capitals") and c.get("forces")},
    }


def _pick(rng: random.Random, items: list, k: int) -> list:
    return rng.sample(items, min(k, len(items)))


def _date(rng: random.Random, year: int) -> tuple[int, int, int]:
    return year, rng.randrange(12), rng.randint(1, 24)


class Event:
    """One exercise with its facts; several articles report it in their own words."""

    def __init__(self, seed: int, k: int):
        g = gazetteers()
        rng = random.Random(f"{seed}:event:{k}")
        self.series = rng.choice(g["series"])
        self.year = rng.randint(2012, 2025)
        style = rng.randrange(4)
        yy = self.year % 100
        self.name = [f"{self.series}-{self.year}", f"{self.series} {self.year}",
                     f"{self.series.upper() if len(self.series) < 9 else self.series} {yy:02d}",
                     f"{self.series} {self.year}"][style]
        _, self.month, self.day = _date(rng, self.year)
        self.length = rng.randint(3, 14)
        self.water = rng.choice(g["waters"])
        self.port = rng.choice(g["ports"])
        self.region = rng.choice(g["regions"])
        names = list(g["countries"])
        blocs = [n for n in names if n in NATO_ISH]
        others = [n for n in names if n not in NATO_ISH]
        pool = blocs if rng.random() < 0.5 else others
        self.participants = _pick(rng, pool, rng.randint(2, 6))
        self.host = self.participants[0]
        self.observer = rng.choice([n for n in names if n not in self.participants])
        self.ships = rng.randint(4, 60)
        self.aircraft = rng.randint(2, 90)
        self.personnel = rng.choice([800, 1200, 2500, 3000, 4500, 6000, 9000, 12000, 15000])
        self.activities = _pick(rng, ACTIVITIES, 4)
        self.ship_names = _pick(rng, SHIP_NAMES, 4)
        self.iteration = rng.randint(2, 30)
        self.cancelled = rng.random() < 0.05
        self.planned = rng.random() < 0.15

    def end_day(self) -> int:
        return min(self.day + self.length, 28)


def _force(country: str) -> str:
    """The country's main armed force ("the Hellenic Navy", "PLA")."""
    force = gazetteers()["countries"][country]["forces"][0]
    return force if force.isupper() else "the " + force


def _the(country: str) -> str:
    return f"the {country}" if country in {"United States", "United Kingdom", "Netherlands",
                                           "Philippines", "United Arab Emirates"} else country


def _poss(country: str) -> str:
    """'Japan's', 'the Philippines'' (possessive)."""
    name = _the(country)
    return name + ("’" if name.endswith("s") else "’s")


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _demonym(country: str) -> str:
    return gazetteers()["countries"][country]["demonyms"][0]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _when(e: Event, rng: random.Random) -> str:
    m = MONTHS[e.month]
    return rng.choice([f"from {e.day} to {e.end_day()} {m}", f"from {m} {e.day} to {e.end_day()}",
                       f"between {e.day} and {e.end_day()} {m} {e.year}",
                       f"on {m} {e.day}, {e.year}"])


# --- sentence patterns -------------------------------------------------------------------------
# Each takes (event, rng) and returns one sentence. Facts (numbers, places, dates) come from the
# event, so different articles about one event state the same facts in different words.

def s_lead(e, rng):
    ps = [_demonym(p) for p in e.participants[:3]]
    verb = ("will hold" if e.planned else "have begun" if rng.random() < 0.4 else "completed")
    return (f"{_list(ps)} warships {verb} the {e.name} exercise in the {e.water}, "
            f"{_poss(e.host)} {rng.choice(OFFICIALS)} said on {rng.choice(WEEKDAYS)}.")


def s_dates(e, rng):
    if e.cancelled:
        return (f"{e.name}, which had been due to start on {MONTHS[e.month]} {e.day}, was "
                f"postponed, {_poss(e.host)} defence ministry said.")
    return f"{e.name} runs {_when(e, rng)} in waters near {e.port}, close to the {e.water}."


def s_scale(e, rng):
    return rng.choice([
        f"The exercise involves {e.ships} ships, {e.aircraft} aircraft and about "
        f"{e.personnel:,} personnel, according to the {_demonym(e.host)} navy.",
        f"Some {e.personnel:,} troops, {e.ships} vessels and {e.aircraft} aircraft and "
        f"helicopters are taking part, the organisers said in a statement.",
        f"Officials put the size of the drills at {e.ships} warships and roughly "
        f"{e.personnel:,} service members."])


def s_participants(e, rng):
    names = [_the(p) for p in e.participants]
    return rng.choice([
        f"Participating nations are {_list(names)}.",
        f"The navies of {_list(names)} sent ships to the drills.",
        f"Forces from {_list(names)} are taking part, with {_force(e.host)} "
        f"in the lead."])


def s_ships(e, rng):
    p = rng.choice(e.participants)
    types = ["destroyer", "frigate", "corvette", "submarine", "supply ship", "landing ship"]
    return (f"{_the(p)} contributed the {rng.choice(types)} {e.ship_names[0]} and the "
            f"{rng.choice(types)} {e.ship_names[1]}, as well as a maritime patrol aircraft.")


def s_activities(e, rng):
    return (f"Crews are practising {_list(e.activities[:3])}, and will finish with "
            f"{e.activities[3]} in the {e.water}.")


def s_history(e, rng):
    return (f"Now in its {e.iteration}th iteration, {e.series} has been held "
            f"{rng.choice(['every year', 'every two years', 'most years'])} since "
            f"{e.year - e.iteration - rng.randint(0, 5)}.")


def s_observer(e, rng):
    return (f"{_the(e.observer)} sent officers to observe the drills but did not send ships, "
            f"a spokesman in {gazetteers()['countries'][e.observer]['capitals'][0]} said.")


def s_region(e, rng):
    return (f"A land phase will take place near {e.region}, where {_demonym(rng.choice(e.participants))} "
            f"marines are due to rehearse a landing.")


def s_official_quote(e, rng):
    who = _person(rng)
    q = rng.choice(["The exercise is not directed at any third party",
                    "Our crews have trained hard for this and the results speak for themselves",
                    "These drills strengthen our ability to operate together at sea",
                    "We will continue to train with our partners wherever international law allows"])
    return rng.choice([f"“{q},” said Rear Admiral {who}, who commands the {_demonym(e.host)} task group.",
                       f"“{q},” {_poss(e.host)} {rng.choice(OFFICIALS)} spokesman {who} told reporters."])


def s_attributed(e, rng):
    return (f"{_poss(rng.choice(e.participants))} {rng.choice(OFFICIALS)} said the drills were part of "
            f"an annual cooperation plan agreed in {e.year - 1}.")


def s_reaction(e, rng):
    return (f"{_poss(e.observer)} {rng.choice(OFFICIALS)} said on {rng.choice(WEEKDAYS)} that it was "
            f"monitoring the exercise closely and had tracked {rng.randint(2, 8)} of the ships.")


def s_assess_likely(e, rng):
    return (f"The drills are {rng.choice(['likely', 'very likely', 'unlikely'])} to "
            f"{rng.choice(CONSEQUENCES)}.")


def s_assess_analyst(e, rng):
    who = _person(rng)
    role = rng.choice(ROLES).format(org=rng.choice(ORGS))
    return rng.choice([
        f"Analysts said the exercise was {rng.choice(JUDGEMENTS)}.",
        f"“This is {rng.choice(JUDGEMENTS)},” said {who}, {role}.",
        f"{who}, {role}, argues that {e.name} could {rng.choice(CONSEQUENCES)}."])


def s_assess_we(e, rng):
    return (f"We assess with {rng.choice(['moderate', 'high', 'low'])} confidence that "
            f"{_the(e.host)} will {rng.choice(CONSEQUENCES)}.")


def s_assess_suggest(e, rng):
    return (f"The choice of the {e.water} suggests that planners wanted "
            f"{rng.choice(WANTED)} more than anything else.")


def s_background(e, rng):
    other = rng.choice(gazetteers()["series"])
    yr = rng.randint(2005, e.year)
    return (f"In {yr}, a similar group took part in {other} {yr}, then the largest "
            f"drills of their kind in the {rng.choice(gazetteers()['waters'])}.")


def s_transit(e, rng):
    straits = [w for w in gazetteers()["waters"] if "Strait" in w] or ["Bosporus"]
    return (f"On the way, the group sailed through the {rng.choice(straits)}, "
            f"{_poss(e.observer)} defence ministry said, the first time it had confirmed such a "
            f"transit.")


def s_previous(e, rng):
    return (f"The previous edition, in {e.year - rng.randint(1, 3)}, brought together "
            f"{rng.randint(3, 40)} ships and was held off {e.port}.")


def s_command(e, rng):
    return (f"{_force(e.host)} leads the exercise, while command at sea rests "
            f"with a {_demonym(rng.choice(e.participants))} flagship, the {e.ship_names[2]}.")


def s_phase(e, rng):
    return (f"The at-sea phase continues through {MONTHS[e.month]} {e.end_day()}, after a harbour "
            f"phase in {e.port} that included planning sessions and sports events.")


def s_assess_limits(e, rng):
    return (f"There are limits to what {e.name} shows: the navies still have no integrated "
            f"command and rarely share {rng.choice(['targeting data', 'sonar data', 'logistics'])}.")


def s_assess_seems(e, rng):
    return (f"{_the(e.host)} appears intent on {rng.choice(INTENTS)}, "
            f"and the exercise may well {rng.choice(CONSEQUENCES)}.")


FACTS = [s_dates, s_scale, s_participants, s_ships, s_activities, s_history, s_observer, s_region,
         s_attributed, s_reaction, s_background, s_transit, s_previous, s_command, s_phase]
QUOTES = [s_official_quote]
HEDGES = [s_assess_likely, s_assess_analyst, s_assess_we, s_assess_suggest, s_assess_limits,
          s_assess_seems]


def _paragraph(e: Event, rng: random.Random, used: set) -> str:
    """2-4 sentences; a pattern is used once per event and article while unused ones remain."""
    kinds = rng.choices([FACTS, QUOTES, HEDGES], weights=[6, 1, 2], k=rng.randint(2, 4))
    out = []
    for k in kinds:
        fresh = [f for f in k if (id(e), f) not in used] or [f for f in FACTS + HEDGES
                                                              if (id(e), f) not in used]
        f = rng.choice(fresh or [s_background, s_assess_analyst, s_official_quote])
        used.add((id(e), f))
        sentence = f(e, rng)
        out.append(sentence[0].upper() + sentence[1:])
    return " ".join(out)


# --- clutter -----------------------------------------------------------------------------------

def _clutter(rng: random.Random, where: str) -> list[str]:
    if where == "top":
        return rng.choice([[rng.choice(SHARE)], [rng.choice(COOKIE)], ["Listen to this article"],
                           [f"{rng.randint(3, 12)} min read"], []])
    if where == "middle":
        return rng.choice([[f"Read also: {rng.choice(RELATED)}"],
                           [f"Photo: {_person(rng)} / {rng.choice(OUTLETS)} (Getty Images)"],
                           ["Advertisement"], [f"RELATED: {rng.choice(RELATED)}"]])
    lines = []
    for kind in rng.sample(["share", "tags", "related", "subscribe", "cookie", "copyright"],
                           rng.randint(2, 4)):
        if kind == "share":
            lines.append(rng.choice(SHARE))
        elif kind == "tags":
            lines.append("Topics: " + " · ".join(_pick(rng, TOPICS, 3)))
        elif kind == "related":
            lines += ["Related articles"] + [f"- {r}" for r in _pick(rng, RELATED, 3)]
        elif kind == "subscribe":
            lines.append(rng.choice(SUBSCRIBE))
        elif kind == "cookie":
            lines.append(rng.choice(COOKIE))
        else:
            lines.append(f"© {rng.randint(2015, 2026)} {rng.choice(OUTLETS)}. All rights reserved.")
    return lines


# --- articles ----------------------------------------------------------------------------------

def _headline(e: Event, rng: random.Random) -> str:
    ps = [_demonym(p) for p in e.participants[:2]]
    return rng.choice([
        f"{ps[0]}, {ps[1]} navies {'to stage' if e.planned else 'stage'} {e.name} drills in {e.water}",
        f"{e.name}: {len(e.participants)} nations, {e.ships} ships and a message for the region",
        f"What {e.name} tells us about naval cooperation in the {e.water}",
        f"{e.name} gets under way near {e.port} with {e.ships} warships",
        f"{_demonym(e.observer)} officials watch warily as {e.name} begins",
        f"Inside {e.name}: {e.activities[0]} and {e.activities[1]} off {e.port}",
        f"{e.name} {'postponed' if e.cancelled else 'ends'} after {e.length} days in the {e.water}",
        f"Analysis: why {e.series} matters more this year"])


def _body(seed: int, i: int, rng: random.Random) -> tuple[Event, list[str], str]:
    """The article's event, body paragraphs and headline (the part wire copies share)."""
    k = max(0, i // 3 - rng.randint(0, 4))   # about three articles per event, overlapping
    e = Event(seed, k)
    size = min(max(rng.lognormvariate(1.1, 0.5), 0.7), 7.8)   # target KB
    n_par = max(2, round(size * 2.7))
    used: set = set()
    first = rng.choice([s_dates, s_scale, s_participants])
    used.add((id(e), first))
    paras = [s_lead(e, rng) + " " + first(e, rng)]
    second = Event(seed, k + 1000003) if rng.random() < 0.25 else None
    for j in range(n_par - 1):
        ev = second if second and j >= (n_par - 1) // 2 else e
        paras.append(_paragraph(ev, rng, used))
    return e, paras, _headline(e, rng)


@lru_cache(maxsize=256)
def _original(seed: int, i: int) -> tuple[str, str, tuple[str, ...], tuple[int, int, int], str]:
    """Article i's outlet, headline, body and date when it is an original (not a copy)."""
    rng = random.Random(f"{seed}:article:{i}")
    rng.random()  # the copy draw
    e, paras, headline = _body(seed, i, rng)
    outlet = rng.choice(OUTLETS)
    date = (e.year, e.month, min(e.day + rng.randint(0, 3), 28))
    return outlet, headline, tuple(paras), date, e.host


def _is_copy(seed: int, i: int) -> int | None:
    """The earlier article that article i republishes, if it is a wire copy."""
    rng = random.Random(f"{seed}:article:{i}")
    if i < 3 or rng.random() >= 0.17:
        return None
    return random.Random(f"{seed}:copy:{i}").randrange(max(0, i - 40), i)


def _dateline(rng: random.Random, outlet: str, date: tuple[int, int, int], place: str) -> str:
    y, m, d = date
    return f"{place.upper()}, {MON_ABBR[m]} {d} ({outlet}) – "


def _date_line(rng: random.Random, date: tuple[int, int, int]) -> str:
    y, m, d = date
    return rng.choice([f"{MONTHS[m]} {d}, {y} {rng.randint(1, 11)}:{rng.randrange(60):02d} AM UTC",
                       f"Published {d} {MONTHS[m]} {y}", f"{d} {MONTHS[m][:3]} {y}",
                       f"{y}-{m + 1:02d}-{d:02d}"])


def _copy_edit(text: str, rng: random.Random) -> str:
    """Light sub-editing a republisher does: weekday forms, 'per cent', a dropped clause."""
    if rng.random() < 0.5:
        text = re.sub(r"said on (\w+day)", r"said \1", text)
    return text.replace(" per cent", " percent")


def article(seed: int, i: int) -> tuple[str, str]:
    """Article i of the corpus: (file name, text)."""
    src = _is_copy(seed, i)
    rng = random.Random(f"{seed}:frame:{i}")
    if src is None:
        outlet, headline, paras, date, host = _original(seed, i)
        paras = list(paras)
        credit = outlet
    else:
        while _is_copy(seed, src) is not None:   # a copy of a copy republishes the original
            src = _is_copy(seed, src)
        wire, headline, paras, date, host = _original(seed, src)
        outlet = rng.choice([o for o in OUTLETS if o != wire])
        paras = [_copy_edit(p, rng) for p in paras]
        if len(paras) > 6 and rng.random() < 0.5:
            paras = paras[:-1]                    # trimmed for length
        credit = wire
    g = gazetteers()
    place = g["countries"][host]["capitals"][0]
    lines = [outlet, rng.choice(SECTIONS), headline]
    authors = [_person(rng) for _ in range(rng.choice([1, 1, 2]))]
    lines.append("By " + " and ".join(authors))
    lines.append(_date_line(rng, date))
    lines += _clutter(rng, "top")
    lines.append("")
    body = [_dateline(rng, credit, date, place) + paras[0]] + paras[1:]
    out = []
    for j, p in enumerate(body):
        out += [p, ""]
        if j and rng.random() < 0.18:
            out += _clutter(rng, "middle") + [""]
    lines += out
    if src is not None:
        lines += [f"This story was first published by {credit}.", ""]
    lines += _clutter(rng, "bottom")
    text = "\n".join(lines).rstrip("\n") + "\n"
    slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:48].rstrip("-")
    ol = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
    return f"{i:06d}_{ol}_{slug}.txt", text


def generate(n: int, seed: int = 1):
    """Yield (file name, text) for articles 0..n-1."""
    for i in range(n):
        yield article(seed, i)


def write_corpus(n: int, outdir: Path | str, seed: int = 1) -> list[Path]:
    """Write n articles into outdir (created if needed); return the paths in order."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        p = outdir / name
        p.write_bytes(text.encode("utf-8"))
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", help="number of articles")
    ap.add_argument("outdir", type=Path, nargs="?", help="folder to write the .txt files into")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--refresh-names", action="store_true",
                    help="rewrite corpus_names.yaml from briefings/data (changes the corpus)")
    a = ap.parse_args(argv)
    if a.refresh_names:
        head = "".join(line for line in NAMES.read_text(encoding="utf-8").splitlines(True)
                       if line.startswith("#"))
        NAMES.write_text(head + yaml.safe_dump(names_from_data(), allow_unicode=True,
                                               sort_keys=False, width=100), encoding="utf-8")
        gazetteers.cache_clear()
        print(f"wrote {NAMES}", file=sys.stderr)
    if a.n is None or a.outdir is None:
        if a.refresh_names:
            return
        ap.error("N and OUTDIR are required")
    paths = write_corpus(a.n, a.outdir, a.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.2f} MB, average {size / max(1, len(paths)) / 1000:.2f} KB "
          f"-> {a.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
