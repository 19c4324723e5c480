"""briefings: turn a folder of articles into a cited briefing in Markdown, HTML and PDF."""
from __future__ import annotations

__version__ = "0.1.0"
