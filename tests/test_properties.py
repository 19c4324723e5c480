"""Property tests (hypothesis) for the input boundaries: config loader, text model and
extraction, escaping into HTML and Markdown, normalisers, and the atomic writer.

threats.md "Fuzzing and property testing": A1-A6 (config), D4 (escape is identity on text),
C5 (Markdown data never becomes markup), D3-style idempotence, G2 (old-or-new content)."""
from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.config import load_config  # noqa: E402
from briefings.errors import BriefingError  # noqa: E402
from briefings.extract.document import extract_document  # noqa: E402
from briefings.extract.text import split_lines, split_sentences  # noqa: E402
from briefings.model import Entry, SourceDocument  # noqa: E402
from briefings.render.env import make_env  # noqa: E402
from briefings.render.filters import md_code, md_escape  # noqa: E402
from briefings.render.html import inline_css, render_html  # noqa: E402
from briefings.render.markdown import tidy_markdown  # noqa: E402
from briefings.write import TMP_PREFIX, atomic_write  # noqa: E402

# Seeded and small by default (the file runs in seconds in CI); for a deeper, random search
# set BRIEFINGS_PROPERTY_EXAMPLES, e.g. 5000.
_DEEP = int(os.environ.get("BRIEFINGS_PROPERTY_EXAMPLES", "0") or 0)
FAST = settings(max_examples=_DEEP or 150, deadline=None if _DEEP else 2000,
                derandomize=not _DEEP, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=_DEEP or 40, deadline=None if _DEEP else 5000,
                derandomize=not _DEEP, suppress_health_check=[HealthCheck.too_slow])
DEMO_CONFIG = (Path(__file__).resolve().parent.parent / "config" / "china-russia.yaml").read_text(
    encoding="utf-8")
MARKUP_BITS = ["<", ">", "&", "&amp;", "&#x3C;", "</p>", "<script>alert(1)</script>",
               "<img src=x onerror=y>", "*", "_", "`", "[x](javascript:1)", "![i](file:///x)",
               "# ", "> ", "- ", "1. ", "|", "~~", "\\", "\n", "\t", "  ", "{{ x }}", "{%",
               "\"", "'", "<!--", "]]>", "\u00a0", "\u2028", "\u202e", "e\u0301", "漢字",
               "Москва", "🚢"]
# Any Unicode, biased towards markup characters
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200) | \
    st.lists(st.sampled_from(MARKUP_BITS) | st.text(max_size=5), max_size=20).map("".join)


# -- config loader: only our errors, whatever the bytes -------------------------------------

def _load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "briefing.yaml"
        path.write_bytes(data)
        try:
            load_config(path)
        except BriefingError as exc:
            assert exc.render()  # the message renders (file:line:col, key path)


@FAST
@given(st.binary(max_size=400))
def test_config_loader_raises_only_our_errors_on_any_bytes(data):
    _load(data)


@FAST
@given(TEXT)
def test_config_loader_raises_only_our_errors_on_any_text(text):
    _load(text.encode("utf-8", "surrogatepass"))


YAML_SCALAR = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT
YAML_TREE = st.recursive(YAML_SCALAR, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(TEXT | st.sampled_from(
                             ["id", "title", "sources", "sections", "kind", "path", "formats",
                              "schedule", "cron", "delivery", "email", "smtp", "to", "limit"]),
                             inner, max_size=4), max_leaves=12)


@FAST
@given(st.dictionaries(st.sampled_from(["id", "title", "sources", "sections", "formats",
                                        "outlets", "timezone", "schedule", "delivery", "period",
                                        "templates", "assets", "marking", "page_size"]),
                       YAML_TREE, max_size=6))
def test_config_loader_raises_only_our_errors_on_yaml_shaped_input(tree):
    _load(yaml.safe_dump(tree, allow_unicode=True).encode("utf-8"))


@FAST
@given(st.integers(0, len(DEMO_CONFIG) - 1), st.integers(0, 40), TEXT)
def test_config_loader_raises_only_our_errors_on_edited_real_configs(at, cut, insert):
    _load((DEMO_CONFIG[:at] + insert + DEMO_CONFIG[at + cut:]).encode("utf-8", "surrogatepass"))


# -- text model and extraction --------------------------------------------------------------

SOURCE_TEXT = TEXT | st.lists(st.sampled_from(
    ["The Russian Navy said on Monday that ", "China and Russia held drills in the ",
     "Sea of Japan. ", "Mr. Smith", " U.S. ", "analysts assess it is likely ", "“Quote.” ",
     "\n", "\n\n", "\r\n", "MOSCOW, July 15 – ", "• ", "Joint Sea-2024", " 12 ships. ", "? ",
     "…", "!", "(AFP) -- ", "Jan. 5, 2024", "e.g. "]) | TEXT, max_size=30).map("".join)

SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted(
    (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")))
# a window of a real article with random text spliced in
REAL_TEXT = st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(0, 2500), SOURCE_TEXT).map(
    lambda t: SEED_TEXT[t[0]:t[0] + t[1]] + t[2] + SEED_TEXT[t[0] + t[1]:t[0] + t[1] + 800])


@FAST
@given(SOURCE_TEXT | REAL_TEXT)
def test_lines_and_sentences_have_exact_offsets(text):
    lines = split_lines(text)
    assert "\n".join(text[line.start:line.end] + ("\r" if text[line.start:line.end + 1]
                                                   .endswith("\r") else "")
                     for line in lines) == text
    for line in lines:
        assert text[line.start:line.end] == line.text and "\n" not in line.text
        previous_end = line.start
        for s in split_sentences(text, line):
            assert text[s.start:s.end] == s.text
            assert line.start <= s.start < s.end <= line.end and s.start >= previous_end
            assert s.text == s.text.strip()
            previous_end = s.end


@SLOW
@given(SOURCE_TEXT | REAL_TEXT)
def test_extraction_never_crashes_and_every_span_indexes_the_text(text):
    doc = SourceDocument(id="s1", path="x.txt", text=text)
    result = extract_document(doc)
    for item in result.claims + result.assessments:
        assert text[item.start:item.end] == item.text


# -- escaping --------------------------------------------------------------------------------

class _Statement(HTMLParser):
    """Collects the text of <p class="statement"> inside the claim with id "claim-prop"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 while inside the statement
        self.in_claim = False
        self.text: list[str] = []
        self.extra_tags: list[str] = []
        self.found = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and attrs.get("id") == "claim-prop":
            self.in_claim = True
        if self.depth:
            self.depth += 1
            self.extra_tags.append(tag)
        elif self.in_claim and tag == "p" and attrs.get("class") == "statement":
            self.depth, self.found = 1, self.found + 1

    def handle_startendtag(self, tag, attrs):
        if self.depth:
            self.extra_tags.append(tag)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if not self.depth:
                self.in_claim = False

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)

    def handle_comment(self, data):
        if self.depth:
            self.extra_tags.append("<!--")


def _with_claim(text: str):
    b = sample_briefing()
    sections = list(b.sections)
    for i, s in enumerate(sections):
        if s.kind == "claims":
            sections[i] = dataclasses.replace(s, entries=(Entry(kind="claim", id="prop",
                                                                text=text, cites=()),))
    return dataclasses.replace(b, sections=tuple(sections))


HTML_ENV = make_env([])
# Characters an HTML document can carry as text: no C0/C1 controls (the HTML parser would
# normalise CR and NUL), no surrogates or noncharacters.
HTML_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")),
                    max_size=120) | \
    st.lists(st.sampled_from([b for b in MARKUP_BITS if b not in ("\n", "\t")]),
             max_size=15).map("".join)


@SLOW
@given(HTML_TEXT)
def test_claim_text_appears_in_html_as_text_and_nothing_else(text):
    parser = _Statement()
    parser.feed(render_html(_with_claim(text), HTML_ENV))
    parser.close()
    assert parser.found == 1
    assert parser.extra_tags == []
    assert "".join(parser.text) == text


MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _markdown_html(source: str) -> _Tags:
    parser = _Tags()
    parser.feed(MD.render(source))
    parser.close()
    return parser


@FAST
@given(TEXT)
def test_escaped_data_never_becomes_markdown_markup(text):
    parsed = _markdown_html(md_escape(text))
    expected = re.sub(r"\s+", " ", text.replace("\x00", "\ufffd")).strip()
    assert parsed.tags == (["p"] if expected else [])
    assert "".join(parsed.text).strip("\n") == expected


@FAST
@given(TEXT)
def test_code_spans_show_the_value_verbatim(text):
    expected = re.sub(r"\s+", " ", text.replace("\x00", "\ufffd")).strip()
    parsed = _markdown_html(md_code(text))
    assert parsed.tags == (["p", "code"] if expected else [])
    assert "".join(parsed.text).strip("\n") == expected


@FAST
@given(TEXT)
def test_escaping_is_idempotent_and_inline_css_can_never_close_its_element(text):
    once = md_escape(text)
    assert md_escape(once) == once  # escaped text is marked and never escaped twice
    css = inline_css(text)
    assert "</" not in css and "<!--" not in css
    assert inline_css(str(css)) == css
    tidy = tidy_markdown(text)
    assert tidy_markdown(tidy) == tidy and tidy.endswith("\n")


# -- atomic writer ---------------------------------------------------------------------------

class _Crash(Exception):
    pass


def _faulty_fdopen(after: int):
    real = os.fdopen

    def fdopen(fd, mode="r", *args, **kw):
        fh = real(fd, mode, *args, **kw)
        real_write = fh.write

        def write(data):
            real_write(data[:after])  # a torn write: part of the data, then the fault
            raise _Crash("disk full")

        fh.write = write
        return fh

    return fdopen


@settings(max_examples=60, deadline=2000, derandomize=True)
@given(old=st.none() | st.binary(max_size=200), new=st.binary(max_size=200),
       fault=st.sampled_from([None, "mkstemp", "write", "fsync", "replace", "interrupt"]),
       after=st.integers(0, 200))
def test_atomic_write_leaves_old_or_new_content(old, new, fault, after):
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "briefing.pdf"
        if old is not None:
            target.write_bytes(old)
        patches = {
            None: contextlib.nullcontext(),
            "mkstemp": mock.patch("briefings.write.tempfile.mkstemp", side_effect=_Crash),
            "write": mock.patch("briefings.write.os.fdopen", _faulty_fdopen(after)),
            "fsync": mock.patch("briefings.write.os.fsync", side_effect=_Crash),
            "replace": mock.patch("briefings.write.os.replace", side_effect=_Crash),
            "interrupt": mock.patch("briefings.write.os.replace", side_effect=KeyboardInterrupt),
        }
        try:
            with patches[fault]:
                atomic_write(target, new)
            failed = False
        except (_Crash, KeyboardInterrupt):
            failed = True
        assert failed == (fault is not None)
        if failed:
            assert (target.read_bytes() if target.exists() else None) == old
        else:
            assert target.read_bytes() == new
        assert [p.name for p in Path(folder).iterdir() if p.name.startswith(TMP_PREFIX)] == []


def test_the_config_harness_can_fail():
    """Guard against a vacuous property: real configs load, and a foreign exception escapes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.yaml"
        path.write_text(DEMO_CONFIG.replace("../seeds", "seeds"), encoding="utf-8")
        assert load_config(path).config.id == "china-russia-naval"
    with mock.patch(f"{__name__}.load_config", side_effect=KeyError("x")):
        with pytest.raises(KeyError):
            _load(b"id: x\n")
