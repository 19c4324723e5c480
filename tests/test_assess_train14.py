"""Fourteenth round: a team's stated view, unnamed research bodies, trends and verdicts, fact lists under a verdict, and signposts."""
import pytest

from briefings.extract.assessments import HolderTracker, judge
from briefings.extract.claims import features
from briefings.extract.ranking import claim_features


def _f(text: str) -> dict:
    return claim_features(text, features(text, 2025), 3, 2, 0, 0.0, False)


def test_a_speaker_of_an_unnamed_research_body_is_an_analyst():
    text = 'Ana Ruiz of a Lisbon-based institute argued that the drill "could harden positions on both sides."'
    assert judge(text, None, 3).is_assessment
    assert HolderTracker().observe(text) == "Ana Ruiz"


def test_an_official_quoted_on_the_same_words_still_reports():
    assert not judge('Ana Ruiz of the navy said the drill "could harden positions on both sides of the strait."', None, 3).is_assessment


@pytest.mark.parametrize("text", [
    "We doubt Oslo will join before the Baltic summit in June.",
    "Our assessment is that Warsaw chose the Kestrel site for its ports.",
    "The Nordic axis is becoming the most dynamic partnership in Europe.",
    "Second, the Danube Pact is irrelevant to actual naval planning in Romania.",
    "Western navies should expect to deal with Rome and Athens separately.",
    "The Varna drill, by contrast, fits a wider pattern of quiet cooperation among Black Sea neighbours.",
    "The Tagus boats are armed, and the patrols look rather warlike to anyone on the shore.",
    "Second, I am less convinced by the Lisbon budget.",
    "The Lima talks, as far as we can tell, are mostly paperwork.",
])
def test_a_stated_view_trend_or_verdict_is_a_judgement(text):
    assert judge(text, None, 3).is_assessment


@pytest.mark.parametrize("text", [
    "Drivers near the Orava range should expect convoys from Monday.",
    "A reminder for new readers: the patrols began in 2014 after a ferry was hijacked off Lamu.",
    "The forces are modest: four ships, two aircraft and about 600 sailors.",
    "The ninth flight fits a pattern: it adds no new route and no new aircraft type.",
])
def test_a_notice_background_or_count_is_a_fact(text):
    assert not judge(text, None, 3).is_assessment


def test_a_count_with_a_judgement_of_its_own_stays_a_judgement():
    assert judge("The forces are modest: four ships and two aircraft, which is likely too few.", None, 3).is_assessment


def test_a_reminder_that_teaches_a_lesson_is_a_judgement():
    assert judge("The drill was a reminder of how thin the coastguard has become in Kenya.", None, 3).is_assessment


@pytest.mark.parametrize("text", [
    "Polish sappers demonstrated a floating bridge; Czech medics ran the triage phase.",
    "Planned serials include a harbour defence drill and a night landing.",
    "Chile was rumoured to be sending a frigate, but it did not.",
])
def test_an_opinion_writers_report_of_events_is_a_fact(text):
    assert not judge(text, "author", 0).is_assessment


def test_a_newsletter_preview_is_a_signpost_not_a_judgement():
    text = "This week: a new coastguard drill and a quiet anniversary that deserves more attention."
    assert not judge(text, "author", 0).is_assessment
    assert _f(text)["meta"] == 1.0


def test_a_count_of_points_to_come_is_a_signpost():
    assert not judge("Three lessons stand out.", "author", 0).is_assessment
    assert _f("Three lessons stand out.")["meta"] == 1.0
    assert _f("Three frigates stand out.")["meta"] == 0.0


def test_the_hour_of_a_scene_marks_a_scene_setting_lede():
    assert _f("Before dawn on a Tuesday, the harbour smells of diesel and rope.")["scene"] == 1.0
    assert _f("Before the exercise, the navy held talks with Manila.")["scene"] == 0.0


def test_a_view_marked_as_the_writers_own_ranks_above_a_bare_verdict():
    own = judge("My recommendation is simple: keep the drill small.", None, 0)
    bare = judge("The recommendation is simple: keep the drill small.", None, 0)
    assert own.is_assessment and bare.is_assessment and own.strength > bare.strength


def test_a_planned_next_edition_is_a_key_fact_but_a_later_phase_is_not():
    assert _f("A follow-up drill is planned for 2027 off Mombasa.")["plan"] == 1.0
    assert _f("The next round was scheduled for May, officials said.")["plan"] == 1.0
    assert _f("Its second phase is scheduled for May off Mombasa.")["plan"] == 0.0
    assert _f("The drill ended on Friday off Mombasa.")["plan"] == 0.0


def test_what_a_fact_tells_us_is_a_judgement():
    assert judge("The drill tells us more about Lima's budget than about any new alliance in the Andes.", None, 3).is_assessment


def test_a_yearly_ritual_opening_a_sentence_sets_a_scene():
    assert _f("Every summer, the Taiga range fills with tents, flags and foreign officers.")["scene"] == 1.0
    assert _f("The Taiga drill is held every summer with 12 nations.")["scene"] == 0.0
