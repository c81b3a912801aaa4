"""Speed of briefings, audits and their renderers, offline, on one or more articles.

    python bench/bench_reports.py                    # the seed article
    python bench/bench_reports.py A.txt B.txt --repeat 20
    python bench/bench_reports.py --scale 14         # the seed's body repeated 14 times

For each article: the offline reading (``sc.extract``) once, then, on that extraction,
``build_audit``, the audit's HTML, the derived-quote check of a rewrite that alters one
word in every second quote, and the extractive briefing (each bullet verified). Times are
medians over ``--repeat`` runs, in milliseconds. The process is pinned to one CPU when
the platform allows it; the machine's load average is printed, since a shared machine
makes every figure noisy.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import sourcecheck as sc
from sourcecheck._attribution_audit import build_audit, check_quotes
from sourcecheck._briefing import extractive_briefing
from sourcecheck._html import audit_html
from sourcecheck._models import Extraction, Quote, Span

SEED = Path(__file__).resolve().parent.parent / "seeds" / "us-backs-ukraine-security-guarantees.txt"


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _rewrite(extraction: Extraction) -> list[Quote]:
    """The source's quotes, every second one with one word changed, as a derived text."""
    parts = []
    for i, quote in enumerate(extraction.quotes):
        words = quote.span.text
        if i % 2:
            words = re.sub(r"\b(\w{4,})\b", "altered", words, count=1)
        parts.append(f'Someone said "{words}".')
    derived = " ".join(parts)
    quotes, at = [], 0
    for part in parts:
        start = derived.index(part, at) + len('Someone said "')
        end = start + len(part) - len('Someone said "') - 2
        quotes.append(Quote(span=Span.of(derived, start, end)))
        at = end
    return quotes


def bench(name: str, text: str, repeat: int) -> None:
    start = time.perf_counter()
    extraction = sc.extract(text, model="offline")
    read_ms = (time.perf_counter() - start) * 1000
    report = build_audit(extraction)
    derived = _rewrite(extraction)
    flagged = sum(c.flagged for c in check_quotes(extraction, derived))
    briefing = extractive_briefing(extraction)
    rows = {
        "audit": _median_ms(lambda: build_audit(extraction), repeat),
        "audit html": _median_ms(lambda: audit_html(report), repeat),
        "derived quotes": _median_ms(lambda: check_quotes(extraction, derived), repeat),
        "briefing": _median_ms(lambda: extractive_briefing(extraction), repeat),
    }
    print(
        f"{name}: {len(text):,} chars, {len(extraction.claims)} claims, "
        f"{len(extraction.quotes)} quotes, {len(extraction.attributions)} attributions; "
        f"read {read_ms:.0f} ms"
    )
    for label, ms in rows.items():
        print(f"  {label:<15} {ms:8.1f} ms")
    print(
        f"  derived quotes flagged: {flagged} of {len(derived)} "
        f"({len(derived) // 2} altered on purpose); briefing: {len(briefing.bullets)} bullets, "
        f"{sum(b.supported for b in briefing.bullets)} supported"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, default=[SEED])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--scale", type=int, default=1, help="repeat each article's body N times")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for path in args.articles:
        text = path.read_text(encoding="utf-8")
        if args.scale > 1:
            head, _, body = text.partition("\n\n")
            text = head + "\n\n" + "\n\n".join([body] * args.scale)
        bench(path.name, text, args.repeat)


if __name__ == "__main__":
    main()
