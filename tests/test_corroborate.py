"""Many sources, one picture: copies, corroborated claims, merged exercises, conflicts, ranking."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefings.cli import app
from briefings.corroborate import confidence, content_words, credibility, same_statement
from briefings.model import SourceDocument
from briefings.origins import assign_origins
from briefings.pipeline import extract_all
from briefings.sources.read import read_patterns
from conftest import write_config

FUSION = Path(__file__).parent / "data" / "fusion"
runner = CliRunner()


def _extract(*folders: str):
    docs = read_patterns([str(FUSION / f) for f in folders], FUSION).documents
    return extract_all(docs)


def test_copies_share_one_origin_and_the_independent_report_has_its_own() -> None:
    ex = _extract("wire")
    origin = {Path(s.path).name: s.origin for s in ex.sources}
    assert origin["a_aegean_wire.txt"] == origin["b_harbour_times.txt"] == origin["c_daily_mariner.txt"]
    assert origin["d_independent.txt"] != origin["a_aegean_wire.txt"]


def test_the_same_claim_from_four_outlets_is_one_claim_with_two_origins() -> None:
    ex = _extract("wire")
    lead = [c for c in ex.claims if "five-day naval exercise named Medusa-2025" in c.text]
    assert len(lead) == 1
    claim = lead[0]
    assert {s.source for s in claim.corroborated_by} | {claim.source} == {s.id for s in ex.sources}
    assert claim.origins == 2 and claim.credibility == 2
    texts = {s.id: s.text for s in ex.sources}
    for span in claim.corroborated_by:  # every corroborating span is a real stretch of its source
        assert "Medusa-2025" in texts[span.source][span.start:span.end]
    copied_only = [c for c in ex.claims if "boarding a suspect merchant vessel" in c.text]
    assert len(copied_only) == 1 and copied_only[0].origins == 1
    assert len(copied_only[0].corroborated_by) == 2 and copied_only[0].credibility == 6


def test_briefing_says_how_many_outlets_and_origins(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, f"id: medusa\ntitle: Eastern Mediterranean\n"
                                 f"sources: [{{path: {FUSION / 'wire'}}}]\n"
                                 "outlets: {Aegean Wire: {reliability: B}, Levant Defence Review: {reliability: C}}\n"
                                 "sections: [{kind: bluf, limit: 2}, {kind: claims}, {kind: sources}]\n")
    result = runner.invoke(app, ["build", str(cfg), "--out", str(tmp_path / "out"),
                                 "--now", "2025-06-06", "--formats", "md"])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "out" / "medusa" / "2025-06-06" / "briefing.md").read_text("utf-8")
    assert "reported by 4 outlets, 2 independent origins" in md
    assert "reported by 3 outlets, 1 independent origin" in md
    data = json.loads((tmp_path / "out" / "medusa" / "2025-06-06" / "briefing.json").read_text("utf-8"))
    bluf = data["sections"][0]["entries"]
    assert bluf[0]["origins"] == 2 and bluf[0]["confidence"] == "high"  # B-graded wire + C review


def test_one_exercise_named_two_ways_is_one_record_with_every_mention() -> None:
    ex = _extract("twonames")
    records = [x for x in ex.exercises if x.name in ("Tsentr-2019", "Center-2019")]
    assert len(records) == 1
    x = records[0]
    assert {x.name, *x.aliases} >= {"Tsentr-2019", "Center-2019"}
    assert {m.source for m in x.mentions} == {s.id for s in ex.sources}


def test_sources_that_disagree_are_kept_side_by_side() -> None:
    ex = _extract("disagree")
    records = [x for x in ex.exercises if x.name and "Baltic Guardian" in x.name]
    assert len(records) == 1, [x.name for x in ex.exercises]
    conflicts = {c.field: c for c in records[0].conflicts}
    assert {"year", "participants"} <= set(conflicts)
    years = {v: set(s) for v, s in conflicts["year"].values}
    assert set(years) == {2023, 2024}
    assert all(len(s) == 1 for s in years.values())


def test_word_overlap_rules() -> None:
    a = content_words("Greek and Egyptian warships began a five-day exercise on Monday.")
    b = content_words("On Monday, Greek and Egyptian warships began a five-day exercise, officials said.")
    c = content_words("Egyptian officers said the navy doubled its contribution.")
    assert same_statement(a, b) and not same_statement(a, c)


def test_credibility_and_confidence_rules() -> None:
    assert [credibility(n) for n in (1, 2, 3, 5)] == [6, 2, 1, 1]
    assert confidence(1, "A") == "moderate"   # one origin never gives high confidence
    assert confidence(3, "B") == "high"
    assert confidence(3, "C") == "moderate"   # never above what the best source supports
    assert confidence(2, "F") == "low"


def test_copy_detection_ignores_clutter_but_not_different_stories() -> None:
    story = " ".join(f"Sentence {i} about the drill near the island and its ships." for i in range(40))
    docs = [SourceDocument(id="s1", path="a", text="Site A\n" + story, published="2025-01-02"),
            SourceDocument(id="s2", path="b", text="Menu | News\n" + story + "\nShare this", published="2025-01-01"),
            SourceDocument(id="s3", path="c", text=story.replace("drill", "summit").replace("ships", "leaders"))]
    out = assign_origins(docs)
    assert out[0].origin == out[1].origin == "s2"  # the earlier-published copy is the origin
    assert out[2].origin == "s3"
