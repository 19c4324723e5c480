"""--jobs N: the summariser in N processes gives exactly what one process gives, in order."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.errors import BriefingError
from briefings.executor import (LocalExecutor, ProcessExecutor, chunk_size, cores, make_executor,
                                parse_jobs)
from briefings.pipeline import extract_all
from briefings.sources.read import read_patterns
from conftest import ROOT, write_config

runner = CliRunner()
NOW = "2024-04-22T06:00:00"
TEXTS = sorted((ROOT / "tests" / "data").glob("*/*.txt"))


def test_process_map_keeps_the_order_of_the_items() -> None:
    items = list(range(-250, 0))
    with ProcessExecutor(2) as run:
        assert list(run.map(abs, items, chunksize=7)) == [abs(i) for i in items]
        assert list(run.map(abs, iter(items[:3]), chunksize=64)) == [250, 249, 248]
        assert list(run.map(abs, [], chunksize=5)) == []
    assert list(LocalExecutor().map(abs, items, 7)) == [abs(i) for i in items]


def test_process_map_runs_in_other_processes() -> None:
    import os

    with ProcessExecutor(2) as run:
        pids = set(run.map(_pid, range(40), chunksize=1))
    assert os.getpid() not in pids and pids


def _pid(_: int) -> int:
    import os

    return os.getpid()


def test_extraction_in_two_processes_equals_one_process() -> None:
    docs = read_patterns([str(p) for p in TEXTS], ROOT).documents
    assert len(docs) >= 30
    serial = extract_all(docs).to_json()
    seen: list[tuple[int, int]] = []
    with ProcessExecutor(2) as run:
        parallel = extract_all(iter(docs), lambda i, n: seen.append((i, n)), executor=run,
                               total=len(docs)).to_json()
    assert parallel == serial
    assert [s["id"] for s in parallel["sources"]] == [d.id for d in docs]
    assert seen == [(i, len(docs)) for i in range(1, len(docs) + 1)]


def test_jobs_and_executor_choices() -> None:
    assert parse_jobs("3") == 3 and parse_jobs(None) == 1 and parse_jobs("auto") == cores() >= 1
    for bad in ("0", "-2", "many"):
        with pytest.raises(BriefingError):
            parse_jobs(bad)
    assert make_executor(None, 1).name == "local"
    with make_executor(None, 2) as run:
        assert run.name == "process" and run.workers == 2
    with pytest.raises(BriefingError):
        make_executor("threads", 2)
    with pytest.raises(BriefingError):
        make_executor("process", 2, "tcp://127.0.0.1:1")
    assert chunk_size(10_000, 2) == 64 and chunk_size(40, 2) == 2 and chunk_size(3, 4) == 1


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "articles"
    src.mkdir()
    for i, p in enumerate(TEXTS):
        shutil.copy(p, src / f"{i:02d}_{p.name}")
    return write_config(tmp_path, "id: par\ntitle: Parallel\nsources:\n  - path: articles/*.txt\n"
                        "sections:\n  - {kind: bluf, title: BLUF}\n"
                        "  - {kind: claims, title: Claims, limit: 30}\n"
                        "  - {kind: exercises, title: Exercises, show: [table, timeline]}\n"
                        "  - {kind: assessments, title: A, limit: 20}\n"
                        "  - {kind: sources, title: Sources}\nformats: [md, html]\n")


def _build(config: Path, out: Path, *extra: str) -> tuple[dict[str, bytes], dict]:
    result = runner.invoke(app, ["build", str(config), "--out", str(out), "--now", NOW,
                                 "--no-cache", *extra])
    assert result.exit_code == 0, result.output
    edition = out / "par" / "2024-04-22"
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    return ({n: (edition / n).read_bytes() for n in ("briefing.md", "briefing.html",
                                                     "briefing.json")}, manifest)


def test_build_with_two_jobs_writes_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    one, m1 = _build(corpus, tmp_path / "one")
    two, m2 = _build(corpus, tmp_path / "two", "--jobs", "2")
    assert m1["extraction"]["executor"] == "local"
    assert (m2["extraction"]["executor"], m2["extraction"]["jobs"]) == ("process", 2)
    assert m2["extraction"]["extracted"] == len(TEXTS)
    assert two == one
    assert m2["sources"] == m1["sources"]


def test_extract_command_with_jobs_prints_the_same(tmp_path: Path) -> None:
    args = ["extract", *[str(p) for p in TEXTS[:12]]]
    one = runner.invoke(app, args)
    two = runner.invoke(app, args + ["--jobs", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert two.stdout == one.stdout
    assert len(json.loads(one.stdout)["sources"]) == 12


def test_bad_jobs_is_a_usage_error_before_any_work(corpus: Path, tmp_path: Path) -> None:
    for extra in (["--jobs", "0"], ["--jobs", "lots"], ["--executor", "threads"],
                  ["--executor", "process", "--scheduler", "tcp://127.0.0.1:1"]):
        result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "o"), *extra])
        assert result.exit_code == 1, (extra, result.output)
        assert "error:" in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_extraction_lets_each_text_go_once_extracted(jobs: int) -> None:
    """Streaming: with lean extraction over a draining queue, no document outlives its turn."""
    import gc
    import weakref
    from collections import deque

    from briefings.pipeline import _drain

    docs = list(read_patterns([str(p) for p in TEXTS[:12]], ROOT).documents)
    refs = [weakref.ref(d) for d in docs]
    expected = extract_all(docs).to_json()
    pending = deque(docs)
    del docs
    alive_midway: list[int] = []

    def progress(done: int, total: int) -> None:
        gc.collect()
        alive_midway.append(sum(r() is not None for r in refs))

    with make_executor(None, jobs) as run:
        result = extract_all(_drain(pending), progress, executor=run, lean=True, total=12)
    gc.collect()
    assert result.to_json() == expected
    assert all(s.text == "" for s in result.sources)
    assert [r() for r in refs] == [None] * 12
    assert alive_midway[-1] <= 1 and min(alive_midway) < 12
