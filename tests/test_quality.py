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
OURS = ROOT / "tests" / "data"

# Floors per gold set: each figure must stay >= its floor; noise items must stay 0 (blind3: at
# most its measured count).
# dev: ../shared/eval/dev; extract: our own cases the dev set lacks; heldout and blind: articles
# in other styles written by people who did not see the extractor (see docs/quality.md).
FIGURES = ("claims.r", "claims.p_at_k", "claims.purity", "assessments.r", "assessments.purity",
           "exercises.f1", "exercise_participants_f1", "exercise_locations_f1", "exercise_year_acc",
           "metadata_acc.title", "metadata_acc.published", "metadata_acc.outlet",
           "metadata_acc.author")
FLOORS = {
    "dev": (1.0, 0.84, 0.97, 0.95, 1.0, 1.0, 0.97, 0.87, 1.0, 1.0, 1.0, 1.0, 1.0),
    "extract": (1.0, 0.92, 1.0, 1.0, 1.0, 1.0, 1.0, 0.96, 1.0, 1.0, 1.0, 1.0, 1.0),
    "heldout": (1.0, 0.82, 0.98, 0.96, 1.0, 1.0, 0.96, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0),
    "blind": (1.0, 0.9, 0.99, 0.98, 1.0, 0.94, 1.0, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0),
    # blind3 and train4 were scored once unseen (docs/quality.md gives those first looks), then
    # used to find general weaknesses: they are training sets now, and their floors what we reach.
    "blind3": (0.98, 0.85, 0.98, 0.96, 0.98, 1.0, 0.95, 0.82, 1.0, 1.0, 1.0, 1.0, 1.0),
    "train4": (0.97, 0.79, 0.98, 0.9, 0.98, 0.94, 0.95, 0.66, 1.0, 1.0, 1.0, 1.0, 1.0),
    # train5: parliamentary answers, forum, translated pages, wires, interview, gallery (docs/quality.md, first look there)
    "train5": (1.0, 0.88, 0.97, 0.95, 1.0, 1.0, 0.94, 0.58, 1.0, 1.0, 1.0, 1.0, 1.0),
    # train6 (written as blind6): other regions (Indonesia, Gulf, Mediterranean, Norway, Brazil) and page styles
    "train6": (1.0, 0.74, 0.99, 0.94, 1.0, 0.97, 0.93, 0.88, 1.0, 1.0, 1.0, 1.0, 1.0),
    # train7: Korea, Malabar, Baltic, Thailand, Arctic, Taiwan live blog, Black Sea, Africa, Pakistan, Cambodia, Caribbean
    "train7": (1.0, 0.82, 0.99, 1.0, 1.0, 0.95, 0.88, 0.79, 0.95, 1.0, 1.0, 1.0, 1.0),
    # train8 (written as blind8): Baltic, Indian Ocean, Gulf, Pacific islands, Africa, South America, Arctic, Black Sea,
    # Korea live blog, South China Sea, Mediterranean, Thailand
    "train8": (1.0, 0.86, 0.99, 0.98, 0.98, 0.98, 0.91, 0.84, 1.0, 1.0, 1.0, 1.0, 0.91),
    # train9 (written as blind9): Central Asia, Japan, Taiwan, Nordic, Gulf, Africa, Latin America, Australia, Caucasus,
    # Eastern Mediterranean, Philippines; wire, press release, think tank, tabloid, state media, newsletter, Q&A, blog
    "train9": (1.0, 0.78, 0.99, 0.97, 1.0, 0.95, 0.89, 0.86, 0.97, 1.0, 1.0, 1.0, 1.0),
    # train10 (written as blind10): South Asia, Southeast Asia, Romania, Gulf, Canada, Baltic, North Africa, Fiji, Russia, SADC,
    # Central Asia, Western Europe; transcript, thread, FAQ explainer, radio script, numbered findings, trade newsletter
    "train10": (1.0, 0.76, 0.98, 0.9, 1.0, 0.89, 0.87, 0.65, 0.97, 1.0, 1.0, 1.0, 0.75),
    # train11 (written as blind11): Caribbean, Gulf of Guinea, Lake Victoria, Red Sea, Maldives, Indonesia, Arctic, Black Sea,
    # Brazil, Karachi, Gulf of Oman, Armenia; wire, regional paper, commentary, press release, newsletter, digest, Q&A, live blog
    # (claims P@k 0.85 -> 0.83: an interview's intro paragraph that closes with an editing note is body text now, no
    # longer dropped whole as furniture; its first sentence, a true but not a key fact, ranks among the top claims)
    "train11": (0.98, 0.88, 0.99, 0.97, 0.98, 0.92, 0.89, 0.83, 0.93, 1.0, 1.0, 1.0, 1.0),
    # train12 (written as blind12): Central Asia wire, Mediterranean press release, Aland regional paper, Tonga blog, Korea-Japan
    # digest, South Atlantic feature, Mozambique Channel brief, Q&A, South Africa live blog, Maghreb think tank, PNG paper, newsletter
    "train12": (0.98, 0.8, 0.99, 0.95, 0.98, 0.87, 0.83, 0.82, 1.0, 1.0, 1.0, 1.0, 1.0),
    # train13 (written as blind13): Senegal, Andes (translated), Adriatic, Djibouti, Mekong, Salish Sea live blog, Antarctica,
    # Gulf coast guards Q&A, Gotland (translated), China-Russia think tank, Mongolia opinion column, Gulf of Guinea brief
    "train13": (1.0, 0.84, 1.0, 1.0, 1.0, 0.78, 0.79, 0.67, 1.0, 1.0, 1.0, 1.0, 1.0),
    # train14 (written as blind14, scored once on the session's final code, then trained on): Mauritania wire, Gulf of Fonseca
    # paper, Himalaya column, Fiji release, Bothnia live blog, Caspian digest, Mekong newsletter, Red Sea feature, Balkans brief,
    # podcast transcript, Amazon blog, Maghreb think tank
    "train14": (0.94, 0.8, 0.99, 1.0, 0.98, 0.67, 0.92, 0.75, 0.94, 1.0, 1.0, 1.0, 1.0),
    # blind15 (written after the third session's last round, scored once on its final code, no work on it yet): Ghana wire,
    # Andean ministry release, Baltic live blog, Gulf Q&A, South Asian column, Fijian paper, Arctic feature, translated
    # China-Russia digest, Central European think tank, East African newsletter, Southeast Asian brief, Caribbean paper
    "blind15": (0.94, 0.77, 0.95, 0.9, 0.91, 0.76, 0.69, 0.64, 0.91, 0.91, 1.0, 0.83, 0.91),
}
MAX_NOISE = {"blind3": 1, "train5": 1, "train7": 1, "train8": 1, "train11": 1, "train12": 1, "train14": 1, "blind15": 2}  # blind3: one gold noise line is also a sentence of the article's body;
# train5: one photo caption of a gallery is gold noise while other captions carry gold claims
# train7: the gold noise line "LIVE" (a live blog's label) is also a substring of a body sentence ("Live-fire drills ...")
# train8: the gold noise line "PACIFIC QUARTERLY" (a masthead) is also a substring of a body sentence ("..., told Pacific Quarterly.")
# train12: the gold noise line "Photo: Sailors on the Chinese destroyer Tangshan ..." holds the asset "destroyer Tangshan",
# which a body sentence names too
# train14: the six real clutter lines that leaked at its first look are fixed; the gold noise line "REPUBLIC OF FIJI"
# (a masthead) is also a substring of a body sentence ("hosted by the Republic of Fiji Military Forces")
# blind15: two real clutter lines of a digest ("Next digest: Friday.", "To subscribe, reply with SUBSCRIBE.") leak: lower as fixed
# train11: the gold noise item "Gulf of Oman" (a topic tag) is also a substring of a body sentence ("... and the Gulf of Oman, which ...")
GOLD_DIRS = {"dev": DEV, **{name: OURS / name for name in ("extract", "heldout", "blind", "blind3", "train4", "train5", "train6", "train7", "train8", "train9", "train10", "train11", "train12", "train13", "train14", "blind15")}}


def _figure(result: dict, dotted: str) -> float:
    value: object = result
    for part in dotted.split("."):
        value = value[part]  # type: ignore[index]
    return float(value or 0.0)


def _check(result: dict, floors: dict[str, float], max_noise: int = 0) -> list[str]:
    low = [f"{k} = {_figure(result, k):.3f} < floor {v:.3f}" for k, v in floors.items()
           if _figure(result, k) + 1e-9 < v]
    if result["noise_items"] > max_noise:
        low.append(f"noise items {result['noise_items']} > {max_noise}")
    return low


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figures_stay_above_their_floors(name: str) -> None:
    gold_dir = GOLD_DIRS[name]
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} is not here")
    result = evaluate(gold_dir)
    assert result["missing_sources"] == []
    problems = _check(result, dict(zip(FIGURES, FLOORS[name])), MAX_NOISE.get(name, 0))
    assert not problems, "\n".join(problems + summary_lines(result))


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
