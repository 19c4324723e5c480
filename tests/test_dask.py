"""--executor dask: a two-worker Dask cluster on loopback gives exactly the local result."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import distributed  # the `dask` extra, part of the `test` extra: this test runs in CI
import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.executor import DaskExecutor
from briefings.pipeline import extract_all
from briefings.sources.read import read_patterns
from conftest import ROOT, write_config

runner = CliRunner()
NOW = "2024-04-22T06:00:00"
TEXTS = sorted((ROOT / "tests" / "data").glob("*/*.txt"))[:16]


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes and a scheduler, all on 127.0.0.1."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as c:
        yield c


def test_extraction_on_the_cluster_equals_the_local_run(cluster) -> None:
    import os

    docs = read_patterns([str(p) for p in TEXTS], ROOT).documents
    local = extract_all(docs).to_json()
    with DaskExecutor(cluster.scheduler_address) as run:
        assert run.name == "dask" and run.workers == 2
        remote = extract_all(docs, executor=run, total=len(docs)).to_json()
        pids = set(run.map(_pid, range(8), chunksize=1))
    assert remote == local
    assert os.getpid() not in pids


def _pid(_: int) -> int:
    import os

    return os.getpid()


def test_build_with_the_dask_executor_writes_the_same_bytes(cluster, tmp_path: Path) -> None:
    src = tmp_path / "articles"
    src.mkdir()
    for i, p in enumerate(TEXTS):
        shutil.copy(p, src / f"{i:02d}_{p.name}")
    config = write_config(tmp_path, "id: dk\ntitle: Dask\nsources:\n  - path: articles/*.txt\n"
                          "sections:\n  - {kind: claims, title: Claims, limit: 30}\n"
                          "  - {kind: exercises, title: Exercises}\n"
                          "  - {kind: sources, title: Sources}\nformats: [md, html]\n")

    def build(out: Path, *extra: str) -> tuple[dict[str, bytes], dict]:
        result = runner.invoke(app, ["build", str(config), "--out", str(out), "--now", NOW,
                                     "--no-cache", *extra])
        assert result.exit_code == 0, result.output
        edition = out / "dk" / "2024-04-22"
        return ({n: (edition / n).read_bytes() for n in ("briefing.md", "briefing.html",
                                                         "briefing.json")},
                json.loads((edition / "manifest.json").read_text(encoding="utf-8")))

    local, _ = build(tmp_path / "local")
    remote, manifest = build(tmp_path / "dask", "--executor", "dask",
                             "--scheduler", cluster.scheduler_address)
    assert manifest["extraction"]["executor"] == "dask"
    assert remote == local


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from briefings.errors import BriefingError

    with pytest.raises(BriefingError, match="cannot reach the Dask scheduler"):
        DaskExecutor(f"tcp://127.0.0.1:{port}", timeout=1)


def test_workers_with_another_summariser_are_refused(cluster, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import briefings.extract_cache as ec
    from briefings.errors import BriefingError
    from briefings.pipeline import Execution, _extract_with
    from collections import deque

    with DaskExecutor(cluster.scheduler_address) as run:
        assert set(run.on_workers(ec.worker_fingerprint).values()) == {ec.extractor_fingerprint()}
    monkeypatch.setattr(ec, "extractor_fingerprint", lambda: "a locally edited summariser")
    docs = read_patterns([str(TEXTS[0])], ROOT).documents
    with pytest.raises(BriefingError, match="another version of the summariser"):
        _extract_with(deque(docs), Execution(executor="dask",
                                                 scheduler=cluster.scheduler_address, cache=False),
                      tmp_path, False, None, {})
