"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``).

The page is loaded from a file, left to run for a few seconds of virtual time, and its
DOM dumped. A positive control (the same hostile markup written into a page unescaped)
shows that this browser does run such markup and that the probe sees it when it does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sourcecheck._cli import main

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
# CI installs chromium (.ci/run), so there a missing browser is a failure, not a skip.
pytestmark = pytest.mark.skipif(
    BROWSER is None and not os.environ.get("CI"),
    reason="chromium is not installed (.ci/run installs it)",
)

# Every one of these, if it ever ran, would mark the document.
HOSTILE = (
    "Council Votes on Budget\n\n"
    "The mayor said the budget <script>document.title='pwned-script';"
    "document.documentElement.setAttribute('data-pwned','script')</script> was final.\n\n"
    "\"We will <img src=x onerror=\"document.title='pwned-img';"
    "document.documentElement.setAttribute('data-pwned','img')\"> win this vote,\" "
    "the mayor said on Monday.\n\n"
    "Officials said the <svg onload=\"document.documentElement.setAttribute('data-pwned','svg')\">"
    " plan would pass, according to the council clerk.\n"
)


def _chromium(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=3000",
    ]
    return subprocess.run(
        [BROWSER, *flags, *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _dom(page: Path, tmp_path: Path) -> str:
    run = _chromium(page, tmp_path, "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "<html" in run.stdout
    return run.stdout


def _pwned(dom: str) -> bool:
    """True when any hostile handler ran: it marks the root element (the same words
    shown as escaped text do not count)."""
    root = re.search(r"<html\b[^>]*>", dom)
    return root is not None and "data-pwned" in root.group()


def _title(dom: str) -> str:
    match = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    return match.group(1) if match else ""


def _report(article: str, tmp_path: Path) -> Path:
    source, page = tmp_path / "article.txt", tmp_path / "report.html"
    source.write_text(article, encoding="utf-8")
    assert main(["audit", str(source), "--html", str(page)]) == 0
    return page


def test_the_probe_sees_markup_that_runs(tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text(
        f"<!DOCTYPE html><html><head><title>control</title></head><body>{HOSTILE}</body></html>",
        encoding="utf-8",
    )
    dom = _dom(control, tmp_path)
    assert _pwned(dom)
    assert _title(dom).startswith("pwned")


def test_hostile_article_markup_runs_nothing(tmp_path: Path) -> None:
    dom = _dom(_report(HOSTILE, tmp_path), tmp_path)
    assert not _pwned(dom)
    assert "pwned" not in _title(dom)
    assert _title(dom) == "sourcecheck audit: article.txt"
    # The markup is shown as text, never parsed into elements.
    assert not re.search(r"<(?:script|img|svg)\b", dom)
    assert "&lt;script&gt;" in dom
    assert "onerror=" in dom  # as text
    assert "<mark" in dom  # and the audit still rendered


def test_seed_report_shows_highlights_legend_and_tables(tmp_path: Path, seed_text: str) -> None:
    dom = _dom(_report(seed_text, tmp_path), tmp_path)
    kinds = re.findall(r'<mark data-kind="([^"]+)"', dom)
    assert kinds.count("source") >= 3
    assert any(k.startswith("content direct") for k in kinds)
    assert "uncredited" in kinds
    assert "legend" in kinds
    sources = re.findall(r'<mark data-kind="source"[^>]*>([^<]+)</mark>', dom)
    assert any("Witkoff" in s for s in sources)
    assert any("Reuters" in s for s in sources)
    assert "<table" in dom
    assert "Claims no one is credited with" in dom
    assert 'class="tex2jax_ignore"' in dom


def test_seed_report_renders_to_a_screenshot(tmp_path: Path, seed_text: str) -> None:
    shot = tmp_path / "report.png"
    run = _chromium(
        _report(seed_text, tmp_path),
        tmp_path,
        f"--screenshot={shot}",
        "--window-size=1200,1600",
        "--hide-scrollbars",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a page of text and colour, not a blank canvas
