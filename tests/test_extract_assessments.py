"""Claims versus assessments, the holder of a judgement, and the ICD 203 likelihood and confidence."""
from __future__ import annotations

import pytest

from briefings.extract.assessments import confidence, likelihood
from briefings.extract.document import extract_document
from briefings.model import SourceDocument


@pytest.mark.parametrize("sentence, term", [
    ("The navy will probably extend the deployment.", "likely"),
    ("A second carrier group is likely to join in May.", "likely"),
    ("Moscow will almost certainly present the drill as a success.", "almost certain"),
    ("A permanent base is nearly certain to follow.", "almost certain"),
    ("The chance of a clash at sea is remote.", "almost no chance"),
    ("A formal alliance is highly improbable before 2030.", "very unlikely"),
    ("A formal alliance is improbable.", "unlikely"),
    ("Tokyo is unlikely to protest.", "unlikely"),
    ("It is very likely that the patrols continue.", "very likely"),
    ("The two sides have a roughly even chance of agreeing.", "roughly even chance"),
    ("The ships returned to port on Friday.", None),
])
def test_icd_203_terms(sentence: str, term: str | None) -> None:
    assert likelihood(sentence) == term


def test_stated_confidence() -> None:
    assert confidence("We assess with high confidence that the drill was planned months ago.") == "high"
    assert confidence("We judge with moderate confidence that more ships will come.") == "moderate"
    assert confidence("We have low confidence in the reported figures.") == "low"
    assert confidence("The ships returned to port.") is None


def _extract(text: str):
    return extract_document(SourceDocument(id="s9", path="x.txt", text=text, published="2023-06-10"))


def test_claims_and_assessments_are_told_apart() -> None:
    text = ("Two frigates and a tanker from the two navies sailed from Busan on 4 June, the defence ministry said.\n"
            "The deployment signals a closer partnership between the two fleets.\n"
            "The ministry said the ships would return on 20 June.\n"
            "Our take: the drill matters more as a message than as training.\n")
    part = _extract(text)
    claims = [c.text for c in part.claims]
    judgements = [a.text for a in part.assessments]
    assert "The deployment signals a closer partnership between the two fleets." in judgements
    assert "Our take: the drill matters more as a message than as training." in judgements
    assert claims[0].startswith("Two frigates")
    assert part.claims[0].attribution == "the defence ministry"
    assert part.claims[0].date == "2023-06-04"
    assert all(c.source == "s9" for c in part.claims) and all(a.source == "s9" for a in part.assessments)


def test_holder_is_the_named_analyst_and_follows_her_quotes() -> None:
    text = ("Officials confirmed that four ships took part in the drill on Monday.\n"
            "\"The drill is likely to become an annual fixture,\" said Dana Petrov, an analyst at the Harbour Institute. "
            "\"Nobody in the region will be surprised.\"\n"
            "Petrov says the numbers are probably inflated.\n")
    part = _extract(text)
    by_text = {a.text: a for a in part.assessments}
    first = by_text["\"The drill is likely to become an annual fixture,\" said Dana Petrov, an analyst at the Harbour Institute."]
    assert first.holder == "Dana Petrov" and first.likelihood == "likely"
    assert by_text["\"Nobody in the region will be surprised.\""].holder == "Dana Petrov"
    assert by_text["Petrov says the numbers are probably inflated."].holder == "Dana Petrov"
    assert [c.text for c in part.claims] == ["Officials confirmed that four ships took part in the drill on Monday."]


def test_an_officials_quoted_words_stay_a_claim() -> None:
    text = 'A navy spokesman said on Friday that the drills "should not worry anyone" and would end on schedule.\n'
    part = _extract(text)
    assert [c.text for c in part.claims] == [text.strip()]
    assert part.assessments == ()


def test_scores_are_in_range_and_lead_facts_rank_high() -> None:
    text = ("Harbour Daily\n\nFive warships from Chile and Peru began the Pacific Shield 2023 exercise off Callao on 2 May, "
            "the Peruvian navy said.\nThe weather was mild.\nLocal cafes were busy.\n")
    part = _extract(text)
    assert all(0.0 <= c.score <= 1.0 for c in part.claims)
    best = max(part.claims, key=lambda c: c.score)
    assert best.text.startswith("Five warships")
