"""Markdown output: structure, escaping of source text, determinism."""
from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.model import Cite, Entry  # noqa: E402
from briefings.render.env import make_env  # noqa: E402
from briefings.render.filters import md_code, md_escape  # noqa: E402
from briefings.render.markdown import render_markdown  # noqa: E402

EVIL = ("*bold* _em_ [x](javascript:1) ![i](file:///etc/passwd) <script>alert(1)</script> "
        "`code` ~~del~~ &lt;b&gt; <http://evil.example> | pipe | \\")
PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def with_claim(text: str, **kw):
    b = sample_briefing(**kw)
    sections = list(b.sections)
    for i, s in enumerate(sections):
        if s.kind == "claims":
            evil = Entry(kind="claim", id="evil", text=text, cites=(Cite(1, "s1", 0, 5),),
                         attribution=text)
            sections[i] = dataclasses.replace(s, entries=(evil,) + s.entries)
    return dataclasses.replace(b, sections=tuple(sections))


def inline_tokens(md: str):
    for tok in PARSER.parse(md):
        if tok.type == "inline":
            yield tok


def test_structure_in_config_order():
    md = render_markdown(sample_briefing(), make_env([]))
    heads = re.findall(r"^## (.+)$", md, re.M)
    assert heads == ["Bottom line up front", "Scope", "Exercises and patrols",
                     "Key developments", "What analysts assess", "Sources"]
    assert md.startswith("**UNCLASSIFIED // OPEN SOURCE**\n\n# China–Russia Naval Cooperation\n")
    assert "Edition of 22 April 2024 · Maritime Desk · 2 sources dated 13–21 April 2024" in md
    assert "| Exercise | When | Where | Participants | Observers | Activities | Status |" in md
    assert "- **20–23 July 2023** — Northern/Interaction-2023, Sea of Japan [1] [2]" in md
    assert "— *held by Indonesia Observer; likely; moderate confidence*" in md
    assert "\n[1]: #src-1\n[2]: #src-2\n" in md
    assert "Министр обороны" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_citations_are_links_to_sources_list():
    md = render_markdown(sample_briefing(), make_env([]))
    hrefs = [t.attrGet("href") for tok in inline_tokens(md) for t in tok.children or []
             if t.type == "link_open"]
    assert hrefs and set(hrefs) <= {"#src-1", "#src-2", "https://example.org/news/china-russia-drill"}
    assert hrefs.count("#src-1") >= 5


def test_exercise_table_is_a_gfm_table():
    md = render_markdown(sample_briefing(), make_env([]))
    tokens = PARSER.parse(md)
    ths = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    assert ths == ["Exercise", "When", "Where", "Participants", "Observers", "Activities",
                   "Status", "Sources"]
    assert sum(t.type == "tr_open" for t in tokens) == 4


def test_source_text_never_becomes_markup():
    md = render_markdown(with_claim(EVIL), make_env([]))
    tok = next(t for t in inline_tokens(md) if "*bold*" in t.content.replace("\\", ""))
    kinds = {t.type for t in tok.children}
    assert kinds <= {"text", "link_open", "link_close", "em_open", "em_close", "softbreak"}
    links = [t.attrGet("href") for t in tok.children if t.type == "link_open"]
    assert links == ["#src-1"]                       # only our citation
    text = "".join(t.content for t in tok.children if t.type == "text")
    assert EVIL in text                              # shown literally, twice (text, attribution)
    ems = [i for i, t in enumerate(tok.children) if t.type == "em_open"]
    assert len(ems) == 1                             # only the template's attribution emphasis
    html = PARSER.render(md)
    assert "<script" not in html and 'href="javascript' not in html and "<img" not in html


def test_block_markers_at_line_start_are_escaped():
    for text in ["# heading", "> quote", "- item", "+ item", "1. item", "2) item", "===",
                 "    code", "```", "<div>", "[1]: http://evil", "\n\n# x\n\n- y"]:
        md = render_markdown(with_claim(text, sections=sample_briefing().sections),
                             make_env([]))
        tokens = PARSER.parse(md)
        kinds = {t.type for t in tokens}
        assert kinds <= {"paragraph_open", "paragraph_close", "inline", "heading_open",
                         "heading_close", "bullet_list_open", "bullet_list_close",
                         "list_item_open", "list_item_close", "ordered_list_open",
                         "ordered_list_close", "table_open", "table_close", "thead_open",
                         "thead_close", "tbody_open", "tbody_close", "tr_open", "tr_close",
                         "th_open", "th_close", "td_open", "td_close", "hr"}, text
        heads = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
        assert not [h for h in heads if h in ("heading", "x")], text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_md_escape_is_identity_on_text(t):
    expected = re.sub(r"\s+", " ", t.replace("\x00", "\ufffd")).strip()
    tokens = PARSER.parse(md_escape(t))
    if not expected:
        assert tokens == []
        return
    assert [x.type for x in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children
    assert {c.type for c in children} <= {"text", "text_special"}
    assert "".join(c.content for c in children) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_md_code_shows_text_verbatim(t):
    expected = re.sub(r"\s+", " ", t.replace("\x00", "\ufffd")).strip()
    out = PARSER.parse(md_code(t))
    if not expected:
        return
    codes = [c.content for c in out[1].children if c.type == "code_inline"]
    assert codes == [expected]


def test_markdown_is_deterministic():
    a = render_markdown(sample_briefing(), make_env([]))
    b = render_markdown(sample_briefing(), make_env([]))
    assert a == b and a.encode("utf-8") == b.encode("utf-8")


def test_sources_appendix_when_config_has_no_sources_section():
    b = sample_briefing()
    b = dataclasses.replace(b, sections=tuple(s for s in b.sections if s.kind != "sources"))
    md = render_markdown(b, make_env([]))
    assert "## Sources" in md and '<a id="src-1"></a>' in md


def test_every_bluf_claim_and_assessment_is_its_own_list_item():
    b = sample_briefing()
    md = render_markdown(b, make_env([]))
    tokens = PARSER.parse(md)
    items = sum(t.type == "list_item_open" for t in tokens)
    entries = sum(len(s.entries) for s in b.sections)
    assert items >= entries + 3 + 2          # + timeline lines + the text section's bullets
    for s in b.sections:
        for e in s.entries:
            line = next(x for x in md.splitlines() if x.startswith("- " + e.text[:30]))
            assert line.count(e.text[:30]) == 1, line


def test_tables_and_lists_have_no_stray_spaces():
    md = render_markdown(sample_briefing(), make_env([]))
    assert "|  " not in md and "  |" not in md
    assert "| [1] [2] |" in md
    assert not [x for x in md.splitlines() if x != x.rstrip()]


def test_ampersand_is_escaped_only_where_it_would_start_an_entity():
    assert md_escape("search & rescue") == "search & rescue"
    assert md_escape("AT&T &amp; &#169;") == "AT&T \\&amp; \\&#169;"
    md = render_markdown(with_claim("Fish &amp; chips & peas"), make_env([]))
    text = PARSER.render(md)
    assert "Fish &amp;amp; chips &amp; peas" in text
