"""Corroboration's grouping at scale: the indexed loop (distinct groups per posting list, matches
joined after) groups exactly as the plain loop over every posting entry does."""
from __future__ import annotations

import random

from briefings.corroborate import (BLOCK_KEYS, MAX_POSTINGS, MIN_CONTAINMENT, MIN_JACCARD,
                                   _group_roots, _signatures, claim_words, content_words, same_statement)


def _plain_group_roots(words: list[frozenset[str]], sources: list[str]) -> list[int]:
    """The rule as first written: every entry of every posting list, found and compared."""
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
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        keys = sorted(ws, key=lambda w: (df[w], w))[:BLOCK_KEYS]
        root_i, src = i, sources[i]
        seen: set[int] = set()
        for key in keys:
            for rep in postings.get(key, ()):
                root = find(rep)
                if root == root_i or root in seen:
                    continue
                seen.add(root)
                if sources[root] != src and same_statement(words[root], ws):
                    parent[root_i] = root_i = root
        for key in keys:
            bucket = postings.setdefault(key, [])
            if len(bucket) < MAX_POSTINGS and root_i not in bucket:
                bucket.append(root_i)
    return [find(i) for i in range(len(words))]


def _claims(n: int, seed: int, vocabulary: int) -> tuple[list[frozenset[str]], list[str]]:
    """Template-like word sets (a shared core with a few words changed), some repeated verbatim
    (copies), over a small vocabulary so posting lists fill and groups chain."""
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(vocabulary)]
    templates = [rng.sample(vocab, rng.randint(6, 14)) for _ in range(max(3, n // 40))]
    words, sources, texts = [], [], []
    for i in range(n):
        if texts and rng.random() < 0.25:
            ws = rng.choice(texts)  # the same sentence in another source
        else:
            base = list(rng.choice(templates))
            for _ in range(rng.randint(0, 5)):
                base[rng.randrange(len(base))] = rng.choice(vocab)
            base += rng.sample(vocab, rng.randint(0, 3))
            ws = frozenset(base)
        texts.append(ws)
        words.append(ws)
        sources.append(f"s{rng.randrange(max(2, n // 8))}")
    return words, sources


def test_indexed_grouping_equals_the_plain_loop() -> None:
    for seed in range(6):
        for n, vocabulary in ((300, 60), (1500, 120), (800, 400)):
            words, sources = _claims(n, seed, vocabulary)
            assert _group_roots(words, sources) == _plain_group_roots(words, sources)
            # equal sets as distinct objects (no sharing) group the same
            copies = [frozenset(ws) if k % 2 else ws for k, ws in enumerate(words)]
            assert _group_roots(copies, sources) == _plain_group_roots(words, sources)


def test_the_cases_are_not_vacuous() -> None:
    words, sources = _claims(1500, 0, 120)
    roots = _group_roots(words, sources)
    sizes: dict[int, int] = {}
    for r in roots:
        sizes[r] = sizes.get(r, 0) + 1
    assert max(sizes.values()) > 20 and sum(1 for s in sizes.values() if s > 1) > 10


def test_integer_thresholds_are_the_float_ones() -> None:
    """The loop tests 10*inter >= 7*min and 20*inter >= 9*union: same as the ratios."""
    assert (MIN_CONTAINMENT, MIN_JACCARD) == (0.7, 0.45)
    for small in range(1, 60):
        for big in range(small, 130):
            for inter in range(0, small + 1):
                union = small + big - inter
                as_float = inter / small >= MIN_CONTAINMENT and inter / union >= MIN_JACCARD
                assert as_float == (10 * inter >= 7 * small and 20 * inter >= 9 * union)


def test_claim_words_are_content_words_shared_between_equal_texts() -> None:
    texts = ["Ships sailed from Vladivostok on Monday.", "Ships sailed from Vladivostok on Monday.",
             "Ｆｕｌｌ-width ＴＥＸＴ, 12 ships.", ""]
    got = claim_words(texts)
    assert got == [content_words(t) for t in texts]
    assert got[0] is got[1]


def test_signatures_bound_the_shared_words_from_above() -> None:
    """len(a) - popcount(sig_a & ~sig_b) >= len(a & b): the cheap test never drops a match."""
    rng = random.Random(7)
    vocab = [f"w{k}" for k in range(300)]
    tight = 0
    for _ in range(3000):
        a = frozenset(rng.sample(vocab, rng.randint(1, 30)))
        b = frozenset(rng.sample(sorted(a), rng.randint(0, len(a))) + rng.sample(vocab, rng.randint(0, 30)))
        sa, sb = _signatures([a, b])
        bound = len(a) - (sa & ~sb).bit_count()
        assert bound >= len(a & b)
        tight += bound == len(a & b)
    assert tight > 300  # (and often exact: the bound prunes)
