"""The extraction cache: lossless JSON, rebuilds that re-extract only what changed, identical output."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.extract.document import extract_document
from briefings.extract_cache import ExtractCache, package_fingerprint, source_key
from briefings.model import (Assessment, Claim, Conflict, DocumentExtraction, Exercise,
                             SourceDocument, SourceRecord, Span)
from briefings.sources.read import read_patterns
from conftest import ROOT, write_config

runner = CliRunner()
NOW = "2024-04-22T06:00:00"
TEXTS = sorted((ROOT / "tests" / "data" / "blind").glob("*.txt"))[:6]


def test_every_field_of_a_document_extraction_round_trips_through_json() -> None:
    x = DocumentExtraction(
        claims=(Claim("A said B.", "s3", 4, 13, 0.123456789, id="c1", date="2024-04-01",
                      attribution="A", corroborated_by=(Span("s4", 1, 9),), origins=2,
                      credibility=2, confidence="moderate"),),
        assessments=(Assessment("It is likely.", "s3", 20, 33, 0.75, id="a1", holder="analyst",
                                likelihood="likely", confidence="high"),),
        exercises=(Exercise("Joint Sea-2024", 2024, id="x1", aliases=("JS-24",), series="Joint Sea",
                            start="2024-07-01", end="2024-07-05", status="planned",
                            locations=("Sea of Japan",), participants=("China", "Russia"),
                            observers=("Iran",), activities=("live fire",),
                            mentions=(Span("s3", 0, 12), Span("s3", 40, 52)),
                            conflicts=(Conflict("year", ((2024, ("s3",)), (2023, ("s4",)))),
                                       Conflict("participants", ((("China",), ("s3",)),)))),))
    data = json.loads(json.dumps(x.to_json()))
    assert DocumentExtraction.from_json(data) == x
    assert DocumentExtraction.from_json(DocumentExtraction().to_json()) == DocumentExtraction()


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem[:20])
def test_real_extractions_round_trip(path: Path) -> None:
    doc = read_patterns([str(path)], ROOT).documents[0]
    x = extract_document(doc)
    assert x.claims or x.exercises, "a text with something to find"
    assert DocumentExtraction.from_json(json.loads(json.dumps(x.to_json()))) == x


def test_malformed_json_is_refused() -> None:
    good = DocumentExtraction(claims=(Claim("t", "s1", 0, 1, 0.5),)).to_json()
    for bad in ({"claims": []}, {**good, "claims": [{**good["claims"][0], "start": "0"}]},
                {**good, "claims": [{**good["claims"][0], "score": True}]}, []):
        with pytest.raises((KeyError, ValueError, TypeError)):
            DocumentExtraction.from_json(bad)


def test_a_source_record_keeps_everything_but_the_text() -> None:
    doc = SourceDocument("s1", "a.txt", "hello world", title="T", sha256="ab", pages=(0, 5))
    rec = SourceRecord.of(doc)
    assert rec.text == "" and rec.chars == 11 and rec.to_json() == doc.to_json()
    assert rec.page_at(6) == doc.page_at(6) == 2


# ---- builds -----------------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "articles"
    src.mkdir()
    for p in TEXTS:
        shutil.copy(p, src / p.name)
    write_config(tmp_path, "id: cache-test\ntitle: Cache test\nsources:\n  - path: articles/*.txt\n"
                 "sections:\n  - {kind: claims, title: Claims, limit: 20}\n"
                 "  - {kind: exercises, title: Exercises}\n  - {kind: assessments, title: A}\n"
                 "  - {kind: sources, title: Sources}\nformats: [md, html]\n")
    return tmp_path


def build(project: Path, out: Path, *extra: str) -> dict:
    result = runner.invoke(app, ["build", str(project / "briefing.yaml"), "--out", str(out),
                                 "--now", NOW, *extra])
    assert result.exit_code == 0, result.output
    edition = out / "cache-test" / "2024-04-22"
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    return {"extraction": manifest["extraction"],
            "files": {n: (edition / n).read_bytes()
                      for n in ("briefing.md", "briefing.html", "briefing.json")}}


def entries(out: Path) -> list[Path]:
    return sorted((out / ".cache" / "extract").glob("*/*.json"))


def test_a_rebuild_extracts_nothing_and_writes_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(corpus, out)
    assert (first["extraction"]["cached"], first["extraction"]["extracted"]) == (0, len(TEXTS))
    assert len(entries(out)) == len(TEXTS)
    second = build(corpus, out)
    assert (second["extraction"]["cached"], second["extraction"]["extracted"]) == (len(TEXTS), 0)
    fresh = build(corpus, tmp_path / "fresh", "--no-cache")
    assert fresh["extraction"]["cache"] is None
    assert not (tmp_path / "fresh" / ".cache" / "extract").exists()
    assert second["files"] == first["files"] == fresh["files"]


def test_changing_one_source_re_extracts_only_it(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(corpus, out)
    target = sorted((corpus / "articles").iterdir())[2]
    target.write_text(target.read_text(encoding="utf-8") + "\nThe navy said 12 ships took part.\n",
                      encoding="utf-8")
    again = build(corpus, out)
    assert (again["extraction"]["cached"], again["extraction"]["extracted"]) == (len(TEXTS) - 1, 1)
    assert again["files"] == build(corpus, tmp_path / "fresh", "--no-cache")["files"]


def test_a_source_added_in_front_renumbers_cached_results(corpus: Path, tmp_path: Path) -> None:
    """Ids follow reading order: a hit extracted as s1 and now read as s2 is renamed on load."""
    out = tmp_path / "out"
    build(corpus, out)
    shutil.copy(ROOT / "tests" / "data" / "blind3" / sorted(
        p.name for p in (ROOT / "tests" / "data" / "blind3").glob("*.txt"))[0],
        corpus / "articles" / "00_first.txt")
    again = build(corpus, out)
    assert (again["extraction"]["cached"], again["extraction"]["extracted"]) == (len(TEXTS), 1)
    fresh = build(corpus, tmp_path / "fresh", "--no-cache")
    assert again["files"] == fresh["files"]


def test_the_cached_extraction_equals_the_uncached_one(tmp_path: Path) -> None:
    from briefings.pipeline import extract_all

    docs = read_patterns([str(p) for p in TEXTS], ROOT).documents
    plain = extract_all(docs).to_json()
    cache = ExtractCache(tmp_path / "c")
    assert extract_all(docs, cache=cache).to_json() == plain
    assert (cache.stats.extracted, cache.stats.cached) == (len(docs), 0)
    cache = ExtractCache(tmp_path / "c")
    assert extract_all(docs, cache=cache, lean=True).to_json() == plain
    assert (cache.stats.extracted, cache.stats.cached) == (0, len(docs))


def test_corrupt_and_tampered_entries_are_ignored_and_rewritten(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    clean = build(corpus, out)
    files = entries(out)
    files[0].write_bytes(b"{not json")
    data = json.loads(files[1].read_text(encoding="utf-8"))
    claim = data["extraction"]["claims"][0]
    claim["text"] = "Something the source never said."
    files[1].write_text(json.dumps(data), encoding="utf-8")
    files[2].write_bytes(b"")
    files[3].write_bytes(b"[" * 100_000)  # too deep for the parser
    again = build(corpus, out)
    assert (again["extraction"]["cached"], again["extraction"]["extracted"]) == (len(TEXTS) - 4, 4)
    assert again["extraction"]["cache_corrupt"] == 4
    assert again["files"] == clean["files"]
    for f in files[:4]:
        DocumentExtraction.from_json(json.loads(f.read_text(encoding="utf-8"))["extraction"])
    assert build(corpus, out)["extraction"]["extracted"] == 0


def test_check_reads_the_cache_but_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus / "briefing.yaml"), "--out", str(out),
                                 "--now", NOW, "--check"])
    assert result.exit_code == 0, result.output
    assert f"{len(TEXTS)} extracted, 0 from cache" in result.output
    assert not entries(out)
    build(corpus, out)
    result = runner.invoke(app, ["build", str(corpus / "briefing.yaml"), "--out", str(out),
                                 "--now", NOW, "--check"])
    assert f"0 extracted, {len(TEXTS)} from cache" in result.output


def test_the_key_follows_text_and_metadata_inputs() -> None:
    doc = SourceDocument("s1", "a.txt", "Some text.", title="T", published="2024-01-01")
    key = source_key(doc, "fp")
    assert source_key(SourceDocument("s9", "b.txt", "Some text.", title="T",
                                     published="2024-01-01", outlet="X"), "fp") == key
    from dataclasses import replace
    for changed in (replace(doc, text="Some text!"), replace(doc, title="U"),
                    replace(doc, published=None)):
        assert source_key(changed, "fp") != key
    assert source_key(doc, "other") != key


def test_the_fingerprint_changes_with_the_extractor_code_and_data(tmp_path: Path) -> None:
    pkg = tmp_path / "briefings"
    for folder in ("extract", "data"):
        shutil.copytree(ROOT / "briefings" / folder, pkg / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "briefings" / "model.py", pkg / "model.py")
    base = package_fingerprint(pkg)
    assert package_fingerprint(pkg) == base
    (pkg / "extract" / "claims.py").write_text("# edited\n", encoding="utf-8")
    edited = package_fingerprint(pkg)
    assert edited != base
    with (pkg / "data" / "countries.yaml").open("a", encoding="utf-8") as f:
        f.write("\n# a new country\n")
    assert package_fingerprint(pkg) not in (base, edited)


def test_prune_drops_least_recently_used_entries_beyond_the_bound(tmp_path: Path) -> None:
    import os
    import time

    cache = ExtractCache(tmp_path / "c", fingerprint="fp")
    docs = [SourceDocument(f"s{i}", f"{i}.txt", f"Text number {i}. " * 50) for i in range(10)]
    for i, d in enumerate(docs):
        cache.put(d, DocumentExtraction(claims=(Claim("Text number", d.id, 0, 11, 0.5),)))
        path = cache._path(source_key(d, "fp"))
        os.utime(path, (time.time() - 1000 + i, time.time() - 1000 + i))
    size = sum(p.stat().st_size for p in (tmp_path / "c").glob("*/*.json"))
    assert cache.get(docs[0]) is not None  # touched: now the most recent
    cache.max_bytes = size // 2
    removed = cache.prune()
    assert removed >= 5
    left = {p.name for p in (tmp_path / "c").glob("*/*.json")}
    assert f"{source_key(docs[0], 'fp')}.json" in left  # used last, kept
    assert f"{source_key(docs[1], 'fp')}.json" not in left  # oldest, gone
    assert sum(p.stat().st_size for p in (tmp_path / "c").glob("*/*.json")) <= size // 2


def test_the_bound_can_be_set_in_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("BRIEFINGS_EXTRACT_CACHE_MB", "2.5")
    assert ExtractCache(tmp_path).max_bytes == int(2.5 * (1 << 20))
    monkeypatch.setenv("BRIEFINGS_EXTRACT_CACHE_MB", "lots")
    assert ExtractCache(tmp_path).max_bytes == 1 << 30
    monkeypatch.delenv("BRIEFINGS_EXTRACT_CACHE_MB")
    assert ExtractCache(tmp_path).max_bytes == 1 << 30
