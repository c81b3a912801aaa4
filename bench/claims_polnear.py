"""Offline claims on a folder of news texts (e.g. PolNeAR dev): counts, kinds, speed.

    python bench/claims_polnear.py /work/shared/data/polnear-dev [--show opinion]
    python bench/claims_polnear.py FOLDER_OF_TXT_FILES

Reads every article (read-only), runs the offline reader (its quotes and attributions,
when the reader is installed; otherwise claims alone), and prints: claims per article,
the kinds, the share with an attribution, milliseconds per article, and how many short
statements per second ``Document`` splits (the verifier's use). ``--show KIND`` prints a
sample of claims of one kind to eyeball.

Given a PolNeAR folder (``text/`` and ``attributions/``), it also scores whether each
claim is attributed against the gold attributions: a claim is attributed in the gold
when a gold attribution's cue lies inside its evidence or its content covers at least a
quarter of it; precision, recall and F1 of "attributed", and, where both say so, whether
the source agrees (character Jaccard >= 0.5 with the source of the gold attribution that
covers the claim most, as bench/polnear.py scores sources).
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
from dataclasses import dataclass
from pathlib import Path

from polnear import Item, jaccard, load_articles  # bench/polnear.py, beside this file

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


@dataclass
class Linkage:
    """Claim attribution against the gold, counted over claims."""

    both: int = 0
    predicted_only: int = 0
    gold_only: int = 0
    source_right: int = 0

    def add(self, claim: ClaimDraft, gold: Sequence[Item]) -> None:
        evidence = frozenset(i for span in claim.evidence for i in range(span.start, span.end))
        covering = _gold_covering(evidence, gold)
        if covering is not None and claim.attribution is not None:
            self.both += 1
            source = claim.attribution.source
            chars = frozenset(range(source.start, source.end)) if source else frozenset()
            self.source_right += jaccard(chars, covering.source) >= 0.5
        elif claim.attribution is not None:
            self.predicted_only += 1
        elif covering is not None:
            self.gold_only += 1

    def report(self) -> str:
        precision = self.both / max(self.both + self.predicted_only, 1)
        recall = self.both / max(self.both + self.gold_only, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        return (
            f"claim attributed vs gold: precision {precision:.3f}, recall {recall:.3f}, "
            f"F1 {f1:.3f}; source right on {self.source_right / max(self.both, 1):.3f} "
            f"of {self.both} claims attributed in both"
        )


def _gold_covering(evidence: frozenset[int], gold: Sequence[Item]) -> Item | None:
    best, best_overlap = None, 0
    for item in gold:
        overlap = len(item.content & evidence)
        inside = bool(item.cue) and item.cue <= evidence
        if (inside or overlap >= 0.25 * len(evidence)) and overlap > best_overlap:
            best, best_overlap = item, overlap
    return best


def _articles(folder: Path) -> list[tuple[str, str, tuple[Item, ...] | None]]:
    if (folder / "text").is_dir() and (folder / "attributions").is_dir():
        return [(a.name, a.text, a.gold) for a in load_articles(folder)]
    paths = sorted(folder.glob("*.txt"))
    return [(p.name, p.read_text(encoding="utf-8"), None) for p in paths]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", help="print a sample of claims of this kind")
    parser.add_argument("--sample", type=int, default=25)
    args = parser.parse_args(argv)
    articles = _articles(args.folder)
    if not articles:
        print(f"no articles in {args.folder}", file=sys.stderr)
        return 2
    linkage = Linkage()
    scored = False

    kinds: Counter[str] = Counter()
    per_article: list[int] = []
    times: list[float] = []
    body = attributed = quoted = 0
    shown: list[tuple[str, str]] = []
    mode = ""
    for name, text, gold in articles:
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
                shown.append((name, claim.text))
            if gold is not None:
                linkage.add(claim, gold)
                scored = True

    total = sum(per_article)
    print(f"{len(articles)} articles, {mode}, load average {os.getloadavg()[0]:.1f}")
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
    if scored:
        print(linkage.report())
    print(f"Document on short statements: {_statements_per_second():.0f} statements/s")
    if args.show:
        random.seed(0)
        for name, text in random.sample(shown, min(args.sample, len(shown))):
            print(f"- [{name[:30]}] {text[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
