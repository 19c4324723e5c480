"""run-due end to end: due slots, catch-up, quiet when idle, the lock, killed runs, failed builds."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.errors import BusyError
from briefings.lock import hold_lock
from conftest import ROOT
from smtp_server import BRIEFING_ID, Recorder, delivery_yaml, start_server, write_project

runner = CliRunner()
WEEKLY = "schedule: {cron: '0 6 * * MON', timezone: Europe/London}\n"
SLOT = "2026-03-30T06:00:00+01:00"


@pytest.fixture
def server():
    started = start_server()
    yield started
    started.controller.stop()


def _run_due(config: Path, out: Path, now: str):
    return runner.invoke(app, ["run-due", str(config), "--out", str(out), "--now", now])


def _state(out: Path) -> dict:
    return json.loads((out / BRIEFING_ID / "state.json").read_text())


def _process(config: Path, out: Path, now: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "briefings", "run-due", str(config), "--out",
                             str(out), "--now", now], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_builds_and_sends_once_per_slot_and_catches_up_once(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port), WEEKLY)
    out = tmp_path / "out"
    early = _run_due(config, out, "2026-03-30T05:59:30")
    assert early.exit_code == 0 and early.output == ""  # quiet: cron mails any output
    on_time = _run_due(config, out, "2026-03-30T06:00:15")
    assert on_time.exit_code == 0, on_time.output
    assert f"slot {SLOT}: built" in on_time.stdout and "next run 2026-04-06T06:00:00+01:00" in on_time.stdout
    manifest = json.loads((out / BRIEFING_ID / "2026-03-30" / "manifest.json").read_text())
    assert manifest["schedule"]["catch_up"] is False and manifest["schedule"]["slot"] == SLOT
    assert [(d["recipient"], d["status"]) for d in manifest["deliveries"]] == [("desk@example.org", "sent")]
    again = _run_due(config, out, "2026-03-30T06:00:45")
    assert again.exit_code == 0 and again.output == ""
    assert server.handler.count("desk@example.org") == 1
    # down from then until Wednesday 15 April: one catch-up run, for Monday 13 April
    late = _run_due(config, out, "2026-04-15T09:00:00")
    assert late.exit_code == 0, late.output
    assert "slot 2026-04-13T06:00:00+01:00 (catch-up): built" in late.stdout
    manifest = json.loads((out / BRIEFING_ID / "2026-04-15" / "manifest.json").read_text())
    assert manifest["schedule"]["catch_up"] is True and manifest["schedule"]["missed"] == 1
    assert manifest["deliveries"][0]["status"] == "sent"
    assert _run_due(config, out, "2026-04-15T09:01:00").output == ""
    assert server.handler.count("desk@example.org") == 2
    state = _state(out)
    assert state["last_slot"] == "2026-04-13T06:00:00+01:00" and state["running"] is None
    assert state["last_run"]["status"] == "complete" and state["last_run"]["catch_up"] is True


def test_two_overlapping_calls_only_one_works(tmp_path: Path) -> None:
    handler = Recorder(data_replies=["sleep:2"])  # keep the first run busy inside its send
    srv = start_server(handler=handler)
    try:
        config = write_project(tmp_path, delivery_yaml(srv.port), WEEKLY)
        out = tmp_path / "out"
        _run_due(config, out, "2026-03-30T05:59:00")  # arm the schedule
        first = _process(config, out, "2026-03-30T06:00:10")
        assert handler.data_seen.wait(30), first.communicate(timeout=5)
        state_before = (out / BRIEFING_ID / "state.json").read_bytes()
        started = time.monotonic()
        second = _process(config, out, "2026-03-30T06:00:20")
        _out2, err2 = second.communicate(timeout=20)
        took = time.monotonic() - started
        assert second.returncode == 75, err2
        assert f"another briefings run (pid {first.pid}) is working on this briefing" in err2
        assert took < 1.5, took  # includes starting Python
        assert (out / BRIEFING_ID / "state.json").read_bytes() == state_before  # touched nothing
        out1, err1 = first.communicate(timeout=30)
        assert first.returncode == 0, err1
        assert handler.count("desk@example.org") == 1
        assert _state(out)["last_run"]["status"] == "complete"
    finally:
        srv.controller.stop()


def test_a_held_lock_stops_run_due_at_once_and_it_touches_nothing(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port), WEEKLY)
    out = tmp_path / "out"
    with hold_lock(out / BRIEFING_ID / ".lock"):
        result = _run_due(config, out, "2026-03-30T06:00:10")
        sent = runner.invoke(app, ["send", str(config), "--out", str(out),
                                   "--edition", str(out / BRIEFING_ID / "2026-03-30")])
    assert result.exit_code == 75 and "busy:" in result.stderr and "nothing done" in result.stderr
    assert sent.exit_code == 75
    assert sorted(p.name for p in (out / BRIEFING_ID).iterdir()) == [".lock"]
    assert server.handler.events == []


def test_a_held_lock_stops_build_too_but_not_build_check(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port), WEEKLY)
    out = tmp_path / "out"
    with hold_lock(out / BRIEFING_ID / ".lock"):
        built = runner.invoke(app, ["build", str(config), "--out", str(out), "--now", "2026-03-30"])
        checked = runner.invoke(app, ["build", str(config), "--out", str(out), "--now", "2026-03-30",
                                      "--check"])
    assert built.exit_code == 75 and "nothing done" in built.stderr
    assert checked.exit_code == 0, checked.output
    assert sorted(p.name for p in (out / BRIEFING_ID).iterdir()) == [".lock"]


def test_a_forked_child_does_not_keep_the_lock(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    ready, tell = os.pipe()
    with hold_lock(lock):
        pid = os.fork()
        if pid == 0:  # the child outlives its parent's hold, as a render worker may after kill -9
            os.write(tell, b"x")
            time.sleep(2)
            os._exit(0)
        assert os.read(ready, 1) == b"x"  # the child runs (fork hooks done)
    try:
        with hold_lock(lock):  # released although the child still runs
            assert os.waitpid(pid, os.WNOHANG) == (0, 0)
    finally:
        os.waitpid(pid, 0)
        os.close(ready)
        os.close(tell)


def test_kill_9_frees_the_lock_at_once(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    code = ("import sys, time; from pathlib import Path; from briefings.lock import hold_lock\n"
            f"with hold_lock(Path({str(lock)!r})):\n    print('held', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(BusyError, match=f"pid {proc.pid}"):
            with hold_lock(lock):
                pass
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=5)
    with hold_lock(lock):  # no stale-lock cleanup needed: the kernel released it
        pass


def test_a_killed_run_is_resumed_without_a_double_send(tmp_path: Path) -> None:
    handler = Recorder(data_replies=["hang"])  # a's message arrives, the reply never comes
    srv = start_server(handler=handler)
    try:
        config = write_project(tmp_path, delivery_yaml(srv.port, to=("a@example.org", "b@example.org")),
                               WEEKLY)
        out = tmp_path / "out"
        _run_due(config, out, "2026-03-30T05:59:00")
        proc = _process(config, out, "2026-03-30T06:00:05")
        assert handler.hung.wait(30), proc.communicate(timeout=5)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=5)
        assert _state(out)["running"]["slot"] == SLOT
        result = _run_due(config, out, "2026-03-30T06:01:05")
        assert result.exit_code == 3
        assert "did not finish; its slot is due again" in result.stderr
        assert "a@example.org unknown" in result.stderr
        assert handler.count("a@example.org") == 1 and handler.count("b@example.org") == 1
        manifest = json.loads((out / BRIEFING_ID / "2026-03-30" / "manifest.json").read_text())
        assert {d["recipient"]: d["status"] for d in manifest["deliveries"]} == {
            "a@example.org": "unknown", "b@example.org": "sent"}
        assert manifest["schedule"]["catch_up"] is True
        assert _state(out)["last_run"]["status"] == "delivery-failed"
    finally:
        srv.controller.stop()


def test_a_failed_build_sends_nothing_and_is_not_retried_every_minute(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port), WEEKLY)
    out = tmp_path / "out"
    _run_due(config, out, "2026-03-30T05:59:00")
    (out / BRIEFING_ID / "2026-03-30").write_text("not a folder")  # the edition cannot be written
    result = _run_due(config, out, "2026-03-30T06:00:10")
    assert result.exit_code == 1 and "cannot write the edition" in result.stderr
    assert server.handler.events == []
    assert _state(out)["last_run"]["status"] == "failed"
    assert _run_due(config, out, "2026-03-30T06:01:10").output == ""


def test_catch_up_false_skips_and_stale_temp_files_go(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port),
                           "schedule: {cron: '0 6 * * *', catch_up: false}\n")
    out = tmp_path / "out"
    assert _run_due(config, out, "2026-03-29T12:00:00").output == ""
    stale = out / BRIEFING_ID / ".tmp-abc-state.json"
    stale.write_text("{")
    result = _run_due(config, out, "2026-03-30T09:00:00")
    assert result.exit_code == 0
    assert "missed slot 2026-03-30T06:00:00+01:00 skipped (schedule.catch_up is false)" in result.stdout
    assert not stale.exists() and server.handler.events == []
    assert _state(out)["last_run"]["status"] == "skipped"


def test_input_problems_are_reported_per_config(tmp_path: Path) -> None:
    plain = write_project(tmp_path)  # the demo config: no schedule
    result = runner.invoke(app, ["run-due", str(plain), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "has no 'schedule'" in result.stderr
    scheduled = write_project(tmp_path / "b", "", WEEKLY)
    (tmp_path / "out" / BRIEFING_ID).mkdir(parents=True)
    (tmp_path / "out" / BRIEFING_ID / "state.json").write_text("{broken")
    result = runner.invoke(app, ["run-due", str(scheduled), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "schedule state is unreadable" in result.stderr
    result = runner.invoke(app, ["run-due", str(scheduled), "--now", "monday"])
    assert result.exit_code == 1 and "not an ISO date" in result.stderr


def test_a_partial_edition_is_sent_and_exits_5(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port), WEEKLY)
    (tmp_path / "seeds" / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\xff" * 500)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - path: ../seeds/*.txt\n",
                                   "  - path: ../seeds/*.txt\n  - path: ../seeds/*.pdf\n"))
    out = tmp_path / "out"
    result = _run_due(config, out, "2026-03-30T06:00:15")
    assert result.exit_code == 5, result.output  # as `build`: the edition exists but is partial
    assert "partial edition: 1 source(s) unavailable" in result.stderr
    assert server.handler.count("desk@example.org") == 1
    assert _state(out)["last_run"]["status"] == "partial"
    assert _run_due(config, out, "2026-03-30T06:01:00").output == ""  # the slot is done
