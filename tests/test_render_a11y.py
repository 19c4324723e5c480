"""Accessibility of the HTML (and so the PDF): lang, heading order, table headers, figure text,
colour contrast (WCAG 2 AA, 4.5:1 for text)."""
from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.render import timeline_svg as tl  # noqa: E402
from briefings.render.env import PACKAGED_TEMPLATES, make_env  # noqa: E402
from briefings.render.html import render_html  # noqa: E402

ENV = make_env([])
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def doc_of(b=None):
    return lxml_html.document_fromstring(render_html(b or sample_briefing(), ENV))


def heading_levels(doc) -> list[int]:
    return [int(el.tag[1]) for el in doc.iter() if isinstance(el.tag, str) and el.tag in HEADINGS]


def with_text_section(text: str):
    b = sample_briefing()
    return dataclasses.replace(b, sections=tuple(
        dataclasses.replace(s, text=text) if s.kind == "text" else s for s in b.sections))


def assert_headings_in_order(levels: list[int]) -> None:
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading skips from h{before} to h{after}: {levels}"


def test_lang_is_set_from_the_briefing():
    assert doc_of().get("lang") == "en"
    assert doc_of(sample_briefing(lang="ru")).get("lang") == "ru"


@pytest.mark.parametrize("text", ["Plain scope note.", "# Scope\n\n## Detail\n\ntext",
                                  "## Only a second level\n\n### and a third"])
def test_headings_are_in_order_without_skips(text):
    doc = doc_of(dataclasses.replace(with_text_section(text), warnings=("a note",)))
    assert_headings_in_order(heading_levels(doc))


def test_every_table_header_has_a_scope_and_every_table_a_head():
    doc = doc_of()
    tables = doc.findall(".//table")
    assert tables
    for table in tables:
        assert table.find("thead") is not None
        ths = list(table.iter("th"))
        assert ths and all(th.get("scope") in ("col", "row") for th in ths)
        assert all(th.get("scope") == "row" for tr in table.find("tbody") for th in tr.iter("th"))


def test_timeline_figure_has_alt_text_and_is_described_in_text():
    doc = doc_of()
    figure = doc.find_class("timeline-figure")[0]
    svg = figure.find("svg")
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    title, desc = (doc.get_element_by_id(i) for i in ids)
    assert title.tag == "title" and title.text.strip()
    assert desc.tag == "desc" and "Northern/Interaction-2023: 20–23 July 2023" in desc.text
    assert "Maritime Security Belt 2024" in desc.text
    caption = figure.find("figcaption").text_content()
    assert "The list below gives the same in words." in caption
    listing = figure.getnext()
    assert listing.tag == "ol" and "Northern/Interaction-2023" in listing.text_content()


def test_images_links_and_landmarks():
    doc = doc_of()
    assert all(img.get("alt") for img in doc.iter("img"))
    assert all(a.text_content().strip() for a in doc.iter("a"))
    assert doc.find(".//main") is not None and doc.find(".//header") is not None
    nav = doc.find(".//nav")
    assert nav is not None and doc.get_element_by_id(nav.get("aria-labelledby")).text == "Contents"
    for a in nav.iter("a"):
        assert doc.get_element_by_id(a.get("href")[1:]) is not None


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    def lum(h: str) -> float:
        rgb = [int(h.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


CSS = (PACKAGED_TEMPLATES / "briefing.css").read_text("utf-8")
VARS = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-f]{6})", CSS))


@pytest.mark.parametrize("fg, bg", [
    ("ink", "#ffffff"), ("muted", "#ffffff"), ("link", "#ffffff"), ("accent", "#ffffff"),
    ("#ffffff", "accent"),                    # table header row
    ("muted", "wash"), ("link", "wash"), ("ink", "wash"),       # BLUF box, badges
    ("muted", "#e6edf5"), ("ink", "#e6edf5"),                  # likelihood badge
    ("muted", "#fffaf0"), ("link", "#fffaf0"),                 # "where sources disagree"
    ("muted", "#f7f9fb"), ("link", "#f7f9fb"),                 # striped table rows
    ("ink", "#fff4dc"), ("ink", "#f6e3e3"),                    # status badges
    (tl.MUTED, "#ffffff"), (tl.INK, "#ffffff"), (tl.INK, tl.PALE), ("#ffffff", tl.ACCENT),
])
def test_text_colours_meet_wcag_aa(fg, bg):
    fg, bg = (VARS.get(c, c) for c in (fg, bg))
    assert re.fullmatch(r"#[0-9a-f]{6}", fg) and re.fullmatch(r"#[0-9a-f]{6}", bg)
    assert contrast(fg, bg) >= 4.5, (fg, bg, round(contrast(fg, bg), 2))


def test_contents_reach_the_sources_appendix_and_the_notes():
    b = sample_briefing(warnings=("one source was skipped",))
    b = dataclasses.replace(b, sections=tuple(s for s in b.sections if s.kind != "sources"))
    doc = doc_of(b)
    targets = [a.get("href")[1:] for a in doc.find(".//nav").iter("a")]
    assert targets[-2:] == ["sec-sources-appendix", "notes"]
    assert all(doc.get_element_by_id(t) is not None for t in targets)
    assert_headings_in_order(heading_levels(doc))
