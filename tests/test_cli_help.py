"""`--help` of every command against a snapshot, so a Typer upgrade that changes the CLI shows.

Threat H2 (docs/security.md): Typer/Click drift has broken `--help` before. A changed option or
help text is a deliberate edit: refresh the snapshots with BRIEFINGS_UPDATE_HELP=1 and review
the diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from conftest import ROOT

SNAPSHOTS = ROOT / "tests" / "data" / "help"
COMMANDS = ["", "build", "extract", "validate", "sources", "send", "run-due", "init", "eval"]


def _help(command: str) -> str:
    runner = CliRunner(env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"})
    result = runner.invoke(app, [*command.split(), "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS, ids=[c or "briefings" for c in COMMANDS])
def test_help_matches_its_snapshot(command: str) -> None:
    path = SNAPSHOTS / f"{command or 'briefings'}.txt"
    text = _help(command)
    if os.environ.get("BRIEFINGS_UPDATE_HELP") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}: run with BRIEFINGS_UPDATE_HELP=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"`briefings {command} --help` changed; if intended, refresh with "
        "BRIEFINGS_UPDATE_HELP=1 and review the diff")


def test_every_command_has_a_snapshot() -> None:
    listed = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert listed == set(COMMANDS) - {""}
