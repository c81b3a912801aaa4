"""What the reader and the judge share: one model endpoint, its clients, cache and policy."""

from __future__ import annotations

import os

import httpx2
import instructor

from sourcecheck._llm._cache import ResponseCache, open_cache
from sourcecheck._llm._call import Caller
from sourcecheck._llm._client import (
    ClientSettings,
    make_async_client,
    make_client,
    resolve_settings,
)
from sourcecheck._llm._prompts import PromptTemplate
from sourcecheck._llm._retry import RetryPolicy
from sourcecheck._llm._usage import Price, resolve_price
from sourcecheck._models import ReaderInfo

__all__ = ["Endpoint"]


class Endpoint:
    """A model behind an OpenAI-compatible API, with every bound set.

    ``sdk_retries`` (transport retries inside the SDK), ``reasks`` (instructor re-asks on
    answers that do not validate) and ``attempts`` (whole-call retries on transient
    failures, waiting at most ``retry_wait`` seconds each) multiply: the worst case is
    ``attempts * (reasks + 1) * (sdk_retries + 1)`` requests, each at most ``timeout``.
    The defaults (2 attempts, 1 re-ask, 1 SDK retry, 300 s) keep a dead local server
    from holding a run for long while still riding out a 429 or a dropped connection.
    """

    prompt: PromptTemplate  # each kind of endpoint sets its own template

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        mode: str | instructor.Mode | None = None,
        cache: bool | str | os.PathLike[str] | ResponseCache | None = True,
        api_key: str | None = None,
        timeout: float = 300.0,
        sdk_retries: int = 1,
        attempts: int = 2,
        reasks: int = 1,
        max_completion_tokens: int = 2048,
        price: Price | tuple[float, float] | None = None,
        retry_wait: float = 30.0,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        settings = resolve_settings(
            model, base_url=base_url, mode=mode, timeout=timeout, sdk_retries=sdk_retries
        )
        self.price = resolve_price(price)
        # The key goes into the openai clients and nowhere else.
        self.caller = Caller(
            settings,
            policy=RetryPolicy(attempts=attempts, max_wait=retry_wait),
            cache=open_cache(cache),
            client=make_client(settings, api_key=api_key, http_client=http_client),
            aclient=make_async_client(settings, api_key=api_key, http_client=async_http_client),
            reasks=max(0, reasks),
            max_completion_tokens=max_completion_tokens,
        )

    @property
    def settings(self) -> ClientSettings:
        """The endpoint's settings (the mode may have fallen back from JSON schema to JSON)."""
        return self.caller.settings

    @property
    def info(self) -> ReaderInfo:
        """What a result came from: the model, its server, and the prompt's name and version."""
        return ReaderInfo(
            name="llm",
            model=self.settings.model,
            base_url=self.settings.base_url,
            prompt=self.prompt.name,
            prompt_version=self.prompt.version,
        )

    def __repr__(self) -> str:
        s = self.settings
        return (
            f"{type(self).__name__}(model={s.model!r}, base_url={s.base_url!r}, "
            f"mode={s.mode.value!r})"
        )
