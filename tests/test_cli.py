from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sourcecheck._cli import main


def test_check_prints_a_report_and_writes_json(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "result.json"
    assert main(["check", str(seed_path), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    for heading in ("Claims", "Quotes", "Attributions", "Witkoff"):
        assert heading in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["text"] == seed_path.read_text(encoding="utf-8")
    assert data["claims"]
    assert data["quotes"]


def test_check_reads_stdin() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "sourcecheck", "check", "-"],
        input=b'"We will win," the coach said on Sunday.',
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert b"the coach" in run.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"   \n ", "blank"), (b"a\x00b", "NUL"), (b"\xff\xfe\xfa", "UTF-8")],
)
def test_bad_input_is_one_line_and_no_traceback(
    tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    run = subprocess.run(
        [sys.executable, "-m", "sourcecheck", "check", str(bad)], capture_output=True, check=False
    )
    assert run.returncode == 2
    err = run.stderr.decode()
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_missing_file_is_reported_and_others_still_run(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nope.txt"), str(seed_path)]) == 1
    captured = capsys.readouterr()
    assert "cannot read" in captured.err
    assert "Witkoff" in captured.out
