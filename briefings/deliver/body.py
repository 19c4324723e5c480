"""E-mail-safe HTML body from briefing.json: inline styles, tables for layout, everything escaped."""
from __future__ import annotations

from html import escape

FONT = "font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;"
H2 = f"{FONT}font-size:17px;margin:22px 0 8px;padding-bottom:4px;border-bottom:1px solid #ccc;"
P = f"{FONT}font-size:14px;line-height:1.5;margin:0 0 10px;"
SMALL = f"{FONT}font-size:12px;color:#555;"
CELL = f"{FONT}font-size:13px;padding:4px 6px;border:1px solid #ccc;vertical-align:top;text-align:left;"


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _cites(cites: list[dict]) -> str:
    numbers = sorted({int(c["number"]) for c in cites})
    return "".join(f"&nbsp;[{n}]" for n in numbers)


def _entries(section: dict) -> str:
    items = []
    for entry in section.get("entries", []):
        note = [f"{_e(k.capitalize())}: {_e(entry[k])}"
                for k in ("holder", "likelihood", "confidence") if entry.get(k)]
        extra = f'<br><span style="{SMALL}">{"; ".join(note)}</span>' if note else ""
        items.append(f'<li style="{P}">{_e(entry["text"])}{_cites(entry.get("cites", []))}{extra}</li>')
    return f'<ul style="margin:0 0 10px;padding-left:20px;">{"".join(items)}</ul>' if items else ""


def _exercises(section: dict) -> str:
    rows = section.get("exercises", [])
    if not rows:
        return f'<p style="{P}">No exercises reported.</p>'
    head = "".join(f'<th style="{CELL}background:#eee;">{h}</th>'
                   for h in ("Exercise", "When", "Where", "Participants", "Status", "Sources"))
    body = []
    for row in rows:
        x = row["exercise"]
        when = " – ".join(str(v) for v in (x.get("start"), x.get("end")) if v) or x.get("year") or ""
        cells = (x.get("name"), when, ", ".join(x.get("locations") or []),
                 ", ".join(x.get("participants") or []), x.get("status"))
        body.append("<tr>" + "".join(f'<td style="{CELL}">{_e(c)}</td>' for c in cells)
                    + f'<td style="{CELL}">{_cites(row.get("cites", [])).replace("&nbsp;", " ")}</td></tr>')
    return (f'<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:'
            f'collapse;width:100%;margin:0 0 10px;"><tr>{head}</tr>{"".join(body)}</table>')


def _text(section: dict) -> str:
    paragraphs = [p.strip() for p in str(section.get("text", "")).split("\n\n") if p.strip()]
    return "".join(f'<p style="{P}">{_e(p).replace(chr(10), "<br>")}</p>' for p in paragraphs)


def _sources(sources: list[dict]) -> str:
    items = []
    for s in sources:
        bits = [b for b in (s.get("outlet"), s.get("published"), s.get("author")) if b]
        title = _e(s.get("title") or s.get("path"))
        url = str(s.get("url") or "")
        if url.startswith(("https://", "http://")):
            title = f'<a href="{_e(url)}" style="color:#1a4f8b;">{title}</a>'
        grade = f"reliability {s.get('reliability')}"
        meta = f' <span style="{SMALL}">({_e("; ".join([", ".join(bits), grade]))})</span>'
        items.append(f'<li style="{P}">{title}{meta}</li>')
    return f'<ol style="margin:0 0 10px;padding-left:24px;">{"".join(items)}</ol>'


def email_html(briefing: dict) -> str:
    """The message's HTML part: the whole briefing, readable in any mail client."""
    parts = ['<!DOCTYPE html><html lang="' + _e(briefing.get("lang") or "en") + '"><head>'
             '<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
             f'<title>{_e(briefing["title"])}</title></head>'
             '<body style="margin:0;padding:0;background:#f4f4f4;">'
             '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td '
             'align="center" style="padding:16px;"><table role="presentation" cellpadding="0" '
             'cellspacing="0" style="max-width:680px;width:100%;background:#fff;"><tr><td '
             'style="padding:20px 24px;">']
    if briefing.get("marking"):
        parts.append(f'<p style="{SMALL}text-align:center;font-weight:bold;letter-spacing:1px;'
                     f'margin:0 0 12px;">{_e(briefing["marking"])}</p>')
    parts.append(f'<h1 style="{FONT}font-size:22px;margin:0 0 4px;">{_e(briefing["title"])}</h1>')
    if briefing.get("subtitle"):
        parts.append(f'<p style="{P}color:#555;">{_e(briefing["subtitle"])}</p>')
    byline = " · ".join(_e(v) for v in (briefing.get("author"), briefing.get("date")) if v)
    parts.append(f'<p style="{SMALL}margin:0 0 12px;">{byline}</p>')
    for section in briefing.get("sections", []):
        parts.append(f'<h2 style="{H2}">{_e(section["title"])}</h2>')
        kind = section.get("kind")
        if kind == "exercises":
            parts.append(_exercises(section))
        elif kind == "sources":
            parts.append(_sources(briefing.get("sources", [])))
        elif kind == "text":
            parts.append(_text(section))
        else:
            parts.append(_entries(section))
    parts.append(f'<p style="{SMALL}margin-top:20px;">The full briefing is attached as a PDF. '
                 'Numbers in brackets cite the sources list.</p>')
    if briefing.get("marking"):
        parts.append(f'<p style="{SMALL}text-align:center;font-weight:bold;">{_e(briefing["marking"])}</p>')
    parts.append("</td></tr></table></td></tr></table></body></html>\n")
    return "".join(parts)
