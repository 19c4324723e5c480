"""Renderers that turn one Briefing into Markdown, HTML and PDF."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..errors import RenderError
from ..model import Briefing
from .env import PACKAGED_TEMPLATES, make_env
from .html import render_html
from .markdown import render_markdown

RENDERERS: dict[str, Callable] = {"md": render_markdown, "html": render_html}
FORMATS = ("md", "html", "pdf")


def render_all(b: Briefing, formats: list[str], template_dirs: list[Path], *,
               allowed_roots: list[Path], now: datetime | None = None,
               base_dir: Path | None = None) -> dict[str, bytes]:
    """Render `b` in each of `formats` ("md", "html", "pdf"); returns {format: bytes}.

    Markdown and HTML are UTF-8 and byte-identical for the same input; the PDF is laid out
    from the HTML, resolving relative URLs against `base_dir` (default: the first template
    folder) and loading files only from `allowed_roots`, the template folders and the packaged
    templates.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise RenderError(f"unknown output format {unknown[0]!r} (use {', '.join(FORMATS)})")
    env = make_env([Path(d) for d in template_dirs])
    out: dict[str, bytes] = {}
    html: str | None = None
    for fmt in formats:
        if fmt == "md":
            out["md"] = render_markdown(b, env).encode("utf-8")
        elif fmt in ("html", "pdf") and html is None:
            html = render_html(b, env)
        if fmt == "html":
            out["html"] = html.encode("utf-8")  # type: ignore[union-attr]
    if "pdf" in formats:
        from .pdf import render_pdf

        roots = [Path(r) for r in allowed_roots] + [Path(d) for d in template_dirs]
        roots.append(PACKAGED_TEMPLATES)
        base = Path(base_dir) if base_dir else (Path(template_dirs[0]) if template_dirs
                                                else PACKAGED_TEMPLATES)
        out["pdf"] = render_pdf(html or "", base_dir=base, allowed_roots=roots, now=now)
    return out
