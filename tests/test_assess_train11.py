"""Registers of judgement and ranking signals found missing on train11, tested on invented sentences."""
from briefings.extract.assessments import judge
from briefings.extract.claims import features
from briefings.extract.ranking import claim_features, claim_score


def test_a_view_marked_as_ones_own_ranks_above_a_bare_cue():
    own = judge("In my view, the harbour drill has become more useful as a radio test than as a show of force.", None, 2)
    bare = judge("The harbour drill has become more useful as a radio test than as a show of force, which suggests a shift.", None, 2)
    assert own.is_assessment and bare.is_assessment
    assert own.strength > bare.strength


def test_my_own_view_and_my_forecast_are_judgements():
    assert judge("My own view, after a month at sea, is that the real enemy is the fog.", None, 0).is_assessment
    assert judge("My forecast: expect the next round to add two more navies.", None, 0).is_assessment


def test_a_plain_first_person_report_is_not_a_judgement():
    assert not judge("My colleague sent photographs of the landing at Port Dara on 4 June.", None, 3).is_assessment


def test_expected_to_further_strengthen_is_a_forecast():
    assert judge("The drill is expected to further strengthen cooperation between the two coast guards.", None, 0).is_assessment
    assert not judge("The drill is expected to start on 3 May with 12 ships.", None, 3).is_assessment


def _score(text: str) -> float:
    f = features(text, 2025)
    return claim_score(claim_features(text, f, 3, 1, 0, 0.0, False))


def test_a_country_that_sent_observers_ranks_higher_than_one_that_is_only_invited():
    sent = "Norway and Chile sent two officers as observers to the exercise."
    assert claim_features(sent, features(sent, 2025), 3, 1, 0, 0.0, False)["observer"] == 1.0
    assert _score(sent) > _score("Norway and Chile sent two officers as instructors to the exercise.")
    invited = "Norway and Chile were invited to observe the exercise."
    assert claim_features(invited, features(invited, 2025), 3, 1, 0, 0.0, False)["observer"] == 0.0


def test_a_short_judgement_in_words_of_degree_ranks_as_cued():
    graded = judge("The gain is thin enough.", None, 0)
    plain = judge("The gain is thin.", None, 0)
    assert graded.is_assessment and plain.is_assessment
    assert graded.strength > plain.strength


def test_real_time_is_not_a_word_of_evaluation():
    assert judge("The feed is real time.", None, 0).strength == judge("The feed is live.", None, 0).strength


def test_a_named_speaker_of_a_research_body_holds_a_judgement():
    from briefings.extract.assessments import HolderTracker
    t = 'Dr Ana Ruiz of the Harbour Policy Institute told me that the drill is "a fine rehearsal and a poor plan."'
    who = HolderTracker().observe(t)
    assert who == "Dr Ana Ruiz"
    assert judge(t, who, 3).is_assessment
    assert HolderTracker().observe('Captain Ana Ruiz of the frigate Tamar told me that the drill began at dawn.') is None


def test_analysts_who_see_something_as_something_hold_a_view():
    expert = judge("Several experts see the drill as a message to the north.", None, 1)
    crew = judge("Several sailors see the drill as a message to the north.", None, 1)
    assert expert.is_assessment and expert.strength > crew.strength


def test_a_short_gloss_on_a_name_ranks_below_the_same_news_without_it():
    gloss = "In Spanish the drill is called Mar Abierto-26."
    assert claim_features(gloss, features(gloss, 2025), 3, 1, 0, 0.0, False)["gloss"] == 1.0
    assert _score(gloss) < _score("In Spain the drill Mar Abierto-26 began.")
    for news in ("The drill was called off on Monday.", "Officials call it the largest drill since 1988."):
        assert claim_features(news, features(news, 2025), 3, 1, 0, 0.0, False)["gloss"] == 0.0


def test_a_line_saying_what_the_piece_covers_is_text_about_the_text():
    about = "This report looks at four naval drills held in the Baltic this spring."
    assert claim_features(about, features(about, 2025), 0, 0, 1, 0.0, False)["meta"] == 1.0
    news = "This report was denied by the navy on Monday."
    assert claim_features(news, features(news, 2025), 0, 0, 1, 0.0, False)["meta"] == 0.0


def test_a_host_naming_themselves_is_not_a_judgement():
    assert not judge("I'm Tomas Varga.", None, 0).is_assessment
    assert not judge("I'm Tomas Varga, and with me today is a retired admiral.", None, 0).is_assessment
    assert judge("I'm not convinced.", None, 0).is_assessment


def test_a_signpost_reminder_is_not_a_judgement():
    assert not judge("A reminder of the background: the drill has run every year since 2009.", None, 2).is_assessment
    assert not judge("A quick reminder of what the exercise involves.", None, 0).is_assessment
    assert judge("The landing was a reminder of the navy's reach.", None, 0).is_assessment
