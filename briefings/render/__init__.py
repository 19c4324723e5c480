"""Renderers that turn one Briefing into Markdown, HTML and PDF."""
from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..errors import RenderError
from ..model import Briefing
from .env import PACKAGED_TEMPLATES, make_env
from .html import TEMPLATE as HTML_TEMPLATE
from .html import render_html
from .markdown import TEMPLATE as MD_TEMPLATE
from .markdown import render_markdown
from .worker import RenderLimits, run_limited

RENDERERS: dict[str, Callable] = {"md": render_markdown, "html": render_html}
FORMATS = ("md", "html", "pdf")
_STAGES = {
    None: "preparing the templates",
    "md": f"rendering template {MD_TEMPLATE} (md output)",
    "html": f"rendering template {HTML_TEMPLATE} (html output)",
    "pdf": f"laying out the PDF from {HTML_TEMPLATE} (pdf output, WeasyPrint)",
}


def render_all(b: Briefing, formats: list[str], template_dirs: list[Path], *,
               allowed_roots: list[Path], now: datetime | None = None,
               base_dir: Path | None = None,
               limits: RenderLimits | None = None) -> dict[str, bytes]:
    """Render `b` in each of `formats` ("md", "html", "pdf"); returns {format: bytes}.

    Markdown and HTML are UTF-8 and byte-identical for the same input; the PDF is laid out
    from the HTML, resolving relative URLs against `base_dir` (default: the first template
    folder) and loading files only from `allowed_roots`, the template folders and the packaged
    templates.

    Templates and layout run in a child process under `limits` (default: RenderLimits.from_env(),
    i.e. 120 s, 2 GiB, 200 MB per output unless BRIEFINGS_RENDER_* say otherwise); a limit
    exceeded raises RenderError naming the limit and the template or format.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise RenderError(f"unknown output format {unknown[0]!r} (use {', '.join(FORMATS)})")
    limits = limits or RenderLimits.from_env()
    job = functools.partial(_render, b, list(formats), [Path(d) for d in template_dirs],
                            [Path(r) for r in allowed_roots], now,
                            Path(base_dir) if base_dir else None)
    out = run_limited(job, limits, describe=lambda stage: _STAGES.get(stage, str(stage)))
    return {fmt: out[fmt] for fmt in formats if fmt in out}


def _render(b: Briefing, formats: list[str], template_dirs: list[Path], allowed_roots: list[Path],
            now: datetime | None, base_dir: Path | None,
            enter: Callable[[str], None]) -> dict[str, bytes]:
    """The render itself (run in the limited child): calls `enter(stage)` as each stage starts."""
    env = make_env(template_dirs)
    out: dict[str, bytes] = {}
    html: str | None = None
    for fmt in formats:
        if fmt == "md":
            enter("md")
            out["md"] = render_markdown(b, env).encode("utf-8")
        elif fmt in ("html", "pdf") and html is None:
            enter("html")
            html = render_html(b, env)
        if fmt == "html":
            out["html"] = html.encode("utf-8")  # type: ignore[union-attr]
    if "pdf" in formats:
        from .pdf import render_pdf

        enter("pdf")
        roots = list(allowed_roots) + list(template_dirs)
        roots.append(PACKAGED_TEMPLATES)
        base = base_dir or (template_dirs[0] if template_dirs else PACKAGED_TEMPLATES)
        out["pdf"] = render_pdf(html or "", base_dir=base, allowed_roots=roots, now=now)
    return out
