"""Test helpers: a real aiosmtpd server on loopback with scripted replies, a test CA, demo editions."""
from __future__ import annotations

import asyncio
import atexit
import shutil
import socket
import ssl
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from conftest import DEMO_CONFIG, SEEDS

BRIEFING_ID = "china-russia-naval"
EDITION_DATE = "2026-03-30"
USER, PASSWORD = "desk-sender", "s3cret-Pa55word!"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Recorder:
    """aiosmtpd handler: records every command and message; replies as scripted.

    `rcpt_replies[address]` and `data_replies` are lists of replies used one per command:
    an SMTP reply line ("451 4.3.0 try later"), "drop" (close the connection after the message
    arrived, before replying) or "hang" (signal `hung`, then wait long before replying).
    """

    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)
    data_replies: list[str] = field(default_factory=list)
    events: list[tuple[str, str]] = field(default_factory=list)
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    hung: threading.Event = field(default_factory=threading.Event)
    data_seen: threading.Event = field(default_factory=threading.Event)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.events.append(("EHLO", "tls" if session.ssl else "plain"))
        session.host_name = hostname  # a handle_EHLO hook must set it itself
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.events.append(("MAIL", address))
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.events.append(("RCPT", address))
        script = self.rcpt_replies.get(address) or []
        reply = script.pop(0) if script else "250 OK"
        if reply == "hang":
            self.hung.set()
            await asyncio.sleep(30)
            reply = "250 OK"
        if reply.startswith("250"):
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_DATA(self, server, session, envelope):
        self.events.append(("DATA", ",".join(envelope.rcpt_tos)))
        self.data_seen.set()
        reply = self.data_replies.pop(0) if self.data_replies else "250 OK"
        if reply in ("drop", "hang") or reply.startswith("250"):
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        if reply == "drop":
            server.transport.close()
            return "250 OK"
        if reply == "hang":
            self.hung.set()
            await asyncio.sleep(30)
            return "250 OK"
        if reply.startswith("sleep:"):  # "sleep:1.5" accept after a pause
            await asyncio.sleep(float(reply.split(":", 1)[1]))
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
            return "250 OK"
        return reply

    def count(self, address: str) -> int:
        """Messages the server accepted for one recipient."""
        return sum(address in rcpts for _f, rcpts, _c in self.messages)


class Authenticator:
    """Accepts USER/PASSWORD; records each attempt and whether it came over TLS."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, bool]] = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode()
        self.attempts.append((login, session.ssl is not None))
        ok = login == USER and auth_data.password.decode() == PASSWORD
        return AuthResult(success=ok, handled=False)


@dataclass
class Server:
    """A running loopback server."""

    port: int
    handler: Recorder
    auth: Authenticator
    controller: Controller


class LoopbackCA:
    """A throwaway CA and a server certificate for 127.0.0.1 and localhost."""

    def __init__(self, folder: Path) -> None:
        self.ca = trustme.CA()
        self.cert = self.ca.issue_cert("127.0.0.1", "localhost")
        self.ca_file = folder / "test-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))

    def server_context(self) -> ssl.SSLContext:
        """TLS context for the server side."""
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.cert.configure_cert(ctx)
        return ctx


def start_server(*, tls: ssl.SSLContext | None = None, implicit_tls: bool = False,
                 auth: bool = False, handler: Recorder | None = None) -> Server:
    """Start aiosmtpd on 127.0.0.1: plain, STARTTLS (`tls`) or TLS from the start (`implicit_tls`)."""
    handler = handler or Recorder()
    authenticator = Authenticator()
    port = free_port()
    kwargs: dict = {}
    if tls is not None and implicit_tls:
        kwargs["ssl_context"] = tls
    elif tls is not None:
        kwargs.update(tls_context=tls, require_starttls=True)
    if auth:
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=True)
    controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=5, **kwargs)
    controller.start()
    return Server(port, handler, authenticator, controller)


_BUILT: list[Path] = []


def built_edition() -> Path:
    """The demo edition of 2026-03-30, built once per test process."""
    if not _BUILT:
        from briefings.config import load_config
        from briefings.pipeline import build

        tmp = Path(tempfile.mkdtemp(prefix="briefings-edition-"))
        atexit.register(shutil.rmtree, tmp, True)
        report = build(load_config(DEMO_CONFIG), out_dir=tmp, now=f"{EDITION_DATE}T06:00:00")
        _BUILT.append(report.folder)
    return _BUILT[0]


def copy_edition(out: Path) -> Path:
    """A private copy of the demo edition under out/<id>/<date>/."""
    target = out / BRIEFING_ID / EDITION_DATE
    shutil.copytree(built_edition(), target)
    return target


def write_project(folder: Path, delivery: str = "", schedule: str = "") -> Path:
    """The demo config plus YAML `delivery`/`schedule` blocks, with the seeds beside it."""
    (folder / "config").mkdir(parents=True, exist_ok=True)
    if not (folder / "seeds").exists():
        shutil.copytree(SEEDS, folder / "seeds")
    text = DEMO_CONFIG.read_text(encoding="utf-8") + delivery + schedule
    path = folder / "config" / "briefing.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def delivery_yaml(port: int, *, to: tuple[str, ...] = ("desk@example.org",), security: str = "none",
                  smtp_extra: str = "", email_extra: str = "", retry_delay: float = 0.01) -> str:
    """A `delivery:` block for a loopback server."""
    recipients = ", ".join(to)
    return (f"delivery:\n  email:\n    from: Briefings <briefings@example.org>\n"
            f"    to: [{recipients}]\n{email_extra}"
            f"    smtp: {{host: 127.0.0.1, port: {port}, security: {security}, timeout: 5, "
            f"retry_delay: {retry_delay}{smtp_extra}}}\n")
