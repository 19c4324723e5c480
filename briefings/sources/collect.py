"""Every source of a config, in config order -> SourceSet: files, pages and feeds, each article once."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from briefings.config import NetworkSpec, SourceSpec
from briefings.errors import SourceError
from briefings.model import SourceDocument
from briefings.sources.client import WebClient
from briefings.sources.files import FoundFile, Skipped, display, expand
from briefings.sources.read import (READ_AHEAD, Prepared, ReadTask, SourceSet, grade,
                                    read_found)
from briefings.sources.urls import normalize_url

if TYPE_CHECKING:
    from briefings.executor import Executor

DEFAULT_MAX_ITEMS = 20


def make_client(network: NetworkSpec | None, cache_dir: Path | None, *,
                offline: bool = False, write_cache: bool = True) -> WebClient:
    """The web client a config asks for: its allowed hosts, limits, robots policy and cache."""
    from briefings.sources.addresses import allow_entry
    from briefings.sources.cache import HttpCache
    from briefings.sources.fetch import FetchPolicy, user_agent

    net = network or NetworkSpec()
    policy = FetchPolicy(allow=frozenset(allow_entry(h) for h in net.allow_hosts),
                         timeout=net.timeout, max_bytes=net.max_bytes,
                         max_redirects=net.max_redirects, user_agent=user_agent(net.contact))
    cache = HttpCache(cache_dir, read_only=not write_cache) if cache_dir else None
    return WebClient(policy, cache, offline=offline,
                     respect_robots=net.respect_robots)


class _Collector:
    """Accumulates documents in order, dropping repeats of an article already read."""

    def __init__(self) -> None:
        self.docs: list[SourceDocument] = []
        self.details: list[dict] = []
        self.sketches: list[frozenset[int] | None] = []
        self.prepared: list[tuple[str, Any] | None] = []
        self.seconds = [0.0, 0.0]
        self.skipped: list[Skipped] = []
        self.unavailable: list[Skipped] = []
        self.duplicates: list[Skipped] = []
        self.feeds: list[dict] = []
        self._urls: dict[str, int] = {}
        self._texts: dict[tuple[str, str], int] = {}
        self._files: set[str] = set()

    def _label(self, index: int) -> str:
        return f"s{index + 1} ({self.docs[index].path})"

    def seen_url(self, url: str, shown: str) -> bool:
        """True (and recorded) when the URL names an article already read."""
        key = normalize_url(url)
        if key in self._urls:
            self.duplicates.append(Skipped(shown, f"same URL as {self._label(self._urls[key])}"))
            return True
        return False

    def seen_file(self, path: Path) -> bool:
        key = str(path.resolve())
        if key in self._files:
            return True
        self._files.add(key)
        return False

    def add(self, doc: SourceDocument, keys: tuple[str, ...], details: dict, shown: str,
            sketch: frozenset[int] | None = None, prepared: Prepared | None = None) -> None:
        """Keep `doc` unless it is blank or read already; `prepared` (from a ReadTask) stands in
        for the text of a document that comes without it."""
        if prepared is not None:
            self.seconds[0] += prepared.read_s
            self.seconds[1] += prepared.after_s
        if (prepared.blank if prepared is not None else not doc.text.strip()):
            self.skipped.append(Skipped(shown, "no text"))
            return
        for key in keys:
            if key in self._urls:
                self.duplicates.append(Skipped(shown, f"same article as "
                                                      f"{self._label(self._urls[key])} ({key})"))
                return
        text_key = (prepared.text_sha256 if prepared is not None
                    else hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                    (doc.outlet or "").casefold())
        if text_key in self._texts:
            self.duplicates.append(Skipped(shown, f"verbatim copy of "
                                                  f"{self._label(self._texts[text_key])}"))
            return
        index = len(self.docs)
        self.docs.append(doc)
        self.details.append(details)
        self.sketches.append(sketch)
        self.prepared.append((doc.id, prepared.result) if prepared is not None
                             and prepared.result is not None else None)
        self._texts[text_key] = index
        for key in keys:
            self._urls[key] = index

    def fail(self, shown: str, exc: SourceError) -> None:
        where = f"{exc.path}: " if exc.path and exc.path != shown else ""
        self.unavailable.append(Skipped(shown, where + exc.message))


def collect_sources(specs: list[SourceSpec], base: Path, outlets: dict[str, str] | None = None,
                    *, client: Callable[[], WebClient] | None = None,
                    window: tuple[date | None, date] | None = None,
                    zone: str = "UTC", reader: "Executor | None" = None,
                    after_read: Callable[[SourceDocument], Any] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> SourceSet:
    """Read every source once, in config order; failures are recorded, never raised (except a
    `path` that matches nothing, which is a mistake in the config). Files are read (decoded,
    metadata, copy sketch) by `reader`'s workers when given, else here: the same result.

    With `after_read` (picklable, pure), the worker that reads a file also runs
    `after_read(document)` on it while the text is at hand (a build extracts it there: no
    second trip of the text to a worker, no wait between reading and extracting); such files
    come back as SourceRecords, and `SourceSet.prepared` holds the results by source id.
    `progress(done, total)` is called as files are read."""
    c = _Collector()
    web: WebClient | None = None

    def get_client() -> WebClient:
        nonlocal web
        if web is None:
            web = client() if client else make_client(None, None)
        return web

    for spec in specs:
        if spec.path is not None:
            found, skip = expand(spec.path, base)
            c.skipped.extend(skip)
            _read_files(c, [f for f in found if not c.seen_file(f.path)], reader, after_read,
                        progress)
        elif spec.url is not None:
            _read_page(c, get_client(), spec.url, {})
        else:
            assert spec.feed is not None
            _read_feed(c, get_client(), spec.feed, spec.max_items or DEFAULT_MAX_ITEMS,
                       window, zone)
    docs = [replace(d, id=f"s{i}") for i, d in enumerate(c.docs, 1)]
    details = {d.id: info for d, info in zip(docs, c.details) if info}
    prepared = {d.id: p for d, p in zip(docs, c.prepared) if p is not None}
    docs = grade(docs, outlets or {}, c.sketches)
    return SourceSet(tuple(docs), tuple(c.skipped), unavailable=tuple(c.unavailable),
                     duplicates=tuple(c.duplicates), details=details, feeds=tuple(c.feeds),
                     fetch=dict(web.stats) if web else {}, prepared=prepared,
                     worker_seconds=(c.seconds[0], c.seconds[1]))


def _read_files(c: _Collector, files: list[FoundFile], reader: "Executor | None",
                after_read: Callable[[SourceDocument], Any] | None = None,
                progress: Callable[[int, int], None] | None = None) -> None:
    """Read the files in order, in `reader`'s workers when given (chunks, results in order).

    With `after_read`, each file goes with the id it will get unless an earlier one is dropped
    (blank, a verbatim copy or unreadable; the caller renames the results of those after)."""
    from briefings.executor import LocalExecutor, chunk_size

    run = reader or LocalExecutor()
    size = chunk_size(len(files), run.workers)
    if after_read is None:
        results = run.map(read_found, files, size)
    else:
        first = len(c.docs) + 1
        items = [(f, f"s{first + k}") for k, f in enumerate(files)]
        batches = [items[k:k + READ_AHEAD] for k in range(0, len(items), READ_AHEAD)]
        results = (r for done in run.map(ReadTask(after_read), batches,
                                         max(1, size // READ_AHEAD))
                   for r in done)
    for k, (f, (doc, info, sketch, error, *prepared)) in enumerate(zip(files, results), 1):
        if progress:
            progress(k, len(files))
        if doc is None:
            assert error is not None
            c.fail(display(f.path), SourceError(error[0], path=error[1]))
            continue
        c.add(doc, (), info, doc.path, sketch, prepared[0] if prepared else None)


def _read_page(c: _Collector, web: WebClient, url: str, extra: dict) -> None:
    from briefings.sources.web import page_document

    if c.seen_url(url, url):
        return
    try:
        got = web.get(url)
        read = page_document(got, "s0")
    except SourceError as exc:
        c.fail(url, exc)
        return
    c.add(read.doc, read.keys, {**read.details, **extra}, url)


def _read_feed(c: _Collector, web: WebClient, feed: str, max_items: int,
               window: tuple[date | None, date] | None, zone: str) -> None:
    from briefings.sources.web import feed_entries

    try:
        entries, info = feed_entries(web, feed, max_items, window, zone)
    except SourceError as exc:
        c.fail(feed, exc)
        return
    c.feeds.append(info)
    for entry in entries:
        _read_page(c, web, entry.link, {"feed": feed})
