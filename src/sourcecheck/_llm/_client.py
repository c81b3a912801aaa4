"""Which server, which model, which instructor mode: the openai client and its settings.

The settings are plain data (no key in them: they go into the cache key, the result's
``ReaderInfo`` and error messages). The API key is read once, handed to the openai
client and never stored anywhere else, so it cannot reach a log, a cache file, a
cassette or a message.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx2
import instructor
import openai

from sourcecheck._exceptions import ConfigurationError

__all__ = [
    "DEFAULT_BASE_URL",
    "DUMMY_KEY",
    "ClientSettings",
    "choose_mode",
    "make_async_client",
    "make_client",
    "resolve_settings",
]

# instructor logs every failed attempt at ERROR; with no logging configured Python would
# print those to stderr. sourcecheck reports failures itself, as typed errors.
logging.getLogger("instructor").addHandler(logging.NullHandler())

DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Local servers (llama.cpp, Ollama, vLLM, LM Studio) ignore the key, but the SDK wants one.
DUMMY_KEY = "sk-no-key-required"

_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}


@dataclass(frozen=True)
class ClientSettings:
    """Everything about a model endpoint except the key.

    Example:
        >>> s = resolve_settings("llama", base_url="http://127.0.0.1:8080/v1")
        >>> s.mode.value, s.is_openai
        ('json_schema_mode', False)
    """

    model: str
    base_url: str
    mode: instructor.Mode
    timeout: float = 120.0
    sdk_retries: int = 2
    mode_chosen: bool = False  # True when the caller set the mode: never switch it

    @property
    def is_openai(self) -> bool:
        return urlsplit(self.base_url).hostname == "api.openai.com"


def choose_mode(base_url: str) -> instructor.Mode:
    """Tool calls for OpenAI itself; a JSON schema (grammar-constrained output on llama.cpp,
    vLLM and Ollama) for every other OpenAI-compatible server."""
    if urlsplit(base_url).hostname == "api.openai.com":
        return instructor.Mode.TOOLS
    return instructor.Mode.JSON_SCHEMA


def _parse_mode(mode: str | instructor.Mode | None, base_url: str) -> instructor.Mode:
    if mode is None:
        return choose_mode(base_url)
    if isinstance(mode, instructor.Mode):
        return mode
    key = mode.strip().lower().replace("-", "_")
    if key not in _MODES:
        raise ConfigurationError(f"unknown mode {mode!r}: use one of {', '.join(sorted(_MODES))}")
    return _MODES[key]


def _check_base_url(base_url: str) -> str:
    parts = urlsplit(base_url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ConfigurationError(
            f"base URL {base_url!r} is not an http(s) URL such as http://127.0.0.1:8080/v1"
        )
    if parts.username or parts.password:
        # A URL with credentials would end up in results and error messages.
        raise ConfigurationError("the base URL must not contain a user name or password")
    return base_url.rstrip("/")


def resolve_settings(
    model: str,
    *,
    base_url: str | None = None,
    mode: str | instructor.Mode | None = None,
    timeout: float = 120.0,
    sdk_retries: int = 2,
) -> ClientSettings:
    """Settings from the arguments, then ``$OPENAI_BASE_URL``, then OpenAI itself."""
    if not isinstance(model, str) or not model.strip():
        raise ConfigurationError("the model name is empty")
    url = _check_base_url(base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL)
    if timeout <= 0:
        raise ConfigurationError(f"timeout must be positive, not {timeout}")
    return ClientSettings(
        model=model.strip(),
        base_url=url,
        mode=_parse_mode(mode, url),
        mode_chosen=mode is not None,
        timeout=timeout,
        sdk_retries=max(0, sdk_retries),
    )


def _api_key(settings: ClientSettings, api_key: str | None) -> str:
    key = api_key or os.environ.get("OPENAI_API_KEY")
    if key:
        return key
    if settings.is_openai:
        raise ConfigurationError(
            f"model {settings.model!r} on OpenAI needs an API key: set OPENAI_API_KEY, "
            "or pass base_url= for a local OpenAI-compatible server"
        )
    return DUMMY_KEY


def _client_options(settings: ClientSettings, api_key: str | None) -> dict[str, Any]:
    return {
        "api_key": _api_key(settings, api_key),
        "base_url": settings.base_url,
        "timeout": settings.timeout,
        "max_retries": settings.sdk_retries,
    }


def make_client(
    settings: ClientSettings,
    *,
    api_key: str | None = None,
    http_client: httpx2.Client | None = None,
) -> openai.OpenAI:
    """A sync openai client; ``http_client`` lets tests swap the transport."""
    return openai.OpenAI(**_client_options(settings, api_key), http_client=http_client)


def make_async_client(
    settings: ClientSettings,
    *,
    api_key: str | None = None,
    http_client: httpx2.AsyncClient | None = None,
) -> openai.AsyncOpenAI:
    """An async openai client."""
    return openai.AsyncOpenAI(**_client_options(settings, api_key), http_client=http_client)
