"""The third retry layer, and what a failed model call turns into.

Three layers, each bounded, so attempts multiply to a known worst case:

1. the openai SDK retries a request itself (connection errors, 408/409/429/5xx) up to
   ``sdk_retries`` times, honouring ``Retry-After``;
2. instructor re-asks up to ``reasks`` times when the answer does not validate;
3. this ``RetryPolicy`` repeats the whole structured call up to ``attempts`` times for
   transient failures (rate limits, timeouts, dropped connections, 5xx), waiting what
   the server's ``Retry-After`` asks (capped) or an exponential backoff.

instructor wraps the error of the last attempt in ``InstructorRetryException``; the
transient error is its ``__cause__``, so ``transient_cause`` unwraps it. When the policy
gives up, ``model_error`` maps the failure to a typed ``ModelError`` whose message says
what failed and where, without the key (the SDK's messages never hold it, and settings
carry none).
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import openai
import pydantic
from instructor.core import (
    IncompleteOutputException,
    InstructorRetryException,
    ResponseParsingError,
)
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
)

from sourcecheck._exceptions import (
    ConfigurationError,
    ModelError,
    ModelRateLimitError,
    ModelResponseError,
    ModelTimeoutError,
    SourcecheckError,
)

__all__ = ["RetryPolicy", "model_error", "retry_after", "root_cause", "transient_cause"]

T = TypeVar("T")

_TRANSIENT = (
    openai.RateLimitError,
    openai.APITimeoutError,
    openai.APIConnectionError,
    openai.InternalServerError,
)


def root_cause(exc: BaseException) -> BaseException:
    """The error under instructor's wrapper (its ``__cause__``), else ``exc`` itself."""
    seen = 0
    while isinstance(exc, InstructorRetryException) and exc.__cause__ is not None and seen < 5:
        exc, seen = exc.__cause__, seen + 1
    return exc


def transient_cause(exc: BaseException) -> BaseException | None:
    """The transient transport error behind ``exc``, if there is one."""
    cause = root_cause(exc)
    if isinstance(cause, _TRANSIENT):
        return cause
    if isinstance(cause, openai.APIStatusError) and cause.status_code in {408, 409, 502, 503, 504}:
        return cause
    return None


def retry_after(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (``Retry-After``/``retry-after-ms``), if any."""
    response = getattr(root_cause(exc), "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value) if value.strip() else None
        return None if when is None else max(0.0, when.timestamp() - time.time())


@dataclass(frozen=True)
class RetryPolicy:
    """Repeat a structured call on transient failures, bounded in attempts and in wait.

    Example:
        >>> RetryPolicy(attempts=3).delay(2, None)
        2.0
    """

    attempts: int = 3
    backoff: float = 1.0  # seconds before the second attempt; doubles after
    max_wait: float = 30.0  # no single wait is longer, whatever Retry-After says

    def delay(self, attempt: int, asked: float | None) -> float:
        """Seconds to wait after failed attempt ``attempt`` (1-based)."""
        wait = asked if asked is not None else self.backoff * 2 ** (attempt - 1)
        return min(wait, self.max_wait)

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome is not None else None
        return self.delay(state.attempt_number, retry_after(exc) if exc is not None else None)

    def _options(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(max(1, self.attempts)),
            "wait": self._wait,
            "retry": retry_if_exception(lambda exc: transient_cause(exc) is not None),
            "reraise": True,
        }

    def call(self, fn: Callable[[], T], *, where: str) -> T:
        """``fn()``, repeated on transient failures; a typed error when they run out."""
        retrying = Retrying(**self._options())
        with _typed_errors(where, retrying.statistics):
            return retrying(fn)

    async def acall(self, fn: Callable[[], Awaitable[T]], *, where: str) -> T:
        """``call`` for coroutines (waits with ``asyncio.sleep``)."""
        retrying = AsyncRetrying(**self._options())

        async def attempt() -> T:  # tenacity awaits only what is a coroutine function
            return await fn()

        with _typed_errors(where, retrying.statistics):
            return await retrying(attempt)


@contextmanager
def _typed_errors(where: str, statistics: dict[str, Any]) -> Iterator[None]:
    """Turn a failed model call into a typed error; ``statistics`` fill in as it runs."""
    try:
        yield
    except SourcecheckError:
        raise
    except Exception as exc:
        attempts = int(statistics.get("attempt_number", 1))
        error = model_error(exc, where=where, attempts=attempts)
        if error is None:
            raise  # not a model failure: a bug must surface as itself
        raise error from None


def _tries(attempts: int) -> str:
    return "1 attempt" if attempts == 1 else f"{attempts} attempts"


def model_error(exc: BaseException, *, where: str, attempts: int = 1) -> SourcecheckError | None:
    """A typed sourcecheck error for a failed call to ``where`` (model @ base URL), or
    None when ``exc`` is not a model failure at all (a bug, which must not be disguised)."""
    cause = root_cause(exc)
    tries = _tries(attempts)
    if isinstance(cause, openai.APITimeoutError):
        return ModelTimeoutError(f"{where} did not answer in time ({tries})")
    if isinstance(cause, openai.RateLimitError):
        return ModelRateLimitError(f"{where} kept answering 429 Too Many Requests ({tries})")
    if isinstance(cause, openai.APIConnectionError):
        return ModelError(f"cannot connect to {where} ({tries}): {cause.message}")
    if isinstance(cause, openai.AuthenticationError | openai.PermissionDeniedError):
        return ConfigurationError(f"{where} refused the API key (HTTP {cause.status_code})")
    if isinstance(cause, openai.NotFoundError):
        return ConfigurationError(f"{where}: model or endpoint not found (HTTP 404)")
    if isinstance(cause, openai.APIStatusError):
        return ModelError(
            f"{where} failed with HTTP {cause.status_code} ({tries}): {_brief(cause)}"
        )
    return _response_error(exc, cause, where)


def _response_error(
    exc: BaseException, cause: BaseException, where: str
) -> ModelResponseError | None:
    problem = _completion_problem(getattr(exc, "last_completion", None))
    if problem:
        return ModelResponseError(f"{where} {problem}")
    if isinstance(cause, IncompleteOutputException):
        return ModelResponseError(f"{where} stopped at its token limit: the answer is cut off")
    if isinstance(cause, AssertionError) and "due to" in str(cause):
        return ModelResponseError(f"{where} refused to answer: {str(cause)[:200]}")
    if isinstance(cause, json.JSONDecodeError | pydantic.ValidationError):
        kind = "is not valid JSON" if isinstance(cause, json.JSONDecodeError) else "does not fit"
        return ModelResponseError(
            f"the answer of {where} {kind} the expected structure, after every re-ask: "
            f"{_first_line(cause)}"
        )
    if isinstance(cause, ResponseParsingError | openai.APIResponseValidationError):
        return ModelResponseError(f"{where} gave an unusable answer: {_first_line(cause)}")
    return None


def _completion_problem(completion: Any) -> str | None:
    """What is wrong with the last answer itself: a refusal, or nothing in it."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    refusal = getattr(message, "refusal", None)
    if refusal:
        return f"refused to answer: {str(refusal)[:200]}"
    if (
        not getattr(message, "tool_calls", None)
        and not (getattr(message, "content", None) or "").strip()
    ):
        return "gave an empty answer"
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


def _brief(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        message = body.get("message") or body.get("error")
        if isinstance(message, dict):
            message = message.get("message")
        if message:
            return str(message)[:200]
    return _first_line(exc)
