"""Strict e-mail address parsing: one plain address per value, nothing SMTP or a header could misread."""
from __future__ import annotations

import re
from dataclasses import dataclass

# RFC 5322 dot-atom local part only: no quoted strings, comments or IP literals (CVE-2023-27043).
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = rf"{_ATOM}(?:\.{_ATOM})*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"{_LABEL}(?:\.{_LABEL})*"
_ADDR_SPEC = re.compile(rf"(?P<local>{_LOCAL})@(?P<domain>{_DOMAIN})")
_NAME_BAD = re.compile(r"[<>\"(),;:@\[\]\\\x00-\x1f\x7f\u0085\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


@dataclass(frozen=True)
class Address:
    """A parsed address: optional display name and a plain `local@domain`."""

    name: str
    addr_spec: str

    @property
    def domain(self) -> str:
        """The domain part, lower-cased."""
        return self.addr_spec.rsplit("@", 1)[1].lower()


def parse_address(value: str) -> Address:
    """Parse `local@domain` or `Name <local@domain>`; raise ValueError with a plain reason."""
    if _CONTROL.search(value):
        raise ValueError("line breaks and control characters are not allowed in an address")
    text = value.strip()
    if not text:
        raise ValueError("an address may not be empty")
    if "," in text or ";" in text:
        raise ValueError(f"{value!r} holds more than one address: give each address as its own "
                         "list item")
    name = ""
    spec = text
    if text.endswith(">") and "<" in text:
        name, _, spec = text[:-1].rpartition("<")
        name = name.strip()
        if _NAME_BAD.search(name):
            raise ValueError(f"{value!r}: the display name may not contain quotes, brackets, "
                             "commas, colons, semicolons or '@'")
    match = _ADDR_SPEC.fullmatch(spec)
    if not match:
        raise ValueError(f"{value!r} is not a plain e-mail address: use local@domain or "
                         "'Name <local@domain>' (quoted local parts, comments and IP-literal "
                         "domains are refused)")
    if len(match["local"]) > 64 or len(spec) > 254:
        raise ValueError(f"{value!r} is too long for an e-mail address")
    return Address(name, spec)


def check_address(value: str) -> str:
    """Pydantic validator: the value unchanged if it parses as one address."""
    parse_address(value)
    return value
