"""HTML output: briefing.html.j2 with the (overridable) briefing.css inlined."""
from __future__ import annotations

import re

import jinja2
from markupsafe import Markup

from ..errors import RenderError
from ..model import Briefing
from .context import build_context
from .env import load_source, render_template

TEMPLATE = "briefing.html.j2"
STYLESHEET = "briefing.css"
_PAGE_SIZE = re.compile(
    r"^(?:a[3-6]|b[4-5]|jis-b[4-5]|letter|legal|ledger)(?: (?:portrait|landscape))?$",
    re.IGNORECASE)


def page_size_css(value: str) -> str:
    """A validated CSS ``@page size`` value (A3–A6, B4/B5, Letter, Legal, Ledger, orientation)."""
    text = " ".join(str(value or "A4").split())
    if not _PAGE_SIZE.match(text):
        raise RenderError(f"unsupported page size {value!r} (use A4, Letter, Legal, A3, A5, ...)")
    return text


def inline_css(css: str) -> Markup:
    """CSS made safe to place inside a <style> element (it can never close the element)."""
    return Markup(css.replace("</", "<\\/").replace("<!--", "<\\!--"))  # noqa: S704


def render_html(b: Briefing, env: jinja2.Environment) -> str:
    """Render the briefing as one self-contained HTML document through ``briefing.html.j2``."""
    css = load_source(env, STYLESHEET)
    context = build_context(b, css=inline_css(css), page_size=page_size_css(b.page_size))
    text = render_template(env, TEMPLATE, context)
    return text if text.endswith("\n") else text + "\n"
