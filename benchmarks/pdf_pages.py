"""A ~20-page PDF: our render_pdf() against WeasyPrint alone on the same HTML, in the same run.

Usage: python benchmarks/pdf_pages.py [--articles N] [--runs 5] [--dir /tmp/briefings-bench]
                                      [--seed 1] [--profile] [--baseline-templates DIR]

The briefing is built from the first N generated articles (benchmarks/corpus.py; default 200,
which lays out to about 20 A4 pages) with the demo's sections and larger limits (claims 20,
assessments 12; exercises with China and Russia in table and timeline; the sources list). Its HTML is rendered
once; then, alternating so that machine load hits both alike, `--runs` times each:

  ours    briefings.render.pdf.render_pdf(html, ...): rooted URL fetcher, attachment stripping,
          fixed metadata, tagged PDF (pdf_tags=True), resource-failure checks
  plain   weasyprint.HTML(string=html).write_pdf()  (the SPEC's "WeasyPrint's layout")
  tagged  weasyprint.HTML(string=html).write_pdf(pdf_tags=True)  (isolates the tagging cost)
  full    briefings.render.render_all(briefing, ["pdf"]): templates + HTML + layout in the
          limited child process, i.e. what `briefings build` pays for the PDF

With --baseline-templates DIR (e.g. a copy of an older briefings/templates), two more variants
lay out the same briefing through those templates instead, interleaved with the others:

  base-ours   render_pdf() of the HTML from DIR's templates (compare with `ours`)
  base-plain  WeasyPrint alone on that HTML (compare with `plain`)
  base-full   render_all() through DIR's templates (compare with `full`)

Figures: median wall and CPU seconds (CPU of this process, plus children for `full`), pages
(pypdf), and ours / plain. `--profile` adds a cProfile of one `ours` and one `plain` run, top
functions by cumulative time, to find where any overhead goes.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CONFIG = """id: bench-pdf
title: Naval Exercises Weekly
subtitle: Benchmark briefing from {n} generated articles
marking: UNCLASSIFIED // BENCHMARK
author: Benchmarks
timezone: UTC
sources:
  - path: {corpus}/*.txt
outlets:
  Meridian Wire: {{reliability: B}}
sections:
  - {{kind: bluf, title: Bottom line up front, limit: 3}}
  - {{kind: exercises, title: Exercises and patrols, where: {{participants: [China, Russia]}}, show: [table, timeline]}}
  - {{kind: claims, title: Key developments, limit: 20}}
  - {{kind: assessments, title: What analysts assess, limit: 12}}
  - {{kind: sources, title: Sources}}
formats: [md, html, pdf]
"""
NOW = "2026-01-15T06:00:00+00:00"


def _times(fn) -> tuple[float, float, object]:
    c = os.times()
    t = time.perf_counter()
    out = fn()
    wall = time.perf_counter() - t
    c2 = os.times()
    cpu = (c2.user - c.user) + (c2.system - c.system) + (c2.children_user - c.children_user) \
        + (c2.children_system - c.children_system)
    return wall, cpu, out


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/briefings-bench"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--baseline-templates", type=Path, default=None,
                    help="also time the PDF of the HTML rendered from these templates")
    a = ap.parse_args(argv)

    os.environ.setdefault("BRIEFINGS_RENDER_TIMEOUT", "900")   # a loaded machine can pass 120 s
    import corpus
    import weasyprint
    from pypdf import PdfReader

    from briefings.assemble import assemble
    from briefings.config import load_config
    from briefings.pipeline import edition_time, extract_all, read_sources
    from briefings.render import PACKAGED_TEMPLATES, render_all
    from briefings.render.pdf import render_pdf

    folder = a.dir / f"pdf-corpus-{a.articles}-s{a.seed}"
    if not (folder / ".complete").exists():
        corpus.write_corpus(a.articles, folder, a.seed)
        (folder / ".complete").write_text("ok")
    config = a.dir / f"bench-pdf-{a.articles}-s{a.seed}.yaml"
    config.write_text(CONFIG.format(n=a.articles, corpus=folder), encoding="utf-8")
    loaded = load_config(config)
    moment = edition_time(NOW, loaded.config.timezone)
    sources = read_sources(loaded, edition=moment.date())
    briefing = assemble(extract_all(sources.documents), loaded.config, moment, (), ())
    html = render_all(briefing, ["html"], [], allowed_roots=[], now=moment)["html"].decode("utf-8")
    roots = [PACKAGED_TEMPLATES]

    variants = {
        "ours": lambda: render_pdf(html, base_dir=PACKAGED_TEMPLATES, allowed_roots=roots, now=moment),
        "plain": lambda: weasyprint.HTML(string=html).write_pdf(),
        "tagged": lambda: weasyprint.HTML(string=html).write_pdf(pdf_tags=True),
        "full": lambda: render_all(briefing, ["pdf"], [], allowed_roots=[], now=moment)["pdf"],
    }
    if a.baseline_templates:
        base_dir = a.baseline_templates.resolve()
        html_base = render_all(briefing, ["html"], [base_dir], allowed_roots=[],
                               now=moment)["html"].decode("utf-8")
        variants["base-ours"] = lambda: render_pdf(html_base, base_dir=base_dir,
                                                   allowed_roots=[base_dir], now=moment)
        variants["base-plain"] = lambda: weasyprint.HTML(string=html_base).write_pdf()
        variants["base-full"] = lambda: render_all(briefing, ["pdf"], [base_dir], allowed_roots=[],
                                                   now=moment)["pdf"]
    variants["plain"]()  # warm up fonts, CSS parsing caches and imports for everyone
    walls: dict[str, list[float]] = {k: [] for k in variants}
    cpus: dict[str, list[float]] = {k: [] for k in variants}
    pages: dict[str, int] = {}
    for run in range(a.runs):
        order = list(variants) if run % 2 == 0 else list(reversed(variants))
        for k in order:
            w, c, pdf = _times(variants[k])
            walls[k].append(w)
            cpus[k].append(c)
            pages[k] = len(PdfReader(io.BytesIO(pdf)).pages)
            print(f"  run {run + 1} {k:<7} wall {w:6.2f} s  cpu {c:6.2f} s  {pages[k]} pages",
                  file=sys.stderr)
    med = {k: statistics.median(v) for k, v in walls.items()}
    cmed = {k: statistics.median(v) for k, v in cpus.items()}
    print(f"{a.articles} articles -> HTML {len(html) / 1000:.0f} KB; median of {a.runs}, "
          f"{os.cpu_count()} cores, WeasyPrint {weasyprint.__version__}")
    for k in variants:
        print(f"  {k:<7} {pages[k]:3d} pages  wall {med[k]:6.2f} s  cpu {cmed[k]:6.2f} s   "
              f"(runs {', '.join(f'{x:.2f}' for x in walls[k])})")
    print(f"  ours / plain: wall {med['ours'] / med['plain']:.3f}, cpu {cmed['ours'] / cmed['plain']:.3f} "
          f"(target <= 1.10);  tagged / plain: cpu {cmed['tagged'] / cmed['plain']:.3f};  "
          f"ours / tagged: cpu {cmed['ours'] / cmed['tagged']:.3f}")
    print(f"  20-page target (<= 3 s): ours {med['ours']:.2f} s wall, {cmed['ours']:.2f} s cpu for "
          f"{pages['ours']} pages; build's whole PDF step {med['full']:.2f} s wall")
    if a.baseline_templates:
        print(f"  vs --baseline-templates: ours / base-ours cpu {cmed['ours'] / cmed['base-ours']:.3f}, "
              f"plain / base-plain cpu {cmed['plain'] / cmed['base-plain']:.3f}; "
              f"full / base-full cpu {cmed['full'] / cmed['base-full']:.3f}; "
              f"base-ours / base-plain cpu {cmed['base-ours'] / cmed['base-plain']:.3f}")
    if a.profile:
        for k in ("ours", "plain"):
            pr = cProfile.Profile()
            pr.enable()
            variants[k]()
            pr.disable()
            print(f"\n--- profile: {k}")
            pstats.Stats(pr, stream=sys.stdout).sort_stats("cumulative").print_stats(18)


if __name__ == "__main__":
    main(sys.argv[1:])
