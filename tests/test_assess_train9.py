"""Third round: cancellations and absences rank as key claims; questions, requests and officials' uncued words are not judgements."""
import pytest

from briefings.extract.assessments import judge
from briefings.extract.claims import features
from briefings.extract.ranking import claim_features


def _f(text: str) -> dict:
    return claim_features(text, features(text, 2025), 3, 2, 0, 0.0, False)


@pytest.mark.parametrize("text", ["A planned air drill with Chile was postponed to the spring.",
                                  "The harbour phase has been cancelled because of a storm."])
def test_a_cancelled_exercise_is_a_key_claim(text):
    assert _f(text)["cancel"] == 1.0


def test_a_held_exercise_is_no_cancellation():
    assert _f("The harbour phase was held in Lisbon.")["cancel"] == 0.0


@pytest.mark.parametrize("text", ["Peru was not invited.", "Neither navy sent observers."])
def test_more_absences(text):
    assert _f(text)["absent"] == 1.0


def test_an_invitation_accepted_is_no_absence():
    assert _f("Peru was invited and sent two officers.")["absent"] == 0.0


@pytest.mark.parametrize("text", ["Enjoyed the read?", "Is the fleet really ready for this?"])
def test_a_question_with_no_cue_is_not_an_assessment(text):
    assert not judge(text, "author", 0).is_assessment


@pytest.mark.parametrize("text", ["Buy me a lemonade.", "Tell us what you think."])
def test_a_request_to_the_reader_is_not_an_assessment(text):
    assert not judge(text, "author", 0).is_assessment


def test_a_short_statement_by_the_writer_is_still_a_view():
    assert judge("Exercises are not wars.", "author", 0).is_assessment


def test_an_officials_uncued_words_are_a_fact():
    assert not judge("Navy officials said they were watching the trawler.", None, 0).is_assessment


def test_an_officials_cued_words_stay_a_judgement():
    assert judge("Navy officials said the trawler was probably spying.", None, 0).is_assessment


def test_a_short_passive_negation_is_a_fact():
    assert not judge("Chile was not invited.", None, 0).is_assessment


def test_a_plan_that_was_supposed_to_be_held_is_a_fact():
    assert not judge("The rally was supposed to be held in Quito in May.", None, 3).is_assessment


def test_supposed_to_be_as_a_judgement():
    assert judge("The drill was supposed to be a show of unity.", None, 0).is_assessment


def test_a_regular_fixture_is_a_habit_not_a_judgement():
    t = "The two navies will hold drills near Vigo next week, in what has become a regular fixture between them."
    assert not judge(t, None, 3).is_assessment


def test_the_clearest_sign_is_a_judgement():
    t = "Basing tankers at the port is the clearest sign yet that Lisbon wants a bigger role."
    assert judge(t, None, 2).is_assessment


def test_a_pattern_reversed_is_a_judgement():
    assert judge("This trend has now been reversed.", None, 0).is_assessment


def test_a_possible_outcome_is_a_judgement():
    t = "She added that a second drill in 2027 was possible but depended on the budget."
    assert judge(t, None, 1).is_assessment


def test_a_short_asserted_quotation_keeps_its_cue():
    t = 'A Spanish naval officer said the timing of the two visits "is not a coincidence".'
    assert judge(t, None, 2).is_assessment


def test_a_long_quotation_by_an_official_stays_reported_speech():
    t = 'A Spanish naval officer said the two visits "are not a coincidence and were planned for months".'
    assert not judge(t, None, 2).is_assessment


def test_the_writer_narrating_their_own_doings_is_not_news():
    assert _f("I spent two days aboard the frigate off Vigo in May.")["narrator"] == 1.0


def test_a_sentence_about_someone_else_is_no_narration():
    assert _f("India spent two days off Vigo in May.")["narrator"] == 0.0


def test_what_a_ministry_says_others_should_do_is_reported_speech():
    assert not judge("The foreign ministry said outside powers should stay out of the strait.", None, 2).is_assessment


def test_what_a_writer_says_others_should_do_is_a_judgement():
    assert judge("Outside powers should stay out of the strait.", None, 0).is_assessment


def test_highlights_as_a_noun_is_no_judgement():
    assert not judge("Highlights this year included a night landing near Vigo and live fire at the Tarifa range.", None, 3).is_assessment


def test_highlights_as_a_verb_stays_a_judgement():
    assert judge("The drill highlights the growing reach of the navy.", None, 0).is_assessment


def test_the_us_is_no_address_to_the_reader():
    assert _f("The US sent two destroyers to the drill off Guam.")["address"] == 0.0
    assert _f("We sent two reporters to the drill off Guam.")["address"] == 1.0
    assert _f("The drill off Guam shows what you can do with two destroyers.")["address"] == 1.0
