"""Thin typer commands over the library; heavy imports happen inside the commands that need them."""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer

from briefings import __version__

app = typer.Typer(
    name="briefings", no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False, rich_markup_mode=None,
    help="Turn a folder of articles into a cited briefing in Markdown, HTML and PDF.\n\n"
         "Exit codes: 0 success, 1 a problem in your input (config, source, template), "
         "2 command-line usage, 3 delivery failed, 4 internal error (see the log named), "
         "5 edition written but some web or file sources unavailable (build), "
         "75 another run holds the briefing's lock (build, run-due, send).",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefings {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Turn a folder of articles into a cited briefing in Markdown, HTML and PDF."""


def _guard(work: Callable[[], int | None]) -> None:
    """Run a command body: user errors -> one message + exit 1; anything else -> log + exit 4."""
    from briefings.errors import EXIT_INTERNAL, BriefingError

    try:
        code = work() or 0
    except BriefingError as exc:
        typer.echo(f"error: {exc.render()}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:  # `briefings extract ... | head`: the reader went away
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(141) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:  # noqa: BLE001 - the one place that turns crashes into a log
        log = _crash_log()
        typer.echo(f"internal error: {type(exc).__name__}: {exc}\n"
                   f"the traceback is in {log}; please report it", err=True)
        raise typer.Exit(EXIT_INTERNAL) from None
    raise typer.Exit(code)


def _crash_log() -> Path:
    """Write the current traceback to a log file and return its path."""
    import tempfile
    import time
    import traceback

    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "briefings"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        base = Path(tempfile.gettempdir())
    path = base / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    path.write_text(traceback.format_exc(), encoding="utf-8")
    return path


def _progress(label: str):
    """A progress callback drawing a bar on a terminal, or None when not on a TTY (cron)."""
    if not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   transient=True, console=None)
    task = bar.add_task(label, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


@app.command()
def build(
    config: Path = typer.Argument(..., help="The briefing config (YAML)."),
    out: Path = typer.Option(Path("out"), "--out", help="Output folder; the edition goes to "
                             "OUT/<id>/<date>/."),
    formats: Optional[str] = typer.Option(None, "--formats", help="Comma-separated subset of "
                                          "md,html,pdf (default: the config's formats)."),
    now: Optional[str] = typer.Option(None, "--now", help="Edition time as ISO date or date-time "
                                      "(default: now, in the config's time zone)."),
    check: bool = typer.Option(False, "--check", help="Run every stage, write nothing."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings (e.g. skipped sources) "
                                "as errors."),
    offline: bool = typer.Option(False, "--offline", help="Fetch nothing: read url and feed "
                                 "sources from the HTTP cache alone."),
    jobs: str = typer.Option("1", "--jobs", "-j", help="Extract in N processes, or 'auto' for "
                             "one per core (results identical to --jobs 1)."),
    executor: Optional[str] = typer.Option(None, "--executor", help="local, process or dask "
                                           "(default: local for one job, process for more)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address "
                                            "(tcp://host:8786) for --executor dask; without it a "
                                            "local Dask cluster of --jobs workers is started."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every source afresh; "
                                  "neither read nor write OUT/.cache/extract."),
) -> None:
    """Build one edition: read sources, extract, assemble, render and write; print the paths.

    Exit 5 when the edition was written but some sources were unavailable (partial)."""
    def work() -> int:
        from briefings.config import load_config
        from briefings.errors import BriefingError
        from briefings.lock import LOCK_FILE, hold_lock
        from briefings.pipeline import build as run_build

        loaded = load_config(config)
        fmts = _formats(formats)
        execution = _execution(jobs, executor, scheduler, cache=not no_cache)
        bar, update = _progress("extracting")
        if bar:
            bar.start()
        try:
            with contextlib.nullcontext() if check else hold_lock(out / loaded.config.id / LOCK_FILE):
                report = run_build(loaded, out_dir=out, now=now, formats=fmts, check=check,
                                   progress=update, offline=offline, execution=execution)
        finally:
            if bar:
                bar.stop()
        for w in report.warnings:
            typer.echo(f"warning: {w}", err=True)
        if strict and report.warnings:
            raise BriefingError(f"{len(report.warnings)} warning(s) and --strict is set")
        if check:
            typer.echo(f"check passed: {len(report.extraction.sources)} sources, "
                       f"{len(report.extraction.claims)} claims, "
                       f"{len(report.extraction.exercises)} exercises "
                       f"({report.extract.get('extracted', 0)} extracted, "
                       f"{report.extract.get('cached', 0)} from cache); nothing written "
                       f"(would write {report.folder})")
        for path in report.written:
            typer.echo(str(path))
        if report.unavailable:
            from briefings.errors import EXIT_PARTIAL

            typer.echo(f"warning: partial edition: {len(report.unavailable)} source(s) "
                       "unavailable (listed above and in the manifest)", err=True)
            return EXIT_PARTIAL
        return 0

    _guard(work)


def _execution(jobs: str, executor: str | None, scheduler: str | None, cache: bool = True):
    """--jobs/--executor/--scheduler/--no-cache as a pipeline Execution (checked before any work)."""
    from briefings.errors import BriefingError
    from briefings.executor import EXECUTORS, parse_jobs
    from briefings.pipeline import Execution

    if executor is not None and executor not in EXECUTORS:
        raise BriefingError(f"--executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    if scheduler and executor not in (None, "dask"):
        raise BriefingError("--scheduler is for --executor dask")
    return Execution(jobs=parse_jobs(jobs), executor=executor, scheduler=scheduler, cache=cache)


def _formats(value: str | None) -> list[str] | None:
    from briefings.errors import BriefingError

    if value is None:
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    bad = [v for v in items if v not in ("md", "html", "pdf")]
    if bad or not items:
        raise BriefingError(f"--formats: unknown format {', '.join(bad) or '(none)'}; "
                            "use a comma-separated subset of md,html,pdf")
    return list(dict.fromkeys(items))


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files, folders or globs of articles."),
    fmt: str = typer.Option("json", "--format", help="json (the extraction contract) or md."),
    jobs: str = typer.Option("1", "--jobs", "-j", help="Extract in N processes, or 'auto' for "
                             "one per core (results identical to --jobs 1)."),
    executor: Optional[str] = typer.Option(None, "--executor", help="local, process or dask "
                                           "(default: local for one job, process for more)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address "
                                            "for --executor dask."),
) -> None:
    """Run the summariser alone and print sources, claims, assessments and exercises."""
    def work() -> int:
        import json

        from briefings.errors import BriefingError
        from briefings.pipeline import extract_all
        from briefings.sources.read import read_patterns, skipped_summary

        from briefings.executor import make_executor

        if fmt not in ("json", "md"):
            raise BriefingError(f"--format must be json or md, not {fmt!r}")
        execution = _execution(jobs, executor, scheduler)
        sources = read_patterns(paths, Path.cwd())
        for line in skipped_summary(sources.skipped):
            typer.echo(f"warning: {line}", err=True)
        bar, update = _progress("extracting")
        if bar:
            bar.start()
        try:
            with make_executor(execution.executor, execution.jobs, execution.scheduler) as run:
                result = extract_all(sources.documents, update, executor=run, lean=True)
        finally:
            if bar:
                bar.stop()
        if fmt == "json":
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        else:
            from briefings.extraction_md import extraction_markdown

            sys.stdout.write(extraction_markdown(result))
        return 0

    _guard(work)


@app.command()
def validate(config: Path = typer.Argument(..., help="The briefing config (YAML).")) -> None:
    """Load and check a config; report every error at once with file, line and key path."""
    def work() -> int:
        from briefings.config import load_config

        loaded = load_config(config)
        cfg = loaded.config
        typer.echo(f"{config}: ok: '{cfg.id}', {len(cfg.sources)} source pattern(s), "
                   f"{len(cfg.sections)} section(s), formats {','.join(cfg.formats)}")
        return 0

    _guard(work)


@app.command()
def sources(config: Path = typer.Argument(..., help="The briefing config (YAML)."),
            out: Path = typer.Option(Path("out"), "--out", help="Output folder (its .cache/http "
                                     "holds fetched pages)."),
            offline: bool = typer.Option(False, "--offline", help="Fetch nothing: web sources "
                                         "from the HTTP cache alone.")) -> None:
    """List the resolved sources with recovered metadata (title, date, outlet, author, size, grade)."""
    def work() -> int:
        from rich.console import Console
        from rich.table import Table

        from briefings.config import load_config
        from briefings.pipeline import read_sources
        from briefings.sources.read import skipped_summary

        from briefings.pipeline import edition_time, unavailable_summary

        loaded = load_config(config)
        found = read_sources(loaded, out_dir=out, offline=offline,
                             edition=edition_time(None, loaded.config.timezone).date())
        table = Table(title=f"{len(found.documents)} source(s) for '{loaded.config.id}'")
        for col in ("id", "path", "title", "date", "outlet", "author", "chars", "grade"):
            table.add_column(col, overflow="fold", justify="right" if col == "chars" else "left")
        for d in found.documents:
            table.add_row(d.id, d.path, d.title or "-", d.published or "-", d.outlet or "-",
                          d.author or "-", f"{d.chars:,}", d.reliability)
        Console(width=None if sys.stdout.isatty() else 160).print(table)
        for line in unavailable_summary(found) + skipped_summary(found.skipped):
            typer.echo(f"warning: {line}", err=True)
        return 0

    _guard(work)


@app.command()
def send(
    config: Path = typer.Argument(..., help="The briefing config (YAML) with a delivery section."),
    edition: Optional[Path] = typer.Option(None, "--edition", help="Edition folder to send "
                                           "(default: the latest under OUT/<id>/)."),
    out: Path = typer.Option(Path("out"), "--out", help="Output folder the editions are in."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Build the messages and show who "
                                 "would get them; connect to nothing."),
    force: bool = typer.Option(False, "--force", help="Send again to recipients the ledger "
                               "records as sent (or as possibly sent)."),
) -> None:
    """E-mail an edition (PDF attached) to the config's recipients, each at most once."""
    def work() -> int:
        from briefings.config import load_config
        from briefings.deliver.edition import latest_edition
        from briefings.deliver.send import send_edition
        from briefings.errors import EXIT_DELIVERY
        from briefings.lock import LOCK_FILE, hold_lock

        loaded = load_config(config)
        folder = edition or latest_edition(out / loaded.config.id)
        if dry_run:
            report = send_edition(loaded, folder, dry_run=True, force=force)
        else:
            with hold_lock(folder.parent / LOCK_FILE):
                report = send_edition(loaded, folder, force=force)
        for line in report.lines():
            typer.echo(line)
        if report.problems:
            typer.echo(f"error: {len(report.problems)} of {len(report.deliveries)} deliveries "
                       "failed or are uncertain: " + ", ".join(
                           f"{d.recipient} {d.status}" for d in report.problems), err=True)
            return EXIT_DELIVERY
        return 0

    _guard(work)


@app.command("run-due")
def run_due(
    configs: List[Path] = typer.Argument(..., help="Briefing configs with a schedule."),
    out: Path = typer.Option(Path("out"), "--out", help="Output folder; state, ledger and lock "
                             "live in OUT/<id>/."),
    now: Optional[str] = typer.Option(None, "--now", help="The current time as ISO date-time "
                                      "(default: now; a time without offset is read in the "
                                      "schedule's zone)."),
) -> None:
    """For cron or a systemd timer: build and send each briefing that is due; safe every minute.

    Prints nothing when nothing is due. Exit 75 when another run holds a briefing's lock.
    """
    def work() -> int:
        from briefings.rundue import exit_code
        from briefings.rundue import run_due as run

        results = run(configs, out_dir=out, now=now)
        for result in results:
            for line in result.lines:
                typer.echo(line)
            for line in result.errors:
                typer.echo(line, err=True)
        return exit_code(results)

    _guard(work)


@app.command()
def init(
    folder: Path = typer.Argument(Path("."), help="Project folder to create or fill."),
    force: bool = typer.Option(False, "--force", help="Overwrite files that exist."),
) -> None:
    """Scaffold a working project: config/briefing.yaml, articles/ and template overrides."""
    def work() -> int:
        from briefings.scaffold import scaffold

        for path in scaffold(folder, force):
            typer.echo(str(path))
        typer.echo(f"next: put articles in {folder / 'articles'}, then run "
                   f"`briefings build {folder / 'config' / 'briefing.yaml'}`")
        return 0

    _guard(work)


@app.command("eval")
def eval_(
    gold_dir: Path = typer.Argument(..., help="Folder of NAME.txt + NAME.gold.yaml pairs."),
    verbose: bool = typer.Option(False, "--verbose", help="List misses and spurious items."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score the summariser against gold annotations (the rules of shared/eval/score.py)."""
    def work() -> int:
        import json

        from briefings.evaluate import evaluate, summary_lines

        result = evaluate(gold_dir, verbose)
        if as_json:
            typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
            return 0
        for line in result.get("details", []):
            typer.echo(line)
        for line in summary_lines(result):
            typer.echo(line)
        return 0

    _guard(work)


def main() -> None:
    """Entry point of the `briefings` command."""
    app()
