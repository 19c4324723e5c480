"""Registers of judgement and ranking signals found missing on train13, tested on invented sentences."""
from briefings.extract.assessments import judge
from briefings.extract.claims import features
from briefings.extract.ranking import claim_features, claim_score


def _feats(text: str) -> dict[str, float]:
    return claim_features(text, features(text, 2025), 3, 1, 0, 0.0, False)


def _score(text: str) -> float:
    return claim_score(_feats(text))


def test_a_place_in_a_series_is_a_fact_not_a_short_judgement():
    assert not judge("It is the fourth edition of the drill.", None, 0).is_assessment
    assert not judge("This is its 12th round.", None, 0).is_assessment
    assert judge("It is a modest drill.", None, 0).is_assessment  # (the short-sentence rule still holds without one)


def test_limited_to_names_a_scope_not_a_verdict():
    assert not judge("The first round was limited to two navies and held off Port Dara.", None, 3).is_assessment
    assert judge("Its military value was limited.", None, 0).is_assessment


def test_a_size_against_another_edition_is_a_fact():
    assert not judge("It was last staged in 2021, when it was much smaller and held only in the north.", None, 2).is_assessment
    assert judge("The risk is now much greater than planners admit.", None, 0).is_assessment


def test_hard_to_imagine_a_counterfactual_and_deserves_are_judgements():
    assert judge("Such a joint crew would be hard to imagine a decade ago.", None, 0).is_assessment
    assert judge("A decade ago that would not have happened.", None, 0).is_assessment
    assert judge("Back then a joint landing would have been politically unthinkable.", None, 0).is_assessment
    assert judge("The quiet drill deserves more scrutiny than it got.", None, 0).is_assessment
    assert judge("The shared past makes that handshake remarkable.", None, 0).is_assessment
    assert not judge("The ferry would have been the tenth vessel in the convoy had it sailed on 3 May.", None, 3).is_assessment


def test_a_quality_measured_against_all_history_is_a_judgement():
    assert judge('Commander Ana Ruiz said the new crews made it "the most demanding drill we have ever staged."', None, 2).is_assessment
    assert not judge("It was the biggest drill ever staged off Port Dara.", None, 2).is_assessment


def test_an_officials_word_that_an_event_could_be_held_is_a_reported_plan():
    assert not judge("Navy officials said a third phase, with more ships, could be added next spring.", None, 1).is_assessment
    assert judge("A third phase could be added next spring.", None, 0).is_assessment  # (the writer's own forecast)
    assert judge("Navy officials said the drill could raise tensions along the coast.", None, 1).is_assessment


def test_a_short_signpost_starting_with_here_is_not_a_judgement():
    assert not judge("Here is my reading.", None, 0).is_assessment
    assert not judge("Here is what I would suggest.", None, 0).is_assessment
    assert not judge("Here they are.", None, 0).is_assessment
    assert judge("Here, I think, the navy has overreached.", None, 0).is_assessment


def test_a_short_sentence_on_who_stayed_away_or_watched_is_not_penalised_as_short():
    assert _feats("Norway sent observers.")["short"] == 0.0
    assert _feats("Chile did not take part.")["short"] == 0.0
    assert _feats("The ships sailed home.")["short"] == 1.0


def test_invited_but_stayed_away_and_chose_to_observe_are_key_facts():
    assert _feats("Peru was invited but did not reply.")["absent"] == 1.0
    assert _feats("Peru was invited to the drill last year.")["absent"] == 0.0
    assert _feats("Peru was asked to send a company but chose only to observe.")["observer"] == 1.0
    assert _feats("Peru sent officers who observed the landing.")["observer"] == 1.0
    assert _feats("Observers from Peru and Chile will attend the sea phase.")["observer"] == 1.0
    assert _feats("Officials said Peru would observe the field phase.")["observer"] == 1.0
    assert _feats("Peru will attend the opening ceremony.")["observer"] == 0.0


def test_the_previous_edition_of_a_series_is_a_key_fact():
    prev = "The previous edition was held off Port Dara with six ships."
    assert _feats(prev)["previous"] == 1.0
    assert _feats("It was last held in 2022 near Eastbay.")["previous"] == 1.0
    assert _score(prev) > _score("The opening edition was held off Port Dara with six ships.")
    assert _feats("The last ships left Port Dara on Friday.")["previous"] == 0.0


def test_a_press_digest_entry_line_ranks_low():
    line = "Coastal Herald (Port Dara), 3 May 2025: Navy delays the spring drill"
    assert _feats(line)["meta"] == 1.0
    assert _score(line) < _score("The navy delayed the spring drill at Port Dara on 3 May 2025, officials said.")
    assert _feats("Navy delays the spring drill at Port Dara (Eastland) until 3 May 2025.")["meta"] == 0.0
