"""Send one edition to every recipient once: ledger first, then SMTP, then the manifest's record."""
from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping

from briefings.config import LoadedConfig, SmtpSpec
from briefings.deliver.edition import load_edition
from briefings.deliver.ledger import DONE, LEDGER_FILE, Ledger
from briefings.errors import BriefingError, DeliveryError

PROBLEMS = ("refused", "failed", "unknown")


@dataclass(frozen=True)
class Delivery:
    """What happened (or would happen) for one recipient of one edition."""

    recipient: str
    kind: str
    message_id: str
    status: str  # sent refused failed unknown | already-sent | would-send (dry run)
    code: int | None = None
    reply: str = ""
    attempts: int = 0


@dataclass(frozen=True)
class SendReport:
    """The result of sending one edition."""

    edition: Path
    date: str
    deliveries: tuple[Delivery, ...]
    message_bytes: int
    dry_run: bool = False

    @property
    def problems(self) -> list[Delivery]:
        """Recipients whose delivery failed, was refused or is uncertain."""
        return [d for d in self.deliveries if d.status in PROBLEMS]

    def lines(self) -> list[str]:
        """One line per recipient, then a summary, for the command's output."""
        out = [f"{d.status:<12} {d.recipient} ({d.kind}) {d.message_id}"
               + (f": {d.reply}" if d.reply and d.status != "sent" else "") for d in self.deliveries]
        counts: dict[str, int] = {}
        for d in self.deliveries:
            counts[d.status] = counts.get(d.status, 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in counts.items())
        if self.deliveries and all(d.status == "already-sent" for d in self.deliveries):
            summary = (f"nothing to do: edition {self.date} was already sent to every recipient "
                       "(--force sends it again)")
        out.append(f"{self.edition}: {summary}" + (" (dry run: nothing sent)" if self.dry_run else ""))
        return out


def credentials(spec: SmtpSpec, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """(user, password) from the environment variables the config names, or None."""
    if not spec.username_env or not spec.password_env:
        return None
    values = []
    for key, name in (("username_env", spec.username_env), ("password_env", spec.password_env)):
        value = environ.get(name, "")
        if not value:
            raise BriefingError(f"the environment variable {name} (named by "
                                f"delivery.email.smtp.{key}) is not set or empty")
        values.append(value)
    return values[0], values[1]


def send_edition(loaded: LoadedConfig, folder: Path, *, force: bool = False, dry_run: bool = False,
                 now: datetime | None = None, environ: Mapping[str, str] | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 jitter: Callable[[], float] = random.random) -> SendReport:
    """E-mail the edition in `folder`; the caller holds the briefing's lock (except for dry runs)."""
    from briefings.deliver.address import parse_address
    from briefings.deliver.message import build_message, message_id, to_bytes
    from briefings.deliver.smtp import Job, deliver

    cfg = loaded.config
    if cfg.delivery is None:
        raise BriefingError("the config has no 'delivery' section: nothing to send to",
                            path=str(loaded.path))
    email = cfg.delivery.email
    edition = load_edition(folder, cfg.id)
    limit = int(email.max_attachment_mb * 1_000_000)
    if len(edition.pdf) > limit:
        raise DeliveryError(f"the PDF is {len(edition.pdf) / 1e6:.1f} MB and "
                            f"delivery.email.max_attachment_mb is {email.max_attachment_mb:g}: "
                            "nothing was sent", path=str(folder / "briefing.pdf"))
    ca_file = loaded.resolve(email.smtp.ca_file) if email.smtp.ca_file else None
    if ca_file is not None and not ca_file.is_file():
        raise BriefingError(f"CA file not found: {ca_file}", path=str(loaded.path),
                            key="delivery.email.smtp.ca_file")
    creds = credentials(email.smtp, os.environ if environ is None else environ)
    ledger = Ledger.load(folder.parent / LEDGER_FILE, cfg.id)
    domain = parse_address(email.sender).domain
    when = now or datetime.now(timezone.utc)
    kinds: dict[str, str] = {}
    ids: dict[str, str] = {}
    results: dict[str, Delivery] = {}
    jobs: list[Job] = []
    size = 0
    for recipient, kind in email.recipients():
        kinds[recipient], ids[recipient] = kind, message_id(cfg.id, edition.date, recipient, domain)
        entry = ledger.get(edition.date, recipient)
        if entry and entry.get("status") in DONE and not force:
            status = "already-sent" if entry["status"] == "sent" else "unknown"
            note = (f"sent {entry.get('updated')}" if status == "already-sent" else
                    "a previous run lost the connection after handing the message over, so it "
                    "may have arrived; not sent again (check, then use --force to resend)")
            if entry["status"] == "sending" and not dry_run:  # a run killed while waiting
                ledger.record(edition.date, recipient, status="unknown", reply=note)
            results[recipient] = Delivery(recipient, kind, ids[recipient], status,
                                          entry.get("code"), note, entry.get("attempts", 0))
            continue
        payload = to_bytes(build_message(email, edition, recipient, when))
        size = max(size, len(payload))
        if dry_run:
            results[recipient] = Delivery(recipient, kind, ids[recipient], "would-send",
                                          reply=f"{len(payload):,} bytes")
        else:
            jobs.append(Job(recipient, payload))
    if jobs:
        def event(job: Job, status: str, code: int | None, reply: str) -> None:
            prior = ledger.get(edition.date, job.recipient) or {}
            fields: dict[str, object] = {"status": status, "code": code, "reply": reply,
                                         "kind": kinds[job.recipient],
                                         "message_id": ids[job.recipient]}
            if status == "sending":
                fields["attempts"] = int(prior.get("attempts", 0)) + 1
            ledger.record(edition.date, job.recipient, **fields)

        for outcome in deliver(email.smtp, parse_address(email.sender).addr_spec, jobs,
                               ca_file=ca_file, credentials=creds, event=event, sleep=sleep,
                               jitter=jitter):
            r = outcome.recipient
            results[r] = Delivery(r, kinds[r], ids[r], outcome.status, outcome.code,
                                  outcome.reply, outcome.attempts)
    if not dry_run:
        _record_in_manifest(folder, ledger, edition.date, [r for r, _ in email.recipients()])
    ordered = tuple(results[r] for r, _ in email.recipients())
    return SendReport(folder, edition.date, ordered, size, dry_run)


def _record_in_manifest(folder: Path, ledger: Ledger, date: str, order: list[str]) -> None:
    """manifest.json's `deliveries`: the ledger's record of this edition, one item per recipient."""
    from briefings.write import update_manifest

    rank = {r.lower(): i for i, r in enumerate(order)}
    entries = sorted(ledger.for_edition(date),
                     key=lambda e: (rank.get(str(e["recipient"]).lower(), len(rank)), e["recipient"]))
    deliveries = [{k: e.get(k) for k in ("recipient", "kind", "status", "message_id", "code",
                                         "reply", "attempts", "updated")} for e in entries]
    update_manifest(folder, deliveries=deliveries)
