"""`briefings init`: write a working config, an articles folder and template overrides."""
from __future__ import annotations

from pathlib import Path

from briefings.errors import BriefingError

CONFIG = """\
# A briefing config: every key is documented in docs/config.md of the briefings project.
# Check it with `briefings validate config/briefing.yaml`, build with
# `briefings build config/briefing.yaml` once articles/ holds .txt, .md or .html files.
id: my-briefing
title: My Briefing
subtitle: Open-source briefing
marking: UNCLASSIFIED // OPEN SOURCE
author: My Desk
timezone: UTC
sources:
  - path: ../articles
outlets: {}          # e.g. {Navy Recognition: {reliability: B}}; ungraded outlets are F
sections:
  - {kind: bluf, title: Bottom line up front, limit: 3}
  - {kind: exercises, title: Exercises and patrols, show: [table, timeline]}
  - {kind: claims, title: Key developments, limit: 8}
  - {kind: assessments, title: What analysts assess, limit: 6}
  - {kind: sources, title: Sources}
formats: [md, html, pdf]
templates: ../templates
"""

HTML_OVERRIDE = """\
{#- Project override of the default HTML template. It extends the packaged default and replaces
    one block; delete this file to go back to the default. Blocks you can override include
    title_block, marking, bluf, claims, exercises, assessments, sources, text, notes, footer.
    Variables: see docs/templates.md of the briefings project. -#}
{% extends "default/briefing.html.j2" %}
{% block footer %}
{{ super() }}
<p>Prepared for internal distribution.</p>
{% endblock %}
"""

README = """\
Template overrides for this project. A file here with the same name as a packaged template
(briefing.html.j2, briefing.md.j2, briefing.css, _claims.html.j2, ...) replaces it; a template
can also `{% extends "default/NAME" %}` and override single blocks, as briefing.html.j2 does.
"""


def scaffold(folder: Path, force: bool = False) -> list[Path]:
    """Create the project files under `folder`; refuse to overwrite unless `force`."""
    files = {
        folder / "config" / "briefing.yaml": CONFIG,
        folder / "templates" / "briefing.html.j2": HTML_OVERRIDE,
        folder / "templates" / "README.md": README,
    }
    existing = [p for p in files if p.exists()]
    if existing and not force:
        raise BriefingError("already exists (use --force to overwrite)", path=str(existing[0]))
    try:
        (folder / "articles").mkdir(parents=True, exist_ok=True)
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BriefingError(f"cannot write: {exc.strerror or exc}",
                            path=str(getattr(exc, "filename", folder))) from None
    return [folder / "articles", *files]
