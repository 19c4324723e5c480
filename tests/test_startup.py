"""`briefings --help` and `briefings validate` load no heavy module (SPEC: --help in <= 0.3 s)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import DEMO_CONFIG

HEAVY = ("weasyprint", "trafilatura", "lxml", "pypdf", "dask", "distributed", "jinja2", "rich",
         "urllib3", "markdown_it", "briefings.extract", "briefings.render", "briefings.sources")

PROBE = """
import json, sys
from briefings.cli import app
sys.argv = ["briefings", *json.loads(sys.argv[1])]
try:
    app()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def loaded_after(*args: str) -> tuple[int, set[str]]:
    """Run the CLI in a fresh interpreter; the exit code and every module it imported."""
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))],
                          capture_output=True, text=True, timeout=60)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


@pytest.mark.parametrize("args", [["--help"], ["validate", str(DEMO_CONFIG)], ["build", "--help"],
                                  ["--version"]], ids=["help", "validate", "build-help", "version"])
def test_quick_commands_import_nothing_heavy(args: list[str]) -> None:
    code, modules = loaded_after(*args)
    assert code in (0, None)
    heavy = sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []


def test_the_probe_sees_heavy_imports_when_they_happen() -> None:
    """The check above can fail: `build --check` does load the summariser and Jinja."""
    code, modules = loaded_after("build", str(DEMO_CONFIG), "--check", "--formats", "md",
                                 "--no-cache", "--now", "2024-04-22")
    assert code == 0
    assert "jinja2" in modules and "briefings.extract.document" in modules
