"""Offline claims on a folder of news texts (e.g. PolNeAR dev): counts, kinds, speed.

    python bench/claims_polnear.py /work/shared/data/polnear-dev/text [--show opinion]

Reads every ``*.txt`` under the folder (read-only), runs the offline reader (its quotes
and attributions, when the reader is installed; otherwise claims alone), and prints:
claims per article, the kinds, the share with an attribution, body sentences skipped,
milliseconds per article, and how many short statements per second ``Document`` splits
(the verifier's use). ``--show KIND`` prints a sample of claims of one kind to eyeball.
The machine is shared: run it at a quiet moment and report the load printed with it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sourcecheck._document import Document
from sourcecheck._models import Attribution, Quote
from sourcecheck._offline._claims import draft_claims
from sourcecheck._reading import ClaimDraft


def _read(document: Document) -> tuple[list[ClaimDraft], str]:
    """Claims through the full offline reader when it is there, else claims alone."""
    try:
        from sourcecheck._offline import OfflineReader
    except ImportError:
        quotes: Sequence[Quote] = ()
        attributions: Sequence[Attribution] = ()
        return draft_claims(document, quotes, attributions), "claims only"
    return list(OfflineReader().read(document).claims), "offline reader"


def _statements_per_second(repeat: int = 2000) -> float:
    statement = "The summit was held in London on Tuesday, officials said. It lasted two days."
    begin = time.perf_counter()
    for _ in range(repeat):
        Document(statement)
    return repeat / (time.perf_counter() - begin)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", help="print a sample of claims of this kind")
    parser.add_argument("--sample", type=int, default=25)
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2

    kinds: Counter[str] = Counter()
    per_article: list[int] = []
    times: list[float] = []
    body = attributed = quoted = 0
    shown: list[tuple[str, str]] = []
    mode = ""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        begin = time.perf_counter()
        document = Document(text)
        claims, mode = _read(document)
        times.append(time.perf_counter() - begin)
        body += len(document.body_sentences)
        per_article.append(len(claims))
        for claim in claims:
            kinds[claim.kind.value] += 1
            attributed += claim.attribution is not None
            quoted += bool(claim.quoted)
            if claim.kind.value == args.show:
                shown.append((path.name, claim.text))

    total = sum(per_article)
    print(f"{len(paths)} articles, {mode}, load average {os.getloadavg()[0]:.1f}")
    print(f"body sentences {body}, claims {total} ({total / max(body, 1):.2f} per body sentence)")
    print(
        f"claims per article: mean {statistics.mean(per_article):.1f}, "
        f"median {statistics.median(per_article)}, min {min(per_article)}, "
        f"max {max(per_article)}"
    )
    print("kinds: " + ", ".join(f"{k} {n} ({n / total:.0%})" for k, n in kinds.most_common()))
    print(f"with an attribution {attributed / total:.0%}, with quoted words {quoted / total:.0%}")
    print(
        f"time per article (document + reading): mean {statistics.mean(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms"
    )
    print(f"Document on short statements: {_statements_per_second():.0f} statements/s")
    if args.show:
        random.seed(0)
        for name, text in random.sample(shown, min(args.sample, len(shown))):
            print(f"- [{name[:30]}] {text[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
