"""Test helpers: a real HTTP server on loopback with scripted routes, request log, ETag handling."""
from __future__ import annotations

import hashlib
import html
import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + \
    sorted((ROOT / "tests" / "data" / "extract").glob("*.txt"))
LAST_MODIFIED = "Mon, 22 Apr 2024 06:00:00 GMT"


@dataclass
class Route:
    """A response: status, headers, body; `handler` instead writes the response itself."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None
    validators: bool = True  # answer If-None-Match / If-Modified-Since with 304


class WebServer:
    """ThreadingHTTPServer on 127.0.0.1 (random port) serving `routes` by path (query ignored
    unless the path with query is a route). Every request is logged as (path, status, headers)."""

    def __init__(self, tls=None) -> None:
        self.scheme = "https" if tls else "http"
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, int, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                headers = {k.lower(): v for k, v in self.headers.items()}
                if route is None:
                    server._record(self.path, 404, headers)
                    self._send(404, {"Content-Type": "text/plain"}, b"not found")
                    return
                if route.handler is not None:
                    server._record(self.path, route.status, headers)
                    route.handler(self)
                    return
                status, hdrs = route.status, dict(route.headers)
                if route.validators and status == 200:
                    hdrs.setdefault("ETag", '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"')
                    hdrs.setdefault("Last-Modified", LAST_MODIFIED)
                    if headers.get("if-none-match") == hdrs["ETag"]:
                        status = 304
                server._record(self.path, status, headers)  # before replying: no race in tests
                if status == 304:
                    self._send(304, {"ETag": hdrs["ETag"]}, b"")
                else:
                    self._send(status, hdrs, route.body)

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    if "Content-Length" not in headers and status != 304:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "WebServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _record(self, path: str, status: int, headers: dict[str, str]) -> None:
        with self._lock:
            self.log.append((path, status, headers))

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def hostport(self) -> str:
        return f"127.0.0.1:{self.port}"

    def add(self, path: str, body: bytes | str = b"", status: int = 200,
            content_type: str = "text/html; charset=utf-8", **kw) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": content_type, **kw.pop("headers", {})}
        self.routes[path] = Route(status, data, headers, **kw)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = Route(status, b"", {"Location": location}, validators=False)

    def hits(self, path: str | None = None) -> int:
        with self._lock:
            return sum(1 for p, _, _ in self.log if path is None or p.split("?")[0] == path)

    def statuses(self) -> Counter:
        with self._lock:
            return Counter(s for _, s, _ in self.log)

    def clear(self) -> None:
        with self._lock:
            self.log.clear()


def article_html(text: str, title: str, *, canonical: str | None = None, author: str = "Anna Berg",
                 published: str = "2024-04-20", site: str = "Harbour Post") -> str:
    """An article page with the usual clutter around the story: nav, cookie banner, share line,
    related links, newsletter box and footer."""
    paras = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>{link}
<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">
<meta property="article:published_time" content="{published}T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/defence">Defence</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<main><article><h1>{html.escape(title)}</h1>
<p class="byline">By {author}, {published}</p>
{paras}
<div class="share">Share this article on Facebook Share on X</div>
</article>
<aside><h2>Related Articles</h2><ul><li><a href="/x">Navy unveils new submarine plans</a></li>
<li><a href="/y">Ten things to know about frigates</a></li></ul></aside></main>
<div class="newsletter">Sign up for our newsletter to get the latest news</div>
<footer>Copyright 2024 {site}. All rights reserved. Privacy policy</footer>
</body></html>"""


def article_texts() -> list[tuple[str, str]]:
    """(title, body) of the repository's sample articles."""
    out = []
    for path in ARTICLE_TEXTS:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        title = next((ln for ln in lines if len(ln) > 25), path.stem)
        out.append((title.strip(), "\n".join(lines)))
    return out


def rss(items: list[tuple[str, str, str]], title: str = "Harbour Post") -> str:
    """RSS 2.0 with (title, link, RFC 822 date) items."""
    body = "".join(f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
                   f"<pubDate>{d}</pubDate><guid isPermaLink=\"false\">{i}</guid></item>"
                   for i, (t, link, d) in enumerate(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://example.org/</link>{body}</channel></rss>")


def atom(items: list[tuple[str, str, str]]) -> str:
    """Atom with (title, link, ISO date) entries."""
    body = "".join(f'<entry><title>{html.escape(t)}</title><link rel="alternate" '
                   f'href="{html.escape(link)}"/><id>urn:x:{i}</id><updated>{d}</updated></entry>'
                   for i, (t, link, d) in enumerate(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom desk</title><id>urn:x</id><updated>2024-04-21T00:00:00Z</updated>"
            f"{body}</feed>")


def minimal_pdf(pages: list[str]) -> bytes:
    """A small valid PDF, one line of Helvetica text per page (hand-written objects and xref)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    font_num = 3
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for text in pages:
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 11 Tf 50 750 Td ({safe}) Tj ET".encode("latin-1")
        objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode('latin-1')}\nendstream")
        content_num = len(objs)
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                    f"{content_num} 0 R /Resources << /Font << /F1 {font_num} 0 R >> >> >>")
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    return pdf_from_objects([o.encode("latin-1") for o in objs])


def flate_bomb_pdf(size: int = 1 << 30) -> bytes:
    """A one-page PDF whose content stream inflates (FlateDecode) to `size` zero bytes."""
    count = size // (1 << 20)
    adler = 1
    for _ in range(count):
        adler = zlib.adler32(bytes(1 << 20), adler)
    data = b"\x78\xda" + _deflated_zeros(count) + adler.to_bytes(4, "big")
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"])


def pdf_from_objects(objs: list[bytes]) -> bytes:
    """Objects 1..n (1 is the catalog) -> a PDF with a correct xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _deflated_zeros(count: int) -> bytes:
    """Raw deflate of `count` MiB of zeros, built without compressing them all: after a full
    flush each 1 MiB block deflates to the same bytes."""
    block = bytes(1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    return first + again * (count - 1) + co.flush(zlib.Z_FINISH)


def gzip_bomb(size: int = 1 << 30) -> bytes:
    """A valid gzip stream of `size` zero bytes (1 GiB -> about 1 MB)."""
    block = bytes(1 << 20)
    count = size // len(block)
    deflated = _deflated_zeros(count)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + deflated + crc.to_bytes(4, "little") + (size & 0xFFFFFFFF).to_bytes(4, "little")


def trickle(delay: float = 0.1, total: int = 10_000) -> Callable[[BaseHTTPRequestHandler], None]:
    """A handler that promises `total` bytes and sends one every `delay` seconds."""
    def handle(req: BaseHTTPRequestHandler) -> None:
        try:
            req.send_response(200)
            req.send_header("Content-Type", "text/html")
            req.send_header("Content-Length", str(total))
            req.end_headers()
            for _ in range(total):
                req.wfile.write(b"x")
                req.wfile.flush()
                time.sleep(delay)
        except (BrokenPipeError, ConnectionResetError):
            pass
    return handle
