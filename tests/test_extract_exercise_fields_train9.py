"""Exercise field rules taught by the ninth training set, each on invented sentences: countries an exercise is held across
take part, membership of an alliance, contributors, relative asides, observers who would watch, criticism from a country,
language names, capitals that are first names, facility names, lists of sites and cities, and clauses inside brackets."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import clauses, country_spans, hostile, locations, place_spans, prep_places, roles
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_countries_an_exercise_is_held_across_take_part() -> None:
    p, _, _, where = roles("Exercise Red Owl 2027 ends after three weeks of training across Kenya, Uganda and Rwanda.", explicit=True, focus=9)
    assert p == ["Kenya", "Uganda", "Rwanda"] and where == ["Kenya", "Uganda", "Rwanda"]


def test_countries_forces_are_brought_to_or_pass_through_do_not_take_part() -> None:
    p, _, _, where = roles("Exercise Red Owl 2027 will bring soldiers to northern Kenya, Uganda and Rwanda.", explicit=True, focus=9)
    assert p == [] and where == ["northern Kenya", "Uganda", "Rwanda"]
    p, _, _, _ = roles("Exercise Red Owl 2027 moved a brigade through Bavaria and then across Austria.", explicit=True, focus=9)
    assert "Austria" not in p


def test_an_area_without_forces_or_training_names_no_hosts() -> None:
    p, _, _, where = roles("Exercise Red Owl 2028 is planned for March and will stretch across Kenya and Uganda.", explicit=True, focus=9)
    assert p == [] and where == ["Kenya", "Uganda"]


def test_troops_across_the_lands_of_countries_make_them_hosts() -> None:
    p, _, _, where = roles("The alliance sent 9,000 troops across the icy wastes of Estonia and Latvia.", explicit=False)
    assert p == ["Estonia", "Latvia"] and where == ["Estonia", "Latvia"]


def test_a_drill_held_over_a_country_is_held_there_but_a_debate_over_it_is_not() -> None:
    p, _, _, where = roles("The air drill runs from 4 to 9 May over Malta and nearby waters.", explicit=True, focus=4)
    assert p == ["Malta"] and where == ["Malta"]
    assert roles("The air drill stirred a debate over Malta.", explicit=True, focus=4)[3] == []


def test_joining_an_alliance_is_not_taking_part() -> None:
    p, _, _, _ = roles("It was renamed in 2026, as Austria and Ireland joined the alliance.", explicit=False)
    assert p == []
    p, _, _, _ = roles("It was renamed in 2026, as Austria and Ireland joined the drills.", explicit=False)
    assert p == ["Austria", "Ireland"]


def test_contributors_and_returning_nations_take_part() -> None:
    assert roles("Kenya, Ghana and Chile are the largest contributors.", explicit=False)[0] == ["Kenya", "Ghana", "Chile"]
    assert roles("Peru, Fiji and Tonga are back this year.", explicit=False)[0] == ["Peru", "Fiji", "Tonga"]


def test_a_negation_belongs_to_the_subject_before_a_relative_aside() -> None:
    p, n, _, _ = roles("Egypt, which has trained with Jordan before, did not take part this year.", explicit=False)
    assert n == {"Egypt"} and "Jordan" in p


def test_an_observer_role_told_in_a_relative_aside_is_a_past_role() -> None:
    p, _, o, _ = roles("Chile, which for a decade had sent only observers, is participating with a frigate.", explicit=False)
    assert p == ["Chile"] and o == set()


def test_personnel_who_would_observe_as_in_previous_years_are_observers() -> None:
    p, _, o, _ = roles("Officials said Canadian personnel would observe the final phase, as in previous years.", explicit=False)
    assert o == {"Canada"} and p == []


def test_criticism_from_a_country_makes_it_hostile() -> None:
    assert hostile("The drill, now in its fourth edition, has drawn angry criticism from Tehran.") == {"Iran"}


def test_a_language_name_is_no_country() -> None:
    p, _, _, _ = roles("Storm Wall (the navy also uses the Polish name Burzowa Sciana) will be annual.", explicit=True)
    assert p == []


def test_a_capital_that_is_a_persons_first_name_is_no_country() -> None:
    assert country_spans("The defence minister Santiago Ruiz said the drill went well.") == []
    assert country_spans("Ministers met in Santiago on Monday.") == [(17, 25, "Chile")]


def test_a_capitalised_manoeuvre_area_and_an_air_station_are_places() -> None:
    assert locations("Gunners trained at the Kirov Maneuver Area and flew from Torva air station.") == ["Kirov Maneuver Area", "Torva air station"]


def test_a_coast_guard_is_no_coast() -> None:
    assert locations("He said Chinese coast guard ships sent patrols to the reef.") == []


def test_two_named_sites_and_cities_including_names_are_places() -> None:
    assert [n for _, _, n in place_spans("It was held at the same Koru and Tavan sites.")] == ["Koru", "Tavan"]
    assert [n for _, _, n in place_spans("Drills will be held in cities including Tartu and Narva.")] == ["Tartu", "Narva"]
    assert [n for _, _, n in place_spans("Bases of the US and Estonian sites stayed closed.")] == []


def test_a_place_outside_a_city_a_language_label_and_part_of_a_country_name() -> None:
    assert prep_places("Troops trained at the range outside Tbilisi on Monday.") == ["Tbilisi"]
    assert prep_places("The drill (in Arabic: Dir al-Bahr) is held in Misrata.") == ["Misrata"]
    assert prep_places("A phase was held in Côte d'Ivoire.") == []


def test_the_largest_exercise_ever_held_in_a_country_ranks_it_there() -> None:
    assert roles("Iron Fjord is the largest exercise ever held in Iceland.", explicit=True)[3] == []


def test_a_colon_inside_brackets_ends_no_clause() -> None:
    assert clauses("The drill (in Persian: Kamarband) began in the Gulf of Oman.") == [(0, 60)]


def test_organisations_named_after_a_city_are_no_place() -> None:
    assert locations("The Shanghai Cooperation Organisation met in June.") == []


def test_a_continuation_names_the_countries_of_its_area_as_places() -> None:
    text = ("Exercise Red Owl 2027 opened on Monday, the ministry said.\n\n"
            "Troops from four states began a week of joint drills in Uganda on Tuesday.")
    ex = [e for e in _exercises(text) if e.name == "Exercise Red Owl 2027"][0]
    assert "Uganda" in ex.locations


def test_a_bare_name_is_dropped_when_its_region_is_listed() -> None:
    text = ("Exercise Red Owl 2027 opened on Monday near Tavush.\n\n"
            "Exercise Red Owl 2027 is taking place at a range in the Tavush region, the ministry said.")
    ex = [e for e in _exercises(text) if e.name == "Exercise Red Owl 2027"][0]
    assert "Tavush region" in ex.locations and "Tavush" not in ex.locations


def test_a_host_that_did_not_invite_a_country_still_takes_part() -> None:
    p, n, _, _ = roles("Estonia confirmed it had not invited Belarusian officers to the drills.", explicit=False)
    assert n == {"Belarus"}
    assert roles("Belarus was not invited to the drills.", explicit=False)[1] == {"Belarus"}


def test_an_anaphor_about_years_ago_names_no_participants() -> None:
    text = ("Exercise Red Owl 2027 opened on Monday with Kenyan and Ugandan troops, the ministry said.\n\n"
            "Only a few years ago, Tanzania hosted the biggest exercises in the region.")
    ex = [e for e in _exercises(text) if e.name == "Exercise Red Owl 2027"][0]
    assert "Tanzania" not in ex.participants


def test_but_there_is_goes_on_about_the_same_exercise() -> None:
    text = ("Exercise Red Owl 2027 opened on Monday with Kenyan and Ugandan troops, the ministry said.\n\n"
            "Most of the exercise is run from a command post, but there is a live maritime component in the Gulf of Tadjoura.")
    ex = [e for e in _exercises(text) if e.name == "Exercise Red Owl 2027"][0]
    assert "Gulf of Tadjoura" in ex.locations


def test_a_landing_watched_at_a_place_gives_the_place() -> None:
    text = ("Exercise Red Owl 2027 opened on Monday with Kenyan and Ugandan troops, the ministry said.\n\n"
            "The landing we watched at Kilifi involved Kenyan marines.")
    ex = [e for e in _exercises(text) if e.name == "Exercise Red Owl 2027"][0]
    assert "Kilifi" in ex.locations
