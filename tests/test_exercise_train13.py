"""Exercise rules added for train13, each checked on invented sentences."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import country_spans, locations, prep_places, roles
from briefings.extract.exercise_names import exercise_bases, find_names
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_one_word_name_with_two_digit_year_right_after_the_noun() -> None:
    s = "Some 800 reservists were called up for the readiness exercise Sjöhund 27 on Öland, the army said."
    assert [(h.name, h.year) for h in find_names(s)] == [("Sjöhund 27", 2027)]
    assert "Sjöhund" in exercise_bases([s])
    assert find_names("The reservists held Sjöhund 27 on Öland.") == []  # (no exercise noun before it)


def test_a_past_edition_of_a_one_word_series_read_after_the_noun() -> None:
    text = ("Some 800 reservists were called up for the readiness exercise Sjöhund 27 on Öland, the army said on Sunday.\n\n"
            "Sjöhund was last held in 2024, when about 500 reservists took part.")
    assert {(x.name, x.year) for x in _exercises(text)} == {("Sjöhund 27", 2027), ("Sjöhund", 2024)}


def test_a_name_a_copula_calls_an_exercise() -> None:
    s = "Iron Heron is a binational disaster-response exercise that simulates a major flood."
    assert [h.name for h in find_names(s)] == ["Iron Heron"]
    assert "Iron Heron" in exercise_bases([s])
    assert find_names("This is a binational disaster-response exercise that simulates a major flood.") == []
    assert find_names("Iron Heron is a binational agreement that covers floods.") == []


def test_a_copula_name_makes_the_headline_name_and_year_a_record() -> None:
    text = ("Tuesday, May 11, 2027\n\nLIVE: Iron Heron 2027 — Dutch and Belgian troops rehearse flood response\n\n"
            "Troops from the Netherlands and Belgium began the drill in Zeeland on Monday.\n\n"
            "Quick explainer: Iron Heron is a binational disaster-response exercise that simulates a major flood. "
            "It was last held in 2024, when it was much smaller.\n\n"
            "About 900 soldiers are taking part, the Dutch army said on Tuesday.")
    assert {(x.name, x.year) for x in _exercises(text)} == {("Iron Heron 2027", 2027), ("Iron Heron", 2024)}


def test_a_title_case_name_with_its_own_noun_and_other_name() -> None:
    s = "This is the Combined Fjord Rescue Patrol, known in both countries by its Norwegian initials, KFRP."
    assert [h.name for h in find_names(s)] == ["Combined Fjord Rescue Patrol"]
    assert [h.name for h in find_names("The Joint Naval Exercise (JNE) began on Monday.")] == []  # (only generic words)
    assert [h.name for h in find_names("She joined the Combined Fjord Rescue Patrol last year.")] == []


def test_a_demonym_before_a_language_noun_is_no_country() -> None:
    assert country_spans("It is known by its Norwegian initials, KFRP.") == []
    assert [c for _, _, c in country_spans("Norwegian ships took part.")] == ["Norway"]


def test_a_coming_edition_with_a_year_and_a_place_is_its_own_exercise() -> None:
    text = ("Kenya and Tanzania staged the naval exercise Blue Lantern 2027 off Mombasa in May.\n\n"
            "The defence minister said the next edition, in 2029, will be hosted by Tanzania near Zanzibar.")
    xs = _exercises(text)
    assert {(x.name, x.year) for x in xs} == {("Blue Lantern 2027", 2027), (None, 2029)}
    nxt = next(x for x in xs if x.name is None)
    assert list(nxt.participants) == ["Tanzania"] and "Zanzibar" in nxt.locations


def test_a_coming_edition_without_a_place_is_no_exercise() -> None:
    text = ("Kenya and Tanzania staged the naval exercise Blue Lantern 2027 off Mombasa in May.\n\n"
            "The defence minister said the next edition, in 2029, will be larger.")
    assert [(x.name, x.year) for x in _exercises(text)] == [("Blue Lantern 2027", 2027)]


def test_a_planned_ordinal_edition_with_a_year_and_place() -> None:
    text = ("Kenya and Tanzania staged the naval exercise Blue Lantern 2027 off Mombasa in May.\n\n"
            "The fourth edition is planned for 2030 and will be hosted by Uganda on Lake Victoria.")
    assert (None, 2030) in {(x.name, x.year) for x in _exercises(text)}


def test_a_forecast_reports_no_exercise() -> None:
    text = ("Chinese and Russian bombers flew their sixth joint air patrol over the Sea of Japan on 4 May.\n\n"
            "My forecast: expect the seventh air patrol in the first half of 2028, probably over the East China Sea.")
    assert [x.year for x in _exercises(text)] == [2027]


def test_it_has_been_held_refers_to_the_exercise_just_named() -> None:
    text = ("Every winter two navies share a patrol near the ice shelf, published 3 February 2028.\n\n"
            "This is the Combined Fjord Rescue Patrol, known in both countries by its Norwegian initials, KFRP. "
            "It has been held every season since 1999, and the 2027-2028 season is its 29th.")
    xs = _exercises(text, published="2028-02-03")
    assert [(x.name, x.year) for x in xs if x.name] == [("Combined Fjord Rescue Patrol", 2027)]


def test_a_country_that_was_not_there_takes_no_part() -> None:
    pos, neg, _, _ = roles("Kuwait and Oman took part. Iraq was not there.", True)
    assert neg == {"Iraq"} and pos == ["Kuwait", "Oman"]


def test_new_gazetteer_places() -> None:
    assert "Strait of Juan de Fuca" in locations("Supplies were shipped across the Strait of Juan de Fuca.")
    assert "Ushuaia" in locations("The patrol will begin from Ushuaia.")
    assert "Washington state" in locations("The drill was confined to Washington state.")


def test_an_edition_named_by_its_ordinal_alone_is_a_past_exercise() -> None:
    text = ("Kenya and Tanzania staged the naval exercise Blue Lantern 2027 off Mombasa in May, the navy said.\n\n"
            "It is the fourth edition of the exercise. The first, in 2021, was limited to Kenya and held off Lamu.\n\n"
            "About 900 sailors took part this year.")
    assert (None, 2021) in {(x.name, x.year) for x in _exercises(text)}
    text = text.replace("The first, in 2021,", "The first in 2021")
    assert (None, 2021) not in {(x.name, x.year) for x in _exercises(text)}


def test_an_operation_name_in_another_language() -> None:
    s = "Benin and Togo began Opération Marée Haute exercises off Cotonou on Monday."
    assert [h.name for h in find_names(s)] == ["Opération Marée Haute"]
    assert [h.name for h in find_names("Benin and Togo began a joint patrol, Opération Marée Haute, off Cotonou.")] == ["Opération Marée Haute"]
    assert find_names("The raid, codenamed Opération Marée Haute, killed four smugglers.") == []


def test_an_operation_named_after_an_unnamed_patrol_names_that_patrol() -> None:
    text = ("Benin and Togo on Monday night began their first joint night patrol off Cotonou, the navy said.\n\n"
            "The operation, named Opération Marée Haute, involves three boats and will run until the end of June.\n\n"
            "Crews share a single radio net.")
    assert [x.name for x in _exercises(text)] == ["Opération Marée Haute"]
    text = ("The police said on Monday they had arrested four smugglers in Cotonou.\n\n"
            "The operation, named Opération Marée Haute, involved three boats.")
    assert [x.name for x in _exercises(text)] == []


def test_the_ends_of_a_stretch_of_water_are_places() -> None:
    assert prep_places("The patrol covers the waters between Keta and Grand-Popo.") == ["Keta", "Grand-Popo"]
    assert prep_places("Relations between Keta and Grand-Popo improved.") == []


def test_a_name_with_an_accented_capital_and_a_year() -> None:
    s = "Danish and Swedish ships began the naval exercise Øresund Vakt 2027 on Monday."
    assert [(h.name, h.year) for h in find_names(s)] == [("Øresund Vakt 2027", 2027)]
    assert [(h.name, h.year) for h in find_names("Troops rehearsed for Élan-2027, a joint drill near Lyon.")] == [("Élan-2027", 2027)]
