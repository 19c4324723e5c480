"""Benchmark: seconds from starting `briefings run-due` to the demo edition's message being accepted.

Run: .venv/bin/python tests/bench_run_due.py [RUNS]   (default 5; prints each run and the median)
A loopback aiosmtpd accepts the mail; each run is a cold `run-due` process on a fresh output
folder at the slot's minute, as cron would start it.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from smtp_server import Recorder, delivery_yaml, start_server, write_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


class TimedRecorder(Recorder):
    """Notes when the server accepted each message."""

    def __init__(self) -> None:
        super().__init__()
        self.accepted: list[float] = []
        self.done = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        reply = await super().handle_DATA(server, session, envelope)
        self.accepted.append(time.perf_counter())
        self.done.set()
        return reply


def main(runs: int) -> None:
    """Run the benchmark `runs` times and print the median."""
    handler = TimedRecorder()
    server = start_server(handler=handler)
    times = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = write_project(Path(tmp), delivery_yaml(server.port),
                                   "schedule: {cron: '0 6 * * MON', timezone: Europe/London}\n")
            for i in range(runs):
                handler.done.clear()
                out = Path(tmp) / f"out{i}"
                started = time.perf_counter()
                proc = subprocess.run([str(ROOT / ".venv" / "bin" / "briefings"), "run-due",
                                       str(config), "--out", str(out),
                                       "--now", "2026-03-30T06:00:05"],
                                      capture_output=True, text=True, cwd=ROOT)
                if proc.returncode != 0 or not handler.done.is_set():
                    raise SystemExit(f"run {i + 1} failed ({proc.returncode}): {proc.stderr}")
                times.append(handler.accepted[-1] - started)
                print(f"run {i + 1}: {times[-1]:.3f} s from start to 250 (process exit after "
                      f"{time.perf_counter() - started:.3f} s)")
    finally:
        server.controller.stop()
    print(f"median of {runs}: {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
