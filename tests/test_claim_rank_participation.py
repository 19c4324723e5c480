"""Ranking: who stayed away, who only watched and what the exercise consists of are key facts of an exercise report."""
import pytest

from briefings.extract.claims import features
from briefings.extract.ranking import claim_features


def _f(text: str) -> dict:
    return claim_features(text, features(text, 2025), 3, 2, 0, 0.0, False)


@pytest.mark.parametrize("text", ["Chile has not accepted the invitation.", "Peru was again absent.",
                                  "Ecuador is not contributing ships this year."])
def test_absences(text):
    assert _f(text)["absent"] == 1.0


@pytest.mark.parametrize("text", ["Kenya sent two officers to observe the landings.", "Fiji and Tonga were invited as observers."])
def test_observers(text):
    assert _f(text)["observing"] == 1.0


def test_programme():
    assert _f("Planned serials include mine clearance, boarding drills and a gunnery shoot.")["programme"] == 1.0
    assert _f("The ships arrived in port on Monday.")["programme"] == 0.0
