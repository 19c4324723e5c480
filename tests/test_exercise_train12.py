"""Exercise rules added for train12, each checked on invented sentences."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import locations
from briefings.extract.exercise_names import find_names
from briefings.extract.exercise_record import explicit_year
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def test_a_one_word_name_with_a_hyphenated_roman_edition() -> None:
    s = "Polish and Czech engineers wrapped up Sarus-XIV on Friday after ten days at a range near Opava."
    assert [(h.name, h.canon) for h in find_names(s)] == [("Sarus-XIV", "Sarus-XIV")]
    s = "Last year's edition, Sarus-XIII, was held near Brno."
    assert [h.name for h in find_names(s)] == ["Sarus-XIII"]
    assert find_names("The museum showed Louis-XIV chairs and a Su-XX model.") == []  # (not staged nor called an exercise)


def test_a_year_a_series_dates_back_to_is_no_edition_year() -> None:
    assert explicit_year("The series dates back to 2009, and this round was the biggest yet.") is None
    assert explicit_year("The series goes back to 2009.") is None
    assert explicit_year("The drills were held in 2009.") == 2009


def test_a_coming_edition_pencilled_in_with_a_year_and_a_place() -> None:
    text = ("Exercise Tide Lantern 2027 ran from 2 to 6 May off Kiribati, the navy said.\n\n"
            "A second edition is pencilled in for 2029 on Upolu, the navy added.")
    got = {(x.name, x.year) for x in _exercises(text)}
    assert (None, 2029) in got


def test_a_past_edition_centred_on_a_place() -> None:
    text = ("Exercise Tide Lantern 2027 began on Monday in the Gulf of Bothnia, the navy said.\n\n"
            "The 2025 edition, also centred on the Gulf of Finland, drew 12 ships.")
    got = {(x.name, x.year) for x in _exercises(text)}
    assert ("Tide Lantern", 2025) in got or ("Exercise Tide Lantern", 2025) in got


def test_pacific_islands_are_places() -> None:
    assert locations("The drill ran on Tongatapu and Vanua Levu.") == ["Tongatapu", "Vanua Levu"]


def test_a_name_after_a_possessive_and_a_modifier() -> None:
    s = "In May, Peru and Chile held their bilateral ANDINO exercise off Arica."
    assert [h.name for h in find_names(s)] == ["ANDINO"]
    assert find_names("In May, Peru and Chile held their bilateral Navy exercise off Arica.") == []


def test_a_digest_item_line_starts_a_story_of_its_own() -> None:
    text = ("Regional press digest\n\n"
            "1. Harbour Times (Lisbon): Exercise Tide Lantern 2027 opens off Sines\n\n"
            "Portugal and Spain began Exercise Tide Lantern 2027 off Sines on Monday, the navy said.\n\n"
            "2. Daily Courier (Madrid): Fishing fleet protests quota cut\n\n"
            "Morocco sent patrol boats and troops to the port after the protest, the paper reported.")
    ex = _exercises(text)
    assert [(x.name, x.participants) for x in ex] == [("Exercise Tide Lantern 2027", ("Portugal", "Spain"))]


def test_a_country_invited_that_has_not_responded_is_no_participant() -> None:
    text = ("Exercise Tide Lantern 2027 began on Monday off Sines with ships from Portugal and Spain.\n\n"
            "France was invited to join this round but has not responded, the navy said.")
    ex = _exercises(text)
    assert "France" not in ex[0].participants and "Spain" in ex[0].participants


def test_an_unnamed_drill_with_neither_date_nor_place_is_not_listed() -> None:
    from briefings.extract.exercise_record import Record, _fields, _LazyActors
    bare = Record(key=("#new", 0, 0), kind="exercise")
    assert _fields("s1", bare, [], None, None, _LazyActors([]), {}) is None
    dated = Record(key=("#new", 0, 0), kind="exercise", year=2027)
    assert _fields("s1", dated, [], None, None, _LazyActors([]), {}) is not None


def test_the_first_edition_of_a_series_is_a_past_exercise_of_its_own() -> None:
    from briefings.extract.exercises import _FIRST_OF
    s = "The first Shaheen was held near Kashgar in 2011."
    assert _FIRST_OF.search(s, 0, s.index("Shaheen")) and not _FIRST_OF.search("The last Shaheen", 0, 9)
    text = ("Jets from Pakistan and China began Shaheen XII near Karachi on Monday, the air force said.\n\n"
            "Officials say Shaheen is not aimed at any third country.\n\nThe first Shaheen was held near Kashgar in 2011.")
    assert ("Shaheen", 2011) in {(x.name, x.year) for x in _exercises(text)}


def test_a_country_that_told_the_hosts_it_would_not_take_part() -> None:
    from briefings.extract.exercise_fields import roles
    s = "Norway, which was asked to contribute a company, told the hosts in March that it would not take part, citing other duties."
    assert roles(s, False)[1] == {"Norway"}
    assert "Norway" not in roles("Norway, which was asked to contribute a company, told the hosts in March that it would take part.", True)[1]


def test_a_quoted_pledge_of_regular_drills_adds_no_participants():
    text = ("Coastal Brief\n\nGhanaian and Togolese sailors wrapped up Exercise Lagoon Watch 2027 on Friday off Lomé, "
            "after a week of boarding drills.\n\n"
            "Benin and Niger signed a memorandum last week pledging \"regular joint drills\" and \"closer cooperation\".\n")
    ex = {x.name: x for x in _exercises(text)}
    assert set(ex["Exercise Lagoon Watch 2027"].participants) == {"Ghana", "Togo"}


def test_a_negated_send_in_a_clause_without_a_country_reads_without_error():
    from briefings.extract.exercise_fields import roles
    pos, neg, obs, _ = roles("Chile sent officers to watch the drills but did not send ships, a spokesman in Santiago said.", explicit=True)
    assert "Chile" not in pos  # (a country that only watched; the sentence once raised IndexError)
