"""Files, folders and globs -> the list of source files to read, each checked and capped."""
from __future__ import annotations

import glob
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from briefings.errors import SourceError

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
            ".pdf": "pdf"}
MAX_SOURCE_BYTES = 20_000_000
_MAGIC = set("*?[")


@dataclass(frozen=True)
class FoundFile:
    """A source file that passed the checks, with the root it was found under."""

    path: Path
    kind: str


@dataclass(frozen=True)
class Skipped:
    """A path that matched a pattern but is not read, and why."""

    path: str
    reason: str


def _root_of(pattern: Path) -> Path:
    """The part of a pattern before its first wildcard: files must stay under it."""
    parts = []
    for part in pattern.parts:
        if _MAGIC & set(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def expand(pattern: str, base: Path) -> tuple[list[FoundFile], list[Skipped]]:
    """Resolve one file, folder or glob relative to `base`; return files and skipped paths."""
    full = base / Path(pattern).expanduser()
    has_magic = bool(_MAGIC & set(pattern))
    if not has_magic and not full.exists():
        raise SourceError("source not found", path=str(display(full)))
    if has_magic:
        root = _root_of(full)
        candidates = [Path(p) for p in glob.glob(str(full), recursive=True)]
    elif full.is_dir():
        root = full
        candidates = [p for p in full.rglob("*") if not p.is_dir()]
    else:
        root = full.parent
        candidates = [full]
    root_real = os.path.realpath(root)
    found: list[FoundFile] = []
    skipped: list[Skipped] = []
    for cand in sorted(set(candidates)):
        shown = str(display(cand))
        kind = SUFFIXES.get(cand.suffix.lower())
        if kind is None:
            if cand == full:
                raise SourceError(f"unsupported file type {cand.suffix or '(none)'!r}; "
                                  f"use one of {', '.join(sorted(SUFFIXES))}", path=shown)
            if not cand.name.startswith("."):
                skipped.append(Skipped(shown, f"unsupported file type {cand.suffix or '(none)'}"))
            continue
        real = os.path.realpath(cand)
        if os.path.commonpath([real, root_real]) != root_real:
            skipped.append(Skipped(shown, f"resolves outside {display(root)} (symlink or '..')"))
            continue
        try:
            st = os.stat(real)
        except OSError as exc:
            skipped.append(Skipped(shown, f"cannot read: {exc.strerror}"))
            continue
        if not stat.S_ISREG(st.st_mode):
            skipped.append(Skipped(shown, "not a regular file"))
            continue
        if st.st_size > MAX_SOURCE_BYTES:
            skipped.append(Skipped(shown, f"too large ({st.st_size:,} bytes; the limit is "
                                          f"{MAX_SOURCE_BYTES:,})"))
            continue
        found.append(FoundFile(cand, kind))
    return found, skipped


def read_bytes(found: FoundFile) -> bytes:
    """The file's bytes, read once (the sha256 in the manifest is of exactly these bytes)."""
    try:
        with open(found.path, "rb") as fh:
            return fh.read(MAX_SOURCE_BYTES + 1)[:MAX_SOURCE_BYTES]
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", path=str(display(found.path))) from None


def display(path: Path) -> str:
    """A path relative to the working directory when it lies below it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)

