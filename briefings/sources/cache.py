"""On-disk cache of fetched bodies with their ETag / Last-Modified, checked by sha256 on every read."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class CacheEntry:
    """A cached 200 response: where it came from, its validators and its body."""

    url: str
    final_url: str
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched: str
    sha256: str
    body: bytes = b""

    def conditional(self) -> dict[str, str]:
        """Headers that ask the server to answer 304 if the resource has not changed."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class HttpCache:
    """One folder; each URL is <key>.json (metadata) plus <key>.body (the exact bytes)."""

    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.folder = folder
        self.read_only = read_only  # `build --check` writes nothing, the cache included

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]

    def get(self, url: str) -> CacheEntry | None:
        """The entry for `url`, or None when absent, unreadable or not matching its sha256."""
        key = self._key(url)
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            body = (self.folder / f"{key}.body").read_bytes()
            entry = CacheEntry(**{**meta, "body": body})
        except (OSError, ValueError, TypeError):
            return None
        if entry.url != url or hashlib.sha256(body).hexdigest() != entry.sha256:
            return None
        return entry

    def put(self, entry: CacheEntry) -> None:
        """Store an entry: body first, then metadata, each written atomically."""
        if self.read_only:
            return
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = self._key(entry.url)
        meta = asdict(entry)
        del meta["body"]
        _atomic(self.folder / f"{key}.body", entry.body)
        _atomic(self.folder / f"{key}.json",
                json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))


def _atomic(path: Path, data: bytes) -> None:
    """Write-then-rename in the same folder, so a crash leaves the old file or the new one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
