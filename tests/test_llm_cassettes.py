"""Real model traffic, replayed: HTTP recorded with vcrpy from an OpenAI-compatible server.

``scripts/record_cassettes.py`` re-records these (against OpenAI with OPENAI_API_KEY,
else a llama.cpp server with a small model) and writes which model and server it used to
``cassettes/test_llm_cassettes/server.json``. Replay runs with the network blocked and
the SDK's retries off, so a request the cassette lacks fails at once.

The recorded model is small and reads poorly: these tests check the plumbing (prompt,
schema, mode, parsing, grounding, usage) and that whatever the model got wrong is not
passed off as supported. They do not expect good answers.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

import cassette_yaml
import sourcecheck as sc
from sourcecheck._document import Document
from sourcecheck._llm import LLMJudge, LLMReader
from sourcecheck._models import GroundingStatus, Label, iter_spans

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes" / "test_llm_cassettes"
SHORT = (
    "Harbor Bridge Reopens\n\n"
    "The Harbor Bridge reopened on Monday after six months of repairs, the city said.\n\n"
    '"The bridge is safe and ready for traffic," Mayor Ann Lee said at the ceremony.\n\n'
    "Repairs cost $12 million, according to the transport department.\n"
)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "serializer": cassette_yaml.NAME,
        "match_on": ["method", "path", "body"],
        "filter_headers": ["authorization"],
        "decode_compressed_response": True,
        "before_record_request": cassette_yaml.before_record_request,
        "before_record_response": cassette_yaml.before_record_response,
    }


@pytest.fixture(scope="module")
def server() -> dict[str, str]:
    """The model and server the cassettes were recorded with."""
    return dict(json.loads((CASSETTES / "server.json").read_text(encoding="utf-8")))


def options(server: dict[str, str]) -> dict[str, Any]:
    # Recording gets its key from the script (conftest clears OPENAI_API_KEY); replay
    # needs none. SDK retries off: a request missing from the cassette fails loudly.
    return {
        "base_url": server["base_url"],
        "api_key": os.environ.get("SOURCECHECK_RECORD_API_KEY") or None,
        "cache": False,
        "sdk_retries": 0,
        "attempts": 1,
        # A small model on a busy CPU can take minutes; replay does not wait at all.
        "timeout": float(os.environ.get("SOURCECHECK_RECORD_TIMEOUT", "300")),
    }


def assert_nothing_wrong_is_supported(result: sc.Extraction) -> None:
    for span in iter_spans((result.claims, result.quotes, result.attributions)):
        assert result.text[span.start : span.end] == span.text
    for claim in result.claims:
        if claim.grounding is GroundingStatus.NONE:
            assert claim.verdict.label is not Label.SUPPORTED, claim.text
        for quoted in re.findall(r"[“\"]([^”\"]{3,})[”\"]", claim.text):
            if quoted not in result.text:
                assert claim.verdict.label is not Label.SUPPORTED, claim.text


@pytest.mark.vcr
def test_reads_a_short_article(server: dict[str, str]) -> None:
    reader = LLMReader(server["model"], **options(server))
    reading = reader.read(Document(SHORT))
    assert reading.reader.model == server["model"]
    assert reading.reader.prompt == "read_article"
    assert reading.usage.calls >= 1
    assert reading.usage.prompt_tokens > 0
    # The quote code found is kept whatever the model said about it.
    assert [q.span.text for q in reading.quotes][:1] == ["The bridge is safe and ready for traffic"]
    for span in iter_spans((reading.quotes, reading.attributions, reading.claims)):
        assert SHORT[span.start : span.end] == span.text


@pytest.mark.vcr
def test_extracts_the_seed_and_flags_what_the_model_gets_wrong(
    server: dict[str, str], seed_text: str
) -> None:
    result = sc.extract(seed_text, model=server["model"], **options(server))
    assert result.reader.name == "llm"
    assert result.usage.calls >= 1
    assert_nothing_wrong_is_supported(result)
    # Both Witkoff quotes are there (found by code, attributed by the model or the rules).
    assert sum("security protocols" in q.span.text for q in result.quotes) == 2
    # A speaker the model names is used only where the text puts it: next to the quote.
    document = Document(seed_text)
    for quote in result.quotes:
        if quote.speaker is not None:
            near = {s.index for s in document.sentences_in(quote.span)}
            where = document.sentences_in(quote.speaker)[0].index
            assert min(near) - 1 <= where <= max(near) + 1, quote.speaker.text


@pytest.mark.vcr
def test_judge_answers_with_grounded_citations(server: dict[str, str], seed_text: str) -> None:
    judge = LLMJudge(server["model"], **options(server))
    document = Document(seed_text)
    candidates = [4, 5]
    result = judge.judgement("The summit took place in Berlin.", document, candidates)
    assert set(result.sentences) <= set(candidates)
    if result.label is not Label.UNSUPPORTED:
        assert result.sentences
    assert judge.usage.calls >= 1
