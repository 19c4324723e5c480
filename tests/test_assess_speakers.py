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
