"""An official speaking in person owns the judgement in their quotation; an institution's statement stays reported speech."""
from briefings.extract.assessments import judge


def test_named_commander_quoting_an_evaluation_is_an_assessment():
    t = 'Rear Admiral Tomas Ibarra, the flotilla commander, said the manoeuvres were "a signal to every neighbour that the coast is defended".'
    assert judge(t, None, 3).is_assessment


def test_ministry_statement_with_the_same_words_is_a_claim():
    t = 'The defence ministry said in a statement that the manoeuvres were "a signal to every neighbour that the coast is defended".'
    assert not judge(t, None, 3).is_assessment


def test_person_quoting_plain_facts_stays_a_claim():
    t = 'Colonel Ana Ruiz said the ships "left port at dawn on Tuesday with 400 sailors aboard".'
    assert not judge(t, None, 3).is_assessment


def _extract(text: str):
    from briefings.extract.document import extract_document
    from briefings.model import SourceDocument
    return extract_document(SourceDocument(id="t", path="t.txt", text=text, title=None, published=None))


def test_an_analysts_open_quotation_runs_on_into_the_next_sentences():
    text = ('"The navies are learning each other\'s habits," said Ana Lopes, an analyst at the Coastal Institute. '
            '"Nobody has promised anything yet. But the routines are becoming very hard to drop."\n')
    held = {a.text: a.holder for a in _extract(text).assessments}
    assert held.get("But the routines are becoming very hard to drop.\"") == "Ana Lopes"


def test_a_pronoun_that_cautioned_or_argued_keeps_the_analyst():
    text = ("Analysts weigh the drills\n\nAna Lopes, an analyst at the Coastal Institute, follows the region closely.\n"
            "She cautioned that the agreement still fell short of a treaty.\n")
    held = {a.text: a.holder for a in _extract(text).assessments}
    assert held.get("She cautioned that the agreement still fell short of a treaty.") == "Ana Lopes"


import pytest


@pytest.mark.parametrize("sentence", [
    "The harbour's real weakness is not the number of ships but the depth of its channels.",
    "Whether the patrols deter anyone is an open question.",
    "It is doubtful that one more drill will change the balance.",
    "The exercise has traditionally been more ceremonial than operational.",
    "Commentators see the drill as a symbol of a warming relationship.",
    "The choice of venue carries weight.",
    "Taken together, the drills describe a network rather than an alliance.",
    "Planners expect it to be the biggest edition so far.",
])
def test_judgement_cues(sentence):
    assert judge(sentence, None, 1).is_assessment


@pytest.mark.parametrize("sentence", [
    "The frigates left Toulon on 3 May with 400 sailors aboard.",
    "The ministry said the drills would end on Friday.",
])
def test_plain_facts_stay_claims(sentence):
    assert not judge(sentence, None, 3).is_assessment
