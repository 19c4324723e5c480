"""Shared fixtures: the project root, the seeds, and a throwaway project folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEMO_CONFIG = ROOT / "config" / "china-russia.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the demo project (config + seeds) in a temp folder."""
    (tmp_path / "config").mkdir()
    shutil.copy(DEMO_CONFIG, tmp_path / "config" / "china-russia.yaml")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def write_config(folder: Path, body: str, name: str = "briefing.yaml") -> Path:
    """Write a config file and return its path."""
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def canary():
    """A second web server on another port of 127.0.0.1 that nothing may ever reach."""
    from web_server import WebServer

    with WebServer() as server:
        server.add("/secret", "canary")
        yield server
