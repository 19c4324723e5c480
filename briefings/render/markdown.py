"""Markdown output: the briefing.md.j2 template rendered to CommonMark + GFM tables."""
from __future__ import annotations

import re

import jinja2

from ..model import Briefing
from .context import build_context
from .env import render_template

TEMPLATE = "briefing.md.j2"
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def tidy_markdown(text: str) -> str:
    """Collapse runs of blank lines to one and end with exactly one newline."""
    text = _BLANK_RUNS.sub("\n\n", text.replace("\r\n", "\n"))
    return text.strip("\n") + "\n"


def render_markdown(b: Briefing, env: jinja2.Environment) -> str:
    """Render the briefing as Markdown through template ``briefing.md.j2``."""
    return tidy_markdown(render_template(env, TEMPLATE, build_context(b)))
