"""RSS 2.0, RSS 1.0 and Atom bytes -> entries (link, title, date), parsed with defusedxml."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError

from briefings.errors import SourceError

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT_DATES = (f"{ATOM}published", f"{ATOM}updated", "pubDate", f"{DC}date")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the page it links to, its title and its date (UTC) if given."""

    link: str
    title: str | None
    published: datetime | None

    def day(self, zone) -> date | None:
        """The entry's date in the briefing's time zone."""
        return self.published.astimezone(zone).date() if self.published else None


def parse_feed(data: bytes, base_url: str) -> list[FeedEntry]:
    """Entries in document order. DTDs with entities and external references are refused."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError(f"feed refused: it declares XML entities or external references "
                          f"({type(exc).__name__}); entities are never expanded", path=base_url) from None
    except ParseError as exc:
        raise SourceError(f"not a well-formed XML feed: {exc}", path=base_url) from None
    tag = root.tag
    if tag == f"{ATOM}feed":
        items = root.findall(f"{ATOM}entry")
    elif tag == "rss":
        items = root.findall("channel/item")
    elif tag.endswith("}RDF"):
        items = root.findall(f"{RSS1}item")
    else:
        raise SourceError(f"not an RSS or Atom feed (the root element is <{_local(tag)}>)",
                          path=base_url)
    entries = []
    for item in items:
        link = _link(item)
        if link:
            entries.append(FeedEntry(urljoin(base_url, link), _text(item, "title"), _date(item)))
    return entries


def newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    """Dated entries newest first, then undated ones in feed order."""
    dated = sorted((e for e in entries if e.published), key=lambda e: e.published, reverse=True)
    return dated + [e for e in entries if not e.published]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(item: Element, name: str) -> str | None:
    for tag in (name, f"{ATOM}{name}", f"{RSS1}{name}"):
        node = item.find(tag)
        if node is not None and (node.text or "").strip():
            return " ".join(node.text.split())
    return None


def _link(item: Element) -> str | None:
    """Atom: the rel=alternate (or rel-less) href; RSS: <link>, else a permalink <guid>."""
    for node in item.findall(f"{ATOM}link"):
        if node.get("rel", "alternate") == "alternate" and node.get("href"):
            return node.get("href", "").strip()
    link = _text(item, "link")
    if link:
        return link
    guid = item.find("guid")
    if guid is not None and guid.get("isPermaLink", "true") == "true" and (guid.text or "").strip():
        return guid.text.strip()
    return None


def _date(item: Element) -> datetime | None:
    for tag in CONTENT_DATES:
        node = item.find(tag)
        if node is None or not (node.text or "").strip():
            continue
        value = node.text.strip()
        try:
            when = parsedate_to_datetime(value) if tag == "pubDate" else \
                datetime.fromisoformat(value.replace("Z", "+00:00"))
        except (TypeError, ValueError, IndexError):
            continue
        return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when
    return None
