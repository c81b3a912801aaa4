"""Speed of the offline verifier: single-sentence statements per second on one core.

    python bench/bench_verify.py                        # the seed article
    python bench/bench_verify.py ARTICLE.txt --words 600
    python bench/bench_verify.py SUMMEDITS.json          # its first article of >= --words words

The article is cut to ``--words`` words at a sentence end. Statements are made from its
own sentences, a realistic mix: verbatim, cut to a clause, a number changed, a name
swapped, a negation inserted, and an unrelated sentence. The process is pinned to one
CPU. Besides ``sc.verify()`` (which prepares the source once and caches it), the script
times the evidence ranker alone against ``rank_bm25`` when it is installed, on the same
queries, so the choice of a hand-written BM25 rests on a measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sourcecheck as sc
from sourcecheck._document import Document
from sourcecheck._evidence import EvidenceIndex, content_stems, tokenize

SEED = Path(__file__).resolve().parent.parent / "seeds" / "us-backs-ukraine-security-guarantees.txt"


def load_article(path: Path, words: int) -> str:
    if path.suffix == ".json":
        items = json.loads(path.read_text(encoding="utf-8"))
        docs = [item["doc"] for item in items if len(item["doc"].split()) >= words]
        text = docs[0] if docs else max((item["doc"] for item in items), key=len)
    else:
        text = path.read_text(encoding="utf-8")
    return cut(text, words)


def cut(text: str, words: int) -> str:
    """The text up to the first sentence end after ``words`` words."""
    for count, match in enumerate(re.finditer(r"\S+", text), 1):
        if count >= words and re.search(r"[.!?][\"'”’)]*$", match.group()):
            return text[: match.end()]
    return text


def make_statements(article: str, n: int) -> list[str]:
    body = [s.text for s in Document(article).body_sentences if len(s.text.split()) >= 6]
    variants: list[str] = []
    for sentence in body:
        variants.append(sentence)
        variants.append(re.split(r",\s", sentence)[0].rstrip(".") + ".")
        variants.append(re.sub(r"\d+", lambda m: str(int(m.group()) + 7), sentence, count=1))
        variants.append(
            sentence[:1] + re.sub(r"\b[A-Z][a-z]{3,}\b", "Madrid", sentence[1:], count=1)
        )
        variants.append(
            re.sub(r"\b(is|was|are|were|has|have|will)\b", r"\1 not", sentence, count=1)
        )
    variants.append("A volcano erupted near the capital, officials said on Friday.")
    return [variants[i % len(variants)] for i in range(n)]


def rate(fn: Callable[[str], object], statements: list[str], repeats: int) -> float:
    """Best of ``repeats`` runs, in statements per second."""
    rates = []
    for _ in range(repeats):
        started = time.perf_counter()
        for statement in statements:
            fn(statement)
        rates.append(len(statements) / (time.perf_counter() - started))
    return max(rates)


def bench_ranker(article: str, statements: list[str], repeats: int) -> None:
    document = Document(article)
    index = EvidenceIndex(document)
    queries = [content_stems(tokenize(s)) for s in statements]
    mine = rate(lambda q: index.rank_terms(q, k=3), queries, repeats)  # type: ignore[arg-type]
    print(f"evidence ranker (hand-written BM25): {mine:,.0f} queries/s")
    try:
        from rank_bm25 import BM25Okapi  # type: ignore[import-not-found]
    except ImportError:
        print("rank_bm25 not installed: pip install rank-bm25 to compare")
        return
    corpus = [content_stems(toks) for toks in index.tokens]
    bm25 = BM25Okapi([c or ["<empty>"] for c in corpus])

    def theirs(query: list[str]) -> list[int]:
        scores = bm25.get_scores(query)
        return sorted(range(len(scores)), key=lambda i: -scores[i])[:3]

    other = rate(theirs, queries, repeats)  # type: ignore[arg-type]
    agree = statistics.mean(
        float(index.rank_terms(q, k=1)[0].sentence == theirs(q)[0])
        for q in queries
        if index.rank_terms(q, k=1)
    )
    print(f"rank_bm25 BM25Okapi (same stems):    {other:,.0f} queries/s")
    print(f"  same top sentence as the hand-written ranker: {agree:.0%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("article", type=Path, nargs="?", default=SEED)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    article = load_article(args.article, args.words)
    statements = make_statements(article, args.statements)
    print(f"article: {len(article.split())} words, {len(Document(article).sentences)} sentences")
    print(f"statements: {len(statements)} single sentences; cores: {len(os.sched_getaffinity(0))}")
    started = time.perf_counter()
    sc.verify(statements[0], source=article)
    print(f"first call (prepares the source): {1000 * (time.perf_counter() - started):.1f} ms")
    labels = [sc.verify(s, source=article).label.value for s in statements[:200]]
    print("labels of the first 200:", {label: labels.count(label) for label in sorted(set(labels))})
    per_second = rate(lambda s: sc.verify(s, source=article), statements, args.repeats)
    print(f"sc.verify: {per_second:,.0f} statements/s (target >= 500)")
    bench_ranker(article, statements, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
