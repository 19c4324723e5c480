"""Atomic file writes and the edition folder: out/<id>/<date>/ with outputs and manifest.json."""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from briefings.errors import BriefingError

TMP_PREFIX = ".tmp-"


def atomic_write(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `target` via a temp file in the same folder, fsync, then rename.

    A crash at any point leaves either the previous file or the new one, never a torn file.
    `durable=False` skips the fsyncs (for caches: a lost entry is only recomputed).
    """
    tmp = _stage(target, data, durable)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(target.parent)


def _stage(target: Path, data: bytes, durable: bool = True) -> str:
    """`data` in a (synced) temp file beside `target` (removed again if writing fails); its path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TMP_PREFIX, suffix=f"-{target.name}")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def clean_stale_temp(folder: Path) -> list[str]:
    """Remove temp files a killed run left behind; return their names."""
    removed = []
    if folder.is_dir():
        for p in folder.glob(f"{TMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p.name)
    return removed


def json_bytes(data: object) -> bytes:
    """Stable JSON: sorted keys, UTF-8, two-space indent, trailing newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


MARKER = ".in-progress"


def interrupted_run(folder: Path) -> str | None:
    """A warning if a previous write into `folder` was killed before it finished, else None."""
    marker = folder / MARKER
    if not marker.exists():
        return None
    try:
        started = json.loads(marker.read_text(encoding="utf-8")).get("started", "unknown time")
    except (OSError, ValueError):
        started = "unknown time"
    return (f"a previous build of this edition (started {started}) was interrupted before it "
            "finished; its temporary files were removed and this build replaces its outputs")


def write_edition(folder: Path, files: dict[str, bytes], manifest: dict) -> list[Path]:
    """Write every output atomically, then manifest.json last; return the paths written.

    Every file is first written in full to a temp file beside its target; only when all are on
    disk are they renamed into place, manifest last. A write that fails (disk full, file size
    limit) therefore changes nothing: the previous edition stays whole and consistent. A marker
    names the run while it renames; a run killed part-way leaves the marker (and whole files
    only), so the next run can report it and clean up.
    """
    staged: list[str] = []
    marker = folder / MARKER
    earlier = marker.exists()  # an interrupted run's marker stays until a write completes
    renaming = False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale_temp(folder)
        atomic_write(marker, json_bytes({"started": manifest.get("generated"),
                                         "pid": os.getpid()}))
        outputs = [{"file": name, "bytes": len(data), "sha256": sha256(data)}
                   for name, data in files.items()]
        targets = [folder / name for name in files] + [folder / "manifest.json"]
        payloads = list(files.values()) + [json_bytes(dict(manifest, outputs=outputs))]
        for target, data in zip(targets, payloads):
            staged.append(_stage(target, data))
        renaming = True
        for tmp, target in zip(staged, targets):
            os.replace(tmp, target)
        _fsync_dir(folder)
        marker.unlink()
        return targets
    except OSError as exc:
        for tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if not renaming and not earlier:  # nothing at a final path changed
            with contextlib.suppress(OSError):
                marker.unlink()
        raise BriefingError(f"cannot write the edition: {exc.strerror or exc}",
                            path=str(getattr(exc, "filename", None) or folder)) from None


def update_manifest(folder: Path, **changes: object) -> None:
    """Replace top-level keys of an edition's manifest.json, atomically."""
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest.update(changes)
        atomic_write(path, json_bytes(manifest))
    except (OSError, ValueError) as exc:
        raise BriefingError(f"cannot update the manifest: {exc}", path=str(path)) from None
