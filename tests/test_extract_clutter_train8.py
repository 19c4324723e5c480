"""Labelled link lists, contact lines, labelled captions, ministry-and-state mastheads and bylines of several names (invented pages)."""
from __future__ import annotations

import pytest

from briefings.extract.clutter import analyse, is_furniture
from briefings.extract.metadata import recover_metadata


@pytest.mark.parametrize("line", [
    'More commentary: "The quiet race for the fjords" | "Why ferries need escorts"',
    'Elsewhere in Harbour: "A pier too far" | "Salt and steel"',
    "Columns: Dockers vote to strike at the northern port | Coast road reopens after floods | A new pier for Tarvik",
    'Further reading: "Salt, steel and the inland sea"  | "What the tide tables hide?"',
])
def test_labelled_link_lists_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Update: The navy confirmed the dates on Monday. | The ferry service was delayed by two hours.",
    'The spokesman said the drill "was never about the islands" and would end on Friday.',
])
def test_lines_with_pipes_or_quotes_that_are_sentences_are_not_link_lists(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize("line", [
    "For press enquiries: newsdesk@harbour-ministry.example",
    "Seen something on the coast? Write to tips@tidewatch.example",
    "Contact: J. Marlow, press officer, j.marlow@port.example",
])
def test_short_contact_lines_with_an_email_are_furniture(line: str) -> None:
    assert is_furniture(line)


def test_a_long_sentence_that_names_an_email_is_not_furniture() -> None:
    assert not is_furniture("Residents who find debris from the live-fire range on the beaches at Kelso and Marrow Point "
                            "were asked by the regional council to report it to range@council.example rather than touch it.")


@pytest.mark.parametrize("line", [
    "[Photo] Two tugboats push a landing ship into the harbour at Tarvik on March 3. (Courtesy of the Coast Command)",
    "(Video) Divers from both navies clear a practice mine off the breakwater.",
    "[Image: sailors haul a mooring line] A frigate berths at the northern quay.",
])
def test_captions_under_a_media_label_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "(Updated) The ministry said the frigates would return to Tarvik on Friday after a week of drills.",
    "Photographs taken by residents show landing craft on the beach at dawn.",
])
def test_sentences_that_open_with_a_bracket_or_a_media_word_are_not_captions(line: str) -> None:
    assert not is_furniture(line)


BODY = "The navy opened the drill on Monday with four frigates and two submarines in the gulf, officials said.\n\n" \
       "The drill is the largest of the year and runs until Friday, according to the organisers.\n\n" \
       "Planners said the drill would test mine clearance and convoy escort in the shallow northern waters.\n"


def test_a_link_list_between_paragraphs_is_clutter_in_the_page() -> None:
    page = "Four navies open spring drill in the gulf\n\n" + BODY + '\nMore opinion: "A harbour too far" | "Ferries and frigates"\n'
    lines, kinds = analyse(page)
    assert [k for ln, k in zip(lines, kinds) if ln.text.startswith("More opinion")] == ["clutter"]


@pytest.mark.parametrize("head,outlet", [
    ("Ministry of Defence – Sultanate of Freedonia", "Ministry of Defence – Sultanate of Freedonia"),
    ("Ministry of Foreign Affairs — Republic of Estlandia", "Ministry of Foreign Affairs — Republic of Estlandia"),
    ("Ministry of Defence – Estonia", "Ministry of Defence – Estonia"),
    ("Harbour Weekly — notes on ports and the sea", "Harbour Weekly"),
    ("Harbour News – Estonia", "Harbour News"),
])
def test_a_ministrys_masthead_keeps_its_state(head: str, outlet: str) -> None:
    page = f"{head}\nPress Office | News | Releases | Contact\n\nPRESS RELEASE\n\nFour navies open spring drill in the gulf\n\n" \
           f"Tarvik, Monday 2 March 2026\n\n{BODY}"
    assert recover_metadata(page).outlet == outlet


PAGE = "HARBOUR REVIEW\n\nFour navies open spring drill in the gulf\n\n{byline}\n2 March 2026\n\n" + BODY


@pytest.mark.parametrize("byline,author", [
    ("Dr Mira Fenwick and Captain (retd) Joel Harrow", "Dr Mira Fenwick and Joel Harrow"),
    ("Cdr. Lena Sopel (RETD) and Omar Haddou", "Lena Sopel and Omar Haddou"),
    ("Nadia Korsgaard | Tomas Ilves", "Nadia Korsgaard, Tomas Ilves"),
    ("Nadia Korsgaard · Tomas Ilves · Ana Berrio", "Nadia Korsgaard, Tomas Ilves, Ana Berrio"),
])
def test_bylines_of_several_names_with_ranks(byline: str, author: str) -> None:
    assert recover_metadata(PAGE.format(byline=byline)).author == author


DATED = "HARBOUR REVIEW\n\nFour navies open spring drill in the gulf\n\n2 March 2026\n{byline}\n\n" + BODY


@pytest.mark.parametrize("byline", ["Nadia Korsgaard | Senior Reporter", "Nadia Korsgaard | 4 min read", "Nadia Korsgaard | Port Moresby"])
def test_a_name_and_a_role_or_a_reading_time_is_one_author(byline: str) -> None:
    assert recover_metadata(DATED.format(byline=byline)).author == "Nadia Korsgaard"


def test_a_labelled_copy_of_the_headline_is_not_a_claim() -> None:
    from briefings.extract.document import extract_document
    from briefings.model import SourceDocument
    text = 'Harbour Hour\nEp. 12: "The spring drill is over. What comes next?"\n\n' + BODY
    out = extract_document(SourceDocument(id="t", path="t.txt", text=text, title=None, published=None))
    assert out.claims and not any("drill is over" in c.text for c in out.claims + out.assessments)


def test_a_judgement_on_a_name_near_the_foot_is_no_bio() -> None:
    from briefings.extract.clutter import is_bio
    assert not is_bio("Steel Tide was never a big drill, but this year it looked smaller than ever.", 18, 20, tail=True)
    assert not is_bio("Harbour Guard is still the only exercise the two navies share.", 18, 20, tail=True)
    assert is_bio("Maria Olsen is a senior fellow at the Nordic Maritime Institute.", 18, 20, tail=True)
