"""E-mail delivery against a real aiosmtpd server on loopback: TLS, AUTH, retries, refusals, drops."""
from __future__ import annotations

import base64
import email
import json
import logging
from email import policy
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.config import load_config
from briefings.deliver.message import message_id
from briefings.deliver.send import send_edition
from briefings.errors import BriefingError, DeliveryError
from smtp_server import (BRIEFING_ID, EDITION_DATE, PASSWORD, USER, LoopbackCA, Recorder,
                         copy_edition, delivery_yaml, start_server, write_project)

runner = CliRunner()
ENV = {"SMTP_USER": USER, "SMTP_PASS": PASSWORD}
CREDS = ", username_env: SMTP_USER, password_env: SMTP_PASS"


@pytest.fixture
def servers():
    """Start servers through `servers(...)`; all are stopped after the test."""
    started = []

    def start(**kwargs):
        server = start_server(**kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.controller.stop()


@pytest.fixture
def ca(tmp_path: Path) -> LoopbackCA:
    return LoopbackCA(tmp_path)


class Sleeps(list):
    """A fake sleep that records the delays asked for."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _send(tmp_path: Path, delivery: str, **kw):
    config = write_project(tmp_path, delivery)
    folder = copy_edition(tmp_path / "out")
    sleeps = Sleeps()
    report = send_edition(load_config(config), folder, sleep=sleeps, jitter=lambda: 0.5, **kw)
    return report, folder, sleeps


def _parsed(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)


def test_starttls_with_test_ca_login_only_after_tls(tmp_path, servers, ca) -> None:
    server = servers(tls=ca.server_context(), auth=True)
    delivery = delivery_yaml(server.port, to=("desk@example.org", "'Ann Lee <ann@example.org>'"),
                             security="starttls",
                             smtp_extra=f", ca_file: {ca.ca_file}{CREDS}",
                             email_extra="    bcc: [chief@example.org]\n")
    report, folder, sleeps = _send(tmp_path, delivery, environ=ENV)
    assert [d.status for d in report.deliveries] == ["sent", "sent", "sent"], report.lines()
    assert server.auth.attempts and all(tls for _login, tls in server.auth.attempts)
    assert [e for e in server.handler.events if e[0] == "EHLO"][0] == ("EHLO", "plain")
    assert server.handler.events[1] == ("EHLO", "tls")  # AUTH and MAIL only after the upgrade
    # each recipient gets its own transaction: the envelope is exactly the configured list
    assert sorted(r for _f, rcpts, _c in server.handler.messages for r in rcpts) == [
        "ann@example.org", "chief@example.org", "desk@example.org"]
    raw = server.handler.messages[0][2]
    msg = _parsed(raw)
    expected_id = message_id(BRIEFING_ID, EDITION_DATE, "desk@example.org", "example.org")
    assert msg["Message-ID"].strip() == expected_id
    assert msg["Subject"] == f"China–Russia Naval Cooperation: {EDITION_DATE}"
    assert "Bcc" not in msg and "chief@" not in raw.decode("ascii")
    assert msg["To"] == "desk@example.org, Ann Lee <ann@example.org>"
    assert msg["Auto-Submitted"] == "auto-generated"
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text == (folder / "briefing.md").read_text("utf-8")
    html = msg.get_body(("html",)).get_content()
    assert "Northern/Interaction" in html or "Bottom line" in html
    assert "<script" not in html and "<link" not in html and "<style" not in html
    assert 'style="' in html and "src=" not in html
    pdf = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert len(pdf) == 1 and pdf[0].get_content() == (folder / "briefing.pdf").read_bytes()
    assert pdf[0].get_filename() == f"{BRIEFING_ID}-{EDITION_DATE}.pdf"
    assert sleeps == []
    manifest = json.loads((folder / "manifest.json").read_text())
    assert [(d["recipient"], d["kind"], d["status"]) for d in manifest["deliveries"]] == [
        ("desk@example.org", "to", "sent"), ("ann@example.org", "to", "sent"),
        ("chief@example.org", "bcc", "sent")]
    assert all(d["message_id"].startswith(f"<{EDITION_DATE}.") for d in manifest["deliveries"])


def test_implicit_tls_port(tmp_path, servers, ca) -> None:
    server = servers(tls=ca.server_context(), implicit_tls=True)
    delivery = delivery_yaml(server.port, security="ssl", smtp_extra=f", ca_file: {ca.ca_file}")
    report, _folder, _sleeps = _send(tmp_path, delivery)
    assert [d.status for d in report.deliveries] == ["sent"]
    assert server.handler.count("desk@example.org") == 1


def test_untrusted_certificate_is_refused(tmp_path, servers, ca) -> None:
    server = servers(tls=ca.server_context(), auth=True)
    # no ca_file: the system store does not know the test CA, so the certificate is not trusted
    delivery = delivery_yaml(server.port, security="starttls", smtp_extra=CREDS)
    report, _folder, sleeps = _send(tmp_path, delivery, environ=ENV)
    [d] = report.deliveries
    assert d.status == "failed" and "certificate" in d.reply and "not trusted" in d.reply
    assert server.auth.attempts == [] and server.handler.messages == []
    assert sleeps == []  # a certificate problem is not retried


def test_server_without_starttls_gets_no_login_and_no_mail(tmp_path, servers) -> None:
    server = servers()  # plain server: does not offer STARTTLS
    delivery = delivery_yaml(server.port, security="starttls", smtp_extra=CREDS)
    report, _folder, _sleeps = _send(tmp_path, delivery, environ=ENV)
    [d] = report.deliveries
    assert d.status == "failed" and "does not offer STARTTLS" in d.reply
    assert [e[0] for e in server.handler.events] == ["EHLO"]


def test_451_twice_then_250_is_one_message_with_backoff(tmp_path, servers) -> None:
    handler = Recorder(data_replies=["451 4.3.0 try later", "451 4.3.0 still busy"])
    server = servers(handler=handler)
    delivery = delivery_yaml(server.port, retry_delay=2)
    report, folder, sleeps = _send(tmp_path, delivery)
    [d] = report.deliveries
    assert d.status == "sent" and d.attempts == 3
    assert handler.count("desk@example.org") == 1
    assert sleeps == [2 * 1.125, 4 * 1.125]  # doubling, with the (fixed) jitter
    ledger = json.loads((folder.parent / "ledger.json").read_text())
    assert ledger["editions"][EDITION_DATE]["desk@example.org"]["attempts"] == 3


def test_4xx_that_outlasts_the_retries_fails(tmp_path, servers) -> None:
    handler = Recorder(data_replies=["451 4.3.0 busy"] * 5)
    server = servers(handler=handler)
    report, _folder, sleeps = _send(tmp_path, delivery_yaml(server.port, smtp_extra=", retries: 2"))
    [d] = report.deliveries
    assert d.status == "failed" and "after 3 attempt(s)" in d.reply and "451" in d.reply
    assert len(sleeps) == 2 and handler.messages == []


def test_550_for_one_of_two_recipients(tmp_path, servers) -> None:
    handler = Recorder(rcpt_replies={"gone@example.org": ["550 5.1.1 no such user"]})
    server = servers(handler=handler)
    config = write_project(tmp_path, delivery_yaml(server.port, to=("desk@example.org", "gone@example.org")))
    folder = copy_edition(tmp_path / "out")
    result = runner.invoke(app, ["send", str(config), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    assert "gone@example.org refused" in result.stderr
    assert "550 5.1.1 no such user" in result.stdout
    assert handler.count("desk@example.org") == 1 and handler.count("gone@example.org") == 0
    assert handler.events.count(("RCPT", "gone@example.org")) == 1  # 5xx: never retried
    manifest = json.loads((folder / "manifest.json").read_text())
    assert {d["recipient"]: (d["status"], d["code"]) for d in manifest["deliveries"]} == {
        "desk@example.org": ("sent", 250), "gone@example.org": ("refused", 550)}


def test_only_the_4xx_recipient_is_retried(tmp_path, servers) -> None:
    handler = Recorder(rcpt_replies={"gone@example.org": ["550 5.1.1 no such user"],
                                     "busy@example.org": ["451 4.2.1 mailbox busy"]})
    server = servers(handler=handler)
    delivery = delivery_yaml(server.port, to=("gone@example.org", "busy@example.org"))
    report, _folder, sleeps = _send(tmp_path, delivery)
    assert {d.recipient: d.status for d in report.deliveries} == {
        "gone@example.org": "refused", "busy@example.org": "sent"}
    assert handler.events.count(("RCPT", "gone@example.org")) == 1
    assert handler.events.count(("RCPT", "busy@example.org")) == 2
    assert len(sleeps) == 1


def test_connection_dropped_after_data_is_unknown_and_never_resent(tmp_path, servers) -> None:
    handler = Recorder(data_replies=["drop"])
    server = servers(handler=handler)
    config = write_project(tmp_path, delivery_yaml(server.port))
    folder = copy_edition(tmp_path / "out")
    out = ["--out", str(tmp_path / "out")]
    first = runner.invoke(app, ["send", str(config), *out])
    assert first.exit_code == 3 and "desk@example.org unknown" in first.stderr
    assert "may have been delivered" in first.stdout
    assert handler.count("desk@example.org") == 1  # the server has it; we could not know
    again = runner.invoke(app, ["send", str(config), *out])
    assert again.exit_code == 3 and "not sent again" in again.stdout
    assert handler.count("desk@example.org") == 1
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["deliveries"][0]["status"] == "unknown"
    forced = runner.invoke(app, ["send", str(config), *out, "--force"])
    assert forced.exit_code == 0, forced.output
    assert handler.count("desk@example.org") == 2


def test_oversized_attachment_fails_before_anything_is_sent(tmp_path, servers) -> None:
    server = servers()
    delivery = delivery_yaml(server.port, email_extra="    max_attachment_mb: 0.001\n")
    with pytest.raises(DeliveryError, match="max_attachment_mb is 0.001: nothing was sent"):
        _send(tmp_path, delivery)
    assert server.handler.events == []
    assert not (tmp_path / "out" / BRIEFING_ID / "ledger.json").exists()


def test_missing_credential_variable_is_an_error_before_connecting(tmp_path, servers) -> None:
    server = servers()
    delivery = delivery_yaml(server.port, security="starttls", smtp_extra=CREDS)
    with pytest.raises(BriefingError, match="SMTP_PASS .*is not set"):
        _send(tmp_path, delivery, environ={"SMTP_USER": USER})
    assert server.handler.events == []


def test_credentials_never_appear_in_output_logs_ledger_or_manifest(tmp_path, servers, ca,
                                                                    caplog, monkeypatch) -> None:
    server = servers(tls=ca.server_context(), auth=True)
    wrong = "Wr0ng-but-secret-pw"
    monkeypatch.setenv("SMTP_USER", USER)
    monkeypatch.setenv("SMTP_PASS", wrong)
    config = write_project(tmp_path, delivery_yaml(
        server.port, security="starttls", smtp_extra=f", ca_file: {ca.ca_file}{CREDS}"))
    folder = copy_edition(tmp_path / "out")
    caplog.set_level(logging.DEBUG)
    result = runner.invoke(app, ["send", str(config), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3 and "login" in result.output and "535" in result.output
    assert server.auth.attempts and set(server.auth.attempts) == {(USER, True)}
    forms = [wrong, base64.b64encode(wrong.encode()).decode(),
             base64.b64encode(f"\0{USER}\0{wrong}".encode()).decode()]
    texts = [result.output, caplog.text, (folder / "manifest.json").read_text(),
             (folder.parent / "ledger.json").read_text()]
    for text in texts:
        for form in forms:
            assert form not in text


def test_a_title_with_line_breaks_cannot_add_headers_or_recipients(tmp_path, servers) -> None:
    server = servers()
    config = write_project(tmp_path, delivery_yaml(server.port))
    folder = copy_edition(tmp_path / "out")
    # an edition whose title carries a header injection attempt (as a hostile source might)
    from briefings.write import json_bytes, sha256

    briefing = json.loads((folder / "briefing.json").read_text())
    briefing["title"] = "Weekly\r\nBcc: evil@x.test\r\nX-Evil: 1"
    data = json_bytes(briefing)
    (folder / "briefing.json").write_bytes(data)
    manifest = json.loads((folder / "manifest.json").read_text())
    for out in manifest["outputs"]:
        if out["file"] == "briefing.json":
            out["sha256"] = sha256(data)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    report = send_edition(load_config(config), folder)
    assert [d.status for d in report.deliveries] == ["sent"]
    [(_sender, rcpts, raw)] = server.handler.messages
    assert rcpts == ["desk@example.org"]
    msg = _parsed(raw)
    assert msg["Subject"] == f"Weekly Bcc: evil@x.test X-Evil: 1: {EDITION_DATE}"
    assert "Bcc" not in msg and "X-Evil" not in msg
