"""Throughput and memory per pipeline stage for generated corpora of several sizes, against sumy's
TextRank and LexRank on the same documents, and `briefings build` end to end.

Usage:
  python benchmarks/stages.py [SIZES...] [--dir /tmp/briefings-bench] [--seed 1] [--runs 3]
         [--sumy-max 1000] [--pdf-max 1000] [--build-sizes 10000] [--build-runs 3] [--json FILE]

Defaults: sizes 100 1000 10000. For each size, benchmarks/corpus.py writes the corpus under --dir
(reused if already there with the same seed), then a fresh Python process runs every stage in turn
--runs times (per-text caches cleared before each run, so a run costs what a cold build costs) and
reports the median. Stages, as in briefings.pipeline.build():

  read       read_sources(): files -> SourceDocuments, decode, metadata, grading, copy detection
             (here in one process; `briefings build --jobs N` reads in the N workers)
  sketch     the copy sketches alone (computed by the reading workers in a build)
  copies     copy detection from the sketches (the serial join, assign_origins)
  extract    extract_document() per source (the summariser)
  fuse       combine() + corroborate(): ids, exercises merged across sources, claims corroborated
  assemble   assemble(): sections, ranking, citations
  md / html  render_all([fmt]) (the renderer runs in its limited child process, as in a build)
  pdf        render_all(["pdf"]) (HTML + WeasyPrint layout); only up to --pdf-max articles

Per stage: median wall and CPU seconds (this process plus its render child), articles and MB
(UTF-8 bytes of the corpus texts) per CPU second (the machine is shared, so CPU time is the steadier
measure), and the resident-memory high-water mark *during the stage* (Linux: VmHWM reset through
/proc/self/clear_refs before each stage; for render stages the child's peak). Also the process's
peak (ru_maxrss) for the size.

sumy (the optional extra `bench`; regex tokenizer since NLTK data cannot be downloaded) runs on the
same document texts in the same process: per document (each article summarised to 5 sentences,
linear in N) up to --sumy-max articles, and once over the whole set as one multi-document input at
10, 20 and 40 articles, to show how that grows (quadratic or worse in sentences; 100 articles
would already take minutes).

Then `briefings build` end to end (a fresh process and a fresh --out folder per run, formats
md,html, `--jobs 2` and `--no-cache` when the installed CLI has them) for each of --build-sizes,
median of --build-runs: wall seconds, CPU seconds of the whole process tree (build, forkserver
workers, render child) and its peak memory (sum of PSS, both sampled every 50 ms from /proc; also
the largest single process's ru_maxrss).

Sizes of 10,000 and more run --large-runs times (default 1). Wall figures on a shared machine
are mostly other load: compare CPU seconds, and ratios taken in the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

CONFIG = """id: bench
title: Benchmark briefing
subtitle: Generated corpus of {n} articles
marking: UNCLASSIFIED // BENCHMARK
author: Benchmarks
timezone: UTC
sources:
  - path: {corpus}/*.txt
outlets:
  Meridian Wire: {{reliability: B}}
  Pacific Dispatch: {{reliability: B}}
sections:
  - {{kind: bluf, title: Bottom line up front, limit: 3}}
  - {{kind: exercises, title: Exercises and patrols, where: {{participants: [China, Russia]}}, show: [table, timeline]}}
  - {{kind: claims, title: Key developments, limit: 8}}
  - {{kind: assessments, title: What analysts assess, limit: 6}}
  - {{kind: sources, title: Sources}}
formats: [md, html]
"""
NOW = "2026-01-15T06:00:00+00:00"


# --- corpus ------------------------------------------------------------------------------------

def ensure_corpus(n: int, base: Path, seed: int) -> Path:
    """The n-article corpus under base (generated once per size and seed)."""
    import corpus

    folder = base / f"corpus-{n}-s{seed}"
    stamp = folder / ".complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        corpus.write_corpus(n, folder, seed)
        stamp.write_text("ok")
        print(f"  generated {n} articles in {time.perf_counter() - t:.1f} s -> {folder}", file=sys.stderr)
    config = base / f"bench-{n}-s{seed}.yaml"
    config.write_text(CONFIG.format(n=n, corpus=folder), encoding="utf-8")
    return config


# --- memory helpers ----------------------------------------------------------------------------

def reset_hwm() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def hwm_mb() -> float:
    """This process's resident high-water mark (MB) since the last reset_hwm()."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# --- sumy --------------------------------------------------------------------------------------

from extract_speed import RegexTokenizer  # noqa: E402  (sumy without NLTK data)


def _sumy_document(texts: list[str]):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tok = RegexTokenizer()
    paras = []
    for text in texts:
        for block in re.split(r"\n\s*\n", text):
            sents = [Sentence(s, tok) for s in tok.to_sentences(block)]
            if sents:
                paras.append(Paragraph(sents))
    return ObjectDocumentModel(paras)


def _summariser(kind: str):
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))


def sumy_per_document(kind: str, texts: list[str]) -> float:
    """CPU seconds to summarise each text to 5 sentences."""
    summ = _summariser(kind)
    t = time.process_time()
    for text in texts:
        summ(_sumy_document([text]), 5)
    return time.process_time() - t


def sumy_set(kind: str, texts: list[str]) -> tuple[float, int]:
    """CPU seconds to summarise the texts as one multi-document input (10 sentences)."""
    summ = _summariser(kind)
    t = time.process_time()
    doc = _sumy_document(texts)
    summ(doc, 10)
    return time.process_time() - t, len(doc.sentences)


# --- child: one size ---------------------------------------------------------------------------

def child(n: int, config: Path, runs: int, sumy_max: int, pdf_max: int) -> dict:
    from datetime import datetime

    from briefings.assemble import assemble
    from briefings.config import load_config
    from briefings.corroborate import corroborate
    from briefings.extract.combine import combine
    from briefings.extract.document import clear_caches, extract_document
    from briefings.origins import assign_origins, sketch
    from briefings.pipeline import _template_dirs, edition_time, read_sources
    from briefings.render import render_all

    loaded = load_config(config)
    cfg = loaded.config
    moment = edition_time(NOW, cfg.timezone)
    tdirs = _template_dirs(loaded)
    stages = ["read", "sketch", "copies", "extract", "fuse", "assemble", "md", "html"]
    if n <= pdf_max:
        stages.append("pdf")
    times: dict[str, list[float]] = {s: [] for s in stages}
    cpu: dict[str, list[float]] = {s: [] for s in stages}
    mem: dict[str, float] = {}
    info: dict = {}
    can_reset = reset_hwm()

    def timed(name: str, fn, run: int):
        if can_reset:
            reset_hwm()
        c_before = children_maxrss_mb()
        ct = os.times()
        t = time.perf_counter()
        out = fn()
        times[name].append(time.perf_counter() - t)
        ct2 = os.times()
        cpu[name].append((ct2.user - ct.user) + (ct2.system - ct.system)
                         + (ct2.children_user - ct.children_user)
                         + (ct2.children_system - ct.children_system))
        peak = hwm_mb() if can_reset else float("nan")
        if name in ("md", "html", "pdf"):
            peak = max(peak, children_maxrss_mb()) if children_maxrss_mb() > c_before else peak
        mem[name] = max(mem.get(name, 0.0), peak)
        return out

    for run in range(runs):
        clear_caches()
        sources = timed("read", lambda: read_sources(loaded, edition=moment.date()), run)
        docs = list(sources.documents)
        # A build computes the sketches in the workers that read the files; the join is serial.
        sketches = timed("sketch", lambda: [sketch(d.text) for d in docs], run)
        timed("copies", lambda: assign_origins(docs, sketches), run)
        parts = timed("extract", lambda: [extract_document(d) for d in docs], run)
        extraction = timed("fuse", lambda: corroborate(combine(docs, parts)), run)
        briefing = timed("assemble", lambda: assemble(extraction, cfg, moment, (), ()), run)
        out = {}
        for fmt in ("md", "html", "pdf"):
            if fmt in stages:
                out[fmt] = timed(fmt, lambda: render_all(briefing, [fmt], tdirs, allowed_roots=tdirs,
                                                         now=moment)[fmt], run)
        if run == 0:
            texts = [d.text for d in docs]
            tok = RegexTokenizer()
            info = {
                "articles": len(docs),
                "bytes": sum(len(t.encode("utf-8")) for t in texts),
                "sentences": sum(len(tok.to_sentences(b)) for t in texts
                                 for b in re.split(r"\n\s*\n", t)),
                "copies": sum(d.origin != d.id for d in docs),
                "claims_before": sum(len(p.claims) for p in parts),
                "claims": len(extraction.claims), "assessments": len(extraction.assessments),
                "exercises_before": sum(len(p.exercises) for p in parts),
                "exercises": len(extraction.exercises),
                "output_bytes": {k: len(v) for k, v in out.items()},
            }
            if "pdf" in out:
                from io import BytesIO

                from pypdf import PdfReader
                info["pdf_pages"] = len(PdfReader(BytesIO(out["pdf"])).pages)
        del parts, extraction, briefing, sources, docs, out
    # clear_refs also resets ru_maxrss, so the process peak is the largest stage high-water mark.
    peak = max([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
               + [m for k, m in mem.items() if k not in ("md", "html", "pdf")])
    result = {"n": n, "runs": runs, "info": info, "peak_rss_mb": peak,
              "render_child_peak_mb": children_maxrss_mb(),
        "stages": {s: {"wall": statistics.median(times[s]), "cpu": statistics.median(cpu[s]),
                       "walls": times[s], "mem_mb": mem.get(s)} for s in stages}}
    # sumy on the same texts, same process (CPU seconds, one run: it is slow).
    try:
        import sumy  # noqa: F401
        have_sumy = True
    except ImportError:
        have_sumy = False
    if have_sumy and n <= sumy_max:
        texts = [d.text for d in read_sources(loaded, edition=moment.date()).documents]
        result["sumy"] = {kind: sumy_per_document(kind, texts) for kind in ("textrank", "lexrank")}
        clear_caches()
        docs = list(read_sources(loaded, edition=moment.date()).documents)
        t = time.process_time()
        parts = [extract_document(d) for d in docs]
        corroborate(combine(docs, parts))
        result["briefings_cpu_same_run"] = time.process_time() - t
    elif not have_sumy:
        result["sumy"] = None
    return result


def sumy_set_growth(config: Path, sizes=(10, 20, 40)) -> list[dict]:
    """Multi-document LexRank/TextRank over the first k articles as one input."""
    from briefings.config import load_config
    from briefings.pipeline import read_sources

    loaded = load_config(config)
    texts = [d.text for d in read_sources(loaded).documents]
    rows = []
    for k in sizes:
        row = {"articles": k}
        for kind in ("lexrank", "textrank"):
            row[kind], row["sentences"] = sumy_set(kind, texts[:k])
        rows.append(row)
        print(f"  sumy over one set of {k} articles ({row['sentences']} sentences): LexRank "
              f"{row['lexrank']:.1f} s, TextRank {row['textrank']:.1f} s CPU", file=sys.stderr)
    return rows


# --- end to end --------------------------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    kids: dict[int, list[int]] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                ppid = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(p.name))
    out, todo = [], [pid]
    while todo:
        q = todo.pop()
        out.append(q)
        todo += kids.get(q, [])
    return out


def _cpu_s(pid: int) -> float:
    """utime + stime of one process so far (seconds)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def briefings_cmd() -> list[str]:
    """The CLI of the code under test: this interpreter with `-m briefings` (PYTHONPATH picks
    the checkout), so a worktree without its own .venv is measured, not the installed copy."""
    return [sys.executable, "-m", "briefings"]


def build_flags() -> list[str]:
    help_text = subprocess.run(briefings_cmd() + ["build", "--help"], capture_output=True,
                               text=True, env={**os.environ, "COLUMNS": "200"}).stdout
    flags = []
    if "--jobs" in help_text:
        flags += ["--jobs", "2"]
    if "--no-cache" in help_text:
        flags.append("--no-cache")
    return flags


def build_e2e(config: Path, runs: int, flags: list[str]) -> dict:
    walls, cpus, loads, pss_peaks, rss_peaks, codes = [], [], [], [], [], []
    for _ in range(runs):
        out = Path(tempfile.mkdtemp(prefix="bench-out-", dir=config.parent))
        cmd = briefings_cmd() + ["build", str(config), "--out", str(out), "--formats", "md,html",
               "--now", NOW] + flags
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak = [0.0]
        cpu_seen: dict[int, float] = {}   # last CPU seconds seen per process of the tree
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                tree = _tree(proc.pid)
                peak[0] = max(peak[0], sum(_pss_mb(p) for p in tree))
                for p in tree:
                    cpu_seen[p] = max(cpu_seen.get(p, 0.0), _cpu_s(p))
                done.wait(0.05)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t)
        # CPU of every process of the tree (build, forkserver workers, render child) as last
        # sampled (wait4 alone misses the workers, which are the forkserver's children).
        cpus.append(max(usage.ru_utime + usage.ru_stime, sum(cpu_seen.values())))
        loads.append(os.getloadavg()[0])
        done.set()
        th.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        codes.append(proc.returncode)
        if proc.returncode not in (0, 5):
            print(proc.stderr.read().decode()[-2000:], file=sys.stderr)
        proc.stderr.close()
        pss_peaks.append(peak[0])
        rss_peaks.append(usage.ru_maxrss / 1024)
        shutil.rmtree(out, ignore_errors=True)
    return {"cmd": " ".join(["briefings", "build", "CONFIG", "--out", "FRESH_DIR", "--formats",
                                       "md,html", "--now", NOW] + flags),
            "wall": statistics.median(walls), "walls": walls, "exit": codes,
            "cpu": statistics.median(cpus), "cpus": cpus, "load_1min": loads,
            "tree_pss_peak_mb": max(pss_peaks), "max_single_rss_mb": max(rss_peaks)}


# --- report ------------------------------------------------------------------------------------

def report(results: list[dict], growth: list[dict], builds: dict) -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for r in results:
        i = r["info"]
        print(f"\n{r['n']} articles: {i['bytes'] / 1e6:.2f} MB, {i['sentences']} sentences, "
              f"{i['copies']} copies; claims {i['claims_before']} -> {i['claims']}, exercises "
              f"{i['exercises_before']} -> {i['exercises']}; median of {r['runs']}; "
              f"process peak {r['peak_rss_mb']:.0f} MB, render child peak {r['render_child_peak_mb']:.0f} MB"
              + (f"; PDF {i['pdf_pages']} pages" if "pdf_pages" in i else ""))
        print(f"  {'stage':<9} {'wall s':>8} {'cpu s':>8} {'art/cpu-s':>10} {'MB/cpu-s':>9} "
              f"{'peak MB':>8}")
        for s, v in r["stages"].items():
            c = max(v["cpu"], 0.01)   # os.times() ticks are 10 ms
            print(f"  {s:<9} {v['wall']:8.3f} {v['cpu']:8.3f} {r['n'] / c:10.0f} "
                  f"{i['bytes'] / 1e6 / c:9.2f} {v['mem_mb'] or 0:8.0f}")
        if r.get("sumy"):
            b = r["briefings_cpu_same_run"]
            tr, lr = r["sumy"]["textrank"], r["sumy"]["lexrank"]
            print(f"  same run, CPU s: briefings extract+fuse {b:.2f} ({r['n'] / b:.0f} art/s); "
                  f"TextRank {tr:.2f} ({r['n'] / tr:.0f} art/s, briefings {tr / b:.1f}x faster); "
                  f"LexRank {lr:.2f} ({r['n'] / lr:.0f} art/s, briefings {lr / b:.1f}x faster)")
    if len(results) > 1:
        print("\nscaling (time per article relative to the smallest size; 1.0 = linear):")
        base = results[0]
        for s in base["stages"]:
            row = [f"{r['n']}: {r['stages'][s]['wall'] / r['n'] / (base['stages'][s]['wall'] / base['n']):.2f}"
                   for r in results if s in r["stages"]]
            print(f"  {s:<9} " + "  ".join(row))
    for row in growth:
        print(f"sumy, one multi-document input of {row['articles']} articles ({row['sentences']} "
              f"sentences): LexRank {row['lexrank']:.1f} s, TextRank {row['textrank']:.1f} s CPU")
    for n, b in builds.items():
        print(f"\nbriefings build, {n} articles, md+html, median of {len(b['walls'])}: {b['wall']:.1f} s wall "
              f"(runs {', '.join(f'{w:.1f}' for w in b['walls'])}); peak memory, process tree PSS "
              f"{b['tree_pss_peak_mb']:.0f} MB, largest process RSS {b['max_single_rss_mb']:.0f} MB; "
              f"CPU (user+sys, build and its children) median {b['cpu']:.1f} s (sampled every 50 ms); load average "
              f"{', '.join(f'{x:.1f}' for x in b['load_1min'])}; exit {b['exit']}\n  {b['cmd']}")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    ap.add_argument("--dir", type=Path, default=Path("/tmp/briefings-bench"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--large-runs", type=int, default=1,
                    help="runs for sizes of 10,000 and more (default 1: minutes per run)")
    ap.add_argument("--sumy-max", type=int, default=1000)
    ap.add_argument("--pdf-max", type=int, default=1000)
    ap.add_argument("--set-growth", type=int, nargs="*", default=[10, 20, 40])
    ap.add_argument("--build-sizes", type=int, nargs="*", default=[10000])
    ap.add_argument("--build-runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", nargs=2, metavar=("N", "CONFIG"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        res = child(int(a.child[0]), Path(a.child[1]), a.runs, a.sumy_max, a.pdf_max)
        print("RESULT " + json.dumps(res))
        return
    a.dir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in a.sizes:
        config = ensure_corpus(n, a.dir, a.seed)
        print(f"  measuring {n} articles ...", file=sys.stderr)
        # A long PDF (the sources list of 1,000 articles) can pass the renderer's default 120 s.
        env = {"BRIEFINGS_RENDER_TIMEOUT": "900", **os.environ}
        proc = subprocess.run([sys.executable, __file__, "--child", str(n), str(config),
                               "--runs", str(a.runs if n < 10000 else a.large_runs), "--sumy-max", str(a.sumy_max),
                               "--pdf-max", str(a.pdf_max)], capture_output=True, text=True,
                              env=env)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
        if proc.returncode or not line:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"child for {n} failed (exit {proc.returncode})")
        results.append(json.loads(line[7:]))
        print("  " + line[:2000], file=sys.stderr)   # partial results, in case a later size fails
    growth = []
    if a.set_growth:
        try:
            import sumy  # noqa: F401
            growth = sumy_set_growth(ensure_corpus(max(a.set_growth), a.dir, a.seed),
                                     tuple(a.set_growth))
        except ImportError:
            pass
    builds = {}
    flags = build_flags() if a.build_sizes else []
    for n in a.build_sizes:
        print(f"  briefings build on {n} articles ({a.build_runs} runs) ...", file=sys.stderr)
        builds[n] = build_e2e(ensure_corpus(n, a.dir, a.seed), a.build_runs, flags)
    report(results, growth, builds)
    if a.json:
        a.json.write_text(json.dumps({"results": results, "set_growth": growth,
                                      "builds": {str(k): v for k, v in builds.items()}}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
