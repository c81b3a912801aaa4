"""Attribution quality on PolNeAR: who said what, scored against annotated news.

Usage::

    python bench/polnear.py /work/shared/data/polnear-dev
    python bench/polnear.py DATA --model NAME [--base-url URL]   # score an LLM reader
    python bench/polnear.py DATA --reader-only                   # time the offline rules alone
    python bench/polnear.py DATA --fold 1/2                      # every other article

The data folder holds ``text/NAME.txt`` and ``attributions/NAME_SUFFIX.ann`` (brat
standoff). Scoring, exactly as issue 5 specifies:

- one gold attribution per ``E`` line: its content characters (all ``;`` parts), its
  cue and source characters (empty if absent); where an article has several annotation
  files, the alphabetically first is used;
- predictions are the attributions of ``sourcecheck.extract(text)`` (no model unless
  ``--model``);
- predicted and gold attributions are matched one to one, greedily by character
  Jaccard of the content, highest first, a pair counting only at Jaccard >= 0.5;
- content precision, recall and F1 over those pairs; cue accuracy and source accuracy
  on the matched pairs (a cue or source is right at character Jaccard >= 0.5, or when
  both are empty; source accuracy only over pairs whose gold has a source); end-to-end
  F1, where a pair counts only if its source also matches (or the gold has none);
- seconds per article: wall clock and CPU time of the ``extract`` call alone (with
  ``--reader-only``: of building the ``Document`` and reading its attributions).

All counts are micro-averaged over the articles. The scoring functions are importable
and unit-tested (tests/test_bench_polnear.py).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Article",
    "Item",
    "Scores",
    "gold_items",
    "jaccard",
    "load_articles",
    "match",
    "predicted_items",
    "score_article",
]


def _wordlist(words: str) -> list[str]:
    """Whitespace-separated words (keeps long lexicons readable)."""
    return words.split()


THRESHOLD = 0.5
# Cues that are verbs of saying (for the recall breakdown); everything else counts as a
# non-speech cue: thought, intention, evidence, stance, punctuation.
SPEECH_CUES = frozenset(
    _wordlist(
        """
    say says said saying tell tells told telling add adds added adding state states
    stated note notes noted noting write writes wrote writing written explain explained
    explains ask asks asked declare declared announce announced tweet tweeted reply
    replied respond responded continue continued according
    """
    )
)
_QUOTE_MARKS = '"“”‘’«»`'


@dataclass(frozen=True)
class Item:
    """One attribution as character sets: content, cue and source (empty if absent)."""

    content: frozenset[int]
    cue: frozenset[int] = frozenset()
    source: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    gold: tuple[Item, ...]


def _chars(ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for start, end in ranges for i in range(start, end))


def _ranges(field_text: str) -> list[tuple[int, int]]:
    """'12 20;25 30' -> [(12, 20), (25, 30)]"""
    ranges = []
    for part in field_text.split(";"):
        start, end = part.split()
        ranges.append((int(start), int(end)))
    return ranges


def gold_items(ann: str) -> list[Item]:
    """The gold attributions of one brat standoff file: one per ``E`` line."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            _label, _, where = parts[1].partition(" ")
            spans[parts[0]] = _ranges(where)
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    items = []
    for roles in events:

        def chars(role: str, roles: dict[str, str] = roles) -> frozenset[int]:
            return _chars(spans.get(roles[role], [])) if role in roles else frozenset()

        items.append(Item(chars("Content"), chars("Cue"), chars("Source")))
    return items


def load_articles(folder: Path) -> list[Article]:
    """Every article of a PolNeAR folder that has an annotation file."""
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = gold_items(anns[0].read_text(encoding="utf-8"))
        articles.append(Article(text_path.stem, text, tuple(gold)))
    return articles


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Character Jaccard; two empty sets agree (1.0)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def match(predicted: Sequence[Item], gold: Sequence[Item]) -> list[tuple[int, int, float]]:
    """One-to-one pairs (predicted index, gold index, Jaccard), greedy by content Jaccard."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p.content and g.content and not p.content.isdisjoint(g.content):
                score = jaccard(p.content, g.content)
                if score >= THRESHOLD:
                    candidates.append((score, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, score))
    return pairs


def gold_kind(item: Item, text: str) -> str:
    """quoted, partly quoted or unquoted, by the quote marks in the gold content."""
    content = "".join(text[i] for i in sorted(item.content)).strip()
    marks = sum(content.count(m) for m in _QUOTE_MARKS)
    if not marks:
        return "unquoted"
    if content[:1] in _QUOTE_MARKS and content.rstrip(".,")[-1:] in _QUOTE_MARKS:
        return "quoted"
    return "partly quoted"


def gold_cue_kind(item: Item, text: str) -> str:
    words = "".join(
        text[i] if i in item.cue else " "
        for i in range(min(item.cue, default=0), max(item.cue, default=-1) + 1)
    )
    lows = {w.strip(".,:;").lower() for w in words.split()}
    return "speech-verb cue" if lows & SPEECH_CUES else "other cue"


@dataclass
class Scores:
    """Counts summed over articles; the rates are computed from them."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    cue_right: int = 0
    source_pairs: int = 0  # matched pairs whose gold has a source
    source_right: int = 0
    end_to_end: int = 0
    seconds: float = 0.0  # wall clock
    cpu_seconds: float = 0.0  # this process's CPU time: steadier on a shared machine
    articles: int = 0
    failures: int = 0  # articles whose reading raised (scored as no predictions)
    by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def cue_accuracy(self) -> float:
        return self.cue_right / self.matched if self.matched else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_pairs if self.source_pairs else 0.0

    @property
    def end_to_end_f1(self) -> float:
        p = self.end_to_end / self.predicted if self.predicted else 0.0
        r = self.end_to_end / self.gold if self.gold else 0.0
        return self._f1(p, r)

    def add(self, other: Scores) -> None:
        for name in (
            "predicted",
            "gold",
            "matched",
            "cue_right",
            "source_pairs",
            "source_right",
            "end_to_end",
            "seconds",
            "cpu_seconds",
            "articles",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.by_kind.update(other.by_kind)
        self.found_by_kind.update(other.found_by_kind)


def score_article(predicted: Sequence[Item], gold: Sequence[Item], text: str = "") -> Scores:
    """The counts for one article (``text`` only feeds the recall breakdown)."""
    scores = Scores(predicted=len(predicted), gold=len(gold), articles=1)
    pairs = match(predicted, gold)
    scores.matched = len(pairs)
    found = {j for _, j, _ in pairs}
    for i, j, _ in pairs:
        p, g = predicted[i], gold[j]
        scores.cue_right += jaccard(p.cue, g.cue) >= THRESHOLD
        source_ok = jaccard(p.source, g.source) >= THRESHOLD
        if g.source:
            scores.source_pairs += 1
            scores.source_right += source_ok
        scores.end_to_end += source_ok or not g.source
    if text:
        for j, g in enumerate(gold):
            for kind in (gold_kind(g, text), gold_cue_kind(g, text)):
                scores.by_kind[kind] += 1
                scores.found_by_kind[kind] += j in found
    return scores


def predicted_items(attributions: Iterable[object]) -> list[Item]:
    """Items from ``Attribution`` objects (anything with content/cue/source spans)."""
    items = []
    for a in attributions:

        def chars(span: object) -> frozenset[int]:
            if span is None:
                return frozenset()
            return _chars([(span.start, span.end)])  # type: ignore[attr-defined]

        items.append(Item(chars(a.content), chars(a.cue), chars(a.source)))  # type: ignore[attr-defined]
    return items


def run(
    articles: Sequence[Article],
    predict: Callable[[str], Sequence[object]],
    *,
    warm_up: bool = True,
) -> Scores:
    """Score ``predict`` (text -> attributions, or ``Item``s) on every article.

    Only the prediction is timed; turning spans into character sets for scoring is not.
    """
    total = Scores()
    if articles and warm_up:
        # Imports and regex compilation happen on the first call: keep them out of timing.
        with contextlib.suppress(Exception):
            predict(articles[0].text)
    for article in articles:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            found = predict(article.text)
        except Exception as exc:  # a failed model call is counted, and the run goes on
            print(f"{article.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            found, total.failures = [], total.failures + 1
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        predicted = [f if isinstance(f, Item) else predicted_items([f])[0] for f in found]
        scores = score_article(predicted, article.gold, article.text)
        scores.seconds, scores.cpu_seconds = elapsed, cpu
        total.add(scores)
    return total


def report(scores: Scores) -> str:
    lines = [
        f"articles {scores.articles}  gold {scores.gold}  predicted {scores.predicted}  "
        f"matched {scores.matched}  failed {scores.failures}",
        f"content  P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}",
        f"cue accuracy     {scores.cue_accuracy:.3f}  (on {scores.matched} matched pairs)",
        f"source accuracy  {scores.source_accuracy:.3f}  (on {scores.source_pairs} pairs "
        "whose gold has a source)",
        f"end-to-end F1    {scores.end_to_end_f1:.3f}",
        f"seconds/article  {scores.seconds / max(scores.articles, 1):.4f} wall, "
        f"{scores.cpu_seconds / max(scores.articles, 1):.4f} CPU",
        "recall by kind:",
    ]
    for kind in ("quoted", "partly quoted", "unquoted", "speech-verb cue", "other cue"):
        n = scores.by_kind[kind]
        hit = scores.found_by_kind[kind]
        lines.append(f"  {kind:<16} {hit / n if n else 0.0:.3f}  ({hit}/{n})")
    return "\n".join(lines)


def _predictor(
    model: str | None, base_url: str | None, reader_only: bool
) -> Callable[[str], Sequence[object]]:
    if reader_only:
        from sourcecheck._document import Document
        from sourcecheck._offline._reader import read_attributions

        return lambda text: read_attributions(Document(text))[1]
    import sourcecheck

    options = {"base_url": base_url} if base_url else {}
    chosen = model or "offline"

    def predict(text: str) -> Sequence[object]:
        return sourcecheck.extract(text, model=chosen, **options).attributions

    return predict


def _fold(value: str) -> tuple[int, int]:
    """'1/2' -> (1, 2); argparse turns the ValueError into a usage error."""
    k, _, n = value.partition("/")
    fold = int(k), int(n)
    if not 1 <= fold[0] <= fold[1]:
        raise ValueError(value)
    return fold


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="a PolNeAR folder with text/ and attributions/")
    parser.add_argument("--model", help="score an LLM reader (default: the offline reader)")
    parser.add_argument("--base-url", help="OpenAI-compatible server for --model")
    parser.add_argument(
        "--reader-only",
        action="store_true",
        help="time the offline attribution rules alone, not the whole extract()",
    )
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument(
        "--fold",
        type=_fold,
        metavar="K/N",
        help="score only every N-th article starting at the K-th (1-based): develop rules "
        "on one fold, check them on another",
    )
    args = parser.parse_args(argv)
    articles = load_articles(args.folder)
    if args.fold:
        k, n = args.fold
        articles = articles[k - 1 :: n]
    if args.limit:
        articles = articles[: args.limit]
    if not articles:
        print(f"no annotated articles under {args.folder}", file=sys.stderr)
        return 2
    scores = run(articles, _predictor(args.model, args.base_url, args.reader_only))
    rules_only = " (attribution rules only)" if args.reader_only else ""
    print(f"reader: {args.model or 'offline'}{rules_only}")
    print(report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
