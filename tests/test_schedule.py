"""The schedule with a fixed clock: DST in Europe/London (2026-03-29, 2026-10-25), catch-up, zones."""
from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from briefings.schedule import Due, check_cron, due_slot, next_run, slots

UTC = timezone.utc
LONDON = "Europe/London"
L = ZoneInfo(LONDON)


def _every_minute(expr: str, start: datetime, end: datetime) -> list[datetime]:
    """Call due_slot once a minute from start to end, as cron would, keeping state: the runs."""
    runs: list[datetime] = []
    last: datetime | None = None
    now = start
    while now <= end:
        due = due_slot(expr, LONDON, now, last_slot=last, since=start)
        if due:
            assert not due.catch_up and due.missed == 0
            runs.append(due.slot)
            last = due.slot
        now += timedelta(minutes=1)
    return runs


@pytest.mark.parametrize("expr", ["30 1 * * *", "0 1 * * *", "59 1 * * *", "0 2 * * *"])
def test_one_run_on_the_day_the_clocks_go_back(expr: str) -> None:
    # 2026-10-25: 01:00-01:59 happens twice in London (BST, then GMT)
    runs = _every_minute(expr, datetime(2026, 10, 24, 22, 0, tzinfo=UTC),
                         datetime(2026, 10, 25, 4, 0, tzinfo=UTC))
    assert len(runs) == 1
    local = runs[0].astimezone(L)
    hour, minute = int(expr.split()[1]), int(expr.split()[0])
    assert (local.hour, local.minute) == (hour, minute) and local.date().isoformat() == "2026-10-25"
    if hour == 1:  # the first of the two 01:xx, in summer time, as Debian cron does
        assert local.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize("expr,expected_utc", [
    ("30 1 * * *", "01:00"),  # 01:30 does not exist: run right after the jump (02:00 BST)
    ("0 1 * * *", "01:00"),
    ("0 2 * * *", "01:00"),   # 02:00 BST exists: the first minute after the jump
    ("30 0 * * *", "00:30"),
])
def test_one_run_on_the_day_the_clocks_go_forward(expr: str, expected_utc: str) -> None:
    # 2026-03-29: 01:00 GMT jumps to 02:00 BST
    runs = _every_minute(expr, datetime(2026, 3, 28, 22, 0, tzinfo=UTC),
                         datetime(2026, 3, 29, 4, 0, tzinfo=UTC))
    assert len(runs) == 1
    assert runs[0].astimezone(UTC).strftime("%H:%M") == expected_utc


def test_one_slot_per_day_across_both_changes() -> None:
    for start in (datetime(2026, 3, 20, tzinfo=L), datetime(2026, 10, 18, tzinfo=L)):
        for expr in ("30 1 * * *", "0 2 * * *", "15 0 * * *", "0 6 * * *"):
            found = list(slots(expr, LONDON, start, start + timedelta(days=14)))
            days = [s.astimezone(L).date() for s in found]
            assert len(days) == 14 and len(set(days)) == 14, (expr, found)


def test_catch_up_after_downtime_is_one_run_for_the_latest_slot() -> None:
    monday = datetime(2026, 3, 30, 6, 0, tzinfo=L)
    wednesday = datetime(2026, 4, 1, 10, 17, tzinfo=L)
    due = due_slot("0 6 * * *", LONDON, wednesday, last_slot=monday, since=monday)
    assert due == Due(datetime(2026, 4, 1, 6, 0, tzinfo=L), catch_up=True, missed=1)
    # once that slot is recorded, nothing more is due until the next one
    assert due_slot("0 6 * * *", LONDON, wednesday, last_slot=due.slot, since=monday) is None
    # weekly, down for over two weeks: still exactly one run, for the latest Monday
    later = datetime(2026, 4, 15, 9, 0, tzinfo=L)
    due = due_slot("0 6 * * MON", LONDON, later, last_slot=monday, since=monday)
    assert due == Due(datetime(2026, 4, 13, 6, 0, tzinfo=L), catch_up=True, missed=1)


def test_on_time_and_first_calls() -> None:
    slot = datetime(2026, 3, 30, 6, 0, tzinfo=L)
    on_time = due_slot("0 6 * * MON", LONDON, slot + timedelta(seconds=40), last_slot=None,
                       since=slot + timedelta(seconds=40))
    assert on_time == Due(slot, catch_up=False, missed=0)
    # a first call after the slot's minute does not dig up history
    assert due_slot("0 6 * * MON", LONDON, slot + timedelta(minutes=3), last_slot=None,
                    since=slot + timedelta(minutes=3)) is None
    # but a first call recorded earlier (state created, then downtime) catches up
    late = due_slot("0 6 * * MON", LONDON, slot + timedelta(minutes=3), last_slot=None,
                    since=slot - timedelta(days=1))
    assert late == Due(slot, catch_up=True, missed=0)


def test_next_run() -> None:
    now = datetime(2026, 10, 24, 12, 0, tzinfo=L)
    assert next_run("30 1 * * *", LONDON, now) == datetime(2026, 10, 25, 1, 30, tzinfo=L, fold=0)
    assert next_run("0 6 * * MON", LONDON, now).isoformat() == "2026-10-26T06:00:00+00:00"


def test_the_system_time_zone_changes_nothing(monkeypatch) -> None:
    now = datetime(2026, 10, 25, 1, 45, tzinfo=UTC)
    results = []
    for zone in ("UTC", "America/New_York", "Asia/Kolkata"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        results.append((due_slot("30 1 * * *", LONDON, now, last_slot=None, since=now - timedelta(days=1)),
                        next_run("30 1 * * *", LONDON, now)))
    monkeypatch.delenv("TZ")
    time.tzset()
    assert results[0] == results[1] == results[2]
    assert results[0][0].slot.astimezone(UTC).strftime("%H:%M") == "00:30"
    assert os.environ.get("TZ") is None


@pytest.mark.parametrize("expr", ["0 6 * * MON", "30 1 * * *", "0 6 1 * *", "0 7 * * 1-5"])
def test_good_expressions_pass(expr: str) -> None:
    assert check_cron(expr) == expr


@pytest.mark.parametrize("expr,part", [("0 */12 * * *", "more than once a day"),
                                       ("* 6 * * *", "more than once a day"),
                                       ("0 0 6 * * *", "five-field"), ("0 6 * * XYZ", "not a valid")])
def test_bad_expressions_fail(expr: str, part: str) -> None:
    with pytest.raises(ValueError, match=part):
        check_cron(expr)


DST_ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney",
             "America/Santiago", "Australia/Lord_Howe", "Asia/Beirut", "America/Havana"]


def test_a_daily_schedule_runs_once_on_every_local_day_of_the_year() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=25, deadline=None, derandomize=True)
    @given(st.sampled_from(DST_ZONES), st.integers(2024, 2030), st.integers(0, 23),
           st.sampled_from([0, 1, 30, 59]))
    def check(zone: str, year: int, hour: int, minute: int) -> None:
        tz = ZoneInfo(zone)
        second = timedelta(seconds=1)
        start, end = datetime(year, 1, 1, tzinfo=tz) - second, datetime(year + 1, 1, 1, tzinfo=tz) - second
        found = list(slots(f"{minute} {hour} * * *", zone, start, end))
        days = [s.astimezone(tz).date() for s in found]
        assert len(days) == len(set(days)) == (datetime(year + 1, 1, 1) - datetime(year, 1, 1)).days

    check()
