"""What a reader hands to the verifier: grounded items and claim drafts, not yet judged.

Both readers (the offline rules in ``_offline`` and the LLM layer in ``_llm``) return a
``Reading``. Every span in it is already grounded in the document text; the verifier
turns each ``ClaimDraft`` into a ``Claim`` with a verdict, and ``extract()`` assembles the
``Extraction``. Data flows one way: document -> reader -> aligner -> verifier -> result.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict

from sourcecheck._document import Document
from sourcecheck._models import (
    Attribution,
    ClaimKind,
    GroundingStatus,
    Quote,
    ReaderInfo,
    Span,
    Usage,
)

__all__ = ["ClaimDraft", "Reader", "Reading"]


class ClaimDraft(BaseModel):
    """A claim as a reader states it, before the verifier has judged it.

    ``evidence`` holds the spans the reader cites (empty when its text did not ground);
    ``grounding`` says how they were found. A draft with no evidence is still kept: the
    verifier marks it unsupported, so nothing is dropped in silence.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    evidence: tuple[Span, ...] = ()
    kind: ClaimKind = ClaimKind.FACT
    attribution: Attribution | None = None
    grounding: GroundingStatus = GroundingStatus.EXACT
    sentence: int | None = None
    # Quoted words the claim asserts were said: each must be verbatim in the source.
    quoted: tuple[str, ...] = ()


class Reading(BaseModel):
    """Everything one reader found in one document, grounded but not yet verified."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[ClaimDraft, ...] = ()
    reader: ReaderInfo = ReaderInfo()
    usage: Usage = Usage()
    warnings: tuple[str, ...] = ()


class Reader(Protocol):
    """Anything that reads a document: the offline rules or an LLM."""

    def read(self, document: Document) -> Reading: ...
