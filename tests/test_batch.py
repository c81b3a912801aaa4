"""The batch runner: inputs, records, resume, torn lines, workers, async limits, a kill."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2
import pytest

from bench_loader import articles
from llm_fakes import ok
from sourcecheck._batch import (
    BatchItem,
    RateLimiter,
    count_inputs,
    iter_inputs,
    model_process,
    read_records,
    repair,
    run_batch,
    run_batch_async,
)
from sourcecheck._exceptions import (
    ConfigurationError,
    InputError,
    InvalidArgumentError,
    ModelRateLimitError,
    ModelResponseError,
)
from sourcecheck._models import Extraction


def echo(data: str | bytes) -> dict[str, Any]:
    """A cheap per-item function: module level, so worker processes can run it."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if not text.strip():
        raise InputError("blank")
    return {"words": len(text.split())}


def records(path: Path) -> list[dict[str, Any]]:
    return list(read_records(path))


def assert_one_record_per_input(out: Path, inputs: list[BatchItem]) -> None:
    """Every input has exactly one record with its id and content hash; nothing else."""
    got = Counter((r["id"], r["sha256"]) for r in records(out))
    want = Counter(item.key for item in inputs)
    assert got == want
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b""  # every line whole
    assert len(lines) - 1 == len(inputs)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The bridge opened in 1932. It cost $4 million.", "utf-8")
    (src / "b.txt").write_text("  \n ", "utf-8")
    (src / "sub").mkdir()
    (src / "sub" / "c.txt").write_bytes(b"bad \xff byte")
    (src / ".hidden").write_text("not an input", "utf-8")
    return src


# -- inputs ---------------------------------------------------------------------------


def test_folder_inputs_are_sorted_relative_ids_without_hidden_files(folder: Path) -> None:
    items = list(iter_inputs(folder))
    assert [i.id for i in items] == ["a.txt", "b.txt", "sub/c.txt"]
    assert items[2].data == b"bad \xff byte"  # kept as bytes: check_text names it
    assert items[0].sha256 == hashlib.sha256((folder / "a.txt").read_bytes()).hexdigest()
    assert count_inputs(folder) == 3


def test_glob_inputs(folder: Path) -> None:
    assert [i.id for i in iter_inputs(f"{folder}/**/*.txt")] == [
        f"{folder}/a.txt",
        f"{folder}/b.txt",
        f"{folder}/sub/c.txt",
    ]
    with pytest.raises(InputError, match="no files match"):
        list(iter_inputs(f"{folder}/*.nothing"))


def test_jsonl_inputs_turn_bad_lines_into_problems(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"id": "x", "text": "It rained."}\n'
        b"\n"
        b"not json\n"
        b'["a list"]\n'
        b'{"id": 7, "text": 3}\n'
        b'{"text": "no id here."}\n'
        b'{"id": "bad", "text": "\xff"}\n'
    )
    items = list(iter_inputs(source))
    assert [i.id for i in items] == ["x", "line 3", "line 4", "7", "line 6", "line 7"]
    problems = [str(i.problem) if i.problem else None for i in items]
    assert problems[0] is None
    assert problems[4] is None  # no id: its line number is its id
    assert "not valid JSON" in str(problems[1])
    assert "not a JSON object" in str(problems[2])
    assert "'text' is a int, not a string" in str(problems[3])
    assert "not valid JSON" in str(problems[5])  # invalid UTF-8 inside the line
    assert count_inputs(source) == 6


# -- records and resume ---------------------------------------------------------------


def test_one_record_per_input_with_typed_errors(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = run_batch(folder, out, progress=False)
    assert (summary.ok, summary.errors, summary.skipped) == (1, 2, 0)
    by_id = {r["id"]: r for r in records(out)}
    assert by_id["b.txt"]["error"] == "EmptyInputError"
    assert by_id["sub/c.txt"]["error"] == "BinaryInputError"
    assert "UTF-8" in by_id["sub/c.txt"]["message"]
    result = Extraction.model_validate(by_id["a.txt"]["result"])  # spans checked on load
    assert [c.evidence[0].text for c in result.claims] == [
        "The bridge opened in 1932.",
        "It cost $4 million.",
    ]
    assert_one_record_per_input(out, list(iter_inputs(folder)))


def test_rerun_skips_done_inputs_and_redoes_changed_ones(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(folder, out, progress=False)
    again = run_batch(folder, out, progress=False)
    assert (again.ok, again.errors, again.skipped, again.skipped_errors) == (0, 0, 3, 2)
    assert again.failed == 2
    (folder / "a.txt").write_text("The bridge closed in 2020.", "utf-8")  # new content
    changed = run_batch(folder, out, progress=False)
    assert (changed.ok, changed.skipped) == (1, 2)
    texts = [r["result"]["text"] for r in records(out) if r["id"] == "a.txt"]
    assert texts[-1] == "The bridge closed in 2020."


def test_duplicate_ids_in_jsonl_are_error_records(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [("a", "One."), ("a", "One."), ("a", "Two."), ("b", "Three.")]
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    out = tmp_path / "out.jsonl"
    run_batch(source, out, process=echo, progress=False)
    got = records(out)
    assert [r["status"] for r in got] == ["ok", "error", "error", "ok"]
    assert "more than once" in got[1]["message"]
    assert run_batch(source, out, process=echo, progress=False).skipped == 4
    assert_one_record_per_input(out, list(iter_inputs(source)))


def test_a_torn_last_line_is_cut_and_its_input_redone(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(folder, out, process=echo, progress=False)
    whole = out.read_bytes()
    lines = whole.split(b"\n")
    out.write_bytes(b"\n".join(lines[:2]) + b"\n" + lines[2][:20])  # died mid-line
    assert len(records(out)) == 2  # the reader tolerates the torn line
    summary = run_batch(folder, out, process=echo, progress=False)
    assert (summary.skipped, summary.ok + summary.errors) == (2, 1)
    assert_one_record_per_input(out, list(iter_inputs(folder)))


def test_repair_keeps_whole_lines(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c"')
    assert repair(out) == 4
    assert out.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    assert repair(out) == 0
    out.write_bytes(b"no newline at all")
    assert repair(out) == len(b"no newline at all")
    assert out.read_bytes() == b""
    assert repair(tmp_path / "missing.jsonl") == 0


def flaky(data: str | bytes) -> dict[str, Any]:
    raise ModelRateLimitError("the server kept answering 429")


def broken(data: str | bytes) -> dict[str, Any]:
    raise RuntimeError("a bug")


def test_retryable_errors_are_redone_and_superseded(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = run_batch(folder, out, process=flaky, progress=False)
    assert first.error_types == Counter({"ModelRateLimitError": 3})
    assert all(r["retryable"] for r in records(out))
    second = run_batch(folder, out, process=echo, progress=False)
    assert second.skipped == 0
    assert [r["status"] for r in records(out)] == ["ok", "error", "ok"]  # 429s are gone
    assert_one_record_per_input(out, list(iter_inputs(folder)))


def test_unexpected_exceptions_are_recorded_as_internal(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = run_batch(folder, out, process=broken, progress=False)
    assert summary.errors == 3
    got = records(out)
    assert {r["error"] for r in got} == {"RuntimeError"}
    assert all(r["internal"] and not r["retryable"] for r in got)


def misconfigured(data: str | bytes) -> dict[str, Any]:
    raise ConfigurationError("model 'x' on OpenAI needs an API key")


def test_a_configuration_error_stops_the_run_unrecorded(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with pytest.raises(ConfigurationError, match="API key"):
        run_batch(folder, out, process=misconfigured, progress=False)
    assert records(out) == []  # a re-run with the key set does every input


# -- workers and bounded work -----------------------------------------------------------


class CountingExecutor(Executor):
    """A thread pool that notes, at each submit, how many inputs are in flight:
    submitted, but with no record in the output yet."""

    def __init__(self, out: Path) -> None:
        self.pool = ThreadPoolExecutor(2)
        self.out = out
        self.submitted = 0
        self.most = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        written = self.out.read_bytes().count(b"\n") if self.out.exists() else 0
        self.submitted += 1
        self.most = max(self.most, self.submitted - written)
        return self.pool.submit(fn, *args, **kwargs)


def test_in_flight_work_is_bounded(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": str(i), "text": f"Item {i}."}) + "\n" for i in range(200))
    )
    out = tmp_path / "out.jsonl"
    executor = CountingExecutor(out)
    with executor.pool:
        run_batch(source, out, process=echo, executor=executor, window=8, progress=False)
    assert 1 < executor.most <= 8
    assert_one_record_per_input(out, list(iter_inputs(source)))


def test_worker_processes_give_the_same_records(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    articles.write_jsonl(source, 40, hostile=0.1, words=(50, 150))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(source, one, progress=False)
    run_batch(source, two, workers=2, progress=False)
    assert sorted(json.dumps(r, sort_keys=True) for r in records(one)) == sorted(
        json.dumps(r, sort_keys=True) for r in records(two)
    )
    assert_one_record_per_input(two, list(iter_inputs(source)))


def test_hostile_share_gives_one_record_per_input(tmp_path: Path) -> None:
    source = tmp_path / "in"
    articles.write_folder(source, 300, hostile=0.01, words=(50, 150))
    out = tmp_path / "out.jsonl"
    summary = run_batch(source, out, workers=2, progress=False)
    assert summary.inputs == 300
    assert summary.errors == 3  # empty, whitespace, NUL bytes: the first three hostile kinds
    assert_one_record_per_input(out, list(iter_inputs(source)))


# -- the async runner ------------------------------------------------------------------


def test_async_runner_limits_concurrency_and_records_errors(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    texts = [f"Article {i}." if i % 5 else "" for i in range(30)]
    source.write_text(
        "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
    )
    running, most = 0, 0

    async def process(data: str | bytes) -> dict[str, Any]:
        nonlocal running, most
        running += 1
        most = max(most, running)
        await asyncio.sleep(0.01)
        running -= 1
        if data == "Article 7.":
            raise ModelResponseError("malformed JSON from the model")
        return echo(data)

    out = tmp_path / "out.jsonl"
    summary = asyncio.run(run_batch_async(source, out, process, concurrency=3, progress=False))
    assert most == 3
    assert summary.error_types == Counter({"InputError": 6, "ModelResponseError": 1})
    assert_one_record_per_input(out, list(iter_inputs(source)))


def test_async_configuration_error_stops_the_run(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "text": "x."}) + "\n" for i in range(20)))

    async def process(data: str | bytes) -> dict[str, Any]:
        raise ConfigurationError("refused the API key (HTTP 401)")

    with pytest.raises(ConfigurationError, match="401"):
        asyncio.run(run_batch_async(source, tmp_path / "o.jsonl", process, progress=False))
    assert records(tmp_path / "o.jsonl") == []


def test_rate_limiter_spaces_starts() -> None:
    limiter = RateLimiter(per_minute=1200)  # one every 50 ms

    async def starts() -> list[float]:
        times = []
        for _ in range(5):
            await limiter.acquire()
            times.append(time.monotonic())
        return times

    times = asyncio.run(starts())
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.045
    with pytest.raises(ValueError, match="positive"):
        RateLimiter(0)


def test_a_bad_argument_is_an_invalid_argument_error(tmp_path: Path) -> None:
    async def process(data: str | bytes) -> dict[str, Any]:
        return {}

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "1", "text": "x."}) + "\n")
    with pytest.raises(InvalidArgumentError, match="workers must be at least 1, not 0"):
        run_batch(source, tmp_path / "out.jsonl", workers=0, progress=False)
    with pytest.raises(InvalidArgumentError, match="concurrency must be at least 1, not 0"):
        asyncio.run(run_batch_async(source, tmp_path / "out.jsonl", process, concurrency=0))
    with pytest.raises(InvalidArgumentError, match="positive"):
        RateLimiter(-5)
    assert not (tmp_path / "out.jsonl").exists()


def test_async_runner_honours_rpm(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "text": "x."}) + "\n" for i in range(6)))

    async def process(data: str | bytes) -> dict[str, Any]:
        return echo(data)

    started = time.monotonic()
    asyncio.run(run_batch_async(source, tmp_path / "o.jsonl", process, rpm=600, progress=False))
    assert time.monotonic() - started >= 0.45  # six starts, 0.1 s apart


# -- a real kill -------------------------------------------------------------------------


def test_sigkill_midway_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in"
    articles.write_folder(source, 400, hostile=0.01, words=(50, 150))
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "sourcecheck", "batch", str(source), "--out", str(out)]
    command += ["--workers", "2", "--quiet"]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 40:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the batch finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the CLI and its worker processes, mid-write
    process.wait()
    written = out.read_bytes().count(b"\n")
    assert 40 <= written < 400

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 1, rerun.stderr  # 1: some inputs are errors (the hostile ones)
    assert "Traceback" not in rerun.stderr
    assert f"{written} already done" in rerun.stderr
    assert_one_record_per_input(out, list(iter_inputs(source)))


# -- model faults during a batch ---------------------------------------------------------


class FaultyModel:
    """An OpenAI-compatible endpoint (an httpx mock transport) that fails by article:
    district n % 5 == 1 gets one 429 then answers, 2 always 500, 3 always times out,
    4 always answers malformed JSON, 0 answers. ``healthy`` makes every call answer."""

    def __init__(self) -> None:
        self.healthy = False
        self.calls: Counter[int] = Counter()

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        prompt = " ".join(str(m["content"]) for m in body["messages"])
        district = int(prompt.split("district ")[1].split(".")[0])
        self.calls[district] += 1
        fault = -1 if self.healthy else district % 5
        if fault == 1 and self.calls[district] == 1:
            return httpx2.Response(429, headers={"retry-after-ms": "10"}, json={"error": {}})
        if fault == 2:
            return httpx2.Response(500, json={"error": {"message": "boom"}})
        if fault == 3:
            raise httpx2.ReadTimeout("the model is thinking", request=request)
        if fault == 4:
            return ok("{not json at all")
        return ok({})

    def process(self) -> Any:
        async def handle(request: httpx2.Request) -> httpx2.Response:
            await request.aread()
            return self.handle(request)

        client = httpx2.AsyncClient(transport=httpx2.MockTransport(handle))
        return model_process(
            "test-model",
            base_url="http://llm.test/v1",
            async_http_client=client,
            cache=False,
            sdk_retries=0,
            attempts=2,
            retry_wait=0.01,
            rpm=6000,
        )


def test_model_faults_end_in_retries_or_records_and_a_rerun_completes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": f"a{n}", "text": f"The council met on Monday in district {n}. It voted."}
        for n in range(20)
    ]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "out.jsonl"
    model = FaultyModel()
    first = asyncio.run(
        run_batch_async(source, out, model.process(), concurrency=4, progress=False)
    )
    assert first.ok == 8  # the answered ones and the ones a 429 only delayed
    assert first.error_types == Counter(
        {"ModelError": 4, "ModelTimeoutError": 4, "ModelResponseError": 4}
    )
    assert all(model.calls[n] == 2 for n in range(20) if n % 5 == 1)  # retried once
    by_id = {r["id"]: r for r in records(out)}
    assert "HTTP 500" in by_id["a2"]["message"]
    assert all(r["retryable"] for r in by_id.values() if r["status"] == "error")
    answered = {line for line in out.read_bytes().splitlines() if b'"status": "ok"' in line}

    model.healthy = True
    second = asyncio.run(
        run_batch_async(source, out, model.process(), concurrency=4, progress=False)
    )
    assert (second.skipped, second.ok, second.errors) == (8, 12, 0)
    assert answered <= set(out.read_bytes().splitlines())  # nothing written is lost
    assert {r["status"] for r in records(out)} == {"ok"}
    assert_one_record_per_input(out, list(iter_inputs(source)))


def test_two_runs_cannot_append_to_one_file(folder: Path, tmp_path: Path) -> None:
    from sourcecheck._batch import _Writer

    out = tmp_path / "out.jsonl"
    holder = _Writer(out)  # what a running batch holds
    try:
        with pytest.raises(ConfigurationError, match="another batch"):
            run_batch(folder, out, process=echo, progress=False)
    finally:
        holder.close()
    assert run_batch(folder, out, process=echo, progress=False).inputs == 3


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_cli_batch_with_a_model_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from llm_fakes import completion, stub_http_server
    from sourcecheck._cli import main

    source = tmp_path / "in.jsonl"
    rows = [{"id": str(n), "text": f"The council met in district {n}. It voted."} for n in range(6)]
    rows.append({"id": "blank", "text": " "})
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "out.jsonl"
    answer = json.dumps(completion({})).encode()
    with stub_http_server(lambda body: (200, {}, answer)) as (url, seen):
        argv = ["batch", str(source), "--out", str(out), "--model", "stub", "--base-url", url]
        code = main([*argv, "--no-cache", "--concurrency", "2", "--rpm", "1200", "--quiet"])
    _, err = capsys.readouterr()
    assert code == 1, err  # the blank one is an error record
    assert "6 results, 1 errors written" in err
    assert len(seen) == 6  # one call per article, none for the blank one
    got = {r["id"]: r for r in records(out)}
    assert got["0"]["result"]["reader"]["model"] == "stub"
    assert got["blank"]["error"] == "EmptyInputError"
