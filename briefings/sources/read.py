"""Read source files into SourceDocuments: decode, main text of HTML, metadata, grading."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from briefings.errors import SourceError
from briefings.model import SourceDocument
from briefings.sources.decode import decode
from briefings.sources.files import FoundFile, Skipped, display, expand, read_bytes


@dataclass(frozen=True)
class SourceSet:
    """The documents read, in order, and the paths skipped with their reasons."""

    documents: tuple[SourceDocument, ...]
    skipped: tuple[Skipped, ...] = ()
    # Sources that could not be fetched or parsed (the edition is partial), with the reason.
    unavailable: tuple[Skipped, ...] = ()
    # Sources read once already under another URL or as a verbatim copy (not warnings).
    duplicates: tuple[Skipped, ...] = ()
    # Per source id: url, final_url, canonical, fetch (fetched|revalidated|cache), pages (PDF).
    details: Mapping[str, dict] = field(default_factory=dict)
    # Per feed: entries, outside_period, read; and request counts by outcome.
    feeds: tuple[dict, ...] = ()
    fetch: Mapping[str, int] = field(default_factory=dict)
    # Per source id: what `collect_sources(after_read=...)` computed from the text in the worker
    # that read the file (the id the worker gave the document, the result); such documents are
    # SourceRecords (their text stayed in the worker). Empty unless `after_read` was given.
    prepared: Mapping[str, tuple[str, Any]] = field(default_factory=dict)
    # Seconds the workers spent reading the files and in `after_read` (summed over workers).
    worker_seconds: tuple[float, float] = (0.0, 0.0)


def read_patterns(patterns: list[str], base: Path, outlets: dict[str, str] | None = None) -> SourceSet:
    """Expand every pattern (relative to `base`) and read each file once, in a stable order."""
    files: list[FoundFile] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for pattern in patterns:
        found, skip = expand(pattern, base)
        skipped.extend(skip)
        for f in found:
            key = str(f.path.resolve())
            if key not in seen:
                seen.add(key)
                files.append(f)
    docs: list[SourceDocument] = []
    for f in files:
        doc = read_file(f, f"s{len(docs) + 1}")
        if not doc.text.strip():
            skipped.append(Skipped(doc.path, "no text"))
            continue
        docs.append(doc)
    docs = grade(docs, outlets or {})
    return SourceSet(tuple(docs), tuple(skipped))


def skipped_summary(skipped: tuple[Skipped, ...] | list[Skipped]) -> list[str]:
    """One warning per skipped path, with files of unsupported types grouped into one line."""
    lines, unsupported = [], []
    for s in skipped:
        if s.reason.startswith("unsupported file type"):
            unsupported.append(s)
        else:
            lines.append(f"{s.path}: skipped: {s.reason}")
    if unsupported:
        kinds = sorted({s.reason.rsplit(" ", 1)[-1] for s in unsupported})
        example = unsupported[0].path
        lines.append(f"skipped {len(unsupported)} file(s) of unsupported type ({', '.join(kinds)}), "
                     f"e.g. {example}")
    return lines


def read_file(found: FoundFile, source_id: str, details: dict | None = None) -> SourceDocument:
    """One file -> SourceDocument with text, sha256 of the bytes read and recovered metadata.

    For a PDF, `details` (if given) receives "pages": the offset in `text` where each page starts."""
    from briefings.extract.metadata import recover_metadata

    shown = display(found.path)
    raw = read_bytes(found)
    if found.kind == "pdf":
        from briefings.sources.pdf import pdf_text

        extracted = pdf_text(raw, shown)
        text, encoding, replaced = extracted.text, "binary", 0
        if details is not None:
            details["pages"] = list(extracted.pages)
    else:
        text, encoding, replaced = decode(raw, shown, html=found.kind == "html")
    meta: dict[str, str | None] = {}
    if found.kind == "html":
        text, meta = _html_main_text(text, shown)
    recovered = recover_metadata(text)
    return SourceDocument(
        id=source_id, path=shown, text=text, kind=found.kind,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=meta.get("title") or recovered.title,
        published=meta.get("published") or recovered.published,
        outlet=meta.get("outlet") or recovered.outlet,
        author=meta.get("author") or recovered.author,
        encoding=encoding, replacements=replaced,
        pages=tuple(extracted.pages) if found.kind == "pdf" else (),
    )


def _html_main_text(html: str, shown: str) -> tuple[str, dict[str, str | None]]:
    """Main text and metadata of an HTML page through trafilatura (no network)."""
    import trafilatura

    check_html_parse(html, shown)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=True, date_extraction_params={"extensive_search": False,
                                                          "original_date": True})
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise SourceError(f"cannot extract the main text of the page: {exc}", path=shown) from None
    if doc is None or not (doc.text or "").strip():
        raise SourceError("no main text found in the page", path=shown)
    title = doc.title or None
    meta = {"title": title, "published": doc.date or None, "outlet": doc.sitename or None,
            "author": doc.author or None}
    text = doc.text
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text, meta


def check_html_parse(html: str, shown: str) -> None:
    """Fail loudly where lxml would silently drop content (threats.md B6): a text node over
    10 MB or nesting deeper than libxml2's limit stops the parser, and everything after is lost;
    the only trace is a FATAL entry in the parser's error log."""
    import lxml.etree

    parser = lxml.etree.HTMLParser(recover=True, no_network=True)
    try:
        lxml.etree.fromstring(html, parser)
    except (lxml.etree.LxmlError, ValueError):
        pass  # an empty or odd document: trafilatura decides
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if fatal:
        raise SourceError(f"document truncated by parser (resource limit): {fatal[0].message} "
                          f"at line {fatal[0].line}", path=shown)


def read_found(found: FoundFile) -> tuple[SourceDocument | None, dict, frozenset[int] | None,
                                          tuple[str, str | None] | None]:
    """What a worker does with one file: (document, details, copy sketch, None), or
    (None, details, None, (message, path)) when it cannot be read. Pure and picklable."""
    from briefings.origins import sketch

    details: dict = {}
    try:
        doc = read_file(found, "s0", details)
    except SourceError as exc:
        return None, details, None, (exc.message, exc.path)
    return doc, details, sketch(doc.text), None


@dataclass(frozen=True)
class Prepared:
    """What a worker sends back instead of a file's text (see ReadTask)."""

    text_sha256: str          # of the text: verbatim copies are recognised without it
    blank: bool               # the text is empty or white space (the file is skipped)
    result: Any               # after_read(document), or None (blank, or after_read declined)
    read_s: float = 0.0
    after_s: float = 0.0


# Files a worker reads before it runs `after_read` on them: the summariser's line analysis of the
# last 8 texts is cached (metadata recovery and extraction both need it), and a file is read
# before any of its batch is extracted.
READ_AHEAD = 8


@dataclass(frozen=True)
class ReadTask:
    """read_found for a batch of (file, source id) in a worker, then `after_read(document)` on
    each text while it is at hand; the documents come back as SourceRecords (no text), each
    with a Prepared.

    `after_read` must be picklable and pure; the id is the one the document will most likely
    get (the collector renames results when an earlier file was dropped)."""

    after_read: Callable[[SourceDocument], Any]

    def __call__(self, batch: list[tuple[FoundFile, str]]) -> list[tuple]:
        from briefings.model import SourceRecord

        read = []
        for found, source_id in batch:
            t = time.perf_counter()
            doc, details, sk, error = read_found(found)
            if doc is not None:
                doc = replace(doc, id=source_id)
            read.append((doc, details, sk, error, time.perf_counter() - t))
        out: list[tuple] = []
        for doc, details, sk, error, read_s in read:
            if doc is None:
                out.append((doc, details, sk, error, None))
                continue
            t = time.perf_counter()
            blank = not doc.text.strip()
            sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
            result = None if blank else self.after_read(doc)
            prepared = Prepared(sha, blank, result, read_s, time.perf_counter() - t)
            out.append((SourceRecord.of(doc), details, sk, None, prepared))
        return out


def grade(docs: list[SourceDocument], outlets: dict[str, str],
          sketches: list[frozenset[int] | None] | None = None) -> list[SourceDocument]:
    """Set each source's reliability from the config (unknown = F) and its copy group's origin.

    `sketches` are the documents' copy sketches where already computed (None: compute here)."""
    from briefings.origins import assign_origins, sketch

    grades = {name.casefold(): grade for name, grade in outlets.items()}
    graded = [replace(d, reliability=grades.get((d.outlet or "").casefold(), "F")) for d in docs]
    known = sketches or [None] * len(docs)
    return assign_origins(graded, [sk if sk is not None else sketch(d.text)
                                   for d, sk in zip(graded, known)])


html_main_text = _html_main_text  # public name, used by the web sources
