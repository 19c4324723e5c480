"""Tenth round: briefing formulas, thread posts, retired officers, the writer weighing an argument, and meta lines that are not news."""
import pytest

from briefings.extract.assessments import judge
from briefings.extract.claims import features
from briefings.extract.ranking import claim_features


def _f(text: str) -> dict:
    return claim_features(text, features(text, 2025), 3, 2, 0, 0.0, False)


@pytest.mark.parametrize("text", ["Good morning, ladies and gentlemen.", "Next question, please.", "Please state your name and paper.",
                                  "We'll begin with a brief update and then take questions.", "That's all we have time for today.",
                                  "The following is an unofficial translation from the Portuguese."])
def test_a_briefing_formula_is_no_judgement_even_in_an_opinion_piece(text):
    assert not judge(text, "author", 0).is_assessment


def test_a_formula_check_leaves_a_real_judgement_alone():
    assert judge("Next year the drill will probably be smaller.", None, 0).is_assessment


@pytest.mark.parametrize("text", ["Yes, two Chilean officers will observe the landing phase.",
                                  "Fishermen near the bay should also expect patrol boats from Tuesday, officials said."])
def test_an_announced_plan_or_advice_is_a_fact(text):
    assert not judge(text, None, 2).is_assessment


@pytest.mark.parametrize("text", [
    "That caution, say its defenders, is exactly why the pact has lasted.",
    "It is a fair point, but it overstates how much the navy has changed.",
    "But the trend is clear: more ships, longer patrols.",
    "In the meantime, the coastguard faces practical limits.",
    "The Coral Hawk series remains the region's premier naval drill.",
    "Whatever the planners intended, the symbolism is hard to miss.",
    "The choice of a port so close to the strait makes sense.",
    "Whether the new radars stay once the ships leave is the harder question.",
    "Large drills are necessary but not sufficient.",
    "The exercise that closed the season was impressive.",
    "The foreign ministry regards these reports as an attempt to sow discord.",
    "Editor's comment: the published troop figures cannot be checked.",
    "An honest reading of the drill is that the navy can do it once.",
    "If the plan survives the budget, it will be the first joint drill in the gulf.",
    "This does not mean a landing is imminent.",
    "Fairly standard for the spring rotation, which runs every year.",
])
def test_the_writer_weighing_an_argument_or_a_fact_is_an_assessment(text):
    assert judge(text, None, 0).is_assessment


def test_a_link_to_related_commentary_is_no_comment_label():
    assert not judge("Related commentary: a navy in search of a mission", None, 0).is_assessment


def test_a_short_contradiction_is_an_assessment():
    assert judge("It wasn't.", "author", 0).is_assessment


def test_a_stated_confidence_ranks_higher():
    assert judge("We judge with high confidence that the navy will sail again.", None, 0).strength > \
        judge("We judge that the navy will sail again.", None, 0).strength


def test_a_thread_post_number_does_not_hide_the_cue():
    assert judge("4/ Bottom line: a lot of armour in a very small area.", None, 0).is_assessment
    assert not judge("9/ That's it.", "author", 0).is_assessment


@pytest.mark.parametrize("text", ['A retired navy commander told the radio that the drills were "probably a rehearsal for a blockade."',
                                  'According to reserve colonel Ivan Petrov, the landing "undoubtedly sends a message to the neighbours."'])
def test_a_retired_officer_quoted_judges(text):
    assert judge(text, None, 2).is_assessment


def test_an_official_quoted_in_reported_speech_still_reports():
    assert not judge('The ministry said the drills were "probably a rehearsal for a blockade."', None, 2).is_assessment


@pytest.mark.parametrize("text", ["Cite as: Smith, J. (2025), Working Paper 12/3.", "You are receiving this message because you signed up.",
                                  "Script for internal use only.", "Follow for more.", "7/ That's it.", "First question, please."])
def test_a_line_about_the_text_ranks_as_no_news(text):
    assert _f(text)["meta"] == 1.0


def test_a_news_line_is_not_meta():
    assert _f("The frigate will follow the convoy to Aden.")["meta"] == 0.0


@pytest.mark.parametrize("text", ["Q (Jane Roe, Harbour Radio): Some say the navy is overstretched.", "Q: Is the drill likely to grow?",
                                  "Here's a quick guide."])
def test_a_reporters_question_or_an_explainers_signpost_is_no_judgement(text):
    assert not judge(text, None, 0).is_assessment


def test_a_spokesperson_referring_a_question_on_does_not_judge():
    assert not judge("The navy has told us two ships will sail; I would refer you to them for details.", None, 1).is_assessment
    assert judge("I would expect the navy to send two ships.", None, 1).is_assessment


@pytest.mark.parametrize("text", ["I'm not going to speculate on the outcome.", "We won't comment on the next phase."])
def test_a_spokesperson_declining_to_judge_does_not_judge(text):
    assert not judge(text, "author", 0).is_assessment


def test_a_referral_ranks_as_news_not_meta():
    assert _f("The navy will send two ships; I would refer you to them for details.")["meta"] == 0.0
