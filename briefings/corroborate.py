"""Claims across sources -> one claim per statement, with corroborating spans and a confidence.

1. Each claim becomes a set of content words (case, punctuation and common words dropped).
2. Blocking: a claim is indexed under its BLOCK_KEYS rarest words; only claims from other sources
   sharing a key are compared, and keys shared by too many claims are skipped, so the work stays
   near-linear in the number of claims (no all-pairs comparison).
3. Two claims state the same thing when their word sets overlap by MIN_CONTAINMENT of the
   smaller one and MIN_JACCARD overall. Matches are grouped (union-find).
4. A group keeps its best claim (best-graded source, then score, then source order) as the text,
   and the others become `corroborated_by` spans.
5. `origins` counts the independent origins behind a group (copies of one story count once).
   Information credibility (Admiralty 1-6) and confidence follow the rules in `credibility` and
   `confidence`, documented in docs/corroboration.md.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Callable

from briefings.extract.combine import with_id
from briefings.model import Claim, Extraction, SourceDocument, Span, source_order

BLOCK_KEYS = 4
MAX_POSTINGS = 32
MIN_CONTAINMENT = 0.7
MIN_JACCARD = 0.45
_WORD = re.compile(r"\w+")
_STOP = frozenset("""a an the and or but if of to in on at by for from with without into onto over under
about after before during since until as than then that this these those there here it its they them
their he she his her we our you your is are was were be been being has have had do does did not no
so such which who whom whose what when where while also said says say according would could should
will may might can must just more most other some any each both all only very""".split())
RELIABILITY_ORDER = "ABCDEF"
LEVELS = ("low", "moderate", "high")


def content_words(text: str) -> frozenset[str]:
    """The words that carry a sentence's meaning (numbers included)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return frozenset(w for w in words if w not in _STOP and (len(w) > 2 or w.isdigit()))


def same_statement(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two word sets say the same thing (see MIN_CONTAINMENT, MIN_JACCARD)."""
    if not a or not b:
        return False
    inter = len(a & b)
    return inter / min(len(a), len(b)) >= MIN_CONTAINMENT and inter / len(a | b) >= MIN_JACCARD


def credibility(origins: int) -> int:
    """Admiralty information credibility from corroboration alone.

    1 confirmed (three or more independent origins), 2 probably true (two origins),
    6 cannot be judged (a single origin, however many outlets repeat it).
    """
    if origins >= 3:
        return 1
    if origins == 2:
        return 2
    return 6


def confidence(origins: int, best_reliability: str) -> str:
    """Confidence in a claim: never above what its best independent source supports.

    The cap from the best source's grade is high for A-B, moderate for C, low for D-F; the cap
    from corroboration is high for two or more independent origins, moderate for one. The
    claim gets the lower of the two.
    """
    by_grade = 2 if best_reliability in "AB" else 1 if best_reliability == "C" else 0
    by_origins = 2 if origins >= 2 else 1
    return LEVELS[min(by_grade, by_origins)]


def corroborate(ex: Extraction) -> Extraction:
    """Merge claims that state the same thing across sources; set origins, credibility, confidence."""
    claims = list(ex.claims)
    docs = {d.id: d for d in ex.sources}
    roots = _group_roots([content_words(c.text) for c in claims], [c.source for c in claims])
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        groups.setdefault(root, []).append(i)
    order = _SourceOrder()
    merged = [_merge([claims[i] for i in members], docs, order) for members in groups.values()]
    merged.sort(key=lambda c: (order(c.source), c.start))
    return replace(ex, claims=tuple(with_id(c, f"c{i}") for i, c in enumerate(merged, 1)))


def _group_roots(words: list[frozenset[str]], sources: list[str]) -> list[int]:
    """For each claim, the first claim of its group (union-find over the blocked comparisons)."""
    parent = list(range(len(words)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    df: dict[str, int] = {}
    for ws in words:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    # Each claim is compared with the first claim (the representative) of every group already
    # indexed under one of its rare words: at most BLOCK_KEYS * MAX_POSTINGS comparisons each.
    # The loop is same_statement inlined (it runs BLOCK_KEYS * MAX_POSTINGS times per claim).
    sizes = [len(ws) for ws in words]
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        keys = sorted(ws, key=lambda w: (df[w], w))[:BLOCK_KEYS]
        root_i, src, n = i, sources[i], sizes[i]  # root_i is find(i) throughout
        seen: set[int] = set()
        for key in keys:
            for rep in postings.get(key, ()):
                root = rep if parent[rep] == rep else find(rep)
                if root == root_i or root in seen:
                    continue
                seen.add(root)
                if sources[root] == src:
                    continue
                m = sizes[root]
                inter = len(words[root] & ws)
                if (inter / min(m, n) >= MIN_CONTAINMENT
                        and inter / (m + n - inter) >= MIN_JACCARD):
                    parent[root_i] = root_i = root
        for key in keys:
            bucket = postings.setdefault(key, [])
            if len(bucket) < MAX_POSTINGS and root_i not in bucket:
                bucket.append(root_i)
    return [find(i) for i in range(len(words))]


class _SourceOrder(dict):
    """source_order(id), remembered per source id (it is asked for every claim)."""

    def __call__(self, source_id: str) -> int:
        """The number in the source id."""
        n = self.get(source_id)
        if n is None:
            n = self[source_id] = source_order(source_id)
        return n


def _grade(doc: SourceDocument | None) -> int:
    return RELIABILITY_ORDER.index(doc.reliability) if doc and doc.reliability in RELIABILITY_ORDER else 5


def _merge(group: list[Claim], docs: dict[str, SourceDocument],
           order: Callable[[str], int] = source_order) -> Claim:
    """One claim for a group: the best-sourced text, the rest as corroborating spans."""
    if len(group) == 1:
        return _alone(group[0], docs)
    best = min(group, key=lambda c: (_grade(docs.get(c.source)), -c.score, order(c.source), c.start))
    others = sorted((c for c in group if c is not best), key=lambda c: (order(c.source), c.start))
    sources = {c.source for c in group}
    origins = len({(docs[s].origin or s) if s in docs else s for s in sources})
    best_grade = RELIABILITY_ORDER[min(_grade(docs.get(s)) for s in sources)]
    return replace(
        best,
        corroborated_by=tuple(Span(c.source, c.start, c.end) for c in others),
        origins=origins,
        credibility=credibility(origins),
        confidence=confidence(origins, best_grade),
        score=max(c.score for c in group),
        date=best.date or next((c.date for c in others if c.date), None),
        attribution=best.attribution or next((c.attribution for c in others if c.attribution), None),
    )


def _alone(claim: Claim, docs: dict[str, SourceDocument]) -> Claim:
    """A claim no other source states: one origin (what _merge gives a group of one)."""
    grade = RELIABILITY_ORDER[_grade(docs.get(claim.source))]
    return replace(claim, corroborated_by=(), origins=1, credibility=credibility(1),
                   confidence=confidence(1, grade), date=claim.date or None,
                   attribution=claim.attribution or None)
