"""E11: the demo PDF's pages against reference images, so an upgrade (WeasyPrint, Pango, fonts) or a
template change that moves the layout is seen.

Pages are rasterised at 40 dpi with pdftoppm (poppler-utils) and compared pixel by pixel; a page
fails when more than 0.5 % of its pixels differ clearly (anti-aliasing noise stays far below). After
a deliberate change, look at the new pages and refresh the references with
`BRIEFINGS_UPDATE_VISUAL=1 .venv/bin/python -m pytest tests/test_visual.py`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from conftest import ROOT

REFERENCE = ROOT / "tests" / "data" / "visual"
DPI = 40
MAX_CHANGED = 0.005  # share of a page's pixels
CLEAR = 48  # a channel difference above this (of 255) is a real change, not anti-aliasing

NOW = "2024-04-22"

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="pdftoppm (poppler-utils) is not installed")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo briefing's edition folder, PDF only."""
    from typer.testing import CliRunner

    from briefings.cli import app

    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["build", str(ROOT / "config" / "china-russia.yaml"), "--out",
                                      str(out), "--now", NOW, "--formats", "pdf"])
    assert result.exit_code == 0, result.output
    return out / "china-russia-naval" / NOW


def changed_share(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels whose colour differs clearly between two same-sized images."""
    diff = ImageChops.difference(a.convert("L"), b.convert("L")).point(lambda v: 255 if v > CLEAR else 0)
    return sum(diff.histogram()[255:]) / (a.width * a.height)


def _pages(pdf: Path, into: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(into / "page")], check=True,
                   timeout=60)
    return sorted(into.glob("page-*.png"))


def test_changed_share_sees_a_moved_line_and_ignores_nothing_changed(tmp_path: Path) -> None:
    page = Image.new("L", (200, 200), 255)
    moved = page.copy()
    for x in range(20, 180):
        for y in (50, 51):
            page.putpixel((x, y), 0)
            moved.putpixel((x, y + 10), 0)
    assert changed_share(page, page.copy()) == 0.0
    assert changed_share(page, moved) > MAX_CHANGED


def test_demo_pdf_pages_match_their_references(demo: Path, tmp_path: Path) -> None:
    pages = _pages(demo / "briefing.pdf", tmp_path)
    if os.environ.get("BRIEFINGS_UPDATE_VISUAL") == "1":
        shutil.rmtree(REFERENCE, ignore_errors=True)
        REFERENCE.mkdir(parents=True)
        for p in pages:
            shutil.copy(p, REFERENCE / p.name.replace("page-", "demo-page-"))
    references = sorted(REFERENCE.glob("demo-page-*.png"))
    assert len(pages) == len(references), f"{len(pages)} pages, references have {len(references)}"
    for page, ref in zip(pages, references):
        with Image.open(page) as got, Image.open(ref) as want:
            assert got.size == want.size, f"{ref.name}: size {got.size} != {want.size}"
            share = changed_share(got, want)
            assert share <= MAX_CHANGED, (f"{ref.name}: {share:.2%} of the pixels changed; look at "
                                          f"{page} and refresh the references if it is meant")
