"""The guarded fetcher against a real loopback server: addresses, redirects, deadline, caps, robots."""
from __future__ import annotations

import ipaddress
import time
import tracemalloc
from pathlib import Path

import pytest

from briefings.sources.addresses import (FetchError, allow_entry, check_url, forbidden_reason,
                                         parse_ip)
from briefings.sources.cache import HttpCache
from briefings.sources.client import WebClient
from briefings.sources.fetch import Decoder, FetchPolicy, fetch, user_agent
from web_server import Route, WebServer, article_html, gzip_bomb, trickle

PAGE = article_html("The frigate sailed at dawn.\nIt returned on Friday.", "Frigate sails at dawn")


@pytest.fixture(scope="module")
def site(canary: WebServer):
    with WebServer() as server:
        server.add("/page.html", PAGE)
        server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        server.add("/private/page.html", PAGE)
        server.redirect("/r1", "/r2")
        server.redirect("/r2", f"{server.base}/r3", 301)
        server.redirect("/r3", "/page.html", 307)
        server.redirect("/loop", "/loop")
        server.redirect("/to-canary", f"{canary.base}/secret")
        server.redirect("/to-canary-hex", f"http://0x7f.0.0.1:{canary.port}/secret")
        server.redirect("/to-canary-v6", f"http://[::ffff:127.0.0.1]:{canary.port}/secret")
        server.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
        server.redirect("/to-file", "file:///etc/passwd")
        server.add("/bomb", gzip_bomb(), headers={"Content-Encoding": "gzip"})
        server.add("/bomb-redirect", gzip_bomb(64 << 20), status=302, validators=False,
                   headers={"Content-Encoding": "gzip", "Location": "/page.html"})
        server.add("/br", b"x", headers={"Content-Encoding": "br"})
        server.routes["/slow"] = Route(handler=trickle(0.05))
        yield server


def policy(site: WebServer, **kw) -> FetchPolicy:
    return FetchPolicy(allow=frozenset({allow_entry(site.hostport)}), **kw)


# ---- address checks (no network) ------------------------------------------------------------

@pytest.mark.parametrize("host", ["0x7f.0.0.1", "2130706433", "0177.0.0.1", "127.1", "[::1]",
                                  "169.254.169.254", "::ffff:127.0.0.1", "::ffff:7f00:1",
                                  "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1",
                                  "0.0.0.0", "224.0.0.1", "240.0.0.1", "fe80::1", "fd00::1",
                                  "64:ff9b::7f00:1", "2002:7f00:1::1", "::127.0.0.1"])
def test_internal_addresses_are_refused(host: str) -> None:
    ip = parse_ip(host)
    assert ip is not None, host
    assert forbidden_reason(ip), host


@pytest.mark.parametrize("host", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111",
                                  "::ffff:8.8.8.8"])
def test_public_addresses_pass(host: str) -> None:
    assert forbidden_reason(parse_ip(host)) is None


def test_legacy_numeric_forms_parse_like_inet_aton() -> None:
    assert parse_ip("0x7f.0.0.1") == parse_ip("2130706433") == parse_ip("127.1") == \
        ipaddress.ip_address("127.0.0.1")
    assert parse_ip("example.org") is None and parse_ip("1e100.net") is None


@pytest.mark.parametrize("url, why", [
    ("file:///etc/passwd", "only http and https"), ("gopher://127.0.0.1:70/x", "only http"),
    ("ftp://example.org/x", "only http"), ("http://user:pw@example.org/", "passwords"),
    ("http:///nohost", "no host"), ("javascript:alert(1)", "only http")])
def test_other_schemes_and_forms_are_refused(url: str, why: str) -> None:
    with pytest.raises(FetchError, match=why):
        check_url(url)
    with pytest.raises(FetchError, match=why):
        fetch(url, FetchPolicy())


def test_allow_hosts_entries() -> None:
    assert allow_entry("127.0.0.1:8080") == ("127.0.0.1", 8080)
    assert allow_entry("[::1]:8080") == ("::1", 8080)
    assert allow_entry("Intranet.Example") == ("intranet.example", None)
    assert allow_entry("0x7f.0.0.1") == ("127.0.0.1", None)
    for bad in ("http://x", "a b", "[::1", "host:99999"):
        with pytest.raises(ValueError):
            allow_entry(bad)


# ---- against the loopback server --------------------------------------------------------------

@pytest.mark.parametrize("form", ["127.0.0.1", "0x7f.0.0.1", "2130706433", "localhost",
                                  "[::ffff:127.0.0.1]"])
def test_loopback_is_refused_unless_allowed_and_nothing_is_sent(site: WebServer, form: str) -> None:
    before = site.hits()
    with pytest.raises(FetchError, match="refused: .* is internal"):
        fetch(f"http://{form}:{site.port}/page.html", FetchPolicy())
    assert site.hits() == before


def test_allowed_host_port_is_fetched_with_our_user_agent(site: WebServer) -> None:
    got = fetch(f"{site.base}/page.html", policy(site))
    assert got.status == 200 and b"Frigate sails at dawn" in got.body
    assert site.log[-1][2]["user-agent"] == user_agent() and user_agent().startswith("briefings/")
    # the same host in another spelling is the same allowed address
    assert fetch(f"http://0x7f.0.0.1:{site.port}/page.html", policy(site)).status == 200


def test_redirect_chain_is_followed_hop_by_hop(site: WebServer) -> None:
    got = fetch(f"{site.base}/r1", policy(site))
    assert got.final_url == f"{site.base}/page.html"
    assert [u.rsplit("/", 1)[-1] for u in got.redirects] == ["r2", "r3", "page.html"]
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch(f"{site.base}/r1", policy(site, max_redirects=2))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{site.base}/loop", policy(site))


@pytest.mark.parametrize("path", ["/to-canary", "/to-canary-hex", "/to-canary-v6",
                                  "/to-metadata", "/to-file"])
def test_redirect_to_a_forbidden_address_never_reaches_it(site: WebServer, canary: WebServer,
                                                          path: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        fetch(f"{site.base}{path}", policy(site))
    assert canary.hits() == 0


def test_slow_trickle_hits_the_total_deadline(site: WebServer) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        fetch(f"{site.base}/slow", policy(site, timeout=1.0))
    assert time.monotonic() - started < 2.0  # total, not per read: each byte came in 0.05 s


def test_gzip_bomb_stops_at_the_cap_with_little_memory(site: WebServer) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="decompressed size limit exceeded"):
            fetch(f"{site.base}/bomb", policy(site, max_bytes=20_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000_000  # 1 GiB promised; we hold at most the cap plus a chunk


def test_bomb_in_a_redirect_body_is_never_read(site: WebServer) -> None:
    got = fetch(f"{site.base}/bomb-redirect", policy(site, max_bytes=1_000_000))
    assert got.final_url.endswith("/page.html")


def test_unknown_content_encoding_and_raw_size_cap(site: WebServer) -> None:
    with pytest.raises(FetchError, match="unsupported Content-Encoding"):
        fetch(f"{site.base}/br", policy(site))
    with pytest.raises(FetchError, match="over the 1,000-byte limit"):
        fetch(f"{site.base}/page.html", policy(site, max_bytes=1000))


def test_decoder_caps_deflate_and_gzip_members() -> None:
    import gzip
    import zlib

    two = gzip.compress(b"a" * 10) + gzip.compress(b"b" * 10)
    d = Decoder("gzip", 100, "u")
    d.feed(two)
    assert d.finish() == b"a" * 10 + b"b" * 10
    for data in (zlib.compress(b"x" * 5000), zlib.compress(b"x" * 5000)[2:-4]):
        d = Decoder("deflate", 1000, "u")
        with pytest.raises(FetchError, match="decompressed size limit exceeded"):
            d.feed(data)
            d.finish()


def test_robots_txt_is_respected_unless_switched_off(site: WebServer, tmp_path: Path) -> None:
    client = WebClient(policy(site), HttpCache(tmp_path))
    with pytest.raises(FetchError, match="disallowed by .*robots.txt"):
        client.get(f"{site.base}/private/page.html")
    assert client.get(f"{site.base}/page.html").body.startswith(b"<!DOCTYPE")
    assert site.hits("/robots.txt") >= 1
    free = WebClient(policy(site), HttpCache(tmp_path), respect_robots=False)
    assert free.get(f"{site.base}/private/page.html").how == "fetched"


def test_cache_revalidates_and_offline_reads_it(site: WebServer, tmp_path: Path) -> None:
    url = f"{site.base}/page.html"
    first = WebClient(policy(site), HttpCache(tmp_path), respect_robots=False).get(url)
    site.clear()
    second = WebClient(policy(site), HttpCache(tmp_path), respect_robots=False).get(url)
    assert (first.how, second.how) == ("fetched", "revalidated")
    assert second.body == first.body and site.statuses() == {304: 1}
    assert site.log[-1][2]["if-none-match"]
    site.clear()
    offline = WebClient(policy(site), HttpCache(tmp_path), offline=True)
    assert offline.get(url).how == "cache" and site.hits() == 0
    with pytest.raises(FetchError, match="not in the cache"):
        offline.get(f"{site.base}/other.html")
    # a cache body that no longer matches its sha256 is not used
    body = next(tmp_path.glob("*.body"))
    body.write_bytes(b"tampered")
    with pytest.raises(FetchError, match="not in the cache"):
        offline.get(url)


@pytest.mark.parametrize("package, floor", [("urllib3", (2, 7, 0)), ("lxml", (6, 1, 0)),
                                            ("pypdf", (6, 10, 2)), ("defusedxml", (0, 7, 1))])
def test_dependency_floors_for_web_sources(package: str, floor: tuple[int, ...]) -> None:
    import re
    from importlib.metadata import version

    found = tuple(int(x) for x in re.findall(r"\d+", version(package))[:3])
    assert found >= floor, f"{package} {version(package)} is below {'.'.join(map(str, floor))}"


def test_https_connects_to_the_checked_address_and_verifies_the_name(tmp_path: Path) -> None:
    import ssl

    import trustme

    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    with WebServer(tls=context) as server:
        server.add("/page.html", PAGE)
        url = f"https://localhost:{server.port}/page.html"
        allow = frozenset({allow_entry(f"localhost:{server.port}")})
        got = fetch(url, FetchPolicy(allow=allow, ca_file=str(ca_file)))
        assert got.status == 200 and b"Frigate" in got.body
        assert server.log[-1][2]["host"] == f"localhost:{server.port}"
        # by IP the certificate (issued to localhost) does not match: refused before any request
        before = server.hits()
        with pytest.raises(FetchError, match="certificate"):
            fetch(f"https://127.0.0.1:{server.port}/page.html",
                  FetchPolicy(allow=frozenset({allow_entry(server.hostport)}), ca_file=str(ca_file)))
        with pytest.raises(FetchError, match="certificate"):  # an unknown CA
            fetch(url, FetchPolicy(allow=allow))
        assert server.hits() == before
