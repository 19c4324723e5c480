"""Clutter and metadata rules of the train13 round: pleas to share or subscribe, a bio under the byline, translation notes,
a digest's period, a state's name over its ministry, a masthead with its date, stamps and Q&A credits."""
from __future__ import annotations

import pytest

from briefings.extract.clutter import BODY, CLUTTER, HEADING, analyse, is_furniture
from briefings.extract.metadata import recover_metadata

LEAD = ("Four patrol boats from three coastal states left the harbour at Portville on Monday for a week of joint drills, the "
        "regional naval command said in a statement, with about 300 sailors taking part in boarding and rescue serials.")


def _kind(text: str, line: str) -> str:
    """The kind the clutter pass gives one line of a page."""
    lines, kinds = analyse(text)
    return next(k for ln, k in zip(lines, kinds) if ln.text.strip() == line)


@pytest.mark.parametrize("line", [
    "If you found this useful, share it with a colleague.",
    "If you enjoyed this post, please forward it to a friend.",
    "Share it with someone who follows the region.",
    "Subscribe by email to get new posts.",
    "Subscribe via RSS or e-mail.",
    "Translated from the Portuguese by the news desk. Abridged.",
    "Translated from Danish. Original: Kystposten, 2031-02-03.",
])
def test_pleas_and_translation_notes_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "If the talks fail, the drills will resume in March, the ministry said.",
    "Subscribers to the defence pact sent observers to the drill.",
    "The minister translated the treaty from Latin in 1998, officials noted.",
])
def test_sentences_like_pleas_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_name_opening_with_a_prefix_word_is_a_headline() -> None:
    assert not is_furniture("Home Guard mobilises 900 reservists for coastal readiness drill")
    assert is_furniture("Home Navies Opinion Podcasts")  # (the bare navigation word still is)


def test_a_bio_under_the_byline_is_clutter() -> None:
    page = ("The Harbour Ledger\n\nOur navy trains for parades, not for storms\n\nBy Tomas Varga\n"
            "Tomas Varga is a retired naval engineer who spent 20 years at sea.\n\nMay 3, 2031\n\n" + (LEAD + "\n\n") * 4)
    assert _kind(page, "Tomas Varga is a retired naval engineer who spent 20 years at sea.") == CLUTTER
    assert recover_metadata(page).author == "Tomas Varga"


def test_a_line_about_another_person_under_the_byline_is_kept() -> None:
    page = ("The Harbour Ledger\n\nOur navy trains for parades, not for storms\n\nBy Tomas Varga\n"
            "Admiral Lena Brook is a former fleet commander who now leads the review board.\n\n" + (LEAD + "\n\n") * 4)
    assert _kind(page, "Admiral Lena Brook is a former fleet commander who now leads the review board.") != CLUTTER


def test_a_bio_naming_a_column_is_clutter_anywhere() -> None:
    bio = "Ana Petrova is a former coast guard captain and writes a weekly column on the Baltic."
    page = "Harbour Review\n\nBaltic drills grow again\n\n" + LEAD + "\n\n" + bio + "\n\n" + (LEAD + "\n\n") * 8
    assert _kind(page, bio) == CLUTTER
    plain = "Ana Petrova is a former coast guard captain who commanded the drill in 2024."
    assert _kind(page.replace(bio, plain), plain) == BODY


def test_a_translation_note_is_no_title_and_its_original_date_dates_the_page() -> None:
    page = ("Baltic Defence Digest\nTranslated from Danish. Original: Kystposten, 2031-02-03.\n\n"
            "Reservists guard the port at short notice\n\nBy Mette Holm\n\n" + LEAD + "\n")
    meta = recover_metadata(page)
    assert meta.title == "Reservists guard the port at short notice"
    assert meta.published == "2031-02-03"
    assert recover_metadata(page.replace("Original: Kystposten, 2031-02-03", "Translated: 2031-02-05")).published != "2031-02-05"


def test_a_digest_period_is_no_publication_date() -> None:
    page = ("Coastal Press Digest — Week of 3 March 2031\n\nThree navies drill off the cape\n\n"
            "1. Harbour Times (Portville), 04/03/2031: drills begin\n\n" + LEAD + "\n")
    assert recover_metadata(page).published is None
    stamped = page.replace("Three navies", "Published 7 March 2031\n\nThree navies")
    assert recover_metadata(stamped).published == "2031-03-07"
    assert recover_metadata(page.replace(" — Week of 3 March 2031", "\n3 March 2031")).published == "2031-03-03"


def test_a_state_name_over_its_ministry_names_the_ministry() -> None:
    page = ("KINGDOM OF NORLAND\nMINISTRY OF DEFENCE — PLANNING DIRECTORATE\nRelease No. 12/2031\n\n"
            "Norland and Sudmark complete joint coastal drill\n\nPortville, 4 March 2031 — The Ministry of Defence announces " + LEAD + "\n")
    assert recover_metadata(page).outlet == "Ministry of Defence"


def test_a_masthead_with_its_date_names_the_outlet() -> None:
    page = "HARBOUR NOTES | 2031-03-04\n\nThree navies begin joint night patrol off the cape\n\n" + LEAD + "\n"
    meta = recover_metadata(page)
    assert meta.outlet == "Harbour Notes"
    assert meta.published == "2031-03-04"


def test_a_stamp_under_the_title_is_no_byline() -> None:
    page = ("Harbour Courier\nLIVE: Navies rehearse storm response along the coast\nUpdated Friday, May 9, 2031, 3:10 p.m.\n"
            "By Courier staff\n\n" + LEAD + "\n")
    assert recover_metadata(page).author is None


def test_a_qa_conducted_by_names_the_author() -> None:
    page = ("Harbour Review\n\n\"We train for the storm\": the coast guard chief on this year's drill\nQ&A conducted by Rosa Lindgren\n"
            "Sunday, 4 May 2031\n\n" + LEAD + "\n")
    assert recover_metadata(page).author == "Rosa Lindgren"
    assert _kind(page, "Q&A conducted by Rosa Lindgren") in (HEADING, CLUTTER)
