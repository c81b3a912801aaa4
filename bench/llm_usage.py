"""Calls, tokens and time per article with a model, then the cached re-run.

    python bench/llm_usage.py --model gemma-3-270m --base-url http://127.0.0.1:8765/v1 \
        seeds/*.txt

Each article is read twice with a fresh cache directory: the first pass calls the model,
the second must make zero calls (it reads the cache). Prints one line per article and
pass. With a small model on a shared CPU the times are dominated by the server's load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import sourcecheck as sc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--model", required=True)
    parser.add_argument("--base-url", default=None)
    parser.add_argument("--mode", default=None)
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as cache:
        print("article\tpass\tcalls\tcached\tprompt_tokens\tcompletion_tokens\tseconds")
        for path in args.articles:
            text = path.read_text(encoding="utf-8")
            for label in ("first", "cached"):
                started = time.perf_counter()
                try:
                    result = sc.extract(
                        text, model=args.model, base_url=args.base_url, mode=args.mode, cache=cache
                    )
                except sc.SourcecheckError as exc:
                    print(f"{path.name}\t{label}\terror: {exc}")
                    failures += 1
                    break
                u = result.usage
                seconds = time.perf_counter() - started
                print(
                    f"{path.name}\t{label}\t{u.calls}\t{u.cached_calls}\t{u.prompt_tokens}\t"
                    f"{u.completion_tokens}\t{seconds:.1f}"
                )
                if label == "cached" and u.calls:
                    print(f"{path.name}: the cached re-run made {u.calls} calls", file=sys.stderr)
                    failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
