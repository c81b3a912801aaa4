"""The LLM reader: an OpenAI-compatible model reads the article, code grounds the answer.

Flow for one document:

1. the offline reader's quote finder runs first; its quotes go to the model as fixed,
   numbered items, so the model attributes them and cannot rewrite them;
2. the article is split into calls (one up to about 6,000 tokens; longer ones at
   paragraphs, with context) and rendered into the versioned ``read_article`` prompt,
   sentences numbered, delimited as data;
3. each call goes through the cache, then instructor (validators re-ask when a new quote
   is not verbatim), inside the retry policy;
4. every answer is grounded (``_convert``), the parts merged and deduplicated by span,
   and the result records model, base URL, prompt name and version, calls and tokens.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sourcecheck._document import Document
from sourcecheck._llm._call import StructuredRequest
from sourcecheck._llm._chunk import Chunk, merge_readings, plan_chunks
from sourcecheck._llm._convert import convert_answer
from sourcecheck._llm._endpoint import Endpoint
from sourcecheck._llm._ground import Grounder
from sourcecheck._llm._prompts import PromptTemplate, load_prompt, neutral, numbered
from sourcecheck._llm._schemas import ArticleReading, ReadContext
from sourcecheck._llm._usage import UsageMeter
from sourcecheck._models import Attribution, Quote
from sourcecheck._reading import Reading

__all__ = ["LLMReader"]

READ_PROMPT = "read_article"
PARTS_IN_FLIGHT = 4  # parts of one long article read at once (aread)


@dataclass(frozen=True)
class _Part:
    chunk: Chunk
    fixed: tuple[Quote, ...]
    request: StructuredRequest[ArticleReading]


class LLMReader(Endpoint):
    """Reads articles with a model behind any OpenAI-compatible API.

    ``model`` names the model; ``base_url`` the server (default ``$OPENAI_BASE_URL``, else
    OpenAI); ``mode`` the instructor mode (default: tools on OpenAI, JSON schema elsewhere);
    ``cache`` True (default directory), a directory, a ``ResponseCache``, or False. The
    other options (timeouts, retry bounds, price, HTTP clients) are ``Endpoint``'s.

    Example:
        >>> reader = LLMReader("llama", base_url="http://127.0.0.1:8080/v1", cache=False)
        >>> reader
        LLMReader(model='llama', base_url='http://127.0.0.1:8080/v1', mode='json_schema_mode')
    """

    def __init__(self, model: str, *, max_chunk_tokens: int = 6000, **options: Any) -> None:
        super().__init__(model, **options)
        self.max_chunk_tokens = max_chunk_tokens
        self.prompt: PromptTemplate = load_prompt(READ_PROMPT)

    # -- building requests ----------------------------------------------------------

    def _parts(self, document: Document, quotes: Sequence[Quote]) -> list[_Part]:
        grounder = Grounder(document)
        parts = []
        for chunk in plan_chunks(document, self.max_chunk_tokens):
            inside = set(chunk.sentences)
            fixed = tuple(
                q for q in quotes if (s := document.sentence_at(q.span.start)) and s.index in inside
            )
            parts.append(_Part(chunk, fixed, self._request(document, grounder, chunk, fixed)))
        return parts

    def _request(
        self, document: Document, grounder: Grounder, chunk: Chunk, fixed: Sequence[Quote]
    ) -> StructuredRequest[ArticleReading]:
        sentences = document.sentences
        quote_items = [
            {
                "number": i,
                "sentence": (s.index + 1) if (s := document.sentence_at(q.span.start)) else "?",
                "text": neutral(q.span.text),
            }
            for i, q in enumerate(fixed, start=1)
        ]
        messages = self.prompt.render(
            sentences=numbered([sentences[i] for i in chunk.sentences]),
            context=numbered([sentences[i] for i in chunk.context]),
            quotes=quote_items,
        )
        context = ReadContext(grounder=grounder, quote_count=len(fixed))
        return StructuredRequest(self.prompt, messages, ArticleReading, context)

    # -- reading -----------------------------------------------------------------------

    def _offline(self, document: Document) -> Reading:
        from sourcecheck._offline import OfflineReader

        return OfflineReader().read(document)

    def _finish(
        self,
        document: Document,
        offline: Reading,
        parts: Sequence[_Part],
        answers: Sequence[ArticleReading],
        meter: UsageMeter,
    ) -> Reading:
        grounder = Grounder(document)
        readings = []
        for part, answer in zip(parts, answers, strict=True):
            got = convert_answer(answer, grounder, part.fixed)
            readings.append(
                Reading(
                    quotes=tuple(got.quotes),
                    attributions=tuple(got.attributions),
                    claims=tuple(got.claims),
                    warnings=tuple(got.warnings),
                )
            )
        merged = merge_readings(readings, self.info)
        extra = _rule_attributions(offline.attributions, merged.attributions)
        warnings = list(merged.warnings)
        claims = merged.claims
        if not claims and document.body_sentences:
            # The model failed at something the rules can do: show the rules' claims,
            # and say so, rather than an empty list.
            claims = offline.claims
            source = "the claims shown come from the offline rules" if claims else "none found"
            warnings.append(f"{self.settings.model} reported no claims for this article; {source}")
        return merged.model_copy(
            update={
                "claims": claims,
                "attributions": tuple(
                    sorted(merged.attributions + extra, key=lambda a: a.content.start)
                ),
                "usage": meter.usage(),
                "warnings": tuple(warnings),
            }
        )

    def read(self, document: Document) -> Reading:
        """Read ``document`` with the model; raises ``ModelError`` when calls fail for good."""
        offline = self._offline(document)
        parts = self._parts(document, offline.quotes)
        meter = UsageMeter(price=self.price)
        answers = [self.caller.call(p.request, meter) for p in parts]
        return self._finish(document, offline, parts, answers, meter)

    async def aread(self, document: Document) -> Reading:
        """``read`` for asyncio: the parts of a long article are in flight together
        (at most ``PARTS_IN_FLIGHT``)."""
        offline = await asyncio.to_thread(self._offline, document)
        parts = self._parts(document, offline.quotes)
        meter = UsageMeter(price=self.price)
        gate = asyncio.Semaphore(PARTS_IN_FLIGHT)

        async def one(part: _Part) -> ArticleReading:
            async with gate:
                return await self.caller.acall(part.request, meter)

        answers = await asyncio.gather(*(one(p) for p in parts))
        return self._finish(document, offline, parts, answers, meter)


def _rule_attributions(
    rules: Sequence[Attribution], model: Sequence[Attribution]
) -> tuple[Attribution, ...]:
    """Attributions the rules found that no model attribution overlaps: code-found
    reported speech is kept when the model misses it."""
    return tuple(a for a in rules if not any(a.content.overlaps(m.content) for m in model))
