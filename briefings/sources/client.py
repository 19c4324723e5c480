"""Web client for sources: guarded fetch + on-disk cache with revalidation + robots.txt (rules and
Crawl-delay) + offline."""
from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator
from urllib.robotparser import RobotFileParser

from briefings.sources.addresses import FetchError, check_url
from briefings.sources.cache import CacheEntry, HttpCache
from briefings.sources.fetch import FetchPolicy, HTTPStatusError, fetch

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: parse at least the first 500 KiB
ROBOTS_TOKEN = "briefings"
CRAWL_DELAY_MAX = 30.0  # seconds we wait for a site's Crawl-delay; a longer wait fails the request


@dataclass(frozen=True)
class Fetched:
    """Bytes for a URL and how we got them: fetched, revalidated (304) or cache (offline)."""

    url: str
    final_url: str
    body: bytes
    content_type: str
    charset: str | None
    how: str

    @property
    def sha256(self) -> str:
        """sha256 of exactly the bytes used."""
        return hashlib.sha256(self.body).hexdigest()


class WebClient:
    """Fetches through the cache; counts what it did in `stats` (fetched, revalidated, cache, failed)."""

    def __init__(self, policy: FetchPolicy, cache: HttpCache | None = None, *,
                 offline: bool = False, respect_robots: bool = True) -> None:
        self.policy = policy
        self.cache = cache
        self.offline = offline
        self.respect_robots = respect_robots
        self.stats: Counter[str] = Counter()
        self._robots: dict[str, RobotFileParser | str] = {}
        self._last: dict[str, float] = {}  # origin -> monotonic time our last request there ended
        self._turns: dict[str, threading.Lock] = {}  # origin -> one request at a time (Crawl-delay)
        self._guard = threading.Lock()

    def get(self, url: str, *, robots: bool = True) -> Fetched:
        """The bytes of `url`; raises FetchError (with the reason) when it cannot have them."""
        entry = self.cache.get(url) if self.cache else None
        if self.offline:
            if entry is None:
                self.stats["failed"] += 1
                raise FetchError("not in the cache, and --offline forbids fetching", path=url)
            self.stats["cache"] += 1
            return _from_entry(entry, "cache")
        if robots:
            self.check_robots(url)
        with self._turn(url if robots else None):
            try:
                resp = fetch(url, self.policy, entry.conditional() if entry else None)
                if robots and resp.final_url != url:
                    self.check_robots(resp.final_url)
                    self._last[check_url(resp.final_url).origin] = time.monotonic()
            except HTTPStatusError as exc:
                self.stats[f"http {exc.status}"] += 1
                raise
            except FetchError:
                self.stats["failed"] += 1
                raise
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        if resp.status == 304 and entry is not None:
            self.stats["revalidated"] += 1
            return _from_entry(entry, "revalidated")
        self.stats["fetched"] += 1
        new = CacheEntry(url=url, final_url=resp.final_url,
                         content_type=resp.headers.get("content-type", ""),
                         etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"),
                         fetched=now, sha256=hashlib.sha256(resp.body).hexdigest(), body=resp.body)
        if self.cache is not None:  # always: --offline builds from it
            self.cache.put(new)
        return _from_entry(new, "fetched")

    def check_robots(self, url: str) -> None:
        """Raise FetchError when robots.txt of the URL's origin disallows it for us."""
        if not self.respect_robots or self.offline:
            return
        target = check_url(url)
        rules = self._robots.get(target.origin)
        if rules is None:
            try:
                rules = self._load_robots(target.origin)
            except FetchError as exc:  # the origin itself is refused: say so about the page
                raise FetchError(exc.message, path=url) from None
            self._robots[target.origin] = rules
        if isinstance(rules, str):
            raise FetchError(f"robots.txt of {target.origin} {rules}; set network.respect_robots: "
                             "false only if you may ignore it", path=url)
        if not rules.can_fetch(ROBOTS_TOKEN, url):
            raise FetchError(f"disallowed by {target.origin}/robots.txt", path=url)

    @contextmanager
    def _turn(self, url: str | None) -> Iterator[None]:
        """Take the origin's turn: its Crawl-delay after our last request there ended."""
        origin = check_url(url).origin if url and self.respect_robots else ""
        rules = self._robots.get(origin)
        delay = rules.crawl_delay(ROBOTS_TOKEN) if isinstance(rules, RobotFileParser) else None
        if not delay:
            yield
            return
        with self._guard:
            turn = self._turns.setdefault(origin, threading.Lock())
        with turn:  # one request at a time to a Crawl-delay origin, whatever the threads
            wait = self._last.get(origin, float("-inf")) + delay - time.monotonic()
            if wait > CRAWL_DELAY_MAX:
                raise FetchError(f"robots.txt of {origin} asks for {delay:g} s between requests "
                                 f"(Crawl-delay), more than the {CRAWL_DELAY_MAX:g} s we wait; set "
                                 "network.respect_robots: false only if you may ignore it",
                                 path=url)
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[origin] = time.monotonic()

    def _load_robots(self, origin: str) -> RobotFileParser | str:
        """Parsed rules; '' for allow-all; a reason string when everything is disallowed."""
        rules = _Rules(f"{origin}/robots.txt")
        try:
            got = self.get(f"{origin}/robots.txt", robots=False)
        except HTTPStatusError as exc:
            if exc.status in (401, 403):
                return f"answers HTTP {exc.status} (treated as disallow-all)"
            if exc.status >= 500:
                return f"is unavailable (HTTP {exc.status}; RFC 9309: treat as disallow-all)"
            rules.parse([])  # 404 and other 4xx: no rules
            rules.modified()
            return rules
        except FetchError as exc:
            if exc.message.startswith(("refused", "invalid")):
                raise
            return f"cannot be fetched ({exc.message}; RFC 9309: treat as disallow-all)"
        text = got.body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        rules.modified()
        return rules


class _Rules(RobotFileParser):
    """The standard parser, also reading fractional Crawl-delay values (it keeps integers only)."""

    def parse(self, lines) -> None:
        """Parse with each valid Crawl-delay given in milliseconds."""
        super().parse([_millis(line) for line in lines])

    def crawl_delay(self, useragent: str) -> float | None:
        """Crawl-delay in seconds for the agent's group, else the `*` group's, else None."""
        millis = super().crawl_delay(useragent)
        return None if millis is None else millis / 1000


def _millis(line: str) -> str:
    """A `Crawl-delay: <seconds>` line as whole milliseconds; other lines and bad values as is."""
    key, _, value = line.split("#", 1)[0].partition(":")
    if key.strip().lower() != "crawl-delay":
        return line
    try:
        seconds = float(value.strip())
    except ValueError:
        return line  # the parser ignores it, as it does any value that is not a number
    return f"Crawl-delay: {round(seconds * 1000)}" if 0 <= seconds < float("inf") else line


def _from_entry(entry: CacheEntry, how: str) -> Fetched:
    ctype = entry.content_type
    media = ctype.split(";", 1)[0].strip().lower()
    charset = None
    for param in ctype.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return Fetched(entry.url, entry.final_url, entry.body, media, charset, how)
