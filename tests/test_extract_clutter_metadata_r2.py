"""Subscription pitches, sentences that merely contain "sign up", foot bylines, state bodies' mastheads and live-blog headlines (invented pages)."""
from __future__ import annotations

import pytest

from briefings.extract.clutter import is_furniture
from briefings.extract.metadata import recover_metadata


@pytest.mark.parametrize("line", [
    "Subscribe to Harbour Review: six issues a year, print and digital.",
    "Enjoyed it? Support independent journalism on the Adriatic.",
    "Like this article? Support our journalism from the islands.",
])
def test_subscription_pitches_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    '"Oslo has said it will not sign up to a joint command, and that is unlikely to change," Berg said.',
    "Freedom Gate was first held in May 2023.",
])
def test_sentences_with_furniture_words_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


PAGE = "{head}\n\n{title}\n\nThe navy opened the drill on Monday with four frigates and two submarines in the gulf, officials said.\n\n" \
       "The drill is the largest of the year and runs until Friday, according to the organisers.\n\n" \
       "Planners said the drill would test mine clearance and convoy escort in the shallow northern waters.\n\n{foot}\n"


def test_foot_byline_with_a_place_gives_the_name() -> None:
    m = recover_metadata(PAGE.format(head="HARBOUR TIMES", title="Four navies open spring drill in the gulf",
                                     foot="Reporting by Ana Lopes in Lisbon; additional reporting by Jo Park in Seoul"))
    assert m.author == "Ana Lopes"
    m = recover_metadata(PAGE.format(head="HARBOUR TIMES", title="Four navies open spring drill in the gulf",
                                     foot="Reported by Tomas Ibarra in Valparaíso"))
    assert m.author == "Tomas Ibarra"


def test_an_exercise_record_at_the_foot_is_not_a_byline() -> None:
    m = recover_metadata(PAGE.format(head="HARBOUR TIMES", title="Four navies open spring drill in the gulf",
                                     foot="Spring Gate was first held in June 2022. The partners say it is meant to deter smuggling."))
    assert m.author is None


def test_a_ministrys_full_name_is_the_outlet() -> None:
    m = recover_metadata(PAGE.format(head="Ministry of Defence of the Republic of Estlandia\nHome > News\n2026-03-01",
                                     title="Estlandia to host the land phase of a spring exercise", foot=""))
    assert m.outlet == "Ministry of Defence of the Republic of Estlandia"
    assert m.title == "Estlandia to host the land phase of a spring exercise"


def test_a_live_blogs_labelled_headline_is_the_title() -> None:
    m = recover_metadata(PAGE.format(head="HARBOUR TIMES\nLIVE\nUpdated: 14.04.2026 14:20\nRefresh for latest updates",
                                     title="LIVE: Navy starts gulf drills, ferries diverted", foot=""))
    assert m.title == "LIVE: Navy starts gulf drills, ferries diverted"
