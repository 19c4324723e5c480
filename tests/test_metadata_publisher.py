"""A portal's press release names its publisher on a "From:" line; that, not the portal, is the outlet."""
from briefings.extract.metadata import recover_metadata

PAGE = """PORTAL.EXAMPLE
Home > Defence > News

Press release

Marines land on Corsica for Exercise Tidewater

From: Department for Maritime Affairs
Published 3 June 2025

Two hundred marines came ashore near Ajaccio on Tuesday, the department said.
"""


def test_from_line_names_the_publisher():
    assert recover_metadata(PAGE).outlet == "Department for Maritime Affairs"


def test_a_person_on_a_from_line_is_not_an_outlet():
    page = PAGE.replace("From: Department for Maritime Affairs", "From: Jean Dupont")
    assert recover_metadata(page).outlet != "Jean Dupont"
