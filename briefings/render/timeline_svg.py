"""The exercises timeline figure: a deterministic inline SVG drawn from the exercises' dates."""
from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from ..model import Exercise
from .filters import MONTHS, fmt_date, slug

WIDTH = 680
LABEL_X = 2
LABEL_W = 196
PLOT_X0 = 208
PLOT_X1 = 672
TOP = 18
ROW_H = 22
BAR_H = 11
MAX_ROWS = 30
BOLD = 1.12  # bold DejaVu Sans is about this much wider than the regular face
FONT = "DejaVu Sans, Noto Sans, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"
INK = "#1a1d21"
MUTED = "#555b63"
ACCENT = "#1b3a5c"
GRID = "#d5dbe1"
PALE = "#b9c7d6"
CANCELLED = "#6b7078"
STATUS_ORDER = ("held", "under way", "planned", "cancelled")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Period:
    """A stretch of days (both ends included) and how precisely the source dated it."""

    first: date
    last: date
    precision: str  # "day", "month" or "year"


@dataclass(frozen=True)
class Bar:
    """One exercise ready to draw: its name, display date, status and period."""

    name: str
    when: str
    status: str
    places: str
    period: Period


def parse_period(value: object) -> Period | None:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` (a str or int) as the days it covers, else None."""
    m = _ISO.match(str(value or "").strip()[:10])
    if not m:
        return None
    try:
        year = int(m[1])
        if m[3]:
            day = date(year, int(m[2]), int(m[3]))
            return Period(day, day, "day")
        if m[2]:
            month = int(m[2])
            last = calendar.monthrange(year, month)[1]
            return Period(date(year, month, 1), date(year, month, last), "month")
        return Period(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError:
        return None


_RANK = {"day": 0, "month": 1, "year": 2}


def exercise_period(start: object, end: object, year: object) -> Period | None:
    """The days an exercise covers from its start, end and year; None when undated."""
    s, e = parse_period(start), parse_period(end)
    if s and e and e.last >= s.first:
        precision = max(s.precision, e.precision, key=_RANK.__getitem__)
        return Period(s.first, e.last, precision)
    return s or e or (parse_period(year) if year else None)


def text_width(text: str, size: float) -> float:
    """An estimate of the drawn width of `text` (wide East Asian characters count double)."""
    units = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)
    return units * size


def fit(text: str, size: float, room: float) -> str:
    """`text`, cut with an ellipsis so that it fits in `room` units at font size `size`."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _month_add(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def axis_ticks(first: date, last: date) -> tuple[date, date, list[tuple[date, str]]]:
    """Axis start, end (exclusive) and labelled ticks: months for short spans, else years."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= 14:
        lo = date(first.year, first.month, 1)
        hi = _month_add(lo, months)
        step = 1 if months <= 8 else 2
        ticks = []
        for i in range(0, months, step):
            day = _month_add(lo, i)
            name = MONTHS[day.month - 1][:3]
            ticks.append((day, f"{name} {day.year}" if i == 0 or day.month == 1 else name))
        return lo, hi, ticks
    years = last.year - first.year + 1
    step = max(1, -(-years // 10))
    lo, hi = date(first.year, 1, 1), date(last.year + 1, 1, 1)
    return lo, hi, [(date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1, step)]


def _num(value: float) -> str:
    """Coordinates with one decimal and no trailing zeros, the same on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _e(value: object) -> str:
    """Text for an SVG element or attribute: XML-escaped, without characters XML forbids."""
    return str(escape(" ".join(_NOT_XML.sub("\ufffd", str(value)).split())))


def _bar_style(status: str, precision: str) -> str:
    pale = precision != "day"
    if status == "planned":
        return (f'fill="#ffffff" stroke="{ACCENT}" stroke-width="1.2" '
                f'stroke-dasharray="3 2"')
    if status == "cancelled":
        return f'fill="#ffffff" stroke="{CANCELLED}" stroke-width="1.2" stroke-dasharray="2 1.5"'
    if status == "under way":
        return f'fill="#ffffff" stroke="{ACCENT}" stroke-width="1.6"'
    return f'fill="{PALE if pale else ACCENT}" stroke="{ACCENT}" stroke-width="1"'


def _more_note(count: int) -> str:
    return f"{count} more {'exercise' if count == 1 else 'exercises'} in the list below"


def describe(bars: list[Bar], undated: list[str], more: int = 0) -> str:
    """The figure in words, for the SVG's <desc> (screen readers) and tests."""
    if not bars:
        return "No exercise in this section has a reported date."
    first = min(b.period.first for b in bars)
    last = max(b.period.last for b in bars)
    noun = "exercise" if len(bars) == 1 else "exercises"
    parts = [f"{len(bars)} {noun} placed by date between {fmt_date(first.isoformat())} "
             f"and {fmt_date(last.isoformat())}."]
    for b in bars:
        where = f", {b.places}" if b.places else ""
        parts.append(f"{b.name}: {b.when}{where}, {b.status}.")
    if more:
        parts.append(f"Not drawn for lack of room: {_more_note(more)}.")
    if undated:
        parts.append(f"Not drawn, no date reported: {', '.join(undated)}.")
    return " ".join(parts)


def plan(items: Iterable[tuple[str, str, Exercise]]) -> tuple[list[Bar], list[str]]:
    """(name, display date, exercise) items as bars, in the order given, and the undated names."""
    bars: list[Bar] = []
    undated: list[str] = []
    for name, when, x in items:
        period = exercise_period(x.start, x.end, x.year)
        if period is None:
            undated.append(name)
            continue
        bars.append(Bar(name=name, when=when, status=x.status or "held",
                        places=", ".join(x.locations), period=period))
    return bars, undated


def timeline_svg(items: Iterable[tuple[str, str, Exercise]], ident: str,
                 edition: str | None = None) -> Markup:
    """Dated exercises as an accessible SVG bar chart; empty Markup when none is dated.

    `items` are (name, display date, exercise); `ident` prefixes the element ids. At most
    MAX_ROWS rows are drawn (so the figure fits a page); the rest are named as more. Every text
    is escaped, and the output depends only on the arguments (the edition date is drawn as a
    marker when it falls on the axis), so the same briefing gives the same bytes.
    """
    bars, undated = plan(items)
    if not bars:
        return Markup("")
    more = bars[MAX_ROWS:]
    bars = bars[:MAX_ROWS]
    ident = f"tl-{slug(ident)}"
    lo, hi, ticks = axis_ticks(min(b.period.first for b in bars),
                               max(b.period.last for b in bars))
    span = (hi - lo).days
    plot_w = PLOT_X1 - PLOT_X0

    def x_of(day: date) -> float:
        return PLOT_X0 + plot_w * (day - lo).days / span

    mark = parse_period(edition) if edition else None
    if not (mark and mark.precision == "day" and lo <= mark.first < hi):
        mark = None
    top = TOP if mark else 8
    axis_y = top + ROW_H * (len(bars) + (1 if more else 0)) + 4
    legend_y = axis_y + 30
    height = legend_y + 12
    title = "Timeline of the exercises by date"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="{FONT}" font-size="10" fill="{INK}">',
        f'<title id="{ident}-title">{_e(title)}</title>',
        f'<desc id="{ident}-desc">{_e(describe(bars, undated, len(more)))}</desc>',
    ]
    # grid and ticks
    out.append('<g class="grid">')
    for day, label in ticks:
        x = _num(x_of(day))
        out.append(f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{axis_y + 4}" stroke="{GRID}" '
                   f'stroke-width="0.75"/>')
        out.append(f'<text x="{_num(x_of(day) + 2)}" y="{axis_y + 15}" font-size="9" '
                   f'fill="{MUTED}">{_e(label)}</text>')
    out.append(f'<line x1="{PLOT_X0}" y1="{axis_y}" x2="{PLOT_X1}" y2="{axis_y}" '
               f'stroke="{MUTED}" stroke-width="1"/>')
    out.append("</g>")
    if mark:
        x = x_of(mark.first)
        anchor = "end" if x > PLOT_X1 - 90 else "start"
        tx = x - 3 if anchor == "end" else x + 3
        out.append(f'<g class="edition"><line x1="{_num(x)}" y1="{top - 8}" x2="{_num(x)}" '
                   f'y2="{axis_y}" stroke="{INK}" stroke-width="1" stroke-dasharray="4 2"/>'
                   f'<text x="{_num(tx)}" y="{top - 9}" font-size="8.5" text-anchor="{anchor}">'
                   f'{_e("this edition, " + fmt_date(mark.first.isoformat()))}</text></g>')
    for i, b in enumerate(bars):
        out.append(_row(b, top + i * ROW_H, x_of))
    if more:
        out.append(f'<text x="{LABEL_X}" y="{_num(top + len(bars) * ROW_H + ROW_H / 2 + 3.5)}" '
                   f'font-style="italic" fill="{MUTED}">{_e(_more_note(len(more)))}</text>')
    out.append(_legend(bars, legend_y))
    out.append("</svg>")
    return Markup("\n".join(out))  # noqa: S704 (every text went through escape())


def _row(b: Bar, y: float, x_of: Callable[[date], float]) -> str:
    """One exercise: its name in the label column, its bar, and its date beside or inside it."""
    mid = y + ROW_H / 2
    x0 = x_of(b.period.first)
    x1 = max(x_of(b.period.last + timedelta(days=1)), x0 + 5)
    note = "" if b.status == "held" else f" ({b.status})"
    style = _bar_style(b.status, b.period.precision)
    out = [f'<g class="row"><title>{_e(b.name + ": " + b.when + note)}</title>',
           f'<text x="{LABEL_X}" y="{_num(mid + 3.5)}" font-weight="bold">'
           f'{_e(fit(b.name, 10 * BOLD, LABEL_W))}</text>',
           f'<rect x="{_num(x0)}" y="{_num(mid - BAR_H / 2)}" width="{_num(x1 - x0)}" '
           f'height="{BAR_H}" rx="1.5" {style}/>']
    if b.status == "cancelled":
        out.append(f'<line x1="{_num(x0)}" y1="{_num(mid)}" x2="{_num(x1)}" y2="{_num(mid)}" '
                   f'stroke="{CANCELLED}" stroke-width="1"/>')
    lx, anchor, label, fill = _date_label(b.when + note, x0, x1, f'fill="{ACCENT}"' in style)
    out.append(f'<text x="{_num(lx)}" y="{_num(mid + 3.2)}" font-size="9" fill="{fill}" '
               f'text-anchor="{anchor}">{_e(label)}</text></g>')
    return "".join(out)


def _date_label(label: str, x0: float, x1: float,
                solid: bool) -> tuple[float, str, str, str]:
    """Where a bar's date goes: right of the bar, else left, else inside (x, anchor, text, fill)."""
    need = text_width(label, 9)
    right, left, inside = PLOT_X1 - x1 - 4, x0 - PLOT_X0 - 4, x1 - x0 - 8
    if need <= right:
        return x1 + 4, "start", label, INK
    if need <= left:
        return x0 - 4, "end", label, INK
    if inside >= max(right, left):
        return x0 + 4, "start", fit(label, 9, inside), "#ffffff" if solid else INK
    if right >= left:
        return x1 + 4, "start", fit(label, 9, right), INK
    return x0 - 4, "end", fit(label, 9, left), INK


def _legend(bars: list[Bar], y: float) -> str:
    """A key to the bar styles actually drawn, in a fixed order."""
    drawn = {_bar_style(b.status, b.period.precision) for b in bars}
    kinds = [(s, "day", s.capitalize()) for s in STATUS_ORDER]
    kinds.insert(1, ("held", "year", "Held; only the month or year reported"))
    items, seen = [], set()
    for status, precision, label in kinds:
        style = _bar_style(status, precision)
        if style in drawn and style not in seen:
            seen.add(style)
            items.append((style, label))
    out = ['<g class="legend" font-size="8.5">']
    x = float(LABEL_X)
    for style, label in items:
        out.append(f'<rect x="{_num(x)}" y="{y - 8}" width="14" height="8" rx="1" {style}/>')
        out.append(f'<text x="{_num(x + 18)}" y="{y}" fill="{MUTED}">{_e(label)}</text>')
        x += 18 + text_width(label, 8.5) + 14
    out.append("</g>")
    return "".join(out)
