"""The LLM layer: instructor over any OpenAI-compatible server, grounded, retried, cached.

Only ``sourcecheck._api`` imports this package, and lazily: the core (document, aligner,
offline reader, verifier) never does, which an import-linter contract checks.

Example:
    >>> from sourcecheck._llm import LLMReader
    >>> LLMReader("llama", base_url="http://127.0.0.1:8080/v1", cache=False).info.prompt
    'read_article'
"""

from sourcecheck._llm._cache import ResponseCache
from sourcecheck._llm._judge import Judgement, LLMJudge
from sourcecheck._llm._reader import LLMReader
from sourcecheck._llm._usage import Price

__all__ = ["Judgement", "LLMJudge", "LLMReader", "Price", "ResponseCache"]
