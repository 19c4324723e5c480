"""Copies of one story -> one origin: near-duplicate sources found with bottom-k shingle sketches.

A wire report republished by several sites differs in its masthead, clutter and a line or two,
not in its body. Each source gets a sketch: the K smallest hashes of its word 5-grams. Sources
sharing a sketch hash become candidates (blocking, so the work stays near-linear in the number of
sources); a candidate pair whose sketches overlap by at least COPY_OVERLAP is one story. The
origin of a group is its earliest-published source (undated last, then source order).
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import replace

from briefings.model import SourceDocument

K = 32
SHINGLE = 5
COPY_OVERLAP = 0.6
MAX_POSTINGS = 200
_WORD = re.compile(r"\w+")


def sketch(text: str) -> frozenset[int]:
    """The K smallest CRC32 hashes of the text's word 5-grams (case and punctuation ignored)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE:
        grams = {" ".join(words)} if words else set()
    else:
        grams = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = sorted({zlib.crc32(g.encode("utf-8")) for g in grams})
    return frozenset(hashes[:K])


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

    postings: dict[int, list[int]] = {}
    for i, sk in enumerate(sketches):
        for h in sk:
            postings.setdefault(h, []).append(i)
    checked: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > MAX_POSTINGS:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                if (i, j) in checked or find(i) == find(j):
                    continue
                checked.add((i, j))
                if overlap(sketches[i], sketches[j]) >= COPY_OVERLAP:
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    origin_of: dict[int, str] = {}
    for members in groups.values():
        first = min(members, key=lambda i: (docs[i].published is None, docs[i].published or "", i))
        for i in members:
            origin_of[i] = docs[first].id
    return [replace(d, origin=origin_of[i]) for i, d in enumerate(docs)]
