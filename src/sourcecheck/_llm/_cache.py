"""An on-disk cache of model answers, so a re-run makes no calls.

The key is a SHA-256 over everything that shapes an answer: model, base URL, instructor
mode, prompt name and version, the response schema and the rendered messages (which hold
the article text). The API key is not part of it and is never written. Each entry is one
small JSON file, written atomically, so concurrent runs cannot leave a torn entry; an
unreadable entry counts as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcecheck._exceptions import ConfigurationError

__all__ = [
    "CACHE_ENV",
    "CachedAnswer",
    "ResponseCache",
    "cache_key",
    "default_cache_dir",
    "open_cache",
]

CACHE_ENV = "SOURCECHECK_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$SOURCECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/sourcecheck``, else ``~/.cache``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sourcecheck"


def cache_key(**parts: Any) -> str:
    """A stable hex digest of ``parts`` (JSON with sorted keys)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedAnswer:
    """A validated answer (as JSON data) and the tokens it cost when it was made."""

    answer: dict[str, Any]
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ResponseCache:
    """Answers stored as ``<dir>/<key[:2]>/<key>.json``.

    Example:
        >>> import tempfile
        >>> cache = ResponseCache(tempfile.mkdtemp())
        >>> cache.put("ab12", CachedAnswer({"claims": []}, 10, 2))
        >>> cache.get("ab12").completion_tokens
        2
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()

    def __repr__(self) -> str:
        return f"ResponseCache({str(self.directory)!r})"

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedAnswer | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return CachedAnswer(
                answer=dict(data["answer"]),
                prompt_tokens=int(data.get("prompt_tokens", 0)),
                completion_tokens=int(data.get("completion_tokens", 0)),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, entry: CachedAnswer) -> None:
        path = self._path(key)
        payload = {
            "answer": entry.answer,
            "prompt_tokens": entry.prompt_tokens,
            "completion_tokens": entry.completion_tokens,
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as exc:
            raise ConfigurationError(
                f"cannot write the model cache in {self.directory}: {exc.strerror or exc}; "
                "pass cache=False to read without it"
            ) from None


def open_cache(cache: bool | str | os.PathLike[str] | ResponseCache | None) -> ResponseCache | None:
    """``True``/``None``: the default directory; a path: that directory; ``False``: no cache."""
    if cache is False:
        return None
    if isinstance(cache, ResponseCache):
        return cache
    if cache is True or cache is None:
        return ResponseCache()
    return ResponseCache(cache)
