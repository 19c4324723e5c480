"""Score the summariser against gold annotations: the rules of shared/eval/score.py, built in.

The scoring functions below follow ../shared/eval/score.py (FORMAT.md rules) line for line, so
`briefings eval GOLD_DIR` prints the same figures as
`score.py GOLD_DIR <(briefings extract GOLD_DIR --format json)`.
A test checks that the two agree on the development set.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

WORD = re.compile(r"\w+", re.UNICODE)


def toks(text: str) -> set[str]:
    return {t.casefold() for t in WORD.findall(unicodedata.normalize("NFKC", text or ""))}


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"\b(exercise|drills?|the|joint|naval)\b", " ", s)
    return re.sub(r"[\W_]+", "", s)


def norm_place(p: str) -> str:
    s = unicodedata.normalize("NFKC", p).casefold().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s)


def sentence_match(pred: str, gold: str) -> bool:
    p, g = toks(pred), toks(gold)
    if not p or not g:
        return False
    inter = len(p & g)
    return inter / len(g) >= 0.6 and inter / len(p) >= 0.6


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "pred": n_pred, "gold": n_gold}


def set_f1(pred: set[str], gold: set[str]) -> float:
    if not pred and not gold:
        return 1.0
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def match_sentences(preds: list[str], golds: list[str]) -> int:
    used: set[int] = set()
    tp = 0
    for g in golds:
        for i, p in enumerate(preds):
            if i not in used and sentence_match(p, g):
                used.add(i)
                tp += 1
                break
    return tp


def load_gold(gold_dir: Path) -> dict[str, dict]:
    gold = {}
    for gf in sorted(gold_dir.glob("*.gold.yaml")):
        data = yaml.safe_load(gf.read_text(encoding="utf-8")) or {}
        text_file = data.get("text_file") or gf.name.replace(".gold.yaml", ".txt")
        gold[Path(text_file).name] = data
    return gold


def score(gold: dict[str, dict], pred: dict, verbose: bool = False) -> dict:
    by_id = {}
    for s in pred.get("sources", []):
        by_id[str(s.get("id"))] = s
    def src_name(item_source) -> str | None:
        s = by_id.get(str(item_source))
        return Path(s["path"]).name if s and s.get("path") else None

    per = {name: {"claims": [], "assessments": [], "exercises": []} for name in gold}
    for kind in ("claims", "assessments"):
        for it in pred.get(kind, []):
            name = src_name(it.get("source"))
            if name in per:
                per[name][kind].append(it)
    for ex in pred.get("exercises", []):
        names = {src_name(m.get("source")) for m in ex.get("mentions", [])}
        for name in names:
            if name in per:
                per[name]["exercises"].append(ex)

    sent = {k: {"found": 0, "gold": 0, "topk_hit": 0, "topk_n": 0, "impure": 0, "pred": 0}
            for k in ("claims", "assessments")}
    tot = {"exercises": [0, 0, 0]}
    part_f1, loc_f1, year_ok = [], [], []
    noise_hits = 0
    meta = {"title": [0, 0], "published": [0, 0], "outlet": [0, 0], "author": [0, 0]}
    missing_sources = [n for n in gold if n not in {Path(s.get("path", "")).name for s in pred.get("sources", [])}]
    details = []
    for name, g in gold.items():
        p = per[name]
        noise = [n for n in (g.get("noise") or []) if n.strip()]

        def is_noise(t: str) -> bool:
            tl = t.casefold()
            return any(n.casefold() in tl or (len(tl) > 8 and tl in n.casefold()) for n in noise)

        for kind, other in (("claims", "assessments"), ("assessments", "claims")):
            golds = list(g.get(kind) or [])
            items = p[kind]
            texts = [it.get("text", "") for it in items]
            s = sent[kind]
            s["gold"] += len(golds)
            s["pred"] += len(items)
            s["found"] += match_sentences(texts, golds)
            ranked = sorted(range(len(items)), key=lambda i: -(items[i].get("score") or 0.0))
            top = [texts[i] for i in ranked[:len(golds)]]
            s["topk_hit"] += match_sentences(top, golds)
            s["topk_n"] += len(golds)
            others = list(g.get(other) or [])
            for tx in texts:
                if is_noise(tx) or any(sentence_match(tx, o) for o in others):
                    s["impure"] += 1
                    if verbose:
                        details.append(f"{name}: {kind[:-1]} that is not one: {tx[:100]}")
            if verbose:
                for gs in golds:
                    if not any(sentence_match(x, gs) for x in texts):
                        details.append(f"{name}: missed {kind[:-1]}: {gs[:100]}")
        acts = [a for ex in p["exercises"] for a in (ex.get("activities") or [])]
        for tx in [it.get("text", "") for it in p["claims"] + p["assessments"]] + acts:
            if is_noise(tx):
                noise_hits += 1
                if verbose:
                    details.append(f"{name}: noise in output: {tx[:100]}")
        # exercises
        gex = g.get("exercises") or []
        pex = list(p["exercises"])
        used: set[int] = set()
        tp = 0
        for ge in gex:
            gnames = {norm_name(ge.get("name"))} | {norm_name(a) for a in (ge.get("aliases") or [])}
            gnames.discard("")
            hit = None
            for i, pe in enumerate(pex):
                if i in used:
                    continue
                pn = {norm_name(pe.get("name"))} | {norm_name(a) for a in (pe.get("aliases") or [])}
                pn.discard("")
                if gnames and pn & gnames:
                    hit = i
                    break
                if gnames and pn and any(a in b or b in a for a in gnames for b in pn if min(len(a), len(b)) >= 5):
                    hit = i
                    break
                if not gnames and not pn:
                    gl = {norm_place(x) for x in ge.get("locations") or []}
                    pl = {norm_place(x) for x in pe.get("locations") or []}
                    if (ge.get("year") and ge.get("year") == pe.get("year")) or (gl & pl):
                        hit = i
                        break
            if hit is None:
                if verbose:
                    details.append(f"{name}: missed exercise: {ge.get('name')} {ge.get('year')}")
                continue
            used.add(hit)
            tp += 1
            pe = pex[hit]
            part_f1.append(set_f1({x.casefold() for x in pe.get("participants") or []},
                                  {x.casefold() for x in ge.get("participants") or []}))
            loc_f1.append(set_f1({norm_place(x) for x in pe.get("locations") or []},
                                 {norm_place(x) for x in ge.get("locations") or []}))
            year_ok.append(1.0 if pe.get("year") == ge.get("year") else 0.0)
        if verbose:
            for i, pe in enumerate(pex):
                if i not in used:
                    details.append(f"{name}: spurious exercise: {pe.get('name')} {pe.get('year')}")
        tot["exercises"][0] += tp
        tot["exercises"][1] += len(pex)
        tot["exercises"][2] += len(gex)
        # metadata
        gsrc = g.get("source") or {}
        psrc = next((s for s in pred.get("sources", []) if Path(s.get("path", "")).name == name), {})
        for key in meta:
            if key not in gsrc:
                continue
            meta[key][1] += 1
            gv, pv = gsrc.get(key), psrc.get(key)
            ok = (str(gv) == str(pv)[:10]) if key == "published" and gv and pv else \
                 (norm_place(str(gv)) == norm_place(str(pv)) if gv and pv else gv == pv)
            meta[key][0] += int(ok)
            if verbose and not ok:
                details.append(f"{name}: {key}: got {pv!r}, want {gv!r}")
    avg = lambda xs: round(sum(xs) / len(xs), 3) if xs else None
    def sent_summary(s: dict) -> dict:
        return {"r": round(s["found"] / s["gold"], 3) if s["gold"] else None,
                "p_at_k": round(s["topk_hit"] / s["topk_n"], 3) if s["topk_n"] else None,
                "purity": round(1 - s["impure"] / s["pred"], 3) if s["pred"] else None,
                "pred": s["pred"], "gold": s["gold"]}
    result = {
        "documents": len(gold),
        "missing_sources": missing_sources,
        "claims": sent_summary(sent["claims"]),
        "assessments": sent_summary(sent["assessments"]),
        "exercises": prf(*tot["exercises"]),
        "exercise_participants_f1": avg(part_f1),
        "exercise_locations_f1": avg(loc_f1),
        "exercise_year_acc": avg(year_ok),
        "noise_items": noise_hits,
        "metadata_acc": {k: (round(v[0] / v[1], 3) if v[1] else None) for k, v in meta.items()},
    }
    if verbose:
        result["details"] = details
    return result


def summary_lines(res: dict) -> list[str]:
    """The figures as score.py prints them (without --verbose details)."""
    lines = [f"documents {res['documents']}  missing {len(res['missing_sources'])}"]
    for k in ("claims", "assessments"):
        r = res[k]
        lines.append(f"{k:12s} R {r['r']}  P@k {r['p_at_k']}  purity {r['purity']}  "
                     f"({r['pred']} pred, {r['gold']} gold)")
    r = res["exercises"]
    lines.append(f"exercises    P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  "
                 f"({r['tp']}/{r['pred']} pred, {r['gold']} gold)")
    lines.append(f"exercise fields: participants F1 {res['exercise_participants_f1']}  "
                 f"locations F1 {res['exercise_locations_f1']}  year acc {res['exercise_year_acc']}")
    lines.append(f"noise items in output: {res['noise_items']}")
    lines.append("metadata accuracy: " + "  ".join(f"{k} {v}" for k, v in res["metadata_acc"].items()))
    return lines


def gold_text_files(gold_dir: Path) -> list[Path]:
    """The article files the gold annotations in `gold_dir` describe, in name order."""
    files = []
    for gf in sorted(gold_dir.glob("*.gold.yaml")):
        data = yaml.safe_load(gf.read_text(encoding="utf-8")) or {}
        files.append((gf.parent / (data.get("text_file") or gf.name.replace(".gold.yaml", ".txt"))))
    return files


def evaluate(gold_dir: Path, verbose: bool = False) -> dict:
    """Extract the gold directory's articles and score them; the score.py result dict."""
    from briefings.errors import BriefingError
    from briefings.pipeline import extract_all
    from briefings.sources.read import read_patterns

    if not gold_dir.is_dir():
        raise BriefingError("gold directory not found", path=str(gold_dir))
    files = gold_text_files(gold_dir)
    if not files:
        raise BriefingError("no *.gold.yaml files in the directory", path=str(gold_dir))
    docs = read_patterns([str(f.resolve()) for f in files], gold_dir).documents
    pred = extract_all(docs).to_json()
    return score(load_gold(gold_dir), pred, verbose)
