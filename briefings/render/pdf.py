"""PDF output: WeasyPrint over the rendered HTML with a rooted fetcher and fixed metadata."""
from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path

from ..errors import RenderError

_RESOURCE_FAILURE = re.compile(
    r"^(Failed to load|Failed to render SVG|Unsupported stylesheet type|Relative URI reference"
    r"|Font-face .* cannot be loaded)")
GENERATOR = "briefings (WeasyPrint)"


class _FailureLog(logging.Handler):
    """Collects WeasyPrint's logged resource failures (it logs them instead of raising)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _RESOURCE_FAILURE.match(message):
            self.messages.append(message)


def _w3c(moment: datetime) -> str:
    """A W3C-profile ISO 8601 timestamp (UTC when naive), as WeasyPrint's metadata expects."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.replace(microsecond=0).isoformat()


def _strip_attachments(root: object) -> None:
    """Remove the ``attachment`` link type so nothing is ever embedded in the PDF."""
    for element in root.iter():  # type: ignore[attr-defined]
        rel = element.get("rel") if hasattr(element, "get") else None
        if rel and "attachment" in rel.lower().split():
            kept = [t for t in rel.split() if t.lower() != "attachment"]
            if kept:
                element.set("rel", " ".join(kept))
            else:
                del element.attrib["rel"]


def render_pdf(html: str, *, base_dir: Path, allowed_roots: list[Path],
               now: datetime | None = None) -> bytes:
    """Lay out `html` as PDF, loading only data: URLs and files under `allowed_roots`.

    Relative URLs resolve against `base_dir`. A blocked or missing resource raises
    RenderError naming its URL. PDF dates come from `now` (else the HTML's
    ``dcterms.created``), so the same input gives the same metadata. The PDF is tagged
    (structure tree with headings, lists, tables and the figure's alt text) for screen readers.
    """
    import weasyprint  # lazy: the CLI must start fast
    from weasyprint.urls import FatalURLFetchingError

    from .fetcher import RootedFetcher

    fetcher = RootedFetcher([Path(r) for r in allowed_roots])
    log = _FailureLog()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(log)
    try:
        document = weasyprint.HTML(string=html, base_url=str(Path(base_dir).resolve()) + "/",
                                   url_fetcher=fetcher)
        _strip_attachments(document.etree_element)
        rendered = document.render(presentational_hints=False, attachments=None)
        meta = rendered.metadata
        meta.attachments = []
        meta.generator = GENERATOR
        if now is not None:
            meta.created = meta.modified = _w3c(now)
        elif meta.created and not meta.modified:
            meta.modified = meta.created
        pdf = rendered.write_pdf(attachments=None, pdf_identifier=False, pdf_tags=True)
        if fetcher.failures:  # refused inside code that swallows fetch errors (e.g. SVG)
            url, reason = fetcher.failures[0]
            raise RenderError(f"PDF resource blocked or missing: {_short(url)} ({reason})")
        if log.messages:
            raise RenderError(f"PDF resource failed: {_short(log.messages[0])}")
        return pdf
    except FatalURLFetchingError as exc:
        url, reason = fetcher.failures[-1] if fetcher.failures else (str(exc), "fetch failed")
        raise RenderError(f"PDF resource blocked or missing: {_short(url)} ({reason})") from None
    except RenderError:
        raise
    except (OSError, ValueError) as exc:
        raise RenderError(f"PDF rendering failed: {exc}") from None
    except (ArithmeticError, RecursionError, IndexError, KeyError, TypeError) as exc:
        # WeasyPrint fails this way on extreme CSS in a template or stylesheet, e.g.
        # `@page { size: 100000in }` with `font-size: 1e9px` (ZeroDivisionError): bad input,
        # reported as such rather than as a crash.
        raise RenderError(f"PDF layout failed on the template's HTML/CSS "
                          f"({type(exc).__name__}: {_short(str(exc))})") from None
    finally:
        logger.removeHandler(log)


def _short(url: str, limit: int = 200) -> str:
    """A URL trimmed for messages (data: URLs can be megabytes long)."""
    return url if len(url) <= limit else url[:limit] + "…"
