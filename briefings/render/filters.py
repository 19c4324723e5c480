"""Jinja filters: Markdown escaping, safe Markdown-to-HTML for config text, dates and labels."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any

from markupsafe import Markup

MAX_TEXT_SECTION_CHARS = 200_000
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
RELIABILITY = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
_MD_ALWAYS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~"})
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LEADING = re.compile(r"^([#+=>-])|^(\d+)([.)])")
_SPACE = re.compile(r"\s+")
_HTTP_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


class MdSafe(str):
    """A string that is already valid Markdown and must not be escaped again."""

    __slots__ = ()


def md_escape(value: Any) -> MdSafe:
    """Escape `value` so that Markdown renders it as the same plain text and never as markup.

    Whitespace runs (including newlines) collapse to one space, so a value can never start a
    new block; every character that can open inline markup is backslash-escaped, and block
    markers at the start (``#``, ``>``, ``-``, ``+``, ``=``, ``1.``) are escaped too. An ``&``
    is escaped only where it would start an entity (``&amp;``), so "search & rescue" stays
    readable as plain text.
    """
    if isinstance(value, MdSafe):
        return value
    text = _SPACE.sub(" ", str(value).replace("\x00", "\ufffd")).strip()
    text = _MD_ENTITY.sub(r"\\&", text.translate(_MD_ALWAYS))
    text = _MD_LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    return MdSafe(text)


def md_code(value: Any) -> MdSafe:
    """A Markdown code span showing `value` verbatim (for paths and ids)."""
    text = _SPACE.sub(" ", str(value).replace("\x00", "\ufffd")).strip()
    if not text:
        return MdSafe("")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return MdSafe(f"{fence}{pad}{text}{pad}{fence}")


def http_url(value: Any) -> str:
    """`value` if it is a plain http(s) URL, else the empty string (never javascript: etc.)."""
    text = str(value or "").strip()
    return text if _HTTP_URL.match(text) else ""


def md_url(value: Any) -> MdSafe:
    """An autolink for a plain http(s) URL; anything else as a code span."""
    url = http_url(value)
    return MdSafe(f"<{url}>") if url else md_code(value)


_SAFE_LINK = re.compile(r"^(?:https?://|mailto:|#)", re.IGNORECASE)
_SAFE_IMAGE = re.compile(r"^data:image/(?:png|jpe?g|gif|webp)[;,]", re.IGNORECASE)


def _validate_link(url: str) -> bool:
    """Links and images in config Markdown: http(s), mailto: and #fragments, and raster data:
    images; nothing else (no javascript:/vbscript:/file:, no scheme hidden behind an entity
    such as ``java&#x09;script:``, no relative paths that a PDF renderer would resolve)."""
    text = url.strip()
    return bool(_SAFE_LINK.match(text) or _SAFE_IMAGE.match(text))


@lru_cache(maxsize=1)
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    # js-default: raw HTML off, dangerous link schemes refused; our validator is stricter
    # still. typographer stays off (its smartquotes rule is quadratic in markdown-it-py 4.3).
    md = MarkdownIt("js-default", {"typographer": False, "linkify": False, "html": False})
    md.validateLink = _validate_link
    return md


def markdown_to_html(value: Any, top: int = 1) -> Markup:
    """Render trusted-but-unsanitised config Markdown (``text`` sections) to safe HTML.

    Headings move so that the text's highest heading becomes ``<h{top}>`` (none deeper than
    ``<h6>``): inside a section under an ``<h2>``, ``markdown(3)`` keeps the document's
    heading levels in order.
    """
    text = str(value or "")
    if len(text) > MAX_TEXT_SECTION_CHARS:
        raise ValueError(f"text section longer than {MAX_TEXT_SECTION_CHARS} characters")
    md = _markdown_parser()
    tokens = md.parse(text)
    heads = [t for t in tokens if t.type in ("heading_open", "heading_close")]
    if heads:
        shift = min(max(int(top), 1), 6) - min(int(t.tag[1]) for t in heads)
        for tok in heads:
            tok.tag = f"h{min(max(int(tok.tag[1]) + shift, 1), 6)}"
    return Markup(md.renderer.render(tokens, md.options, {}))  # noqa: S704 (raw HTML off)


_RAW_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_INLINE_DEST = re.compile(r"\]\(\s*(<[^>\n]*>|[^\s)]*)")
_REF_DEF = re.compile(r"^( {0,3})(\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S*)", re.MULTILINE)


def _safe_destination(dest: str) -> bool:
    import html

    text = html.unescape(dest.strip().strip("<>"))
    text = re.sub(r"[\x00-\x20\x7f]+", "", text)
    return _validate_link(text)


def markdown_block(value: Any) -> MdSafe:
    """Config Markdown inserted into a Markdown template as markup, made inert like the HTML:
    raw HTML (and ``<scheme:...>`` autolinks) is escaped so it shows as text, and a link, image
    or link definition whose destination `markdown` would refuse (``javascript:``, ``file:``,
    ``java&#x09;script:``, relative paths) is escaped so it stays text."""
    text = _RAW_HTML_START.sub(r"\\<", str(value or "").strip())
    text = _INLINE_DEST.sub(lambda m: m[0] if _safe_destination(m[1]) else "]\\" + m[0][1:], text)
    return MdSafe(_REF_DEF.sub(lambda m: m[0] if _safe_destination(m[3])
                               else f"{m[1]}\\{m[2]}{m[3]}", text))


def fmt_date(value: Any) -> str:
    """ISO ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` as ``21 April 2024``; other text unchanged."""
    if value is None or value == "":
        return ""
    text = str(value)
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m or len(text) > 10:
        return fmt_datetime(text) if m else text
    year, month, day = m[1], m[2], m[3]
    if month and 1 <= int(month) <= 12:
        name = MONTHS[int(month) - 1]
        return f"{int(day)} {name} {year}" if day else f"{name} {year}"
    return year


def fmt_datetime(value: Any) -> str:
    """An ISO timestamp as ``22 April 2024, 06:00 +01:00`` (locale-independent)."""
    text = str(value or "")
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    out = f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}, {dt.hour:02d}:{dt.minute:02d}"
    if dt.utcoffset() is not None:
        offset = dt.strftime("%z")
        out += " UTC" if offset == "+0000" else f" UTC{offset[:3]}:{offset[3:]}"
    return out


def date_range(start: Any, end: Any, year: Any = None) -> str:
    """A compact human date range for an exercise (``20–23 July 2023``), or its year."""
    s, e = fmt_date(start), fmt_date(end)
    if s and e and s != e:
        sp, ep = s.split(" "), e.split(" ")
        if len(sp) == len(ep) == 3 and sp[1:] == ep[1:]:
            return f"{sp[0]}–{e}"
        if len(sp) == len(ep) == 3 and sp[2] == ep[2]:
            return f"{sp[0]} {sp[1]} – {e}"
        return f"{s} – {e}"
    if s or e:
        return s or e
    return str(year) if year else ""


def listing(values: Iterable[Any] | None, empty: str = "—") -> str:
    """Join a sequence with commas; `empty` when there is nothing."""
    items = [str(v) for v in (values or ()) if v not in (None, "")]
    return ", ".join(items) if items else empty


def grade_label(value: Any) -> str:
    """The Admiralty reliability description of a grade letter."""
    return RELIABILITY.get(str(value or "F").upper()[:1], "reliability not graded")


def md_cites(cites: Iterable[Any], lead: str = " ") -> MdSafe:
    """Reference-style citation links `` [1] [2]`` (resolved by ``[1]: #src-1`` definitions).

    `lead` goes before the first link (a space after text; ``""`` in a table cell).
    """
    links = " ".join(f"[{n}]" + (f" (p. {page})" if page else "") for n, page in cite_pages(cites))
    return MdSafe(f"{lead}{links}" if links else "")


def cite_pages(cites: Iterable[Any]) -> list[tuple[int, int | None]]:
    """(source number, PDF page or None) per cited source, in ascending source order."""
    first: dict[int, int | None] = {}
    for c in sorted(cites or (), key=lambda c: (int(c.number), getattr(c, "page", None) or 0)):
        first.setdefault(int(c.number), getattr(c, "page", None))
    return sorted(first.items())


def cite_numbers(cites: Iterable[Any]) -> list[int]:
    """The distinct source numbers of some citations, in ascending order."""
    return sorted({int(c.number) for c in cites or ()})


def holder_label(value: Any) -> str:
    """Who holds an assessment, for display: the extractor's ``author`` is the source's author."""
    text = str(value or "")
    return "the source's author" if text == "author" else text


def slug(value: Any) -> str:
    """Lower-case ASCII letters, digits and hyphens only (for ids and class names)."""
    text = re.sub(r"[^a-z0-9]+", "-", str(value or "").lower()).strip("-")
    return text or "x"


def install(env: Any) -> None:
    """Register the filters on a Jinja environment."""
    env.filters.update({
        "md": md_escape, "md_code": md_code, "md_url": md_url, "md_block": markdown_block,
        "markdown": markdown_to_html, "http_url": http_url, "date": fmt_date,
        "datetime": fmt_datetime, "date_range": date_range, "listing": listing,
        "grade": grade_label, "holder": holder_label, "md_cites": md_cites, "cite_numbers": cite_numbers,
        "cite_pages": cite_pages, "slug": slug,
    })
