"""Text model: sentence splitting with offsets, abbreviations, quotes, datelines and arbitrary Unicode."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.extract.document import extract_document
from briefings.extract.metadata import recover_metadata
from briefings.extract.text import dateline_end, split_lines, split_sentences
from briefings.model import SourceDocument


def sentences(text: str) -> list[str]:
    out = []
    for line in split_lines(text):
        for s in split_sentences(text, line):
            assert text[s.start:s.end] == s.text
            out.append(s.text)
    return out


def test_abbreviations_and_initials_do_not_split() -> None:
    text = ("Vice Adm. R. K. Lund met the U.S. delegation on Oct. 3 at Pier No. 5 in St. Petersburg. "
            "The talks ended early.")
    assert sentences(text) == [
        "Vice Adm. R. K. Lund met the U.S. delegation on Oct. 3 at Pier No. 5 in St. Petersburg.",
        "The talks ended early.",
    ]


def test_phone_extensions_do_not_split() -> None:
    text = ("Residents who find debris should call the harbour office on 0800 4410 ext. 7 or Tel. 21 "
            "and keep away from it. Divers will collect it.")
    assert sentences(text) == [
        "Residents who find debris should call the harbour office on 0800 4410 ext. 7 or Tel. 21 "
        "and keep away from it.",
        "Divers will collect it.",
    ]


def test_sentence_ending_inside_a_closing_quote() -> None:
    text = '"We will sail at dawn," the captain said. "Nobody is worried." A second ship followed.'
    assert sentences(text) == ['"We will sail at dawn," the captain said.', '"Nobody is worried."',
                               "A second ship followed."]


def test_dateline_prefix_is_not_part_of_the_first_sentence() -> None:
    for line in ("OSLO, March 3 (Nordic Wire) – Two frigates left port on Monday for the drill.",
                 "CANBERRA — Two frigates left port on Monday for the drill.",
                 "Manila, PNA – Two frigates left port on Monday for the drill.",
                 "HAMBURG/KIEL, Jan. 9 -- Two frigates left port on Monday for the drill.",
                 "DURBAN: Two frigates left port on Monday for the drill."):
        assert sentences(line) == ["Two frigates left port on Monday for the drill."], line
    assert dateline_end("Russia – a long-standing partner – joined the drills in the end.") == 0


def test_bullet_marker_is_not_part_of_the_sentence() -> None:
    assert sentences("• Two frigates and a tanker left port on Monday") == ["Two frigates and a tanker left port on Monday"]


def test_crlf_and_blank_lines_keep_offsets() -> None:
    text = "Title line\r\n\r\nFirst fact here. Second fact here.\r\n"
    assert sentences(text) == ["Title line", "First fact here.", "Second fact here."]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_extraction_never_crashes_and_offsets_hold_for_any_unicode(text: str) -> None:
    meta = recover_metadata(text)
    doc = SourceDocument(id="s1", path="x.txt", text=text, title=meta.title, published=meta.published)
    part = extract_document(doc)
    for item in list(part.claims) + list(part.assessments):
        assert text[item.start:item.end] == item.text
        assert 0.0 <= item.score <= 1.0
    for x in part.exercises:
        for m in x.mentions:
            assert 0 <= m.start <= m.end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "The fleet sailed on Oct. 14.", "MOSCOW, May 2 – Ships from Russia and China held Joint Sea-2019 drills.",
    "“It is likely,” said Jo Lee, an analyst at the Tide Institute.", "Share on X | Email", "\u200b", "İstanbul ŞÇ", "🙂 ok.",
    "Exercise Zapad-2021 ran from 10 to 16 September in Belarus.", "\r\n", "\n", "   ", "¿Qué?",
]), max_size=12))
def test_realistic_fragments_keep_offsets(parts: list[str]) -> None:
    text = " ".join(parts)
    part = extract_document(SourceDocument(id="s1", path="x.txt", text=text))
    for item in list(part.claims) + list(part.assessments):
        assert text[item.start:item.end] == item.text


def test_colon_datelines() -> None:
    for line in ("New Delhi, March 4: Two frigates left port on Monday for the drill.",
                 "Kochi, 12 May (PTI): Two frigates left port on Monday for the drill.",
                 "KARACHI: Two frigates left port on Monday for the drill."):
        assert sentences(line) == ["Two frigates left port on Monday for the drill."], line
    assert sentences("Our take: the drill matters.") == ["Our take: the drill matters."]
