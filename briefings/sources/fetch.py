"""Guarded HTTP GET: checked addresses, pinned connections, re-checked redirects, deadline and caps."""
from __future__ import annotations

import socket
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from urllib.parse import urljoin

from briefings import __version__
from briefings.sources.addresses import (FetchError, IPAddress, Target, check_url,
                                         forbidden_reason, is_allowed, parse_ip)

REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
_REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error",
            502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="briefings-dns")


def user_agent(contact: str | None = None) -> str:
    """The User-Agent we send: product/version, plus where to reach the operator if configured."""
    return f"briefings/{__version__}" + (f" (+{contact})" if contact else "")


class HTTPStatusError(FetchError):
    """The server answered with a status other than 200 (or 304 to a conditional request)."""

    def __init__(self, status: int, url: str) -> None:
        self.status = status
        super().__init__(f"HTTP {status} {_REASONS.get(status, '')}".rstrip(), path=url)


@dataclass(frozen=True)
class FetchPolicy:
    """The limits every fetch runs under."""

    allow: frozenset[tuple[str, int | None]] = frozenset()
    timeout: float = 30.0
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    user_agent: str = field(default_factory=user_agent)
    ca_file: str | None = None  # PEM bundle instead of the system's CAs (tests, private CAs)


@dataclass(frozen=True)
class Response:
    """A finished GET: status 200 (body read) or 304 (not modified, empty body)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    redirects: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The media type without parameters, lowercase ('' if none)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset parameter of Content-Type, if any."""
        for param in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


def fetch(url: str, policy: FetchPolicy, conditional: dict[str, str] | None = None) -> Response:
    """GET `url` within the policy; follow at most `max_redirects` redirects, checking each hop.

    The whole exchange, redirects included, must finish before `policy.timeout` seconds pass.
    """
    deadline = time.monotonic() + policy.timeout
    current, hops = url, []
    for _ in range(policy.max_redirects + 1):
        target = check_url(current)
        ip = _resolve(target, policy, deadline)
        status, headers, body = _exchange(target, ip, policy, deadline, conditional or {})
        if status in REDIRECTS:
            location = headers.get("location")
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location header", path=current)
            current = urljoin(current, location.strip())
            hops.append(current)
            continue
        if status == 304 and conditional:
            return Response(url, current, 304, headers, b"", tuple(hops))
        if status != 200:
            raise HTTPStatusError(status, current)
        return Response(url, current, 200, headers, body, tuple(hops))
    raise FetchError(f"more than {policy.max_redirects} redirects", path=url)


def _resolve(target: Target, policy: FetchPolicy, deadline: float) -> IPAddress:
    """The address to connect to, checked; every address the name resolves to must be public."""
    allowed = is_allowed(target, policy.allow)
    if target.literal is not None:
        addresses = [target.literal]
    else:
        future = _resolver.submit(socket.getaddrinfo, target.host, target.port,
                                  type=socket.SOCK_STREAM)
        try:
            infos = future.result(timeout=max(0.01, deadline - time.monotonic()))
        except FutureTimeout:
            raise FetchError("name resolution took longer than the deadline",
                             path=target.url) from None
        except OSError as exc:
            raise FetchError(f"cannot resolve {target.host}: {exc.strerror or exc}",
                             path=target.url) from None
        addresses = [ip for ip in (parse_ip(i[4][0]) for i in infos) if ip is not None]
        if not addresses:
            raise FetchError(f"cannot resolve {target.host}", path=target.url)
    if not allowed:
        for ip in addresses:
            reason = forbidden_reason(ip)
            if reason:
                raise FetchError(f"refused: {target.host} is internal ({reason}); list it "
                                 "in network.allow_hosts to fetch it", path=target.url)
    return addresses[0]


def _exchange(target: Target, ip: IPAddress, policy: FetchPolicy, deadline: float,
              conditional: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """One request to the checked IP; the body is read only for a 200 response."""
    from urllib3.connection import HTTPConnection, HTTPSConnection

    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"took longer than the {policy.timeout:g} s deadline", path=target.url)
    timeout = min(remaining, 10.0)  # to connect; reads get the rest of the deadline
    if target.scheme == "https":
        name = target.host if target.literal is None else None
        conn: HTTPConnection = HTTPSConnection(
            str(ip), target.port, timeout=timeout, cert_reqs="CERT_REQUIRED",
            server_hostname=name, assert_hostname=target.host, ca_certs=policy.ca_file)
    else:
        conn = HTTPConnection(str(ip), target.port, timeout=timeout)
    headers = {"Host": target.host_header, "User-Agent": policy.user_agent,
               "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                         "application/atom+xml,application/xml;q=0.9,application/pdf,"
                         "text/plain;q=0.8,*/*;q=0.5",
               "Accept-Encoding": "gzip, deflate", "Connection": "close", **conditional}
    watchdog: threading.Timer | None = None
    expired = threading.Event()
    try:
        conn.connect()
        sock = conn.sock
        sock.settimeout(max(0.01, deadline - time.monotonic()))

        def stop() -> None:
            expired.set()
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), stop)
        watchdog.daemon = True
        watchdog.start()
        conn.request("GET", target.path, headers=headers, preload_content=False,
                     decode_content=False)
        resp = conn.getresponse()
        status = resp.status
        got = {k.lower(): v for k, v in resp.headers.items()}
        if status != 200:
            return status, got, b""  # redirect and error bodies are never read or decoded
        body = _read_body(resp, got, policy, target)
        if expired.is_set():
            raise FetchError(f"took longer than the {policy.timeout:g} s deadline", path=target.url)
        return status, got, body
    except FetchError:
        raise
    except Exception as exc:  # urllib3, ssl and socket errors all mean "could not fetch"
        if expired.is_set() or time.monotonic() >= deadline:
            raise FetchError(f"took longer than the {policy.timeout:g} s deadline",
                             path=target.url) from None
        raise FetchError(f"cannot fetch: {_short(exc)}", path=target.url) from None
    finally:
        if watchdog is not None:
            watchdog.cancel()
        conn.close()


def _read_body(resp, headers: dict[str, str], policy: FetchPolicy, target: Target) -> bytes:
    """Stream the body, capping raw bytes and decoded bytes at `max_bytes`."""
    cap = policy.max_bytes
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(f"response of {int(declared):,} bytes is over the {cap:,}-byte limit",
                         path=target.url)
    decoder = Decoder(headers.get("content-encoding", ""), cap, target.url)
    raw_total = 0
    while True:
        chunk = resp.read1(CHUNK, decode_content=False)
        if not chunk:
            break
        raw_total += len(chunk)
        if raw_total > cap:
            raise FetchError(f"response is over the {cap:,}-byte limit", path=target.url)
        decoder.feed(chunk)
    return decoder.finish()


class Decoder:
    """Content-Encoding gzip/deflate/identity, decoded incrementally with a cap on the output."""

    def __init__(self, encoding: str, cap: int, url: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(f"unsupported Content-Encoding {encoding!r} (we accept gzip and "
                             "deflate, applied once)", path=url)
        self.coding = codings[0] if codings else None
        self.cap, self.url = cap, url
        self.parts: list[bytes] = []
        self.size = 0
        self._z = self._new()
        self._first = True

    def _new(self):
        if self.coding == "deflate":
            return zlib.decompressobj(zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS) if self.coding else None

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.cap:
            raise FetchError(f"decompressed size limit exceeded ({self.cap:,} bytes)", path=self.url)
        self.parts.append(data)

    def feed(self, data: bytes) -> None:
        """Decode one chunk of the body."""
        if self._z is None:
            self._add(data)
            return
        while data:
            try:
                out = self._z.decompress(data, max(1, min(CHUNK * 16, self.cap - self.size + 1)))
            except zlib.error as exc:
                if self._first and self.coding == "deflate":  # raw deflate without zlib header
                    self._z, self._first = zlib.decompressobj(-zlib.MAX_WBITS), False
                    continue
                raise FetchError(f"bad {self.coding} body: {exc}", path=self.url) from None
            self._first = False
            self._add(out)
            if self._z.eof:  # a further gzip member may follow
                rest = self._z.unused_data
                self._z = self._new()
                data = rest if self.coding != "deflate" else b""
            else:
                data = self._z.unconsumed_tail

    def finish(self) -> bytes:
        """The whole decoded body."""
        if self._z is not None:
            self._add(self._z.flush())
        return b"".join(self.parts)


def _short(exc: Exception) -> str:
    """A one-line reason from an urllib3/ssl/socket error."""
    text = str(exc) or type(exc).__name__
    if "CERTIFICATE_VERIFY_FAILED" in text or "doesn't match" in text:
        return f"TLS certificate not valid for this host ({text.splitlines()[0][:160]})"
    if "Connection refused" in text:
        return "connection refused"
    if "timed out" in text.lower():
        return "timed out"
    return text.splitlines()[0][:200]
