"""Extraction for one source: sentences classified as claims or assessments, and the exercises reported."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Assessment, Claim, DocumentExtraction, SourceDocument
from .assessments import HolderTracker, judge
from .claims import attribution, features, stated_date
from .ranking import claim_features, claim_score
from .clutter import BODY, HEADING, TABLE, analyse
from .dates import month_first, slash_order, weekday_date
from .exercises import find_exercises, mention_count
from .metadata import recover_metadata, text_header_end
from .resources import document_countries
from .text import Line, Sentence, more_words_than, split_sentences


_INTERVIEWER = re.compile(r"^(?:Q|Question|Interviewer)\s*[:.]\s")
_TURN_LABEL = re.compile(r"^([A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,3}):\s")  # a speaker's turn in a transcript ("Defesa Hoje: ...")


@dataclass
class Unit:
    """A sentence of the body with what the classifiers found in it."""

    sent: Sentence
    para: int
    kind: str            # "claim", "assessment", "title", "question" or "skip"
    heading: bool = False
    table: bool = False
    header: bool = False  # in the page header (standfirst), before the first body paragraph


# I, I've, I'm, I'd (either apostrophe), my, My, me; the left boundary is checked after the first letter (a fast scan)
_FIRST_PERSON = re.compile(r"(?:I(?<![\w'’]I)(?:'ve|'m|'d|’ve|’m|’d)?|m(?<![\w'’]m)[ye]|M(?<![\w'’]M)y)(?![\w'’])")
_QUOTE_SPAN = re.compile(r"[\"“][^\"”]*[\"”]")
_DIGIT = re.compile(r"\d")
_SOURCED = re.compile(r"\b(?:said|says|told|according to|announced|reported|stated)\b")
_ENDS = re.compile(r"[.!?:;…\"”’)\]]\s*$")
_LOWER_START = re.compile(r"^\s*[a-z]")
# (the look-behind after the capital, so the regex scans for digits and capitals fast)
_ANCHOR = re.compile(r"[\dA-Z](?:(?<=\d)|(?<=[\s(“\"‘'-][A-Z])[\w'’-]+)")


def _quick_anchors(text: str) -> int:
    """Digits and capitalised words after the first: a cheap count of the hard facts a sentence holds."""
    return len(_ANCHOR.findall(text))


def _join_wrapped(text: str, lines: list[Line], kinds: list[str]) -> tuple[list[Line], list[str]]:
    """Join a line that breaks off mid-sentence with the lower-case line that continues it (PDF-style wrapping)."""
    out_l: list[Line] = []
    out_k: list[str] = []
    i = 0
    while i < len(lines):
        ln, k = lines[i], kinds[i]
        while (k in (BODY, HEADING) and i + 1 < len(lines) and kinds[i + 1] in (BODY, HEADING)
               and ln.text.strip() and not _ENDS.search(ln.text) and _LOWER_START.match(lines[i + 1].text)):
            nxt = lines[i + 1]
            ln, k = Line(ln.index, ln.start, nxt.end, text[ln.start:nxt.end]), BODY
            i += 1
        out_l.append(ln)
        out_k.append(k)
        i += 1
    return out_l, out_k


_QUOTE_MARK = re.compile(r"[“”\"]")


def _quote_open(text: str, was_open: bool) -> bool:
    """Whether a quotation is still open after `text` (it was open before it when `was_open`)."""
    for ch in _QUOTE_MARK.findall(text):  # (the quote marks alone, in order)
        if ch == "“":
            was_open = True
        elif ch == "”":
            was_open = False
        elif ch == '"':
            was_open = not was_open
    return was_open


def _year(published: str | None) -> int | None:
    """The year of an ISO date, or None."""
    try:
        return int(published[:4]) if published else None
    except ValueError:
        return None


def _title_line(s: str, title: str) -> bool:
    """Whether a line is the headline, alone or under a short label or in quotes ("Ep. 12: "Headline"")."""
    return s == title or (len(title) >= 20 and len(s) - len(title) <= 16 and title in s)


def _asker(lines: list[Line], kinds: list[str]) -> str | None:
    """The label of an interview's questions ("Harbour Weekly: Why now?"): of two or more labelled speakers,
    the one whose turns (two or more) mostly end with a question mark while another's mostly do not."""
    turns: dict[str, list[bool]] = {}
    for ln, kind in zip(lines, kinds):
        m = _TURN_LABEL.match(ln.text.strip()) if kind == BODY and ":" in ln.text[:40] else None
        if m:
            turns.setdefault(m.group(1), []).append(ln.text.rstrip("\"”’' ").endswith("?"))
    if len(turns) < 2:
        return None
    asks = [(sum(q) / len(q), k) for k, q in turns.items() if len(q) >= 2]
    best = max(asks, default=None)
    if best is None or best[0] < 0.5 or not any(r < 0.5 for r, k in asks if k != best[1]):
        return None
    return best[1]


def units(doc: SourceDocument, title: str | None) -> list[Unit]:
    """Body sentences (plus headings and table rows, flagged) in reading order."""
    text = doc.text
    lines, kinds = analyse(text)
    head = text_header_end(text, month_first())
    out: list[Unit] = []
    para = 0
    lines, kinds = _join_wrapped(text, list(lines), list(kinds))
    asker = _asker(lines, kinds) if text.count(":") >= 4 else None
    for ln, kind in zip(lines, kinds):
        s = ln.text.strip()
        is_title = title is not None and _title_line(s, title.strip())
        if kind in (HEADING, TABLE) and not is_title:
            lead = len(ln.text) - len(ln.text.lstrip())
            st = ln.start + lead
            out.append(Unit(Sentence(st, st + len(s), s, ln.index, 0), para, "skip",
                            heading=kind == HEADING, table=kind == TABLE))
            continue
        if is_title and kind in (BODY, HEADING):
            lead = len(ln.text) - len(ln.text.lstrip())
            st = ln.start + lead
            out.append(Unit(Sentence(st, st + len(s), s, ln.index, 0), para, "title"))
            continue
        if kind != BODY:
            continue
        # an interviewer's question (or remark leading to one) is not a fact
        question = _INTERVIEWER.match(s) is not None or (asker is not None and s.startswith(asker + ":"))
        for sent in split_sentences(text, ln):
            out.append(Unit(sent, para, "question" if question else "claim", header=ln.index < head))
        para += 1
    return out


def extract_document(doc: SourceDocument) -> DocumentExtraction:
    """Claims, assessments and exercises of one source; every span indexes `doc.text` exactly."""
    with slash_order(doc.text), document_countries(doc.text):
        return _extract(doc)


def _extract(doc: SourceDocument) -> DocumentExtraction:
    """The body of `extract_document` (inside the document's date-order and country contexts)."""
    text = doc.text
    published = doc.published
    title = doc.title
    if published is None or title is None:
        meta = recover_metadata(text)
        published = published or meta.published
        title = title or meta.title
    year = _year(published)
    us = units(doc, title)
    tracker = HolderTracker()
    claims: list[Claim] = []
    assessments: list[Assessment] = []
    first_para: dict[int, int] = {}
    prev_holder: str | None = None
    open_quote, open_para = False, -1  # a quotation left open by the previous sentence (of this paragraph)
    opinion = len(_FIRST_PERSON.findall(" ".join(_QUOTE_SPAN.sub(" ", u.sent.text) for u in us if u.kind == "claim"))) >= 3
    for u in us:
        if u.heading or u.table or u.kind in ("title", "question"):
            continue
        t = u.sent.text
        quoted = tracker.observe(t)
        inside = open_quote and open_para == u.para
        if quoted is None and prev_holder and (t[:1] in "\"“‘'" or inside):
            quoted = prev_holder  # a quotation that continues the previous analyst's words
        open_quote, open_para = _quote_open(t, inside), u.para
        j = judge(t, quoted, lambda: _quick_anchors(t))
        if not j.is_assessment and opinion and not _DIGIT.search(t) and not _SOURCED.search(t) and _quick_anchors(t) <= 1:
            j = judge(t, "author", 0)  # an opinion piece: the writer's undated, unsourced sentences are views
        prev_holder = (quoted or j.holder) if j.is_assessment else None
        if not more_words_than(t, 2) or (t.rstrip("\"”’' ").endswith("?") and not j.is_assessment):
            u.kind = "skip"
            continue
        if j.is_assessment:
            u.kind = "assessment"
            assessments.append(Assessment(text=t, source=doc.id, start=u.sent.start, end=u.sent.end,
                                          score=round(0.5 + 0.5 * j.strength, 4), holder=j.holder,
                                          likelihood=j.likelihood, confidence=j.confidence))
            continue
        u.kind = "claim"
        rank = first_para.setdefault(u.para, len(first_para))
        f = features(t, year)
        sc = claim_score(claim_features(t, f, rank, u.sent.pos, mention_count(t), j.strength, u.header))
        claims.append(Claim(text=t, source=doc.id, start=u.sent.start, end=u.sent.end, score=round(sc, 4),
                            date=stated_date(t, year) or weekday_date(t, published), attribution=attribution(t)))
    exercises = find_exercises(doc.id, text, us, published)
    return DocumentExtraction(claims=tuple(claims), assessments=tuple(assessments), exercises=tuple(exercises))


_PER_TEXT_CACHES: list = []


def clear_caches() -> None:
    """Forget the per-text caches (line kinds, header ends, names, dates, places), as between unrelated documents."""
    if not _PER_TEXT_CACHES:
        from . import clutter, dates, exercise_fields, exercise_names, metadata, resources, text as text_mod
        for mod in (clutter, dates, exercise_fields, exercise_names, metadata, resources, text_mod):
            for v in vars(mod).values():
                if callable(getattr(v, "cache_clear", None)) and v.cache_info().maxsize is not None:
                    _PER_TEXT_CACHES.append(v)
    for f in _PER_TEXT_CACHES:
        f.cache_clear()
