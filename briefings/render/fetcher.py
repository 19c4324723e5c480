"""A WeasyPrint URL fetcher that serves only data: URLs and regular files under allowed roots."""
from __future__ import annotations

import mimetypes
import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

MAX_RESOURCE_BYTES = 25 * 1024 * 1024


class BlockedResource(ValueError):
    """A resource the fetcher refuses to load (the message says why)."""


class RootedFetcher(URLFetcher):
    """Fetch ``data:`` URLs and regular files whose real path lies under an allowed root.

    Everything else (http(s), ftp, files outside the roots, FIFOs, devices, directories,
    files over `max_bytes`) is refused; with ``fail_on_errors`` any refusal or missing file
    stops the render. Each failure is recorded in `failures` as (url, reason).
    """

    def __init__(self, allowed_roots: list[Path], *, max_bytes: int = MAX_RESOURCE_BYTES) -> None:
        super().__init__(timeout=5, allowed_protocols={"data", "file"}, allow_redirects=False,
                         fail_on_errors=True)
        self.roots = [os.path.realpath(r) for r in allowed_roots]
        self.max_bytes = max_bytes
        self.failures: list[tuple[str, str]] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """Serve `url` or raise (WeasyPrint turns the exception into a fatal fetch error)."""
        try:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                return self._fetch_file(url)
            raise BlockedResource(f"scheme {scheme or '(none)'!r} is not allowed")
        except Exception as exc:
            self.failures.append((url, str(exc) or type(exc).__name__))
            raise

    def _fetch_file(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise BlockedResource(f"remote file host {parts.netloc!r} is not allowed")
        path = url2pathname(unquote(parts.path))
        real = os.path.realpath(path)
        if not any(_is_under(real, root) for root in self.roots):
            raise BlockedResource("file is outside the allowed folders")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(real, flags)
        except FileNotFoundError:
            raise BlockedResource("file not found") from None
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise BlockedResource("not a regular file")
            if st.st_size > self.max_bytes:
                raise BlockedResource(f"file larger than {self.max_bytes} bytes")
            data = fh.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise BlockedResource(f"file larger than {self.max_bytes} bytes")
        mime = mimetypes.guess_type(real)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=data, headers={"Content-Type": mime})


def _is_under(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:
        return False
