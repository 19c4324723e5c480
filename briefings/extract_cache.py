"""Per-source extraction results on disk, keyed by content and extractor: a rebuild re-extracts
only the sources that changed.

1. The key of a source is the sha256 of its text, its title and date (the metadata the
   summariser reads) and the extractor's fingerprint: the package version plus a hash of every
   file under briefings/extract/ and briefings/data/ and of model.py, so an edit to the rules
   or the gazetteers invalidates every entry.
2. An entry is JSON (never pickle: the folder may be shared), written to a temporary file and
   renamed into place; it records the source id it was extracted under, and a hit under
   another id (a source added before it) is renamed on load.
3. An entry that cannot be read, does not parse, or whose spans do not index the source's
   text is ignored (and rewritten after extraction).
4. Entries used are touched; after a build that wrote entries the folder is pruned to
   `max_bytes` (BRIEFINGS_EXTRACT_CACHE_MB, default 1 GiB), least recently used first
   (entries of an older extractor are never used again, so they go first).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from briefings.model import DocumentExtraction, SourceDocument, Span
from briefings.write import TMP_PREFIX, atomic_write

FORMAT = 1
DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Version + hash of the summariser's code and data, computed once per process."""
    return package_fingerprint(Path(__file__).resolve().parent)


def worker_fingerprint() -> str:
    """extractor_fingerprint() as computed where this runs (sent to remote workers by reference)."""
    return extractor_fingerprint()


def package_fingerprint(root: Path) -> str:
    """Version + hash of model.py, extract/ and data/ under the package folder `root`."""
    from briefings import __version__

    h = hashlib.sha256(f"briefings {__version__} cache {FORMAT}\n".encode())
    files = [root / "model.py"]
    for folder in ("extract", "data"):
        files += sorted(p for p in (root / folder).rglob("*")
                        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def configured_max_bytes() -> int:
    """The cache's bound: BRIEFINGS_EXTRACT_CACHE_MB (megabytes) if set, else 1 GiB."""
    value = os.environ.get("BRIEFINGS_EXTRACT_CACHE_MB", "").strip()
    try:
        return max(0, int(float(value) * (1 << 20))) if value else DEFAULT_MAX_BYTES
    except ValueError:
        return DEFAULT_MAX_BYTES


def source_key(doc: SourceDocument, fingerprint: str | None = None) -> str:
    """The cache key of one source: its text and metadata inputs under this extractor."""
    h = hashlib.sha256((fingerprint or extractor_fingerprint()).encode() + b"\0")
    h.update(json.dumps([doc.title, doc.published], ensure_ascii=False).encode() + b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass
class CacheStats:
    """What one build did with the cache."""

    cached: int = 0
    extracted: int = 0
    corrupt: int = 0
    written: int = 0
    pruned: int = 0


class ExtractCache:
    """A folder of per-source extraction results (OUT/.cache/extract by default)."""

    def __init__(self, folder: Path, *, read_only: bool = False,
                 max_bytes: int | None = None, fingerprint: str | None = None):
        self.folder = Path(folder)
        self.read_only = read_only
        self.max_bytes = max_bytes if max_bytes is not None else configured_max_bytes()
        self.fingerprint = fingerprint or extractor_fingerprint()
        self.stats = CacheStats()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, doc: SourceDocument, key: str | None = None) -> DocumentExtraction | None:
        """The stored result for `doc` (with `doc.id` as its source), or None."""
        path = self._path(key or source_key(doc, self.fingerprint))
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT or data.get("fingerprint") != self.fingerprint:
                raise ValueError("another format or extractor")
            result = _renamed(DocumentExtraction.from_json(data["extraction"]),
                              str(data["source"]), doc.id)
            _check_spans(result, doc)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError):
            self.stats.corrupt += 1
            return None
        if not self.read_only:
            try:
                os.utime(path)
            except OSError:
                pass
        return result

    def put(self, doc: SourceDocument, result: DocumentExtraction, key: str | None = None) -> None:
        """Store `result` atomically (no-op when read-only; a write that fails is not an error)."""
        if self.read_only:
            return
        path = self._path(key or source_key(doc, self.fingerprint))
        body = json.dumps({"format": FORMAT, "fingerprint": self.fingerprint, "source": doc.id,
                           "extraction": result.to_json()}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        try:
            atomic_write(path, body, durable=False)
        except OSError:
            return
        self.stats.written += 1

    def prune(self) -> int:
        """Delete least recently used entries until the folder holds at most `max_bytes`."""
        if self.read_only or not self.folder.is_dir():
            return 0
        entries: list[tuple[float, int, Path]] = []
        total = 0
        stale = time.time() - 3600
        for sub in self.folder.iterdir():
            if not sub.is_dir():
                continue
            for entry in os.scandir(sub):
                try:
                    st = entry.stat()
                except OSError:
                    continue
                if entry.name.startswith(TMP_PREFIX):
                    if st.st_mtime < stale:  # left by a killed run
                        Path(entry.path).unlink(missing_ok=True)
                    continue
                entries.append((st.st_mtime, st.st_size, Path(entry.path)))
                total += st.st_size
        removed = 0
        if total > self.max_bytes:
            for _, size, path in sorted(entries, key=lambda e: e[0]):
                path.unlink(missing_ok=True)
                total -= size
                removed += 1
                if total <= self.max_bytes * 0.8:
                    break
        self.stats.pruned += removed
        return removed


def _renamed(result: DocumentExtraction, old: str, new: str) -> DocumentExtraction:
    """The result with source id `old` replaced by `new` (ids are assigned in reading order)."""
    if old == new:
        return result

    def span(s: Span) -> Span:
        return replace(s, source=new) if s.source == old else s

    return DocumentExtraction(
        claims=tuple(replace(c, source=new if c.source == old else c.source,
                             corroborated_by=tuple(span(s) for s in c.corroborated_by))
                     for c in result.claims),
        assessments=tuple(replace(a, source=new if a.source == old else a.source)
                          for a in result.assessments),
        exercises=tuple(replace(x, mentions=tuple(span(m) for m in x.mentions))
                        for x in result.exercises))


def _check_spans(result: DocumentExtraction, doc: SourceDocument) -> None:
    """Every claim and assessment must quote the source at its offsets, every mention be inside it."""
    n = len(doc.text)
    for item in (*result.claims, *result.assessments):
        if item.source != doc.id or doc.text[item.start:item.end] != item.text:
            raise ValueError("a cached span does not match the source")
    for x in result.exercises:
        for m in x.mentions:
            if m.source != doc.id or not 0 <= m.start <= m.end <= n:
                raise ValueError("a cached mention is outside the source")
