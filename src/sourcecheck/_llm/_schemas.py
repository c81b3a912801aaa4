"""What the model fills in: sentence numbers and verbatim text, never offsets.

Validators receive the article through instructor's ``context=`` (a ``ReadContext``).
A new direct quote that is not in the article verbatim raises with the nearest text the
article does hold, so instructor re-asks with something the model can act on. When the
re-asks run out, the reader parses the last answer again with ``enforce=False``: the
item is then kept and grounded as ``none`` (see ``_reader``), never dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from sourcecheck._llm._ground import Grounder

__all__ = [
    "AnswerModel",
    "ArticleReading",
    "AttributionItem",
    "ClaimItem",
    "JudgeAnswer",
    "NewQuoteItem",
    "ReadContext",
    "SpeakerItem",
    "enforced_context",
]


@dataclass(frozen=True)
class ReadContext:
    """What validators check model answers against."""

    grounder: Grounder
    quote_count: int = 0  # fixed quotes are numbered 1..quote_count
    sentences: frozenset[int] = frozenset()  # numbers a judge may cite; empty = any
    enforce: bool = True  # False: parse the last answer as it is, to keep its items


def enforced_context(info: ValidationInfo) -> ReadContext | None:
    """The ``ReadContext`` a validator checks against, or None when it must not check."""
    context: Any = info.context
    if isinstance(context, dict):
        context = context.get("read")
    return context if isinstance(context, ReadContext) and context.enforce else None


class AnswerModel(BaseModel):
    """Base of everything a model fills in."""

    # Small local models add fields or leave optional ones out; accept both.
    model_config = ConfigDict(extra="ignore")


class SpeakerItem(AnswerModel):
    """Who spoke one of the quotes code already found."""

    quote: int = Field(description="the quote's number: 2 for [Q2]")
    speaker: str | None = Field(
        None, description="the speaker as written in the article, verbatim (name, title or pronoun)"
    )
    speaker_name: str | None = Field(
        None, description="the speaker's full name, if the article gives it"
    )
    speaker_role: str | None = Field(None, description="the speaker's title or role, if given")
    cue: str | None = Field(None, description="the speech verb, verbatim: said, stated, added, ...")

    @model_validator(mode="after")
    def _quote_exists(self, info: ValidationInfo) -> SpeakerItem:
        context = enforced_context(info)
        if context is not None and not 1 <= self.quote <= context.quote_count:
            listed = f"Q1 to Q{context.quote_count}" if context.quote_count else "no quotes"
            raise ValueError(f"quote Q{self.quote} does not exist: the list has {listed}")
        return self


class NewQuoteItem(AnswerModel):
    """A direct quote that was not in the list of quotes found by code."""

    sentence: int = Field(description="number of the sentence that holds the quote")
    text: str = Field(description="the quoted words, verbatim, without the quotation marks")
    speaker: str | None = Field(None, description="the speaker as written in the article, verbatim")
    speaker_name: str | None = Field(None, description="the speaker's full name, if given")
    speaker_role: str | None = Field(None, description="the speaker's title or role, if given")
    cue: str | None = Field(None, description="the speech verb, verbatim")

    @model_validator(mode="after")
    def _quote_is_verbatim(self, info: ValidationInfo) -> NewQuoteItem:
        context = enforced_context(info)
        if context is None or context.grounder.find(self.text, self.sentence).verbatim:
            return self
        nearest = context.grounder.nearest(self.text, self.sentence)
        hint = f" The nearest text in the article is: {nearest!r}." if nearest else ""
        raise ValueError(
            f"the quote {self.text!r} is not in the article word for word.{hint} "
            "Copy quoted words exactly as the article prints them, or leave the quote out."
        )


class AttributionItem(AnswerModel):
    """Reported speech or sourcing: who said, thinks or found what."""

    sentence: int = Field(description="number of the sentence that holds it")
    content: str = Field(description="what was said or found, verbatim from the article")
    source: str | None = Field(None, description="the source as written, verbatim; null if none")
    source_name: str | None = Field(None, description="the source's full name, if given")
    cue: str | None = Field(None, description="the cue, verbatim: said, according to, found, ...")
    kind: Literal["indirect", "according-to", "direct", "partial"] = "indirect"
    anonymous: bool = Field(False, description="true for unnamed sources such as 'officials'")


class ClaimItem(AnswerModel):
    """One verifiable statement the article makes."""

    sentence: int = Field(description="number of the sentence the claim comes from")
    statement: str = Field(description="the claim as a short self-contained sentence")
    evidence: str = Field(description="the words of that sentence, verbatim")
    kind: Literal["fact", "quote", "opinion", "prediction"] = "fact"


class ArticleReading(AnswerModel):
    """Everything the model reports about one article (or one part of a long one)."""

    quote_speakers: list[SpeakerItem] = Field(default_factory=list)
    new_quotes: list[NewQuoteItem] = Field(default_factory=list)
    attributions: list[AttributionItem] = Field(default_factory=list)
    claims: list[ClaimItem] = Field(default_factory=list)


class JudgeAnswer(AnswerModel):
    """The judge's label for one statement, with the sentences it rests on."""

    label: Literal["supported", "unsupported", "contradicted"]
    cited_sentences: list[int] = Field(
        default_factory=list, description="numbers of the sentences the answer rests on"
    )
    evidence: str | None = Field(None, description="the decisive words, verbatim from one of them")

    @model_validator(mode="after")
    def _citations_ground(self, info: ValidationInfo) -> JudgeAnswer:
        context = enforced_context(info)
        if context is None or self.label == "unsupported":
            return self
        allowed = context.sentences
        wrong = [n for n in self.cited_sentences if allowed and n not in allowed]
        if wrong or not self.cited_sentences:
            raise ValueError(
                f"cite the numbers of the sentences shown ({', '.join(map(str, sorted(allowed)))}) "
                f"that your answer rests on; {wrong or 'none'} cannot be used"
            )
        if (
            self.evidence
            and not context.grounder.find(self.evidence, self.cited_sentences[0]).verbatim
        ):
            nearest = context.grounder.nearest(self.evidence, self.cited_sentences[0])
            raise ValueError(
                f"the evidence {self.evidence!r} is not in the article word for word; "
                f"the nearest text is {nearest!r}. Copy it exactly."
            )
        return self
