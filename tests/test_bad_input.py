"""The bad-input corpus (tests/data/bad/cases.yaml): every case through the real API or CLI.

Each case names the threat rows it covers (../shared/docs/threats.md) and its outcome:
"error" (a BriefingError naming the file and a reason; the CLI exits 1 without a traceback) or
"safe" (the build succeeds and its outputs are inert: no active HTML, no dangerous URLs, the
canary token nowhere, the PDF without attachments or actions). A canary file with a unique
token sits outside every allowed root; no output may ever contain it.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.config import load_config  # noqa: E402
from briefings.errors import BriefingError  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "data" / "bad"
SEED = ROOT / "seeds" / "000_b962212e76d71500.txt"
CASES = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))["cases"]
TOKEN = f"BRIEFINGS-CANARY-{uuid.uuid4().hex}"
NOW = "2024-04-22T06:00:00+00:00"
CLI = [sys.executable, "-m", "briefings"]

CONFIG = """id: bad-input
title: {title}
timezone: UTC
sources:
{sources}
sections:
  - {{kind: bluf, limit: 3}}
  - {{kind: claims, limit: 25}}
  - {{kind: exercises}}
  - {{kind: assessments}}
{extra}  - {{kind: sources}}
formats: [md, html]
templates: ../templates
{more}"""

# Elements and URL schemes that must never appear in an HTML output (or in the Markdown output
# once rendered as HTML by a CommonMark renderer with raw HTML on).
ACTIVE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                   "form", "meta", "link", "svg", "math", "noscript", "template"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href",
             "srcset", "codebase", "cite", "longdesc", "usemap", "manifest"}
BAD_SCHEMES = re.compile(r"^(javascript|vbscript|file|data:text/html|data:image/svg)", re.I)
PDF_FORBIDDEN = ("/EmbeddedFile", "/EmbeddedFiles", "/JavaScript", "/JS", "/Launch", "/OpenAction")


def by_kind(*kinds: str) -> list[dict]:
    return [c for c in CASES if c["kind"] in kinds]


def ids(cases: list[dict]) -> list[str]:
    return [c["id"] for c in cases]


# ------------------------------------------------------------------------------------------
# the canary and per-case projects


@pytest.fixture(scope="module")
def area(tmp_path_factory) -> Path:
    """A folder holding `outside/` (the canary files) and one project folder per case."""
    root = tmp_path_factory.mktemp("bad")
    outside = root / "outside"
    outside.mkdir()
    (outside / "canary.txt").write_text(f"{TOKEN}\n", encoding="utf-8")
    (outside / "canary.css").write_text(f"/* {TOKEN} */\nbody {{ color: red }}\n"
                                        f"p::after {{ content: \"{TOKEN}\" }}\n", encoding="utf-8")
    return root


def substitute(data: bytes, area: Path) -> bytes:
    outside = area / "outside"
    for key, value in ((b"@CANARY_CSS@", outside / "canary.css"), (b"@CANARY_DIR@", outside),
                       (b"@CANARY@", outside / "canary.txt")):
        data = data.replace(key, str(value).encode())
    return data


def copy_case(src: Path, dest: Path, area: Path) -> None:
    """Copy a case file or folder, filling in the canary paths."""
    if src.is_dir():
        dest.mkdir(parents=True, exist_ok=True)
        for item in sorted(src.iterdir()):
            copy_case(item, dest / item.name, area)
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(substitute(src.read_bytes(), area))


def project(area: Path, name: str, *, sources: list[str] | None = None, extra: str = "",
            more: str = "", good: bool = True, title: str = "Bad input") -> Path:
    """A project folder: config/briefing.yaml, articles/ (with one good article), templates/."""
    folder = area / f"p-{name}"
    for sub in ("config", "articles", "templates", "assets"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    if good:
        shutil.copy(SEED, folder / "articles" / "good.txt")
    srcs = "\n".join(f"  - {s}" for s in (sources or ["path: ../articles"]))
    (folder / "config" / "briefing.yaml").write_text(
        CONFIG.format(title=title, sources=srcs, extra=extra, more=more), encoding="utf-8")
    return folder


def run_build(folder: Path, formats: list[str] | None = None):
    from briefings.pipeline import build

    loaded = load_config(folder / "config" / "briefing.yaml")
    return build(loaded, out_dir=folder / "out", now=NOW, formats=formats)


def manifest(report) -> dict:
    import json

    return json.loads((report.folder / "manifest.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------
# output checks


def pdf_objects(data: bytes):
    """Every object of a PDF (indirect objects, object streams, the trailer), streams decoded."""
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    reader = PdfReader(io.BytesIO(data))
    numbers = {(num, gen) for gen, objs in reader.xref.items() for num in objs}
    numbers |= {(num, 0) for num in reader.xref_objStm}
    yield reader.trailer
    for num, gen in sorted(numbers):
        try:
            yield reader.get_object(IndirectObject(num, gen, reader))
        except Exception:  # noqa: BLE001 - a free or broken entry is not content
            continue


def walk_pdf(obj, seen_keys: set[str], texts: list[bytes], depth: int = 0) -> None:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if depth > 50 or isinstance(obj, IndirectObject):
        return
    if isinstance(obj, StreamObject):
        try:
            texts.append(obj.get_data())
        except Exception:  # noqa: BLE001 - e.g. an image filter pypdf cannot decode
            texts.append(obj._data or b"")  # noqa: SLF001
    if isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            seen_keys.add(str(key))
            if str(value).startswith("/"):
                seen_keys.add(str(value))
            walk_pdf(value, seen_keys, texts, depth + 1)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            walk_pdf(value, seen_keys, texts, depth + 1)
    else:
        texts.append(str(obj).encode("utf-8", "replace"))


def assert_pdf_inert(data: bytes, *absent: str) -> None:
    """No canary token (or other `absent` text) in any object or decoded stream or in the
    extracted page text; no attachments, scripts, launch or open actions."""
    from pypdf import PdfReader

    keys: set[str] = set()
    texts: list[bytes] = [data]
    for obj in pdf_objects(data):
        walk_pdf(obj, keys, texts)
    texts += [(p.extract_text() or "").encode() for p in PdfReader(io.BytesIO(data)).pages]
    blob = b"\n".join(texts)
    assert len(texts) > 10  # the walk really saw the document
    for word in (TOKEN, *absent):
        assert word.encode() not in blob, f"{word!r} found in the PDF"
    for name in PDF_FORBIDDEN:
        assert name not in keys, f"PDF has {name}"


def assert_html_inert(html: str, *, body_style_ok: bool = False) -> None:
    """No active elements, no event handlers, no dangerous URLs, no style in the body."""
    import lxml.html

    doc = lxml.html.document_fromstring(html)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower().rsplit("}", 1)[-1]
        if tag in ACTIVE_ELEMENTS and not (tag == "svg" and _is_timeline(el)) \
                and not (tag == "meta" and _is_plain_meta(el)):
            shown = lxml.html.tostring(el)[:200]
            raise AssertionError(f"active element <{tag}> in output: {shown!r}")
        if tag == "style" and not body_style_ok:
            assert el.getparent().tag == "head", "style element outside the head"
        for attr, value in el.attrib.items():
            name = attr.lower()
            assert not name.startswith("on"), f"event handler {attr}={value!r} on <{tag}>"
            assert name != "style" or "url(" not in value.lower(), f"style url on <{tag}>"
            if name in URL_ATTRS or name.endswith("href"):
                clean = re.sub(r"[\x00-\x20]+", "", value)
                assert not BAD_SCHEMES.match(clean), f"{attr}={value!r} on <{tag}>"
    assert TOKEN not in html


def _is_timeline(el) -> bool:
    """The briefing's own timeline figure (drawn by us, no script, no links)."""
    return "timeline" in (el.get("class") or "") and not el.xpath(".//*[local-name()='script' "
                                                                  "or local-name()='a' or "
                                                                  "local-name()='foreignObject']")


def _is_plain_meta(el) -> bool:
    return (el.get("http-equiv") or "").lower() != "refresh"


def markdown_as_html(md: str) -> str:
    """The Markdown output as a CommonMark renderer with raw HTML *on* would show it."""
    from markdown_it import MarkdownIt

    return "<html><head></head><body>" + MarkdownIt("commonmark").render(md) + "</body></html>"


def text_of(html: str) -> str:
    import lxml.html

    return lxml.html.document_fromstring(html).text_content()


def assert_outputs_safe(report, *, pdf: bool = False) -> None:
    """The written edition is inert and carries the canary token in no file."""
    for path in report.written:
        data = path.read_bytes()
        assert TOKEN.encode() not in data, f"canary token in {path.name}"
    files = {p.name: p for p in report.written}
    if "briefing.html" in files:
        assert_html_inert(files["briefing.html"].read_text(encoding="utf-8"))
    if "briefing.md" in files:
        assert_html_inert(markdown_as_html(files["briefing.md"].read_text(encoding="utf-8")),
                          body_style_ok=False)
    if pdf:
        assert_pdf_inert(files["briefing.pdf"].read_bytes())


def assert_error(exc: BaseException, case: dict, path_fragment: str) -> None:
    assert isinstance(exc, BriefingError), f"{type(exc).__name__}: {exc}"
    message = str(exc)
    assert re.search(case["message"], message), message
    assert path_fragment in message, f"{path_fragment!r} not named in: {message}"
    assert "Traceback" not in message
    assert TOKEN not in message


# ------------------------------------------------------------------------------------------
# the manifest itself


def test_corpus_manifest_is_complete_and_consistent() -> None:
    assert len(CASES) >= 40
    assert len(set(ids(CASES))) == len(CASES)
    rows = set(re.findall(r"^\| ([A-H]\d+) \|", THREATS.read_text(encoding="utf-8"), re.M)) \
        if THREATS.exists() else None
    for case in CASES:
        assert case["expect"] in ("error", "safe", "error_or_safe"), case["id"]
        assert case["threats"], case["id"]
        if rows:
            assert set(case["threats"]) <= rows, case["id"]
        if case["expect"] == "error":
            assert case.get("message"), case["id"]
        for key in ("file", "dir"):
            if key in case:
                assert (BAD / case[key]).exists(), f"{case['id']}: {case[key]} missing"
    # every committed file is used by some case (no stray fixtures)
    used = {c.get("file") or c.get("dir") for c in CASES}
    for sub in ("config", "text"):
        for f in (BAD / sub).iterdir():
            assert f"{sub}/{f.name}" in used, f"unused fixture {sub}/{f.name}"
    # big inputs are generated at test time, never committed
    assert max(f.stat().st_size for f in BAD.rglob("*") if f.is_file()) < 200_000


THREATS = ROOT.parent / "shared" / "docs" / "threats.md"


# ------------------------------------------------------------------------------------------
# configs


def generated_config(case: dict, folder: Path) -> Path:
    path = folder / f"{case['id']}.yaml"
    head = "id: x\ntitle: x\nsources: [{path: .}]\nsections: [{kind: claims}]\n"
    if case["generate"] == "deep-20000":
        path.write_text(head + "subtitle: " + "[" * 20_000 + "]" * 20_000 + "\n")
    elif case["generate"] == "huge-50mb":
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(head)
            line = "# " + "x" * 97 + "\n"
            for _ in range(50):
                fh.write(line * 10_000)
    else:
        raise AssertionError(case["generate"])
    return path


@pytest.mark.parametrize("case", by_kind("config"), ids=ids(by_kind("config")))
def test_config_case(case: dict, area: Path, tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    if "generate" in case:
        path = generated_config(case, folder)
    else:
        path = folder / Path(case["file"]).name
        copy_case(BAD / case["file"], path, area)
    start = time.perf_counter()
    with pytest.raises(BriefingError) as info:
        load_config(path)
    elapsed = time.perf_counter() - start
    assert_error(info.value, case, path.name)
    assert elapsed < case.get("max_seconds", 5), f"took {elapsed:.2f} s"
    if "canary_absent" in case:
        assert not (area / "outside" / case["canary_absent"]).exists()
    if "secret" in case:
        assert case["secret"] not in str(info.value)


def test_config_errors_through_the_cli(area: Path, tmp_path: Path) -> None:
    """`briefings validate` and `build` on hostile configs: exit 1, file named, no traceback,
    and the object tag never ran."""
    for name, command in (("object-apply.yaml", "validate"), ("alias-bomb.yaml", "validate"),
                          ("object-apply.yaml", "build")):
        path = tmp_path / name
        copy_case(BAD / "config" / name, path, area)
        args = [command, str(path)] + (["--out", str(tmp_path / "out")] if command == "build"
                                       else [])
        run = subprocess.run(CLI + args, capture_output=True, text=True, timeout=60,
                             cwd=tmp_path)
        assert run.returncode == 1, (args, run.stdout, run.stderr)
        assert name in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert not list((area / "outside").glob("pwned*"))
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------------------
# sources


def generate_source(case: dict, folder: Path, area: Path) -> list[str] | None:
    """Create the case's generated input under folder/articles; return extra source entries."""
    articles = folder / "articles"
    kind = case["generate"]
    if kind == "huge-source":
        with open(articles / "huge.txt", "wb") as fh:
            fh.truncate(25_000_000)  # sparse: 25 MB without writing them
    elif kind == "symlink-out":
        os.symlink(area / "outside" / "canary.txt", articles / "leak.txt")
    elif kind == "glob-dotdot":
        return ["path: ../articles/**/../../outside/*.txt", "path: ../articles"]
    elif kind == "fifo":
        os.mkfifo(articles / "pipe.txt")
    elif kind == "html-12mb":
        body = "<p>" + ("word " * 2_400_000) + "</p><p>TAIL-MARKER ends the page.</p>"
        (articles / "big.html").write_text(_page(body), encoding="utf-8")
    elif kind == "html-deep":
        body = "<div>" * 5000 + "deep text" + "</div>" * 5000 + \
            "<p>AFTER-MARKER: the Chinese and Russian navies ended the exercise on 23 April.</p>"
        (articles / "deep.html").write_text(_page(body), encoding="utf-8")
    else:
        raise AssertionError(kind)
    return None


def assert_nothing_written(briefing_out: Path) -> None:
    """A failed build writes nothing: at most the briefing's lock file (a CLI build takes it)."""
    assert not briefing_out.exists() or [p.name for p in briefing_out.iterdir()] == [".lock"]


def _page(body: str) -> str:
    return ("<!DOCTYPE html><html><head><meta charset=utf-8><title>Big page</title></head><body>"
            "<article><h1>Big page</h1><p>The Chinese and Russian navies began a joint exercise "
            "in the Sea of Japan on 20 April 2024, the defence ministry said.</p>"
            f"{body}</article></body></html>")


def listed_reasons(report) -> str:
    m = manifest(report)
    lines = [f"{s['path']}: {s['reason']}" for s in m["skipped"]]
    lines += [f"{s['source']}: {s['reason']}" for s in m["unavailable"]]
    return "\n".join(lines)


@pytest.mark.parametrize("case", by_kind("source"), ids=ids(by_kind("source")))
def test_source_case(case: dict, area: Path) -> None:
    folder = project(area, case["id"], good=not case.get("alone"))
    sources = None
    if "dir" in case:
        copy_case(BAD / case["dir"], folder / "articles", area)
    if "generate" in case:
        sources = generate_source(case, folder, area)
        if sources:
            project(area, case["id"], sources=sources)
    start = time.perf_counter()
    if case["expect"] == "error":
        with pytest.raises(BriefingError) as info:
            run_build(folder)
        assert_error(info.value, case, "briefing.yaml")
        assert not (folder / "out" / "bad-input").exists()
        return
    report = run_build(folder)
    elapsed = time.perf_counter() - start
    assert elapsed < case.get("max_seconds", 30), f"took {elapsed:.2f} s"
    assert_outputs_safe(report)
    md = (report.folder / "briefing.md").read_text(encoding="utf-8")
    html = (report.folder / "briefing.html").read_text(encoding="utf-8")
    reasons = listed_reasons(report)
    if "listed" in case:
        assert re.search(case["listed"], reasons), reasons
        for item in manifest(report)["unavailable"]:  # the briefing itself says what is missing
            assert Path(item["source"]).name in text_of(html), item
    if "marker" in case:  # decoded right: the marker is in the text read, nothing garbled
        from briefings.pipeline import read_sources

        read = read_sources(load_config(folder / "config" / "briefing.yaml"),
                            out_dir=folder / "out")
        assert case["marker"] in "\n".join(d.text for d in read.documents)
        assert not re.search("[\x80-\x9f]", html + md), "C1 control characters in output"
        if "replacements" not in case:
            assert "\ufffd" not in html + md
        src = next(s for s in manifest(report)["sources"] if "good.txt" not in s["path"])
        if "encoding" in case:
            assert src["encoding"].replace("_", "-") == case["encoding"].replace("_", "-")
        if "replacements" in case:
            assert src["replacements"] == case["replacements"]
    for word in case.get("absent", []):
        assert word not in md + html, word
    if "marker_or_listed" in case:
        # threats.md B6: the marker after the oversized or deep part reaches the text that was
        # read, or the page fails with a clear reason; never silently dropped
        from briefings.pipeline import read_sources

        marker, reason = case["marker_or_listed"]
        read = read_sources(load_config(folder / "config" / "briefing.yaml"),
                            out_dir=folder / "out")
        texts = "\n".join(d.text for d in read.documents)
        assert marker in texts or re.search(reason, reasons), \
            f"{marker} silently dropped; reasons: {reasons}"


def test_source_error_through_the_cli(area: Path) -> None:
    """Only unreadable sources: `briefings build` exits 1 naming each file and its reason."""
    folder = project(area, "cli-source-error", good=False)
    copy_case(BAD / "sources" / "binary", folder / "articles", area)
    run = subprocess.run(CLI + ["build", str(folder / "config" / "briefing.yaml"), "--out",
                                str(folder / "out"), "--now", NOW],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "photo.txt" in run.stderr and "binary" in run.stderr
    assert "Traceback" not in run.stderr
    assert_nothing_written(folder / "out" / "bad-input")


# ------------------------------------------------------------------------------------------
# feeds with entities (loopback server)


def feed_body(case: dict, area: Path) -> tuple[str, str]:
    canary = area / "outside" / "canary.txt"
    if case["generate"] == "feed-xxe":
        return "/xxe.xml", (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM '
                            f'"file://{canary}">]><rss version="2.0"><channel><title>&x;</title>'
                            '<item><title>&x;</title><link>http://127.0.0.1:9/a</link></item>'
                            '</channel></rss>')
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return "/lol.xml", (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
                        '<rss version="2.0"><channel><title>&l9;</title></channel></rss>')


@pytest.mark.parametrize("case", by_kind("feed"), ids=ids(by_kind("feed")))
def test_feed_case(case: dict, area: Path) -> None:
    from web_server import WebServer

    with WebServer() as site:
        route, body = feed_body(case, area)
        site.add(route, body, headers={"Content-Type": "application/rss+xml"})
        folder = project(area, case["id"], sources=[
            "path: ../articles", f"feed: {site.base}{route}"],
            more=f"network: {{allow_hosts: ['{site.hostport}'], respect_robots: false}}\n")
        start = time.perf_counter()
        report = run_build(folder)
        elapsed = time.perf_counter() - start
        assert site.hits(route) == 1
    assert elapsed < case["max_seconds"] + 1.5, f"took {elapsed:.2f} s"  # + the good article
    assert re.search(case["listed"], listed_reasons(report)), listed_reasons(report)
    assert manifest(report)["status"] == "partial"
    assert_outputs_safe(report)


# ------------------------------------------------------------------------------------------
# payloads in source text and in config Markdown: one build with every case, md + html + pdf


def flow_scalar(text: str) -> str:
    """`text` as a YAML scalar that fits in a flow mapping."""
    return yaml.safe_dump(text, width=1000, default_style='"').strip()


@pytest.fixture(scope="module")
def text_build(area: Path):
    text_cases = by_kind("text")
    config_cases = by_kind("config-text")
    extra = "".join(f"  - {{kind: text, title: {c['id']}, text: {flow_scalar(c['markdown'])}}}\n"
                    for c in config_cases)
    folder = project(area, "text-payloads", extra=extra,
                     title="'Payloads </title><script>x</script>'")
    for case in text_cases:
        copy_case(BAD / case["file"], folder / "articles" / Path(case["file"]).name, area)
    report = run_build(folder, formats=["md", "html", "pdf"])
    return report


def test_text_build_outputs_are_inert(text_build) -> None:
    assert_outputs_safe(text_build, pdf=True)
    html = (text_build.folder / "briefing.html").read_text(encoding="utf-8")
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize("case", by_kind("text"), ids=ids(by_kind("text")))
def test_text_case(case: dict, text_build) -> None:
    """The payload's marker reaches the HTML as text (escaped), and the Markdown too."""
    html = (text_build.folder / "briefing.html").read_text(encoding="utf-8")
    md = (text_build.folder / "briefing.md").read_text(encoding="utf-8")
    assert case["marker"] in text_of(html), f"{case['marker']} not shown as text"
    assert case["marker"] in text_of(markdown_as_html(md))
    payload = (BAD / case["file"]).read_text(encoding="utf-8").split(" naval drill report")[0]
    if "<" in payload:  # the raw markup never survives, its text does
        assert payload not in html
        assert payload in text_of(html)


@pytest.mark.parametrize("case", by_kind("config-text"), ids=ids(by_kind("config-text")))
def test_config_text_case(case: dict, text_build) -> None:
    """Config Markdown renders, but no link or image with a dangerous scheme comes out; raw
    HTML is shown as text; heading ids are prefixed (no DOM clobbering)."""
    import lxml.html

    html = (text_build.folder / "briefing.html").read_text(encoding="utf-8")
    doc = lxml.html.document_fromstring(html)
    heading = doc.xpath(f"//h2[normalize-space()='{case['id']}']")
    assert heading, case["id"]
    section = heading[0].getparent()
    assert case["marker"] in section.text_content()
    for el in section.iter("a", "img"):
        url = el.get("href") or el.get("src") or ""
        assert url.startswith(("http://", "https://", "#", "mailto:")) or \
            url.startswith("data:image/png"), f"<{el.tag}> with {url!r}"
    for el in doc.xpath("//*[@id]"):
        assert el.get("id") not in ("__proto__", "location", "proto"), el.get("id")


# ------------------------------------------------------------------------------------------
# templates


@pytest.fixture(scope="module")
def briefing():
    import weasyprint  # noqa: F401 - imported once here, so each render child starts warm

    return sample_briefing()


def template_setup(case: dict, area: Path) -> tuple[Path, Path]:
    folder = area / f"t-{case['id']}"
    templates, assets = folder / "templates", folder / "assets"
    assets.mkdir(parents=True)
    copy_case(BAD / case["dir"], templates, area)
    kind = case.get("generate")
    if kind == "template-symlink":
        os.symlink(area / "outside" / "canary.txt", templates / "linked.md.j2")
    elif kind == "template-symlink-dir":
        os.symlink(area / "outside", templates / "linkdir")
    elif kind == "assets-symlink":
        (templates / "briefing.html.j2").write_text(
            '{% extends "default/briefing.html.j2" %}{% block head_extra %}'
            '<img alt="" src="leak.png">{% endblock %}')
        os.symlink(area / "outside" / "canary.txt", templates / "leak.png")
    elif kind == "assets-fifo":
        (templates / "briefing.html.j2").write_text(
            '{% extends "default/briefing.html.j2" %}{% block head_extra %}'
            '<img alt="" src="pipe.png">{% endblock %}')
        os.mkfifo(templates / "pipe.png")
    return templates, assets


@pytest.mark.parametrize("case", by_kind("template"), ids=ids(by_kind("template")))
def test_template_case(case: dict, area: Path, briefing, monkeypatch) -> None:
    from briefings.render import render_all

    templates, assets = template_setup(case, area)
    b = replace(briefing, title=case["title"]) if "title" in case else briefing
    if "pdf" in case["formats"]:  # a one-section briefing keeps each layout quick
        b = replace(b, sections=tuple(s for s in b.sections if s.kind == "bluf"))
    spawn_log = area / f"spawned-{case['id']}.log"
    if case.get("no_subprocess"):  # threats.md E10: no Ghostscript (or anything) is started;
        real = subprocess.Popen.__init__  # the render child is forked, so it logs to a file

        def note(what: object) -> None:
            with open(spawn_log, "a", encoding="utf-8") as fh:
                fh.write(f"{what!r}\n")

        def spy(self, *a, **kw):
            note(a[0] if a else kw.get("args"))
            return real(self, *a, **kw)

        monkeypatch.setattr(subprocess.Popen, "__init__", spy)
        monkeypatch.setattr(os, "posix_spawn", lambda *a, **k: note(a[:2]))
        monkeypatch.setattr(os, "system", lambda *a, **k: note(a))
    if "render_seconds" in case:  # the wall-clock limit itself, made short for the test
        from briefings.render import env

        monkeypatch.setattr(env, "MAX_RENDER_SECONDS", case["render_seconds"])
    start = time.perf_counter()
    try:
        out = render_all(b, case["formats"], [templates], allowed_roots=[assets])
        error = None
    except Exception as exc:  # noqa: BLE001 - checked below
        out, error = None, exc
    elapsed = time.perf_counter() - start
    assert elapsed < case.get("max_seconds", 20), f"took {elapsed:.2f} s"
    assert not list((area / "outside").glob("pwned*")), "payload ran"
    assert not spawn_log.exists(), spawn_log.read_text()
    if case["expect"] == "error" or (case["expect"] == "error_or_safe" and error is not None):
        assert error is not None, "rendered without error"
        assert isinstance(error, BriefingError), f"{type(error).__name__}: {error}"
        message = str(error)
        if "message" in case:
            assert re.search(case["message"], message), message
        assert TOKEN not in message and "Traceback" not in message
        assert ".j2" in message or ".css" in message or "PDF" in message or "template" in message
        if case.get("line"):
            assert re.search(r"briefing\.md\.j2:\d+", message), message
        return
    assert error is None, f"{type(error).__name__}: {error}"
    for fmt, data in out.items():  # (the HTML is the template author's own markup)
        assert TOKEN.encode() not in data
        if fmt == "pdf":
            assert_pdf_inert(data, *([case["absent_pdf"]] if "absent_pdf" in case else []))
    if "contains" in case:
        text = b"".join(out.values()).decode("utf-8", "replace")
        assert re.search(case["contains"], text), text[:500]
        assert case["absent"] not in text


def test_template_error_through_the_cli(area: Path) -> None:
    """A template reading outside its folder: `briefings build` exits 1, names the template and
    the reason, writes nothing."""
    folder = project(area, "cli-template")
    copy_case(BAD / "templates" / "include-absolute", folder / "templates", area)
    run = subprocess.run(CLI + ["build", str(folder / "config" / "briefing.yaml"), "--out",
                                str(folder / "out"), "--now", NOW, "--formats", "md"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "not allowed" in run.stderr and "Traceback" not in run.stderr
    assert TOKEN not in run.stderr + run.stdout
    assert_nothing_written(folder / "out" / "bad-input")


def test_safe_build_through_the_cli(area: Path) -> None:
    """The payload articles through `briefings build` end to end: exit 0, every file inert
    (the PDF of the same payloads is checked in test_text_build_outputs_are_inert)."""
    folder = project(area, "cli-safe")
    for name in ("script.txt", "math-mxss.txt", "markdown-js-link.txt"):
        copy_case(BAD / "text" / name, folder / "articles" / name, area)
    os.symlink(area / "outside" / "canary.txt", folder / "articles" / "leak.txt")
    run = subprocess.run(CLI + ["build", str(folder / "config" / "briefing.yaml"), "--out",
                                str(folder / "out"), "--now", NOW, "--formats", "md,html"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "leak.txt: skipped" in run.stderr and "Traceback" not in run.stderr
    written = [Path(line) for line in run.stdout.split()]
    assert {p.name for p in written} >= {"briefing.md", "briefing.html", "briefing.json",
                                         "manifest.json"}
    for path in written:
        assert TOKEN.encode() not in path.read_bytes(), path
    by_name = {p.name: p for p in written}
    assert_html_inert(by_name["briefing.html"].read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------
# Markdown performance


def perf_input(name: str) -> str:
    return {
        "quotes-1m": '"' * 1_000_000,
        "comment-open": "<!--" * 50_000,
        "brackets": "[a]" * 100_000,
        "blockquote-10k": ">" * 10_000 + " deep",
        "list-10k": "".join("  " * i + "- x\n" for i in range(0, 10_000, 50)) + "- " * 10_000,
        "table-5000-columns": "|" + "a|" * 5000 + "\n|" + "-|" * 5000 + "\n|" + "b|" * 5000 + "\n",
        "url-stars": "http://a.b/" + "*" * 100_000,
        "at-signs": "a@" * 50_000,
        "colons": ":" * 100_000,
    }[name]


def best_time(fn, limit: float, tries: int = 3) -> float:
    """The fastest of up to `tries` runs, stopping at the first under `limit` (the machine is
    shared; a quadratic path stays slow on every run)."""
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
        if best < limit:
            break
    return best


@pytest.mark.parametrize("case", by_kind("perf"), ids=ids(by_kind("perf")))
def test_markdown_perf_case(case: dict) -> None:
    """Each pathological input, as a config text section (rendered as Markdown, up to the
    section cap) and as source text (escaped, in full), takes under 2 s; over the cap the text
    section is refused at once; the output is inert and the escape keeps the text as text."""
    from briefings.render.filters import MAX_TEXT_SECTION_CHARS, markdown_to_html, md_escape

    limit = case["max_seconds"]
    text = perf_input(case["generate"])
    capped = text[:MAX_TEXT_SECTION_CHARS]
    out: list = []
    assert best_time(lambda: out.append(str(markdown_to_html(capped, 3))), limit) < limit
    assert_html_inert(f"<html><body>{out[-1]}</body></html>")
    assert best_time(lambda: out.append(md_escape(text)), limit) < limit
    if len(text) > MAX_TEXT_SECTION_CHARS:
        start = time.perf_counter()
        with pytest.raises(ValueError, match="longer than"):
            markdown_to_html(text)
        assert time.perf_counter() - start < 0.1
    sample = text[:20_000]  # the escaped text renders back to exactly the text (D4)
    rendered = text_of(markdown_as_html(md_escape(sample)))
    assert rendered.split() == sample.split()


# ------------------------------------------------------------------------------------------
# versions and renderer options the corpus relies on


@pytest.mark.parametrize("package, floor", [
    ("jinja2", (3, 1, 6)), ("weasyprint", (70, 0)), ("markdown-it-py", (4, 1, 0)),
    ("pyyaml", (6, 0, 2)), ("typer", (0, 26)), ("aiosmtpd", (1, 4, 6)), ("cronsim", (2, 8))])
def test_dependency_floors(package: str, floor: tuple[int, ...]) -> None:
    """threats.md §3: every library with a sandbox, parser or fetcher fix at or above its floor."""
    from importlib.metadata import version

    found = tuple(int(x) for x in re.findall(r"\d+", version(package))[:len(floor)])
    assert found >= floor, f"{package} {version(package)} is below {floor}"
    pinned = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if package in ("jinja2", "weasyprint", "markdown-it-py", "pyyaml", "typer"):
        assert re.search(rf'"{package}>={".".join(map(str, floor))}', pinned), package


def test_presentational_hints_are_never_enabled(tmp_path: Path, monkeypatch) -> None:
    """threats.md E9: WeasyPrint's presentational hints (CVE-2026-49452) stay off."""
    import weasyprint

    from briefings.render.pdf import render_pdf

    seen: list[dict] = []
    real = weasyprint.HTML.render

    def spy(self, *args, **kwargs):
        seen.append(kwargs)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", spy)
    render_pdf('<html><body><table bgcolor="red"><tr><td>x</td></tr></table></body></html>',
               base_dir=tmp_path, allowed_roots=[tmp_path])
    assert seen and all(kw.get("presentational_hints") is False for kw in seen)
