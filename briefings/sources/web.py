"""Web source kinds: an article page or PDF at a URL, and a feed whose entries' pages are read."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from briefings.errors import SourceError
from briefings.model import SourceDocument
from briefings.sources.client import Fetched, WebClient
from briefings.sources.decode import decode
from briefings.sources.feeds import FeedEntry, newest_first, parse_feed
from briefings.sources.urls import canonical_url, normalize_url

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}


@dataclass(frozen=True)
class WebDocument:
    """A document read from the web, the URLs that identify it, and details for the manifest."""

    doc: SourceDocument
    keys: tuple[str, ...]
    details: dict = field(default_factory=dict)


def page_document(got: Fetched, source_id: str) -> WebDocument:
    """Fetched bytes -> SourceDocument, by media type: HTML (main text), PDF (pages) or text."""
    from briefings.extract.metadata import recover_metadata
    from briefings.sources.read import html_main_text

    shown = got.final_url
    details: dict = {"url": got.url, "final_url": got.final_url, "fetch": got.how,
                     "content_type": got.content_type or None}
    kind = _kind(got)
    meta: dict[str, str | None] = {}
    encoding, replaced, canonical = "binary", 0, None
    if kind == "pdf":
        from briefings.sources.pdf import pdf_text

        extracted = pdf_text(got.body, shown)
        text = extracted.text
        details["pages"] = list(extracted.pages)
    else:
        text, encoding, replaced = _decode(got, shown, html=kind == "html")
        if kind == "html":
            canonical = _same_site(canonical_url(got.body, got.final_url), got.final_url)
            text, meta = html_main_text(text, shown)
    if canonical:
        details["canonical"] = canonical
    recovered = recover_metadata(text)
    address = canonical or normalize_url(got.final_url)  # shown and cited: no tracking parameters
    doc = SourceDocument(
        id=source_id, path=address, text=text, kind=kind, sha256=got.sha256,
        title=meta.get("title") or recovered.title,
        published=meta.get("published") or recovered.published,
        outlet=meta.get("outlet") or recovered.outlet,
        author=meta.get("author") or recovered.author,
        url=address, encoding=encoding, replacements=replaced,
        pages=tuple(details.get("pages", ())))
    keys = tuple(dict.fromkeys(normalize_url(u) for u in (got.url, got.final_url, canonical) if u))
    return WebDocument(doc, keys, details)


def _kind(got: Fetched) -> str:
    if got.content_type == "application/pdf" or got.body.startswith(b"%PDF-"):
        return "pdf"
    if got.content_type in HTML_TYPES:
        return "html"
    if got.content_type in TEXT_TYPES:
        return "txt"
    if not got.content_type and got.body.lstrip()[:1] == b"<":
        return "html"
    raise SourceError(f"unsupported content type {got.content_type or '(none)'!r}; pages, "
                      "plain text and PDF are read", path=got.final_url)


def _decode(got: Fetched, shown: str, *, html: bool) -> tuple[str, str, int]:
    """The HTTP charset is used when the bytes are neither BOM-marked nor valid UTF-8."""
    body = got.body
    bom = body[:4].startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    if got.charset and not bom:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = body.decode(got.charset)
                if not any("\x80" <= ch <= "\x9f" for ch in text):
                    return text, got.charset, 0
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(body, shown, html=html)


def _same_site(canonical: str | None, final_url: str) -> str | None:
    """A canonical URL counts only on the page's own host ('www.' aside): a page may not claim
    another site's article and so hide it from the briefing."""
    if not canonical:
        return None
    from urllib.parse import urlsplit

    def host(u: str) -> str:
        h = (urlsplit(u).hostname or "").lower()
        return h[4:] if h.startswith("www.") else h

    return canonical if host(canonical) == host(final_url) else None


def feed_entries(client: WebClient, feed_url: str, max_items: int,
                 window: tuple[date | None, date] | None, zone: str) -> tuple[list[FeedEntry], dict]:
    """The feed's entries to read: newest first, inside the period, at most `max_items`."""
    got = client.get(feed_url)
    entries = parse_feed(got.body, got.final_url)
    tz = ZoneInfo(zone)
    kept = []
    outside = 0
    for e in newest_first(entries):
        day = e.day(tz)
        if window and day and ((window[0] and day < window[0]) or day > window[1]):
            outside += 1
            continue
        kept.append(e)
    details = {"feed": feed_url, "final_url": got.final_url, "fetch": got.how,
               "sha256": hashlib.sha256(got.body).hexdigest(), "entries": len(entries),
               "outside_period": outside, "read": min(len(kept), max_items)}
    return kept[:max_items], details
