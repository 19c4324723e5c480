"""Fusion at scale: the fast paths give what the general ones give."""
from __future__ import annotations

from dataclasses import replace

from briefings.corroborate import (RELIABILITY_ORDER, _alone, _grade, confidence, corroborate,
                                   credibility)
from briefings.extract.combine import with_id
from briefings.model import Claim, Extraction, SourceDocument


def test_with_id_is_replace() -> None:
    c = Claim("Ships sailed.", "s1", 0, 13, 0.5, id="", date="2024-05-01")
    assert with_id(c, "c7") == replace(c, id="c7") and c.id == ""
    assert type(with_id(c, "c7")) is Claim


def _general_merge_of_one(claim: Claim, docs: dict) -> Claim:
    """The general merge rule applied to a group of one claim."""
    grade = RELIABILITY_ORDER[_grade(docs.get(claim.source))]
    return replace(claim, corroborated_by=(), origins=1, credibility=credibility(1),
                   confidence=confidence(1, grade), score=claim.score,
                   date=claim.date or None, attribution=claim.attribution or None)


def test_a_claim_alone_is_merged_as_a_group_of_one() -> None:
    docs = {"s1": SourceDocument("s1", "a.txt", "x", reliability="B", origin="s1"),
            "s2": SourceDocument("s2", "b.txt", "x", reliability="D", origin="s1")}
    for claim in (Claim("Ships sailed.", "s1", 0, 13, 0.5, date="", attribution=""),
                  Claim("Ships sailed.", "s2", 0, 13, 0.7, date="2024-05-01", attribution="navy"),
                  Claim("Ships sailed.", "s9", 0, 13, 0.1)):
        assert _alone(claim, docs) == _general_merge_of_one(claim, docs)


def test_same_statement_across_sources_is_merged_once() -> None:
    docs = (SourceDocument("s1", "a.txt", "x", reliability="B"),
            SourceDocument("s2", "b.txt", "x", reliability="C"))
    text = "Chinese and Russian frigates held live-fire drills in the Sea of Japan on Tuesday."
    claims = (Claim(text, "s1", 0, len(text), 0.4), Claim(text, "s2", 0, len(text), 0.9),
              Claim("An unrelated statement about harbour fees.", "s2", 90, 132, 0.2))
    out = corroborate(Extraction(sources=docs, claims=claims, assessments=(), exercises=()))
    assert [c.id for c in out.claims] == ["c1", "c2"]
    assert out.claims[0].source == "s1" and out.claims[0].origins == 2
    assert out.claims[0].corroborated_by[0].source == "s2" and out.claims[1].origins == 1
