"""Exercise rules of the tenth round, each on invented sentences: returning participants and scenarios as continuations,
bases operated from, a pronoun subject for the exercise, cancellations dated only by a judgement, and host countries."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2031-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def _one(text: str, name: str, published: str | None = "2031-05-10"):
    return next(e for e in _exercises(text, published) if e.name and name in e.name)


def test_countries_that_are_back_continue_the_exercise() -> None:
    text = ("Exercise Kelp Shield 2031 opened on Monday in Finnmark with troops from Norway and Canada, officials said.\n\n"
            "First-time participants include Chile.\n\n"
            "Peru, Ecuador and Uruguay are back after a break.\n")
    ex = _one(text, "Kelp Shield")
    assert {"Peru", "Ecuador", "Uruguay"} <= set(ex.participants)


def test_a_scenario_sentence_gives_the_exercise_its_places() -> None:
    text = ("Exercise Kelp Shield 2031 opened on Monday with troops from Italy and Greece, officials said.\n\n"
            "The scenario covers Sicily, Sardinia and Crete, a spokesman said.\n")
    ex = _one(text, "Kelp Shield")
    assert {"Sicily", "Crete"} <= set(ex.locations)


def test_bases_operated_from_and_their_countries_are_places() -> None:
    text = ("Exercise Kelp Shield 2031 opened on Monday with aircraft from Poland, Denmark and Finland, officials said.\n\n"
            "About 60 aircraft are taking part, operating from Gdańsk in Poland and Aarhus in Denmark.\n")
    ex = _one(text, "Kelp Shield")
    assert {"Gdańsk", "Aarhus", "Poland", "Denmark"} <= set(ex.locations)


def test_a_sentence_about_it_gives_the_exercise_its_places() -> None:
    text = ("Exercise Kelp Shield 2031 runs from 3 to 14 May with troops from Chile and Peru, officials said. "
            "Most of it is run from Sicily, with a live phase off Crete and boarding drills.\n")
    ex = _one(text, "Kelp Shield")
    assert {"Sicily", "Crete"} <= set(ex.locations)


def test_a_cancelled_exercise_dated_only_by_a_judgement_is_not_listed() -> None:
    text = ("Chile's defence ministry said on Monday that Exercise Kelp Shield, the large Chilean-Peruvian exercise at the Pisagua "
            "training area, would not take place this year.\n\n"
            "An analyst said a return of Exercise Kelp Shield in 2032 was possible but depended on the budget.\n")
    assert not [e for e in _exercises(text) if e.name and "Kelp Shield" in e.name]
    dated = text.replace("would not take place this year", "would not take place in 2032")
    assert [e for e in _exercises(dated) if e.name and "Kelp Shield" in e.name]


def test_a_host_country_is_the_venue_when_no_place_is_named() -> None:
    text = ("Troops from Chile and Peru opened Exercise Kelp Shield 2031 on Monday, officials said.\n\n"
            "The 2029 edition, hosted by Bolivia, was the first after the border accord.\n")
    ex = next(e for e in _exercises(text) if e.year == 2029)
    assert "Bolivia" in ex.locations
    future = text.replace("The 2029 edition, hosted by Bolivia, was", "The 2033 edition will be hosted by Bolivia, the")
    assert all("Bolivia" not in e.locations for e in _exercises(future))


def test_a_country_in_an_across_list_of_places_is_a_place() -> None:
    text = ("Exercise Kelp Shield 2031 opened on Monday with troops from Italy and Greece, officials said.\n\n"
            "Some 9,000 personnel are involved, running across Sicily, Sardinia and, for the first time, Malta, with ships from Spain.\n")
    ex = _one(text, "Kelp Shield")
    assert "Malta" in ex.locations
    assert "Spain" not in ex.locations


def test_a_later_drill_word_with_its_venue_gives_the_places() -> None:
    text = ("Exercise Kelp Shield 2031 opened on Monday with troops from Chile and Peru, officials said.\n\n"
            "Other events include jungle survival training in Tarapacá and a live-fire drill at Pisagua.\n")
    ex = _one(text, "Kelp Shield")
    assert "Tarapacá" in ex.locations


def test_as_a_whole_does_not_end_the_exercise_clause() -> None:
    text = ("Exercise Kelp Shield 2031 is a large collective defence exercise, officials said. "
            "Some 30,000 troops are planned to take part across the exercise as a whole, which will run in May in Sicily and Crete.\n")
    ex = _one(text, "Kelp Shield")
    assert {"Sicily", "Crete"} <= set(ex.locations)


def test_troops_that_train_at_a_site_give_its_place() -> None:
    text = ("Exercise Kelp Shield 2031 opened on Monday with troops from Chile and Peru, officials said.\n\n"
            "Around 900 troops from Chile and Peru will train at the Pisagua range.\n")
    ex = _one(text, "Kelp Shield")
    assert "Pisagua range" in ex.locations


def test_the_language_of_a_quoted_word_is_no_place() -> None:
    from briefings.extract.exercise_fields import prep_places
    assert "Quechua" not in prep_places('The exercise, whose name means "storm" in Quechua, is held at Arica.')
    assert "Arica" in prep_places('The exercise, whose name means "storm" in Quechua, is held at Arica.')
    assert "Quechua" in prep_places("The exercise is held in Quechua and Arica.")


def test_a_role_told_as_rather_than_an_observer_is_no_observer() -> None:
    from briefings.extract.exercise_fields import roles
    _, _, obs, _ = roles("Officials said Peru's first participation as a full member, rather than an observer, was a welcome sign.", False)
    assert "Peru" not in obs
    assert "Peru" in roles("Peru withdrew its company, but sent observers.", False)[2]


def test_each_country_of_an_off_list_is_the_area() -> None:
    from briefings.extract.exercise_fields import roles
    pos, _, _, where = roles("The drill ran in May in waters off Peru, Chile and the Bahamas, with a command post in Lima.", True)
    assert where == ["Peru", "Chile", "Bahamas"]
    assert "Bahamas" not in pos


def test_bases_its_aircraft_fly_from_are_places() -> None:
    text = ("Exercise Kelp Shield 2031 opened on Monday with aircraft from Poland and Denmark, officials said.\n\n"
            "Polish jets will fly from Gdańsk and Danish fighters from Aarhus under one air command.\n")
    ex = _one(text, "Kelp Shield")
    assert {"Gdańsk", "Aarhus"} <= set(ex.locations)


def test_a_capital_that_has_said_something_is_the_speaker() -> None:
    from briefings.extract.exercise_fields import roles
    text = "It comes ahead of Exercise Kelp Shield 2032, which Lima has said will take place in the autumn."
    assert "Peru" not in roles(text, True, focus=18)[0]
    assert "Peru" in roles("It comes ahead of Exercise Kelp Shield 2032, which Lima will host in the autumn.", True, focus=18)[0]


def test_a_sentence_about_its_highlights_continues_the_exercise() -> None:
    text = ("Exercise Kelp Shield 2031 ended on Friday after two weeks of drills by Italy and Greece, officials said.\n\n"
            "Highlights this year included an amphibious landing on Crete.\n")
    ex = _one(text, "Kelp Shield")
    assert "Crete" in ex.locations
