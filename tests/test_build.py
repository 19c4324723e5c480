"""End to end through the CLI: build the demo from the seeds, read the PDF back, check offsets."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from conftest import ROOT, SEEDS, write_config

runner = CliRunner()
NOW = "2024-04-22T06:00:00"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo briefing built once into a temp folder (all formats)."""
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["build", str(ROOT / "config" / "china-russia.yaml"),
                                 "--out", str(out), "--now", NOW])
    assert result.exit_code == 0, result.output
    return out / "china-russia-naval" / "2024-04-22"


def test_build_writes_every_output_and_prints_paths(demo: Path) -> None:
    names = sorted(p.name for p in demo.iterdir())
    assert names == ["briefing.html", "briefing.json", "briefing.md", "briefing.pdf", "manifest.json"]
    manifest = json.loads((demo / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["briefing"] == "china-russia-naval" and manifest["edition"] == "2024-04-22"
    assert len(manifest["sources"]) == 2
    import hashlib
    for out in manifest["outputs"]:
        data = (demo / out["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == out["sha256"]
    for src in manifest["sources"]:
        assert hashlib.sha256((SEEDS / Path(src["path"]).name).read_bytes()).hexdigest() == src["sha256"]


def test_pdf_reads_back_with_title_and_exercise(demo: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(demo / "briefing.pdf"))
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\s+", " ", text)
    assert "China–Russia Naval Cooperation" in text or "China-Russia Naval Cooperation" in text
    assert "Northern/Interaction-2023" in text
    assert reader.metadata.title.startswith("China–Russia Naval Cooperation")


def test_every_claim_cites_a_listed_source(demo: Path) -> None:
    md = (demo / "briefing.md").read_text(encoding="utf-8")
    html = (demo / "briefing.html").read_text(encoding="utf-8")
    briefing = json.loads((demo / "briefing.json").read_text(encoding="utf-8"))
    numbers = {s["number"] for s in briefing["sources"]}
    entries = [e for s in briefing["sections"] for e in s["entries"]]
    assert entries, "the demo briefing has claims"
    for e in entries:
        assert e["cites"] and {c["number"] for c in e["cites"]} <= numbers
    for n in numbers:
        assert f'id="src-{n}"' in html
        assert f"[{n}]" in md


def test_same_inputs_and_now_give_identical_md_html_json(demo: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(ROOT / "config" / "china-russia.yaml"), "--out",
                                 str(tmp_path), "--now", NOW, "--formats", "md,html"])
    assert result.exit_code == 0, result.output
    again = tmp_path / "china-russia-naval" / "2024-04-22"
    for name in ("briefing.md", "briefing.html", "briefing.json"):
        assert (again / name).read_bytes() == (demo / name).read_bytes(), name
    assert not (again / "briefing.pdf").exists()


def test_check_writes_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(ROOT / "config" / "china-russia.yaml"), "--out",
                                 str(tmp_path / "out"), "--check", "--now", NOW])
    assert result.exit_code == 0, result.output
    assert "nothing written" in result.stdout
    assert not (tmp_path / "out").exists()


def test_extract_offsets_index_the_file_text_for_every_item() -> None:
    result = runner.invoke(app, ["extract", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    texts = {s["id"]: (SEEDS / Path(s["path"]).name).read_bytes().decode("utf-8") for s in data["sources"]}
    assert data["claims"] and data["assessments"]
    for item in data["claims"] + data["assessments"]:
        assert texts[item["source"]][item["start"]:item["end"]] == item["text"]
    for x in data["exercises"]:
        for m in x["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(texts[m["source"]])


def test_seeds_give_northern_interaction_with_place_and_both_participants() -> None:
    result = runner.invoke(app, ["extract", str(SEEDS)])
    data = json.loads(result.stdout)
    found = [x for x in data["exercises"] if x["name"] == "Northern/Interaction-2023"]
    assert len(found) == 1
    x = found[0]
    assert x["year"] == 2023
    assert "Sea of Japan" in x["locations"]
    assert {"China", "Russia"} <= set(x["participants"])


def test_page_clutter_stays_out_of_the_briefing(demo: Path) -> None:
    text = (demo / "briefing.md").read_text(encoding="utf-8")
    for clutter in ("Follow Navy Recognition", "Related Articles", "Latest article",
                    "Read: ", "Picture source", "is a Master"):
        assert clutter not in text


def test_user_errors_exit_1_with_one_message(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, "id: t\ntitle: T\nsources: [{path: missing/*.txt}]\n"
                                 "sections: [{kind: claims}]\n")
    result = runner.invoke(app, ["build", str(cfg), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no readable sources" in result.stderr and "Traceback" not in result.output
    result = runner.invoke(app, ["build", str(cfg), "--formats", "md,docx"])
    assert result.exit_code == 1 and "docx" in result.stderr
    result = runner.invoke(app, ["build", str(cfg), "--now", "yesterday"])
    assert result.exit_code == 1 and "--now" in result.stderr
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 2


def test_failed_rebuild_leaves_previous_edition_whole(project: Path) -> None:
    cfg = project / "config" / "china-russia.yaml"
    out = project / "out"
    assert runner.invoke(app, ["build", str(cfg), "--out", str(out), "--now", NOW,
                               "--formats", "md,html"]).exit_code == 0
    edition = out / "china-russia-naval" / "2024-04-22"
    before = {p.name: p.read_bytes() for p in edition.iterdir()}
    templates = project / "templates"
    templates.mkdir()
    (templates / "briefing.html.j2").write_text("{{ briefing.no_such_field }}", encoding="utf-8")
    result = runner.invoke(app, ["build", str(cfg), "--out", str(out), "--now", NOW,
                                 "--formats", "md,html"])
    assert result.exit_code == 1, result.output
    assert "briefing.html.j2" in result.stderr
    assert {p.name: p.read_bytes() for p in edition.iterdir()} == before


def test_sources_command_lists_metadata() -> None:
    result = runner.invoke(app, ["sources", str(ROOT / "config" / "china-russia.yaml")])
    assert result.exit_code == 0, result.output
    assert "000_b962212e76d71500.txt" in result.stdout and "Navy Recognition" in result.stdout


def test_help_and_version() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "extract", "validate", "sources", "init", "eval"):
        assert command in result.stdout
    assert runner.invoke(app, ["--version"]).stdout.startswith("briefings ")


def test_init_scaffolds_a_project_that_builds_with_its_override(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    cfg = folder / "config" / "briefing.yaml"
    assert runner.invoke(app, ["validate", str(cfg)]).exit_code == 0
    for seed in SEEDS.glob("*.txt"):
        (folder / "articles" / seed.name).write_bytes(seed.read_bytes())
    result = runner.invoke(app, ["build", str(cfg), "--out", str(tmp_path / "out"),
                                 "--formats", "html", "--now", NOW])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "my-briefing" / "2024-04-22" / "briefing.html").read_text("utf-8")
    assert "Prepared for internal distribution." in html
    again = runner.invoke(app, ["init", str(folder)])
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_markup_in_source_text_is_escaped_end_to_end(tmp_path: Path) -> None:
    from lxml import html as lxml_html

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.txt").write_text(
        "Harbour Post\nFleet drills near the strait\n\n"
        "Greek and Cypriot warships held a two-day drill off Limassol on Tuesday, the defence "
        "ministry said in a note titled </title><script>alert(1)</script><img src=x onerror=y>.\n\n"
        "The ministry said [a link](javascript:alert(2)) and *stars* were part of the statement "
        "issued on Wednesday about the drill near Limassol.\n", encoding="utf-8")
    cfg = write_config(tmp_path, "id: hostile\ntitle: Hostile input\nsources: [{path: articles}]\n"
                                 "sections: [{kind: claims, limit: 5}, {kind: sources}]\n")
    result = runner.invoke(app, ["build", str(cfg), "--out", str(tmp_path / "out"), "--now", NOW,
                                 "--formats", "md,html"])
    assert result.exit_code == 0, result.output
    edition = tmp_path / "out" / "hostile" / "2024-04-22"
    html = (edition / "briefing.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(html)
    assert tree.xpath("//script") == [] and tree.xpath("//img") == []
    assert not [a for a in tree.xpath("//@*") if a.attrname.startswith("on")]
    assert not [h for h in tree.xpath("//a/@href") if h.lower().startswith("javascript")]
    assert "<script>alert(1)</script>" in tree.text_content()
    from markdown_it import MarkdownIt

    md = (edition / "briefing.md").read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark").render(md)
    assert "<script>" not in rendered and 'href="javascript' not in rendered


def test_pdf_pages_in_citations_and_unavailable_sources_listed(tmp_path: Path) -> None:
    from web_server import minimal_pdf

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "report.pdf").write_bytes(minimal_pdf([
        "Harbour Post report on naval drills, May 2, 2024.",
        "Greek and Cypriot warships held a two-day drill off Limassol on Tuesday, the defence "
        "ministry said in a statement.",
    ]))
    (articles / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\xff" * 500)
    cfg = write_config(tmp_path, "id: pages\ntitle: Pages\nsources: [{path: articles}]\n"
                                 "sections: [{kind: claims}, {kind: sources}]\nformats: [md, html]\n")
    result = runner.invoke(app, ["build", str(cfg), "--out", str(tmp_path / "out"), "--now", NOW])
    assert result.exit_code == 5, result.output  # partial: one source could not be read
    edition = tmp_path / "out" / "pages" / "2024-04-22"
    md = (edition / "briefing.md").read_text(encoding="utf-8")
    html = (edition / "briefing.html").read_text(encoding="utf-8")
    assert "off Limassol" in md and "[1] (p. 2)" in md
    assert "[1, p. 2]" in html
    assert "Unavailable" in md and "broken.pdf" in md
    assert "Unavailable sources" in html and "broken.pdf" in html


def test_no_readable_sources_says_what_was_skipped_and_why(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "articles" / "notes.docx").write_bytes(b"PK\x03\x04")
    outside = tmp_path / "outside.txt"
    outside.write_text("China and Russia held drills.", encoding="utf-8")
    (tmp_path / "articles" / "link.txt").symlink_to(outside)
    cfg = write_config(tmp_path, "id: t\ntitle: T\nsources: [{path: articles/*}]\n"
                                 "sections: [{kind: claims}]\n")
    result = runner.invoke(app, ["build", str(cfg), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no readable sources" in result.stderr
    for name in ("empty.txt", "link.txt", "notes.docx"):
        assert name in result.stderr, (name, result.stderr)
