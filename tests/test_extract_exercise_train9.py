"""Exercise rules taught by the ninth training set, each on invented sentences: past editions told by year or ordinal,
initials given after "or", hypothetical and hedged drills, series umbrellas, appositive names and parts of an exercise."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_names import find_names
from briefings.extract.exercise_refs import find_phrases
from briefings.extract.exercise_status import own_region
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def _keys(text: str, published: str | None = "2027-05-10") -> set[tuple[str | None, int | None]]:
    return {(x.name, x.year) for x in _exercises(text, published)}


def test_known_series_with_the_word_exercise_before_its_year() -> None:
    hits = find_names("Cold Response Exercise 2026 opened on Monday in northern Norway.")
    assert [(h.name, h.canon, h.year) for h in hits] == [("Cold Response Exercise 2026", "Cold Response", 2026)]


def test_initials_after_or_name_the_same_exercise() -> None:
    text = ("Jets from 12 countries took off on Monday as the biennial Pitch Black Exercise got under way near Darwin.\n\n"
            "Pitch Black Exercise 2027, or PBE 27, is led this year by Australia and runs until 13 June.\n\n"
            "The PBE exercise has traditionally drawn a wide group of observers.")
    exs = _exercises(text)
    assert [(x.name, x.year) for x in exs] == [("Pitch Black Exercise 2027", 2027)]
    assert "PBE 27" in exs[0].aliases


def test_a_year_after_a_second_name_belongs_to_that_name() -> None:
    text = ("Valiant Shield-2027A began on Monday near Guam, the command said.\n\n"
            "Valiant Shield followed two rounds of \"Pacific Dragon\" exercises in 2026. Pacific Dragon-2026A was held in May 2026, "
            "and Pacific Dragon-2026B followed in October 2026 around the Tiwi Islands.")
    keys = _keys(text)
    assert ("Valiant Shield", 2026) not in keys
    assert ("Pacific Dragon", 2026) not in keys  # the series named only as the umbrella of its lettered editions
    assert {("Valiant Shield-2027A", 2027), ("Pacific Dragon-2026A", 2026), ("Pacific Dragon-2026B", 2026)} <= keys


def test_an_edition_only_imagined_is_no_exercise() -> None:
    text = ("Valiant Shield-2027A began on Monday near Guam, the command said.\n\n"
            "A Valiant Shield-2027B, if held, would probably involve more coast guard ships.")
    assert {x.name for x in _exercises(text)} == {"Valiant Shield-2027A"}


def test_a_past_edition_told_by_its_year_is_named_by_the_series() -> None:
    text = ("The navies opened the Coral Falcon-2027 exercise near Darwin on Monday, the ministry said.\n\n"
            "Coral Falcon drills have been held almost every year since 2009. The 2025 edition took place in Fiji.")
    assert ("Coral Falcon", 2025) in _keys(text)
    assert ("Coral Falcon", 2025) in _keys(text, published=None)  # an undated text: "now" is its latest edition
    ordinal = ("The navies opened the Coral Falcon-2027 exercise near Darwin on Monday, the ministry said.\n\n"
               "The exercise was first held in 2019 in the Coral Sea, and the fifth edition of it was held in March 2025 in the same region.")
    assert ("Coral Falcon", 2025) in _keys(ordinal)
    # "the previous edition" of a press release is background, not an edition reported
    previous = ("The navies opened the Coral Falcon-2027 exercise near Darwin on Monday, the ministry said.\n\n"
                "Coral Falcon is held every two years. The previous edition took place in 2025.")
    assert ("Coral Falcon", 2025) not in _keys(previous)


def test_a_one_word_series_held_in_a_past_year() -> None:
    text = ("Flintlock 2027 ran from 6 to 25 February in Ghana, the command said.\n\n"
            "Flintlock, held annually since 2005, was hosted by Mauritania in 2026.")
    keys = _keys(text)
    assert ("Flintlock", 2026) in keys and ("Flintlock", 2005) not in keys
    origin = ("Malabar 2027 began off Guam on Monday, the navy said.\n\n"
              "Malabar has come a long way from its origins as a bilateral drill in 1992.")
    assert ("Malabar", 1992) not in _keys(origin)


def test_a_name_with_an_arabic_particle() -> None:
    hits = find_names("The navy is holding a new coastal drill, Ras al-Khair Shield 24 (RKS-24), with Oman.")
    assert [(h.name, h.year) for h in hits][:1] == [("Ras al-Khair Shield 24", 2024)]


def test_a_plain_name_set_off_after_an_exercise_noun() -> None:
    assert [h.name for h in find_names("Canberra's own joint exercise, Coral Falcon, was last held in 2023 near Darwin.")] == ["Coral Falcon"]
    assert find_names("After the exercise, Defence Minister Ola Berg, was seen in Oslo.") == []


def test_a_paragraph_opening_with_an_indefinite_drill_is_another_exercise() -> None:
    text = ("The Coral Falcon-2027 exercise began on Monday near Darwin with jets from Australia and Fiji, the ministry said.\n\n"
            "A planned joint air-defence exercise over the Coral Sea, set for late May, was postponed to the autumn.")
    main = next(x for x in _exercises(text) if x.name == "Coral Falcon-2027")
    assert main.status != "cancelled"


def test_a_hedged_forecast_drill_is_no_exercise() -> None:
    text = ("The Coral Falcon-2027 exercise began on Monday near Darwin, the ministry said.\n\n"
            "An analyst said it was likely Moscow would respond with its own snap exercise on the Kola Peninsula.")
    assert {x.name for x in _exercises(text)} == {"Coral Falcon-2027"}


def test_drills_a_country_is_to_hold_are_an_exercise() -> None:
    text = ("The Coral Falcon-2027 exercise began on Monday near Darwin with Australia and Fiji, the ministry said.\n\n"
            "Meanwhile, Indonesian and Malaysian special forces are scheduled to hold joint drills near Sabah later this month.")
    other = [x for x in _exercises(text) if x.name is None]
    assert len(other) == 1 and {"Indonesia", "Malaysia"} <= set(other[0].participants)


def test_a_drill_one_of_several_host_countries_runs_is_part_of_the_exercise() -> None:
    text = ("The Coral Falcon-2027 exercise wraps up on 23 May after a month of training across Fiji, Tonga and Samoa, with Australia as the main host.\n\n"
            "Fiji hosted a command post exercise in Suva, while Tonga ran a medical readiness exercise at Nuku'alofa.")
    exs = _exercises(text)
    assert [x.name for x in exs] == ["Coral Falcon-2027"] and "Suva" in exs[0].locations


def test_a_drill_with_an_acronym_of_its_kind_is_its_own_exercise() -> None:
    text = ("Cypriot and Greek forces began Coral Falcon-2027 over Cyprus on Tuesday, the ministry said.\n\n"
            "The carrier's crew held a passing exercise (PASSEX) with the patrol vessel Lekkos off Limassol before entering port, "
            "practising formation manoeuvres and helicopter landings.")
    unnamed = [x for x in _exercises(text) if x.name is None]
    assert len(unnamed) == 1 and "Limassol" in unnamed[0].locations


def test_a_definite_phrase_repeating_an_introduced_drill_means_it() -> None:
    text = ("The carrier docked at Limassol on Monday, a day before Cypriot and Greek forces began a new air-defence exercise over the island.\n\n"
            "The carrier's crew held a passing exercise (PASSEX) with the Cypriot patrol vessel Lekkos off Limassol before entering port.\n\n"
            "The new exercise, named Coral Falcon-27, runs from 3 to 6 June over Cyprus.")
    exs = _exercises(text)
    assert sorted(str(x.name) for x in exs) == ["Coral Falcon-27", "None"]
    assert "Limassol" in next(x for x in exs if x.name is None).locations  # the passing exercise, not the new one


def test_first_time_is_no_ordinal_of_the_drills() -> None:
    phrases = find_phrases("For the first time resilience drills will be held in Taipei.", [])
    assert [p.ordinal for p in phrases] == [None]


def test_a_patrol_vessel_is_no_other_exercise() -> None:
    text = "The crew held a passing exercise with the Cypriot patrol vessel Lekkos off Limassol."
    a, b = own_region(text, text.index("passing"), text.index(" with"))
    assert "Limassol" in text[a:b]


def test_names_an_exercise_follows_or_precedes_are_exercises() -> None:
    text = ("The exercise follows Coral Heron 2026, the Greek-Egyptian series held in November off Alexandria, "
            "and comes ahead of Coral Heron 2027, which Athens has said will take place in Greek waters.")
    assert [(h.name, h.year) for h in find_names(text)] == [("Coral Heron 2026", 2026), ("Coral Heron 2027", 2027)]
    assert find_names("The summit follows Coral Heron 2026 and comes ahead of a vote.") == []
