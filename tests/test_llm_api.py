"""The front door with a model: aextract, many articles with a concurrency limit, and the
CLI's model flags, against a scripted server."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx2
import pytest

import sourcecheck as sc
from llm_fakes import completion, stub_http_server
from sourcecheck._cli import main
from sourcecheck._exceptions import EmptyInputError, ModelError

ARTICLES = [f"Council News\n\nThe council met on day {i}. It voted." for i in range(8)]


class Tracking:
    """An async fake server that counts requests in flight at once."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.inflight = 0
        self.peak = 0
        self.calls = 0
        self.fail_on = fail_on

    async def handle(self, request: httpx2.Request) -> httpx2.Response:
        self.calls += 1
        self.inflight += 1
        self.peak = max(self.peak, self.inflight)
        try:
            await asyncio.sleep(0.3)  # long enough that admitted requests overlap
            if self.fail_on and self.fail_on in request.content.decode():
                return httpx2.Response(400, json={"error": {"message": "bad request"}})
            return httpx2.Response(200, json=completion({}))
        finally:
            self.inflight -= 1

    def options(self) -> dict[str, Any]:
        client = httpx2.AsyncClient(transport=httpx2.MockTransport(self.handle))
        return {
            "model": "m",
            "base_url": "http://llm.test/v1",
            "cache": False,
            "sdk_retries": 0,
            "async_http_client": client,
        }


def test_many_articles_respect_the_concurrency_limit() -> None:
    server = Tracking()
    results = sc.extract_many(ARTICLES, concurrency=3, **server.options())
    assert all(isinstance(r, sc.Extraction) for r in results)
    assert server.calls == len(ARTICLES)
    assert 2 <= server.peak <= 3  # overlapping, but never more than the limit


def test_a_failed_article_gives_its_error_in_place_and_the_rest_go_on() -> None:
    server = Tracking(fail_on="day 2")
    texts = [*ARTICLES[:4], ""]
    results = asyncio.run(sc.aextract_many(texts, concurrency=2, **server.options()))
    assert isinstance(results[2], ModelError)
    assert isinstance(results[4], EmptyInputError)
    assert [isinstance(r, sc.Extraction) for r in results] == [True, True, False, True, False]


def test_aextract_with_a_model_and_offline() -> None:
    server = Tracking()
    result = asyncio.run(sc.aextract(ARTICLES[0], **server.options()))
    assert result.reader.model == "m"
    assert result.usage.calls == 1
    offline = asyncio.run(sc.aextract(ARTICLES[0]))
    assert offline.reader.name == "offline"


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_cli_check_with_model_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[0], encoding="utf-8")

    def answer(_: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        return 200, {}, json.dumps(completion({}, prompt_tokens=77, completion_tokens=5)).encode()

    with stub_http_server(answer) as (url, seen):
        argv = ["check", str(article), "--model", "m", "--base-url", url, "--no-cache"]
        assert main([*argv, "--mode", "json"]) == 0
        assert seen[0]["response_format"] == {"type": "json_object"}
    out = capsys.readouterr().out
    assert "77" in out  # the usage line shows the tokens


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_cli_model_failure_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[0], encoding="utf-8")

    def broken(_: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        return 400, {}, b'{"error": {"message": "no such model"}}'

    with stub_http_server(broken) as (url, _):
        code = main(["check", str(article), "--model", "m", "--base-url", url, "--no-cache"])
    assert code != 0
    err = capsys.readouterr().err
    assert "HTTP 400" in err
    assert "Traceback" not in err
