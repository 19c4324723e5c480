"""The PDF-speed choices in the packaged template and stylesheet, checked by structure (no
timings): rules without var(), colours kept to the palette that test_render_a11y checks, and a
sources list with few elements per entry that still reads the same in the PDF."""
from __future__ import annotations

import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.render import PACKAGED_TEMPLATES, render_all  # noqa: E402
from briefings.render.env import make_env  # noqa: E402
from briefings.render.html import render_html  # noqa: E402

CSS = (PACKAGED_TEMPLATES / "briefing.css").read_text("utf-8")
RULES = re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
PALETTE = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-f]{6})", RULES))
# Colours used in the rules besides the palette: the backgrounds and white text whose contrast
# tests/test_render_a11y.py checks by value, and border colours (not text).
OTHER_COLOURS = {"#fff", "#ffffff", "#e6edf5", "#fffaf0", "#f7f9fb", "#fff4dc", "#f6e3e3",
                 "#8aa1bb", "#d9b25f", "#c98b8b"}
NOW = datetime(2024, 4, 22, 5, 0, tzinfo=UTC)


def test_rules_use_no_custom_properties():
    """WeasyPrint 70 resolves var() again for every element (a `font:` shorthand with one is
    re-expanded per longhand): the rules use literal values."""
    assert "var(" not in RULES


def test_rule_colours_are_the_checked_palette():
    """With literal colours, the palette in :root must still be what the rules use."""
    assert set(PALETTE) >= {"ink", "muted", "rule", "accent", "wash", "link"}
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{3,6}\b", RULES)}
    stray = used - set(PALETTE.values()) - OTHER_COLOURS
    assert not stray, f"colours outside the palette: {sorted(stray)}"


@pytest.fixture(scope="module")
def sources_html():
    doc = lxml.html.fromstring(render_html(sample_briefing(), make_env([])))
    return doc.xpath("//ol[@class='sources']")[0]


def test_source_entries_have_few_elements(sources_html):
    """Each element costs WeasyPrint layout time; an entry is its title, date, grade, grade
    label, path and (when there is one) the link, with no <br> or spans for outlet/author."""
    for li in sources_html.iter("li"):
        tags = [e.tag for e in li.iterdescendants()]
        assert "br" not in tags
        assert len(tags) <= 6, tags
        assert li.find_class("path") and li.find_class("grade-label")


def test_source_entry_text_reads_as_before(sources_html):
    li = next(li for li in sources_html.iter("li") if li.find("cite").get("id") == "src-2")
    text = re.sub(r"[ \t\n]+", " ", li.text_content()).strip()  # keeps no-break spaces
    assert text.startswith("Strategic Collaboration for Peace: China-Russia Joint Military Drill"
                           "\u00a0· Indonesia Observer\u00a0· 13 April 2024\u00a0· by Jakarta, IO")
    assert li.find(".//time").get("datetime") == "2024-04-13"


def test_pdf_puts_the_path_on_its_own_line(tmp_path):
    """The path starts a new line through CSS (::before "\\A") rather than <br>."""
    pdf = render_all(sample_briefing(), ["pdf"], [], allowed_roots=[tmp_path], now=NOW)["pdf"]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    lines = [line.strip() for line in text.splitlines()]
    sample = sample_briefing()
    for src in sample.sources:
        assert any(line.startswith(str(src.path)[:30]) for line in lines), (src.path, lines[-12:])
