"""`briefings run-due`: build and send each briefing whose schedule is due, once per slot, under a lock."""
from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping

from briefings.config import LoadedConfig, load_config
from briefings.errors import (EXIT_BUSY, EXIT_DELIVERY, EXIT_INTERNAL, EXIT_PARTIAL, EXIT_USER,
                              BriefingError, BusyError)
from briefings.lock import LOCK_FILE, hold_lock
from briefings.schedule import STATE_FILE, due_slot, load_state, next_run, save_state


@dataclass
class RunResult:
    """What run-due did for one config: lines for stdout, lines for stderr, an exit code."""

    config: Path
    briefing: str | None
    outcome: str  # not-due | ran | skipped | busy | error
    exit_code: int = 0
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def exit_code(results: list[RunResult]) -> int:
    """The most serious code: internal 4, input 1, delivery 3, partial edition 5, busy 75, else 0."""
    codes = {r.exit_code for r in results}
    for code in (EXIT_INTERNAL, EXIT_USER, EXIT_DELIVERY, EXIT_PARTIAL, EXIT_BUSY):
        if code in codes:
            return code
    return max(codes, default=0)


def run_due(configs: list[Path], *, out_dir: Path, now: datetime | str | None = None,
            environ: Mapping[str, str] | None = None,
            sleep: Callable[[float], None] = time.sleep) -> list[RunResult]:
    """Handle every config in turn; one config's failure never stops the others."""
    return [_one(Path(c), out_dir, now, environ, sleep) for c in configs]


def _one(path: Path, out_dir: Path, now: datetime | str | None,
         environ: Mapping[str, str] | None, sleep: Callable[[float], None]) -> RunResult:
    from briefings.pipeline import edition_time

    try:
        loaded = load_config(path)
        cfg = loaded.config
        if cfg.schedule is None:
            raise BriefingError("the config has no 'schedule': run-due only runs scheduled "
                                "briefings (use `briefings build` and `briefings send`)",
                                path=str(path))
        moment = edition_time(now, cfg.schedule_zone)
        folder = out_dir / cfg.id
        with hold_lock(folder / LOCK_FILE):
            return _locked(loaded, out_dir, folder, moment, environ, sleep)
    except BusyError as exc:
        return RunResult(path, None, "busy", exc.exit_code, errors=[f"busy: {exc.render()}"])
    except BriefingError as exc:
        return RunResult(path, None, "error", exc.exit_code, errors=[f"error: {exc.render()}"])


def _locked(loaded: LoadedConfig, out_dir: Path, folder: Path, moment: datetime,
            environ: Mapping[str, str] | None, sleep: Callable[[float], None]) -> RunResult:
    """The work done while holding the briefing's lock."""
    from briefings.write import clean_stale_temp

    cfg = loaded.config
    assert cfg.schedule is not None
    cron, zone = cfg.schedule.cron, cfg.schedule_zone
    clean_stale_temp(folder)
    state_path = folder / STATE_FILE
    state, fresh = load_state(state_path, moment)
    result = RunResult(loaded.path, cfg.id, "not-due")
    if state.running:
        r = state.running
        result.errors.append(f"warning: {cfg.id}: the run for slot {r.get('slot')} (pid "
                             f"{r.get('pid')}, started {r.get('started')}) did not finish; its "
                             "slot is due again (the send ledger prevents double sends)")
        state.running = None
    due = due_slot(cron, zone, moment, last_slot=state.last_slot, since=state.since)
    if due is None:
        if fresh or result.errors:
            save_state(state_path, state)
        return result  # quiet: cron mails any output, and this runs every minute
    slot = due.slot.isoformat()
    upcoming = next_run(cron, zone, moment).isoformat()
    if due.catch_up and not cfg.schedule.catch_up:
        state.last_slot = due.slot
        state.last_run = {"slot": slot, "status": "skipped", "at": moment.isoformat()}
        save_state(state_path, state)
        result.outcome = "skipped"
        result.lines.append(f"{cfg.id}: missed slot {slot} skipped (schedule.catch_up is "
                            f"false); next run {upcoming}")
        return result
    run = {"run_id": uuid.uuid4().hex, "slot": slot, "catch_up": due.catch_up,
           "missed": due.missed, "cron": cron, "timezone": zone,
           "started": moment.isoformat(), "pid": os.getpid()}
    state.running = run
    save_state(state_path, state)
    result.outcome = "ran"
    status = "failed"
    try:
        status, result.exit_code = _build_and_send(loaded, out_dir, folder, moment, run, result,
                                                   environ, sleep)
    except BriefingError as exc:
        result.exit_code = exc.exit_code
        result.errors.append(f"error: {cfg.id}: {exc.render()}")
    except BaseException:
        status = "crashed"
        raise
    finally:
        state.last_slot = due.slot
        state.last_run = {**run, "status": status, "exit": result.exit_code,
                          "finished": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        state.running = None
        save_state(state_path, state)
    result.lines.append(f"{cfg.id}: next run {upcoming}")
    return result


def _build_and_send(loaded: LoadedConfig, out_dir: Path, folder: Path, moment: datetime,
                    run: dict, result: RunResult, environ: Mapping[str, str] | None,
                    sleep: Callable[[float], None]) -> tuple[str, int]:
    """Build the edition and e-mail it; return (status, exit code) and fill in `result`."""
    from briefings.deliver.ledger import DONE, LEDGER_FILE, Ledger
    from briefings.pipeline import build, edition_time

    cfg = loaded.config
    label = f"slot {run['slot']}" + (" (catch-up)" if run["catch_up"] else "")
    date = edition_time(moment, cfg.timezone).date().isoformat()
    if cfg.delivery is not None and (folder / date / "manifest.json").is_file():
        ledger = Ledger.load(folder / LEDGER_FILE, cfg.id)
        entries = [ledger.get(date, r) for r, _ in cfg.delivery.email.recipients()]
        if all(e and e.get("status") in DONE for e in entries):
            # every recipient has (or may have) this edition: keep the copy they got
            result.lines.append(f"{cfg.id}: {label}: edition {date} already went to every "
                                "recipient; not rebuilt")
            return _send(loaded, folder / date, result, environ, sleep)
    extra = {k: run[k] for k in ("run_id", "slot", "catch_up", "missed", "cron", "timezone")}
    report = build(loaded, out_dir=out_dir, now=moment, manifest_extra={"schedule": extra})
    result.errors.extend(f"warning: {w}" for w in report.warnings)
    result.lines.append(f"{cfg.id}: {label}: built {report.folder}")
    status, code = (("complete", 0) if cfg.delivery is None
                    else _send(loaded, report.folder, result, environ, sleep))
    if report.unavailable and code == 0:
        # sent (or built) without some sources: say so, as `build` does with exit 5
        result.errors.append(f"warning: {cfg.id}: partial edition: {len(report.unavailable)} "
                             "source(s) unavailable")
        return "partial", EXIT_PARTIAL
    return status, code


def _send(loaded: LoadedConfig, edition: Path, result: RunResult,
          environ: Mapping[str, str] | None, sleep: Callable[[float], None]) -> tuple[str, int]:
    """E-mail one edition; a failed, refused or uncertain delivery gives exit code 3."""
    from briefings.deliver.send import send_edition

    sent = send_edition(loaded, edition, environ=environ, sleep=sleep)
    result.lines.extend(sent.lines())
    if sent.problems:
        result.errors.append(f"error: {loaded.config.id}: {len(sent.problems)} of "
                             f"{len(sent.deliveries)} deliveries failed or are uncertain: "
                             + ", ".join(f"{d.recipient} {d.status}" for d in sent.problems))
        return "delivery-failed", EXIT_DELIVERY
    return "complete", 0
