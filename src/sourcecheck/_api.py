"""The front door: ``extract()`` and ``extract_claims()``.

This module wires the stages together (document -> reader -> verifier -> result). It is
the one place that may reach the LLM layer, and it does so lazily, so the offline path
never imports openai or instructor.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sourcecheck._document import Document
from sourcecheck._exceptions import InvalidArgumentError, SourcecheckError
from sourcecheck._models import Claim, Extraction
from sourcecheck._reading import Reader, Reading

if TYPE_CHECKING:
    from sourcecheck._verifier import Judge, Verification

__all__ = [
    "MODEL_ENV",
    "aextract",
    "aextract_many",
    "extract",
    "extract_claims",
    "extract_many",
    "resolve_model",
    "verify",
]

MODEL_ENV = "SOURCECHECK_MODEL"


def resolve_model(model: str | None) -> str | None:
    """The model to use: ``model`` if given, else ``$SOURCECHECK_MODEL``, else None (offline).

    ``"offline"`` names the offline reader explicitly, even when the variable is set.
    """
    chosen = model if model is not None else os.environ.get(MODEL_ENV) or None
    if chosen is not None and chosen.strip().lower() in {"", "offline"}:
        return None
    return chosen


def _choose_reader(model: str | None, **options: Any) -> Reader:
    chosen = resolve_model(model)
    if chosen is None:
        from sourcecheck._offline import OfflineReader

        return OfflineReader()
    from sourcecheck._llm import LLMReader

    return LLMReader(chosen, **options)


# Markup that means the caller passed a web page rather than the article's text.
_MARKUP = re.compile(r"<\s*(?:html|body|head|div|p|span|script|style|article|a\s+href)\b", re.I)


def _missing(document: Document, claims: tuple[Claim, ...]) -> tuple[str, ...]:
    """Say what a result lacks, so an empty or odd answer is never a silent one."""
    notes: list[str] = []
    if _MARKUP.search(document.text):
        notes.append("the text contains HTML markup and was read as plain text")
    if not claims:
        body = sum(1 for sentence in document.sentences if sentence.is_body)
        notes.append(
            f"no claims: none of the {body} body sentences states something checkable"
            if body
            else "no claims: the text has no body sentences (only headings, bylines or boilerplate)"
        )
    return tuple(notes)


def _assemble(document: Document, reading: Reading) -> Extraction:
    from sourcecheck._verifier import judge_claims

    claims = tuple(judge_claims(document, reading.claims))
    return Extraction(
        text=document.text,
        claims=claims,
        quotes=reading.quotes,
        attributions=reading.attributions,
        reader=reading.reader,
        usage=reading.usage,
        warnings=reading.warnings + _missing(document, claims),
    )


def extract(text: str, *, model: str | None = None, **options: Any) -> Extraction:
    """Read an article: its claims, quotes and attributions, each grounded and verified.

    With no model (and no ``SOURCECHECK_MODEL``), the deterministic offline reader does
    the reading: no network, no key. With a model name, an LLM reads the article through
    instructor; ``options`` go to the LLM reader (``base_url``, ``mode``, ``cache``, ...).

    Raises ``InputError`` for empty, blank or binary input.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract('"Prices will fall," the minister said on Friday.')
        >>> result.quotes[0].span.text
        'Prices will fall'
    """
    document = Document(text)
    reader = _choose_reader(model, **options)
    return _assemble(document, reader.read(document))


async def _aread(reader: Reader, document: Document) -> Reading:
    aread = getattr(reader, "aread", None)
    if aread is not None:
        reading: Reading = await aread(document)
        return reading
    return await asyncio.to_thread(reader.read, document)  # the offline rules: CPU only


async def aextract(text: str, *, model: str | None = None, **options: Any) -> Extraction:
    """``extract()`` for asyncio: the model calls are awaited, not blocking the loop.

    Example:
        >>> import asyncio, sourcecheck as sc
        >>> asyncio.run(sc.aextract('"We won," Kim said.')).quotes[0].speaker_name
        'Kim'
    """
    document = Document(text)
    reading = await _aread(_choose_reader(model, **options), document)
    return _assemble(document, reading)


async def aextract_many(
    texts: Iterable[str], *, model: str | None = None, concurrency: int = 4, **options: Any
) -> list[Extraction | SourcecheckError]:
    """Read many articles with at most ``concurrency`` in flight, sharing one reader (one
    client, one cache). A failed article gives its typed error in its place; the rest go on.

    Example:
        >>> import asyncio, sourcecheck as sc
        >>> results = asyncio.run(sc.aextract_many(["It rained.", ""]))
        >>> [type(r).__name__ for r in results]
        ['Extraction', 'EmptyInputError']
    """
    if concurrency < 1:
        raise InvalidArgumentError(f"concurrency must be at least 1, not {concurrency}")
    reader = _choose_reader(model, **options)
    gate = asyncio.Semaphore(concurrency)

    async def one(text: str) -> Extraction | SourcecheckError:
        async with gate:
            try:
                document = Document(text)
                return _assemble(document, await _aread(reader, document))
            except SourcecheckError as exc:
                return exc

    return list(await asyncio.gather(*(one(text) for text in texts)))


def extract_many(
    texts: Iterable[str], *, model: str | None = None, concurrency: int = 4, **options: Any
) -> list[Extraction | SourcecheckError]:
    """``aextract_many`` for code that is not async (it runs its own event loop).

    Results come back in input order; an article that cannot be read gives its error in
    its place instead of stopping the others.

    Example:
        >>> import sourcecheck as sc
        >>> results = sc.extract_many(["Lee said the bridge will reopen.", ""])
        >>> results[0].attributions[0].source_name, type(results[1]).__name__
        ('Lee', 'EmptyInputError')
    """
    return asyncio.run(aextract_many(texts, model=model, concurrency=concurrency, **options))


def extract_claims(text: str, *, model: str | None = None, **options: Any) -> list[Claim]:
    """The claims an article makes, each with its evidence spans and a verdict.

    Example:
        >>> import sourcecheck as sc
        >>> claims = sc.extract_claims("The bridge opened in 1932. It cost $4 million.")
        >>> [c.evidence[0].text for c in claims]
        ['The bridge opened in 1932.', 'It cost $4 million.']
    """
    return list(extract(text, model=model, **options).claims)


def _choose_judge(model: str | None, **options: Any) -> Judge | None:
    chosen = resolve_model(model)
    if chosen is None:
        return None
    from sourcecheck._llm import LLMJudge

    return LLMJudge(chosen, **options)


def verify(
    statement_or_text: str,
    *,
    source: str,
    model: str | None = None,
    judge: Judge | None = None,
    **options: Any,
) -> Verification:
    """Check a statement or summary against its source: supported, unsupported or
    contradicted, sentence by sentence, with the checks that decided and their spans.

    Offline, named checks decide (numbers, dates, names, negation, opposites, quotes,
    content the source lacks). With a model (or ``SOURCECHECK_MODEL``), an LLM judges the
    sentences the checks cannot decide; ``judge`` injects any ``Judge`` directly, and
    ``options`` go to the LLM judge (``base_url``, ``cache``, ...).

    Raises ``InputError`` for an empty, blank or binary statement or source.

    Example:
        >>> import sourcecheck as sc
        >>> source = "The summit was held in Paris on Tuesday."
        >>> sc.verify("The summit took place in Berlin.", source=source).label.value
        'contradicted'
    """
    from sourcecheck._verifier import verify as verify_offline

    if judge is None:
        judge = _choose_judge(model, **options)
    return verify_offline(statement_or_text, source=source, judge=judge)
