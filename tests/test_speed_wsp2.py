"""The speed-ups of the cue search, sketches, header ends and date reading give what the plain code gives."""
from __future__ import annotations

import heapq
import re

from briefings.extract import resources
from briefings.extract.assessments import _rx
from briefings.extract.clutter import analyse
from briefings.extract.dates import find_dates, month_first, slash_order
from briefings.extract.document import clear_caches
from briefings.extract.metadata import header_end, text_header_end
from briefings.extract.resources import CueSet, first_word_starts, joined_starts, lexicon, word_starts
from briefings.origins import K, SHINGLE, _WORD, sketch

TEXTS = [
    "Analysts say the drill is a signal to Beijing.",
    "The co-analysts say it is likely to grow.",
    "It's a clear message, we assess, and i'd add it is no coincidence.",
    "In my view the exercise was a show of force; x-experts believe otherwise.",
    "The navy said the ships sailed on Monday.",
    "o’analysts say it remains significant — re-assess the odds.",
    "a well-known message that it would be a mistake to ignore",
]


def _plain_search(cs: CueSet, low: str):
    """CueSet.search without the first-word gate: the candidates by literals alone, as before it."""
    present = word_starts(low)
    for i, ((rx, lits, every), req, pre) in enumerate(zip(cs._alts, cs._req, cs._pre)):
        if lits and (not lits <= present if every else lits.isdisjoint(present)):
            continue
        if req and req not in low:
            continue
        start = 0
        if pre is not None:
            p = pre.search(low)
            if p is None:
                continue
            start = p.start()
        m = rx.search(low, start)
        if m:
            return m
    return None


def _variants(text: str) -> list[str]:
    """The text, and each word of it after a hyphen, an apostrophe and inside another word."""
    ws = text.split(" ")
    out = [text]
    for k in range(len(ws)):
        for lead in ("x-", "'", "’", "re-", "a"):
            out.append(" ".join(ws[:k] + [lead + ws[k]] + ws[k + 1:]))
    return out


def test_cue_search_same_as_without_first_word_gate():
    strong, weak = _rx()[:2]
    for cs in (strong, weak):
        for text in TEXTS:
            for v in _variants(resources.lower(text)):
                a, b = cs.search(v), _plain_search(cs, v)
                assert (a and (a.re.pattern, a.span())) == (b and (b.re.pattern, b.span())), v


def test_first_word_starts_cover_every_match():
    lex = lexicon()
    pats = lex["assessment"]["strong"] + lex["assessment"]["weak"]
    for alt in (a for p in pats for a in resources._top_alternatives(p)):
        body = resources._LEAD_LOOKBEHINDS.sub("", alt, 1)
        if not re.match(r"\\b(?:[a-z]|\(\?:)", body):
            continue
        keys = first_word_starts(body[2:])
        if keys is None:
            continue
        rx = re.compile(alt)
        for text in TEXTS:
            for v in _variants(resources.lower(text)):
                if rx.search(v):
                    heads = word_starts(v) | joined_starts(v)
                    assert not keys.isdisjoint(heads), (alt, v)


def test_first_word_starts_examples():
    assert first_word_starts(r"(?:an?|the) (?:important|key)") == {"a", "an", "the"}
    assert first_word_starts(r"analysts?") == {"anal"}
    assert first_word_starts(r"i'd\b") == {"i'd"}
    assert first_word_starts(r"(?:very )?important") == {"very", "impo"}
    assert first_word_starts(r"no\b") is None  # (a word of two letters that may go on)
    assert first_word_starts(r"50-50") is None
    assert first_word_starts(r"(?:\w+ )?signal") is None
    assert joined_starts("the co-operate and o'brien") == {"ope", "oper", "bri", "brie"}


def test_sketch_same_as_nsmallest():
    import unicodedata
    import zlib

    for text in TEXTS + ["", "one", "a b c d", "a b c d e f", " ".join(TEXTS) * 3]:
        words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
        crc = {w: zlib.crc32(w.encode("utf-8")) for w in set(words)}
        ids = [crc[w] for w in words]
        if len(ids) < SHINGLE:
            grams = {hash(tuple(ids))} if ids else set()
        else:
            grams = set(map(hash, zip(*(ids[k:] for k in range(SHINGLE)))))
        assert sketch(text) == frozenset(heapq.nsmallest(K, grams))


def test_text_header_end_same_as_header_end():
    text = "Harbour Daily\n\nNavies drill near the strait\n\nBy Jane Roe\n12/08/2025\n\n" + "The navies of two countries began a drill on Monday in the strait, officials said, and it will run for a week. " * 2
    for context in (text, "WASHINGTON (AP) — The navy said so.\n" + text):
        clear_caches()
        with slash_order(context):
            assert text_header_end(text, month_first()) == header_end(*analyse(text))


def test_find_dates_gates():
    assert [h.start for h in find_dates("From 3 to 5 May 2025 and on 2025-06-01, 4/5/2025, 7 de mayo de 2025.")] == [
        "2025-05-03", "2025-06-01", "2025-05-04", "2025-05-07"]
    assert find_dates("nothing here 12") == []
