"""Copies of one story -> one origin: near-duplicate sources found with bottom-k shingle sketches.

A wire report republished by several sites differs in its masthead, clutter and a line or two,
not in its body. Each source gets a sketch: the K smallest hashes of its word 5-grams. Sources
sharing a sketch hash become candidates (blocking, so the work stays near-linear in the number of
sources); a candidate pair whose sketches overlap by at least COPY_OVERLAP is one story. The
origin of a group is its earliest-published source (undated last, then source order).
"""
from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from dataclasses import replace

from briefings.model import SourceDocument

K = 32
SHINGLE = 5
COPY_OVERLAP = 0.6
MAX_POSTINGS = 32
BLOCK_KEYS = 6
_WORD = re.compile(r"\w+")


def sketch(text: str) -> frozenset[int]:
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
        grams = {hash(g) for g in zip(*(ids[k:] for k in range(SHINGLE)))}
    return frozenset(heapq.nsmallest(K, grams))


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Estimated resemblance of two texts from their sketches (0..1)."""
    if not a or not b:
        return 0.0
    union_k = sorted(a | b)[:K]
    both = sum(1 for h in union_k if h in a and h in b)
    return both / len(union_k)


def assign_origins(docs: list[SourceDocument]) -> list[SourceDocument]:
    """Set each document's `origin` to the first source of its group of copies."""
    sketches = [sketch(d.text) for d in docs]
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Each source is indexed under its BLOCK_KEYS smallest hashes (two texts that resemble each
    # other by J share one of them with probability about 1 - (1 - J) ** BLOCK_KEYS) and is
    # compared with the first source of every group already indexed under one of them: at most
    # BLOCK_KEYS * MAX_POSTINGS comparisons per source.
    postings: dict[int, list[int]] = {}
    for i, sk in enumerate(sketches):
        seen: set[int] = set()
        keys = sorted(sk)[:BLOCK_KEYS]
        for h in keys:
            for rep in postings.get(h, ()):
                root = find(rep)
                if root in seen or root == find(i):
                    continue
                seen.add(root)
                if overlap(sketches[root], sk) >= COPY_OVERLAP:
                    parent[find(i)] = root
        root_i = find(i)
        for h in keys:
            bucket = postings.setdefault(h, [])
            if root_i not in bucket and len(bucket) < MAX_POSTINGS:
                bucket.append(root_i)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    origin_of: dict[int, str] = {}
    for members in groups.values():
        first = min(members, key=lambda i: (docs[i].published is None, docs[i].published or "", i))
        for i in members:
            origin_of[i] = docs[first].id
    return [replace(d, origin=origin_of[i]) for i, d in enumerate(docs)]
