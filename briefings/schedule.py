"""Cron schedules (cronsim, Debian-cron DST rules): which slot is due, the next run, state on disk."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

from briefings.errors import BriefingError

UTC = timezone.utc
LOOKBACK = timedelta(days=400)  # missed slots older than this are forgotten
STATE_FILE = "state.json"


@dataclass(frozen=True)
class Due:
    """A slot to run now: `catch_up` when the run is late (past the slot's own minute)."""

    slot: datetime
    catch_up: bool
    missed: int = 0  # earlier slots since the last run, coalesced into this one


def check_cron(expr: str) -> str:
    """Validate a five-field cron expression that fires at most once a day; return it."""
    from cronsim import CronSim, CronSimError

    if len(expr.split()) != 5:
        raise ValueError(f"{expr!r} is not a five-field cron expression (minute hour day month "
                         "weekday), e.g. '0 6 * * MON'")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        it = CronSim(expr, start)
        first = next(it)
    except CronSimError as exc:
        raise ValueError(f"{expr!r} is not a valid cron expression: {exc}") from None
    except StopIteration:
        raise ValueError(f"{expr!r} never fires") from None
    prev = first
    for _ in range(400):
        try:
            slot = next(it)
        except StopIteration:
            break
        if slot.date() == prev.date():
            raise ValueError(f"{expr!r} fires more than once a day ({prev:%H:%M} and "
                             f"{slot:%H:%M}); an edition is one day, so schedule at most one "
                             "run a day")
        if slot - start > timedelta(days=370):
            break
        prev = slot
    return expr


def slots(expr: str, tz: str, after: datetime, until: datetime) -> Iterator[datetime]:
    """The slots s with after < s <= until, in order, each once, as aware times in `tz`."""
    from cronsim import CronSim

    zone = ZoneInfo(tz)
    after_utc, until_utc = after.astimezone(UTC), until.astimezone(UTC)
    for slot in CronSim(expr, after.astimezone(zone).replace(microsecond=0)):
        at = slot.astimezone(UTC)  # compare in UTC: same-zone comparisons ignore the DST fold
        if at > until_utc:
            return
        if at > after_utc:
            yield slot


def next_run(expr: str, tz: str, now: datetime) -> datetime:
    """The first slot strictly after `now`."""
    for slot in slots(expr, tz, now, now + timedelta(days=3660)):
        return slot
    raise BriefingError(f"schedule {expr!r} has no run in the next ten years")


def due_slot(expr: str, tz: str, now: datetime, *, last_slot: datetime | None,
             since: datetime) -> Due | None:
    """The latest slot <= now not yet run (after `last_slot`, or from `since`'s minute on)."""
    if last_slot is not None:
        anchor = last_slot
    else:  # first call: only a slot in the current minute counts, not history
        anchor = since.replace(second=0, microsecond=0) - timedelta(seconds=1)
    anchor = max(anchor.astimezone(UTC), now.astimezone(UTC) - LOOKBACK)
    found = list(slots(expr, tz, anchor, now))
    if not found:
        return None
    latest = found[-1]
    late = now.astimezone(UTC) - latest.astimezone(UTC) >= timedelta(minutes=1)
    return Due(latest, catch_up=late, missed=len(found) - 1)


@dataclass
class ScheduleState:
    """What run-due remembers per briefing: since when, the last slot handled, a run under way."""

    since: datetime
    last_slot: datetime | None = None
    last_run: dict | None = None
    running: dict | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """JSON-ready form."""
        return {**self.extra, "version": 1, "since": self.since.isoformat(),
                "last_slot": self.last_slot.isoformat() if self.last_slot else None,
                "last_run": self.last_run, "running": self.running}


def load_state(path: Path, now: datetime) -> tuple[ScheduleState, bool]:
    """The state in `path`, or a fresh one starting `now`; the flag tells whether it is fresh."""
    if not path.exists():
        return ScheduleState(since=now), True
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        since = datetime.fromisoformat(data["since"])
        last = datetime.fromisoformat(data["last_slot"]) if data.get("last_slot") else None
        if since.tzinfo is None or (last is not None and last.tzinfo is None):
            raise ValueError("times without a zone")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BriefingError(f"schedule state is unreadable ({exc}); move it aside to start the "
                            "schedule afresh (missed runs are then forgotten)", path=str(path)) from None
    extra = {k: v for k, v in data.items()
             if k not in ("version", "since", "last_slot", "last_run", "running")}
    return ScheduleState(since, last, data.get("last_run"), data.get("running"), extra), False


def save_state(path: Path, state: ScheduleState) -> None:
    """Write the state atomically."""
    from briefings.write import atomic_write, json_bytes

    atomic_write(path, json_bytes(state.to_json()))
