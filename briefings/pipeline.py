"""build(): config -> sources -> extract -> fuse -> assemble -> render -> write, with a report."""
from __future__ import annotations

import platform
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from collections import deque
from typing import TYPE_CHECKING, Callable, Iterable, Iterator
from zoneinfo import ZoneInfo

from briefings import __version__
from briefings.config import LoadedConfig
from briefings.errors import BriefingError
from briefings.model import (Briefing, DocumentExtraction, Extraction, SourceDocument,
                             SourceRecord, UnavailableSource)
from briefings.sources.files import Skipped
from briefings.sources.read import SourceSet, skipped_summary

if TYPE_CHECKING:
    from briefings.executor import Executor
    from briefings.extract_cache import ExtractCache

Progress = Callable[[int, int], None]
# Executors whose workers read this machine's files (a Dask cluster may be elsewhere).
LOCAL_READERS = ("local", "process")


@dataclass
class BuildReport:
    """What a build produced: the briefing, the files (written or not) and the timings."""

    briefing: Briefing
    extraction: Extraction
    folder: Path
    files: dict[str, bytes]
    written: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Sources that could not be fetched or parsed: the edition is partial (docs/sources.md).
    unavailable: list[Skipped] = field(default_factory=list)
    # How the summariser ran: documents, cached, extracted, executor, jobs (also in the manifest).
    extract: dict = field(default_factory=dict)


def edition_time(now: datetime | str | None, timezone: str) -> datetime:
    """The edition's moment in the config's zone; a naive `now` is read in that zone."""
    tz = ZoneInfo(timezone)
    if now is None:
        return datetime.now(tz).replace(microsecond=0)
    if isinstance(now, str):
        try:
            now = datetime.fromisoformat(now)
        except ValueError:
            raise BriefingError(f"--now {now!r} is not an ISO date or date-time "
                                "(e.g. 2024-04-22 or 2024-04-22T06:00:00+01:00)") from None
    return now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)


def read_sources(loaded: LoadedConfig, *, out_dir: Path | None = None, offline: bool = False,
                 edition: date | None = None, write_cache: bool = True,
                 reader: "Executor | None" = None, after_read: Callable | None = None,
                 progress: Progress | None = None) -> SourceSet:
    """The config's sources (files, pages, feeds), read once each and graded.

    Web sources go through the HTTP cache in `network.cache_dir`, else OUT/.cache/http;
    `offline` reads them from that cache alone. `edition` dates the feeds' period window.
    Files are read in `reader`'s workers when given (same result), and `after_read` run on each
    there (see collect_sources)."""
    from briefings.sources.collect import collect_sources, make_client

    cfg = loaded.config
    cache = (loaded.resolve(cfg.network.cache_dir) if cfg.network and cfg.network.cache_dir
             else (out_dir or Path("out")) / ".cache" / "http")
    window = cfg.period.window(edition) if cfg.period and edition else None
    return collect_sources(list(cfg.sources), loaded.base_dir,
                           {name: o.reliability for name, o in cfg.outlets.items()},
                           client=lambda: make_client(cfg.network, cache, offline=offline,
                                                      write_cache=write_cache),
                           window=window, zone=cfg.timezone, reader=reader,
                           after_read=after_read, progress=progress)


def unavailable_summary(sources: SourceSet) -> list[str]:
    """One warning per source that could not be fetched or parsed."""
    return [f"{s.path}: unavailable: {s.reason}" for s in sources.unavailable]


def in_period(sources: SourceSet, first: date | None, last: date) -> SourceSet:
    """Drop sources published outside [first, last]; undated sources stay (nothing says no)."""
    kept, skipped = [], list(sources.skipped)
    for d in sources.documents:
        if _outside(d.published, first, last):
            day = _iso_day(d.published)
            skipped.append(Skipped(d.path, f"published {day} (outside the period "
                                           f"{first or '…'} to {last})"))
        else:
            kept.append(d)
    return replace(sources, documents=tuple(kept), skipped=tuple(skipped))


def _outside(published: str | None, first: date | None, last: date) -> bool:
    """Whether a source published on `published` falls outside [first, last] (undated: no)."""
    day = _iso_day(published)
    return bool(day) and ((first is not None and day < first) or day > last)


def _iso_day(value: str | None) -> date | None:
    """The date of an ISO date or date-time string, or None."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Execution:
    """How the summariser runs: `jobs` workers of `executor` (local, process or dask; None picks
    local for one job, processes for more), `scheduler` a Dask address, `cache` whether per-source
    results are read from and written to OUT/.cache/extract."""

    jobs: int = 1
    executor: str | None = None
    scheduler: str | None = None
    cache: bool = True


def extract_one(doc: SourceDocument) -> DocumentExtraction:
    """The summariser over one source (what a worker runs)."""
    from briefings.extract.document import extract_document

    return extract_document(doc)


def extract_all(docs: Iterable[SourceDocument], progress: Progress | None = None, *,
                executor: "Executor | None" = None, cache: "ExtractCache | None" = None,
                lean: bool = False, total: int | None = None,
                timings: dict[str, float] | None = None,
                ready: "dict[str, DocumentExtraction] | None" = None) -> Extraction:
    """Run the summariser over every document, merge exercises, corroborate claims.

    Documents are consumed as an iterator, in order; those in `ready` (by source id: extracted
    already, where the file was read) are taken from there, the others looked up in `cache`
    and the rest go to `executor` (default: serially here), results in the documents' order
    whatever the executor. With `lean`, the extraction's sources keep every field but the text
    (the briefing never quotes a source beyond its claims), so the corpus is not held to the
    end. `progress` counts the documents extracted here (not those in `ready`)."""
    from briefings.corroborate import claim_words, corroborate
    from briefings.executor import LocalExecutor, chunk_size
    from briefings.extract.combine import Combiner
    from briefings.extract_cache import source_key

    if total is None and hasattr(docs, "__len__"):
        total = len(docs)  # type: ignore[arg-type]
    run = executor or LocalExecutor()
    kept: list[SourceDocument] = []
    # results are combined, and their claims' content words found, while the workers extract
    # (claims are left unnumbered: corroborate numbers them)
    combiner = Combiner(number_claims=False)
    order: deque[tuple[SourceDocument, str | None, DocumentExtraction | None, bool]] = deque()
    counted = [0]
    words: dict[str, frozenset[str]] = {}

    def misses() -> Iterator[SourceDocument]:
        for doc in docs:
            got = ready.pop(doc.id, None) if ready else None
            if got is not None:
                order.append((doc, None, got, False))
                continue
            key = source_key(doc, cache.fingerprint) if cache else None
            hit = cache.get(doc, key) if cache else None
            order.append((doc, key, hit, True))
            if hit is None:
                yield doc

    def emit(doc: SourceDocument, part: DocumentExtraction, here: bool = True) -> None:
        kept.append(SourceRecord.of(doc) if lean else doc)
        combiner.add(part)
        claim_words((c.text for c in part.claims), words)
        if progress and here:
            counted[0] += 1
            progress(counted[0], total or counted[0])

    def flush_hits() -> None:
        while order and order[0][2] is not None:
            doc, _, hit, here = order.popleft()
            if cache and here:
                cache.stats.cached += 1
            emit(doc, hit, here)  # type: ignore[arg-type]

    size = chunk_size(total or 0, run.workers) if total else 8
    for part in run.map(extract_one, misses(), size):
        flush_hits()
        doc, key, _, _ = order.popleft()
        if cache:
            cache.stats.extracted += 1
            cache.put(doc, part, key)
        emit(doc, part)
    flush_hits()
    assert not order, "every document was extracted or found in the cache"
    t = time.perf_counter()
    combined = combiner.result(kept)
    del kept[:]
    fused = corroborate(combined, words)
    del combined
    if timings is not None:
        timings["fuse"] = time.perf_counter() - t
    return fused


def extract_cache_dir(out_dir: Path) -> Path:
    """Where per-source extraction results are kept: OUT/.cache/extract."""
    return out_dir / ".cache" / "extract"


def build(loaded: LoadedConfig, *, out_dir: Path, now: datetime | str | None = None,
          formats: list[str] | None = None, check: bool = False,
          progress: Progress | None = None, manifest_extra: dict | None = None,
          offline: bool = False, execution: Execution | None = None) -> BuildReport:
    """One edition. With check=True every stage runs and nothing is written."""
    from briefings.assemble import assemble
    from briefings.executor import make_executor
    from briefings.render import render_all
    from briefings.write import interrupted_run, json_bytes, write_edition

    cfg = loaded.config
    moment = edition_time(now, cfg.timezone)
    timings: dict[str, float] = {}
    execution = execution or Execution()
    with make_executor(execution.executor, execution.jobs, execution.scheduler) as run:
        sources, extraction, run_info = _read_and_extract(loaded, run, execution, out_dir, offline,
                                                          moment, check, progress, timings)
    warnings = unavailable_summary(sources) + skipped_summary(sources.skipped)
    t = time.perf_counter()
    briefing = assemble(extraction, cfg, moment, tuple(warnings),
                        tuple(UnavailableSource(u.path, u.reason) for u in sources.unavailable))
    timings["assemble"] = time.perf_counter() - t
    formats = list(formats or cfg.formats)
    template_dirs = _template_dirs(loaded)
    allowed = template_dirs + ([loaded.resolve(cfg.assets)] if cfg.assets else [])
    t = time.perf_counter()
    rendered = render_all(briefing, formats, template_dirs, allowed_roots=allowed, now=moment)
    timings["render"] = time.perf_counter() - t
    files = {f"briefing.{fmt}": rendered[fmt] for fmt in formats}
    files["briefing.json"] = json_bytes(briefing.to_json())
    folder = out_dir / cfg.id / briefing.date
    report = BuildReport(briefing, extraction, folder, files, timings=timings, warnings=warnings,
                         unavailable=list(sources.unavailable), extract=run_info)
    if check:
        return report
    note = interrupted_run(folder)
    if note:
        warnings.append(note)
    t = time.perf_counter()
    manifest = _manifest(loaded, sources, briefing, timings, warnings)
    manifest["extraction"] = run_info
    manifest.update(manifest_extra or {})
    report.written = write_edition(folder, files, manifest)
    timings["write"] = time.perf_counter() - t
    return report


def _read_and_extract(loaded: LoadedConfig, run: "Executor", execution: Execution, out_dir: Path,
                      offline: bool, moment: datetime, check: bool, progress: Progress | None,
                      timings: dict[str, float]) -> tuple[SourceSet, Extraction, dict]:
    """Read the sources (files in `run`'s workers when they share this machine's files, each
    extracted there right after it is read), keep those in the period, extract the rest and
    fuse: the sources, the extraction and the run's figures."""
    cfg = loaded.config
    cache = (_ExtractCacheSpec(str(extract_cache_dir(out_dir)), check) if execution.cache
             else None)
    local = run.name in LOCAL_READERS
    window = cfg.period.window(moment.date()) if cfg.period else None
    after = ReadExtract(cache, window) if local else None
    t = time.perf_counter()
    sources = read_sources(loaded, out_dir=out_dir, offline=offline, edition=moment.date(),
                           write_cache=not check, reader=run if local else None,
                           after_read=after, progress=progress)
    read_wall = time.perf_counter() - t
    if not sources.documents:
        failed = "".join(f"\n  {line}" for line in unavailable_summary(sources)
                         + skipped_summary(sources.skipped))
        raise BriefingError("no readable sources: no .txt, .md, .html or .pdf file under "
                            "'sources' could be read (none matched, or each was skipped as "
                            "listed), and no page or feed could be read"
                            + failed, path=str(loaded.path), key="sources")
    if cfg.period:
        sources = in_period(sources, *cfg.period.window(moment.date()))
        if not sources.documents:
            raise BriefingError("no source is dated inside the period", path=str(loaded.path),
                                key="period")
    # The files were extracted where they were read: that pass's time is split between
    # reading and extraction in proportion to the workers' seconds in each.
    read_s, extract_s = sources.worker_seconds
    share = read_s / (read_s + extract_s) if read_s + extract_s > 0 else 1.0
    timings["read"] = read_wall * share
    ready, figures = _ready_parts(sources)
    t = time.perf_counter()
    # Extraction takes the documents over: each text is let go once extracted (the briefing
    # quotes claims and assessments, which carry their own text), so peak memory follows the
    # edition's results rather than the corpus.
    pending = deque(sources.documents)
    sources = replace(sources, documents=(), prepared={})
    extraction, run_info = _extract_with(pending, execution, out_dir, check, progress, timings,
                                         run, ready=ready, figures=figures)
    sources = replace(sources, documents=extraction.sources)
    timings["extract"] = (time.perf_counter() - t - timings.get("fuse", 0.0)
                          + read_wall * (1 - share))
    return sources, extraction, run_info


@dataclass(frozen=True)
class _ExtractCacheSpec:
    """The extraction cache as a worker opens it: folder and read-only (picklable)."""

    folder: str
    read_only: bool


@dataclass(frozen=True)
class Extracted:
    """A file's extraction done in the worker that read it, with what the cache did."""

    part: DocumentExtraction
    cached: bool = False
    corrupt: int = 0
    written: int = 0


@dataclass(frozen=True)
class ReadExtract:
    """after_read of a build: extract the document in the worker that has just read it (the
    text is at hand, and the summariser's per-text caches still hold what reading computed).
    Looked up in and stored to the extraction cache there when one is used. Documents dated
    outside the period `window` are not extracted (the build drops them)."""

    cache: _ExtractCacheSpec | None = None
    window: tuple[date | None, date] | None = None

    def __call__(self, doc: SourceDocument) -> Extracted | None:
        if self.window is not None and _outside(doc.published, *self.window):
            return None
        if self.cache is None:
            return Extracted(extract_one(doc))
        from briefings.extract_cache import ExtractCache, source_key

        cache = ExtractCache(Path(self.cache.folder), read_only=self.cache.read_only)
        key = source_key(doc, cache.fingerprint)
        hit = cache.get(doc, key)
        if hit is not None:
            return Extracted(hit, cached=True, corrupt=cache.stats.corrupt)
        part = extract_one(doc)
        cache.put(doc, part, key)
        return Extracted(part, corrupt=cache.stats.corrupt, written=cache.stats.written)


def _ready_parts(sources: SourceSet) -> tuple[dict[str, DocumentExtraction], dict[str, int]]:
    """The extractions done where the files were read, by the documents' final ids (renamed
    where a worker guessed another id), and what the cache did for the documents kept."""
    from briefings.extract_cache import _renamed

    ready: dict[str, DocumentExtraction] = {}
    figures = {"cached": 0, "extracted": 0, "corrupt": 0, "written": 0}
    for doc in sources.documents:
        got = sources.prepared.get(doc.id)
        if got is None:
            continue
        guessed, done = got
        ready[doc.id] = _renamed(done.part, guessed, doc.id)
        figures["cached" if done.cached else "extracted"] += 1
        figures["corrupt"] += done.corrupt
        figures["written"] += done.written
    return ready, figures


def _extract_with(pending: deque[SourceDocument], execution: Execution, out_dir: Path,
                  check: bool, progress: Progress | None, timings: dict[str, float],
                  run: "Executor | None" = None, *,
                  ready: dict[str, DocumentExtraction] | None = None,
                  figures: dict[str, int] | None = None) -> tuple[Extraction, dict]:
    """extract_all over the queued documents (taken off the queue one by one) with the run's
    executor (`run`, else one made for `execution`) and cache; the figures for the manifest.
    `ready` holds extractions done already (with the cache's `figures` for them)."""
    from briefings.executor import make_executor

    if run is None:
        with make_executor(execution.executor, execution.jobs, execution.scheduler) as made:
            return _extract_with(pending, execution, out_dir, check, progress, timings, made,
                                 ready=ready, figures=figures)
    return _extract_on(run, pending, execution, out_dir, check, progress, timings, ready,
                       figures)


def _extract_on(run: "Executor", pending: deque[SourceDocument], execution: Execution,
                out_dir: Path, check: bool, progress: Progress | None,
                timings: dict[str, float], ready: dict[str, DocumentExtraction] | None = None,
                figures: dict[str, int] | None = None) -> tuple[Extraction, dict]:
    """_extract_with on an open executor."""
    from briefings.extract_cache import ExtractCache

    cache = (ExtractCache(extract_cache_dir(out_dir), read_only=check) if execution.cache
             else None)
    count = len(pending)
    _same_extractor(run)
    extraction = extract_all(_drain(pending), progress, executor=run, cache=cache,
                             lean=True, total=count, timings=timings, ready=ready)
    info = {"documents": count, "executor": run.name, "jobs": run.workers}
    if cache:
        if figures:
            cache.stats.cached += figures["cached"]
            cache.stats.extracted += figures["extracted"]
            cache.stats.corrupt += figures["corrupt"]
            cache.stats.written += figures["written"]
        if cache.stats.written:
            cache.prune()
        info.update(cached=cache.stats.cached, extracted=cache.stats.extracted,
                    cache=str(cache.folder))
        if cache.stats.corrupt:
            info["cache_corrupt"] = cache.stats.corrupt
    else:
        info.update(cached=0, extracted=count, cache=None)
    return extraction, info


def _drain(pending: deque[SourceDocument]) -> Iterator[SourceDocument]:
    """The documents one by one, each let go by the queue as it is handed on."""
    while pending:
        yield pending.popleft()


def _same_extractor(run: "Executor") -> None:
    """Refuse remote workers whose summariser differs from ours (another version or edit):
    their results would differ, and the cache would store them under our key."""
    from briefings import extract_cache

    check = getattr(run, "on_workers", None)
    if check is None:
        return
    ours = extract_cache.extractor_fingerprint()
    other = sorted(w for w, fp in check(extract_cache.worker_fingerprint).items() if fp != ours)
    if other:
        raise BriefingError(f"{len(other)} Dask worker(s) run another version of the summariser "
                            f"(e.g. {other[0]}); install briefings {__version__} from the same "
                            "source on every worker (docs/scale.md)")


def _template_dirs(loaded: LoadedConfig) -> list[Path]:
    """The config's template folder, else the project's `templates/` beside `config/` if any."""
    cfg = loaded.config
    if cfg.templates:
        folder = loaded.resolve(cfg.templates)
        if not folder.is_dir():
            raise BriefingError("template folder not found", path=str(loaded.path), key="templates")
        return [folder]
    for candidate in (loaded.base_dir / "templates", loaded.base_dir.parent / "templates"):
        if candidate.is_dir():
            return [candidate.resolve()]
    return []


def _manifest(loaded: LoadedConfig, sources: SourceSet, briefing: Briefing,
              timings: dict[str, float], warnings: list[str]) -> dict:
    """Everything needed to audit an edition (outputs are added by the writer)."""
    from importlib.metadata import PackageNotFoundError, version

    from briefings.write import sha256

    libs = {}
    for name in ("jinja2", "weasyprint", "markdown-it-py", "pyyaml", "typer", "pydantic",
                 "trafilatura", "lxml"):
        try:
            libs[name] = version(name)
        except PackageNotFoundError:
            libs[name] = None
    return {
        "briefing": briefing.id,
        "edition": briefing.date,
        "generated": briefing.generated,
        "status": "partial" if sources.unavailable else "complete",
        "config": {"path": str(loaded.path), "sha256": sha256(loaded.path.read_bytes())},
        "versions": {"briefings": __version__, "python": platform.python_version(), **libs},
        "sources": [{"id": d.id, "path": d.path, "kind": d.kind, "sha256": d.sha256,
                     "chars": d.chars, "encoding": d.encoding, "replacements": d.replacements,
                     "title": d.title, "published": d.published, "outlet": d.outlet,
                     "author": d.author, "reliability": d.reliability, "origin": d.origin,
                     **sources.details.get(d.id, {})}
                    for d in sources.documents],
        "skipped": [{"path": s.path, "reason": s.reason} for s in sources.skipped],
        "unavailable": [{"source": s.path, "reason": s.reason} for s in sources.unavailable],
        "duplicates": [{"source": s.path, "reason": s.reason} for s in sources.duplicates],
        "feeds": list(sources.feeds),
        "requests": dict(sorted(sources.fetch.items())),
        "timings": {k: round(v, 4) for k, v in timings.items()},
        "warnings": warnings,
        "deliveries": [],
    }
