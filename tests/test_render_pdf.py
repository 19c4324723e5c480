"""PDF output: real WeasyPrint layouts read back with pypdf; the fetcher's refusals."""
from __future__ import annotations

import base64
import io
import os
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


def test_sample_briefing_pdf_reads_back(tmp_path):
    out = render_all(sample_briefing(), ["pdf"], [], allowed_roots=[tmp_path], now=NOW)
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
