"""The ``sourcecheck`` command: a thin shell over the library.

Every command reads its inputs, calls the public API and prints. Errors that sourcecheck
raises on purpose become one line on stderr and a non-zero exit, never a traceback.

Exit codes: 0 success, 1 some inputs failed (the rest were still processed),
2 usage or input error, 3 model error, 70 an unexpected internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sourcecheck._api import extract
from sourcecheck._exceptions import InputError, ModelError, SourcecheckError
from sourcecheck._models import Extraction
from sourcecheck._report import text_report

__all__ = ["main"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_MODEL, EXIT_INTERNAL = 0, 1, 2, 3, 70


class CommandError(SourcecheckError):
    """A problem with the command line itself (a file that cannot be read, ...)."""


def read_input(path: str) -> str | bytes:
    """The text at ``path`` (``-`` is stdin), as bytes when it is not valid UTF-8.

    Bytes go on to ``check_text``, which names the problem (binary, bad UTF-8).
    """
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def _model_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    if getattr(args, "base_url", None):
        options["base_url"] = args.base_url
    if getattr(args, "mode", None):
        options["mode"] = args.mode
    if getattr(args, "no_cache", False):
        options["cache"] = False
    return options


def _write_json(path: str, extractions: Sequence[Extraction]) -> None:
    payload = [e.model_dump(mode="json") for e in extractions]
    data = json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2)
    try:
        Path(path).write_text(data + "\n", encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None


def cmd_check(args: argparse.Namespace) -> int:
    results: list[Extraction] = []
    failures = 0
    for path in args.files:
        try:
            text = read_input(path)
            result = extract(text, model=args.model, **_model_options(args))  # type: ignore[arg-type]
        except (InputError, ModelError, CommandError) as exc:
            failures += 1
            print(f"sourcecheck: {path}: {exc}", file=sys.stderr)
            continue
        results.append(result)
        print(text_report(result, title="stdin" if path == "-" else path))
        print()
    if args.json and results:
        _write_json(args.json, results)
    if failures == 0:
        return EXIT_OK
    return EXIT_PARTIAL if results else EXIT_USAGE


def _read_text(path: str) -> str:
    """The text at ``path``, or an ``InputError`` that names the file."""
    from sourcecheck._document import check_text

    try:
        return check_text(read_input(path))
    except InputError as exc:
        raise CommandError(f"{path}: {exc}") from None


def _write_text(path: str, data: str) -> None:
    try:
        Path(path).write_text(data, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None


def cmd_brief(args: argparse.Namespace) -> int:
    from sourcecheck._briefing import brief

    briefing = brief(
        _read_text(args.file),
        model=args.model,
        max_bullets=args.max_bullets,
        unsupported="drop" if args.drop_unsupported else "flag",
        **_model_options(args),
    )
    print(briefing.to_markdown())
    if args.json:
        _write_text(args.json, briefing.model_dump_json(indent=2) + "\n")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    import csv
    import io

    from sourcecheck._audit import audit
    from sourcecheck._html import audit_body, report_page
    from sourcecheck._tables import audit_records

    derived = _read_text(args.derived) if args.derived else None
    report = audit(_read_text(args.file), derived=derived, model=args.model, **_model_options(args))
    print(report.to_text())
    if args.html:
        title = f"sourcecheck audit: {'stdin' if args.file == '-' else Path(args.file).name}"
        _write_text(args.html, report_page(title, audit_body(report)))
    if args.csv:
        rows, columns = audit_records(report)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        _write_text(args.csv, buffer.getvalue())
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    import asyncio

    from sourcecheck._api import resolve_model
    from sourcecheck._batch import model_process, run_batch, run_batch_async

    model = resolve_model(args.model)
    show = not args.quiet
    if model is None:
        summary = run_batch(args.input, args.out, workers=args.workers, progress=show)
    else:
        process = model_process(model, rpm=args.rpm, **_model_options(args))
        batch = run_batch_async(
            args.input, args.out, process, concurrency=args.concurrency, progress=show
        )
        summary = asyncio.run(batch)
    print(f"sourcecheck: {summary.describe()}", file=sys.stderr)
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def _positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    def parse(value: str) -> float:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number <= 0:
            raise argparse.ArgumentTypeError(f"must be positive, not {value}")
        return number

    return parse


def _add_batch(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = commands.add_parser(
        "batch",
        help="many articles to JSONL, one record each; a re-run resumes",
        description="Read a folder, a glob or a JSONL file of {id, text} and append one "
        "JSON line per input to --out: a result or an error record. A re-run skips what "
        "--out already holds (by id and content hash) and finishes the rest.",
    )
    batch.add_argument("input", metavar="INPUT", help="a folder, a glob or a .jsonl file")
    batch.add_argument("--out", required=True, metavar="PATH", help="the results (JSONL)")
    batch.add_argument(
        "--workers", type=_positive(int), default=1, metavar="N", help="processes (offline)"
    )
    batch.add_argument(
        "--concurrency", type=_positive(int), default=4, metavar="N", help="model calls in flight"
    )
    batch.add_argument(
        "--rpm", type=_positive(float), metavar="N", help="model requests per minute at most"
    )
    batch.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_model_flags(batch)
    batch.set_defaults(run=cmd_batch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcecheck",
        description="What a news article claims, who said what, and whether it holds up.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="extract and verify claims, quotes, attributions")
    check.add_argument("files", nargs="+", metavar="FILE", help="article text files; - is stdin")
    check.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    _add_model_flags(check)
    check.set_defaults(run=cmd_check)

    brief = commands.add_parser("brief", help="a short briefing whose bullets cite the source")
    brief.add_argument("file", metavar="FILE", help="an article text file; - is stdin")
    brief.add_argument("--max-bullets", type=int, default=5, metavar="N", help="default 5")
    brief.add_argument(
        "--drop-unsupported",
        action="store_true",
        help="drop bullets the source does not support (default: keep them, flagged)",
    )
    brief.add_argument("--json", metavar="PATH", help="also write the briefing as JSON")
    _add_model_flags(brief)
    brief.set_defaults(run=cmd_brief)

    audit = commands.add_parser("audit", help="who said what; what no one is credited with")
    audit.add_argument("file", metavar="FILE", help="an article text file; - is stdin")
    audit.add_argument("--html", metavar="PATH", help="write a self-contained HTML report")
    audit.add_argument("--csv", metavar="PATH", help="write the attributions as CSV")
    audit.add_argument(
        "--derived", metavar="FILE", help="check the quotes of a text written from the article"
    )
    _add_model_flags(audit)
    audit.set_defaults(run=cmd_audit)
    _add_batch(commands)
    return parser


def _add_model_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="read with this LLM (default: $SOURCECHECK_MODEL, else the offline reader)",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="an OpenAI-compatible server (default: $OPENAI_BASE_URL, else OpenAI)",
    )
    parser.add_argument(
        "--mode",
        choices=["tools", "json_schema", "json", "md_json"],
        help="instructor mode (default: tools on OpenAI, json_schema on other servers)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="ask the model again instead of reusing cached answers",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except KeyboardInterrupt:
        print("sourcecheck: interrupted", file=sys.stderr)
        return 130
    except ModelError as exc:
        print(f"sourcecheck: model error: {exc}", file=sys.stderr)
        return EXIT_MODEL
    except SourcecheckError as exc:
        print(f"sourcecheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the promise is: no traceback, ever, unless asked for
        if os.environ.get("SOURCECHECK_DEBUG"):
            raise
        print(
            f"sourcecheck: internal error ({type(exc).__name__}: {exc}); "
            "set SOURCECHECK_DEBUG=1 for a traceback",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
