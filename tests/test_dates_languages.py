"""Dates written day first in other languages (month names from briefings/data/months.yaml)."""
import pytest

from briefings.extract.dates import find_dates


@pytest.mark.parametrize("text, iso", [
    ("Publicado em 4 de março de 2024", "2024-03-04"),
    ("Pubblicato il 7 maggio 2024", "2024-05-07"),
    ("Gepubliceerd op 9 maart 2025", "2025-03-09"),
    ("Publisert 4. mars 2026 kl. 08:14", "2026-03-04"),
    ("Opublikowano 3 marca 2024", "2024-03-03"),
    ("Diterbitkan 12 Mei 2025", "2025-05-12"),
    ("Yayın tarihi: 4 Mart 2025", "2025-03-04"),
    ("le 14 mai 2025", "2025-05-14"),
    ("am 3. März 2024", "2024-03-03"),
    ("el 5 de mayo de 2023", "2023-05-05"),
])
def test_day_month_year_in_other_languages(text, iso):
    assert [h.start for h in find_dates(text)] == [iso]


def test_english_dates_unchanged():
    assert [h.start for h in find_dates("on 5 May 2023 and March 4, 2024")] == ["2023-05-05", "2024-03-04"]
