"""Ranking: who stayed away is a key fact of an exercise report."""
import pytest

from briefings.extract.claims import features
from briefings.extract.ranking import claim_features


def _f(text: str) -> dict:
    return claim_features(text, features(text, 2025), 3, 2, 0, 0.0, False)


@pytest.mark.parametrize("text", ["Chile has not accepted the invitation.", "Peru was again absent.",
                                  "Ecuador is not contributing ships this year."])
def test_absences(text):
    assert _f(text)["absent"] == 1.0
