"""PDF output: real WeasyPrint layouts read back with pypdf; the fetcher's refusals."""
from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.errors import RenderError  # noqa: E402
from briefings.render import render_all  # noqa: E402
from briefings.render.pdf import render_pdf  # noqa: E402

NOW = datetime(2024, 4, 22, 5, 0, tzinfo=UTC)
CANARY = "CANARY-7f3a9c-SECRET"


def png_data_url() -> str:
    """A small real PNG as a data: URL."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (20, 60, 120)).save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>t</title>{head}"
            f"</head><body><p>Hello</p>{body}</body></html>")


@pytest.fixture()
def dirs(tmp_path):
    """An allowed assets root and a canary file outside it."""
    assets = tmp_path / "assets"
    assets.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    canary = outside / "secret.css"
    canary.write_text(f"/* {CANARY} */ body {{ color: red }}\n@font-face {{}}")
    (outside / "secret.txt").write_text(CANARY)
    (assets / "ok.css").write_text("p { color: #333 }")
    return assets, outside


def all_bytes(pdf: bytes) -> bytes:
    """The PDF with every Flate stream decompressed, for substring checks."""
    out = [pdf]
    for chunk in pdf.split(b"stream")[1:]:
        data = chunk.split(b"endstream")[0].strip(b"\r\n")
        try:
            out.append(zlib.decompress(data))
        except zlib.error:
            pass
    return b"\n".join(out)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> bytes:
    """The sample briefing as PDF, laid out once for the tests that only read it."""
    root = tmp_path_factory.mktemp("render")
    return render_all(sample_briefing(), ["pdf"], [], allowed_roots=[root], now=NOW)["pdf"]


def test_sample_briefing_pdf_reads_back(sample_pdf):
    out = {"pdf": sample_pdf}
    reader = PdfReader(io.BytesIO(out["pdf"]))
    assert len(reader.pages) >= 1
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "China–Russia Naval Cooperation" in text
    assert "Northern/Interaction-2023" in text
    assert "UNCLASSIFIED // OPEN SOURCE" in text and "Page 1 of" in text
    assert "Российская газета" in text
    info = reader.metadata
    assert info.title.startswith("China–Russia Naval Cooperation")
    assert info.author == "Maritime Desk"
    assert info.creation_date == NOW and info.modification_date == NOW
    raw = all_bytes(out["pdf"])
    for forbidden in (b"/EmbeddedFile", b"/JavaScript", b"/Launch", b"/OpenAction"):
        assert forbidden not in raw


@pytest.mark.parametrize("vector", [
    '<link rel="stylesheet" href="file://{outside}/secret.css">',
    '<style>@import url("file://{outside}/secret.css");</style>',
    '<style>body {{ background: url("file://{outside}/secret.txt") }}</style>',
    '<style>@font-face {{ font-family: x; src: url("file://{outside}/secret.txt") }}'
    ' p {{ font-family: x }}</style>',
    '<img src="file://{outside}/secret.txt">',
    '<img src="../outside/secret.txt">',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<image xlink:href="file://{outside}/secret.txt" width="10" height="10"/></svg>',
    '<img src="http://127.0.0.1:9/x.png">',
    '<img src="ftp://example.org/x.png">',
    '<object data="file://{outside}/secret.txt"></object>',
])
def test_blocked_resources_fail_and_never_leak(dirs, vector):
    assets, outside = dirs
    html = page(vector.format(outside=outside))
    with pytest.raises(RenderError) as err:
        render_pdf(html, base_dir=assets, allowed_roots=[assets], now=NOW)
    assert "blocked or missing" in str(err.value) or "failed" in str(err.value)
    assert CANARY not in str(err.value)


@pytest.mark.parametrize("vector", [
    '<a rel="attachment" href="file://{outside}/secret.txt">a</a>',
    '<link rel="attachment" href="file://{outside}/secret.txt">',
    '<a rel="attachment" href="ok.css">a</a>',
])
def test_attachments_are_never_embedded(dirs, vector):
    assets, outside = dirs
    pdf = render_pdf(page(vector.format(outside=outside)), base_dir=assets,
                     allowed_roots=[assets], now=NOW)
    raw = all_bytes(pdf)
    assert CANARY.encode() not in raw and b"/EmbeddedFile" not in raw


def test_symlink_in_root_to_outside_is_blocked(dirs):
    assets, outside = dirs
    os.symlink(outside / "secret.css", assets / "link.css")
    with pytest.raises(RenderError, match="link.css"):
        render_pdf(page('<link rel="stylesheet" href="link.css">'), base_dir=assets,
                   allowed_roots=[assets], now=NOW)


def test_fifo_and_device_are_blocked(dirs):
    assets, _ = dirs
    os.mkfifo(assets / "pipe.css")
    os.symlink("/dev/zero", assets / "zero.css")
    for name in ("pipe.css", "zero.css"):
        with pytest.raises(RenderError, match=name):
            render_pdf(page(f'<link rel="stylesheet" href="{name}">'), base_dir=assets,
                       allowed_roots=[assets], now=NOW)


def test_missing_stylesheet_fails(dirs):
    assets, _ = dirs
    with pytest.raises(RenderError, match="missing.css"):
        render_pdf(page('<link rel="stylesheet" href="missing.css">'), base_dir=assets,
                   allowed_roots=[assets], now=NOW)


def test_allowed_file_and_data_image_render(dirs):
    assets, _ = dirs
    html = page(f'<img alt="dot" src="{png_data_url()}" width="20">',
                head='<link rel="stylesheet" href="ok.css">')
    pdf = render_pdf(html, base_dir=assets, allowed_roots=[assets], now=NOW)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert list(reader.pages[0].images)


def test_same_input_same_metadata_dates(dirs):
    assets, _ = dirs
    a = PdfReader(io.BytesIO(render_pdf(page(""), base_dir=assets, allowed_roots=[], now=NOW)))
    b = PdfReader(io.BytesIO(render_pdf(page(""), base_dir=assets, allowed_roots=[], now=NOW)))
    assert a.metadata.creation_date == b.metadata.creation_date == NOW


def test_weasyprint_is_imported_lazily():
    import subprocess

    code = "import sys, briefings.render; sys.exit('weasyprint' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
                          ).returncode == 0


def test_page_size_letter(tmp_path):
    out = render_all(sample_briefing(page_size="Letter"), ["pdf"], [], allowed_roots=[tmp_path],
                     now=NOW)
    box = PdfReader(io.BytesIO(out["pdf"])).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_same_input_byte_identical_pdf(tmp_path):
    from weasyprint.text.ffi import harfbuzz_subset

    if harfbuzz_subset is None:
        pytest.skip("fontTools subsetting (no libharfbuzz-subset) stamps fonts with the time")
    a = render_all(sample_briefing(), ["pdf"], [], allowed_roots=[tmp_path], now=NOW)
    b = render_all(sample_briefing(), ["pdf"], [], allowed_roots=[tmp_path], now=NOW)
    assert a["pdf"] == b["pdf"]


def test_every_weasyprint_object_gets_the_fetcher():
    import ast

    src = Path(__file__).parent.parent / "briefings" / "render"
    for path in src.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in ("HTML", "CSS", "Attachment"):
                    assert "url_fetcher" in {k.arg for k in node.keywords}, (path, node.lineno)


SECTION_TITLES = ["Bottom line up front", "Scope", "Exercises and patrols", "Key developments",
                  "What analysts assess", "Sources"]


def test_bookmarks_follow_the_section_headings(sample_pdf):
    outline = PdfReader(io.BytesIO(sample_pdf)).outline
    assert [o.title for o in outline if not isinstance(o, list)] == SECTION_TITLES
    nested = [o for o in outline if isinstance(o, list)]
    assert [[x.title for x in group] for group in nested] == [["Where sources disagree",
                                                                "Timeline"]]


def test_table_of_contents_gives_the_pages_the_bookmarks_go_to(sample_pdf):
    reader = PdfReader(io.BytesIO(sample_pdf))
    pages = {o.title: reader.get_destination_page_number(o) + 1
             for o in reader.outline if not isinstance(o, list)}
    assert max(pages.values()) > 1                   # the sample runs over several pages
    first = reader.pages[0].extract_text()
    assert "CONTENTS" in first
    for title, number in pages.items():
        assert re.search(rf"{re.escape(title)} ?\.{{3,}} ?{number}\b", first), (title, number)


def test_internal_links_resolve_to_named_destinations(sample_pdf):
    reader = PdfReader(io.BytesIO(sample_pdf))
    names = set(reader.named_destinations)
    dests = [a.get_object().get("/Dest") for p in reader.pages for a in p.get("/Annots", [])]
    internal = [d for d in dests if d is not None]
    assert {"src-1", "src-2"} <= set(internal)
    assert any(str(d).startswith("sec-") for d in internal)      # the contents lines
    assert set(internal) <= names


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)")
def test_timeline_figure_is_drawn_in_the_pdf(sample_pdf, tmp_path):
    # pypdf does not read WeasyPrint's glyph-by-glyph SVG text; poppler does
    (tmp_path / "s.pdf").write_bytes(sample_pdf)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "s.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    figure = text[text.index("Timeline"):text.index("Exercises by date.")]
    for label in ("Northern/Interaction-2023", "20–23 July 2023", "2024 (planned)",
                  "this edition, 22 April 2024", "Held; only the month or year reported"):
        assert label in figure


def _has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return bool(out.stdout.strip())


CJK_FAMILIES = ("WenQuanYi", "NotoSansCJK", "NotoSerifCJK", "Noto-Sans-CJK", "Noto-Serif-CJK",
                "DroidSansFallback")


@pytest.mark.skipif(not _has_cjk_font(), reason="no Chinese font (apt: fonts-wqy-microhei)")
def test_chinese_and_cyrillic_source_titles_render_with_covering_fonts(tmp_path):
    import dataclasses

    title = "中俄海军“海上联合-2024”联合演习：Морское взаимодействие"
    b = sample_briefing()
    b = dataclasses.replace(b, sources=(dataclasses.replace(b.sources[0], title=title),)
                            + b.sources[1:])
    reader = PdfReader(io.BytesIO(render_all(b, ["pdf"], [], allowed_roots=[tmp_path],
                                             now=NOW)["pdf"]))
    text = "".join(p.extract_text() for p in reader.pages)
    assert title in text
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]
             for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any(name.replace(" ", "-").startswith(CJK_FAMILIES) for name in fonts), fonts
    assert any(name.startswith("DejaVu") for name in fonts), fonts     # Latin and Cyrillic


def test_every_script_of_a_multilingual_title_has_a_glyph(tmp_path, caplog):
    """E8: Latin, Greek, Cyrillic, CJK, Arabic and Hebrew in a source title: no .notdef glyph
    (WeasyPrint warns for each string no installed font covers), and the text reads back."""
    import dataclasses
    import logging

    scripts = ["Übung Ægir", "Άσκηση Αιγαίο", "Учения Восток", "东方-2022演习", "東方演習",
               "동방 훈련", "مناورات الحزام البحري", "תרגיל ימי"]
    b = sample_briefing()
    b = dataclasses.replace(b, sources=(dataclasses.replace(b.sources[0], title=" / ".join(scripts)),)
                            + b.sources[1:])
    html = render_all(b, ["html"], [], allowed_roots=[tmp_path], now=NOW)["html"].decode("utf-8")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_pdf(html, base_dir=tmp_path, allowed_roots=[tmp_path], now=NOW)
    assert not [r.getMessage() for r in caplog.records if "notdef" in r.getMessage()]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for part in scripts[:6]:  # left-to-right scripts read back as written
        assert part in text, part
    for part in scripts[6:]:  # right-to-left: every letter is there (extraction order may differ)
        assert set(part.replace(" ", "")) <= set(text), part


def _struct_elements(node, seen: set[int]):
    """Every element of a PDF structure tree (depth first), each visited once."""
    if hasattr(node, "idnum"):
        if node.idnum in seen:
            return
        seen.add(node.idnum)
    node = node.get_object()
    if isinstance(node, list):
        for child in node:
            yield from _struct_elements(child, seen)
    elif isinstance(node, dict):
        if "/S" in node:
            yield node
        kids = node.get("/K")
        for child in kids if isinstance(kids, list) else [kids]:
            if child is not None and not isinstance(child, int):
                yield from _struct_elements(child, seen)


def test_pdf_is_tagged_with_language_headings_table_and_figure_alt_text(sample_pdf):
    root = PdfReader(io.BytesIO(sample_pdf)).trailer["/Root"]
    assert root["/Lang"] == "en" and bool(root["/MarkInfo"]["/Marked"])
    elements = list(_struct_elements(root["/StructTreeRoot"]["/K"], set()))
    kinds = [str(e["/S"]) for e in elements]
    assert kinds.count("/H1") == 1 and kinds.count("/H2") == 7 and "/Table" in kinds
    assert "/TH" in kinds and "/Caption" in kinds
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert [str(f["/Alt"]) for f in figures] == ["Timeline of the exercises by date"]
