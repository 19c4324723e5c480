"""A short, seeded, time-boxed mutation fuzz of the config loader and the HTML reader.

threats.md "Fuzzing and property testing" asks for atheris harnesses run for a while in CI;
atheris cannot be installed offline reliably, so this is the same idea in plain Python: take
real inputs (tests/data/fuzz/corpus, the demo config, tests/data/config), mutate them (bit
flips, byte edits, chunk splices, dictionary tokens for YAML and HTML, deep nesting) and assert
that only the expected exception types come out (BriefingError: ConfigError / SourceError).

Each target runs for BRIEFINGS_FUZZ_SECONDS (default 10) from seed BRIEFINGS_FUZZ_SEED
(default 20260522), so a CI run replays the same input sequence (how far it gets depends on the
machine's speed). Any input that raises something else, or takes more than 5 s, fails the test,
and is written to the pytest temp folder: commit it under tests/data/fuzz/crashers/ named
`<target>-<anything>` and the regression test below replays it for ever.
"""
from __future__ import annotations

import hashlib
import os
import random
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefings.config import load_config
from briefings.errors import BriefingError
from briefings.sources.decode import decode
from briefings.sources.read import html_main_text

ROOT = Path(__file__).resolve().parent.parent
FUZZ = Path(__file__).resolve().parent / "data" / "fuzz"
SECONDS = float(os.environ.get("BRIEFINGS_FUZZ_SECONDS", "10"))
SEED = int(os.environ.get("BRIEFINGS_FUZZ_SEED", "20260522"))
PER_INPUT = 5  # seconds before one input counts as a hang
EXPECTED = (BriefingError,)

YAML_TOKENS = [b"&a ", b"*a", b"<<: *a", b"!!python/object/apply:os.system ['true']", b"!!binary ",
               b"!ENV x", b"{", b"}", b"[", b"]", b": ", b"- ", b"? ", b"|", b">-", b"\t", b"\x00",
               b"\xef\xbb\xbf", b"\xff\xfe", b"---\n", b"...\n", b"%YAML 1.1\n", b"%TAG ! !x\n",
               b"'", b'"', b"\\u0000", b"#", b"\n  ", b"~", b"null", b"NO", b"12:30", b"010",
               b"1e999", b".nan", b"-.inf", b"0x7f", b"2024-02-30", b"9" * 400, b"\r\n", b"\r",
               "\u2028".encode(), b"id", b"sources", b"sections",
               b"schedule", b"cron", b"delivery", b"smtp", b"password", b"kind", b"limit",
               b"{a: " * 30, b"[" * 60, b"- " * 60]
HTML_TOKENS = [b"<div>", b"</div>", b"<p>", b"</p>", b"<script>", b"</script>", b"<style>",
               b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<?xml version='1.0'?>", b"<!DOCTYPE x [",
               b"<!ENTITY e SYSTEM 'file:///etc/hostname'>", b"&e;", b"&#0;", b"&#xFFFFFFFF;",
               b"&#xD800;", b"&nbsp;", b"&", b"<meta charset=utf-16>", b"<meta charset=x-bogus>",
               b"<meta charset=shift_jis>", b"<meta http-equiv=refresh content='0;url=file:///'>",
               b"<table><tr><td>", b"</td></tr></table>", b"<svg><script>", b"<math>",
               b"<base href='file:///'>", b"<title>", b"</title>", b"<article>", b"<h1>",
               b"\x00", b"\xff", b"\xfe\xff", b"\x93", b"\r", b"<div>" * 300, b"<b><i>" * 100,
               b"a" * 2000, b"<time datetime='2024-13-45'>", b"<meta property='og:title'>",
               b"<html>", b"</html>", b"<body>", b"</body>"]


def _corpus(*patterns: str) -> list[bytes]:
    files: list[Path] = []
    for pattern in patterns:
        files += sorted(ROOT.glob(pattern))
    data = [p.read_bytes() for p in files if p.is_file()]
    assert data, patterns
    return data


def _mutate(rng: random.Random, data: bytes, corpus: list[bytes], tokens: list[bytes]) -> bytes:
    """One input: a real file with 1-8 random edits."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(8)
        at = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip a bit
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1 and buf:  # replace a byte
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 2:  # delete a chunk
            del buf[at:at + rng.randint(1, 64)]
        elif op == 3 and buf:  # duplicate a chunk
            start = rng.randrange(len(buf))
            buf[at:at] = buf[start:start + rng.randint(1, 128)]
        elif op == 4:  # splice in part of another corpus file
            other = rng.choice(corpus)
            start = rng.randrange(max(1, len(other)))
            buf[at:at] = other[start:start + rng.randint(1, 256)]
        elif op == 5:  # cut the file short (a half-written file)
            del buf[at:]
        else:  # a dictionary token
            buf[at:at] = rng.choice(tokens)
    return bytes(buf)


class _Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Hang


def _fuzz(target: Callable[[bytes], None], corpus: list[bytes], tokens: list[bytes],
          name: str, out: Path) -> int:
    """Run `target` on mutated inputs for SECONDS; fail on the first unexpected outcome."""
    rng = random.Random(SEED)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    deadline = time.monotonic() + SECONDS
    runs = 0
    try:
        for data in corpus:  # the unmutated seeds first
            _one(target, data, name, out)
        while time.monotonic() < deadline:
            _one(target, _mutate(rng, rng.choice(corpus), corpus, tokens), name, out)
            runs += 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return runs


def _one(target: Callable[[bytes], None], data: bytes, name: str, out: Path) -> None:
    signal.setitimer(signal.ITIMER_REAL, PER_INPUT)
    try:
        target(data)
    except EXPECTED:
        pass
    except BaseException as exc:  # noqa: BLE001 - anything else is a finding
        signal.setitimer(signal.ITIMER_REAL, 0)
        saved = out / f"{name}-{hashlib.sha256(data).hexdigest()[:16]}"
        saved.write_bytes(data)
        what = "hang (> %d s)" % PER_INPUT if isinstance(exc, _Hang) else repr(exc)[:500]
        pytest.fail(f"{name} fuzz found {what} on {len(data)} bytes, saved to {saved}; commit "
                    f"it to tests/data/fuzz/crashers/\ninput: {data[:300]!r}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def load_config_bytes(data: bytes) -> None:
    """The config loader on `data` as a file beside the demo seeds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "briefing.yaml"
        path.write_bytes(data)
        load_config(path)


def read_html_bytes(data: bytes) -> None:
    """The HTML reader: bytes -> decoded text -> main text (trafilatura, lxml)."""
    text, _encoding, _replaced = decode(data, "fuzz.html", html=True)
    main, _meta = html_main_text(text, "fuzz.html")
    assert isinstance(main, str) and main.strip()


TARGETS = {
    "config": (load_config_bytes, ("config/*.yaml", "tests/data/config/*.yaml",
                                   "tests/data/fuzz/corpus/config/*"), YAML_TOKENS),
    "html": (read_html_bytes, ("tests/data/fuzz/corpus/html/*",), HTML_TOKENS),
}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name, tmp_path):
    target, patterns, tokens = TARGETS[name]
    corpus = _corpus(*patterns)
    runs = _fuzz(target, corpus, tokens, name, tmp_path)
    assert runs > 20 or SECONDS < 1, f"only {runs} inputs in {SECONDS} s"


CRASHERS = sorted((FUZZ / "crashers").glob("*-*"))
@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_committed_crashers_stay_fixed(path, tmp_path):
    target = TARGETS[path.name.split("-", 1)[0]][0]
    _one(target, path.read_bytes(), path.name.split("-", 1)[0], tmp_path)


def test_the_harness_reports_an_unexpected_exception(tmp_path):
    def broken(data: bytes) -> None:
        if b"!" in data:
            raise KeyError("boom")

    with pytest.raises(pytest.fail.Exception, match="KeyError"):
        _one(broken, b"a!", "config", tmp_path)
    assert len(list(tmp_path.iterdir())) == 1
    _one(broken, b"ok", "config", tmp_path)  # no "!": fine
    first = [_mutate(random.Random(SEED), b"id: x\n", [b"xyz"], YAML_TOKENS) for _ in range(3)]
    assert len(set(first)) == 1 and first[0] != b"id: x\n"  # seeded: the same input again
