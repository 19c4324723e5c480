"""B9: a source rewritten while a build runs. The edition uses the bytes it read, the manifest's
sha256 is of those bytes, and builds of unchanged inputs are byte-identical."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import briefings.pipeline as pipeline
from briefings.config import load_config

NOW = "2024-04-22"
FORMATS = ["md", "html"]
MARKER = "Zanzibar-Quokka rewritten mid-run"


def _build(project: Path, out: Path) -> Path:
    """One build of the demo project; the edition folder."""
    report = pipeline.build(load_config(project / "config" / "china-russia.yaml"), out_dir=out,
                            now=NOW, formats=FORMATS)
    return report.folder


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / f"briefing.{name}").read_bytes() for name in FORMATS}


def test_a_source_rewritten_mid_run_is_used_as_read_and_hashed_as_read(project: Path,
                                                                         monkeypatch) -> None:
    seeds = sorted((project / "seeds").glob("*.txt"))
    originals = {p.name: p.read_bytes() for p in seeds}
    reference = _outputs(_build(project, project / "out-reference"))

    real = pipeline.extract_one
    rewritten: list[str] = []

    def rewrite_then_extract(doc):
        if not rewritten:  # after every file was read, before the first extraction
            for p in seeds:
                p.write_text(f"{MARKER}.\n\nChina and Russia held {MARKER} drills in 2031.\n",
                             encoding="utf-8")
                rewritten.append(p.name)
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_one", rewrite_then_extract)
    folder = _build(project, project / "out")
    assert rewritten, "the rewrite hook never ran"

    outputs = _outputs(folder)
    assert outputs == reference  # the bytes read, not the rewritten files
    assert all(MARKER.encode() not in data for data in outputs.values())
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    hashes = {Path(s["path"]).name: s["sha256"] for s in manifest["sources"]}
    assert hashes == {name: hashlib.sha256(data).hexdigest() for name, data in originals.items()}
    assert all(hashes[p.name] != hashlib.sha256(p.read_bytes()).hexdigest() for p in seeds)


def test_builds_of_unchanged_inputs_are_byte_identical(project: Path) -> None:
    first = _outputs(_build(project, project / "out-1"))
    second = _outputs(_build(project, project / "out-2"))
    assert first == second
