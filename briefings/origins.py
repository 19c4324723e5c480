"""Copies of one story -> one origin: near-duplicate sources found with bottom-k shingle sketches.

A wire report republished by several sites differs in its masthead, clutter and a line or two,
not in its body. Each source gets a sketch: the K smallest hashes of its word 5-grams. Two
sources whose sketches overlap by at least COPY_OVERLAP are copies of one story, and a group of
copies is a connected set of such pairs. Every such pair is found, in time linear in the number
of sources (prefix filtering, below); no pair is left out because a hash is common. The origin
of a group is its earliest-published source (undated last, then source order).
"""
from __future__ import annotations

import heapq
import math
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import replace
from typing import Iterator, Sequence

from briefings.model import SourceDocument

K = 32
SHINGLE = 5
COPY_OVERLAP = 0.6
_WORD = re.compile(r"\w+")

Sketch = frozenset[int]


def sketch(text: str) -> Sketch:
    """The K smallest hashes of the text's word 5-grams (case and punctuation ignored).

    Words are hashed with CRC32 and 5-grams as tuples of those integers, so sketches are the
    same in every process (no per-process string hash seed).
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    crc = {w: zlib.crc32(w.encode("utf-8")) for w in set(words)}
    ids = list(map(crc.__getitem__, words))
    if len(ids) < SHINGLE:
        grams = {hash(tuple(ids))} if ids else set()
    else:
        grams = set(map(hash, zip(*(ids[k:] for k in range(SHINGLE)))))
    # (heapify and K pops run in C: several times faster than heapq.nsmallest's Python loop over every gram)
    heap = list(grams)
    heapq.heapify(heap)
    return frozenset(heapq.heappop(heap) for _ in range(min(K, len(heap))))


def overlap(a: Sketch, b: Sketch) -> float:
    """Estimated resemblance of two texts from their sketches (0..1)."""
    if not a or not b:
        return 0.0
    union_k = sorted(a | b)[:K]
    both = sum(1 for h in union_k if h in a and h in b)
    return both / len(union_k)


def prefix_length(size: int) -> int:
    """How many of a sketch's rarest hashes any copy must share one of (prefix filtering).

    overlap >= COPY_OVERLAP needs at least ceil(COPY_OVERLAP * size) hashes in common, so two
    copies share one of their first size - that + 1 hashes in any fixed order of hashes."""
    return size - math.ceil(COPY_OVERLAP * size - 1e-9) + 1 if size else 0


def copy_pairs(sketches: Sequence[Sketch]) -> Iterator[tuple[int, int]]:
    """Every pair (j, i), j < i, whose sketches overlap by at least COPY_OVERLAP.

    Hashes are ordered rarest first, so each source is indexed and probed under its few
    rarest hashes only: boilerplate shared by many sources is never a key, and candidates are
    (almost) only real copies."""
    df = Counter(h for sk in sketches for h in sk)
    postings: dict[int, list[int]] = {}
    for i, sk in enumerate(sketches):
        rarest = sorted(sk, key=lambda h: (df[h], h))[:prefix_length(len(sk))]
        candidates: set[int] = set()
        for h in rarest:
            bucket = postings.setdefault(h, [])
            candidates.update(bucket)
            bucket.append(i)
        for j in sorted(candidates):
            if _enough_shared(sketches[j], sk) and overlap(sketches[j], sk) >= COPY_OVERLAP:
                yield j, i


def _enough_shared(a: Sketch, b: Sketch) -> bool:
    """Cheap necessary condition for overlap(a, b) >= COPY_OVERLAP: enough hashes in common."""
    return len(a & b) >= math.ceil(COPY_OVERLAP * min(K, max(len(a), len(b))) - 1e-9)


def copy_groups(sketches: Sequence[Sketch]) -> list[int]:
    """For each source, the index of one member of its group of copies (union-find root)."""
    parent = list(range(len(sketches)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for j, i in copy_pairs(sketches):
        parent[find(i)] = find(j)
    return [find(i) for i in range(len(sketches))]


def assign_origins(docs: list[SourceDocument],
                   sketches: Sequence[Sketch] | None = None) -> list[SourceDocument]:
    """Set each document's `origin` to the first source of its group of copies.

    `sketches` (one per document, as `sketch(doc.text)`) may be given when computed already,
    e.g. by the workers that read the files."""
    if sketches is None:
        sketches = [sketch(d.text) for d in docs]
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(copy_groups(sketches)):
        groups.setdefault(root, []).append(i)
    origin_of: dict[int, str] = {}
    for members in groups.values():
        first = min(members, key=lambda i: (docs[i].published is None, docs[i].published or "", i))
        for i in members:
            origin_of[i] = docs[first].id
    return [replace(d, origin=origin_of[i]) for i, d in enumerate(docs)]
