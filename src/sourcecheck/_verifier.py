"""The verifier: does the source support, contradict, or not say each claim?

First layer: grounding and verbatim quotes. A draft with no evidence, or whose text did
not ground, is unsupported (kept, never dropped); a quote that is not verbatim in the
source is never supported.
"""

from __future__ import annotations

from collections.abc import Sequence

from sourcecheck._document import Document
from sourcecheck._models import (
    Check,
    CheckOutcome,
    Claim,
    GroundingStatus,
    Label,
    Span,
    Verdict,
)
from sourcecheck._reading import ClaimDraft

__all__ = ["judge_claims"]

_GROUNDING_SCORE = {
    GroundingStatus.EXACT: 1.0,
    GroundingStatus.NORMALIZED: 0.9,
    GroundingStatus.FUZZY: 0.6,
    GroundingStatus.NONE: 0.0,
}


def _grounding_check(draft: ClaimDraft) -> Check:
    if not draft.evidence or draft.grounding is GroundingStatus.NONE:
        return Check(
            name="grounding",
            outcome=CheckOutcome.FAIL,
            message="the claim did not ground in the source",
        )
    return Check(
        name="grounding",
        outcome=CheckOutcome.PASS,
        message=f"grounded ({draft.grounding.value})",
        evidence=draft.evidence,
    )


def _quote_checks(document: Document, quoted: Sequence[str]) -> list[Check]:
    checks = []
    for words in quoted:
        at = document.text.find(words) if words else -1
        if at >= 0:
            span = Span.of(document.text, at, at + len(words))
            checks.append(
                Check(
                    name="quote",
                    outcome=CheckOutcome.PASS,
                    message="verbatim in the source",
                    evidence=(span,),
                )
            )
        else:
            checks.append(
                Check(
                    name="quote",
                    outcome=CheckOutcome.FAIL,
                    message=f"not verbatim in the source: {words[:60]!r}",
                )
            )
    return checks


def judge_draft(document: Document, draft: ClaimDraft) -> Verdict:
    """The verdict on one claim draft: grounding, then its quotes."""
    checks = [_grounding_check(draft), *_quote_checks(document, draft.quoted)]
    if any(c.outcome is CheckOutcome.FAIL for c in checks):
        return Verdict(label=Label.UNSUPPORTED, score=0.0, checks=tuple(checks))
    return Verdict(
        label=Label.SUPPORTED,
        score=_GROUNDING_SCORE[draft.grounding],
        checks=tuple(checks),
        evidence=draft.evidence,
    )


def judge_claims(document: Document, drafts: Sequence[ClaimDraft]) -> list[Claim]:
    """Turn every draft into a ``Claim`` with its verdict; none is dropped.

    Example:
        >>> from sourcecheck._models import Span
        >>> doc = Document("The bridge opened in 1932.")
        >>> draft = ClaimDraft(text="The bridge opened in 1932.",
        ...                    evidence=(Span.of(doc.text, 0, 26),))
        >>> judge_claims(doc, [draft])[0].verdict.label.value
        'supported'
    """
    return [
        Claim(
            text=draft.text,
            evidence=draft.evidence,
            kind=draft.kind,
            attribution=draft.attribution,
            grounding=draft.grounding,
            verdict=judge_draft(document, draft),
            sentence=draft.sentence,
        )
        for draft in drafts
    ]
