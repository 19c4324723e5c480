"""Exercise rules taught by the seventh training set, each on invented sentences: a cancelled part of an exercise,
initials in brackets, a place read beside an exercise noun, years of past events, schedules "from" a year,
the drills a programme "will include", and small island states as participants."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_names import find_names
from briefings.extract.exercise_record import explicit_year
from briefings.extract.exercise_status import cancelled
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_a_cancelled_phase_does_not_cancel_the_exercise() -> None:
    s = "A planned mine-clearance phase near Port Kelvin was cancelled after the pier was damaged."
    assert not cancelled(s, 0, 10)
    assert cancelled("Exercise Grey Heron 2027 was cancelled after the pier was damaged.", 0, 24)
    text = ("Exercise Grey Heron 2027 opened on Monday in the Gulf of Aden with ships from Kenya and Djibouti.\n\n"
            "A planned mine-clearance phase near the harbour was cancelled after the pier was damaged.")
    assert [x.name for x in _exercises(text)] == ["Exercise Grey Heron 2027"]


def test_initials_in_brackets_name_the_same_exercise() -> None:
    text = ("Kenya and Tanzania began Exercise Silver Harbour Guard (SHG) on Monday in Mombasa.\n\n"
            "Officials said the SHG exercise would last ten days.")
    xs = _exercises(text)
    assert len(xs) == 1 and "SHG" in xs[0].aliases


def test_a_province_beside_an_exercise_noun_is_no_name() -> None:
    s = "Training will include a river-crossing drill in Tanvil, Korvane Province, a live-fire exercise at a range."
    assert not any(h.name == "Korvane Province" for h in find_names(s))


def test_the_year_of_a_past_event_is_not_the_exercise_year() -> None:
    assert explicit_year("observers will check compliance with the 1991 ceasefire agreement") is None
    assert explicit_year("the 2024 war games drew 30 ships") == 2024
    assert explicit_year("the drill will become an annual exercise from 2029, officials said") is None
    assert explicit_year("the drill was held in 2025 off the coast") == 2025


def test_the_drills_a_programme_will_include_are_the_exercise_s_own() -> None:
    text = ("Kenya and Tanzania began Exercise Grey Heron 2027 on Monday, officials said.\n\n"
            "Field training will include a beach landing drill in Tanga and a live-fire exercise at the Lamu range.")
    xs = _exercises(text)
    assert len(xs) == 1 and "Tanga" in xs[0].locations


def test_small_island_states_are_participants() -> None:
    text = ("Exercise Grey Heron 2027 opened on Monday in Kingston Bay. Participants include Grenada, Saint Lucia, "
            "Dominica, Antigua and Barbuda and Saint Kitts and Nevis.")
    xs = _exercises(text)
    assert {"Grenada", "Saint Lucia", "Dominica", "Antigua and Barbuda", "Saint Kitts and Nevis"} <= set(xs[0].participants)


def test_a_first_exercise_of_this_scale_is_the_one_described() -> None:
    text = ("Kenya and Tanzania will hold Exercise Grey Heron 2027 in Tanga from 3 to 14 June, the ministry said.\n\n"
            "The Kenyan 9th Brigade will take part in its first exercise of this scale.")
    assert [x.name for x in _exercises(text)] == ["Exercise Grey Heron 2027"]


def test_an_exercise_introduced_then_named_in_the_next_sentence_is_one() -> None:
    text = ("Kenya's main naval exercise of the year took place near Lamu in June. Exercise Grey Heron 2027 ran from "
            "3 to 14 June with ships from Kenya and Tanzania.")
    assert [x.name for x in _exercises(text)] == ["Exercise Grey Heron 2027"]


def test_an_exercise_named_only_to_compare_is_not_listed() -> None:
    text = ("Kenya and Tanzania began Exercise Grey Heron 2027 on Monday in Tanga.\n\n"
            "Grey Heron is one of two large exercises the navies hold each year, along with the autumn Blue Marlin.")
    assert [x.name for x in _exercises(text)] == ["Exercise Grey Heron 2027"]


def test_the_region_an_exercise_is_ranked_in_is_not_its_place() -> None:
    from briefings.extract.exercise_fields import prep_places
    s = "Grey Heron, the largest naval exercise in Africa, opened at the port of Tanga on Monday."
    assert "Africa" not in prep_places(s)
    assert "Tanga" in prep_places("The naval exercise opened in Tanga on Monday.")
