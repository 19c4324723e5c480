"""Clutter and metadata rules of the train12 round: a translation digest's notes, a tagline under the masthead, a digest
with no headline of its own, a long headline without a closing stop and a labelled byline of the newsroom's reporters."""
from __future__ import annotations

import pytest

from briefings.extract.clutter import is_furniture
from briefings.extract.metadata import recover_metadata

LEAD = ("Four patrol boats from three coastal states left the harbour at Portville on Monday for a week of joint drills, the "
        "regional naval command said in a statement, with about 300 sailors taking part in boarding and rescue serials.")


@pytest.mark.parametrize("line", [
    "Translations are unofficial. Original headlines may differ.",
    "All translations are our own.",
    "The translation is approximate.",
    "Original wording may differ.",
])
def test_translation_notes_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Translations are often disputed by the two navies, the ministry said.",
    "The original plan may differ from the final schedule of the drills, officials said.",
])
def test_sentences_about_translations_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_digest_with_tagline_and_items_is_titled_by_its_name() -> None:
    page = ("Baltic Harbour Digest\nDaily highlights from the Nordic and Baltic press\nMonday, 3 March 2031\n"
            "Compiled by the Digest desk\n\n1. Harbour Times (Portville): Patrol boats head out\n\n" + LEAD + "\n")
    assert recover_metadata(page).title == "Baltic Harbour Digest"


def test_tagline_is_skipped_for_the_headline_under_it() -> None:
    page = ("The Portville Monitor\nNews and analysis on coastal security\n\nPatrol boats head out for a week of drills\n\n"
            "By Jane Roe\n\n" + LEAD + "\n")
    assert recover_metadata(page).title == "Patrol boats head out for a week of drills"


def test_headline_like_tagline_stays_a_headline_without_masthead() -> None:
    page = "Highlights from the regional press on the patrol season\n\nBy Jane Roe\n\n" + LEAD + "\n"
    assert recover_metadata(page).title == "Highlights from the regional press on the patrol season"


def test_long_headline_without_stop_is_a_headline() -> None:
    title = 'Patrol boats at Portville, a drill off the cape that never was, and a lot of talk about "partnership"'
    page = "THE HARBOUR NOTE\nA weekly newsletter on coastal security | No. 12 | 03.03.2031\n\n" + title + "\n\nby Jane Roe\n\n" + LEAD + "\n"
    assert recover_metadata(page).title == title


def test_long_first_sentence_is_no_headline() -> None:
    first = "Patrol boats from three coastal states left Portville on Monday for a week of drills off the cape and the islands."
    page = "THE HARBOUR NOTE\nA weekly newsletter on coastal security | No. 12 | 03.03.2031\n\n" + first + "\n\n" + LEAD + "\n"
    assert recover_metadata(page).title != first


def test_our_reporters_label_names_the_byline() -> None:
    page = ("PORTVILLE EVENING STAR\nLIVE: Patrol boats head out from Portville for a week of drills\n"
            "Our reporters: Jane Roe in Portville and Jan van Dijk in Eastport\n\n" + LEAD + "\n")
    assert recover_metadata(page).author == "Jane Roe and Jan van Dijk"
