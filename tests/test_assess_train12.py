"""Registers of judgement, facts taken for judgements and ranking signals found on train12, tested on invented sentences."""
from briefings.extract.assessments import HolderTracker, judge
from briefings.extract.claims import features
from briefings.extract.ranking import claim_features, claim_score


def _score(text: str) -> float:
    return claim_score(claim_features(text, features(text, 2025), 3, 1, 0, 0.0, False))


def test_a_first_person_view_with_an_adverb_is_still_the_writers_view():
    j = judge("I also think the harbour towns are secretly pleased.", None, 2)
    assert j.is_assessment
    assert j.strength > judge("The harbour towns seem secretly pleased.", None, 2).strength  # (a view marked as one's own ranks higher)
    assert judge("We still believe the drill will shrink next year.", None, 1).is_assessment
    assert not judge("I also went to the harbour on Tuesday with the crews.", None, 2).is_assessment


def test_what_a_thing_is_for_what_it_hides_and_what_it_hangs_on_are_judgements():
    assert judge("Coral Shield is an instrument of Canberra's influence in the islands.", None, 3).is_assessment
    assert judge("The drill's size hides how rarely the two armies train together.", None, 1).is_assessment
    assert judge("Its future depends heavily on the mood in the capital.", None, 1).is_assessment
    assert judge("The three drills illustrate how crowded the gulf has become.", None, 1).is_assessment
    assert not judge("The navy uses the tool shed at Port Dara for storage.", None, 2).is_assessment


def test_a_trend_read_by_the_writer_and_a_bodys_own_verdict_are_judgements():
    assert judge("The Coral Sea is becoming more crowded, slowly.", None, 2).is_assessment
    assert judge("The Ministry considers the drill a real step towards calmer seas.", None, 1).is_assessment
    assert not judge("The Ministry considers requests for observer places in March.", None, 2).is_assessment


def test_an_editorial_and_an_opposition_speaker_hold_views_their_quotes_carry():
    assert judge('An editorial in the paper argued that the drill "is likely to survive any new cabinet".', None, 1).is_assessment
    assert judge('Opposition MP Ana Ruiz disagrees: "These drills make our neutrality look like a joke," she said.', None, 2).is_assessment
    assert not judge('The paper reported that the drill "is likely to survive any new cabinet".', None, 1).is_assessment


def test_an_interview_introduction_is_the_writers_framing_not_the_guests_view():
    tr = HolderTracker()
    assert tr.observe("We spoke to Dr. Ana Ruiz, a senior fellow at the Harbour Institute, about what the drills mean.") is None
    assert tr.last == "Dr. Ana Ruiz"  # (remembered for the answers that follow)
    assert HolderTracker().observe("Dr. Ana Ruiz, a senior fellow at the Harbour Institute, said the drills mean little.") == "Dr. Ana Ruiz"


def test_notes_on_a_translated_text_and_a_newsletter_greeting_are_not_judgements():
    for t in ("Translations are unofficial.", "Original headlines may differ.", "Hello from Port Dara."):
        assert not judge(t, "author", 0).is_assessment, t
    assert judge("Translations of the treaty are likely to differ.", "author", 0).is_assessment


def test_a_signed_pledge_is_a_fact():
    assert not judge('The two states signed a pact pledging "closer ties".', "author", 0).is_assessment
    assert judge('The two states signed a pact that is likely to bring "closer ties".', "author", 0).is_assessment


def test_signals_as_a_means_of_communication_are_not_a_reading():
    assert not judge("The crews practised communication by signals and radio and joint rescue.", None, 0).is_assessment
    assert judge("The drill signals a closer partnership.", None, 0).is_assessment


def test_a_judgement_that_weighs_or_reasons_ranks_above_a_bare_modal_one():
    weighs = judge("The patrol is a message more than a rehearsal.", None, 0)
    plain = judge("The patrol is a message.", None, 0)
    assert weighs.is_assessment and plain.is_assessment and weighs.strength > plain.strength
    modal = judge("Two more navies might join the patrol next year.", None, 1)
    cued = judge("Two more navies seem keen to join the patrol next year.", None, 1)
    assert modal.is_assessment and cued.is_assessment and cued.strength > modal.strength


def test_a_reporters_scene_aboard_or_at_first_light_ranks_below_the_news():
    assert _score("Aboard the patrol ship Karoo, the morning brief begins at 0600 and the swell is two metres.") < \
        _score("The patrol ship Karoo, the morning brief begins at 0600 and the swell is two metres.")
    assert _score("Somewhere over the horizon, the frigate Karoo and the corvette Lenga keep station.") < \
        _score("Over the horizon, the frigate Karoo and the corvette Lenga keep station.")


def test_a_standing_routine_of_the_partners_ranks_below_the_news():
    assert _score("Both navies also hold regular joint drills under the Harbour Pact framework.") < \
        _score("Both navies also hold joint drills under the Harbour Pact framework.")
    assert _score("The two armies regularly train together in the Karoo hills.") < _score("The two armies train together in the Karoo hills.")


def test_a_partner_that_stayed_away_this_time_is_a_key_fact_but_a_long_past_absence_is_not():
    def absent(text: str) -> float:
        return claim_features(text, features(text, 2025), 3, 1, 0, 0.0, False)["absent"]
    assert absent("Karoo, as in previous years, stayed away.") == 1.0
    assert absent("The Lenga navy sat out this round.") == 1.0
    assert absent("Karoo then stayed away for ten years, until it rejoined in 2020.") == 0.0
