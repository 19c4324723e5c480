"""Clutter and metadata rules for press-briefing transcripts, threads, translations, bulletins and newsletters (train10 round)."""
from __future__ import annotations

import pytest

from briefings.extract.clutter import is_furniture
from briefings.extract.metadata import recover_metadata

BODY = ("The frigate Harbour Star will join the drill off the southern cape next week, the navy said in a statement on "
        "Tuesday. About 600 sailors and four ships from three countries are due to take part in the two-week exercise.")


@pytest.mark.parametrize("line", [
    "MODERATOR: Welcome, all. We will begin with remarks and then open the floor.",
    "Moderator: Last question, please.",
    "Cite as: Roe, J. and Doe, A. (2031), Occasional Paper 4/12.",
    "Suggested citation: Harbour Institute, Working Paper 9.",
    "The following is an unofficial translation. Spelling follows the original.",
    "Machine translation. Names have not been checked.",
    "You are receiving this e-mail because you signed up to Coastal Notes.",
    "Notes for internal use only.",
    "9/ That's it from me tonight.",
    "Follow for more maps.",
    "Lisbon, Portugal — Friday, March 6, 2031",
])
def test_page_notes_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The moderator said the talks had gone well and that the drill would go ahead in May.",
    "Officials said the following is a translation of a statement by the navy chief.",
    "You are receiving this message, the admiral told the crews, because the drill starts tomorrow.",
    "The report is for internal use by the ministry, a spokesman said.",
    "Lisbon, Portugal — The navy said on Friday that four ships would join the drill.",
])
def test_sentences_are_not_page_notes(line: str) -> None:
    assert not is_furniture(line)


def test_translated_date_is_not_the_publication_date() -> None:
    page = ("GLOBAL PRESS DIGEST\nOriginal language: Polish | Translated: 2031-05-09\n\nNavy opens spring drill in the bay\n\n"
            "PORTVILLE, 2031-05-08 09:10 CET\n\n" + BODY + "\n")
    assert recover_metadata(page).published == "2031-05-08"


def test_stamp_at_the_foot_dates_a_page_with_a_relative_stamp() -> None:
    page = ("HARBOUR NEWS\n\nNavy opens spring drill in the bay\n\nUpdated 3 hours ago\n\n" + BODY + "\n\n"
            "The navy's flagship arrived in the bay on Saturday, 2 August 2031, with 300 sailors aboard.\n\n"
            + (BODY + "\n\n") * 8 + "Published Monday 4 August 2031\n")  # (a page long enough for its foot to be no header)
    assert recover_metadata(page).published == "2031-08-04"


def test_series_number_is_not_the_title() -> None:
    page = ("Harbour Institute\n\nWORKING PAPER 31/04\n\nWhat the spring drills tell us about the southern fleet\n\n"
            "Jane Roe\nMay 3, 2031\n\n" + BODY + "\n")
    assert recover_metadata(page).title == "What the spring drills tell us about the southern fleet"


def test_transcript_title_with_a_label_is_kept() -> None:
    page = ("Ministry of Harbours\n\nTRANSCRIPT: Media briefing on the spring naval drills in the bay\n\n"
            "Portville — Monday, May 4, 2031\n\n" + BODY + "\n")
    assert recover_metadata(page).title == "TRANSCRIPT: Media briefing on the spring naval drills in the bay"


def test_section_label_is_not_the_outlet() -> None:
    page = ("ANALYSIS | SEA POWER\n\nThe bay drills are bigger. The fleet is not.\n\nMay 3, 2031\n\n" + BODY + "\n\n"
            "Follow Analysis on Social\n© 2031 The Harbour Monthly\n")
    assert recover_metadata(page).outlet == "The Harbour Monthly"


def test_thread_handle_is_the_author() -> None:
    page = ("SEA WATCH\n\nA busy week in the bay\n\nAdapted by the desk from a thread by @BayWatcher\nSat 3 May 2031\n\n"
            + BODY + "\n")
    assert recover_metadata(page).author == "@BayWatcher"


def test_bulletin_reader_is_the_author() -> None:
    page = ("COAST RADIO — NEWS SCRIPT — Monday 4 May 2031\nEditor: B. Lee | Reader: Jane Roe | Duration: 3'00\"\n\n"
            "READER: Good morning. " + BODY + "\n")
    assert recover_metadata(page).author == "Jane Roe"


def test_translation_digest_outlet_is_the_source() -> None:
    page = ("WORLD PRESS DIGEST — Translations from the regional press\nSource: Harbour Press Agency (state-owned), Portville\n"
            "Original language: Polish | Translated: 2031-05-09\n\nNavy opens spring drill in the bay\n\nPORTVILLE, 2031-05-08\n\n"
            + BODY + "\n")
    assert recover_metadata(page).outlet == "Harbour Press Agency"


def test_source_line_without_translation_keeps_the_masthead() -> None:
    page = ("Harbour Defence News | English\nNavy opens spring drill in the bay\nSource: HDN  Editor: Jane Roe  2031-05-16 09:41\n\n"
            + BODY + "\n")
    assert recover_metadata(page).outlet == "Harbour Defence News"
