"""One structured call: cache, then instructor (with re-asks) inside the retry policy.

Shared by the reader and the judge. The sync and async paths differ only in the line
that awaits; everything else (keys, messages, salvage of the last answer) is here once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

import instructor
import openai
import pydantic
from instructor.core import Hooks, InstructorRetryException

from sourcecheck._llm._cache import CachedAnswer, ResponseCache, cache_key
from sourcecheck._llm._client import ClientSettings
from sourcecheck._llm._prompts import PromptTemplate
from sourcecheck._llm._retry import RetryPolicy, root_cause
from sourcecheck._llm._schemas import ReadContext
from sourcecheck._llm._usage import UsageMeter

__all__ = ["Caller", "StructuredRequest"]

M = TypeVar("M", bound=pydantic.BaseModel)
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


@dataclass(frozen=True)
class StructuredRequest(Generic[M]):
    """Messages for one call, the model class to fill, and what validators check against."""

    prompt: PromptTemplate
    messages: list[dict[str, str]]
    response_model: type[M]
    context: ReadContext

    def key(self, settings: ClientSettings) -> str:
        return cache_key(
            model=settings.model,
            base_url=settings.base_url,
            mode=settings.mode.value,
            prompt=self.prompt.name,
            prompt_version=self.prompt.version,
            schema=self.response_model.model_json_schema(),
            messages=self.messages,
        )


def _raw_json(completion: Any) -> str | None:
    """The JSON text of a chat completion: tool-call arguments, else message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return str(calls[0].function.arguments)
    content = getattr(message, "content", None)
    if not content:
        return None
    fenced = _FENCE.search(content)
    return fenced.group(1) if fenced else str(content)


def _schema_rejected(exc: BaseException) -> bool:
    """The server refused ``response_format: json_schema`` (llama-cpp-python's server
    accepts only ``json_object``), as opposed to failing for another reason."""
    cause = root_cause(exc)
    return (
        isinstance(cause, openai.APIStatusError)
        and cause.status_code in {400, 422, 500}
        and "json_schema" in str(cause.body or cause.message)
    )


class Caller:
    """Runs structured calls for one endpoint, counting usage in a ``UsageMeter``."""

    def __init__(
        self,
        settings: ClientSettings,
        *,
        policy: RetryPolicy,
        cache: ResponseCache | None,
        client: openai.OpenAI,
        aclient: openai.AsyncOpenAI,
        reasks: int = 1,
        max_completion_tokens: int = 2048,
        temperature: float = 0.0,
    ) -> None:
        self.settings = settings
        # Cache keys use the settings as configured, so a run that fell back from JSON
        # schema to JSON finds the answers an earlier run stored after the same fallback.
        self._configured = settings
        self.policy = policy
        self.cache = cache
        self.reasks = reasks
        self.max_completion_tokens = max_completion_tokens
        self.temperature = temperature
        self._openai = client
        self._aopenai = aclient
        # After a fallback to JSON mode: send the schema as llama-cpp-python's
        # ``{"type": "json_object", "schema": ...}``, which it enforces with a grammar.
        self._schema_in_body = False

    @property
    def where(self) -> str:
        return f"model {self.settings.model!r} at {self.settings.base_url}"

    def _fall_back(self, exc: BaseException) -> bool:
        """Switch JSON_SCHEMA -> JSON (schema in the prompt) once, if the mode was ours."""
        if (
            self.settings.mode is not instructor.Mode.JSON_SCHEMA
            or self.settings.mode_chosen
            or not _schema_rejected(exc)
        ):
            return False
        self.settings = replace(self.settings, mode=instructor.Mode.JSON)
        self._schema_in_body = True
        return True

    def _kwargs(self, request: StructuredRequest[M], meter: UsageMeter) -> dict[str, Any]:
        hooks = Hooks()
        hooks.on("completion:response", meter.on_response)
        extra: dict[str, Any] = {}
        if self._schema_in_body:
            schema = request.response_model.model_json_schema()
            extra["extra_body"] = {"response_format": {"type": "json_object", "schema": schema}}
        return {
            **extra,
            "model": self.settings.model,
            "messages": request.messages,
            "response_model": request.response_model,
            "max_retries": self.reasks,
            "context": {"read": request.context},
            "strict": False,
            "hooks": hooks,
            "temperature": self.temperature,
            "max_tokens": self.max_completion_tokens,
        }

    def _salvage(self, exc: InstructorRetryException, request: StructuredRequest[M]) -> M:
        """After the re-asks: the last answer parsed as it is, so its items are kept (as
        ungrounded where they fail) rather than lost. Anything else re-raises."""
        if not isinstance(root_cause(exc), pydantic.ValidationError):
            raise exc
        text = _raw_json(exc.last_completion)
        if text is None:
            raise exc
        lenient = {"read": replace(request.context, enforce=False)}
        try:
            return request.response_model.model_validate_json(text, context=lenient, strict=False)
        except pydantic.ValidationError:
            pass
        try:
            # Local models often put raw newlines or tabs inside JSON strings, which strict
            # JSON forbids; Python's parser accepts them with strict=False.
            data = json.loads(text, strict=False)
            return request.response_model.model_validate(data, context=lenient, strict=False)
        except (pydantic.ValidationError, ValueError):
            pass
        raise exc  # outside the handler: keeps instructor's __cause__ for the error mapping

    def _cached(self, request: StructuredRequest[M], meter: UsageMeter) -> M | None:
        if self.cache is None:
            return None
        hit = self.cache.get(request.key(self._configured))
        if hit is None:
            return None
        try:
            answer = request.response_model.model_validate(
                hit.answer, context={"read": replace(request.context, enforce=False)}
            )
        except pydantic.ValidationError:
            return None  # a stale entry from an older schema: ask again
        meter.cached_calls += 1
        return answer

    def _store(self, request: StructuredRequest[M], answer: M, spent: UsageMeter) -> None:
        if self.cache is not None:
            entry = CachedAnswer(
                answer.model_dump(mode="json"), spent.prompt_tokens, spent.completion_tokens
            )
            self.cache.put(request.key(self._configured), entry)

    def _create(self, request: StructuredRequest[M], meter: UsageMeter) -> M:
        client = instructor.from_openai(self._openai, mode=self.settings.mode)
        try:
            result: M = client.chat.completions.create(**self._kwargs(request, meter))
        except InstructorRetryException as exc:
            if self._fall_back(exc):
                return self._create(request, meter)
            return self._salvage(exc, request)
        return result

    async def _acreate(self, request: StructuredRequest[M], meter: UsageMeter) -> M:
        client = instructor.from_openai(self._aopenai, mode=self.settings.mode)
        try:
            result: M = await client.chat.completions.create(**self._kwargs(request, meter))
        except InstructorRetryException as exc:
            if self._fall_back(exc):
                return await self._acreate(request, meter)
            return self._salvage(exc, request)
        return result

    def call(self, request: StructuredRequest[M], meter: UsageMeter) -> M:
        """The answer to ``request``: from the cache, else from the model (then cached)."""
        answer = self._cached(request, meter)
        if answer is not None:
            return answer
        local = UsageMeter(price=meter.price)  # this call alone, even when calls overlap
        try:
            answer = self.policy.call(lambda: self._create(request, local), where=self.where)
        finally:
            meter.absorb(local)
        self._store(request, answer, local)
        return answer

    async def acall(self, request: StructuredRequest[M], meter: UsageMeter) -> M:
        """``call`` for asyncio."""
        answer = self._cached(request, meter)
        if answer is not None:
            return answer
        local = UsageMeter(price=meter.price)
        try:
            answer = await self.policy.acall(
                lambda: self._acreate(request, local), where=self.where
            )
        finally:
            meter.absorb(local)
        self._store(request, answer, local)
        return answer
