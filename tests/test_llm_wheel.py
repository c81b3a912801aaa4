"""The wheel ships the prompts: build it, install it into a fresh venv outside the
checkout, and make a model call from there against a stub server on 127.0.0.1.

No downloads: the wheel is built without build isolation (hatchling comes with the test
extra) and installed with --no-deps; the new venv sees this venv's site-packages
through a .pth file, for the dependencies only (that directory's own .pth files, such as
the editable install's, are not processed, so the checkout's src is not importable)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from typing import Any

import pytest

from llm_fakes import completion, stub_http_server

ROOT = Path(__file__).resolve().parent.parent
ANSWER = {
    "claims": [
        {
            "sentence": 2,
            "statement": "The ferry resumed service.",
            "evidence": "The ferry resumed service on Friday.",
        }
    ]
}


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "--no-build-isolation",
        "--no-index", "-q", "-w", out, cwd=out)  # fmt: skip
    (built,) = out.glob("sourcecheck-*.whl")
    return built


def test_the_wheel_holds_the_prompts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for prompt in (ROOT / "prompts").glob("*.jinja"):
        assert f"sourcecheck/prompts/{prompt.name}" in names


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_installed_wheel_calls_a_model_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "-q", wheel, cwd=tmp_path)  # fmt: skip
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
               cwd=tmp_path).strip()  # fmt: skip
    Path(site, "_deps_from_test_venv.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    article = tmp_path / "article.txt"
    article.write_text("Ferry News\n\nThe ferry resumed service on Friday.\n", encoding="utf-8")

    def answer(_: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        return 200, {}, json.dumps(completion(ANSWER)).encode()

    # Nothing may lead the installed copy back to the checkout (PYTHONPATH) or to a model.
    skip = ("OPENAI_", "SOURCECHECK_", "PYTHONPATH", "PYTHONHOME")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env["SOURCECHECK_CACHE_DIR"] = str(tmp_path / "cache")
    with stub_http_server(answer) as (url, seen):
        where = run(python, "-c", "import sourcecheck._llm._prompts as p; print(p.prompts_dir())",
                    cwd=tmp_path, env=env).strip()  # fmt: skip
        out = run(python, "-m", "sourcecheck", "check", article, "--model", "stub",
                  "--base-url", url, cwd=tmp_path, env=env)  # fmt: skip
    assert where.startswith(site)
    assert not where.startswith(str(ROOT))
    assert "<article>" in seen[0]["messages"][-1]["content"]  # the shipped template rendered
    assert "The ferry resumed service." in out
