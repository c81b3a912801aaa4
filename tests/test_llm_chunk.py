"""Chunking long articles at paragraphs, with context, and merging parts by span."""

from __future__ import annotations

import itertools

import pytest

from sourcecheck._document import Document
from sourcecheck._exceptions import ConfigurationError, InvalidArgumentError
from sourcecheck._llm._chunk import estimate_tokens, merge_readings, plan_chunks
from sourcecheck._models import Quote, ReaderInfo, Span, Usage
from sourcecheck._reading import ClaimDraft, Reading

TEXT = "\n\n".join(f"Paragraph {i} opens here. It closes there." for i in range(50))


def test_short_article_is_one_chunk(seed_text: str) -> None:
    assert len(plan_chunks(Document(seed_text))) == 1


def test_parts_cover_every_sentence_once_in_order_within_budget() -> None:
    doc = Document(TEXT)
    chunks = plan_chunks(doc, max_tokens=60)
    assert len(chunks) > 5
    flat = [i for c in chunks for i in c.sentences]
    assert flat == list(range(len(doc.sentences)))
    for chunk in chunks:
        assert sum(estimate_tokens(doc.sentences[i].text) for i in chunk.sentences) <= 60
        # Parts start at paragraph boundaries.
        first = doc.sentences[chunk.sentences[0]]
        assert first.index == 0 or doc.sentences[first.index - 1].paragraph != first.paragraph


def test_each_later_part_has_the_previous_paragraph_as_context() -> None:
    doc = Document(TEXT)
    chunks = plan_chunks(doc, max_tokens=60)
    assert chunks[0].context == ()
    for before, after in itertools.pairwise(chunks):
        assert after.context
        assert set(after.context) <= set(before.sentences)
        assert after.context[-1] == before.sentences[-1]


def test_a_paragraph_longer_than_the_budget_is_split_at_sentences() -> None:
    long = " ".join(f"Sentence {i} is here." for i in range(40))
    chunks = plan_chunks(Document(long), max_tokens=30)
    assert len(chunks) > 1


def test_merge_deduplicates_by_span_and_sums_usage() -> None:
    text = "A said it. B did it."
    span = Span.of(text, 0, 9)
    draft = ClaimDraft(text="A said it", evidence=(span,))
    part = Reading(
        quotes=(Quote(span=span),), claims=(draft,), usage=Usage(calls=1, prompt_tokens=5)
    )
    merged = merge_readings([part, part], ReaderInfo(name="llm"))
    assert len(merged.quotes) == 1
    assert len(merged.claims) == 1
    assert merged.usage.calls == 2
    assert merged.usage.prompt_tokens == 10


def test_a_non_positive_token_budget_is_an_invalid_argument() -> None:
    with pytest.raises(InvalidArgumentError, match="max_tokens must be positive, not 0") as info:
        plan_chunks(Document("One fact here."), max_tokens=0)
    assert isinstance(info.value, ConfigurationError)
    assert isinstance(info.value, ValueError)
