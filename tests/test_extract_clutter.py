"""Page clutter is recognised by shape and vocabulary and never reaches claims or assessments."""
from __future__ import annotations

import pytest

from briefings.extract.clutter import BODY, CLUTTER, is_furniture, line_kinds
from briefings.extract.document import extract_document
from briefings.extract.text import split_lines
from briefings.model import SourceDocument


@pytest.mark.parametrize("line", [
    "Home > Defence > Asia",
    "Home / World / Navies",
    "Politics | Business | Sport | Weather",
    "Share this page: Facebook | LinkedIn | Copy link",
    "Read more: Frigate programme slips again",
    "Read also: Port strike ends",
    "Related Articles",
    "Follow The Naval Desk on Telegram",
    "Sign up for our evening newsletter",
    "We use cookies to improve this site. Accept | Reject",
    "Photo: A landing craft near the beach. (Photo: Navy media)",
    "Main image: Sailors on deck during the drill.",
    "Copyright © 2023 Coastline Media. All rights reserved.",
    "Advertisement",
    "By Ana Ruiz",
    "14 February 2023",
    "Tags: Navy | Baltic",
    "Support our reporting from $5 a month.",
    "Correction: An earlier version misspelled the ship's name.",
    "The Northern Command, headquartered in Bergen, Norway, conducts maritime operations across the region.",
])
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line), line


@pytest.mark.parametrize("line", [
    "The frigate fired two missiles at a towed target on Tuesday, the navy said.",
    "Home-built corvettes joined the drill for the first time.",
    "Related exercises in 2022 drew fewer ships, officials said.",
])
def test_body_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line), line


def test_author_bio_and_related_list_at_the_end_are_clutter() -> None:
    text = ("Navy holds drill\n\nShips from two navies held a drill off the coast on Monday, officials said.\n"
            "The drill lasted three days and involved six ships.\n\nRelated:\n– Old port reopens\n– New tug delivered\n"
            "Jane Roe is a senior fellow at the Harbour Institute.\n")
    kinds = line_kinds(split_lines(text))
    lines = text.split("\n")
    by_text = dict(zip(lines, kinds))
    assert by_text["– Old port reopens"] == CLUTTER
    assert by_text["Jane Roe is a senior fellow at the Harbour Institute."] == CLUTTER
    italic = text.replace("Jane Roe is a senior fellow at the Harbour Institute.", "*Jane Roe is a senior fellow at the Harbour Institute.*")
    assert _kinds_by_line(italic)["*Jane Roe is a senior fellow at the Harbour Institute.*"] == CLUTTER
    assert by_text["The drill lasted three days and involved six ships."] == BODY


def test_clutter_never_becomes_a_claim_or_assessment() -> None:
    text = ("Coastline Daily\nNews | Navies | Opinion\nTwo navies finish drill\nBy Li Wei\nMay 3, 2022\n\n"
            "Two navies finished a three-day drill in the Yellow Sea on Tuesday, officials said.\n"
            "Read more: Why the drill matters\nShare on Facebook | Share on X\n"
            "Analysts said the drill was likely to be repeated.\n© 2022 Coastline Daily\n")
    part = extract_document(SourceDocument(id="s1", path="x.txt", text=text))
    texts = [c.text for c in part.claims] + [a.text for a in part.assessments]
    assert any("three-day drill" in t for t in texts)
    assert not any(t.startswith(("Read more", "Share", "©", "By ", "News |")) for t in texts)
    assert "Two navies finish drill" not in texts


@pytest.mark.parametrize("line", [
    # publication stamps: dates, times and the words "published"/"updated" of several languages, nothing else
    "Publisert 04.05.2024 kl. 09:30 | Oppdatert 04.05.2024 kl. 12:10",
    "04/05/2024 09h30 - Atualizado em 04/05/2024 12h10",
    "Publié le 4 mai 2024 à 09h30, mis à jour le 4 mai 2024 à 12h10",
    "Veröffentlicht am 4. Mai 2024, 09:30 Uhr | Aktualisiert am 4. Mai 2024, 12:10 Uhr",
    "Publicado el 4 de mayo de 2024 a las 09:30",
    "Publisert fredag 4. mai 2024 kl. 09.30",
    # a month the date reader does not know, between a day and a year
    "Publicerad 4 maj 2024 kl 09.30",
    "Pubblicato il 4 maggio 2024 alle 09:30",
    # credit lines: a byline at the foot, photo and illustration credits, in English and other languages
    "Words by Mara Lind.",
    "Words by Mara Lind. Mara Lind is the Review's Baltic editor.",
    "Photography: Coastal Navy, Harbour Air Wing, Kari Dahl.",
    "Tekst: Ola Berg  Foto: Kari Dahl / Marinen",
    "Illustration: Studio Nord",
    "Photo : Marine du Nord",
    "Words and pictures by Mara Lind",
    "Zuletzt aktualisiert: 04.05.2024, 09:30 Uhr",
    # "read also", share and advertising labels of other languages
    "Les også: Ny fregatt levert til Marinen",
    "Läs också: Ubåten tillbaka i Karlskrona",
    "Annonse",
])
def test_stamp_and_credit_lines_are_furniture(line: str) -> None:
    assert is_furniture(line), line


@pytest.mark.parametrize("line", [
    "Sailors paraded on 4 May 2024 at the harbour.",
    "The frigate was published in the register on 4 May 2024 after sea trials, officials said.",
    "Updated charts were issued to the fleet on 4 May 2024 ahead of the drill.",
    "Released 4 new frigates in 2024",
])
def test_sentences_with_dates_are_not_stamps(line: str) -> None:
    assert not is_furniture(line), line


def _kinds_by_line(text: str) -> dict[str, str]:
    return dict(zip(text.split("\n"), line_kinds(split_lines(text))))


def test_trip_disclosure_at_the_foot_is_clutter_but_not_in_the_body() -> None:
    body = "The navy held a drill off the coast on Monday with six ships, officials said."
    trip = "Mara Lind travelled to Darwin as a guest of the Northern Fleet Command."
    minister = "Defence Minister Ola Berg travelled to Darwin with the support of the regional council on Monday."
    text = "\n".join(["Navy holds drill", "", minister, "", body, "", body + " It lasted three days.", "", body, "", trip, ""])
    by_text = _kinds_by_line(text)
    assert by_text[trip] == CLUTTER
    assert by_text[minister] == BODY
    paid = "The writer's travel and accommodation were paid for by the Harbour Institute."
    assert _kinds_by_line(text.replace(trip, paid))[paid] == CLUTTER
    visit = "Defence Minister Ola Berg travelled to Darwin at the invitation of his counterpart."  # news, not a disclosure
    assert _kinds_by_line(text.replace(trip, visit))[visit] == BODY


def test_motto_under_an_office_name_is_clutter_but_a_wrapped_headline_is_not() -> None:
    text = ("Ministry of Harbours\nproud of our coasts\nCoastal drill concludes in the bay\n\n"
            "The navy held a drill off the coast on Monday with six ships, officials said.\n")
    assert _kinds_by_line(text)["proud of our coasts"] == CLUTTER
    wrapped = ("Two navies hold a drill\nnear the northern strait\n\n"
               "The navy held a drill off the coast on Monday with six ships, officials said.\n")
    assert _kinds_by_line(wrapped)["near the northern strait"] != CLUTTER


@pytest.mark.parametrize("bio", ["Ola Berg er journalist i Kystposten.", "Ana Lopes é investigadora do Instituto do Mar.",
                                 "Jean Morel est chercheur au Centre naval de Brest."])
def test_untranslated_bio_at_the_end_is_clutter(bio: str) -> None:
    text = "Navy holds drill\n\nShips from two navies held a drill off the coast on Monday, officials said.\n\n" + bio + "\n"
    assert _kinds_by_line(text)[bio] == CLUTTER
    assert _kinds_by_line(text.replace(bio, "Ola Berg said the drill ended on Tuesday."))["Ola Berg said the drill ended on Tuesday."] == BODY
