"""Exercises: names and aliases, participants by role, negation, status, places and several per article."""
from __future__ import annotations

from briefings.extract.combine import combine
from briefings.extract.document import extract_document
from briefings.extract.exercise_names import find_names
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2022-05-10", sid: str = "s1"):
    doc = SourceDocument(id=sid, path=f"{sid}.txt", text=text, published=published)
    return doc, extract_document(doc)


def test_name_forms() -> None:
    names = [h.name for h in find_names("Russia's Vostok-2022 followed Zapad-81, while BALTOPS 23 and Exercise Kakadu 2022 were under way.")]
    assert names == ["Vostok-2022", "Zapad-81", "BALTOPS 23", "Exercise Kakadu 2022"]
    hit = find_names("the Tsentr-2019 (Center-2019) strategic exercise")
    assert [h.canon for h in hit] == ["Tsentr", "Tsentr"] and hit[0].year == 2019
    assert find_names("Su-27 fighters and COVID-19 rules delayed the drill.") == []


def test_alias_participants_observers_negation_and_status() -> None:
    text = ("Steppe Monitor\n\n"
            "Russia's strategic command-staff exercise Tsentr-2022 (Center-2022) began on 5 May in the Orenburg region, "
            "the defence ministry said.\n"
            "Troops from Kazakhstan, Tajikistan and China are taking part alongside Russian units.\n"
            "Mongolia sent observers.\n"
            "Uzbekistan did not take part.\n"
            "Analysts said the exercise was likely aimed at Western audiences.\n")
    doc, part = _exercises(text)
    assert len(part.exercises) == 1
    x = part.exercises[0]
    assert x.name == "Tsentr-2022" and "Center-2022" in x.aliases and x.year == 2022
    assert set(x.participants) == {"Russia", "Kazakhstan", "Tajikistan", "China"}
    assert x.observers == ("Mongolia",)
    assert "Uzbekistan" not in x.participants
    assert "Orenburg region" in x.locations
    assert x.start == "2022-05-05" and x.status == "under way"
    for m in x.mentions:
        assert 0 <= m.start < m.end <= len(text) and m.source == "s1"


def test_several_exercises_are_kept_apart_and_cancelled_ones_dropped() -> None:
    text = ("Drill Digest\n\n1. CHILE–PERU\n\n"
            "Chilean and Peruvian warships held the Pacific Shield 2022 exercise off Callao from 2 to 6 May.\n\n"
            "2. NORDIC\n\n"
            "Sweden and Finland will hold Exercise Baltic Bridge 2022 in the Gulf of Bothnia next week.\n\n"
            "3. CANCELLED\n\n"
            "Exercise Desert Storm Echo 2022, planned for June, was cancelled and no new dates were set.\n")
    doc, part = _exercises(text)
    by_name = {x.name: x for x in part.exercises}
    assert set(by_name) == {"Pacific Shield 2022", "Exercise Baltic Bridge 2022"}
    assert set(by_name["Pacific Shield 2022"].participants) == {"Chile", "Peru"}
    assert by_name["Pacific Shield 2022"].status == "held"
    assert set(by_name["Exercise Baltic Bridge 2022"].participants) == {"Sweden", "Finland"}
    assert by_name["Exercise Baltic Bridge 2022"].status == "planned"
    assert "Gulf of Bothnia" in by_name["Exercise Baltic Bridge 2022"].locations


def test_unnamed_exercise_needs_a_place_or_date_and_generic_mentions_are_ignored() -> None:
    text = ("The two navies have held numerous joint exercises over the past decade.\n"
            "On Tuesday, Chinese and Russian destroyers conducted a joint drill in the Sea of Okhotsk, the ministry said.\n"
            "Such drills are likely to continue.\n")
    doc, part = _exercises(text)
    assert len(part.exercises) == 1
    x = part.exercises[0]
    assert x.name is None and set(x.participants) == {"China", "Russia"} and x.locations == ("Sea of Okhotsk",)
    assert x.year == 2022


def test_threat_countries_are_not_participants() -> None:
    text = ("Ukrainian and U.S. ships opened the Sea Breeze 2021 exercise in Odesa on Monday.\n"
            "Moscow criticised the drills as a provocation.\n")
    doc, part = _exercises(text, "2021-06-28")
    x = part.exercises[0]
    assert "Russia" not in x.participants and {"Ukraine", "United States"} <= set(x.participants)


def test_combine_assigns_ids_and_merges_one_exercise_from_two_sources() -> None:
    a_doc, a = _exercises("Russian and Chinese ships began Joint Sea-2022 in the East China Sea on 3 May.\n", sid="s1")
    b_doc, b = _exercises("Joint Sea-2022, which started on 3 May, involves ships from Russia, China and Iran.\n", sid="s2")
    ex = combine([a_doc, b_doc], [a, b])
    assert [c.id for c in ex.claims] == [f"c{i + 1}" for i in range(len(ex.claims))]
    assert len(ex.exercises) == 1
    x = ex.exercises[0]
    assert x.id == "x1" and {m.source for m in x.mentions} == {"s1", "s2"}
    assert any(c.field == "participants" for c in x.conflicts)
    assert ex.to_json()["exercises"][0]["name"] == "Joint Sea-2022"


def test_edition_numbers_are_not_years() -> None:
    text = ("Taiwan began its annual Han Kuang 40 exercise on Monday in Taichung, the defence ministry said.\n"
            "Pakistan and China started Sea Guardian-4 off Karachi on Tuesday.\n"
            "South Africa, Russia and China opened the Mosi II naval exercise off Durban on Friday.\n")
    doc, part = _exercises(text, "2024-07-08")
    by_name = {x.name: x for x in part.exercises}
    assert set(by_name) == {"Han Kuang 40", "Sea Guardian-4", "Mosi II"}
    assert all(x.year == 2024 for x in part.exercises)
    assert set(by_name["Mosi II"].participants) == {"South Africa", "Russia", "China"}


def test_interviewer_questions_and_observers_in_the_past_are_not_facts() -> None:
    text = ("Interview: the admiral on this year's drills\n\n"
            "Q: Who is taking part in Exercise Coastal Shield 2024 this year?\n"
            "A: Norway and Denmark send ships, and Poland, which sent only observers in previous years, joins as a full participant.\n")
    doc, part = _exercises(text, "2024-05-01")
    assert not any(c.text.startswith("Q:") for c in part.claims)
    assert len(part.exercises) == 1
    x = part.exercises[0]
    assert set(x.participants) == {"Norway", "Denmark", "Poland"} and x.observers == ()


def test_an_exercise_named_after_it_is_introduced_is_one_record() -> None:
    text = ("Warships from Chile and Peru began a joint naval exercise off Callao on Monday, the navies said.\n"
            "The drill, dubbed Pacific Shield 2022, runs until Friday.\n"
            "It was the third joint drill by the two navies since 2019.\n")
    doc, part = _exercises(text, "2022-05-10")
    assert [x.name for x in part.exercises] == ["Pacific Shield 2022"]
    x = part.exercises[0]
    assert set(x.participants) == {"Chile", "Peru"} and "Callao" in x.locations and len(x.mentions) >= 2
