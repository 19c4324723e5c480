"""A disk that fills up mid-write (a real file size limit in a child process) changes nothing."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from smtp_server import BRIEFING_ID, delivery_yaml, start_server, write_project

LIMIT = 10_000  # bytes: the Markdown fits, the HTML does not


def _limited() -> None:
    """In the child: writes past LIMIT bytes fail with EFBIG, as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def _briefings(*args: str, limited: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "briefings", *args], cwd=ROOT, env=env,
                          text=True, capture_output=True, timeout=120,
                          preexec_fn=_limited if limited else None)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_write_that_fails_part_way_leaves_the_previous_edition_whole(tmp_path: Path) -> None:
    config = write_project(tmp_path)
    out = tmp_path / "out"
    first = _briefings("build", str(config), "--out", str(out), "--now", "2024-04-22T06:00",
                       "--formats", "md,html", limited=False)
    assert first.returncode == 0, first.stderr
    edition = out / BRIEFING_ID / "2024-04-22"
    before = _snapshot(edition)
    assert len(before["briefing.md"]) < LIMIT < len(before["briefing.html"])
    again = _briefings("build", str(config), "--out", str(out), "--now", "2024-04-22T09:00",
                       "--formats", "md,html", limited=True)
    assert again.returncode == 1, again.stderr
    assert "cannot write the edition: File too large" in again.stderr
    assert "Traceback" not in again.stderr
    # not even the Markdown, which fitted, was replaced: the edition is the old one, whole
    assert _snapshot(edition) == before
    # and without the limit the same build goes through and replaces it
    ok = _briefings("build", str(config), "--out", str(out), "--now", "2024-04-22T09:00",
                    "--formats", "md,html", limited=False)
    assert ok.returncode == 0, ok.stderr
    assert _snapshot(edition)["briefing.md"] != before["briefing.md"]
    assert "interrupted" not in ok.stderr


def test_run_due_sends_nothing_when_the_edition_cannot_be_written(tmp_path: Path) -> None:
    server = start_server()
    try:
        schedule = "schedule: {cron: '0 6 * * MON', timezone: Europe/London}\n"
        config = write_project(tmp_path, delivery_yaml(server.port), schedule)
        out = tmp_path / "out"
        run = _briefings("run-due", str(config), "--out", str(out), "--now",
                         "2026-03-30T06:00:15", limited=True)
        assert run.returncode == 1, run.stderr
        assert "cannot write the edition" in run.stderr
        assert server.handler.count("desk@example.org") == 0
        edition = out / BRIEFING_ID / "2026-03-30"
        assert not edition.exists() or not any(edition.iterdir())
    finally:
        server.controller.stop()
