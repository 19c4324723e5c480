"""Page clutter: classify each line as body text, heading, table row or furniture (nav, share, bios...)."""
from __future__ import annotations

import re
from functools import lru_cache

from .dates import find_dates, month_first
from .resources import alternation, lexicon
from .text import Line, dateline_end, more_words_than, n_words, split_lines, words

BODY, HEADING, TABLE, CLUTTER, BLANK = "body", "heading", "table", "clutter", "blank"

_SEP = re.compile(r"\s(?:\||›|»|>|·|•|/|–)\s")
_BULLET = re.compile(r"^\s*(?:[–—•·*▪►-]|\d{1,2}[.)])\s+")
_ABOUT = re.compile(r"^About\s+[A-Z][^:]{1,60}:|^[A-Z][^,]{2,80}, headquartered in [^,]{2,40}(?:, [^,]{2,30})?, (?:is|conducts|provides|operates|serves|leads|has|delivers|works)\b"
                    r"|[$£€]\s?\d[\d.,]*\s*(?:a|per|/)\s*(?:month|year|week)\b")
_BIO = re.compile(r"^(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’-]+(?:\s\((?:Retd|Ret|R|retd|retired)\.?\))?,?\s+(?:is|was|has been|writes|covers|reports|serves|holds|leads|teaches|works|edits)\b"
                  # (not an event's record at the foot: "Freedom Edge was first held in June 2024", nor a judgement on
                  # it: "Sea Shield was never a large exercise")
                  r"(?!\s+(?:first|initially|originally|last|being|due|set|scheduled|expected|held|planned|launched|conducted|staged|hosted|"
                  r"cancelled|canceled|postponed|scaled|renamed|moved|suspended|never|not|no longer|hardly|rarely|always|still|only|once|"
                  r"too|very|largely|mostly|more|less)\b)")
_FOOTNOTE = re.compile(r"^\[\d{1,3}\]\s")
_ALWAYS = re.compile(r"^(?:copyright|©|advertisement|sponsored)\b|^(?:related|read more|read also|tags|topics)\s*(?::|$)|^(?:page|photo|image|slide|picture) \d+(?: of \d+)?$")
_LISTY = re.compile(r"(?i)\b(?:related|most|latest|more|read|popular|trending|recommended|news|stories|articles)\b")
_PARTS = re.compile(r"\s(?:\||›|»|>|·|•|/|–)\s|\s{2,}")
_RULE = re.compile(r"[#*=_~\-–—\s]+")
_STOP_END = re.compile(r"[.!?]$")
_BRACKETED = re.compile(r"\[[^\[\]]*\](?:\s*\[[^\[\]]*\])*")
_PLACE_DATE = re.compile(r"\s*[A-ZÀ-Þ][\w'’.-]*(?:[ -][A-ZÀ-Þ][\w'’.-]*){0,2},\s*(?:le|el|den|am|on|the)?\s*\.?")
# a place line with a dash before its date: "Ottawa, Ontario — Thursday, August 27, 2026" (the date cut out)
_PLACE_DASH = re.compile(r"\s*[A-ZÀ-Þ][\w'’.-]*(?:[ -][A-ZÀ-Þ][\w'’.-]*){0,2}(?:,\s*[A-ZÀ-Þ][\w'’.-]*(?:[ -][A-ZÀ-Þ][\w'’.-]*){0,2})?\s*[—–-]\s*")
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
# a labelled list of links: "More opinion: "Title one" | "Title two"", "See also: A | B" (a short label, then titles between pipes)
_LINK_LIST = re.compile(r"^[A-Z][\w'’-]*(?:\s[\w'’-]+){0,2}:\s+[^|]+(?:\s\|\s[^|]+)+$")
# a caption under its media label: "[Photo] Sailors haul a line ... (Courtesy of ...)", "(Video) ..."
_MEDIA_LABEL = re.compile(r"(?i)^[\[(](?:photos?|images?|pictures?|videos?|graphics?|illustrations?|captions?|file photo)\b[^\])]{0,80}[\])]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT = re.compile(r"^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+)$")


# a note to the press: "Media interested in covering the drill should contact ...", "For press enquiries, call ..."
_MEDIA_CONTACT = re.compile(r"^(?:(?:the\s)?(?:news\s)?media|journalists|reporters|members of the (?:media|press)|press|accredited media)\b(?:(?!\b(?:said|says|told|reported|was|were)\b)[^.]){0,80}?"
                            r"\b(?:should|may|can|must|are asked to|are invited to|wishing to|who wish to)\s(?:contact|call|e-?mail|reach|write to|register)\b"
                            r"|^for (?:media|press|news media) (?:inquiries|enquiries|queries|requests)\b")
_MEDIA_OPENERS = ("media", "the media", "news media", "the news media", "journalists", "reporters", "members of the", "press", "accredited", "for media", "for press", "for news")
# a rights or reuse notice: "All rights of this agency are reserved.", "Use of the content is permitted with citation of the source."
_RIGHTS = re.compile(r"\ball rights\b[^.]{0,50}\breserved\b|^(?:use|reuse|re-use|reproduction|republication|reprinting|copying|quoting)\s(?:of\s)?"
                     r"(?:the\s|this\s|our\s|any\s|its\s)?(?:site'?s?\s|agency'?s?\s)?(?:content|materials?|articles?|news|texts?|stories|photos)\b[^.]{0,60}?"
                     r"\b(?:is|are)\s(?:permitted|allowed|prohibited|forbidden|not permitted|not allowed|only permitted|subject to)\b"
                     # (a terse one: "Reproduction with attribution only.", "Republication without permission prohibited.")
                     r"|^(?:reproduction|republication|reprinting|reuse|re-use|copying)\s(?:is\s|only\s|permitted\s|allowed\s)?(?:with|without)\s"
                     r"(?:(?:prior|written|express|full|proper)\s)*(?:attribution|permission|credit|citation|consent|acknowledge?ment)\b")
_REUSE_OPENERS = ("use", "reuse", "re-use", "reproduction", "republication", "reprinting", "copying", "quoting")
# a credit line: "Interview by Jane Roe.", "Edited by John Doe" (the name ends its sentence: not "Compiled by NATO, the report ...")
_CREDIT_BY = re.compile(r"^(?:Interview|Interviewed|Interviews|Edited|Compiled|Translated|Transcribed|Produced|Conducted)"
                        r"(?:\sand\s(?:edited|condensed|translated))?\sby\s(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]+(?:\.\s|\.?$|\s*[;|])")
# a plea to support the writer: "Like this post?", "Buy me a coffee.", "Support this blog"
_SUPPORT = re.compile(r"^(?:(?:like|liked|enjoy|enjoyed|enjoying) (?:this|the|my) (?:post|article|story|piece|newsletter|blog|read)\?|(?:buy|get) me a coffee\b|"
                      r"support (?:this|my|our) (?:blog|work|writing|journalism|newsletter|site)\b|become a (?:patron|supporter|paid subscriber|member)\b|"
                      r"tip jar\b|donate (?:here|now|today)\b)")


@lru_cache(maxsize=None)
def _page_notes() -> re.Pattern[str]:
    """Notes to the reader from briefings/data/months.yaml ("Cite as: ...", "The following is an unofficial translation.")."""
    return re.compile("|".join(lexicon()["clutter"]["page_notes"]))


@lru_cache(maxsize=None)
def _note_phrases() -> re.Pattern[str]:
    """Editing notes from briefings/data/lexicon.yaml ("edited for length"), furniture on a short line only."""
    return alternation([p.casefold() for p in lexicon()["clutter"]["note_phrases"]], left="", right="")


@lru_cache(maxsize=None)
def _subject_credit() -> re.Pattern[str]:
    """A credit line naming the page before its verb ("Digest compiled by Jane Roe.", "This issue was edited by John Doe"),
    the subjects from briefings/data/lexicon.yaml; group "n" is the name."""
    subjects = alternation(lexicon()["clutter"]["credit_subjects"], left="", right="").pattern
    return re.compile(rf"^(?i:{subjects})\s(?:(?:was|is|has been)\s)?(?:compiled|edited|curated|produced|prepared|translated|written|"
                      r"put together|assembled|hosted|presented)\sby\s(?P<n>(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]+)(?:\.\s|\.?$|\s*[;|])")


def credit_name(s: str) -> str | None:
    """The name on a credit line naming the page ("Digest compiled by Jane Roe." -> "Jane Roe"), else None."""
    m = _subject_credit().match(s) if " by " in s and not more_words_than(s, 40) else None
    return m.group("n") if m else None


def _notice(s: str, low: str) -> bool:
    """Whether a line is a media-contact note, a rights or reuse notice, a credit line or a plea to support the writer."""
    if low.startswith(_MEDIA_OPENERS) and _MEDIA_CONTACT.match(low) and not more_words_than(s, 40):
        return True
    if ("reserved" in low or low.startswith(_REUSE_OPENERS)) and not more_words_than(s, 30) and _RIGHTS.search(low):
        return True
    if " by " in s and s[:1] in "IECTPI" and not more_words_than(s, 40) and _CREDIT_BY.match(s):
        return True
    if " by " in s and credit_name(s):
        return True  # "Digest compiled by Jane Roe.": the page's own credit
    if _page_notes().match(low) and not more_words_than(s, 40):
        return True  # a moderator's turn, a citation note, a translation note, a mailing footer, a thread's sign-off
    return low[:1] in "lebgsdt" and not more_words_than(s, 20) and _SUPPORT.match(low) is not None


_TERMINAL_MARKS = ".!?:;…"
_CLOSERS = "\"”’')]"


def _terminal(s: str) -> bool:
    r"""`re.search(r"[.!?:;…][\"”’')\]]*\s*$|[\"”]\s*$", s)`: the line ends a sentence (or a quotation), read from its end."""
    t = s.rstrip()
    if t[-1:] in ("\"", "”"):
        return True
    u = t.rstrip(_CLOSERS)
    return u != "" and u[-1] in _TERMINAL_MARKS


def _prefix_regex(prefixes: list[str]) -> re.Pattern[str]:
    """A regex matching a line that starts with one of the prefixes."""
    alts = sorted(set(prefixes), key=len, reverse=True)
    body = "|".join(re.escape(p) + (r"(?![^\W_])" if p[-1:].isalnum() else "") for p in alts)
    return re.compile(f"^(?:{body or '(?!x)x'})")


@lru_cache(maxsize=None)
def _comment_openers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes for the line that opens a comment section: (anywhere, only in the second half of a page, a commenter's line)."""
    c = lexicon()["clutter"]
    return re.compile("|".join(c["comments_strong"])), re.compile("|".join(c["comments_weak"])), re.compile(c["commenter"])


def _opens_comments(lines: list[Line], i: int, total: int) -> bool:
    """Whether line `i` opens the readers' comments (a header, or a commenter's name above a date line)."""
    strong, weak, commenter = _comment_openers()
    s = lines[i].text.strip().casefold()
    if strong.match(s) or (i > total * 0.5 and weak.match(s)):
        return True
    if not commenter.match(s):
        return False
    nxt = next((ln.text.strip() for ln in lines[i + 1:i + 3] if ln.text.strip()), "")
    return bool(nxt) and n_words(nxt) <= 10 and bool(find_dates(nxt))


@lru_cache(maxsize=None)
def _vocab() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], set[str]]:
    """Compiled clutter vocabulary: (strong prefixes, weak prefixes, phrases, navigation words)."""
    c = lexicon()["clutter"]
    strong, weak = [], []
    for p in c["prefixes"]:
        p = p.casefold()
        (strong if (not p.isalpha() or " " in p.strip()) else weak).append(p)
    phrases = alternation([p.casefold() for p in c["phrases"]], left="", right="")
    return _prefix_regex(strong), _prefix_regex(weak), phrases, {w.casefold() for w in c["nav_words"]}


def is_furniture(text: str) -> bool:
    """True when one line is page furniture by its own shape and vocabulary."""
    s = text.strip()
    return bool(s) and _furniture(s, month_first())


@lru_cache(maxsize=4096)
def _furniture(s: str, slashed_month_first: bool) -> bool:
    """The body of `is_furniture` for a stripped, non-empty line (cached: the line kinds and the metadata
    ask it of the same lines; keyed by the order of slashed dates, which the dates it reads follow)."""
    low = s.casefold()
    if " :" in low:
        low = low.replace(" :", ":")  # French spacing: "Photo : ...", "Texte : ..."
    strong, weak, phrases, nav = _vocab()
    # (the word count is asked only when a cheaper test passes, and settled by a prefix of a long line)
    if strong.match(low) and (not more_words_than(s, 40) or low[:1] in "©(["):
        return True
    if _FOOTNOTE.match(s) or (_ALWAYS.match(low) and not more_words_than(s, 40)):
        return True
    if _notice(s, low):
        return True  # "Media ... should contact ...", "All rights ... reserved.", "Interview by Jane Roe.", "Buy me a coffee."
    if weak.match(low) and not more_words_than(s, 14) and not _STOP_END.search(s) and not _prefix_names().match(low):
        return True  # (not a name that opens with the prefix's word: "Home Guard calls up ...")
    if phrases.search(low) and not more_words_than(s, 60):
        de = dateline_end(s)
        if not de or phrases.search(low, de):
            return True  # (not when the phrase is only a wire's name in a dateline: "LISBON, May 3 (Reuters) - ...")
    if "ed for" in low and not more_words_than(s, 20) and _note_phrases().search(low):
        return True  # "This interview has been edited for length.", alone or closing a short note
    if (s.startswith("About") or "headquartered" in s or "$" in s or "£" in s or "€" in s) and _ABOUT.search(s):
        return True  # (the cheap test first: every branch of _ABOUT needs one of these)
    if not _terminal(s):  # (the cheap test first: most lines end a sentence)
        parts = [p for p in _PARTS.split(s) if p.strip()]
        if len(parts) >= 2 and all(n_words(p) <= 6 for p in parts):
            return True
    if " | " in s and _LINK_LIST.match(s):
        if all(not more_words_than(p, 12) and not p.rstrip().endswith(".") for p in s.split(" | ")):
            return True  # a labelled list of links; (its titles are no sentences: none ends with a full stop)
    if "@" in s or "www." in s or "://" in s:
        if _CONTACT.match(s):
            return True  # a line that is only an e-mail address or a web address
        if "@" in s and not more_words_than(s, 15) and _EMAIL.search(s):
            return True  # a short contact line: "For media enquiries: press@navy.example", "Got a tip? Write to tips@..."
    if s[:1] in "[(" and _MEDIA_LABEL.match(s) and not more_words_than(s, 60):
        return True  # a photo or video caption under its label
    if _BRACKETED.fullmatch(s):
        return True  # "[Intro music]", "[Transcript auto-generated ...]"
    if _RULE.fullmatch(s):
        return True
    if not more_words_than(s, 4) and all(w.casefold() in nav for w in words(s)):
        return True
    # a line that is only a date (and perhaps a time or weekday), or a publication stamp (its dates with "Updated", times ...)
    if more_words_than(s, 12) and not ((s[:1].isdigit() or _stamp_vocab()[0].match(low)) and not more_words_than(s, 24)):
        return False
    rest = s
    for h in reversed(find_dates(s)):
        rest = rest[:h.pos] + rest[h.stop:]
    if rest != s and len(words(re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:AM|PM|UTC|GMT|WIB|ET|BST|CET|CEST|MSK)\b", "", rest))) <= 1:
        return True
    if rest == s:  # no date read: a stamp whose month the date reader does not know ("Publicerad 4 maj 2024 kl 09.30")
        return _stamp_vocab()[0].match(low) is not None and _only_stamp(s, unread_month=True)
    return _PLACE_DATE.fullmatch(rest) is not None or _PLACE_DASH.fullmatch(rest) is not None or _only_stamp(rest)  # "Paris, le 14 mai 2025", "Publisert 10.03.2026 kl. 08:14 | ..."


@lru_cache(maxsize=None)
def _stamp_vocab() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a stamp word such as "Updated" or "Publisert", the glue words and times a stamp line may hold besides its dates)."""
    c = lexicon()["clutter"]
    word = alternation([w.casefold() for w in c["stamp_words"]])
    glue = alternation([w.casefold() for w in c["stamp_glue"]] + [w.casefold() for w in c["stamp_words"]])
    time = r"\d{1,2}(?:[:h.]\d{2}){1,2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?"
    return word, re.compile(rf"(?:{time}|{glue.pattern})")


def stamp_start(text: str) -> bool:
    """Whether a line opens with a publication stamp's word ("Updated", "Publisert", "Veröffentlicht", "Mis à jour")."""
    return _stamp_vocab()[0].match(text.strip().casefold()) is not None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _only_stamp(rest: str, unread_month: bool = False) -> bool:
    """Whether what is left of a line once its dates are cut out holds a stamp word and nothing but glue, times and separators
    (`unread_month`: the dates are still there, a day and a year with one month name between them)."""
    low = rest.casefold()
    word, glue = _stamp_vocab()
    if word.search(low) is None:
        return False
    left = words(glue.sub(" ", low))
    if not unread_month:
        return not left
    return (_YEAR.search(low) is not None and len([w for w in left if w.isdigit()]) >= 2
            and len([w for w in left if not w.isdigit()]) <= 1)


@lru_cache(maxsize=None)
def _prefix_names() -> re.Pattern[str]:
    """Names that open with a short prefix's word ("Home Guard"), from briefings/data/lexicon.yaml."""
    return _prefix_regex([p.casefold() for p in lexicon()["clutter"]["prefix_names"]])


@lru_cache(maxsize=None)
def _bio_trades() -> re.Pattern[str]:
    """A writer's column or trade in a bio ("... and writes a monthly column"), from briefings/data/lexicon.yaml."""
    return re.compile("|".join(lexicon()["clutter"]["bio_trades"]))


def _header_bio(s: str, byline: str) -> bool:
    """Whether a line is a bio: under the byline naming its writer, or anywhere naming a writer's column ("Jane Roe is ... and writes a column")."""
    if " is " not in s or more_words_than(s, 60) or _BIO.match(s) is None:
        return False
    first = s.split(None, 1)[0]
    return (byline[:3].casefold() == "by " and f" {first}" in byline) or _bio_trades().search(s) is not None


@lru_cache(maxsize=None)
def _bio_headers() -> frozenset[str]:
    """Lower-cased headings that open a biography paragraph ("About the author")."""
    return frozenset(h.casefold() for h in lexicon()["clutter"]["bio_headers"])


def _is_table(text: str) -> bool:
    """Whether a line is a table row."""
    return "|" in text and (re.search(r"\s{2,}\|", text) is not None or "," in text.split("|", 1)[-1])


def is_bio(text: str, index: int, total: int, tail: bool = False) -> bool:
    """True for an author bio line ("Jane Roe is a fellow at ...") in the last part of a page."""
    if not (index >= total * 0.6 or tail) or len(text) >= 1200:
        return False
    s = text.strip().lstrip("*_")
    return _BIO.match(s) is not None or bio_other().match(s) is not None


@lru_cache(maxsize=None)
def bio_other() -> re.Pattern[str]:
    """A bio in another language ("Ola Berg er journalist i ...", "Ana Lopes é investigadora ..."): a name, then the lexicon's verb."""
    verbs = "|".join(re.escape(v) for v in lexicon()["clutter"]["bio_verbs"])
    return re.compile(rf"^(?P<n>(?:[A-ZÀ-Þ][\w'’.-]+\s){{1,3}}[A-ZÀ-Þ][\w'’-]+),?\s+(?:{verbs})\s+(?!\d)")


@lru_cache(maxsize=None)
def _disclosure_rx() -> re.Pattern[str]:
    """The lexicon's disclosure lines ("Jane Roe travelled to Darwin with the support of ...")."""
    return re.compile("|".join(lexicon()["clutter"]["disclosures"]))


def is_disclosure(text: str, index: int, total: int, tail: bool = False) -> bool:
    """True for a one-sentence line near the end of a page that says who paid for the reporting."""
    s = text.strip()
    return ((index >= total * 0.85 or tail) and not more_words_than(s, 40) and _disclosure_rx().match(s) is not None
            and not re.search(r"[.!?]\s+[A-Z]", s))


_FUNCTION_WORDS = frozenset(("of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "le", "del", "da", "do", "für", "und"))


def _is_label(s: str) -> bool:
    """Whether a short line is a capitalised name ("Ministry of Defence", "HARBOUR DAILY"), as mastheads and office headers are."""
    ws = s.split()
    return (0 < len(ws) <= 6 and not _terminal(s) and ws[0][:1].isupper()
            and all(w[:1].isupper() or w.casefold() in _FUNCTION_WORDS for w in ws))


def _is_tagline(s: str, prev: str) -> bool:
    """A short all-lower-case motto or campaign line under a masthead or office name at the top of a page
    (a wrapped headline's next line follows a line that is not all capitalised words)."""
    return s.islower() and not more_words_than(s, 8) and not _terminal(s) and not any(ch.isdigit() for ch in s) and _is_label(prev)


@lru_cache(maxsize=8)
def analyse(text: str) -> tuple[tuple[Line, ...], tuple[str, ...]]:
    """Lines of `text` and their kinds (cached: metadata and extraction read the same text)."""
    lines = split_lines(text)
    return tuple(lines), tuple(line_kinds(lines))


def line_kinds(lines: list[Line]) -> list[str]:
    """Kind of every line: body, heading, table, clutter or blank."""
    kinds: list[str] = []
    total = len(lines)
    last_nonblank = max((ln.index for ln in lines if ln.text.strip()), default=0)
    tail_lines = {ln.index for ln in [ln for ln in lines if ln.text.strip()][-4:]}
    in_list: int | bool = False
    comments = False
    in_bio = 0  # 1: under a biography heading, 2: in the paragraph that follows it
    prev = ""  # the previous non-blank line while no body paragraph has come yet (the page header)
    for i, ln in enumerate(lines):
        s = ln.text.strip()
        if not s:
            kinds.append(BLANK)
            in_bio = 0 if in_bio == 2 else in_bio
            continue
        if prev and _is_tagline(s, prev):
            kinds.append(CLUTTER)  # "proud of our coasts" under "Ministry of Harbours"
            prev = s
            continue
        above = prev or ""  # (the header line above, for a bio under the byline)
        if prev is not None:
            prev = s if i < 12 and BODY not in kinds else None
        if in_bio or (not more_words_than(s, 5) and s.rstrip(":").casefold() in _bio_headers()):  # (a prefix settles a long line)
            in_bio = 2 if in_bio else 1  # "About the author" and the paragraph under it
            kinds.append(CLUTTER)
            continue
        if comments or _opens_comments(lines, i, total):
            comments = True  # readers' comments run to the end of the page
            kinds.append(CLUTTER)
            continue
        if in_list and (_BULLET.match(s) or (in_list == 2 and n_words(s) <= 14 and not _terminal(s))):
            kinds.append(CLUTTER)
            continue
        in_list = False
        if _is_table(s):
            kinds.append(TABLE)
            continue
        if is_furniture(s):
            kinds.append(CLUTTER)
            if n_words(s) <= 4 and not _SEP.search(s):
                in_list = 2 if _LISTY.search(s) else 1
            continue
        if is_bio(s, ln.index, last_nonblank + 1 or total, ln.index in tail_lines) or _header_bio(s, above):
            kinds.append(CLUTTER)
            continue
        if is_disclosure(s, ln.index, last_nonblank + 1 or total, ln.index in tail_lines):
            kinds.append(CLUTTER)  # "Jane Roe travelled to Darwin with the support of the navy."
            continue
        de = dateline_end(s)
        if de and len(s) - de < 20:
            kinds.append(CLUTTER)
            continue
        if _BULLET.match(s) and n_words(s) >= 6 and not s.isupper():
            kinds.append(BODY)
            continue
        if not _terminal(s) or (s.isupper() and n_words(s) <= 14):
            kinds.append(HEADING if n_words(s) <= 30 else BODY)
            continue
        kinds.append(BODY)
    return kinds
