"""SummEdits harness: balanced accuracy of the verifier on a SummEdits JSON list.

A summary counts as consistent when the verifier labels it supported; the gold label 1
means consistent. Prints the balanced accuracy, the confusion counts and a breakdown by
edit type (the file's ``edit_types``; an unedited or paraphrased summary is "none").

    python bench/summedits.py /work/shared/data/summedits-news/dev.json
    python bench/summedits.py DEV.json --model NAME --base-url URL   # with the LLM judge
    python bench/summedits.py DEV.json --errors 20                   # show mistakes
    python bench/summedits.py DEV.json --model M --base-url U --limit 5   # smoke run

The data is never copied into the repository: pass its path.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import sourcecheck as sc


def balanced_accuracy(gold: list[bool], predicted: list[bool]) -> float:
    """The mean of the recall on consistent and on inconsistent summaries."""
    recalls = []
    for cls in (True, False):
        picked = [p for g, p in zip(gold, predicted, strict=True) if g is cls]
        if picked:
            recalls.append(sum(p is cls for p in picked) / len(picked))
    return sum(recalls) / len(recalls) if recalls else 0.0


def run(
    items: list[dict[str, Any]], judge: Any = None
) -> list[tuple[dict[str, Any], sc.Verification]]:
    results = []
    for item in items:
        result = sc.verify(item["summary"], source=item["doc"], judge=judge)
        results.append((item, result))
    return results


def _document_name(doc: str) -> str:
    """A short, stable name for a source document: its first words."""
    return " ".join(doc.split()[:6])[:40]


def _report_documents(
    results: list[tuple[dict[str, Any], sc.Verification]], gold: list[bool], predicted: list[bool]
) -> None:
    """Balanced accuracy per source document, and the spread between them.

    The word lists were written while reading errors on these documents, so a high
    overall figure can hide one document carried by its own vocabulary: the mean over
    documents (each weighs the same) and the worst document show what generalises.
    Leave-one-document-out: the overall figure on the other documents, without each one.
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for n, (item, _) in enumerate(results):
        by_doc[_document_name(item["doc"])].append(n)
    if len(by_doc) < 2:
        return
    print("by document (balanced accuracy; overall without this document):")
    scores = []
    for name, rows in sorted(by_doc.items()):
        mine = balanced_accuracy([gold[n] for n in rows], [predicted[n] for n in rows])
        rest = [n for n in range(len(results)) if n not in set(rows)]
        others = balanced_accuracy([gold[n] for n in rest], [predicted[n] for n in rest])
        scores.append(mine)
        # Edits of one original summary share its wording: they are not independent, so
        # the number of originals is the real sample size of a document.
        originals = len({results[n][0].get("original_summary") for n in rows})
        print(
            f"  {name:42s} n={len(rows):3d} originals={originals:2d}  {mine:.3f}"
            f"  (without it: {others:.3f})"
        )
    print(
        f"  per-document mean {sum(scores) / len(scores):.3f}, worst {min(scores):.3f}, "
        f"spread {max(scores) - min(scores):.3f}"
    )


def report(results: list[tuple[dict[str, Any], sc.Verification]], errors: int) -> float:
    gold = [bool(item["label"]) for item, _ in results]
    predicted = [result.supported for _, result in results]
    score = balanced_accuracy(gold, predicted)
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    tn = sum(not g and not p for g, p in zip(gold, predicted, strict=True))
    print(
        f"summaries: {len(results)} (consistent {sum(gold)}, inconsistent {len(gold) - sum(gold)})"
    )
    print(f"balanced accuracy: {score:.3f}")
    bad = len(gold) - sum(gold)
    print(f"consistent kept supported: {tp}/{sum(gold)}; inconsistent caught: {tn}/{bad}")
    by_type: dict[str, list[bool]] = defaultdict(list)
    for (item, result), g in zip(results, gold, strict=True):
        for edit in item.get("edit_types") or ["none"]:
            by_type[f"{edit} ({'consistent' if g else 'inconsistent'})"].append(
                result.supported is g
            )
    _report_documents(results, gold, predicted)
    print("by edit type (share judged correctly):")
    for name, hits in sorted(by_type.items()):
        print(f"  {name:50s} {sum(hits):3d}/{len(hits):3d} = {sum(hits) / len(hits):.2f}")
    shown = 0
    for (item, result), g in zip(results, gold, strict=True):
        if shown >= errors or result.supported is g:
            continue
        shown += 1
        truth = "consistent" if g else "inconsistent"
        print(f"\n[{truth} {item.get('edit_types')}] -> {result.label.value}")
        print("  ", item["summary"])
        for sentence in result.sentences:
            for check in sentence.verdict.checks:
                if check.outcome == "fail":
                    print(f"   - {check.name}: {check.message}")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "path", type=Path, help="a SummEdits JSON list (doc, summary, label, edit_types)"
    )
    parser.add_argument("--model", help="judge undecided sentences with this model")
    parser.add_argument("--base-url", help="an OpenAI-compatible server for --model")
    parser.add_argument("--mode", help="instructor mode for --model (json_schema, json, tools)")
    parser.add_argument("--timeout", type=float, help="seconds per model call")
    parser.add_argument("--errors", type=int, default=0, help="print this many mistakes")
    parser.add_argument("--limit", type=int, help="only the first N summaries (a smoke run)")
    args = parser.parse_args(argv)
    items = json.loads(args.path.read_text(encoding="utf-8"))[: args.limit]
    judge = None
    if args.model:
        from sourcecheck._llm import LLMJudge

        given = {"base_url": args.base_url, "mode": args.mode, "timeout": args.timeout}
        judge = LLMJudge(args.model, **{k: v for k, v in given.items() if v is not None})
    started = time.perf_counter()
    results = run(items, judge)
    elapsed = time.perf_counter() - started
    report(results, args.errors)
    judged = sum(
        check.name == "judge"
        for _, result in results
        for sentence in result.sentences
        for check in sentence.verdict.checks
    )
    print(f"sentences sent to the judge: {judged}")
    how = f"judge {args.model}" if args.model else "offline"
    print(f"\n{len(items)} summaries in {elapsed:.2f} s ({how})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
