"""briefing.json against the JSON Schema shipped in the package (briefings/schema/)."""
from __future__ import annotations

import dataclasses
import json
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from briefings import model
from briefings.cli import app
from conftest import DEMO_CONFIG

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

SCHEMA = json.loads(files("briefings").joinpath("schema/briefing.schema.json").read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
MODEL_TYPES = {"Briefing": model.Briefing, "Section": model.Section, "Entry": model.Entry,
               "Cite": model.Cite, "ExerciseRow": model.ExerciseRow,
               "Exercise": model.Exercise, "Span": model.Span, "Conflict": model.Conflict,
               "SourceEntry": model.SourceEntry, "UnavailableSource": model.UnavailableSource}


def errors(doc: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATOR.iter_errors(doc)]


def roundtrip(b: model.Briefing) -> dict:
    """What briefing.json holds: the model through JSON and back."""
    return json.loads(json.dumps(b.to_json(), ensure_ascii=False))


def test_schema_is_a_valid_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("name", sorted(MODEL_TYPES))
def test_schema_names_every_model_field_and_no_other(name: str) -> None:
    spec = SCHEMA if name == "Briefing" else SCHEMA["$defs"][name]
    fields = {f.name for f in dataclasses.fields(MODEL_TYPES[name])}
    assert set(spec["properties"]) == fields, f"update briefing.schema.json for {name}"
    assert set(spec["required"]) == fields and spec["additionalProperties"] is False


def test_real_build_briefing_json_validates(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(DEMO_CONFIG), "--out", str(tmp_path),
                                      "--formats", "md", "--now", "2024-04-22T06:00:00"])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "china-russia-naval" / "2024-04-22" / "briefing.json")
                     .read_text("utf-8"))
    assert errors(doc) == []
    kinds = {s["kind"] for s in doc["sections"]}
    assert {"bluf", "exercises", "claims", "assessments", "sources"} <= kinds
    assert any(s["exercises"] for s in doc["sections"])


def test_sample_with_every_field_and_with_nothing_optional_validates() -> None:
    assert errors(roundtrip(sample_briefing(warnings=("one source skipped",),
                                            period_start="2024-04-01",
                                            period_end="2024-04-22"))) == []
    bare = model.Briefing(id="x", title="T", date="2024-01-01", generated="2024-01-01T00:00:00")
    assert errors(roundtrip(bare)) == []


@pytest.mark.parametrize("path, value", [
    (("sections", 0, "entries", 0, "cites", 0, "number"), 0),
    (("sections", 0, "kind"), "poem"),
    (("sources", 0, "reliability"), "Z"),
    (("date",), "22 April 2024"),
    (("sections", 2, "exercises", 0, "exercise", "locations"), "Sea of Japan"),
])
def test_schema_rejects_wrong_values(path: tuple, value: object) -> None:
    doc = roundtrip(sample_briefing())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert errors(doc), path


def test_schema_rejects_unknown_and_missing_keys() -> None:
    doc = roundtrip(sample_briefing())
    doc["sections"][0]["entries"][0]["colour"] = "red"
    del doc["sources"][0]["sha256"]
    found = errors(doc)
    assert len(found) == 2 and any("colour" in e for e in found)
