"""Long articles: read in parts split at paragraphs, then merge and deduplicate by span.

An article up to ``max_tokens`` (about 6,000 tokens) is one call. A longer one is split
at paragraph boundaries (a paragraph longer than the budget is split at sentences); each
part after the first also shows the previous part's last paragraph as context, so a
pronoun or a quote that runs on still has its antecedent. Items found twice (the model
reporting from the context despite being told not to) are merged by span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sourcecheck._document import Document, Sentence
from sourcecheck._exceptions import InvalidArgumentError
from sourcecheck._models import ReaderInfo, Usage
from sourcecheck._reading import Reading

__all__ = ["CHARS_PER_TOKEN", "Chunk", "estimate_tokens", "merge_readings", "plan_chunks"]

# English news text runs at about four characters per token for GPT-style tokenizers;
# an estimate keeps the splitter free of a tokenizer dependency.
CHARS_PER_TOKEN = 4
CONTEXT_SHARE = 8  # the context is at most 1/8 of the budget


@dataclass(frozen=True)
class Chunk:
    """The sentences one call reads, and the sentences it is shown only as context."""

    sentences: tuple[int, ...]
    context: tuple[int, ...] = ()


def estimate_tokens(text: str) -> int:
    """About how many tokens ``text`` is."""
    return len(text) // CHARS_PER_TOKEN + 1


def _paragraph_groups(document: Document, budget: int) -> list[list[Sentence]]:
    """Sentences grouped by paragraph; a paragraph over budget becomes several groups."""
    groups: list[list[Sentence]] = []
    for sentence in document.sentences:
        same = groups and groups[-1][-1].paragraph == sentence.paragraph
        size = sum(estimate_tokens(s.text) for s in groups[-1]) if same else 0
        if same and size + estimate_tokens(sentence.text) <= budget:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def _context(previous: Sequence[Sentence], budget: int) -> tuple[int, ...]:
    """The trailing sentences of the previous part, up to ``budget`` tokens."""
    picked: list[int] = []
    used = 0
    for sentence in reversed(previous):
        used += estimate_tokens(sentence.text)
        if used > budget:
            break
        picked.append(sentence.index)
    return tuple(reversed(picked))


def plan_chunks(document: Document, max_tokens: int = 6000) -> list[Chunk]:
    """Split ``document`` into calls of at most ``max_tokens`` article tokens each.

    Example:
        >>> doc = Document("One fact here.\\n\\nAnother fact there.")
        >>> plan_chunks(doc)
        [Chunk(sentences=(0, 1), context=())]
        >>> [c.sentences for c in plan_chunks(doc, max_tokens=5)]
        [(0,), (1,)]
    """
    if max_tokens < 1:
        raise InvalidArgumentError(f"max_tokens must be positive, not {max_tokens}")
    chunks: list[list[Sentence]] = [[]]
    size = 0
    for group in _paragraph_groups(document, max_tokens):
        tokens = sum(estimate_tokens(s.text) for s in group)
        if chunks[-1] and size + tokens > max_tokens:
            chunks.append([])
            size = 0
        chunks[-1].extend(group)
        size += tokens
    plans: list[Chunk] = []
    for i, sentences in enumerate(chunks):
        context: tuple[int, ...] = ()
        if i:
            previous = chunks[i - 1]
            last = [s for s in previous if s.paragraph == previous[-1].paragraph]
            context = _context(last, max(1, max_tokens // CONTEXT_SHARE))
        plans.append(Chunk(tuple(s.index for s in sentences), context))
    return plans


def merge_readings(readings: Sequence[Reading], reader: ReaderInfo) -> Reading:
    """One reading from the parts: items deduplicated by span, usage and warnings summed."""
    quotes = {q.span: q for q in reversed([q for r in readings for q in r.quotes])}
    attributions = {a.content: a for a in reversed([a for r in readings for a in r.attributions])}
    claims = {
        (c.evidence, " ".join(c.text.lower().split())): c
        for c in reversed([c for r in readings for c in r.claims])
    }
    usage = sum((r.usage for r in readings), Usage())
    warnings = tuple(dict.fromkeys(w for r in readings for w in r.warnings))
    return Reading(
        quotes=tuple(sorted(quotes.values(), key=lambda q: (q.span.start, q.span.end))),
        attributions=tuple(
            sorted(attributions.values(), key=lambda a: (a.content.start, a.content.end))
        ),
        claims=tuple(
            sorted(
                claims.values(),
                key=lambda c: (c.evidence[0].start if c.evidence else -1, c.sentence or -1),
            )
        ),
        reader=reader,
        usage=usage,
        warnings=warnings,
    )
