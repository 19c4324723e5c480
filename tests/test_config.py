"""Config loading: golden error messages, safe YAML, every error at once."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefings.cli import app
from briefings.config import describe_schema, load_config
from briefings.errors import ConfigError
from conftest import DEMO_CONFIG, write_config

DATA = Path(__file__).parent / "data" / "config"
runner = CliRunner()


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA.glob("*.yaml")))
def test_golden_error_messages(name: str) -> None:
    path = DATA / f"{name}.yaml"
    shown = str(path)
    result = runner.invoke(app, ["validate", shown])
    expected = (DATA / f"{name}.expected").read_text(encoding="utf-8").replace("{path}", shown)
    assert result.exit_code == 1
    assert result.stderr == expected
    assert "Traceback" not in result.output


def test_demo_config_is_valid() -> None:
    loaded = load_config(DEMO_CONFIG)
    cfg = loaded.config
    assert cfg.id == "china-russia-naval"
    assert [s.kind for s in cfg.sections] == ["bluf", "exercises", "claims", "assessments", "sources"]
    assert cfg.outlets["Navy Recognition"].reliability == "B"
    result = runner.invoke(app, ["validate", str(DEMO_CONFIG)])
    assert result.exit_code == 0, result.output
    assert "ok" in result.stdout


def _error(tmp_path: Path, body: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(write_config(tmp_path, body))
    return info.value


BASE = "id: t\ntitle: T\nsources: [{path: a}]\nsections: [{kind: sources}]\n"


def test_object_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    canary = tmp_path / "pwned"
    err = _error(tmp_path, BASE + f'subtitle: !!python/object/apply:os.system ["touch {canary}"]\n')
    assert "tag" in err.render() and ":5:" in err.render()
    assert not canary.exists()


def test_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    err = _error(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert "aliases are not allowed" in err.render()


def test_deep_nesting_and_huge_files_are_refused(tmp_path: Path) -> None:
    assert "nested too deeply" in _error(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n").render() \
        or "invalid YAML" in _error(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n").render()
    err = _error(tmp_path, "a: " + "[" * 20000 + "\n")
    assert "briefing.yaml" in err.render()
    huge = tmp_path / "huge.yaml"
    huge.write_text("# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="too large"):
        load_config(huge)


def test_yaml_coercions_are_caught_with_a_hint(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE + "marking: NO\nauthor: 12:30\n")
    text = err.render()
    assert 'quote it: "NO"' in text and 'quote it: "12:30"' in text
    assert ":5:" in text and ":6:" in text


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    err = _error(tmp_path, "id: Not A Slug\ntitle: ''\nsources: []\nsections:\n  - {kind: nope}\n"
                           "timezone: Mars/Olympus\nformats: [md, md]\n")
    keys = [p.key for p in err.problems]
    assert keys == ["id", "title", "sources", "sections[0].kind", "timezone", "formats"]
    assert all(p.line for p in err.problems)


def test_section_kind_rules(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE.replace("[{kind: sources}]", "[{kind: claims, show: [table]}, "
                                       "{kind: text}, {kind: sources, limit: 2}]"))
    messages = " | ".join(p.message for p in err.problems)
    assert "'show' applies only" in messages
    assert "need 'text'" in messages
    assert "'limit' does not apply" in messages


def test_missing_and_non_mapping_configs(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "absent.yaml")
    with pytest.raises(ConfigError, match="mapping"):
        load_config(write_config(tmp_path, "- just\n- a list\n"))


def test_every_key_has_a_description() -> None:
    rows = describe_schema()
    assert len(rows) > 20
    missing = [key for key, _type, text in rows if not text]
    assert missing == []


def test_docs_cover_every_key() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "config.md").read_text(encoding="utf-8")
    for key, _type, _text in describe_schema():
        assert f"`{key}`" in docs, key
