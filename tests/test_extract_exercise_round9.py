"""Exercise rules of the ninth round, each on invented sentences: countries named as compass reference points, headlines
that join another story with "as", series hosts, other habitual drills, quoted appositive names, force lists after "from",
participants told before observers, and broad regions used as adjectives, rankings or slogans."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import locations, roles
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_a_country_named_as_a_compass_reference_is_no_participant() -> None:
    got = roles("Exercise Kelp Shield saw Chile and Peru drill on an island some 150 km north of Bolivia.", True)[0]
    assert got == ["Chile", "Peru"]
    assert "Mongolia" not in roles("Exercise Kelp Shield was held by Kazakhstan 80 km south-west of Mongolia.", True)[0]
    assert "Bolivia" in roles("Exercise Kelp Shield saw Chile, Peru and Bolivia drill on an island.", True)[0]


def test_a_headline_story_before_as_is_not_the_exercise() -> None:
    text = ("Russia flies bombers near Hokkaido as Kelp Shield 2027 drills open with Canadian troops\n\n"
            "The Kelp Shield 2027 exercise between Norway and Canada began on Monday in Finnmark, officials said.\n")
    ex = next(e for e in _exercises(text) if e.name and "Kelp Shield" in e.name)
    assert "Russia" not in ex.participants
    assert {"Norway", "Canada"} <= set(ex.participants)


def test_a_series_led_by_one_navy_lists_it_only_when_the_text_does() -> None:
    text = ("Ghanaian and Nigerian ships sailed from Tema for Obangame Express 2031, the annual maritime exercise, on Monday.\n\n"
            "The United States and Ghana signed a trade accord in Accra on Tuesday.\n")
    ex = next(e for e in _exercises(text, "2031-06-02") if e.name and "Obangame" in e.name)
    assert "United States" not in ex.participants
    assert {"Ghana", "Nigeria"} <= set(ex.participants)


def test_a_sentence_about_other_habitual_drills_is_no_continuation() -> None:
    text = ("Chilean and Peruvian troops on Monday launched the Kelp Shield 2027 joint exercise near Arica.\n\n"
            "The Chilean army also holds regular joint drills with the forces of Bolivia and Ecuador, officials said.\n")
    ex = next(e for e in _exercises(text) if e.name and "Kelp Shield" in e.name)
    assert not {"Bolivia", "Ecuador"} & set(ex.participants)
    text2 = text.replace("also holds regular joint drills with the forces of", "is training alongside troops from")
    ex2 = next(e for e in _exercises(text2) if e.name and "Kelp Shield" in e.name)
    assert {"Bolivia", "Ecuador"} <= set(ex2.participants)


def test_a_quoted_name_after_a_phrase_takes_the_phrase_words() -> None:
    text = ("Kelp Shield 2027 ended on Friday off Arica with ships from Chile and Peru.\n\n"
            "The next joint exercise with the Chilean Navy, \"Andes Anchor 2027\", is planned to take place with Ecuadorian forces in the autumn.\n")
    ex = next(e for e in _exercises(text) if e.name and "Andes Anchor" in e.name)
    assert {"Chile", "Ecuador"} <= set(ex.participants)


def test_countries_listed_after_a_force_noun_and_from_take_part() -> None:
    got = roles("Four submarines, from Chile, Peru and Ecuador, are taking turns as hunter and hunted.", False)[0]
    assert got == ["Chile", "Peru", "Ecuador"]
    assert roles("Delegates travelled from Chile, Peru and Ecuador to watch the talks.", False)[0] == []


def test_a_country_that_took_part_before_others_observed_is_no_observer() -> None:
    p, _, o, _ = roles("Peru took part in the air phase, and Chile and Bolivia sent observers.", False)
    assert p == ["Peru"] and o == {"Chile", "Bolivia"}
    assert roles("Peru and Chile sent observers.", False)[2] == {"Peru", "Chile"}


def test_a_broad_region_used_as_an_adjective_is_no_venue() -> None:
    assert locations("Five things to know about NATO's big Arctic drill") == []
    assert locations("The drill was held in the Mediterranean off Alexandria.") == ["Mediterranean", "Alexandria"]


def test_a_region_an_exercise_is_ranked_in_or_a_slogan_is_no_venue() -> None:
    assert locations("Chile hosts the Pacific's largest naval exercise for the third time.") == []
    assert locations("Officials praised a free, open and rules-based Indo-Pacific.") == []
    assert locations("Ships gathered in the Pacific's northern waters.") == ["Pacific"]


def test_a_clause_about_another_drill_after_the_mention_is_not_its_own() -> None:
    text = ("Andes defence news\n\nChilean troops began the Kelp Shield 2027 exercise near Arica on Monday.\n\n"
            "Chile has announced that Kelp Shield 2027 will become an annual exercise, and Peru has said it intends "
            "to hold a larger joint drill with Bolivia.\n")
    ex = next(e for e in _exercises(text) if e.name and "Kelp Shield" in e.name)
    assert not {"Peru", "Bolivia"} & set(ex.participants)
    text2 = text.replace("and Peru has said it intends to hold a larger joint drill with Bolivia", "and Peru and Bolivia will send troops to it")
    ex2 = next(e for e in _exercises(text2) if e.name and "Kelp Shield" in e.name)
    assert {"Peru", "Bolivia"} <= set(ex2.participants)


def test_a_speaker_that_says_it_carried_out_a_drill_takes_part() -> None:
    assert "Peru" in roles("Peru's navy said it carried out a readiness patrol near the reef on Monday.", True)[0]
    assert "Peru" not in roles("Peru's navy said the patrol near the reef was provocative.", True)[0]


def test_a_phrase_for_the_exercise_just_named_goes_on_with_its_mention() -> None:
    text = ("Andes defence news\n\nPeruvian troops began the Andes Anchor 2027 exercise near Tacna on Monday.\n\n"
            "Analysts said Bolivia would probably watch closely, as it did during Exercise Kelp Shield 2025, when Chilean forces "
            "held a large part of the drills around Arica.\n")
    ex = next(e for e in _exercises(text) if e.name and "Kelp Shield" in e.name)
    assert "Arica" in ex.locations


def test_places_after_a_training_word_in_a_continuation_are_venues() -> None:
    base = ("Andes defence news\n\nPeruvian and Chilean troops began the Andes Anchor 2027 exercise in Tacna on Monday.\n\n"
            "Training is concentrated in Camiara, Locumba and Ilabaya, officials said.\n")
    ex = next(e for e in _exercises(base) if e.name and "Andes Anchor" in e.name)
    assert {"Camiara", "Locumba", "Ilabaya"} <= set(ex.locations)
    other = base.replace("Training is concentrated in Camiara, Locumba and Ilabaya, officials said.",
                         "Live-fire training remains suspended after an accident in Camiara, officials said.")
    ex2 = next(e for e in _exercises(other) if e.name and "Andes Anchor" in e.name)
    assert "Camiara" not in ex2.locations


def test_an_indefinite_drill_listed_after_a_named_one_is_a_second_exercise() -> None:
    text = ("Andes defence news\n\nPeruvian and Bolivian aircraft flew a joint air patrol over Lake Titicaca on Monday.\n\n"
            "Peru's air force and Bolivia's air force each sent two bombers, and Peru's defence ministry called it routine.\n\n"
            "The patrol followed the naval exercise Andes Anchor 2026, held in May off Ilo in southern Peru, and a joint air patrol "
            "near Arica in July 2026, when Chilean aircraft intercepted the bombers.\n")
    exs = _exercises(text, "2026-11-10")
    second = [e for e in exs if e.name is None and "Arica" in e.locations]
    assert len(second) == 1
    assert set(second[0].participants) == {"Peru", "Bolivia"}


def test_a_sentence_of_bombers_flying_after_a_patrol_gives_its_route() -> None:
    text = ("Andes defence news\n\nPeru and Bolivia held their third joint air patrol on Monday, officials said.\n\n"
            "Two Peruvian bombers and two Bolivian bombers flew together from Lake Titicaca through the Strait of Tiquina.\n")
    ex = next(e for e in _exercises(text) if e.name is None)
    assert "Strait of Tiquina" in ex.locations
