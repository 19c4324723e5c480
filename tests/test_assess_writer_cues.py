"""Writer's judgements, analysts' estimative quotes and literal uses of judgement words (invented sentences)."""
import pytest

from briefings.extract.assessments import judge


def _extract(text: str):
    from briefings.extract.document import extract_document
    from briefings.model import SourceDocument
    return extract_document(SourceDocument(id="t", path="t.txt", text=text, title=None, published=None))


@pytest.mark.parametrize("t", [
    "The patrol is small, but it matters because it tests whether the coast guards can share radar data.",
    "The delay was foreseen, but it still matters.",
    "My impression, after ten days aboard the frigate, is that the crews are tired.",
    "Regional analysts are divided on what the new base means for the strait.",
    "The Baltic is no longer a backwater where navies train only against the weather.",
    "Navies that once treated mine clearance as a chore now treat it as a core skill.",
    "Without Athens, the biggest fleet in the region is absent from the one drill meant to rehearse convoy escort.",
    "Demining is an area where foreign donors can make a real difference to the port's trade.",
    "The coast guard is expected to expand the patrol to include the outer islands.",
    "Analysis from our naval correspondent: The drills are bigger than usual, but they follow a familiar script.",
    "But on the evidence of this month's manoeuvres, the two navies are at ease with each other.",
    "Officials in the capital have become markedly more cautious about hosting foreign warships.",
    '"Drifting mines are the most serious threat to shipping in the gulf today," said Commander Eva Lind, a navy spokeswoman.',
])
def test_writer_and_speaker_judgements_are_assessments(t: str) -> None:
    assert judge(t, None, 3).is_assessment


@pytest.mark.parametrize("t", [
    "Tugs moored in the bay and aircraft flying over the harbour signalled the start of the drill on Monday.",
    "Later, the three navies will rehearse a response to a cable attack, a scenario that officials said reflected recent incidents.",
    "Chile has announced that the drill will become an annual event from 2028, and Peru has signalled that it intends to join.",
    "The exercise is expected to begin on 4 May.",
    "The government said the frigate was the most modern in the fleet.",
    "Outside analysts are divided.",
])
def test_facts_with_judgement_words_stay_claims(t: str) -> None:
    assert not judge(t, None, 3).is_assessment


def test_estimative_words_inside_a_named_analysts_quote_are_assessments() -> None:
    text = ("Nora Vail, who directs the maritime programme at the Lakeside Policy Institute, said the drill went well.\n\n"
            "Sam Ortiz, a senior fellow at the Harbour Centre, agreed with parts of that.\n\n"
            'Vail said enlargement was "possibly the worst outcome for the group" because it would slow decisions. '
            'Ortiz disagreed, arguing that one more navy joining was "more likely than not within five years".\n')
    held = {a.text: a.holder for a in _extract(text).assessments}
    assert held.get('Vail said enlargement was "possibly the worst outcome for the group" because it would slow decisions.') == "Nora Vail"
    assert held.get('Ortiz disagreed, arguing that one more navy joining was "more likely than not within five years".') == "Sam Ortiz"


def test_a_retired_officer_commenting_is_an_analyst() -> None:
    text = ("Retired Rear Admiral Ola Berg, a former chief of the coastal fleet, said the drill was \"a rehearsal, not an operation\".\n\n"
            '"We should not confuse a good drill with a treaty," Berg said.\n')
    held = {a.text: a.holder for a in _extract(text).assessments}
    assert held.get('"We should not confuse a good drill with a treaty," Berg said.', "").endswith("Ola Berg")


def test_an_officials_opening_quotation_of_what_a_drill_shows_is_their_judgement() -> None:
    t = '"The drill will demonstrate once more that the island can receive reinforcements within days," said the Minister of Defence.'
    assert judge(t, None, 3).is_assessment
    t = "The ministry spokesman said the drill showed that the fleet was ready to deploy."
    assert not judge(t, None, 3).is_assessment
