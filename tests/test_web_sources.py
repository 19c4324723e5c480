"""Web sources end to end against a real loopback server: pages, RSS, Atom, PDF, dedup, failures."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.config import NetworkSpec, load_config
from briefings.errors import ConfigError, SourceError
from briefings.sources.collect import collect_sources, make_client
from briefings.sources.feeds import parse_feed
from briefings.sources.files import FoundFile
from briefings.sources.pdf import page_at, pdf_text
from briefings.sources.read import read_file
from briefings.sources.urls import canonical_url, normalize_url
from conftest import write_config
from web_server import (WebServer, article_html, article_texts, atom, flate_bomb_pdf, minimal_pdf,
                        rss)

runner = CliRunner()
NOW = "2024-04-22T06:00:00"
SECRET = "TOP-SECRET-CANARY-7f3a"
PDF_PAGES = ["The Joint Sea exercise began on Monday in the Yellow Sea.",
             "Chinese and Russian destroyers held live firing drills on Tuesday."]


@pytest.fixture(scope="module")
def secret_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(secret_file: Path):
    texts = article_texts()
    with WebServer() as s:
        for i, (title, body) in enumerate(texts[:6], 1):
            s.add(f"/news/{i}.html", article_html(body, title, canonical=f"{s.base}/news/{i}.html"))
        s.add("/copy.html", article_html(texts[2][1], texts[2][0]))  # news/3, no canonical
        s.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        s.add("/private/secret.html", article_html(texts[0][1], texts[0][0]))
        day = "Apr 2024 08:00:00 GMT"
        s.add("/rss.xml", rss([
            ("Old story", f"{s.base}/news/6.html", "Sun, 01 Jan 2023 08:00:00 GMT"),
            ("Third", f"{s.base}/news/3.html", f"Thu, 18 {day}"),
            ("First", f"{s.base}/news/1.html?utm_source=rss&utm_medium=feed", f"Sat, 20 {day}"),
            ("Fourth", f"{s.base}/news/5.html", f"Wed, 10 {day}"),
            ("Second", "/news/2.html#comments", f"Fri, 19 {day}")]),
            content_type="application/rss+xml")
        s.add("/atom.xml", atom([("Second again", f"{s.base}/news/2.html", "2024-04-19T08:00:00Z"),
                                 ("Four", f"{s.base}/news/4.html?fbclid=xyz", "2024-04-17T08:00:00Z")]),
              content_type="application/atom+xml")
        s.add("/doc.pdf", minimal_pdf(PDF_PAGES), content_type="application/pdf")
        s.add("/xxe.xml", f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM '
                          f'"file://{secret_file}">]><rss version="2.0"><channel><item><title>&x;'
                          f'</title><link>{s.base}/news/1.html</link></item></channel></rss>',
              content_type="application/rss+xml")
        lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
        s.add("/lol.xml", f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
                          f'<rss version="2.0"><channel><title>&l8;</title></channel></rss>',
              content_type="application/rss+xml")
        s.add("/deep.html", "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 +
              "<p>AFTER-MARKER</p></body></html>")
        s.add("/cp1252.html", article_html(texts[1][1] + "\nHe said \u201chold the line\u201d.",
                                           texts[1][0]).encode("cp1252", "replace")
              .replace(b'<meta charset="utf-8">', b""), content_type="text/html")
        yield s


def collect(site: WebServer, specs: list[dict], tmp_path: Path, **kw):
    from briefings.config import SourceSpec

    return collect_sources([SourceSpec(**s) for s in specs], tmp_path,
                           client=lambda: make_client(NetworkSpec(allow_hosts=[site.hostport]),
                                                      tmp_path / "cache"), **kw)


def test_article_page_main_text_and_metadata_without_clutter(site: WebServer, tmp_path: Path) -> None:
    got = collect(site, [{"url": f"{site.base}/news/1.html"}], tmp_path)
    (doc,) = got.documents
    assert "search and rescue" in doc.text
    for clutter in ("cookies", "Share this", "Related Articles", "newsletter", "Copyright"):
        assert clutter not in doc.text
    assert doc.outlet == "Harbour Post" and doc.author == "Anna Berg"
    assert doc.published == "2024-04-20" and doc.kind == "html"
    assert doc.url == f"{site.base}/news/1.html" and doc.path == doc.url
    assert got.details["s1"]["fetch"] == "fetched"


def test_feeds_newest_first_in_period_capped_and_deduplicated(site: WebServer, tmp_path: Path) -> None:
    from datetime import date

    got = collect(site, [{"feed": f"{site.base}/rss.xml", "max_items": 3},
                         {"feed": f"{site.base}/atom.xml"},
                         {"url": f"{site.base}/news/1.html?utm_campaign=x&gclid=1#top"},
                         {"url": f"{site.base}/copy.html"}], tmp_path,
                  window=(date(2024, 1, 1), date(2024, 4, 22)))
    names = [d.path.rsplit("/", 1)[-1] for d in got.documents]
    assert names == ["1.html", "2.html", "3.html", "4.html"]  # rss: newest 3 in period; atom: 4
    rss_info = got.feeds[0]
    assert (rss_info["entries"], rss_info["outside_period"], rss_info["read"]) == (5, 1, 3)
    reasons = " | ".join(f"{d.path} {d.reason}" for d in got.duplicates)
    assert "news/2.html" in reasons and "copy.html verbatim copy of s3" in reasons
    assert "utm_campaign" in reasons  # the URL source was recognised as news/1
    assert site.hits("/news/6.html") == 0 and site.hits("/copy.html") == 1
    assert not got.unavailable


def test_feed_parsing_rss_atom_and_relative_links() -> None:
    entries = parse_feed(rss([("A", "/a.html", "Sat, 20 Apr 2024 08:00:00 +0200")]).encode(),
                         "http://example.org/feed")
    assert entries[0].link == "http://example.org/a.html" and entries[0].title == "A"
    assert entries[0].published.isoformat() == "2024-04-20T08:00:00+02:00"
    entries = parse_feed(atom([("B", "http://example.org/b", "2024-04-19T08:00:00Z")]).encode(), "x")
    assert entries[0].link == "http://example.org/b" and entries[0].published.year == 2024
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body>hi</body></html>", "x")
    with pytest.raises(SourceError, match="well-formed"):
        parse_feed(b"<rss><channel>", "x")


def test_url_identity_and_canonical() -> None:
    assert normalize_url("HTTP://Example.ORG:80/a?utm_source=x&id=3&fbclid=9#frag") == \
        "http://example.org/a?id=3"
    assert normalize_url("https://example.org") == "https://example.org/"
    page = b'<head><link href="/story/1" rel="canonical"><meta property="og:url" content="/og"></head>'
    assert canonical_url(page, "http://example.org/x?utm_source=y") == "http://example.org/story/1"
    assert canonical_url(b'<meta property="og:url" content="https://e.org/og">', "http://e.org/") \
        == "https://e.org/og"
    assert canonical_url(b'<link rel="canonical" href="javascript:x">', "http://e.org/") is None


def test_pdf_by_url_and_by_path_keeps_page_offsets(site: WebServer, tmp_path: Path) -> None:
    got = collect(site, [{"url": f"{site.base}/doc.pdf"}], tmp_path)
    (doc,) = got.documents
    pages = got.details["s1"]["pages"]
    assert doc.kind == "pdf" and len(pages) == 2
    second = doc.text.index("destroyers")
    assert page_at(pages, second) == 2 and page_at(pages, doc.text.index("Yellow Sea")) == 1
    assert doc.text[pages[1]:].startswith("Chinese and Russian destroyers")
    (tmp_path / "doc.pdf").write_bytes(minimal_pdf(PDF_PAGES))
    details: dict = {}
    local = read_file(FoundFile(tmp_path / "doc.pdf", "pdf"), "s1", details)
    assert local.text == doc.text and details["pages"] == pages


def test_hostile_pdfs_fail_cleanly_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a-bomb.pdf").write_bytes(flate_bomb_pdf(1 << 30))  # 1 MB inflating to 1 GiB
    (tmp_path / "b-garbage.pdf").write_bytes(b"%PDF-1.7\n" + b"\xff" * 2000)
    (tmp_path / "c-good.pdf").write_bytes(minimal_pdf(PDF_PAGES))
    started = time.monotonic()
    from briefings.config import SourceSpec

    got = collect_sources([SourceSpec(path="*.pdf")], tmp_path)
    assert [d.path.rsplit("/", 1)[-1] for d in got.documents] == ["c-good.pdf"]
    assert {u.path.rsplit("/", 1)[-1] for u in got.unavailable} == {"a-bomb.pdf", "b-garbage.pdf"}
    assert time.monotonic() - started < 20
    with pytest.raises(SourceError, match="longer than"):
        pdf_text(minimal_pdf(PDF_PAGES), "x.pdf", timeout=0.001)
    with pytest.raises(SourceError, match="more memory than allowed|exceeded its limits"):
        pdf_text(minimal_pdf(PDF_PAGES), "x.pdf", memory_mb=40)  # the child's RLIMIT_AS holds
    with pytest.raises(SourceError, match="not a PDF"):
        pdf_text(b"hello", "x.pdf")


def test_external_entity_and_entity_bomb_feeds_fail_cleanly(site: WebServer, tmp_path: Path) -> None:
    started = time.monotonic()
    got = collect(site, [{"feed": f"{site.base}/xxe.xml"}, {"feed": f"{site.base}/lol.xml"},
                         {"url": f"{site.base}/news/2.html"}], tmp_path)
    assert time.monotonic() - started < 2
    assert len(got.documents) == 1 and len(got.unavailable) == 2
    for u in got.unavailable:
        assert "feed refused" in u.reason and SECRET not in u.reason
    assert SECRET not in json.dumps([d.text for d in got.documents])


def test_truncating_html_fails_loudly(site: WebServer, tmp_path: Path) -> None:
    got = collect(site, [{"url": f"{site.base}/deep.html"}], tmp_path)
    assert not got.documents
    assert "document truncated by parser (resource limit)" in got.unavailable[0].reason
    huge = tmp_path / "huge.html"
    huge.write_text("<html><body><p>" + "x" * 12_000_000 + "</p><p>TAIL-MARKER</p></body></html>",
                    encoding="utf-8")
    with pytest.raises(SourceError, match="truncated by parser"):
        read_file(FoundFile(huge, "html"), "s1")


def test_raw_gzip_bodies_are_not_inflated(site: WebServer, tmp_path: Path) -> None:
    from web_server import gzip_bomb

    site.add("/raw.gz", gzip_bomb(64 << 20), content_type="application/gzip")
    site.add("/raw-as-html", gzip_bomb(64 << 20), content_type="text/html")
    got = collect(site, [{"url": f"{site.base}/raw.gz"}, {"url": f"{site.base}/raw-as-html"}],
                  tmp_path)
    reasons = [u.reason for u in got.unavailable]
    assert "unsupported content type 'application/gzip'" in reasons[0]
    assert "binary" in reasons[1] and not got.documents


def test_cp1252_page_without_a_declared_charset(site: WebServer, tmp_path: Path) -> None:
    got = collect(site, [{"url": f"{site.base}/cp1252.html"}], tmp_path)
    (doc,) = got.documents
    assert "\u201chold the line\u201d" in doc.text
    assert not any("\x80" <= ch <= "\x9f" for ch in doc.text) and doc.encoding == "cp1252"


def test_config_source_kinds_and_network_keys(tmp_path: Path) -> None:
    base = "id: t\ntitle: T\nsections: [{kind: claims}]\n"
    ok = load_config(write_config(tmp_path, base + "sources:\n  - url: https://example.org/a\n"
                                  "  - {feed: 'http://example.org/f', max_items: 5}\n"
                                  "network: {allow_hosts: ['127.0.0.1:8080', intranet], "
                                  "respect_robots: false, timeout: 10}\n"))
    assert [s.kind for s in ok.config.sources] == ["url", "feed"]
    assert ok.config.network.allow_hosts == ["127.0.0.1:8080", "intranet"]
    for bad, message in [
        ("sources: [{path: a, url: 'https://e.org'}]\n", "exactly one of"),
        ("sources: [{}]\n", "exactly one of"),
        ("sources: [{url: 'file:///etc/passwd'}]\n", "only http and https"),
        ("sources: [{url: 'https://e.org', max_items: 3}]\n", "only to 'feed'"),
        ("sources: [{path: a}]\nnetwork: {allow_hosts: ['http://x/']}\n", "host:port"),
        ("sources: [{path: a}]\nnetwork: {alow_hosts: []}\n", "did you mean 'allow_hosts'"),
    ]:
        with pytest.raises(ConfigError) as info:
            load_config(write_config(tmp_path, base + bad))
        assert message in info.value.render(), bad


def build_config(site: WebServer, canary: WebServer, folder: Path) -> Path:
    return write_config(folder, f"""id: web
title: China-Russia naval cooperation
timezone: UTC
period: {{since: 2024-01-01}}
sources:
  - {{feed: "{site.base}/rss.xml", max_items: 3}}
  - feed: {site.base}/atom.xml
  - url: "{site.base}/news/1.html?utm_source=twitter&fbclid=abc"
  - url: {site.base}/copy.html
  - url: {site.base}/doc.pdf
  - url: {site.base}/gone.html
  - url: {site.base}/private/secret.html
  - feed: {site.base}/xxe.xml
  - url: {canary.base}/secret
network: {{allow_hosts: ["{site.hostport}"], cache_dir: cache}}
sections: [{{kind: claims}}, {{kind: sources}}]
formats: [md, html]
""")


def test_build_is_partial_cached_and_offline(site: WebServer, canary: WebServer,
                                             tmp_path: Path) -> None:
    cfg = build_config(site, canary, tmp_path)
    out = tmp_path / "out"
    checked = runner.invoke(app, ["build", str(cfg), "--out", str(out), "--now", NOW, "--check"])
    assert checked.exit_code == 5, checked.output
    assert not out.exists() and not (tmp_path / "cache").exists()  # --check writes nothing
    site.clear()
    first = runner.invoke(app, ["build", str(cfg), "--out", str(out), "--now", NOW])
    assert first.exit_code == 5, first.output
    edition = out / "web" / "2024-04-22"
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "partial"
    why = {u["source"].rsplit("/", 1)[-1]: u["reason"] for u in manifest["unavailable"]}
    assert set(why) == {"gone.html", "secret.html", "xxe.xml", "secret"}
    assert why["gone.html"] == "HTTP 404 Not Found" and "robots.txt" in why["secret.html"]
    assert "feed refused" in why["xxe.xml"] and "refused" in why["secret"]
    assert canary.hits() == 0
    kinds = [(s["kind"], s["path"].rsplit("/", 1)[-1]) for s in manifest["sources"]]
    assert kinds == [("html", "1.html"), ("html", "2.html"), ("html", "3.html"),
                     ("html", "4.html"), ("pdf", "doc.pdf")]
    assert manifest["sources"][4]["pages"] == [0, len(PDF_PAGES[0]) + 2]
    assert manifest["sources"][0]["sha256"] == __import__("hashlib").sha256(
        site.routes["/news/1.html"].body).hexdigest()
    md = (edition / "briefing.md").read_text(encoding="utf-8")
    assert "gone.html: unavailable: HTTP 404 Not Found" in md
    for path in edition.iterdir():
        assert SECRET.encode() not in path.read_bytes()
    assert "partial edition" in first.stderr

    # second run, nothing changed: revalidations only (304), no body sent again
    site.clear()
    second = runner.invoke(app, ["build", str(cfg), "--out", str(out), "--now", NOW])
    assert second.exit_code == 5, second.output
    statuses = site.statuses()
    assert statuses[200] == 0 and statuses[304] >= 8 and set(statuses) <= {304, 404}
    again = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert {s.get("fetch") for s in again["sources"]} == {"revalidated"}
    assert (edition / "briefing.md").read_text(encoding="utf-8") == md

    # offline: nothing on the wire, same documents
    site.clear()
    offline = runner.invoke(app, ["build", str(cfg), "--out", str(out), "--now", NOW, "--offline"])
    assert offline.exit_code == 5, offline.output
    assert site.hits() == 0 and canary.hits() == 0
    cached = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert [s["sha256"] for s in cached["sources"]] == [s["sha256"] for s in manifest["sources"]]

    strict = runner.invoke(app, ["build", str(cfg), "--out", str(out), "--now", NOW,
                                 "--offline", "--strict"])
    assert strict.exit_code == 1


def test_all_sources_unavailable_is_an_error_naming_each(site: WebServer, canary: WebServer,
                                                        tmp_path: Path) -> None:
    cfg = write_config(tmp_path, f"id: t\ntitle: T\nsections: [{{kind: claims}}]\n"
                                 f"sources: [{{url: '{canary.base}/secret'}}]\n")
    result = runner.invoke(app, ["build", str(cfg), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no readable sources" in result.stderr
    assert "refused" in result.stderr and canary.hits() == 0
