"""Exercise rules added for train10, each checked on invented sentences."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_names import find_names
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_a_past_year_names_the_series_the_text_only_discussed() -> None:
    text = ("Grey Heron still matters, but as a political signal.\n\n"
            "The Kenyan-Tanzanian exercise Grey Heron 2025, held at Lamu in August 2025, drew 3,000 troops.")
    xs = _exercises(text)
    assert [(x.name, x.year) for x in xs] == [("Grey Heron 2025", 2025)]


def test_a_past_year_leaves_a_series_reported_as_held_now_alone() -> None:
    text = ("Norway and Sweden began their Cold Response drills on Monday at Bardufoss.\n\n"
            "Iceland, which joined Cold Response 2025 with a small contingent, did not take part this year.")
    assert {x.year for x in _exercises(text)} == {2025, 2027}


def test_a_definite_drill_of_other_countries_is_not_the_exercise_just_named() -> None:
    text = ("Japan and the United States opened Keen Sword 2027 on Monday off Okinawa.\n\n"
            "Also, the long-planned Australian-Indian winter drill that was meant for January has been called off.")
    xs = _exercises(text)
    assert [x.name for x in xs] == ["Keen Sword 2027"] and xs[0].status != "cancelled"


def test_a_definite_drill_of_the_same_countries_is_the_exercise_just_named() -> None:
    text = ("Japan and the United States opened Keen Sword 2027 on Monday off Okinawa.\n\n"
            "The joint Japanese-American drill will run for ten days near Kyushu.")
    xs = _exercises(text)
    assert len(xs) == 1 and "Kyushu" in xs[0].locations


def test_the_countries_that_announce_an_exercise_take_part() -> None:
    xs = _exercises("Chile and Peru have announced Exercise Stone Condor 2027, a joint drill planned for the Pacific coast in June.")
    assert set(xs[0].participants) == {"Chile", "Peru"}
    xs = _exercises("Chile said Exercise Stone Condor 2027 would be held by Peru off Callao in June.")
    assert "Chile" not in xs[0].participants


def test_a_name_the_text_says_something_is_called() -> None:
    assert [h.name for h in find_names('The navy statement calls it "Amber Gate-2027".')] == ["Amber Gate-2027"]
    assert not find_names('The navy statement on Amber Gate-2027 was short.')


def test_a_name_and_year_after_a_verb_of_staging() -> None:
    assert [h.year for h in find_names("The army kicked off Iron Heron 2027 on Monday at the Lamu range.")] == [2027]
    assert not find_names("Officials opened Expo 2027 in the capital on Monday.")
    assert not find_names("The army was praised at Iron Heron 2027 on Monday.")


def test_a_bare_series_and_its_exercise_prefixed_edition_are_one_exercise() -> None:
    text = ("As four navies converge on the Celebes Sea for Amber Gate, the old pact looks alive.\n\n"
            "This is Exercise Amber Gate 2027, the annual air and maritime exercise of the pact.")
    xs = _exercises(text)
    assert [(x.name, x.year) for x in xs] == [("Exercise Amber Gate 2027", 2027)]


def test_a_name_the_text_gives_the_exercise_just_named_is_its_alias() -> None:
    text = ("The ministry says the exercise, Amber Gate-2027, began on Wednesday at the Lamu range. "
            "In Swahili it's called Kaharabu-2027.\n\n"
            "About 4,000 troops from Kenya and Tanzania are taking part.")
    xs = _exercises(text)
    assert len(xs) == 1 and xs[0].aliases == ("Kaharabu-2027",) and set(xs[0].participants) == {"Kenya", "Tanzania"}


def test_a_name_and_year_held_in_a_military_sentence() -> None:
    assert [h.year for h in find_names("Amber Gate 2027 (AG-3) was held at the Lamu air base in May.")] == [2027]
    assert not find_names("Asian Games 2027 took place in Nagoya in May.")
    assert not find_names("The Lamu Book Fair 2027 was held at the old naval base in May.")


def test_a_pair_of_nations_is_no_exercise_name() -> None:
    assert not find_names("Thousands of troops and a desert range: the annual Kenyan-French exercise is back.")
    assert [h.name for h in find_names("The annual Amber-Gate exercise is back.")] == ["Amber-Gate"]


def test_a_name_with_an_edition_number_after_a_verb_of_staging() -> None:
    hits = find_names("Kenya hosted Amber Gate-4 off Lamu in February, bringing together the navies of four states.")
    assert [h.name for h in hits] == ["Amber Gate-4"]
    assert not find_names("The navy staged Blue Lance-3 drones over Lamu in February.")


def test_a_numbered_or_described_unit_of_a_nation_takes_part() -> None:
    text = ("Kenya opens Amber Gate\n\n"
            "Kenya's army kicked off Exercise Amber Gate 2027 on Monday at the Lamu range.\n\n"
            "The ministry says 2,000 troops are there, with the Ugandan 12th Mountain Brigade's first battalion "
            "and a Rwandan mechanised company.")
    assert {"Uganda", "Rwanda"} <= set(_exercises(text)[0].participants)


def test_a_deferred_drill_is_cancelled() -> None:
    text = ("Kenya defers patrol\n\n"
            "Kenya has deferred the 5th Kenya-Tanzania coordinated patrol that had been due to begin off Lamu this week, a spokesman said.")
    assert [x.status for x in _exercises(text)] == ["cancelled"]


def test_a_notice_issued_for_a_drill_introduces_it_apart_from_the_exercise_before() -> None:
    text = ("Kenya, Tanzania navies open Amber Gate\n\n"
            "The navies of Kenya and Tanzania began their annual exercise Amber Gate 2027 off Lamu on Monday.\n\n"
            "Meanwhile, Somalia's navy issued a navigational warning for a live-firing drill off Kismayo on May 12-13.")
    xs = _exercises(text)
    assert "Somalia" not in xs[0].participants and any(x.name is None and "Somalia" in x.participants for x in xs)


def test_navies_from_a_list_of_countries_go_on_about_the_exercise() -> None:
    text = ("Kenya to sail\n\n"
            "The frigate will sail next week to take part in Amber Gate 2027, the multinational maritime exercise hosted "
            "this year by the Kenyan Navy off Lamu from May 15 to 30. Navies from Kenya, Uganda, Rwanda and Ghana are confirmed.")
    assert {"Uganda", "Rwanda", "Ghana"} <= set(_exercises(text)[0].participants)


def test_a_long_name_ending_in_a_facility_noun_is_one_place() -> None:
    from briefings.extract.exercise_fields import prep_places
    assert prep_places("a command post exercise at the Kenya Defence Forces Staff College in Karen.") == ["Kenya Defence Forces Staff College", "Karen"]
    assert prep_places("a briefing at the Army Headquarters in Nairobi.") == []


def test_a_place_name_may_hold_a_lower_case_particle() -> None:
    from briefings.extract.exercise_fields import prep_places
    assert prep_places("Marines practised landings at Castel di Sangro and Lamu in March.") == ["Castel di Sangro", "Lamu"]
