"""General rules for articles in other styles: places outside the gazetteer, collective participants,
slashed and weekday dates, yearless and foreign-language exercise names, hostile countries."""
from __future__ import annotations

from briefings.extract.dates import find_dates, month_first_style, slash_order, weekday_date
from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import hostile, place_spans, prep_places
from briefings.extract.exercise_names import find_names
from briefings.extract.metadata import recover_metadata
from briefings.model import SourceDocument


def _one(body: str, published: str | None = "2024-10-09"):
    text = "Coastal Courier\n\nNaval drills reported along the coast\n\n" + body + "\n"
    part = extract_document(SourceDocument(id="s1", path="s1.txt", text=text, published=published))
    return part.exercises


# --- places -----------------------------------------------------------------------------------

def test_named_training_ground_and_coast_of_place() -> None:
    assert [n for _, _, n in place_spans("The battalion trained at the Dundrennan Hill training ground last week.")] == ["Dundrennan Hill training ground"]
    assert [n for _, _, n in place_spans("Two frigates exercised off the coast of Port Verde on Monday.")] == ["Port Verde"]


def test_waters_compass_of_place() -> None:
    spans = place_spans("Patrol boats held gunnery serials in waters west of Marcella Point before dawn.")
    assert [n for _, _, n in spans] == ["waters west of Marcella Point"]  # the phrase names the area
    spans = place_spans("The group sailed into the sea 40 nautical miles north of Korvik.")
    assert [n for _, _, n in spans] == ["sea 40 nautical miles north of Korvik"]


def test_city_where_officials_spoke_is_no_venue() -> None:
    assert "Valmora" not in prep_places("Officials in Valmora said the drill at Tessin had ended.")
    assert prep_places("The drill at Tessin ended, officials in Valmora said.") == ["Tessin"]
    assert prep_places("The embassy in Corrano confirmed the exercise at Lindell.") == ["Lindell"]
    x = _one("Ghanaian and Togolese sailors held a boarding exercise near Keta, officials in Accra said on Tuesday.")[0]
    assert "Keta" in x.locations and "Accra" not in x.locations


# --- participants -----------------------------------------------------------------------------

def test_collective_two_navies_and_trilateral() -> None:
    x = _one("The Omani and Indian navies began a joint patrol on 7 October. The two navies will rehearse boarding drills.")[0]
    assert set(x.participants) == {"Oman", "India"}
    x = _one("Brazil, South Africa and India opened the trilateral exercise on 6 October. The three navies sailed in formation.")[0]
    assert set(x.participants) == {"Brazil", "South Africa", "India"}


def test_country_that_condemns_or_is_targeted_is_never_a_participant() -> None:
    assert hostile("Iran condemned the manoeuvres, which Kuwait and Bahrain staged offshore.") == {"Iran"}
    assert hostile("Serbian jets shadowed the air drill.") == {"Serbia"}
    assert hostile("The scenario simulated an invasion by Ruritania of the islands.") == set()  # not a gazetteer country
    assert hostile("The drills were aimed at deterring Venezuela, analysts said.") == {"Venezuela"}
    assert hostile("Chile and Argentina held drills near Ushuaia.") == set()
    x = _one("Poland and Lithuania held a joint drill near Suwalki on 7 October, simulating an attack by Belarus. "
             "Belarus criticised the drill.")[0]
    assert set(x.participants) == {"Poland", "Lithuania"}
    x = _one("Iran condemned the naval drill, which Kuwait and Bahrain staged near Failaka on 7 October.")[0]
    assert set(x.participants) == {"Kuwait", "Bahrain"}


# --- dates ------------------------------------------------------------------------------------

def test_slashed_dates_day_first_unless_us_style() -> None:
    assert find_dates("Published 04/06/2025 09:10")[0].start == "2025-06-04"  # day first by default
    assert find_dates("Published 06/24/2025")[0].start == "2025-06-24"  # 24 cannot be a month: month first
    assert find_dates("Published 24/06/2025")[0].start == "2025-06-24"
    us = "NORFOLK, Va. (NNS) -- Sailors of the strike group completed a certification exercise on 04/06/2025, the Navy said."
    assert month_first_style(us) and not month_first_style("Published 04/06/2025 09:10\n\nLIMA (Wire) - Ships sailed.")
    with slash_order(us):
        assert find_dates("on 04/06/2025")[0].start == "2025-04-06"
    assert recover_metadata("Harbour Times\n\nShips sail\n\nPosted 03/04/2025 11:00\n\n" + "Body text of the story. " * 5).published == "2025-04-03"


def test_weekday_resolved_against_article_date() -> None:
    # 2024-10-09 was a Wednesday
    assert weekday_date("The drill began on Monday.", "2024-10-09") == "2024-10-07"
    assert weekday_date("The drill began on Wednesday.", "2024-10-09") == "2024-10-09"
    assert weekday_date("The drill will begin on Monday.", "2024-10-09") == "2024-10-14"
    assert weekday_date("Ships sail next Wednesday.", "2024-10-09") == "2024-10-16"
    assert weekday_date("It ended last Wednesday.", "2024-10-09") == "2024-10-02"
    assert weekday_date("The drill began on Monday.", None) is None
    assert weekday_date("On Monday, 5 May the drill began.", "2024-10-09") is None
    x = _one("Danish and Swedish minehunters began a joint exercise in the Kattegat on Sunday.")[0]
    assert x.start == "2024-10-06"


# --- names ------------------------------------------------------------------------------------

def test_yearless_names() -> None:
    assert [h.name for h in find_names("Latvian units joined the Amber Lantern exercise on Saturday.")] == ["Amber Lantern"]
    assert [h.name for h in find_names("The Amber Lantern exercise ends on Friday.")] == ["Amber Lantern"]
    assert [h.name for h in find_names("Exercise Coral Shield began with four ships.")] == ["Exercise Coral Shield"]


def test_operation_only_when_called_an_exercise() -> None:
    assert [h.name for h in find_names("Operation Silver Fjord, a joint exercise of Norwegian and Finnish troops, began.")] == ["Operation Silver Fjord"]
    assert [h.name for h in find_names("The drills, code-named Operation Iron Meadow, began.")] == ["Operation Iron Meadow"]
    assert find_names("Operation Silver Fjord evacuated 300 civilians from the port.") == []


def test_names_in_other_languages() -> None:
    assert [h.name for h in find_names("El ejercicio Cruz del Plata 2025 comenzó con tropas de Chile.")] == ["Cruz del Plata 2025"]
    assert [h.name for h in find_names("Des navires ont participé à l'exercice Mistral Bleu en mer.")] == ["Mistral Bleu"]


def test_spanish_article_dates_and_country_names() -> None:
    assert find_dates("comenzó el 14 de octubre", 2024)[0].start == "2024-10-14"
    assert find_dates("el 14 de octubre de 2023", 2024)[0].start == "2023-10-14"
    x = _one("El ejercicio Cruz del Plata 2024 comenzó el 7 de octubre con buques de Perú y México.")[0]
    assert x.name == "Cruz del Plata 2024" and x.start == "2024-10-07"
    assert set(x.participants) == {"Peru", "Mexico"}


def test_hostile_needs_the_country_as_subject_of_the_verb() -> None:
    assert hostile("South Korea's military said it was tracking North Korean launches during the drills.") == set()
    assert hostile("Japan and China condemned the drills.") == {"China"}


def test_year_edition_codes_and_capitalised_series() -> None:
    hits = find_names("Jets flew in Red Flag-Alaska 24-1 and in RED FLAG-Alaska 24-2 later.")
    assert [(h.name, h.year) for h in hits] == [("Red Flag-Alaska 24-1", 2024), ("RED FLAG-Alaska 24-2", 2024)]
    assert hits[0].canon != hits[1].canon  # two editions of one year are two exercises
    from briefings.extract.exercise_names import series_key
    assert series_key("Red Flag-Alaska 24-1") != series_key("Red Flag-Alaska 24-2")
    assert series_key("Zapad-2021") == series_key("Zapad 2021")


def test_weekday_future_only_when_the_verb_before_it_is_future() -> None:
    # 2024-10-09 was a Wednesday: "opened on Monday" is past even if the sentence goes on in the future tense
    assert weekday_date("The allies on Monday opened drills that will run for three weeks.", "2024-10-09") == "2024-10-07"
    assert weekday_date("The drills are scheduled to start on Monday.", "2024-10-09") == "2024-10-14"
