"""Page metadata of new page shapes: the outlet under the headline, in a byline or a team's credit, a newsletter's name, a press office."""
from briefings.extract.metadata import recover_metadata

BODY = ("\n\nThe navies of the two countries began a week of joint drills off the coast on Monday, the defence ministry said in a "
        "statement, with six ships and two aircraft taking part in the exercise.\n\n"
        "The drills will include gunnery and search and rescue, officials said.\n")


def test_outlet_and_section_under_the_headline():
    page = "Why the harbour drills matter more than the ministry admits\n\nCoastal Policy Institute | Analysis\nJane Roe, Senior Fellow\n2025-04-02" + BODY
    meta = recover_metadata(page)
    assert meta.title == "Why the harbour drills matter more than the ministry admits"
    assert meta.outlet == "Coastal Policy Institute"


def test_bare_outlet_line_under_the_headline():
    page = "Navies of three states open joint patrol in the strait\n\nHarbour Security Report\nBy John Doe\nTuesday, 4 March 2025" + BODY
    assert recover_metadata(page).outlet == "Harbour Security Report"


def test_a_writer_and_role_under_the_headline_is_no_outlet():
    page = "Navies of three states open joint patrol in the strait\n\nJane Roe, Defence Correspondent\n22 January 2026" + BODY
    meta = recover_metadata(page)
    assert meta.outlet is None and meta.author == "Jane Roe"


def test_outlet_between_a_bylines_pipes():
    page = "The long watch: inside the new northern patrols\n\nA year on the ice with the coast guard.\n\nBy Jane Roe | Coastal Affairs Quarterly | May 2026" + BODY
    meta = recover_metadata(page)
    assert meta.outlet == "Coastal Affairs Quarterly" and meta.author == "Jane Roe"


def test_outlet_after_a_desks_credit():
    page = "WEEKLY DIGEST: what the papers said\nTranslated and compiled by the Asia Desk, Harbour Press Monitor\n" + BODY
    meta = recover_metadata(page)
    assert meta.outlet == "Harbour Press Monitor" and meta.author is None


def test_newsletter_name_over_its_self_description():
    page = "Tides & Reefs\nA newsletter about navies in the Pacific, by Jane Roe\nIssue #12 · May 3rd, 2025\n\nThree drills and a cancellation" + BODY
    meta = recover_metadata(page)
    assert meta.outlet == "Tides & Reefs" and meta.author == "Jane Roe"


def test_a_span_in_the_header_is_no_publication_date():
    page = "DIGEST: the week at sea\nWeek of 3–9 March 2025\n" + BODY
    assert recover_metadata(page).published is None
    assert recover_metadata("DIGEST: the week at sea\nMonday, 3 March 2025\n" + BODY).published == "2025-03-03"


def test_press_office_under_a_ministry_header_is_the_outlet():
    page = ("Ministry of Defence\nPress Information Office, Government of Ruritania\nKuala Lumpur, 22 January 2026\n\n"
            "Coast guards conclude trilateral exercise off the capital" + BODY)
    meta = recover_metadata(page)
    assert meta.outlet == "Press Information Office, Government of Ruritania"
    assert meta.author is None  # (the dateline's capital is no byline)
    assert meta.title == "Coast guards conclude trilateral exercise off the capital"  # (the office's line is part of the masthead)


def test_a_capitals_dateline_under_the_headline_is_no_byline():
    page = "Navies of three states open joint patrol in the strait\nKuala Lumpur, 22 January 2026" + BODY
    assert recover_metadata(page).author is None


def test_ministry_and_state_in_capitals_and_a_department_named_for_defence():
    page = "MINISTRY OF DEFENCE — ESTONIA\nPress releases | Photo gallery | Contact\n\nTroops complete spring exercise near Tapa\n\nTallinn, 4/6/2026" + BODY
    assert recover_metadata(page).outlet.casefold() == "ministry of defence — estonia"
    page = "National Defence — Canada\nNewsroom > Releases\n\nNavy completes Arctic patrol exercise with allies\n\nOttawa, Ontario — Thursday, August 27, 2026" + BODY
    assert recover_metadata(page).outlet == "National Defence — Canada"


def test_honorific_with_a_full_stop_is_dropped_from_a_byline_and_a_bio():
    assert recover_metadata("Why the drills matter\n\nDr. Jane Roe, Senior Fellow\n2025-04-02" + BODY).author == "Jane Roe"
    assert recover_metadata("Why the drills matter\n\nDr Jane Roe, Senior Fellow\n2025-04-02" + BODY).author == "Dr Jane Roe"
    page = "Why the drills matter for the region\n\n2025-04-02" + BODY + "\nDr. Jane Roe is a senior fellow at the Harbour Institute.\n"
    assert recover_metadata(page).author == "Jane Roe"


def test_a_navigation_bar_under_the_masthead_still_comes_before_the_headline():
    page = "HARBOUR DAILY\nNews | Defence | Opinion\n\nNavies of three states open joint patrol in the strait\nBy Jane Roe\n22 January 2026" + BODY
    meta = recover_metadata(page)
    assert meta.title == "Navies of three states open joint patrol in the strait" and meta.outlet == "Harbour Daily"


HEAD = "Navies of three states open joint patrol in the strait\n\n"
TEXT = HEAD + BODY.lstrip("\n") + "\n"


def test_a_note_naming_the_original_publication_gives_the_outlet():
    assert recover_metadata(TEXT + "This article was originally published in Harbour Review.\n").outlet == "Harbour Review"
    assert recover_metadata(TEXT + "Thanks for reading The Harbour Brief! Subscribe for free.\n").outlet == "The Harbour Brief"
    assert recover_metadata(TEXT + "Harbour Review is published by Coastline Media Group.\n").outlet == "Harbour Review"
    assert recover_metadata(TEXT + "The drills were first reported by the navy.\n").outlet is None


def test_outlet_after_the_name_in_a_byline():
    page = HEAD + "By Jane Roe for Harbour Review\n3 May 2025\n" + BODY
    meta = recover_metadata(page)
    assert meta.outlet == "Harbour Review" and meta.author == "Jane Roe"
    assert recover_metadata(HEAD + "By Jane Roe, Harbour Review\n3 May 2025\n" + BODY).outlet == "Harbour Review"
    assert recover_metadata(HEAD + "By Jane Roe, Defence Correspondent\n3 May 2025\n" + BODY).outlet is None


def test_a_press_release_label_is_no_byline():
    assert recover_metadata(HEAD + "FOR IMMEDIATE RELEASE\n" + BODY).author is None


def test_each_writers_place_is_cut_from_a_credit_of_two():
    page = TEXT + "(Reporting by Jane Roe in Manila and John Doe in Port Moresby; Editing by Ann Lee)\n"
    assert recover_metadata(page).author == "Jane Roe and John Doe"


def test_a_title_case_subtitle_under_the_headline_is_no_outlet():
    page = "Navies of three states open joint patrol in the strait\n\nDefence Ministry Confirms New Drills\n22 January 2026" + BODY
    assert recover_metadata(page).outlet is None


def test_a_press_release_label_over_the_headline_is_no_masthead():
    meta = recover_metadata("FOR IMMEDIATE RELEASE\n\n" + TEXT)
    assert meta.outlet is None and meta.title == "Navies of three states open joint patrol in the strait"
    assert recover_metadata("MEDIA ADVISORY\n\n" + TEXT).outlet is None


def test_notes_naming_the_first_publication_and_end_marks_are_furniture():
    from briefings.extract.clutter import is_furniture
    assert is_furniture("Originally published in Harbour Review on 3 May 2025.")
    assert is_furniture("This article first appeared in Harbour Review.")
    assert is_furniture("Republished with permission from Harbour Review.")
    assert is_furniture("-ENDS-")
    assert not is_furniture("The drills were first published in the navy's annual plan on 3 May 2025.")


def test_an_editing_note_is_furniture_on_a_short_line_only():
    from briefings.extract.clutter import is_furniture
    assert is_furniture("This interview has been edited for length and clarity.")
    intro = ("As the drills got under way off the coast, the fleet commander spoke to us about the exercise, the region and the "
             "ships taking part this year, and about what he expects from the allies. The interview has been edited for length.")
    assert not is_furniture(intro)
