"""Third round of page clutter and metadata rules: media-contact notes, rights notices, credits, support pleas, office and
agency mastheads, player labels, name series, newsletter mastheads, interview credits and year-less wire datelines."""
import pytest

from briefings.extract.clutter import is_furniture
from briefings.extract.metadata import recover_metadata

BODY = ("The frigates sailed from the harbour at dawn and spent the day practising boarding drills, "
        "air defence serials and replenishment at sea with a tanker from the host nation, officials said.")


@pytest.mark.parametrize("line", [
    "Reporters wishing to attend the landing should contact the Fleet Press Office.",
    "Members of the media may contact the Coastal Command press desk for accreditation.",
    "For media enquiries, call the duty press officer.",
    "All rights of this broadcaster are reserved.",
    "Reproduction of our articles is permitted only with a link to the original.",
    "Interview by Jane Roe.",
    "Edited by John Smith",
    "Interview by Jane Roe. Jane Roe writes about naval affairs for Harbour Review.",
    "Liked this post? Tell a friend about the blog.",
    "Buy me a coffee if you like my writing.",
    "Support this blog on Patreon.",
])
def test_notices_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Journalists said the ministry should contact the families before the drill.",
    "The navy reserved the right to extend the drill into next week.",
    "Use of the range is prohibited while the live-fire serial runs.",
    "Conducted by NATO, the drill drew forty ships from eleven navies.",
    "Like this year's drill, the next edition will be held off the northern coast.",
    "Produced by the shipyard in 2019, the corvette joined the exercise for the first time.",
])
def test_body_sentences_are_not_notices(line):
    assert not is_furniture(line)


def test_player_label_is_not_the_title():
    page = ("CHANNEL NINE NEWS\nNation | World | Sport\nLIVE: Watch the Harbour Nightly Bulletin\n\n"
            "Navies open Coral Shield drill off the northern cape\n\nBy Jane Roe\n3 May 2024\n\n" + BODY + "\n")
    assert recover_metadata(page).title == "Navies open Coral Shield drill off the northern cape"


def test_office_suffix_after_masthead_dash():
    page = ("FLEET COMMAND SOUTH - PUBLIC AFFAIRS OFFICE\nHome | Releases | Contact\n2024-05-03\n\n"
            "Coral Shield 24 begins off the northern cape\n\n"
            "PORT ALBA - Fleet Command South opened the drill today with ships from four nations, officials said at the pier.\n")
    meta = recover_metadata(page)
    assert meta.outlet == "Fleet Command South"
    assert meta.title == "Coral Shield 24 begins off the northern cape"


def test_agency_masthead_with_acronym_and_service():
    page = ("Coral Sea News Agency (CSNA) - English Service\nMain page / Defence\n03.05.2024 - 11:20\n\n"
            "Joint naval drill of three navies begins off the southern port\n\n" + BODY + "\n")
    meta = recover_metadata(page)
    assert meta.outlet == "Coral Sea News Agency"
    assert meta.title == "Joint naval drill of three navies begins off the southern port"


def test_blog_tagline_masthead():
    page = ("Harbour Lantern - a blog about naval affairs in the Baltic\nHome | Archive | About\n\n"
            "Notes from the pier at the spring drill\n\nPosted on May 3rd, 2024 by Jane Roe\n\n" + BODY + "\n")
    assert recover_metadata(page).outlet == "Harbour Lantern"


def test_numbered_masthead_without_online_label():
    page = ("CHANNEL 9 NEWS ONLINE\nNation | World | Sport\n\nNavies open Coral Shield drill off the northern cape\n\n"
            "By Jane Roe\n3 May 2024\n\n" + BODY + "\n")
    assert recover_metadata(page).outlet == "Channel 9 News"


def test_three_author_byline_keeps_every_name():
    page = ("Navies open Coral Shield drill off the northern cape\n\nBy Anna Kowal, Peter Brandt and Maria dela Rosa\n"
            "3 May 2024\n\n" + BODY + "\n")
    assert recover_metadata(page).author == "Anna Kowal, Peter Brandt and Maria dela Rosa"


def test_newsletter_masthead_and_tagline_byline():
    page = ("Subject: Three drills and a surprise: this week at sea\n\nTHE BALTIC BEACON\nIssue #12 | Friday, 3 May 2024\n"
            "Your weekly read on Baltic security - by Jane Roe\n\nHello readers,\n\n" + BODY + "\n")
    meta = recover_metadata(page)
    assert meta.outlet == "The Baltic Beacon"
    assert meta.author == "Jane Roe"


def test_interview_credit_and_bio_at_the_foot():
    page = ("Harbour Review > Interviews\n\n\"The strait is the key\": a retired admiral on the spring drill\n\nMay 3rd, 2024\n\n"
            + ("Q: What happens next?\n\nA: " + BODY + "\n\n") * 6
            + "Interview by Jane Roe. Jane Roe covers defence in the Baltic for Northern Naval Review.\n")
    meta = recover_metadata(page)
    assert meta.author == "Jane Roe"
    assert meta.outlet == "Northern Naval Review"


def test_yearless_dateline_takes_the_year_named_most():
    page = ("Navies open Sea Shield-2025 drills off the coast\n\n"
            "VILNIUS, March 4 (Baltic Wire) - Ships from four navies began the Sea Shield-2025 drill on Tuesday in the waters off the southern coast, with minehunters and patrol aircraft, officials said.\n\n"
            "The 2019 edition was smaller. Sea Shield-2025 ends on Friday.\n")
    assert recover_metadata(page).published == "2025-03-04"


def test_yearless_dateline_needs_a_year_named_twice():
    page = ("Navies open spring drills off the coast\n\n"
            "VILNIUS, March 4 (Baltic Wire) - Ships from four navies began the spring drill on Monday in the waters off the southern coast, with minehunters and patrol aircraft, officials said.\n\n"
            "The corvette was commissioned in 2019.\n")
    assert recover_metadata(page).published is None


def test_headline_with_a_dash_clause_is_no_masthead():
    page = "Coral Shield drills - a magazine of threats for the region?\n\nBy Jane Roe\n3 May 2024\n\n" + BODY + "\n"
    assert recover_metadata(page).title == "Coral Shield drills - a magazine of threats for the region?"
