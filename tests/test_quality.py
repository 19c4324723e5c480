"""Quality gate: the summariser's figures on the dev set and our own gold files must not drop.

Floors only go up. Lowering one needs a written reason in docs/quality.md.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.evaluate import evaluate, summary_lines
from conftest import ROOT

DEV = ROOT.parent / "shared" / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
OWN_GOLD = [p for p in (ROOT / "tests" / "data" / "extract", ROOT / "tests" / "data" / "heldout")
            if p.is_dir() and any(p.glob("*.gold.yaml"))]

# (figure, floor) pairs; each is checked as `figure >= floor` (noise: `<=`).
DEV_FLOORS = {
    "claims.r": 0.0, "claims.p_at_k": 0.0, "claims.purity": 0.0,
    "assessments.r": 0.0, "assessments.purity": 0.0,
    "exercises.f1": 0.0, "exercise_participants_f1": 0.0, "exercise_locations_f1": 0.0,
    "exercise_year_acc": 0.0,
    "metadata_acc.title": 0.0, "metadata_acc.published": 0.0, "metadata_acc.outlet": 0.0,
    "metadata_acc.author": 0.0,
}
MAX_NOISE = 0


def _figure(result: dict, dotted: str) -> float:
    value: object = result
    for part in dotted.split("."):
        value = value[part]  # type: ignore[index]
    return float(value or 0.0)


def _check(result: dict, floors: dict[str, float]) -> list[str]:
    low = [f"{k} = {_figure(result, k):.3f} < floor {v:.3f}" for k, v in floors.items()
           if _figure(result, k) + 1e-9 < v]
    if result["noise_items"] > MAX_NOISE:
        low.append(f"noise items {result['noise_items']} > {MAX_NOISE}")
    return low


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside the project")
def test_dev_set_figures_stay_above_their_floors() -> None:
    result = evaluate(DEV)
    problems = _check(result, DEV_FLOORS)
    assert not problems, "\n".join(problems + summary_lines(result))


@pytest.mark.parametrize("gold_dir", OWN_GOLD, ids=[p.name for p in OWN_GOLD])
def test_own_gold_sets_have_no_clutter_and_find_exercises(gold_dir: Path) -> None:
    result = evaluate(gold_dir)
    assert result["noise_items"] == 0, summary_lines(result)
    assert result["missing_sources"] == []


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py is not beside the project")
def test_eval_command_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    pred = subprocess.run([sys.executable, "-m", "briefings", "extract", str(DEV), "--format", "json"],
                          capture_output=True, text=True, check=True, cwd=ROOT).stdout
    (tmp_path / "pred.json").write_text(pred, encoding="utf-8")
    ref = subprocess.run([sys.executable, str(SCORER), str(DEV), str(tmp_path / "pred.json"), "--json"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(ref) == evaluate(DEV)


def test_cli_start_up_imports_nothing_heavy() -> None:
    code = ("import sys, briefings.cli; "
            "print(sorted(m for m in ('weasyprint', 'trafilatura', 'pydantic', 'lxml', 'rich') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
