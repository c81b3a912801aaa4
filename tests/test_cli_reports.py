"""``sourcecheck brief`` and ``sourcecheck audit``: printed reports, HTML, CSV, JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sourcecheck._cli import main

WITKOFF = "These guarantees are as strong as any that have ever been seen"


def test_brief_prints_markdown_with_citations(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.json"
    assert main(["brief", str(seed_path), "--max-bullets", "3", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    bullets = [line for line in printed.splitlines() if line.startswith("- ")]
    assert 1 <= len(bullets) <= 3
    assert "[1]" in printed
    assert "Sources:" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["bullets"]) == len(bullets)
    assert data["text"] == seed_path.read_text(encoding="utf-8")


def test_audit_writes_html_csv_and_checks_a_derived_text(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    derived = tmp_path / "rewrite.txt"
    derived.write_text(
        f'Steve Witkoff said: "{WITKOFF.replace("strong", "firm")}."\n', encoding="utf-8"
    )
    page, table = tmp_path / "audit.html", tmp_path / "audit.csv"
    code = main(
        [
            "audit",
            str(seed_path),
            "--html",
            str(page),
            "--csv",
            str(table),
            "--derived",
            str(derived),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "Witkoff" in printed
    assert "Claims no one is credited with" in printed
    assert "strong -> firm" in printed
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "<mark" in html
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert {"source", "role", "cue", "kind", "content", "start", "end"} <= rows[0].keys()
    text = seed_path.read_text(encoding="utf-8")
    for row in rows:
        assert text[int(row["start"]) : int(row["end"])] == row["content"]


@pytest.mark.parametrize("command", ["brief", "audit"])
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    assert main([command, str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "empty.txt" in err
    assert "blank" in err
    assert main([command, str(tmp_path / "missing.txt")]) == 2


def test_unwritable_html_path_is_reported(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "a.html"
    assert main(["audit", str(seed_path), "--html", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
