"""Time what fusion (copy detection, exercise merge, claim corroboration) adds for N articles.

Usage: python benchmarks/fusion.py N [N ...]   (default 1000 10000)

The corpus: the development-set articles, each varied N/12 times (numbers, a place word and a
tag word changed per variant, so most claims stay distinct), with every fifth article a verbatim
copy of an earlier one (a republished wire story). Extraction runs first and is not timed; the
figures are the fusion steps alone, median of 3 runs.
"""
from __future__ import annotations

import random
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from briefings.corroborate import corroborate
from briefings.extract.combine import combine
from briefings.extract.document import extract_document
from briefings.origins import assign_origins
from briefings.sources.read import read_patterns

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
WORDS = ["harbour", "coastal", "northern", "southern", "allied", "regional", "evening", "morning"]


def corpus(n: int) -> list:
    """N documents varied from the development set, one in five a copy of an earlier one."""
    base = list(read_patterns([str(DEV / "*.txt")], DEV).documents)
    rng = random.Random(7)
    docs = []
    for i in range(n):
        if i % 5 == 4 and docs:
            src = rng.choice(docs)
            docs.append(replace(src, id=f"s{i + 1}", path=f"copy{i}.txt"))
            continue
        b = base[i % len(base)]
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + i % 97), b.text)
        text = re.sub(r"\bthe\b", lambda m: f"the {rng.choice(WORDS)}", text, count=25)
        docs.append(replace(b, id=f"s{i + 1}", path=f"v{i}.txt", text=text))
    return docs


def main(sizes: list[int]) -> None:
    for n in sizes:
        docs = corpus(n)
        t = time.perf_counter()
        parts = [extract_document(d) for d in docs]
        extract_s = time.perf_counter() - t
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            graded = assign_origins(docs)
            ex = corroborate(combine(graded, parts))
            runs.append(time.perf_counter() - t)
        claims_before = sum(len(p.claims) for p in parts)
        print(f"{n:>6} articles: extract {extract_s:6.2f} s (not part of fusion); fusion median "
              f"{statistics.median(runs):6.3f} s ({statistics.median(runs) / extract_s:.1%} of "
              f"extraction); claims {claims_before} -> {len(ex.claims)}; exercises "
              f"{sum(len(p.exercises) for p in parts)} -> {len(ex.exercises)}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
