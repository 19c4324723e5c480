"""Exercise fields: one invented case per rule (areas, roll calls, references, hosts, negated lists, same-sentence phrases)."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import hostile, roles
from briefings.extract.exercise_names import find_names
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-02-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return {x.name: x for x in extract_document(doc).exercises}


def test_countries_listed_as_the_area_are_places_not_participants() -> None:
    _, _, _, where = roles("Frost Lance 27 will spread across Norway, Sweden and Finland in March.", explicit=True)
    assert where == ["Norway", "Sweden", "Finland"]
    p, _, _, where = roles("It will bring 9,000 troops into northern Norway, Denmark and Iceland next spring.", explicit=True)
    assert where == ["northern Norway", "Denmark", "Iceland"] and p == []
    # after a plain "in" only the first country is the area (the others may be hosts of ranges named for another reason)
    _, _, _, where = roles("Gunnery serials used ranges in Chile, Peru and Ecuador.", explicit=True)
    assert where == ["Chile"]
    # "across Russia's districts": the districts are the place, not the country
    _, _, _, where = roles("The drills ran across Russia's western districts.", explicit=True)
    assert where == []


def test_a_component_exercise_takes_its_area_from_an_anaphor() -> None:
    text = ("Alliance Notes\n\n"
            "Trident Juncture 2027 is the alliance's largest drill this year. "
            "Cold Response 27, one of its component exercises, will bring some 8,000 troops to northern Norway, Finland and Sweden in March.\n")
    xs = _exercises(text)
    frost = next(x for n, x in xs.items() if n and n.startswith("Cold Response"))
    assert {"northern Norway", "Finland", "Sweden"} <= set(frost.locations)


def test_a_roll_call_of_countries_names_the_participants() -> None:
    text = ("Andes Wire\n\n"
            "Exercise Condor Reach 2027 opens on Monday off Valparaíso with some 4,000 sailors from five nations.\n"
            "Officials list the forces as Chile, Peru, Ecuador, Colombia and Uruguay.\n")
    x = _exercises(text)["Exercise Condor Reach 2027"]
    assert {"Chile", "Peru", "Ecuador", "Colombia", "Uruguay"} <= set(x.participants)


def test_a_country_only_referred_to_is_no_participant() -> None:
    assert "United States" in hostile("A spokesman said the drill was a veiled reference to the US Seventh Fleet based in Japan.")
    assert "United States" in hostile("The manoeuvres were a clear message to the United States, officials said.")


def test_a_place_named_after_a_country_adjective_is_no_target() -> None:
    assert hostile("The ships practised firing at sea targets near the Omani port of Duqm.") == set()
    assert "Iran" in hostile("The drills were aimed at deterring Iran.")


def test_a_host_organ_in_capitals_is_no_observer() -> None:
    _, _, obs, _ = roles("Observers from Fiji and Tonga attended the final day at the invitation of the Samoan Defence Ministry.",
                         explicit=False)
    assert obs == {"Fiji", "Tonga"}


def test_every_country_of_a_negated_subject_is_negated() -> None:
    _, neg, _, _ = roles("Canada and the United States did not take part in the landings.", explicit=True)
    assert neg == {"Canada", "United States"}
    _, neg, _, _ = roles("Spain, Portugal and Italy will not send ships.", explicit=True)
    assert neg == {"Spain", "Portugal", "Italy"}


def test_series_hosts_are_added_only_when_the_text_names_them() -> None:
    text = ("Commons Written Answers\n\n"
            "The frigate HMS Example will take part in RIMPAC 2027, which is planned for June, the minister said.\n")
    assert _exercises(text)["RIMPAC 2027"].participants == ("United Kingdom",)
    text2 = text + "She spoke after talks with the United States on Tuesday about Pacific security.\n"
    assert "United States" in _exercises(text2)["RIMPAC 2027"].participants


def test_more_series_are_known() -> None:
    for s, canon in (("Dragon-26 is the national part of a larger allied drill.", "Dragon"),
                     ("Germany hosted Air Defender 27 from June 3 to 14.", "Air Defender"),
                     ("The EFES-2028 drill is planned for May.", "EFES"),
                     ("The navy began Denizkurdu 2027 on Monday.", "Denizkurdu")):
        assert [h.canon for h in find_names(s)] == [canon], s


def test_a_definite_phrase_after_a_name_in_its_sentence_means_that_exercise() -> None:
    text = ("Year in Review\n\n"
            "1. Cobra Gold 2026\n"
            "Cobra Gold 2026 brought Thai and Malaysian troops together. The exercise was the largest yet. "
            "The drill included a landing. Cobra Gold 2026 ended in June.\n\n"
            "2. Air Defender 26\n"
            "Germany hosted Air Defender 26 from June 2 to 13, the largest air exercise in the alliance's history. "
            "Sweden sent 20 aircraft and took part for the first time.\n")
    xs = _exercises(text, published="2026-12-20")
    air = next(x for n, x in xs.items() if n and n.startswith("Air Defender"))
    assert "Sweden" in air.participants
    coral = next(x for n, x in xs.items() if n and n.startswith("Cobra Gold"))
    assert "Sweden" not in coral.participants


def test_a_country_represented_by_a_ship_takes_part() -> None:
    p, _, _, _ = roles("Chile has sent a frigate, while Peru is represented by the corvette Example.", explicit=False)
    assert set(p) == {"Chile", "Peru"}


def test_a_country_not_involved_or_the_cause_is_no_participant() -> None:
    _, neg, _, _ = roles("Canada was not involved in the landings, officials said.", explicit=True)
    assert neg == {"Canada"}
    p, _, _, _ = roles("The drill was first planned in response to Iran's seizure of a tanker.", explicit=False)
    assert "Iran" not in p


def test_the_host_who_invites_observers_is_no_observer() -> None:
    _, _, obs, _ = roles("Under the treaty, Finland notified the drill and invited observers.", explicit=False)
    assert obs == set()
    _, _, obs, _ = roles("Observers from Austria attended the final day.", explicit=False)
    assert obs == {"Austria"}


def test_an_unnamed_drill_takes_only_the_main_actors_its_sentences_name() -> None:
    text = ("Harbour Wire\n\n"
            "Japan's navy on Monday held a snap readiness drill off Hokkaido, the defence ministry said.\n"
            "Japan and Australia are the region's closest partners, and Australia and Japan train together often.\n"
            "Australia's navy and Japan's navy met in Tokyo last month. Japanese and Australian officials spoke again.\n")
    xs = _exercises(text, published="2027-03-02")
    unnamed = [x for n, x in xs.items() if n is None]
    assert unnamed and "Australia" not in unnamed[0].participants


def test_place_names_before_a_collective_or_a_command_are_no_places() -> None:
    from briefings.extract.exercise_fields import locations, prep_places
    assert locations("Tonga and several other Pacific nations sent small teams.") == []
    assert locations("France sees itself as a resident Pacific power.") == []
    assert locations("The Pacific Air Forces-sponsored event ran for two weeks.") == []
    assert "Western Mediterranean" in locations("The frigates sailed in the Western Mediterranean.")
    assert "Delamere Air Weapons Range" in locations("Jets bombed targets on the Delamere Air Weapons Range.")
    assert prep_places("The statement said the drill was aimed at the North.") == []


def test_holding_back_one_asset_is_no_withdrawal() -> None:
    _, neg, _, _ = roles("Chile did not send a submarine this time.", explicit=True)
    assert neg == set()
    _, neg, _, _ = roles("Chile did not send ships this year.", explicit=True)
    assert neg == {"Chile"}


def test_a_country_after_the_coast_of_is_a_place() -> None:
    p, _, _, _ = roles("The frigate will take part in the drill off the coast of Portugal.", explicit=True)
    assert "Portugal" not in p


def test_where_an_observer_sits_is_not_an_observer() -> None:
    _, _, obs, _ = roles("Canada was represented by an observer from its embassy in Lima.", explicit=False)
    assert "Peru" not in obs


def test_the_approaches_to_a_port_are_a_place() -> None:
    from briefings.extract.exercise_fields import locations
    assert "approaches to Valparaíso" in locations("Minehunters swept the approaches to Valparaíso on Monday.")
    assert "mouth of the Amazon river" in locations("Boats patrolled the mouth of the Amazon river.")


def test_a_count_of_soldiers_is_no_year() -> None:
    from briefings.extract.exercise_record import explicit_year
    assert explicit_year("with about 2000 soldiers moving to the range") is None
    assert explicit_year("some 2010 vehicles took part in 2021") == 2021
    assert explicit_year("the tenth patrol since July 2019") is None


def test_last_friday_dates_an_exercise() -> None:
    from briefings.extract.exercise_record import relative_time
    assert relative_time("The drill wrapped up last Friday off the coast.")
    assert relative_time("It is planned for next summer.")
    assert not relative_time("The drill wrapped up off the coast.")


def test_an_undated_article_dates_its_exercises_by_the_latest_named_year() -> None:
    text = ("Explainer\n\n"
            "Cobra Gold 2031 opened on Monday in Thailand with Thai and US troops.\n"
            "It follows last month's Keen Sword, the annual drill held with Japan that ran from Aug. 2 to 12.\n")
    xs = _exercises(text, published=None)
    assert xs["Cobra Gold 2031"].year == 2031
    assert xs["Keen Sword"].year == 2031


def test_its_own_drills_are_another_actors_exercise() -> None:
    text = ("Arctic Brief\n\n"
            "Cold Response 2030 opens on Monday across Troms with Norwegian, Danish and Dutch troops.\n"
            "The Northern Fleet announced its own drills in the White Sea for the same week.\n")
    xs = _exercises(text, published="2030-03-01")
    assert len(xs) == 2
    other = xs[None]
    assert other.participants == ("Russia",) and "White Sea" in other.locations and other.year == 2030
    assert "Russia" not in xs["Cold Response 2030"].participants


def test_an_exercise_that_follows_another_does_not_take_its_fields() -> None:
    text = ("Coastal Notice\n\n"
            "Romania's navy will hold a live-fire drill off Constanta from Monday to Wednesday, the port authority said.\n"
            "The drill follows a series of Turkish exercises near Istanbul last month, during which Turkish frigates fired missiles.\n")
    x = _exercises(text, published="2029-05-04")[None]
    assert "Turkey" not in x.participants and "Istanbul" not in x.locations


def test_a_firing_zone_in_a_following_sentence_is_a_place() -> None:
    text = ("Coastal Notice\n\n"
            "Romania's navy will hold a live-fire drill off Constanta from Monday to Wednesday, the port authority said.\n"
            "Warships and aircraft will fire at sea targets in a zone east of the Danube Delta.\n")
    assert "east of the Danube Delta" in _exercises(text, published="2029-05-04")[None].locations


def test_a_units_home_base_and_a_joint_base() -> None:
    from briefings.extract.exercise_fields import locations
    assert locations("The drill includes an infantry company from Joint Base Example-Lake.") == []
    assert "Joint Base Example-Lake" in locations("Fighters flew sorties out of Joint Base Example-Lake.")


def test_a_countrys_part_of_a_larger_exercise_makes_it_a_participant() -> None:
    text = ("Land Forces Weekly\n\nAllied drills reach the Baltic\n\n"
            "Thousands of troops crossed the Neris river on Monday during the Iron Wolf-2028 exercise. "
            "Iron Wolf-2028 is the Lithuanian part of NATO's Steadfast Defender 28.\n"
            "Officials said the Latvian army is committed to another part of Steadfast Defender 28 in Estonia.\n")
    sd = _exercises(text, published="2028-03-01")["Steadfast Defender 28"]
    assert {"Lithuania", "Latvia"} <= set(sd.participants) and "Estonia" not in sd.participants


def test_an_observer_day_makes_no_observer() -> None:
    _, _, obs, _ = roles("The Greek navy's exercise ended with a distinguished observer day off Crete.", explicit=True)
    assert obs == set()
    _, _, obs, _ = roles("Officers from the Kenyan navy attend under the observer programme.", explicit=False)
    assert obs == {"Kenya"}


def test_trilateral_and_hosted_series_add_their_hosts() -> None:
    from briefings.extract.exercise_record import _hosts
    assert set(_hosts("freedom edge", 2027)) == {"United States", "Japan", "South Korea"}
    assert _hosts("red flag", 2027) == ["United States"]


def test_an_edition_whose_host_the_text_names_takes_no_series_hosts() -> None:
    text = ("Navy Forum\n\n"
            "Malabar 2029 ended off Guam on Friday with Indian, US, Japanese and Australian ships.\n"
            "A spokesperson said Australia will host Malabar 2030 off Darwin, with no dates set yet.\n")
    xs = _exercises(text, published="2029-11-20")
    assert xs["Malabar 2030"].participants == ("Australia",)
    assert {"India", "United States"} <= set(xs["Malabar 2029"].participants)


def test_staying_away_later_does_not_undo_a_past_participation() -> None:
    _, neg, _, _ = roles("Canada then stayed away for nine years, until it rejoined the series.", explicit=False)
    assert neg == set()
    _, neg, _, _ = roles("Canada stayed away this year.", explicit=False)
    assert neg == {"Canada"}


def test_a_country_forces_are_sent_to_is_a_place() -> None:
    p, _, _, where = roles("The United States is moving armoured units from Texas to Lithuania for the drill.", explicit=True)
    assert "Lithuania" not in p and "Lithuania" in where and "United States" in p
    p, _, _, _ = roles("Kenya sent a contingent to the Tanzanian-hosted drill.", explicit=True)
    assert "Tanzania" in p


def test_observers_in_a_second_clause_are_the_first_clauses_subject() -> None:
    _, _, obs, _ = roles("Peru sent two officers to sail on the Chilean frigate Example, but they were observers only.", explicit=False)
    assert obs == {"Peru"}
    _, _, obs, _ = roles("Peru and Ecuador withdrew their ships but sent observers.", explicit=False)
    assert obs == {"Peru", "Ecuador"}
