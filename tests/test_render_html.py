"""HTML output: semantic structure, escaping of source text, safe config Markdown, determinism."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.errors import RenderError  # noqa: E402
from briefings.model import Cite, Entry, SourceEntry  # noqa: E402
from briefings.render import render_all  # noqa: E402
from briefings.render.env import make_env  # noqa: E402
from briefings.render.html import render_html  # noqa: E402

XSS = "</title><script>alert(1)</script><img src=x onerror=y><a href=\"javascript:1\">j</a>"
ENV = make_env([])
DANGEROUS_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "math", "link", "meta",
                  "base", "form", "input", "textarea"}


def evil_briefing():
    """Every data field a template prints carries the XSS payload."""
    b = sample_briefing(title="T " + XSS, subtitle=XSS, marking=XSS, author=XSS,
                        warnings=(XSS,))
    sections = []
    for s in b.sections:
        entries = tuple(dataclasses.replace(e, text=XSS, attribution=XSS, holder=XSS,
                                            likelihood=XSS, confidence=XSS)
                        for e in s.entries)
        rows = tuple(dataclasses.replace(r, exercise=dataclasses.replace(
            r.exercise, name=XSS, locations=(XSS,), participants=(XSS,), activities=(XSS,),
            status=XSS)) for r in s.exercises)
        sections.append(dataclasses.replace(s, title=XSS, anchor=XSS, entries=entries,
                                            exercises=rows))
    sources = tuple(dataclasses.replace(src, title=XSS, outlet=XSS, author=XSS, path=XSS,
                                        url="javascript:alert(1)", reliability=XSS)
                    for src in b.sources)
    return dataclasses.replace(b, sections=tuple(sections), sources=sources)


SVG_TAGS = {"svg", "title", "desc", "g", "rect", "line", "text"}


def assert_our_figure(svg) -> None:
    """The only SVG allowed is our timeline figure: drawing elements only, no links or styles."""
    assert svg.get("class") == "timeline-chart" and svg.getparent().tag == "figure"
    for el in svg.iter():
        assert el.tag in SVG_TAGS, el.tag
        assert not {"href", "xlink:href", "style", "src"} & set(el.attrib), el.attrib


def assert_inert(doc) -> None:
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "svg":
            assert_our_figure(el)
            continue
        if el.tag in DANGEROUS_TAGS and el.getparent().tag != "svg" and (
                el.tag != "title" or el.getparent().tag == "head"):
            assert el.tag == "meta" and el.getparent().tag == "head", el.tag
        if el.tag == "style":
            assert el.getparent().tag == "head"
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            bad = ("javascript:", "vbscript:", "data:")
            assert not value.strip().lower().startswith(bad), value


def test_source_text_is_escaped_everywhere():
    out = render_html(evil_briefing(), make_env([]))
    doc = lxml_html.document_fromstring(out)
    assert_inert(doc)
    assert doc.findtext(".//title").startswith("T </title><script>")
    assert XSS in doc.text_content()
    assert len(doc.findall("./head/title")) == 1 and len(doc.findall(".//style")) == 2
    svg = doc.find(".//svg")
    assert svg is not None and XSS in svg.find("desc").text     # drawn, as inert text


def test_text_section_markdown_is_rendered_safely():
    b = sample_briefing()
    scope = next(s for s in b.sections if s.kind == "text")
    evil_md = ("Scope **bold** [ok](https://example.org) [x](javascript:alert(1)) "
               "[f](file:///etc/passwd) ![i](data:image/svg+xml;base64,PHN2Zz4=)\n\n"
               "<script>alert(1)</script>\n\n<iframe src=x></iframe>\n\n<img src=x onerror=y>\n\n"
               "<math><annotation-xml encoding=\"text/html\"><style><img src onerror=y>"
               "</style></annotation-xml></math>\n\n# __proto__\n")
    sections = tuple(dataclasses.replace(s, text=evil_md) if s is scope else s
                     for s in b.sections)
    out = render_html(dataclasses.replace(b, sections=sections), make_env([]))
    doc = lxml_html.document_fromstring(out)
    assert_inert(doc)
    prose = doc.find_class("prose")[0]
    assert prose.find(".//strong").text == "bold"
    assert [a.get("href") for a in prose.iter("a")] == ["https://example.org"]
    assert "<script>alert(1)</script>" in prose.text_content()
    assert prose.find(".//h1") is None and prose.find(".//h3").get("id") is None


def test_semantic_structure():
    doc = lxml_html.document_fromstring(render_html(sample_briefing(), make_env([])))
    assert doc.get("lang") == "en"
    header = doc.find(".//header")
    assert header.find(".//h1").text == "China–Russia Naval Cooperation"
    assert "Maritime Desk" in header.text_content() and "22 April 2024" in header.text_content()
    assert doc.find_class("marking-banner")[0].text == "UNCLASSIFIED // OPEN SOURCE"
    assert [h.text for h in doc.iter("h2")] == [
        "Bottom line up front", "Contents", "Scope", "Exercises and patrols", "Key developments",
        "What analysts assess", "Sources"]
    assert doc.find_class("bluf-box")[0].findall(".//li")
    cite = doc.find_class("cite")[0]
    assert cite.get("href") == "#src-1" and cite.text == "[1]"
    # a run of citations is one superscript (one element, not one per link: PDF layout time)
    assert cite.getparent().tag == "sup" and "cites" in cite.getparent().get("class")
    table = doc.find(".//table")
    assert [th.get("scope") for th in table.find("thead").iter("th")] == ["col"] * 8
    assert len(table.find("tbody").findall("tr")) == 3
    sources = doc.find(".//ol[@class='sources']")
    # the citations' targets are the titles (an id on the <li> would cost the PDF its shared
    # styles for the entry's elements)
    assert [li.find("cite").get("id") for li in sources.findall("li")] == ["src-1", "src-2"]
    assert [li.get("value") for li in sources.findall("li")] == ["1", "2"]
    badges = [b.text_content() for b in doc.find_class("badge-likelihood")]
    assert badges == ["likelihood likely"]
    assert doc.find_class("timeline")


def test_html_is_deterministic_and_render_all_matches():
    b = sample_briefing()
    one = render_all(b, ["md", "html"], [], allowed_roots=[], now=None)
    two = render_all(b, ["html", "md"], [], allowed_roots=[], now=None)
    assert one == two
    assert one["html"] == render_html(b, make_env([])).encode("utf-8")


def test_page_size_is_validated():
    out = render_html(sample_briefing(page_size="Letter"), make_env([]))
    assert "@page { size: Letter; }" in out
    with pytest.raises(RenderError, match="page size"):
        render_html(sample_briefing(page_size="A4; } body { display: none"), make_env([]))


def test_unknown_format_is_rejected():
    with pytest.raises(RenderError, match="unknown output format"):
        render_all(sample_briefing(), ["docx"], [], allowed_roots=[], now=None)


def test_empty_sections_render():
    b = sample_briefing()
    sections = tuple(dataclasses.replace(s, entries=(), exercises=()) for s in b.sections)
    out = render_html(dataclasses.replace(b, sections=sections, sources=()), make_env([]))
    assert "No key developments in this edition." in out and "No sources." in out


def test_unknown_cited_source_is_still_inert():
    b = sample_briefing()
    entry = Entry(kind="claim", id="z", text="x", cites=(Cite(9, "s9", 0, 1),))
    sections = tuple(dataclasses.replace(s, entries=(entry,)) if s.kind == "claims" else s
                     for s in b.sections)
    src = SourceEntry(number=3, id="s3", title=None, outlet=None, published=None, author=None,
                      reliability="F", path="x.txt", url=None, chars=1, sha256="")
    out = render_html(dataclasses.replace(b, sections=sections, sources=b.sources + (src,)),
                      make_env([]))
    assert 'href="#src-9"' in out and "Untitled source" in out


@pytest.mark.parametrize("payload", [
    '"' * 199_000, "<!--" * 45_000, "[a]" * 60_000, ">" * 10_000, "- " * 10_000,
    "|a" * 5_000 + "|\n" + "|-" * 5_000 + "|\n", "http://a.b/" + "*" * 100_000,
    "*a _b " * 30_000,
])
def test_pathological_text_section_renders_quickly(payload):
    import time

    from briefings.render.filters import markdown_to_html

    start = time.process_time()  # CPU time: other load on the machine does not count
    markdown_to_html(payload[:199_999])
    assert time.process_time() - start < 3.0  # quadratic behaviour at this size takes minutes


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
               max_size=80))
def test_claim_text_content_is_exactly_the_source_text(t):
    b = sample_briefing()
    entry = Entry(kind="claim", id="p", text=t, cites=())
    sections = tuple(dataclasses.replace(s, entries=(entry,)) if s.kind == "claims" else s
                     for s in b.sections)
    out = render_html(dataclasses.replace(b, sections=sections), ENV)
    statement = lxml_html.document_fromstring(out).get_element_by_id("claim-p")
    para = statement.find_class("statement")[0]
    assert len(para) == 0 and para.text == t


def test_title_block_gives_every_fact_a_reader_needs():
    b = sample_briefing(period_start="2024-04-01", period_end="2024-04-21")
    doc = lxml_html.document_fromstring(render_html(b, make_env([])))
    meta = {dt.text: dt.getnext().text_content() for dt in doc.find_class("meta")[0].iter("dt")}
    assert meta == {"Prepared by": "Maritime Desk", "Edition": "22 April 2024",
                    "Period": "1 April 2024 to 21 April 2024",
                    "Sources": "2, dated 13–21 April 2024",
                    "Generated": "22 April 2024, 06:00 UTC+01:00"}
    header = doc.find(".//header")
    assert header.getprevious().get("class") == "marking-banner"
    assert header.find_class("subtitle")[0].text == "Open-source briefing"
    first = doc.find(".//main").find("section")
    assert first.find("h2").text == "Bottom line up front" and first.find_class("bluf-box")
