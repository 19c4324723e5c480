"""Exercise rules added for train11, each checked on invented sentences."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import hostile, locations, prep_places, roles
from briefings.extract.exercise_names import find_names
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_an_operation_codenamed_after_a_patrol_exercise_is_an_exercise() -> None:
    s = "Peru's navy said it would hold a joint patrol exercise with Chile, codenamed Operation Silver Tide, near Arica in June."
    assert [h.name for h in find_names(s)] == ["Operation Silver Tide"]
    assert [h.name for h in find_names("The raid, codenamed Operation Silver Tide, killed four fighters.")] == []


def test_a_name_the_text_gives_an_exercise_is_read_without_a_year() -> None:
    s = "Officials said a planned joint exercise with Spain, provisionally named Harbour Lantern, would take place near Cadiz."
    assert [h.name for h in find_names(s)] == ["Harbour Lantern"]
    assert find_names("The new frigate, named Harbour Lantern after a local lighthouse, joined the exercise.") == []
    assert find_names("The exercise was named after Admiral Grant.") == []


def test_a_headline_verb_ends_the_name_after_exercise() -> None:
    names = [h.name for h in find_names("Naval Exercise HARBOUR-IX Concludes Off Mombasa")]
    assert names == ["Exercise HARBOUR-IX"]


def test_the_former_name_of_an_exercise_is_an_alias() -> None:
    text = ("Kenya and Tanzania staged the naval exercise Blue Lantern 2027 off Mombasa in May with troops from Uganda.\n\n"
            "Until 2024 the same event was called Exercise Red Harbour, and it has grown every year.")
    xs = _exercises(text)
    assert [x.name for x in xs] == ["Blue Lantern 2027"] and "Exercise Red Harbour" in xs[0].aliases


def test_an_until_year_dates_no_edition() -> None:
    text = ("Kenya and Tanzania staged the naval exercise Blue Lantern 2027 off Mombasa in May.\n\n"
            "Until 2024 the drills were small, and the first Blue Lantern, in 2025, drew only two navies.")
    assert {x.year for x in _exercises(text)} == {2025, 2027}


def test_an_undated_article_is_dated_by_the_first_exercise_it_names() -> None:
    text = ("Kenya and Tanzania staged the naval exercise Blue Lantern 2027 off Mombasa in May.\n\n"
            "Separately, Uganda held its own drill on Lake Albert in late April.\n\n"
            "The next Blue Lantern is planned for 2029.")
    xs = _exercises(text, published=None)
    assert {(x.name, x.year) for x in xs if x.name is None} == {(None, 2027)}


def test_a_country_an_exercise_aims_at_winning_over_is_no_target() -> None:
    assert hostile("Moscow called the drills a provocation aimed at pulling Moldova into NATO.") == set()
    assert hostile("The drills were aimed at intimidating Moldova.") == {"Moldova"}


def test_a_country_that_observed_the_exercise_is_an_observer() -> None:
    _, _, obs, _ = roles("Chile, Peru and Ecuador took part, and Bolivia sent officers who observed the exercise from the command ship.",
                         explicit=True)
    assert obs == {"Bolivia"}


def test_a_coast_guard_is_no_place() -> None:
    assert locations("The drill was hosted by the Island Defence Force Coast Guard near Port Victoria.") == ["Port Victoria"]


def test_a_stretch_of_training_after_which_an_exercise_ends_is_its_venue() -> None:
    text = "Chile and Peru finished the naval exercise Stone Condor 2027 on Friday after two weeks of training in the Coral Sea and ashore at Cairns."
    assert set(_exercises(text)[0].locations) >= {"Coral Sea", "Cairns"}


def test_a_lake_named_first_is_a_place() -> None:
    assert locations("The two navies began a joint patrol on Lake Tanganyika on Monday.") == ["Lake Tanganyika"]


def test_a_country_in_a_dispute_with_a_participant_is_no_participant() -> None:
    p, _, _, _ = roles("Chile took part in the drills despite its maritime dispute with Bolivia.", explicit=True)
    assert "Bolivia" not in p


def test_a_country_that_says_it_will_hold_an_exercise_takes_part() -> None:
    p, _, _, _ = roles("Peru's navy announced that it would hold a joint patrol with Chile off Arica in June.", explicit=True)
    assert set(p) == {"Peru", "Chile"}
    p, _, _, _ = roles("Peru's navy announced that it would not hold a joint patrol with Chile.", explicit=True)
    assert "Peru" not in p


def test_the_leader_of_a_bloc_is_no_participant() -> None:
    p, _, _, _ = roles("Kazakhstan, a member of the Russian-led CSTO, joined the drills with Kyrgyzstan.", explicit=True)
    assert "Russia" not in p and "Kazakhstan" in p
    p, _, _, _ = roles("The Russian-led exercise drew troops from Kyrgyzstan.", explicit=True)
    assert "Russia" in p


def test_a_fixed_pair_series_gives_its_pair_to_a_past_edition() -> None:
    text = ("Sri Lankan and Indian sailors opened the naval exercise SLINEX 2027 off Colombo on Monday.\n\n"
            "The previous edition, SLINEX 2025, was held off Visakhapatnam.")
    past = next(x for x in _exercises(text) if x.year == 2025)
    assert set(past.participants) == {"India", "Sri Lanka"}


def test_a_drill_forecast_with_will_probably_is_no_exercise() -> None:
    text = ("Chile and Peru staged the naval exercise Stone Condor 2027 off Arica in May.\n\n"
            "Argentina will probably adjust its own exercises in the Drake Passage in response, one analyst argued.")
    assert [x.name for x in _exercises(text)] == ["Stone Condor 2027"]


def test_a_series_named_as_a_habit_is_no_edition() -> None:
    text = ("Chile and Peru staged the naval exercise Stone Condor 2027 off Arica in May.\n\n"
            "Lima usually keeps its largest landings for UNITAS, so the amphibious serial stood out.")
    assert [x.name for x in _exercises(text)] == ["Stone Condor 2027"]


def test_a_country_that_stayed_home_is_no_participant() -> None:
    p, n, _, _ = roles("Only Chile and Peru sent ships this time; Ecuador stayed home.", explicit=True)
    assert "Ecuador" in n and "Ecuador" not in p



def test_an_abbreviated_saints_name_is_one_place() -> None:
    assert "St. Andrew" in prep_places("Marines trained at a rifle range in St. Andrew, the army said.")


def test_a_sea_crossed_at_the_head_of_a_sentence_is_no_venue() -> None:
    assert locations("Across the Atlantic, Canadian sailors held their own drill off Halifax in May.") == ["Halifax"]
    assert "Tasman Sea" in locations("Across the Tasman Sea the two navies practised convoy escort.")


def test_routine_firing_practice_of_another_navy_does_not_continue_the_exercise() -> None:
    text = ("Chilean and Peruvian sailors began the naval exercise Stone Condor 2027 off Arica on Monday.\n\n"
            "A local paper also reported that Bolivia's lake flotilla held routine firing practice off Copacabana.")
    xs = _exercises(text)
    assert "Bolivia" not in xs[0].participants


def test_the_ends_of_an_area_are_no_participants() -> None:
    p, _, _, _ = roles("Chile and Peru took part in boarding drills stretching from Ecuador to Bolivia.", explicit=True)
    assert set(p) == {"Chile", "Peru"}
