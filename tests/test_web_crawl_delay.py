"""Crawl-delay from robots.txt, against real loopback servers: the spacing of arrivals they see."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from briefings.sources import client as client_module
from briefings.sources.addresses import FetchError, allow_entry
from briefings.sources.cache import HttpCache
from briefings.sources.client import ROBOTS_TOKEN, WebClient, _Rules
from briefings.sources.fetch import FetchPolicy
from web_server import Route, WebServer, article_html

PAGE = article_html("The frigate sailed at dawn.\nIt returned on Friday.", "Frigate sails at dawn")
DELAY = 0.3
SLACK = 0.25  # an unspaced request arrives well within this on loopback


class Site(WebServer):
    """A WebServer whose pages record when each request arrived (monotonic, same process)."""

    def __init__(self, robots: str) -> None:
        super().__init__()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.02})  # quick to shut down
        self.arrivals: list[tuple[str, float]] = []
        self.add("/robots.txt", robots, content_type="text/plain")
        for n in range(1, 4):
            self.page(f"/p{n}.html")

    def page(self, path: str) -> None:
        def handle(req: BaseHTTPRequestHandler) -> None:
            with self._lock:
                self.arrivals.append((path, time.monotonic()))
            etag = '"p"'
            status = 304 if req.headers.get("If-None-Match") == etag else 200
            req.send_response(status)
            req.send_header("ETag", etag)
            req.send_header("Content-Type", "text/html; charset=utf-8")
            req.send_header("Content-Length", "0" if status == 304 else str(len(PAGE.encode())))
            req.end_headers()
            if status == 200:
                req.wfile.write(PAGE.encode())
        self.routes[path] = Route(handler=handle)

    def gaps(self) -> list[float]:
        times = [t for _, t in self.arrivals]
        return [b - a for a, b in zip(times, times[1:])]


def client_for(*sites: WebServer, cache: Path | None = None, **kw) -> WebClient:
    policy = FetchPolicy(allow=frozenset(allow_entry(s.hostport) for s in sites), timeout=5)
    return WebClient(policy, HttpCache(cache) if cache else None, **kw)


def test_delay_spaces_pages_and_revalidations_of_one_origin(tmp_path: Path) -> None:
    # our own group (fractional 0.3 s) wins over the `*` group (5 s)
    robots = (f"User-agent: *\nCrawl-delay: 5\n\nUser-agent: {ROBOTS_TOKEN}\n"
              f"Crawl-delay: {DELAY}  # be gentle\nDisallow: /private/\n")
    with Site(robots) as site:
        web = client_for(site, cache=tmp_path)
        started = time.monotonic()
        for path in ("/p1.html", "/p2.html", "/p1.html"):
            web.get(f"{site.base}{path}")
        assert [p for p, _ in site.arrivals] == ["/p1.html", "/p2.html", "/p1.html"]
        assert web.stats["revalidated"] == 1  # a 304 is a request: it waited its turn too
        assert all(DELAY <= gap < DELAY + SLACK for gap in site.gaps()), site.gaps()
        # robots.txt itself is not delayed, and the first page follows it at once
        assert site.arrivals[0][1] - started < SLACK
        # pure cache hits make no request and wait for nothing
        offline = client_for(site, cache=tmp_path, offline=True)
        t0 = time.monotonic()
        assert all(offline.get(f"{site.base}/p{n}.html").how == "cache" for n in (1, 2))
        assert time.monotonic() - t0 < 0.1 and len(site.arrivals) == 3


def test_delay_is_per_origin_and_falls_back_to_the_star_group() -> None:
    robots = f"User-agent: otherbot\nCrawl-delay: 5\n\nUser-agent: *\nCrawl-delay: {DELAY}\n"
    with Site(robots) as a, Site(robots) as b:
        web = client_for(a, b)
        for site, path in ((a, "/p1.html"), (b, "/p1.html"), (a, "/p2.html"), (b, "/p2.html")):
            web.get(f"{site.base}{path}")
        assert all(DELAY <= gap < DELAY + SLACK for gap in a.gaps() + b.gaps())
        first = a.arrivals[0][1]
        assert b.arrivals[0][1] - first < SLACK  # another origin does not wait for this one
        assert b.arrivals[-1][1] - first < DELAY + SLACK  # four requests, one delay of waiting


def test_no_delay_when_robots_are_not_respected() -> None:
    with Site(f"User-agent: *\nCrawl-delay: {DELAY}\n") as site:
        web = client_for(site, respect_robots=False)
        t0 = time.monotonic()
        for n in (1, 2, 3):
            web.get(f"{site.base}/p{n}.html")
        assert time.monotonic() - t0 < SLACK and len(site.arrivals) == 3
        assert site.hits("/robots.txt") == 0


def test_concurrent_requests_to_one_origin_are_spaced() -> None:
    with Site(f"User-agent: *\nCrawl-delay: {DELAY}\n") as site:
        web = client_for(site)
        web.check_robots(f"{site.base}/p1.html")  # robots.txt first, as get() would
        threads = [threading.Thread(target=web.get, args=(f"{site.base}/p{n}.html",))
                   for n in (1, 2, 3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(site.arrivals) == 3
        assert all(gap >= DELAY for gap in site.gaps()), site.gaps()


def test_a_delay_over_the_cap_fails_the_request_that_would_wait(monkeypatch) -> None:
    monkeypatch.setattr(client_module, "CRAWL_DELAY_MAX", 0.5)
    with Site("User-agent: *\nCrawl-delay: 2\n") as site:
        web = client_for(site)
        assert web.get(f"{site.base}/p1.html").how == "fetched"  # one request is always polite
        t0 = time.monotonic()
        with pytest.raises(FetchError, match=r"asks for 2 s between requests \(Crawl-delay\), "
                                             r"more than the 0.5 s we wait") as err:
            web.get(f"{site.base}/p2.html")
        assert time.monotonic() - t0 < 0.1 and err.value.path == f"{site.base}/p2.html"
        assert [p for p, _ in site.arrivals] == ["/p1.html"]  # the refused one sent nothing
        assert web.stats == {"fetched": 2}  # robots.txt and p1; a refusal is no request
    # a delay at the cap is waited in full
    monkeypatch.setattr(client_module, "CRAWL_DELAY_MAX", DELAY)
    with Site(f"User-agent: *\nCrawl-delay: {DELAY}\n") as site:
        web = client_for(site)
        for n in (1, 2):
            web.get(f"{site.base}/p{n}.html")
        assert DELAY <= site.gaps()[0] < DELAY + SLACK


@pytest.mark.parametrize(("value", "seconds"), [
    ("0.35", 0.35), (".5", 0.5), ("2", 2.0), ("1e1", 10.0), ("0", 0.0),
    ("-1", None), ("soon", None), ("nan", None), ("inf", None), ("", None)])
def test_crawl_delay_values(value: str, seconds: float | None) -> None:
    rules = _Rules()
    rules.parse(["User-agent: *", f"Crawl-delay: {value}", "Disallow: /x"])
    assert rules.crawl_delay(ROBOTS_TOKEN) == seconds
    assert not rules.can_fetch(ROBOTS_TOKEN, "/x") and rules.can_fetch(ROBOTS_TOKEN, "/y")
