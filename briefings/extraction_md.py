"""Extraction -> a plain Markdown listing for `briefings extract --format md` (no templates)."""
from __future__ import annotations

from briefings.model import Extraction


def _esc(text: str) -> str:
    """Escape Markdown punctuation so source text stays text."""
    out = []
    for ch in text.replace("\r", " ").replace("\n", " "):
        out.append("\\" + ch if ch in "\\`*_[]<>#|!" else ch)
    return "".join(out)


def extraction_markdown(ex: Extraction) -> str:
    """Sources, claims, assessments and exercises as Markdown, with offsets."""
    lines = ["# Extraction", "", "## Sources", ""]
    for s in ex.sources:
        lines.append(f"- **{s.id}** {_esc(s.title or s.path)} — {_esc(s.outlet or 'outlet unknown')}, "
                     f"{s.published or 'undated'}; `{s.path}`")
    lines += ["", "## Claims", ""]
    for c in ex.claims:
        lines.append(f"- {_esc(c.text)} ({c.source} {c.start}-{c.end}, score {c.score:.2f})")
    lines += ["", "## Assessments", ""]
    for a in ex.assessments:
        extra = ", ".join(x for x in (a.holder, a.likelihood, a.confidence) if x)
        lines.append(f"- {_esc(a.text)} ({a.source} {a.start}-{a.end}; {_esc(extra)})")
    lines += ["", "## Exercises", ""]
    for x in ex.exercises:
        where = ", ".join(x.locations) or "place unknown"
        who = ", ".join(x.participants) or "participants unknown"
        lines.append(f"- **{_esc(x.name or 'unnamed')}** ({x.year or 'year unknown'}, {x.status}): "
                     f"{_esc(where)}; {_esc(who)}")
    return "\n".join(lines) + "\n"
