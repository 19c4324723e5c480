"""Exercise rules taught by the eighth training set, each on invented sentences: names set off by commas, quotes or a
numbered edition, glosses in brackets, possessives, past editions named only to compare or given by a year,
years that date no edition, and drills that are part of the exercise already reported."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_names import find_names
from briefings.extract.exercise_refs import find_phrases
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_a_possessive_is_no_exercise_name() -> None:
    s = "Here is what the Arctic's exercise calendar says about the region."
    assert not any("Arctic" in h.name for h in find_names(s))
    assert not _exercises("Small navies, cold seas: what the Arctic's exercise season tells us\n\n"
                          "The soldiers on the beach at Tromsø seemed to enjoy themselves.")


def test_an_exercise_noun_qualifying_a_calendar_noun_is_no_exercise() -> None:
    assert not find_phrases("For a week, the region's exercise season looked calm.", [])
    assert find_phrases("For a week, the region's exercise looked calm.", [])


def test_a_quoted_name_set_off_after_an_exercise_noun() -> None:
    s = 'The next joint exercise with the Kelvar Navy, "Stone Harbour 2027", is planned for the autumn.'
    assert [(h.name, h.year) for h in find_names(s)] == [("Stone Harbour 2027", 2027)]
    assert not find_names('The Kelvar Navy, "Stone Harbour 2027", is planned for the autumn.')


def test_a_numbered_name_before_an_appositive_is_an_edition() -> None:
    s = "Varnic forces concluded Osprey 12, a joint exercise off Alexandria, last week."
    assert [(h.name, h.canon, h.year) for h in find_names(s)] == [("Osprey 12", "Osprey-12", None)]
    assert not find_names("Varnic forces built Type 26, a frigate design, last year.")


def test_a_name_set_off_after_a_series_noun_takes_the_year_not_the_later_series() -> None:
    text = ("Malabar 2027 ended on Friday off Guam with ships from India, Japan and Australia.\n\n"
            "Its own multilateral series, KORVEX, held at Visakhapatnam in March 2026, gives India a role it lacks in Malabar.")
    xs = _exercises(text)
    assert sorted((x.name, x.year) for x in xs) == [("KORVEX", 2026), ("Malabar 2027", 2027)]


def test_a_gloss_in_brackets_between_name_and_exercise_noun() -> None:
    text = ('The Komodo ("dragon") exercise, which runs until May 20, involves about 5,000 personnel from Indonesia, '
            "the navy said.\n\nThe Komodo drills began on Monday in the Natuna Sea.")
    xs = _exercises(text)
    assert [x.name for x in xs] == ["Komodo"]
    s = "The two navies will hold the Tarsk (Iron Gate) amphibious landing exercise at Pohang from March 4."
    assert [h.name for h in find_names(s)] == ["Tarsk"]


def test_a_past_edition_named_only_to_compare_is_dropped() -> None:
    text = ("Navies from nine countries completed Cutlass Express 2027 off Djibouti on Friday, organisers said.\n\n"
            "The exercise seized 3.2 tonnes of narcotics in training scenarios, up from 2.1 tonnes in Cutlass Express 2026.")
    assert [x.name for x in _exercises(text)] == ["Cutlass Express 2027"]
    text2 = text.replace("up from 2.1 tonnes in", "a year after")
    assert len(_exercises(text2)) == 2


def test_years_that_date_no_edition() -> None:
    text = ("Cutlass Express 2027 began on Monday off Djibouti with ships from Kenya and India.\n\n"
            "Japan did not take part in Cutlass Express but shares radar data under a 2024 arrangement.\n\n"
            "Officials said Cutlass Express would probably be rescheduled for 2028 if the weather turned.")
    assert [(x.name, x.year) for x in _exercises(text)] == [("Cutlass Express 2027", 2027)]


def test_an_edition_given_only_by_a_past_year_is_its_own_unnamed_exercise() -> None:
    text = ("Kenya opened Exercise Grey Heron 2027 on Monday in Mombasa with ships from Tanzania.\n\n"
            "In 2025 the edition was organised by Tanzania in Dar es Salaam.")
    xs = _exercises(text)
    assert sorted((x.name or "", x.year) for x in xs) == [("", 2025), ("Exercise Grey Heron 2027", 2027)]
    past = next(x for x in xs if x.name is None)
    assert "Dar es Salaam" in past.locations
    assert len(_exercises(text.replace("In 2025 the edition was organised", "The edition was organised"))) == 1


def test_a_past_edition_does_not_take_over_this_year_s_exercise() -> None:
    text = ("Indonesia and India began their Komodo drills on Monday in the Natuna Sea.\n\n"
            "New Zealand, which joined Komodo 2025 with a small contingent, did not take part this year.\n\n"
            "The drills will include a live-fire serial off Natuna island.")
    xs = {x.year: x for x in _exercises(text)}
    assert set(xs) == {2025, 2027}
    assert xs[2027].name == "Komodo" and "Natuna Sea" in xs[2027].locations and not xs[2025].locations


def test_the_bare_series_is_no_alias_of_one_of_several_editions() -> None:
    text = ("The Rim of the Pacific exercise, better known as RIMPAC, opened this week off Hawaii.\n\n"
            "The first edition, RIMPAC 1971, brought together ships from five navies.\n\n"
            "RIMPAC 2027 will be the largest yet, the US Navy said.")
    for x in _exercises(text):
        assert "RIMPAC" not in x.aliases


def test_a_maritime_cooperative_activity_is_an_exercise() -> None:
    text = ("On Tuesday, the Philippines and Japan held a one-day maritime cooperative activity west of Palawan, "
            "involving two warships, the military said.")
    assert [x.name for x in _exercises(text)] == ["maritime cooperative activity"]


def test_a_drill_the_exercise_s_own_forces_also_stage_is_part_of_it() -> None:
    lead = ("The Philippines and the United States on Monday launched the Balikatan exercise "
            "near Scarborough Shoal.\n\n")
    xs = _exercises(lead + "U.S. Marines will also stage a counter-landing exercise at Subic Bay.")
    assert len(xs) == 1 and "Subic Bay" in xs[0].locations
    xs = _exercises(lead + "Chinese marines will also stage a counter-landing exercise at Hainan.")
    assert len(xs) == 2


def test_countries_of_a_place_or_a_relative_clause_are_no_other_actor() -> None:
    lead = ("The Philippines and the United States on Monday launched the Balikatan exercise "
            "near Scarborough Shoal.\n\n")
    xs = _exercises(lead + "Live-fire drills will be staged on Batanes, about 200 km south of Taiwan, where US forces plan "
                           "to sink a decommissioned ship.")
    assert len(xs) == 1 and "Batanes" in xs[0].locations
    assert len(_exercises(lead + "Taiwan held live-fire drills on Penghu on Tuesday.")) == 2


def test_a_known_series_before_a_gloss_and_a_landing_exercise_is_named() -> None:
    s = "The two navies will hold the Komodo (Lizard) amphibious landing exercise at Natuna from March 4."
    assert [(h.name, h.weak) for h in find_names(s)] == [("Komodo", False)]


def test_an_edition_named_by_an_ordinal_alone_is_an_unnamed_past_edition() -> None:
    text = ("South Africa, China and Russia began Mosi III off Saldanha Bay on Monday.\n\n"
            "The first Mosi exercise took place off Richards Bay in 2019, and the second in February 2023 off Durban.")
    xs = {x.year: x for x in _exercises(text)}
    assert set(xs) == {2019, 2023, 2027} and xs[2023].name is None
    assert "Russia" in xs[2023].participants and "Richards Bay" not in xs[2023].locations
    text2 = text.replace(", and the second in February 2023 off Durban", " and again in February 2023 off Durban")
    assert 2023 not in {x.year for x in _exercises(text2)}


def test_a_list_of_ships_closed_by_a_verb_does_not_make_the_drills_a_sub_event() -> None:
    lead = "Norway opened Cold Response 2027 on Monday across Troms with troops from Sweden and Finland.\n\n"
    xs = _exercises(lead + "The Northern Fleet said some 15 ships, including the cruiser Marshal Ustinov, were conducting "
                           "missile firing drills in the Barents Sea.")
    assert len(xs) == 2 and any(x.name is None and "Barents Sea" in x.locations for x in xs)
    xs = _exercises(lead + "Planned events include an amphibious landing and missile firing drills in the Barents Sea.")
    assert len(xs) == 1


def test_a_separate_actor_s_own_regular_drills_are_another_exercise() -> None:
    lead = "South Korea and the United States began Ulchi Freedom Shield 2027 on Monday near Pocheon.\n\n"
    tail = "the navy said it will hold its regular drills near the islets in the East Sea later this month."
    assert len(_exercises(lead + "Separately, " + tail)) == 2
    assert len(_exercises(lead + tail[0].upper() + tail[1:])) == 1


def test_a_sentence_opening_with_held_in_dates_the_exercise_just_named() -> None:
    lead = ("Less noticed was Sakura Trident, the bilateral exercise between the Japan Maritime Self-Defense Force "
            "and the Royal Australian Navy.\n\n")
    xs = _exercises(lead + "Held in late August in the Philippine Sea, it brought together two destroyers.", "2027-09-14")
    assert [(x.name, x.year) for x in xs] == [("Sakura Trident", 2027)]
    xs = _exercises(lead + "It brought together two destroyers.", "2027-09-14")
    assert [(x.name, x.year) for x in xs] == [("Sakura Trident", None)]
