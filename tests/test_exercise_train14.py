"""Exercise rules added for train14, each checked on invented sentences."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import locations
from briefings.extract.exercise_names import find_names
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_a_name_and_year_that_troops_took_part_in() -> None:
    s = "About 900 soldiers took part in Granite Falcon 2027, which began on March 3 near the border."
    assert [(h.name, h.year) for h in find_names(s)] == [("Granite Falcon 2027", 2027)]
    assert find_names("About 900 runners took part in Granite Falcon 2027, which began on March 3.") == []  # (no military word)


def test_a_name_and_two_digit_year_after_a_phase_of() -> None:
    s = "The landing phase of Copper Tern 27 resumes at dawn with a crossing towards the islands."
    assert [(h.name, h.year) for h in find_names(s)] == [("Copper Tern 27", 2027)]
    assert find_names("The landing of Copper Tern 27 resumes at dawn.") == []


def test_a_roman_numeral_name_an_operation_noun_is_called() -> None:
    s = "The operation is called Lanza Fluvial IV, and it began on 2 May."
    assert [h.name for h in find_names(s)] == ["Lanza Fluvial IV"]
    assert find_names("The ship is called Lanza Fluvial IV, and it sailed on 2 May.") == []


def test_a_named_landform_with_its_kind_in_lower_case() -> None:
    assert locations("The troops then moved to the Zagora plateau for the final phase.") == ["Zagora plateau"]
    assert locations("Climbers were handed over at the Velika pass.") == ["Velika pass"]
    assert locations("The troops then moved into the Algerian desert for the final phase.") == []  # (a country's land)


def test_a_mountain_named_with_mount() -> None:
    assert locations("Troops trained on the slopes of Mount Tarvel for three days.") == ["Mount Tarvel"]


def test_a_drill_postponed_indefinitely_is_not_listed() -> None:
    text = ("Navies hold drills in the north\n\nMay 10, 2027\n\n"
            "A joint search-and-rescue drill, SEAREX-2027, planned for June off Port Halden, has been postponed indefinitely, the ministry said.\n")
    assert [x.name for x in _exercises(text)] == []
    kept = text.replace("postponed indefinitely", "postponed to August")
    assert [x.name for x in _exercises(kept)] == ["SEAREX-2027"]


def test_a_place_standing_for_the_exercise_held_there_is_no_second_exercise() -> None:
    text = ("Navies drill off Port Halden\n\nMay 10, 2027\n\n"
            "The navies of Norway and Denmark completed the joint exercise Grey Skua-2027 off the port of Halvik on 5 May.\n\n"
            "A commentator said the Halvik exercise was a sign of closer ties.\n")
    assert [x.name for x in _exercises(text)] == ["Grey Skua-2027"]


def test_this_years_edition_takes_the_articles_year_over_another_year_of_the_sentence() -> None:
    text = ("Balkan defence news\n\nMay 10, 2027\n\n"
            "Austria confirmed it would not send troops to this year's Iron Elk exercise with Hungary and Slovakia, "
            "which is expected in Hungary in September, citing a rule introduced in 2022.\n")
    assert [(x.name, x.year) for x in _exercises(text)] == [("Iron Elk", 2027)]


def test_plural_exercises_in_the_past_are_no_event() -> None:
    from briefings.extract.exercise_refs import find_phrases
    s = "Laos has held its own smaller exercises with Vietnam near Vientiane in the past."
    assert [p.generic for p in find_phrases(s, [])] == [True]
    assert [p.generic for p in find_phrases("Laos held its own smaller exercises with Vietnam near Vientiane last week.", [])] == [False]


def test_a_series_named_with_no_edition_reported_is_no_exercise() -> None:
    text = ("Russian drills\n\nMay 10, 2027\n\n"
            "The Kavkaz series comes in the autumn, and I would not be surprised to see Russian bombers near Alaska before the end of the year.\n")
    assert [x.name for x in _exercises(text)] == []
    assert [x.name for x in _exercises(text.replace("Kavkaz series", "Kavkaz exercise"))] == ["Kavkaz"]
