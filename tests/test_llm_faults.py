"""Faults from the model server: each is retried or ends in a typed error, none hangs.

Most use an httpx mock transport; the timeout and reset cases also run against a real
HTTP server on 127.0.0.1, with small timeouts."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx2
import pytest

from llm_fakes import FakeServer, completion, ok, stub_http_server
from sourcecheck._document import Document
from sourcecheck._exceptions import (
    ConfigurationError,
    InputError,
    ModelError,
    ModelRateLimitError,
    ModelResponseError,
    ModelTimeoutError,
)
from sourcecheck._llm import LLMJudge, LLMReader
from sourcecheck._llm._retry import RetryPolicy, retry_after
from sourcecheck._models import Label

ARTICLE = "Bridge News\n\nThe bridge reopened on Monday. It cost $12 million."
DOC = Document(ARTICLE)
LOCAL = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def reader(server: FakeServer, **options: Any) -> LLMReader:
    options = {"cache": False, "sdk_retries": 0, "retry_wait": 0.05, "attempts": 3, **options}
    return LLMReader(
        "test-model",
        base_url=options.pop("base_url", "http://llm.test/v1"),
        http_client=server.client(),
        async_http_client=server.aclient(),
        **options,
    )


def status(code: int, headers: dict[str, str] | None = None) -> httpx2.Response:
    return httpx2.Response(code, headers=headers or {}, json={"error": {"message": f"{code}"}})


def test_429_with_retry_after_is_waited_and_retried() -> None:
    server = FakeServer(status(429, {"retry-after": "0.2"}), ok({}))
    started = time.monotonic()
    reading = reader(server, retry_wait=5).read(DOC)
    assert len(server.requests) == 2
    assert time.monotonic() - started >= 0.2  # it honoured Retry-After
    assert reading.usage.calls == 1  # only answered calls count


def test_retry_after_is_capped_and_429_for_ever_is_a_rate_limit_error() -> None:
    server = FakeServer(status(429, {"retry-after": "3600"}))
    started = time.monotonic()
    with pytest.raises(ModelRateLimitError, match="429") as caught:
        reader(server, retry_wait=0.05).read(DOC)
    assert len(server.requests) == 3  # bounded: three attempts
    assert time.monotonic() - started < 5
    assert "3 attempts" in str(caught.value)


def test_retry_after_headers() -> None:
    request = httpx2.Request("POST", "http://x")
    import openai

    def error(headers: dict[str, str]) -> openai.RateLimitError:
        response = httpx2.Response(429, headers=headers, request=request)
        return openai.RateLimitError("429", response=response, body=None)

    assert retry_after(error({"retry-after": "2"})) == 2.0
    assert retry_after(error({"retry-after-ms": "1500"})) == 1.5
    assert retry_after(error({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"})) == 0.0
    assert retry_after(error({})) is None
    assert RetryPolicy(backoff=1, max_wait=3).delay(3, None) == 3  # 4 s of backoff, capped


def test_500_is_retried_then_typed() -> None:
    server = FakeServer(status(500), ok({}))
    reader(server).read(DOC)
    assert len(server.requests) == 2
    with pytest.raises(ModelError, match="HTTP 500"):
        reader(FakeServer(status(500))).read(DOC)


def test_timeout_is_retried_then_a_timeout_error() -> None:
    server = FakeServer(httpx2.ReadTimeout("slow"))
    with pytest.raises(ModelTimeoutError, match="did not answer in time"):
        reader(server).read(DOC)
    assert len(server.requests) == 3


def test_connection_reset_is_retried_then_a_model_error() -> None:
    server = FakeServer(httpx2.RemoteProtocolError("connection reset by peer"), ok({}))
    reader(server).read(DOC)
    assert len(server.requests) == 2
    with pytest.raises(ModelError, match="cannot connect"):
        reader(FakeServer(httpx2.ConnectError("refused"))).read(DOC)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (ok("{not json"), "not valid JSON|does not fit"),
        (ok('{"claims": [{"sentence": 2, "statement": "The bri'), "not valid JSON|does not fit"),
        (ok({"claims": "many"}), "does not fit"),
        (ok(""), "empty answer"),
        (ok(None), "empty answer"),
    ],
    ids=["malformed", "truncated", "wrong-shape", "empty", "no-content"],
)
def test_unusable_answers_are_reasked_then_a_response_error(
    reply: httpx2.Response, message: str
) -> None:
    server = FakeServer(reply)
    with pytest.raises(ModelResponseError, match=message):
        reader(server, reasks=2).read(DOC)
    assert len(server.requests) == 3  # the answer and two re-asks, not retried further


def test_answer_cut_at_the_token_limit_is_a_response_error() -> None:
    server = FakeServer(ok('{"claims": [', finish="length"))
    with pytest.raises(ModelResponseError, match="token limit"):
        reader(server).read(DOC)
    assert len(server.requests) == 1


@pytest.mark.parametrize("mode", ["tools", "json_schema"])
def test_refusal_is_a_response_error(mode: str) -> None:
    refused = httpx2.Response(200, json=completion(None, refusal="I can't help with that."))
    server = FakeServer(refused)
    with pytest.raises(ModelResponseError, match="refused"):
        reader(server, base_url=None, api_key="sk-test", mode=mode).read(DOC)


def test_bad_key_is_a_configuration_error_without_the_key() -> None:
    secret = "sk-wrong-key-42"
    server = FakeServer(status(401))
    with pytest.raises(ConfigurationError, match="refused the API key") as caught:
        reader(server, api_key=secret).read(DOC)
    assert secret not in str(caught.value)
    assert len(server.requests) == 1  # not retried


def test_judge_faults_are_typed_too() -> None:
    server = FakeServer(status(429, {"retry-after": "0"}))
    judge = LLMJudge(
        "test-model",
        base_url="http://llm.test/v1",
        cache=False,
        sdk_retries=0,
        retry_wait=0.01,
        http_client=server.client(),
    )
    with pytest.raises(ModelRateLimitError):
        judge("The bridge reopened on Monday.", DOC, [1])


# -- a real socket --------------------------------------------------------------------


@LOCAL
def test_slow_real_server_times_out_quickly() -> None:
    def slow(_: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.0)
        return 200, {}, json.dumps(completion({})).encode()

    with stub_http_server(slow) as (url, seen):
        started = time.monotonic()
        with pytest.raises(ModelTimeoutError):
            LLMReader(
                "m",
                base_url=url,
                cache=False,
                sdk_retries=0,
                timeout=0.2,
                attempts=2,
                retry_wait=0.01,
            ).read(DOC)
        assert time.monotonic() - started < 3
        # The server may still be reading the second request when the client gives up.
        deadline = time.monotonic() + 2
        while len(seen) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(seen) == 2


@contextmanager
def resetting_server() -> Iterator[str]:
    """Accepts a connection, reads the request, and resets it (RST, no answer)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.recv(65536)
            conn.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    finally:
        stop.set()
        thread.join()
        listener.close()


@LOCAL
def test_real_connection_reset_is_a_model_error() -> None:
    with resetting_server() as url:
        started = time.monotonic()
        with pytest.raises(ModelError, match="cannot connect"):
            LLMReader(
                "m",
                base_url=url,
                cache=False,
                sdk_retries=0,
                timeout=2,
                attempts=2,
                retry_wait=0.01,
            ).read(DOC)
        assert time.monotonic() - started < 5


def test_judge_grounds_its_citations() -> None:
    answers = [
        ok({"label": "supported", "cited_sentences": [9], "evidence": "reopened"}),
        ok({"label": "supported", "cited_sentences": [2], "evidence": "reopened on Friday"}),
    ]
    server = FakeServer(*answers)
    judge = LLMJudge(
        "m", base_url="http://llm.test/v1", cache=False, sdk_retries=0, http_client=server.client()
    )
    label, cited = judge("The bridge reopened on Monday.", DOC, [1, 2])
    # Re-asked once (sentence 9 was not shown), then the evidence still did not ground:
    # a supported label without grounded evidence does not stand.
    assert len(server.requests) == 2
    assert label is Label.UNSUPPORTED
    assert cited == (1,)
    good = FakeServer(
        ok({"label": "contradicted", "cited_sentences": [2], "evidence": "on Monday"})
    )
    judge = LLMJudge(
        "m", base_url="http://llm.test/v1", cache=False, sdk_retries=0, http_client=good.client()
    )
    assert judge("The bridge reopened on Friday.", DOC, [1]) == (Label.CONTRADICTED, (1,))
    assert judge.usage.calls == 1


def test_async_judgement_grounds_and_meters_like_the_sync_one() -> None:
    def judge_on(server: FakeServer) -> LLMJudge:
        return LLMJudge(
            "m",
            base_url="http://llm.test/v1",
            cache=False,
            sdk_retries=0,
            retry_wait=0.01,
            http_client=FakeServer(status(500)).client(),  # must not be used
            async_http_client=server.aclient(),
        )

    good = FakeServer(
        ok({"label": "contradicted", "cited_sentences": [2], "evidence": "on Monday"})
    )
    judge = judge_on(good)
    result = asyncio.run(judge.ajudgement("The bridge reopened on Friday.", DOC, [1]))
    assert (result.label, result.sentences, result.note) == (Label.CONTRADICTED, (1,), "")
    assert judge.usage.calls == 1
    # A citation of a sentence not shown is re-asked; ungrounded evidence does not stand.
    bad = FakeServer(
        ok({"label": "supported", "cited_sentences": [9], "evidence": "reopened"}),
        ok({"label": "supported", "cited_sentences": [2], "evidence": "reopened on Friday"}),
    )
    result = asyncio.run(judge_on(bad).ajudgement("The bridge reopened on Monday.", DOC, [1, 2]))
    assert len(bad.requests) == 2
    assert result.label is Label.UNSUPPORTED
    assert "not in the article" in result.note
    # Faults are typed on the async path too.
    limited = judge_on(FakeServer(status(429, {"retry-after": "0"})))
    with pytest.raises(ModelRateLimitError):
        asyncio.run(limited.ajudgement("The bridge reopened on Monday.", DOC, [1]))
    with pytest.raises(InputError, match="statement to judge is empty"):
        asyncio.run(judge.ajudgement("  ", DOC, [1]))


def test_the_key_reaches_no_log_record_even_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    secret = "sk-logged-nowhere-77"
    caplog.set_level(logging.DEBUG)
    server = FakeServer(status(500), status(401))
    with pytest.raises(ConfigurationError):
        reader(server, api_key=secret).read(DOC)
    assert caplog.records  # the SDK and instructor did log, at debug level
    assert secret not in caplog.text


def test_async_path_retries_and_types_errors_too() -> None:
    server = FakeServer(status(429, {"retry-after": "0"}), ok({}))
    asyncio.run(reader(server).aread(DOC))
    assert len(server.requests) == 2
    with pytest.raises(ModelTimeoutError):
        asyncio.run(reader(FakeServer(httpx2.ReadTimeout("slow"))).aread(DOC))
