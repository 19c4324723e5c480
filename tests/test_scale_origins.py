"""Copy detection at scale: the prefix-filtered join finds exactly the pairs an all-pairs
comparison finds, and reading in worker processes gives the same sources as reading here."""
from __future__ import annotations

import random
from pathlib import Path

from briefings.executor import ProcessExecutor
from briefings.origins import COPY_OVERLAP, K, copy_pairs, overlap, sketch
from briefings.sources.collect import collect_sources
from briefings.config import SourceSpec


def _sketches(n: int, seed: int) -> list[frozenset[int]]:
    """Random sketches, some of them edited copies of earlier ones, some sharing a common core."""
    rng = random.Random(seed)
    common = [rng.randrange(1 << 20) for _ in range(40)]  # "boilerplate" hashes many share
    out: list[frozenset[int]] = []
    for i in range(n):
        if out and rng.random() < 0.3:
            base = sorted(rng.choice(out))
            keep = rng.randint(K // 2, K)
            pool = base[:keep] + [rng.randrange(1 << 20) for _ in range(K - keep)]
        else:
            pool = rng.sample(common, rng.randint(0, 12)) + [rng.randrange(1 << 20) for _ in range(40)]
        out.append(frozenset(sorted(set(pool))[:rng.choice((K, K, K, 3, 1))]))
    return out


def test_prefix_join_finds_every_pair_all_pairs_finds() -> None:
    for seed in range(5):
        sks = _sketches(150, seed)
        brute = {(j, i) for i in range(len(sks)) for j in range(i)
                 if overlap(sks[j], sks[i]) >= COPY_OVERLAP}
        assert set(copy_pairs(sks)) == brute
        assert brute  # the case is not vacuous


def test_sketch_is_the_same_in_every_process() -> None:
    text = "The frigates sailed from the port at dawn and held drills for three days. " * 3
    assert sketch(text) == sketch(text) and len(sketch(text)) <= K


def test_reading_in_workers_gives_the_same_sources(tmp_path: Path) -> None:
    body = ("Meridian Wire\nFrigates drill off Crete\nMay 2, 2024\n\n"
            "Greek and French frigates held a two-day air defence drill south of Crete on "
            "Tuesday, the Greek navy said. The drill involved {n} ships and two helicopters.\n")
    for n in range(12):
        (tmp_path / f"a{n:02d}.txt").write_text(body.format(n=n % 4), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    specs = [SourceSpec(path="*.txt")]
    here = collect_sources(specs, tmp_path, {"Meridian Wire": "B"})
    with ProcessExecutor(2) as run:
        workers = collect_sources(specs, tmp_path, {"Meridian Wire": "B"}, reader=run)
    assert workers == here
    assert any(d.origin != d.id for d in here.documents) and here.skipped
