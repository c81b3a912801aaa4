"""The one exception hierarchy of sourcecheck.

Catch ``SourcecheckError`` to handle everything the library raises on purpose::

    SourcecheckError
    ├── InputError            the article or statement cannot be read as text
    │   ├── EmptyInputError   empty, or whitespace only
    │   └── BinaryInputError  NUL bytes, invalid UTF-8, or not a str at all
    ├── GroundingError        a span does not match the text it claims to come from
    ├── ConfigurationError    a model, key, base URL, prompt or optional extra is missing or wrong
    │   └── MissingExtraError an optional dependency (pandas, dask, ...) is not installed
    └── ModelError            a model call failed after every bounded retry
        ├── ModelTimeoutError
        ├── ModelRateLimitError
        └── ModelResponseError the model answered, but not with something usable

Messages never contain API keys.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigurationError",
    "EmptyInputError",
    "GroundingError",
    "InputError",
    "MissingExtraError",
    "ModelError",
    "ModelRateLimitError",
    "ModelResponseError",
    "ModelTimeoutError",
    "SourcecheckError",
]


class SourcecheckError(Exception):
    """Base class of every error sourcecheck raises on purpose."""


class InputError(SourcecheckError, ValueError):
    """The input cannot be read as an article or a statement."""


class EmptyInputError(InputError):
    """The input is empty or whitespace only."""


class BinaryInputError(InputError):
    """The input is binary (NUL bytes, invalid UTF-8) or not text at all."""


class GroundingError(SourcecheckError, ValueError):
    """A span's text is not the text at its offsets in the source."""


class ConfigurationError(SourcecheckError):
    """A setting (model, key, base URL, prompt, extra) is missing or wrong."""


class MissingExtraError(ConfigurationError, ImportError):
    """An optional dependency is needed for this feature but not installed."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}: pip install 'sourcecheck[{extra}]'"
        )
        self.package = package
        self.extra = extra


class ModelError(SourcecheckError):
    """A model call failed after every bounded retry."""


class ModelTimeoutError(ModelError):
    """The model server did not answer in time."""


class ModelRateLimitError(ModelError):
    """The model server kept refusing with HTTP 429."""


class ModelResponseError(ModelError):
    """The model answered, but its answer could not be used (malformed, empty, refused)."""
