"""Grounding for the LLM layer: the model's sentence numbers and verbatim text -> spans.

The model sees sentences numbered from 1 and never reports offsets. This module maps its
numbers to ``Document`` sentences and asks the aligner where its text is, starting the
search at the sentence it cited, so a phrase that recurs resolves to the cited place.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcecheck._aligner import Aligner
from sourcecheck._document import Document, Sentence
from sourcecheck._models import GroundingStatus, Span

__all__ = ["VERBATIM", "Found", "Grounder"]

# A direct quote must be found exactly or after normalising case, space, quotes, dashes.
VERBATIM = frozenset({GroundingStatus.EXACT, GroundingStatus.NORMALIZED})
_MAX_TRIES = 20  # occurrences tried before a word-bounded match is given up


@dataclass(frozen=True)
class Found:
    """Where a piece of model text is in the source, and how it was found."""

    span: Span | None
    status: GroundingStatus

    @property
    def verbatim(self) -> bool:
        return self.span is not None and self.status in VERBATIM


class Grounder:
    """Finds model text in one document.

    Example:
        >>> g = Grounder(Document("The mayor resigned. She gave no reason."))
        >>> found = g.find("she gave no reason", sentence=2)
        >>> found.span.text, found.status.value
        ('She gave no reason', 'normalized')
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._aligner = Aligner(document.text)

    def sentence(self, number: int | None) -> Sentence | None:
        """The sentence the model calls ``number`` (numbered from 1), if it exists."""
        if number is None or not 1 <= number <= len(self.document.sentences):
            return None
        return self.document.sentences[number - 1]

    def find(self, text: str | None, sentence: int | None = None) -> Found:
        """Align ``text``, preferring a match at or after the cited sentence."""
        if text is None or not text.strip():
            return Found(None, GroundingStatus.NONE)
        cited = self.sentence(sentence)
        alignment = self._aligner.find(text, cited.span.start if cited is not None else 0)
        return Found(alignment.span, alignment.status)

    def find_words(self, text: str | None, sentence: int | None = None) -> Found:
        """Like ``find``, but only a verbatim match that starts and ends on word
        boundaries counts: the speaker "he" is not the end of "the"."""
        cited = self.sentence(sentence)
        hint = cited.span.start if cited is not None else 0
        source = self.document.text
        for _ in range(_MAX_TRIES):
            found = self._from(text, hint)
            span = found.span
            if not found.verbatim or span is None or span.start < hint:
                return Found(None, GroundingStatus.NONE)
            before = source[span.start - 1] if span.start else " "
            after = source[span.end] if span.end < len(source) else " "
            if not (before.isalnum() or after.isalnum()):
                return found
            hint = span.start + 1
        return Found(None, GroundingStatus.NONE)

    def _from(self, text: str | None, hint: int) -> Found:
        if text is None or not text.strip():
            return Found(None, GroundingStatus.NONE)
        alignment = self._aligner.find(text, hint)
        return Found(alignment.span, alignment.status)

    def nearest(self, text: str, sentence: int | None = None) -> str | None:
        """The source text closest to ``text``: the fuzzy match, else the cited sentence."""
        found = self.find(text, sentence)
        if found.span is not None:
            return found.span.text
        cited = self.sentence(sentence)
        return cited.text if cited is not None else None
