"""A per-briefing kernel lock (fcntl.flock): freed on exit, crash or kill -9; never waits."""
from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator

from briefings.errors import BusyError

LOCK_FILE = ".lock"
_held: set[int] = set()


def _close_in_child() -> None:
    """A forked child (e.g. the render worker) lets go of its copies of the held locks.

    flock belongs to the open file, which a fork shares: without this, a child that outlives a
    killed parent would keep the briefing locked."""
    for fd in _held:
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


@contextlib.contextmanager
def hold_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` or raise BusyError at once if another process has it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            raise BusyError(f"another briefings run{holder} is working on this briefing; "
                            "nothing done (try again when it has finished)", path=str(path)) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        _held.add(fd)
        yield
    finally:
        _held.discard(fd)
        os.close(fd)  # the file stays: unlinking a lock file races with the next locker


def _holder(fd: int) -> str:
    """' (pid N)' from the lock file, when the holder wrote it."""
    with contextlib.suppress(OSError, ValueError):
        text = os.pread(fd, 32, 0).decode("ascii").strip()
        if text.isdigit():
            return f" (pid {text})"
    return ""
