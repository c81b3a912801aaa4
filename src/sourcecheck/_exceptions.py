"""The one exception hierarchy of sourcecheck.

Catch ``SourcecheckError`` to handle everything the library raises on purpose::

    SourcecheckError
    ├── InputError            the article or statement cannot be read as text
    │   ├── EmptyInputError   empty, or whitespace only
    │   └── BinaryInputError  NUL bytes, invalid UTF-8, or not a str at all
    ├── GroundingError        a span does not match the text it claims to come from
    ├── ConfigurationError    a model, key, base URL, prompt or optional extra is missing or wrong
    │   ├── MissingExtraError an optional dependency (pandas, dask, ...) is not installed
    │   └── InvalidArgumentError an argument has a value it cannot take (also a ValueError)
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
    "InvalidArgumentError",
    "MissingExtraError",
    "ModelError",
    "ModelRateLimitError",
    "ModelResponseError",
    "ModelTimeoutError",
    "SourcecheckError",
]


class SourcecheckError(Exception):
    """Base class of every error sourcecheck raises on purpose.

    Example:
        >>> import sourcecheck as sc
        >>> try:
        ...     sc.extract("   ")
        ... except sc.SourcecheckError as error:
        ...     print(type(error).__name__, error)
        EmptyInputError the article is blank
    """


class InputError(SourcecheckError, ValueError):
    """The input cannot be read as an article or a statement.

    Example:
        >>> import sourcecheck as sc
        >>> issubclass(sc.InputError, ValueError)
        True
        >>> try:
        ...     sc.extract("")
        ... except sc.InputError as error:
        ...     print(error)
        the article is empty
    """


class EmptyInputError(InputError):
    """The input is empty or whitespace only.

    Example:
        >>> import sourcecheck as sc
        >>> try:
        ...     sc.verify("  ", source="The bridge opened in 1932.")
        ... except sc.EmptyInputError as error:
        ...     print(error)
        the statement is blank
    """


class BinaryInputError(InputError):
    """The input is binary (NUL bytes, invalid UTF-8) or not text at all.

    Example:
        >>> import sourcecheck as sc
        >>> try:
        ...     sc.extract(b"\\xff\\xfe")
        ... except sc.BinaryInputError as error:
        ...     print(error)
        the article is not valid UTF-8 (bad byte at position 0)
    """


class GroundingError(SourcecheckError, ValueError):
    """A span's text is not the text at its offsets in the source.

    Example:
        >>> import sourcecheck as sc
        >>> try:
        ...     sc.Span(start=0, end=3, text="cat").check("dog days")
        ... except sc.GroundingError as error:
        ...     print(error)
        span [0, 3) says 'cat' but the source holds 'dog'
    """


class ConfigurationError(SourcecheckError):
    """A setting (model, key, base URL, prompt, extra) is missing or wrong.

    Example:
        >>> import sourcecheck as sc
        >>> try:
        ...     sc.extract("Lee said it.", model="llama", base_url="ftp://host")
        ... except sc.ConfigurationError as error:
        ...     print(error)
        base URL 'ftp://host' is not an http(s) URL such as http://127.0.0.1:8080/v1
    """


class InvalidArgumentError(ConfigurationError, ValueError):
    """An argument has a value it cannot take (``workers=0``, ``concurrency=-1``).

    A wrong setting, so a ``ConfigurationError``; also a ``ValueError``, which is what
    such arguments raised before, so existing ``except ValueError`` keeps working.

    Example:
        >>> import asyncio, sourcecheck as sc
        >>> try:
        ...     asyncio.run(sc.aextract_many(["It rained."], concurrency=0))
        ... except sc.InvalidArgumentError as error:
        ...     print(error, isinstance(error, ValueError))
        concurrency must be at least 1, not 0 True
    """


class MissingExtraError(ConfigurationError, ImportError):
    """An optional dependency is needed for this feature but not installed.

    Example:
        >>> error = MissingExtraError("pandas", "pandas", "to_pandas()")
        >>> print(error)
        to_pandas() needs the optional package 'pandas': pip install 'sourcecheck[pandas]'
        >>> isinstance(error, ImportError), error.extra
        (True, 'pandas')
    """

    def __init__(self, package: str, extra: str, feature: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}: pip install 'sourcecheck[{extra}]'"
        )
        self.package = package
        self.extra = extra


class ModelError(SourcecheckError):
    """A model call failed after every bounded retry.

    Its subclasses say why; catching ``ModelError`` handles them all.

    Example:
        >>> import sourcecheck as sc
        >>> [issubclass(e, sc.ModelError) for e in
        ...  (sc.ModelTimeoutError, sc.ModelRateLimitError, sc.ModelResponseError)]
        [True, True, True]
    """


class ModelTimeoutError(ModelError):
    """The model server did not answer in time.

    Example:
        >>> import sourcecheck as sc
        >>> isinstance(sc.ModelTimeoutError("llama did not answer in time"), sc.ModelError)
        True
    """


class ModelRateLimitError(ModelError):
    """The model server kept refusing with HTTP 429.

    Example:
        >>> import sourcecheck as sc
        >>> issubclass(sc.ModelRateLimitError, sc.ModelError)
        True
    """


class ModelResponseError(ModelError):
    """The model answered, but its answer could not be used (malformed, empty, refused).

    Example:
        >>> import sourcecheck as sc
        >>> issubclass(sc.ModelResponseError, sc.ModelError)
        True
    """
