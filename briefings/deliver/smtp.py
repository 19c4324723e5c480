"""SMTP sending: verified TLS, login only over TLS, per-recipient results, 4xx retried with backoff."""
from __future__ import annotations

import base64
import contextlib
import re
import smtplib
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefings.config import SmtpSpec

# Statuses a recipient ends with. `unknown`: the connection was lost after the whole message was
# handed over and before the server's reply, so it may have been delivered (RFC 1047).
FINAL = ("sent", "refused", "failed", "unknown")

Event = Callable[["Job", str, "int | None", str], None]


@dataclass(frozen=True)
class Job:
    """One message to one envelope recipient."""

    recipient: str
    payload: bytes


@dataclass(frozen=True)
class Outcome:
    """How a recipient's delivery ended."""

    recipient: str
    status: str
    code: int | None
    reply: str
    attempts: int


class _Temporary(Exception):
    """The connection could not be set up now; try again later."""


class _Permanent(Exception):
    """The connection can never work as configured (TLS, STARTTLS, login)."""


def backoff(base: float, round_no: int, jitter: float) -> float:
    """Seconds to wait before retry round `round_no` (1-based): doubling, plus up to 25% jitter."""
    return base * 2 ** (round_no - 1) * (1 + 0.25 * jitter)


class Scrubber:
    """Removes credentials (plain and base64, as AUTH sends them) from any text we keep or show."""

    def __init__(self, credentials: tuple[str, str] | None) -> None:
        self.secrets: list[str] = []
        if credentials:
            user, password = credentials
            for raw in (password, f"\0{user}\0{password}", f"{user}\0{password}"):
                self.secrets.append(raw)
                self.secrets.append(base64.b64encode(raw.encode()).decode())
            self.secrets.append(base64.b64encode(user.encode()).decode())  # AUTH LOGIN's first line
        self.secrets = sorted({s for s in self.secrets if len(s) >= 3}, key=len, reverse=True)

    def __call__(self, text: object) -> str:
        out = str(text)
        for secret in self.secrets:
            out = out.replace(secret, "***")
        return out


def _reply(code: int | None, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    text = re.sub(r"\s+", " ", text).strip()
    return f"{code} {text}".strip() if code is not None else text


class Session:
    """One SMTP connection set up as the config demands."""

    def __init__(self, spec: SmtpSpec, ca_file: Path | None, credentials: tuple[str, str] | None,
                 scrub: Scrubber) -> None:
        self.spec = spec
        self.ca_file = ca_file
        self.credentials = credentials
        self.scrub = scrub
        self.smtp: smtplib.SMTP | None = None
        self.dead = False

    def _context(self) -> ssl.SSLContext:
        # smtplib's own default does not verify certificates at all (threats F1).
        return ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)

    def open(self) -> None:
        """Connect, upgrade to TLS, log in; raise _Temporary or _Permanent with a plain reason."""
        spec, host, port = self.spec, self.spec.host, self.spec.effective_port
        try:
            if spec.security == "ssl":
                self.smtp = smtplib.SMTP_SSL(host, port, timeout=spec.timeout, context=self._context())
            else:
                self.smtp = smtplib.SMTP(host, port, timeout=spec.timeout)
            code, resp = self.smtp.ehlo()
            if code != 250:
                raise smtplib.SMTPResponseException(code, resp)
            if spec.security == "starttls":
                if not self.smtp.has_extn("starttls"):
                    raise _Permanent(f"{host}:{port} does not offer STARTTLS and security is "
                                     "'starttls': refusing to log in or send in plain text")
                self.smtp.starttls(context=self._context())
                code, resp = self.smtp.ehlo()
                if code != 250:
                    raise smtplib.SMTPResponseException(code, resp)
            if self.credentials:
                self._login()
        except (_Permanent, _Temporary):
            self.close()
            raise
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise _Permanent(f"the TLS certificate of {host} is not trusted "
                             f"({exc.verify_message}); set smtp.ca_file if the server uses a "
                             "private CA") from None
        except ssl.SSLError as exc:
            self.close()
            raise _Permanent(f"TLS with {host}:{port} failed: {exc.reason or exc}") from None
        except smtplib.SMTPResponseException as exc:
            self.close()
            reason = f"{host}:{port} said {_reply(exc.smtp_code, exc.smtp_error)}"
            raise (_Temporary if 400 <= exc.smtp_code < 500 else _Permanent)(self.scrub(reason)) from None
        except OSError as exc:  # refused, timed out, reset, name not found: try again later
            self.close()
            raise _Temporary(self.scrub(f"cannot talk to {host}:{port}: {exc}")) from None

    def _login(self) -> None:
        assert self.smtp is not None
        if not isinstance(self.smtp.sock, ssl.SSLSocket):  # belt and braces: config forbids it
            raise _Permanent("refusing to log in over a connection without TLS")
        user, password = self.credentials or ("", "")
        try:
            self.smtp.login(user, password)
        except smtplib.SMTPAuthenticationError as exc:
            reason = f"login to {self.spec.host} failed: {_reply(exc.smtp_code, exc.smtp_error)}"
            raise (_Temporary if 400 <= exc.smtp_code < 500 else _Permanent)(self.scrub(reason)) from None
        except smtplib.SMTPNotSupportedError:
            raise _Permanent(f"{self.spec.host} offers no AUTH, but credentials are "
                             "configured") from None
        except smtplib.SMTPException as exc:
            raise _Permanent(self.scrub(f"login to {self.spec.host} failed: {exc}")) from None

    def send_one(self, sender: str, job: Job, event: Event) -> tuple[str, int | None, str]:
        """One transaction; returns (sent|refused|failed|unknown|temporary, code, reply)."""
        smtp = self.smtp
        assert smtp is not None
        limit = int(smtp.esmtp_features.get("size", "0") or 0) if smtp.has_extn("size") else 0
        if limit and len(job.payload) > limit:
            return "failed", None, (f"the message is {len(job.payload):,} bytes and the server "
                                    f"takes at most {limit:,}; not sent")
        try:
            code, resp = smtp.mail(sender)
            if code != 250:
                return self._abort("failed", code, resp)
            code, resp = smtp.rcpt(job.recipient)
            if code not in (250, 251):
                return self._abort("refused", code, resp)
            code, resp = smtp.docmd("DATA")
            if code != 354:
                return self._abort("failed", code, resp)
        except OSError as exc:  # includes SMTPServerDisconnected: nothing was handed over
            self.dead = True
            return "temporary", None, self.scrub(f"connection lost before the message was sent: {exc}")
        event(job, "sending", None, "message handed over, waiting for the server's reply")
        data = re.sub(rb"(?m)^\.", b"..", job.payload)
        data += (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"
        try:
            smtp.send(data)
        except OSError as exc:  # the end-of-data mark never left us: not delivered
            self.dead = True
            return "temporary", None, self.scrub(f"connection lost while sending the message: {exc}")
        try:
            code, resp = smtp.getreply()
        except OSError:
            self.dead = True
            return "unknown", None, ("connection lost after the whole message was handed over "
                                     "and before the server replied: it may have been delivered, "
                                     "so it is not sent again")
        if code == 250:
            return "sent", code, self.scrub(_reply(code, resp))
        return self._classify("failed", code, resp)

    def _abort(self, permanent: str, code: int, resp: bytes) -> tuple[str, int | None, str]:
        try:
            assert self.smtp is not None
            self.smtp.rset()
        except (OSError, AssertionError):
            self.dead = True
        return self._classify(permanent, code, resp)

    def _classify(self, permanent: str, code: int, resp: bytes) -> tuple[str, int | None, str]:
        if code == 421:
            self.dead = True  # the server is closing the connection
        status = "temporary" if 400 <= code < 500 else permanent
        return status, code, self.scrub(_reply(code, resp))

    def close(self) -> None:
        """QUIT politely if possible; never raise."""
        if self.smtp is None:
            return
        try:
            self.smtp.quit()
        except Exception:  # noqa: BLE001 - closing a broken connection
            with contextlib.suppress(Exception):
                self.smtp.close()
        self.smtp = None


def deliver(spec: SmtpSpec, sender: str, jobs: list[Job], *, ca_file: Path | None,
            credentials: tuple[str, str] | None, event: Event,
            sleep: Callable[[float], None], jitter: Callable[[], float]) -> list[Outcome]:
    """Send every job: permanent errors end a recipient at once, 4xx ones are retried in rounds."""
    scrub = Scrubber(credentials)
    attempts = {job.recipient: 0 for job in jobs}
    outcomes: dict[str, Outcome] = {}
    last: dict[str, tuple[int | None, str]] = {}

    def finish(job: Job, status: str, code: int | None, reply: str) -> None:
        outcomes[job.recipient] = Outcome(job.recipient, status, code, reply, attempts[job.recipient])
        event(job, status, code, reply)

    pending = list(jobs)
    round_no = 0
    while pending:
        round_no += 1
        retry: list[Job] = []
        for job in pending:
            attempts[job.recipient] += 1
        session = Session(spec, ca_file, credentials, scrub)
        try:
            session.open()
        except _Permanent as exc:
            for job in pending:
                finish(job, "failed", None, str(exc))
            break
        except _Temporary as exc:
            retry = list(pending)
            last.update({job.recipient: (None, str(exc)) for job in pending})
        else:
            try:
                for i, job in enumerate(pending):
                    if session.dead:
                        retry.extend(pending[i:])
                        last.update({j.recipient: (None, "connection lost") for j in pending[i:]})
                        break
                    status, code, reply = session.send_one(sender, job, event)
                    if status == "temporary":
                        retry.append(job)
                        last[job.recipient] = (code, reply)
                    else:
                        finish(job, status, code, reply)
            finally:
                session.close()
        if retry and round_no > spec.retries:
            for job in retry:
                code, reply = last[job.recipient]
                finish(job, "failed", code, f"still failing after {attempts[job.recipient]} "
                                            f"attempt(s): {reply}")
            retry = []
        for job in retry:
            event(job, "retrying", *last[job.recipient])
        if retry:
            sleep(backoff(spec.retry_delay, round_no, jitter()))
        pending = retry
    return [outcomes[job.recipient] for job in jobs]
