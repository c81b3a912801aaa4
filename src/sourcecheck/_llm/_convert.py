"""Model answers -> grounded ``Reading`` items. Nothing the model says passes ungrounded.

- Quotes code found keep their spans; the model only names the speaker, and a speaker or
  cue counts only if it is found in the text next to the quote.
- A new direct quote counts only if it is in the text verbatim (exact or normalised);
  otherwise it becomes a claim draft with grounding ``none`` and the quoted words, so the
  verifier marks it unsupported and the reader records a warning.
- Attributions and claim evidence are aligned; a claim whose evidence is not found is
  kept with no evidence (grounding ``none``), never dropped.
- Names the model resolves (speaker, source) are kept only if the article contains them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sourcecheck._document import Document
from sourcecheck._llm._ground import Found, Grounder
from sourcecheck._llm._schemas import (
    ArticleReading,
    AttributionItem,
    ClaimItem,
    NewQuoteItem,
    SpeakerItem,
)
from sourcecheck._models import (
    Attribution,
    AttributionKind,
    ClaimKind,
    GroundingStatus,
    Quote,
    QuoteKind,
    Span,
)
from sourcecheck._reading import ClaimDraft

__all__ = ["Converted", "convert_answer"]

_MARKS = "\"'“”‘’«»„"
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
_ATTRIBUTION_KIND = {
    "indirect": AttributionKind.INDIRECT,
    "according-to": AttributionKind.ACCORDING_TO,
    "direct": AttributionKind.DIRECT,
    "partial": AttributionKind.PARTIAL,
}
_NEAR = 1  # a speaker or cue must sit in the quote's sentence or one next to it


@dataclass
class Converted:
    """The grounded items of one answer, and what could not be grounded."""

    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[ClaimDraft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _clip(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _unquote(text: str) -> str:
    return text.strip().strip(_MARKS).strip()


class _Converter:
    def __init__(self, grounder: Grounder, fixed: Sequence[Quote]) -> None:
        self.grounder = grounder
        self.document: Document = grounder.document
        self.fixed = list(fixed)
        self.out = Converted()

    # -- helpers ------------------------------------------------------------------

    def _near(self, text: str | None, anchor: Span) -> Span | None:
        """``text`` found verbatim in or next to the sentence(s) of ``anchor``."""
        if not text or not text.strip():
            return None
        sentences = self.document.sentences_in(anchor)
        if not sentences:
            return None
        first, last = sentences[0].index, sentences[-1].index
        for number in (first + 1, max(1, first)):  # the model's numbering starts at 1
            found = self.grounder.find_words(_unquote(text) or text, number)
            if found.verbatim and found.span is not None:
                where = self.document.sentences_in(found.span)
                if where and first - _NEAR <= where[0].index <= last + _NEAR:
                    return found.span
        return None

    def _name(self, name: str | None) -> str | None:
        """A resolved name, kept only if the article contains it."""
        if not name or not name.strip():
            return None
        if self.grounder.find(name.strip()).verbatim:
            return name.strip()
        self.out.warnings.append(f"name {_clip(name)!r} from the model is not in the article")
        return None

    # -- items --------------------------------------------------------------------

    def speaker(self, item: SpeakerItem) -> None:
        if not 1 <= item.quote <= len(self.fixed):
            self.out.warnings.append(f"the model attributed Q{item.quote}, which does not exist")
            return
        quote = self.fixed[item.quote - 1]
        speaker = self._near(item.speaker, quote.span)
        if speaker is None:
            if item.speaker:
                self.out.warnings.append(
                    f"speaker {_clip(item.speaker)!r} for quote {_clip(quote.span.text, 40)!r} "
                    "is not next to the quote; kept the speaker code found"
                )
            return
        self.fixed[item.quote - 1] = quote.model_copy(
            update={
                "speaker": speaker,
                "speaker_name": self._name(item.speaker_name) or speaker.text,
                "speaker_role": item.speaker_role or quote.speaker_role,
                "cue": self._near(item.cue, quote.span) or quote.cue,
            }
        )

    def new_quote(self, item: NewQuoteItem) -> None:
        text = _unquote(item.text)
        found = self.grounder.find(text, item.sentence)
        if found.verbatim and found.span is not None:
            span = found.span
            if any(q.span.overlaps(span) for q in self.fixed + self.out.quotes):
                return  # the same quote, already listed
            self.out.quotes.append(
                Quote(
                    span=span,
                    speaker=self._near(item.speaker, span),
                    speaker_name=self._name(item.speaker_name),
                    speaker_role=item.speaker_role,
                    cue=self._near(item.cue, span),
                    kind=QuoteKind.DIRECT,
                    grounding=found.status,
                )
            )
            return
        self._ungrounded_quote(item, text, found)

    def _ungrounded_quote(self, item: NewQuoteItem, text: str, found: Found) -> None:
        who = item.speaker_name or item.speaker or "someone"
        cited = self.grounder.sentence(item.sentence)
        self.out.claims.append(
            ClaimDraft(
                text=f"{who} said: “{text}”",
                kind=ClaimKind.QUOTE,
                grounding=GroundingStatus.NONE,
                sentence=cited.index if cited is not None else None,
                quoted=(text,),
            )
        )
        near = f" (nearest: {_clip(found.span.text)!r})" if found.span is not None else ""
        self.out.warnings.append(
            f"quote {_clip(text)!r} from the model is not in the article verbatim{near}: "
            "kept ungrounded"
        )

    def attribution(self, item: AttributionItem) -> None:
        found = self.grounder.find(_unquote(item.content), item.sentence)
        if found.span is None:
            self.out.warnings.append(
                f"attribution content {_clip(item.content)!r} is not in the article: left out"
            )
            return
        source = self._near(item.source, found.span)
        self.out.attributions.append(
            Attribution(
                content=found.span,
                cue=self._near(item.cue, found.span),
                source=source,
                source_name=self._name(item.source_name) or (source.text if source else None),
                kind=_ATTRIBUTION_KIND[item.kind],
                anonymous=item.anonymous,
                grounding=found.status,
            )
        )

    def claim(self, item: ClaimItem) -> None:
        found = self.grounder.find(_unquote(item.evidence), item.sentence)
        quoted = tuple(m.group(1).strip() for m in _QUOTED.finditer(item.statement))
        kind = ClaimKind(item.kind)
        if found.span is None:
            cited = self.grounder.sentence(item.sentence)
            self.out.claims.append(
                ClaimDraft(
                    text=item.statement,
                    kind=kind,
                    grounding=GroundingStatus.NONE,
                    sentence=cited.index if cited is not None else None,
                    quoted=quoted,
                )
            )
            self.out.warnings.append(
                f"evidence {_clip(item.evidence)!r} for claim {_clip(item.statement)!r} "
                "is not in the article: kept ungrounded"
            )
            return
        sentence = self.document.sentence_at(found.span.start)
        if sentence is not None and not sentence.is_body:
            self.out.warnings.append(
                f"claim {_clip(item.statement)!r} comes from the {sentence.role.value}, "
                "not the body: left out"
            )
            return
        self.out.claims.append(
            ClaimDraft(
                text=item.statement,
                evidence=(found.span,),
                kind=kind,
                grounding=found.status,
                sentence=sentence.index if sentence is not None else None,
                quoted=quoted,
                attribution=self._attribution_for(found.span),
            )
        )

    def _attribution_for(self, evidence: Span) -> Attribution | None:
        for attribution in self.out.attributions:
            if attribution.content.overlaps(evidence):
                return attribution
        return None

    def quote_attributions(self) -> list[Attribution]:
        """A direct-quote attribution for every quote, as the data model pairs them."""
        return [
            Attribution(
                content=q.span,
                cue=q.cue,
                source=q.speaker,
                source_name=q.speaker_name,
                source_role=q.speaker_role,
                kind=AttributionKind.PARTIAL
                if q.kind is QuoteKind.PARTIAL
                else AttributionKind.DIRECT,
                grounding=q.grounding,
            )
            for q in self.fixed + self.out.quotes
        ]


def convert_answer(answer: ArticleReading, grounder: Grounder, fixed: Sequence[Quote]) -> Converted:
    """Ground one answer; ``fixed`` are the quotes code found, numbered from 1 in the prompt."""
    converter = _Converter(grounder, fixed)
    for speaker in answer.quote_speakers:
        converter.speaker(speaker)
    for quote in answer.new_quotes:
        converter.new_quote(quote)
    for attribution in answer.attributions:
        converter.attribution(attribution)
    converter.out.attributions.extend(converter.quote_attributions())
    for claim in answer.claims:
        converter.claim(claim)
    converter.out.quotes = converter.fixed + converter.out.quotes
    return converter.out
