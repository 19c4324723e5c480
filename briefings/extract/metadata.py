"""Recover a page's title, publication date, outlet and author from its text alone."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..model import Metadata
from .clutter import BODY, CLUTTER, HEADING, analyse, bio_other, credit_name, is_furniture, stamp_start
from .dates import find_dates, first_full_date, month_first, slash_order
from .resources import country_index, lexicon, place_regex
from .text import Line, dateline_end, more_words_than, n_words

_ORG_WORDS = re.compile(
    r"(?i)\b(?:news|newswire|wire|bureau|government|ministry|department|office|command|times|post|agency|chronicle|ledger|weekly|daily|journal|review|centre|center|institute|herald|"
    r"gazette|tribune|magazine|press|report|monitor|insider|digest|observer|express|telegraph|guardian|today|online|"
    r"network|media|radio|tv|broadcasting|recognition|horizons|defence|defense|naval|navy|forums?|studies|policy|bulletin|"
    r"dispatch|courier|mail|star|standard|globe|independent|economist|diplomat|affairs|world|watch|service|channel|parliament|senate|congress)\b")
_BYLINE = re.compile(r"^(?:By|BY|by|By:|Words:|Text:|Author:|Authors:|Byline:|(?:Posted|Published|Written|Filed)\b[^|\n]{0,40}?\sby|(?!(?:Edited|Photos?|Photographs|Illustrations?|Graphics|Video|Additional reporting|Editing|Produced|Translated|Design|Asked|Answered|Tabled|Started|Moved|Seconded|Sponsored|Introduced|Submitted|Reviewed)\b)"
                     r"(?:[A-Z][\w-]*(?:\s[a-z][\w-]*){0,2})\sby)\s+(?P<n>.+)$")
_TITLE_WORDS = {"cdr", "cdr.", "adm", "adm.", "gen", "gen.", "brig", "brig.", "rear", "vice", "ret", "(ret)", "(retd)", "(r)", "retd", "wg",
                "sqn", "ldr", "flt", "lt.", "cmdr", "capitán", "capitan", "de", "corbeta", "fragata", "navío", "teniente", "coronel", "mass", "communication", "specialist", "class", "petty", "officer", "chief", "sgt", "sgt.", "sergeant", "lt", "lt.", "capt", "capt.",
                "cmdr", "cmdr.", "lieutenant", "captain", "commander", "major", "maj.", "col", "col.", "colonel", "staff", "senior", "junior",
                "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "airman", "seaman", "corporal", "cpl", "cpl.", "private",
                "pfc", "spc", "spc.", "first", "second", "third", "1st", "2nd", "3rd", "journalist", "reporter", "correspondent"}
_NOT_NAMES = {"staff", "reporter", "reporters", "correspondent", "desk", "team", "our", "editors", "editor", "bureau", "agency", "news",
              "online", "web", "newsroom", "wire", "agencies", "press", "service", "writer", "writers", "office"}
# (a lower-case particle inside a name: "Maria dela Cruz", "Jan van Dijk")
_NAME = re.compile(r"^(?=[A-ZÀ-Þ])(?:(?:[A-ZÀ-Þ][\w'’.-]*\.?|dela|de|del|della|van|von|der|den|da|dos|das|bin|binti|al|el|di|du|ter|ten)\s+){0,3}[A-ZÀ-Þ][\w'’-]+$")
# three or more names in a series: "A, B and C" (commas between, "and" before the last)
_NAME_SERIES = re.compile(r"^[^,;()|]+(?:,\s[^,;()|]+)+,?\sand\s[^,;()|]+?(?=\s[|·•/–—-]\s|\s\(|;|\.?$)")
_ONLINE_TAIL = re.compile(r"(?i)\s+online$")
_BIO_NAME = re.compile(r"^(?P<n>(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’-]+),?\s+(?:is|was|has been|writes|covers|reports|serves)\b"
                       # (not an event's record: "Freedom Edge was first held in 2024")
                       r"(?!\s+(?:first|initially|originally|last|being|due|set|scheduled|expected|held|planned|launched|conducted|staged|hosted|"
                       r"cancelled|canceled|postponed|scaled|renamed|moved|suspended)\b)")
_LIVE_TITLE = re.compile(r"^(?:LIVE|Live|LIVE UPDATES|Live updates|AS IT HAPPENED|As it happened)\s*[:|–—-]\s+[A-Z\"'‘“]")
# a media player's label, not a live blog's headline: "LIVE: Watch the Evening Report", "Live: Listen to Radio One"
_PLAYER_LABEL = re.compile(r"^(?:live|video|audio|watch|listen|on air|now playing)\s*[:|–—-]\s+(?:watch|listen|stream|tune in|play)\b", re.I)


def _terminal_stop(s: str) -> bool:
    """Whether a line ends as a sentence does (a headline does not)."""
    return s.rstrip().endswith((".", "!"))


_STATE_BODY = re.compile(r"\bof the (?:[\w'’-]+ )?(?:Republic|Kingdom|Federation|State|Commonwealth|Principality|Grand Duchy|Sultanate|Emirate)\b")
_FOLLOW = re.compile(r"\bFollow\s+(?P<n>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,5})\s+on\b")
_COPY = re.compile(r"(?:©|\(c\)|Copyright)[ \t]*(?:©[ \t]*)?(?:\d{4}[ \t]*)?(?P<n>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z&][\w&'’.-]*){0,5})")
_MD_MARK = re.compile(r"^#{1,6}\s+|^[*_]+|[*_]+$")
_NAV_SEP = re.compile(r"\s(?:\||›|»|>|·)\s")
_EDITED = re.compile(r"^(?:Edited|Compiled|Curated|Produced|Presented) by\s")
_REPORTED = re.compile(r"\b(?:said|says|told|according to|announced|reported|confirmed|stated|added)\b")
_PAREN = re.compile(r"\((?P<n>[^()]{2,40})\)")


def _alt(words: list[str]) -> str:
    """An alternation of literal words, longest first (for the header vocabularies below)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _vocab() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The lexicon's header vocabulary: (not-name words, byline word, trailing role or wire, edition suffix, title prefix,
    record label, request date, answer date)."""
    m = lexicon()["metadata"]

    return (frozenset(w.casefold() for w in m["not_name_words"]),
            re.compile(rf"^(?i:{_alt(m['byline_words'])})\s+(?=[A-ZÀ-Þ])"),
            re.compile(rf"(?i),?\s+(?:(?:{_alt(m['role_modifiers'])})\s+){{0,2}}(?:{_alt(m['byline_roles'])})$|[,/]?\s+(?:{_alt(m['wire_names'])})$"),
            re.compile(rf"(?i)(?:\s+[—–|·•:-])?\s+(?:{_alt(m['edition_suffixes'])}|\((?:{_alt(m['edition_suffixes'])})\))$"),
            re.compile(rf"(?i)^(?:{_alt(m['title_prefixes'])})\s+"),
            re.compile("|".join(m["record_labels"])), re.compile("|".join(m["request_dates"]), re.I),
            re.compile("|".join(m["answer_dates"]), re.I))


@lru_cache(maxsize=None)
def _more_vocab() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """More header vocabulary: (outlet words of other languages, a byline label at the foot, where a credits line's byline ends,
    a biography heading on the bio's own line)."""
    m = lexicon()["metadata"]

    labels = _alt(m["byline_labels"])
    return (re.compile(rf"(?i)\b(?:{_alt(m['outlet_words'])})\b"),
            re.compile(rf"^(?:\(?(?:Reporting|Reported|Written) by|Words:|Author:|Authors:|Text:|\(?(?:Reporters?|Correspondents?|Writers?):|(?i:{labels}))"
                       r"\s+(?P<n>[^;()]+)"),
            re.compile(rf"\s{{2,}}|\s[|·•/]\s|(?<=[^\W\d_]{{2}})\.\s|\s(?i:{_alt(m['credit_labels'])})\s*:"),
            re.compile(rf"(?i)^(?:{_alt(lexicon()['clutter']['bio_headers'])})\s*[:—–-]\s*"))


@lru_cache(maxsize=None)
def _office_vocab() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """Header vocabulary of offices and credits: (honorifics with a full stop, a press office's word, a team's credit line's outlet)."""
    m = lexicon()["metadata"]

    return (frozenset(w.casefold() for w in m["name_titles"]), re.compile(rf"(?i)\b(?:{_alt(m['issuer_words'])})\b"),
            re.compile(rf"\bby the\s(?:[\w'’&-]+\s){{0,4}}(?i:{_alt(m['desk_words'])}),\s(?:the\s)?"
                       r"(?P<n>[A-Z][\w'’.&-]*(?:\s(?:of|for|and|the|&|[A-Z][\w'’.&-]*)){0,6})\s*$"))


_PUB_NAME = r"(?:the\s)?(?P<n>[A-Z][\w&'’.-]*(?:\s(?:of|for|and|on|the|&)\s[A-Z][\w&'’.-]*|\s[A-Z][\w&'’.-]*){0,6})"


@lru_cache(maxsize=None)
def _note_vocab() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a note naming the publication after its cue, a closing line naming the publication before "is published by")."""
    m = lexicon()["metadata"]

    return (re.compile(rf"(?i:\b(?:{_alt(m['publication_notes'])}))\s{_PUB_NAME}"),
            re.compile(rf"^{_PUB_NAME}\s(?i:{_alt(m['published_by'])})\b"))


def _org(s: str) -> bool:
    """Whether a name carries a word of an organisation's name (Times, Ministry, Notícias ...)."""
    return bool(_ORG_WORDS.search(s) or _more_vocab()[0].search(s))


def _bureau(name: str) -> bool:
    """Whether a byline's name is an office, not a person: an acronym then a place or desk ("PIB Delhi", "ANI Bureau")."""
    toks = name.split()
    return 2 <= len(toks) <= 4 and len(toks[0]) >= 3 and toks[0].isalpha() and toks[0].isupper() and not toks[-1].isupper()


def _clean_name(raw: str) -> str | None:
    """A person's name (or "A and B") from a byline fragment, without role, date or outlet."""
    raw = re.sub(r"\s\((?:R|Ret\.?|Retd\.?|retired)\)", "", raw.strip(), flags=re.I)  # "(Retd)", "(retd)", "(ret.)"
    not_names, byline_word, role_tail = _vocab()[:3]
    raw = byline_word.sub("", raw)  # "Por X"
    raw = re.sub(r"^(?:Posted|Published|Written|Filed)\b.*?\sby\s+", "", raw)
    if " in " in raw and " and " in raw:  # "A in Colombo and B in Dhaka": each writer's place is no part of the names
        raw = re.sub(r"\sin\s[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}(?=\s(?:and|&)\s[A-Z]|\s*[;.]?\s*$)", "", raw)
    series = _NAME_SERIES.match(raw) if ", " in raw and " and " in raw else None
    if series:  # "A, B and C": every name, when each one is a name
        names = [_clean_name(p) for p in re.split(r",\s(?:and\s)?|\sand\s", series.group(0).strip().rstrip("."))]
        if len(names) >= 3 and all(n and " and " not in n for n in names):
            return ", ".join(names[:-1]) + " and " + names[-1]  # type: ignore[operator]
    s = re.split(r"\s[|·•/]\s|,\s|\s[–—-]\s|\s\(|\son\s|\s(?:in|for)\s(?=[A-Z])", raw)[0].strip().rstrip(".")
    s = role_tail.sub("", s)  # "X Staff reporter", "X Associated Press"
    parts = []
    for part in re.split(r"\s+and\s+|\s*&\s*", s):
        toks = part.strip().split()
        while len(toks) > 2 and (toks[0].casefold() in _TITLE_WORDS or toks[0].casefold() in _office_vocab()[0] or re.search(r"\d", toks[0])):
            toks = toks[1:]  # "Cdr. Aditi Rao": the rank is not the name
        parts.append(" ".join(toks))
    s = " and ".join(parts)
    if not all(_NAME.match(p) and 2 <= len(p.split()) <= 4 for p in parts):
        return None
    if any(w.casefold() in _NOT_NAMES or w.casefold() in not_names for p in parts for w in p.split()) or s.split()[0].casefold() in {"the", "a", "an"}:
        return None
    if any(_bureau(p) for p in parts):
        return None  # "Posted on 3 May 2024 by PIB Delhi": the issuing office
    return s


def _name_list(text: str) -> str | None:
    """Two to four bare names set between pipes or dots ("Jane Roe | John Doe"), joined with commas (None when a part is no name)."""
    parts = [p.strip() for p in re.split(r"\s[|·•]\s", text.strip())]
    forms = country_index()[0]  # (a capital or a country is a dateline's place: "Jane Roe | Port Moresby")
    if not 2 <= len(parts) <= 4 or any(re.search(r"\d", p) or _org(p) or p in forms or place_regex().fullmatch(p) for p in parts):
        return None
    names = [_clean_name(p) or "" for p in parts]
    return ", ".join(names) if all(n and " and " not in n for n in names) else None


_STAMP = re.compile(r"(?i)(published|updated|posted)\b")


@lru_cache(maxsize=8)
def text_header_end(text: str, slashed_month_first: bool) -> int:
    """`header_end` of `analyse(text)` (cached: metadata recovery and extraction both ask it of the same text;
    keyed by the order of slashed dates, which the dates it reads follow)."""
    return header_end(*analyse(text))


def header_end(lines: list[Line] | tuple[Line, ...], kinds: list[str] | tuple[str, ...]) -> int:
    """Index of the first body paragraph after the header block (masthead, title, standfirst, byline, date)."""
    last_meta = -1
    for ln in lines[:20]:
        s = ln.text.strip()
        if _BYLINE.match(s) or (s and not more_words_than(s, 8) and first_full_date(s)) or _STAMP.match(s) or (s and stamp_start(s) and is_furniture(s)):
            last_meta = ln.index
    for ln, k in zip(lines, kinds):
        if ln.index > last_meta and k == BODY and n_words(ln.text) >= 20:
            return ln.index
    return len(lines)


_STAMP_BY = re.compile(r"^(?:Posted|Published|Issued|Released|Updated)\b[^|\n]{0,40}?\sby\s+(?P<n>.+)$", re.I)
_SOURCE_LINE = re.compile(r"^Source:\s*(?P<n>[A-Z][^:|]{1,60}?)(?=\s+(?:Editor|Author|By|Updated|Published)\s*:|\s+\d{4}-\d{2}-\d{2}|\s*$)")
# a breadcrumb whose first part names the outlet ("Continental Press Agency › Europe", "Obrona Dziś English | News | ...")
_CRUMB = re.compile(r"^(?P<n>[A-Z][\w'’.&-]*(?:\s[A-Z&][\w'’.&-]*){0,5}?)(?P<ed>\s(?:English|Edition|Online))?\s(?:›|»|\|)\s.*\s(?:›|»|\|)\s")
_FROM_LINE = re.compile(r"^(?:From|Publisher|Issued by|Published by):\s+(?P<n>[A-Z][\w'’.&-]*(?:\s(?:of|for|and|the|[A-Z&][\w'’.&-]*)){0,8})\s*$")
_CITY_TAIL = re.compile(r",\s+[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}$")
_ISSUE = re.compile(r"(?i)^(?:[\w-]+\s){0,3}(?:[—–|:-]\s)?(?:No\.|Number|Vol\.|Issue|Nr\.)\s*#?\d[\w./-]*(?:,\s*(?:No\.|Issue)\s*#?\d+)?$")
# a series label with its number: "RESEARCH PAPER 26/07", "Policy Brief 2025-3" (a number with a separator ends it)
_DOC_NUMBER = re.compile(r"^(?:[A-Za-z]+\s){1,3}\d{1,4}(?:[/.-]\d{1,4})+$")
_EPISODE = re.compile(r"^(?:Ep\.?|Episode)\s*\d+\s*[:.–—-]\s*[\"“]?(?P<t>[^\"”]{8,}?)[\"”]?$")


# lower-case words inside an outlet's name ("Centre for ...", "Jornal do Porto", "Le Courrier de la Mer")
_NAME_JOINERS = frozenset(("of", "the", "and", "for", "on", "in", "&", "de", "do", "da", "dos", "das", "del", "della", "di", "du", "des",
                           "la", "le", "les", "el", "y", "e", "et", "und", "für", "van", "von", "der", "den", "og", "och", "i", "na"))


# a state's formal name after a dash in a ministry's masthead ("Ministry of Defence – Sultanate of Oman")
_STATE_NAME = re.compile(r"^(?:the\s)?(?:(?:Federal|Islamic|People's|Democratic|United)\s)?(?:Republic|Kingdom|Federation|State|Commonwealth|Principality|"
                         r"Grand Duchy|Sultanate|Emirate|Government)\sof\s(?:the\s)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}$")


_GOV_BODY = re.compile(r"\b(?:Ministry|Department|Government|Office|Command|Embassy|Navy|Army|Forces|Coast Guard|Agency|Secretariat|"
                       r"National Defen[cs]e)\b")  # ("National Defence — Canada": a department named for its task)


def _dash_masthead(text: str) -> bool:
    """Whether a line is an outlet's or office's name, a dash and one more clause ("Harbour News – Estonia"), not a navigation bar."""
    parts = re.split(r"\s[—–]\s", text.strip())
    return len(parts) == 2 and _org(parts[0]) and _is_name_words(parts[0])


def _state_masthead(text: str) -> bool:
    """Whether a line is an office's name, a dash, then its state's name ("Ministry of Defence – Sultanate of Oman", "... – Estonia")."""
    if not _dash_masthead(text):
        return False
    parts = re.split(r"\s[—–]\s", text.strip())
    state = parts[1].strip()
    if _STATE_NAME.match(state):
        return True
    state = state.title() if state.isupper() else state  # "MINISTRY OF DEFENCE — ROMANIA"
    return country_index()[0].get(state) == state and _GOV_BODY.search(parts[0].title()) is not None  # (not "Harbour News – Estonia": an edition)


def _is_name_words(s: str) -> bool:
    """Whether a short phrase is all capitalised words and name joiners ("Ministry of Defence")."""
    ws = s.split()
    return 0 < len(ws) <= 6 and all(w[:1].isupper() or w.casefold() in _NAME_JOINERS for w in ws)


# an issuing office or a self-description after a masthead's dash: "U.S. ARMY X - PUBLIC AFFAIRS OFFICE", "Harbour Notes - a blog about ..."
_MAST_TAIL = re.compile(r"(?i)\s[-–—|]\s(?:(?:(?:public|media|press|news|information|affairs|relations)\s){1,3}(?:office|desk|section|centre|center|division|branch)|"
                        r"public affairs|newsroom|press office|media centre|media center|(?:a|an)\s(?:[\w-]+\s){0,2}"
                        r"(?:blog|newsletter|podcast|substack|website|magazine|journal)\s(?:about|on|for|of|covering|from|by)\s.*)$")
_ACRONYM_TAIL = re.compile(r"\s\([A-Z][A-Z.&]{1,7}\)$")  # "Pars News Agency (PNA)": the acronym after the name


def _masthead_name(text: str) -> str:
    """A masthead line without a trailing dash clause or city ("..., NEW DELHI"); a state's name after the dash stays."""
    s = text.strip()
    if " " in s and ("-" in s or "–" in s or "—" in s or "|" in s):
        s = _MAST_TAIL.sub("", s) or s
    s = _vocab()[3].sub("", s) or s  # "NORDLYS POST – English edition", "Harbour News | English Service"
    s = _ACRONYM_TAIL.sub("", s) if s.endswith(")") else s
    if not _state_masthead(s):
        s = re.split(r"\s[—–]\s", s)[0]
    return _CITY_TAIL.sub("", s) if s.isupper() else s


def _only_date(s: str) -> bool:
    """Whether a short segment is only a date ("2025-07-15", "Friday, 16 May 2025")."""
    return s[:1].isalnum() and not more_words_than(s, 5) and bool(first_full_date(s)) and is_furniture(s)


def _is_masthead(text: str, rest: str) -> bool:
    """Whether a first line is the outlet's masthead rather than a headline."""
    s = _masthead_name(text)
    segs = [p.strip() for p in re.split(r"\s[|·•]\s", s) if p.strip()]
    if len(segs) >= 2 and segs[0][:1].isalpha() and all(_only_date(p) for p in segs[1:]):
        segs, s = segs[:1], segs[0]  # "COASTLINE BRIEFS | 2025-07-15": the masthead with its issue's date
    if len(segs) >= 2 and not any(p.isupper() and len(p) <= 6 for p in segs) and _org(segs[0]):
        segs = [segs[0]]  # "Institute for Littoral Security Studies | Working Paper No. 25-07"
        s = segs[0]
    if len(segs) == 2 and any(p.isupper() and len(p) <= 6 for p in segs):
        long = max(segs, key=len)  # "APN | Asia Pacific Newswire"
        initials = "".join(w[0] for w in long.split() if w[:1].isupper())
        if min(segs, key=len).upper() in (initials, initials[:len(min(segs, key=len))]):
            return True
        s = long
    if _state_masthead(s):
        return True  # "Ministry of Defence – Sultanate of Oman"
    n = n_words(s)
    if 6 < n <= 11 and _org(s) and _STATE_BODY.search(s) and all(w[:1].isupper() or w.casefold() in _NAME_JOINERS for w in s.split()):
        return not re.search(r"[.!?:]$", s)  # a state body's full name: "Ministry of Defence of the Republic of X"
    if n == 0 or n > 6 or re.search(r"[.!?:]$", s) or find_dates(s) or is_furniture(s):
        return False
    if s != text.strip() and s[:1].isupper() and all(w[:1].isupper() or len(w) <= 4 for w in s.split()) and _MAST_TAIL.search(text) is not None:
        return True  # "Notes from the Border | a blog by Jane Roe": the line says what it names (its small words may be any)
    if not all(w[:1].isupper() or w.casefold() in _NAME_JOINERS or (i and w.isdigit()) for i, w in enumerate(s.split())):
        return False  # (a number inside the name: "CHANNEL 24 NEWS")
    if s != text.strip() and _MAST_TAIL.search(text) is not None:
        return True  # "Harbour Notes - a blog about ...", "FLEET X - PUBLIC AFFAIRS OFFICE"
    return s.isupper() or _org(s) or s.casefold() in rest.casefold() or s != text.strip() and _vocab()[3].search(text) is not None


_SEGMENT_SEP = re.compile(r"\s[|·•›»]\s")
_DIGIT = re.compile(r"\d")


def _outlet_over_section(text: str) -> str | None:
    """The outlet's name of a short line "Outlet | Section" or a bare outlet's name ("Harbour Review | Analysis"), else None."""
    s = text.strip()
    segs = [p.strip() for p in _SEGMENT_SEP.split(s)] if s else []
    if not segs or len(segs) > 3 or "," in segs[0] or n_words(segs[0]) < 2 or any(more_words_than(p, 3) for p in segs[1:]):
        return None
    if not _org(segs[0]) or (len(segs) == 1 and not _org(segs[0].split()[-1])):
        return None  # (a bare line ends with the outlet's word, "Harbour Security Report"; not a subtitle "Ministry Confirms Drills")
    if _DIGIT.search(s) or _BYLINE.match(s) or _section_line(s):
        return None
    return segs[0] if _is_masthead(segs[0], "") else None


def _nice_case(name: str, text: str) -> str:
    """The outlet name as the page spells it in mixed case elsewhere, else title case for an all-caps masthead."""
    if not name.isupper():
        return name
    for m in re.finditer(re.escape(name), text, re.IGNORECASE):
        found = m.group(0)
        if not found.isupper():
            return found
    return " ".join(w if len(w) <= 3 and w.isalpha() and False else w.capitalize() for w in name.split())


def recover_metadata(text: str) -> Metadata:
    """Title, ISO publication date, outlet and author stated in `text` itself (None when not stated)."""
    with slash_order(text):
        return _recover(text)


def _recover(text: str) -> Metadata:
    """The body of `recover_metadata`."""
    lines, kinds = analyse(text)
    head_end = text_header_end(text, month_first())
    nonblank = [ln for ln in lines if ln.text.strip()]
    masthead: str | None = None
    issuer: str | None = None
    title: str | None = None
    title_idx = -1
    top = nonblank[0] if nonblank else None  # (a masthead with an edition label looks like a navigation bar: keep it)
    nonblank = [ln for ln in nonblank if "|" in ln.text or not is_furniture(ln.text)
                or (ln is top and (_vocab()[3].search(ln.text.strip()) is not None or _dash_masthead(ln.text)))] or nonblank
    for first in nonblank[:2]:  # the masthead, or the line under a navigation bar
        rest = text[first.end:]
        if first.index < head_end and _is_masthead(first.text, rest):
            masthead = first.text.strip()
            nxt = next((ln for ln in nonblank if ln.index > first.index), None)
            if (nxt and nxt.index < head_end and _office_vocab()[1].search(nxt.text) and not _NAV_SEP.search(nxt.text) and _org(nxt.text)
                    and _is_masthead(nxt.text, "")):
                issuer = masthead = nxt.text.strip()  # a ministry's header over its press office's line: the office issued the release
            elif nxt and nxt.index < head_end and _STATE_NAME.match(masthead.title().replace(" Of ", " of ")) and _GOV_BODY.search(nxt.text.title()) and _is_masthead(nxt.text, ""):
                issuer = masthead = nxt.text.strip()  # "REPUBLIC OF X" over "MINISTRY OF DEFENCE — ...": the ministry issued it
            break
        if not (_NAV_SEP.search(first.text) and is_furniture(first.text)):
            break
    if masthead is None:
        masthead = _issue_masthead(lines, head_end)  # a newsletter's name above "Issue #87 | Friday, 16 May 2025"
    first_date = next((ln.index for ln in lines[:head_end] if first_full_date(ln.text) or re.search(r"\bby\s+[A-Z]", ln.text)), head_end)
    nav = max((ln.index for ln, k in zip(lines[:min(first_date, 10)], kinds) if k == CLUTTER and _NAV_SEP.search(ln.text)
               and not re.search(r"[\d:]", ln.text) and not _name_list(ln.text) and not _outlet_over_section(ln.text)),
              default=-1)  # (a byline of names, or the outlet's name over its section, is no navigation bar)
    for ln, k in zip(lines, kinds):
        if ln.index >= head_end and title is not None:
            break
        ep = _EPISODE.match(ln.text.strip())
        if ep:
            title, title_idx = ep.group("t").strip(), ln.index  # a podcast episode: its title
            break
        if ln.index <= nav and any(kk in (HEADING, BODY) for kk in kinds[nav + 1:head_end]):
            continue  # the headline follows the navigation bar
        s = ln.text.strip()
        if k == CLUTTER and ln.index < 12 and _LIVE_TITLE.match(s) and n_words(s) >= 6 and not _terminal_stop(s) and not _PLAYER_LABEL.match(s):
            title, title_idx = s, ln.index  # a live blog's headline under its stamps: "LIVE: China launches ..."
            break
        if not s or k == CLUTTER or s == masthead or k not in (HEADING, BODY):
            continue
        if s[:1] in "LlVvAaWwOoNn" and _PLAYER_LABEL.match(s):
            continue  # "LIVE: Watch the Evening Report": a player's label over the headline
        if n_words(s) == 2 and k == HEADING and _labels_next(lines, ln.index):
            title, title_idx = s, ln.index  # a short heading over a record label ("Question for ...")
            break
        if n_words(s) < 3 or (n_words(s) <= 7 and (_clean_name(s) or _unit_name(s))) or _BYLINE.match(s) or _EDITED.match(s) or (ln.index >= head_end and n_words(s) > 30):
            continue
        if ln.index < 6 and n_words(s) <= 5 and _is_masthead(s, "") and _org(s):
            continue  # a second masthead line ("Press Information Bureau")
        if masthead is not None and ln.index < 4 and _tagline().match(s.casefold()):
            continue  # a publication's tagline under its masthead: "Daily highlights from the regional press"
        if s[:1] == "1" and _FIRST_ITEM.match(s):
            break  # a list's first item ("1. Harbour Times: ..."): the page states no headline of its own
        if _DOC_NUMBER.match(s):
            continue  # "RESEARCH PAPER 26/07", "Working Paper 2025-03": a series label over the headline
        if _ISSUE.match(s) or re.match(r"(?i)^transcript\b(?!\s*:(?:\s+\S+){4})|^\[\d{1,2}:\d{2}", s) or _vocab()[5].match(s.casefold()):
            continue  # "Issue Brief No. 41", "Transcript (auto-generated)": labels, not headlines
        if k == BODY and ((n_words(s) >= 16 and not _long_headline(lines, ln.index, s)) or _REPORTED.search(s)):
            break  # the page opens with its first paragraph: no headline stated
        if k == BODY and dateline_end(s):
            break
        title, title_idx = _MD_MARK.sub("", s).strip() or s, ln.index
        title = _vocab()[4].sub("", title) or title  # "Thread: ..."
        break
    if masthead is None and title_idx >= 0:
        for ln in [ln for ln in lines[title_idx + 1: head_end] if ln.text.strip()][:2]:
            if _outlet_over_section(ln.text):
                masthead = ln.text.strip()  # the outlet's name under the headline: "Harbour Review | Analysis"
                break
    published = _published(lines, kinds, head_end)
    outlet = _outlet(text, lines, issuer or masthead, head_end)
    if title is None and masthead is not None:
        title = outlet or masthead  # a digest with no headline of its own is titled by its name
    author = _author(lines, kinds, head_end, title_idx, masthead)
    return Metadata(title=title, published=published, outlet=outlet, author=author)


_FIRST_ITEM = re.compile(r"^1[.)]\s+[A-Z]")


def _long_headline(lines: list[Line], i: int, s: str) -> bool:
    """Whether a long line is a headline all the same: up to 24 words, no sentence's closing stop, a paragraph of its own."""
    nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    return n_words(s) <= 24 and not nxt and s.rstrip("\"”’')]")[-1:] not in ".!?:;…"


@lru_cache(maxsize=None)
def _tagline() -> re.Pattern[str]:
    """A publication's tagline under its masthead, from briefings/data/lexicon.yaml (on the lower-cased line)."""
    return re.compile("|".join(lexicon()["metadata"]["taglines"]))


# an interview's credit at the foot: "Interview by Jane Roe.", "Interviewed by Jane Roe"
_INTERVIEW_BY = re.compile(r"^(?:Interview|Interviewed|Interviews|Questions|Q&A|Conversation)(?:\s(?:conducted|led|hosted))? by\s+(?P<n>[^;()]+)")
# a closing bio naming the writer's outlet: "Jane Roe covers defence in Asia for Harbour Review."
_BIO_OUTLET = re.compile(r"\b(?:covers|writes about|writes on|reports on|reports|is (?:a|an|the) (?:[\w-]+\s){0,3}(?:correspondent|reporter|editor|writer|columnist|contributor))"
                         r"\b[^.]{0,120}?\bfor\s(?:the\s)?(?P<n>[A-Z][\w&'’-]*(?:\s(?:of|and|&|the|[A-Z][\w&'’-]*)){0,5})\.?\s*$")
_ISSUE_LINE = re.compile(r"(?i)^(?:issue|vol\.|volume|no\.|edition)\s*#?\d")
# a publication's line about itself under its name: "A newsletter on maritime Asia, by Jane Roe", "The weekly podcast about sea power"
_SELF_DESCRIPTION = re.compile(r"(?i)^(?:a|an|the|your)\s(?:[\w-]+\s){0,2}(?:blog|newsletter|podcast|substack|bulletin|digest|magazine|journal|briefing)\s"
                               r"(?:about|on|for|of|covering|from|by)\b")


def _issue_masthead(lines: list[Line], head_end: int) -> str | None:
    """A newsletter's name: a short capitalised name line right above its issue line ("Issue #87 | 16 May 2025")."""
    prev = None
    for ln in lines[:min(head_end, 12)]:
        s = ln.text.strip()
        if not s:
            continue
        if prev and s[:1] in "IiVvNnEe" and _ISSUE_LINE.match(s) and _is_masthead(prev, ""):
            return prev
        if prev and _SELF_DESCRIPTION.match(s) and _is_name_words(prev) and not is_furniture(prev) and not _clean_name(prev):
            return prev  # "Harbour Notes" over "A newsletter on the sea lanes, by Jane Roe"
        prev = s
    return None


def _unit_name(text: str) -> bool:
    """Whether a short capitalised line names a unit or programme ("Naval Affairs Programme"), not a headline."""
    ws = text.split()
    return len(ws) <= 5 and all(w[:1].isupper() or w in ("of", "and", "for") for w in ws) and ws[-1].casefold() in _vocab()[0]


def _labels_next(lines: list[Line], i: int) -> bool:
    """Whether the next non-blank line after line `i` is a record label ("Question for Department of Harbours")."""
    nxt = next((ln.text.strip() for ln in lines[i + 1:i + 4] if ln.text.strip()), "")
    return bool(nxt) and _vocab()[5].match(nxt.casefold()) is not None


@lru_cache(maxsize=None)
def _copy_date() -> re.Pattern[str]:
    """A label of the copy's own date ("Translated: 2026-09-15", "Accessed 3 May 2025"), from briefings/data/months.yaml."""
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in lexicon()["metadata"]["copy_date_labels"]) + r")\b\s*(?:on\b)?\s*:?"
                      r"(?=\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d))")  # (a date follows: not "Translated from Swedish. Original: ..., 2025-10-06")


@lru_cache(maxsize=None)
def _period() -> re.Pattern[str]:
    """A label of the period a digest covers ("Week of"), from briefings/data/lexicon.yaml."""
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in lexicon()["metadata"]["period_labels"]) + r")\b")


def _period_stamp(lines: list[Line], head_end: int) -> str | None:
    """The date of a stamp line ("Published 15 April 2025") in the header of a page that names its period, else None."""
    for ln in lines[:head_end]:
        s = ln.text.strip()
        if stamp_start(s) and not more_words_than(s, 12) and first_full_date(s):
            return first_full_date(s)
    return None


def _span_first(s: str) -> bool:
    """Whether a line's first date is a span of days ("8–14 May 2025"), not one day."""
    hits = [h for h in find_dates(s) if h.has_year]
    return bool(hits) and hits[0].end is not None and hits[0].end != hits[0].start


def _published(lines: list[Line], kinds: list[str], head_end: int) -> str | None:
    """The first full date of the header (or of the first body paragraph)."""
    request, answer = _vocab()[6:]
    for ln in lines[: head_end + 1]:
        s = ln.text
        if ln.index == head_end:
            s = s[: dateline_end(s)] if dateline_end(s) else ""
        cd = _copy_date().search(s) if ":" in s or any(c.isdigit() for c in s) else None
        if cd:
            s = s[:cd.start()]  # "Original language: Russian | Translated: 2026-09-15": the translation's date, not the original's
        iso = first_full_date(s)
        if iso and ("–" in s or "-" in s) and ln.index < head_end and not more_words_than(s, 8) and _span_first(s):
            continue  # a span ("Week of 8–14 May 2025") is the period a digest covers, not its date
        if iso and ln.index < head_end and ("eek" in s or "onth" in s) and _period().search(s):
            return _period_stamp(lines, head_end)  # "Week of 14 April 2025": a digest's period; only a stamp line dates it
        if iso and not request.search(s):
            return iso
    for ln in lines[head_end: head_end + 8]:
        if n_words(ln.text) <= 8 and answer.match(ln.text.strip()) and first_full_date(ln.text):
            return first_full_date(ln.text)  # "Answered on 9 March 2024" under a question "tabled on" an earlier day
    foot = [ln.text.strip() for ln in lines[head_end:] if ln.text.strip()][-8:]
    for s in foot:
        if stamp_start(s) and not more_words_than(s, 12) and first_full_date(s):
            return first_full_date(s)  # a stamp at the foot ("Published Wednesday 22 July 2026") under a header without a date
    for ln, k in zip(lines[head_end:], kinds[head_end:]):
        if k == BODY:
            return first_full_date(ln.text[:400]) or _yearless_dateline(lines, head_end)
    return None


_ANY_YEAR = re.compile(r"(?<!\d)(?:19[5-9]|20[0-4])\d(?!\d)")
# a year in a name, its word not opening a sentence: "... took part in Sahel Shield 2025", "Joint Sea-2025" (not "In 2019, ...")
_NAMED_YEAR = re.compile(r"(?<=[\w,;:'’\"“(] )[A-Z][\w'’]*[ -](?P<y>(?:19[5-9]|20[0-4])\d)(?!\d)")
_LEAD_WEEKDAY = re.compile(r"\b(?:on|this|last)\s(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_NO = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}


def _yearless_dateline(lines: list[Line], head_end: int) -> str | None:
    """A wire dateline's day and month without a year ("BISHKEK, Sept 2 (Wire) -"), in the year the page names most
    (at least twice; among those years, one whose calendar puts that day on the lead's weekday, "on Tuesday", wins),
    else in the year of the first edition's name in the opening paragraphs, "Sahel Shield 2025" (when the lead's weekday is that day or the day before)."""
    if head_end >= len(lines):
        return None
    lead = lines[head_end].text
    d = dateline_end(lead)
    hits = [h for h in find_dates(lead[:d], year=2000) if not h.has_year and h.start] if d else []
    if len(hits) != 1:
        return None
    counts: dict[str, int] = {}
    for ln in lines:
        for y in _ANY_YEAR.findall(ln.text) if any(c.isdigit() for c in ln.text) else ():
            counts[y] = counts.get(y, 0) + 1
    ranked = sorted((y for y in counts if counts[y] >= 2), key=lambda y: (counts[y], y), reverse=True)  # (a year named once is no clue)
    wd = _LEAD_WEEKDAY.search(lead, d)
    for y in ranked:
        iso = y + hits[0].start[4:]
        try:
            day = date.fromisoformat(iso)
        except ValueError:
            continue
        if wd is None or day.weekday() == _WEEKDAY_NO[wd.group("wd")]:
            return iso
    if ranked:
        return None
    opening = [ln.text for ln in lines[head_end: head_end + 6] if ln.text.strip()][:3]  # (the lead and the next two paragraphs)
    first = next((m.group("y") for t in opening for m in [_NAMED_YEAR.search(t)] if m), None)  # (not a past fact's "in 2019")
    try:
        day = date.fromisoformat(first + hits[0].start[4:]) if first else None
    except ValueError:
        return None
    # (a wire's "on Monday" is the dateline's day or the day before it: "NOUAKCHOTT, Feb. 4 - ... on Monday ended ...")
    ok = day is not None and (wd is None or (_WEEKDAY_NO[wd.group("wd")] - day.weekday()) % 7 in (0, 6))
    return day.isoformat() if ok and day else None


# the translated story's outlet on a digest's "Source:" line, before its notes: "Source: Harbour Press Agency (state-owned), Portville"
_DIGEST_SOURCE = re.compile(r"^Source:\s*(?P<n>[A-Z][\w'’.&-]*(?:\s(?:of|for|and|the|[A-Z&][\w'’.&-]*)){0,6})\s*(?:[(,|]|$)")


@lru_cache(maxsize=None)
def _translation_marks() -> tuple[str, ...]:
    """Header words of a digest that translates another outlet's story, from briefings/data/months.yaml."""
    return tuple(lexicon()["metadata"]["translation_marks"])


@lru_cache(maxsize=None)
def _section_words() -> frozenset[str]:
    """A page's section labels ("Opinion", "Analysis"), from briefings/data/months.yaml."""
    return frozenset(lexicon()["metadata"]["section_labels"])


def _section_line(text: str) -> bool:
    """Whether a top line is a section label, alone or first in a breadcrumb ("OPINION | EUROPE'S DEFENCE")."""
    first = re.split(r"\s[|›»>·•/]\s", text.strip(), maxsplit=1)[0].strip().casefold()
    return first in _section_words()


def _outlet(text: str, lines: list[Line], masthead: str | None, head_end: int) -> str | None:
    """The outlet from a publisher label, the masthead, a source line, a breadcrumb, a dateline or a follow/copyright line."""
    for ln in lines[:head_end]:
        pub = _FROM_LINE.match(ln.text.strip())
        if pub and _ORG_WORDS.search(pub.group("n")):
            return pub.group("n").strip()  # a portal's press release: "From: Ministry of Defence" under the site's masthead
    for ln in lines[:head_end]:
        st = _STAMP_BY.match(ln.text.strip())
        if st:
            office = re.split(r"\s[|·•/]\s|,\s|\s[–—-]\s|\s\(", st.group("n"))[0].strip().rstrip(".")
            if _bureau(office):
                return office  # "Posted On: 3 MAY 2024 5:41PM by PIB Delhi": the office that issued the release
    head = [ln.text.strip() for ln in lines[:min(head_end, 8)]]
    if (any(h[:7] == "Source:" for h in head) and any(w in h.casefold() for h in head for w in _translation_marks())
            and sum(ln.text[:7] == "Source:" for ln in lines) == 1):  # (a digest of several stories, each with its source, is the masthead's)
        for h in head:
            src = _DIGEST_SOURCE.match(h)
            if src:
                return src.group("n").strip()  # a digest's translation: "Source: Harbour Press Agency (state-owned), Portville"
    if masthead and _section_line(masthead):
        masthead = None  # "OPINION | EUROPE'S DEFENCE": the section's label, not the outlet
    if masthead:
        masthead = _masthead_name(masthead)
        segs = [p.strip() for p in re.split(r"\s[|·•]\s", masthead) if p.strip()]
        if len(segs) > 1 and any(_only_date(p) for p in segs):
            segs = [p for p in segs if not _only_date(p)] or segs  # (the issue's date beside the name)
            masthead = segs[0]
        if len(segs) > 1 and _org(segs[0]) and not any(p.isupper() and len(p) <= 6 for p in segs):
            segs = [segs[0]]
            masthead = segs[0]
        if len(segs) > 1:
            masthead = max(segs, key=lambda p: (_org(p), len(p)))
        masthead = _vocab()[3].sub("", masthead) or masthead  # "... ENGLISH EDITION"
        if masthead[-6:].casefold() == "online" and _ORG_WORDS.search(masthead[:-7]):
            masthead = _ONLINE_TAIL.sub("", masthead)  # "HARBOUR NEWS ONLINE": the outlet's name without its web label
        return _nice_case(masthead, text)
    for ln in lines[:min(head_end, 12)]:
        s = ln.text.strip()
        by = _BYLINE.match(s) if ("by" in s or "By" in s) else None
        for seg in re.split(r"\s[|–—]\s|,\s|\sfor\s(?=[A-Z])", by.group("n"))[1:] if by and _clean_name(by.group("n")) else ():
            seg = seg.strip().rstrip(".")
            if (_org(seg) and _is_name_words(seg) and not any(c.isdigit() for c in seg) and not _section_line(seg)
                    and not _vocab()[2].search(" " + seg) and not _GOV_BODY.search(seg) and not _office_vocab()[1].search(seg)):
                return seg  # the outlet in a byline: "By Jane Roe | Harbour Affairs Quarterly | May 2026", "By Jane Roe for Harbour Review"
        desk = _office_vocab()[2].search(s) if " by the " in s else None
        if desk and _org(desk.group("n")):
            return desk.group("n")  # a team's credit: "Compiled by the Asia Desk, Harbour Press Monitor"
    for ln in lines[:head_end]:
        src = _SOURCE_LINE.match(ln.text.strip())
        if src:
            return src.group("n").strip()  # "Source: New China Wire Editor: Li Wen"
    for ln in lines[:min(head_end, 4)]:
        crumb = _CRUMB.match(ln.text.strip())
        if crumb and (crumb.group("ed") or _ORG_WORDS.search(crumb.group("n"))) and not is_furniture(crumb.group("n")):
            return crumb.group("n")  # "Continental Press Agency › Europe › Defence", "Obrona Dziś English | News | ..."
    forms = country_index()[0]
    for ln in lines[head_end: head_end + 3]:
        d = dateline_end(ln.text)
        if not d:
            continue
        pre = ln.text[:d]
        for m in _PAREN.finditer(pre):
            n = m.group("n").strip()
            if not find_dates(n) and not re.search(r"\d", n) and n not in forms:
                return n
        parts = [p.strip(" –—-") for p in pre.split(",")]
        if len(parts) >= 2:
            cand = parts[1].split()[0] if parts[1].split() else ""
            if cand.isupper() and 2 <= len(cand) <= 6 and cand not in forms:
                return cand
    tail_lines = [ln.text.strip() for ln in lines[head_end:] if ln.text.strip()][-6:]
    for rx in (_FOLLOW, _COPY):
        for m in rx.finditer(text):
            n = m.group("n").strip().rstrip(".")
            if n.casefold() in _section_words():
                continue  # "Follow Opinion on X": a section of the page, not its outlet
            if n and n.casefold() not in {"us", "the", "all"} and not n.startswith("All rights"):
                n = re.sub(r"\.\s.*$|\s+All$", "", n)
                return re.sub(r"\s+(?:Ltd|Limited|Inc|LLC|Pty|plc|PLC|GmbH|Corp|Corporation|Co)\.?$", "", n)
    notes, pub_by = _note_vocab()
    for s in [ln.text.strip() for ln in lines[:head_end]] + tail_lines:
        m = notes.search(s) if more_words_than(s, 2) and not more_words_than(s, 40) else None
        m = m or (pub_by.match(s) if " by " in s or " of " in s else None)
        if m and m.group("n").strip(".") and m.group("n").casefold() not in {"us", "this", "our"}:
            return re.sub(r"[.!]+$", "", m.group("n"))  # "Originally published in Harbour Review.", "Harbour Review is published by ..."
    for s in tail_lines:
        bio = _BIO_OUTLET.search(s) if " for " in s else None
        if bio and _org(bio.group("n")):
            return bio.group("n")  # "Jane Roe covers defence in Asia for Harbour Review."
    return None


# a social post's author: "... from a thread by @JaneRoe"
_HANDLE_BY = re.compile(r"\bby\s(?P<n>@[A-Za-z0-9_]{2,30})\b")


@lru_cache(maxsize=None)
def _reader() -> re.Pattern[str]:
    """A broadcast script's reader label ("Reader: Jane Roe"), from briefings/data/months.yaml."""
    alts = "|".join(re.escape(w) for w in lexicon()["metadata"]["reader_labels"])
    return re.compile(rf"(?i)^(?:{alts})\s*:?\s+(?P<n>[A-Z].+)$")


def _author(lines: list[Line], kinds: list[str], head_end: int, title_idx: int, masthead: str | None) -> str | None:
    """The byline's names, from the header, under the title, at the foot or in a closing bio."""
    for ln in lines[:head_end]:
        for seg in re.split(r"\s[|·•–—-]\s", _MD_MARK.sub("", ln.text.strip())):  # (a byline may close a dateline or a tagline)
            m = _BYLINE.match(seg.strip())
            if m:
                name = _clean_name(m.group("n"))
                if name:
                    return name
    for ln in lines[:head_end]:
        m = re.match(r"^(?:Edited|Compiled|Curated) by\s+(?P<n>.+)$", _MD_MARK.sub("", ln.text.strip()))
        if m and _clean_name(m.group("n")):
            return _clean_name(m.group("n"))
    if title_idx >= 0:
        for ln in lines[title_idx + 1: head_end]:
            s = ln.text.strip()
            if s and s != masthead and not _ORG_WORDS.search(s.split(",")[0]) and not stamp_start(s):  # (not "Updated Tuesday, May 12")
                name = _clean_name(s)
                if name and n_words(s) <= 10 and name not in country_index()[0]:  # (not a dateline's capital: "New Delhi, 3 May 2025")
                    return _name_list(s) or name
                for seg in (re.split(r"\s[|·•]\s", s)[1:] if n_words(s) <= 14 else ()):
                    name = None if re.search(r"\d", seg) else _clean_name(seg)
                    if name:
                        return name  # "March 4, 2024 | Jane Doe, Senior Editor"
    for ln in lines[:min(head_end + 4, 10)]:
        s = ln.text
        if "@" in s and " by @" in s:
            h = _HANDLE_BY.search(s)
            if h:
                return h.group("n")  # "Adapted from a thread by @JaneRoe": the poster's handle
        if ":" in s or " by " in s:
            for seg in re.split(r"\s[|·•]\s", s.strip()):
                r = _reader().match(seg.strip())
                name = _clean_name(r.group("n")) if r else None
                if name:
                    return name  # a bulletin script's "Reader: Jane Roe"
    for ln in lines[:min(head_end, 6)]:
        s = ln.text.strip()
        for seg in _SEGMENT_SEP.split(s) if " by " in s else ():
            if _SELF_DESCRIPTION.match(seg.strip()):  # (alone or after the masthead's name: "Harbour Notes | a blog by Jane Roe")
                name = _clean_name(seg.rsplit(" by ", 1)[1])
                if name:
                    return name  # the writer of a newsletter: "A newsletter on maritime Asia, by Jane Roe"
    name = _lead_byline(lines, kinds, head_end)
    if name:
        return name
    tail_byline, credit_cut, bio_label = _more_vocab()[1:]
    for ln in lines:
        m = tail_byline.match(ln.text.strip().replace(" :", ":")) or _INTERVIEW_BY.match(ln.text.strip())
        name = _clean_name(credit_cut.split(m.group("n"))[0]) if m else None
        if name:
            return name  # "Words: Dr Mei-Lin Ho, Senior Fellow", "(Reporting by A and B; Editing by C)", "Tekst: A  Foto: B"
    for ln in [ln for ln in lines[head_end:] if ln.text.strip()][-6:]:
        s = ln.text.strip()
        m = None if more_words_than(s, 10) else _BYLINE.match(s)
        name = _clean_name(m.group("n")) if m else None
        if name:
            return name  # a byline at the foot: "By Jane Roe"
        credit = credit_name(s)
        name = _clean_name(credit) if credit else None
        if name:
            return name  # the page's credit at the foot: "Digest compiled by Jane Roe."
    total = len(lines)
    tail = {ln.index for ln in [ln for ln in lines if ln.text.strip()][-4:]}
    for ln in reversed(lines):
        if ln.index < total * 0.6 and ln.index not in tail:
            break
        s = bio_label.sub("", ln.text.strip().lstrip("*_"))  # (also "About the author: Jane Roe is ...", in italics)
        m = _BIO_NAME.match(s) or bio_other().match(s)  # ("Ola Berg er journalist i ...")
        if m and not _ORG_WORDS.search(m.group("n")):
            toks = m.group("n").split()
            return " ".join(toks[1:]) if len(toks) > 2 and toks[0].casefold() in _office_vocab()[0] else m.group("n")  # ("Dr. Jane Roe is ...")
    return None


def _name_case(name: str) -> str:
    """A name set in capitals in its usual case ("ANA O'NEILL-BRANDT" -> "Ana O'Neill-Brandt"); other names unchanged."""
    if not all(w.isupper() for w in name.split() if w != "and"):
        return name

    def word(w: str) -> str:
        """One word: capitalised, and so is a part after an apostrophe or a long part after a hyphen ("Ha-eun", "Kowalczyk-Reid")."""
        w = re.sub(r"(?<=['’])\w", lambda m: m.group(0).upper(), w.capitalize())
        return re.sub(r"(?<=-)\w(?=\w{3})", lambda m: m.group(0).upper(), w)

    return " ".join(w if w == "and" else word(w) for w in name.split())


def _lead_byline(lines: list[Line], kinds: list[str], head_end: int) -> str | None:
    """A byline set after the first paragraph: "By Jane Roe", or a short line of a name and a role
    ("JANE ROE, Defence Correspondent", "Jane Roe | Senior Reporter")."""
    role_tail = _vocab()[2]
    seen = 0
    for ln, k in zip(lines[head_end + 1:], kinds[head_end + 1:]):
        s = ln.text.strip()
        if not s:
            continue
        if k == BODY:
            seen += 1
            if seen >= 2:
                break
            continue
        if more_words_than(s, 8):
            continue
        by = _BYLINE.match(s)
        if by:
            name = _clean_name(by.group("n"))
        else:
            m = role_tail.search(s)
            head = s[:m.start()].rstrip(" |,·•–—-") if m else ""
            name = _clean_name(head) if head and ("," in s or "|" in s or head.isupper()) else None
        if name:
            return _name_case(name)
    return None
