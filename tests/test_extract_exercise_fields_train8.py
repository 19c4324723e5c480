"""Exercise field rules taught by the eighth training set, each on invented sentences: hyphenated compass words,
lower-case and nested sea names, places an exercise is said not to use, countries listed after "off", dashed asides,
sentences about other editions or other exercises, countries told of a drill, and serials held at a place."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import activities, hostile, locations, prep_places, roles
from briefings.extract.resources import places
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_a_hyphenated_compass_word_is_kept_whole() -> None:
    assert [p for _, _, p in places("Frigates sailed into the north-western Black Sea on Monday.")] == ["north-western Black Sea"]
    assert [p for _, _, p in places("Patrols covered the south-eastern Baltic.")] == ["south-eastern Baltic"]


def test_a_lower_case_bay_or_archipelago_of_a_name_is_a_place() -> None:
    got = locations("Drills ran between the bay of Arrocha and the archipelago of San Telmo.")
    assert got == ["bay of Arrocha", "archipelago of San Telmo"]


def test_approaches_to_a_strait_keep_the_strait_name() -> None:
    assert locations("Minehunters swept the approaches to the Strait of Magellan.") == ["approaches to the Strait of Magellan"]


def test_a_place_the_exercise_is_said_not_to_use_is_no_location() -> None:
    assert locations("The drill was staged off Okinawa rather than in the Coral Sea.") == ["Okinawa"]
    assert prep_places("It was held at Port Talbrin instead of at Kessarn.") == ["Port Talbrin"]
    assert roles("Exercise Kelp was held in Norway rather than in Sweden.", True)[3] == ["Norway"]


def test_countries_listed_after_off_are_places_not_participants() -> None:
    got = roles("Exercise Kelp will involve ships from Spain training in areas off Norway, Denmark and Iceland.", True)[0]
    assert got == ["Spain"]
    assert roles("Exercise Kelp will involve ships from Spain, Norway, Denmark and Iceland.", True)[0] == ["Spain", "Norway", "Denmark", "Iceland"]


def test_the_predicate_after_a_dashed_aside_gives_the_place() -> None:
    text = ("Exercise Grey Heron 2027 – the largest drill of the year for the two navies – will run until Friday "
            "in the Gulf of Aden, Kenyan officials said.")
    assert "Gulf of Aden" in _exercises(text)[0].locations
    text = ("Exercise Grey Heron 2027 – the navies of Kenya and Djibouti call it Heron – will run until Friday "
            "in the Gulf of Aden.")
    assert "Gulf of Aden" in _exercises(text)[0].locations


def test_a_sentence_about_another_edition_gives_no_place() -> None:
    text = ("Exercise Grey Heron 2027 opened on Monday in Mombasa with ships from Kenya and Djibouti.\n\n"
            "In 2019 the exercise was organised by Tanzania in Tanga.")
    x = _exercises(text)[0]
    assert "Tanga" not in x.locations and "Tanzania" not in x.participants


def test_the_next_exercise_is_another_one() -> None:
    text = ("Exercise Grey Heron 2027 opened on Monday in Mombasa with ships from Kenya and Djibouti.\n\n"
            "The next joint exercise with the Kenyan navy is planned to take place in the Lamu Archipelago region in the autumn.")
    assert "Lamu Archipelago region" not in _exercises(text)[0].locations


def test_a_country_told_of_the_drill_in_advance_is_no_participant() -> None:
    s = "Officials said Iran had been informed in advance of the areas of the exercise."
    assert hostile(s) == {"Iran"}
    assert hostile("Officials said Iran informed the navy of its own exercise.") == set()


def test_a_serial_held_at_a_place_gives_the_place() -> None:
    text = ("Exercise Grey Heron 2027 opened on Monday in Mombasa with ships from Kenya and Tanzania. "
            "The patrol vessel Shujaa, deployed from Lamu, then led the final boarding serial near Kiunga.")
    assert "Kiunga" in _exercises(text)[0].locations
    text = text.replace("led the final boarding serial", "waited")
    assert "Kiunga" not in _exercises(text)[0].locations


def test_a_capitalised_compass_word_is_part_of_the_region_name() -> None:
    assert [p for _, _, p in places("Marines landed in West Java and sailed on to the South Pacific.")] == ["West Java", "South Pacific"]
    assert [p for _, _, p in places("South Korea sent ships.")] == []


def test_names_listed_before_plural_provinces_are_each_a_place() -> None:
    assert locations("Engineers built clinics in Tarvo and Melsing provinces.") == ["Tarvo", "Melsing"]


def test_two_places_joined_by_and_are_not_one_plural_name_after_a_two_word_name() -> None:
    assert locations("Troops trained in West Java and Riau Islands.") == ["West Java", "Riau Islands"]
    assert locations("A serial was planned near the Andaman and Nicobar Islands.") == ["Andaman and Nicobar Islands"]


def test_a_named_beach_is_a_place_but_a_beach_on_an_island_is_not_its_name() -> None:
    assert locations("Marines stormed Kel Sabir beach at dawn.") == ["Kel Sabir beach"]
    assert locations("Marines stormed a Corsican beach at dawn.") == []


def test_a_subject_before_a_relative_aside_is_the_one_that_stayed_away() -> None:
    assert roles("Chile, which took part in several earlier editions of the exercise, did not send personnel this year.", True)[1] == {"Chile"}
    assert roles("Chile, which took part in several earlier editions, sent a frigate to the exercise.", True)[0] == ["Chile"]


def test_a_country_commenting_on_the_drills_is_no_participant() -> None:
    assert hostile("China has not commented officially on this year's drills.") == {"China"}
    assert hostile("China commented that Japan joined the drills.") == set()


def test_channels_passages_sea_routes_and_firths_are_places() -> None:
    got = locations("Icebreakers escorted convoys along the Northern Sea Route before frigates anchored in the Firth of Clyde "
                    "and crossed the Columbus Channel and the Mona Passage.")
    assert got == ["Northern Sea Route", "Firth of Clyde", "Columbus Channel", "Mona Passage"]


def test_the_baltic_states_are_a_region() -> None:
    assert locations("Troops will deploy to Poland and the Baltic states.") == ["Baltic states"]


def test_a_place_name_used_as_an_adjective_is_no_place() -> None:
    assert locations("Exercise Kelp is the Mediterranean counterpart to Exercise Gull.") == []
    assert locations("Any crisis will have an Arctic dimension.") == []


def test_a_part_of_a_country_is_a_place_and_its_host_takes_part() -> None:
    assert roles("Exercise Kelp 2025 in Belarus and western Russia rehearsed nuclear strikes.", True)[3] == ["Belarus", "western Russia"]
    got = roles("Troops poured across the frozen valleys of northern Norway for Exercise Kelp 2026.", True)
    assert got[0] == ["Norway"] and got[3] == ["northern Norway"]


def test_a_country_off_which_the_drill_is_held_is_its_area() -> None:
    assert roles("Exercise Kelp 2026 is planned for late June off Iceland, officials said.", True)[3] == ["Iceland"]
    assert roles("Exercise Kelp 2026 is planned for late June around Iceland, officials said.", True)[3] == []


def test_declining_to_speak_is_not_staying_away() -> None:
    assert roles("Exercise Kelp brought together India and Japan, and India declined to describe it as an alliance.", True)[1] == set()
    assert roles("India declined to join Exercise Kelp this year.", True)[1] == {"India"}


def test_the_venue_in_a_judgement_sentence_is_still_read() -> None:
    text = ("Exercise Grey Heron 2027 opened on Monday with ships from Kenya and Tanzania.\n\n"
            "Kenya's navy this week began its Grey Heron 2027 drills off Kilindini, but the shrinking fleet is likely a sign "
            "that the navy's ambitions have been scaled back.")
    assert "Kilindini" in _exercises(text)[0].locations


def test_a_lede_scene_before_this_was_x_belongs_to_the_exercise() -> None:
    text = ("Exercise Grey Heron 2027 opened on Monday.\n\n"
            "At dawn a landing craft dropped its ramp at Kiunga and Tanzanian infantry splashed ashore. "
            "This was Grey Heron 2027, the annual drill of the East African navies.")
    x = _exercises(text)[0]
    assert "Tanzania" in x.participants and "Kiunga" in x.locations
    text = text.replace("This was Grey Heron 2027, the", "Grey Heron 2027 is the")
    x = _exercises(text)[0]
    assert "Tanzania" not in x.participants and "Kiunga" not in x.locations


def test_a_clause_ending_as_part_of_the_exercise_gives_its_places() -> None:
    text = ("Exercise Grey Heron 2027 opened on Monday with ships from Kenya and Tanzania.\n\n"
            "Officials said the frigate Jasiri had sailed into the Mozambique Channel as part of the exercise.")
    assert "Mozambique Channel" in _exercises(text)[0].locations
    text = text.replace("as part of the exercise", "before the exercise")
    assert "Mozambique Channel" not in _exercises(text)[0].locations


def test_a_stretch_of_a_country_coast_is_one_place() -> None:
    got = locations("Landings ran along Chile's northern coast and the west coast of Peru.")
    assert got == ["Chile's northern coast", "west coast of Peru"]
    assert locations("The sister drill on Africa's west coast begins in March.") == []


def test_lapland_named_by_the_country_part_is_one_region() -> None:
    assert [p for _, _, p in places("Artillery fired across Finnish Lapland.")] == ["Finnish Lapland"]


def test_a_list_of_countries_after_included_is_no_activity() -> None:
    assert activities("Participants included Chile, Peru and the Netherlands, as well as Georgia and Ghana.") == []
    assert activities("Training included mine clearance, gunnery and boarding drills.") == [
        "mine clearance", "gunnery", "boarding drills"]
