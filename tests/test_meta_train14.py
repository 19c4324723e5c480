"""Clutter and metadata rules of the train14 round: a writer's note and disclaimer, a podcast's pleas, a terse reuse notice,
a page's credit at its foot, a show's host and air date, a blog's or podcast's masthead, a press review's tagline,
a digest of several sources and a wire dateline without a year."""
from __future__ import annotations

import pytest

from briefings.extract.clutter import credit_name, is_furniture
from briefings.extract.metadata import recover_metadata

LEAD = ("Four patrol boats from three coastal states left the harbour at Portville on Monday for a week of joint drills, the "
        "regional naval command said in a statement, with about 300 sailors taking part in boarding and rescue serials.")
MORE = ("The boats practised boarding a suspect trawler, towing a disabled vessel and searching for a sailor overboard, and a "
        "maritime patrol aircraft flew overhead on two of the days, according to the command's spokesman.")


@pytest.mark.parametrize("line", [
    "The writer is a former air force officer who served two tours on the border.",
    "The author is an associate professor of strategic studies at a university in Portville.",
    "Views are personal.",
    "All opinions my own.",
    "Opinions are strictly personal.",
    "Catch the whole conversation in your favourite podcast app.",
    "Please leave us a review if you liked the show!",
    "Hear the full episode on our website.",
    "Republication without prior permission prohibited.",
    "Reproduction with credit only.",
    "Bulletin compiled by Jana Novak.",
    "This issue was edited by Tom Berger. Reuse with attribution only.",
])
def test_writer_notes_pleas_notices_and_credits_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The writer is right that the drills matter more than the parades, the minister said.",
    "Their views differ on the drills, the diplomat said.",
    "Reproduction of the old fort's cannon took two years, the museum said.",
    "The report compiled by the alliance, officials said, found gaps in air defence.",
    "The episode ended when the boats returned to port on Friday.",
])
def test_sentences_like_notes_and_credits_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_credit_line_names_its_compiler() -> None:
    assert credit_name("Briefing prepared by Lena Ahmadi.") == "Lena Ahmadi"
    assert credit_name("Briefing prepared by the staff of the command, which said ...") is None


def test_a_digests_credit_at_the_foot_is_its_author() -> None:
    body = "\n\n".join([LEAD, MORE] * 6)  # (a page of some length: the credit is far below the header)
    page = f"Harbour security this week\n\n{body}\n\nRoundup compiled by Lena Ahmadi. Reuse with attribution only.\n"
    assert recover_metadata(page).author == "Lena Ahmadi"


def test_a_podcasts_host_and_air_date() -> None:
    page = ("Coastal Watch Podcast — episode notes\n"
            "Episode 9: \"Why small navies drill together\" — a talk with Dr. Omar Haddad\n"
            "Aired Tuesday, March 3, 2026\nHost: Lena Ahmadi\n\n"
            f"LENA AHMADI: {LEAD}\n\nOMAR HADDAD: {MORE}\n")
    meta = recover_metadata(page)
    assert meta.outlet == "Coastal Watch Podcast"
    assert meta.author == "Lena Ahmadi"
    assert meta.published == "2026-03-03"
    assert not is_furniture("Host Nation Support teams unloaded the ships at Portville on Monday.")


def test_a_host_without_its_label_is_no_byline() -> None:
    page = f"Host Nation Support | Exercise Notes: Week 9\nCoastal states end joint drills\n\n{LEAD}\n\n{MORE}\n"
    assert recover_metadata(page).author is None  # ("Host" without its colon names no one)


def test_a_blogs_masthead_names_the_outlet_and_writer() -> None:
    page = ("Letters from the Delta | a blog by Tomás Ferreira Lima\nHome · Archive · About\n\n"
            "Boats, mud and radios: a week on the river\nMonday, 2 March 2026\n\n"
            f"{LEAD}\n\n{MORE}\n")
    meta = recover_metadata(page)
    assert meta.outlet == "Letters from the Delta"
    assert meta.author == "Tomás Ferreira Lima"
    assert meta.title == "Boats, mud and radios: a week on the river"


def test_a_press_reviews_tagline_is_not_its_headline() -> None:
    page = ("NORTH SEA PRESS REVIEW\nSelected stories from the Danish, Dutch and German-language press, translated by our editors\n"
            "No. 12 – 6 March 2026\nThree navies, one minefield: the week's North Sea security news\n\n"
            "1. Danish and Dutch minehunters clear a wartime field\nSource: Kystposten (Esbjerg). Translated from Danish.\n\n"
            f"{LEAD}\n\n2. German frigate joins late\nSource: Nordkurier (Kiel). Translated from German.\n\n{MORE}\n")
    meta = recover_metadata(page)
    assert meta.title == "Three navies, one minefield: the week's North Sea security news"
    assert meta.outlet == "North Sea Press Review"  # (a digest of several sources: the masthead, not the first source)


def test_a_yearless_dateline_takes_the_year_of_an_editions_name() -> None:
    lead = ("PORTVILLE, Mar. 3 (Harbour Wire) - Troops from three coastal states on Monday ended a week of joint drills, "
            "the defence ministry said, in what officials called the largest edition so far of the series.")
    second = "About 900 soldiers took part in Coastal Guard 2026, which began on February 23 at the northern range."
    past = "The flotilla's flagship, a corvette, was commissioned in 2019 after long delays, the ministry said."
    assert recover_metadata(f"Coastal states end joint drills\n\n{lead}\n\n{second}\n").published == "2026-03-03"
    assert recover_metadata(f"Coastal states end joint drills\n\n{lead}\n\n{past}\n").published is None  # (a past fact's year)
