"""Which URLs and addresses the fetcher may reach: http(s) only, public addresses unless allowed."""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefings.errors import SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
SCHEMES = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NUMBER = re.compile(r"^(0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$", re.I)


class FetchError(SourceError):
    """A web source cannot be fetched: refused by policy, unreachable, too big, too slow..."""


@dataclass(frozen=True)
class Target:
    """A checked URL: scheme, host as written (lowercase), its IP if it is a literal, port."""

    url: str
    scheme: str
    host: str
    port: int
    path: str
    literal: IPAddress | None

    @property
    def host_header(self) -> str:
        """The Host header (and TLS name): host, bracketed if IPv6, port if not the default."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == SCHEMES[self.scheme] else f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        """scheme://host[:port], the unit robots.txt applies to."""
        return f"{self.scheme}://{self.host_header}"


def parse_ip(host: str) -> IPAddress | None:
    """An IP literal in any form a resolver accepts (0x7f.0.0.1, 2130706433, 127.1, [::1]), or None."""
    host = host.strip().rstrip(".").strip("[]")
    if "%" in host:  # IPv6 zone index: fe80::1%eth0
        host = host.split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMBER.match(p) for p in parts):
        return None
    # inet_aton(3): each part decimal, 0x hex or 0 octal; the last part fills the remaining bytes.
    values = [int(p, 16) if p.lower().startswith("0x") else int(p, 8) if p.startswith("0") and
              len(p) > 1 else int(p or "0") for p in parts]
    head, last = values[:-1], values[-1]
    if any(v > 255 for v in head) or last >= 256 ** (5 - len(values)):
        return None
    number = 0
    for v in head:
        number = number * 256 + v
    number = number * 256 ** (5 - len(values)) + last
    return ipaddress.IPv4Address(number)


def forbidden_reason(ip: IPAddress) -> str | None:
    """Why an address is internal (loopback, private, link-local...), or None when it is public."""
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        reason = forbidden_reason(embedded)
        return f"{reason} (inside IPv6 {ip})" if reason else None
    for name in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private",
                 "site_local"):
        if getattr(ip, f"is_{name}", False):
            return f"{name.replace('_', '-')} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries: mapped, compatible, NAT64, 6to4 or Teredo."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip))
    return None


def normalize_host(host: str) -> str:
    """Lowercase host; an IP literal in its canonical form; international names in IDNA."""
    ip = parse_ip(host)
    if ip is not None:
        return str(ip)
    host = host.strip().rstrip(".").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchError(f"invalid host name {host!r}") from None


def allow_entry(entry: str) -> tuple[str, int | None]:
    """An `allow_hosts` entry 'host', 'host:port', '[v6]' or '[v6]:port' -> (host, port or None)."""
    entry = entry.strip()
    m = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?", entry) or \
        re.fullmatch(r"([^:\[\]/\s]+)(?::(\d{1,5}))?", entry)
    if not m or (m.group(2) and not 0 < int(m.group(2)) < 65536):
        raise ValueError(f"{entry!r} is not a host or host:port (IPv6 as [::1]:8080)")
    return normalize_host(m.group(1)), int(m.group(2)) if m.group(2) else None


def check_url(url: str) -> Target:
    """Parse and check a URL's form: http/https, a host, no user name or password."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"invalid URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(f"refused {url!r}: only http and https URLs are fetched, not "
                         f"{scheme or '(no scheme)'}")
    if parts.username is not None or parts.password is not None:
        raise FetchError(f"refused {url!r}: user names and passwords in URLs are not allowed")
    if not parts.hostname:
        raise FetchError(f"invalid URL {url!r}: no host")
    host = normalize_host(parts.hostname)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    return Target(url=url.strip(), scheme=scheme, host=host, port=port or SCHEMES[scheme],
                  path=path, literal=parse_ip(host))


def is_allowed(target: Target, allow: frozenset[tuple[str, int | None]]) -> bool:
    """True when `allow_hosts` lists the target's host (any port) or its host:port."""
    return (target.host, None) in allow or (target.host, target.port) in allow
