"""Run template rendering and PDF layout in a child process under time, memory and size limits.

User templates run in Jinja's sandbox, which blocks escapes but not resource exhaustion, and
WeasyPrint has no limits of its own on layout time or memory (threats.md C3, E6). So
``render_all`` does the whole render in a child process:

* wall-clock timeout: the parent waits at most ``timeout`` seconds, then kills the child
  (SIGKILL); the child also has RLIMIT_CPU as a backstop should the parent die;
* memory: RLIMIT_AS in the child, ``memory`` bytes on top of the address space it starts with;
* output size: each output (md, html, pdf) may be at most ``max_output`` bytes; the parent
  refuses a larger message before reading it.

Any of these raises RenderError naming the limit and what was being rendered; nothing reaches
the caller, so nothing is written. Errors raised in the child (TemplateError, RenderError, ...)
are re-raised in the parent with the same type and fields; unexpected exceptions become
:class:`RenderWorkerError` carrying the child's traceback (the CLI logs it, exit 4).

On Linux the child is forked: it shares the parent's already-imported modules, so the cost is
a few milliseconds. WeasyPrint (Pango, fontconfig, cairo) is imported lazily by the PDF
renderer, so normally it is loaded only in the child; the parent of a build is
single-threaded when it forks. Elsewhere the 'spawn' method is used.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import pickle
import signal
import sys
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import errors
from ..errors import BriefingError, RenderError
from ..limits import is_memory_failure, limit_child

DEFAULT_TIMEOUT = 120.0
"""Seconds of wall-clock time for the whole render (all formats)."""
DEFAULT_MEMORY_MB = 2048
"""MiB of address space the render child may add to what it starts with."""
DEFAULT_MAX_OUTPUT_MB = 200
"""MB (10^6 bytes) per output file."""

ENV_TIMEOUT = "BRIEFINGS_RENDER_TIMEOUT"
ENV_MEMORY = "BRIEFINGS_RENDER_MEMORY_MB"
ENV_MAX_OUTPUT = "BRIEFINGS_RENDER_MAX_OUTPUT_MB"

_HEADER_MAX = 1 << 20  # control messages (stage, errors with tracebacks) are small
_FIELD_MAX = 50_000  # characters of an error's message, path or key sent back
_CPU_GRACE = 5.0  # RLIMIT_CPU = timeout + this: only a backstop, the wall clock comes first


class RenderWorkerError(RuntimeError):
    """The render child failed unexpectedly (a bug, not bad input): carries its traceback."""


@dataclass(frozen=True)
class RenderLimits:
    """Limits of one render: seconds of wall-clock time, bytes of memory, bytes per output."""

    timeout: float = DEFAULT_TIMEOUT
    memory: int = DEFAULT_MEMORY_MB * 1024 * 1024
    max_output: int = DEFAULT_MAX_OUTPUT_MB * 1000 * 1000

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> RenderLimits:
        """Defaults, overridden by BRIEFINGS_RENDER_TIMEOUT (s), _MEMORY_MB and _MAX_OUTPUT_MB."""
        env = os.environ if environ is None else environ
        return cls(timeout=_number(env, ENV_TIMEOUT, DEFAULT_TIMEOUT),
                   memory=int(_number(env, ENV_MEMORY, DEFAULT_MEMORY_MB) * 1024 * 1024),
                   max_output=int(_number(env, ENV_MAX_OUTPUT, DEFAULT_MAX_OUTPUT_MB)
                                  * 1000 * 1000))


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise RenderError(f"environment variable {name}={raw!r} must be a positive number")
    return value


Job = Callable[[Callable[[str], None]], dict[str, bytes]]
"""The work done in the child: called with ``enter(stage)``, returns {format: bytes}."""


def run_limited(job: Job, limits: RenderLimits,
                describe: Callable[[str | None], str] = lambda s: str(s)) -> dict[str, bytes]:
    """Run `job` in a limited child process and return its outputs.

    `job` calls ``enter(stage)`` as it starts each stage (e.g. "md", "html", "pdf") so that a
    limit can name what was running; ``describe(stage)`` turns a stage into words for messages.
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, job, limits), daemon=True,
                       name="briefings-render")
    proc.start()
    sender.close()
    deadline = time.monotonic() + limits.timeout
    stage: str | None = None
    outputs: dict[str, bytes] = {}

    def fail(what: str) -> RenderError:
        return RenderError(f"template or layout exceeded the {what} while {describe(stage)}; "
                           "nothing was written")

    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not receiver.poll(remaining):
                raise fail(f"time limit ({limits.timeout:g} s)")
            try:
                message = pickle.loads(receiver.recv_bytes(_HEADER_MAX))
            except EOFError:
                raise _died(proc, limits, fail) from None
            kind = message[0]
            if kind == "stage":
                stage = message[1]
            elif kind == "output":
                stage, size = message[1], message[2]
                if size > limits.max_output:
                    raise fail(_size_limit(limits))
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not receiver.poll(remaining):
                    raise fail(f"time limit ({limits.timeout:g} s)")
                try:
                    outputs[stage] = receiver.recv_bytes(limits.max_output)
                except OSError:  # "bad message length": larger than announced and the cap
                    raise fail(_size_limit(limits)) from None
                except EOFError:
                    raise _died(proc, limits, fail) from None
            elif kind == "done":
                return outputs
            elif kind == "limit":
                stage = message[2]
                if message[1] == "memory":
                    raise fail(_memory_limit(limits))
                raise fail(_size_limit(limits))
            elif kind == "error":
                raise _rebuild(message[1], message[2])
            else:  # "crash"
                raise RenderWorkerError(f"the render process failed: {message[1]}\n"
                                        f"child traceback:\n{message[2]}")
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)


def _memory_limit(limits: RenderLimits) -> str:
    return f"memory limit ({limits.memory / 1048576:g} MiB)"


def _size_limit(limits: RenderLimits) -> str:
    return f"output size limit ({limits.max_output / 1e6:g} MB)"


def _died(proc: Any, limits: RenderLimits, fail: Callable[[str], RenderError]) -> Exception:
    """The error for a child that exited without reporting (killed, crashed, out of memory)."""
    proc.join(5)
    code = proc.exitcode
    if code is not None and code < 0:
        sig = -code
        if sig == signal.SIGXCPU:
            return fail(f"time limit ({limits.timeout:g} s, CPU)")
        name = signal.Signals(sig).name if sig in signal.valid_signals() else str(sig)
        # Under RLIMIT_AS a failed allocation in C code (cairo, Pango) usually aborts or
        # segfaults, and the kernel's OOM killer sends SIGKILL.
        return fail(f"{_memory_limit(limits)} or crashed ({name})")
    return fail(f"{_memory_limit(limits)} or crashed (exit status {code})")


def _rebuild(name: str, fields: dict[str, Any]) -> BriefingError:
    """A BriefingError from the child, rebuilt with its type and fields."""
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, BriefingError)):
        cls = RenderError
    return cls(fields["message"], path=fields["path"], line=fields["line"],
               column=fields["column"], key=fields["key"])


def _context() -> Any:
    """'fork' on Linux (fast, shares imports); 'spawn' elsewhere (macOS, Windows)."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _send(conn: Any, message: tuple) -> None:
    conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def _child(conn: Any, job: Job, limits: RenderLimits) -> None:
    """The child: limit ourselves, run the job, send the outputs (or the failure) back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    stage: list[str | None] = [None]

    def enter(name: str) -> None:
        stage[0] = name
        _send(conn, ("stage", name))

    try:
        limit_child(memory_bytes=limits.memory, cpu_seconds=limits.timeout + _CPU_GRACE,
                    relative=True)
        outputs = job(enter)
        for fmt, data in outputs.items():
            if len(data) > limits.max_output:
                _send(conn, ("limit", "output", fmt))
                return
        for fmt, data in outputs.items():
            _send(conn, ("output", fmt, len(data)))
            conn.send_bytes(data)
        _send(conn, ("done",))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        try:
            _report(conn, exc, stage[0])
        except BaseException:  # noqa: BLE001 - e.g. out of memory while reporting
            os._exit(70)
    finally:
        conn.close()


def _report(conn: Any, exc: BaseException, stage: str | None) -> None:
    # An error of ours that already says it ran out of memory keeps its words (it names the
    # template and line); one that hides a MemoryError behind a generic message, or a bare
    # MemoryError from a library (WeasyPrint, cairo), becomes the memory-limit error.
    ours = isinstance(exc, BriefingError)
    if is_memory_failure(exc) and not (ours and "memory" in str(exc).lower()):
        _send(conn, ("limit", "memory", stage))
    elif ours:
        fields = {k: getattr(exc, k, None) for k in ("message", "path", "line", "column", "key")}
        for k in ("message", "path", "key"):  # keep the control message far below _HEADER_MAX
            if isinstance(fields[k], str) and len(fields[k]) > _FIELD_MAX:
                fields[k] = fields[k][:_FIELD_MAX] + "…"
        _send(conn, ("error", type(exc).__name__, fields))
    else:
        _send(conn, ("crash", f"{type(exc).__name__}: {exc}"[:2000],
                     "".join(traceback.format_exception(exc))[-20000:]))
