"""The send ledger: a second send is a no-op that says so; killed sends are never blindly repeated."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.config import load_config
from briefings.deliver.send import send_edition
from briefings.errors import BriefingError
from conftest import ROOT
from smtp_server import (BRIEFING_ID, EDITION_DATE, Recorder, copy_edition, delivery_yaml,
                         free_port, start_server, write_project)

runner = CliRunner()


@pytest.fixture
def server():
    started = start_server()
    yield started
    started.controller.stop()


def _cli(*args: str):
    return runner.invoke(app, list(args))


def test_second_send_is_a_no_op_that_says_so_unless_forced(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port, to=("a@example.org", "b@example.org")))
    copy_edition(tmp_path / "out")
    out = ["--out", str(tmp_path / "out")]
    first = _cli("send", str(config), *out)
    assert first.exit_code == 0, first.output
    assert server.handler.count("a@example.org") == server.handler.count("b@example.org") == 1
    second = _cli("send", str(config), *out)
    assert second.exit_code == 0
    assert f"nothing to do: edition {EDITION_DATE} was already sent to every recipient" in second.stdout
    assert len(server.handler.messages) == 2 and server.handler.events.count(("EHLO", "plain")) == 1
    forced = _cli("send", str(config), *out, "--force")
    assert forced.exit_code == 0 and len(server.handler.messages) == 4
    # the forced copy carries the same Message-ID: a receiving system can tell it is a resend
    ids = {m[2].split(b"Message-ID: ", 1)[1].split(b"\r\n", 1)[0] for m in server.handler.messages}
    assert len(ids) == 2


def test_dry_run_connects_to_nothing_and_records_nothing(tmp_path: Path) -> None:
    config = write_project(tmp_path, delivery_yaml(free_port()))  # nothing listens there
    folder = copy_edition(tmp_path / "out")
    result = _cli("send", str(config), "--out", str(tmp_path / "out"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would-send   desk@example.org (to) <2026-03-30." in result.stdout
    assert "dry run: nothing sent" in result.stdout
    assert not (folder.parent / "ledger.json").exists()
    assert json.loads((folder / "manifest.json").read_text())["deliveries"] == []


def test_only_the_missing_recipient_is_sent_after_a_refusal(tmp_path: Path) -> None:
    handler = Recorder(rcpt_replies={"b@example.org": ["550 5.1.1 unknown"]})
    srv = start_server(handler=handler)
    try:
        config = write_project(tmp_path, delivery_yaml(srv.port, to=("a@example.org", "b@example.org")))
        folder = copy_edition(tmp_path / "out")
        loaded = load_config(config)
        first = send_edition(loaded, folder)
        assert [d.status for d in first.deliveries] == ["sent", "refused"]
        second = send_edition(loaded, folder)  # the mailbox was fixed: a refused one is sent again
        assert [d.status for d in second.deliveries] == ["already-sent", "sent"]
        assert handler.count("a@example.org") == 1 and handler.count("b@example.org") == 1
    finally:
        srv.controller.stop()


def test_a_tampered_or_incomplete_edition_is_not_sent(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port))
    folder = copy_edition(tmp_path / "out")
    pdf = folder / "briefing.pdf"
    pdf.write_bytes(pdf.read_bytes()[:1000])  # torn
    with pytest.raises(BriefingError, match="does not match the sha256"):
        send_edition(load_config(config), folder)
    pdf.unlink()
    with pytest.raises(BriefingError, match="no briefing.pdf; nothing is sent without it"):
        send_edition(load_config(config), folder)
    assert server.handler.events == []


def test_an_unreadable_ledger_stops_sending(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port))
    folder = copy_edition(tmp_path / "out")
    (folder.parent / "ledger.json").write_text("{not json")
    result = _cli("send", str(config), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "send ledger is unreadable" in result.stderr
    assert server.handler.events == []


def _send_process(config: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "briefings", "send", str(config), "--out", str(out)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_after_handing_over_the_message_is_flagged_not_resent(tmp_path: Path) -> None:
    handler = Recorder(data_replies=["hang"])  # the server has the message but never replies
    srv = start_server(handler=handler)
    try:
        config = write_project(tmp_path, delivery_yaml(srv.port, to=("a@example.org", "b@example.org")))
        folder = copy_edition(tmp_path / "out")
        proc = _send_process(config, tmp_path / "out")
        assert handler.hung.wait(20), proc.communicate(timeout=5)
        proc.send_signal(signal.SIGKILL)  # between the server's receipt and our ledger commit
        proc.wait(timeout=5)
        result = _cli("send", str(config), "--out", str(tmp_path / "out"))
        assert result.exit_code == 3
        assert "a@example.org unknown" in result.stderr and "not sent again" in result.stdout
        assert handler.count("a@example.org") == 1 and handler.count("b@example.org") == 1
        manifest = json.loads((folder / "manifest.json").read_text())
        assert {d["recipient"]: d["status"] for d in manifest["deliveries"]} == {
            "a@example.org": "unknown", "b@example.org": "sent"}
    finally:
        srv.controller.stop()


def test_killed_mid_recipient_list_sends_only_the_rest(tmp_path: Path) -> None:
    handler = Recorder(rcpt_replies={"b@example.org": ["hang"]})  # stall before b's message
    srv = start_server(handler=handler)
    try:
        config = write_project(tmp_path, delivery_yaml(
            srv.port, to=("a@example.org", "b@example.org", "c@example.org")))
        copy_edition(tmp_path / "out")
        proc = _send_process(config, tmp_path / "out")
        assert handler.hung.wait(20), proc.communicate(timeout=5)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=5)
        assert handler.count("a@example.org") == 1 and len(handler.messages) == 1
        result = _cli("send", str(config), "--out", str(tmp_path / "out"))
        assert result.exit_code == 0, result.output
        assert "already-sent a@example.org" in result.stdout
        for address in ("a@example.org", "b@example.org", "c@example.org"):
            assert handler.count(address) == 1, address
    finally:
        srv.controller.stop()


def test_ledger_is_per_briefing_folder(tmp_path: Path, server) -> None:
    config = write_project(tmp_path, delivery_yaml(server.port))
    folder = copy_edition(tmp_path / "out")
    send_edition(load_config(config), folder)
    ledger = json.loads((tmp_path / "out" / BRIEFING_ID / "ledger.json").read_text())
    entry = ledger["editions"][EDITION_DATE]["desk@example.org"]
    assert entry["status"] == "sent" and entry["code"] == 250 and entry["kind"] == "to"
    assert list(folder.parent.glob(".tmp-*")) == []
