"""The LLM judge: for statements the deterministic checks cannot decide.

The verifier calls it with one statement sentence, the document and the numbers of its
best candidate sentences; the judge answers with a label and the candidate sentences it
rests on. Its citations are grounded like everything else: a cited number must be one of
the candidates shown and the quoted evidence must be in the article verbatim, or
instructor re-asks; if the last answer still fails, a "supported" or "contradicted"
label without grounded citations falls back to "unsupported" (no verdict rests on words
the source does not hold).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sourcecheck._document import Document
from sourcecheck._exceptions import InputError
from sourcecheck._llm._call import StructuredRequest
from sourcecheck._llm._endpoint import Endpoint
from sourcecheck._llm._ground import Grounder
from sourcecheck._llm._prompts import PromptTemplate, load_prompt, neutral, numbered
from sourcecheck._llm._schemas import JudgeAnswer, ReadContext
from sourcecheck._llm._usage import UsageMeter
from sourcecheck._models import Label, Usage

__all__ = ["JUDGE_PROMPT", "Judgement", "LLMJudge"]

JUDGE_PROMPT = "judge_statement"


@dataclass(frozen=True)
class Judgement:
    """The judge's label, the sentences (``Document`` indices) it cites, and why not more."""

    label: Label
    sentences: tuple[int, ...]
    note: str = ""


class LLMJudge(Endpoint):
    """Judge one statement against candidate sentences of a document with a model.

    Call it as ``judge(statement, document, candidate_sentences) -> (label, sentences)``;
    ``judgement()`` gives the same with a note. ``usage`` sums every call it made.

    Example:
        >>> judge = LLMJudge("llama", base_url="http://127.0.0.1:8080/v1", cache=False)
        >>> judge.prompt.name
        'judge_statement'
    """

    def __init__(self, model: str, **options: Any) -> None:
        super().__init__(model, **options)
        self.prompt: PromptTemplate = load_prompt(JUDGE_PROMPT)
        self._meter = UsageMeter(price=self.price)

    @property
    def usage(self) -> Usage:
        return self._meter.usage()

    def __call__(
        self, statement: str, document: Document, candidate_sentences: Sequence[int]
    ) -> tuple[Label, tuple[int, ...]]:
        result = self.judgement(statement, document, candidate_sentences)
        return result.label, result.sentences

    def _request(
        self, statement: str, document: Document, candidates: Sequence[int]
    ) -> StructuredRequest[JudgeAnswer]:
        if not statement or not statement.strip():
            raise InputError("the statement to judge is empty")
        picked = sorted({i for i in candidates if 0 <= i < len(document.sentences)})
        if not picked:
            raise InputError("the judge needs at least one candidate sentence of the document")
        messages = self.prompt.render(
            sentences=numbered([document.sentences[i] for i in picked]),
            statement=neutral(" ".join(statement.split())),
        )
        context = ReadContext(
            grounder=Grounder(document), sentences=frozenset(i + 1 for i in picked)
        )
        return StructuredRequest(self.prompt, messages, JudgeAnswer, context)

    def judgement(
        self, statement: str, document: Document, candidate_sentences: Sequence[int]
    ) -> Judgement:
        request = self._request(statement, document, candidate_sentences)
        answer = self.caller.call(request, self._meter)
        return _grounded(answer, request.context)

    async def ajudgement(
        self, statement: str, document: Document, candidate_sentences: Sequence[int]
    ) -> Judgement:
        request = self._request(statement, document, candidate_sentences)
        answer = await self.caller.acall(request, self._meter)
        return _grounded(answer, request.context)


def _grounded(answer: JudgeAnswer, context: ReadContext) -> Judgement:
    """Keep only citations of shown sentences; a label with none left is unsupported."""
    cited = tuple(dict.fromkeys(n - 1 for n in answer.cited_sentences if n in context.sentences))
    label = Label(answer.label)
    if label is Label.UNSUPPORTED:
        return Judgement(label, cited)
    if not cited:
        return Judgement(
            Label.UNSUPPORTED, (), f"the model said {label.value} but cited no sentence shown"
        )
    if answer.evidence and not context.grounder.find(answer.evidence, cited[0] + 1).verbatim:
        return Judgement(
            Label.UNSUPPORTED,
            cited,
            f"the model said {label.value} but its evidence is not in the article",
        )
    return Judgement(label, cited)
