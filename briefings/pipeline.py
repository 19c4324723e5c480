"""build(): config -> sources -> extract -> fuse -> assemble -> render -> write, with a report."""
from __future__ import annotations

import platform
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from briefings import __version__
from briefings.config import LoadedConfig
from briefings.errors import BriefingError
from briefings.model import (Briefing, DocumentExtraction, Extraction, SourceDocument,
                             UnavailableSource)
from briefings.sources.files import Skipped
from briefings.sources.read import SourceSet, skipped_summary

Progress = Callable[[int, int], None]


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
                 edition: date | None = None, write_cache: bool = True) -> SourceSet:
    """The config's sources (files, pages, feeds), read once each and graded.

    Web sources go through the HTTP cache in `network.cache_dir`, else OUT/.cache/http;
    `offline` reads them from that cache alone. `edition` dates the feeds' period window."""
    from briefings.sources.collect import collect_sources, make_client

    cfg = loaded.config
    cache = (loaded.resolve(cfg.network.cache_dir) if cfg.network and cfg.network.cache_dir
             else (out_dir or Path("out")) / ".cache" / "http")
    window = cfg.period.window(edition) if cfg.period and edition else None
    return collect_sources(list(cfg.sources), loaded.base_dir,
                           {name: o.reliability for name, o in cfg.outlets.items()},
                           client=lambda: make_client(cfg.network, cache, offline=offline,
                                                      write_cache=write_cache),
                           window=window, zone=cfg.timezone)


def unavailable_summary(sources: SourceSet) -> list[str]:
    """One warning per source that could not be fetched or parsed."""
    return [f"{s.path}: unavailable: {s.reason}" for s in sources.unavailable]


def in_period(sources: SourceSet, first: date | None, last: date) -> SourceSet:
    """Drop sources published outside [first, last]; undated sources stay (nothing says no)."""
    kept, skipped = [], list(sources.skipped)
    for d in sources.documents:
        day = _iso_day(d.published)
        if day and ((first and day < first) or day > last):
            skipped.append(Skipped(d.path, f"published {day} (outside the period "
                                           f"{first or '…'} to {last})"))
        else:
            kept.append(d)
    return replace(sources, documents=tuple(kept), skipped=tuple(skipped))


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def extract_all(docs: tuple[SourceDocument, ...] | list[SourceDocument],
                progress: Progress | None = None) -> Extraction:
    """Run the summariser over every document, merge exercises, corroborate claims."""
    from briefings.corroborate import corroborate
    from briefings.extract.combine import combine
    from briefings.extract.document import extract_document

    parts: list[DocumentExtraction] = []
    for i, doc in enumerate(docs, 1):
        parts.append(extract_document(doc))
        if progress:
            progress(i, len(docs))
    return corroborate(combine(list(docs), parts))


def build(loaded: LoadedConfig, *, out_dir: Path, now: datetime | str | None = None,
          formats: list[str] | None = None, check: bool = False,
          progress: Progress | None = None, manifest_extra: dict | None = None,
          offline: bool = False) -> BuildReport:
    """One edition. With check=True every stage runs and nothing is written."""
    from briefings.assemble import assemble
    from briefings.render import render_all
    from briefings.write import interrupted_run, json_bytes, write_edition

    cfg = loaded.config
    moment = edition_time(now, cfg.timezone)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    sources = read_sources(loaded, out_dir=out_dir, offline=offline, edition=moment.date(),
                           write_cache=not check)
    timings["read"] = time.perf_counter() - t
    if not sources.documents:
        failed = "".join(f"\n  {line}" for line in unavailable_summary(sources))
        raise BriefingError("no readable sources: the patterns under 'sources' matched no "
                            ".txt, .md, .html or .pdf file, and no page or feed could be read"
                            + failed, path=str(loaded.path), key="sources")
    if cfg.period:
        sources = in_period(sources, *cfg.period.window(moment.date()))
        if not sources.documents:
            raise BriefingError("no source is dated inside the period", path=str(loaded.path),
                                key="period")
    warnings = unavailable_summary(sources) + skipped_summary(sources.skipped)
    t = time.perf_counter()
    extraction = extract_all(sources.documents, progress)
    timings["extract"] = time.perf_counter() - t
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
                         unavailable=list(sources.unavailable))
    if check:
        return report
    note = interrupted_run(folder)
    if note:
        warnings.append(note)
    t = time.perf_counter()
    manifest = _manifest(loaded, sources, briefing, timings, warnings)
    manifest.update(manifest_extra or {})
    report.written = write_edition(folder, files, manifest)
    timings["write"] = time.perf_counter() - t
    return report


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
