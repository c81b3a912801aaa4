from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sourcecheck import (
    Attribution,
    AttributionKind,
    Check,
    CheckOutcome,
    Claim,
    ClaimKind,
    Extraction,
    GroundingError,
    Label,
    Quote,
    Span,
    Usage,
    Verdict,
)
from sourcecheck._models import build_trusted

TEXT = 'Mayor Ann Lee said "taxes will fall" next year, according to the council.'


def _sample() -> Extraction:
    quote = Quote(
        span=Span.of(TEXT, 20, 35),
        speaker=Span.of(TEXT, 0, 13),
        speaker_name="Ann Lee",
        speaker_role="Mayor",
        cue=Span.of(TEXT, 14, 18),
    )
    attribution = Attribution(
        content=Span.of(TEXT, 20, 35),
        cue=Span.of(TEXT, 14, 18),
        source=Span.of(TEXT, 0, 13),
        source_name="Ann Lee",
        kind=AttributionKind.DIRECT,
    )
    verdict = Verdict(
        label=Label.SUPPORTED,
        score=1.0,
        checks=(
            Check(name="grounding", outcome=CheckOutcome.PASS, evidence=(Span.of(TEXT, 0, 47),)),
        ),
    )
    claim = Claim(
        text="Taxes will fall next year.",
        evidence=(Span.of(TEXT, 0, 47),),
        kind=ClaimKind.PREDICTION,
        attribution=attribution,
        verdict=verdict,
        sentence=0,
    )
    return Extraction(
        text=TEXT,
        claims=(claim,),
        quotes=(quote,),
        attributions=(attribution,),
        usage=Usage(calls=1, prompt_tokens=10, completion_tokens=5),
    )


def test_json_round_trip_is_lossless() -> None:
    extraction = _sample()
    again = Extraction.model_validate_json(extraction.model_dump_json())
    assert again == extraction
    assert again.model_dump_json() == extraction.model_dump_json()


def test_span_length_must_match_offsets() -> None:
    with pytest.raises(ValidationError):
        Span(start=0, end=5, text="abc")
    with pytest.raises(ValidationError):
        Span(start=5, end=3, text="")


def test_span_of_rejects_out_of_range() -> None:
    with pytest.raises(GroundingError):
        Span.of("abc", 1, 9)


def test_span_of_equals_a_validated_span() -> None:
    built = Span.of(TEXT, 14, 18)
    validated = Span(start=14, end=18, text=TEXT[14:18])
    assert built == validated
    assert hash(built) == hash(validated)
    assert built.model_fields_set == validated.model_fields_set
    assert built.model_dump_json() == validated.model_dump_json()
    with pytest.raises(ValidationError):
        built.start = 3  # still frozen


def test_extraction_rejects_a_span_that_is_not_in_its_text() -> None:
    bad = Quote(span=Span(start=0, end=5, text="Hello"))
    with pytest.raises(ValidationError, match="source holds"):
        Extraction(text=TEXT, quotes=(bad,))


def test_loading_tampered_json_fails() -> None:
    payload = _sample().model_dump_json()
    tampered = payload.replace('"text":"taxes will fall"', '"text":"taxes will rise"')
    assert tampered != payload
    with pytest.raises(ValidationError):
        Extraction.model_validate_json(tampered)


def test_usage_adds_up() -> None:
    total = Usage(calls=1, prompt_tokens=3, cost_usd=0.5) + Usage(calls=2, completion_tokens=4)
    assert (total.calls, total.total_tokens, total.cost_usd) == (3, 7, 0.5)


@given(st.text(min_size=1, max_size=200), st.data())
def test_span_of_always_obeys_the_invariant(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span.of(text, start, end)
    assert text[span.start : span.end] == span.text
    span.check(text)


def test_build_trusted_equals_a_validated_model() -> None:
    span = Span.of(TEXT, 20, 35)
    validated = Attribution(content=span, source_name="X", kind=AttributionKind.DIRECT)
    built = build_trusted(Attribution, content=span, source_name="X", kind=AttributionKind.DIRECT)
    assert built == validated
    assert built.model_fields_set == validated.model_fields_set
    assert built.model_dump_json() == validated.model_dump_json()
    with pytest.raises(TypeError):
        build_trusted(Attribution, source_name="X")  # content is required
    with pytest.raises(TypeError):
        build_trusted(Attribution, content=span, colour="red")
