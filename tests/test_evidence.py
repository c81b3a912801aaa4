"""The BM25 evidence ranker, the tokenizer and the stemmer."""

from __future__ import annotations

import pytest

from sourcecheck._document import Document
from sourcecheck._evidence import EvidenceIndex, content_stems, form, stem, tokenize

ARTICLE = """Storm Hits Coast

A storm knocked out power to 40,000 homes on Monday, the utility said.
Crews restored electricity to most customers by Tuesday evening.
The mayor praised the crews and asked residents to stay indoors.
Schools will reopen on Wednesday."""


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (["arrested", "arrests", "arresting", "arrest"], True),
        (["sales", "sale"], True),
        (["decline", "declined", "declines"], True),
        (["companies", "company"], True),
        (["planned", "planning", "plan"], True),
        (["agree", "agreed", "agrees", "agreeing"], True),
        (["guarantee", "guaranteed", "guarantees"], True),
        (["rise", "fall"], False),
    ],
)
def test_stem_merges_inflections_only(words: list[str], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


def test_tokens_keep_offsets_and_units() -> None:
    text = "U.S. sales fell 30% to $5bn, or 1,200 units, in 2023."
    tokens = tokenize(text, offset=10)
    assert [t.text for t in tokens] == [
        "U.S.", "sales", "fell", "30%", "to", "$5bn", "or", "1,200", "units", "in", "2023",
    ]  # fmt: skip
    for token in tokens:
        assert text[token.start - 10 : token.end - 10] == token.text


def test_content_stems_drop_stopwords() -> None:
    assert content_stems(tokenize("The mayor was in the city")) == ["mayor", "city"]


def test_rank_puts_the_matching_sentence_first() -> None:
    doc = Document(ARTICLE)
    index = EvidenceIndex(doc)
    best = index.rank("When did crews restore electricity?")[0]
    assert "restored electricity" in doc.sentences[best.sentence].text
    assert index.rank("mayor praised")[0].sentence != best.sentence


def test_rank_scores_fall_and_unknown_words_score_nothing() -> None:
    index = EvidenceIndex(Document(ARTICLE))
    hits = index.rank("storm power homes crews", k=3)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert index.rank("volcano eruption") == []


def test_rarer_terms_weigh_more() -> None:
    index = EvidenceIndex(Document(ARTICLE))
    assert index.idf(stem("mayor")) > index.idf(stem("crews"))
    assert index.idf("volcano") == 0.0


def test_headline_is_indexed_but_boilerplate_is_not() -> None:
    doc = Document("Storm Hits Coast\n\n2 Min Read\n\nThe storm hit the coast on Monday.")
    index = EvidenceIndex(doc)
    roles = {doc.sentences[h.sentence].role.value for h in index.rank("min read storm", k=5)}
    assert "boilerplate" not in roles


def test_form_keeps_a_verb_apart_from_its_noun() -> None:
    assert form("agreed") == form("agrees") == form("agree")
    assert form("agreements") == form("agreement") != form("agreed")
    assert stem("agreement") == stem("agreed")  # the ranker still merges them
