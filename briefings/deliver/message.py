"""One e-mail per recipient: HTML + plain-text alternative + the PDF, with a deterministic Message-ID."""
from __future__ import annotations

import hashlib
import re
import string
from datetime import datetime
from email import policy
from email.generator import BytesGenerator
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import format_datetime
from io import BytesIO

from briefings.config import SUBJECT_FIELDS, EmailSpec
from briefings.deliver.address import parse_address
from briefings.deliver.body import email_html
from briefings.deliver.edition import Edition

MAX_SUBJECT = 250
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def one_line(value: object) -> str:
    """A header-safe value: line breaks and control characters become spaces."""
    return " ".join(_UNSAFE.sub(" ", "" if value is None else str(value)).split())


def render_subject(template: str, briefing: dict) -> str:
    """The subject: the template's fields filled from the briefing, on one line, capped in length."""
    values = {name: one_line(briefing.get(name)) for name in SUBJECT_FIELDS}
    out = []
    for text, name, _spec, _conv in string.Formatter().parse(template):
        out.append(text)
        if name is not None:
            out.append(values[name])  # the config validator allows only these plain names
    subject = one_line("".join(out))
    return subject if len(subject) <= MAX_SUBJECT else subject[:MAX_SUBJECT - 1] + "…"


def message_id(briefing_id: str, edition: str, recipient: str, domain: str) -> str:
    """The same (briefing, edition, recipient) always gets the same Message-ID."""
    digest = hashlib.sha256(f"{briefing_id}\0{edition}\0{recipient.lower()}".encode()).hexdigest()
    return f"<{edition}.{digest[:16]}.{briefing_id}@{domain}>"


def _header(value: str) -> HeaderAddress:
    addr = parse_address(value)
    return HeaderAddress(display_name=addr.name, addr_spec=addr.addr_spec)


def build_message(email: EmailSpec, edition: Edition, recipient: str, when: datetime) -> EmailMessage:
    """The message for one recipient; bcc recipients appear in no header."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = _header(email.sender)
    if email.to:
        msg["To"] = [_header(v) for v in email.to]
    if email.cc:
        msg["Cc"] = [_header(v) for v in email.cc]
    if email.reply_to:
        msg["Reply-To"] = _header(email.reply_to)
    msg["Subject"] = render_subject(email.subject, edition.briefing)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id(edition.id, edition.date, recipient,
                                   parse_address(email.sender).domain)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Briefings-Edition"] = f"{edition.id}/{edition.date}"
    msg.set_content(edition.markdown, cte="quoted-printable")
    msg.add_alternative(email_html(edition.briefing), subtype="html", cte="quoted-printable")
    msg.add_attachment(edition.pdf, maintype="application", subtype="pdf",
                       filename=f"{edition.id}-{edition.date}.pdf")
    return msg


def to_bytes(msg: EmailMessage) -> bytes:
    """The message as SMTP wants it: CRLF line ends, 7-bit safe."""
    buf = BytesIO()
    BytesGenerator(buf, policy=policy.SMTP).flatten(msg)
    return buf.getvalue()
