"""Our own gold articles (tests/data/extract): the extractor finds what a careful annotator marked."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from briefings.extract.document import extract_document
from briefings.extract.exercise_names import normalise
from briefings.extract.metadata import recover_metadata
from briefings.model import SourceDocument

GOLD_DIR = Path(__file__).parent / "data" / "extract"
GOLD = sorted(GOLD_DIR.glob("*.gold.yaml"))


def _toks(text: str) -> set[str]:
    return {t.casefold() for t in re.findall(r"\w+", text)}


def _match(pred: str, gold: str) -> bool:
    p, g = _toks(pred), _toks(gold)
    inter = len(p & g)
    return bool(p and g) and inter / len(g) >= 0.6 and inter / len(p) >= 0.6


def _load(path: Path) -> tuple[str, dict]:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = path.with_name(path.name.replace(".gold.yaml", ".txt")).read_bytes().decode("utf-8")
    return text, gold


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_file_quotes_its_article(path: Path) -> None:
    text, gold = _load(path)
    quoted = list(gold.get("claims") or []) + list(gold.get("assessments") or [])
    quoted += [a for ex in gold.get("exercises") or [] for a in ex.get("activities") or []]
    assert all(q in text for q in quoted)
    assert set(gold.get("noise") or []) <= set(text.splitlines())


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_extraction_matches_gold(path: Path) -> None:
    text, gold = _load(path)
    meta = recover_metadata(text)
    src = gold["source"]
    assert meta.title == src["title"]
    assert meta.published == str(src["published"])
    assert (meta.outlet or "").casefold() == (src["outlet"] or "").casefold()
    assert meta.author == src["author"]
    doc = SourceDocument(id="s1", path=str(path), text=text, title=meta.title, published=meta.published)
    part = extract_document(doc)
    claims = [c.text for c in part.claims]
    judgements = [a.text for a in part.assessments]
    for g in gold.get("claims") or []:
        assert any(_match(c, g) for c in claims), f"missed claim: {g}"
    for g in gold.get("assessments") or []:
        assert any(_match(a, g) for a in judgements), f"missed assessment: {g}"
    noise = [n.casefold() for n in gold.get("noise") or []]
    for t in claims + judgements + [a for x in part.exercises for a in x.activities]:
        assert not any(n in t.casefold() for n in noise), t
    want = gold.get("exercises") or []
    assert len(part.exercises) == len(want)
    for g in want:
        names = {normalise(n) for n in [g.get("name"), *(g.get("aliases") or [])] if n}
        hit = next(x for x in part.exercises
                   if (names and names & {normalise(n) for n in [x.name, *x.aliases] if n})
                   or (not names and x.name is None and x.year == g.get("year")))
        assert hit.year == g.get("year")
        assert set(hit.participants) == set(g.get("participants") or [])
        assert set(hit.observers) == set(g.get("observers") or [])
        assert set(g.get("locations") or []) <= set(hit.locations)
