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
