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


# Bylines, stamps and mastheads in the styles of other newsrooms (each a general rule; the text is invented).
@pytest.mark.parametrize("text, author", [
    # a credits line at the foot: "Words by", and a label of another language cut at the photo credit
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nWords by Mara Lind. Mara Lind is the Review's Baltic editor.\n", "Mara Lind"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nTekst: Ola Berg  Foto: Kari Dahl / Marinen\nDel artikkelen: X | E-post\n", "Ola Berg"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nTexto: Ana Lopes | Fotos: Rui Sá\n", "Ana Lopes"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nTexte : Jean Morel\n", "Jean Morel"),  # French spacing before the colon
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nWords and pictures by Mara Lind\n", "Mara Lind"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nBy Mara Lind\nShare: X | Email\n", "Mara Lind"),
    ("Frigates wrap up spring drill\nAv Ola Berg\n\n" + BODY + "\n", "Ola Berg"),  # a Norwegian "by" under the headline
    # a byline in capitals with a role, set after the first paragraph, in the name's usual case
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nOLA BERG, Naval Correspondent\n\n" + BODY + "\n\n" + BODY + "\n", "Ola Berg"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nKARI DAHL Senior Defence Reporter\n\n" + BODY + "\n", "Kari Dahl"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nBy Kari Dahl\n\n" + BODY + "\n", "Kari Dahl"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nKari Dahl | Senior Reporter\n\n" + BODY + "\n", "Kari Dahl"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nANA O'NEILL-BRANDT and KIM HA-EUN, Staff Reporters\n\n" + BODY + "\n",
     "Ana O'Neill-Brandt and Kim Ha-eun"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nReporting: Mara Lind; Editing: Ola Berg\n", "Mara Lind"),
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\n*Mara Lind is a fellow at the Harbour Institute.*\n", "Mara Lind"),  # in italics
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nOla Berg er journalist i Kystposten.\n", "Ola Berg"),  # an untranslated bio
    # a biography with its heading on the same line is the only byline
    ("Frigates wrap up spring drill\n\n" + BODY + "\n\nAbout the author: Mara Lind is a fellow at the Harbour Institute.\nShare: X | Email\n",
     "Mara Lind"),
    # a byline that closes a dateline
    ("Frigates wrap up spring drill\n4 May 2024\nTromsø, 4 May – By Ola Berg\n\n" + BODY + "\n", "Ola Berg"),
])
def test_bylines_of_other_styles(text: str, author: str) -> None:
    assert recover_metadata(text).author == author


def test_a_heading_in_capitals_after_the_first_paragraph_is_no_byline() -> None:
    text = "Frigates wrap up spring drill\n\n" + BODY + "\n\nNAVAL POWER SHIFTS\n\n" + BODY + "\n"
    assert recover_metadata(text).author is None


@pytest.mark.parametrize("header, title, date, outlet", [
    # a masthead with an edition label after a dash, and a publication stamp in Norwegian over the headline
    ("KYSTEN BLAD – English edition\nNyheter | Forsvar | Meninger\nPublisert 04.05.2024 kl. 09:30 | Oppdatert 04.05.2024 kl. 12:10\n\n"
     "Frigates wrap up spring drill\n\n", "Frigates wrap up spring drill", "2024-05-04", "Kysten Blad"),
    ("Kysten Blad (English)\nFrigates wrap up spring drill\n4 May 2024\n\n", "Frigates wrap up spring drill", "2024-05-04", "Kysten Blad"),
    # an outlet with accents and a joining word, its edition after a bar; a Portuguese stamp
    ("Jornal do Estuário | English Service\nInício > Defesa\n04/05/2024 09h30 - Atualizado em 04/05/2024 12h10\n\n"
     "Frigates wrap up spring drill\n\n", "Frigates wrap up spring drill", "2024-05-04", "Jornal do Estuário"),
    # a German and a French stamp line are not the headline
    ("Frigates wrap up spring drill\nVeröffentlicht am 4. Mai 2024, 09:30 Uhr\n\n", "Frigates wrap up spring drill", "2024-05-04", None),
    ("Publié le 4 mai 2024 à 09h30, mis à jour le 4 mai 2024 à 12h10\n\nFrigates wrap up spring drill\n\n",
     "Frigates wrap up spring drill", "2024-05-04", None),
])
def test_stamps_and_mastheads_of_other_languages(header: str, title: str, date: str, outlet: str | None) -> None:
    m = recover_metadata(header + BODY + "\n")
    assert (m.title, m.published, m.outlet) == (title, date, outlet)


def test_government_release_names_its_issuing_office_as_outlet() -> None:
    # the ministry's header and its motto are not the headline; the office in the stamp is the outlet, not an author
    text = ("Ministry of Harbours\nproud of our coasts\nCoastal drill concludes in the bay\n"
            "Posted On: 04 MAY 2024 3:10PM by PIB Chennai\n\n" + BODY + "\n")
    m = recover_metadata(text)
    assert (m.title, m.published, m.outlet, m.author) == ("Coastal drill concludes in the bay", "2024-05-04", "PIB Chennai", None)


def test_a_blog_stamp_by_a_person_is_a_byline() -> None:
    text = "Frigates wrap up spring drill\nPosted on 4 May 2024 by Mara Lind\n\n" + BODY + "\n"
    m = recover_metadata(text)
    assert (m.outlet, m.author) == (None, "Mara Lind")


def test_a_stamp_under_the_standfirst_closes_the_header() -> None:
    standfirst = ("The two navies say the drill was the largest of its kind this year, with ships, aircraft and divers "
                  "from both sides taking part.")
    text = ("Frigates wrap up spring drill\n" + standfirst + "\nVeröffentlicht am Dienstag, 4. Mai 2024, 09:30 Uhr\nVon Ola Berg\n\n"
            + BODY + "\n")
    m = recover_metadata(text)
    assert (m.published, m.author) == ("2024-05-04", "Ola Berg")
