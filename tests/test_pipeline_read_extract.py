"""A build extracts each file in the worker that read it: the same extraction, ids and sources as
reading everything first and extracting after, whatever files are dropped on the way."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.config import SourceSpec
from briefings.executor import make_executor
from briefings.extract.document import extract_document
from briefings.pipeline import ReadExtract, _ready_parts
from briefings.sources.collect import collect_sources
from conftest import ROOT, write_config

runner = CliRunner()
TEXTS = sorted((ROOT / "tests" / "data" / "blind").glob("*.txt"))[:8]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Articles with a blank file first and a verbatim copy midway: ids shift after each."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a00-blank.txt").write_text(" \n\n", encoding="utf-8")
    for k, path in enumerate(TEXTS):
        (src / f"a{2 * k + 1:02d}.txt").write_bytes(path.read_bytes())
        if k == 3:
            (src / f"a{2 * k + 2:02d}-copy.txt").write_bytes(path.read_bytes())
    return src


@pytest.mark.parametrize("jobs", [1, 2])
def test_extracted_where_read_equals_read_then_extracted(folder: Path, jobs: int) -> None:
    specs = [SourceSpec(path="*.txt")]
    plain = collect_sources(specs, folder, {"Meridian Wire": "B"})
    with make_executor(None, jobs) as run:
        got = collect_sources(specs, folder, {"Meridian Wire": "B"}, reader=run,
                              after_read=ReadExtract())
    assert len(plain.documents) == len(TEXTS) and plain.skipped and plain.duplicates
    assert [d.id for d in got.documents] == [d.id for d in plain.documents]
    for mine, theirs in zip(got.documents, plain.documents):
        assert mine.text == "" and mine.chars == theirs.chars
        assert (mine.path, mine.sha256, mine.title, mine.published, mine.outlet, mine.origin,
                mine.reliability) == (theirs.path, theirs.sha256, theirs.title, theirs.published,
                                      theirs.outlet, theirs.origin, theirs.reliability)
    assert (got.skipped, got.duplicates) == (plain.skipped, plain.duplicates)
    ready, figures = _ready_parts(got)
    assert figures["extracted"] == len(TEXTS) and figures["cached"] == 0
    assert ready == {d.id: extract_document(d) for d in plain.documents}
    # the ids the workers guessed were wrong after the blank file: the results were renamed
    assert any(guess != doc_id for doc_id, (guess, _) in got.prepared.items())
    assert got.worker_seconds[0] > 0 and got.worker_seconds[1] > 0


def test_a_document_outside_the_period_is_not_extracted(folder: Path) -> None:
    plain = collect_sources([SourceSpec(path="*.txt")], folder)
    days = sorted(d.published[:10] for d in plain.documents if d.published)
    assert len(set(days)) > 1
    from datetime import date

    window = (date.fromisoformat(days[-1]), date.fromisoformat(days[-1]))
    got = collect_sources([SourceSpec(path="*.txt")], folder, after_read=ReadExtract(window=window))
    outside = {d.id for d in got.documents if d.published and d.published[:10] < days[-1]}
    assert outside and not outside & set(got.prepared)


def _config(folder: Path, tmp: Path) -> Path:
    return write_config(tmp, "id: rx\ntitle: Read and extract\ntimezone: UTC\n"
                        f"sources:\n  - path: {folder}/*.txt\n"
                        "sections:\n  - {kind: claims, title: Claims, limit: 30}\n"
                        "  - {kind: assessments, title: A, limit: 20}\n"
                        "  - {kind: sources, title: Sources}\nformats: [md, html]\n")


@pytest.mark.parametrize("extra", [["--no-cache"], ["--jobs", "2"], ["--jobs", "2", "--no-cache"]])
def test_builds_agree_and_count_what_they_extracted(folder: Path, tmp_path: Path,
                                                    extra: list[str]) -> None:
    config = _config(folder, tmp_path)
    outs = []
    for name, args in (("one", ["--no-cache"]), ("other", extra), ("again", extra)):
        result = runner.invoke(app, ["build", str(config), "--out", str(tmp_path / "o"),
                                     "--now", "2024-04-22", *args])
        assert result.exit_code == 0, result.output
        edition = tmp_path / "o" / "rx" / "2024-04-22"
        manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
        outs.append(((edition / "briefing.json").read_bytes(), manifest))
    assert outs[0][0] == outs[1][0] == outs[2][0]
    info = outs[2][1]["extraction"]
    assert info["documents"] == len(TEXTS)
    if "--no-cache" in extra:
        assert (info["cached"], info["extracted"]) == (0, len(TEXTS))
    else:
        assert (info["cached"], info["extracted"]) == (len(TEXTS), 0)
    timings = outs[2][1]["timings"]
    assert timings["read"] > 0 and timings["extract"] > 0
