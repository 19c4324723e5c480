"""Extraction speed on one core, against sumy's LexRank and TextRank over the same documents.

Usage: python benchmarks/extract_speed.py [N] [--no-sumy]   (default N = 1000)

The corpus: the development articles (../shared/eval/dev) and the test articles (tests/data/extract,
heldout, blind), repeated to N documents. The per-document caches are cleared between documents, so
a repeat costs what a new article of the same size would. Figures: articles/s and MB/s (UTF-8 bytes
of text) per CPU second of this process (time.process_time, so other load on the machine
does not count), median of 3 runs. sumy (the optional extra `bench`) runs with a regex tokenizer, since
NLTK's data cannot be downloaded; LexRank is timed on a slice of the corpus (it is much slower).
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from briefings.extract.document import clear_caches, extract_document
from briefings.sources.read import read_patterns

ROOT = Path(__file__).resolve().parents[1]
DIRS = [ROOT.parent / "shared" / "eval" / "dev", ROOT / "tests" / "data" / "extract",
        ROOT / "tests" / "data" / "heldout", ROOT / "tests" / "data" / "blind"]


def base_documents() -> list:
    docs = []
    for d in DIRS:
        if d.is_dir():
            docs += list(read_patterns([str(d / "*.txt")], d).documents)
    return docs


def corpus(n: int) -> list:
    base = base_documents()
    return [base[i % len(base)] for i in range(n)]


def _median_rate(fn, docs: list, runs: int = 3) -> tuple[float, float]:
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn(docs)
        times.append(time.process_time() - t)
    s = statistics.median(times)
    return len(docs) / s, size / s / 1e6


def run_briefings(docs: list) -> None:
    for d in docs:
        clear_caches()
        extract_document(d)


class RegexTokenizer:
    """sumy tokenizer without NLTK: sentences split at . ! ? before a capital, words by \\w+."""

    language = "english"
    _SENT = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])|\n+")
    _WORD = re.compile(r"\w+(?:[’'-]\w+)*")

    def to_sentences(self, paragraph: str):
        return tuple(s.strip() for s in self._SENT.split(paragraph) if s.strip())

    def to_words(self, sentence: str):
        return tuple(self._WORD.findall(sentence))


def _sumy(kind: str):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    tok = RegexTokenizer()
    summ = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))

    def run(docs: list) -> None:
        for d in docs:
            paras = []
            for block in re.split(r"\n\s*\n", d.text):
                sents = [Sentence(s, tok) for s in tok.to_sentences(block)]
                if sents:
                    paras.append(Paragraph(sents))
            summ(ObjectDocumentModel(paras), 5)
    return run


def main(argv: list[str]) -> None:
    n = int(next((a for a in argv if a.isdigit()), 1000))
    docs = corpus(n)
    avg = sum(len(d.text.encode("utf-8")) for d in docs) / len(docs)
    print(f"corpus: {len(docs)} documents from {len(base_documents())} articles, average {avg / 1000:.1f} KB")
    a, mb = _median_rate(run_briefings, docs)
    print(f"briefings extract_document: {a:8.1f} articles/s  {mb:6.3f} MB/s  (one core, median of 3)")
    if "--no-sumy" in argv:
        return
    try:
        import sumy  # noqa: F401
    except ImportError:
        print("sumy not installed (pip install -e '.[bench]'): comparison skipped")
        return
    tr_a, tr_mb = _median_rate(_sumy("textrank"), docs)
    print(f"sumy TextRank (regex tokenizer): {tr_a:8.1f} articles/s  {tr_mb:6.3f} MB/s  -> briefings is {a / tr_a:.2f}x")
    k = min(len(docs), 200)
    lr_a, lr_mb = _median_rate(_sumy("lexrank"), docs[:k])
    print(f"sumy LexRank  (regex tokenizer, {k} docs): {lr_a:8.1f} articles/s  {lr_mb:6.3f} MB/s  -> briefings is {a / lr_a:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
