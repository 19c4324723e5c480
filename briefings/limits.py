"""Resource limits for child processes that handle untrusted input.

Shared by the PDF-source reader (``sources/pdf.py``, a fresh ``python -m`` child) and the
template/layout worker (``render/worker.py``, a forked child). Both call :func:`limit_child`
in the child before touching the input, and :func:`is_memory_failure` to tell "the memory cap
was hit" from an ordinary error.
"""
from __future__ import annotations

import os

_ENOMEM_WORDS = ("map", "memory")


def address_space() -> int:
    """This process's current virtual address-space size in bytes (0 where unknown)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _lower(kind: int, value: int) -> None:
    """Set soft and hard limit `kind` to `value`, never above an existing hard limit."""
    import resource

    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, value))


def limit_child(*, memory_bytes: int | None = None, cpu_seconds: float | None = None,
                relative: bool = False) -> None:
    """Cap this (child) process: address space (RLIMIT_AS) and CPU time (RLIMIT_CPU).

    With ``relative=True`` the memory cap is *added* to the address space the process already
    has, which is what a forked child wants: it starts as a copy of its parent, whose size
    varies (a long test session, a big extraction) and must not eat into the budget. Over the
    cap, allocations fail (Python raises MemoryError; C libraries may abort). Over the CPU
    time the kernel sends SIGXCPU, then SIGKILL one second later.
    Does nothing on platforms without the ``resource`` module.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    if memory_bytes is not None:
        limit = int(memory_bytes) + (address_space() if relative else 0)
        _lower(resource.RLIMIT_AS, limit)
    if cpu_seconds is not None:
        import math

        seconds = max(1, math.ceil(cpu_seconds))
        _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard != resource.RLIM_INFINITY:
            seconds = min(seconds, max(1, hard - 1))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def is_memory_failure(exc: BaseException | None) -> bool:
    """True if `exc`, or an exception it was raised while handling, means "out of memory".

    Under RLIMIT_AS that is a MemoryError, or an ImportError/OSError whose message says a
    module or file could not be mapped (the loader needs address space too). Wrappers that
    re-raise ``from None`` keep the original in ``__context__``, which is searched as well.
    """
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, MemoryError):
            return True
        if isinstance(exc, (ImportError, OSError)):
            text = str(exc).lower()
            if any(word in text for word in _ENOMEM_WORDS):
                return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False
