"""Where per-source work runs: `map(fn, items, chunksize)` in order, serially, in processes or on Dask.

Every executor yields `fn(item)` for each item in the order of `items`, lazily, with at most a
bounded window of chunks in flight (so a long stream of documents is not all held at once).
`fn` must be a module-level function (it is pickled to the workers) and pure: the results are
identical whichever executor runs it.
"""
from __future__ import annotations

import abc
import os
from collections import deque
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

from briefings.errors import BriefingError

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "process", "dask")
# Modules the process workers import once, before any task: the file reader and the summariser.
PRELOAD = ("briefings.sources.read", "briefings.origins", "briefings.extract.document",
           "briefings.extract.metadata")


class Executor(Protocol):
    """Runs `fn` over items, yielding results in the items' order."""

    name: str
    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
        """fn(item) for each item, in order."""
        ...  # pragma: no cover

    def close(self) -> None:
        """Release the workers (processes, cluster connection)."""
        ...  # pragma: no cover


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """fn over one chunk (what a worker runs)."""
    return [fn(x) for x in chunk]


class LocalExecutor:
    """Serial, in this process (`--jobs 1`)."""

    name = "local"
    workers = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
        for item in items:
            yield fn(item)

    def close(self) -> None:
        pass

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Windowed(abc.ABC):
    """Submit chunks ahead up to a window, yield their results in submission order."""

    name = "windowed"
    workers = 1

    @abc.abstractmethod
    def _submit(self, fn: Callable, chunk: list):
        """Start `fn` over one chunk; a future whose .result() is the chunk's results."""

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
        window = max(2, 3 * self.workers)
        pending: deque = deque()
        for chunk in _chunks(items, max(1, chunksize)):
            pending.append(self._submit(fn, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProcessExecutor(_Windowed):
    """N worker processes on this machine (concurrent.futures), fed in chunks.

    Workers start with the forkserver method where there is one (no fork of a process that
    runs threads, such as the progress bar), with the reader and summariser imported up front."""

    name = "process"

    def __init__(self, workers: int, preload: tuple[str, ...] = PRELOAD):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = max(1, workers)
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if ctx.get_start_method() == "forkserver":
            ctx.set_forkserver_preload(list(preload))
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)

    def _submit(self, fn: Callable, chunk: list):
        return self._pool.submit(run_chunk, fn, chunk)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(_Windowed):
    """Chunks as tasks on a Dask cluster: `scheduler` is its address (tcp://host:8786); without
    one a local cluster of `workers` processes is started for the run. Needs the `dask` extra;
    every worker must have the same briefings version installed (docs/scale.md)."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 1, timeout: float = 10):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise BriefingError("--executor dask needs Dask: pip install 'briefings[dask]'") from None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout=f"{timeout}s")
            else:
                self._cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                             processes=True, host="127.0.0.1",
                                             dashboard_address=None)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            if self._cluster is not None:
                self._cluster.close()
            raise BriefingError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        info = self._client.scheduler_info()
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def _submit(self, fn: Callable, chunk: list):
        return self._client.submit(run_chunk, fn, chunk, pure=False)

    def on_workers(self, fn: Callable[[], R]) -> dict[str, R]:
        """fn() on every worker, by worker address (e.g. to check they run the same code)."""
        return self._client.run(fn)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def parse_jobs(value: str | int | None) -> int:
    """`--jobs`: a positive number, or `auto` for the cores this process may use."""
    if value is None:
        return 1
    if isinstance(value, int):
        jobs = value
    elif value.strip().lower() == "auto":
        return cores()
    else:
        try:
            jobs = int(value)
        except ValueError:
            raise BriefingError(f"--jobs must be a number or 'auto', not {value!r}") from None
    if jobs < 1:
        raise BriefingError(f"--jobs must be at least 1, not {jobs}")
    return jobs


def cores() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def make_executor(kind: str | None = None, jobs: int = 1,
                  scheduler: str | None = None) -> LocalExecutor | ProcessExecutor | DaskExecutor:
    """The executor asked for: `kind` local, process or dask; None picks local for one job,
    processes for more, and dask when a scheduler address is given."""
    if kind is None:
        kind = "dask" if scheduler else ("process" if jobs > 1 else "local")
    if kind not in EXECUTORS:
        raise BriefingError(f"--executor must be one of {', '.join(EXECUTORS)}, not {kind!r}")
    if scheduler and kind != "dask":
        raise BriefingError("--scheduler is for --executor dask")
    if kind == "dask":
        return DaskExecutor(scheduler, jobs)
    if kind == "process" and jobs > 1:
        return ProcessExecutor(jobs)
    return LocalExecutor()


def chunk_size(items: int, workers: int) -> int:
    """Chunks big enough to amortise the round trip, small enough to balance the workers."""
    return max(1, min(64, items // (workers * 8) if workers > 1 else items))
