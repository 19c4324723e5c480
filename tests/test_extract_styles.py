"""General rules learnt from train5's page styles, checked on made-up snippets (no gold sentence is used).

Parliamentary records, forum threads, translated pages, think-tank commentaries, interviews, wire copy and
dailies with bylines at the foot: their headers, furniture and register.
"""
from __future__ import annotations

import pytest

from briefings.extract.assessments import judge
from briefings.extract.clutter import BODY, CLUTTER, is_furniture, line_kinds
from briefings.extract.document import extract_document
from briefings.extract.exercise_names import find_names
from briefings.extract.exercise_refs import find_phrases
from briefings.extract.metadata import recover_metadata
from briefings.extract.text import split_lines
from briefings.model import SourceDocument

BODY_TEXT = ("Two navies finished a three-day search-and-rescue drill off the northern coast on Tuesday, "
             "officials said in a short statement to reporters in the capital.")


def _kinds(text: str) -> list[str]:
    """The kind of every line of `text`."""
    return line_kinds(split_lines(text))


@pytest.mark.parametrize("line", [
    "Lo más leído", "Mais lidas", "Most Viewed", "Te puede interesar: Frigate returns to port after spring manoeuvres",
    "Leia também: Harbour gets a new crane", "Etiquetas: Armada, Fragatas", "Mod note: no politics here, please.",
    "All times are GMT +1. The time now is 10:41.", "Sent from my phone using an app",
    "Contains public sector information licensed under the Open Government Licence v3.0.",
    "This answer was corrected on 3 May 2024.", "The views expressed are the author's own.",
    "editor@example.org", "www.example.org/defence", "Photo 3 of 12", "Buy a print of this picture",
    "Story continues below advertisement", "The Example Wire contributed to this report.",
    "(Text translated from Spanish)", "Última actualización: 4 de marzo de 2024", "Foto: Armada", "Temas relacionados",
])
def test_furniture_of_other_styles(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The frigate was powered by two diesel engines and sailed at dawn.",
    "The drills do not represent the full strength of the fleet, the admiral said.",
    "LISBON, May 3 (Reuters) - Two navies began a week of drills off the Portuguese coast on Friday, officials said.",
])
def test_body_lines_stay_body(line: str) -> None:
    assert not is_furniture(line)


def test_numbered_list_under_a_foreign_most_read_header_is_clutter() -> None:
    text = BODY_TEXT + "\n\nLo más leído\n1. Harbour gets a new crane\n2. Budget talks resume\n"
    assert _kinds(text)[2:5] == [CLUTTER, CLUTTER, CLUTTER]


def test_paragraph_under_an_about_heading_is_a_bio() -> None:
    text = BODY_TEXT + "\n\nAbout the interviewee\n\nRear Admiral (retd) Jo Bloggs served 30 years at sea.\nShe now teaches strategy.\n\n" + BODY_TEXT
    kinds = _kinds(text)
    assert kinds[2] == kinds[4] == kinds[5] == CLUTTER
    assert kinds[7] == BODY


@pytest.mark.parametrize("header, title, date, outlet, author", [
    # a parliamentary record: the heading over "Question for ...", the answer's date, the members are no bylines
    ("Skip to main content\nNational Parliament\nHome > Written questions > Defence\n\nMaritime Drills\n\n"
     "Question for Ministry of Defence\nUIN 1234, tabled on 3 March 2024\n\nAsked by Jo Bloggs (Independent, Eastshire)\n\n"
     "To ask the Secretary of State for Defence, which ships took part in spring drills.\n\nAnswered on 9 March 2024\n"
     "Answered by Sam Roe, Minister for the Armed Forces\n\n",
     "Maritime Drills", "2024-03-09", "National Parliament", None),
    # a forum thread: "Thread:" is furniture, a rank is no name
    ("Harbour Talk Forums › Navies › Europe\n\nThread: Frigates back from the spring drill\n\nStarted by old_salt, 4 Mar 2024\n\n#1\n"
     "old_salt\nSenior Member\nJoin Date: May 2010 · Posts: 1,234\n4 Mar 2024, 10:00\n\n",
     "Frigates back from the spring drill", "2024-03-04", "Harbour Talk Forums", None),
    # a Spanish byline, and a newsroom that is no person
    ("LA GACETA NAVAL\nInicio › Defensa\n\nFrigates wrap up spring drill\n\nPublicado el 4 de marzo de 2024\nPor José Ñúñez Peña\n\n",
     "Frigates wrap up spring drill", "2024-03-04", "La Gaceta Naval", "José Ñúñez Peña"),
    ("DIÁRIO DO PORTO\n\nFrigates wrap up spring drill\n\nPublicado em 04/03/2024 às 10:00\nPor Redacção\n\n",
     "Frigates wrap up spring drill", "2024-03-04", "Diário Do Porto", None),
    # a series label and a programme line are not the title or the author
    ("Centre for Harbour Studies\n\nHarbour Commentary No. 7/2024\nNaval Affairs Programme\n\nFrigates wrap up spring drill\n\nAna Ruiz\n4 March 2024\n\n",
     "Frigates wrap up spring drill", "2024-03-04", "Centre for Harbour Studies", "Ana Ruiz"),
    # a role after the name; an edition after the masthead
    ("THE PORT TIMES ENGLISH EDITION\n\nFrigates wrap up spring drill\n\nBy Lee Min-su Staff reporter\nPosted : 2024-03-04 10:00\n\n",
     "Frigates wrap up spring drill", "2024-03-04", "The Port Times", "Lee Min-su"),
    # a format label is no masthead; a newsletter's issue line is no title
    ("PHOTO ESSAY\n\nLife aboard a frigate on the spring drill\n\n12 May 2024\n\n",
     "Life aboard a frigate on the spring drill", "2024-05-12", None, None),
    ("The Sea Brief — Issue #42\n\nFrigates wrap up spring drill\n\nBy Ana Ruiz\nMarch 4, 2024\n\n",
     "Frigates wrap up spring drill", "2024-03-04", None, "Ana Ruiz"),
    # a wire's name after a byline; a dotted year-first date; a name among the parts of a date line
    ("Frigates wrap up spring drill\n\nBy JOHN ROE Associated Press\nMarch 4, 2024\n\n",
     "Frigates wrap up spring drill", "2024-03-04", None, "JOHN ROE"),
    ("Frigates wrap up spring drill\n\nBy Park Ji-woo\nPublished 2024.03.04. 10:00\n\n",
     "Frigates wrap up spring drill", "2024-03-04", None, "Park Ji-woo"),
    ("Frigates wrap up spring drill\nMarch 4, 2024 | Jane Doe, Senior Editor\n\n",
     "Frigates wrap up spring drill", "2024-03-04", None, "Jane Doe"),
    # a region label over the headline is no masthead; the wire in the dateline is the outlet
    ("Asia Pacific\nFrigates wrap up spring drill\n\nLISBON, March 4 (Reuters) - ",
     "Frigates wrap up spring drill", None, "Reuters", None),
])
def test_header_styles(header: str, title: str, date: str | None, outlet: str | None, author: str | None) -> None:
    m = recover_metadata(header + BODY_TEXT + "\n")
    assert (m.title, m.published, m.outlet, m.author) == (title, date, outlet, author)


def test_byline_at_the_foot_with_a_desk() -> None:
    text = "Frigates wrap up spring drill\n\n" + BODY_TEXT + "\n\n(Reporter: Aiko Mori, Osaka Bureau)\n"
    assert recover_metadata(text).author == "Aiko Mori"


def test_copyright_heading_does_not_run_into_the_next_line() -> None:
    text = "Frigates wrap up spring drill\n\n" + BODY_TEXT + "\n\nSite Copyright\nContains Public information for reuse.\n"
    assert recover_metadata(text).outlet != "Contains Public"


@pytest.mark.parametrize("sentence", [
    "The Ministry judges that the trials proved the new radar works at long range.",
    "In the Government's view, sending an observer was the sensible choice.",
    "Its choice of partners says as much about its diplomacy as about its navy.",
    "The sail-past was more spectacle than training.",
    "The timing of the drill was deliberate.",
    "This drill is less about gunnery than about politics.",
    "The patrol is best understood as a message to the neighbours.",
    "The risk is that the other side reads the drill as a threat.",
    "The capital will read the manoeuvres as a provocation.",
])
def test_institutional_and_evaluative_judgements_are_assessments(sentence: str) -> None:
    assert judge(sentence, None, 2).is_assessment


def test_plain_future_sightings_stay_claims() -> None:
    assert not judge("The ships will see the islands as they sail past on Monday.", None, 3).is_assessment


def test_for_speaker_quotation_is_read_whole_and_announced_plans_stay_claims() -> None:
    assert judge('For the fleet commander, Rear Admiral Jo Bloggs, "the drill shows that the navy can fight at night."', None, 3).is_assessment
    assert not judge("The Navy also announced that the port should host the next phase of the drill in May.", None, 3).is_assessment


def test_related_link_and_list_give_no_exercise() -> None:
    text = ("Frigates wrap up spring drill\n\n" + BODY_TEXT + "\n\n"
            "Te puede interesar: The carrier returns home after the Iron Gate 2023 manoeuvres\n")
    ex = extract_document(SourceDocument(id="s1", path="x.txt", text=text)).exercises
    assert all((e.name or "") != "Iron Gate 2023" for e in ex)


def test_roman_edition_named_in_an_appositive_and_a_fleet_is_no_name() -> None:
    names = [h.name for h in find_names("The navy said Harbor Guard VII, a naval exercise with two neighbours, has been cancelled.")]
    assert names == ["Harbor Guard VII"]
    assert find_names("The Northern Fleet exercise is part of preparations for the autumn.") == []


def test_written_question_ranks_below_its_answer() -> None:
    text = ("Maritime Drills\n\nQuestion for Ministry of Defence\n\n"
            "To ask the Secretary of State for Defence, whether HMS Example took part in spring drills in 2024.\n\n"
            "HMS Example took part in the spring drills off Gibraltar from 3 to 9 May 2024 with three allied frigates.\n")
    claims = extract_document(SourceDocument(id="s1", path="x.txt", text=text)).claims
    top = max(claims, key=lambda c: c.score)
    assert top.text.startswith("HMS Example took part")


def test_patrol_aircraft_is_no_patrol() -> None:
    assert find_phrases("The navy fielded a frigate and a maritime patrol aircraft.", []) == []
    assert len(find_phrases("The two coast guards held a joint patrol near the island.", [])) == 1
