"""Source reading: patterns relative to the config, decoding, HTML main text, skipping, grading."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefings.errors import SourceError
from briefings.sources.decode import decode
from briefings.sources.read import read_patterns

ARTICLE = ("Harbour Post\nNavies drill in the Baltic Sea\nBy Anna Berg\nMay 2, 2024\n\n"
           "Polish and Lithuanian warships began a three-day drill in the Baltic Sea on Monday, "
           "officials said.\n")


def test_cp1252_without_declaration_is_decoded() -> None:
    raw = "The \u201cBaltic Guard\u201d drill \u2013 a caf\u00e9 test".encode("cp1252")
    text, enc, replaced = decode(raw, "x.txt")
    assert text == "The \u201cBaltic Guard\u201d drill \u2013 a caf\u00e9 test"
    assert enc == "cp1252" and replaced == 0


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_honoured_and_dropped(encoding: str) -> None:
    body = "Привет, \u201cmorning\u201d brief\r\nline two"
    raw = body.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    text, _enc, _n = decode(raw, "x.txt")
    assert text == body  # newlines unchanged, BOM not part of the text


def test_binary_is_refused_and_invalid_bytes_are_counted() -> None:
    with pytest.raises(SourceError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "img.txt")
    text, _enc, replaced = decode(b"ok \x81\x8d\x8f\x90\x9d end", "x.txt")
    assert replaced >= 1 and text.startswith("ok ") and text.endswith(" end")


def test_globs_folders_and_order(tmp_path: Path) -> None:
    src = tmp_path / "articles"
    (src / "sub").mkdir(parents=True)
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "a.md").write_text(ARTICLE.replace("Baltic", "North"), encoding="utf-8")
    (src / "sub" / "c.txt").write_text(ARTICLE.replace("Baltic", "Barents"), encoding="utf-8")
    (src / "notes.docx").write_bytes(b"PK\x03\x04")
    folder = read_patterns(["articles"], tmp_path)
    assert [Path(d.path).name for d in folder.documents] == ["a.md", "b.txt", "c.txt"]
    assert [d.id for d in folder.documents] == ["s1", "s2", "s3"]
    assert any("notes.docx" in s.path for s in folder.skipped)
    globbed = read_patterns(["articles/*.txt", "articles/**/*.txt"], tmp_path)
    assert [Path(d.path).name for d in globbed.documents] == ["b.txt", "c.txt"]  # each file once


def test_missing_source_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="source not found") as info:
        read_patterns(["nowhere.txt"], tmp_path)
    assert "nowhere.txt" in info.value.render()


def test_symlink_out_of_the_root_and_fifo_are_skipped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-7d1f secret", encoding="utf-8")
    src = tmp_path / "articles"
    src.mkdir()
    (src / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "link.txt").symlink_to(secret)
    os.mkfifo(src / "pipe.txt")
    found = read_patterns(["articles/*.txt"], tmp_path)
    assert [Path(d.path).name for d in found.documents] == ["real.txt"]
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    assert "outside" in reasons["link.txt"]
    assert "regular" in reasons["pipe.txt"]
    assert all("CANARY-7d1f" not in d.text for d in found.documents)


def test_html_main_text_and_metadata_without_network(tmp_path: Path) -> None:
    page = """<html><head><title>Navies drill | Harbour Post</title>
    <meta name="author" content="Anna Berg"><meta property="og:site_name" content="Harbour Post">
    <meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
    <article><h1>Navies drill in the Baltic Sea</h1>
    <p>Polish and Lithuanian warships began a three-day drill in the Baltic Sea on Monday,
    officials said in a statement issued in Warsaw.</p>
    <p>The drill includes mine countermeasures and air defence serials near the port of Klaipeda,
    according to the Lithuanian navy.</p></article>
    <footer>We use cookies. Accept all</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = read_patterns(["page.html"], tmp_path).documents[0]
    assert doc.kind == "html"
    assert "mine countermeasures" in doc.text
    assert "cookies" not in doc.text
    assert doc.author == "Anna Berg" and doc.outlet == "Harbour Post"
    assert doc.published == "2024-05-02"


def test_copies_share_an_origin_and_outlets_are_graded(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE.replace("\n", "\r\n"), encoding="utf-8")
    (tmp_path / "three.txt").write_text(ARTICLE.replace("Baltic", "Black"), encoding="utf-8")
    docs = read_patterns(["*.txt"], tmp_path, {"harbour post": "B"}).documents
    by_name = {Path(d.path).name: d for d in docs}
    assert by_name["one.txt"].origin == by_name["two.txt"].origin != by_name["three.txt"].origin
    assert len({d.sha256 for d in docs}) == 3
    # The grade follows the outlet recovered from the text; unknown outlets are F.
    assert {d.reliability for d in docs} <= {"B", "F"}
