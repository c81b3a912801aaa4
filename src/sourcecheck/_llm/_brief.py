"""Abstractive briefings: a model writes the bullets and cites sentence numbers.

The model never reports offsets: each bullet cites the numbers of the body sentences it
rests on, and those numbers are turned into the sentences' spans here. A bullet that
cites no body sentence shown is re-asked once; if it still cites none it is kept with no
citations, and ``sourcecheck._briefing`` marks it unsupported (never dropped in silence).
Verifying each bullet against the source is the briefing's job, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import Field, ValidationInfo, model_validator

from sourcecheck._document import Document
from sourcecheck._llm._call import StructuredRequest
from sourcecheck._llm._endpoint import Endpoint
from sourcecheck._llm._ground import Grounder
from sourcecheck._llm._prompts import PromptTemplate, load_prompt, numbered
from sourcecheck._llm._schemas import AnswerModel, ReadContext, enforced_context
from sourcecheck._llm._usage import UsageMeter
from sourcecheck._models import ReaderInfo, Span, Usage

__all__ = ["BRIEF_PROMPT", "BriefAnswer", "BriefItem", "BriefWriter", "Written", "write_bullets"]

BRIEF_PROMPT = "write_briefing"


class BriefItem(AnswerModel):
    """One bullet as the model writes it."""

    text: str = Field(description="one short sentence saying only what the cited sentences say")
    cited_sentences: list[int] = Field(
        default_factory=list, description="numbers of the sentences the bullet rests on"
    )


class BriefAnswer(AnswerModel):
    bullets: list[BriefItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _citations_are_body_sentences(self, info: ValidationInfo) -> BriefAnswer:
        read = enforced_context(info)
        if read is None or not read.sentences:
            return self
        for number, bullet in enumerate(self.bullets, 1):
            cited = [n for n in bullet.cited_sentences if n in read.sentences]
            if not cited:
                raise ValueError(
                    f"bullet {number} ({bullet.text[:60]!r}) must cite at least one of the "
                    f"numbered body sentences shown; it cited {bullet.cited_sentences or 'none'}"
                )
        return self


@dataclass(frozen=True)
class Written:
    """The model's bullets with the spans of the sentences each one cites."""

    bullets: list[tuple[str, tuple[Span, ...]]]
    reader: ReaderInfo
    usage: Usage
    warnings: list[str] = field(default_factory=list)


class BriefWriter(Endpoint):
    """Writes briefings with a model behind any OpenAI-compatible API.

    Example:
        >>> writer = BriefWriter("llama", base_url="http://127.0.0.1:8080/v1", cache=False)
        >>> writer.prompt.name
        'write_briefing'
    """

    def __init__(self, model: str, **options: Any) -> None:
        super().__init__(model, **options)
        self.prompt: PromptTemplate = load_prompt(BRIEF_PROMPT)
        self._meter = UsageMeter(price=self.price)

    def _request(self, document: Document, max_bullets: int) -> StructuredRequest[BriefAnswer]:
        body = frozenset(s.index + 1 for s in document.body_sentences)
        messages = self.prompt.render(
            sentences=numbered(document.sentences), max_bullets=max_bullets
        )
        context = ReadContext(grounder=Grounder(document), sentences=body)
        return StructuredRequest(self.prompt, messages, BriefAnswer, context)

    def write(self, document: Document, max_bullets: int) -> Written:
        request = self._request(document, max_bullets)
        answer = self.caller.call(request, self._meter)
        return _grounded(document, answer, request.context, self.info, self._meter.usage())


def _grounded(
    document: Document, answer: BriefAnswer, context: ReadContext, info: ReaderInfo, usage: Usage
) -> Written:
    bullets: list[tuple[str, tuple[Span, ...]]] = []
    warnings: list[str] = []
    for item in answer.bullets:
        text = " ".join(item.text.split())
        if not text:
            continue
        numbers = dict.fromkeys(n for n in item.cited_sentences if n in context.sentences)
        spans = tuple(document.sentences[n - 1].span for n in numbers)
        if not spans:
            warnings.append(f"the model's bullet {text[:60]!r} cites no body sentence")
        bullets.append((text, spans))
    return Written(bullets=bullets, reader=info, usage=usage, warnings=warnings)


def write_bullets(text: str, *, model: str, max_bullets: int = 5, **options: Any) -> Written:
    """The model's briefing bullets on ``text``, each with its cited sentences' spans."""
    writer = BriefWriter(model, **options)
    return writer.write(Document(text), max_bullets)
