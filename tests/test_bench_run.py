"""bench/run.py --quick: every benchmark runs and the table comes out (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_run_quick_prints_the_table() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| measure | result |")
    measures = [row.split(" | ")[0].removeprefix("| ") for row in rows[1:]]
    assert [m.split(",")[0].split(" of ")[0] for m in measures] == [
        "batch",
        "offline extract + verify",
        "aligner vs langextract",
        "verify",
    ]
    batch = rows[1]
    assert "200 records" in batch
    assert "ids unique: True" in batch
