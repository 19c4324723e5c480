"""An interview's questions, under the interviewer's (or the outlet's) label, are no claims; the answers are."""
from briefings.extract.document import extract_document
from briefings.model import SourceDocument


def _claims(text: str) -> list[str]:
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published="2025-06-02")
    return [c.text for c in extract_document(doc).claims]


_INTERVIEW = """Harbour Weekly

Ten questions for the fleet's chief of staff

Harbour Weekly: The Lantern Sea drill opened on Monday with nine navies. What is new this year?

Rear Admiral Okafor: Gabon and Angola sent frigates for the first time, and the drill now runs for twelve days.

Harbour Weekly: Cameroon declined to take part again. Does that worry you?

Rear Admiral Okafor: The invitation stays open, and Cameroon sent two liaison officers to the headquarters in Douala.

Harbour Weekly: And next year?

Rear Admiral Okafor: The next edition will be hosted by Ghana in Takoradi in June 2026.
"""


def test_the_interviewers_statements_are_no_claims():
    claims = _claims(_INTERVIEW)
    assert not any(c.startswith("Harbour Weekly:") for c in claims), claims
    assert any("Gabon and Angola sent frigates" in c for c in claims)
    assert any("hosted by Ghana in Takoradi" in c for c in claims)


def test_labelled_lines_that_do_not_ask_are_kept():
    # two speakers' statements, neither of them asking: a transcript of remarks, every line a claim
    text = ("Remarks at the closing ceremony\n\n"
            "Minister Dlamini: The Lantern Sea drill ended on Friday after twelve days at sea.\n\n"
            "Admiral Okafor: Nine navies took part, and Gabon sent a frigate for the first time.\n\n"
            "Minister Dlamini: The next edition will be hosted by Ghana in June 2026.\n\n"
            "Admiral Okafor: Cameroon sent two liaison officers to the headquarters in Douala.\n")
    claims = _claims(text)
    assert any(c.startswith("Minister Dlamini: The Lantern Sea drill ended") for c in claims), claims
    assert any(c.startswith("Admiral Okafor: Nine navies took part") for c in claims)
