"""URL identity for dedup: tracking parameters and fragments dropped; canonical URL of a page."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from briefings.sources.addresses import SCHEMES, normalize_host

TRACKING = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|"
                      r"yclid|igshid|_hsenc|_hsmi|mkt_tok|ref_src|oly_anon_id|oly_enc_id)$", re.I)
_CANONICAL = re.compile(rb"<link\b[^>]*>|<meta\b[^>]*>", re.I)
_ATTR = re.compile(rb"""([a-zA-Z:_-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def normalize_url(url: str) -> str:
    """The identity of a URL: lowercase scheme and host, no default port, no fragment, no
    tracking parameters (utm_*, fbclid, gclid...), empty path as '/'. Other parameters keep
    their order."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = normalize_host(parts.hostname or "")
    except (ValueError, Exception):  # noqa: BLE001 - an odd URL is its own identity
        return url.strip()
    scheme = parts.scheme.lower()
    netloc = f"[{host}]" if ":" in host else host
    if port and port != SCHEMES.get(scheme):
        netloc += f":{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def canonical_url(html: bytes, base_url: str) -> str | None:
    """The page's own idea of its URL: <link rel=canonical href>, else <meta property=og:url>.
    Only http(s) URLs count; relative ones are resolved against `base_url`."""
    found: dict[str, str] = {}
    for tag in _CANONICAL.findall(html[:512 * 1024]):
        attrs = {k.lower(): v.strip(b"\"'") for k, v in _ATTR.findall(tag)}
        if tag[:5].lower() == b"<link" and b"canonical" in attrs.get(b"rel", b"").lower().split():
            found.setdefault("canonical", attrs.get(b"href", b"").decode("utf-8", "replace"))
        elif attrs.get(b"property", b"").lower() == b"og:url":
            found.setdefault("og", attrs.get(b"content", b"").decode("utf-8", "replace"))
    for key in ("canonical", "og"):
        value = found.get(key, "").strip()
        if value:
            absolute = urljoin(base_url, value)
            if urlsplit(absolute).scheme.lower() in SCHEMES:
                return absolute
    return None
