"""Config errors for the delivery and schedule keys: each with file, line, column and key path."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.config import load_config
from briefings.errors import ConfigError
from conftest import write_config

runner = CliRunner()
BASE = "id: t\ntitle: T\nsources: [{path: a}]\nsections: [{kind: sources}]\n"  # 4 lines
SMTP = "    smtp: {host: 127.0.0.1, security: none}\n"


def _problems(tmp_path: Path, body: str) -> dict[str, tuple[int, str]]:
    with pytest.raises(ConfigError) as info:
        load_config(write_config(tmp_path, BASE + body))
    return {p.key: (p.line, p.message) for p in info.value.problems}


def test_bad_addresses_are_refused_where_they_are(tmp_path: Path) -> None:
    found = _problems(tmp_path, "delivery:\n  email:\n    from: briefings@example.org\n    to:\n"
                                "      - desk@example.org\n"
                                '      - "a@x.test\\r\\nRCPT TO:<evil@x.test>"\n'
                                "      - a@b.test, c@d.test\n"
                                "      - '\"alice@corp.test\"@evil.test'\n"
                                "      - 'Eve <eve@x.test>, Bob <bob@y.test>'\n" + SMTP)
    assert found["delivery.email.to[1]"] == (10, "line breaks and control characters are not "
                                                 "allowed in an address")
    line, message = found["delivery.email.to[2]"]
    assert line == 11 and "more than one address" in message
    line, message = found["delivery.email.to[3]"]
    assert line == 12 and "quoted local parts" in message
    assert found["delivery.email.to[4]"][0] == 13
    assert "delivery.email.to[0]" not in found


def test_a_literal_password_is_a_config_error(tmp_path: Path) -> None:
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n    to: [d@example.org]\n"
                                "    smtp:\n      host: smtp.example.org\n      password: hunter2\n")
    line, message = found["delivery.email.smtp.password"]
    assert line == 11 and "secrets never sit in the config" in message and "password_env" in message


def test_plain_text_only_on_loopback_and_login_only_over_tls(tmp_path: Path) -> None:
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n    to: [d@example.org]\n"
                                "    smtp: {host: smtp.example.org, security: none}\n")
    assert found["delivery.email.smtp"][0] == 9
    assert "allowed only for loopback hosts" in found["delivery.email.smtp"][1]
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n    to: [d@example.org]\n"
                                "    smtp: {host: localhost, security: none, username_env: U, "
                                "password_env: P}\n")
    assert "login happens only over TLS" in found["delivery.email.smtp"][1]
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n    to: [d@example.org]\n"
                                "    smtp: {host: smtp.example.org, password_env: 'not a name'}\n")
    assert found["delivery.email.smtp.password_env"][0] == 9


def test_subject_template_fields_and_line_breaks(tmp_path: Path) -> None:
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n    to: [d@example.org]\n"
                                "    subject: '{title.__class__} {date:>999999}'\n" + SMTP)
    line, message = found["delivery.email.subject"]
    assert line == 9 and "unknown subject field" in message
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n    to: [d@example.org]\n"
                                '    subject: "Brief\\r\\nBcc: evil@x.test"\n' + SMTP)
    assert "line breaks" in found["delivery.email.subject"][1]


def test_recipients_domains_and_pdf_are_required(tmp_path: Path) -> None:
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n" + SMTP)
    assert "at least one recipient" in found["delivery.email"][1]
    found = _problems(tmp_path, "delivery:\n  email:\n    from: b@example.org\n"
                                "    to: [d@example.org, x@evil.test]\n"
                                "    allowed_domains: [example.org]\n" + SMTP)
    assert "'evil.test' is not in allowed_domains" in found["delivery.email"][1]
    found = _problems(tmp_path, "formats: [md, html]\ndelivery:\n  email:\n    from: b@example.org\n"
                                "    to: [d@example.org]\n" + SMTP)
    assert any("add pdf to 'formats'" in m for _line, m in found.values())


def test_schedule_errors(tmp_path: Path) -> None:
    found = _problems(tmp_path, "schedule: {cron: '*/5 * * * *', timezone: Mars/Base}\n")
    assert found["schedule.cron"][0] == 5 and "more than once a day" in found["schedule.cron"][1]
    assert "unknown time zone" in found["schedule.timezone"][1]
    found = _problems(tmp_path, "schedule:\n  cron: '0 6 * *'\n  catch_up: 'yes'\n")
    assert found["schedule.cron"][0] == 6 and "five-field" in found["schedule.cron"][1]
    assert found["schedule.catch_up"][0] == 7
    assert "not a valid cron" in _problems(tmp_path, "schedule: {cron: '0 25 * * *'}\n")["schedule.cron"][1]
    assert "day-of-month" in _problems(tmp_path, "schedule: {cron: '0 6 30 2 *'}\n")["schedule.cron"][1]
    typo = _problems(tmp_path, "schedule: {corn: '0 6 * * *'}\n")["schedule.corn"]
    assert "did you mean 'cron'" in typo[1]


def test_validate_command_shows_delivery_errors_with_positions(tmp_path: Path) -> None:
    path = write_config(tmp_path, BASE + "delivery:\n  email:\n    form: b@example.org\n"
                                         "    to: [d@example.org]\n" + SMTP)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:7:5: delivery.email.form: unknown key 'form' (did you mean 'from'?)" in result.stderr


def test_a_full_delivery_and_schedule_config_loads(tmp_path: Path) -> None:
    cfg = load_config(write_config(tmp_path, BASE + (
        "timezone: Europe/London\ndelivery:\n  email:\n    from: 'Desk <b@example.org>'\n"
        "    to: [d@example.org, 'Ann Lee <ann@example.org>']\n    cc: [c@example.org]\n"
        "    bcc: [x@example.org]\n    reply_to: r@example.org\n"
        "    smtp: {host: smtp.example.org, username_env: U, password_env: P}\n"
        "schedule: {cron: '0 6 * * MON'}\n"))).config
    assert cfg.delivery.email.smtp.effective_port == 587
    assert cfg.delivery.email.recipients() == [("d@example.org", "to"), ("ann@example.org", "to"),
                                               ("c@example.org", "cc"), ("x@example.org", "bcc")]
    assert cfg.schedule_zone == "Europe/London" and cfg.schedule.catch_up is True
