"""Rules learnt from the third and fourth gold sets: register of judgements, comment sections and
promotions, page headers (tickers, foreign datelines, episodes, breadcrumbs), quoted and edition
names, places outside the gazetteer, shared force acronyms, and the fast cue matching.

Every sentence here is invented; none is copied from a gold file.
"""
from __future__ import annotations

import re

from briefings.extract.assessments import judge
from briefings.extract.clutter import CLUTTER, analyse
from briefings.extract.dates import find_dates, month_first_style
from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import place_spans
from briefings.extract.exercise_names import find_names, series_key
from briefings.extract.exercise_record import explicit_year
from briefings.extract.metadata import recover_metadata
from briefings.extract.resources import CueSet, Gated, lexicon, lower
from briefings.model import SourceDocument


def _doc(text: str, published: str | None = "2025-03-14"):
    return extract_document(SourceDocument(id="s1", path="s1.txt", text=text, published=published))


def _is_assessment(sentence: str) -> bool:
    return judge(sentence, None, 2).is_assessment


# --- judgements by register ---------------------------------------------------------------------

def test_analyst_verdict_reported_with_show_that_is_an_assessment() -> None:
    assert _is_assessment("Naval historian Ola Brandt told the radio station that the drill showed that the fleet had recovered.")
    assert _is_assessment("The growing size of the manoeuvres shows that trust between the two navies has deepened.")


def test_official_show_that_stays_reported_speech() -> None:
    assert not _is_assessment("A ministry spokesman said the exercise showed that the navy was ready to respond.")


def test_state_media_praise_is_an_assessment() -> None:
    assert _is_assessment("The joint training is conducive to deepening friendship between the two armies.")
    assert _is_assessment("The exercise fully embodies the high level of mutual trust between both sides.")


def test_framing_and_message_to_a_capital_are_views() -> None:
    assert _is_assessment("The real problem is the budget cycle, not the ships.")
    assert _is_assessment("It tells Moscow that the alliance can reinforce quickly.")
    assert _is_assessment("Why it mattered: the drill moved from symbolism to rehearsal.")


def test_a_quotation_sentence_is_read_whole_but_embedded_fragments_are_not() -> None:
    assert _is_assessment("\"This is a clear signal to our neighbours that the coast is defended,\" the minister said.")
    assert not _is_assessment("The spokesman said on Monday that exercises \"should not target any third party\" in the region.")


def test_conversation_is_not_opinion() -> None:
    assert not _is_assessment("The drill ended on Sunday, and I've got our correspondent on the line from Riga.")


# --- page furniture -----------------------------------------------------------------------------

def test_comment_section_is_clutter_to_the_end() -> None:
    text = ("Blog of a sailor\n\nThe flotilla sailed from Gdynia on Monday with four ships.\n\n"
            "It returned on Friday after live firing.\n\n3 thoughts on \"The flotilla\"\n\n"
            "Ann says:\nMay 2, 2025 at 9:00 am\nGreat post, the ships looked superb.\nReply\n")
    lines, kinds = analyse(text)
    after = [k for ln, k in zip(lines, kinds) if ln.text.strip() and ln.index >= 6]
    assert after and all(k == CLUTTER for k in after)
    assert not any("superb" in c.text for c in _doc(text).claims)


def test_commenter_line_above_a_date_opens_comments() -> None:
    text = ("Field notes\n\nThe brigade crossed the river at dawn on Tuesday with 40 vehicles.\n\n"
            "Piotr W. says:\n12 May 2025 at 18:02\nNot true, only one battalion crossed.\n")
    assert not any("battalion crossed" in c.text for c in _doc(text).claims)


def test_promotions_and_bracketed_lines_are_clutter() -> None:
    for line in ("Daily Harbour Premium: Subscribe for unlimited access. First month free.",
                 "Support for this podcast comes from listeners like you.",
                 "[Transcript generated automatically]",
                 "For further information contact the press office on 0100 200 300."):
        lines, kinds = analyse("Title line here\n\n" + line + "\n")
        assert kinds[2] == CLUTTER, line


def test_bio_with_retired_rank_is_clutter() -> None:
    text = ("Policy brief\n\nThe navy held the drill in March with six ships and two aircraft taking part.\n\n"
            "Capt. Lena Hoff (Retd) is a Senior Fellow at the Coastal Institute.\n")
    assert not any("Senior Fellow" in c.text for c in _doc(text).claims)


# --- page headers ----------------------------------------------------------------------------------

def test_ticker_and_foreign_dateline_are_not_titles() -> None:
    meta = recover_metadata("DAILY ANCHOR\nLAST MINUTE: Markets close higher — roads closed for race\n"
                            "Navies end joint drill off the coast\nOla Smith\n\nThe navies ended the drill on Friday, "
                            "the ministry said in a statement that gave no further details about it.\n")
    assert meta.title == "Navies end joint drill off the coast"
    meta = recover_metadata("MINISTÈRE DE LA MER\nCommuniqué\nToulon, le 3 juin 2025\n\nEnd of the exercise in the gulf\n\n"
                            "The exercise ended on Friday after ten days of training at sea for the crews involved.\n")
    assert meta.title == "End of the exercise in the gulf"
    assert meta.published == "2025-06-03"


def test_podcast_episode_gives_the_title() -> None:
    meta = recover_metadata("Harbour Talk — a podcast\nEp. 12: \"What the drill told us\"\nListen on Spotify | RSS\n"
                            "Transcript (automatic)\n\nHOST: Welcome back. The drill ended on Sunday with a parade.\n")
    assert meta.title == "What the drill told us"


def test_masthead_with_city_issue_label_and_breadcrumb_outlet() -> None:
    meta = recover_metadata("CENTRE FOR COASTAL STUDIES, LISBON\nPolicy Brief No. 7\n\nThe Atlantic Drill Reconsidered\n"
                            "Dr Ana Reis\n12 May 2025\n\nThe drill began in 1999 as a small exercise between two navies "
                            "and has grown every year since then, according to the centre.\n\n"
                            "© 2025 Centre for Coastal Studies\n")
    assert meta.title == "The Atlantic Drill Reconsidered"
    assert meta.outlet == "Centre for Coastal Studies"
    assert meta.author == "Dr Ana Reis"
    meta = recover_metadata("Harbour Press Agency › World › Defence\n\nShips gather for the spring drill\n\n"
                            "Published 2025/04/02 09:00\n\nShips gathered in the bay on Tuesday for the annual spring "
                            "drill, the navy said in a short statement to the press.\n")
    assert meta.outlet == "Harbour Press Agency"
    assert meta.published == "2025-04-02"


def test_bylines_after_posted_on_with_slash_and_at_the_foot() -> None:
    assert recover_metadata("Blog\n\nA post about drills\nPosted on March 3, 2025 by Tom Reed\n\n"
                            "The navy held a drill on Monday in the bay with three ships and a helicopter.\n").author == "Tom Reed"
    assert recover_metadata("PAPER\nA story about drills\nBy Aiko Mori / Staff Writer\nMarch 3, 2025\n\n"
                            "The navy held a drill on Monday in the bay with three ships and a helicopter.\n").author == "Aiko Mori"
    tail = recover_metadata("Ships sail for the drill\n\nThe navy held a drill on Monday in the bay with three ships "
                            "and a helicopter, officials said.\n\n(Reporting by Ana Lee and Bo Kim; Editing by Cy Tan)\n")
    assert tail.author == "Ana Lee and Bo Kim"


def test_french_and_german_dates_and_us_clock_style() -> None:
    assert [h.start for h in find_dates("Brest, le 14 juillet 2025")] == ["2025-07-14"]
    assert [h.start for h in find_dates("Kiel, 3. März 2024")] == ["2024-03-03"]
    assert month_first_style("Updated 10:30 a.m. ET\n\nShips sailed.")
    assert not month_first_style("Updated 10:30 CET\n\nShips sailed.")


# --- exercise names --------------------------------------------------------------------------------

def _names(s: str) -> list[str]:
    return [h.name for h in find_names(s)]


def test_quoted_names_with_edition_acronym_or_exercise_word() -> None:
    assert _names("The navies began the combined exercise \"Austral Wind XII\" on Monday.") == ["Austral Wind XII"]
    assert "Coastal Guardian Activity" in _names("The drill, billed as a \"Coastal Guardian Activity\" (CGA), was held on Monday.")
    assert _names("Officials praised the \"excellent cooperation\" shown.") == []


def test_two_digit_edition_when_the_text_calls_it_an_exercise() -> None:
    assert _names("The air force begins Sky Shield 24, its largest exercise, over the plains.") == ["Sky Shield 24"]
    assert _names("The Type 12 missiles fired during the exercise hit their targets.") == []


def test_turkish_capitals_and_lettered_editions() -> None:
    hits = find_names("The navies completed the bilateral exercise TURGUTREİS-IX in the Aegean.")
    assert [h.canon for h in hits] == ["Turgutreis-IX"]
    hits = find_names("The command announced Strait Thunder-2025B on Monday.")
    assert hits and hits[0].year == 2025
    assert series_key("Joint Sword-2024A") != series_key("Joint Sword-2024B")


def test_name_in_brackets_is_an_alias_of_one_exercise() -> None:
    part = _doc("Brigade news\n\nTroops join Exercise Kevad (Spring) in the north\n\n"
                "Over 900 troops are taking part in Exercise Kevad (Spring), alongside allied forces in the north.\n\n"
                "Exercise Spring ends on Friday with live firing near the town of Valga.\n")
    assert len(part.exercises) == 1


def test_treaty_year_is_not_the_exercise_year() -> None:
    assert explicit_year("The drill honours the Treaty of Peace and Friendship of 1984 between them.") is None
    assert explicit_year("The drill of 2024 honours the treaty.") == 2024


# --- places and participants ------------------------------------------------------------------------

def test_places_named_by_pattern() -> None:
    names = lambda s: [n for _, _, n in place_spans(s)]
    assert "Gulf of Varna" in names("Ships will fire in the Gulf of Varna next week.")
    assert "Kastel province" in names("The drill was held at a range in Kastel province on Monday.")
    assert "north of the Orla Peninsula" in names("Ships will fire at targets in a zone north of the Orla Peninsula.")
    assert "Kessel Ridge Training Area" in names("The brigade trained at the Kessel Ridge Training Area on Monday.")
    assert names("Jets flew from the Arnhof, Belzig and Corwen air bases.") == ["Arnhof", "Belzig", "Corwen"]
    assert names("The base lies 40 km west of Dornik.") == [] or "west of Dornik" not in names("The base lies 40 km west of Dornik.")
    assert not any("state of Indo-U" in n or n == "Indo-U" for n in names("It depended on the state of Indo-U.S. relations."))


def test_shared_force_acronym_means_the_country_the_document_names() -> None:
    text = ("Wire\n\nCambodian and Chinese troops end drill\n\nThe Chinese army and the RCAF held a joint exercise "
            "in Kampong Speu province on Monday, the Cambodian defence ministry said.\n")
    x = _doc(text).exercises
    assert x and "Canada" not in x[0].participants and "Cambodia" in x[0].participants


# --- fast cue matching gives what the plain regexes give ---------------------------------------------

def test_cue_set_and_gated_regexes_agree_with_plain_regexes() -> None:
    lex = lexicon()
    patterns = lex["assessment"]["strong"] + [p for pats in lex["estimative"].values() for p in pats]
    cues = CueSet(patterns)
    plain = [re.compile(p) for p in patterns]
    gated = Gated("|".join(f"(?:{p})" for p in lex["negation_cues"]))
    negation = re.compile("|".join(f"(?:{p})" for p in lex["negation_cues"]))
    sentences = ["Analysts say the drills are likely to grow.", "The ships sailed on Monday.",
                 "It is unclear whether Japan will join.", "We assess that the patrols will continue.",
                 "India did not take part this year.", "The pro-Russian channel called it a milestone.",
                 "Officials in Seoul declined to send ships.", "The exercise, in my view, was a success."]
    for s in sentences:
        low = lower(s)
        assert (cues.search(low) is not None) == any(p.search(low) for p in plain), s
        assert [m.span() for m in gated.finditer(low)] == [m.span() for m in negation.finditer(low)], s
