"""The answer cache: a re-run makes zero HTTP calls (counted at a real stub server), the
key covers everything that shapes an answer, and the cache can be switched off."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sourcecheck as sc
from llm_fakes import FakeServer, completion, ok, stub_http_server
from sourcecheck._document import Document
from sourcecheck._llm import LLMReader, ResponseCache
from sourcecheck._llm._cache import CachedAnswer, cache_key, open_cache

ARTICLE = "Bridge News\n\nThe bridge reopened on Monday. It cost $12 million."
ANSWER = {
    "claims": [
        {
            "sentence": 2,
            "statement": "The bridge reopened on Monday.",
            "evidence": "The bridge reopened on Monday.",
            "kind": "fact",
        }
    ]
}


def answer(_: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    return 200, {}, json.dumps(completion(ANSWER, prompt_tokens=50, completion_tokens=7)).encode()


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_cached_rerun_makes_zero_http_calls(tmp_path: Path) -> None:
    with stub_http_server(answer) as (url, seen):
        options = {"model": "m", "base_url": url, "cache": tmp_path, "sdk_retries": 0}
        first = sc.extract(ARTICLE, **options)
        assert len(seen) == 1
        second = sc.extract(ARTICLE, **options)
        assert len(seen) == 1  # nothing new reached the server
    assert (first.usage.calls, first.usage.cached_calls, first.usage.total_tokens) == (1, 0, 57)
    assert (second.usage.calls, second.usage.cached_calls, second.usage.total_tokens) == (0, 1, 0)
    assert second.claims == first.claims


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_cache_off_calls_every_time(tmp_path: Path) -> None:
    with stub_http_server(answer) as (url, seen):
        for _ in range(2):
            LLMReader("m", base_url=url, cache=False, sdk_retries=0).read(Document(ARTICLE))
        assert len(seen) == 2
    assert not any(tmp_path.iterdir())


def test_key_changes_with_model_url_mode_and_text(tmp_path: Path) -> None:
    def run(**options: Any) -> int:
        server = FakeServer(ok(ANSWER))
        text = options.pop("text", ARTICLE)
        base_url = options.pop("base_url", "http://a.test/v1")
        LLMReader(
            options.pop("model", "m"),
            base_url=base_url,
            cache=tmp_path,
            sdk_retries=0,
            http_client=server.client(),
            **options,
        ).read(Document(text))
        return len(server.requests)

    assert run() == 1
    assert run() == 0
    assert run(model="other") == 1
    assert run(base_url="http://b.test/v1") == 1
    assert run(mode="json") == 1
    assert run(text=ARTICLE + " More.") == 1
    assert run(model="other") == 0


def test_broken_or_stale_entries_are_misses(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    key = cache_key(a=1)
    path = tmp_path / key[:2] / f"{key}.json"
    path.parent.mkdir(parents=True)
    path.write_text("{torn", encoding="utf-8")
    assert cache.get(key) is None
    cache.put(key, CachedAnswer({"claims": []}, 3, 4))
    assert cache.get(key) == CachedAnswer({"claims": []}, 3, 4)
    # An entry that no longer fits the schema is asked again, not trusted.
    server = FakeServer(ok(ANSWER))
    reader = LLMReader(
        "m", base_url="http://a.test/v1", cache=cache, sdk_retries=0, http_client=server.client()
    )
    reader.read(Document(ARTICLE))
    (entry,) = [p for p in tmp_path.rglob("*.json") if p != path]
    entry.write_text(json.dumps({"answer": {"claims": "bad"}}), encoding="utf-8")
    reader.read(Document(ARTICLE))
    assert len(server.requests) == 2


def test_open_cache_choices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "env"))
    assert open_cache(False) is None
    default = open_cache(True)
    assert default is not None
    assert default.directory == tmp_path / "env"
    chosen = open_cache(tmp_path / "x")
    assert chosen is not None
    assert chosen.directory == tmp_path / "x"


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_cached_rerun_after_a_mode_fallback_makes_zero_calls(tmp_path: Path) -> None:
    def like_llama_cpp_python(body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        if body.get("response_format", {}).get("type") == "json_schema":
            return 500, {}, b'{"error": {"message": "expected text or json_object: json_schema"}}'
        return answer(body)

    with stub_http_server(like_llama_cpp_python) as (url, seen):
        for _ in range(2):
            LLMReader("m", base_url=url, cache=tmp_path, sdk_retries=0).read(Document(ARTICLE))
        assert len(seen) == 2  # the refused request and the answer, then nothing
