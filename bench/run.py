"""All of sourcecheck's speed benchmarks in one command, printed as one table.

    python bench/run.py            # the full suite (several minutes)
    python bench/run.py --quick    # tiny sizes: checks that every benchmark runs (CI)

Rows:

1. offline extract + verify, articles per second on one core, 600-word generated
   articles (``bench/articles.py``), best of three passes over distinct articles;
2. the aligner against langextract 1.7.1's WordAligner (``bench/bench_aligner.py``:
   200 snippets in 31,000 characters; langextract needs the ``bench`` extra);
3. verify, single-sentence statements per second on one core (``bench/bench_verify.py``'s
   statements and rate, against a 600-word article);
4. ``sourcecheck batch`` over 10,000 generated articles with 1% hostile inputs (in a
   subprocess, one worker): peak RSS, and RSS after 10% and at the end, which must stay
   flat (under 300 MB); every input must get exactly one record.

Throughput rows report wall-clock rates and CPU-time rates (process time), since the
machine may be shared: the CPU rate is what one quiet core would do.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import sourcecheck as sc

BENCH = Path(__file__).resolve().parent
SEED = BENCH.parent / "seeds" / "us-backs-ukraine-security-guarantees.txt"


def load(name: str) -> ModuleType:
    """A sibling script as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Row:
    measure: str
    value: str
    target: str
    verdict: str
    note: str = ""


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def bench_extract(quick: bool) -> Row:
    articles = load("articles")
    rng = random.Random(600)
    texts = [articles.article(rng, 600) for _ in range(5 if quick else 60)]
    sc.extract(texts[0])  # warm: imports, compiled patterns

    def one_pass() -> None:
        for text in texts:
            sc.extract(text)

    best_wall, best_cpu = min(timed(one_pass) for _ in range(1 if quick else 3))
    wall_rate, cpu_rate = len(texts) / best_wall, len(texts) / best_cpu
    words = sum(len(t.split()) for t in texts) / len(texts)
    return Row(
        "offline extract + verify, 1 core",
        f"{wall_rate:,.0f} articles/s wall, {cpu_rate:,.0f}/s CPU",
        ">= 200 articles/s",
        "met" if cpu_rate >= 200 else "NOT met",
        f"{len(texts)} generated articles of {words:.0f} words",
    )


def bench_aligner(quick: bool) -> Row:
    aligner = load("bench_aligner")
    n, chars = (20, 3000) if quick else (200, 31000)
    args = argparse.Namespace(text_dir=None, repeat=1 if quick else 5, peer_max_chars=40000)
    row: dict[str, Any] = aligner.bench_size(n, chars, args, random.Random(f"7:{n}:{chars}"))
    ours = row["sourcecheck"]
    value = f"sourcecheck {ours['cpu_seconds']:.3f} s CPU, accuracy {ours['accuracy']:.3f}"
    peer = row["langextract"]
    if isinstance(peer, dict):
        ratio = peer["cpu_seconds"] / max(ours["cpu_seconds"], 1e-9)
        value += f"; langextract {peer['cpu_seconds']:.2f} s, accuracy {peer['accuracy']:.3f}"
        verdict = f"{ratio:,.0f}x faster"
    else:
        verdict = "peer not run"
        value += f"; langextract: {peer}"
    return Row(f"aligner vs langextract, {n} snippets in {chars:,} chars", value, "-", verdict)


def bench_verify(quick: bool) -> Row:
    verify = load("bench_verify")
    article = verify.load_article(SEED, 600)
    statements = verify.make_statements(article, 50 if quick else 2000)
    sc.verify(statements[0], source=article)  # prepares and caches the source

    def one_pass() -> None:
        for statement in statements:
            sc.verify(statement, source=article)

    best_wall, best_cpu = min(timed(one_pass) for _ in range(1 if quick else 3))
    return Row(
        "verify, single-sentence statements, 1 core",
        f"{len(statements) / best_wall:,.0f}/s wall, {len(statements) / best_cpu:,.0f}/s CPU",
        ">= 500 statements/s",
        "met" if len(statements) / best_cpu >= 500 else "NOT met",
        f"{len(statements)} statements against {len(article.split())} words",
    )


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _tree(pid: int) -> list[int]:
    """The process and its descendants (worker processes), from /proc."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue += [int(p) for p in task.read_text().split()]
            except OSError:
                continue
    return found


def bench_batch_memory(quick: bool, workers: int) -> Row:
    articles = load("articles")
    count = 200 if quick else 10_000
    with tempfile.TemporaryDirectory() as scratch:
        source, out = Path(scratch) / "in.jsonl", Path(scratch) / "out.jsonl"
        articles.write_jsonl(source, count, hostile=0.01)
        command = [sys.executable, "-m", "sourcecheck", "batch", str(source), "--out", str(out)]
        command += ["--workers", str(workers), "--quiet"]
        started = time.perf_counter()
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        samples = _sample_rss(process, out, count)
        _, err = process.communicate()
        seconds = time.perf_counter() - started
        with out.open("rb") as handle:  # streamed: the results run to hundreds of MB
            records = [_head(line) for line in handle]
    ids = [r["id"] for r in records]
    complete = len(ids) == count and len(set(ids)) == count
    errors = sum(r["status"] == "error" for r in records)
    peak = max((kb for _, kb in samples), default=0) / 1024
    at = [_rss_at(samples, count * share) for share in (0.1, 0.5, 0.9)]
    # flat: what it holds late in the run is what it held early (the 5 MB hostile
    # inputs make short peaks, which the allocator partly keeps)
    flat = peak < 300 and at[2] <= at[0] * 1.25 + 10
    return Row(
        f"batch of {count:,} articles (1% hostile), {workers} worker(s)",
        f"peak RSS {peak:,.0f} MB; at 10% / 50% / 90% of the inputs "
        f"{' / '.join(f'{mb:,.0f}' for mb in at)} MB; {count / seconds:,.0f} articles/s",
        "flat, < 300 MB; one record each",
        "met" if flat and complete else "NOT met",
        f"{len(records):,} records, {errors} errors, ids unique: {len(set(ids)) == len(ids)}"
        + ("" if process.returncode in (0, 1) else f"; exit {process.returncode}: {err[-200:]}"),
    )


def _head(line: bytes) -> dict[str, Any]:
    """A record without its (large) result."""
    record: dict[str, Any] = json.loads(line)
    record.pop("result", None)
    return record


def _rss_at(samples: list[tuple[int, int]], done: float) -> float:
    """RSS in MB at the first sample after ``done`` records."""
    if not samples:
        return 0.0
    return next((kb for written, kb in samples if written >= done), samples[-1][1]) / 1024


def _sample_rss(process: subprocess.Popen[str], out: Path, count: int) -> list[tuple[int, int]]:
    """(records written, RSS in kB of the batch and its workers), every 0.2 s."""
    samples: list[tuple[int, int]] = []
    offset, done = 0, 0
    while process.poll() is None:
        if out.exists():
            with out.open("rb") as handle:
                handle.seek(offset)
                chunk = handle.read()
            done += chunk.count(b"\n")
            offset += len(chunk)
        samples.append((done, sum(_rss_kb(pid) for pid in _tree(process.pid))))
        time.sleep(0.2)
    return samples


def machine() -> str:
    load_average = os.getloadavg() if hasattr(os, "getloadavg") else None
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average at start "
        f"{', '.join(f'{x:.1f}' for x in load_average or ())}"
    )


def table(rows: list[Row]) -> str:
    lines = [
        "| measure | result | target | verdict | notes |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {r.measure} | {r.value} | {r.target} | {r.verdict} | {r.note} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: check they run")
    parser.add_argument("--workers", type=int, default=1, help="for the batch memory run")
    parser.add_argument(
        "--only", choices=["extract", "aligner", "verify", "batch"], action="append"
    )
    args = parser.parse_args(argv)
    print(f"sourcecheck {sc.__version__} on {machine()}", flush=True)
    rows = []
    if not args.only or "batch" in args.only:  # first: before this process is pinned
        rows.append(bench_batch_memory(args.quick, args.workers))
    pin_one_core()
    benches = {"extract": bench_extract, "aligner": bench_aligner, "verify": bench_verify}
    for name, bench in benches.items():
        if not args.only or name in args.only:
            rows.append(bench(args.quick))
            print(f"  done: {rows[-1].measure}", file=sys.stderr, flush=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
