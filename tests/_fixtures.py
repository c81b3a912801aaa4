"""Small hand-built extractions for the briefing, audit, HTML and table tests.

They stand in for a reader's output, so these tests exercise the audit and briefing logic
alone, whatever the readers do. Spans are found with ``str.find``, so the fixtures stay
readable and can never break the span invariant.
"""

from __future__ import annotations

from sourcecheck._models import (
    Attribution,
    AttributionKind,
    Claim,
    ClaimKind,
    Extraction,
    Label,
    Quote,
    QuoteKind,
    Span,
    Verdict,
)

ARTICLE = (
    "Council Approves Bridge Plan\n\n"
    'Mayor Ann Lee said on Monday that the council "will rebuild the bridge by spring." '
    '"This is the best day for our city in a decade," Lee told reporters.\n\n'
    "However, the old bridge, which opened in 1932, closed last year after a flood.\n\n"
    "Repairs will cost $4 million, according to the city budget office.\n\n"
    "Officials said the contract would go to a local firm.\n\n"
    '"Nobody asked the neighbours what they wanted."\n\n'
    "The vote marks a major shift for a city that had long delayed the work."
)


def span(text: str, words: str, occurrence: int = 0) -> Span:
    at = -1
    for _ in range(occurrence + 1):
        at = text.find(words, at + 1)
        assert at >= 0, words
    return Span.of(text, at, at + len(words))


def supported(*evidence: Span) -> Verdict:
    return Verdict(label=Label.SUPPORTED, score=1.0, evidence=evidence)


def article_extraction(text: str = ARTICLE) -> Extraction:
    """The article as a reader would see it: two Lee quotes, an according-to, an
    anonymous source, a quote with no speaker and two uncredited statements."""
    s = lambda words, n=0: span(text, words, n)  # noqa: E731
    lee_partial = Quote(
        span=s("will rebuild the bridge by spring."),
        speaker=s("Mayor Ann Lee"),
        speaker_name="Ann Lee",
        speaker_role="Mayor",
        cue=s("said"),
        kind=QuoteKind.PARTIAL,
    )
    lee_direct = Quote(
        span=s("This is the best day for our city in a decade,"),
        speaker=s("Lee", 1),
        speaker_name="Lee",
        cue=s("told"),
        kind=QuoteKind.DIRECT,
    )
    orphan = Quote(span=s("Nobody asked the neighbours what they wanted."))
    said = Attribution(
        content=s('the council "will rebuild the bridge by spring."'),
        cue=s("said"),
        source=s("Mayor Ann Lee"),
        source_name="Ann Lee",
        source_role="Mayor",
        kind=AttributionKind.PARTIAL,
    )
    told = Attribution(
        content=lee_direct.span,
        cue=s("told"),
        source=s("Lee", 1),
        source_name="Lee",
        kind=AttributionKind.DIRECT,
    )
    budget = Attribution(
        content=s("Repairs will cost $4 million"),
        cue=s("according to"),
        source=s("the city budget office"),
        source_name="the city budget office",
        kind=AttributionKind.ACCORDING_TO,
    )
    officials = Attribution(
        content=s("the contract would go to a local firm"),
        cue=s("said", 1),
        source=s("Officials"),
        source_name="Officials",
        kind=AttributionKind.INDIRECT,
        anonymous=True,
    )

    def claim(words: str, kind: ClaimKind, attribution: Attribution | None = None) -> Claim:
        evidence = s(words)
        return Claim(
            text=words,
            evidence=(evidence,),
            kind=kind,
            attribution=attribution,
            verdict=supported(evidence),
        )

    claims = (
        claim(
            'Mayor Ann Lee said on Monday that the council "will rebuild the bridge by spring."',
            ClaimKind.QUOTE,
            said,
        ),
        claim(
            '"This is the best day for our city in a decade," Lee told reporters.',
            ClaimKind.QUOTE,
            told,
        ),
        claim(
            "However, the old bridge, which opened in 1932, closed last year after a flood.",
            ClaimKind.FACT,
        ),
        claim(
            "Repairs will cost $4 million, according to the city budget office.",
            ClaimKind.PREDICTION,
            budget,
        ),
        claim(
            "Officials said the contract would go to a local firm.",
            ClaimKind.PREDICTION,
            officials,
        ),
        claim(
            "The vote marks a major shift for a city that had long delayed the work.",
            ClaimKind.OPINION,
        ),
    )
    return Extraction(
        text=text,
        claims=claims,
        quotes=(lee_partial, lee_direct, orphan),
        attributions=(said, told, budget, officials),
    )


def derived_extraction(text: str, quotes: list[tuple[str, str | None]]) -> Extraction:
    """A derived text whose quotes (words, speaker) were found by hand."""
    return Extraction(
        text=text,
        quotes=tuple(Quote(span=span(text, words), speaker_name=who) for words, who in quotes),
    )


def offline_attributions(body: str, headline: str = "Headline Here") -> list[Attribution]:
    """The offline reader's attributions of ``body`` (under ``headline``), every span
    checked against the text."""
    from sourcecheck._document import Document
    from sourcecheck._models import iter_spans
    from sourcecheck._offline import OfflineReader

    text = f"{headline}\n\n{body}" if headline else body
    reading = OfflineReader().read(Document(text))
    for one in iter_spans((reading.quotes, reading.attributions)):
        assert text[one.start : one.end] == one.text
    return list(reading.attributions)


def attribution_triples(
    body: str, headline: str = "Headline Here"
) -> list[tuple[str | None, str | None, str]]:
    """(source, cue, content) texts of ``offline_attributions``."""
    return [
        (a.source.text if a.source else None, a.cue.text if a.cue else None, a.content.text)
        for a in offline_attributions(body, headline)
    ]
