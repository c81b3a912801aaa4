"""The acceptance test: the seed article through the public API, offline.

Issue 2, part 10: the two Witkoff quotes with Witkoff as speaker, the Reuters
attribution, the joint-statement attribution, no quote for "coalition of the willing",
no claim from a heading or the byline, the span invariant for every item.
"""

from __future__ import annotations

import pytest

import sourcecheck as sc
from sourcecheck import Document, Role
from sourcecheck._models import (
    Attribution,
    AttributionKind,
    Claim,
    ClaimKind,
    Extraction,
    Quote,
    Span,
    iter_spans,
)


@pytest.fixture(scope="module")
def result(seed_text: str) -> Extraction:
    return sc.extract(seed_text)


def _quote_starting(result: Extraction, words: str) -> Quote:
    found = [q for q in result.quotes if q.span.text.startswith(words)]
    assert len(found) == 1, [q.span.text for q in result.quotes]
    return found[0]


def _attribution_covering(result: Extraction, words: str) -> Attribution:
    at = result.text.index(words)
    found = [
        a for a in result.attributions if a.content.start <= at and at + len(words) <= a.content.end
    ]
    assert found, [a.content.text for a in result.attributions]
    return found[0]


def test_offline_reader_read_the_seed(result: Extraction) -> None:
    assert result.reader.name == "offline"
    assert result.usage.calls == 0


def test_the_partial_witkoff_quote(result: Extraction) -> None:
    quote = _quote_starting(result, "strongly stands behind the security protocols")
    assert quote.speaker_name == "Steve Witkoff"
    assert quote.speaker is not None
    assert "Witkoff" in quote.speaker.text
    assert quote.cue is not None
    assert quote.cue.text == "said"


def test_the_two_sentence_witkoff_quote(result: Extraction) -> None:
    quote = _quote_starting(result, "The purpose of these security protocols")
    assert quote.speaker_name == "Steve Witkoff"
    assert quote.speaker is not None
    assert quote.speaker.text == "Witkoff"
    assert quote.cue is not None
    assert quote.cue.text == "stated"
    assert "as strong as any that have ever been seen" in quote.span.text


def test_scare_quotes_are_not_speech(result: Extraction) -> None:
    at = result.text.index("coalition of the willing")
    phrase = Span.of(result.text, at, at + len("coalition of the willing"))
    assert not [q.span.text for q in result.quotes if q.span.overlaps(phrase)]
    assert len(result.quotes) == 2


def test_the_reuters_attribution(result: Extraction) -> None:
    attribution = _attribution_covering(result, "The pledge was made at a summit in Paris")
    assert attribution.source is not None
    assert attribution.source.text == "Reuters"
    assert attribution.kind is AttributionKind.ACCORDING_TO
    assert attribution.anonymous is False


def test_the_joint_statement_attribution(result: Extraction) -> None:
    attribution = _attribution_covering(result, "allied countries will participate")
    assert attribution.source is not None
    assert "coalition leaders" in attribution.source.text
    assert attribution.cue is not None
    assert "confirmed" in attribution.cue.text


def test_no_claim_from_a_heading_the_byline_or_the_headline(result: Extraction) -> None:
    document = Document(result.text)
    assert result.claims
    for claim in result.claims:
        for span in claim.evidence:
            sentence = document.sentence_at(span.start)
            assert sentence is not None
            assert sentence.role is Role.BODY, claim.text
    texts = " ".join(c.text for c in result.claims)
    for not_body in ("RksNews", "2 Min Read", "Strong U.S. Endorsement", "Ceasefire Monitoring"):
        assert not_body not in texts


def test_every_body_sentence_is_claimed(result: Extraction) -> None:
    # The seed has no questions or fragments: each body sentence states something.
    document = Document(result.text)
    claimed = {c.sentence for c in result.claims}
    assert claimed == {s.index for s in document.body_sentences}


def _claim_starting(result: Extraction, words: str) -> Claim:
    found = [c for c in result.claims if c.evidence and c.evidence[0].text.startswith(words)]
    assert len(found) == 1, [c.text for c in result.claims]
    return found[0]


def test_claims_carry_their_attribution_and_kind(result: Extraction) -> None:
    witkoff = _claim_starting(result, "“The purpose of these security protocols")
    assert witkoff.kind is ClaimKind.QUOTE
    assert witkoff.attribution is not None
    assert witkoff.attribution.source_name == "Steve Witkoff"
    reuters = _claim_starting(result, "The pledge was made at a summit")
    assert reuters.attribution is not None
    assert reuters.attribution.source is not None
    assert reuters.attribution.source.text == "Reuters"
    joint = _claim_starting(result, "In a joint statement, coalition leaders")
    assert joint.attribution is not None
    assert joint.attribution.source is not None
    assert "coalition leaders" in joint.attribution.source.text
    shift = _claim_starting(result, "This marks a significant shift")
    assert shift.kind is ClaimKind.OPINION
    assert shift.attribution is None


def test_quoted_words_in_claims_are_verified_verbatim(result: Extraction) -> None:
    partial = next(c for c in result.claims if "strongly stands behind" in c.text)
    assert partial.verdict.supported
    assert any(
        check.name == "quote" and "strongly stands behind" in span.text
        for check in partial.verdict.checks
        for span in check.evidence
    )


def test_span_invariant_for_every_item(result: Extraction) -> None:
    spans = list(iter_spans((result.claims, result.quotes, result.attributions)))
    assert len(spans) > 30
    for span in spans:
        assert result.text[span.start : span.end] == span.text
    for claim in result.claims:
        assert claim.evidence
        for span in (
            *claim.verdict.evidence,
            *(s for c in claim.verdict.checks for s in c.evidence),
        ):
            assert result.text[span.start : span.end] == span.text
