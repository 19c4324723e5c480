"""PDF bytes -> text with page offsets, extracted by pypdf in a child process under CPU/memory/time limits."""
from __future__ import annotations

import bisect
import json
import re
import subprocess
import sys
from dataclasses import dataclass

from briefings.errors import SourceError

MAX_PAGES = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF, pages joined by a blank line; `pages[i]` is where page i+1 starts."""

    text: str
    pages: tuple[int, ...]

    def page_at(self, offset: int) -> int:
        """The 1-based page number of a character offset into `text`."""
        return page_at(self.pages, offset)


def page_at(pages: tuple[int, ...] | list[int], offset: int) -> int:
    """The 1-based page holding `offset`, given each page's start offset."""
    return max(1, bisect.bisect_right(list(pages), offset))


def pdf_text(data: bytes, shown: str, *, timeout: float = 60.0, memory_mb: int = 1024,
             cpu_seconds: int = 60) -> PdfText:
    """Extract text page by page. pypdf runs in a child process: a hostile PDF (loops, bombs)
    can only exhaust the child, which is killed at the limits; the source then fails."""
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise SourceError("not a PDF (no %PDF- header)", path=shown)
    cmd = [sys.executable, "-m", "briefings.sources.pdf", str(memory_mb), str(cpu_seconds)]
    try:
        run = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise SourceError(f"PDF text extraction took longer than {timeout:g} s (stopped)",
                          path=shown) from None
    try:
        result = json.loads(run.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        why = "memory" if b"MemoryError" in run.stderr else f"exit status {run.returncode}"
        raise SourceError(f"PDF parser exceeded its limits or crashed ({why})", path=shown) from None
    if "error" in result:
        raise SourceError(f"cannot read the PDF: {result['error']}", path=shown)
    texts = [_CONTROL.sub("", t).strip() for t in result["pages"]]
    starts, parts, pos = [], [], 0
    for t in texts:
        starts.append(pos)
        parts.append(t)
        pos += len(t) + 2
    text = "\n\n".join(parts)
    if not text.strip():
        raise SourceError("the PDF has no text layer (scanned pages need OCR)", path=shown)
    return PdfText(text, tuple(starts))


def _worker(memory_mb: int, cpu_seconds: int) -> None:
    """Child process: limit ourselves, read a PDF on stdin, print {"pages": [...]} as JSON."""
    from briefings.limits import is_memory_failure, limit_child

    limit_child(memory_bytes=memory_mb * 1024 * 1024, cpu_seconds=cpu_seconds)
    import io
    import logging

    logging.disable(logging.WARNING)
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(sys.stdin.buffer.read()), strict=False)
        if reader.is_encrypted:
            raise ValueError("the PDF is encrypted")
        if len(reader.pages) > MAX_PAGES:
            raise ValueError(f"more than {MAX_PAGES} pages")
        out = {"pages": [page.extract_text() or "" for page in reader.pages]}
    except MemoryError:
        out = {"error": "it needs more memory than allowed (possible decompression bomb)"}
    except (ImportError, OSError) as exc:
        # Under RLIMIT_AS a module load can fail to map its pages: that is the memory cap too.
        if is_memory_failure(exc):
            out = {"error": "it needs more memory than allowed (possible decompression bomb)"}
        else:
            out = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    except RecursionError:
        out = {"error": "structure nested too deeply"}
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        out = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    sys.stdout.write(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    _worker(int(sys.argv[1]), int(sys.argv[2]))
