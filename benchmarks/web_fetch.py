"""Web sources throughput: pages per second through fetch + extract from a loopback server, and
what a second run with an unchanged feed costs.

Usage: python benchmarks/web_fetch.py [N]   (default N = 200)

A real HTTP server on 127.0.0.1 (tests/web_server.py) serves one RSS feed of N entries, each an
article page with clutter around one of the repository's sample articles (varied per page so no
two are copies). Run 1 starts with an empty cache: the feed, robots.txt and N pages are fetched
(guarded client, one request at a time), their main text taken by trafilatura, then the
summariser runs over them. Run 2 repeats with the same cache and an unchanged feed: every
request should be a conditional GET answered 304. Run 3 is --offline (cache only). The server
counts requests by status for each run. Wall-clock seconds, one process.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from briefings.config import NetworkSpec, SourceSpec  # noqa: E402
from briefings.pipeline import extract_all  # noqa: E402
from briefings.sources.collect import collect_sources, make_client  # noqa: E402
from web_server import WebServer, article_html, article_texts, rss  # noqa: E402


def main(n: int) -> None:
    import trafilatura  # noqa: F401 - imported before timing: a one-off cost, not per page

    import briefings.extract.metadata  # noqa: F401
    texts = article_texts()
    with WebServer() as server, tempfile.TemporaryDirectory() as tmp:
        server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        items = []
        for i in range(n):
            title, body = texts[i % len(texts)]
            body = body.replace(".", f" (report {i}).", 1)  # distinct pages, not copies
            server.add(f"/news/{i}.html", article_html(body, f"{title} #{i}",
                                                       canonical=f"{server.base}/news/{i}.html"))
            items.append((f"{title} #{i}", f"{server.base}/news/{i}.html?utm_source=rss",
                          f"Sat, 20 Apr 2024 08:{i % 60:02d}:00 GMT"))
        server.add("/feed.xml", rss(items), content_type="application/rss+xml")
        net = NetworkSpec(allow_hosts=[server.hostport])
        spec = [SourceSpec(feed=f"{server.base}/feed.xml", max_items=n)]
        cache = Path(tmp) / "cache"
        total_bytes = sum(len(r.body) for r in server.routes.values())
        print(f"{n} pages, {total_bytes / 1e6:.1f} MB served in all, loopback, one request at a time")
        for label, offline in (("run 1 (empty cache)", False), ("run 2 (unchanged feed)", False),
                               ("run 3 (--offline)", True)):
            server.clear()
            started = time.perf_counter()
            got = collect_sources(spec, Path(tmp), client=lambda: make_client(net, cache,
                                                                             offline=offline))
            read = time.perf_counter() - started
            started = time.perf_counter()
            extraction = extract_all(got.documents)
            summarise = time.perf_counter() - started
            docs = len(got.documents)
            statuses = dict(sorted(server.statuses().items()))
            print(f"{label}: {docs} documents; fetch + main text {read:.2f} s = "
                  f"{docs / read:.0f} pages/s; + summariser {summarise:.2f} s -> "
                  f"{docs / (read + summarise):.0f} pages/s end to end; "
                  f"{len(extraction.claims)} claims; server saw {statuses or 'no requests'}; "
                  f"client: {dict(got.fetch)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
