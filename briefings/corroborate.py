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
from collections import Counter
from itertools import chain
from dataclasses import replace
from typing import Callable, Iterable

from briefings.model import Claim, Extraction, SourceDocument, Span, source_order
from briefings.extract.combine import copied

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


def corroborate(ex: Extraction, known: dict[str, frozenset[str]] | None = None) -> Extraction:
    """Merge claims that state the same thing across sources; set origins, credibility, confidence.
    `known`: content_words of claim texts computed already (see `claim_words`)."""
    claims = ex.claims
    docs = {d.id: d for d in ex.sources}
    roots = _group_roots(claim_words([c.text for c in claims], known), [c.source for c in claims])
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        groups.setdefault(root, []).append(i)
    order = _SourceOrder()
    alone: dict[str, str] = {}  # source id -> the confidence of a claim it alone states
    merged = [_alone(claims[members[0]], docs, alone) if len(members) == 1
              else _merge([claims[i] for i in members], docs, order)
              for members in groups.values()]
    merged.sort(key=lambda c: (order(c.source), c.start))
    for i, c in enumerate(merged, 1):  # each a new object made above: numbered in place
        c.__dict__["id"] = f"c{i}"
    return replace(ex, claims=tuple(merged))


def claim_words(texts: Iterable[str], memo: dict[str, frozenset[str]] | None = None) -> list[frozenset[str]]:
    """content_words of each text; equal texts (a wire story's sentences in its copies) share
    one set, computed once (`memo`, text -> set, holds those computed already and gains the new ones)."""
    memo = {} if memo is None else memo
    out = []
    for text in texts:
        ws = memo.get(text)
        if ws is None:
            ws = memo[text] = content_words(text)
        out.append(ws)
    return out


def _group_roots(words: list[frozenset[str]], sources: list[str]) -> list[int]:
    """For each claim, the first claim of its group (union-find over the blocked comparisons).

    Each claim is compared with the first claim (the representative) of every group already
    indexed under one of its BLOCK_KEYS rarest words (fewest claims, then alphabetical), at
    most MAX_POSTINGS groups per word, in the order they were indexed; every match joins its
    group. A word no other claim has is never looked up nor indexed (nothing could meet
    there), which changes no result.

    A posting list keeps the groups as they were indexed (its cap and repeats count those),
    and beside it the distinct groups they belong to now, in the same order, updated when two
    indexed groups merge: a claim meets each group once, without walking stale entries."""
    parent = list(range(len(words)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    df = _document_frequency(words)
    # Words as their rank in (document frequency, word) order: keys are the smallest ranks.
    ranked = sorted(df, key=lambda w: (df[w], w))
    rank = {w: r for r, w in enumerate(ranked)}
    lonely = sum(1 for w in ranked if df[w] == 1)  # ranks below this: words of one claim only
    del ranked
    rank_of = rank.__getitem__
    keys_of: dict[int, list[int]] = {}  # per distinct word set (shared by equal texts)
    sizes = [len(ws) for ws in words]
    sigs = _signatures(words)
    entries: dict[int, list[int]] = {}    # key -> group roots as indexed (<= MAX_POSTINGS)
    current: dict[int, list[int]] = {}    # key -> their groups' roots now, distinct, in order
    where: dict[int, set[int]] = {}       # root -> keys whose `current` holds it

    def relink(old: int, new: int) -> None:
        """Group `old` (indexed) joins group `new`: the lists that held `old` now hold `new`
        where `old` or `new` came first."""
        keys_new = where.setdefault(new, set())
        for key in where.pop(old, ()):
            lst = current[key]
            p_old = lst.index(old)
            if key in keys_new:
                p_new = lst.index(new)
                if p_old < p_new:
                    lst[p_old] = new
                    del lst[p_new]
                else:
                    del lst[p_old]
            else:
                lst[p_old] = new
                keys_new.add(key)

    get = current.get
    for i, ws in enumerate(words):
        keys = keys_of.get(id(ws))
        if keys is None:
            keys = keys_of[id(ws)] = [r for r in sorted(map(rank_of, ws))[:BLOCK_KEYS]
                                      if r >= lonely]
        if not keys:
            continue
        # The groups met under the keys, each once, in order. Merges below join only groups
        # met already, so the others are the same whether listed now or as the loop reaches
        # them; and a group is compared through its representative's own words, so the
        # matches can be found first and joined after, in the same order.
        lists = [lst for lst in map(get, keys) if lst]
        if not lists:
            root_i = i
        else:
            met = dict.fromkeys(chain.from_iterable(lists)) if len(lists) > 1 else lists[0]
            src, n, sig = sources[i], sizes[i], sigs[i]
            need = (7 * n + 9) // 10  # (a group as large as this claim or larger shares at least this many words)
            # same_statement inlined, in integers: MIN_CONTAINMENT = 7/10, MIN_JACCARD = 9/20; first a cheap
            # bound: the bits only this claim's words set are words the other lacks (see _signature)
            hits = [root for root in met if sources[root] != src
                    and n - (sig & ~sigs[root]).bit_count() >= (need if sizes[root] >= n else (7 * sizes[root] + 9) // 10)
                    and 10 * (inter := len(words[root] & ws))
                    >= 7 * (sizes[root] if sizes[root] < n else n)
                    and 20 * inter >= 9 * (sizes[root] + n - inter)]
            root_i = i  # find(i) throughout
            for root in hits:
                if root_i != i:
                    relink(root_i, root)
                parent[root_i] = root_i = root
        for key in keys:
            raw = entries.get(key)
            if raw is None:
                entries[key] = [root_i]
                current[key] = [root_i]
                where.setdefault(root_i, set()).add(key)
            elif len(raw) < MAX_POSTINGS and root_i not in raw:
                raw.append(root_i)
                keys_i = where.setdefault(root_i, set())
                if key not in keys_i:
                    current[key].append(root_i)
                    keys_i.add(key)
    return [find(i) for i in range(len(words))]


SIGNATURE_BITS = 128


def _signatures(words: list[frozenset[str]]) -> list[int]:
    """A bit signature per word set: each word sets the bit of its hash (equal sets share one, computed once).

    A bit set by one set's words and by none of another's stands for at least one word the other
    lacks, so len(a) - popcount(sig_a & ~sig_b) bounds the words they share from above."""
    memo: dict[int, int] = {}
    out = []
    for ws in words:
        sig = memo.get(id(ws))
        if sig is None:
            sig = 0
            for w in ws:
                sig |= 1 << (hash(w) % SIGNATURE_BITS)
            memo[id(ws)] = sig
        out.append(sig)
    return out


def _document_frequency(words: list[frozenset[str]]) -> dict[str, int]:
    """How many claims have each word."""
    df: Counter[str] = Counter()
    update = df.update
    for ws in words:
        update(ws)
    return df


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


def _alone(claim: Claim, docs: dict[str, SourceDocument],
           known: dict[str, str] | None = None) -> Claim:
    """A claim no other source states: one origin (what _merge gives a group of one).
    `known` remembers each source's confidence for such claims."""
    conf = known.get(claim.source) if known is not None else None
    if conf is None:
        conf = confidence(1, RELIABILITY_ORDER[_grade(docs.get(claim.source))])
        if known is not None:
            known[claim.source] = conf
    return copied(claim, corroborated_by=(), origins=1, credibility=credibility(1), confidence=conf,
                  date=claim.date or None, attribution=claim.attribution or None)
