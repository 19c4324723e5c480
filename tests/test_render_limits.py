"""Render limits (threats.md C3, E6): templates and layout run in a child process with a
wall-clock timeout, a memory cap and an output-size cap; one bad briefing fails alone."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.cli import app  # noqa: E402
from briefings.errors import RenderError, TemplateError  # noqa: E402
from briefings.render import _render, render_all  # noqa: E402
from briefings.render.worker import (  # noqa: E402
    DEFAULT_MAX_OUTPUT_MB,
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    ENV_MAX_OUTPUT,
    ENV_MEMORY,
    ENV_TIMEOUT,
    RenderLimits,
    RenderWorkerError,
    run_limited,
)

runner = CliRunner()
MB = 1000 * 1000
MIB = 1024 * 1024
# 10^12 iterations over a 10^6-character string: no range() budget applies, so only the
# wall clock can stop it
ENDLESS_LOOP = ("{% set s = 'a' * 1000000 %}{% for a in s %}{% for b in s %}{% endfor %}"
                "{% endfor %}")
# doubles a string 40 times (to 1 TB): memory grows step by step until the cap
MEMORY_HOG = ("{% set ns = namespace(s='a') %}{% for i in range(40) %}"
              "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}")
# 20,000 table rows: WeasyPrint needs far longer than the short test limit to lay them out
LONG_TABLE = ("<!doctype html><html><body><table>{% for i in range(20000) %}"
              "<tr><td>{{ i }}</td><td>row</td></tr>{% endfor %}</table></body></html>")


SMALL_HTML = ("<!doctype html><html><head><title>{{ briefing.title }}</title></head><body>"
              "<h1>{{ briefing.title }}</h1></body></html>")


def templates(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


def render(folder: Path, formats: list[str], **limits) -> dict[str, bytes]:
    return render_all(sample_briefing(), formats, [folder], allowed_roots=[folder],
                      limits=RenderLimits(**limits))


def no_children_left() -> bool:
    return multiprocessing.active_children() == []


def test_defaults_and_environment(monkeypatch):
    for name in (ENV_TIMEOUT, ENV_MEMORY, ENV_MAX_OUTPUT):
        monkeypatch.delenv(name, raising=False)
    assert RenderLimits.from_env() == RenderLimits(DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB * MIB,
                                                   DEFAULT_MAX_OUTPUT_MB * MB)
    assert (DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB, DEFAULT_MAX_OUTPUT_MB) == (120, 2048, 200)
    limits = RenderLimits.from_env({ENV_TIMEOUT: "2.5", ENV_MEMORY: "300", ENV_MAX_OUTPUT: "1"})
    assert limits == RenderLimits(2.5, 300 * MIB, 1 * MB)
    for bad in ("0", "-1", "ten", "nan", "inf"):
        with pytest.raises(RenderError, match=ENV_TIMEOUT):
            RenderLimits.from_env({ENV_TIMEOUT: bad})


def test_huge_repetition_is_refused_at_once_with_template_and_line(tmp_path):
    folder = templates(tmp_path, briefing_md_j2="# x\n{{ 'a' * 10**9 }}\n")
    started = time.monotonic()
    with pytest.raises(TemplateError) as err:
        render(folder, ["md"], timeout=30)
    assert time.monotonic() - started < 5
    assert "size limit" in err.value.message and err.value.line == 2  # fields survive the pipe
    assert err.value.path.endswith("briefing.md.j2")


def test_endless_template_loop_stops_at_the_time_limit(tmp_path):
    folder = templates(tmp_path, briefing_md_j2=ENDLESS_LOOP)
    started = time.monotonic()
    with pytest.raises(RenderError) as err:
        render(folder, ["md", "html"], timeout=1.5)
    took = time.monotonic() - started
    assert 1.4 < took < 6, took
    assert "template or layout exceeded the time limit (1.5 s)" in str(err.value)
    assert "briefing.md.j2 (md output)" in str(err.value)
    assert no_children_left()


def test_memory_hungry_template_hits_the_memory_cap(tmp_path):
    folder = templates(tmp_path, briefing_html_j2=MEMORY_HOG)
    started = time.monotonic()
    with pytest.raises((RenderError, TemplateError)) as err:
        render(folder, ["html"], timeout=60, memory=256 * MIB)
    assert time.monotonic() - started < 20
    message = str(err.value)
    assert "exceeded" in message and ("memory" in message or "size limit" in message), message
    assert "briefing.html.j2" in message
    assert no_children_left()


def test_memory_cap_stops_a_child_that_allocates_without_end():
    def job(enter):
        enter("pdf")
        hoard = []
        while True:  # 16 MiB at a time, as a layout engine might
            hoard.append(bytearray(16 * MIB))

    started = time.monotonic()
    with pytest.raises(RenderError) as err:
        run_limited(job, RenderLimits(timeout=60, memory=200 * MIB),
                    describe=lambda stage: f"doing {stage}")
    assert time.monotonic() - started < 20
    assert str(err.value) == ("template or layout exceeded the memory limit (200 MiB) while "
                              "doing pdf; nothing was written")
    assert no_children_left()


def test_output_larger_than_the_cap_is_refused(tmp_path):
    # 3 MB of Markdown: inside every template limit, over a 1 MB output cap
    folder = templates(tmp_path, briefing_md_j2="{% for i in range(3) %}{{ 'a' * 1000000 }}"
                       "{% endfor %}")
    with pytest.raises(RenderError) as err:
        render(folder, ["md"], max_output=1 * MB)
    assert "template or layout exceeded the output size limit (1 MB)" in str(err.value)
    assert "(md output)" in str(err.value)
    assert len(render(folder, ["md"], max_output=4 * MB)["md"]) == 3_000_001


def test_endless_layout_stops_at_the_time_limit(tmp_path):
    folder = templates(tmp_path, briefing_html_j2=LONG_TABLE)
    started = time.monotonic()
    with pytest.raises(RenderError) as err:
        render(folder, ["html", "pdf"], timeout=2)
    assert time.monotonic() - started < 8
    assert "exceeded the time limit (2 s) while laying out the PDF" in str(err.value)
    assert "(pdf output, WeasyPrint)" in str(err.value)
    assert no_children_left()


def test_huge_css_value_is_a_render_error(tmp_path):
    # WeasyPrint raises ZeroDivisionError on this; it must come back as bad input (exit 1),
    # not as an internal error, and through the child with its type
    folder = templates(tmp_path, briefing_html_j2="<html><head><style>p{font-size:1e9px}"
                       "</style></head><body><p>hi there</p></body></html>")
    with pytest.raises(RenderError, match="PDF"):
        render(folder, ["pdf"], timeout=60)


def test_outputs_are_byte_identical_to_rendering_in_process(tmp_path):
    b = sample_briefing()
    limited = render_all(b, ["md", "html", "pdf"], [], allowed_roots=[tmp_path],
                         now=None, limits=RenderLimits(timeout=60))
    direct = _render(b, ["md", "html", "pdf"], [], [tmp_path], None, None, lambda stage: None)
    assert limited == direct and set(limited) == {"md", "html", "pdf"}
    assert render_all(b, ["pdf"], [], allowed_roots=[tmp_path]).keys() == {"pdf"}


def test_unexpected_child_failure_is_an_internal_error_with_the_traceback():
    def job(enter):
        enter("md")
        return {"md": str(1 / 0).encode()}

    with pytest.raises(RenderWorkerError) as err:
        run_limited(job, RenderLimits(timeout=30))
    assert "ZeroDivisionError" in str(err.value) and "child traceback" in str(err.value)
    assert "in job" in str(err.value)


def test_a_child_killed_by_a_signal_is_reported_not_hung():
    def job(enter):
        import faulthandler

        faulthandler.disable()  # no crash dump from the child on stderr
        enter("pdf")
        os.kill(os.getpid(), signal.SIGSEGV)
        return {}

    with pytest.raises(RenderError) as err:
        run_limited(job, RenderLimits(timeout=30), describe=lambda stage: f"doing {stage}")
    assert "exceeded the memory limit (2048 MiB) or crashed (SIGSEGV) while doing pdf" \
        in str(err.value)


def test_cli_build_with_a_hanging_template_exits_1_and_writes_nothing(project, monkeypatch):
    templates(project / "templates", briefing_md_j2=ENDLESS_LOOP)
    monkeypatch.setenv(ENV_TIMEOUT, "1.5")
    out = project / "out"
    result = runner.invoke(app, ["build", str(project / "config" / "china-russia.yaml"),
                                 "--out", str(out), "--now", "2024-04-22"])
    assert result.exit_code == 1, result.output
    assert "template or layout exceeded the time limit (1.5 s)" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.rglob("briefing.*"))


def test_run_due_finishes_the_other_briefings_when_one_hangs(tmp_path, monkeypatch):
    from smtp_server import delivery_yaml, start_server, write_project

    server = start_server()
    try:
        weekly = "schedule: {cron: '0 6 * * MON', timezone: Europe/London}\n"
        base = write_project(tmp_path, delivery_yaml(server.port), weekly).read_text()
        hang = tmp_path / "config" / "hang.yaml"
        hang.write_text(base.replace("id: china-russia-naval", "id: hanging\ntemplates: tpl"))
        templates(tmp_path / "config" / "tpl", briefing_md_j2=ENDLESS_LOOP)
        good = tmp_path / "config" / "good.yaml"
        good.write_text(base.replace("id: china-russia-naval", "id: good\ntemplates: small"))
        # a one-page HTML/PDF so that the good briefing renders well inside the limit
        templates(tmp_path / "config" / "small", briefing_html_j2=SMALL_HTML)
        monkeypatch.setenv(ENV_TIMEOUT, "8")
        out = tmp_path / "out"
        args = ["run-due", str(hang), str(good), "--out", str(out)]
        assert runner.invoke(app, args + ["--now", "2026-03-30T05:59:00"]).exit_code == 0
        started = time.monotonic()
        result = runner.invoke(app, args + ["--now", "2026-03-30T06:00:10"])
        assert time.monotonic() - started < 60
        assert result.exit_code == 1, result.output
        assert "hanging" in result.stderr and "exceeded the time limit (8 s)" in result.stderr
        assert "good: slot 2026-03-30T06:00:00+01:00: built" in result.stdout
        assert (out / "good" / "2026-03-30" / "briefing.md").is_file()
        assert not (out / "hanging" / "2026-03-30").exists()
        assert server.handler.count("desk@example.org") == 1  # only the good briefing went
    finally:
        server.controller.stop()


def test_a_huge_error_message_from_the_child_is_shortened_not_fatal():
    def job(enter):
        raise TemplateError("x" * 3_000_000, path="briefing.md.j2", line=7)

    with pytest.raises(TemplateError) as err:
        run_limited(job, RenderLimits(timeout=30))
    assert err.value.line == 7 and err.value.path == "briefing.md.j2"
    assert 10_000 < len(err.value.message) < 100_000
