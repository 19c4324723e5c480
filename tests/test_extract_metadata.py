"""Title, date, outlet and author are recovered from the page text in its many common forms."""
from __future__ import annotations

import pytest

from briefings.extract.metadata import recover_metadata

BODY = "Two navies finished a three-day drill in the Yellow Sea on Tuesday, officials said in a short statement to reporters."


@pytest.mark.parametrize("header, title, date, outlet, author", [
    ("HARBOUR GAZETTE\nHome | Navies | Opinion\nFrigates wrap up spring drill\nBy Ana Ruiz and Tom Berg\nMarch 4, 2023 7:15 AM UTC\n",
     "Frigates wrap up spring drill", "2023-03-04", "Harbour Gazette", "Ana Ruiz and Tom Berg"),
    ("Tuesday, 7 May 2024 | 10:15 WIB\n\nFrigates wrap up spring drill\n\n",
     "Frigates wrap up spring drill", "2024-05-07", None, None),
    ("The Naval Ledger\nFrigates wrap up spring drill\nWords: Kai Moana\nPublished 12 June 2021\n",
     "Frigates wrap up spring drill", "2021-06-12", "The Naval Ledger", "Kai Moana"),
    ("Frigates wrap up spring drill\nRelease date: August 9, 2022\n",
     "Frigates wrap up spring drill", "2022-08-09", None, None),
    ("Atlantic Security Review\nFrigates wrap up spring drill\nStory by Petty Officer 2nd Class Dana Cole\n05.10.2020\n",
     "Frigates wrap up spring drill", "2020-10-05", "Atlantic Security Review", "Dana Cole"),
    ("Frigates wrap up spring drill\nOur Staff Reporter\n2019-11-02 08:00\n",
     "Frigates wrap up spring drill", "2019-11-02", None, None),
])
def test_header_forms(header: str, title: str, date: str, outlet: str | None, author: str | None) -> None:
    m = recover_metadata(header + "\n" + BODY + "\n")
    assert (m.title, m.published, m.outlet, m.author) == (title, date, outlet, author)


def test_outlet_from_dateline_and_date_from_relayed_report() -> None:
    text = ("Navies agree to share charts.\nAccording to a report published on May 2, 2022, two navies agreed to share "
            "hydrographic charts and to hold a joint survey next year.\nFollow Coast Watch on Telegram\n")
    m = recover_metadata(text)
    assert m.published == "2022-05-02"
    assert m.outlet == "Coast Watch"
    text2 = "Frigates wrap up spring drill\n\nLISBON, Jun 2 (Porto Wire) – " + BODY
    assert recover_metadata(text2).outlet == "Porto Wire"


def test_author_from_bio_and_outlet_from_copyright() -> None:
    text = ("Frigates wrap up spring drill\n\n" + BODY + "\n\nMara Lind is a research fellow at the North Sea Centre.\n"
            "© 2021 Baltic Brief Ltd. All rights reserved.\n")
    m = recover_metadata(text)
    assert m.author == "Mara Lind"
    assert m.outlet == "Baltic Brief"


def test_nothing_stated_gives_none() -> None:
    m = recover_metadata(BODY)
    assert (m.published, m.outlet, m.author) == (None, None, None)
